"""The comments of a new data file: data made safe for a YAML comment, and the line that names
the command checking the file."""

from __future__ import annotations

from pathlib import Path

from utsatta.check.suggested import utsatta_command
from utsatta.escape import terminal
from utsatta.load.dataset import DataSet
from utsatta.load.files import display_path

__all__ = ["check_comment", "comment_block", "one_line"]


def one_line(text: str) -> str:
    """Data made safe for one line of a YAML comment: every line break (LF, CR, U+2028, NEL,
    …) and run of whitespace becomes one space, and every control, bidi, format and invisible
    character is shown as its code (``<U+202E>``): nothing from the data can end the comment
    and start a YAML line, or reorder what an editor shows."""
    return " ".join(terminal(word) for word in text.split())


def comment_block(text: str, indent: str, width: int = 96) -> list[str]:
    """``text`` (data included) as comment lines of at most ``width`` characters where the
    words allow, each made safe by :func:`one_line`."""
    words = one_line(text).split()
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(indent) + 2 + len(line) + 1 + len(word) > width:
            lines.append(f"{indent}# {line}")
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(f"{indent}# {line}")
    return lines


def check_comment(ds: DataSet, path: Path) -> str:
    """The comment naming the command that checks the new file: ``--data`` as a finding's
    advice has it (``DataSet.data_option``, docs/decisions/0365)."""
    command = utsatta_command(ds, "validate", display_path(path))
    return f"# Kontrollera filen med: {terminal(command)}"
