"""What a model declares at a data path: the type there (with its checks), the model whose keys
are allowed there, a field's allowed values, example and description. The schema step
(``load.schema``) words its findings from them."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from utsatta.findings import Path_
from utsatta.model.common import TEXT_PATTERN

__all__ = [
    "allowed_values",
    "checked_type",
    "container_model",
    "example_of",
    "field_of",
    "free_text",
    "type_at",
    "unwrap",
    "what_belongs",
]


def unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional."""
    while True:
        origin = get_origin(tp)
        if origin is typing.Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def type_at(model: type[BaseModel], path: Path_) -> Any:
    """The declared type of the value at ``path`` (the model itself for ``()``), or None where
    the path leaves the models (an unknown key, an index into something that is no list)."""
    current: Any = model
    for part in path:
        current = unwrap(current)
        if isinstance(part, int):
            if get_origin(current) is not list:
                return None
            current = get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                return None
            current = info.annotation
        else:
            return None
    return current


def checked_type(model: type[BaseModel], path: Path_) -> Any:
    """The type at ``path`` with its checks: pydantic keeps a field's ``Annotated`` checks
    apart from its annotation (``InsatsId`` is ``str`` plus a check), so they are put back."""
    if path and isinstance(path[-1], str):
        holder = container_model(model, path[:-1])
        info = holder.model_fields.get(path[-1]) if holder is not None else None
        if info is not None and info.metadata:
            return typing.Annotated[(info.annotation, *info.metadata)]
    return type_at(model, path)


def container_model(model: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model whose keys are allowed at ``path``, if the value there is one."""
    current = unwrap(type_at(model, path))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def allowed_values(field_type: Any) -> list[str]:
    tp = unwrap(field_type)
    if get_origin(tp) is list:
        tp = unwrap(get_args(tp)[0])
    if get_origin(tp) is Literal:
        return [str(a) for a in get_args(tp)]
    return []


def free_text(field: FieldInfo | None) -> bool:
    """Whether ``field`` takes any text (model.common.Text), as a text that wraps onto the next
    line does: 'bedomning: bedoms-uppnas' is a value of a list, the line after it no more of it."""
    if field is None:
        return False
    marks = [*field.metadata]
    for arg in get_args(field.annotation):  # Text | None
        marks += get_args(arg)[1:]
    return any(getattr(m, "json_schema", {}).get("pattern") == TEXT_PATTERN for m in marks)


def field_of(model: type[BaseModel], path: Path_) -> FieldInfo | None:
    """The field whose value stands at ``path`` (a key of a model), or None."""
    if not path or not isinstance(path[-1], str):
        return None
    holder = container_model(model, path[:-1])
    return holder.model_fields.get(path[-1]) if holder is not None else None


def example_of(model: type[BaseModel], path: Path_) -> Any:
    """The example value of the field at ``path`` (``examples=`` in the models), or None.
    Every number field has one (tests/test_type_advice.py): a year for a year, a count for
    a count, so a message never offers a year where a count belongs."""
    info = field_of(model, path)
    return info.examples[0] if info is not None and info.examples else None


def what_belongs(model: type[BaseModel], path: Path_) -> str:
    """ " Där ska stå: <the field's description>" for the field at ``path``, or ""."""
    info = field_of(model, path)
    if info is None or not info.description:
        return ""
    text = info.description.rstrip(".")
    return f" Där ska stå: {text[:1].lower()}{text[1:]}."
