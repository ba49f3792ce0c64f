"""The command line: the only place that prints or exits. A thin shell over the library.

``main`` is the console entry point (``utsatta``, ``python -m utsatta``); the app and its
commands are in ``utsatta.cli.app``, imported here first thing, so that Ctrl-C during those
imports ends as quietly as during a command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from utsatta.cli.app import app

__all__ = ["app", "main"]


def main() -> NoReturn:
    try:
        from utsatta.cli.app import main as run
    except KeyboardInterrupt:
        from utsatta.cli.output import interrupted

        raise SystemExit(interrupted()) from None
    run()


def __getattr__(name: str) -> Any:
    if name == "app":
        from utsatta.cli.app import app

        return app
    raise AttributeError(f"module 'utsatta.cli' has no attribute {name!r}")
