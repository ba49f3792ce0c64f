"""`report ÅR -o FIL` and `export ÅR`: what the written file lacks (reports missing for the
year, the samlad bedömning) is said on stderr after "Skrev …", never on stdout, never in the
written bytes, never in the exit code (docs/decisions/0445-rapportens-luckor-pa-standard-fel.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import REPORT_FIXTURE, SHIPPED, need_pdf
from utsatta.cli.app import app
from utsatta.wording import begransad, luckor

runner = CliRunner()

#: seven reports of 2025, the first in organisationer.yaml order
FIRST_2025 = (
    "kommunstyrelsen",
    "socialnamnd-centrum",
    "socialnamnd-hisingen",
    "socialnamnd-nordost",
    "socialnamnd-sydvast",
    "demokrati-och-medborgarservice",
    "kulturnamnden",
)


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def gaps(tmp_path: Path) -> Path:
    """The shipped data without Higab's report for 2025 and without uppfoljning/2025.yaml."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    (root / "rapporter" / "2025" / "higab.yaml").unlink()
    (root / "uppfoljning" / "2025.yaml").unlink()
    return root


@pytest.fixture
def complete(tmp_path: Path) -> Path:
    """The shipped data with the one report it lacks (Business Region Göteborg's for 2023, made
    from its report for 2024): a plan period without gaps."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    text = (root / "rapporter" / "2024" / "business-region-goteborg.yaml").read_text("utf-8")
    assert "\nar: 2024\n" in text
    target = root / "rapporter" / "2023" / "business-region-goteborg.yaml"
    target.write_text(text.replace("\nar: 2024\n", "\nar: 2023\n"), "utf-8")
    return root


#: the shipped data's one gap of an earlier plan year, as the notes of 2025 say it
TIDIGARE = "1 rapport från tidigare år i planperioden saknas (Business Region Göteborg 2023)"


def _note(root: Path, what: str = "Rapporten") -> str:
    return (
        f"{what} har luckor: 1 rapport saknas för 2025 (Higab); den samlade bedömningen för "
        f"2025 saknas; {TIDIGARE}. Se 'utsatta validate --year 2025 --data {root}'.\n"
    )


def _warnings(root: Path, count: str, year: int = 2025) -> str:
    """The last line: the data's warnings, counted (docs/decisions/0601); the gaps are
    warnings too."""
    them = "den" if count == "1 varning" else "dem"
    see = f"Se {them} med 'utsatta validate --year {year} --data {root}'."
    return f"Datan har {count}. {see}\n"


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_written_report_with_gaps_says_them_after_skrev(gaps: Path, fmt: str) -> None:
    """The note follows "Skrev …"; the file holds exactly what stdout would (the note is not
    in it) and the exit code stays 0."""
    target = gaps.parent / f"r.{fmt}"
    code, out, err = _run("report", "2025", "--data", str(gaps), "-o", str(target))
    assert (code, out) == (0, "")
    assert err == f"Skrev {target}.\n" + _note(gaps) + _warnings(gaps, "3 varningar")
    code, document, quiet = _run("report", "2025", "--data", str(gaps), "--format", fmt)
    # to stdout: no note on the gaps, stdout is the document; the warnings on stderr
    assert (code, quiet) == (0, _warnings(gaps, "3 varningar"))
    assert target.read_bytes() == document.encode("utf-8")
    # an unchanged file has the same gaps
    code, out, err = _run("report", "2025", "--data", str(gaps), "-o", str(target))
    assert (code, out, err) == (
        0,
        "",
        f"{target} är oförändrad.\n" + _note(gaps) + _warnings(gaps, "3 varningar"),
    )


@pytest.fixture
def small_gaps(tmp_path: Path) -> Path:
    """The report fixture (tests/fixtures/report-data, without Socialnämnd Nordost's report for
    2023) without uppfoljning/2023.yaml: gaps of both kinds in a PDF laid out in a few seconds
    (the shipped data's 2025 took about 35 s of CPU; the note's words are the text formats')."""
    root = tmp_path / "data"
    shutil.copytree(REPORT_FIXTURE, root)
    (root / "uppfoljning" / "2023.yaml").unlink()
    return root


def test_a_pdf_with_gaps_says_them(small_gaps: Path) -> None:
    from utsatta.render.pdf import PdfUnavailableError, require_weasyprint

    try:
        require_weasyprint()
    except PdfUnavailableError:
        need_pdf("WeasyPrint saknas")
    target = small_gaps.parent / "r.pdf"
    code, out, err = _run("report", "2023", "--data", str(small_gaps), "-o", str(target))
    note = (
        "Rapporten har luckor: 1 rapport saknas för 2023 (Socialnämnd Nordost); den samlade "
        f"bedömningen för 2023 saknas. Se 'utsatta validate --year 2023 --data {small_gaps}'.\n"
    )
    assert (code, out, err) == (
        0,
        "",
        f"Skrev {target}.\n" + note + _warnings(small_gaps, "13 varningar", 2023),
    )
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_report_without_gaps_says_only_skrev(complete: Path) -> None:
    target = complete.parent / "r.md"
    code, out, err = _run("report", "2025", "--data", str(complete), "-o", str(target))
    assert (code, out, err) == (0, "", f"Skrev {target}.\n")


def test_the_slutuppfoljning_says_the_gaps_of_earlier_plan_years(tmp_path: Path) -> None:
    """The slutuppföljning lists the reports of earlier years that never came in (section 4,
    "Saknade rapporter under planperioden"), and so does its note; a yearly report lists only
    its own year's, and so does its note. An export holds the rows of every year up to ÅR."""
    target = tmp_path / "r.md"
    code, out, err = _run("report", "2025", "--data", str(SHIPPED), "-o", str(target))
    assert (code, out) == (0, "")
    assert err == (
        f"Skrev {target}.\nRapporten har luckor: {TIDIGARE}. Se 'utsatta validate --year 2025 "
        f"--data {SHIPPED}'.\n" + _warnings(SHIPPED, "1 varning")
    )
    assert "- Business Region Göteborg: 2023, insats 2:1, 2:4" in target.read_text("utf-8")
    yearly = tmp_path / "r2024.md"
    code, out, err = _run("report", "2024", "--data", str(SHIPPED), "-o", str(yearly))
    # no gap in the yearly report, but the warning (the missing report of 2023) is counted
    assert (code, out, err) == (0, "", f"Skrev {yearly}.\n" + _warnings(SHIPPED, "1 varning", 2024))
    book = tmp_path / "e.xlsx"
    code, out, err = _run("export", "2024", "--data", str(SHIPPED), "-o", str(book))
    assert (code, out) == (0, "")
    assert err == (
        f"Skrev {book}.\nExporten har luckor: {TIDIGARE}. Se 'utsatta validate --year 2024 "
        f"--data {SHIPPED}'.\n" + _warnings(SHIPPED, "1 varning", 2024)
    )


def test_check_says_no_gaps(gaps: Path) -> None:
    """--check compares; it writes nothing, so it has no note."""
    target = gaps.parent / "r.md"
    assert _run("report", "2025", "--data", str(gaps), "-o", str(target))[0] == 0
    code, out, err = _run("report", "2025", "--data", str(gaps), "-o", str(target), "--check")
    assert (code, out, err) == (0, "", f"{target} är aktuell.\n")


def test_many_missing_reports_are_bounded_in_plan_order(tmp_path: Path) -> None:
    """Seven missing reports: five named in organisationer.yaml order, then "och 2 till"."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    for org in FIRST_2025:
        (root / "rapporter" / "2025" / f"{org}.yaml").unlink()
    target = tmp_path / "r.md"
    code, out, err = _run("report", "2025", "--data", str(root), "-o", str(target))
    assert (code, out) == (0, "")
    assert err == (
        f"Skrev {target}.\nRapporten har luckor: 7 rapporter saknas för 2025 (Kommunstyrelsen, "
        "Socialnämnden Centrum, Socialnämnden Hisingen, Socialnämnden Nordost, Socialnämnden "
        "Sydväst "
        f"och 2 till); {TIDIGARE}. Se 'utsatta validate --year 2025 --data {root}'.\n"
        + _warnings(root, "8 varningar")
    )


@pytest.mark.usefixtures("values_not_refused")
def test_a_name_from_the_data_is_escaped_on_one_line(gaps: Path) -> None:
    """An organisation's name with a line break and a bidi control cannot make a line of its
    own or turn the text around in the terminal or the CI log."""
    orgs = gaps / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    old = "  - id: higab\n    namn: Higab\n"
    assert old in text
    orgs.write_text(text.replace(old, '  - id: higab\n    namn: "Hi\\ngab\\u202e"\n'), "utf-8")
    target = gaps.parent / "r.md"
    code, out, err = _run("report", "2025", "--data", str(gaps), "-o", str(target))
    assert (code, out) == (0, "")
    lines = err.splitlines()
    assert len(lines) == 3, err
    assert "\u202e" not in err
    assert lines[1].startswith(
        "Rapporten har luckor: 1 rapport saknas för 2025 (Hi\\ngab<U+202E>);"
    )


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_with_gaps_says_them_after_skrev(gaps: Path, fmt: str) -> None:
    target = gaps.parent / ("e.xlsx" if fmt == "xlsx" else "e")
    code, out, err = _run("export", "2025", "--data", str(gaps), "-o", str(target), "--format", fmt)
    assert (code, out) == (0, "")
    lines = err.splitlines(keepends=True)
    assert all(line.startswith("Skrev ") for line in lines[:-2])
    # one "Skrev" per file (a workbook, or ten CSV files), then the gaps and the warnings
    assert len(lines) == (3 if fmt == "xlsx" else 12)
    assert lines[-2:] == [_note(gaps, "Exporten"), _warnings(gaps, "3 varningar")]


def test_an_export_without_gaps_says_only_skrev(complete: Path) -> None:
    target = complete.parent / "e.xlsx"
    code, out, err = _run("export", "2025", "--data", str(complete), "-o", str(target))
    assert (code, out, err) == (0, "", f"Skrev {target}.\n")


def test_the_library_export_returns_its_gaps(gaps: Path) -> None:
    from utsatta import load
    from utsatta.export import export

    written = export(load(gaps), 2025, "csv", gaps.parent / "e")
    assert written.luckor == (
        "Exporten har luckor: 1 rapport saknas för 2025 (Higab); den samlade bedömningen för "
        f"2025 saknas; {TIDIGARE}."
    )


def test_the_wording() -> None:
    assert begransad(["a", "b"]) == "a och b"
    assert begransad(list("abcdef")) == "a, b, c, d, e och 1 till"
    assert luckor("Rapporten", 2024, [], [], False) is None
    assert luckor("Rapporten", 2025, [], [], False, tidigare=["A 2023", "B 2024"]) == (
        "Rapporten har luckor: 2 rapporter från tidigare år i planperioden saknas (A 2023 och "
        "B 2024)."
    )
    assert luckor("Rapporten", 2024, ["A", "B"], ["C"], False) == (
        "Rapporten har luckor: 2 rapporter saknas för 2024 (A och B); 1 rapport för 2024 "
        "saknar insatser (C)."
    )


def test_a_long_name_is_shortened_as_findings_shorten_it() -> None:
    """A 3,000-character name is no 3,000-character line on stderr (review sak16, F7): each
    name as findings show it (escape.shorten), the year of an earlier one kept."""
    long = "W" * 3000
    assert luckor("Rapporten", 2025, [long], [long], False, tidigare=[f"{long} 2023"]) == (
        f"Rapporten har luckor: 1 rapport saknas för 2025 ({'W' * 60}… (3 000 tecken)); "
        f"1 rapport för 2025 saknar insatser ({'W' * 60}… (3 000 tecken)); 1 rapport från "
        f"tidigare år i planperioden saknas ({'W' * 60}… (3 000 tecken) 2023)."
    )
