"""The command line: the only place that prints or exits. A thin shell over the library.

``main`` is the console entry point (``utsatta``, ``python -m utsatta``); the Typer app and its
commands are in ``utsatta.cli.app`` (``from utsatta.cli.app import app``), imported by ``main``
first thing, so that Ctrl-C during those imports ends as quietly as during a command.
"""

from __future__ import annotations

from typing import NoReturn

__all__ = ["main"]


def main() -> NoReturn:
    try:
        from utsatta.cli.app import main as run
    except KeyboardInterrupt:
        from utsatta.cli.output import interrupted

        raise SystemExit(interrupted()) from None
    run()
