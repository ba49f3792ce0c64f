"""A takt status (i fas, behöver öka takten, otillräcklig takt) says what it is measured
against where it is shown, not only in Bilaga E (sann25 item 8): the 2023 report's "Otillräcklig
takt" for 5 → 4 särskilt utsatta områden and 8 → 8 on the list is a pace against an even path
from the baseline to the målvärde. A table without a takt status has no such line.

Data: the shipped data, reports for 2023 (takt statuses) and 2025 (verdicts, no takt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.load.dataset import load
from utsatta.render.report import build, render

ROOT = Path(__file__).resolve().parents[1]
GRUND = "Takten jämförs med en jämn takt från baslinjen till målvärdet; se bilaga E."


@pytest.fixture(scope="module")
def reports() -> dict[int, tuple[str, str]]:
    ds = load(ROOT / "data")
    out = {}
    for ar in (2023, 2025):
        view = build(ds, ar)
        out[ar] = (render(view, "md"), render(view, "html"))
    return out


def test_the_basis_stands_under_each_table_with_a_takt_status(
    reports: dict[int, tuple[str, str]],
) -> None:
    md, html = reports[2023]
    # section 2's count of statuses (which the main part's short tables of the goal follow,
    # linking each status to Bilaga D) and Bilaga D's table; the main part of 2023 stays within
    # ten pages (tests/test_pdf.py, decision 0505)
    assert md.count(GRUND) == 2
    assert f"| **Totalt** | **3** |   |\n\n{GRUND}\n\nUtveckling utan målvärde:" in md
    assert f"\n\n{GRUND}\n\n#### Antal nya områden i Göteborg på polisens lista sedan 2021" in md
    assert html.count(f'<p class="muted">{GRUND}</p>') == 2


def test_no_takt_no_line(reports: dict[int, tuple[str, str]]) -> None:
    md, html = reports[2025]
    # only Bilaga E names the statuses; no table shows one
    assert "[Otillräcklig takt" not in md and "| Otillräcklig takt |" not in md
    assert GRUND not in md and GRUND not in html
