"""The layout side of fmt: where items, blocks, scalars and comments are in the original text,
and putting the comments back into the rebuilt text."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from utsatta.fmt.result import FormatRefused
from utsatta.load.yamlread import events

Path_ = tuple[Any, ...]

# --------------------------------------------------------------------------------------------
# Where things are: items, blocks, scalars and comments, from the parser's events.


@dataclass(slots=True)
class _Item:
    """A key of a block mapping or an entry of a block sequence (0-based lines, columns)."""

    path: Path_
    line: int
    col: int
    #: the line an end-of-line comment of this item stands on
    head_end: int


@dataclass(slots=True)
class _Block:
    """A block mapping or sequence: the column of its keys or dashes, its last line."""

    path: Path_
    col: int
    end: int = 0


@dataclass(slots=True)
class Layout:
    lines: list[str]
    items: list[_Item] = field(default_factory=list)
    blocks: dict[Path_, _Block] = field(default_factory=dict)  # in the order they end
    #: lines wholly inside a multi-line scalar (content: never touched)
    inside: set[int] = field(default_factory=set)
    #: lines that start or end a multi-line scalar
    touched: set[int] = field(default_factory=set)
    #: column ranges held by scalars, by line
    occupied: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    root_is_block_map: bool = False


def layout(text: str) -> Layout:
    """Items, blocks and scalar extents of a text our reader has accepted."""
    lines = text.split("\n")
    lay = Layout(lines)
    # frame: [path, is_map, flow, pending key or None, next index, block]
    stack: list[list[Any]] = []
    pending: _Item | None = None  # an item waiting for the end line of its flow value
    last_line = 0
    for ev in events(text):
        t = type(ev)
        if t is ScalarEvent:
            last_line = _scalar_extent(lay, ev)
        is_start = t is MappingStartEvent or t is SequenceStartEvent
        if t is ScalarEvent or is_start:
            start = ev.start_mark
            if ev.tag is not None and (t is ScalarEvent or not ev.implicit):
                shown = str(ev.tag).replace("tag:yaml.org,2002:", "!!")
                raise FormatRefused(
                    f"Filen formateras inte: den har en tagg ('{shown}'). Ta bort taggen och "
                    "skriv värdet inom citattecken om det ska läsas som text.",
                    line=start.line + 1,
                    column=start.column + 1,
                )
            if not stack:
                if is_start:
                    flow = bool(ev.flow_style)
                    lay.root_is_block_map = t is MappingStartEvent and not flow
                    block = None if flow else _Block((), start.column)
                    stack.append([(), t is MappingStartEvent, flow, None, 0, block])
                continue
            frame = stack[-1]
            path, is_map, flow = frame[0], frame[1], frame[2]
            item: _Item | None
            if is_map and frame[3] is None:  # a key
                frame[3] = ev.value
                if not flow:
                    item = _Item((*path, ev.value), start.line, start.column, start.line)
                    lay.items.append(item)
                continue
            if is_map:
                child: Path_ = (*path, frame[3])
                frame[3] = None
                item = lay.items[-1] if not flow else None
            else:
                child = (*path, frame[4])
                frame[4] += 1
                item = None
                if not flow:
                    item = _Item(child, start.line, frame[5].col, start.line)
                    lay.items.append(item)
            if item is not None:
                if t is ScalarEvent:
                    item.head_end = start.line if ev.style in ("|", ">") else ev.end_mark.line
                elif not ev.flow_style:
                    item.head_end = item.line if is_map else start.line
                else:
                    pending = item
            if is_start:
                child_flow = flow or bool(ev.flow_style)
                block = None if child_flow else _Block(child, start.column)
                stack.append([child, t is MappingStartEvent, child_flow, None, 0, block])
        elif t is MappingEndEvent or t is SequenceEndEvent:
            frame = stack.pop()
            block = frame[5]
            if block is None:  # a flow collection ends
                last_line = ev.end_mark.line
                if pending is not None and (not stack or not stack[-1][2]):
                    pending.head_end = last_line
                    pending = None
            else:
                block.end = last_line
                lay.blocks[block.path] = block
    return lay


def _scalar_extent(lay: Layout, ev: Any) -> int:
    """Record where a scalar stands; return its last line."""
    start, end = ev.start_mark, ev.end_mark
    if ev.style in ("|", ">"):
        last = end.line - 1 if end.column == 0 else end.line
        if not ev.value.endswith("\n\n"):
            # Trailing empty lines are not content unless the block keeps them (|+). (A line of
            # spaces may be content, deeper than the block's indentation: it stays inside.)
            while last > start.line and not lay.lines[last]:
                last -= 1
        lay.inside.update(range(start.line + 1, last + 1))
        return int(last)
    if end.line == start.line:
        lay.occupied.setdefault(start.line, []).append((start.column, end.column))
    else:
        lay.occupied.setdefault(start.line, []).append((start.column, 1 << 30))
        lay.occupied.setdefault(end.line, []).append((0, end.column))
        lay.inside.update(range(start.line + 1, end.line))
        lay.touched.update((start.line, end.line))
    return int(end.line)


@dataclass(frozen=True, slots=True)
class Comment:
    line: int
    col: int
    text: str  # from the '#', trailing white space removed
    eol: bool  # after content on the same line
    gap: int = 0  # for an end-of-line comment: the spaces between content and '#'


def comments(lay: Layout) -> Iterator[Comment | int]:
    """Every comment, and (as plain line numbers) every blank line outside scalars, in order."""
    for n, line in enumerate(lay.lines):
        if n in lay.inside:
            continue
        if not line.strip():
            yield n
            continue
        ranges = lay.occupied.get(n, ())
        p = line.find("#")
        while p >= 0:
            if (p == 0 or line[p - 1] in " \t") and not any(a <= p < b for a, b in ranges):
                content = line[:p].rstrip()
                yield Comment(n, p, line[p:].rstrip(), bool(content), p - len(content))
                break
            p = line.find("#", p + 1)


def comment_texts(text: str) -> Counter[str]:
    """The comments of a text our reader accepts (a multiset of their texts)."""
    lay = layout(text)
    return Counter(c.text for c in comments(lay) if isinstance(c, Comment))


# --------------------------------------------------------------------------------------------
# Attaching the comments of the original to items and blocks, and putting them back.

#: a comment text, or None for a blank line
_Line = str | None


@dataclass(slots=True)
class Attached:
    header: list[_Line] = field(default_factory=list)
    leading: dict[Path_, list[_Line]] = field(default_factory=dict)
    trailing: dict[Path_, list[_Line]] = field(default_factory=dict)
    #: end-of-line comments: text, original column, original gap
    eol: dict[Path_, tuple[str, int, int]] = field(default_factory=dict)


def _is_inside(container: Path_, path: Path_) -> bool:
    return len(path) > len(container) and path[: len(container)] == container


def attach(lay: Layout) -> Attached:
    att = Attached()
    items = lay.items
    starts = [it.line for it in items]
    eol_owner: dict[int, int] = {}
    for i, it in enumerate(items):
        eol_owner[it.line] = i
        eol_owner[it.head_end] = i
    first_line = starts[0] if starts else len(lay.lines)

    def place(line: int, col: int, *, eol: bool = False) -> tuple[str, Path_]:
        """Where a comment on its own line belongs: before an item, or at the end of a block.

        The column decides: a comment indented no deeper than the next item belongs to it; one
        indented like a block that ends above it stays at the end of that block; anything else
        belongs to the next item.
        """
        if line < first_line:
            return "header", ()
        i = bisect.bisect_right(starts, line)
        nxt = items[i] if i < len(items) else None
        if nxt is not None and (eol or col <= nxt.col):  # eol: e.g. after a lone '-'
            return "leading", nxt.path
        prev = items[i - 1]
        closing = [
            lay.blocks[prev.path[:k]]
            for k in range(len(prev.path) - 1, -1, -1)
            if prev.path[:k] in lay.blocks
            and (nxt is None or not _is_inside(prev.path[:k], nxt.path))
        ]
        for n, block in enumerate(closing):
            if block.col <= col:
                # Blocks indented alike (a list not indented under its key): the outermost.
                while n + 1 < len(closing) and closing[n + 1].col == block.col:
                    n += 1
                return "trailing", closing[n].path
        if nxt is None:
            return "trailing", ()
        # Deeper than the next line's first item: the deepest item on that line it fits.
        fitting = [it for it in items[i:] if it.line == nxt.line and it.col <= col]
        return "leading", (fitting[-1] if fitting else nxt).path

    def add(where: tuple[str, Path_], value: _Line) -> None:
        kind, path = where
        if kind == "header":
            att.header.append(value)
        elif kind == "leading":
            att.leading.setdefault(path, []).append(value)
        else:
            att.trailing.setdefault(path, []).append(value)

    blanks: list[int] = []
    for c in comments(lay):
        if isinstance(c, int):
            blanks.append(c)
            continue
        if c.eol and c.line in eol_owner:
            owner = items[eol_owner[c.line]].path
            if owner not in att.eol:
                for b in blanks:
                    add(place(b, 0), None)
                blanks = []
                att.eol[owner] = (c.text, c.col, c.gap)
                continue
            where: tuple[str, Path_] = ("leading", owner)
        else:
            where = place(c.line, c.col, eol=c.eol)
        # Blank lines just above a comment go where the comment goes (if nothing stands between).
        gap = bisect.bisect_right(starts, c.line)
        for b in blanks:
            add(where if bisect.bisect_right(starts, b) == gap else place(b, 0), None)
        blanks = []
        add(where, c.text)
    for b in blanks:
        kind, path = place(b, 0)
        if kind != "trailing":  # blank lines at the very end are dropped
            add((kind, path), None)
    return att


def _nearest(path: Path_, known: dict[Path_, Any]) -> Path_ | None:
    """``path`` or its nearest ancestor among ``known`` (robustness: they should all exist)."""
    for k in range(len(path), 0, -1):
        if path[:k] in known:
            return path[:k]
    return None


def assemble(dumped: str, att: Attached, *, blank_lines: bool) -> str:
    """The dumped (comment-free) text with the comments put back."""
    lay = layout(dumped)
    lines = lay.lines
    if lines and lines[-1] == "":
        lines = lines[:-1]
    by_path = {it.path: it for it in lay.items}
    before: dict[int, list[tuple[int, _Line]]] = {}
    after: dict[int, list[tuple[int, _Line]]] = {}
    eol: dict[int, tuple[str, int, int]] = {}
    last = len(lines) - 1

    # Comments whose item or block is not in the output (should not happen) go to the nearest
    # item that is; comments are never dropped.
    leading: dict[Path_, list[_Line]] = {}
    for path, values in att.leading.items():
        target = _nearest(path, by_path)
        if target is None:
            att.header.extend(values)
        else:
            leading.setdefault(target, []).extend(values)
    for path, (text, col, gap) in att.eol.items():
        target = _nearest(path, by_path)
        if target is None or by_path[target].head_end in eol:
            leading.setdefault(target or (), []).append(text)
            continue
        eol[by_path[target].head_end] = (text, col, gap)
    before.setdefault(0, []).extend((0, v) for v in att.header)
    before[0].extend((0, v) for v in leading.pop((), []))
    line_col: dict[int, int] = {}
    for it in lay.items:
        # Above "- key: …" a comment stands at the dash, whether it belongs to the list item
        # or to its first key (both read back the same).
        col = line_col.setdefault(it.line, it.col)
        for value in leading.get(it.path, ()):
            before.setdefault(it.line, []).append((col, value))
    trailing_root = att.trailing.get((), [])
    for path, block in lay.blocks.items():
        if path == ():
            continue
        for value in att.trailing.get(path, ()):
            after.setdefault(block.end, []).append((block.col, value))
    for path, values in att.trailing.items():
        if path != () and path not in lay.blocks:
            target = _nearest(path, lay.blocks)
            if target is None:
                trailing_root.extend(values)
            else:
                block = lay.blocks[target]
                after.setdefault(block.end, []).extend((block.col, v) for v in values)
    after.setdefault(last, []).extend((0, v) for v in trailing_root)

    out: list[str] = []
    content = 0  # out[:content] ends with a line of the dumped text (maybe a block's blank line)
    prev_blank = True  # no blank line at the start

    def emit(extra: list[tuple[int, _Line]]) -> None:
        nonlocal prev_blank
        for col, value in extra:
            if value is None:
                if blank_lines and not prev_blank:
                    out.append("")
                    prev_blank = True
            else:
                out.append(" " * col + value)
                prev_blank = False

    for n, line in enumerate(lines):
        emit(before.get(n, []))
        if n not in lay.inside and n not in lay.touched:
            line = line.rstrip()
        if n in eol:
            # At its old column if the line leaves room, else as far from the content as before.
            text, col, gap = eol[n]
            line = line.rstrip()
            line += " " * (col - len(line) if col - len(line) >= 1 else max(1, gap)) + text
        out.append(line)
        content = len(out)
        prev_blank = not line  # a blank line inside a block (|+): no extra blank line after it
        emit(after.get(n, []))
    while len(out) > content and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
