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
