"""granska14 finding 12: a chart runs to the report's year and marks "?" each year of the plan
period where a value was expected and none is given; a count of areas whose rise may be an
improvement (riskområden 1 → 2 toward a målvärde of 0) says so under its chart and in the
Markdown, decided from the levels it counts, not from its id."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import ChartPoint as P
from tests.support import SharedReport
from utsatta.compute.police import rise_caution, shows_direction
from utsatta.load.dataset import load
from utsatta.numbers import tal
from utsatta.render.chart import indicator_svg

SHIPPED = Path(__file__).resolve().parents[1] / "data"


def _years(svg: str) -> list[int]:
    """The year labels under the axis, in order."""
    return [int(y) for y in re.findall(r'text-anchor="middle">(\d{4})</text>', svg)]


def _svg(till_ar: int | None) -> str:
    return indicator_svg(
        ident="v",
        titel="Valdeltagande",
        baslinje=None,
        utfall=[P(2014, 79.2), P(2018, 81.05)],
        malvarde=None,
        malar=None,
        fmt=lambda v: tal(v, 1, " %"),
        fmt_tick=lambda v, d: tal(v, d),
        enhet="Procent",
        till_ar=till_ar,
    )


def test_the_year_axis_runs_to_the_report_year_without_overlapping_labels() -> None:
    assert _years(_svg(None)) == [2014, 2015, 2016, 2017, 2018]
    # 2014–2025: every other year and the last, never 2024 beside 2025
    assert _years(_svg(2025)) == [2014, 2016, 2018, 2020, 2022, 2025]
    assert _years(_svg(2024)) == [2014, 2016, 2018, 2020, 2022, 2024]


@pytest.mark.parametrize(
    ("nivaer", "fran"),
    [
        (["riskomrade"], "från särskilt utsatt område,"),
        (["utsatt"], "från riskområde eller särskilt utsatt område,"),
        (["utsatt", "sarskilt-utsatt"], "till de här nivåerna från riskområde,"),
        (["sarskilt-utsatt"], None),
        (["riskomrade", "sarskilt-utsatt"], None),
        (["utsatt", "riskomrade", "sarskilt-utsatt"], None),
        (["ej-pa-listan"], None),
    ],
)
def test_a_count_that_rises_when_an_area_improves_says_so(
    nivaer: list[str], fran: str | None
) -> None:
    text = rise_caution(nivaer)
    if fran is None:
        assert text is None
        return
    assert text is not None and not shows_direction(nivaer)
    assert text.startswith(
        "En ökning betyder inte säkert att något område har fått en högre nivå: antalet ökar när "
        "ett område flyttas ned till"
    )
    assert "alltså när polisen bedömer områdets påverkan som lägre, och minskar" in text
    assert fran in text


def test_the_2025_report_says_it_under_exactly_those_charts(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """Under the charts of riskområden and utsatta områden alone, from their levels: not under
    särskilt utsatta, all three levels or the new areas."""
    ds = load(SHIPPED)
    expected = {
        s.model.id
        for s in ds.indikatorer
        if s.model is not None
        and (b := s.model.berakning) is not None
        and b.typ == "antal-omraden"
        and rise_caution(b.nivaer) is not None
    }
    assert expected == {"riskomraden", "utsatta-omraden"}
    report = shared_report(SHIPPED, 2025)
    found = set(
        re.findall(
            r'<article class="indikator" id="indikator-([^"]+)">(?:(?!</article>).)*?'
            r'<p class="tolkning"><strong>Att läsa diagrammet:</strong> En ökning',
            report.html,
            re.S,
        )
    )
    assert found == expected
    text = rise_caution(["riskomrade"])
    risk = report.md.split("#### Antal riskområden i Göteborg", 1)[1].split("####", 1)[0]
    assert f"\n- Att läsa antalet: {text}\n" in risk
    assert report.md.count("- Att läsa antalet: ") == 2


def test_the_plan_period_years_without_a_value_are_marked_in_chart_and_table(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """An indicator whose values stop in 2019 marks 2022–2025 "?" (no matintervall: every
    year), in the chart, its description and its table; the axis ends at 2025."""
    html = shared_report(SHIPPED, 2025).html
    svg = re.search(r'<svg[^>]*id="diagram-barn-ej-i-forskoleverksamhet".*?</svg>', html, re.S)
    assert svg is not None
    assert _years(svg[0])[-1] == 2025
    assert re.findall(r"<title>(\d{4}): värde saknas</title>", svg[0]) == [
        "2022",
        "2023",
        "2024",
        "2025",
    ]
    assert "Värde saknas: 2022–2025." in svg[0]
    table = re.search(r'id="varden-barn-ej-i-forskoleverksamhet".*?</details>', html, re.S)
    assert table is not None
    assert '<th scope="row">2022–2025</th><td class="num">–</td><td>Värde saknas</td>' in table[0]
