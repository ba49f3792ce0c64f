"""The finding of a YAML syntax error, and the pieces of the file its message echoes (shortened:
a line can be a megabyte long). Shared by :mod:`utsatta.load.syntax` and
:mod:`utsatta.load.quoting`."""

from __future__ import annotations

import re

from utsatta.escape import shorten
from utsatta.findings import Finding, Severity

__all__ = ["block_start", "both_quotes", "file_line", "finding_at", "piece", "syntax_finding"]


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


#: The key at the start of a line ('    motivering: …', '  - insats: …').
_LINE_KEY = re.compile(r"\s*+(?:-\s++)*+([A-Za-z_][A-Za-z0-9_-]*+)\s*+:(?:\s|$)")


def block_start(written: str) -> tuple[str, str]:
    """How a text on the lines below begins, from the line the text stood on: with the key's
    own name ('motivering: |') or a list item's '- |', never a placeholder; and what the text's
    lines are indented more than (the key's first letter, or the '-')."""
    key = _LINE_KEY.match(written)
    if key is not None:
        return f"'{piece(key.group(1), 40)}: |'", "nyckelns första bokstav"
    if written.lstrip().startswith("-"):
        return "'- |'", "'-'"
    return "'|' sist på nyckelns rad", "nyckelns första bokstav"


def both_quotes(written: str) -> str:
    """The advice for a text with both kinds of quote (no quotes hold it as it is), from the
    line it stood on: the text on the line below (:func:`block_start`). No final period."""
    block, than = block_start(written)
    return (
        "Texten har båda sorters citattecken (\" och ') och kan därför inte stå inom "
        f"citattecken: skriv {block} och texten på raden under, indragen två mellanslag mer än "
        f"{than}"
    )
