"""granska14 finding 9 (docs/decisions/0501): the chart of an indicator without a målvärde marks
the value its development is measured from, the last before the plan period, when that is not
the baseline: a ring around its dot, "Trendens start" in the legend, its words in the tooltip,
the chart's description and its table of values."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree

from tests.support import ChartPoint as P
from utsatta.load.dataset import load
from utsatta.numbers import tal
from utsatta.render.chart import indicator_svg
from utsatta.render.chart_table import values_table
from utsatta.render.report import build, render

SVG = "{http://www.w3.org/2000/svg}"
FIXTURE = Path(__file__).parent / "fixtures" / "statuses"
TEXT = "Trenden mäts från 81,05 % (2018), det sista värdet före planperioden"


BASLINJE = P(2014, 79.2)


def _svg(trendstart: P | None) -> str:
    return indicator_svg(
        ident="val",
        titel="Valdeltagande",
        baslinje=BASLINJE,
        utfall=[P(2014, 79.2), P(2018, 81.05), P(2022, 80.0)],
        malvarde=None,
        malar=None,
        fmt=lambda v: f"{tal(v, 2)}\u00a0%",
        fmt_tick=lambda v, d: tal(v, d),
        enhet="Procent",
        matar=(2014, 2018, 2022),
        trendstart=trendstart,
        trendstart_text=TEXT,
    )


def test_the_trend_start_is_a_labelled_ring_with_its_words() -> None:
    text = _svg(P(2018, 81.05))
    root = ElementTree.fromstring(text)
    (ring,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "trendstart"]
    assert ring.findtext(f"{SVG}title") == TEXT
    (circle,) = ring.iter(f"{SVG}circle")
    dot = next(
        c
        for c in root.iter(f"{SVG}circle")
        if c.get("r") == "4" and c.findtext(f"{SVG}title") == "2018: 81,05\u00a0%"
    )
    # around the 2018 dot, larger, unfilled: the dot and its certainty stay visible
    assert (circle.get("cx"), circle.get("cy")) == (dot.get("cx"), dot.get("cy"))
    assert (circle.get("r"), circle.get("fill"), circle.get("stroke")) == ("9", "none", "#444444")
    # the legend names it, with the same ring
    assert ">Trendens start</text>" in text
    assert [c.get("r") for c in root.iter(f"{SVG}circle")].count("9") == 2
    # screen readers: the chart's name ends with the sentence
    assert root.get("aria-label", "").endswith(f"Målvärde saknas. {TEXT}.")


def test_no_ring_without_a_trend_start_or_when_it_is_the_baseline() -> None:
    for text in (_svg(None), _svg(P(2014, 79.2))):
        assert 'class="trendstart"' not in text and "Trendens start" not in text
        assert TEXT not in text


def test_the_table_of_values_names_it() -> None:
    table = values_table(
        ident="val",
        titel="Valdeltagande",
        baslinje=P(2014, 79.2),
        utfall=[P(2014, 79.2), P(2018, 81.05, sakerhet="sekundar")],
        malvarde=None,
        malar=None,
        fmt=lambda v: tal(v, 2),
        matar=(2014, 2018),
        trendstart_ar=2018,
    )
    assert "<td>Utfall (uppgift i andra hand); trendens start</td>" in table
    assert "<td>Baslinje</td>" in table


def test_the_report_marks_it_where_bilaga_d_names_it(tmp_path: Path) -> None:
    """tests/fixtures/statuses: trygghet has its baseline in 2020; a development would be
    measured from 2021 (no value of the plan period until 2022 is enough in 2023)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    html = render(build(load(data), 2023), "html")
    start = html.index('id="diagram-trygghet"')
    chart = html[start : html.index("</figure>", start)]
    sentence = (
        "En utveckling skulle mätas från 49\u00a0% (2021), det sista värdet före planperioden"
    )
    assert (
        f'<g class="trendstart"><title>{sentence}</title><circle cx="162.7" cy="67.5" r="9" '
        'fill="none" stroke="#444444" stroke-width="2"/></g>'
    ) in chart
    assert (
        '<tr><th scope="row">2021</th><td class="num">49\u00a0%</td><td>Utfall; trendens start'
        "</td></tr>"
    ) in chart
    assert f"målvärde saknas. {sentence}.</figcaption>" in chart
    # an indicator measured against a målvärde has no trend start: no ring
    other = html.index('id="diagram-sarskilt-utsatta"')
    assert 'class="trendstart"' not in html[other : html.index("</figure>", other)]
