"""`report` and `export` say on standard error how many warnings the data has, and which
check lists them; the exit code stays 0 (docs/decisions/0601-varningar-vid-report-och-export.md).

A warning stops neither command, so before this a text cut short at a '#' (text-avklippt)
went into the report without a word to whoever wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app

runner = CliRunner()

_SEE = "Se dem med 'utsatta validate --year 2023 --data data'.\n"
#: one warning is "den" (review skriv24)
_SEE_ONE = "Se den med 'utsatta validate --year 2023 --data data'.\n"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cut_short(base_cwd: Path) -> Path:
    """The base data with one warning: a text cut short at '#' (text-avklippt)."""
    report = base_cwd / "data/rapporter/2023/grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace("nulage: Arbetet pågår.", "nulage: Arbetet pågår #2 i Bergsjön.", 1),
        encoding="utf-8",
    )
    code, out, _ = _invoke("validate", "--year", "2023", "--data", "data")
    assert code == 0 and out.endswith("0 fel och 1 varning i 1 fil (12 kontrollerade).\n")
    assert "[text-avklippt]" in out
    return base_cwd


def test_report_to_a_file_counts_the_warnings(cut_short: Path) -> None:
    code, out, err = _invoke("report", "2023", "--data", "data", "--output", "r.md")
    assert (code, out) == (0, "")
    assert err == f"Skrev r.md.\nDatan har 1 varning. {_SEE_ONE}"


def test_report_to_standard_out_says_it_on_standard_error(cut_short: Path) -> None:
    code, out, err = _invoke("report", "2023", "--data", "data", "--format", "json")
    assert code == 0 and out.startswith("{")
    assert err == f"Datan har 1 varning. {_SEE_ONE}"


def test_report_check_compares_the_file_only(cut_short: Path) -> None:
    assert _invoke("report", "2023", "--data", "data", "--output", "r.md")[0] == 0
    code, _, err = _invoke("report", "2023", "--data", "data", "--output", "r.md", "--check")
    assert (code, err) == (0, "r.md är aktuell.\n")


def test_export_counts_the_warnings(cut_short: Path) -> None:
    code, _, err = _invoke(
        "export", "2023", "--data", "data", "--format", "csv", "--output", "tabeller"
    )
    lines = err.splitlines(keepends=True)
    assert code == 0
    # after "Skrev …" for each file, as `report` says it (the base data has every plan year
    # up to 2023 complete: no line about gaps)
    assert lines[-2] == "Skrev tabeller/kolumner.csv.\n"
    assert lines[-1] == f"Datan har 1 varning. {_SEE_ONE}"


def test_no_warnings_no_line(base_cwd: Path) -> None:
    code, _, err = _invoke("report", "2023", "--data", "data", "--output", "r.md")
    assert (code, err) == (0, "Skrev r.md.\n")


def test_more_warnings_are_counted_in_the_plural(cut_short: Path) -> None:
    """Two warnings: the count and the plural, as validate's closing line counts them."""
    (cut_short / "data/rapporter/2023/kommunstyrelsen.yaml").unlink()  # rapport-saknas
    code, out, _ = _invoke("validate", "--year", "2023", "--data", "data")
    assert out.endswith("0 fel och 2 varningar i 2 filer (11 kontrollerade).\n"), out
    code, _, err = _invoke("report", "2023", "--data", "data", "--output", "r.md")
    assert code == 0
    assert err.endswith(f"Datan har 2 varningar. {_SEE}"), err
