"""Numbers written the Swedish way, for every text a user reads (reports, how a status was
computed): decimal comma, a space between thousands, a real minus sign, never "−0".

A value (:func:`tal`) has a hard space (U+00A0, :data:`HART`) between thousands and before its
unit, so "100 000" and "15,7 %" never break over two lines in the PDF, the HTML or Markdown; a
terminal shows it as a space, and a spreadsheet's text cell gets a plain one
(:func:`utsatta.export.cells.clean_text`). docs/decisions/0405-hart-mellanslag-i-tal.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # not imported to run: utsatta.escape (every message) imports this module
    from decimal import Decimal

#: the space inside a number ("100 000") and between a number and its unit ("15,7 %")
HART: Final = "\u00a0"
#: the most decimals a value of the data is shown with (render.labels.decimaler); a number
#: that the file holds more exactly than a float is checked at this precision when loaded
MAX_DECIMALER: Final = 2


#: the most decimals a value that is not zero is shown with so that it does not print as zero
#: (:func:`tal`): a value of the data has at most 20 digits written out (model.common MAX_DIGITS)
MOST_DECIMALS: Final = 20


#: the most written decimals a value keeps (a float has 15–17 significant digits)
MOST_WRITTEN_DECIMALS: Final = 15


class WrittenFloat(float):
    """A number from a file whose written decimals end in zero (``46.0``, ``81.50``), which a
    float forgets: ``decimals`` keeps how many were written, so the report shows "46,0 %" as the
    source did, not "46 %" beside 44,5 (docs/decisions/0669). Arithmetic gives a plain float."""

    __slots__ = ("decimals",)
    decimals: int


def written_float(text: str) -> float:
    """``text`` (a decimal number as YAML writes one, ``46.0``) as a float, a
    :class:`WrittenFloat` when its decimals end in zero; the shortest repr keeps the rest."""
    value = float(text)
    point = text.find(".")
    if point < 0 or not text.endswith("0") or "e" in text or "E" in text:
        return value
    kept = WrittenFloat(value)
    # bounded: a file's "46.000…" of a thousand zeros must not become a thousand in a CSV cell
    # or an xlsx number format (Excel refuses one longer than 255 characters)
    kept.decimals = min(len(text) - point - 1, MOST_WRITTEN_DECIMALS)
    return kept


#: a sign and a decimal point as a number in other digits may write them: the minus sign,
#: the full-width forms, the Arabic decimal separator, a comma (Swedish)
_OTHER_SIGNS = {"\u2212": "-", "\uff0d": "-", "\uff0b": "+"}
_OTHER_POINTS = frozenset(".,\u066b\uff0e\uff0c")


def ascii_number(text: str) -> str | None:
    """A number written with the digits of another script (``١٢٣``, full-width ``１２``,
    Devanagari ``१२``) as the digits 0–9 (``"123"``), with its sign and decimal point (``.``):
    only when every character is a decimal digit (``unicodedata.decimal``; not ² or ①, which
    are no digits of a number), but for one leading sign and one decimal point, and at least
    one digit is not 0–9. None for anything else (decision 0679)."""
    import unicodedata

    body = text.strip()
    if body.isascii() or not body or len(body) > 40:
        return None
    sign = ""
    if body[0] in "+-" or body[0] in _OTHER_SIGNS:
        sign, body = _OTHER_SIGNS.get(body[0], body[0]), body[1:]
    out: list[str] = []
    point = False
    for char in body:
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            out.append(str(digit))
        elif char in _OTHER_POINTS and not point and out:
            point = True
            out.append(".")
        else:
            return None
    if not out or out[-1] == ".":
        return None
    return sign + "".join(out)


def heltal(n: int) -> str:
    """A count in a message, exactly (no float on the way): ``heltal(32767)`` is "32 767",
    ``heltal(-3)`` "−3". Its space is a plain one: a message is read in a terminal, a CI log or
    a spreadsheet note, where a hard space keeps nothing together and only surprises a search
    or a paste into YAML (a value in the report is :func:`tal`'s)."""
    return f"{n:,}".replace(",", " ").replace("-", "−")


def tal(
    value: float | Decimal,
    decimals: int,
    suffix: str = "",
    *,
    trim: bool = False,
    hard: bool = True,
    nonzero: bool = True,
) -> str:
    """``tal(15.66, 1, " %")`` is "15,7 %", ``tal(-1234.5, 0)`` "−1 234". With ``trim``,
    trailing zeros go: ``tal(9.10, 2, trim=True)`` is "9,1", ``tal(12.0, 2, trim=True)`` "12".
    Every space written, between thousands and a suffix's leading one, is :data:`HART`; with
    ``hard=False`` a plain one, for a message (as :func:`heltal`).

    A value that is not zero never prints as zero: one that ``decimals`` would round to 0 gets
    the decimals down to its first significant digit (``tal(0.000001, 2)`` is "0,000001"), at
    most :data:`MOST_DECIMALS` (decision 0679). ``nonzero=False`` for a chart's axis, whose
    ticks are positions, not values."""
    text = f"{value:,.{decimals}f}"
    if nonzero and value and not text.strip("-0.,"):
        first = -math.floor(math.log10(abs(float(value))))
        text = f"{value:,.{min(max(decimals, first), MOST_DECIMALS)}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if suffix.startswith(" "):
        suffix = HART + suffix[1:]
    text = text.replace(",", HART).replace(".", ",").replace("-", "−") + suffix
    return text if hard else text.replace(HART, " ")


def year_runs(years: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive years, first and last of each, in order: 1991…2016 and 2018 give
    [(1991, 2016), (2018, 2018)]. Years a measurement interval apart are not a run: a range
    says every year in it (granska10 F11)."""
    runs: list[tuple[int, int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return runs


def run_text(run: tuple[int, int]) -> str:
    """A run of years as written: "1991–2016", or "2018" for one year."""
    return f"{run[0]}–{run[1]}" if run[0] != run[1] else str(run[0])
