"""The table of id lists (model/id_fields.py, decision 0550) against the models and the
rules: every list of ids a model has is in the table, every entry of the table is such a list,
and through the table both the rule for an id twice (dubblett-i-lista) and the rule for an id
that does not exist (okand-*/okant-*) reach each list."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

import utsatta
from tests.support import SHIPPED
from utsatta.check.rules import check_rules
from utsatta.check.rules.uppfoljning import check_uppfoljning
from utsatta.load.dataset import KIND_MODELS
from utsatta.load.type_advice import ID_HOMES
from utsatta.model.common import FokusId, Id, InsatsId
from utsatta.model.id_fields import EACH, ID_FIELDS, ID_REFS, IdField

#: the types of an id (a pattern-checked str); a list of one of them is a list of ids
ID_TYPES = (Id, InsatsId, FokusId)


def _options(annotation: Any) -> Iterator[Any]:
    """The types an annotation allows: each side of a union (``X | None``), unwrapped."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _options(arg)
    elif annotation is not type(None):
        yield annotation


#: the marks an ``Id``, ``InsatsId`` or ``FokusId`` leaves in a required field's metadata
#: (pydantic unpacks ``Annotated`` there; an optional field keeps it in its annotation)
ID_MARKS = [mark for tp in ID_TYPES for mark in typing.get_args(tp)[1:]]


def _ids(
    model: type[BaseModel], at: tuple[str, ...] = ()
) -> Iterator[tuple[bool, tuple[str, ...]]]:
    """Every field under ``model`` that holds an id of another record (a record's own 'id' is
    none), found by type: whether it is a list of ids, and its path."""
    for name, info in model.model_fields.items():
        if info.annotation is str and any(m in ID_MARKS for m in info.metadata):
            if name != "id":
                yield False, (*at, name)
            continue
        for option in _options(info.annotation):
            inner = typing.get_args(option)
            if typing.get_origin(option) is list and inner:
                if inner[0] in ID_TYPES:
                    yield True, (*at, name)
                elif isinstance(inner[0], type) and issubclass(inner[0], BaseModel):
                    yield from _ids(inner[0], (*at, name, EACH))
            elif option in ID_TYPES and name != "id":
                yield False, (*at, name)
            elif isinstance(option, type) and issubclass(option, BaseModel):
                yield from _ids(option, (*at, name))


def _id_lists(model: type[BaseModel]) -> Iterator[tuple[str, ...]]:
    """The path of every field under ``model`` that holds a list of ids, found by type."""
    return (path for is_list, path in _ids(model) if is_list)


def _id_refs(model: type[BaseModel]) -> Iterator[tuple[str, ...]]:
    """The path of every field under ``model`` that holds one id of another record."""
    return (path for is_list, path in _ids(model) if not is_list)


def test_the_walk_finds_lists_of_ids_by_type() -> None:
    """Not vacuous: the walk finds the lists the schema is known to have, and no free-text list
    (behov, andra_namn, granskare are lists of Text)."""
    found = {kind: set(_id_lists(model)) for kind, model in KIND_MODELS.items()}
    assert ("insatser", EACH, "omraden") in found["rapport"]
    assert ("organisationer", EACH, "efterfoljare", EACH, "insatser") in found["organisationer"]
    assert ("slutuppfoljning", "kallor") in found["uppfoljning"]
    assert not any("behov" in p or "andra_namn" in p or "granskare" in p for p in found["rapport"])
    assert not any("andra_namn" in p for p in found["organisationer"])
    refs = {kind: set(_id_refs(model)) for kind, model in KIND_MODELS.items()}
    assert ("organisation",) in refs["rapport"]  # required: its type is in its metadata
    assert ("utfall", EACH, "omrade") in refs["indikator"]  # optional: in its annotation
    assert ("insatser", EACH, "insats") in refs["rapport"]
    assert not any(p[-1] == "id" for paths in refs.values() for p in paths)
    assert not any(p[-1] in ("namn", "titel", "upplaga") for p in refs["uppfoljning"])


@pytest.mark.parametrize("kind", sorted(KIND_MODELS))
def test_every_list_of_ids_in_the_model_is_in_the_table(kind: str) -> None:
    in_model = set(_id_lists(KIND_MODELS[kind]))
    in_table = {f.path for f in ID_FIELDS.get(kind, ())}
    assert in_model - in_table == set(), (
        f"{kind}: lists of ids not in model/id_fields.py: add them to ID_FIELDS"
    )
    assert in_table - in_model == set(), f"{kind}: entries that are no list of ids in the model"


@pytest.mark.parametrize("kind", sorted(KIND_MODELS))
def test_every_field_of_one_id_in_the_model_is_in_the_table(kind: str) -> None:
    in_model = set(_id_refs(KIND_MODELS[kind]))
    in_table = {path for path, _ in ID_REFS.get(kind, ())}
    assert in_model - in_table == set(), (
        f"{kind}: fields of one id not in model/id_fields.py: add them to ID_REFS"
    )
    assert in_table - in_model == set(), f"{kind}: entries that are no field of one id"


def test_every_table_kind_is_a_file_kind() -> None:
    assert set(ID_FIELDS) <= set(KIND_MODELS)
    assert set(ID_REFS) <= set(KIND_MODELS)


def test_the_fields_of_a_name_hold_one_kind_of_id() -> None:
    """The schema's hint for a number written as an id (load/type_advice.ID_HOMES) finds where
    a field's ids are by the field's name, in every file kind (decision 0573)."""
    homes: dict[str, set[str]] = {}
    fields = [(f.path, f.holds) for fields in ID_FIELDS.values() for f in fields]
    for path, holds in fields + [ref for refs in ID_REFS.values() for ref in refs]:
        homes.setdefault(path[-1], set()).add(holds.home)
    assert {name: h for name, h in homes.items() if len(h) > 1} == {}
    named = {name: h.pop() for name, h in homes.items() if h != {""}}
    assert named == ID_HOMES
    # an insats's and a fokusområde's hint is its form ('1:3', "2"), not where it is listed
    assert not {"insatser", "insats", "fokusomrade"} & set(ID_HOMES)


UNKNOWN = "okant-id-i-test"


def _records(
    node: Any, way: list[str], place: tuple[str | int, ...] = ()
) -> Iterator[tuple[Any, tuple[str | int, ...]]]:
    """Each record at the end of ``way`` (keys, ``EACH`` for each record of a list) under
    ``node``, with its place."""
    if node is None:
        return
    if not way:
        yield node, place
    elif way[0] == EACH:
        for i, item in enumerate(node):
            yield from _records(item, way[1:], (*place, i))
    else:
        yield from _records(getattr(node, way[0]), way[1:], (*place, way[0]))


@pytest.mark.parametrize(
    "fld",
    [f for fields in ID_FIELDS.values() for f in fields],
    ids=lambda f: ".".join(f.path),
)
def test_both_rules_reach_every_list_of_the_table(fld: IdField) -> None:
    """An unknown id written twice at the end of the list: okand-*/okant-* at the first (the
    rule of the file kind) and dubblett-i-lista at the second. The models are changed in
    memory, so each list is reached even where the shipped data leaves it empty."""
    ds = utsatta.load(SHIPPED)
    kind = next(k for k, fields in ID_FIELDS.items() if fld in fields)
    *way, key = fld.path
    first = next(
        (
            (src, record, (*place, key))
            for src in ds.files()
            if src.kind == kind and src.model is not None
            for record, place in _records(src.model, way)
        ),
        None,
    )
    assert first is not None, f"no {kind} file in the shipped data has a record for {fld.path}"
    src, record, place = first
    ids = list(getattr(record, key) or [])
    # the models are frozen; the check reads them as they are
    record.__dict__[key] = [*ids, UNKNOWN, UNKNOWN]
    found = check_rules(ds) + check_uppfoljning(ds, sorted(ds.report_years))
    at = {(f.path, f.code) for f in found if f.file == src.display}
    n = len(ids)
    assert any(p == (*place, n) and c.startswith(("okand-", "okant-")) for p, c in at), at
    assert ((*place, n + 1), "dubblett-i-lista") in at
