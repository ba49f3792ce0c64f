"""The chart's axes (render.chart): the value axis's ticks at a "nice" step, in decimal
arithmetic (exact for every finite float), always with 0 on it, and said in words; the year
axis's ticks. What the axis may suggest: docs/decisions/0093-diagram-som-inte-vilseleder.md."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Context, Decimal

__all__ = ["CONTEXT", "axis_text", "dec", "x_ticks", "y_ticks"]

#: decimal arithmetic for the axis: exact for every finite float, whatever its size
CONTEXT = Context(prec=40, rounding=ROUND_HALF_EVEN, Emin=-999_999, Emax=999_999)
_FACTORS_INTEGER = (Decimal(1), Decimal(2), Decimal(5), Decimal(10))
_FACTORS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def dec(x: float) -> Decimal:
    """A float as the shortest decimal that reads back as it (``0.1`` is 0.1, not 0.1000…055)."""
    return Decimal(repr(float(x)))


def _nice_step(span: Decimal, integer: bool, count: int = 4) -> Decimal:
    """A step of 1, 2, (2.5,) 5 or 10 times a power of ten that covers ``span`` in ``count``."""
    raw = CONTEXT.divide(span, Decimal(count))
    if integer:
        raw = max(raw, Decimal(1))
    magnitude = Decimal(1).scaleb(raw.adjusted(), CONTEXT)
    for factor in _FACTORS_INTEGER if integer else _FACTORS:
        step = CONTEXT.multiply(factor, magnitude)
        if raw <= step:
            return step
    return CONTEXT.multiply(Decimal(10), magnitude)  # pragma: no cover - the loop returns


def y_ticks(values: Sequence[float], integer: bool) -> tuple[list[Decimal], int]:
    """Axis values at a "nice" step covering ``values``, and the decimals the step needs.

    The arithmetic is decimal, not binary: a tick is exactly a multiple of the step, the axis
    never collapses (the span is always > 0, also for 1e-12 or 1e300), and no tick overflows.
    """
    c = CONTEXT
    numbers = [dec(v) for v in values]
    # The axis always includes 0: a change is drawn in proportion to the whole value. So it is
    # empty only when every value is 0; it then runs 0 to 1, never below 0 for data that is not.
    lo, hi = min([*numbers, Decimal(0)]), max([*numbers, Decimal(0)])
    if lo == hi:
        hi = Decimal(1)
    step = _nice_step(c.subtract(hi, lo), integer)
    start = c.multiply(c.divide(lo, step).to_integral_value(ROUND_FLOOR), step)
    stop = c.multiply(c.divide(hi, step).to_integral_value(ROUND_CEILING), step)
    count = int(c.divide(c.subtract(stop, start), step).to_integral_value(ROUND_HALF_EVEN))
    ticks = [c.add(start, c.multiply(Decimal(i), step)) for i in range(count + 1)]
    exponent = step.normalize(c).as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return ticks, decimals


def axis_text(ticks: Sequence[Decimal], labels: Sequence[str]) -> str:
    """The value axis as drawn, in words: where it starts and ends, and that 0 is on it."""
    if ticks[0] == 0:
        return f"Värdeaxeln börjar på 0 och går till {labels[-1]}."
    if ticks[-1] == 0:
        return f"Värdeaxeln går från {labels[0]} till 0."
    return f"Värdeaxeln går från {labels[0]} till {labels[-1]}, med en linje vid 0."


def x_ticks(first: int, last: int) -> list[int]:
    every = 1 if last - first <= 8 else 2 if last - first <= 16 else 5
    # the last year always, and no tick the year before it: their labels would overlap
    return [*range(first, last - (every > 1), every), last]
