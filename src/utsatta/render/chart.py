"""One small line chart per indicator, as inline SVG: baseline, utfall and målvärde, accessible
and byte-for-byte deterministic. Why hand-written SVG: docs/decisions/0018-inline-svg-charts.md;
what the chart may and may not suggest: docs/decisions/0093-diagram-som-inte-vilseleder.md.

* The value axis always includes 0, so a small change never looks like a collapse; it never
  goes below 0 for data that does not (all zero: 0 to 1), and its description says where it
  starts and ends, from the ticks drawn.
* A line joins two values only when the data shows they are consecutive measurements (two
  years in a row, adjacent police editions, one matintervall apart) and measured the same way;
  a year between them where a value may have been is marked "?" (docs/decisions/0395).
* Only a confirmed value is a filled dot; a count whose levels are confirmed, but not all by
  the police's own publication, has a pale fill in a dark ring (docs/decisions/0500); every
  other one is hollow: a secondary one (sekundär uppgift) with a solid ring, an inferred one
  (slutledd) with a dashed ring, one whose source is missing (källa saknas) with a grey dotted
  ring; the line to an inferred value or one without a
  source is dashed. Which values are not confirmed is the one rule of the report's text
  (``compute.indicators.markering``): a marked certainty the chart has no drawing of is drawn
  as the weakest, never as confirmed. The baseline is drawn the same way, with a square around
  its dot. The legend shows the kinds that occur.
* A value that is not what the rest of the series is (a count a source states for an edition,
  not one counted from the areas' levels: ``noter``) is a diamond, filled or hollow by the same
  rule, and a line under the legend names it in words after the same diamond ("2015: 6 (antal
  enligt Göteborgs-Posten)"); its tooltip, the chart's description and its table say the same
  (docs/decisions/0350-angivet-antal-vid-vardet.md).
* The value a development without a målvärde is measured from, when it is not the baseline
  (the last before the plan period), has a ring around its dot, "Trendens start" in the legend
  (docs/decisions/0501).
* The målvärde is a dashed line to the målår with its label; the unit and the source are text
  inside the SVG (and in <title>/<desc>): a copied chart keeps them.
* The viewBox is 400 units wide with 14-unit text: shown at 342 px (a 390 px phone less the
  page's padding) the text is 12 px. The year axis runs to the report's year.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from html import escape as _html_escape

from utsatta.compute.indicators import markering
from utsatta.compute.police import EJ_POLISEN
from utsatta.escape import html_attr
from utsatta.render.chart_axis import CONTEXT, axis_text, dec, x_ticks, y_ticks
from utsatta.render.chart_text import (
    INGA,
    GapLike,
    PointLike,
    description,
    how_sure,
    sentence,
    wrap,
)
from utsatta.render.chart_years import joined, unvalued_years

__all__ = [
    "HEIGHT",
    "WIDTH",
    "GapLike",
    "PointLike",
    "how_sure",
    "indicator_svg",
]

WIDTH = 400
#: the height of the chart without its legend and source lines (they add rows below)
HEIGHT = 230
FONT_SIZE = 14
_LEFT, _RIGHT, _TOP, _PLOT_H = 48, 16, 40, 150
#: the left margin grows with long axis labels (about this many units a character), up to half
#: the width; a longer label (only for absurd values) runs off the edge but the chart stays valid
_CHAR_W = 8
_MAX_LEFT = WIDTH // 2
#: characters on one line of the source text below the chart
_LINE_CHARS = 46
_ROW = 20

_UTFALL = "#1d4f91"
_BASLINJE = "#444444"
_MAL = "#a4262c"
_GRID = "#d6d6d6"
_TEXT = "#222222"
_MUTED = "#595959"
_SAKNAS = "#6b6b6b"
#: the fill of a value confirmed by sources none of which is the police: between the filled and
#: the hollow dot, also in greyscale
_EJ_POLISEN = "#9db3d4"
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def _n(x: float) -> str:
    """A coordinate with a fixed format (one decimal, no "-0.0")."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def escape(text: str, *, quote: bool) -> str:
    """Text for the SVG, cleaned (:func:`utsatta.escape.html_attr`) and HTML-escaped: Jinja's
    finalize does not see it, and a tooltip holds data (a note; docs/decisions/0427)."""
    return _html_escape(html_attr(text), quote=quote)


def _attr(text: str) -> str:
    return escape(text, quote=True)


#: how sure a value is, as the chart draws it
_KINDS = ("bekraftad", EJ_POLISEN, "sekundar", "slutledd", "saknas")
_LEGEND_TEXT = {
    "bekraftad": "Utfall",
    EJ_POLISEN: "Annan källa än polisen",
    "sekundar": "Uppgift i andra hand",
    "slutledd": "Slutlett värde",
    "saknas": "Källa saknas",
}
#: the kinds whose line is dashed: the value is not a measurement the data can show
_DASHED = frozenset({"slutledd", "saknas"})


def _kind(p: PointLike) -> str:
    """bekraftad, bekraftad-ej-polisen, sekundar, slutledd or saknas. A value is confirmed
    exactly when the report writes no marker after it (``markering``): without a stated
    certainty it is the data's own utfall; a certainty with a marker the chart has no drawing
    of is drawn as the weakest."""
    sakerhet = getattr(p, "sakerhet", None)
    if not markering(sakerhet):
        return "bekraftad"
    return sakerhet if sakerhet in _KINDS else "saknas"


#: half the diagonal of the diamond of a value with a note (a count a source states)
_RUTER = 6


def _marker(kind: str, x: float, y: float, title: str = "", *, not_: bool = False) -> str:
    """A value's marker: its fill and ring say how sure it is (filled only when confirmed); a
    value with a note (a count a source states, not one computed) is a diamond, not a dot, so
    the difference survives print in greyscale."""
    inner = f"<title>{escape(title, quote=False)}</title>" if title else ""
    tag = "polygon" if not_ else "circle"
    close = f">{inner}</{tag}>" if inner else "/>"
    if not_:
        d = _RUTER
        shape = (
            f'points="{_n(x)},{_n(y - d)} {_n(x + d)},{_n(y)} {_n(x)},{_n(y + d)} '
            f'{_n(x - d)},{_n(y)}"'
        )
    else:
        shape = f'cx="{_n(x)}" cy="{_n(y)}" r="4"'
    classes = [c for c in ("angivet" if not_ else "", "" if kind == "bekraftad" else kind) if c]
    cls = f' class="{" ".join(classes)}"' if classes else ""
    if kind == "bekraftad":
        return f'<{tag}{cls} {shape} fill="{_UTFALL}"{close}'
    if kind == EJ_POLISEN:  # confirmed, not by the police: filled, but paler (0500)
        return (
            f'<{tag}{cls} {shape} fill="{_EJ_POLISEN}" stroke="{_UTFALL}" stroke-width="2"{close}'
        )
    dash = {"slutledd": ' stroke-dasharray="2 2"', "saknas": ' stroke-dasharray="1 1.5"'}
    colour = _SAKNAS if kind == "saknas" else _UTFALL
    return (
        f'<{tag}{cls} {shape} fill="#ffffff" '
        f'stroke="{colour}" stroke-width="2"{dash.get(kind, "")}{close}'
    )


def _runs(
    points: Sequence[PointLike], gaps: Sequence[int] = (), matar: Sequence[int] | None = None
) -> list[tuple[bool, list[PointLike]]]:
    """The stretches of line: (dashed, points). Two values are joined only when they are
    consecutive measurements (:func:`joined`), measured the same way, with no year without a
    value between them; the stretch is dashed where either end is inferred or has no source."""
    runs: list[tuple[bool, list[PointLike]]] = []
    current: list[PointLike] = []
    dashed = False
    for p in points:
        prev = current[-1] if current else None
        if (
            prev is None
            or not joined(prev.ar, p.ar, matar)
            or p.metodbyte
            or any(prev.ar < g < p.ar for g in gaps)
        ):
            if len(current) > 1:
                runs.append((dashed, current))
            current, dashed = [p], False
            continue
        pair_dashed = bool(_DASHED.intersection((_kind(prev), _kind(p))))
        if len(current) > 1 and pair_dashed != dashed:
            runs.append((dashed, current))
            current = [prev]
        current.append(p)
        dashed = pair_dashed
    if len(current) > 1:
        runs.append((dashed, current))
    return runs


def indicator_svg(
    *,
    ident: str,
    titel: str,
    baslinje: PointLike | None,
    utfall: Sequence[PointLike],
    malvarde: float | None,
    malar: int | None,
    fmt: Callable[[float], str],
    fmt_tick: Callable[[Decimal, int], str],
    enhet: str,
    integer: bool = False,
    luckor: Sequence[GapLike] = (),
    kalla: str = "",
    noter: Mapping[int, str] = INGA,
    noter_forklaring: str = "",
    matar: Sequence[int] | None = None,
    till_ar: int | None = None,
    trendstart: PointLike | None = None,
    trendstart_text: str = "",
) -> str:
    """The SVG element for one indicator, or "" when there is nothing to draw.

    ``ident`` makes the element ids unique in the page; ``fmt`` formats a value for a label
    (Swedish, with its unit); ``fmt_tick(value, decimals)`` formats an axis label with the
    decimals the tick step needs; ``enhet`` names the unit for the y axis; ``integer`` keeps the
    axis steps whole (for counts); ``luckor`` are the years without a value; ``kalla`` names the
    source(s), shown in the chart. ``noter`` (year → words, e.g. "antal enligt
    Göteborgs-Posten") mark the values that are not what the rest of the series is: each is
    drawn as a diamond, named in a line of its own under the legend (``noter_forklaring`` after
    them, once) and in every text of the value (its tooltip, the chart's description).
    ``matar`` are the years the series is measured in, where the data says so (:func:`joined`);
    the year axis runs at least to ``till_ar`` (the report's year: granska14 F12). ``trendstart``
    (a value of ``utfall``) is the value a development is measured from when it is not the
    baseline: a ring around its dot, "Trendens start" in the legend, ``trendstart_text`` (the
    sentence of the figure's caption) its tooltip and in the description (granska14 F9,
    docs/decisions/0501)."""
    points = sorted(utfall, key=lambda p: p.ar)
    if baslinje is not None:
        points = [p for p in points if p.ar != baslinje.ar]
    if not points and baslinje is None:
        return ""
    valued = [p.ar for p in points] + ([baslinje.ar] if baslinje else [])
    gaps = unvalued_years(valued, luckor, matar)
    years = valued + gaps
    values = [p.varde for p in points] + ([baslinje.varde] if baslinje else [])
    target = malvarde is not None and malar is not None
    if target:
        assert malvarde is not None and malar is not None
        years.append(malar)
        values.append(malvarde)
    x0, x1 = min(years), max([*years, *([till_ar] if till_ar is not None else [])])
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    ticks, tick_decimals = y_ticks(values, integer)
    y_lo, y_hi = ticks[0], ticks[-1]
    tick_labels = [fmt_tick(t, tick_decimals) for t in ticks]
    left = min(_MAX_LEFT, max(_LEFT, 12 + _CHAR_W * max(len(label) for label in tick_labels)))
    plot_w = WIDTH - left - _RIGHT - 8  # room for the last year's label

    def px(year: float) -> float:
        return left + 8 + (year - x0) / (x1 - x0) * (plot_w - 8)

    y_span = CONTEXT.subtract(y_hi, y_lo)

    def py(value: float | Decimal) -> float:
        number = value if isinstance(value, Decimal) else dec(value)
        share = CONTEXT.divide(CONTEXT.subtract(y_hi, number), y_span)
        return _TOP + float(share) * _PLOT_H

    drawn = [*points, *([baslinje] if baslinje is not None else [])]
    kinds = [k for k in _KINDS if any(_kind(p) == k for p in drawn)]
    # the value a development is measured from, where it is a drawn value, not the baseline
    ring = next((p for p in points if trendstart is not None and p.ar == trendstart.ar), None)
    legend = _legend(kinds, baslinje is not None, target, bool(gaps), ring is not None)
    # Text from the data: no control, bidi or stray zero-width character (issue 16).
    kalla_text = html_attr(kalla) if kalla else ""
    source = wrap(f"Källa: {kalla_text}" if kalla else "Källa: anges inte.", _LINE_CHARS)
    legend_rows = 1 + max(row for row, _, _ in legend) if legend else 0
    notes = _note_lines(drawn, noter, noter_forklaring, fmt)
    height = HEIGHT + _ROW * (legend_rows + len(notes)) + 18 * len(source) + 4

    label = html_attr(
        description(titel, baslinje, points, malvarde, malar, fmt, gaps, noter)
        + (f" {sentence(trendstart_text)}" if ring is not None and trendstart_text else "")
    )
    enhet = html_attr(enhet)
    desc = f"Enhet: {enhet}. {axis_text(ticks, tick_labels)} {' '.join(source)}"
    sid = f"diagram-{ident}"
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" id="{_attr(sid)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        # the name is the short label, the description the <desc> (read once, not twice)
        f'aria-label="{_attr(label)}" font-family="{_attr(_FONT)}" '
        f'font-size="{FONT_SIZE}" fill="{_TEXT}">',
        f"<title>{escape(label, quote=False)}</title>",
        f"<desc>{escape(desc, quote=False)}</desc>",
        f'<text class="enhet" x="8" y="{_n(_TOP - 18)}" text-anchor="start">'
        f"{escape(enhet, quote=False)}</text>",
    ]
    for t, tick_label in zip(ticks, tick_labels, strict=True):
        y = py(t)
        out.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(WIDTH - _RIGHT)}" y2="{_n(y)}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{_n(left - 6)}" y="{_n(y + 5)}" text-anchor="end">'
            f"{escape(tick_label, quote=False)}</text>"
        )
    axis_y = _TOP + _PLOT_H
    zero_y = py(Decimal(0))
    out.append(
        f'<line class="noll" x1="{_n(left)}" y1="{_n(zero_y)}" x2="{_n(WIDTH - _RIGHT)}" '
        f'y2="{_n(zero_y)}" stroke="{_TEXT}" stroke-width="1"/>'
    )
    for year in x_ticks(x0, x1):
        x = px(year)
        out.append(
            f'<line x1="{_n(x)}" y1="{_n(axis_y)}" x2="{_n(x)}" y2="{_n(axis_y + 4)}" '
            f'stroke="{_TEXT}" stroke-width="1"/>'
        )
        out.append(f'<text x="{_n(x)}" y="{_n(axis_y + 20)}" text-anchor="middle">{year}</text>')

    if target:
        assert malvarde is not None and malar is not None
        start = baslinje.ar if baslinje is not None else x0
        y = py(malvarde)
        text_y = y - 7 if y - 7 > _TOP + FONT_SIZE else y + FONT_SIZE + 4
        label_text = f"Målvärde {malar}: {fmt(malvarde)}"
        text_y = _clear_of_gaps(text_y, px(malar), len(label_text), [px(g) for g in gaps])
        out.append(
            f'<line class="malvarde" x1="{_n(px(start))}" y1="{_n(y)}" x2="{_n(px(malar))}" '
            f'y2="{_n(y)}" stroke="{_MAL}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{_n(px(malar))}" y="{_n(text_y)}" text-anchor="end" fill="{_MAL}">'
            f"{escape(label_text, quote=False)}</text>"
        )

    line_points = sorted([*points, *([baslinje] if baslinje else [])], key=lambda p: p.ar)
    for dashed, run in _runs(line_points, gaps, matar):
        coords = " ".join(f"{_n(px(p.ar))},{_n(py(p.varde))}" for p in run)
        style = ' stroke-dasharray="5 4"' if dashed else ""
        cls = "utfall streckad" if dashed else "utfall"
        out.append(
            f'<polyline class="{cls}" points="{coords}" fill="none" stroke="{_UTFALL}" '
            f'stroke-width="2"{style}/>'
        )
    for p in points:
        title = f"{p.ar}: {fmt(p.varde)}{how_sure(p, noter)}"
        out.append(_marker(_kind(p), px(p.ar), py(p.varde), title, not_=p.ar in noter))
    if ring is not None:
        # the value the trend is measured from: a ring around its dot, named in the legend
        tip = f"<title>{escape(trendstart_text, quote=False)}</title>" if trendstart_text else ""
        out.append(f'<g class="trendstart">{tip}{_ring(px(ring.ar), py(ring.varde))}</g>')
    if baslinje is not None:
        # The baseline is a value like the others: its dot shows how sure it is, the square
        # around it that it is the baseline.
        bx, by = px(baslinje.ar), py(baslinje.varde)
        kind = _kind(baslinje)
        title = f"Baslinje {baslinje.ar}: {fmt(baslinje.varde)}{how_sure(baslinje, noter)}"
        out.append(
            f'<g class="baslinje"><title>{escape(title, quote=False)}</title>'
            f'<rect x="{_n(bx - 7)}" y="{_n(by - 7)}" width="14" height="14" fill="#ffffff" '
            f'stroke="{_BASLINJE}" stroke-width="2"/>'
            f"{_marker(kind, bx, by, not_=baslinje.ar in noter)}</g>"
        )
    for year in gaps:
        out.append(
            f'<text class="lucka" x="{_n(px(year))}" y="{_n(_GAP_Y)}" text-anchor="middle" '
            f'fill="{_SAKNAS}" font-weight="700"><title>{year}: värde saknas</title>?</text>'
        )

    top = HEIGHT
    for row, x, kind in legend:
        out.extend(_legend_item(kind, x, top + row * _ROW))
    for n, (marked, line) in enumerate(notes):
        y = top + (legend_rows + n) * _ROW
        if marked is not None:
            out.append(_marker(_kind(marked), 20, y - 5, not_=True))
        out.append(
            f'<text class="not" x="38" y="{_n(y)}">{escape(html_attr(line), quote=False)}</text>'
        )
    y = top + (legend_rows + len(notes)) * _ROW + 10
    for n, line in enumerate(source):
        out.append(
            f'<text class="kalla" x="8" y="{_n(y + 18 * n)}" fill="{_MUTED}">'
            f"{escape(line, quote=False)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


#: the baseline of a gap's "?" (just above the x axis), and the half width of its box
_GAP_Y = _TOP + _PLOT_H - 6
_GAP_HALF = 6


def _clear_of_gaps(text_y: float, right: float, chars: int, gap_xs: Sequence[float]) -> float:
    """The baseline of the målvärde label (right-aligned at ``right``, ``chars`` long) moved up
    above the "?" of a missing value when the two would overlap (a målvärde of 0 sits on the
    axis, right where a gap's "?" is drawn)."""
    left = right - _CHAR_W * chars
    gap_top = _GAP_Y - FONT_SIZE
    overlaps = any(left - _GAP_HALF <= x <= right + _GAP_HALF for x in gap_xs)
    if overlaps and text_y > gap_top - 2 and text_y - FONT_SIZE < _GAP_Y + 2:
        return gap_top - 4
    return text_y


_LEGEND_LABEL = {
    **_LEGEND_TEXT,
    "baslinje": "Baslinje",
    "trendstart": "Trendens start",
    "malvarde": "Målvärde",
    "lucka": "Värde saknas",
}


def _ring(x: float, y: float) -> str:
    """The trend's start: a ring around a value's dot, apart from it (the baseline's is a
    square), dark enough for print in greyscale."""
    return (
        f'<circle cx="{_n(x)}" cy="{_n(y)}" r="9" fill="none" stroke="{_BASLINJE}" '
        'stroke-width="2"/>'
    )


def _legend(
    kinds: list[str], baslinje: bool, target: bool, gaps: bool, trendstart: bool = False
) -> list[tuple[int, float, str]]:
    """(row, x, kind) of each legend item, flowing over rows within the width."""
    items = [*kinds]
    items += ["baslinje"] if baslinje else []
    items += ["trendstart"] if trendstart else []
    items += ["malvarde"] if target else []
    items += ["lucka"] if gaps else []
    placed: list[tuple[int, float, str]] = []
    row, x = 0, 8.0
    for kind in items:
        width = 30 + 8 * len(_LEGEND_LABEL[kind])
        if x > 8 and x + width > WIDTH - 8:
            row, x = row + 1, 8.0
        placed.append((row, x, kind))
        x += width + 12
    return placed


def _legend_item(kind: str, x: float, y: float) -> list[str]:
    text = f'<text x="{_n(x + 30)}" y="{_n(y)}">{_LEGEND_LABEL[kind]}</text>'
    if kind in _KINDS:
        return [_marker(kind, x + 12, y - 5), text]
    if kind == "baslinje":
        return [
            f'<rect x="{_n(x + 5)}" y="{_n(y - 12)}" width="14" height="14" fill="#ffffff" '
            f'stroke="{_BASLINJE}" stroke-width="2"/>',
            text,
        ]
    if kind == "trendstart":
        return [_ring(x + 12, y - 5), text]
    if kind == "malvarde":
        return [
            f'<line x1="{_n(x)}" y1="{_n(y - 5)}" x2="{_n(x + 24)}" y2="{_n(y - 5)}" '
            f'stroke="{_MAL}" stroke-width="2" stroke-dasharray="6 4"/>',
            text,
        ]
    return [
        f'<text x="{_n(x + 12)}" y="{_n(y)}" text-anchor="middle" fill="{_SAKNAS}" '
        f'font-weight="700">?</text>',
        text,
    ]


#: characters on one line of a note (after its marker, in the chart's text size)
_NOTE_CHARS = 42


def _note_lines(
    drawn: Sequence[PointLike],
    noter: Mapping[int, str],
    forklaring: str,
    fmt: Callable[[float], str],
) -> list[tuple[PointLike | None, str]]:
    """The lines under the legend that name each value with a note, its marker first on its
    first line ("2015: 6 (antal enligt Göteborgs-Posten)"), then ``forklaring`` once; empty
    without notes."""
    lines: list[tuple[PointLike | None, str]] = []
    for p in sorted((p for p in drawn if p.ar in noter), key=lambda p: p.ar):
        text = f"{p.ar}: {fmt(p.varde)}{how_sure(p, noter)}"
        for n, line in enumerate(wrap(text, _NOTE_CHARS)):
            lines.append((p if n == 0 else None, line))
    if lines and forklaring:
        lines += [(None, line) for line in wrap(f"({forklaring})", _NOTE_CHARS)]
    return lines
