"""`utsatta fmt`: one canonical layout for the data files, without changing their content.

The canonical layout:

- keys in the order of the fields of the file's pydantic model, at every level; a key the model
  does not know goes right after the field it is a misspelling of (``Nuläge`` after
  ``nulage``), else after the known keys, in its original order;
- block mappings indented by 2, block sequences by 2 with the dash indented by 2 (``- `` under
  its key, the item's content at +4), flow collections (``[a, b]``) stay flow collections;
- insats ids and fokusområde ids in double quotes (``"1:3"``, ``"1"``) when they are text; every
  other scalar keeps its style (plain, quoted, ``|`` and ``>`` blocks), no re-wrapping of prose;
- comments kept: a comment on its own line moves with the key or list item it stands above, or
  stays at the end of the block it closes; an end-of-line comment stays on its item's line;
  comments before the first key are the file's header and stay at the top; at most one blank
  line in a row, none at the start or the end;
- no ``---``, LF line ends, no byte-order mark, exactly one final newline.

Only files that our own reader (:mod:`utsatta.load.yamlread`) reads without a single problem are
formatted; anchors, aliases, tags (even ``!!str``, which the reader accepts), duplicate keys and
so on are refused before ruamel.yaml sees the text, so ruamel only ever builds plain mappings,
sequences and strings. Every scalar is read as text (nothing is resolved to numbers, booleans or
dates) and written back as it was written; only a value ruamel.yaml cannot write back unchanged
in its own style (a rare corner, e.g. a folded block holding a tab) is written in double quotes.

Before anything is written, the result is checked: our reader must read the same data from it,
without problems, and every comment of the original must still be there. If the check fails the
file is left as it is and the failure is reported as an internal error.
"""

from __future__ import annotations

import bisect
import io
import math
import re
import types
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tag import Tag

from utsatta.check.schema import intended
from utsatta.errors import UtsattaError
from utsatta.load.dataset import KIND_MODELS
from utsatta.load.yamlread import MAX_FILE_BYTES, _events, decode, parse, resolve_plain
from utsatta.model.common import FokusId, InsatsId

__all__ = ["FmtResult", "FormatRefused", "format_file", "format_text"]

#: Lines are never re-wrapped (ruamel.yaml folds only lines longer than this).
WIDTH = 4096

Path_ = tuple[Any, ...]


class FormatRefused(UtsattaError):
    """The text is not formatted; the message (Swedish) says why.

    ``internal`` is true when the file itself is fine but formatting it would have changed its
    content (a bug in fmt): the file is then left untouched.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        internal: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.internal = internal


@dataclass(frozen=True, slots=True)
class FmtResult:
    """What happened to one file. ``error`` (Swedish) is set when it was not formatted."""

    path: Path
    changed: bool = False
    written: bool = False
    error: str | None = None
    line: int | None = None
    column: int | None = None
    internal: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


# --------------------------------------------------------------------------------------------
# The schema side: key order and id fields, from the pydantic models.

_ID_VALIDATORS = frozenset(
    func
    for meta in (*typing.get_args(InsatsId)[1:], *typing.get_args(FokusId)[1:])
    if (func := getattr(meta, "func", None)) is not None
)


@dataclass(frozen=True, slots=True)
class _Shape:
    """What the models say about a value: a model, a list of something, or an id."""

    model: type[BaseModel] | None = None
    item: _Shape | None = None
    is_id: bool = False


_NO_SHAPE = _Shape()


def _is_id(metadata: typing.Iterable[Any]) -> bool:
    return any(getattr(meta, "func", None) in _ID_VALIDATORS for meta in metadata)


def _shape(annotation: Any, metadata: typing.Iterable[Any] = ()) -> _Shape:
    if _is_id(metadata):
        return _Shape(is_id=True)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _shape(base, extra)
    if origin is Union or origin is types.UnionType:
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                found = _shape(arg)
                if found != _NO_SHAPE:
                    return found
        return _NO_SHAPE
    if origin is list:
        (arg,) = typing.get_args(annotation)
        return _Shape(item=_shape(arg))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Shape(model=annotation)
    return _NO_SHAPE


_FIELD_SHAPES: dict[type[BaseModel], dict[str, _Shape]] = {}


def _fields(model: type[BaseModel]) -> dict[str, _Shape]:
    """The model's fields in their declared order, each with the shape of its value."""
    found = _FIELD_SHAPES.get(model)
    if found is None:
        found = {
            name: _shape(info.annotation, info.metadata)
            for name, info in model.model_fields.items()
        }
        _FIELD_SHAPES[model] = found
    return found


# --------------------------------------------------------------------------------------------
# Reading and writing the tree with ruamel.yaml.


class _TextResolver(VersionedResolver):
    """Every scalar is text, except an empty plain scalar (null).

    With this resolver ruamel.yaml never turns ``2023`` into an int or ``1:3`` into a number,
    and on output it never has a reason to add quotes: a plain scalar is written back plain,
    exactly as it was read.
    """

    _NULL = Tag(suffix="tag:yaml.org,2002:null")

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if value == "" and implicit[0]:
                return self._NULL
            return self.DEFAULT_SCALAR_TAG
        if kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        if kind is MappingNode:
            return self.DEFAULT_MAPPING_TAG
        return super().resolve(kind, value, implicit)  # pragma: no cover


def _yaml() -> YAML:
    """A fresh round-trip YAML instance with the canonical settings."""
    yaml = YAML(typ="rt")
    yaml.Resolver = _TextResolver
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.explicit_start = False
    yaml.allow_unicode = True
    return yaml


def _is_text(value: Any) -> bool:
    """True when our reader reads this ruamel scalar as a string."""
    if not isinstance(value, str):
        return False
    if type(value) is str:  # plain: resolved by the YAML 1.2 core schema
        return isinstance(resolve_plain(value), str)
    return True


def _scalar(value: Any, shape: _Shape) -> Any:
    """A fresh copy of a scalar (no comments attached), ids in double quotes."""
    if shape.is_id and _is_text(value):
        return DoubleQuotedScalarString(str(value))
    if isinstance(value, FoldedScalarString):
        folded = FoldedScalarString(str(value))
        fold_pos = getattr(value, "fold_pos", None)
        if fold_pos is not None:
            folded.fold_pos = list(fold_pos)
        return folded
    for kind in (LiteralScalarString, DoubleQuotedScalarString, SingleQuotedScalarString):
        if isinstance(value, kind):
            return kind(str(value))
    return value


_MISSING = object()


def _key_order(fields: list[str], keys: list[Any]) -> Any:
    """Sort keys by the model's fields. A key the model does not know goes where the field it
    is a misspelling of goes (the same guess as validate's "ska heta"), so that correcting
    the spelling leaves the file formatted; other unknown keys go last, in their order."""
    place = {f: i for i, f in enumerate(fields)}
    original = {k: i for i, k in enumerate(keys)}

    def order(key: Any) -> tuple[int, int, int]:
        if key in place:
            return (place[key], 0, 0)
        guess = intended(key, fields) if isinstance(key, str) else None
        return (place[guess] if guess is not None else len(fields), 1, original[key])

    return order


def _rebuild(
    node: Any, shape: _Shape, data: Any, path: Path_ = (), forced: frozenset[Path_] = frozenset()
) -> Any:
    """A comment-free copy of the tree with keys in the model's order.

    ``data`` is what our reader read at the same place. Scalars at ``forced`` paths are written
    in double quotes with the reader's text: the fallback for the rare value that ruamel.yaml
    cannot write back in its original style without changing it.
    """
    if isinstance(node, CommentedMap):
        new_map = CommentedMap()
        if node.fa.flow_style():
            new_map.fa.set_flow_style()
        fields = _fields(shape.model) if shape.model is not None else {}
        keys = sorted(node, key=_key_order(list(fields), list(node)))
        for key in keys:
            sub = data.get(key, _MISSING) if isinstance(data, dict) else _MISSING
            new_map[key] = _rebuild(
                node[key], fields.get(key, _NO_SHAPE), sub, (*path, key), forced
            )
        return new_map
    if isinstance(node, CommentedSeq):
        new_seq = CommentedSeq()
        if node.fa.flow_style():
            new_seq.fa.set_flow_style()
        item = shape.item or _NO_SHAPE
        for i, value in enumerate(node):
            sub = data[i] if isinstance(data, list) and i < len(data) else _MISSING
            new_seq.append(_rebuild(value, item, sub, (*path, i), forced))
        return new_seq
    if path in forced and isinstance(data, str):
        return DoubleQuotedScalarString(data)
    return _scalar(node, shape)


def _differences(a: Any, b: Any, path: Path_ = ()) -> Iterator[Path_]:
    """The paths where two parsed documents differ (the deepest place)."""
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        for key, value in a.items():
            yield from _differences(value, b[key], (*path, key))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _differences(x, y, (*path, i))
    elif not _same(a, b):
        yield path


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
class _Layout:
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


def _layout(text: str) -> _Layout:
    """Items, blocks and scalar extents of a text our reader has accepted."""
    lines = text.split("\n")
    lay = _Layout(lines)
    # frame: [path, is_map, flow, pending key or None, next index, block]
    stack: list[list[Any]] = []
    pending: _Item | None = None  # an item waiting for the end line of its flow value
    last_line = 0
    for ev in _events(text):
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


def _scalar_extent(lay: _Layout, ev: Any) -> int:
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
class _Comment:
    line: int
    col: int
    text: str  # from the '#', trailing white space removed
    eol: bool  # after content on the same line
    gap: int = 0  # for an end-of-line comment: the spaces between content and '#'


def _comments(lay: _Layout) -> Iterator[_Comment | int]:
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
                yield _Comment(n, p, line[p:].rstrip(), bool(content), p - len(content))
                break
            p = line.find("#", p + 1)


def comment_texts(text: str) -> Counter[str]:
    """The comments of a text our reader accepts (a multiset of their texts)."""
    lay = _layout(text)
    return Counter(c.text for c in _comments(lay) if isinstance(c, _Comment))


# --------------------------------------------------------------------------------------------
# Attaching the comments of the original to items and blocks, and putting them back.

#: a comment text, or None for a blank line
_Line = str | None


@dataclass(slots=True)
class _Attached:
    header: list[_Line] = field(default_factory=list)
    leading: dict[Path_, list[_Line]] = field(default_factory=dict)
    trailing: dict[Path_, list[_Line]] = field(default_factory=dict)
    #: end-of-line comments: text, original column, original gap
    eol: dict[Path_, tuple[str, int, int]] = field(default_factory=dict)


def _is_inside(container: Path_, path: Path_) -> bool:
    return len(path) > len(container) and path[: len(container)] == container


def _attach(lay: _Layout) -> _Attached:
    att = _Attached()
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
    for c in _comments(lay):
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


def _assemble(dumped: str, att: _Attached, *, blank_lines: bool) -> str:
    """The dumped (comment-free) text with the comments put back."""
    lay = _layout(dumped)
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


# --------------------------------------------------------------------------------------------
# The invariant.


def _same(a: Any, b: Any) -> bool:
    """Strict equality of parsed data: same types, NaN equal to NaN, key order free."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or repr(a) == repr(b)
    return bool(a == b)


def _check(original_data: Any, original_comments: Counter[str], formatted: str) -> str | None:
    """Why ``formatted`` may not replace the original, or None if it may."""
    result = parse(formatted)
    errors = [p for p in result.problems if p.severity == "fel"]
    if errors:
        p = errors[0]
        return f"resultatet går inte att läsa (rad {p.line}: {p.code})"
    if not _same(result.data, original_data):
        return "resultatet har inte samma innehåll som originalet"
    if comment_texts(formatted) != original_comments:
        return "resultatet har inte samma kommentarer som originalet"
    return None


# --------------------------------------------------------------------------------------------
# The public functions.


#: Line breaks for the parser (YAML 1.1 style) that are not line breaks for us: refused.
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unreadable(exc: MarkedYAMLError) -> FormatRefused:
    """ruamel.yaml's parser is stricter than libyaml in a few corners (a tab inside a value)."""
    mark = exc.problem_mark or exc.context_mark
    problem = str(exc.problem or exc.context or "okänt problem")
    return FormatRefused(
        "Filen formateras inte: formateraren (ruamel.yaml) kan inte läsa den här raden "
        f"({problem}), fast den är giltig YAML. Skriv värdet inom citattecken eller ta bort "
        "tabbtecken och andra ovanliga tecken.",
        line=mark.line + 1 if mark is not None else None,
        column=mark.column + 1 if mark is not None else None,
    )


def format_text(text: str, kind: str) -> str:
    """The canonical layout of ``text``, a data file of the given kind.

    Raises :class:`FormatRefused` (Swedish message) for text our reader does not accept without
    problems, and (``internal=True``) if the result would not have the same content.
    """
    model = KIND_MODELS[kind]
    original = parse(text[1:] if text.startswith("\ufeff") else text)
    errors = [p for p in original.problems if p.severity == "fel"]
    if errors:
        p = errors[0]
        raise FormatRefused(
            f"Filen formateras inte eftersom den har fel: {p.message} Rätta felet först "
            "(kör 'utsatta validate').",
            line=p.line,
            column=p.column,
        )
    source = _normalise(text)
    odd = _ODD_BREAK.search(source)
    if odd is not None:
        line = source.count("\n", 0, odd.start()) + 1
        raise FormatRefused(
            f"Filen formateras inte: den innehåller tecknet U+{ord(odd.group()):04X} (en "
            "radbrytning som YAML-läsare tolkar olika). Ersätt det med en vanlig radbrytning "
            "eller ett mellanslag.",
            line=line,
            column=odd.start() - (source.rfind("\n", 0, odd.start()) + 1) + 1,
        )
    try:
        lay = _layout(source)
        if not lay.root_is_block_map:
            raise FormatRefused(
                "Filen formateras inte: den ska bestå av rader med 'nyckel: värde' på översta "
                "nivån (en YAML-mappning i blockform).",
                line=1,
                column=1,
            )
        comments = Counter(c.text for c in _comments(lay) if isinstance(c, _Comment))
        attached = _attach(lay)
        try:
            tree = _yaml().load(source)
        except MarkedYAMLError as exc:
            raise _unreadable(exc) from None
        why: str | None = "okänt fel"
        forced: frozenset[Path_] = frozenset()
        for _ in range(3):
            stream = io.StringIO()
            _yaml().dump(_rebuild(tree, _Shape(model=model), original.data, (), forced), stream)
            dumped = stream.getvalue()
            for blank_lines in (True, False):
                formatted = _assemble(dumped, attached, blank_lines=blank_lines)
                why = _check(original.data, comments, formatted)
                if why is None:
                    return formatted
            # Values ruamel.yaml did not write back faithfully: again, in double quotes.
            wrong = frozenset(_differences(parse(dumped).data, original.data)) - forced
            if not wrong:
                break
            forced |= wrong
    except FormatRefused:
        raise
    except Exception as exc:  # ruamel.yaml or a bug here: never a traceback for the user
        why = f"{type(exc).__name__}: {exc}"
    raise FormatRefused(
        f"Internt fel i utsatta fmt: filen lämnas orörd ({why}). Filen är troligen korrekt; "
        "rapportera gärna felet till utsattas utvecklare.",
        internal=True,
    )


def format_file(path: Path, kind: str, *, write: bool = True) -> FmtResult:
    """Format one file in place (atomically), or with ``write=False`` only find out whether it
    would change. Never raises for bad content: the result says why a file was not formatted."""
    from utsatta.errors import OutputError
    from utsatta.fileio import read_regular, write_atomic

    if path.is_symlink():
        return FmtResult(
            path,
            error="Filen är en symbolisk länk och formateras inte. Formatera filen den pekar på.",
        )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return FmtResult(
                path,
                error=f"Filen är större än {MAX_FILE_BYTES // 1024} kB och formateras inte.",
            )
        raw = read_regular(path)  # never blocks on a FIFO or device
    except OSError as exc:
        return FmtResult(path, error=f"Filen går inte att läsa ({exc.strerror}).")
    text, problem = decode(raw)
    if text is None:
        assert problem is not None
        return FmtResult(path, error=problem.message, line=problem.line, column=problem.column)
    try:
        formatted = format_text(text, kind)
    except FormatRefused as exc:
        return FmtResult(
            path, error=exc.message, line=exc.line, column=exc.column, internal=exc.internal
        )
    new = formatted.encode("utf-8")
    if new == raw:
        return FmtResult(path)
    if not write:
        return FmtResult(path, changed=True)
    try:
        if read_regular(path) != raw:
            return FmtResult(
                path,
                changed=True,
                error="Filen ändrades medan den formaterades och lämnas som den är. Försök igen.",
            )
        write_atomic(path, formatted, overwrite=True)
    except OSError as exc:
        return FmtResult(path, changed=True, error=f"Filen går inte att skriva ({exc.strerror}).")
    except OutputError as exc:
        return FmtResult(path, changed=True, error=str(exc))
    return FmtResult(path, changed=True, written=True)
