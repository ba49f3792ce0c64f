"""Numbers written the Swedish way, for every text a user reads (reports, how a status was
computed): decimal comma, a space between thousands, a real minus sign, never "−0"."""

from __future__ import annotations

from decimal import Decimal


def heltal(n: int) -> str:
    """A whole number the same way, exactly (no float on the way): ``heltal(32767)`` is
    "32 767", ``heltal(-3)`` "−3"."""
    return f"{n:,}".replace(",", " ").replace("-", "−")


def tal(value: float | Decimal, decimals: int, suffix: str = "", *, trim: bool = False) -> str:
    """``tal(15.66, 1, " %")`` is "15,7 %", ``tal(-1234.5, 0)`` "−1 234". With ``trim``,
    trailing zeros go: ``tal(9.10, 2, trim=True)`` is "9,1", ``tal(12.0, 2, trim=True)`` "12"."""
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace("-", "−") + suffix
