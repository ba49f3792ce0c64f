"""The shape of an exported table: named, typed columns with a Swedish description, and rows.

A table is plain data, the same for every writer (CSV, xlsx): the writers only decide how a
value is spelled in their format. Values are ``str`` (text), ``int`` or ``float`` (numbers),
or ``None`` (empty cell); yes/no is the text "ja"/"nej", so it reads the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from utsatta.findings import Path_
from utsatta.load.dataset import SourceFile

__all__ = ["Cell", "Column", "Origin", "Slag", "Table", "Typ", "first", "marks_first"]

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
    #: the YAML key the value is written under in the row's mapping (see :class:`Origin`), so a
    #: message can name its line; None when the value is not written in the data as it is
    nyckel: str | None = None


@dataclass(frozen=True)
class Origin:
    """Where a row stands in its data file: the file and the data path of the row's mapping
    (``("insatser", 2)``). The line is looked up only when a message needs it (the file is
    read again then, see :meth:`utsatta.load.dataset.SourceFile.positions`)."""

    source: SourceFile[Any]
    path: Path_

    def line(self, key: str | None = None) -> int | None:
        """The line of ``key`` in the row's mapping (of the mapping itself without a key), or
        None when the file has changed since it was read or cannot be read again."""
        positions = self.source.positions()
        if self.source.changed:
            return None
        path = (*self.path, key) if key else self.path
        if path not in positions.values and path not in positions.keys:
            path = self.path
            if path not in positions.values and path not in positions.keys:
                return None
        return positions.locate(path)[0]


@dataclass(frozen=True)
class Table:
    #: the file name (without .csv) and the sheet name: ASCII, at most 31 characters
    namn: str
    #: one sentence: what one row is
    beskrivning: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: per row, where it stands in its data file (empty, or one per row, None where unknown)
    origins: tuple[Origin | None, ...] = field(default=(), compare=False)

    def origin(self, index: int) -> Origin | None:
        """Where data row ``index`` (from 0) stands in its data file, if known."""
        return self.origins[index] if index < len(self.origins) else None

    def __post_init__(self) -> None:
        if self.origins and len(self.origins) != len(self.rows):
            raise ValueError(
                f"{self.namn}: {len(self.origins)} ursprung för {len(self.rows)} rader"
            )
        width = len(self.columns)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"{self.namn}: en rad har {len(row)} värden, väntat {width}")


def first(table: Table, namn: str) -> Table:
    """``table`` with its column ``namn`` moved to the front, the cells of every row with it
    (the table as it is when it has no such column)."""
    names = [c.namn for c in table.columns]
    if namn not in names:
        return table
    i = names.index(namn)

    def moved(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return (items[i], *items[:i], *items[i + 1 :])

    return Table(
        table.namn,
        table.beskrivning,
        moved(table.columns),
        tuple(moved(r) for r in table.rows),
        table.origins,
    )


def marks_first(table: Table, namn: str) -> Table:
    """``table`` with its column ``namn``, and each column whose name ends with "_" + ``namn``
    (``utfall_illustrativ``), moved to the front in their order (:func:`first`)."""
    names = [c.namn for c in table.columns if c.namn == namn or c.namn.endswith("_" + namn)]
    for name in reversed(names):
        table = first(table, name)
    return table
