"""The schema side of fmt: key order and id fields from the pydantic models, and the
ruamel.yaml round trip that rebuilds a file in that order."""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tag import Tag

from utsatta.load.scalars import NumberTooLarge, resolve_plain
from utsatta.load.spelling import intended
from utsatta.model.common import FokusId, InsatsId

Path_ = tuple[Any, ...]

WIDTH = 4096

# --------------------------------------------------------------------------------------------
# The schema side: key order and id fields, from the pydantic models.

_ID_VALIDATORS = frozenset(
    func
    for meta in (*typing.get_args(InsatsId)[1:], *typing.get_args(FokusId)[1:])
    if (func := getattr(meta, "func", None)) is not None
)


@dataclass(frozen=True, slots=True)
class Shape:
    """What the models say about a value: a model, a list of something, or an id."""

    model: type[BaseModel] | None = None
    item: Shape | None = None
    is_id: bool = False


_NO_SHAPE = Shape()


def _is_id(metadata: typing.Iterable[Any]) -> bool:
    return any(getattr(meta, "func", None) in _ID_VALIDATORS for meta in metadata)


def _shape(annotation: Any, metadata: typing.Iterable[Any] = ()) -> Shape:
    if _is_id(metadata):
        return Shape(is_id=True)
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
        return Shape(item=_shape(arg))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(model=annotation)
    return _NO_SHAPE


_FIELD_SHAPES: dict[type[BaseModel], dict[str, Shape]] = {}


def _fields(model: type[BaseModel]) -> dict[str, Shape]:
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


class _Emitter(RoundTripEmitter):
    """ruamel.yaml's emitter, but a block text whose first line starts with a tab gets an
    indentation indicator ('|2-'): without one the reader takes the tab for indentation and
    refuses the file (libyaml: "found a tab character where an indentation space is
    expected"). ruamel.yaml adds the indicator only for a first space or line break."""

    def determine_block_hints(self, text: Any) -> Any:
        hints, indent, indicator = super().determine_block_hints(text)
        if text[:1] == "\t" and not hints[:1].isdigit():
            indent = 2
            hints = f"{indent}{hints}"
        return hints, indent, indicator


def make_yaml() -> YAML:
    """A fresh round-trip YAML instance with the canonical settings."""
    yaml = YAML(typ="rt")
    yaml.Resolver = _TextResolver
    yaml.Emitter = _Emitter
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
        try:
            return isinstance(resolve_plain(value), str)
        except NumberTooLarge:
            return False  # a number, just too large to read
    return True


def _scalar(value: Any, shape: Shape) -> Any:
    """A fresh copy of a scalar (no comments attached), ids in double quotes."""
    text = str(value)
    if shape.is_id and _is_text(value) and not _needs_block(text):
        # (an "id" over lines or with a tab is no id: validate says so; in quotes it would
        # need '\n' or '\t')
        return DoubleQuotedScalarString(text)
    if isinstance(value, FoldedScalarString):
        folded = FoldedScalarString(text)
        fold_pos = getattr(value, "fold_pos", None)
        if fold_pos is not None:
            folded.fold_pos = list(fold_pos)
        return folded
    if ("\t" in text or ("\n" in text and not isinstance(value, SingleQuotedScalarString))) and (
        not isinstance(value, LiteralScalarString)
    ):
        # A plain or quoted text with a tab, or a plain or double-quoted text over paragraphs
        # (a blank line is a line break): ruamel.yaml would write it in double quotes with
        # '\t' or '\n', which validate refuses (bakstreck-i-citat); a block text holds the
        # same text. (A text in '…' over lines is written back in '…'.)
        return LiteralScalarString(text)
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


def rebuild(
    node: Any, shape: Shape, data: Any, path: Path_ = (), forced: frozenset[Path_] = frozenset()
) -> Any:
    """A comment-free copy of the tree with keys in the model's order.

    ``data`` is what our reader read at the same place. Scalars at ``forced`` paths are written
    in double quotes with the reader's text: the fallback for the rare value that ruamel.yaml
    cannot write back in its original style without changing it.
    """
    if isinstance(node, CommentedMap):
        new_map = CommentedMap()
        if node.fa.flow_style() and not _block_below(data):
            new_map.fa.set_flow_style()
        fields = _fields(shape.model) if shape.model is not None else {}
        keys = sorted(node, key=_key_order(list(fields), list(node)))
        for key in keys:
            sub = data.get(key, _MISSING) if isinstance(data, dict) else _MISSING
            new_map[key] = rebuild(node[key], fields.get(key, _NO_SHAPE), sub, (*path, key), forced)
        return new_map
    if isinstance(node, CommentedSeq):
        new_seq = CommentedSeq()
        if node.fa.flow_style() and not _block_below(data):
            new_seq.fa.set_flow_style()
        item = shape.item or _NO_SHAPE
        for i, value in enumerate(node):
            sub = data[i] if isinstance(data, list) and i < len(data) else _MISSING
            new_seq.append(rebuild(value, item, sub, (*path, i), forced))
        return new_seq
    if path in forced and isinstance(data, str):
        return faithful(data)
    return _scalar(node, shape)


#: What ruamel.yaml can write within "…" only as '\t' or '\n', which our reader refuses
#: (bakstreck-i-citat): a text with one of them is written as a block text instead.
_LETTER_ESCAPED = ("\t", "\n")


def _needs_block(data: str) -> bool:
    return any(c in data for c in _LETTER_ESCAPED)


def faithful(data: str) -> Any:
    """``data`` (a text as our reader read it) in a style that our reader reads back as exactly
    ``data``: within "…" when ruamel.yaml's escapes there are ones the reader accepts ('\\\\',
    '\\"', a character by its code), else as a literal block text ('|', with the chomping and
    indentation indicators it needs), which holds tabs, line breaks, blank lines and spaces
    as they are. (The reader refuses every other character a block text cannot hold.)"""
    if _needs_block(data):
        return LiteralScalarString(data)
    return DoubleQuotedScalarString(data)


def _block_below(data: Any) -> bool:
    """Whether a value in ``data`` (what the reader read in a flow collection, '[…]' or
    '{…}') has a tab or a line break: it is written as a block text, which a flow collection
    cannot hold, so the collection is written as a block too (the same data)."""
    if isinstance(data, dict):
        return any(_block_below(v) for v in data.values())
    if isinstance(data, list):
        return any(_block_below(v) for v in data)
    return isinstance(data, str) and _needs_block(data)


def differences(a: Any, b: Any, path: Path_ = ()) -> Iterator[Path_]:
    """The paths where two parsed documents differ (the deepest place)."""
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        for key, value in a.items():
            yield from differences(value, b[key], (*path, key))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from differences(x, y, (*path, i))
    elif not same(a, b):
        yield path


# --------------------------------------------------------------------------------------------
# The invariant.


def same(a: Any, b: Any) -> bool:
    """Strict equality of parsed data: same types, NaN equal to NaN, key order free."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or repr(a) == repr(b)
    return bool(a == b)
