"""What every command shares: exit codes, the --data option, writing to stderr.

Kept apart from utsatta.cli (which registers the commands) so that the command modules can
import it without a cycle.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

#: Exit codes, a contract documented in the README.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_DATA = 3

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Datamappen. Annars UTSATTA_DATA, ./data om den finns, eller den inbyggda datan.",
        show_default=False,
        metavar="MAPP",
    ),
]


def check_year(giltighet: Any, ar: int) -> None:
    """A year outside the plan's period is a usage error (exit 2) for every command."""
    if not giltighet.fran <= ar <= giltighet.till:
        raise typer.BadParameter(
            f"{ar} ligger utanför planens giltighetstid {giltighet.fran}–{giltighet.till}.",
            param_hint="ÅR",
        )


def out(text: str) -> None:
    """Output on stdout, as written."""
    _write(sys.stdout, text)


def err(text: str) -> None:
    """A line for the user on stderr (stdout stays clean for the output itself)."""
    _write(sys.stderr, text if text.endswith("\n") else text + "\n")


#: Set when output could not be written (a closed pipe, a full disk): the exit code says so.
output_lost = False


def flush() -> bool:
    """Flush stdout and stderr; whether any output was lost on the way."""
    _write(sys.stdout, "")
    _write(sys.stderr, "")
    return output_lost


def _write(stream: Any, text: str) -> None:
    # Never raises: a failed write must not turn into a traceback in the middle of a command.
    # A stream that was closed before the start (``2>&-``) is None: nothing is written then,
    # as print() does.
    global output_lost
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        output_lost = True
