"""The PDF footer's date (no WeasyPrint needed): a decision date from an illustrative uppföljning
file is made up and marked so; a real or missing one is shown as it is."""

from __future__ import annotations

import shutil
from pathlib import Path

from utsatta.cli.commands.report import decision_date
from utsatta.load.dataset import load
from utsatta.render.pdf import DATUM_SAKNAS, footer_text, made_up_date
from utsatta.render.report import build

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "data"
FIXTURE = HERE / "fixtures" / "report-data"


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


def test_the_shipped_2025_decision_date_is_made_up() -> None:
    """data/uppfoljning/2025.yaml is illustrative; its "Kommunstyrelsen 2026-04-01" is invented."""
    ds = load(SHIPPED)
    datum = decision_date(ds, 2025)
    assert datum == "2026-04-01"
    view = build(ds, 2025)
    assert made_up_date(view, datum) is True
    assert made_up_date(view, "2026-05-01") is False  # not a date of the file
    assert made_up_date(view, None) is False


def test_a_real_uppfoljning_has_a_real_date(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "uppfoljning" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert "illustrativ: true\n" in text
    path.write_text(text.replace("illustrativ: true\n", "illustrativ: false\n", 1), "utf-8")
    ds = load(data)
    assert not ds.findings or all(f.severity != "fel" for f in ds.findings)
    view = build(ds, 2023)
    assert view.uppfoljning is not None and not view.uppfoljning.illustrativ
    assert made_up_date(view, decision_date(ds, 2023)) is False
    # the illustrative fixture as shipped: made up
    assert made_up_date(build(load(FIXTURE), 2023), "2024-06-01") is True
