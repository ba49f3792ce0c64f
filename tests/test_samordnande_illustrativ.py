"""Bilaga A: a samordnande bedömning whose text comes from an illustrative report is marked
"illustrativ rapport", as each organisation's report beneath it is; one from a real report is
not (sann25 item 1). This year's report and, in the slutuppföljning, an earlier year's.

Data: the shipped data, every file marked real, with Grundskolenämnden's 2025 report or its
2023 report (the text for insats 1:4, which was due once) marked illustrative again.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import real_shipped_data
from utsatta.load.dataset import load
from utsatta.render.report import build, render

THIS_YEAR = (
    "**Samordnande bedömning, Grundskolenämnden** (bedömning: Uppnått; indikatorn kan inte "
    "bedömas{}):"
)
EARLIER = (
    "**Samordnande bedömning, Grundskolenämnden, ur rapporten för 2023** (bedömning 2023: "
    "Bedöms uppnås (prognos, ingen slutbedömning); ingen rapport för 2025: återrapporteringen "
    "lämnades ett tidigare år{}):"
)
HTML_THIS_YEAR = (
    "<p><strong>Samordnande bedömning, Grundskolenämnden</strong> (bedömning: Uppnått; "
    "indikatorn kan inte bedömas){}:</p>"
)
TAG = ' <span class="tag">illustrativ rapport</span>'


def _reports(root: Path) -> tuple[str, str]:
    view = build(load(root), 2025)
    return render(view, "md"), render(view, "html")


def _mark(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\nschemaversion: 1\n", "\nschemaversion: 1\nillustrativ: true\n", 1), "utf-8"
    )


def test_real_reports_carry_no_marker(tmp_path: Path) -> None:
    md, html = _reports(real_shipped_data(tmp_path))
    assert THIS_YEAR.format("") + "\n" in md
    assert EARLIER.format("") + "\n" in md
    assert HTML_THIS_YEAR.format("") in html
    assert "illustrativ rapport" not in md and TAG not in html


def test_this_years_illustrative_report_marks_its_samordnande_bedomning(tmp_path: Path) -> None:
    root = real_shipped_data(tmp_path)
    _mark(root / "rapporter" / "2025" / "grundskolenamnden.yaml")
    md, html = _reports(root)
    assert THIS_YEAR.format("; *illustrativ rapport*") + "\n" in md
    assert HTML_THIS_YEAR.format(TAG) in html
    # the 2023 report it does not come from stays unmarked
    assert EARLIER.format("") + "\n" in md


def test_an_earlier_illustrative_report_marks_the_text_taken_from_it(tmp_path: Path) -> None:
    root = real_shipped_data(tmp_path)
    _mark(root / "rapporter" / "2023" / "grundskolenamnden.yaml")
    md, _ = _reports(root)
    assert EARLIER.format("; *illustrativ rapport*") + "\n" in md
    assert THIS_YEAR.format("") + "\n" in md
