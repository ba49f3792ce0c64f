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
* A format the caller lists in ``own_extension`` (the export's xlsx, every report format: a
  file a program opens by its name) is written only under a name with no extension or its
  own (``x.xlsx``); any other (``x.docx``, ``x.2023``) is refused, saying the name to write
  instead.

docs/decisions/0145-format-och-filandelse.md, 0210-formatregeln-i-biblioteket.md and
0270-exporten-bestammer-i-biblioteket.md.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from utsatta.errors import ArgumentError
from utsatta.fileio import shown

__all__ = [
    "CLI_NAMES",
    "EXTENSIONS",
    "LIBRARY_NAMES",
    "FormatMismatch",
    "Names",
    "own_suffix",
    "resolve_format",
]

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
    to fix it; ``str(exc)`` names the arguments as ``names`` do (the library's ``fmt="csv"``
    unless given), :meth:`text` as any caller names them (the command line's ``--format
    csv``)."""

    def __init__(
        self, say: Callable[[Names], str], *, argument: str, names: Names | None = None
    ) -> None:
        super().__init__(say(names or LIBRARY_NAMES), argument=argument)
        self._say = say

    def text(self, names: Names) -> str:
        """The message with the arguments named by ``names``."""
        return self._say(names)


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
    own_extension: Collection[str] = (),
) -> str:
    """The format to write (see the module); raises :class:`FormatMismatch` (its message
    naming the arguments by ``names``)."""
    suffix = output.suffix.lower() if output is not None else ""
    named = EXTENSIONS.get(suffix)
    if named is None or named == given:
        chosen = given or default
        if suffix and named != chosen and chosen in own_extension:
            assert output is not None
            raise _foreign_extension(given, chosen, output, suffix, choices, names, own_extension)
        return chosen
    if given is None and named in choices:
        return named
    assert output is not None
    if given is None:

        def say(n: Names) -> str:
            allowed = ", ".join(n.given(c) for c in choices)
            return (
                f"{shown(output)} har filändelsen {suffix}, men kommandot skriver inte {named} "
                f"({allowed}). Byt filändelse på {n.output}."
            )

        raise FormatMismatch(say, argument="output", names=names)

    def mismatch(n: Names) -> str:
        fix = (
            f"Ange {n.given(named)}, eller byt filändelse" if named in choices else "Byt filändelse"
        )
        return (
            f"{n.given(given)} passar inte ihop med {shown(output)}: filändelsen {suffix} "
            f"betyder {named}, och filen skulle bli {given} under ett namn som lovar något annat. "
            f"{fix} på {n.output}."
        )

    raise FormatMismatch(mismatch, argument="format", names=names)


def own_suffix(fmt: str) -> str:
    """The extension a file of ``fmt`` is written with (``.xlsx``)."""
    return next(s for s, f in EXTENSIONS.items() if f == fmt)


def _foreign_extension(
    given: str | None,
    chosen: str,
    output: Path,
    suffix: str,
    choices: Sequence[str],
    names: Names,
    own_extension: Collection[str],
) -> FormatMismatch:
    """``x.docx`` for a workbook: an extension that is not the format's own names another kind
    of file (a Word document), even one this module does not know."""
    # A suffix of letters names a kind of file (.docx: replaced); one with a digit is part of
    # the name (a version or a year: rapport.v2, r.2023 → rapport.v2.md, r.2023.md).
    kind = suffix[1:].isalpha()

    def renamed(fmt: str) -> str:
        own = own_suffix(fmt)
        return shown(output.with_suffix(own) if kind else output.with_name(output.name + own))

    instead = renamed(chosen)
    others = [c for c in choices if c != chosen]

    def other(n: Names, fmt: str) -> str:
        # another format that needs its own extension too: with its own name (never advice
        # that is refused in turn)
        return f"{n.given(fmt)} med {renamed(fmt)}" if fmt in own_extension else n.given(fmt)

    def say(n: Names) -> str:
        alternative = (
            f", eller ange {' eller '.join(other(n, c) for c in others)}" if others else ""
        )
        why = (
            f"och en {chosen}-fil under ett namn som lovar något annat öppnas fel. Skriv "
            f"{instead} som {n.output}{alternative}."
        )
        if given:
            return (
                f"{n.given(given)} passar inte ihop med {shown(output)}: filändelsen {suffix} "
                f"är inte {own_suffix(chosen)}, {why}"
            )
        return (
            f"{shown(output)} har filändelsen {suffix}, men utan {n.format} skrivs {chosen}, {why}"
        )

    return FormatMismatch(say, argument="format" if given else "output", names=names)
