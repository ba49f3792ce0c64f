"""The tables as one xlsx workbook, one sheet per table, with XlsxWriter.

Why XlsxWriter (and not openpyxl) for writing: it writes each cell with an explicit type
(``write_string``, ``write_number``), so a text from the data is always a text cell and never a
formula, whatever it begins with, and the option ``strings_to_formulas`` is off as a second
guard; it has the formatting we need (bold header, frozen first row, autofilter, column
widths); it is pure Python with no dependencies; and with a fixed creation date its output is
the same bytes for the same data (zip members carry 1980-01-01). openpyxl is used only by the
tests, to read the file back.

Every text is cleaned first (:mod:`utsatta.export.cells`). A text longer than a cell holds
(32 767 characters) is cut and ends with a visible Swedish marker saying how many characters
were left out and where the whole text is; each cut is also a note in :class:`XlsxBook` for the
user (docs/decisions/0108-export-cells.md). CSV keeps the whole text.

Every sheet: a bold header row with a fill and borders, frozen, an autofilter over the data,
column widths from the longest line (capped), Excel's "number stored as text" mark turned off
over the text columns. A column whose texts are longer than the widest column or have line
breaks wraps, its line breaks kept, and a row is as high as its longest such text up to
:data:`MAX_LINES` lines; every cell sits at the top of its row
(docs/decisions/0491-langa-texter-i-xlsx.md).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from utsatta import escape
from utsatta.compute.report_date import ReportDate, calendar_date
from utsatta.errors import MissingLibrary
from utsatta.export.cells import CellError, clean_text, number_of, source_of, where
from utsatta.export.csvfile import safe_text
from utsatta.export.om_filen import FASTA_RADER
from utsatta.export.om_filen import NAMN as OM_FILEN_NAMN
from utsatta.export.table import Column, Table
from utsatta.numbers import WrittenFloat, heltal
from utsatta.version import VERKTYG

__all__ = [
    "FIXED_CREATED",
    "INSTALL_XLSX",
    "MAX_CELL",
    "XlsxBook",
    "XlsxUnavailableError",
    "cut_marker",
    "xlsx_book",
    "xlsx_bytes",
]

INSTALL_XLSX: Final = "python -m pip install 'utsatta[xlsx]'"


class XlsxUnavailableError(MissingLibrary):
    """Raised when XlsxWriter (the extra utsatta[xlsx]) is not installed."""


#: the workbook's creation date when none comes from the data: never the clock
FIXED_CREATED: Final = datetime(1980, 1, 1, tzinfo=UTC)
#: widths in Excel's character units
MIN_WIDTH: Final = 6
MAX_WIDTH: Final = 60
#: Excel's limit on the length of a cell's text, in UTF-16 code units (Excel's characters)
MAX_CELL: Final = 32767


@dataclass(frozen=True)
class XlsxBook:
    """The workbook's bytes and what the user should be told about them (Swedish notes, one
    per text that had to be cut)."""

    content: bytes
    notes: tuple[str, ...] = ()


def _units(text: str) -> int:
    """The length as Excel counts it: UTF-16 code units (a character outside the BMP is 2)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def cut_marker(left_out: int, fil: str | None) -> str:
    """The text that ends a cut cell: how much is missing and where the whole text is. ``fil``
    is :func:`~utsatta.export.cells.source_of` the cell: the data file and the text's line
    ("rapporter/2023/x.yaml, rad 18"), as the note about the cut names them."""
    where_whole = f"i datafilen {fil}," if fil else "i datafilen"
    return (
        f" […] [KORTAD AV UTSATTA: {heltal(left_out)} tecken utelämnade, eftersom en cell i "
        f"Excel rymmer högst {heltal(MAX_CELL)} tecken. Hela texten finns {where_whole} och "
        "i CSV-exporten (utsatta export --format csv).]"
    )


def _head(text: str, room: int) -> str:
    """The longest start of ``text`` of at most ``room`` UTF-16 units."""
    used = 0
    for at, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > room:
            return text[:at]
    return text


def _fit(text: str, fil: str | None) -> tuple[str, int]:
    """``text`` cut to fill a cell exactly, the marker at its end, and how many characters
    were left out (0: it fits as it is)."""
    if _units(text) <= MAX_CELL:
        return text, 0
    # the marker's length depends on the number in it: settle it in a few rounds
    left_out = 1
    for _ in range(4):
        head = _head(text, MAX_CELL - _units(cut_marker(left_out, fil)))
        if len(text) - len(head) == left_out:
            break
        left_out = len(text) - len(head)
    cut = head + cut_marker(left_out, fil)
    if _units(cut) > MAX_CELL:  # pragma: no cover - the rounds did not settle (a digit more)
        head = _head(text, MAX_CELL - _units(cut_marker(10 * len(text), fil)))
        left_out = len(text) - len(head)
        cut = head + cut_marker(left_out, fil)
    return cut, left_out


def _cut_note(
    table: Table, index: int, column: Column, total: int, left_out: int, units: int
) -> str:
    # Excel counts UTF-16 units: an emoji is two. Say so when the two counts differ, or the
    # note would read "28 000 tecken, men en cell rymmer 32 767".
    size = (
        f"{heltal(total)} tecken"
        if units == total
        else f"{heltal(total)} tecken, {heltal(units)} som Excel räknar dem (tecken som "
        "emoji räknas som två)"
    )
    return (
        f"Texten i {where(table, index, column, blad=True)}, har {size}, men en cell i "
        f"Excel rymmer högst {heltal(MAX_CELL)}. I xlsx-filen är den kortad och slutar med en "
        f"markering om de {heltal(left_out)} tecken som utelämnades; hela texten finns i "
        "datafilen och i CSV-exporten (--format csv)."
    )


def _created(datum: str | ReportDate | None) -> datetime:
    if isinstance(datum, ReportDate):
        datum = datum.stored  # a made-up date is never stored as a fact
    day = calendar_date(datum)
    return FIXED_CREATED if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)


#: the notice sheet: characters in a line of its columns (widths 28 and 100), a line's height
NOTICE_CHARS: Final = (26, 95)
LINE_HEIGHT: Final = 15
#: a data sheet's row shows at most this many lines of a wrapped text: the table stays a table
#: to scan, the whole text is in the cell (docs/decisions/0491-langa-texter-i-xlsx.md)
MAX_LINES: Final = 8


def _lines(value: object, per_line: int) -> int:
    """How many lines a wrapped text takes in a column of ``per_line`` characters."""
    if not isinstance(value, str):
        return 1
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def _wraps(table: Table, col: int, width: int) -> bool:
    """Whether column ``col``'s texts wrap: it is as wide as a column gets and still too
    narrow, or a text in it has line breaks (Excel shows one line of a cell that does not wrap,
    the breaks lost)."""
    texts = [v for row in table.rows if isinstance(v := row[col], str)]
    return bool(texts) if width >= MAX_WIDTH else any("\n" in v for v in texts)


def _width(table: Table, col: int) -> int:
    longest = len(table.columns[col].namn)
    for row in table.rows:
        value = row[col]
        if value is None:
            continue
        if not isinstance(value, str):
            if isinstance(value, int) and abs(value) >= 10**300:
                return MAX_WIDTH  # str() of it could fail; writing it is refused with a place
            text = str(value)
        else:
            text = value
        longest = max(longest, max((len(line) for line in text.split("\n")), default=0))
        if longest >= MAX_WIDTH:
            return MAX_WIDTH
    return max(MIN_WIDTH, longest + 2)


#: the suffix of a format's name with Excel's quote prefix (a text that begins like a formula)
QUOTED: Final = "'"
#: the cell styles (beside the heading's); a number's decimals are added to them when needed
_STYLES: Final[dict[str, dict[str, Any]]] = {
    "wrap": {"text_wrap": True, "valign": "top"},
    "top": {"valign": "top"},
    "rubrik": {"bold": True, "text_wrap": True, "valign": "top"},
}


def _number_style(workbook: Any, formats: dict[str, Any], style: str, number: float) -> str:
    """``style`` for ``number``: with the decimals the file wrote when they end in zero
    (:class:`~utsatta.numbers.WrittenFloat`), so 46.0 shows as 46,0 as in the report
    (decision 0669); the format is added to the workbook the first time it is needed."""
    if type(number) is not WrittenFloat:
        return style
    decimals = number.decimals  # all it wrote: a format only shows, the value is exact
    named = f"{style}.{decimals}"
    if named not in formats:
        formats[named] = workbook.add_format(
            {**_STYLES[style], "num_format": "0." + "0" * decimals}
        )
    return named


def _sheet(workbook: Any, table: Table, formats: dict[str, Any], notes: list[str]) -> None:
    ws = workbook.add_worksheet(table.namn)
    notice = table.namn == OM_FILEN_NAMN
    #: the wrapping columns and the characters a line of each holds
    wrapped: dict[int, int] = {}
    for c, column in enumerate(table.columns):
        ws.write_string(0, c, column.namn, formats["head"])
        if notice:  # a page to read: headings bold on the left, the texts wrapped beside them
            ws.set_column(c, c, *((28, formats["rubrik"]) if c == 0 else (100, formats["wrap"])))
            continue
        width = _width(table, c)
        if _wraps(table, c, width):
            wrapped[c] = width - 3  # a little less than the width: a guess never too short
        ws.set_column(c, c, width, formats["wrap"] if c in wrapped else None)
    for r, row in enumerate(table.rows, start=1):
        # every cell at the top: beside a text of several lines a value stays on its first
        cell_format = [
            ("rubrik" if c == 0 else "wrap") if notice else "wrap" if c in wrapped else "top"
            for c in range(len(row))
        ]
        if wrapped and not notice:
            lines = max(_lines(row[c], n) for c, n in wrapped.items())
            if lines > 1:  # the row as high as its text, up to MAX_LINES lines
                ws.set_row(r, LINE_HEIGHT * min(lines, MAX_LINES))
        for c, value in enumerate(row):
            if value is None:
                continue
            column = table.columns[c]
            if isinstance(value, str):
                whole = clean_text(value, column)
                text, left_out = whole, 0
                if _units(whole) > MAX_CELL:  # the line is looked up only for a cut
                    text, left_out = _fit(whole, source_of(table, r - 1, column))
                if left_out:
                    notes.append(
                        _cut_note(table, r - 1, column, len(whole), left_out, _units(whole))
                    )
                # a text Excel would read as a formula once edited (F2, Enter) keeps its
                # quote prefix: it stays text, as the CSV's leading ' keeps it
                style = cell_format[c] + ("" if safe_text(text) == text else QUOTED)
                status = ws.write_string(r, c, text, formats[style])
            else:
                number = number_of(value, table, r - 1, column)
                style = _number_style(workbook, formats, cell_format[c], number)
                # + 0 makes -0.0 a 0.0 (not "-0" in the sheet, as the CSV writes "0"); an int
                # stays exact
                status = ws.write_number(r, c, number + 0, formats[style])
            if status != 0:  # XlsxWriter's own refusal (-1 out of range, -2 too long …)
                raise CellError(
                    f"Värdet i {where(table, r - 1, column, blad=True)} kan inte skrivas i "
                    "xlsx-filen "
                    f"(XlsxWriter svarade {status}). Exportera som CSV (--format csv) och "
                    "rapportera gärna felet till utsattas utvecklare."
                )
    # the heading in view; in om_filen also the notice under it, that nothing made up is read
    # as real when the sheet is scrolled (om_filen.FASTA_RADER)
    ws.freeze_panes(1 + (FASTA_RADER if notice else 0), 0)
    if notice:
        # wrapped rows get the height of their text: LibreOffice (and Excel for a row written
        # by a program) keep one line's height otherwise, the lines drawn over each other
        for r, row in enumerate(table.rows, start=1):
            lines = max(_lines(v, n) for v, n in zip(row, NOTICE_CHARS, strict=False))
            ws.set_row(r, LINE_HEIGHT * lines)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        return
    last_row = max(len(table.rows), 1)
    ws.autofilter(0, 0, last_row, len(table.columns) - 1)
    _text_is_meant(ws, table)


def _text_is_meant(ws: Any, table: Table) -> None:
    """Tell Excel that a text column's digits ("1", "2" in fokusomrade) are text on purpose:
    without it Excel marks each such cell "Talet är lagrat som text" and offers to convert it,
    which would break the id and make the sheets filter differently. Every text in the export
    is a text on purpose (strings_to_numbers is off), so the mark is turned off over every text
    column, not only the id columns."""
    from xlsxwriter.utility import xl_range

    if not table.rows:
        return
    ranges = [
        xl_range(1, c, len(table.rows), c)
        for c, column in enumerate(table.columns)
        if column.typ == "text"
    ]
    if ranges:
        ws.ignore_errors({"number_stored_as_text": " ".join(ranges)})


def xlsx_bytes(data: Sequence[Table], *, datum: str | ReportDate | None = None) -> bytes:
    """The workbook's bytes (see :func:`xlsx_book`, which also gives the notes)."""
    return xlsx_book(data, datum=datum).content


def xlsx_book(data: Sequence[Table], *, datum: str | ReportDate | None = None) -> XlsxBook:
    """The workbook: one sheet per table, in the order given. ``datum`` (the year's
    :func:`~utsatta.compute.report_date.report_date`, or an ISO date the caller vouches for)
    is the workbook's creation date; without it, or when it is made up, a fixed date, so the
    bytes are stable and no invented date is stored as a fact.

    Raises :class:`CellError` (Swedish, exit 1) for a value no workbook can hold, never a
    Python error from XlsxWriter."""
    try:
        import xlsxwriter
    except ImportError as exc:
        raise XlsxUnavailableError(
            "xlsx kräver Python-paketet XlsxWriter, som inte är installerat. Installera det med: "
            f"{INSTALL_XLSX} (eller exportera som CSV med --format csv)."
        ) from exc

    buf = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            # every cell is written with its type; these keep any text a text, as a second guard
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties(
        {
            "title": "Utsatta: export",
            "created": _created(datum),
            "language": "sv-SE",
            # the version, as om_filen and the report name it (decision 0630)
            "comments": f"Skriven av {VERKTYG}.",
        }
    )
    formats = {
        "head": workbook.add_format(
            {"bold": True, "bg_color": "#DDE4EE", "bottom": 1, "text_wrap": False}
        ),
        **{name: workbook.add_format(style) for name, style in _STYLES.items()},
        # the same with Excel's quote prefix, for a text that begins like a formula
        **{
            name + QUOTED: workbook.add_format({**style, "quote_prefix": True})
            for name, style in _STYLES.items()
        },
    }
    notes: list[str] = []
    try:
        for table in data:
            _sheet(workbook, table, formats, notes)
        workbook.close()
    except (ValueError, OverflowError, TypeError) as exc:  # XlsxWriter on a value: no traceback
        detail = escape.shorten(f"{type(exc).__name__}: {exc}", 200)
        raise CellError(
            "xlsx-filen kan inte skrivas: XlsxWriter avvisade ett värde (XlsxWriter skriver på "
            f'engelska: "{detail}"). Exportera som CSV (--format csv) och rapportera gärna '
            "felet till utsattas utvecklare."
        ) from exc
    return XlsxBook(buf.getvalue(), tuple(notes))
