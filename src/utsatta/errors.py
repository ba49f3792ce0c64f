"""The few exceptions for situations where the tool cannot go on (not for bad data)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from utsatta.findings import Finding


class UtsattaError(Exception):
    """Base class; the message is Swedish and says what to do."""

    exit_code = 1


class DataDirError(UtsattaError):
    """Raised when the data folder is missing or unreadable."""

    exit_code = 3


class OutputError(UtsattaError):
    """Raised when an output file cannot be written, or would be overwritten without --force."""

    exit_code = 1


class WriteFailed(OutputError):
    """An output could not be written: no permission, a full disk, a missing folder, a file
    standing where a folder must be (docs/decisions/0060-exit-codes-for-writing.md)."""

    exit_code = 120


class MissingLibrary(UtsattaError):
    """A library an output format needs (WeasyPrint and Pango for PDF, XlsxWriter for xlsx) is
    not installed; the message says what to install. Exit 5, the CLI's documented code."""

    exit_code = 5


class WriteRefused(OutputError):
    """utsatta refuses to write: the target exists and --force was not given, or it is not a
    regular file (a FIFO, device, socket, link or folder), or it lies outside the folder the
    write must stay in (docs/decisions/0060-exit-codes-for-writing.md)."""

    exit_code = 4


class ArgumentError(UtsattaError):
    """An argument the library cannot use: a year outside the plan's period, a file that is
    not there or not in the data folder, a data set that cannot give a report. ``argument``
    names the parameter (``"year"``, ``"paths"``, ``"ds"``, ``"kind"``); the command line
    shows it as a usage error (exit 2)."""

    exit_code = 2

    def __init__(self, message: str, *, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


class DataErrors(UtsattaError):
    """The data has errors that would make the output wrong (a report, an overview):
    ``findings`` lists them, with file, line and column; the message names the first few.
    ``files_checked``: how many data files the check read (the command line's summary line);
    ``data``: the data folder checked, as the run named it (the check a message suggests)."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        findings: Sequence[Finding],
        *,
        files_checked: int | None = None,
        data: str | None = None,
    ) -> None:
        super().__init__(message)
        self.findings = list(findings)
        self.files_checked = files_checked
        self.data = data
