"""When an övrigt uppdrag's tidsplan ends, and whether it has passed by the end of a year.

The plan stores the tidsplan as its own words (``KS 2021-11-24``, ``Beslut KS 2021-03-31 § 263``,
``2022 Q1``). The end read from them is the latest day the words can mean, so that "passed" is
never said too early: a date is that day, a month (``2024-06``) and a quarter (``2022 Q1``,
``Q1 2022``, ``2022-Q1``) their last day, a year (2000–2099, also the second of ``2022–2023`` and
of ``2022/23``, a short range only when its two digits come after the year's: ``2026/01`` is
2026) its 31 December, and with several the latest counts. A number that is no time is not read:
``§ 263``, ``v. 45``, and a reference whose year says when a case or a text began, not when the
uppdrag ends (a diarienummer ``Dnr 1669``, ``dnr 1673/20``, ``KS 2021/1234``, a paragraph
``§ 12/2023``, a designation ``prop. 2021/22:45``, ``SFS 2021:1234``). A text with an impossible
date (``2021-13-45``), or with none of these, has no end the tool can read and is never said to
have passed. A year's status is the state at the end of the year (uppfoljning model), so a
tidsplan that ends within the year or before it has passed for that year's follow-up
(docs/decisions/0668-tidsplan-som-passerats.md, 0672-tidsplanens-tal.md).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date
from typing import Final

__all__ = ["OFARDIGA", "passerad", "tidsplan_slut"]

#: the statuses of an uppdrag that is not finished: these can be past their tidsplan
OFARDIGA: Final = frozenset({"ej-paborjad", "pagaende"})

# Read in this order, each match blanked out before the next pattern, so that the year of a
# date is not read again as a year of its own. Dashes: '-', '‐', '‑', '–', '—'.
_D = "[-\u2010\u2011\u2013\u2014]"
_DATE = re.compile(rf"(?<!\d)(\d{{4}}){_D}(\d{{2}}){_D}(\d{{2}})(?!\d)")
_QUARTER = re.compile(
    rf"(?<!\d)(?:(\d{{4}})\s*{_D}?\s*[Qq]([1-4])|[Qq]([1-4])\s*(\d{{4}}))(?!\d)", flags=re.ASCII
)
_MONTH = re.compile(rf"(?<!\d)(\d{{4}}){_D}(0[1-9]|1[0-2])(?!\d)")
#: numbers that name a case or a text, not a time: blanked out, never read (decision 0672)
_REFERENCE = re.compile(
    # a diarienummer after its word: Dnr 1669, dnr 0123/21, Dnr KS 2021/1234
    r"(?i:\b(?:dnr|diarienr|diarienummer))\b\.?:?\s*(?:[A-ZÅÄÖ]{1,5}\s*)?\d+(?:\s*/\s*\d+)?"
    # a paragraph: § 263, § 12/2023
    r"|§\s*\d+(?:\s*/\s*\d+)?"
    # a designation: prop. 2021/22:45, bet. 2021/22:JuU5, SFS 2021:1234
    r"|(?<!\d)\d{4}(?:\s*/\s*\d{2})?:[A-Za-zÅÄÖåäö]*\d+"
    # a year and a serial number of three digits or more, not a year: KS 2021/1234
    r"|(?<!\d)\d{4}\s*/\s*(?!20\d{2}(?!\d))\d{3,}"
)
_SHORT_RANGE = re.compile(rf"(?<!\d)(20\d{{2}})\s*(?:/|{_D})\s*(\d{{2}})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_QUARTER_END: Final = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def _quarter_end(m: re.Match[str]) -> date:
    return date(int(m[1] or m[4]), *_QUARTER_END[int(m[2] or m[3])])


def _month_end(m: re.Match[str]) -> date:
    year, month = int(m[1]), int(m[2])
    return date(year, month, calendar.monthrange(year, month)[1])


def _short_range_end(m: re.Match[str]) -> date:
    # 2022/23, 2022–23: the second year, in the first one's century; 2026/01 is no range back
    # to 2001 but the year 2026 (a month, a serial number): the later of the two
    return date(max(int(m[1]), 2000 + int(m[2])), 12, 31)


#: the patterns in the order they are read, and the last day each match can mean (None: a
#: number that is no time, blanked out so that no later pattern reads a year in it)
_READ: Final[tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], date | None]], ...]] = (
    (_DATE, lambda m: date(int(m[1]), int(m[2]), int(m[3]))),
    (_REFERENCE, lambda m: None),
    (_QUARTER, _quarter_end),
    (_MONTH, _month_end),
    (_SHORT_RANGE, _short_range_end),
    (_YEAR, lambda m: date(int(m[1]), 12, 31)),
)


def tidsplan_slut(text: str) -> date | None:
    """The last day the tidsplan ``text`` can mean, or None when it names no date, month,
    quarter or year outside a reference (or an impossible date)."""
    ends: list[date] = []
    for pattern, end in _READ:
        try:
            ends += [day for m in pattern.finditer(text) if (day := end(m)) is not None]
        except ValueError:  # 2021-13-45: not a date, so what the text means is not known
            return None
        text = pattern.sub(" ", text)
    return max(ends) if ends else None


def passerad(tidsplan: str, ar: int, status: str) -> bool:
    """Whether an uppdrag with ``status`` at the end of ``ar`` is unfinished past ``tidsplan``."""
    slut = tidsplan_slut(tidsplan)
    return status in OFARDIGA and slut is not None and slut.year <= ar
