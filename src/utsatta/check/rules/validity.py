"""Organisations over time: validity periods, successors, and reports from the wrong years.

An organisation reports for a year only if it exists then (docs/decisions/0020). A report for a
year after the organisation ceased (or before it started) is an error that names who took over
and where the content belongs. The ``giltig_*`` and ``efterfoljare`` fields are checked here too,
since the duties in :mod:`utsatta.compute.responsibility` depend on them.
"""

from __future__ import annotations

from utsatta.check.rules import owner
from utsatta.check.rules.base import Known, unknown_source
from utsatta.check.rules.owner import ceased_before, not_yet_formed
from utsatta.check.suggested import command_sentence
from utsatta.compute.responsibility import exists_at_year_end, takeover_day
from utsatta.escape import shorten
from utsatta.findings import Finding, fel, varning
from utsatta.load.dataset import DataSet
from utsatta.load.spelling import menade_du
from utsatta.model import id_fields
from utsatta.model.id_fields import id_lists
from utsatta.model.organisationer import Organisation, OrganisationerFil
from utsatta.wording import LISTADE_FILER, LISTADE_NAMN, begransad
from utsatta.wording import insatser as insatser_text


def check_validity(ds: DataSet, known: Known) -> list[Finding]:
    """Errors for reports outside their organisation's validity, and for bad successor data.
    ``known`` (the rules' lookups) holds whose report a file is when its place and keys
    cannot both be right (``owner.reading``, decision 0510), as rapport.check reads it."""
    issues: list[Finding] = []
    src = ds.organisationer
    if src is None or src.model is None:
        return issues
    orgs = src.model
    plan = ds.plan.model if ds.plan else None
    insats_ids = [i.id for i in plan.insatser] if plan else None
    issues += _check_organisations(src.display, orgs, insats_ids)
    by_id = {o.id: o for o in orgs.organisationer}
    predecessors: dict[str, list[str]] = {}
    for o in orgs.organisationer:
        for e in o.efterfoljare:
            predecessors.setdefault(e.organisation, []).append(o.id)
    for rep in ds.rapporter:
        if rep.model is None:
            continue
        org = by_id.get(rep.model.organisation)
        if org is None:
            continue  # an unknown organisation is reported by check_references
        ar = rep.folder_year
        # the file is named after a third organisation that reports the year: 'organisation'
        # is what is wrong, never "move the content and delete the file" (decision 0470); not
        # when 'ar' names another year too (fel-ar-i-mapp then says where the file belongs)
        other = _other_reporter(org, by_id.get(rep.stem), ar) if rep.model.ar == ar else None
        whose = owner.reading(known, rep)  # the same verdict rapport.check reads
        if isinstance(whose, owner.Placed):
            continue  # fel-ar-i-mapp weighs the file's place against its keys (0510)
        # neither the file's name nor 'organisation' reports the year: the posts may say whose
        # report it is (decision 0510)
        inferred = whose.fix if isinstance(whose, owner.Owner) else None
        if ceased_before(org, ar):
            issues.append(
                fel(
                    rep.display,
                    ("organisation",),
                    "organisation-upphord",
                    f"{_namn(org)} upphörde {org.giltig_till} och rapporterar inte för {ar}. "
                    + (
                        inferred
                        if inferred is not None
                        else _ceased_fix(ds, org, other, by_id, ar, rep.stem)
                    ),
                )
            )
        elif (
            org.giltig_till is not None
            and ar == int(org.giltig_till[:4])
            and (not org.giltig_till.endswith("-12-31"))
        ):
            # Ceased during the year: whoever exists on 31 December reports the whole year.
            issues.append(
                varning(
                    rep.display,
                    ("organisation",),
                    "organisation-upphorde-under-aret",
                    f"{_namn(org)} upphörde {org.giltig_till}, före årets slut, och rapporten för "
                    f"{ar} räknas inte: hela året rapporteras av den som finns den 31 december. "
                    + _ceased_fix(ds, org, other, by_id, ar, rep.stem),
                )
            )
        elif not_yet_formed(org, ar):
            before = [by_id[p] for p in predecessors.get(org.id, []) if p in by_id]
            said = f"{_namn(org)} bildades {org.giltig_fran} och rapporterar inte för {ar}. "
            if inferred is not None:
                issues.append(
                    fel(
                        rep.display,
                        ("organisation",),
                        "organisation-ej-bildad",
                        said + inferred,
                    )
                )
                continue
            if other is not None and rep.stem not in {p.id for p in before}:
                issues.append(
                    fel(
                        rep.display,
                        ("organisation",),
                        "organisation-ej-bildad",
                        said + _own_file(other, ar),
                    )
                )
                continue
            who = (
                "Rapporten lämnas av "
                + begransad([f"{_namn(p)} ({p.id})" for p in before], LISTADE_NAMN)
                + ", som "
                "organisationen efterträdde. "
                + (
                    _own_name(rep.stem)
                    if rep.stem in {p.id for p in before}
                    else "Flytta innehållet dit och ta bort den här filen"
                )
                if before
                else "Flytta innehållet till den organisation som hade uppgiften då och ta bort "
                "den här filen"
            )
            issues.append(
                fel(
                    rep.display,
                    ("organisation",),
                    "organisation-ej-bildad",
                    f"{said}{who}, eller rätta 'giltig_fran' i organisationer.yaml.",
                )
            )
    return issues


def heir_file(org: Organisation, stem: str) -> bool:
    """Whether a file named ``stem`` is named after one of ``org``'s successors: the fix of
    organisation-upphord is then to correct 'organisation' (``_own_name``)."""
    return stem in {e.organisation for e in org.efterfoljare}


def _other_reporter(org: Organisation, named: Organisation | None, ar: int) -> Organisation | None:
    """The organisation a report of ``org`` for ``ar`` is named after, when that is another
    one that exists at the end of ``ar`` (it reports the year); else None."""
    if named is None or named.id == org.id or not exists_at_year_end(named, ar):
        return None
    return named


def _ceased_fix(
    ds: DataSet,
    org: Organisation,
    other: Organisation | None,
    by_id: dict[str, Organisation],
    ar: int,
    stem: str,
) -> str:
    """The fix for a report of ``org``, which has ceased, for ``ar``: in a file named after
    another organisation that reports the year (``other``) and is not its successor, correct
    'organisation' (decision 0470); else who took its insatser over (``_taken_over``)."""
    if other is not None and not heir_file(org, stem):
        return _own_file(other, ar)
    return _taken_over(ds, org, by_id, ar, stem)


def _own_file(named: Organisation, ar: int) -> str:
    """The fix when the file is named after ``named``, another organisation that reports for
    ``ar``: the key, which is then what is wrong (decision 0470). No 'giltig_fran' or
    'giltig_till' to correct: the dates would not make the file's name right."""
    return (
        f"Filen heter {named.id}.yaml, efter {_namn(named)}, som rapporterar för {ar}: rätta "
        f"'organisation' till '{named.id}'."
    )


def _namn(org: Organisation) -> str:
    """The name as echoed in a message: bounded like every value from the data."""
    return shorten(org.namn)


def _own_name(stem: str) -> str:
    """The fix when the file is named after the organisation that reports the year (its
    'organisation' names the one before or after): the key, never "move it and delete it"
    (the place it would move to is this file)."""
    return f"Filen heter redan {stem}.yaml: rätta 'organisation' till '{stem}'"


def _taken_over(
    ds: DataSet, org: Organisation, by_id: dict[str, Organisation], ar: int, stem: str
) -> str:
    if not org.efterfoljare:
        return (
            "Ingen efterföljare är angiven i organisationer.yaml. Ta bort filen, eller ange "
            "'efterfoljare' för organisationen där (eller rätta 'giltig_till')."
        )
    # each successor's own day (decision 0654): one formed after a gap took over on its first
    # day; the day is said once when all share it, as the report's section 6 gives it per row
    days = [takeover_day(org, by_id.get(e.organisation)) for e in org.efterfoljare]
    own = len(set(days)) > 1
    parts = []
    for e, day in zip(org.efterfoljare, days, strict=True):
        succ = by_id.get(e.organisation)
        name = f"{_namn(succ)} ({e.organisation})" if succ else e.organisation
        what = "alla uppgifter" if e.insatser is None else insatser_text(e.insatser)
        slutledd = " (slutledd)" if e.tolkning == "slutledd" else ""
        parts.append(f"{name}{f' från {day}' if own else ''}: {what}{slutledd}")
    heirs = begransad(parts, LISTADE_NAMN, "; ", och_last=False)
    since = f" från {days[0]}" if days[0] is not None and not own else ""
    # a successor formed after the year (a gap, decision 0654) does not report it: the content
    # goes to those that do, and when none does, to no file (never one that would be ej-bildad)
    heir_ids = list(dict.fromkeys(e.organisation for e in org.efterfoljare))
    late = [by_id[t] for t in heir_ids if t in by_id and not_yet_formed(by_id[t], ar)]
    targets = [t for t in heir_ids if t not in by_id or not not_yet_formed(by_id[t], ar)]
    if not targets:
        one = len(org.efterfoljare) == 1
        ingen = "efterföljaren fanns inte" if one else "ingen av efterföljarna fanns"
        return (
            f"Uppgifterna togs över{since} av {heirs}, men {ingen} den 31 december {ar}, så "
            f"ingen rapporterar dem för {ar}. Rätta 'giltig_till' eller "
            f"{'efterföljarens' if one else 'en efterföljares'} 'giltig_fran' i "
            "organisationer.yaml om ett datum är fel; annars ta bort den här filen."
        )
    files = begransad([f"rapporter/{ar}/{t}.yaml" for t in targets], LISTADE_FILER)
    # the command last in its sentence, or why none can be given (0370)
    create = command_sentence(
        ds,
        "Saknas filen, skapa den med" if len(targets) == 1 else "Saknas en fil, skapa den med",
        "ny rapport",
        str(ar),
        targets[0] if len(targets) == 1 else "ORGANISATION",
    )
    if late:  # said, so that the list of files is not read as one left out
        names = begransad([f"{_namn(h)} ({h.id})" for h in late], LISTADE_NAMN)
        heirs += f". {names} fanns inte den 31 december {ar} och rapporterar inte för {ar}"
    if heir_file(org, stem) and stem in targets:
        return f"Uppgifterna togs över{since} av {heirs}. {_own_name(stem)}."
    # several successors may hold the same insats (Fastighetsnämnden's 2:1 and 2:4 went to
    # both of its): a post goes to each one that holds it, not to one of them (granska15 #6)
    move = (
        f"Flytta innehållet till {files}"
        if len(targets) == 1
        else f"Flytta varje post till var och en av efterträdarna som har insatsen ({files})"
    )
    return f"Uppgifterna togs över{since} av {heirs}. {move} och ta bort den här filen. {create}"


def _check_organisations(
    file: str, orgs: OrganisationerFil, insats_ids: list[str] | None
) -> list[Finding]:
    issues: list[Finding] = []
    org_ids = [o.id for o in orgs.organisationer]
    known = set(org_ids)
    kallor = [k.id for k in orgs.kallor]
    kall_set = set(kallor)
    insats_set = set(insats_ids or ())

    for oi, o in enumerate(orgs.organisationer):
        base: tuple[str | int, ...] = ("organisationer", oi)
        if o.giltig_fran and o.giltig_till and o.giltig_fran > o.giltig_till:
            issues.append(
                fel(
                    file,
                    (*base, "giltig_till"),
                    "giltighet-omvand",
                    f"{_namn(o)} slutar ({o.giltig_till}) före den börjar ({o.giltig_fran}). "
                    "Rätta 'giltig_fran' eller 'giltig_till'.",
                )
            )
        if o.efterfoljare and o.giltig_till is None:
            issues.append(
                fel(
                    file,
                    (*base, "efterfoljare"),
                    "efterfoljare-utan-slut",
                    f"{_namn(o)} har efterföljare men ingen 'giltig_till'. Ange den sista dagen "
                    "organisationen fanns (ÅÅÅÅ-MM-DD), eller ta bort 'efterfoljare'.",
                    at_key=True,
                )
            )
        for ei, e in enumerate(o.efterfoljare):
            here = (*base, "efterfoljare", ei)
            if e.organisation == o.id:
                issues.append(
                    fel(
                        file,
                        (*here, "organisation"),
                        "efterfoljare-sig-sjalv",
                        f"{_namn(o)} anges som sin egen efterföljare. Ange den organisation som "
                        "tog över uppgifterna.",
                    )
                )
            elif e.organisation not in known:
                issues.append(
                    fel(
                        file,
                        (*here, "organisation"),
                        "okand-efterfoljare",
                        f"Efterföljaren '{e.organisation}' finns inte bland organisationerna."
                        f"{menade_du(e.organisation, org_ids)} Lägg till organisationen i "
                        "filen eller rätta id:t.",
                    )
                )
    # the sources and the successors' insatser (organisationer.check: the groups' members)
    for path, ids, holds in id_lists("organisationer", orgs):
        for j, ident in enumerate(ids):
            if holds is id_fields.KALLA and ident not in kall_set:
                issues.append(unknown_source(file, (*path, j), ident, kallor))
            elif holds is id_fields.INSATS and insats_ids is not None and ident not in insats_set:
                issues.append(
                    fel(
                        file,
                        (*path, j),
                        "okand-insats",
                        f"Insatsen '{ident}' finns inte i plan.yaml."
                        f"{menade_du(ident, insats_ids)} Rätta id:t.",
                    )
                )
    return issues
