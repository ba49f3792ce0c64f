"""validate: load → schema → rules → positions. Returns data; prints nothing."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from utsatta.check.assessments import check_assessments
from utsatta.check.completeness import check_completeness
from utsatta.check.partial import depends_on
from utsatta.check.rules import check_rules
from utsatta.check.rules.uppfoljning import check_uppfoljning
from utsatta.findings import LISTED_PER_CODE, Finding, Severity, at_line, has_errors
from utsatta.load.dataset import DataSet, load
from utsatta.load.files import resolved

#: The files that every command beyond ``validate`` needs valid.
CORE = ("plan", "organisationer")
SHARED = frozenset({"plan", "organisationer", "omraden"})


@dataclass(frozen=True)
class ValidationResult:
    """What ``validate`` found: the data set, its findings (placed, sorted and bounded) and how
    many files were checked."""

    dataset: DataSet
    findings: list[Finding]
    files_checked: int

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
                f"Ytterligare {count} fynd av samma slag ([{code}]) i filen, på {lines}, visas "
                f"inte: bara de första {limit} visas. Rätta dem och kör kontrollen igen; ofta är "
                "det samma fel som upprepas.",
                count=count,
            )
        )
    return sorted(kept, key=_order)


def validate(
    root: str | os.PathLike[str],
    *,
    year: int | None = None,
    paths: Iterable[str | os.PathLike[str]] | None = None,
    texts: bool = True,
) -> ValidationResult:
    """Check a data folder: every finding, with its line and column.

    ``paths`` limits report files and findings to those files (see
    ``utsatta.load.files.partial_check_files``), with exactly the findings a check of the whole
    folder gives them: the reports they depend on are read too (``utsatta.check.partial``).
    ``year`` limits the checks of reports to that year. The data set in the result has every
    value, free texts included, unless ``texts=False`` (same findings, far less memory; the data
    set is then read-only, with lists shared between reports; see ``utsatta.load.dataset.load``).
    """
    only = {resolved(Path(p)) for p in paths} if paths else None
    # Findings in the named files may read other reports: those are loaded too (their own
    # findings are dropped below), so the named files get what a full check gives them.
    ds = load(Path(root), only=None if only is None else depends_on(Path(root), only), texts=texts)
    found = list(ds.findings)
    found += check_rules(ds)
    years = [year] if year is not None else sorted(ds.report_years)
    found += check_completeness(ds, years, only_present=only is not None)
    found += check_assessments(ds, years)
    found += check_uppfoljning(ds, years, year=year, only_present=only is not None)
    if year is not None:
        found = [f for f in found if not _other_year_report(f.file, year)]
    findings = resolve(ds, found)
    if only is not None:
        findings = [f for f in findings if resolved(Path(f.file)) in only]
    return ValidationResult(ds, findings, sum(1 for _ in ds.files()))


def _other_year_report(file: str, year: int) -> bool:
    parts = Path(file).parts
    return (
        len(parts) >= 3
        and parts[-3] == "rapporter"
        and parts[-2].isdigit()
        and int(parts[-2]) != year
    )
