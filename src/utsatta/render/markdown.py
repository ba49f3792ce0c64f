"""Text from the data, made safe for the two report formats: the Jinja filters ``md``
(:func:`inline`), ``mdcell`` (:func:`cell`), ``mdblock`` (:func:`block`), ``mdurl`` (:func:`url`)
for Markdown, and ``richtext`` (:func:`richtext`) for HTML. What each one neutralises and why:
docs/decisions/0019-untrusted-text-in-reports.md.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["LONG_WORD", "block", "cell", "inline", "richtext", "url"]

#: the longest run of characters without a break point in a Markdown table cell
LONG_WORD = 40
_ZWSP = "\u200b"

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "|": "\\|",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)
# A leading character that would start a block: ATX heading, list, thematic break, setext
# underline, fenced code (~~~), link reference definition or footnote ([…]:).
_LEADING = re.compile(r"([#+*=_~\[-])")
_ORDERED = re.compile(r"([0-9]{1,9})([.)])")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")
# A list item in a block: its marker is kept (so a pasted list stays a list, as in the HTML), its
# text escaped like any line. Nesting is flattened: indentation is never kept (no code blocks).
_LIST_ITEM = re.compile(r"([-*+]|[0-9]{1,9}[.)])[ \t]+(\S.*)")


def _escape_line(line: str) -> str:
    text = line.translate(_ESCAPES).replace("![", "!\\[")
    text = _LEADING.sub(r"\\\1", text, count=1) if _LEADING.match(text) else text
    m = _ORDERED.match(text)
    if m:
        text = f"{m.group(1)}\\{m.group(2)}{text[m.end() :]}"
    return text


def _one_line(text: str) -> str:
    paragraphs = [_SPACES.sub(" ", p).strip() for p in _PARAGRAPHS.split(text.strip())]
    return " / ".join(p for p in paragraphs if p)


def inline(text: str) -> str:
    """One line of Markdown text: HTML, block markers, backticks, `|` and images neutralised."""
    return _escape_line(_one_line(text))


def _break_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.startswith(("http://", "https://")):
        return word
    return _ZWSP.join(word[i : i + LONG_WORD] for i in range(0, len(word), LONG_WORD))


def cell(text: str) -> str:
    """A GitHub-flavoured Markdown table cell (without the surrounding pipes)."""
    return inline(_WORD.sub(_break_word, _one_line(text))) or " "


def block(text: str) -> str:
    """Paragraphs of Markdown text: lines kept, each made safe; a list item keeps its marker
    (``-``, ``*``, ``+``, ``1.``) so a pasted list renders as a list; no trailing newline."""
    out: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        item = _LIST_ITEM.fullmatch(line)
        out.append(f"{item.group(1)} {_escape_line(item.group(2))}" if item else _escape_line(line))
    return "\n".join(out)


def url(address: str) -> str:
    """A web address as a Markdown autolink ``<…>``; the characters that would end it are
    percent-encoded. The data only holds http(s) addresses (checked by the schema)."""
    safe = "".join(f"%{ord(c):02X}" if c in "<> " or ord(c) < 0x20 else c for c in address)
    return f"<{safe}>"


@cache
def _renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "heading", "lheading"])
    return md


def richtext(text: str) -> Markup:
    """A nämnd's text, with its Markdown rendered to HTML and raw HTML shown as text."""
    return Markup(_renderer().render(text.strip()))
