"""A line only between values the data shows are consecutive measurements (granska9 F3,
docs/decisions/0395-linje-bara-mellan-matningar.md): two years in a row, adjacent police
editions, or one ``matintervall`` apart; never a step inferred from the gap itself. A year
between two values that are not joined, where a value may have been, is marked "?"."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.support import SHIPPED, SharedReport
from tests.support import ChartPoint as P
from utsatta.compute.indicators import evaluate
from utsatta.load.dataset import load
from utsatta.model.indikator import Matintervall
from utsatta.numbers import run_text, tal, year_runs
from utsatta.render.chart import indicator_svg
from utsatta.render.chart_table import values_table
from utsatta.render.chart_years import joined, missing_years


def svg(utfall: list[P], matar: tuple[int, ...] | None = None, baslinje: P | None = None) -> str:
    return indicator_svg(
        ident="x",
        titel="Test",
        baslinje=baslinje,
        utfall=utfall,
        malvarde=None,
        malar=None,
        fmt=lambda v: tal(v, 0),
        fmt_tick=lambda v, d: tal(v, d),
        enhet="Index",
        matar=matar,
    )


def x_of(text: str, year: int) -> str:
    """The x coordinate of a year's axis label, as written in the SVG."""
    found = re.search(rf'<text x="([0-9.]+)" y="[0-9.]+" text-anchor="middle">{year}</text>', text)
    assert found, year
    return found[1]


def segments(text: str) -> list[list[str]]:
    """Each polyline as the x coordinates of its points."""
    return [
        [pair.split(",")[0] for pair in points.split()]
        for points in re.findall(r'<polyline class="[^"]*" points="([^"]*)"', text)
    ]


def marked(text: str) -> list[int]:
    """The years marked "?" (värde saknas) on the axis."""
    return [int(y) for y in re.findall(r"<title>(\d+): värde saknas</title>\?</text>", text)]


def test_two_values_two_years_apart_get_no_line_and_the_year_between_a_mark() -> None:
    """Nöjd Region-Index 2017 and 2019: the source has "–" for 2018, so no line across it."""
    text = svg([P(2017, 54), P(2019, 52)])
    assert segments(text) == []
    assert marked(text) == [2018]
    assert "Värde saknas: 2018." in text
    assert ">Värde saknas</text>" in text  # the legend


def test_two_values_four_years_apart_without_an_interval_are_points_only() -> None:
    """83 000 (2019) and 41 000 (2023): no straight line suggesting a gradual halving."""
    text = svg([P(2019, 83000), P(2023, 41000)])
    assert segments(text) == []
    assert marked(text) == [2020, 2021, 2022]


def test_a_declared_interval_joins_values_one_interval_apart_without_a_mark() -> None:
    """Valdeltagande 2014 and 2018: elections every four years, by law."""
    text = svg([P(2014, 79.2), P(2018, 81.05)], matar=(2014, 2018))
    assert segments(text) == [[x_of(text, 2014), x_of(text, 2018)]]
    assert marked(text) == []
    assert "Värde saknas" not in text


def test_a_yearly_interval_does_not_join_values_two_years_apart() -> None:
    text = svg([P(2017, 54), P(2019, 52)], matar=(2017, 2018, 2019))
    assert segments(text) == []
    assert marked(text) == [2018]


def test_editions_join_neighbours_and_mark_only_an_edition_without_a_value() -> None:
    """Police editions every other year with 2019 missing: 2015–2017 and 2021–2023 joined, only
    2019 marked (2016, 2018, 2020 are no editions)."""
    utfall = [P(2015, 6), P(2017, 7), P(2021, 5), P(2023, 4)]
    text = svg(utfall, matar=(2015, 2017, 2019, 2021, 2023))
    assert segments(text) == [
        [x_of(text, 2015), x_of(text, 2017)],
        [x_of(text, 2021), x_of(text, 2023)],
    ]
    assert marked(text) == [2019]


def test_a_yearly_run_is_joined_and_a_later_value_after_a_gap_is_not() -> None:
    text = svg([P(2017, 1), P(2018, 2), P(2019, 3), P(2021, 4)])
    assert segments(text) == [[x_of(text, 2017), x_of(text, 2018), x_of(text, 2019)]]
    assert marked(text) == [2020]


def test_the_baseline_counts_as_a_value_of_the_series() -> None:
    text = svg([P(2019, 52)], baslinje=P(2017, 54))
    assert segments(text) == []
    assert marked(text) == [2018]
    text = svg([P(2018, 52)], baslinje=P(2017, 54))
    assert segments(text) == [[x_of(text, 2017), x_of(text, 2018)]]


def test_joined_and_missing_years() -> None:
    assert (joined(2017, 2018, None), joined(2017, 2019, None)) == (True, False)
    assert joined(2014, 2018, (2014, 2018)) is True
    assert joined(2014, 2018, (2014, 2016, 2018)) is False
    assert joined(2014, 2016, (2014, 2018)) is False  # 2016 is no year measured
    assert missing_years([2019, 2023], None) == [2020, 2021, 2022]
    assert missing_years([2014, 2018], (2014, 2018)) == []
    assert missing_years([2015, 2017, 2021], (2015, 2017, 2019, 2021)) == [2019]
    assert missing_years([2020], None) == []


def test_the_value_table_lists_the_marked_years() -> None:
    html = values_table(
        ident="x",
        titel="T",
        baslinje=P(2017, 54),
        utfall=[P(2017, 54), P(2019, 52)],
        malvarde=None,
        malar=None,
        fmt=lambda v: tal(v, 0),
        matar=(2017, 2018, 2019),
    )
    rows = re.findall(r'<th scope="row">(\d+)</th><td class="num">([^<]*)</td><td>([^<]*)<', html)
    assert rows == [
        ("2017", "54", "Baslinje"),
        ("2018", "–", "Värde saknas"),
        ("2019", "52", "Utfall"),
    ]


@pytest.mark.parametrize("antal_ar", [0, 11])
def test_an_interval_outside_1_to_10_years_is_refused(antal_ar: int) -> None:
    with pytest.raises(ValidationError):
        Matintervall(antal_ar=antal_ar, grund="Lagen.")
    assert Matintervall(antal_ar=4, grund="Lagen.").antal_ar == 4


def test_the_years_measured_in_the_shipped_data() -> None:
    res = {r.indikator.id: r for r in evaluate(load(SHIPPED), 2025)}
    assert res["valdeltagande-kommunval-goteborg"].matar == (2014, 2018)
    # granska10 F3: a column per year in the årsredovisning's table says nothing of how often
    # each indicator is measured, so these have no matintervall (docs/decisions/0395)
    for ident in (
        "anmalda-skadegorelsebrott",
        "anmalda-valdsbrott",
        "barn-ej-i-forskoleverksamhet",
        "elevenkat-trygg-i-skolan",
        "nojd-region-index-trygghet",
    ):
        assert res[ident].indikator.matintervall is None
        assert res[ident].matar is None
    # a press release says nothing of how often it is counted
    assert res["invanare-i-sarskilt-utsatta-omraden"].matar is None
    assert res["trygghet-goteborg-trygg-och-saker-stad"].matar is None
    # the police's editions in omraden.yaml, the unknown 2025 included
    editions = (2015, 2017, 2019, 2021, 2023, 2025)
    assert res["sarskilt-utsatta-omraden"].matar == editions
    assert res["riskomraden"].matar == editions


def _chart(html: str, ident: str) -> str:
    found = re.search(rf'<svg[^>]*id="diagram-{ident}".*?</svg>', html, re.S)
    assert found, ident
    return found[0]


def test_the_charts_of_the_2025_report(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """The charts granska9 found drawn across years without a value, and those that stay; each
    marks "?" the plan period's years (2022–2025) where a value was expected and none is given
    (granska14 F12: every year without a matintervall, the election year 2022 with one)."""
    html = shared_report(SHIPPED, 2025).html
    period = [2022, 2023, 2024, 2025]
    nri = _chart(html, "nojd-region-index-trygghet")
    assert (segments(nri), marked(nri)) == ([], [2018, *period])
    invanare = _chart(html, "invanare-i-sarskilt-utsatta-omraden")
    assert (segments(invanare), marked(invanare)) == ([], [2020, 2021, 2022, 2024, 2025])
    elev = _chart(html, "elevenkat-trygg-i-skolan")
    assert (segments(elev), marked(elev)) == ([], [2018, *period])
    val = _chart(html, "valdeltagande-kommunval-goteborg")
    assert (segments(val), marked(val)) == ([[x_of(val, 2014), x_of(val, 2018)]], [2022])
    # every axis runs to the report's year, also one whose last "?" is 2022
    assert '<text x="' in val and ">2025</text>" in val
    brott = _chart(html, "anmalda-valdsbrott")
    assert segments(brott) == [[x_of(brott, y) for y in (2017, 2018, 2019)]]
    su = _chart(html, "sarskilt-utsatta-omraden")
    # one line over every edition, dashed only where an end is inferred (2019: slutledd); the
    # counts S Göteborg, Framtiden and Göteborgs Stad state are not (decision 0675)
    assert segments(su) == [
        [x_of(su, y) for y in years]
        for years in ((2015, 2017), (2017, 2019, 2021), (2021, 2023, 2025))
    ]
    assert marked(su) == []
    table = re.search(r'id="varden-nojd-region-index-trygghet".*?</details>', html, re.S)
    assert table and '<th scope="row">2018</th><td class="num">–</td><td>Värde saknas<' in table[0]
    assert '<th scope="row">2022–2025</th><td class="num">–</td><td>Värde saknas<' in table[0]


def test_the_report_says_how_often_and_how_that_is_known(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    report = shared_report(SHIPPED, 2025)
    grund = (
        "Ordinarie val till kommunfullmäktige hölls samma dag som ordinarie val till riksdagen "
        "(vallagen (2005:837) 1 kap. 3 §, som gällde vid valen 2010–2018; den ersattes 2022 av "
        "vallagen (2022:1045)), och ordinarie val till riksdagen hålls vart fjärde år "
        "(regeringsformen 3 kap. 3 §)."
    )
    assert f"\n- Mäts: Vart fjärde år. Grund: {grund}\n" in report.md
    assert f"<dt>Mäts</dt><dd>Vart fjärde år. Grund: {grund}</dd>" in report.html
    nri = report.md.split("#### Nöjd Region-Index: Trygghet", 1)[1].split("####", 1)[0]
    # granska10 F3: no interval the source does not state, so no "Mäts:" line
    assert "- Mäts:" not in nri.split("####", 1)[0]
    assert report.md.count("- Mäts:") == 1
    assert report.html.count("<dt>Mäts</dt>") == 1
    # an indicator without matintervall says nothing of it
    invanare = report.md.split("#### Antal göteborgare som bor i ett särskilt utsatt område", 1)[1]
    assert "- Mäts:" not in invanare.split("####", 1)[0]


def test_the_check_and_the_chart_take_the_years_from_one_function() -> None:
    """granska10 F2: a baseline off the interval (2013) is the odd year, not the values after it;
    område values set no anchor (docs/decisions/0415)."""
    from utsatta.compute.indicators import egna_matar
    from utsatta.model.indikator import IndikatorFil

    base = {
        "schemaversion": 1,
        "id": "v",
        "namn": "V",
        "enhet": "procent",
        "riktning": "hogre-ar-battre",
        "definition": "D.",
        "kallor": [{"id": "k", "utgivare": "U", "sakerhet": "bekraftad"}],
        "matintervall": {"antal_ar": 4, "grund": "Val vart fjärde år."},
    }
    odd_base = IndikatorFil.model_validate(
        base
        | {
            "baslinje": {"ar": 2013, "varde": 79, "kalla": "k"},
            "utfall": [
                {"ar": 2014, "varde": 80, "kalla": "k"},
                {"ar": 2018, "varde": 81, "kalla": "k"},
            ],
        }
    )
    assert egna_matar(odd_base) == (2014, 2018)
    area_first = IndikatorFil.model_validate(
        base
        | {
            "baslinje": {"ar": 2014, "varde": 79, "kalla": "k"},
            "utfall": [
                {"ar": 2011, "varde": 40, "kalla": "k", "omrade": "x"},
                {"ar": 2018, "varde": 81, "kalla": "k"},
            ],
        }
    )
    assert egna_matar(area_first) == (2014, 2018)


def test_years_in_a_row_without_a_value_are_said_as_a_range() -> None:
    """granska10 F11: a value for 1990 beside 2017 and 2019 gives 27 years without one; the
    description and the table say them as runs, and each year keeps its "?" on the axis."""
    points = [P(1990, 50), P(2017, 54), P(2019, 52)]
    text = svg(points)
    assert marked(text) == [*range(1991, 2017), 2018]
    assert "Värde saknas: 1991–2016, 2018." in text
    html = values_table(
        ident="x",
        titel="T",
        baslinje=None,
        utfall=points,
        malvarde=None,
        malar=None,
        fmt=lambda v: tal(v, 0),
    )
    rows = re.findall(r'<th scope="row">([^<]+)</th><td class="num">([^<]*)</td><td>([^<]*)<', html)
    assert rows == [
        ("1990", "50", "Utfall"),
        ("1991–2016", "–", "Värde saknas"),
        ("2017", "54", "Utfall"),
        ("2018", "–", "Värde saknas"),
        ("2019", "52", "Utfall"),
    ]


def test_measurement_years_an_interval_apart_are_not_a_range() -> None:
    """Two elections without a value (2018, 2022) are two years, not "2018–2022"."""
    text = svg([P(2014, 79), P(2026, 80)], matar=(2014, 2018, 2022, 2026))
    assert marked(text) == [2018, 2022]
    assert "Värde saknas: 2018, 2022." in text
    assert year_runs([2018, 2022, 2019, 2020]) == [(2018, 2020), (2022, 2022)]
    assert [run_text(r) for r in year_runs([2018, 2022, 2019])] == ["2018–2019", "2022"]


CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        (
            "matintervall-omrade-ur-takt",
            "Utfallet för 2012 (område bergsjon) är inte från ett mätår: det ligger inte ett helt "
            "antal mätintervall (4 år) från diagrammets första mätår (2014). Diagrammet visar inte "
            "värden per område eller kön. Rätta året, eller 'matintervall' om källan anger ett "
            "annat intervall.",
        ),
        (
            "matintervall-baslinje-ur-takt",
            "Baslinjens år (2013) ligger inte ett helt antal mätintervall (4 år) från diagrammets "
            "första mätår (2014), så diagrammet förbinder baslinjen inte med något annat värde. "
            "Rätta året, eller 'matintervall' om källan anger ett annat intervall.",
        ),
        (
            "matintervall-ankare-bara-omrade",
            "Utfallet för 2011 (område bergsjon) är inte från ett mätår: det ligger inte ett helt "
            "antal mätintervall (4 år) från diagrammets första mätår (2014). Diagrammet visar inte "
            "värden per område eller kön. Rätta året, eller 'matintervall' om källan anger ett "
            "annat intervall.",
        ),
    ],
)
def test_the_interval_warning_is_at_the_odd_year_and_says_what_the_chart_does(
    folder: str, message: str, tmp_path: Path
) -> None:
    """granska10 F2: one warning, at the value or baseline off the years the chart takes as
    measured (compute.indicators.egna_matar), never at the values it joins."""
    from tests.support import build_case
    from utsatta.check.pipeline import validate

    root = build_case(CASES / folder, tmp_path)
    found = [f for f in validate(root).findings if f.code == "matintervall-stammer-inte"]
    assert [f.message for f in found] == [message]
    assert {r.indikator.id: r.matar for r in evaluate(load(root))}["valdeltagande"] == (2014, 2018)
