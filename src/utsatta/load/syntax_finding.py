"""The finding of a YAML syntax error, and the pieces of the file its message echoes (shortened:
a line can be a megabyte long). Shared by :mod:`utsatta.load.syntax` and
:mod:`utsatta.load.quoting`."""

from __future__ import annotations

from utsatta.escape import shorten
from utsatta.findings import Finding, Severity

__all__ = ["file_line", "finding_at", "piece", "syntax_finding"]


def finding_at(line: int, column: int, code: str, message: str) -> Finding:
    """A problem at a known place; the caller names the file (``Finding.in_file``)."""
    return Finding("", line, column, code, Severity.FEL, message)


def syntax_finding(line: int, column: int, message: str) -> Finding:
    return finding_at(line, column, "yaml-syntax", f"YAML-syntaxfel: {message}")


def piece(text: str, limit: int = 60) -> str:
    """A piece of the file, bounded, for a message."""
    return shorten(text, limit)


def file_line(lines: list[str], number: int) -> str:
    """Line ``number`` (1-based) without its carriage return, or "" past the end."""
    return lines[number - 1].rstrip("\r") if 0 < number <= len(lines) else ""
