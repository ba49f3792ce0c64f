"""The analysts' layer, uppfoljning/<år>.yaml: ids that must exist, and files that must be whole.

Mirrors the reports (check.completeness): a year of the plan without its file is a warning (it
is written during the year; ``--strict`` makes it fail); a file that leaves out a fokusområde, a
delmål or an övrigt uppdrag is an error, since the fix is in that file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from utsatta.check.rules import malgrund
from utsatta.check.rules.base import annan_plan
from utsatta.check.suggested import command_sentence
from utsatta.check.unchecked import Blocked, misnamed_reports, unchecked
from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, Path_, fel, varning
from utsatta.load.dataset import DataSet, SourceFile
from utsatta.load.placement import already_there, display_path, unread_file
from utsatta.load.spelling import NameIndex, menade_du, menade_du_namn
from utsatta.model import id_fields
from utsatta.model.id_fields import lists_of
from utsatta.model.uppfoljning import SLUTLIGA, UppfoljningFil
from utsatta.numbers import heltal
from utsatta.wording import LISTADE_ID, LISTADE_INSATSER, begransad


def _okand(
    file: str,
    path: Path_,
    code: str,
    what: str,
    value: str,
    known: list[str],
    where: str,
    names: NameIndex | None = None,
) -> Finding:
    meant = menade_du_namn(value, known, names) if names else menade_du(value, known)
    return fel(
        file,
        path,
        code,
        f"{what} '{shorten(value)}' finns inte i {where}.{meant} Giltiga: "
        f"{begransad(known, LISTADE_ID, och_last=False) if known else '(inga)'}.",
    )


def _lista(ids: Sequence[str]) -> str:
    quoted = [f"'{shorten(i)}'" for i in ids]
    return begransad(quoted, LISTADE_ID)


def check_uppfoljning(
    ds: DataSet, years: list[int], *, only_present: bool = False
) -> list[Finding]:
    """Issues for the uppföljning files and for the plan years in ``years`` that lack one.

    Every file is checked (``validate --year`` drops the later years' findings); with
    ``only_present`` no file is reported missing (files named on the command line).
    """
    issues: list[Finding] = []
    plan = ds.plan.model if ds.plan else None
    if plan is None:
        return issues
    g = plan.plan.giltighet
    if plan.ovriga_uppdrag is not None and ds.plan is not None:
        seen: dict[str, set[str]] = {"id": set(), "diarienummer": set()}
        for i, u in enumerate(plan.ovriga_uppdrag.uppdrag):
            for key in ("id", "diarienummer"):
                value = getattr(u, key)
                if value in seen[key]:
                    issues.append(
                        fel(
                            ds.plan.display,
                            ("ovriga_uppdrag", "uppdrag", i, key),
                            "dubblett-id",
                            f"Ett övrigt uppdrag med {key} '{shorten(value)}' finns redan "
                            "tidigare i filen. Varje uppdrag får bara förekomma en gång.",
                        )
                    )
                seen[key].add(value)
    present = {int(f.stem) for f in ds.uppfoljningar}
    # One read under another year's name: a missing year's finding points at it.
    elsewhere = {
        src.model.ar: src.display
        for src in ds.uppfoljningar
        if src.model is not None and src.model.ar != int(src.stem)
    }
    for src in ds.uppfoljningar:
        _check_file(ds, src, issues)
    if not only_present:
        for ar in years:
            if g.covers(ar) and ar not in present:
                where = display_path(ds.root / "uppfoljning" / f"{ar}.yaml")
                unread = ds.unread.get(where)
                read = elsewhere.get(ar) if unread is None else None
                # the command last in its sentence, or why none can be given (0370)
                create = command_sentence(ds, "Filen skapas med", "ny uppfoljning", str(ar))
                issues.append(
                    varning(
                        where,
                        (),
                        "uppfoljning-saknas",
                        f"Den samlade uppföljningen för {ar} saknas: "
                        + unread_file(ds.root, unread or read or "", where, read=bool(read))
                        if unread or read
                        else f"Den samlade uppföljningen för {ar} saknas: skapa filen och fyll "
                        f"i den. {create}",
                    )
                )
    return issues


def _outside_plan(f: str, ar: int, g: Any) -> Finding:
    return fel(
        f,
        ("ar",),
        "ar-utanfor-planen",
        f"År {ar} ligger utanför planens giltighetstid {g.fran}–{g.till}, och "
        "uppföljningar görs bara för de åren. Är året fel skrivet: rätta 'ar' och "
        "filens namn. " + annan_plan(ar, g.fran),
    )


def _check_file(ds: DataSet, src: SourceFile[Any], issues: list[Finding]) -> None:
    up: UppfoljningFil | None = src.model
    plan = ds.plan.model if ds.plan else None
    if plan is None:
        return
    f = src.display
    stem = int(src.stem)
    g = plan.plan.giltighet
    if up is None:
        # An invalid uppföljning of another plan's year is still said to be one (README, "Ny
        # planperiod"): by the year in its name.
        if not g.covers(stem):
            issues.append(_outside_plan(f, stem, g))
        return
    last = up.ar == g.till
    # last year's file with 'ar' copied from the year before: the year-bound rules would send
    # its text to this same file (uppfoljning/<last>.yaml); the fix is 'ar'
    wrong_ar = (
        f" Filen heter {stem}.yaml: är 'ar' fel, rätta den till {stem}."
        if (stem == g.till and up.ar != stem)
        else ""
    )
    if up.ar != stem:
        issues.append(
            fel(
                f,
                ("ar",),
                "filnamn-matchar-inte",
                f"Uppföljningen gäller år {up.ar} men filen heter {identifier(src.path.name)}. "
                + (
                    f"Rätta 'ar' om året är fel; annars ska filen heta {up.ar}.yaml, men {there}"
                    if (
                        there := already_there(
                            src.path, src.path.with_name(f"{up.ar}.yaml"), f"{up.ar}.yaml"
                        )
                    )
                    else f"Byt namn på filen till {up.ar}.yaml eller rätta 'ar'."
                ),
            )
        )
    if not g.covers(up.ar):
        issues.append(_outside_plan(f, up.ar, g))
        return  # a file of another plan: its other rules are that plan's
    kallor = [k.id for k in up.kallor]
    _duplicates(f, ("kallor",), [k.id for k in up.kallor], "Källan", issues)
    issues.extend(
        _okand(f, (*path, j), "okand-kalla", "Källan", k, kallor, "filens kallor")
        for path, ids in lists_of("uppfoljning", up, id_fields.KALLA)
        for j, k in enumerate(ids)
        if k not in kallor
    )

    def assessment(path: Path_, item: Any, what: str) -> None:
        """Certainty and timing of one assessment (its sources: above)."""
        if item.kallor and item.sakerhet is None:
            issues.append(
                fel(
                    f,
                    (*path, "kallor"),
                    "sakerhet-saknas",
                    f"Bedömningen av {what} hänvisar till källor men anger inte hur säker den "
                    "är. Lägg till 'sakerhet: bekraftad', 'sekundar' eller 'slutledd'.",
                    at_key=True,
                )
            )
        if item.sakerhet is not None and not item.kallor:
            issues.append(
                fel(
                    f,
                    (*path, "sakerhet"),
                    "kalla-saknas",
                    f"Bedömningen av {what} anger säkerhet men ingen källa. Lägg till 'kallor' "
                    "med id ur filens källor, eller ta bort 'sakerhet'.",
                    at_key=True,
                )
            )
        if up.illustrativ and item.illustrativ is False and not item.kallor:
            issues.append(
                fel(
                    f,
                    (*path, "illustrativ"),
                    "kalla-saknas",
                    f"Bedömningen av {what} är markerad som verklig (illustrativ: false) i en "
                    "illustrativ fil men saknar källa. Ange 'kallor' och 'sakerhet', eller ta "
                    "bort 'illustrativ: false'.",
                )
            )
        if not last and item.bedomning in SLUTLIGA:
            issues.append(
                fel(
                    f,
                    (*path, "bedomning"),
                    "bedomning-for-tidigt",
                    f"'{item.bedomning}' är en slutlig bedömning, som bara kan ges planens sista "
                    f"år ({g.till}). För {up.ar} skriv bedoms-uppnas, osakert, "
                    f"bedoms-inte-uppnas eller kan-inte-bedomas.{wrong_ar}",
                )
            )

    if up.mal is not None:
        assessment(("mal",), up.mal, "målet")
    elif last:
        issues.append(
            fel(
                f,
                ("delmal",),
                "mal-bedomning-saknas",
                f"{up.ar} är planens sista år: uppföljningen ska bedöma om målet är nått. Lägg "
                "till 'mal:' med 'bedomning' och 'text'.",
                at_key=True,
            )
        )

    delmal_ids = [d.id for d in plan.mal.delmal]
    omraden = ds.omraden.model.omraden if ds.omraden and ds.omraden.model else []
    omrade_ids = [o.id for o in omraden]
    omrade_names = NameIndex((o.id, o.namn) for o in omraden)
    for di, d in enumerate(up.delmal):
        if d.delmal not in delmal_ids:
            issues.append(
                _okand(
                    f,
                    ("delmal", di, "delmal"),
                    "okant-delmal",
                    "Delmålet",
                    d.delmal,
                    delmal_ids,
                    "plan.yaml",
                )
            )
        assessment(("delmal", di), d, f"delmålet '{shorten(d.delmal)}'")
        for oi, o in enumerate(d.omraden):
            if omrade_ids and o.omrade not in omrade_ids:
                issues.append(
                    _okand(
                        f,
                        ("delmal", di, "omraden", oi, "omrade"),
                        "okant-omrade",
                        "Området",
                        o.omrade,
                        omrade_ids,
                        "omraden.yaml",
                        omrade_names,
                    )
                )
            assessment(("delmal", di, "omraden", oi), o, f"'{shorten(o.omrade)}'")
        _duplicates(f, ("delmal", di, "omraden"), [o.omrade for o in d.omraden], "Området", issues)
    _duplicates(f, ("delmal",), [d.delmal for d in up.delmal], "Delmålet", issues)
    _missing(
        f,
        ("delmal",),
        delmal_ids,
        [d.delmal for d in up.delmal],
        "delmal-bedomning-saknas",
        "en bedömning av delmålen",
        "delmal",
        issues,
    )

    fokus_ids = [x.id for x in plan.fokusomraden]
    for fi, fb in enumerate(up.fokusomraden):
        if fb.fokusomrade not in fokus_ids:
            issues.append(
                _okand(
                    f,
                    ("fokusomraden", fi, "fokusomrade"),
                    "okant-fokusomrade",
                    "Fokusområdet",
                    fb.fokusomrade,
                    fokus_ids,
                    "plan.yaml",
                )
            )
        assessment(("fokusomraden", fi), fb, f"fokusområde {fb.fokusomrade}")
    _duplicates(
        f, ("fokusomraden",), [x.fokusomrade for x in up.fokusomraden], "Fokusområdet", issues
    )
    _missing(
        f,
        ("fokusomraden",),
        fokus_ids,
        [x.fokusomrade for x in up.fokusomraden],
        "fokusomrade-bedomning-saknas",
        "en bedömning av fokusområdena",
        "fokusomrade",
        issues,
    )

    issues += malgrund.check(ds, f, up, plan)

    uppdrag_ids = [u.id for u in plan.ovriga_uppdrag.uppdrag] if plan.ovriga_uppdrag else []
    for ui, u in enumerate(up.ovriga_uppdrag):
        if uppdrag_ids and u.uppdrag not in uppdrag_ids:  # none: no list to check against
            issues.append(
                _okand(
                    f,
                    ("ovriga_uppdrag", ui, "uppdrag"),
                    "okant-uppdrag",
                    "Det övriga uppdraget",
                    u.uppdrag,
                    uppdrag_ids,
                    "plan.yaml (ovriga_uppdrag)",
                )
            )
    _duplicates(f, ("ovriga_uppdrag",), [u.uppdrag for u in up.ovriga_uppdrag], "Uppdraget", issues)
    _missing(
        f,
        ("ovriga_uppdrag",),
        uppdrag_ids,
        [u.uppdrag for u in up.ovriga_uppdrag],
        "uppdrag-status-saknas",
        "status och redovisning för de övriga uppdragen",
        "uppdrag",
        issues,
    )

    _check_behov(ds, f, up, issues)

    if up.slutuppfoljning is not None:
        if not last:
            issues.append(
                fel(
                    f,
                    ("slutuppfoljning",),
                    "slutuppfoljning-for-tidigt",
                    f"Slutuppföljningen (lärdomar och förslag) skrivs planens sista år, "
                    f"{g.till}. "
                    + (
                        wrong_ar.strip()
                        if wrong_ar
                        else f"Flytta texten till uppfoljning/{g.till}.yaml eller till "
                        "'fortsatt_arbete'."
                    ),
                    at_key=True,
                )
            )
    elif last:
        issues.append(
            fel(
                f,
                ("fortsatt_arbete",),
                "slutuppfoljning-saknas",
                f"{up.ar} är planens sista år: skriv 'slutuppfoljning:' med 'lardomar' och "
                "'forslag' (vad som bör följa efter planen).",
                at_key=True,
            )
        )


def _check_behov(ds: DataSet, f: str, up: UppfoljningFil, issues: list[Finding]) -> None:
    """Each earlier behov must point at a behov in an earlier year's report."""
    if not up.tidigare_behov:
        return  # no need to index thousands of reports
    reports = {(r.folder_year, r.stem): r.model for r in ds.rapporter if r.model is not None}
    # A report that is there but could not be read has its own errors: the behov in it is not
    # "unknown", it cannot be looked up (docs/decisions/0150-foljdfel.md).
    unreadable = {(r.folder_year, r.stem): r for r in ds.rapporter if r.model is None}
    # Nor is it unknown when the report is there under a wrong name (0681).
    for year_org, misnamed in misnamed_reports(ds).items():
        if year_org not in reports:
            unreadable.setdefault(year_org, misnamed)
    blocked = Blocked(ds)
    seen: set[tuple[int, str, str, int]] = set()
    for bi, b in enumerate(up.tidigare_behov):
        where: Path_ = ("tidigare_behov", bi)
        key = (b.ar, b.organisation, b.insats, b.nummer)
        org, insats = shorten(b.organisation), shorten(b.insats)  # as echoed: bounded
        if key in seen:
            issues.append(
                fel(
                    f,
                    where,
                    "dubblett-behov",
                    f"Behov nummer {b.nummer} i insats {insats} från {org} {b.ar} "
                    "finns redan tidigare i listan. Slå ihop posterna.",
                )
            )
        seen.add(key)
        if b.ar >= up.ar:
            issues.append(
                fel(
                    f,
                    (*where, "ar"),
                    "behov-fel-ar",
                    f"Ett tidigare behov ska komma från ett tidigare år än {up.ar}. Rätta 'ar', "
                    "eller ta bort posten: årets behov visas redan från rapporterna.",
                )
            )
            continue
        rep = reports.get((b.ar, b.organisation))
        broken = unreadable.get((b.ar, b.organisation))
        if broken is not None:
            issues.append(
                unchecked(
                    f,
                    (*where, "organisation"),
                    f"Behov nummer {b.nummer} i insats {insats} från {org} {b.ar} kan inte "
                    "kontrolleras",
                    "rapporten det hämtas från har fel och kan inte användas "
                    f"({blocked.place(broken)})",
                )
            )
            continue
        if rep is None:
            orgs = sorted(o for (y, o) in reports if y == b.ar)
            issues.append(
                fel(
                    f,
                    (*where, "organisation"),
                    "okant-behov",
                    f"Det finns ingen giltig rapport rapporter/{b.ar}/{org}.yaml att "
                    f"hämta behovet från.{menade_du(b.organisation, orgs)} Kontrollera år och "
                    "organisation.",
                )
            )
            continue
        items = [i for i in rep.insatser if i.insats == b.insats]
        if not items:
            issues.append(
                fel(
                    f,
                    (*where, "insats"),
                    "okant-behov",
                    f"Rapporten från {org} {b.ar} har ingen insats {insats}. "
                    "Rapporterade insatser: "
                    + begransad([i.insats for i in rep.insatser], LISTADE_INSATSER, och_last=False)
                    + ".",
                )
            )
        elif b.nummer > len(items[0].behov):
            count = len(items[0].behov)
            issues.append(
                fel(
                    f,
                    (*where, "nummer"),
                    "okant-behov",
                    f"Insats {insats} i rapporten från {org} {b.ar} har "
                    + (f"bara {heltal(count)} behov" if count else "inga behov")
                    + f", inte nummer {b.nummer}. Räkna behoven i rapportens lista, det första "
                    "är 1.",
                )
            )


def _duplicates(f: str, path: Path_, ids: Iterable[str], what: str, issues: list[Finding]) -> None:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            issues.append(
                fel(
                    f,
                    (*path, i),
                    "dubblett-id",
                    f"{what} '{shorten(ident)}' finns redan tidigare i listan. Skriv en post per "
                    "id och slå ihop texterna.",
                )
            )
        seen.add(ident)


def _missing(
    f: str,
    path: Path_,
    wanted: list[str],
    have: list[str],
    code: str,
    what: str,
    key: str,
    issues: list[Finding],
) -> None:
    present = set(have)
    missing = [i for i in wanted if i not in present]
    if missing:
        issues.append(
            fel(
                f,
                path,
                code,
                f"Uppföljningen saknar {what} {_lista(missing)} i planen. Lägg till en post "
                f"per id under '{path[-1]}' (\"- {key}: …\").",
                at_key=True,
            )
        )
