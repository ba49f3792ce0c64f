"""The one date of a year's outputs (compute.report_date; no WeasyPrint needed): a decision date
from an illustrative uppföljning file is made up, marked "(påhittat datum)" wherever it is shown
(PDF footer, the report's decisions, the JSON) and never stored as a fact (PDF or workbook
creation date); a real one is shown and stored as it is."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from utsatta.compute.report_date import ReportDate, is_made_up, report_date
from utsatta.export import export
from utsatta.load.dataset import load
from utsatta.render.labels import datum_text
from utsatta.render.pdf import DATUM_SAKNAS, footer_text, made_up_date
from utsatta.render.report import build, report_text
from utsatta.render.report_json import report_json

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "data"
FIXTURE = HERE / "fixtures" / "report-data"


def _real(tmp_path: Path) -> Path:
    """The fixture with its uppföljning 2023 (decided 2024-06-01) not illustrative."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "uppfoljning" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert "illustrativ: true\n" in text
    path.write_text(text.replace("illustrativ: true\n", "illustrativ: false\n", 1), "utf-8")
    return data


def test_footer_text_marks_a_made_up_date() -> None:
    assert footer_text("1669/20", 2025, "2026-04-01", pahittat=True) == (
        "Dnr 1669/20 · Uppföljning 2025 · 2026-04-01 (påhittat datum)"
    )
    assert (
        footer_text("1669/20", 2025, "2026-04-01") == "Dnr 1669/20 · Uppföljning 2025 · 2026-04-01"
    )
    # no date: nothing to mark
    assert footer_text("1669/20", 2025, None, pahittat=True) == (
        f"Dnr 1669/20 · Uppföljning 2025 · {DATUM_SAKNAS}"
    )
    assert datum_text("2026-04-01", True) == "2026-04-01 (påhittat datum)"
    assert datum_text("", False) == "datum saknas"


def test_the_rule() -> None:
    assert is_made_up("2024-06-01", illustrativ=True, beslutsdatum=["2024-06-01"])
    assert not is_made_up("2024-06-01", illustrativ=False, beslutsdatum=["2024-06-01"])
    assert not is_made_up("2024-06-02", illustrativ=True, beslutsdatum=["2024-06-01"])
    assert not is_made_up(None, illustrativ=True, beslutsdatum=["2024-06-01"])
    assert ReportDate("2024-06-01", pahittat=True).stored is None
    assert ReportDate("2024-06-01").stored == "2024-06-01"


def test_the_shipped_2025_decision_date_is_made_up() -> None:
    """data/uppfoljning/2025.yaml is illustrative; its "Kommunstyrelsen 2026-04-01" is invented."""
    ds = load(SHIPPED)
    date = report_date(ds, 2025)
    assert date == ReportDate("2026-04-01", pahittat=True)
    assert date.stored is None
    view = build(ds, 2025)
    assert made_up_date(view, date.datum) is True
    assert made_up_date(view, "2026-05-01") is False  # not a date of the file
    assert made_up_date(view, None) is False


def test_a_real_uppfoljning_has_a_real_date(tmp_path: Path) -> None:
    ds = load(_real(tmp_path))
    assert not ds.findings or all(f.severity != "fel" for f in ds.findings)
    date = report_date(ds, 2023)
    assert date == ReportDate("2024-06-01", pahittat=False)
    assert date.stored == "2024-06-01"
    view = build(ds, 2023)
    assert view.uppfoljning is not None and not view.uppfoljning.illustrativ
    assert made_up_date(view, date.datum) is False
    # the illustrative fixture as shipped: made up
    assert made_up_date(build(load(FIXTURE), 2023), "2024-06-01") is True


def test_the_reports_decisions_mark_a_made_up_date(tmp_path: Path) -> None:
    ds = load(FIXTURE)
    md = report_text(ds, 2023, "md")
    html = report_text(ds, 2023, "html")
    assert "Beslutad: Kommunstyrelsen 2024-06-01 (påhittat datum) § 000 (påhittad)." in md
    assert "Beslutad: Kommunstyrelsen 2024-06-01 (påhittat datum) § 000 (påhittad).</p>" in html
    beslut = json.loads(report_json(ds, 2023))["uppfoljning"]["beslut"]
    assert [(b["datum"], b["pahittat"], b["datum_text"]) for b in beslut] == [
        ("2024-06-01", True, "2024-06-01 (påhittat datum)")
    ]
    real = load(_real(tmp_path))
    md = report_text(real, 2023, "md")
    assert "Beslutad: Kommunstyrelsen 2024-06-01 § 000 (påhittad)." in md
    assert "påhittat datum" not in md
    assert json.loads(report_json(real, 2023))["uppfoljning"]["beslut"][0]["pahittat"] is False


def _created(path: Path) -> str:
    core = zipfile.ZipFile(path).read("docProps/core.xml").decode()
    start = core.index("<dcterms:created")
    return core[core.index(">", start) + 1 : core.index("</dcterms:created>")]


def test_the_library_export_stores_only_a_real_date(tmp_path: Path) -> None:
    """export() decides the workbook's creation date itself, as the CLI does."""
    export(load(FIXTURE), 2023, "xlsx", tmp_path / "made-up.xlsx")
    assert _created(tmp_path / "made-up.xlsx") == "1980-01-01T00:00:00Z"
    export(load(_real(tmp_path)), 2023, "xlsx", tmp_path / "real.xlsx")
    assert _created(tmp_path / "real.xlsx") == "2024-06-01T00:00:00Z"


def test_only_a_calendar_day_is_stored() -> None:
    """The PDF's and the workbook's creation date come from one check: a real day, YYYY-MM-DD."""
    from datetime import date

    from utsatta.compute.report_date import calendar_date
    from utsatta.export.table import Column, Table
    from utsatta.export.xlsxfile import xlsx_bytes

    assert calendar_date("2024-02-29") == date(2024, 2, 29)
    for bad in ("2023-02-29", "2024-13-01", "2024", "24-01-01", "2024-1-1", "", None):
        assert calendar_date(bad) is None, bad
    table = Table("t", "En rad.", (Column("a", "text", "A."),), (("x",),))
    assert xlsx_bytes([table], datum="2023-02-29") == xlsx_bytes([table])
    assert xlsx_bytes([table], datum=ReportDate("2024-06-01", pahittat=True)) == xlsx_bytes([table])
    assert xlsx_bytes([table], datum=ReportDate("2024-06-01")) == xlsx_bytes(
        [table], datum="2024-06-01"
    )
