"""Consoles that write into a string, for the overviews (`plan`, `status`, `indikatorer`).

They read no markup and no emoji codes: a name with ``[/bold]`` or ``[link=…]`` was rich markup
(a traceback, or a hyperlink on a terminal), ``:warning:`` an emoji. Every value from the data is
text, escaped with :func:`txt` (one line, controls visible) before rich measures it; bold
comes from a style, never from markup around data."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

from utsatta.escape import terminal

__all__ = ["DEFAULT_WIDTH", "bold_line", "string_console", "text_of", "txt"]


def txt(value: object) -> str:
    """A value from the data as console text: one line, every control and invisible
    character shown (rich measures the width of what it is given)."""
    return terminal(str(value))


def bold_line(head: str, rest: str = "") -> Any:
    """A line whose first part is bold (both parts already escaped): a style, not markup."""
    from rich.text import Text

    return Text.assemble((head, "bold"), rest)


#: The width of a text overview when the caller names none: the library's output never
#: depends on the terminal it runs in (the command line passes the terminal's width).
DEFAULT_WIDTH = 80


class _Text(io.StringIO):
    """A string to write into, with the encoding of the stream it is meant for: rich reads a
    file's encoding to choose its table borders (ASCII when it is no UTF)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def string_console(
    width: int | None = None,
    *,
    min_width: int = 0,
    styles: bool = False,
    ascii_only: bool = False,
) -> Console:
    """A console that writes into a string: ``width`` columns (None: ``DEFAULT_WIDTH``),
    never fewer than ``min_width``; bold as terminal escapes only with ``styles`` (the command
    line on a terminal), else plain text; with ``ascii_only`` (a stream whose encoding is no
    UTF) rich's own ASCII table borders."""
    from rich.console import Console

    return Console(
        file=_Text("ascii" if ascii_only else "utf-8"),
        highlight=False,
        markup=False,
        emoji=False,
        width=max(DEFAULT_WIDTH if width is None else width, min_width, 1),
        force_terminal=styles,
        color_system="standard" if styles else None,
        legacy_windows=False,
        force_jupyter=False,  # in a notebook rich would show the text instead of returning it
    )


def text_of(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()
