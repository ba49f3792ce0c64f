"""What every writer does to a cell before it is written, whatever the format.

* Text is cleaned the way the reports clean it, so no data controls a terminal that shows a
  CSV file (``cat``), a spreadsheet or a script that reads it: a prose column (names, the
  nämnd's texts) goes through :func:`utsatta.escape.prose` (C0 and C1 controls, DEL, bidi
  embeddings, overrides and isolates, zero-width and other invisible format characters are
  removed; CR and the other line breaks become LF, a tab a space; line breaks stay), a code or
  file column (``slag="id"``) through :func:`utsatta.escape.identifier` (such characters are
  shown as ``\\x1b`` or ``<U+202E>``, so a file name stays findable and two names never look
  the same). docs/decisions/0108-export-cells.md.
* A hard space (U+00A0, U+202F: the number formatter's, or pasted from Word) in a prose cell
  becomes a plain space: in a spreadsheet it only keeps "100 000" from matching a search or a
  filter typed with an ordinary space. docs/decisions/0405-hart-mellanslag-i-tal.md.
* A number that no format can hold (not finite, or an integer too long to write) is a
  :class:`CellError` naming table, row and column, never a Python exception from a writer.
* :func:`where` describes a row for a message: its key columns and the data file it comes from.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Final

from utsatta import escape
from utsatta.errors import UtsattaError
from utsatta.export.table import Cell, Column, Table

__all__ = [
    "KEY_COLUMNS",
    "CellError",
    "clean_text",
    "column_letter",
    "file_of",
    "number_of",
    "relative_file",
    "source_of",
    "where",
]

#: the columns that say which row it is, in the order they are named in a message
KEY_COLUMNS: Final = ("ar", "organisation", "insats", "indikator", "typ", "omrade", "upplaga")
#: the column holding the data file a row comes from
FILE_COLUMN: Final = "kallfil"
_KEY_WORDS: Final = {"ar": "år", "omrade": "område"}


class CellError(UtsattaError):
    """A value that cannot be written in the export (exit 1); the message names the place."""


def relative_file(path: Path, root: Path) -> str:
    """The file as named inside the data folder ("rapporter/2023/x.yaml"), else its name: the
    same data gives the same tables wherever it is exported."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


#: hard spaces and the plain space a text cell gets for them
_HARD_SPACES: Final = str.maketrans({"\u00a0": " ", "\u202f": " "})


def clean_text(value: str, column: Column) -> str:
    """``value`` safe for any spreadsheet, CSV reader or terminal (see the module)."""
    if column.slag == "id":
        return escape.identifier(value)
    return escape.prose(value).translate(_HARD_SPACES)


def file_of(table: Table, row: tuple[Cell, ...]) -> str | None:
    """The data file (relative to the data folder) that ``row`` comes from, if the table says."""
    for column, value in zip(table.columns, row, strict=True):
        if column.namn == FILE_COLUMN and isinstance(value, str) and value:
            return escape.identifier(value)
    return None


def column_letter(index: int) -> str:
    """The spreadsheet's name of column ``index`` (from 0): A … Z, AA …"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def where(table: Table, index: int, column: Column, *, blad: bool = False) -> str:
    """Where a cell is, in Swedish: "tabellen insatsrapporter, rad 5 (år 2023, organisation
    higab, insats 2:3), kolumnen motivering, från rapporter/2023/higab.yaml, rad 14"; with
    ``blad`` (a note about the workbook) "bladet insatsrapporter, cell N5 (rad 5, kolumnen
    motivering; år 2023, …), från …". ``index`` counts the data rows from 0; the row number given
    is the spreadsheet's (the header is row 1); the data file's line when the row knows it."""
    row = table.rows[index]
    keys = []
    for key in KEY_COLUMNS:
        for c, value in zip(table.columns, row, strict=True):
            if c.namn == key and value is not None:
                shown = escape.identifier(value) if isinstance(value, str) else str(value)
                keys.append(f"{_KEY_WORDS.get(key, key)} {escape.shorten(shown, 40)}")
    rad = index + 2
    if blad:
        cell = f"{column_letter(table.columns.index(column))}{rad}"
        text = f"bladet {table.namn}, cell {cell} (rad {rad}, kolumnen {column.namn}"
        text += f"; {', '.join(keys)})" if keys else ")"
    else:
        text = f"tabellen {table.namn}, rad {rad}"
        if keys:
            text += f" ({', '.join(keys)})"
        text += f", kolumnen {column.namn}"
    fil = source_of(table, index, column)
    return text + f", från {fil}" if fil else text


def source_of(table: Table, index: int, column: Column) -> str | None:
    """Where the value of ``column`` in data row ``index`` is written in the data: "rapporter/
    2023/higab.yaml, rad 14"; the file alone when the line is not known (the file changed since
    it was read), None when the table names no file. The one spelling for every message and
    every cell that points to the data (:func:`where`, the marker of a cut cell)."""
    fil = file_of(table, table.rows[index])
    if not fil:
        return None
    origin = table.origin(index)
    line = origin.line(column.nyckel) if origin is not None else None
    return fil + (f", rad {line}" if line is not None else "")


def number_of(value: int | float, table: Table, index: int, column: Column) -> int | float:
    """``value`` if every format can write it, else a :class:`CellError` saying where it is."""
    if isinstance(value, bool):  # pragma: no cover - tables hold ja/nej as text
        raise CellError(f"Ett ja/nej-värde står som tal i {where(table, index, column)}.")
    if isinstance(value, int):
        # Python writes at most 4 300 digits; Excel holds about 15 significant ones anyway
        if abs(value) < 10**300:
            return value
    elif math.isfinite(value):
        return value
    raise CellError(
        f"Talet {_number_text(value)} i {where(table, index, column)} kan "
        "inte skrivas i ett kalkylark (det är oändligt, inte ett tal, eller för stort). Rätta "
        "värdet i datafilen och exportera igen."
    )


def _number_text(value: int | float) -> str:
    if isinstance(value, int):
        # str() of a very long integer is itself a ValueError: the size from the bit length
        return f"(ett heltal med omkring {int(value.bit_length() * 0.30103) + 1} siffror)"
    return repr(value)
