"""`utsatta export ÅR`: the data of one year as tidy tables, CSV (a folder) or xlsx (one file).

Exit codes: 0 written; 1 errors in the data; 2 usage error (also a --format that disagrees
with the extension of --output: cli.formats); 3 the data folder cannot be read;
4 refused: a file that would be overwritten without --force, a target that is not a regular
file (or, for CSV, not a folder), or an xlsx file that is a data file in the data folder (also
with --force); 5 XlsxWriter missing; 120 a file or folder could not be written or created.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from utsatta.cli.options import DataOption, check_year, data_dir, stop_on_errors
from utsatta.cli.output import EXIT_OK, err, shown, write_file

__all__ = ["ExportFormat", "export"]


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


def export(
    ar: Annotated[
        int, typer.Argument(help="Året som exporten gäller.", show_default=False, metavar="ÅR")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Mappen (csv) eller filen (xlsx) att skriva.",
            metavar="SÖKVÄG",
            show_default=False,
        ),
    ],
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            help="xlsx (en fil, ett blad per tabell) eller csv (en mapp med en CSV-fil per "
            "tabell). Utan --format: det som filändelsen i --output säger, annars xlsx. En "
            "filändelse som säger ett annat format är ett fel.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Ersätt befintliga filer (bara vanliga filer).")
    ] = False,
    data: DataOption = None,
) -> None:
    """Exportera rapporterna och alla serier till och med ÅR, var och en från sitt första år.

    Exempel: utsatta export 2023 --format xlsx --output uppfoljning-2023.xlsx
    """
    from utsatta.check import validate
    from utsatta.cli.formats import resolve_format
    from utsatta.compute.report_date import report_date
    from utsatta.export import tables, write_csv
    from utsatta.fileio import check_output

    format = ExportFormat(
        resolve_format(
            format.value if format else None, output, [f.value for f in ExportFormat], "xlsx"
        )
    )

    # A link, FIFO, device, or a file where the CSV folder goes: refused before the work, and
    # said what it is (exit 4); --force never helps there.
    want = "en mapp" if format is ExportFormat.csv else "en vanlig fil"
    check_output(output, want=want)
    root = data_dir(data)
    # an output over a data file would destroy data, even with --force (exit 4, before work)
    check_output(output, want=want, data_folder=root)
    result = validate(root, year=ar)
    stop_on_errors(result)
    ds = result.dataset
    assert ds.plan is not None and ds.plan.model is not None  # stop_on_errors made sure
    check_year(ds.plan.model.plan.giltighet, ar)
    data_tables = tables(ds, ar)
    if format is ExportFormat.csv:
        paths = write_csv(data_tables, output, force=force)
    else:
        from utsatta.export.xlsxfile import xlsx_book

        book = xlsx_book(data_tables, datum=report_date(ds, ar))
        content = book.content
        for note in book.notes:  # a text cut to fit an Excel cell
            err(f"varning: {note}")
        write_file(output, content, overwrite=force, folders=True, data_folder=root)
        paths = [output]
    for path in paths:
        err(f"Skrev {shown(path)}.")
    raise typer.Exit(EXIT_OK)
