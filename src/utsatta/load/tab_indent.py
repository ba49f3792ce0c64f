"""A tab used as indentation: how many spaces the line needs, from the lines above it. An
editor's 'convert tabs to spaces' gives as many spaces as its tab size, which is seldom the
count the line needs (VS Code's 2 for a key at 4): a second error on the next run (decision
0658)."""

from __future__ import annotations

import re

from utsatta.load.pasted import field_names
from utsatta.load.syntax_finding import file_line, piece
from utsatta.numbers import heltal

__all__ = ["tab_message"]

#: A key at the start of a line: '    bedomning: …', '  - insats: …' (group 1 up to the key).
_KEY = re.compile(r"^( *+(?:- ++)*+)([a-z_][a-z0-9_]*+):(?:\s|$)")
#: How far up the lines that show the indentation are looked for.
_MAX_LINES = 200

_PLAIN = (
    "YAML-syntaxfel: Tabbtecken får inte användas för indrag i YAML. Använd mellanslag (VS Code: "
    "'Convert Indentation to Spaces')."
)


def _lead(written: str) -> str:
    return written[: len(written) - len(written.lstrip(" \t"))]


def _needed(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """(spaces, line, what) for the line with a tab: the indentation of the nearest line above
    at the same level (a key of the same post, or the list's '- ')."""
    content = file_line(lines, line).lstrip(" \t")
    item = content.startswith("- ")
    own = _KEY.match(content)
    if not item and (own is None or own.group(2) not in field_names()):
        return None  # a text's line: a text under 'nyckel: |' has its own message
    post = item and _KEY.match(content[2:].lstrip(" ")) is not None  # '- insats: …'
    below = line
    for number in range(line - 1, max(line - _MAX_LINES, 0), -1):
        written = file_line(lines, number)
        if not written.strip() or written.lstrip().startswith("#") or "\t" in _lead(written):
            continue
        key = _KEY.match(written)
        if item:
            dash = written.lstrip(" ")
            if dash.startswith("- ") and (not post or key is not None):
                return len(written) - len(dash), number, "'-'"
            if key is not None and below == line and written.rstrip().endswith(":"):
                return len(key.group(1)) + 2, number, ""  # the list's own key: 'insatser:'
            below = number
            continue
        if key is not None and key.group(2) in field_names():
            return len(key.group(1)), number, f"'{piece(key.group(2), 40)}'"
    return None


def tab_message(lines: list[str], line: int) -> str:
    """The message for a tab in the indentation of ``line``."""
    found = _needed(lines, line)
    if found is None:
        return _PLAIN
    spaces, number, what = found
    like = f" (som {what} på rad {number})" if what else f" (två mer än nyckeln på rad {number})"
    return (
        f"YAML-syntaxfel: Rad {line} börjar med ett tabbtecken, och tabbtecken får inte användas "
        f"för indrag i YAML. Skriv indraget med {heltal(spaces)} mellanslag i stället{like}. "
        "(Att låta editorn byta tabbar mot mellanslag ger lika många mellanslag som dess "
        "tabbstorlek, vilket sällan är rätt antal.)"
    )
