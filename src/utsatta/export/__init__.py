"""`utsatta export ÅR`: the data of one report year as tidy tables in CSV or xlsx.

Library use::

    from utsatta.export import export, tables
    data = tables(dataset, 2023)                      # list[Table]
    export(dataset, 2023, "xlsx", Path("uppfoljning-2023.xlsx"))
    export(dataset, 2023, "csv", Path("export-2023"))  # a folder, one CSV per table
    written = export(dataset, 2023, "xlsx", path)      # the paths written, a list ...
    written.notes                                      # ... with notes for the user (Swedish)

The first table, ``om_filen``, says what the export is (:mod:`utsatta.export.om_filen`);
``insatsrapporter`` has a row for every report owed and missing
(:mod:`utsatta.export.saknade`); ``bedomningar`` holds stadsledningskontorets assessments
(:mod:`utsatta.export.bedomningar`).

A value no format can hold (an infinite number) is :class:`CellError` (exit 1) naming table,
row, column and data file. A text longer than an Excel cell holds is cut in the workbook with a
visible marker, and said in ``notes`` naming sheet, cell, row, column, data file and its line
(the CSV files keep the whole text).

The tables are described in :mod:`utsatta.export.tables`, the CSV dialect in
:mod:`utsatta.export.csvfile`, the workbook in :mod:`utsatta.export.xlsxfile`, and how files are
written in :mod:`utsatta.export.write`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from utsatta.export.cells import CellError
from utsatta.export.table import Cell, Column, Table
from utsatta.export.tables import tables

if TYPE_CHECKING:
    from utsatta.compute.report_date import ReportDate
    from utsatta.load.dataset import DataSet

__all__ = [
    "Cell",
    "CellError",
    "Column",
    "ExportFormat",
    "Exported",
    "Table",
    "csv_files",
    "export",
    "tables",
    "write_csv",
    "write_xlsx",
]

ExportFormat = Literal["csv", "xlsx"]


class Exported(list[Path]):
    """The files written, in order (a list, as before), and ``notes``: what the user should be
    told about them, in Swedish (a text cut to fit an Excel cell); a command prints them as
    warnings."""

    def __init__(self, paths: list[Path], notes: tuple[str, ...] = ()) -> None:
        super().__init__(paths)
        self.notes = notes


def csv_files(data: list[Table]) -> dict[str, str]:
    """File name → CSV text, one file per table (``insatsrapporter.csv`` …)."""
    from utsatta.export.csvfile import csv_text

    return {f"{t.namn}.csv": csv_text(t) for t in data}


def write_csv(data: list[Table], folder: Path, *, force: bool = False) -> list[Path]:
    """Write one CSV file per table into ``folder`` (created if missing). CSV holds every text
    whole, so there is nothing to note."""
    from utsatta.export.write import write_folder

    return write_folder(folder, csv_files(data), force=force)


def write_xlsx(
    data: list[Table], path: Path, *, force: bool = False, datum: str | ReportDate | None = None
) -> Exported:
    """Write one workbook with a sheet per table to ``path``; ``datum`` as for
    :func:`utsatta.export.xlsxfile.xlsx_book`."""
    from utsatta.export.write import write_file
    from utsatta.export.xlsxfile import xlsx_book

    book = xlsx_book(data, datum=datum)
    write_file(path, book.content, force=force)
    return Exported([path], book.notes)


def export(
    ds: DataSet,
    ar: int,
    fmt: ExportFormat,
    output: Path,
    *,
    force: bool = False,
    datum: str | ReportDate | None = None,
) -> Exported:
    """Export year ``ar`` of ``ds`` as ``fmt`` to ``output``; returns the files written, with
    notes for the user (:class:`Exported`). The workbook's creation date is the year's
    decision date unless it is made up (:func:`utsatta.compute.report_date.report_date`;
    ``datum`` overrides it). CSV stores no date.

    Raises :class:`utsatta.errors.WriteRefused` (Swedish message, exit 4) when a file exists and
    ``force`` is not set, or when a target is not a regular file.
    """
    data = tables(ds, ar)
    if fmt == "csv":
        return Exported(write_csv(data, output, force=force))
    if fmt == "xlsx":
        if datum is None:
            from utsatta.compute.report_date import report_date

            datum = report_date(ds, ar)
        return write_xlsx(data, output, force=force, datum=datum)
    raise ValueError(f"okänt exportformat {fmt!r} (csv eller xlsx)")
