"""Bilaga E explains every status §2 cites it for, in words that hold in every report year; the
Bilaga B intro says where the area's verdict is without relying on a side-by-side layout; the
counts of statuses and bedömningar follow the status order in every table.

Data: tests/fixtures/report-data (2023) and the shipped data/ (2022 and 2025).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import SharedReport
from utsatta.compute.goal import TROSKLAR_KVOT
from utsatta.compute.status import Status, status_text
from utsatta.load.dataset import load
from utsatta.render.report import build, render
from utsatta.render.report.sections.insatser import antal_text
from utsatta.render.report.sections.metod import METODTEXT_POLISLISTOR

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
SHIPPED = HERE.parent / "data"


def _bilaga_e(md: str) -> str:
    return md.split("## Bilaga E.", 1)[1].split("\n## ", 1)[0]


@pytest.fixture(scope="module")
def fixture_2023(shared_report: Callable[[Path, int], SharedReport]) -> tuple[str, str]:
    report = shared_report(FIXTURE, 2023)
    return report.md, report.html


def test_bilaga_e_explains_the_statuses_against_a_malvarde(
    fixture_2023: tuple[str, str],
) -> None:
    md, html = fixture_2023
    assert "hur en status beräknas: [bilaga E](#bilaga-e-metod-och-definitioner)" in md
    e_md = _bilaga_e(md)
    e_html = html.split('<h2 id="rubrik-metod">', 1)[1].split("</section>", 1)[0]
    for part in (
        "**Indikatorer med målvärde: status mot målvärdet.** ",
        "blir statusen ”Målvärdet nått före målåret”; om målet uppnås avgörs ändå av värdet för "
        "målåret.",
        "en förväntad bana, en rak linje från baslinjen till målvärdet i målåret. Den raka linjen "
        "är verktygets antagande, inte planens",
        "(”x\u00a0%\u00a0av\u00a0vägen” i tabellerna, avrundat till hela procent;",
        "minst 0,95 ”I fas”; från 0,6 till under 0,95 ”Behöver öka takten”; från 0 till under 0,6 "
        "”Otillräcklig takt”, värdet har stått still (kvoten 0) eller gått mot målvärdet så "
        "långsamt att det inte nås i tid om takten består; under 0 ”Fel riktning”",
        "30\u00a0%\u00a0av\u00a0vägen på 50\u00a0% av tiden, kvoten 0,6 och statusen "
        "”Behöver öka takten”.",
        "Når det målvärdet blir statusen ”Målet uppnått”, annars ”Målet ej uppnått”.",
    ):
        assert part in e_md, part
        assert part.replace("**", "").strip() in e_html.replace("<strong>", "").replace(
            "</strong>", ""
        ), part
    assert TROSKLAR_KVOT == (0.95, 0.6, 0.0)  # the text above quotes them


def test_the_pace_status_has_a_whole_label() -> None:
    assert status_text(Status.OTILLRACKLIG) == "Otillräcklig takt"


def test_the_police_paragraph_names_no_year() -> None:
    """It is shown in every report year: an example year would be in the future for some."""
    assert not re.search(r"\b(19|20)\d\d\b", METODTEXT_POLISLISTOR)
    md = render(build(load(SHIPPED), 2022), "md")
    assert "till exempel 2025" not in md
    assert (
        "Där källorna inte anger nivån för en upplaga, till exempel när den enda källan är "
        "pressen och den bara skiljer ut de särskilt utsatta områdena, saknas värdet"
        in _bilaga_e(md)
    )


def test_bilaga_b_says_where_the_verdict_is(fixture_2023: tuple[str, str]) -> None:
    md, html = fixture_2023
    text = (
        "områdets egna indikatorvärden och sist den bedömning som är skriven för området (med "
        "vem som skrivit den) eller att ingen är skriven."
    )
    assert text in md and text in html
    assert "och bredvid den bedömning" not in md + html


def test_counts_follow_the_status_order(shared_report: Callable[[Path, int], SharedReport]) -> None:
    assert antal_text(["Inte uppnått", "Uppnått", "Inte uppnått"], ["Uppnått", "Inte uppnått"]) == (
        "Uppnått 1, Inte uppnått 2"
    )
    assert antal_text(["x", "Uppnått", "y", "x"], ["Uppnått"]) == "Uppnått 1, x 2, y 1"
    assert antal_text([], ["Uppnått"]) == "–"
    report = shared_report(SHIPPED, 2025)
    md, html = report.md, report.html
    section_3 = md.split("\n## 3. ", 1)[1].split("\n## 4. ", 1)[0]
    assert "| Genomförd 17, Pågående 1, Avbruten 1 | Uppnått 17, Inte uppnått 2 |" in section_3
    assert (
        '<td role="cell" data-label="Status" class="etikett">Genomförd 17, Pågående 1, Avbruten 1'
        '</td><td role="cell" data-label="Egen bedömning" class="etikett">Uppnått 17, '
        "Inte uppnått 2</td>"
    ) in html
    # §1 counts in the same order
    assert (
        "| Genomförd 17 (2025), Pågående 1 (2025), Avbruten 1 (2025) | Uppnått 17, Inte "
        "uppnått 2 |" in md
    )
