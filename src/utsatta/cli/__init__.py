"""The command line: the only place that prints or exits. A thin shell over the library.

``main`` is the console entry point (``utsatta``, ``python -m utsatta``); the Typer app and its
commands are in ``utsatta.cli.app`` (``from utsatta.cli.app import app``). Ctrl-C ends the run
quietly (exit 130, "Avbrutet." on stderr) from the first line of ``main`` to the last: this
module imports nothing at the top, so that all the work of starting (Typer, the commands) is
done inside the guard. What runs before ``main`` (Python's own start-up, the console script's
``import re``, the few lines of ``utsatta/__init__``) is outside it; see
docs/decisions/0260-ctrl-c-fran-forsta-raden.md.
"""

# No `from __future__ import annotations` either: it imports the module __future__.
TYPE_CHECKING = False  # not from typing: nothing is imported before the guard in main
if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["main"]


def main() -> "NoReturn":
    try:
        from utsatta.cli.app import main as run

        run()  # ends with SystemExit; Ctrl-C during a command is turned into 130 in there
    except BaseException as exc:  # Ctrl-C during the imports, or the last flush of the output
        from utsatta.cli.output import by_interrupt, interrupted

        if isinstance(exc, SystemExit) or not by_interrupt(exc):
            raise
        raise SystemExit(interrupted()) from None
