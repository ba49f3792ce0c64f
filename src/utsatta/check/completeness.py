"""Completeness: every responsible organisation has reported on every insats due that year."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utsatta.check.suggested import command_sentence
from utsatta.check.unchecked import Blocked, misnamed_reports, unchecked
from utsatta.compute.duties import Reported, duties_of, year_matrix
from utsatta.compute.responsibility import Duties
from utsatta.escape import shorten
from utsatta.fileio import shown
from utsatta.findings import Finding, Path_, fel, varning
from utsatta.load.dataset import DataSet, SourceFile
from utsatta.load.placement import display_path, report_place, unread_file
from utsatta.wording import insatser as insatser_text

if TYPE_CHECKING:
    from utsatta.check.copied import Copy


def check_completeness(
    ds: DataSet,
    years: list[int],
    *,
    only_present: bool = False,
    duties: Duties | None = None,
    retold: dict[tuple[str, Path_], str] | None = None,
) -> list[Finding]:
    """Findings for missing insatser in reports and, unless ``only_present``, missing reports.
    ``duties``: the plan's duties when the caller has built them (``duties_of``), else built
    here. ``retold`` is given the new message (by file and path) of each post's own finding
    that the missing insats likely explains (``check.copied``: a copied post's id unchanged).

    A report that exists but leaves out an insats is an error (the fix is in that file). A
    report that does not exist is a warning, since reports come in during the year;
    ``--strict`` makes it fail.
    """
    findings: list[Finding] = []
    if not (ds.plan and ds.plan.model):
        return findings
    g = ds.plan.model.plan.giltighet
    # Echoed in messages: a name of any length is shortened like every other value.
    names = {k: shorten(v) for k, v in ds.organisation_names().items()}
    # Only a report whose file is named after its organisation counts for it: a misnamed one
    # has its own error (filnamn-matchar-inte), and a check of named files can then find every
    # report it depends on by its path (check.partial).
    by_file = {
        (r.folder_year, r.stem): r
        for r in ds.rapporter
        if r.model is not None and r.model.organisation == r.stem
    }
    done: Reported = {}
    for (ar, org), r in by_file.items():
        assert r.model is not None
        done.setdefault(ar, {})[org] = [i.insats for i in r.model.insatser]
    # A report file that exists but is invalid or misnamed has its own errors; it is not
    # "missing".
    present = {(r.folder_year, r.stem) for r in ds.rapporter} | {
        (r.folder_year, r.model.organisation) for r in ds.rapporter if r.model is not None
    }
    # Nor can a file at an organisation's path that does not count for it (invalid, or about
    # another organisation) tell whether an återrapportering was made in it: an insats owed only
    # for want of an earlier report is then not called missing (docs/decisions/0150-foljdfel.md).
    unusable = {
        (r.folder_year, r.stem): r for r in ds.rapporter if (r.folder_year, r.stem) not in by_file
    }
    # Nor can a report under a wrong name (kulturnamnden.yml, kulturnämnden.yaml): it does not
    # count, but it may hold the återrapportering (docs/decisions/0681).
    for year_org, misnamed in misnamed_reports(ds).items():
        unusable.setdefault(year_org, misnamed)
    earlier = sorted(unusable.items(), key=lambda item: item[0])
    # A report read but lying where it does not count (its 'ar' names another year): a missing
    # report there points at it, never "create the file" (it would leave two copies).
    elsewhere = reports_elsewhere(ds)
    once = {i.id for i in ds.plan.model.insatser if i.uppfoljning.typ == "under-planperioden"}
    plan_ids = {i.id for i in ds.plan.model.insatser}
    blocked = Blocked(ds)
    taken: dict[tuple[int, str], str] | None = None  # _taken, asked at the first missing one
    if duties is None:
        duties = duties_of(ds)
    for ar in years:
        if not g.covers(ar):
            continue
        m = year_matrix(ds, ar, done, duties, reasons=False)
        if m is None:
            continue
        assert duties is not None  # the matrix needs them
        for org, insatser in m.saknas_per_organisation().items():
            src = by_file.get((ar, org))
            if src is None and (only_present or (ar, org) in present):
                continue
            path = src.display if src is not None else _report_path(ds, ar, org)
            unsure: dict[str, list[SourceFile[Any]]] = {}
            if unusable:
                for ins in insatser:
                    if ins in once:
                        hidden = _earlier(earlier, duties.lineage(org, ins, ar), ar)
                        if hidden:
                            unsure[ins] = hidden
            sure = [i for i in insatser if i not in unsure]
            name = names.get(org, org)
            if sure:
                unread = ds.unread.get(path) if src is None else None
                read = elsewhere.get(path) if src is None and unread is None else None
                advice = (
                    unread_file(ds.root, unread, path)
                    if unread is not None
                    else unread_file(ds.root, read, path, read=True)
                    if read is not None
                    else None
                )
                if advice is None and src is None:
                    if taken is None:
                        taken = _taken(ds, duties)
                    if (ar, org) in taken:
                        read = taken[(ar, org)]
                        advice = _taken_advice(ds, read)
                found_copies = _copies(src, sure, plan_ids, retold) if src is not None else []
                findings.append(
                    _missing(
                        path,
                        src is not None,
                        ar,
                        org,
                        name,
                        sure,
                        advice,
                        read=bool(read),
                        create=command_sentence(ds, "Skapa filen med", "ny rapport", str(ar), org),
                        copies=found_copies,
                    )
                )
            if unsure:
                findings.append(
                    unchecked(
                        path,
                        ("insatser",) if src is not None else (),
                        f"Det går inte att avgöra om {name} ska återrapportera "
                        f"{insatser_text(list(unsure))} för {ar}",
                        "en återrapportering görs en gång under planperioden, och den kan ha "
                        "lämnats i "
                        + blocked.places([s for files in unsure.values() for s in files])
                        + ", som har fel och inte kan användas",
                        at_key=src is not None,
                    )
                )
    return findings


def _copies(
    src: SourceFile[Any],
    missing: list[str],
    plan_ids: set[str],
    retold: dict[tuple[str, Path_], str] | None,
) -> list[Copy]:
    """The posts of the report ``src`` that are likely one of the ``missing`` insatser, their
    own findings' new messages put in ``retold``."""
    # read only for a report that lacks an insats, not at every start (valid data never needs it)
    from utsatta.check.copied import copies, post_message

    assert src.model is not None
    ids = [i.insats for i in src.model.insatser]

    def line(index: int) -> int:
        return src.positions().locate(("insatser", index, "insats"))[0]

    found = copies(ids, missing, plan_ids, line)
    if retold is not None:
        for c in found:
            first = line(ids.index(c.written))
            retold[(src.display, ("insatser", c.index, "insats"))] = post_message(c, first)
    return found


def _taken(ds: DataSet, duties: Duties) -> dict[tuple[int, str], str]:
    """(year, organisation) → the report (display path) in that year's folder under another
    name whose own finding says, from its posts, that it is that organisation's
    (``check.rules.owner.taken_for``). Only a file whose place and keys disagree is asked; the
    usual data set has none, and then nothing more is built."""
    odd = [
        r
        for r in ds.rapporter
        if r.model is not None and (r.model.organisation, r.model.ar) != (r.stem, r.folder_year)
    ]
    if not odd:
        return {}
    from utsatta.check.rules.base import Known
    from utsatta.check.rules.owner import taken_for

    known = Known.of(ds, duties)
    out: dict[tuple[int, str], str] = {}
    for r in odd:
        org = taken_for(known, r)
        if org is not None and r.folder_year is not None:
            out.setdefault((r.folder_year, org), r.display)
    return out


def _taken_advice(ds: DataSet, display: str) -> str:
    """Not "create the file" (a second report): the file that looks like it, and its finding."""
    try:
        inside = Path(display).relative_to(ds.root).as_posix()
    except ValueError:
        inside = display
    return (
        f"filen {shown(inside)} ser ut att vara den, efter insatserna i den. Rätta den som "
        "felet för den filen säger, i stället för att skapa en ny rapport."
    )


def reports_elsewhere(ds: DataSet) -> dict[str, str]:
    """The reports read but lying in another year's folder than their 'ar' says: the data
    file each should be (its display path; where ``load.placement.report_place`` sends it, the
    place its own finding names) → the report's, when nothing is there yet."""
    orgs = set(ds.organisation_names())
    out: dict[str, str] = {}
    for r in ds.rapporter:
        m = r.model
        if m is None or m.ar == r.folder_year:
            continue  # in its year's folder: a misnamed one counts as there (``present``)
        org = m.organisation if not orgs or m.organisation in orgs else r.stem
        target = report_place(ds.root, r.path, str(m.ar), org).free
        if target is not None:
            out.setdefault(display_path(target), r.display)
    return out


def _report_path(ds: DataSet, ar: int, org: str) -> str:
    return display_path(ds.root / "rapporter" / str(ar) / f"{org}.yaml")


def _earlier(
    unusable: list[tuple[tuple[int, str], SourceFile[Any]]], lineage: list[str], ar: int
) -> list[SourceFile[Any]]:
    """The unusable reports (by year, organisation) of a year before ``ar`` by ``lineage`` (the
    organisation and those it holds the insats from) that may hold the återrapportering."""
    return [src for (y, o), src in unusable if y < ar and o in lineage]


def _missing(
    path: str,
    exists: bool,
    ar: int,
    org: str,
    name: str,
    ids: list[str],
    unread: str | None,
    *,
    read: bool,
    create: str,
    copies: Sequence[Copy] = (),
) -> Finding:
    # unread: the advice for a file there under a wrong name or place (load.placement.
    # unread_file); read: that file is read, but counts only in its place
    listed = insatser_text(ids)
    if exists:
        from utsatta.check.copied import missing_advice  # read by _copies already, if any

        return fel(
            path,
            ("insatser",),
            "insats-saknas",
            f"Rapporten för {ar} saknar {listed}, som {name} ska rapportera enligt planen. "
            + (
                missing_advice(copies, ids)
                if copies
                else "Lägg till en post per insats under 'insatser'."
            ),
            at_key=True,
        )
    return varning(
        path,
        (),
        "rapport-saknas",
        f"{name} har ingen rapport för {ar} som {'räknas' if read else 'läses'}: {unread} Den "
        f"ska omfatta {listed}."
        if unread
        else f"{name} har inte lämnat någon rapport för {ar}. Den ska omfatta {listed}. {create}",
    )
