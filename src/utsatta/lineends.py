"""What ends a line, decided once for every reader and writer of text.

A line ends at LF, CRLF (Windows) or a lone CR (old Mac): what YAML 1.2, editors and the
C parser agree on. NEL (U+0085), the line separator (U+2028) and the paragraph separator
(U+2029) do **not** end a line here: editors do not break there, so a file with one is
refused with its own finding before it is parsed (docs/decisions/0100-ovanliga-radbrytningar.md,
0119-en-regel-for-radslut.md), and an output channel shows or replaces them by its own rule
(``escape``). Nothing here imports anything of utsatta.
"""

from __future__ import annotations

__all__ = ["lines", "to_lf"]


def to_lf(text: str) -> str:
    """``text`` with each CRLF and each lone CR made one LF; everything else as it is (the same
    object when there is no CR, the usual case)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def lines(text: str) -> list[str]:
    """The lines of ``text`` without their ends: ``to_lf(text).split("\\n")`` (a text ending
    with a line end has an empty last line; unlike ``str.splitlines``, which also breaks at
    VT, FF, FS–RS, NEL, U+2028 and U+2029)."""
    return to_lf(text).split("\n")
