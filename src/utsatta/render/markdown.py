"""Text from the data, made safe for the two report formats.

The texts the nämnder write (nuläge, motivering, behov …) are untrusted: they may contain
Markdown, raw HTML, ``|`` and very long words. Everything that comes from the data passes one of
these functions before it reaches the output.

Markdown output (GitHub-flavoured):

* :func:`inline` for one-line text (headings, list items): raw HTML is neutralised (``<`` and ``>``
  become ``&lt;``/``&gt;``, ``&`` becomes ``&amp;``, so no tag, autolink or entity trick survives),
  backticks, backslashes and ``|`` are escaped, images (``![``) are turned into text, and a leading
  block marker (``#``, ``-``, ``+``, ``*``, ``>``, ``=``, ``_``, ``~``, ``[``, ``1.``) is escaped so
  the text cannot open a heading, list, quote or link definition. Line breaks become spaces, and a
  blank line (a new paragraph) becomes `` / `` — never ``<br>``, since no raw HTML is written.
  Emphasis and links the nämnd wrote stay Markdown.
* :func:`cell` is :func:`inline` for a table cell, where in addition a word longer than
  ``LONG_WORD`` characters gets a zero-width space every ``LONG_WORD`` characters, so GitHub can
  wrap it instead of stretching the table (web addresses are left whole).
* :func:`url` writes a web address as an autolink.
* :func:`block` keeps paragraphs: each line is escaped like :func:`inline` and stripped of leading
  spaces (so four spaces never make a code block).

HTML output: :func:`richtext` renders the nämnd's Markdown with markdown-it-py (CommonMark, raw
HTML off, linkify off, images, headings and setext headings off), so no raw HTML ever passes and
a nämnd cannot add a heading to the report or make the page load an image. Everything else in the
HTML is escaped by Jinja's autoescape.
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
    """One line of Markdown text; see the module docstring."""
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
    """Paragraphs of Markdown text: lines kept, each made safe; no trailing newline."""
    out: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        out.append(_escape_line(line))
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
