"""The outputs of issue 15 on the command line: `report --format pdf|json`, `export`,
`status --format json` (one entry per organisation × insats), `indikatorer --format json` (whole
series, sources, certainty) and `status` text within the terminal's width."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import pdf_libraries
from utsatta.cli.app import app
from utsatta.cli.output import EXIT_MISSING_LIBRARY
from utsatta.compute.report_date import ReportDate, report_date
from utsatta.load.dataset import load
from utsatta.render import overview

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
SHIPPED = HERE.parent / "data"

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# ----- report --format json ---------------------------------------------------------------


def test_report_json_is_the_whole_view_versioned_with_markdown_texts() -> None:
    code, out, _ = run("report", "2023", "--format", "json", "--data", str(FIXTURE))
    assert code == 0
    data = json.loads(out)
    assert list(data)[:4] == ["schemaversion", "format", "ar", "titel"]
    assert (data["schemaversion"], data["format"], data["ar"]) == (1, "utsatta-rapport", 2023)
    # every field of the view is there (generic: a new field flows through)
    from dataclasses import fields

    from utsatta.render.report import ReportView

    assert set(data) == {"schemaversion", "format"} | {f.name for f in fields(ReportView)}
    org = next(
        o
        for f in data["fokusomraden"]
        for i in f["insatser"]
        for o in i["organisationer"]
        if o["inkommen"]
    )
    assert {"nulage", "fortsatt_arbete", "behov", "status", "omraden"} <= set(org)
    # free texts as written (Markdown), never rendered to HTML; the SVG charts are left out
    assert "<p>" not in out and "<svg" not in out
    ind = (
        data["fokusomraden"][0]["indikatorer"][0]
        if data["fokusomraden"][0].get("indikatorer")
        else None
    )
    if ind is not None:
        assert "diagram" not in ind


def test_report_json_is_deterministic() -> None:
    first = run("report", "2023", "--format", "json", "--data", str(FIXTURE))[1]
    assert first == run("report", "2023", "--format", "json", "--data", str(FIXTURE))[1]


# ----- report --format pdf ----------------------------------------------------------------


def test_pdf_needs_output() -> None:
    code, out, err = run("report", "2023", "--format", "pdf", "--data", str(FIXTURE))
    assert (code, out) == (2, "")
    assert "ange --output FIL" in err


def test_pdf_without_weasyprint_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as when not installed
    target = tmp_path / "r.pdf"
    code, _, err = run(
        "report", "2023", "--format", "pdf", "--output", str(target), "--data", str(FIXTURE)
    )
    assert code == EXIT_MISSING_LIBRARY == 5
    assert "python -m pip install 'utsatta[pdf]'" in err
    assert not target.exists()


def test_a_missing_library_has_its_exit_code_in_the_library() -> None:
    """The library's error says 5 itself (it said 1, and only the CLI knew better)."""
    from utsatta.export.xlsxfile import XlsxUnavailableError
    from utsatta.render.pdf import PdfUnavailableError

    assert PdfUnavailableError.exit_code == XlsxUnavailableError.exit_code == 5


def test_xlsx_without_xlsxwriter_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    code, _, err = run("export", "2023", "-o", str(tmp_path / "x.xlsx"), "--data", str(FIXTURE))
    assert code == 5
    assert "utsatta[xlsx]" in err and "--format csv" in err


def _without_uppfoljning(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    shutil.rmtree(data / "uppfoljning")
    return data


def test_footer_date_is_the_years_decision_date_from_the_data(tmp_path: Path) -> None:
    """The shipped and the fixture's uppfoljning/2023.yaml were decided 2024-06-01; without an
    uppföljning file there is no date."""
    assert report_date(load(SHIPPED), 2023) == ReportDate("2024-06-01", pahittat=True)
    assert report_date(load(FIXTURE), 2023) == ReportDate("2024-06-01", pahittat=True)
    assert report_date(load(_without_uppfoljning(tmp_path)), 2023) == ReportDate(None, False)


@pytest.mark.pdf
def test_pdf_is_written_with_the_date_from_the_data(tmp_path: Path) -> None:
    pdfplumber, _ = pdf_libraries()  # a missing library: a skip, or a failure in CI
    target = tmp_path / "r.pdf"
    data = _without_uppfoljning(tmp_path)
    args = ("report", "2023", "--format", "pdf", "--output", str(target), "--data", str(data))
    code, out, err = run(*args)
    assert (code, out) == (0, "")
    assert f"Skrev {target}." in err
    with pdfplumber.open(target) as pdf:
        first = pdf.pages[0].extract_text()
    assert "Uppföljning 2023 · datum saknas" in first  # no uppföljning file: never the clock
    # the same data gives the same bytes: a second run finds the file unchanged
    assert run(*args)[0] == 0
    assert run(*args, "--check")[0] == 0


# ----- status / indikatorer --format json ---------------------------------------------------


def _status(ar: int) -> dict[str, object]:
    code, out, _ = run("status", str(ar), "--format", "json", "--data", str(FIXTURE))
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_status_json_has_one_entry_per_organisation_and_insats() -> None:
    data = _status(2023)
    poster = data["poster"]
    assert isinstance(poster, list)
    pairs = [(p["organisation"], p["insats"]) for p in poster]
    assert len(pairs) == len(set(pairs))
    owed = [p for p in poster if p["forvantad"]]
    assert len(owed) == data["forvantade"] == 7
    assert sum(p["cell"] == "inkommen" for p in owed) == data["inkomna"] == 5
    missing = [
        {"organisation": p["organisation"], "insats": p["insats"]}
        for p in poster
        if p["cell"] == "saknas"
    ]
    assert missing == data["saknas"]
    ks = next(p for p in poster if p["organisation"] == "kommunstyrelsen")
    assert ks == {
        "organisation": "kommunstyrelsen",
        "organisation_namn": "Kommunstyrelsen",
        "insats": "2:1",
        "cell": "inkommen",
        "forvantad": True,
        "grund": "planen",
        "arvt_fran": [],
        "arv": [],
        "slutledd": False,
        "fil": "tests/fixtures/report-data/rapporter/2023/kommunstyrelsen.yaml",
    }
    assert all(p["fil"] is None for p in poster if p["cell"] == "saknas")


def test_status_json_says_from_when_an_insats_was_taken_over() -> None:
    """Every inherited duty says from whom and from which day (the day after the predecessor's
    last day, as in every text that says who took over)."""
    code, out, _ = run("status", "2023", "--format", "json", "--data", "data")
    assert code == 0
    poster = json.loads(out)["poster"]
    sbn = next(
        p for p in poster if (p["organisation"], p["insats"]) == ("stadsbyggnadsnamnden", "2:1")
    )
    assert (sbn["arvt_fran"], sbn["arv"], sbn["slutledd"]) == (
        ["byggnadsnamnden"],
        [{"organisation": "byggnadsnamnden", "datum": "2023-01-01", "datum_sakerhet": None}],
        True,
    )
    for p in poster:
        assert [a["organisation"] for a in p["arv"]] == p["arvt_fran"]


def test_indikatorer_json_has_series_sources_and_certainty() -> None:
    code, out, _ = run("indikatorer", "--format", "json", "--data", str(FIXTURE))
    assert code == 0
    data = json.loads(out)
    # 2: a count's sakerhet "bekraftad" changed meaning in decision 0500
    assert data["schemaversion"] == 2
    for ind in data["indikatorer"]:
        assert {"status_text", "statusslag", "serie", "luckor", "kallor", "sakerhet"} <= set(ind)
        for point in ind["serie"]:
            assert set(point) == {"ar", "varde", "sakerhet", "kallor", "belagg", "angivet_antal"}
    beh = next(i for i in data["indikatorer"] if i["id"] == "behorighet-gymnasiet")
    assert beh["status_text"] == "Behöver öka takten"
    assert beh["serie"][:2] == [
        {
            "ar": 2021,
            "varde": 63.0,
            "sakerhet": "bekraftad",
            "kallor": ["skolverket"],
            "belagg": "odaterad",
            "angivet_antal": None,
        },
        {
            "ar": 2022,
            "varde": 65.1,
            "sakerhet": "bekraftad",
            "kallor": ["skolverket"],
            "belagg": "odaterad",
            "angivet_antal": None,
        },
    ]
    assert beh["kallor"][0]["utgivare"] == "Skolverket"
    assert beh["kallor"][0]["url"] == "https://example.org/skolverket"


# ----- export: read back, row counts against status --format json ---------------------------


#: the export's status codes for a report that is owed but missing (export/saknade.py)
SAKNAS = {"rapport-saknas", "insats-saknas"}


def test_export_csv_row_count_matches_status_json(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    code, _, err = run(
        "export", "2023", "--format", "csv", "-o", str(folder), "--data", str(FIXTURE)
    )
    assert code == 0, err
    text = (folder / "insatsrapporter.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    # the export holds every year up to ÅR: the reports that came in and the missing ones
    cells = [
        (ar, p["cell"])
        for ar in (2022, 2023)
        for p in _status(ar)["poster"]  # type: ignore[union-attr]
    ]
    reports = [r for r in rows if r["status"] not in SAKNAS]
    missing = [r for r in rows if r["status"] in SAKNAS]
    assert len(reports) == sum(1 for _, c in cells if c == "inkommen") == 6
    assert {r["ar"] for r in reports} == {"2023"}
    assert len(missing) == sum(1 for _, c in cells if c == "saknas") == 8
    assert sorted({r["ar"] for r in missing}) == ["2022", "2023"]


def test_export_xlsx_row_count_matches_status_json(tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "u.xlsx"
    code, _, _ = run("export", "2023", "-o", str(target), "--data", str(FIXTURE))
    assert code == 0
    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        header, *rows = list(workbook["insatsrapporter"].iter_rows(values_only=True))
    finally:
        workbook.close()  # read-only keeps the file open until closed
    came_in = [p for p in _status(2023)["poster"] if p["cell"] == "inkommen"]  # type: ignore[union-attr]
    missing = [p for ar in (2022, 2023) for p in _status(ar)["poster"] if p["cell"] == "saknas"]  # type: ignore[union-attr]
    status = [row[header.index("status")] for row in rows]
    assert sum(1 for s in status if s not in SAKNAS) == len(came_in)
    assert sum(1 for s in status if s in SAKNAS) == len(missing)
    # refused without --force (exit 4), the file unchanged; replaced with it
    before = target.read_bytes()
    code, _, err = run("export", "2023", "-o", str(target), "--data", str(FIXTURE))
    assert code == 4 and "--force" in err and target.read_bytes() == before
    assert run("export", "2023", "-o", str(target), "--force", "--data", str(FIXTURE))[0] == 0


def test_export_needs_output_and_a_year_in_the_plan(tmp_path: Path) -> None:
    assert run("export", "2023", "--data", str(FIXTURE))[0] == 2
    assert run("export", "2031", "-o", str(tmp_path / "x.xlsx"), "--data", str(FIXTURE))[0] == 2


# ----- status as text: within the terminal ---------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_status_text_fits_the_terminal(width: int) -> None:
    ds = load(SHIPPED)
    text = overview.status_text(ds, 2023, width=width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    names = {p["organisation_namn"] for p in overview.status_data(ds, 2023)["poster"]}
    # every insats column is shown (split over tables when narrow), no name is cut
    for ins in ("1:1", "2:5", "3:3"):
        assert ins in text
    for name in names:  # a name wraps at words in its column, never cut
        assert name.split()[0] in text
    assert "88 av 90 förväntade rapporteringar" in text
    if width >= 120:
        assert "(1 av 2)" not in text  # all insatser in one table
        assert "Nämnden för demokrati och medborgarservice" in text  # 42 wide: whole
    else:
        assert "(1 av 2)" in text and "(2 av 2)" in text
