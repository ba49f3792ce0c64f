"""The one record type for every problem found in the data.

Checks create findings against a *place* in a file (a path of keys and indexes); positions are
resolved to 1-based line and column only once, at the end, and only for files that have findings,
so the fast path for valid files never needs to track positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Path_ = tuple[str | int, ...]


class Severity(StrEnum):
    FEL = "fel"
    VARNING = "varning"


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem with line and column resolved (1-based)."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, str | int]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem found by a check, pointing at a place in a file by its data path.

    ``at_key`` points at the key of the last path element instead of its value (unknown keys,
    duplicate keys). A path that does not exist in the file falls back to its nearest parent.
    """

    file: str
    path: Path_
    code: str
    severity: Severity
    message: str
    at_key: bool = False
    line: int | None = None  # set directly for problems found before any data exists (syntax)
    column: int | None = None


def fel(file: str, path: Path_, code: str, message: str, *, at_key: bool = False) -> Issue:
    return Issue(file, path, code, Severity.FEL, message, at_key=at_key)


def varning(file: str, path: Path_, code: str, message: str, *, at_key: bool = False) -> Issue:
    return Issue(file, path, code, Severity.VARNING, message, at_key=at_key)


def has_errors(findings: list[Finding], *, strict: bool = False) -> bool:
    if strict:
        return bool(findings)
    return any(f.severity is Severity.FEL for f in findings)
