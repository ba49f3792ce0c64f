"""Very long words in the PDF, shortened where WeasyPrint sizes a box by its content.

WeasyPrint works out the narrowest width of a box sized by its content (a table cell, an
inline-block, a float, a flex or grid item) by laying its words out line after line, a
character a line where a word may break anywhere (decision 0521), and it lays out a
multi-column list again and again to balance the columns: the time grows with the square of
a word's length, each time. One organisation name of 3 000 letters took minutes. A word longer
than ``CELL_WORD`` characters in such a box is therefore shown as the terminal shows a long name
(``escape.shorten``): its start, "…" and its length ("… (3 005 tecken)").

The rule is applied to WeasyPrint's boxes, after the styles and before the layout, so it holds
for any template and any CSS: what decides is the layout a box gets, not the element it came
from. A word in a box laid out once (a paragraph, a heading, a list in the flow) stays whole.
Why: docs/decisions/0577-langa-ord-i-pdf-tabeller.md and 0582-pdf-djup-och-langa-ord.md.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from utsatta.escape import shorten

#: The longest word a PDF box sized by its content shows whole. The shipped data's longest in
#: such a box has 32 characters and the review's long-word test data 90; a word of 100 lays
#: out in milliseconds.
CELL_WORD = 100
#: The longest word any other PDF box shows whole. Breaking a word over lines costs the square
#: of its length (a word of 20 000 letters in a paragraph took 2 s, one of 40 000 10 s: 0653);
#: at 5 000 a word costs less per letter than the report's ordinary text, so the page's size
#: bounds them (:mod:`utsatta.render.pdf_bound`). The shipped data's longest there (an address
#: in the sources) has 178 characters, the review's long name (lw1) 3 005.
FLOW_WORD = 5_000

# A word as the layout sees it: a space, tab or line break, or a zero-width space, ends it (a
# no-break space does not).
_WORD = re.compile(r"[^ \t\n\r\f\u200b]+")

#: the limit while :func:`shortening_words` is active (None: WeasyPrint lays out as it is)
_LIMIT: ContextVar[int | None] = ContextVar("utsatta_pdf_word_limit", default=None)
#: the wrapped layout function, once installed (WeasyPrint's own is kept beside it)
_HOOKED: list[Callable[..., Any]] = []
_INSTALLING = threading.Lock()  # two threads' first PDFs must not wrap it twice


def shorten_words(text: str, limit: int = CELL_WORD) -> str:
    """``text`` with every word longer than ``limit`` characters shortened
    (:func:`utsatta.escape.shorten`); ``text`` itself, the same string, when there is none."""
    if len(text) <= limit or not any(len(w) > limit for w in _WORD.findall(text)):
        return text
    return _WORD.sub(lambda w: shorten(w.group(0), limit), text)


def _sized_by_content(box: Any, boxes: Any) -> bool:
    """Whether WeasyPrint works out ``box``'s width from its content, or lays it out more than
    once: a table (its cells and captions), an inline-block, a flex or grid container, a float,
    an absolutely placed box, or columns."""
    if isinstance(
        box,
        boxes.TableBox | boxes.InlineBlockBox | boxes.FlexContainerBox | boxes.GridContainerBox,
    ) or getattr(box, "is_table_wrapper", False):
        return True
    style = box.style
    return bool(
        style["float"] != "none"
        or style["position"] in ("absolute", "fixed")
        or style["column_width"] != "auto"
        or style["column_count"] != "auto"
        or style["width"] in ("min-content", "max-content", "fit-content")
    )


def shorten_boxes(root: Any, limit: int = CELL_WORD, flow: int = FLOW_WORD) -> int:
    """Shorten (:func:`shorten_words`) the words longer than ``limit`` of every text box inside
    a box sized by its content, and those longer than ``flow`` of every other text box, in
    WeasyPrint's box tree under ``root``; the number of text boxes changed. A loop, not a
    recursion: the tree can be as deep as a template nests its elements."""
    from weasyprint.formatting_structure import boxes

    changed = 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        box, sized = stack.pop()
        if isinstance(box, boxes.TextBox):
            text = shorten_words(box.text, limit if sized else flow)
            if text is not box.text:
                box.text = text
                changed += 1
            continue
        sized = sized or _sized_by_content(box, boxes)
        stack.extend((child, sized) for child in getattr(box, "children", ()))
    return changed


@contextmanager
def shortening_words(limit: int = CELL_WORD) -> Iterator[None]:
    """While active, each page WeasyPrint lays out (in this thread or task) has its long words
    shortened (:func:`shorten_boxes`: over ``limit`` where a box is sized by its content, over
    ``FLOW_WORD`` elsewhere), between building the boxes and laying them out. Outside,
    WeasyPrint works as it always does."""
    _install()
    token = _LIMIT.set(limit)
    try:
        yield
    finally:
        _LIMIT.reset(token)


def _install() -> None:
    """Wrap WeasyPrint's ``layout_document`` (the step after the box tree is built) once; the
    wrapper does nothing unless :func:`shortening_words` is active."""
    import weasyprint.document as document

    with _INSTALLING:
        if _HOOKED:
            return
        lay_out = document.layout_document

        def layout_document(html: Any, root_box: Any, context: Any, *args: Any, **kw: Any) -> Any:
            limit = _LIMIT.get()
            if limit is not None:
                shorten_boxes(root_box, limit)
            return lay_out(html, root_box, context, *args, **kw)

        document.layout_document = layout_document
        _HOOKED.append(layout_document)
