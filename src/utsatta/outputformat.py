"""The one rule for an output's format and the extension of its file name, for the library
(:func:`utsatta.export.export`, :func:`~utsatta.export.write_csv`,
:func:`~utsatta.export.write_xlsx`) and the command line (``report`` and ``export``,
:mod:`utsatta.cli.formats`).

* A format given and the output's extension names another format (csv to ``x.xlsx``, md to
  ``r.html``): :class:`FormatMismatch`, never a file of the wrong kind under a name that
  promises another.
* No format given: the format the extension names, if the caller writes it (``r.html`` gives
  html); a known extension the caller cannot write (``.pdf`` for the export) is refused; no
  extension, or one that names no format: the caller's standard format.

docs/decisions/0145-format-och-filandelse.md and 0210-formatregeln-i-biblioteket.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from utsatta.errors import ArgumentError
from utsatta.fileio import shown

__all__ = ["CLI_NAMES", "EXTENSIONS", "LIBRARY_NAMES", "FormatMismatch", "Names", "resolve_format"]

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


class FormatMismatch(ArgumentError):
    """The format and the output's file name disagree (a CSV folder named ``x.xlsx``, a
    workbook named ``x.csv``), or the name's extension is a format the caller cannot write.
    ``argument`` is ``"format"`` (the format given names another kind of file than the
    extension) or ``"output"`` (no format given, and the extension names one that cannot be
    written). A usage error: exit 2 on the command line. The message is Swedish and says how
    to fix it."""


@dataclass(frozen=True)
class Names:
    """How a message names the two arguments: ``--format``/``--output`` on the command line,
    ``fmt``/``output`` in the library."""

    format: str
    output: str
    #: how a format value is written after the format's name: ``--format csv``, ``fmt="csv"``
    separator: str = " "
    quote: str = ""

    def given(self, value: str) -> str:
        return f"{self.format}{self.separator}{self.quote}{value}{self.quote}"


CLI_NAMES: Final = Names("--format", "--output")
LIBRARY_NAMES: Final = Names("fmt", "output", "=", '"')


def resolve_format(
    given: str | None,
    output: Path | None,
    choices: Sequence[str],
    default: str,
    *,
    names: Names = LIBRARY_NAMES,
) -> str:
    """The format to write (see the module); raises :class:`FormatMismatch`."""
    suffix = output.suffix.lower() if output is not None else ""
    named = EXTENSIONS.get(suffix)
    if named is None or named == given:
        return given or default
    if given is None and named in choices:
        return named
    assert output is not None
    if given is None:
        allowed = ", ".join(names.given(c) for c in choices)
        raise FormatMismatch(
            f"{shown(output)} har filändelsen {suffix}, men kommandot skriver inte {named} "
            f"({allowed}). Byt filändelse på {names.output}.",
            argument="output",
        )
    fix = (
        f"Ange {names.given(named)}, eller byt filändelse" if named in choices else "Byt filändelse"
    )
    raise FormatMismatch(
        f"{names.given(given)} passar inte ihop med {shown(output)}: filändelsen {suffix} "
        f"betyder {named}, och filen skulle bli {given} under ett namn som lovar något annat. "
        f"{fix} på {names.output}.",
        argument="format",
    )
