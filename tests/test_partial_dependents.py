"""A check of one report also checks the files whose findings the change can break (the reverse
of what it reads): the later years' reports of its organisation and its successors, and the
uppföljning files whose ``tidigare_behov`` name its year. A pre-commit hook on the 2023 report
then finds what the change breaks in 2025, as the full check does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import ROOT
from utsatta.check import validate
from utsatta.check.partial import check_scope, with_dependents
from utsatta.findings import Finding

BEHOV = "    behov:\n      - Långsiktig finansiering av den utökade undervisningstiden.\n"


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    """The shipped data with grundskolenämndens 2023 report changed: insats 1:4 (owed once
    during the plan period, reported in 2023) removed, and the behov of 1:2 that uppföljning
    2025 follows up removed."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text("utf-8")
    start = text.index('  - insats: "1:4"')
    text = text[:start] + text[text.index('  - insats: "1:6"') :]
    assert BEHOV in text
    report.write_text(text.replace(BEHOV, "    behov: []\n"), "utf-8")
    return data


def _in(findings: list[Finding], *names: str) -> list[tuple[str, int, int, str]]:
    return [
        (Path(f.file).relative_to(names[0]).as_posix(), f.line, f.column, f.code)
        for f in findings
        if Path(f.file).is_relative_to(names[0]) and Path(f.file).name != "organisationer.yaml"
        and any(Path(f.file).as_posix().endswith(n) for n in names[1:])
    ]  # fmt: skip


def test_a_change_to_2023_that_breaks_2025_is_found_by_a_check_of_2023(changed: Path) -> None:
    named = changed / "rapporter" / "2023" / "grundskolenamnden.yaml"
    later = ("rapporter/2025/grundskolenamnden.yaml", "uppfoljning/2025.yaml")
    full = validate(changed, texts=False)
    partial = validate(changed, paths=[named], texts=False)
    expected = [
        ("rapporter/2025/grundskolenamnden.yaml", 6, 1, "insats-saknas"),
        ("uppfoljning/2025.yaml", 185, 13, "okant-behov"),
    ]
    assert _in(full.findings, str(changed), *later) == expected
    assert _in(partial.findings, str(changed), *later) == expected
    # exactly the full check's findings, message and all, in every file the check covers
    covered = {Path(f.file) for f in partial.findings} - {changed / "organisationer.yaml"}
    for file in covered:
        assert [f for f in partial.findings if Path(f.file) == file] == [
            f for f in full.findings if Path(f.file) == file
        ], file


def test_the_scope_is_the_named_report_and_what_it_can_break(changed: Path) -> None:
    named = (changed / "rapporter" / "2023" / "grundskolenamnden.yaml").resolve()
    given = check_scope(changed, [named])
    assert given == {named}
    scope = with_dependents(changed, given)
    top = changed.resolve()
    assert sorted(p.relative_to(top).as_posix() for p in scope) == [
        "rapporter/2023/grundskolenamnden.yaml",
        "rapporter/2024/grundskolenamnden.yaml",
        "rapporter/2025/grundskolenamnden.yaml",
        "uppfoljning/2024.yaml",  # names 2023 (kommunstyrelsen): its suggestions list 2023's
        "uppfoljning/2025.yaml",
    ]


def test_a_predecessors_report_covers_its_successors_later_reports() -> None:
    """Fastighetsnämnden (2022) passed its insatser on to exploaterings- and
    stadsfastighetsnämnden: their later reports count its återrapportering. Uppföljning 2023
    follows up a behov of 2022."""
    data = ROOT / "data"
    given = check_scope(data, [data / "rapporter" / "2022" / "fastighetsnamnden.yaml"])
    assert given is not None
    scope = with_dependents(data, given)
    top = data.resolve()
    assert sorted(p.relative_to(top).as_posix() for p in scope) == sorted(
        [
            "rapporter/2022/fastighetsnamnden.yaml",
            *(f"rapporter/{y}/exploateringsnamnden.yaml" for y in (2023, 2024, 2025)),
            *(f"rapporter/{y}/stadsfastighetsnamnden.yaml" for y in (2023, 2024, 2025)),
            "uppfoljning/2023.yaml",
        ]
    )


def test_an_uppfoljning_file_alone_covers_only_itself() -> None:
    data = ROOT / "data"
    given = check_scope(data, [data / "uppfoljning" / "2025.yaml"])
    assert given == {(data / "uppfoljning" / "2025.yaml").resolve()}
    assert with_dependents(data, given) == given
