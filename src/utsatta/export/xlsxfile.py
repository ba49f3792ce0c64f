"""The tables as one xlsx workbook, one sheet per table, with XlsxWriter.

Why XlsxWriter (and not openpyxl) for writing: it writes each cell with an explicit type
(``write_string``, ``write_number``), so a text from the data is always a text cell and never a
formula, whatever it begins with, and the option ``strings_to_formulas`` is off as a second
guard; it has the formatting we need (bold header, frozen first row, autofilter, column
widths); it is pure Python with no dependencies; and with a fixed creation date its output is
the same bytes for the same data (zip members carry 1980-01-01). openpyxl is used only by the
tests, to read the file back.

Every sheet: a bold header row with a fill and borders, frozen, an autofilter over the data,
column widths from the longest value (capped), text cells that wrap for the long texts.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Final

from utsatta.errors import UtsattaError
from utsatta.export.table import Table

__all__ = ["FIXED_CREATED", "INSTALL_XLSX", "XlsxUnavailableError", "xlsx_bytes"]

INSTALL_XLSX: Final = "python -m pip install 'utsatta[xlsx]'"


class XlsxUnavailableError(UtsattaError):
    """Raised when XlsxWriter (the extra utsatta[xlsx]) is not installed."""


#: the workbook's creation date when none comes from the data: never the clock
FIXED_CREATED: Final = datetime(1980, 1, 1, tzinfo=UTC)
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
#: widths in Excel's character units
MIN_WIDTH: Final = 6
MAX_WIDTH: Final = 60
#: Excel's limit on the length of a cell's text
MAX_CELL: Final = 32767


def _created(datum: str | None) -> datetime:
    m = _ISO_DATE.fullmatch(datum or "")
    if m is None:
        return FIXED_CREATED
    try:
        return datetime(int(m[1]), int(m[2]), int(m[3]), tzinfo=UTC)
    except ValueError:
        return FIXED_CREATED


def _width(table: Table, col: int) -> int:
    longest = len(table.columns[col].namn)
    for row in table.rows:
        value = row[col]
        if value is None:
            continue
        text = value if isinstance(value, str) else str(value)
        longest = max(longest, max((len(line) for line in text.split("\n")), default=0))
        if longest >= MAX_WIDTH:
            return MAX_WIDTH
    return max(MIN_WIDTH, longest + 2)


def _sheet(workbook: Any, table: Table, formats: dict[str, Any]) -> None:
    ws = workbook.add_worksheet(table.namn)
    for c, column in enumerate(table.columns):
        ws.write_string(0, c, column.namn, formats["head"])
        width = _width(table, c)
        ws.set_column(c, c, width, formats["wrap"] if width >= MAX_WIDTH else None)
    for r, row in enumerate(table.rows, start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                if len(value) > MAX_CELL:
                    raise ValueError(
                        f"En text i {table.namn}, kolumnen {table.columns[c].namn}, är längre "
                        f"än Excels gräns på {MAX_CELL} tecken."
                    )
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    ws.freeze_panes(1, 0)
    last_row = max(len(table.rows), 1)
    ws.autofilter(0, 0, last_row, len(table.columns) - 1)


def xlsx_bytes(data: Sequence[Table], *, datum: str | None = None) -> bytes:
    """The workbook: one sheet per table, in the order given. ``datum`` (an ISO date from the
    data) is the workbook's creation date; without it a fixed date, so the bytes are stable."""
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
        {"title": "Utsatta: export", "created": _created(datum), "language": "sv-SE"}
    )
    formats = {
        "head": workbook.add_format(
            {"bold": True, "bg_color": "#DDE4EE", "bottom": 1, "text_wrap": False}
        ),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
    }
    for table in data:
        _sheet(workbook, table, formats)
    workbook.close()
    return buf.getvalue()
