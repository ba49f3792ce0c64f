"""`utsatta schema [--output MAPP]`: JSON Schema for every kind of data file, for editors.

Exit codes: 0 printed, written or unchanged; 4 refused: a file with other content without
--force, or a target (or MAPP) that is not a regular file (a link, FIFO, folder; also with
--force), found before anything is written; 120 a file could not be written (the folder is
then left as it was).
"""

from pathlib import Path
from typing import Annotated

import typer

from utsatta.cli.options import output_option
from utsatta.cli.output import err, out_document, shown

__all__ = ["schema"]


def schema(
    output: Annotated[
        Path | None,
        output_option(
            "Skriv en fil per slags datafil (plan.schema.json …) i MAPP, som skapas om den "
            "saknas. Utan: ett samlat JSON-dokument {filnamn: schema} till standard ut.",
            metavar="MAPP",
            example="schema",
            without="utan --output skrivs ett samlat JSON-dokument till standard ut",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Skriv över filer i MAPP som finns och skiljer sig."),
    ] = False,
) -> None:
    """Skriv JSON Schema (draft 2020-12) för datafilerna, med svenska beskrivningar.

    Schemana ger komplettering och felmarkering i VS Code (YAML-tillägget), t.ex. med raden
    '# yaml-language-server: $schema=SÖKVÄG' först i en datafil.

    Exempel: utsatta schema --output schema
    """
    from utsatta import schema_export

    if output is None:
        out_document(schema_export.combined_text(), json=True)
        return
    done = schema_export.write_schemas(output, overwrite=force)
    for path, status in done.items():
        err(f"{shown(path)}: {status}")
