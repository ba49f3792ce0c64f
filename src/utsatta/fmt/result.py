"""What fmt says about a file: refused (and why), changed, written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from utsatta.errors import UtsattaError
from utsatta.findings import Finding, Severity


class FormatRefused(UtsattaError):
    """The text is not formatted; the message (Swedish) says why.

    ``internal`` is true when the file itself is fine but formatting it would have changed its
    content (a bug in fmt): the file is then left untouched.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        internal: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.internal = internal


@dataclass(frozen=True, slots=True)
class FmtResult:
    """What happened to one file. ``error`` (Swedish) is set when it was not formatted."""

    path: Path
    changed: bool = False
    written: bool = False
    error: str | None = None
    line: int | None = None
    column: int | None = None
    internal: bool = False
    #: the exit code of a failed write (120 could not write, 4 refused; docs/decisions/0060)
    write_exit: int = 0
    #: the finding code when it is not kan-inte-formateras: the file was not even read, for the
    #: reason validate gives under this code (lank-utanfor-data …)
    code: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def finding(self, file: str) -> Finding | None:
        """Why the file was not formatted, as the one problem record (None when it was).
        Without a known place the finding is at line 0 (the file as a whole)."""
        if self.error is None:
            return None
        code = self.code or ("fmt-internt-fel" if self.internal else "kan-inte-formateras")
        return Finding(file, self.line or 0, self.column or 0, code, Severity.FEL, self.error)
