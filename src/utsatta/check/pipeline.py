"""validate: load → schema → rules → positions. Returns data; prints nothing."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from utsatta.check.assessments import check_assessments
from utsatta.check.beslutsdatum import check_beslutsdatum
from utsatta.check.completeness import check_completeness, reports_elsewhere
from utsatta.check.duty_limit import check_duty_limit
from utsatta.check.empty_report import advise_empty_reports
from utsatta.check.goal_verdicts import check_goal_verdicts
from utsatta.check.partial import (
    Paths,
    check_scope,
    depends_on,
    existing_paths,
    with_dependents,
)
from utsatta.check.period import require_whole_year, require_year
from utsatta.check.rules import check_rules
from utsatta.check.rules.uppfoljning import check_uppfoljning
from utsatta.check.status_history import check_status_history
from utsatta.check.uppdrag_tidsplan import check_uppdrag_tidsplan
from utsatta.compute.duties import InsatserOf, duties_of
from utsatta.compute.plan_years import checked_years
from utsatta.findings import LISTED_PER_CODE, Finding, Path_, Severity, at_line, has_errors
from utsatta.load.datadir import data_root, is_bundled
from utsatta.load.dataset import DataSet, load
from utsatta.load.files import display_path, resolved
from utsatta.load.raw import read_raw
from utsatta.numbers import heltal

#: The files that every command beyond ``validate`` needs valid.
CORE = ("plan", "organisationer")
SHARED = frozenset({"plan", "organisationer", "omraden"})


@dataclass(eq=False)
class ValidationResult:
    """What ``validate`` found: the loaded ``dataset``, every ``finding`` (sorted by file,
    line and column) and how many data files were checked."""

    dataset: DataSet
    findings: list[Finding]
    #: the files the findings are about: every data file, or in a check of some files only
    #: (``paths``) the files named
    files_checked: int
    #: in a check of some files only: the findings in other files that are not shown, counted
    #: per file (None: the whole folder was checked, every finding is shown)
    not_shown: dict[str, int] | None = None

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the check fails: any error, or with ``strict`` any finding."""
        return has_errors(self.findings, strict=strict)

    def blocking(self, kinds: Collection[str] | None = None) -> list[Finding] | None:
        """The errors that keep a command from using the data, or None if it can.

        A command that reads the files of ``kinds`` (None: every file, as the report does)
        would give wrong output, not just incomplete output, with errors in them; ``validate``
        reports everything else. A shared file that is missing blocks too.
        """
        ds = self.dataset
        needed = SHARED & set(kinds) if kinds is not None else set(CORE)
        if kinds is None:
            errors = [f for f in self.findings if f.severity is Severity.FEL]
        else:
            kind_of = {f.display: f.kind for f in ds.files()}
            wanted = set(kinds)
            errors = [
                f
                for f in self.findings
                if f.severity is Severity.FEL
                and (kind_of.get(f.file, "") in wanted or (f.code == "fil-saknas" and needed))
            ]
        missing = [
            k for k in sorted(needed) if getattr(ds, k) is None or getattr(ds, k).model is None
        ]
        return errors if errors or missing else None


def resolve(ds: DataSet, findings: Iterable[Finding]) -> list[Finding]:
    """Give every finding its line and column, reading again each file that has findings;
    sorted by file, position and code, at most ``LISTED_PER_CODE`` of one code in one file
    (see ``bounded``). A file that changed since it was read says so."""
    files = ds.file_by_display()
    out: list[Finding] = []
    for f in findings:
        if not f.resolved:
            src = files.get(f.file)
            line, column = (
                (1, 1) if src is None else src.positions().locate(f.path, at_key=f.at_key)
            )
            f = f.at(line, column)
        out.append(f)
    out += [
        at_line(
            src.display,
            1,
            1,
            "fil-andrad",
            "Filen ändrades medan den kontrollerades, så rad och kolumn för fynden i den kan "
            "vara fel. Kör kontrollen igen.",
            Severity.VARNING,
        )
        for src in files.values()
        if src.changed
    ]
    return bounded(sorted(set(out), key=_order))


def _order(f: Finding) -> tuple[str, int, int, str, str, str]:
    # The dataclass's own order, as a tuple: compared in C, 200,000 findings sort in a blink.
    return (f.file, f.line, f.column, f.code, f.severity.value, f.message)


def bounded(findings: list[Finding], limit: int = LISTED_PER_CODE) -> list[Finding]:
    """The sorted ``findings`` with at most ``limit`` of one code and severity in one file:
    the rest become one ``fler-fynd`` finding, at the first one left out, that counts them.

    One mistake repeated (6,000 pasted lines, a key copied down a file) would otherwise flood
    every output: the terminal, the CI log, the job summary (docs/decisions/0102-fynd-per-fil.md).
    """
    seen: dict[tuple[str, str, Severity], int] = {}
    left_out: dict[tuple[str, str, Severity], list[Finding]] = {}
    kept = []
    for f in findings:
        key = (f.file, f.code, f.severity)
        n = seen[key] = seen.get(key, 0) + 1
        if n <= limit:
            kept.append(f)
        else:
            left_out.setdefault(key, []).append(f)
    if not left_out:
        return findings
    for (_, code, _), rest in left_out.items():
        first, last = rest[0], rest[-1]
        lines = f"rad {first.line}" if first.line == last.line else f"rad {first.line}–{last.line}"
        count = sum(f.count for f in rest)
        kept.append(
            Finding(
                first.file,
                first.line,
                first.column,
                "fler-fynd",
                first.severity,
                f"Ytterligare {heltal(count)} fynd av samma slag ([{code}]) i filen, på {lines}, "
                f"visas inte: bara de första {limit} visas. Rätta dem och kör kontrollen igen; "
                "ofta är det samma fel som upprepas.",
                count=count,
            )
        )
    return sorted(kept, key=_order)


def validate(
    root: str | os.PathLike[str],
    *,
    year: int | None = None,
    paths: Paths | None = None,
    texts: bool = True,
    data_option: str | None = None,
    examples: bool = False,
) -> ValidationResult:
    """Check a data folder: every finding, with its line and column.

    ``paths`` (one path or several) limits report files and findings to those files and the
    files whose findings a change of them can change (``check.partial.with_dependents``: the
    later years' reports of a named report's organisation and its successors, the uppföljning
    files that follow up its year), with exactly the findings a check of the whole folder
    gives them: the reports they depend on are read too. A folder or a shared file (plan,
    organisationer, områden, an indicator) among them checks the whole folder, as the command
    line does (``utsatta.check.partial.check_scope``).
    The errors in the files their check builds on (plan, organisations, områden, linked
    indicators) are kept too, and the other findings counted per file in ``not_shown``
    (docs/decisions/0128-delkontroll.md); ``files_checked`` is then the number of files named.
    ``year`` limits the checks to what the output (report, export) of that year rests on: the
    shared files and the reports and uppföljningar of that year and every earlier one; a later
    year's findings are left out, except in a file or folder among ``paths``, which are always
    shown (``later_year_file``). The data set in the result has every
    value, free texts included, unless ``texts=False`` (same findings, far less memory; the data
    set is then read-only, with lists shared between reports; see ``utsatta.load.dataset.load``).

    ``data_option``: the data folder as a command line named it (``--data D``): the commands
    that findings suggest (``utsatta ny rapport …``) then carry ``--data D``, so that they
    work when pasted in the same working folder; None (the library's own use): without it.
    ``examples``: ``root`` is the bundled example data, used for want of a data folder (the
    command line without --data): no 'utsatta ny …' is suggested, since 'ny' refuses it. A
    ``root`` that is that folder, however named, counts as it too (``datadir.is_bundled``).

    Raises ``DataDirError`` when ``root`` is no folder that can be read, and ``ArgumentError``
    when ``root`` or ``paths`` is no path, for a path that is not there or lies outside the
    folder, a ``year`` that is no whole number or (with a valid plan) lies outside the plan's
    period; every message Swedish.
    """
    root = data_root(root)
    if year is not None:
        require_whole_year(year)
    given = check_scope(root, paths)
    # The files whose findings a change of the named ones can change are checked with them
    # (a later year's report, an uppföljning that follows up a behov), so a check of a file
    # never misses an error its change causes elsewhere. Findings in them may read other
    # reports: those are loaded too (their own findings are dropped below), so the files
    # checked get what a full check gives them.
    only = None if given is None else with_dependents(Path(root), given)
    ds = load(
        Path(root),
        only=None if only is None else depends_on(Path(root), only),
        texts=texts,
        insatser_of=InsatserOf(),
    )
    ds.data_option = data_option
    # the bundled example data however it was named (--data, UTSATTA_DATA, a library
    # caller's path): 'ny' refuses it, so no finding suggests it (decision 0461)
    ds.examples = examples or is_bundled(Path(root))
    advise_empty_reports(ds)  # with the data folder as named above
    if year is not None:
        require_year(ds, year)
    # A path the user names is always shown, whatever --year says (its year is checked too).
    always = [resolved(p) for p in existing_paths(paths) or []] if year is not None else []
    found = _found(ds, year, only_present=only is not None, named=always)
    if only is None:
        findings = resolve(ds, found)
        if not always:  # a named later year's folder adds findings the year's output needs not
            ds.checked = (year, findings)
        return ValidationResult(ds, findings, sum(1 for _ in ds.files()))
    # A check of some files is never greener than a full check for those files: the errors in
    # the files their check builds on are shown too (with a broken plan a report cannot be
    # checked at all), and the other findings are counted (docs/decisions/0128-delkontroll.md).
    named = {f: resolved(Path(f)) in only for f in {f.file for f in found}}
    needed = _needed_files(ds, only)
    shown: list[Finding] = []
    not_shown: dict[str, int] = {}
    unread = _unread_reports(ds)
    for f in found:
        if named[f.file] or (f.severity is Severity.FEL and f.file in needed):
            shown.append(f)
        elif not unread(f):
            not_shown[f.file] = not_shown.get(f.file, 0) + f.count
    assert given is not None
    return ValidationResult(ds, resolve(ds, shown), len(given), dict(sorted(not_shown.items())))


def _needed_files(ds: DataSet, only: set[Path]) -> set[str]:
    """The files (as shown) whose errors keep the files ``only`` from being checked as a full
    check would: the plan, the organisations and the områden, and each indicator that may be
    linked to an insats of a named report (its status is compared with the report's
    bedömning). An indicator that cannot be read is linked unless its plain data says not."""
    needed = {display_path(ds.root / f"{name}.yaml") for name in SHARED}
    needed.update(src.display for src in (ds.plan, ds.organisationer, ds.omraden) if src)
    insatser = {
        item.insats
        for src in ds.rapporter
        if src.model is not None and resolved(src.path) in only
        for item in src.model.insatser
    }
    if not insatser:
        return needed
    for src in ds.indikatorer:
        linked = src.model.insatser if src.model is not None else _plain_insatser(src.path)
        if linked is None or insatser.intersection(linked):
            needed.add(src.display)
    return needed


def _unread_reports(ds: DataSet) -> Callable[[Finding], bool]:
    """Whether a finding only comes from the reports a check of some files does not read: an
    uppföljning's earlier behov in a report that is there but was not loaded. Such a finding is
    no finding of a full check, so it is not counted among those not shown."""
    uppfoljningar = {src.display: src.model for src in ds.uppfoljningar}
    loaded = {resolved(src.path) for src in ds.rapporter}

    def unread(f: Finding) -> bool:
        up = uppfoljningar.get(f.file)
        if f.code != "okant-behov" or up is None or f.path[:1] != ("tidigare_behov",):
            return False
        index = f.path[1]
        assert isinstance(index, int)  # the check's own path: ("tidigare_behov", i, …)
        b = up.tidigare_behov[index]
        report = ds.root / "rapporter" / str(b.ar) / f"{b.organisation}.yaml"
        return resolved(report) not in loaded and os.path.lexists(report)

    return unread


def _plain_insatser(path: Path) -> list[Any] | None:
    """The ``insatser`` of an indicator file that is not valid, read as plain data; None when
    they cannot be read (then the indicator may be linked to any insats)."""
    data = read_raw(path, display_path(path)).data
    if not isinstance(data, dict):
        return None
    value = data.get("insatser", [])  # none: linked to no insats (the model's default)
    if not isinstance(value, list):
        return None
    return [v for v in value if isinstance(v, str)]


def check_loaded(ds: DataSet, year: int | None, *, only_present: bool = False) -> list[Finding]:
    """The findings of a loaded data set: its own (loading, schema) and those of the checks
    across files, for ``year`` (None: every year; a year: what the output of that year rests
    on, see :func:`later_year_file`), with positions (``resolve``).
    ``only_present``: a check of some files, which does not ask for the reports not loaded."""
    return resolve(ds, _found(ds, year, only_present=only_present))


def _found(
    ds: DataSet, year: int | None, *, only_present: bool, named: Sequence[Path] = ()
) -> list[Finding]:
    """:func:`check_loaded`'s findings before their positions are looked up (a check of some
    files looks up only those it shows). ``named``: the paths the user named (resolved); with a
    ``year`` their findings are kept even when they are of a later year, and their year is
    checked too."""
    found = list(ds.findings)
    # before any work on who owes what: past the limit none is done (duties_of gives None)
    found += check_duty_limit(ds)
    duties = duties_of(ds)  # built once: the rules and the completeness check both ask it
    found += check_rules(ds, duties)
    # The output of a year shows that year and every earlier plan year (the slutuppföljning,
    # the export's series): the same years are checked, even one with no folder at all.
    later = () if year is None else {y for p in named if (y := year_of(p)) is not None and y > year}
    years = checked_years(ds, year, later=later)
    retold: dict[tuple[str, Path_], str] = {}
    found += check_completeness(ds, years, only_present=only_present, duties=duties, retold=retold)
    if retold:  # a copied post's id unchanged: its findings say so (check.copied, read then)
        from utsatta.check.copied import retell

        found = retell(found, retold)
    found += check_assessments(ds, years)
    found += check_goal_verdicts(ds)
    found += check_status_history(ds, duties)
    found += check_beslutsdatum(ds)
    found += check_uppdrag_tidsplan(ds)
    found += check_uppfoljning(ds, years, only_present=only_present)
    if year is not None:
        shown_later = [p for p in named if (y := year_of(p)) is not None and y > year]
        # A later year's file that a missing report of this year points at (it belongs here by
        # its content: load.placement) keeps its findings: "see that file's error" is shown.
        pointed = {
            file
            for target, file in (*ds.unread.items(), *reports_elsewhere(ds).items())
            if not later_year_file(target, year)
        }
        found = [
            f
            for f in found
            if not later_year_file(f.file, year)
            or f.file in pointed
            or (shown_later and _under(resolved(Path(f.file)), shown_later))
        ]
    return found


def _under(path: Path, folders: Sequence[Path]) -> bool:
    return any(path == p or path.is_relative_to(p) for p in folders)


def year_of(file: str | os.PathLike[str]) -> int | None:
    """The year of a file or folder of one year: a report (rapporter/<år>/…), a year's report
    folder (rapporter/<år>) or an uppföljning (uppfoljning/<år>.yaml); None for any other."""
    parts = Path(file).parts
    if len(parts) >= 2 and parts[-2] == "uppfoljning":
        stem = parts[-1].removesuffix(".yaml")
        return int(stem) if len(stem) == 4 and stem.isdigit() else None
    if len(parts) >= 2 and parts[-2] == "rapporter" and parts[-1].isdigit():
        return int(parts[-1])
    if len(parts) >= 3 and parts[-3] == "rapporter" and parts[-2].isdigit():
        return int(parts[-2])
    return None


def later_year_file(file: str, year: int) -> bool:
    """Whether ``file`` is a file of a later year than ``year``: a report (rapporter/<år>/…) or
    an uppföljning (uppfoljning/<år>.yaml). The output of ``year`` (report, export) rests on the
    shared files (plan, organisationer, områden, indikatorer) and the reports and uppföljningar
    of ``year`` and every earlier year, never a later year's: ``validate --year`` shows those
    files, and an error in any of them stops the report and the export."""
    y = year_of(file)
    return y is not None and y > year
