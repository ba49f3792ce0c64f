"""``utsatta.report_pdf``: the library makes the PDF that ``utsatta report ÅR --format pdf``
writes, by the same path (the same defaults and ``render_pdf``), with the same refusals
(docs/decisions/0435-pdf-och-export-i-biblioteket.md, 0465-rapportens-standardval-en-gang.md)."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import utsatta
from tests.support import CASES, build_case, pdf_libraries
from utsatta.cli.app import app

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
YEAR = 2023
#: the fixture's uppföljning 2023 is illustrative, decided 2024-06-01 (compute.report_date)
FOOTER = "Dnr 0000/20 · Uppföljning 2023 · 2024-06-01 (påhittat datum)"


def _cli_pdf(data: Path, target: Path) -> bytes:
    args = ["report", str(YEAR), "--format", "pdf", "--output", str(target), "--data", str(data)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")
    return target.read_bytes()


def _page_texts(pdfplumber: object, pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:  # type: ignore[attr-defined]
        return [page.extract_text() or "" for page in doc.pages]


@pytest.mark.pdf
def test_the_library_pdf_is_the_commands(tmp_path: Path, fixture_report_pdf: bytes) -> None:
    """Same bytes as the command's file; the footer's date is the data's, marked made up."""
    pdfplumber, _ = pdf_libraries()  # a missing library: a skip, or a failure in CI
    pdf = utsatta.report_pdf(utsatta.validate(FIXTURE, year=YEAR).dataset, YEAR)
    assert pdf.startswith(b"%PDF-")
    cli = _cli_pdf(FIXTURE, tmp_path / "r.pdf")
    first, cli_first = _page_texts(pdfplumber, pdf)[0], _page_texts(pdfplumber, cli)[0]
    assert first == cli_first
    assert FOOTER in first
    assert pdf == cli
    # a data set from load (checked when the report is built) gives the same bytes
    assert fixture_report_pdf == pdf  # conftest: utsatta.report_pdf(utsatta.load(FIXTURE), YEAR)


@pytest.mark.pdf
def test_the_data_repositorys_own_template_is_used_as_by_the_command(tmp_path: Path) -> None:
    """templates/ next to the data folder, as ``report_text`` and the command use it."""
    pdfplumber, _ = pdf_libraries()
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.html.j2").write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>{{ r.titel }}</title></head>'
        "<body><p>Egen mall {{ r.ar }}</p></body></html>\n",
        "utf-8",
    )
    pdf = utsatta.report_pdf(utsatta.load(data), YEAR)
    pages = _page_texts(pdfplumber, pdf)
    assert len(pages) == 1
    assert pages[0].splitlines()[0] == "Egen mall 2023"
    assert pdf == _cli_pdf(data, tmp_path / "r.pdf")


def test_data_with_errors_is_refused_before_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command's order: the data's errors (exit 1), a year outside the plan (exit 2), then
    the missing library (exit 5); nothing is built before."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    broken = build_case(CASES / "ogiltigt-varde", tmp_path / "d")
    report = (broken / "rapporter" / "2023" / "grundskolenamnden.yaml").as_posix()
    with pytest.raises(utsatta.DataErrors) as errors:
        utsatta.report_pdf(utsatta.load(broken), YEAR)
    assert [(f.file, f.line, f.column, f.code) for f in errors.value.findings] == [
        (report, 6, 13, "ogiltigt-varde"),
        (report, 9, 16, "ogiltigt-varde"),
    ]
    with pytest.raises(utsatta.ArgumentError) as year:
        utsatta.report_pdf(utsatta.load(FIXTURE), 1999)
    assert year.value.argument == "year"
    with pytest.raises(utsatta.MissingLibrary) as missing:
        utsatta.report_pdf(utsatta.load(FIXTURE), YEAR)
    assert missing.value.exit_code == 5
    assert str(missing.value) == (
        "PDF kräver Python-paketet WeasyPrint, som inte är installerat. "
        "Installera det med: python -m pip install 'utsatta[pdf]'"
    )


def test_the_export_is_in_the_api_under_a_name_no_subpackage_takes(tmp_path: Path) -> None:
    from utsatta.export import export

    assert utsatta.write_export is export
    assert "write_export" in utsatta.__all__
    written = utsatta.write_export(utsatta.load(FIXTURE), YEAR, "csv", tmp_path / "e")
    assert [p.name for p in written][:2] == ["om_filen.csv", "insatsrapporter.csv"]
