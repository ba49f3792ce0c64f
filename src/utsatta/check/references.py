"""Checks across files: ids that must exist, names that must agree, duties that must fit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from utsatta.check.schema import menade_du
from utsatta.compute.responsibility import responsible, samordnande
from utsatta.findings import Issue, Path_, fel, varning
from utsatta.load.dataset import DataSet, SourceFile

#: A CODEOWNERS owner: @user, @org/team or an e-mail address.
_HANDLE = re.compile(
    r"(@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:/[A-Za-z0-9_.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)\Z"
)


def _duplicates(
    file: str, items: Iterable[Any], base: Path_, what: str, issues: list[Issue]
) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            issues.append(
                fel(
                    file,
                    (*base, i, "id"),
                    "dubblett-id",
                    f"{what} '{item.id}' finns redan tidigare i filen. Varje id får bara "
                    "förekomma en gång.",
                )
            )
        seen.add(item.id)


def _unknown(
    file: str,
    path: Path_,
    code: str,
    what: str,
    value: str,
    known: Iterable[str],
    where: str,
) -> Issue:
    known = list(dict.fromkeys(known))  # a duplicated id is listed once
    return fel(
        file,
        path,
        code,
        f"{what} '{value}' finns inte i {where}.{menade_du(value, known)} Giltiga: "
        f"{', '.join(known)}.",
    )


def check_references(ds: DataSet) -> list[Issue]:
    issues: list[Issue] = []
    plan = ds.plan.model if ds.plan else None
    orgs = ds.organisationer.model if ds.organisationer else None
    omr = ds.omraden.model if ds.omraden else None

    org_ids = [o.id for o in orgs.organisationer] if orgs else []
    group_ids = [g.id for g in orgs.grupper] if orgs else []
    omrade_ids = [o.id for o in omr.omraden] if omr else []
    insats_ids = [i.id for i in plan.insatser] if plan else []
    fokus_ids = [f.id for f in plan.fokusomraden] if plan else []

    if orgs and ds.organisationer:
        f = ds.organisationer.display
        _duplicates(f, orgs.organisationer, ("organisationer",), "Organisationen", issues)
        for oi, org in enumerate(orgs.organisationer):
            for gi, handle in enumerate(org.granskare):
                if not _HANDLE.match(handle):
                    issues.append(
                        fel(
                            f,
                            ("organisationer", oi, "granskare", gi),
                            "ogiltig-granskare",
                            f"'{handle}' är inte en GitHub-användare eller ett team. Skriv "
                            "'@användarnamn', '@organisation/team' eller en e-postadress.",
                        )
                    )
        _duplicates(f, orgs.grupper, ("grupper",), "Gruppen", issues)
        for gi, g in enumerate(orgs.grupper):
            if g.id in org_ids:
                issues.append(
                    fel(
                        f,
                        ("grupper", gi, "id"),
                        "dubblett-id",
                        f"Gruppen '{g.id}' har samma id som en organisation. Välj ett annat id.",
                    )
                )
            for mi, m in enumerate(g.medlemmar or []):
                if m not in org_ids:
                    issues.append(
                        _unknown(
                            f,
                            ("grupper", gi, "medlemmar", mi),
                            "okand-organisation",
                            "Organisationen",
                            m,
                            org_ids,
                            "organisationer.yaml",
                        )
                    )

    if plan and ds.plan:
        f = ds.plan.display
        _duplicates(f, plan.insatser, ("insatser",), "Insatsen", issues)
        _duplicates(f, plan.fokusomraden, ("fokusomraden",), "Fokusområdet", issues)
        if plan.plan.giltighet.fran > plan.plan.giltighet.till:
            issues.append(
                fel(
                    f,
                    ("plan", "giltighet"),
                    "ogiltig-giltighet",
                    "Giltighetstiden börjar efter att den slutar. Kontrollera 'fran' och 'till'.",
                )
            )
        for ii, ins in enumerate(plan.insatser):
            if ins.fokusomrade not in fokus_ids:
                issues.append(
                    _unknown(
                        f,
                        ("insatser", ii, "fokusomrade"),
                        "okant-fokusomrade",
                        "Fokusområdet",
                        ins.fokusomrade,
                        fokus_ids,
                        "planens fokusomraden",
                    )
                )
            if orgs:
                for key in ("samordningsansvar", "ansvar"):
                    for ai, ident in enumerate(getattr(ins, key)):
                        if ident not in org_ids and ident not in group_ids:
                            issues.append(
                                _unknown(
                                    f,
                                    ("insatser", ii, key, ai),
                                    "okand-organisation",
                                    "Organisationen eller gruppen",
                                    ident,
                                    [*org_ids, *group_ids],
                                    "organisationer.yaml",
                                )
                            )
            up = ins.uppfoljning
            if up.ar is not None and not (
                plan.plan.giltighet.fran <= up.ar <= plan.plan.giltighet.till
            ):
                issues.append(
                    fel(
                        f,
                        ("insatser", ii, "uppfoljning", "ar"),
                        "ar-utanfor-planen",
                        f"Uppföljningsåret {up.ar} ligger utanför planens giltighetstid "
                        f"{plan.plan.giltighet.fran}–{plan.plan.giltighet.till}.",
                    )
                )

    if omr and ds.omraden:
        _check_omraden(ds.omraden, issues)

    editions = [u.ar for u in omr.upplagor] if omr else []
    for ind in ds.indikatorer:
        _check_indikator(ind, insats_ids, fokus_ids, omrade_ids, issues)
        b = ind.model.berakning if ind.model else None
        if b is not None and b.jamfor_med is not None and omr and b.jamfor_med not in editions:
            issues.append(
                _unknown(
                    ind.display,
                    ("berakning", "jamfor_med"),
                    "okand-upplaga",
                    "Upplagan",
                    str(b.jamfor_med),
                    [str(e) for e in editions],
                    "omraden.yaml",
                )
            )

    ctx = _ReportContext.build(ds, org_ids, insats_ids, omrade_ids)
    for rep in ds.rapporter:
        _check_rapport(ds, rep, ctx, issues)
    return issues


def _kalla_ids(kallor: Iterable[Any]) -> list[str]:
    return [k.id for k in kallor]


def _check_omraden(src: SourceFile[Any], issues: list[Issue]) -> None:
    omr = src.model
    if omr is None:
        return
    f = src.display
    _duplicates(f, omr.kallor, ("kallor",), "Källan", issues)
    _duplicates(f, omr.omraden, ("omraden",), "Området", issues)
    editions = [u.ar for u in omr.upplagor]
    kallor = _kalla_ids(omr.kallor)
    for oi, o in enumerate(omr.omraden):
        seen: set[int] = set()
        for ki, k in enumerate(o.klassning):
            if k.upplaga not in editions:
                issues.append(
                    _unknown(
                        f,
                        ("omraden", oi, "klassning", ki, "upplaga"),
                        "okand-upplaga",
                        "Upplagan",
                        str(k.upplaga),
                        [str(e) for e in editions],
                        "upplagor",
                    )
                )
            if k.upplaga in seen:
                issues.append(
                    fel(
                        f,
                        ("omraden", oi, "klassning", ki, "upplaga"),
                        "dubblett-klassning",
                        f"{o.namn} har redan en klassning för upplagan {k.upplaga}.",
                    )
                )
            seen.add(k.upplaga)
            for ci, c in enumerate(k.kallor):
                if c not in kallor:
                    issues.append(
                        _unknown(
                            f,
                            ("omraden", oi, "klassning", ki, "kallor", ci),
                            "okand-kalla",
                            "Källan",
                            c,
                            kallor,
                            "filens kallor",
                        )
                    )
            if k.sakerhet == "saknas" and k.niva != "okand":
                issues.append(
                    fel(
                        f,
                        ("omraden", oi, "klassning", ki, "niva"),
                        "niva-utan-kalla",
                        f"Nivån för {o.namn} {k.upplaga} är '{k.niva}' men säkerheten är "
                        "'saknas'. En nivå utan källa får inte anges: sätt niva: okand, eller "
                        "ange källan och dess säkerhet.",
                    )
                )
            elif k.sakerhet != "saknas" and k.niva != "okand" and not k.kallor:
                issues.append(
                    fel(
                        f,
                        ("omraden", oi, "klassning", ki),
                        "kalla-saknas",
                        f"Klassningen av {o.namn} {k.upplaga} saknar källa. Ange 'kallor' "
                        "eller sätt niva: okand och sakerhet: saknas.",
                    )
                )
        for e in editions:
            if e not in seen:
                issues.append(
                    varning(
                        f,
                        ("omraden", oi, "klassning"),
                        "klassning-saknas",
                        f"{o.namn} saknar klassning för upplagan {e}. Lägg till den (niva: "
                        "okand om den inte är känd).",
                    )
                )


def _check_indikator(
    src: SourceFile[Any],
    insats_ids: list[str],
    fokus_ids: list[str],
    omrade_ids: list[str],
    issues: list[Issue],
) -> None:
    ind = src.model
    if ind is None:
        return
    f = src.display
    stem = src.path.stem
    if ind.id != stem:
        issues.append(
            fel(
                f,
                ("id",),
                "filnamn-matchar-inte",
                f"Indikatorns id är '{ind.id}' men filen heter {src.path.name}. Byt namn på "
                f"filen till {ind.id}.yaml eller ändra id till '{stem}'.",
            )
        )
    if ind.fokusomrade is not None and fokus_ids and ind.fokusomrade not in fokus_ids:
        issues.append(
            _unknown(
                f,
                ("fokusomrade",),
                "okant-fokusomrade",
                "Fokusområdet",
                ind.fokusomrade,
                fokus_ids,
                "planens fokusomraden",
            )
        )
    for i, ins in enumerate(ind.insatser):
        if insats_ids and ins not in insats_ids:
            issues.append(
                _unknown(
                    f,
                    ("insatser", i),
                    "okand-insats",
                    "Insatsen",
                    ins,
                    insats_ids,
                    "plan.yaml",
                )
            )
    kallor = _kalla_ids(ind.kallor)
    refs: list[tuple[Path_, str | None]] = []
    if ind.baslinje is not None:
        refs.append((("baslinje", "kalla"), ind.baslinje.kalla))
    refs += [(("malvarden", i, "kalla"), m.kalla) for i, m in enumerate(ind.malvarden)]
    refs += [(("utfall", i, "kalla"), u.kalla) for i, u in enumerate(ind.utfall)]
    for path, ref in refs:
        if ref is not None and ref not in kallor:
            issues.append(_unknown(f, path, "okand-kalla", "Källan", ref, kallor, "filens kallor"))
    for i, u in enumerate(ind.utfall):
        if u.omrade is not None and omrade_ids and u.omrade not in omrade_ids:
            issues.append(
                _unknown(
                    f,
                    ("utfall", i, "omrade"),
                    "okant-omrade",
                    "Området",
                    u.omrade,
                    omrade_ids,
                    "omraden.yaml",
                )
            )
    target_years: set[int] = set()
    for i, m in enumerate(ind.malvarden):
        if m.ar in target_years:
            issues.append(
                fel(
                    f,
                    ("malvarden", i, "ar"),
                    "dubblett-malar",
                    f"Det finns redan ett målvärde för {m.ar}. Ett år får bara ha ett målvärde; "
                    "ta bort det ena.",
                )
            )
        target_years.add(m.ar)
    seen_years: set[tuple[int, str | None, str | None]] = set()
    for i, u in enumerate(ind.utfall):
        key = (u.ar, u.omrade, u.kon or "T")  # no kön means totalt, the same as T
        if key in seen_years:
            issues.append(
                fel(
                    f,
                    ("utfall", i, "ar"),
                    "dubblett-utfall",
                    f"Det finns redan ett utfall för {u.ar}"
                    + (f" i {u.omrade}" if u.omrade else "")
                    + (f" (kön {u.kon})" if u.kon else "")
                    + ". Varje år får bara ha ett värde per område och kön; ta bort det ena.",
                )
            )
        seen_years.add(key)
    if ind.enhet == "procent":
        values: list[tuple[Path_, float]] = [
            (("utfall", i, "varde"), u.varde) for i, u in enumerate(ind.utfall)
        ]
        if ind.baslinje is not None:
            values.append((("baslinje", "varde"), ind.baslinje.varde))
        values += [
            (("malvarden", i, "varde"), m.varde)
            for i, m in enumerate(ind.malvarden)
            if m.varde is not None
        ]
        for path, v in values:
            if not 0 <= v <= 100:
                issues.append(
                    fel(
                        f,
                        path,
                        "procent-utanfor-intervall",
                        f"Värdet {v} är en procentsats utanför 0–100. Kontrollera värdet (skriv "
                        "t.ex. 15.7 för 15,7 %, inte 0.157).",
                    )
                )
    if not ind.utfall and ind.berakning is None and ind.saknas is None:
        issues.append(
            varning(
                f,
                ("utfall",),
                "utfall-saknas",
                "Indikatorn har inga utfall och ingen beräkning. Lägg till utfall med källa, "
                "eller ange 'saknas: {orsak: …}' med skälet.",
            )
        )


@dataclass(frozen=True)
class _ReportContext:
    """What every report is checked against, computed once (there may be thousands)."""

    org_ids: list[str]
    insats_ids: list[str]
    omrade_ids: list[str]
    org_set: frozenset[str]
    insats_set: frozenset[str]
    omrade_set: frozenset[str]
    duties: dict[str, list[str]]
    coordinators: dict[str, list[str]]
    names: dict[str, str]

    @staticmethod
    def build(
        ds: DataSet, org_ids: list[str], insats_ids: list[str], omrade_ids: list[str]
    ) -> _ReportContext:
        plan = ds.plan.model if ds.plan else None
        orgs = ds.organisationer.model if ds.organisationer else None
        duties: dict[str, list[str]] = {}
        coordinators: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        if plan and orgs:
            duties = {i.id: responsible(i, orgs) for i in plan.insatser}
            coordinators = {i.id: samordnande(i, orgs) for i in plan.insatser}
            names = {o.id: o.namn for o in orgs.organisationer}
        return _ReportContext(
            org_ids,
            insats_ids,
            omrade_ids,
            frozenset(org_ids),
            frozenset(insats_ids),
            frozenset(omrade_ids),
            duties,
            coordinators,
            names,
        )


def _check_rapport(
    ds: DataSet, src: SourceFile[Any], ctx: _ReportContext, issues: list[Issue]
) -> None:
    rep = src.model
    if rep is None:
        return
    org_ids, insats_ids, omrade_ids = ctx.org_ids, ctx.insats_ids, ctx.omrade_ids
    duties, names = ctx.duties, ctx.names
    f = src.display
    folder_year = src.folder_year
    if rep.ar != folder_year:
        issues.append(
            fel(
                f,
                ("ar",),
                "fel-ar-i-mapp",
                f"Rapporten gäller år {rep.ar} men ligger i mappen rapporter/{folder_year}/. "
                f"Flytta filen till rapporter/{rep.ar}/ eller rätta 'ar'.",
            )
        )
    if ds.plan and ds.plan.model:
        g = ds.plan.model.plan.giltighet
        if not g.fran <= rep.ar <= g.till:
            issues.append(
                fel(
                    f,
                    ("ar",),
                    "ar-utanfor-planen",
                    f"År {rep.ar} ligger utanför planens giltighetstid {g.fran}–{g.till}.",
                )
            )
    if rep.organisation != src.path.stem:
        issues.append(
            fel(
                f,
                ("organisation",),
                "filnamn-matchar-inte",
                f"Rapporten är från '{rep.organisation}' men filen heter {src.path.name}. "
                f"Filen ska heta {rep.organisation}.yaml (eller rätta 'organisation').",
            )
        )
    if org_ids and rep.organisation not in ctx.org_set:
        issues.append(
            _unknown(
                f,
                ("organisation",),
                "okand-organisation",
                "Organisationen",
                rep.organisation,
                org_ids,
                "organisationer.yaml",
            )
        )
    seen: set[str] = set()
    for ii, item in enumerate(rep.insatser):
        if item.insats in seen:
            issues.append(
                fel(
                    f,
                    ("insatser", ii, "insats"),
                    "dubblett-insats",
                    f"Insats {item.insats} rapporteras två gånger i filen. Slå ihop posterna.",
                )
            )
        seen.add(item.insats)
        if insats_ids and item.insats not in ctx.insats_set:
            issues.append(
                _unknown(
                    f,
                    ("insatser", ii, "insats"),
                    "okand-insats",
                    "Insatsen",
                    item.insats,
                    insats_ids,
                    "plan.yaml",
                )
            )
        elif (
            duties
            and rep.organisation in ctx.org_set
            and rep.organisation not in duties.get(item.insats, [])
        ):
            issues.append(
                fel(
                    f,
                    ("insatser", ii, "insats"),
                    "ej-ansvarig",
                    f"{names.get(rep.organisation, rep.organisation)} har inget ansvar för "
                    f"insats {item.insats} enligt planen. Ta bort posten; insatsen rapporteras "
                    "av " + ", ".join(names.get(o, o) for o in duties.get(item.insats, [])) + ".",
                )
            )
        for oi, o in enumerate(item.omraden):
            if omrade_ids and o not in ctx.omrade_set:
                issues.append(
                    _unknown(
                        f,
                        ("insatser", ii, "omraden", oi),
                        "okant-omrade",
                        "Området",
                        o,
                        omrade_ids,
                        "omraden.yaml",
                    )
                )
        if (
            item.samordning is not None
            and item.insats in ctx.coordinators
            and rep.organisation in ctx.org_set  # an unknown organisation is reported already
        ):
            coordinators = ctx.coordinators[item.insats]
            if rep.organisation not in coordinators:
                issues.append(
                    varning(
                        f,
                        ("insatser", ii, "samordning"),
                        "ej-samordnande",
                        f"'samordning' skrivs av den som har samordningsansvar för insats "
                        f"{item.insats} ("
                        + ", ".join(names.get(o, o) for o in coordinators)
                        + "). Flytta texten till "
                        "'nulage' eller ta bort den.",
                        at_key=True,
                    )
                )
