"""What fmt says about a file: refused (and why, as findings), changed, written; and about a
whole run (:class:`FmtRun`), from which the command line takes its exit code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from utsatta.errors import UtsattaError
from utsatta.escape import utsatta_command
from utsatta.findings import Finding, at_line

#: A formatted file that could not be written (no permission, a full disk, a read-only file
#: system), and one whose write was refused (a link, not a regular file, out of the data
#: folder): findings, with the exit codes of WriteFailed (120) and WriteRefused (4) on the
#: command line (cli.app; docs/decisions/0060-exit-codes-for-writing.md).
NOT_WRITTEN = "fmt-kan-inte-skriva"
WRITE_REFUSED = "fmt-skrivning-vagrad"


class FormatRefused(UtsattaError):
    """The text is not formatted; the message (Swedish) says why, ``line`` and ``column``
    where (None: the text as a whole).

    ``internal`` is true when the text itself is fine but formatting it would have changed its
    content (a bug in fmt): the file is then left untouched. ``code`` is the finding code a
    file's refusal gets (:meth:`finding`).
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        internal: bool = False,
        check: bool = False,
    ) -> None:
        # ``check``: the text has an error that validate shows; the advice to run it is added
        # here, with the data folder when the file's is known (:meth:`finding`)
        super().__init__(message + (f" {_CHECK}" if check else ""))
        self.message = message
        self.line = line
        self.column = column
        self.internal = internal
        self.check = check

    @property
    def code(self) -> str:
        return "fmt-internt-fel" if self.internal else "kan-inte-formateras"

    def finding(self, file: str, data: str | None = None) -> Finding:
        """The refusal as the one problem record, in ``file`` (the text as a whole: line 1);
        ``data``: the file's data folder as the run named it, for the check it suggests."""
        message = self.message
        if self.check:
            message += (
                f" Rätta felet först; se det med: {utsatta_command('validate', data=data)}"
                if data
                else f" {_CHECK}"
            )
        return at_line(file, self.line or 1, self.column or 1, self.code, message)


#: The advice where the data folder is not known (the library's ``format_text``).
_CHECK = "Rätta felet först (utsatta validate på filens datamapp visar det)."


@dataclass(frozen=True, slots=True)
class FmtResult:
    """What happened to one file: ``changed`` (its layout was, or with --check would be,
    changed), ``written``, and ``findings``: why it was not formatted or not written (empty
    when it was, or needed nothing). ``only``: when the change is only what an editor does not
    show (a BOM, the line ends), what it is (``lineends.invisible_difference``), else "".
    ``fmt_only``: refused for what only the formatter cannot write (validate shows nothing).
    ``line`` and ``difference``: a changed file's first line (from 1, of the file as it is)
    whose text differs and what happens to it (``fmt.difference.first_difference``); 0 and ""
    when none does (``only`` says what differs) or the file is unchanged."""

    path: Path
    changed: bool = False
    written: bool = False
    findings: tuple[Finding, ...] = ()
    only: str = ""
    fmt_only: bool = False
    line: int = 0
    difference: str = ""

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def not_written(self) -> bool:
        """Formatted, but the file could not be written or its write was refused: a cause
        outside the data (permission, disk), not a problem in the file."""
        return any(f.code in (NOT_WRITTEN, WRITE_REFUSED) for f in self.findings)


@dataclass(frozen=True, slots=True)
class FmtRun:
    """A run over several files: each file's result (those fmt did not read first, as
    refusals) and whether only checked (``check``). What the command line's exit code is made
    from: ``findings`` and :meth:`failed`."""

    results: Sequence[FmtResult]
    check: bool
    #: with ``check``: files that would change are shown, not failed (a pull request, flow23)
    show_only: bool = False

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def changed(self) -> list[FmtResult]:
        """The files that were formatted (or with ``check`` would be), without a problem."""
        return [r for r in self.results if r.changed and r.ok]

    def failed(self) -> bool:
        """Whether the run fails: a file that was not formatted or not written, or with
        ``check`` (unless ``show_only``) a file whose layout would change."""
        return bool(self.findings) or (self.check and not self.show_only and bool(self.changed))
