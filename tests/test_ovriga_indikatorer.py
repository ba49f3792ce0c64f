"""An indicator that the data links to no goal and no fokusområde (no ``mal``, no
``underlag_for``, no ``fokusomrade``) is shown under "Övriga indikatorer", never under
"Indikatorer för målet" (granska18 G3, docs/decisions/0556-ovriga-indikatorer.md): in
Markdown, HTML, bilaga D, the export and ``utsatta indikatorer``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.support import SHIPPED, SharedReport
from utsatta.export import tables
from utsatta.load.dataset import load
from utsatta.render import overview_indicators
from utsatta.render.report import build, render

STATUSES = Path(__file__).parent / "fixtures" / "statuses"
INVANARE = "invanare-i-sarskilt-utsatta-omraden"
INVANARE_NAMN = "Antal göteborgare som bor i ett särskilt utsatt område"
#: the shipped data's indicators of the goal: mal or underlag_for, no fokusområde (by hand)
MAL_2025 = [
    "nya-omraden",
    "omraden-pa-polisens-lista",
    "riskomraden",
    "sarskilt-utsatta-omraden",
    "utsatta-omraden",
]


def _part(text: str, start: str, end: str) -> str:
    assert text.count(start) >= 1, start
    return text.split(start, 1)[1].split(end, 1)[0]


def test_the_shipped_goal_table_has_only_linked_indicators(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    view = shared_report(SHIPPED, 2025).view
    s = view.sammanfattning
    assert [v.id for v in s.mal_indikatorer] == MAL_2025
    assert [v.id for v in s.ovriga_indikatorer] == [INVANARE]


def test_markdown_puts_it_under_its_own_heading(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    md = shared_report(SHIPPED, 2025).md
    # section 2: the goal's table without it, then its own
    mal = _part(md, "### Indikatorer för målet\n", "### ")
    assert INVANARE_NAMN not in mal
    assert "Antal riskområden i Göteborg" in mal
    ovriga = _part(md, "### Övriga indikatorer\n", "## 3. Fokusområdena")
    assert ovriga.startswith(
        "\nStatus 2025: indikatorer som uppföljningen följer men som underlaget inte knyter "
        "till planens mål, ett delmål eller ett fokusområde.\n\n"
        "| Indikator | Senaste | Målvärde | Status |\n"
    )
    assert f"| {INVANARE_NAMN} | 41\u00a0000 (2023, uppgift i andra hand) | saknas |" in ovriga
    # bilaga D: the goal's part without it; its own part last, with the detail
    bilaga_d = _part(md, "## Bilaga D.", "## Bilaga E.")
    assert INVANARE_NAMN not in _part(bilaga_d, "### Indikatorer för målet\n", "### ")
    last = bilaga_d.rsplit("\n### ", 1)[1]
    assert last.startswith("Övriga indikatorer\n")
    assert f"#### {INVANARE_NAMN}\n" in last


def test_html_puts_it_under_its_own_heading(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    html = shared_report(SHIPPED, 2025).html
    mal = _part(html, "<h3>Indikatorer för målet</h3>", "</table>")
    assert INVANARE_NAMN not in mal
    ovriga = _part(html, "<h3>Övriga indikatorer</h3>", "</table>")
    assert (
        "<caption>Status 2025: indikatorer som uppföljningen följer men som underlaget inte "
        "knyter till planens mål, ett delmål eller ett fokusområde</caption>"
    ) in ovriga
    assert f">{INVANARE_NAMN}</a></th>" in ovriga
    assert html.count("<h3>Övriga indikatorer</h3>") == 2  # section 2 and bilaga D


def test_the_export_keeps_it_and_says_what_an_empty_fokusomrade_means() -> None:
    ds = load(SHIPPED)
    t = {x.namn: x for x in tables(ds, 2025)}["indikatorstatus"]
    at = [c.namn for c in t.columns].index("indikator")
    ids = [row[at] for row in t.rows]
    assert ids.count(INVANARE) == 4  # 2022–2025, never dropped
    col = next(c for c in t.columns if c.namn == "fokusomrade")
    assert "tom för planens mål" not in col.beskrivning
    assert "”Övriga indikatorer”" in col.beskrivning


def test_the_indicators_command_gives_it_its_own_heading() -> None:
    text = overview_indicators.indicators_text(load(SHIPPED), 2025, 250)
    assert "Indikatorer 2025 – Övriga indikatorer" in text
    mal = _part(text, "– Planens mål", "– ")
    assert "Antal göteborgare" not in mal


def test_the_link_decides_not_the_missing_fokusomrade(tmp_path: Path) -> None:
    """The fixture's 'utsatta' without its underlag_for: the same indicator moves from the
    goal's table to "Övriga indikatorer"; with mal or underlag_for it stays the goal's."""
    data = tmp_path / "data"
    shutil.copytree(STATUSES, data)
    before = build(load(data), 2025).sammanfattning
    assert "utsatta" in [v.id for v in before.mal_indikatorer]
    assert before.ovriga_indikatorer == ()
    f = data / "indikatorer" / "utsatta.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("underlag_for: [mal]\n", ""), "utf-8")
    view = build(load(data), 2025)
    after = view.sammanfattning
    assert "utsatta" not in [v.id for v in after.mal_indikatorer]
    assert [v.id for v in after.ovriga_indikatorer] == ["utsatta"]
    # the goal's by mal and by underlag_for stay
    assert {"nya-omraden", "omraden-pa-listan", "riskomraden", "sarskilt-utsatta"} <= {
        v.id for v in after.mal_indikatorer
    }
    md = render(view, "md")
    assert "Antal utsatta områden (lägsta nivån)" in _part(
        md, "### Övriga indikatorer\n", "## 3. Fokusområdena"
    )
