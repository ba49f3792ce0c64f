"""The one rule for ``--format`` and the extension of ``--output`` (``report`` and ``export``).

* ``--format`` given and the output's extension names another format (``--format csv --output
  x.xlsx``, ``--format md --output r.html``): a usage error (exit 2), never a file of the wrong
  kind under a name that promises another.
* ``--format`` left out: the format the extension names, if the command writes it
  (``--output r.html`` writes HTML); a known extension the command cannot write (``.pdf`` for
  ``export``) is a usage error; no extension, or one that names no format: the command's
  standard format. docs/decisions/0145-format-och-filandelse.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

import typer

from utsatta.cli.output import shown

__all__ = ["EXTENSIONS", "resolve_format"]

#: extensions (lower case) → the format they promise; .xls and .ods are other spreadsheet
#: formats, .txt plain text: none is a format the tool writes, so each disagrees with all
EXTENSIONS: Final = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
    ".txt": "txt",
}


def resolve_format(
    given: str | None, output: Path | None, choices: Sequence[str], default: str
) -> str:
    """The format to write (see the module); raises ``typer.BadParameter`` (exit 2)."""
    suffix = output.suffix.lower() if output is not None else ""
    named = EXTENSIONS.get(suffix)
    if named is None or named == given:
        return given or default
    if given is None and named in choices:
        return named
    assert output is not None
    allowed = ", ".join(f"--format {c}" for c in choices)
    if given is None:
        raise typer.BadParameter(
            f"{shown(output)} har filändelsen {suffix}, men kommandot skriver inte {named} "
            f"({allowed}). Byt filändelse på --output.",
            param_hint="--output",
        )
    fix = f"Ange --format {named}, eller byt filändelse" if named in choices else "Byt filändelse"
    raise typer.BadParameter(
        f"--format {given} passar inte ihop med {shown(output)}: filändelsen {suffix} betyder "
        f"{named}, och filen skulle bli {given} under ett namn som lovar något annat. {fix} "
        f"på --output.",
        param_hint="--format",
    )
