"""The few exceptions for situations where the tool cannot go on (not for bad data)."""


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
