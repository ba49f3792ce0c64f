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
from. A word in a box laid out once (a paragraph, a heading, a list in the flow) stays whole up
to ``FLOW_WORD`` characters. A word is measured as the layout sees it, across the inline
elements that split it (``*ab*cd*ab*…`` in a nämnd's text), and one split into more than
``RUN_BOXES`` boxes is shortened too, wherever it is.
Why: docs/decisions/0577-langa-ord-i-pdf-tabeller.md, 0582-pdf-djup-och-langa-ord.md and
0653-pdf-med-begransat-arbete.md.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from utsatta.escape import shorten
from utsatta.numbers import heltal

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
#: The most boxes a word may be split into (its text boxes, the inline elements around its
#: pieces, the inline-blocks and images in it): past the line's end WeasyPrint asks each box of
#: such a run, for each box after it, whether it could break (:class:`_Runs`). Measured, per
#: element on a page of ``<em>ab</em>cd`` runs: 0.8 ms in runs of 3 boxes, 1.4 ms in runs of
#: 150, 2.2 ms in runs of 300 (the report: 4.8 ms an element with its text, 0653): at 100 the
#: page's size bounds them. The shipped reports' longest run has 6 boxes.
RUN_BOXES = 100

# A word as the layout sees it: a space, tab or line break, or a zero-width space, ends it (a
# no-break space does not).
_WORD = re.compile(r"[^ \t\n\r\f\u200b]+")
# Where the text may not wrap (``white-space: nowrap`` or ``pre``) only a line break ends one.
_UNWRAPPED = re.compile(r"[^\n]+")

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
    """Shorten the long words in WeasyPrint's box tree under ``root``: over ``limit``
    characters inside a box sized by its content, over ``flow`` elsewhere, and everywhere a
    word split into more than ``RUN_BOXES`` boxes (:class:`_Runs`); the number of text boxes
    changed. A loop, not a recursion: the tree can be as deep as a template nests its
    elements."""
    from weasyprint.formatting_structure import boxes

    changed = 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        box, sized = stack.pop()
        if isinstance(box, boxes.LineBox):
            # a line's words may run across its inline elements: measured over the whole line;
            # the inline-blocks and floats in it hold lines of their own, visited after
            runs = _Runs(limit if sized else flow)
            changed += runs.line(box, boxes)
            stack.extend((inner, sized) for inner in runs.inner)
            continue
        if isinstance(box, boxes.TextBox):  # not in a line: WeasyPrint always makes one
            text = shorten_words(box.text, limit if sized else flow)
            if text is not box.text:
                box.text = text
                changed += 1
            continue
        sized = sized or _sized_by_content(box, boxes)
        stack.extend((child, sized) for child in getattr(box, "children", ()))
    return changed


# what a run (a word across boxes) is made of, in the order of the line
_TEXT, _OPEN, _CLOSE, _ATOM = range(4)


class _Runs:
    """The words of one line as the layout sees them: runs of characters with no space between
    (where the text may not wrap, with no line break), across every box that holds them
    (``<em>ab</em>cd<em>ab</em>`` is one word of three text boxes and two inline boxes; an
    inline-block in it is one more box, its own lines are not). WeasyPrint breaks a line only
    where its text may break; a run longer than the line stays on it, running past the page's
    edge, and for each box past the edge WeasyPrint asks every earlier box of the run again
    whether it could break (pango each time): the square of the run's boxes (4 000 characters
    as ``<em>ab</em>cd`` took 26 s, 0653).

    A run over ``limit`` characters or ``RUN_BOXES`` boxes is shortened as one word is
    (:func:`utsatta.escape.shorten`): its start stays, "…" and its length in characters follow
    (a start wider than the line runs past it as before, and the length goes to the next line),
    and the rest of the run leaves the tree (the text, and every box wholly inside it). Linear:
    each box is visited once, each run's items are gone through once when it ends."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        #: the boxes inside the line that hold lines of their own (inline-blocks, floats)
        self.inner: list[Any] = []
        self._items: list[tuple[Any, ...]] = []
        # id(text box) -> (box, parent, [(start, end, replacement)])
        self._edits: dict[int, tuple[Any, Any, list[tuple[int, int, str]]]] = {}
        # id(parent) -> (parent, ids of the children to take out)
        self._drops: dict[int, tuple[Any, set[int]]] = {}

    def line(self, line: Any, boxes: Any) -> int:
        """Shorten ``line``'s long runs; the number of text boxes changed."""
        stack: list[tuple[Any, Any, bool]] = [(child, line, False) for child in line.children]
        stack.reverse()
        while stack:
            box, parent, closing = stack.pop()
            if closing:
                self._items.append((_CLOSE, box))
            elif isinstance(box, boxes.TextBox):
                self._text(box, parent)
            elif isinstance(box, boxes.InlineBox):
                self._items.append((_OPEN, box, parent))
                stack.append((box, parent, True))
                stack.extend((child, box, False) for child in reversed(box.children))
            else:
                if box.is_in_normal_flow():  # an inline-block or image: no break beside it
                    self._items.append((_ATOM, box, parent))
                self.inner.append(box)  # a float or a placed box breaks nothing here
        self._end()
        return self._apply()

    def _text(self, box: Any, parent: Any) -> None:
        text = box.text
        if not text:
            return
        end = 0
        words = _UNWRAPPED if box.style["white_space"] in ("pre", "nowrap") else _WORD
        for word in words.finditer(text):
            if word.start() > 0:
                self._end()  # a space before the word (or the one before it in this box)
            end = word.end()
            self._items.append((_TEXT, box, parent, word.start(), end))
        if end < len(text):
            self._end()  # a space after the last word (or a text of spaces)

    def _end(self) -> None:
        """The run so far is a word: shorten it if it is too long."""
        items, self._items = self._items, []
        sizes = [it[4] - it[3] for it in items if it[0] == _TEXT]
        count = sum(1 for it in items if it[0] != _CLOSE)
        if sum(sizes) <= self.limit and count <= RUN_BOXES:
            return
        # where the run is cut: after ``limit`` characters or ``RUN_BOXES`` boxes
        chars = boxes_kept = 0
        cut, at = len(items), -1
        for index, item in enumerate(items):
            if item[0] == _CLOSE:
                continue
            if boxes_kept == RUN_BOXES:
                cut = index
                break
            boxes_kept += 1
            if item[0] == _TEXT:
                size = item[4] - item[3]
                if chars + size > self.limit:
                    cut, at = index, item[3] + self.limit - chars
                    text = item[1].text
                    while at < item[4] and unicodedata.combining(text[at]):
                        at += 1  # a letter keeps its accents
                    break
                chars += size
        seen = sum(sizes) - sum(
            sum(1 for c in it[1].text[it[3] : it[4]] if unicodedata.combining(c))
            for it in items
            if it[0] == _TEXT
        )
        mark = f"… ({heltal(seen)} tecken)"
        texts = [i for i, it in enumerate(items) if it[0] == _TEXT]
        if at >= 0:  # the cut falls inside a text: the mark follows its start
            holder, (start, stop) = cut, (at, items[cut][4])
        elif kept := [i for i in texts if i < cut]:  # after a box: the last text kept
            holder, (start, stop) = kept[-1], (items[kept[-1]][4], items[kept[-1]][4])
        elif later := [i for i in texts if i >= cut]:  # no text before it: the first after
            holder, (start, stop) = later[0], (items[later[0]][3], items[later[0]][4])
        else:
            holder, start, stop = -1, 0, 0  # no text at all: the boxes go, nothing to show
        if holder >= 0:
            self._edit(items[holder], start, stop, mark)
        closed = {id(it[1]) for it in items[cut:] if it[0] == _CLOSE}
        for index in range(cut, len(items)):
            item = items[index]
            if item[0] == _TEXT and index != holder:
                self._edit(item, item[3], item[4], "")
            elif item[0] == _ATOM or (item[0] == _OPEN and id(item[1]) in closed):
                self._drop(item[2], item[1])  # wholly inside the run's cut part

    def _edit(self, item: tuple[Any, ...], start: int, stop: int, text: str) -> None:
        box, parent = item[1], item[2]
        self._edits.setdefault(id(box), (box, parent, []))[2].append((start, stop, text))

    def _drop(self, parent: Any, box: Any) -> None:
        self._drops.setdefault(id(parent), (parent, set()))[1].add(id(box))

    def _apply(self) -> int:
        """Make the edits, each text box's in one go, and take out the boxes cut away."""
        for box, parent, edits in self._edits.values():
            old, parts, end = box.text, [], 0
            for start, stop, text in sorted(edits, key=lambda edit: edit[0]):
                parts += [old[end:start], text]
                end = stop
            box.text = "".join([*parts, old[end:]])
            if not box.text:
                self._drop(parent, box)
        for parent, ids in self._drops.values():
            parent.children = [child for child in parent.children if id(child) not in ids]
        return len(self._edits)


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
