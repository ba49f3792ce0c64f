"""One small line chart per indicator, as inline SVG: baseline, utfall and målvärde, accessible
and byte-for-byte deterministic. Why hand-written SVG: docs/decisions/0018-inline-svg-charts.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Context, Decimal
from html import escape
from typing import Protocol

from utsatta.escape import html_attr

__all__ = ["HEIGHT", "WIDTH", "indicator_svg"]

WIDTH = 560
HEIGHT = 250
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 24, 28, 64
#: the left margin grows with long axis labels (about this many pixels a character), up to half
#: the width; a longer label (only for absurd values) runs off the edge but the chart stays valid
_CHAR_W = 7
_MAX_LEFT = WIDTH // 2

_UTFALL = "#1d4f91"
_BASLINJE = "#444444"
_MAL = "#a4262c"
_GRID = "#d6d6d6"
_TEXT = "#222222"
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


class PointLike(Protocol):
    """A value in a year; ``compute.progress.Point`` fits."""

    @property
    def ar(self) -> int: ...
    @property
    def varde(self) -> float: ...
    @property
    def metodbyte(self) -> bool: ...


def _n(x: float) -> str:
    """A coordinate with a fixed format (one decimal, no "-0.0")."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def _attr(text: str) -> str:
    return escape(text, quote=True)


#: decimal arithmetic for the axis: exact for every finite float, whatever its size
_CONTEXT = Context(prec=40, rounding=ROUND_HALF_EVEN, Emin=-999_999, Emax=999_999)
_FACTORS_INTEGER = (Decimal(1), Decimal(2), Decimal(5), Decimal(10))
_FACTORS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def _dec(x: float) -> Decimal:
    """A float as the shortest decimal that reads back as it (``0.1`` is 0.1, not 0.1000…055)."""
    return Decimal(repr(float(x)))


def _nice_step(span: Decimal, integer: bool, count: int = 4) -> Decimal:
    """A step of 1, 2, (2.5,) 5 or 10 times a power of ten that covers ``span`` in ``count``."""
    raw = _CONTEXT.divide(span, Decimal(count))
    if integer:
        raw = max(raw, Decimal(1))
    magnitude = Decimal(1).scaleb(raw.adjusted(), _CONTEXT)
    for factor in _FACTORS_INTEGER if integer else _FACTORS:
        step = _CONTEXT.multiply(factor, magnitude)
        if raw <= step:
            return step
    return _CONTEXT.multiply(Decimal(10), magnitude)  # pragma: no cover - the loop returns


def _y_ticks(values: Sequence[float], integer: bool) -> tuple[list[Decimal], int]:
    """Axis values at a "nice" step covering ``values``, and the decimals the step needs.

    The arithmetic is decimal, not binary: a tick is exactly a multiple of the step, the axis
    never collapses (the span is always > 0, also for 1e-12 or 1e300), and no tick overflows.
    """
    c = _CONTEXT
    numbers = [_dec(v) for v in values]
    lo, hi = min(numbers), max(numbers)
    if lo == hi:
        pad = c.divide(abs(lo), Decimal(10)) if lo else Decimal(1)
        lo, hi = c.subtract(lo, pad), c.add(hi, pad)
    step = _nice_step(c.subtract(hi, lo), integer)
    start = c.multiply(c.divide(lo, step).to_integral_value(ROUND_FLOOR), step)
    stop = c.multiply(c.divide(hi, step).to_integral_value(ROUND_CEILING), step)
    count = int(c.divide(c.subtract(stop, start), step).to_integral_value(ROUND_HALF_EVEN))
    ticks = [c.add(start, c.multiply(Decimal(i), step)) for i in range(count + 1)]
    exponent = step.normalize(c).as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return ticks, decimals


def _x_ticks(first: int, last: int) -> list[int]:
    span = last - first
    every = 1 if span <= 10 else 2 if span <= 20 else 5
    return [y for y in range(first, last + 1) if (y - first) % every == 0 or y == last]


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
) -> str:
    """The SVG element for one indicator, or "" when there is nothing to draw.

    ``ident`` makes the element ids unique in the page; ``fmt`` formats a value for a label
    (Swedish, with its unit); ``fmt_tick(value, decimals)`` formats an axis label with the
    decimals the tick step needs; ``enhet`` names the unit for the y axis; ``integer`` keeps the
    axis steps whole (for counts).
    """
    points = sorted(utfall, key=lambda p: p.ar)
    if baslinje is not None:
        points = [p for p in points if p.ar != baslinje.ar]
    if not points and baslinje is None:
        return ""
    years = [p.ar for p in points] + ([baslinje.ar] if baslinje else [])
    values = [p.varde for p in points] + ([baslinje.varde] if baslinje else [])
    target = malvarde is not None and malar is not None
    if target:
        assert malvarde is not None and malar is not None
        years.append(malar)
        values.append(malvarde)
    x0, x1 = min(years), max(years)
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    ticks, tick_decimals = _y_ticks(values, integer)
    y_lo, y_hi = ticks[0], ticks[-1]
    tick_labels = [fmt_tick(t, tick_decimals) for t in ticks]
    left = min(_MAX_LEFT, max(_LEFT, 12 + _CHAR_W * max(len(label) for label in tick_labels)))
    plot_w = WIDTH - left - _RIGHT
    plot_h = HEIGHT - _TOP - _BOTTOM

    def px(year: float) -> float:
        return left + (year - x0) / (x1 - x0) * plot_w

    y_span = _CONTEXT.subtract(y_hi, y_lo)

    def py(value: float | Decimal) -> float:
        number = value if isinstance(value, Decimal) else _dec(value)
        share = _CONTEXT.divide(_CONTEXT.subtract(y_hi, number), y_span)
        return _TOP + float(share) * plot_h

    # Text from the data: no control, bidi or stray zero-width character (issue 16).
    label = html_attr(_description(titel, baslinje, points, malvarde, malar, fmt))
    enhet = html_attr(enhet)
    sid = f"diagram-{ident}"
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" id="{_attr(sid)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="{_attr(label)}" font-family="{_attr(_FONT)}" font-size="12" '
        f'fill="{_TEXT}">',
        f"<title>{escape(label, quote=False)}</title>",
        f'<text x="{_n(left)}" y="{_n(_TOP - 12)}" text-anchor="start">'
        f"{escape(enhet, quote=False)}</text>",
    ]
    for t, tick_label in zip(ticks, tick_labels, strict=True):
        y = py(t)
        out.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(WIDTH - _RIGHT)}" y2="{_n(y)}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{_n(left - 6)}" y="{_n(y + 4)}" text-anchor="end">'
            f"{escape(tick_label, quote=False)}</text>"
        )
    axis_y = HEIGHT - _BOTTOM
    out.append(
        f'<line x1="{_n(left)}" y1="{_n(axis_y)}" x2="{_n(WIDTH - _RIGHT)}" y2="{_n(axis_y)}" '
        f'stroke="{_TEXT}" stroke-width="1"/>'
    )
    for year in _x_ticks(x0, x1):
        x = px(year)
        out.append(
            f'<line x1="{_n(x)}" y1="{_n(axis_y)}" x2="{_n(x)}" y2="{_n(axis_y + 4)}" '
            f'stroke="{_TEXT}" stroke-width="1"/>'
        )
        out.append(f'<text x="{_n(x)}" y="{_n(axis_y + 17)}" text-anchor="middle">{year}</text>')
    out.append(
        f'<text x="{_n(left + plot_w / 2)}" y="{_n(axis_y + 32)}" text-anchor="middle">År</text>'
    )

    if target:
        assert malvarde is not None and malar is not None
        start = baslinje.ar if baslinje is not None else x0
        y = py(malvarde)
        out.append(
            f'<line class="malvarde" x1="{_n(px(start))}" y1="{_n(y)}" x2="{_n(px(malar))}" '
            f'y2="{_n(y)}" stroke="{_MAL}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{_n(px(malar))}" y="{_n(y - 6)}" text-anchor="end" fill="{_MAL}">'
            f"Målvärde {malar}: {escape(fmt(malvarde), quote=False)}</text>"
        )

    # Utfall: one line per stretch measured the same way, a dot per value.
    line_points = sorted([*points, *([baslinje] if baslinje else [])], key=lambda p: p.ar)
    segments: list[list[PointLike]] = []
    for p in line_points:
        if not segments or p.metodbyte:
            segments.append([])
        segments[-1].append(p)
    for seg in segments:
        if len(seg) > 1:
            coords = " ".join(f"{_n(px(p.ar))},{_n(py(p.varde))}" for p in seg)
            out.append(
                f'<polyline class="utfall" points="{coords}" fill="none" stroke="{_UTFALL}" '
                f'stroke-width="2"/>'
            )
    for p in points:
        out.append(
            f'<circle cx="{_n(px(p.ar))}" cy="{_n(py(p.varde))}" r="4" fill="{_UTFALL}">'
            f"<title>{p.ar}: {escape(fmt(p.varde), quote=False)}</title></circle>"
        )
    if baslinje is not None:
        bx, by = px(baslinje.ar), py(baslinje.varde)
        out.append(
            f'<rect x="{_n(bx - 5)}" y="{_n(by - 5)}" width="10" height="10" fill="#ffffff" '
            f'stroke="{_BASLINJE}" stroke-width="2"><title>Baslinje {baslinje.ar}: '
            f"{escape(fmt(baslinje.varde), quote=False)}</title></rect>"
        )

    # Legend below the axis.
    ly = HEIGHT - 10
    lx = left
    out.append(f'<circle cx="{_n(lx + 4)}" cy="{_n(ly - 4)}" r="4" fill="{_UTFALL}"/>')
    out.append(f'<text x="{_n(lx + 14)}" y="{_n(ly)}">Utfall</text>')
    lx += 80
    out.append(
        f'<rect x="{_n(lx)}" y="{_n(ly - 9)}" width="10" height="10" fill="#ffffff" '
        f'stroke="{_BASLINJE}" stroke-width="2"/>'
    )
    out.append(f'<text x="{_n(lx + 16)}" y="{_n(ly)}">Baslinje</text>')
    if target:
        lx += 90
        out.append(
            f'<line x1="{_n(lx)}" y1="{_n(ly - 4)}" x2="{_n(lx + 24)}" y2="{_n(ly - 4)}" '
            f'stroke="{_MAL}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        out.append(f'<text x="{_n(lx + 30)}" y="{_n(ly)}">Målvärde</text>')
    out.append("</svg>")
    return "\n".join(out)


def _description(
    titel: str,
    baslinje: PointLike | None,
    points: Sequence[PointLike],
    malvarde: float | None,
    malar: int | None,
    fmt: Callable[[float], str],
) -> str:
    """The chart in words, for screen readers (and the tooltip)."""
    parts = [f"Diagram: {titel}."]
    if baslinje is not None:
        parts.append(f"Baslinje {baslinje.ar}: {fmt(baslinje.varde)}.")
    if points:
        values = "; ".join(f"{p.ar}: {fmt(p.varde)}" for p in points)
        parts.append(f"Utfall {values}.")
    if malvarde is not None and malar is not None:
        parts.append(f"Målvärde {malar}: {fmt(malvarde)}.")
    else:
        parts.append("Målvärde saknas.")
    return " ".join(parts)
