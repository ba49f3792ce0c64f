"""validate: load → check → findings with positions. Returns data; prints nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from utsatta.check.assessments import check_assessments
from utsatta.check.completeness import check_completeness
from utsatta.check.references import check_references
from utsatta.check.uppfoljning import check_uppfoljning
from utsatta.findings import Finding, Issue
from utsatta.load.dataset import DataSet, load


@dataclass(frozen=True)
class ValidationResult:
    dataset: DataSet
    findings: list[Finding]
    files_checked: int


def resolve(ds: DataSet, issues: list[Issue]) -> list[Finding]:
    """Give every issue its line and column; sorted by file, position and code."""
    files = ds.file_by_display()
    out: list[Finding] = []
    for issue in issues:
        if issue.line is not None:
            line, column = issue.line, issue.column or 1
        else:
            src = files.get(issue.file)
            if src is None:
                line, column = 1, 1
            else:
                line, column = src.positions().locate(issue.path, at_key=issue.at_key)
        out.append(Finding(issue.file, line, column, issue.code, issue.severity, issue.message))
    return sorted(set(out))


def validate(
    root: Path, *, year: int | None = None, paths: list[Path] | None = None, texts: bool = False
) -> ValidationResult:
    """Check a data folder. ``paths`` limits report files and findings to those files.

    The reports' free texts are left out of the models unless ``texts`` (for rendering).
    """
    only = {p.resolve() for p in paths} if paths else None
    ds = load(root, only=only, texts=texts)
    issues = list(ds.issues)
    issues += check_references(ds)
    years = [year] if year is not None else sorted(ds.report_years)
    issues += check_completeness(ds, years, only_present=only is not None)
    issues += check_assessments(ds, years)
    issues += check_uppfoljning(ds, years, year=year, only_present=only is not None)
    if year is not None:
        issues = [i for i in issues if not _other_year_report(ds, i, year)]
    findings = resolve(ds, issues)
    if only is not None:
        shown = set(only)
        findings = [f for f in findings if Path(f.file).resolve() in shown]
    return ValidationResult(ds, findings, sum(1 for _ in ds.files()))


def _other_year_report(ds: DataSet, issue: Issue, year: int) -> bool:
    parts = Path(issue.file).parts
    return (
        len(parts) >= 3
        and parts[-3] == "rapporter"
        and parts[-2].isdigit()
        and int(parts[-2]) != year
    )
