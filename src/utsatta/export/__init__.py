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
(:mod:`utsatta.export.bedomningar`); ``indikatorstatus`` and ``malutfall`` the report's own
conclusions, taken from its view (:mod:`utsatta.export.slutsatser`).

:func:`export` makes every decision the command line ``utsatta export`` shows (that only
parses, prints and maps errors to exit codes): data with errors is :class:`~utsatta.errors.
DataErrors` with the findings, as for ``build_report``; a year outside the plan's period an
:class:`~utsatta.errors.ArgumentError`; nothing is written then
(docs/decisions/0270-exporten-bestammer-i-biblioteket.md).

A format that disagrees with the output's extension (``export(ds, 2023, "csv",
Path("x.xlsx"))``, ``write_xlsx(data, Path("x.csv"))``, a workbook named ``x.docx``) is
:class:`FormatMismatch` (an :class:`~utsatta.errors.ArgumentError`, Swedish message; exit 2 on
the command line), raised before any work by the one rule the command line also follows
(:mod:`utsatta.outputformat`).

A value no format can hold (an infinite number) is :class:`CellError` (exit 1) naming table,
row, column and data file. A text longer than an Excel cell holds is cut in the workbook with a
visible marker, and said in ``notes`` naming sheet, cell, row, column, data file and its line
(the CSV files keep the whole text).

The tables are described in :mod:`utsatta.export.tables`, the CSV dialect in
:mod:`utsatta.export.csvfile`, the workbook in :mod:`utsatta.export.xlsxfile`, and how files are
written in :mod:`utsatta.export.write`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from utsatta.errors import ArgumentError
from utsatta.export.cells import CellError
from utsatta.export.table import Cell, Column, Table
from utsatta.export.tables import tables
from utsatta.fileio import as_path, shown
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
    "prepare",
    "tables",
    "write_csv",
    "write_xlsx",
]

ExportFormat = Literal["csv", "xlsx"]
#: the formats the export writes, and the one it writes when none is asked for
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx")


def check_format(fmt: str | None, output: Path) -> ExportFormat:
    """The format to write to ``output``: ``fmt``, or without it the one ``output``'s
    extension names (``e.csv``: a CSV folder), else xlsx. Raises :class:`FormatMismatch` when
    the extension names another format than ``fmt`` (:mod:`utsatta.outputformat`), when a
    workbook's name has an extension other than .xlsx (``x.docx``), or ``fmt`` is not one the
    export writes."""
    from utsatta.outputformat import resolve_format

    if fmt is not None and fmt not in FORMATS:
        raise FormatMismatch(
            lambda n: (
                f"Exporten skriver inte formatet {n.given(str(fmt))}. Ange "
                f"{n.given('csv')} eller {n.given('xlsx')}."
            ),
            argument="format",
        )
    chosen = resolve_format(fmt, output, FORMATS, "xlsx", own_extension=("xlsx",))
    assert chosen in FORMATS
    return "csv" if chosen == "csv" else "xlsx"


def prepare(fmt: str | None, output: Path, *, data_folder: Path | None = None) -> ExportFormat:
    """Every refusal that needs no data, before any work (:func:`export` makes them again):
    an ``output`` that is a data file in ``data_folder`` (:class:`~utsatta.errors.WriteRefused`,
    also with force), a format that disagrees with ``output``'s name (:class:`FormatMismatch`),
    an ``output`` that can never be written (a link, a device; a file where the CSV folder
    goes: ``WriteRefused``). Returns the format to write (:func:`check_format`)."""
    from utsatta.fileio import check_output, data_file_refusal

    if data_folder is not None:
        # before the format: "this is a data file" says more than "the extension is wrong"
        problem = data_file_refusal(output, data_folder)
        if problem is not None:
            raise problem
    chosen = check_format(fmt, output)
    check_output(output, want="en mapp" if chosen == "csv" else "en vanlig fil")
    return chosen


class Exported(list[Path]):
    """The files written, in order (a list, as before), and ``notes``: what the user should be
    told about them, in Swedish (a text cut to fit an Excel cell); a command prints them as
    warnings."""

    def __init__(
        self, paths: list[Path], notes: tuple[str, ...] = (), luckor: str | None = None
    ) -> None:
        super().__init__(paths)
        self.notes = notes
        #: what the export lacks for its year ("Exporten har luckor: …", from the rows it
        #: wrote: :func:`utsatta.export.saknade.luckor_text`), or None
        self.luckor = luckor


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
    data: list[Table],
    path: Path,
    *,
    force: bool = False,
    datum: str | ReportDate | None = None,
    data_folder: Path | None = None,
) -> Exported:
    """Write one workbook with a sheet per table to ``path``; ``datum`` as for
    :func:`utsatta.export.xlsxfile.xlsx_book`. A ``path`` with another extension than .xlsx
    (``x.csv``, ``x.docx``) is :class:`FormatMismatch`; a data file in ``data_folder`` is
    :class:`~utsatta.errors.WriteRefused`, also with ``force``."""
    from utsatta.export.write import write_file
    from utsatta.export.xlsxfile import xlsx_book

    check_format("xlsx", path)

    book = xlsx_book(data, datum=datum)
    write_file(path, book.content, force=force, data_folder=data_folder)
    return Exported([path], book.notes)


def _output_path(output: object) -> Path:
    """``output`` as a library caller named it (text or a path) as a ``Path``; else an
    ArgumentError in Swedish, never an AttributeError."""
    path = as_path(output)
    if path is not None:
        return path
    raise ArgumentError(
        f"output ska vara en sökväg som text (str) eller Path, inte {type(output).__name__}: "
        f"{shown(repr(output))}.",
        argument="output",
    )


def export(
    ds: DataSet,
    ar: int,
    fmt: ExportFormat | None,
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    datum: str | ReportDate | None = None,
) -> Exported:
    """Export year ``ar`` of ``ds`` as ``fmt`` (None: as ``output``'s extension says, else
    xlsx) to ``output``; returns the files written, with notes for the user
    (:class:`Exported`). Every decision is made here, the same for the command line: the
    workbook's creation date is the year's decision date unless it is made up
    (:func:`utsatta.compute.report_date.report_date`; ``datum`` overrides it); CSV stores no
    date. Every file is written atomically; nothing is replaced without ``force``.

    Raises, every message Swedish, before any file is written: :class:`FormatMismatch` (exit 2
    on the command line) before any work when ``output``'s name disagrees with ``fmt``
    (``"csv"`` to ``x.xlsx``, a workbook named ``x.docx``) or ``fmt`` is neither csv nor xlsx;
    :class:`utsatta.errors.WriteRefused` (exit 4) when ``output`` is a data file of ``ds``
    (also with ``force``), a file exists and ``force`` is not set, or a target is not a
    regular file; :class:`utsatta.errors.ArgumentError` (exit 2) for a year outside the
    plan's period or a data set without its texts or with only some reports;
    :class:`utsatta.errors.DataErrors` (exit 1, with the ``findings``) when the data has
    errors that would make the export wrong, as ``build_report`` refuses them.
    """
    from utsatta.check.usable import require_usable
    from utsatta.load.dataset import DataSet

    output = _output_path(output)
    data_folder = ds.root if isinstance(ds, DataSet) else None
    chosen = prepare(fmt, output, data_folder=data_folder)
    require_usable(ds, ar, what="export")
    from utsatta.export.saknade import luckor_text

    data = tables(ds, ar)
    luckor = luckor_text(ds, ar)
    if chosen == "csv":
        return Exported(write_csv(data, output, force=force), luckor=luckor)
    if datum is None:
        from utsatta.compute.report_date import report_date

        datum = report_date(ds, ar)
    book = write_xlsx(data, output, force=force, datum=datum, data_folder=data_folder)
    return Exported(list(book), book.notes, luckor)
