"""`utsatta export ÅR`: the data of one year as tidy tables, CSV (a folder) or xlsx (one file).

A thin shell: :func:`utsatta.export.export` makes every decision (data with errors, the year,
the format and the output's name, what may be written); its errors become exit codes in
:mod:`utsatta.cli.app` only.

Exit codes: 0 written; 1 errors in the data; 2 usage error (also a --format that disagrees
with the extension of --output: cli.formats); 3 the data folder cannot be read;
4 refused: a file that would be overwritten without --force, a target that is not a regular
file (or, for CSV, not a folder), or an output that is a data file in the data folder (also
with --force); 5 XlsxWriter missing; 120 a file or folder could not be written or created.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from utsatta.cli.options import DataOption, data_dir, output_option, say_warnings
from utsatta.cli.output import EXIT_OK, err, err_message, shown

__all__ = ["ExportFormat", "export"]


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


#: what --output names, per format
_WHAT = {
    ExportFormat.xlsx: "xlsx-filen som ska skrivas",
    ExportFormat.csv: "mappen som CSV-filerna ska skrivas i",
}


def export(
    ar: Annotated[
        int, typer.Argument(help="Året som exporten gäller.", show_default=False, metavar="ÅR")
    ],
    output: Annotated[
        Path | None,
        output_option(
            "Mappen (csv) eller filen (xlsx) att skriva. Krävs.",
            metavar="SÖKVÄG",
            example="uppfoljning.xlsx",
            without=None,
        ),
    ] = None,
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            help="xlsx (en fil, ett blad per tabell) eller csv (en mapp med en CSV-fil per "
            "tabell). Utan --format: det som filändelsen i --output säger, annars xlsx. En "
            "filändelse som säger ett annat format är ett fel, och en xlsx-fil har filändelsen "
            ".xlsx eller ingen.",
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
    from utsatta.export import export as export_year
    from utsatta.export import prepare

    if output is None:
        # not a required option: Typer's "Flaggan --output saknas." gives no example
        example = f"uppfoljning-{ar}" if format is ExportFormat.csv else f"uppfoljning-{ar}.xlsx"
        raise typer.BadParameter(
            f"Flaggan --output / -o saknas: ange {_WHAT[format or ExportFormat.xlsx]}, "
            f"t.ex. --output {example}.",
            param_hint="--output",
        )
    root = data_dir(data)
    # what needs no data is refused before the work of reading it (the library decides)
    chosen = prepare(format.value if format else None, output, data_folder=root)
    result = validate(root, year=ar, data_option=None if data is None else str(root))
    written = export_year(result.dataset, ar, chosen, output, force=force)
    for note in written.notes:  # a text cut to fit an Excel cell
        err(f"varning: {note}")
    for path in written:
        err(f"Skrev {shown(path)}.")
    if written.luckor is not None:
        from utsatta.escape import command_sentence

        # after "Skrev …", as `report` says it: the rows are in the file, but easily missed
        see = command_sentence(
            "Se", "validate", "--year", str(ar), data=None if data is None else str(data)
        )
        err_message(f"{written.luckor} {see}")
    say_warnings(result, ar, data)
    raise typer.Exit(EXIT_OK)
