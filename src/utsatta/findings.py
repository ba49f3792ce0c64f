"""The one record for every problem in the data, from reading a byte to printing a line.

A check creates a ``Finding`` against a *place* in a file: either a line and column it already
knows (the YAML reader, files that cannot be read) or a data path (keys and indexes) that is
resolved to a line and column only at the end, and only for files that have findings. Every
code is registered in ``utsatta.codes`` with its Swedish title and what to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

Path_ = tuple[str | int, ...]

#: At most this many findings of one code (and severity) in one file are listed; the rest are
#: counted in one ``fler-fynd`` finding (docs/decisions/0102-fynd-per-fil.md). Above any list
#: the plan can give in one file (31 insatser and uppdrag, 28 områden), so real data is never
#: cut; 6,000 pasted lines give 51 lines of output, not 6,000.
LISTED_PER_CODE = 50


class Severity(StrEnum):
    """How bad a finding is: ``FEL`` (an error: the check fails) or ``VARNING`` (a warning:
    the check fails only when strict)."""

    FEL = "fel"
    VARNING = "varning"


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem: where (file, line, column), what (code, severity, message).

    ``line`` 0 means "not resolved yet": ``path`` then says where in the file's data, and
    ``at_key`` points at the key of the path's last element instead of its value (unknown and
    duplicate keys). A path that does not exist in the file falls back to its nearest parent.
    ``count`` is how many problems the finding stands for: 1, or for a ``fler-fynd`` finding
    the number of findings of its kind in the file that are not listed. The YAML reader counts
    duplicate keys past those that can be listed instead of building each: one of its findings
    then stands for several, and ``fler-fynd`` adds them up.
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    path: Path_ = field(default=(), compare=False)
    at_key: bool = field(default=False, compare=False)
    count: int = field(default=1, compare=False)

    @property
    def resolved(self) -> bool:
        return self.line > 0

    # The constructor, not dataclasses.replace: replace looks up every field's definition
    # on each call, which costs more than the finding itself (100,000 duplicate keys).
    def _placed(self, file: str, line: int, column: int) -> Finding:
        return Finding(
            file,
            line,
            column,
            self.code,
            self.severity,
            self.message,
            self.path,
            self.at_key,
            self.count,
        )

    def at(self, line: int, column: int) -> Finding:
        """This finding at a known place."""
        return self._placed(self.file, line, column)

    def in_file(self, file: str) -> Finding:
        """This finding in ``file`` (the YAML reader does not know the file's name)."""
        return self._placed(file, self.line, self.column)

    def as_dict(self) -> dict[str, str | int]:
        """The finding for JSON; ``count`` only when it stands for more than itself."""
        out: dict[str, str | int] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.count != 1:
            out["count"] = self.count
        return out


def fel(file: str, path: Path_, code: str, message: str, *, at_key: bool = False) -> Finding:
    """An error at a data path (resolved to a line and column at the end)."""
    return Finding(file, 0, 0, code, Severity.FEL, message, path, at_key)


def varning(file: str, path: Path_, code: str, message: str, *, at_key: bool = False) -> Finding:
    """A warning at a data path (resolved to a line and column at the end)."""
    return Finding(file, 0, 0, code, Severity.VARNING, message, path, at_key)


def at_line(
    file: str, line: int, column: int, code: str, message: str, severity: Severity = Severity.FEL
) -> Finding:
    """A problem whose line and column are known (the reader, the files themselves)."""
    return Finding(file, line, column, code, severity, message)


def has_errors(findings: Iterable[Finding], *, strict: bool = False) -> bool:
    """Whether the findings fail a check: any error, or with ``strict`` any finding at all."""
    if strict:
        return any(True for _ in findings)
    return any(f.severity is Severity.FEL for f in findings)
