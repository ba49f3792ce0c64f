"""When an övrigt uppdrag's tidsplan ends, and whether it has passed by the end of a year.

The plan stores the tidsplan as its own words (``KS 2021-11-24``, ``Beslut KS 2021-03-31 § 263``,
``2022 Q1``). Read from them: a date (``ÅÅÅÅ-MM-DD``) ends on that day, a quarter (``2022 Q1``,
``Q1 2022``) on its last day, a text whose only number is a year (``2023``) on 31 December.
With several of these the latest counts. Any other text has no end the tool can read, and is
never said to have passed. A year's status is the state at the end of the year (uppfoljning
model), so a tidsplan that ends within the year or before it has passed for that year's
follow-up (docs/decisions/0668-tidsplan-som-passerats.md).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

__all__ = ["OFARDIGA", "passerad", "tidsplan_slut"]

#: the statuses of an uppdrag that is not finished: these can be past their tidsplan
OFARDIGA: Final = frozenset({"ej-paborjad", "pagaende"})

_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_QUARTER = re.compile(
    r"(?<!\d)(?:(\d{4})\s*[Qq]([1-4])|[Qq]([1-4])\s*(\d{4}))(?!\d)", flags=re.ASCII
)
_NUMBER = re.compile(r"\d+", flags=re.ASCII)
_QUARTER_END: Final = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def tidsplan_slut(text: str) -> date | None:
    """The last day of the tidsplan ``text``, or None when it names no date, quarter or year."""
    ends: list[date] = []
    for m in _DATE.finditer(text):
        try:
            ends.append(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:  # 2021-13-45: not a date, so no end read from it
            continue
    for m in _QUARTER.finditer(text):
        year, quarter = (m[1], m[2]) if m[1] else (m[4], m[3])
        month, day = _QUARTER_END[int(quarter)]
        ends.append(date(int(year), month, day))
    if not ends:
        numbers = _NUMBER.findall(text)
        if len(numbers) == 1 and len(numbers[0]) == 4 and numbers[0][0] != "0":
            ends.append(date(int(numbers[0]), 12, 31))
    return max(ends) if ends else None


def passerad(tidsplan: str, ar: int, status: str) -> bool:
    """Whether an uppdrag with ``status`` at the end of ``ar`` is unfinished past ``tidsplan``."""
    slut = tidsplan_slut(tidsplan)
    return status in OFARDIGA and slut is not None and slut.year <= ar
