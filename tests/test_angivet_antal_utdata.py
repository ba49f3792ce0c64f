"""A count a source states for an edition of the police list (``upplagor: antal``), not one
counted from the areas' levels, is named as such beside the value in every output that shows it:
the chart (a diamond, a note line under the legend, its tooltip and description), the chart's
table, Bilaga C and D, the status tables, `utsatta indikatorer` (text and JSON), the export's
markering and kommentar, and the slutuppföljning's underlag; one function words it
(``utsatta.render.angivet``; docs/decisions/0350-angivet-antal-vid-vardet.md).

Data: the shipped data/ (2015: six särskilt utsatta, the count Göteborgs-Posten states; the
counts S Göteborg, Framtiden and Göteborgs Stad state for 2017, 2021 and 2023, where the areas
give the same number, have their source's class but no words: docs/decisions/0675), and a copy
where 2025's särskilt utsatta count is made up as stated by Fastighetsvärlden (sekundär), test
data only."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.support import ROOT
from utsatta.check.pipeline import validate
from utsatta.compute.indicators import markering_och_not, med_ar, med_markering
from utsatta.compute.status import Point
from utsatta.export.tables import tables
from utsatta.load.dataset import DataSet, load
from utsatta.render.chart import indicator_svg
from utsatta.render.chart_table import values_table
from utsatta.render.overview_indicators import indicators_json, indicators_text
from utsatta.render.report.environment import report_text

GP = "antal enligt Göteborgs-Posten"
FV = "uppgift i andra hand, antal enligt Fastighetsvärlden"
#: the class of a count confirmed by sources none of which is the police's own (0500)
EJ = "annan källa än polisen"


def _chart(html: str, ident: str) -> str:
    start = html.index(f'id="diagram-{ident}"')
    return html[start : html.index("</details>", start)]


@pytest.fixture(scope="module")
def shipped() -> DataSet:
    return load(ROOT / "data")


@pytest.fixture(scope="module")
def html_2025(shipped: DataSet) -> str:
    return report_text(shipped, 2025, "html")


def test_the_wording_is_one_rule() -> None:
    assert markering_och_not("bekraftad", GP) == GP
    assert markering_och_not("sekundar", "antal enligt Fastighetsvärlden") == FV
    assert markering_och_not("slutledd") == "slutledd"
    assert markering_och_not("bekraftad") == ""
    assert med_ar("6", 2015, "bekraftad", GP) == f"6 (2015, {GP})"
    assert med_ar("5", 2021, "bekraftad") == "5 (2021)"
    assert med_markering("6", None, GP) == f"6 ({GP})"
    assert med_markering("9", "bekraftad") == "9"


def test_the_chart_marks_the_stated_count_in_shape_and_words(html_2025: str) -> None:
    chart = _chart(html_2025, "sarskilt-utsatta-omraden")
    # the point: a diamond (not a dot), filled pale as it is confirmed by the press, not the
    # police (docs/decisions/0500), its tooltip in words
    assert (
        '<polygon class="angivet bekraftad-ej-polisen" points="56.0,71.5 62.0,77.5 56.0,83.5 '
        '50.0,77.5" fill="#9db3d4" stroke="#1d4f91" stroke-width="2"><title>2015: 6 '
        f"({EJ}, {GP})</title></polygon>"
    ) in chart
    # under the legend: the same diamond and the value in words, then what it is not
    assert (
        '<polygon class="angivet bekraftad-ej-polisen" points="20.0,279.0 26.0,285.0 20.0,291.0 '
        '14.0,285.0" fill="#9db3d4" stroke="#1d4f91" stroke-width="2"/>\n'
        f'<text class="not" x="38" y="290.0">2015: 6 ({EJ}, antal</text>\n'
        '<text class="not" x="38" y="310.0">enligt Göteborgs-Posten)</text>\n'
        '<text class="not" x="38" y="330.0">(inte räknat ur områdenas nivåer i</text>\n'
        '<text class="not" x="38" y="350.0">polisens lista)</text>\n'
        '<text class="kalla" x="8" y="380.0" fill="#595959">Källa:'
    ) in chart
    # screen readers: the chart's name and its table
    assert (
        f"Utfall 2015: 6 ({EJ}, {GP}); 2017: 7 ({EJ}); 2019: 6 (slutledd); 2023: 4 "
        f"({EJ}); 2025: 4 (uppgift i andra hand)."
    ) in chart
    assert (
        f'<tr><th scope="row">2015</th><td class="num">6</td><td>Utfall ({EJ}, {GP})</td></tr>'
    ) in chart
    # 2017 on the areas give the number: dots, no note. S Göteborg states 2017's seven, so it
    # has that source's class (‡, filled pale: 0675); 2019 is as sure as every level of the
    # edition, Hisings Backa's inferred one too (0666)
    assert (
        '<circle class="bekraftad-ej-polisen" cx="120.0" cy="58.8" r="4" fill="#9db3d4" '
        f'stroke="#1d4f91" stroke-width="2"><title>2017: 7 ({EJ})</title>'
    ) in chart
    assert (
        '<circle class="slutledd" cx="184.0" cy="77.5" r="4" fill="#ffffff" stroke="#1d4f91" '
        'stroke-width="2" stroke-dasharray="2 2"><title>2019: 6 (slutledd)</title>'
    ) in chart
    assert chart.count("<polygon") == 2


def test_no_other_chart_has_a_note(html_2025: str) -> None:
    others = [m.start() for m in re.finditer(r'id="diagram-', html_2025)]
    assert len(others) > 5
    stated = html_2025.index('id="diagram-sarskilt-utsatta-omraden"')
    for start in others:
        if start != stated:
            chart = html_2025[start : html_2025.index("</svg>", start)]
            assert "<polygon" not in chart and 'class="not"' not in chart


def test_bilaga_c_and_d_name_it(shipped: DataSet) -> None:
    lines = report_text(shipped, 2025, "md").splitlines()
    assert any(
        line.startswith(
            f"| Antal särskilt utsatta områden i Göteborg | 2015: 6 ({EJ}, {GP}); "
            f"2017: 7 ({EJ}); 2019: 6 (slutledd);"
        )
        for line in lines
    )
    assert any(line.startswith(f"  - Utfall 2015 (6, {EJ}, {GP}): Antalet som ") for line in lines)


def test_the_chart_alone_marks_a_baseline_and_an_unconfirmed_stated_count() -> None:
    """Without the report: a baseline that is a stated count keeps its square around a diamond;
    a secondary stated count is a hollow diamond; the words from the data are escaped."""
    svg = indicator_svg(
        ident="x",
        titel="X",
        baslinje=Point(2021, 5.0, sakerhet="bekraftad"),
        utfall=[Point(2021, 5.0, sakerhet="bekraftad"), Point(2023, 4.0, sakerhet="sekundar")],
        malvarde=None,
        malar=None,
        fmt=lambda v: f"{v:.0f}",
        fmt_tick=lambda v, d: str(int(v)),
        enhet="Antal",
        integer=True,
        noter={2021: "antal enligt <b>A</b>", 2023: "antal enligt B"},
        noter_forklaring="inte räknat",
    )
    assert (
        '<g class="baslinje"><title>Baslinje 2021: 5 (antal enligt &lt;b&gt;A&lt;/b&gt;)</title>'
        in svg
    )
    assert re.search(
        r'height="14" [^>]*/><polygon class="angivet" points="[^"]+" fill="#1d4f91"/></g>', svg
    )
    assert re.search(
        r'<polygon class="angivet sekundar" points="[^"]+" fill="#ffffff" stroke="#1d4f91" '
        r'stroke-width="2"><title>2023: 4 \(uppgift i andra hand, antal enligt B\)</title>',
        svg,
    )
    # one line per note (wrapped at the chart's width), each first line after its marker
    notes = re.findall(r'<text class="not" x="38" y="[0-9.]+">([^<]*)</text>', svg)
    assert notes == [
        "2021: 5 (antal enligt &lt;b&gt;A&lt;/b&gt;)",
        "2023: 4 (uppgift i andra hand, antal",
        "enligt B)",
        "(inte räknat)",
    ]
    assert svg.count('<polygon class="angivet') == 4  # two points, two notes
    assert "<b>" not in svg
    table = values_table(
        ident="x",
        titel="X",
        baslinje=Point(2021, 5.0),
        utfall=[Point(2023, 4.0, sakerhet="sekundar")],
        malvarde=None,
        malar=None,
        fmt=lambda v: f"{v:.0f}",
        noter={2023: "antal enligt B"},
    )
    assert "<td>Utfall (uppgift i andra hand, antal enligt B)</td>" in table


def test_indikatorer_text_and_json_name_it(shipped: DataSet) -> None:
    text = indicators_text(shipped, 2016, width=220)
    row = next(line for line in text.splitlines() if "Antal särskilt utsatta områden" in line)
    assert f"6 (2015, {EJ}, antal enligt" in row
    data = json.loads(indicators_json(shipped, 2025))
    su = next(i for i in data["indikatorer"] if i["id"] == "sarskilt-utsatta-omraden")
    assert [(p["ar"], p["angivet_antal"]) for p in su["serie"]] == [
        (2015, GP),
        (2017, None),
        (2019, None),
        (2021, None),
        (2023, None),
        (2025, None),
    ]


@pytest.fixture(scope="module")
def stated_2025(tmp_path_factory: pytest.TempPathFactory) -> DataSet:
    """A copy where Bergsjön's 2025 level is unknown and 2025 states four särskilt utsatta, as
    Fastighetsvärlden (sekundär): made up, test data only."""
    data = tmp_path_factory.mktemp("angivet") / "data"
    shutil.copytree(ROOT / "data", data)
    omraden = data / "omraden.yaml"
    text = omraden.read_text("utf-8")
    level = (
        "      - upplaga: 2025\n        niva: sarskilt-utsatt\n        benamning: extra utsatt\n"
        "        sakerhet: sekundar\n"
        "        kallor: [fastighetsvarlden-2025-12-02, fastighetstidningen-2025-12-02]\n"
    )
    assert level in text  # Bergsjön 2025
    unknown = "      - upplaga: 2025\n        niva: okand\n        sakerhet: saknas\n"
    text = text.replace(level, unknown, 1)
    edition = "  - ar: 2025\n    manad: 12\n"
    stated = (
        "    antal:\n      - niva: sarskilt-utsatt\n        antal: 4\n        sakerhet: sekundar\n"
        "        kallor: [fastighetsvarlden-2025-12-02]\n"
    )
    omraden.write_text(text.replace(edition, edition + stated, 1), "utf-8")
    assert [f for f in validate(data).findings if f.file.endswith("omraden.yaml")] == []
    return load(data)


def test_a_stated_latest_value_is_named_in_every_output(stated_2025: DataSet) -> None:
    md = report_text(stated_2025, 2025, "md").splitlines()
    # the status table of the goal's indicators and Bilaga D
    assert any(
        line.startswith(
            f"| Antal särskilt utsatta områden i Göteborg | 4 (2025, {FV}) | 0 (2025) |"
        )
        for line in md
    )
    # the slutuppföljning's underlag for delmål 1
    assert any(f"Antal särskilt utsatta områden i Göteborg, 2025: 4 ({FV})." in line for line in md)
    html = report_text(stated_2025, 2025, "html")
    chart = _chart(html, "sarskilt-utsatta-omraden")
    assert re.search(
        r'<polygon class="angivet sekundar" points="[^"]+" fill="#ffffff" stroke="#1d4f91" '
        rf'stroke-width="2"><title>2025: 4 \({FV}\)</title>',
        chart,
    )
    notes = re.findall(r'<text class="not" x="38" y="[0-9.]+">([^<]*)</text>', chart)
    assert notes == [
        f"2015: 6 ({EJ}, antal",
        "enligt Göteborgs-Posten)",
        "2025: 4 (uppgift i andra hand, antal",
        "enligt Fastighetsvärlden)",
        "(inte räknat ur områdenas nivåer i",
        "polisens lista)",
    ]
    assert (
        f"<figcaption>Baslinje 5 (2021, {EJ}, tolkning), senaste 4 (2025, {FV}), "
        "målvärde 0 "
        f"(2025).</figcaption>" in html
    )
    text = indicators_text(stated_2025, 2025, width=240)
    assert f"4 (2025, {FV})" in next(
        line for line in text.splitlines() if "Antal särskilt utsatta områden" in line
    )
    t = next(t for t in tables(stated_2025, 2025) if t.namn == "indikatorvarden")
    cols = [c.namn for c in t.columns]
    row = next(
        r
        for r in (dict(zip(cols, r, strict=True)) for r in t.rows)
        if (r["indikator"], r["typ"], r["ar"]) == ("sarskilt-utsatta-omraden", "utfall", 2025)
    )
    assert (row["sakerhet"], row["markering"], row["kalla_id"]) == (
        "sekundar",
        FV,
        "fastighetsvarlden-2025-12-02",
    )
    assert row["kallfil"] == "omraden.yaml"


def test_the_export_names_the_file_a_stated_count_is_in(shipped: DataSet) -> None:
    # granska8 #10: kallfil said the indicator's file, the comment omraden.yaml (where it is)
    t = next(t for t in tables(shipped, 2025) if t.namn == "indikatorvarden")
    cols = [c.namn for c in t.columns]
    rows = [
        r
        for r in (dict(zip(cols, r, strict=True)) for r in t.rows)
        if r["indikator"] == "sarskilt-utsatta-omraden"
    ]
    stated = [
        (r["typ"], r["ar"], r["kallfil"])
        for r in rows
        if r["kommentar"] and "Uppgiften står i omraden.yaml" in r["kommentar"]
    ]
    # 2015, and the counts stated where the areas give the same number (0675): 2017, 2021 (the
    # baseline and the value) and 2023, each with its source's comment
    assert stated == [
        ("baslinje", 2021, "omraden.yaml"),
        ("utfall", 2015, "omraden.yaml"),
        ("utfall", 2017, "omraden.yaml"),
        ("utfall", 2021, "omraden.yaml"),
        ("utfall", 2023, "omraden.yaml"),
    ]
    counted = {r["kallfil"] for r in rows if (r["typ"], r["ar"], "omraden.yaml") not in stated}
    assert counted == {"indikatorer/sarskilt-utsatta-omraden.yaml"}
