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

__all__ = ["bold_line", "console_of_width", "string_console", "text_of", "txt"]


def txt(value: object) -> str:
    """A value from the data as console text: one line, every control and invisible
    character shown (rich measures the width of what it is given)."""
    return terminal(str(value))


def bold_line(head: str, rest: str = "") -> Any:
    """A line whose first part is bold (both parts already escaped): a style, not markup."""
    from rich.text import Text

    return Text.assemble((head, "bold"), rest)


def string_console(min_width: int = 0) -> Console:
    """A console that writes into a string, with the width and colours it would have on
    stdout (never narrower than ``min_width``)."""
    from rich.console import Console

    real = Console()
    return Console(
        file=io.StringIO(),
        highlight=False,
        markup=False,
        emoji=False,
        width=max(real.width, min_width),
        force_terminal=real.is_terminal,
        color_system=real.color_system,  # type: ignore[arg-type]
    )


def console_of_width(width: int) -> Console:
    """A console of exactly ``width`` columns writing into a string, no colours."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        highlight=False,
        markup=False,
        emoji=False,
        width=width,
        color_system=None,
    )


def text_of(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()
