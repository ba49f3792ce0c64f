"""`utsatta codeowners`: a CODEOWNERS file from the organisations' reviewers."""

from pathlib import Path
from typing import Annotated

import typer

from utsatta.cli.options import (
    DataOption,
    data_dir,
    output_option,
    own_data_dir,
    stop_on_errors,
)
from utsatta.cli.output import out, out_document, shown, write_file


def codeowners(
    output: Annotated[
        Path | None,
        output_option(
            "Skriv till filen (t.ex. .github/CODEOWNERS), atomiskt; en befintlig fil bara "
            "med --force.",
            metavar="FIL",
            example=".github/CODEOWNERS",
            without="utan --output skrivs filen till standard ut",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig fil.")] = False,
    med_samordnare: Annotated[
        bool,
        typer.Option(
            "--med-samordnare",
            help="Låt också granskarna hos den som har samordningsansvar för en insats äga "
            "rapporterna om den.",
        ),
    ] = False,
    data: DataOption = None,
) -> None:
    """Skapa en CODEOWNERS-fil: varje organisations granskare äger dess rapporter.

    Exempel: utsatta codeowners --output .github/CODEOWNERS
    """
    from utsatta.check import CORE, validate
    from utsatta.fileio import read_regular
    from utsatta.scaffold import codeowners as make_codeowners
    from utsatta.scaffold import repository_prefix

    own_data_dir(
        data,
        "Ingen datamapp hittades (bara utsattas inbyggda exempeldata). Kör kommandot i "
        "datarepot eller ange --data.",
    )
    root = data_dir(data)
    result = validate(root)
    stop_on_errors(result, CORE)
    ds = result.dataset
    prefix = repository_prefix(ds.root)
    if prefix is None:
        raise typer.BadParameter(
            f"Datamappen {shown(ds.root)} ligger inte i arbetsmappen; kör kommandot från "
            "datarepots rot.",
            param_hint="--data",
        )
    if output is not None:
        from utsatta.fileio import check_output

        # a FIFO, device, folder, link or data file: refused before the work (exit 4)
        check_output(output, data_folder=root)
    text = make_codeowners(ds, prefix, coordinators=med_samordnare)
    if output is None:
        out_document(text)
        return
    try:
        unchanged = read_regular(output) == text.encode("utf-8")
    except OSError:
        unchanged = False
    if unchanged:
        out(f"{shown(output)} är oförändrad.\n")
        return
    write_file(output, text, overwrite=force, folders=True, data_folder=root)
    out(f"Skrev {shown(output)}.\n")
