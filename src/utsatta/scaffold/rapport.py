"""`utsatta ny rapport`: a new rapporter/ÅR/ORGANISATION.yaml with every insats the
organisation reports that year, and where an existing report stands instead."""

from __future__ import annotations

import os
from collections.abc import Sequence

from utsatta.check.suggested import utsatta_command
from utsatta.compute.completeness import Cell, matrix
from utsatta.compute.duties import reported
from utsatta.compute.responsibility import Ansvarsgrund, Duties, exists_at_year_end, samordnande
from utsatta.escape import shorten
from utsatta.findings import Finding
from utsatta.load.dataset import DataSet
from utsatta.load.files import display_path
from utsatta.load.placement import PLACE_CODES
from utsatta.model.rapport import Bedomning, Status
from utsatta.scaffold.comments import check_comment, comment_block
from utsatta.wording import (
    LISTADE_FILER,
    LISTADE_NAMN,
    LISTADE_VARDEN,
    begransad,
    och,
    via_namn,
)
from utsatta.wording import insatser as insatser_text

__all__ = ["SCHEMA_REF", "existing", "not_reporting", "report_elsewhere", "report_scaffold"]

#: Where `utsatta schema --output schema` run in the data repository's root puts the schemas,
#: seen from <data>/rapporter/<år>/ (the README says so).
SCHEMA_REF = "../../../schema/rapport.schema.json"

_STATUSAR = ", ".join(Status.__args__)  # type: ignore[attr-defined]
_BEDOMNINGAR = ", ".join(Bedomning.__args__)  # type: ignore[attr-defined]


def existing(ds: DataSet, ar: int) -> list[str]:
    """The organisations that exist at the end of ``ar`` (who can report for it), in
    organisationer.yaml order."""
    assert ds.organisationer and ds.organisationer.model
    return [o.id for o in ds.organisationer.model.organisationer if exists_at_year_end(o, ar)]


def not_reporting(ds: DataSet, ar: int, organisation: str) -> str | None:
    """Why ``organisation`` has no report for ``ar``, and who reports instead; None if it
    exists at the end of ``ar`` (docs/decisions/0020: whoever exists on 31 December reports the
    year). A ceased organisation's heirs come from the plan's duties (chains of successors
    followed); for one not yet formed, its predecessors that existed then. Plain text: the
    caller escapes it for its channel."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model
    by_id = {o.id: o for o in orgs.organisationer}
    org = by_id[organisation]
    if exists_at_year_end(org, ar):
        return None
    name = f"{shorten(org.namn)} ({organisation})"
    if org.giltig_fran is not None and org.giltig_fran > f"{ar:04d}-12-31":
        before = _predecessors(ds, ar, organisation)
        head = f"{name} bildades {org.giltig_fran} och rapporterar inte för {ar}."
        if not before:
            return (
                f"{head} Ingen föregångare som fanns {ar} är angiven i organisationer.yaml: "
                f"rapporten för {ar} lämnas av den organisation som hade uppgifterna då. "
                f"Rätta 'giltig_fran' i organisationer.yaml om {ar} ska vara med."
            )
        who = begransad([f"{shorten(by_id[p].namn)} ({p})" for p in before], LISTADE_NAMN)
        return (
            f"{head} Rapporten för {ar} lämnas av {who}, som organisationen efterträdde. "
            + _create_or_edit(ds, ar, before, "Skapa den med: ")
        )
    when = (
        f"upphörde {org.giltig_till}"
        if org.giltig_till is None or int(org.giltig_till[:4]) < ar
        else f"upphörde {org.giltig_till}, före årets slut,"
    )
    head = f"{name} {when} och rapporterar inte för {ar}."
    if org.giltig_till is not None and int(org.giltig_till[:4]) == ar:
        head += " Hela året rapporteras av den som finns den 31 december."
    heirs = _heirs(ds, ar, organisation)
    if not heirs:
        named = [e.organisation for e in org.efterfoljare]
        if not named:
            return (
                f"{head} Ingen efterföljare är angiven i organisationer.yaml. Ange "
                "'efterfoljare' där (eller rätta 'giltig_till')."
            )
        return (
            f"{head} Efterföljare enligt organisationer.yaml: "
            + begransad(
                [f"{shorten(by_id[e].namn) if e in by_id else e} ({e})" for e in named],
                LISTADE_NAMN,
            )
            + f"; ingen av dem har något av organisationens ansvar i planen {ar}."
        )
    parts = [
        f"{shorten(by_id[h].namn)} ({h}) från {begransad(sorted(set(days)), LISTADE_VARDEN)}: "
        f"{insatser_text(ids)}"
        for h, (ids, days) in heirs.items()
    ]
    heirs_said = begransad(parts, LISTADE_NAMN, "; ", och_last=False)
    return f"{head} Uppgifterna har tagits över av {heirs_said}. " + _create_or_edit(
        ds, ar, list(heirs), "Skapa deras rapport i stället, t.ex.: "
    )


def _create_or_edit(ds: DataSet, ar: int, ids: list[str], create: str) -> str:
    """The next step for whoever reports instead: the command that creates the first report
    not yet written, or, when each of them exists already, the files to edit (the command
    would refuse to write over them)."""
    files = {i: ds.root / "rapporter" / str(ar) / f"{i}.yaml" for i in ids}
    missing = [i for i in ids if not os.path.lexists(files[i])]
    if missing:
        return create + utsatta_command(ds, "ny rapport", str(ar), missing[0])
    if len(ids) == 1:
        return f"Den rapporten finns redan: redigera {files[ids[0]]}."
    listed = begransad([str(files[i]) for i in ids], LISTADE_FILER)
    return f"Deras rapporter finns redan: redigera {listed}."


def _heirs(ds: DataSet, ar: int, organisation: str) -> dict[str, tuple[list[str], list[str]]]:
    """Who holds ``organisation``'s insatser in ``ar`` through it (a successor, or a
    successor's successor), with those insatser in plan order and the days it took them over
    (:attr:`Arv.datum`, the one rule for "from when")."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    duties = Duties.of(ds.plan.model, ds.organisationer.model)
    out: dict[str, tuple[list[str], list[str]]] = {}
    for insats in ds.plan.model.insatser:
        for holder in duties.responsible(insats.id, ar):
            if holder != organisation and organisation in duties.lineage(holder, insats.id, ar):
                ids, days = out.setdefault(holder, ([], []))
                ids.append(insats.id)
                for chain in duties.why(holder, insats.id, ar).arv:
                    if any(step.fran == organisation for step in chain):
                        days.append(chain[-1].datum)
    return out


def _predecessors(ds: DataSet, ar: int, organisation: str) -> list[str]:
    """The organisations ``organisation`` succeeded (directly or down a chain) that exist at
    the end of ``ar``, in organisationer.yaml order."""
    assert ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model.organisationer
    before: dict[str, list[str]] = {}
    for o in orgs:
        for e in o.efterfoljare:
            before.setdefault(e.organisation, []).append(o.id)
    found: set[str] = set()
    seen = {organisation}
    todo = [organisation]
    by_id = {o.id: o for o in orgs}
    while todo:
        for p in before.get(todo.pop(), []):
            if p in seen or p not in by_id:
                continue
            seen.add(p)
            if exists_at_year_end(by_id[p], ar):
                found.add(p)
            else:
                todo.append(p)
    return [o.id for o in orgs if o.id in found]


def _inherited(grund: Ansvarsgrund | None, names: dict[str, str]) -> str | None:
    """Whom an inherited insats comes from, for the comment above it: "Ni har insatsen som
    efterträdare till Lokalnämnden från 2023-01-01 (planen nämner Lokalnämnden, inte er). …";
    None when the plan names the organisation itself and nothing is inherited."""
    if grund is None or not grund.arv:
        return None
    # per predecessor and the organisations between, named as the report names them (0616)
    when: dict[tuple[str, tuple[str, ...]], str] = {}
    for chain in grund.arv:
        when.setdefault((chain[0].fran, tuple(s.fran for s in chain[1:])), chain[-1].datum)
    labels = via_namn([(names.get(o, o), [names.get(v, v) for v in via]) for o, via in when])
    days = list(when.values())
    if len(set(days)) == 1:
        fran = f"{och(labels)} från {days[0]}"
    else:
        fran = och([f"{who} från {day}" for who, day in zip(labels, days, strict=True)])
    named = och(list(dict.fromkeys(names.get(o, o) for o in grund.fran())))
    if grund.grund == "planen":
        text = f"Planen ger er insatsen, och ni har den också som efterträdare till {fran}."
    else:
        text = f"Ni har insatsen som efterträdare till {fran} (planen nämner {named}, inte er)."
    if grund.slutledd:
        text += (
            " Övertagandet är en slutsats av hur källorna beskriver ansvarsområdena, inte "
            "något som källan säger rakt ut."
        )
    return text


def report_elsewhere(
    ds: DataSet, findings: Sequence[Finding], ar: int, organisation: str
) -> str | None:
    """Why no new report for ``ar`` from ``organisation`` may be made although
    rapporter/<ar>/<organisation>.yaml is missing: a file that is that report lies under
    another name or at another place (unread, or read but counted only at its place), and a
    new file would make two copies. The text names that file and gives validate's advice for
    it (its finding among ``findings``); None when there is no such file. Plain text: the
    caller escapes it for its channel."""
    where = display_path(ds.root / "rapporter" / str(ar) / f"{organisation}.yaml")
    unread = ds.unread.get(where)
    other = unread or next(
        (
            src.display
            for src in ds.rapporter
            if src.model is not None
            and (src.model.ar, src.model.organisation) == (ar, organisation)
            and src.display != where
        ),
        None,
    )
    if other is None:
        return None
    advice = next(
        (f.message for f in findings if f.file == other and f.code in PLACE_CODES),
        f"Flytta den till {where}.",
    )
    return (
        f"Rapporten för {ar} från {organisation} finns redan, men som {other}, och den "
        f"{'läses' if unread else 'räknas'} inte förrän den heter {where}. Ingen ny fil skapas "
        "(det skulle bli två rapporter). "
        f"utsatta validate säger om {other}: {advice}"
    )


#: how many område ids the comment on 'omraden' lists before "och N till"
OMRADEN_LISTADE = 20


def _omraden_text(ds: DataSet, ar: int) -> str:
    """The comment on 'omraden': how the ids are written, and the ids of the data's
    omraden.yaml (in its order, at most :data:`OMRADEN_LISTADE`), never a made-up example."""
    omr = ds.omraden.model if ds.omraden and ds.omraden.model else None
    ids = [o.id for o in omr.omraden] if omr else []
    how = f"Områden som arbetet nått under {ar}: id ur omraden.yaml inom [ ], med komma emellan"
    if not ids:
        return how + "."
    example = f"[{ids[0]}, {ids[1]}]" if len(ids) > 1 else f"[{ids[0]}]"
    return f"{how}, t.ex. {example}. Id i omraden.yaml: {begransad(ids, OMRADEN_LISTADE)}."


def report_scaffold(ds: DataSet, ar: int, organisation: str) -> str:
    """The YAML text of a new report; the organisation and year must already be checked."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    plan = ds.plan.model
    names = {o.id: o.namn for o in ds.organisationer.model.organisationer}
    m = matrix(plan, ds.organisationer.model, ar, reported(ds))
    owed = [i for i in m.insatser if (organisation, i) in m.owed]
    voluntary = [i for i in m.insatser if m.cells.get((organisation, i)) is Cell.FRIVILLIG]
    by_id = {i.id: i for i in plan.insatser}
    orgs = ds.organisationer.model
    coordinates = {
        i.id for i in plan.insatser if organisation in samordnande(i, orgs, ar, m.planperiod)
    }
    omraden_comment = comment_block(_omraden_text(ds, ar), "    ")

    out = [
        f"# yaml-language-server: $schema={SCHEMA_REF}",
        *comment_block(
            f"Rapport {ar} från {shorten(names[organisation], 200)} om "
            f"{shorten(plan.plan.namn, 200)}.",
            "",
        ),
        "# Fyll i varje fält. Texter får vara flera stycken: skriv dem indragna under 'nulage: |'.",
        check_comment(ds, ds.root / "rapporter" / str(ar) / f"{organisation}.yaml"),
        "schemaversion: 1",
        f"ar: {ar}",
        f"organisation: {organisation}",
        "# Sätt till true bara om innehållet är påhittat för att visa formatet.",
        "illustrativ: false",
        "# Vem som kan svara på frågor om rapporten (namn, e-post).",
        "kontakt:",
        "insatser:",
    ]
    if not owed:
        out[-1] = "insatser: []"
    for insats_id in owed:
        insats = by_id[insats_id]
        out.append("")
        out += comment_block(f"Insats {insats.id}: {insats.titel}", "  ")
        arv = _inherited(m.grunder.get((organisation, insats_id)), names)
        if arv:
            out += comment_block(arv, "  ")
        out += [
            f'  - insats: "{insats.id}"',
            f"    # Läget i slutet av året. Ett av: {_STATUSAR}.",
            "    status:",
            "    # Vad som gjorts under året, och var.",
            "    nulage: |",
            "",
        ]
        out += omraden_comment
        out += [
            "    omraden: []",
            f"    # Egen bedömning av om insatsen når förväntat resultat. Ett av: {_BEDOMNINGAR}.",
            "    bedomning:",
            "    # Varför ni bedömer så (frivilligt men rekommenderat).",
            "    motivering:",
            "    # Plan för det fortsatta arbetet.",
            "    fortsatt_arbete: |",
            "",
            "    # Behov av ytterligare insatser som ni vill lyfta, ett per rad med '- '.",
            "    behov: []",
        ]
        if insats.id in coordinates:
            # optional: the comment says so, as the finding on an empty key does (tom-text)
            out += [
                "    # Ni har samordningsansvar och kan ge en samlad bedömning av insatsen för "
                "alla",
                "    # ansvariga (frivilligt). Skriv den indragen på raderna under, eller ta bort "
                "nyckeln",
                "    # om ni inte skriver någon.",
                "    samordning: |",
            ]
    if voluntary:
        out.append("")
        out += comment_block(
            f"Återrapportering under planperioden (inte förfallen {ar}; planen anger inget år, "
            f"utsatta räknar {plan.plan.giltighet.till} som fristen): insats "
            f"{', '.join(voluntary)}. Lägg till en post om ni rapporterar den för {ar}.",
            "",
        )
    return "\n".join(out) + "\n"
