"""Very long words in the PDF's table cells, shortened before WeasyPrint lays the page out.

On paper a table cell breaks a word anywhere (``overflow-wrap: anywhere``, decision 0521), and
WeasyPrint works out a cell's narrowest width by laying its words out line after line, one
character a line: the time grows with the square of a word's length, in every cell and every
pass of the table layout. One organisation name of 3 000 letters took minutes. A word longer
than ``CELL_WORD`` characters in a cell is therefore shown as the terminal shows a long name
(``escape.shorten``): its start, "…" and its length ("… (3 005 tecken)"). Nothing else changes:
a page with no such word is laid out from the very same HTML
(docs/decisions/0577-langa-ord-i-pdf-tabeller.md).
"""

from __future__ import annotations

import html
import re

from utsatta.escape import shorten

#: The longest word a PDF table cell shows whole. The shipped data's longest in a cell has 32
#: characters and the review's long-word test data 90; a word of 100 lays out in milliseconds.
CELL_WORD = 100

# A tag (our HTML escapes every '<' and '>' in text and attribute values), or the text between.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>")
# A word as the layout sees it: a space, tab or line break, or a zero-width space, ends it (a
# no-break space does not).
_WORD = re.compile(r"[^ \t\n\r\f\u200b]+")
_CELLS = frozenset({"td", "th"})
_RAW = frozenset({"style", "script"})  # their text is no text of the page


def shorten_cell_words(page: str, limit: int = CELL_WORD) -> str:
    """``page`` (the report's HTML) with every word longer than ``limit`` characters in the
    text of a table cell shortened (:func:`utsatta.escape.shorten`); ``page`` itself, the same
    string, when there is none."""
    # A quick look first: almost every page has no run of that many characters at all.
    if re.search(rf"[^ \t\n\r\f\u200b<>]{{{limit + 1},}}", page) is None:
        return page
    out: list[str] = []
    depth = 0  # open td/th
    raw: str | None = None  # inside <style> or <script>
    at = 0
    changed = False
    for m in _TAG.finditer(page):
        text = page[at : m.start()]
        if depth and raw is None and text:
            new = _shorten_text(text, limit)
            changed = changed or new is not text
            text = new
        out.append(text)
        out.append(m.group(0))
        at = m.end()
        closing, name = m.group(1) == "/", m.group(2).lower()
        if raw is not None:
            raw = None if closing and name == raw else raw
        elif name in _RAW and not closing:
            raw = name
        elif name in _CELLS:
            depth = max(depth - 1, 0) if closing else depth + 1
    out.append(page[at:])
    return "".join(out) if changed else page


def _shorten_text(text: str, limit: int) -> str:
    """``text`` (HTML text, entities and all) with its long words shortened; ``text`` itself
    when it has none."""
    plain = html.unescape(text)
    if not any(len(w) > limit for w in _WORD.findall(plain)):
        return text
    short = _WORD.sub(lambda w: shorten(w.group(0), limit), plain)
    return html.escape(short, quote=False)
