"""The report's defaults (templates, date, refusals) are made in one place for every format,
and ``utsatta report`` builds the report's view once: the view it writes is the view its note
on gaps reads (docs/decisions/0465-rapportens-standardval-en-gang.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import utsatta
from tests.support import CASES, REPORT_FIXTURE, build_case, need_pdf
from utsatta.cli.app import app
from utsatta.render.report.defaults import ReportDefaults, report_defaults
from utsatta.render.report.view import ReportView
from utsatta.render.report_output import report_output

YEAR = 2023
runner = CliRunner()
#: what the report fixture's warnings make the command say on stderr (docs/decisions/0601)
_WARNINGS = "Datan har 12 varningar. Se dem med 'utsatta validate --year 2023 --data {}'.\n"


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _need_weasyprint() -> None:
    from utsatta.render.pdf import PdfUnavailableError, require_weasyprint

    try:
        require_weasyprint()
    except PdfUnavailableError as exc:
        need_pdf(str(exc))


@pytest.fixture
def views(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The year of every report view made while the test runs (a spy on ReportView)."""
    made: list[int] = []
    original = ReportView.__init__

    def counted(self: ReportView, *args: Any, **kwargs: Any) -> None:
        made.append(kwargs["ar"])
        original(self, *args, **kwargs)

    monkeypatch.setattr(ReportView, "__init__", counted)
    return made


@pytest.mark.parametrize("fmt", ["md", "html", "json", "pdf"])
def test_the_command_builds_the_view_once(fmt: str, tmp_path: Path, views: list[int]) -> None:
    """Was two for a PDF: report_pdf built its view, and the command another for the note."""
    if fmt == "pdf":
        _need_weasyprint()
    target = tmp_path / f"r.{fmt}"
    code, out, err = _run("report", str(YEAR), "--data", str(REPORT_FIXTURE), "-o", str(target))
    # the note on gaps is read from the one view that was written
    assert (code, out, err) == (
        0,
        "",
        f"Skrev {target}.\nRapporten har luckor: 1 rapport saknas för 2023 (Socialnämnd "
        f"Nordost). Se 'utsatta validate --year 2023 --data {REPORT_FIXTURE}'.\n"
        f"Datan har 12 varningar. Se dem med 'utsatta validate --year 2023 --data "
        f"{REPORT_FIXTURE}'.\n",
    )
    assert views == [YEAR]


def test_without_weasyprint_no_view_is_built(
    tmp_path: Path, views: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What to install (exit 5) is said before the work, by the command and the library."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    target = tmp_path / "r.pdf"
    code, out, err = _run("report", str(YEAR), "--data", str(REPORT_FIXTURE), "-o", str(target))
    assert (code, out) == (5, "")
    assert "Installera det med: python -m pip install 'utsatta[pdf]'" in err
    assert not target.exists()
    with pytest.raises(utsatta.MissingLibrary):
        report_output(utsatta.load(REPORT_FIXTURE), YEAR, "pdf")
    assert views == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_command_and_report_text_take_the_repositorys_templates(own: Path, fmt: str) -> None:
    """One template choice: the data repository's templates/ for the command, report_text and
    report_output alike."""
    ds = utsatta.load(own)
    code, out, err = _run("report", str(YEAR), "--data", str(own), "--format", fmt)
    assert (code, out) == (0, "Egen mall 2023\n")
    assert err == _WARNINGS.format(own)
    assert utsatta.report_text(ds, YEAR, fmt) == out  # type: ignore[arg-type]
    assert report_output(ds, YEAR, fmt).content == out


def test_the_json_is_the_librarys(own: Path) -> None:
    ds = utsatta.load(own)
    code, out, err = _run("report", str(YEAR), "--data", str(own), "--format", "json")
    assert (code, err) == (0, _WARNINGS.format(own))
    assert utsatta.report_json(ds, YEAR) == out == report_output(ds, YEAR, "json").content


@pytest.mark.pdf
def test_report_output_is_report_pdf(own: Path) -> None:
    _need_weasyprint()
    ds = utsatta.load(own)
    written = report_output(ds, YEAR, "pdf")
    assert written.content == utsatta.report_pdf(ds, YEAR)
    assert written.view == utsatta.build_report(ds, YEAR)


def test_the_defaults_of_each_format(own: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's templates for every format; a date only for a PDF, the data's."""
    from utsatta.compute.report_date import ReportDate

    ds = utsatta.load(own)
    templates = own.parent / "templates"
    for fmt in ("md", "html", "json"):
        assert report_defaults(ds, YEAR, fmt) == ReportDefaults(fmt, templates)  # type: ignore[arg-type]
    assert report_defaults(ds, YEAR, "md", templates_dir=False) == ReportDefaults("md", False)
    _need_weasyprint()
    assert report_defaults(ds, YEAR, "pdf") == ReportDefaults(
        "pdf", templates, ReportDate("2024-06-01", pahittat=True)
    )
    assert report_defaults(ds, YEAR, "pdf", datum="2024-03-12").datum == "2024-03-12"


def test_the_refusals_keep_their_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data's errors, a year outside the plan, the templates folder, the format, then the
    missing library; report_text still refuses "pdf" as a format it does not write."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    broken = utsatta.load(build_case(CASES / "ogiltigt-varde", tmp_path / "d"))
    ds = utsatta.load(REPORT_FIXTURE)
    missing = tmp_path / "finns-inte"
    with pytest.raises(utsatta.DataErrors):
        report_defaults(broken, YEAR, "xlsx", templates_dir=missing)
    with pytest.raises(utsatta.ArgumentError) as year:
        report_defaults(ds, 1999, "xlsx", templates_dir=missing)
    assert year.value.argument == "year"
    with pytest.raises(utsatta.ArgumentError) as folder:
        report_defaults(ds, YEAR, "xlsx", templates_dir=missing)
    assert folder.value.argument == "templates_dir"
    with pytest.raises(utsatta.ArgumentError) as fmt:
        report_defaults(ds, YEAR, "xlsx")
    assert (fmt.value.argument, str(fmt.value)) == (
        "fmt",
        'Okänt format \'xlsx\': ange "md", "html", "pdf" eller "json".',
    )
    with pytest.raises(utsatta.MissingLibrary):
        report_defaults(ds, YEAR, "pdf")
    # report_text writes md and html: "pdf" is an unknown format there, not a missing library
    with pytest.raises(utsatta.DataErrors):
        utsatta.report_text(broken, YEAR, "pdf")  # type: ignore[arg-type]
    with pytest.raises(utsatta.ArgumentError) as text:
        utsatta.report_text(ds, YEAR, "pdf")  # type: ignore[arg-type]
    assert str(text.value) == 'Okänt format \'pdf\': ange "md" eller "html".'
