"""A number the report would not show as the file writes it: one in hexadecimal, octal or binary
form (YAML reads ``0x1F`` as 31, a number no file says), and one with more significant digits
than a float keeps, rounded where the report shows it (``123456789012345678.9`` is shown as
…680). Both found where the loader has the number's text (docs/decisions/0498)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation, localcontext

from utsatta.escape import shorten
from utsatta.numbers import MAX_DECIMALER

#: a whole number in another base than ten, as YAML 1.2 (``0x1F``, ``0o17``), YAML 1.1 and
#: programming languages write it (``0b101``, ``0X1F``, ``-0x1F``, ``0x1_F``)
_NON_DECIMAL = re.compile(r"[-+]?0([xXoObB])[0-9A-Za-z_]*\Z")
_BASES = {"x": (16, "hexadecimal"), "o": (8, "oktal"), "b": (2, "binär")}
#: the digits of each base, no '_': a value is offered only for a number read one way
_DIGITS = {16: re.compile(r"[0-9A-Fa-f]+\Z"), 8: re.compile(r"[0-7]+\Z"), 2: re.compile(r"[01]+\Z")}
#: the most digits a non-decimal number is read with to offer its value (bounded work; no
#: value of the data comes near: 2**64 has 16 hexadecimal digits)
_MOST = 20


def non_decimal(text: str) -> tuple[str, int | None] | None:
    """For a number written in another base (``0x1F``): how it is written ("hexadecimal form
    (0x)") and its value (None when it is not read one way); None for any other text."""
    match = _NON_DECIMAL.match(text.strip())
    if match is None:
        return None
    letter = match.group(1).lower()
    base, word = _BASES[letter]
    stripped = text.strip()
    digits = stripped.lstrip("+-")[2:]
    value: int | None = None
    if len(digits) <= _MOST and _DIGITS[base].match(digits):
        value = int(digits, base) * (-1 if stripped.startswith("-") else 1)
    return f"{word} form (0{letter})", value


def non_decimal_advice(
    text: str, key: str, fits: Callable[[int], bool] = lambda _n: True
) -> str | None:
    """What is wrong with a number written in another base and how to write it (``key``:
    "varde: ", or "" in a list; ``fits``: whether the field takes the value, else none is
    offered), or None when ``text`` is no such number."""
    found = non_decimal(text)
    if found is None:
        return None
    form, value = found
    fix = (
        f"Skriv talet i decimalform: {key}{value}."
        if value is not None and fits(value)
        else "Skriv talet i decimalform, med siffrorna 0–9."
    )
    return (
        f"{shorten(text.strip())} är skrivet i {form}, men ett tal i datafilerna ska vara "
        f"skrivet i decimalform. {fix}"
    )


def rounded(text: str, stored: float) -> str | None:
    """The value as stored, written out as the report shows it (``123456789012345680``),
    when the number ``text`` (as written in the file) is stored rounded so that the report,
    showing at most :data:`MAX_DECIMALER` decimals, would show another number; None when it
    would not (or when ``text`` is no decimal number). Bounded: a number with more than 50
    digits before its point is the other checks' (for-manga-siffror, for-stort-tal)."""
    try:
        with localcontext() as ctx:
            ctx.prec = 60
            step = Decimal(1).scaleb(-MAX_DECIMALER)
            as_written = Decimal(text.strip()).quantize(step)
            kept = Decimal(repr(stored))
            if as_written == kept.quantize(step):
                return None
    except (InvalidOperation, ValueError):
        return None
    # as render.labels.varde shows it: 12345678901234567891 is stored as …567168, not …567000
    exponent = kept.normalize().as_tuple().exponent
    decimals = min(MAX_DECIMALER, max(0, -exponent)) if isinstance(exponent, int) else 0
    return f"{stored:.{decimals}f}"
