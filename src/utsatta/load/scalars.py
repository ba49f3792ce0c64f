"""Plain YAML scalars resolved by the YAML 1.2 core schema, with a bound on numbers.

Python refuses to convert integers of more than ``sys.get_int_max_str_digits()`` digits, and a
finding must never echo thousands of digits: numbers past the bound are a finding, not a value
(docs/decisions/0063).
"""

from __future__ import annotations

import re
from typing import Any

from utsatta.findings import Finding, Severity
from utsatta.numbers import written_float

#: A number written with at most 15 characters has at most 15 significant digits and is stored
#: as written (DBL_DIG): only longer ones may be rounded (load/written_numbers.py).
MAX_EXACT = 15
#: How the numbers YAML 1.2 reads in another base than ten begin (``0x1F``, ``0o17``).
BASED = ("0x", "0o")

#: The plain scalars that are not text by their whole spelling.
KEYWORDS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "+.Inf": float("inf"),
    "+.INF": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
#: How every plain scalar that is a number begins.
NUMBER_START = frozenset("0123456789-+.")


#: The most digits an integer may have. Python refuses to convert more than
#: sys.get_int_max_str_digits() (4300 by default) and a finding must never echo thousands of
#: digits; no count, year or value in utsatta's data needs more than 20.
MAX_INT_DIGITS = 20


class NumberTooLarge(ValueError):
    """A plain scalar that YAML reads as a number too large to be one (see MAX_INT_DIGITS)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def resolve_plain(text: str) -> Any:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema.

    Raises NumberTooLarge for an integer with more than MAX_INT_DIGITS digits, and for a
    number written with digits that is too large for a float (``1e999``: it would become
    infinity); ``.inf`` and ``.nan`` are resolved, and judged by the models.
    """
    if text in KEYWORDS:
        return KEYWORDS[text]
    if text[0] in NUMBER_START:
        if _INT.match(text):
            if len(text) > MAX_INT_DIGITS and len(text.lstrip("+-")) > MAX_INT_DIGITS:
                raise NumberTooLarge(text)
            return int(text)
        if _FLOAT.match(text):
            value = written_float(text)
            if value in (_INF, -_INF):
                raise NumberTooLarge(text)
            return value
        if text.startswith(("0x", "0o")) and len(text) > 2:
            if len(text) > MAX_INT_DIGITS + 2:
                raise NumberTooLarge(text)
            try:
                return int(text[2:], 16 if text[1] == "x" else 8)
            except ValueError:
                return text
    return text


_INF = float("inf")


def too_large(line: int, column: int, text: str) -> Finding:
    """The finding for a number too large to read (the caller names the file)."""
    from utsatta.escape import shorten, shorten_number
    from utsatta.load.written_numbers import non_decimal

    based = non_decimal(text)
    if _FLOAT.match(text) and not _INT.match(text):
        what = f"Talet {shorten_number(text)} är för stort för att räkna med (det blir oändligt)."
    elif based is not None:
        # its digits are no decimal digits to count (granska15 #4): the form, and the bound
        what = (
            f"Talet {shorten(text, 30)} är skrivet i {based[0]} och är för stort: utsatta "
            f"läser tal i decimalform, och heltal med högst {MAX_INT_DIGITS} siffror."
        )
    else:
        what = (
            f"Talet {shorten_number(text)} är för stort: utsatta läser heltal med högst "
            f"{MAX_INT_DIGITS} siffror."
        )
    return Finding(
        "",
        line,
        column,
        "for-stort-tal",
        Severity.FEL,
        f"{what} Kontrollera värdet (har något klistrats in flera gånger?); ska det vara text, "
        "sätt det inom citattecken. Resten av filen kontrolleras när talet är rättat.",
    )
