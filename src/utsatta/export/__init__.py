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

A format that disagrees with the output's extension (``export(ds, 2023, "csv",
Path("x.xlsx"))``, ``write_xlsx(data, Path("x.csv"))``) is :class:`FormatMismatch` (an
:class:`~utsatta.errors.ArgumentError`, Swedish message; exit 2 on the command line), raised
before any work by the one rule the command line also follows (:mod:`utsatta.outputformat`).

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
from utsatta.outputformat import FormatMismatch

if TYPE_CHECKING:
    from utsatta.compute.report_date import ReportDate
    from utsatta.load.dataset import DataSet

__all__ = [
    "Cell",
    "CellError",
    "Column",
    "ExportFormat",
    "Exported",
    "FormatMismatch",
    "Table",
    "check_format",
    "csv_files",
    "export",
    "tables",
    "write_csv",
    "write_xlsx",
]

ExportFormat = Literal["csv", "xlsx"]
#: the formats the export writes, and the one it writes when none is asked for
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx")


def check_format(fmt: str, output: Path) -> None:
    """Raise :class:`FormatMismatch` when ``output``'s extension names another format than
    ``fmt`` (:mod:`utsatta.outputformat`), or ``fmt`` is not one the export writes."""
    from utsatta.outputformat import resolve_format

    if fmt not in FORMATS:
        raise FormatMismatch(
            f'okänt exportformat fmt="{fmt}": exporten skriver csv eller xlsx.', argument="format"
        )
    resolve_format(fmt, output, FORMATS, "xlsx")


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
    whole, so there is nothing to note. A ``folder`` named like another kind of file
    (``x.xlsx``) is :class:`FormatMismatch`."""
    from utsatta.export.write import write_folder

    check_format("csv", folder)

    return write_folder(folder, csv_files(data), force=force)


def write_xlsx(
    data: list[Table], path: Path, *, force: bool = False, datum: str | ReportDate | None = None
) -> Exported:
    """Write one workbook with a sheet per table to ``path``; ``datum`` as for
    :func:`utsatta.export.xlsxfile.xlsx_book`. A ``path`` whose extension names another format
    (``x.csv``, ``x.ods``) is :class:`FormatMismatch`."""
    from utsatta.export.write import write_file
    from utsatta.export.xlsxfile import xlsx_book

    check_format("xlsx", path)

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

    Raises :class:`FormatMismatch` (Swedish message, exit 2 on the command line) before any
    work when ``output``'s extension names another format than ``fmt`` (``"csv"`` to
    ``x.xlsx``), or ``fmt`` is neither csv nor xlsx; :class:`utsatta.errors.WriteRefused`
    (Swedish message, exit 4) when a file exists and ``force`` is not set, or when a target is
    not a regular file.
    """
    check_format(fmt, output)
    data = tables(ds, ar)
    if fmt == "csv":
        return Exported(write_csv(data, output, force=force))
    if fmt == "xlsx":
        if datum is None:
            from utsatta.compute.report_date import report_date

            datum = report_date(ds, ar)
        return write_xlsx(data, output, force=force, datum=datum)
    raise AssertionError(fmt)  # pragma: no cover - check_format refused it
