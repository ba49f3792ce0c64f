"""Charts that tell the truth (issue 15): the value axis starts at 0, no line across a year
without a value, inferred and secondary values drawn apart from confirmed ones with a legend, the
målvärde and målår visible, source and unit inside the SVG, text readable on a phone, and a table
of the values after each chart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

import pytest

from tests.support import ChartPoint as P
from utsatta.compute.indicators import MARKERING
from utsatta.compute.police import EJ_POLISEN
from utsatta.numbers import tal
from utsatta.render.chart import FONT_SIZE, WIDTH, indicator_svg
from utsatta.render.chart_table import values_table

SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Gap:
    ar: int


def svg(**kw: object) -> str:
    args: dict[str, object] = {
        "ident": "x",
        "titel": "Test",
        "baslinje": None,
        "utfall": [P(2020, 15.7), P(2021, 15.8), P(2022, 15.9)],
        "malvarde": None,
        "malar": None,
        "fmt": lambda v: tal(v, 1, " %"),
        "fmt_tick": lambda v, d: tal(v, d),
        "enhet": "Procent",
        "kalla": "SCB: Befolkningsstatistik (2023-02-21)",
    }
    args.update(kw)
    return indicator_svg(**args)  # type: ignore[arg-type]


def tree(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text)


def tick_labels(text: str) -> list[str]:
    """The y-axis labels (text-anchor end), bottom to top."""
    return [
        t.text or ""
        for t in tree(text).iter(f"{SVG}text")
        if t.get("text-anchor") == "end" and t.get("fill") is None
    ]


def polylines(text: str) -> list[list[tuple[float, float]]]:
    return [
        [tuple(map(float, pair.split(","))) for pair in el.get("points", "").split()]  # type: ignore[misc]
        for el in tree(text).iter(f"{SVG}polyline")
    ]


def x_of(text: str, year: int) -> float:
    for t in tree(text).iter(f"{SVG}text"):
        if t.get("text-anchor") == "middle" and t.text == str(year):
            return float(t.get("x", "nan"))
    raise AssertionError(f"no x label {year}")


def test_a_percentage_axis_starts_at_zero() -> None:
    """15,7 → 15,9 % is drawn on an axis from 0, so a 0,2-point change is not a collapse."""
    assert tick_labels(svg()) == ["0", "5", "10", "15", "20"]


def test_a_count_axis_starts_at_zero_never_below() -> None:
    text = svg(utfall=[P(2020, 3.0), P(2021, 2.0), P(2022, 3.0)], integer=True, enhet="Antal")
    assert tick_labels(text) == ["0", "1", "2", "3"]  # never below 0, whole steps


def _axis(text: str) -> tuple[list[tuple[float, str]], str, float]:
    """The tick labels drawn, bottom first with their y, the <desc> text and the 0 line's y."""
    root = tree(text)
    labels = sorted(
        (
            (float(t.get("y", "nan")), t.text or "")
            for t in root.iter(f"{SVG}text")
            if t.get("text-anchor") == "end" and t.get("fill") is None
        ),
        reverse=True,
    )
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    zero = next(el for el in root.iter(f"{SVG}line") if el.get("class") == "noll")
    return labels, desc.text, float(zero.get("y1", "nan"))


_BORJAR = "Värdeaxeln börjar på 0 och går till {}."
#: 3 000 000 000 000, with the hard spaces of a value (decision 0405)
TRE_BILJONER = "3\u00a0000\u00a0000\u00a0000\u00a0000"


@pytest.mark.parametrize(
    ("values", "integer", "first", "last", "axel"),
    [
        # an all-zero count: 0 to 1, never −1
        ([0.0, 0.0, 0.0], True, "0", "1", _BORJAR.format("1")),
        ([0.0, 0.0], False, "0,00", "1,00", _BORJAR.format("1,00")),  # an all-zero share
        ([8.0, 8.0, 8.0], True, "0", "8", _BORJAR.format("8")),  # all equal, not zero
        ([57.0, 57.0], False, "0", "60", _BORJAR.format("60")),
        ([15.7, 15.71, 15.72], False, "0", "20", _BORJAR.format("20")),  # a tiny change
        # large values
        ([83000.0, 41000.0], True, "0", "100\u00a0000", _BORJAR.format("100\u00a0000")),
        ([2.5e12, 2.6e12], False, "0", TRE_BILJONER, _BORJAR.format(TRE_BILJONER)),
        ([48.0, 51.5, 99.5], False, "0", "100", _BORJAR.format("100")),  # percentages
        ([0.4, 0.2], False, "0,0", "0,4", _BORJAR.format("0,4")),
        (
            [1e-12, 2e-12],
            False,
            "0,0000000000000",
            "0,0000000000020",
            _BORJAR.format("0,0000000000020"),
        ),
        # negative data: the axis ends at 0; both signs: 0 inside
        ([-3.0, -1.0], True, "−3", "0", "Värdeaxeln går från −3 till 0."),
        ([-2.0, 5.0], True, "−2", "6", "Värdeaxeln går från −2 till 6, med en linje vid 0."),
    ],
)
def test_the_axis_description_matches_the_ticks_drawn(
    values: list[float], integer: bool, first: str, last: str, axel: str
) -> None:
    """<desc> says where the value axis starts and ends, as the SVG's own ticks draw it: the
    lowest label is the start, the highest the end, 0 lies on the 0 line, and data that is never
    negative has no negative tick."""
    text = svg(utfall=[P(2020 + i, v) for i, v in enumerate(values)], integer=integer)
    labels, desc, zero_y = _axis(text)
    assert (labels[0][1], labels[-1][1]) == (first, last)
    assert f"Enhet: Procent. {axel} Källa:" in desc
    zero = [y for y, label in labels if not label.strip("0,−")]
    assert zero == [zero_y + 5]  # the label of the 0 tick sits 5 below the 0 line
    if "börjar på 0" in desc:
        assert labels[0][0] == zero[0]
    if min(values) >= 0:
        assert not [label for _, label in labels if label.startswith(("−", "-"))]
    # every value (a dot with its title; the legend's dots have none) is inside the axis
    ys = [
        float(c.get("cy", "nan"))
        for c in tree(text).iter(f"{SVG}circle")
        if c.find(f"{SVG}title") is not None
    ]
    assert len(ys) == len(values)
    assert all(labels[-1][0] - 5 <= y <= labels[0][0] - 5 for y in ys)


def test_the_new_areas_chart_of_the_2025_report_has_no_negative_tick() -> None:
    """`utsatta report 2025 --format html`: nya områden is 0 in every edition (0 to 1)."""
    from pathlib import Path

    from utsatta.load.dataset import load
    from utsatta.render.report import report_text

    data = Path(__file__).resolve().parents[1] / "data"
    html = report_text(load(data), 2025, "html")
    start = html.index('id="diagram-nya-omraden"')
    chart = html[html.rindex("<svg", 0, start) : html.index("</svg>", start) + 6]
    labels, desc, _ = _axis(chart)
    assert [label for _, label in labels] == ["0", "1"]
    assert "Värdeaxeln börjar på 0 och går till 1." in desc


def test_a_gap_year_breaks_the_line_and_is_marked() -> None:
    text = svg(
        utfall=[P(2019, 4.0), P(2020, 5.0), P(2022, 6.0), P(2023, 7.0)],
        luckor=[Gap(2021)],
    )
    lines = polylines(text)
    assert len(lines) == 2
    gap_x = x_of(text, 2021)
    for line in lines:  # no segment spans the year without a value
        xs = [x for x, _ in line]
        assert not (min(xs) < gap_x < max(xs))
    root = tree(text)
    marks = [t for t in root.iter(f"{SVG}text") if t.get("class") == "lucka"]
    assert len(marks) == 1 and float(marks[0].get("x", "0")) == gap_x
    assert "Värde saknas" in text and "Värde saknas: 2021." in text


def test_a_missing_year_without_a_recorded_gap_is_not_bridged_either() -> None:
    text = svg(utfall=[P(2019, 4.0), P(2020, 5.0), P(2022, 6.0)])
    assert len(polylines(text)) == 1  # 2019–2020 only
    assert len(polylines(text)[0]) == 2
    assert "Värde saknas: 2021." in text  # and the year between is marked


def test_a_series_every_other_year_is_joined_at_its_own_step() -> None:
    """The police's lists come every other year: 2017, 2019, 2021 are one line when the data
    says those are the years measured (the editions; docs/decisions/0395)."""
    text = svg(
        utfall=[P(2017, 7.0), P(2019, 6.0), P(2021, 5.0)], integer=True, matar=(2017, 2019, 2021)
    )
    assert [len(line) for line in polylines(text)] == [3]
    assert 'class="lucka"' not in text


def test_inferred_and_secondary_values_are_drawn_apart_with_a_legend() -> None:
    text = svg(
        utfall=[
            P(2020, 5.0, sakerhet="bekraftad"),
            P(2021, 6.0, sakerhet="slutledd"),
            P(2022, 7.0, sakerhet="sekundar"),
        ]
    )
    root = tree(text)
    circles = list(root.iter(f"{SVG}circle"))
    slutledd = [c for c in circles if c.get("class") == "slutledd"]
    sekundar = [c for c in circles if c.get("class") == "sekundar"]
    bekraftad = [c for c in circles if c.get("class") is None]
    assert len(slutledd) == 2 and len(sekundar) == 2 and len(bekraftad) == 2  # + legend
    assert all(c.get("fill") == "#ffffff" and c.get("stroke-dasharray") for c in slutledd)
    assert all(c.get("fill") == "#ffffff" and not c.get("stroke-dasharray") for c in sekundar)
    assert all(c.get("fill") != "#ffffff" for c in bekraftad)
    # the line to and from the inferred value is dashed, the rest solid
    lines = list(root.iter(f"{SVG}polyline"))
    assert [ln.get("class") for ln in lines] == ["utfall streckad"]
    assert lines[0].get("stroke-dasharray")
    for legend in ("Utfall", "Slutlett värde", "Uppgift i andra hand"):
        assert f">{legend}</text>" in text
    assert "2021: 6,0\u00a0% (slutledd)" in text
    assert "2022: 7,0\u00a0% (uppgift i andra hand)" in text


@pytest.mark.parametrize(
    ("sakerhet", "text", "legend"),
    [
        ("sekundar", " (uppgift i andra hand)", "Uppgift i andra hand"),
        ("slutledd", " (slutledd)", "Slutlett värde"),
        ("bekraftad", "", "Utfall"),
        (None, "", "Utfall"),
    ],
)
def test_the_baseline_shows_how_sure_it_is_like_every_other_value(
    sakerhet: str | None, text: str, legend: str
) -> None:
    """ "Antal göteborgare …": the 2019 baseline (83 000) comes from the same secondary source as
    2023 (41 000); both are marked, in the drawing, the tooltip, the description and the table."""
    base = P(2019, 83000.0, sakerhet=sakerhet)
    later = P(2023, 41000.0, sakerhet="bekraftad")
    fmt = lambda v: tal(v, 0)  # noqa: E731
    chart = svg(baslinje=base, utfall=[base, later], fmt=fmt, integer=True, enhet="Antal")
    root = tree(chart)
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "baslinje")
    title = group.find(f"{SVG}title")
    assert title is not None and title.text == f"Baslinje 2019: 83\u00a0000{text}"
    (dot,) = group.iter(f"{SVG}circle")
    assert dot.get("class") == (sakerhet if sakerhet in ("sekundar", "slutledd") else None)
    assert group.find(f"{SVG}rect") is not None  # the square says: the baseline
    label = root.find(f"{SVG}title")
    assert label is not None and f"Baslinje 2019: 83\u00a0000{text}." in (label.text or "")
    assert f">{legend}</text>" in chart
    table = values_table(ident="x", titel="T", baslinje=base, utfall=[base, later], malvarde=None,
                         malar=None, fmt=fmt)  # fmt: skip
    rows = re.findall(r'<td class="num">([^<]*)</td><td>([^<]*)</td>', table)
    want = {"sekundar": " (uppgift i andra hand)", "slutledd": " (slutledd)"}.get(str(sakerhet), "")
    # 2020–2022: no value, and no matintervall says none was due (docs/decisions/0395); one row
    # for the three years in a row (granska10 F11)
    gap = ("–", "Värde saknas")
    assert rows == [("83\u00a0000", f"Baslinje{want}"), gap, ("41\u00a0000", "Utfall")]
    assert '<th scope="row">2020–2022</th><td class="num">–</td><td>Värde saknas</td>' in table


def test_confirmed_only_has_no_legend_for_kinds_that_do_not_occur() -> None:
    text = svg()
    assert "Slutlett värde" not in text and "Uppgift i andra hand" not in text
    assert len(polylines(text)) == 1


def test_malvarde_and_malar_are_visible() -> None:
    text = svg(baslinje=P(2019, 15.0), malvarde=12.0, malar=2025)
    assert ">Målvärde 2025: 12,0\u00a0%</text>" in text
    assert x_of(text, 2025) > x_of(text, 2022)
    line = next(el for el in tree(text).iter(f"{SVG}line") if el.get("class") == "malvarde")
    assert float(line.get("x2", "0")) == x_of(text, 2025)


def test_source_and_unit_are_inside_the_svg() -> None:
    text = svg()
    root = tree(text)
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert "Enhet: Procent. Värdeaxeln börjar på 0 och går till 20." in desc.text
    assert "Källa: SCB: Befolkningsstatistik (2023-02-21)" in desc.text
    visible = " ".join(t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == "kalla")
    assert visible == "Källa: SCB: Befolkningsstatistik (2023-02-21)"
    unit = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "enhet"]
    assert unit == ["Procent"]
    assert "Källa: anges inte." in svg(kalla="")


def test_a_long_source_wraps_and_the_chart_grows() -> None:
    long = "Polisen: " + "Lägesbild över utsatta områden " * 6
    text = svg(kalla=long)
    lines = [t for t in tree(text).iter(f"{SVG}text") if t.get("class") == "kalla"]
    assert len(lines) > 2 and all(len(t.text or "") <= 46 for t in lines)
    height = int(re.search(r'viewBox="0 0 400 (\d+)"', text).group(1))  # type: ignore[union-attr]
    assert all(float(t.get("y", "0")) < height for t in lines)


def test_text_is_at_least_11_px_on_a_390_px_phone() -> None:
    """The page's content is 390 − 2 × 12 px wide on a phone; the viewBox scales to it."""
    assert FONT_SIZE * (390 - 24) / WIDTH >= 11
    assert f'font-size="{FONT_SIZE}"' in svg() and 'viewBox="0 0 400 ' in svg()


def test_values_table_lists_every_value_in_year_order_escaped() -> None:
    html = values_table(
        ident="x",
        titel="A <b>",
        baslinje=P(2019, 4.0),
        utfall=[P(2020, 5.0, sakerhet="slutledd"), P(2022, 6.0)],
        malvarde=2.0,
        malar=2025,
        fmt=lambda v: tal(v, 1),
        luckor=[Gap(2021)],
        kalla="SCB",
    )
    rows = re.findall(
        r'<tr><th scope="row">(\d+)</th><td class="num">([^<]*)</td><td>([^<]*)</td></tr>', html
    )
    assert rows == [
        ("2019", "4,0", "Baslinje"),
        ("2020", "5,0", "Utfall (slutledd)"),
        ("2021", "–", "Värde saknas"),
        ("2022", "6,0", "Utfall"),
        ("2025", "2,0", "Målvärde"),
    ]
    assert 'role="region" aria-label="Värden: A &lt;b&gt;" tabindex="0"' in html
    assert "<b>" not in html
    assert "<summary>Diagrammets värden som tabell</summary>" in html


def test_a_unit_ending_in_a_full_stop_gets_no_second_one() -> None:
    """ "2 449 per 100 000 inv." ends the sentence itself: no "inv.." in the description."""
    fmt = lambda v: f"{tal(v, 0)} per 100 000 inv."  # noqa: E731
    chart = svg(baslinje=P(2017, 2449.0), utfall=[P(2018, 2328.0)], fmt=fmt, malvarde=2000.0,
                malar=2025)  # fmt: skip
    label = tree(chart).find(f"{SVG}title")
    assert label is not None and label.text == (
        "Diagram: Test. Baslinje 2017: 2\u00a0449 per 100 000 inv. Utfall 2018: 2\u00a0328 per "
        "100 000 inv. Målvärde 2025: 2\u00a0000 per 100 000 inv."
    )


def _box(t: ElementTree.Element) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) of a text, from its anchor, length and the font size."""
    # the visible text: a <title> child is a tooltip, not drawn
    shown = (t.text or "") + "".join(c.tail or "" for c in t)
    x, y, n = float(t.get("x") or 0), float(t.get("y") or 0), len(shown)
    w = 8 * n
    left = {"end": x - w, "middle": x - w / 2}.get(t.get("text-anchor") or "", x)
    return left, left + w, y - FONT_SIZE, y


@pytest.mark.parametrize("gap", [2025, 2024, 2021])
def test_the_gap_marker_never_overlaps_the_malvarde_label(gap: int) -> None:
    """A målvärde of 0 sits on the axis, where the "?" of a missing value is drawn (riskområden
    2025: "?" on top of "Målvärde 2025: 0")."""
    text = svg(
        utfall=[P(2019, 1), P(2021, 1), P(2023, 2)],
        baslinje=P(2021, 1),
        malvarde=0.0,
        malar=2025,
        luckor=[Gap(gap)],
        fmt=lambda v: tal(v, 0),
    )
    texts = list(tree(text).iter(f"{SVG}text"))
    label = next(t for t in texts if (t.text or "").startswith("Målvärde 2025"))
    mark = next(t for t in texts if t.get("class") == "lucka")
    a, b = _box(label), _box(mark)
    apart = a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]
    assert apart, (a, b)


def test_a_value_whose_source_is_missing_is_hollow_and_explained() -> None:
    """A count resting on a klassning with ``sakerhet: saknas`` is no confirmed value: it gets
    its own hollow grey dot, a dashed line to it, a legend entry, and the marker in every text."""
    text = svg(utfall=[P(2020, 5.0), P(2021, 6.0, sakerhet="saknas"), P(2022, 7.0)])
    assert (
        '<circle class="saknas" cx="216.0" cy="77.5" r="4" fill="#ffffff" stroke="#6b6b6b" '
        'stroke-width="2" stroke-dasharray="1 1.5"><title>2021: 6,0\u00a0% (källa saknas)</title>'
        "</circle>"
    ) in text
    assert (
        '<circle cx="56.0" cy="96.2" r="4" fill="#1d4f91"><title>2020: 5,0\u00a0%</title>' in text
    )
    assert (
        '<polyline class="utfall streckad" points="56.0,96.2 216.0,77.5 376.0,58.8" fill="none" '
        'stroke="#1d4f91" stroke-width="2" stroke-dasharray="5 4"/>'
    ) in text
    assert (
        '<circle class="saknas" cx="110.0" cy="225.0" r="4" fill="#ffffff" stroke="#6b6b6b" '
        'stroke-width="2" stroke-dasharray="1 1.5"/>\n<text x="128.0" y="230.0">Källa saknas</text>'
    ) in text
    assert "Utfall 2020: 5,0\u00a0%; 2021: 6,0\u00a0% (källa saknas); 2022: 7,0\u00a0%." in text
    table = values_table(ident="x", titel="T", baslinje=P(2019, 4.0, sakerhet="saknas"),
                         utfall=[P(2021, 6.0, sakerhet="saknas")], malvarde=None, malar=None,
                         fmt=lambda v: tal(v, 1))  # fmt: skip
    assert re.findall(r'<td class="num">([^<]*)</td><td>([^<]*)</td>', table) == [
        ("4,0", "Baslinje (källa saknas)"),
        ("–", "Värde saknas"),  # 2020 (docs/decisions/0395)
        ("6,0", "Utfall (källa saknas)"),
    ]


@pytest.mark.parametrize("sakerhet", sorted(set(MARKERING) - {EJ_POLISEN}))
def test_every_value_the_report_marks_is_drawn_hollow_never_as_confirmed(sakerhet: str) -> None:
    """One rule for every channel: a value the text marks (``markering``) is not a filled dot,
    as a point, as the baseline and in the legend, whatever the certainty (a count confirmed,
    but not by the police, has a pale fill of its own: the next test)."""
    base = P(2019, 3.0, sakerhet=sakerhet)
    text = svg(baslinje=base, utfall=[base, P(2020, 4.0, sakerhet=sakerhet), P(2021, 5.0)])
    circles = list(tree(text).iter(f"{SVG}circle"))
    marked = [c for c in circles if c.get("class") == sakerhet]
    assert len(marked) == 3  # the point, the baseline's dot, the legend
    assert all(c.get("fill") == "#ffffff" and c.get("stroke") for c in marked)
    assert len([c for c in circles if c.get("fill") == "#1d4f91"]) == 2  # 2021 + legend
    assert f"2020: 4,0\u00a0% ({MARKERING[sakerhet]})" in text
    assert "Baslinje 2019: 3,0\u00a0% (" + MARKERING[sakerhet] + ")" in text


def test_a_count_confirmed_but_not_by_the_police_is_pale_never_as_confirmed() -> None:
    """docs/decisions/0500: the class ‡ is drawn between the filled and the hollow dots, as a
    point, as the baseline and in the legend, and its words are in every text of the value."""
    base = P(2019, 3.0, sakerhet=EJ_POLISEN)
    text = svg(baslinje=base, utfall=[base, P(2020, 4.0, sakerhet=EJ_POLISEN), P(2021, 5.0)])
    circles = list(tree(text).iter(f"{SVG}circle"))
    marked = [c for c in circles if c.get("class") == EJ_POLISEN]
    assert len(marked) == 3  # the point, the baseline's dot, the legend
    assert all(c.get("fill") == "#9db3d4" and c.get("stroke") == "#1d4f91" for c in marked)
    assert len([c for c in circles if c.get("fill") == "#1d4f91"]) == 2  # 2021 + legend
    assert ">Annan källa än polisen</text>" in text
    assert "2020: 4,0\u00a0% (annan källa än polisen)" in text
    assert "Baslinje 2019: 3,0\u00a0% (annan källa än polisen)" in text
    # confirmed: the line to it is solid, as to a filled dot
    assert '<polyline class="utfall" ' in text and "streckad" not in text


def test_a_value_not_known_is_a_gap_not_a_line_through_zero() -> None:
    """A year without a value next to one without a source: a "?" on the axis, no line, no dot
    at 0."""
    text = svg(utfall=[P(2020, 5.0), P(2022, 6.0, sakerhet="saknas")], luckor=[Gap(2021)])
    root = tree(text)
    assert polylines(text) == []
    x2021 = x_of(text, 2021)
    assert [c.get("cx") for c in root.iter(f"{SVG}circle") if float(c.get("cx", 0)) == x2021] == []
    assert "<title>2021: värde saknas</title>?</text>" in text
    assert ">Värde saknas</text>" in text and ">Källa saknas</text>" in text


#: a value's note from the data (a source's utgivare) with a control, line and paragraph
#: separators, a bidi override, a zero-width space and NUL
HOSTILE_NOTE = "antal enligt \x1b[31mGP\u2028::error::x\u2029\u202eevil\u200b\x00"
#: what the SVG must never hold (its text does not pass the page's Jinja finalize)
UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200b]")


def test_a_hostile_note_reaches_the_tooltips_clean_and_on_one_line() -> None:
    out = svg(noter={2021: HOSTILE_NOTE}, baslinje=P(2019, 15.0))
    assert UNCLEAN.findall(out) == []
    titles = [t.text for t in tree(out).iter(f"{SVG}title")]
    assert "2021: 15,8\u00a0% (antal enligt [31mGP ::error::x evil)" in titles
