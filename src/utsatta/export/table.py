"""The shape of an exported table: named, typed columns with a Swedish description, and rows.

A table is plain data, the same for every writer (CSV, xlsx): the writers only decide how a
value is spelled in their format. Values are ``str`` (text), ``int`` or ``float`` (numbers),
or ``None`` (empty cell); yes/no is the text "ja"/"nej", so it reads the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Cell", "Column", "Slag", "Table", "Typ"]

Cell = str | int | float | None
#: text, heltal (whole number), tal (number, maybe with decimals), ja/nej
Typ = Literal["text", "heltal", "tal", "ja/nej"]
#: how a writer cleans a text: "prosa" (names, texts: controls and bidi removed as in the
#: reports) or "id" (codes, ids, file names: such characters made visible)
Slag = Literal["prosa", "id"]


@dataclass(frozen=True)
class Column:
    #: the column name: ASCII, lower case, as in the YAML keys (Power BI and scripts use it)
    namn: str
    typ: Typ
    #: what the column holds, in Swedish, for the table of column descriptions
    beskrivning: str
    slag: Slag = "prosa"


@dataclass(frozen=True)
class Table:
    #: the file name (without .csv) and the sheet name: ASCII, at most 31 characters
    namn: str
    #: one sentence: what one row is
    beskrivning: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"{self.namn}: en rad har {len(row)} värden, väntat {width}")
