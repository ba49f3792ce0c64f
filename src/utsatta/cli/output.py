"""The one place where text meets a terminal, a CI log or a file.

Every command writes through ``out`` (stdout), ``err`` (stderr) and ``write_file`` /
``append_file`` (files); a failed write never becomes a traceback, and ``flush`` at the end says
whether any output was lost, so the exit code can say so (120, as Python itself does).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

#: Exit codes, a contract documented in the README.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_OUTPUT_LOST = 120  # Python's own exit status when output could not be written at the end
EXIT_INTERRUPTED = 130  # the shell's convention: 128 + SIGINT


class _State:
    #: set when output could not be written (a closed pipe, a full disk)
    lost = False


def out(text: str) -> None:
    """Output on stdout, as written."""
    _write(sys.stdout, text)


def err(text: str) -> None:
    """A line for the user on stderr (stdout stays clean for the output itself)."""
    _write(sys.stderr, text if text.endswith("\n") else text + "\n")


def interrupted() -> int:
    """Ctrl-C: say so, and the exit code for it."""
    err("Avbrutet.")
    return EXIT_INTERRUPTED


def write_file(path: Path, text: str | bytes, *, overwrite: bool) -> None:
    """Write a whole file atomically (raises ``OutputError`` with a Swedish message); bytes
    (a PDF) as they are, text as UTF-8."""
    from utsatta.fileio import write_atomic, write_bytes_atomic

    if isinstance(text, bytes):
        write_bytes_atomic(path, text, overwrite=overwrite)
    else:
        write_atomic(path, text, overwrite=overwrite)


def append_file(path: Path, text: str) -> None:
    """Append to a file another program reads (the GitHub job summary); raises OSError."""
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


def flush() -> bool:
    """Flush stdout and stderr; whether any output was lost on the way."""
    _write(sys.stdout, "")
    _write(sys.stderr, "")
    return _State.lost


def _write(stream: Any, text: str) -> None:
    # Never raises: a failed write must not turn into a traceback in the middle of a command.
    # A stream that was closed before the start (``2>&-``) is None: nothing is written then,
    # as print() does.
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        _State.lost = True
