"""A date as people write it, and the ÅÅÅÅ-MM-DD the data files want: the one helper that
every date's check asks for the corrected value (the follow-up's 'datum', a source's 'datum',
an organisation's 'fran'/'till'), so that '01-04-2026', '2026.04.01', '2026-04-01T10:00',
'2026-4-1' and '1 april 2026' all get the date to write (review skriv24, decision 0662)."""

import re
from typing import Final, NamedTuple

#: ÅÅÅÅ-MM-DD, two digits for month and day
_DAG = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


#: the months' Swedish names, January first (also the report's "december 2025")
MANADER: Final = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def no_such_day(year: int, month: int, day: int) -> str | None:
    """Why ÅÅÅÅ-MM-DD with a month 1–12 is no calendar date ("februari 2025 har 28 dagar"),
    or None when it is one."""
    import calendar

    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if year >= 1 and 1 <= day <= days:
        return None
    if year < 1:
        return "år 0000 har inga datum"
    return f"{MANADER[month - 1]} {year} har {days} dagar"


def why_no_day(value: str) -> str | None:
    """For text of the form ÅÅÅÅ-MM-DD: "" when it is a calendar date, else the reason in a
    sentence (" Dagen finns inte: februari 2025 har 28 dagar."); None for any other form."""
    if _DAG.match(value) is None:
        return None
    month = int(value[5:7])
    if not 1 <= month <= 12:
        return f" Månaden {value[5:7]} finns inte: den ska vara 01–12."
    reason = no_such_day(int(value[:4]), month, int(value[8:]))
    return "" if reason is None else f" Dagen finns inte: {reason}."


#: A date with a one-digit month or day: '2026-4-1'.
_UNPADDED = r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z"


def padded_day(value: str) -> str | None:
    """'2026-4-1' as '2026-04-01': the date written with two digits for month and day, when
    one of them has one and the result is a calendar date; else None."""
    m = re.match(_UNPADDED, value)
    if m is None:
        return None
    padded = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    return padded if padded != value and why_no_day(padded) == "" else None


#: A date written out in Swedish: '1 april 2026', 'den 1:a april 2026', 'april 2026'.
_WRITTEN = re.compile(
    rf"(?:den\s+)?(?:([0-9]{{1,2}})(?::[ae])?\s+)?({'|'.join(MANADER)})\s+([0-9]{{4}})",
    re.IGNORECASE,
)


def written_date(value: str, *, whole: bool) -> str | None:
    """'1 april 2026' as '2026-04-01' (and, unless ``whole``, 'april 2026' as '2026-04'):
    the date the words name when it is a calendar date; else None (decision 0658)."""
    m = _WRITTEN.fullmatch(value.strip()) if len(value) <= 40 else None
    if m is None or (whole and m[1] is None):
        return None
    month = f"{m[3]}-{MANADER.index(m[2].lower()) + 1:02d}"
    if m[1] is None:
        return month
    day = f"{month}-{int(m[1]):02d}"
    return day if why_no_day(day) == "" else None


# a NamedTuple, not a frozen dataclass: made at every start, and this is ~4x cheaper (0665)
class Corrected(NamedTuple):
    """A date written in another form: ``date`` is it as ÅÅÅÅ-MM-DD (or ÅÅÅÅ-MM), ``why``
    says what differs, after the value in quotes ("är inte skrivet som ÅÅÅÅ-MM-DD: …"), and
    ``other``, when not "", the other reading of a day-first date and what to write then."""

    date: str
    why: str
    other: str = ""


#: a date with a time: '2026-04-01T10:00', '2026-04-01 10:00:00', '…Z', '…+01:00'
_WITH_TIME = re.compile(
    r"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})[T ]+[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2}(?:[.,][0-9]+)?)?"
    r"\s*(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?\Z",
    re.IGNORECASE,
)
#: year first with dots or slashes: '2026.04.01', '2026/4/1'
_YEAR_FIRST = re.compile(r"([0-9]{4})([./])([0-9]{1,2})\2([0-9]{1,2})\Z")
#: day first, as Swedes often write: '01-04-2026', '1.4.2026', '1/4/2026'
_DAY_FIRST = re.compile(r"([0-9]{1,2})([-./])([0-9]{1,2})\2([0-9]{4})\Z")


def _day(year: str, month: str, day: str) -> str | None:
    text = f"{year}-{int(month):02d}-{int(day):02d}"
    return text if why_no_day(text) == "" else None


def corrected_date(value: str, *, whole: bool) -> Corrected | None:
    """``value`` as the date to write, when it is a calendar date written in another form:
    without leading zeros, with words ('1 april 2026'; unless ``whole``, 'april 2026' too),
    with a time, with dots or slashes, or day first (read as day, month, year: the Swedish
    order, said in the message, with the other reading when it is a date too). None for
    anything else, and for a form that is no calendar date."""
    value = value.strip()
    if len(value) > 40:
        return None
    if (padded := padded_day(value)) is not None:
        return Corrected(
            padded, "är inte skrivet som ÅÅÅÅ-MM-DD: månad och dag skrivs med två siffror."
        )
    if (written := written_date(value, whole=whole)) is not None:
        return Corrected(written, "är inte skrivet med siffror som ÅÅÅÅ-MM-DD.")
    if (m := _WITH_TIME.match(value)) is not None:
        date = padded_day(m[1]) or (m[1] if why_no_day(m[1]) == "" else None)
        if date is not None:
            return Corrected(date, "har ett klockslag, men här skrivs bara datum, utan klockslag.")
    if (m := _YEAR_FIRST.match(value)) is not None and (date := _day(m[1], m[3], m[4])):
        return Corrected(
            date,
            f"är inte skrivet som ÅÅÅÅ-MM-DD: år, månad och dag skiljs åt med bindestreck (-), "
            f"inte med '{m[2]}'.",
        )
    if (m := _DAY_FIRST.match(value)) is not None and (date := _day(m[4], m[3], m[1])):
        day, month = int(m[1]), int(m[3])
        said = f"{day} {MANADER[month - 1]} {m[4]}"
        other = ""
        if day != month and (swapped := _day(m[4], m[1], m[3])) is not None:
            other = (
                f" Menas {month} {MANADER[day - 1]} {m[4]} (månaden först), skriv i stället "
                f"{swapped}."
            )
        return Corrected(
            date,
            f"har dagen först (DD-MM-ÅÅÅÅ, som man ofta skriver i Sverige) och läses som {said}, "
            "men datum skrivs ÅÅÅÅ-MM-DD.",
            other,
        )
    return None


def why_other_form(value: str) -> str | None:
    """For a date written in another form whose numbers name no calendar date ('31-02-2026',
    '2026.13.01', '30 februari 2026'): how it was read and why that is no date, as a sentence
    (" Läst med dagen först: 31 februari 2026 finns inte, februari 2026 har 28 dagar."); a
    reading with the month first that is a date is offered ('12-31-2026'). None for any other
    text. The message said only "är inte ett datum" before (session 27)."""
    value = value.strip()
    if len(value) > 40:
        return None
    order = "med året först"
    if (m := _DAY_FIRST.match(value)) is not None:
        year, month, day, order = m[4], int(m[3]), int(m[1]), "med dagen först"
    elif (m := _YEAR_FIRST.match(value)) is not None:
        year, month, day = m[1], int(m[3]), int(m[4])
    elif (m := re.match(_UNPADDED, value)) is not None:
        year, month, day = m[1], int(m[2]), int(m[3])
    elif (w := _WRITTEN.fullmatch(value)) is not None and w[1] is not None:
        year, month, day = w[3], MANADER.index(w[2].lower()) + 1, int(w[1])
        order = ""
    else:
        return None
    read = f" Läst {order}:" if order else ""
    if not 1 <= month <= 12:
        why = f"{read} månaden {month} finns inte."
        if order == "med dagen först" and 1 <= day <= 12 and _day(year, str(day), str(month)):
            why += (
                f" Menas {month} {MANADER[day - 1]} {year} (månaden först), skriv "
                f"{_day(year, str(day), str(month))}."
            )
        return why
    reason = no_such_day(int(year), month, day)
    if reason is None:
        return None  # a date: corrected_date says how to write it
    said = f"{day} {MANADER[month - 1]} {year}"
    return f"{read} {said} finns inte, {reason}." if read else f" {said} finns inte: {reason}."
