"""A list pasted from Word (``•⇥text``) read as the Markdown list it is
(docs/decisions/0548): apart from :mod:`utsatta.mdtext`, so that the check's pre-test
(:func:`utsatta.mdlinks.may_show_as_text`) reads such a text as the reports do (0565)."""

from __future__ import annotations

import re

from utsatta.lineends import to_lf

__all__ = ["BULLETS", "has_word_bullets", "word_bullets"]

#: A Word bullet at a line start, as Word puts it on the clipboard: the bullet and a tab (or
#: spaces); Word's second level "o" and third "§" only with a tab ("§ 12" is a reference).
#: U+F0B7, U+F0A7, U+F0D8, U+F0FC and U+F076 are the Symbol and Wingdings bullets pasted as
#: text (private characters, never words).
BULLETS = "\u2022\u25e6\u25aa\u00b7\uf0b7\uf0a7\uf0d8\uf0fc\uf076"
#: Compiled on first use (re's cache), not on import: validate imports this module for the
#: pre-test (``mdlinks``) and seldom needs the pattern.
_WORD_BULLET = (
    "^([ \t]*)(?:[\u2022\u25e6\u25aa\u00b7\uf0b7\uf0a7\uf0d8\uf0fc\uf076][ \t]+|[o\u00a7]\t+)"
)


def word_bullets(text: str) -> str:
    """A list pasted from Word (``•⇥text``, also ◦, ▪, ·, the Symbol and Wingdings bullets,
    ``o⇥`` and ``§⇥``) as a Markdown list (``- text``), as a numbered paste (``1.⇥text``)
    already is: the same list in every format (docs/decisions/0548). Word indents a level
    with a tab before the bullet: each tab a level, at most one deeper than the bullet line
    above (two spaces each, inside that item), so the nesting shows. Before
    :func:`utsatta.escape.prose`, which makes a tab a space; line ends made LF first."""
    if not has_word_bullets(text):
        return text  # most texts: no tab and no bullet (no look at every line)
    lines = to_lf(text).split("\n")
    depth = -1  # the level of the bullet line above (-1: none, or text between)
    for i, line in enumerate(lines):
        bullet = re.match(_WORD_BULLET, line)
        if bullet is None:
            if line.strip(" \t"):
                depth = -1
            continue
        lead = bullet.group(1)
        if lead.strip("\t"):  # spaces: kept as written (a Markdown indent)
            depth = -1
        else:
            depth = min(len(lead), depth + 1)
            lead = "  " * depth
        lines[i] = f"{lead}- {line[bullet.end() :]}"
    return "\n".join(lines)


def has_word_bullets(text: str) -> bool:
    """Whether :func:`word_bullets` may change the text: a tab or a bullet character
    (:data:`BULLETS`). A search per character, written out (a loop over them costs four
    times as much), where a set of them would look at every character: in a text of Latin-1
    characters only (most Swedish texts) a search for a character beyond it ends at once."""
    return (
        "\t" in text
        or "\u2022" in text
        or "\u25e6" in text
        or "\u25aa" in text
        or "\u00b7" in text
        or "\uf0b7" in text
        or "\uf0a7" in text
        or "\uf0d8" in text
        or "\uf0fc" in text
        or "\uf076" in text
    )
