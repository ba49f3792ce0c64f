"""The exported JSON Schemas (``utsatta schema``) agree with the pydantic models.

pydantic is the authority; the schemas are for editors and standard validators. Agreement is
checked three ways: over every validation case in tests/cases/ and every shipped data file, over
single changes to valid files (one per constraint), and string by string for the patterns.

Known differences, where JSON Schema cannot say what pydantic checks (see
``test_known_differences``, which pins each one down):

- NaN and infinities (YAML ``.nan``, ``.inf``): JSON has no such numbers, and a validator given
  Python's ``float("nan")`` accepts it as a number. That is why ``ogiltigt-tal`` is not in
  SCHEMA_CODES below.
- ``2023.0`` where an integer is required: the same number as 2023 in JSON, so ``"type":
  "integer"`` accepts it; pydantic in strict mode does not. So is ``schemaversion: 1.0``
  (``"const": 1``), which the model refuses as it refuses ``true``.
- A trailing line break after an id, date or web address (``"abc\\n"``): ECMA-262's ``$`` (the
  JSON Schema standard) rejects it, but the Python ``jsonschema`` package matches patterns with
  Python's ``re``, whose ``$`` also matches before a final newline.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, TypeAdapter, ValidationError
from typer.testing import CliRunner

from tests.support import BASE, CASE_DIRS, build_case
from utsatta.check import validate
from utsatta.cli.app import app as cli_app
from utsatta.load.dataset import KIND_MODELS
from utsatta.load.files import classify
from utsatta.load.yamlread import parse
from utsatta.model.common import Datum, FokusId, Id, InsatsId, Text, Url
from utsatta.schema_export import (
    DIALECT,
    combined_text,
    file_names,
    schema_texts,
    schemas,
    write_schemas,
)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"

#: Finding codes that come from the schema check (pydantic), as opposed to YAML reading or
#: checks across files. A file with one of them must fail the JSON Schema too.
SCHEMA_CODES = frozenset(
    {
        "saknat-falt",
        "okant-falt",
        "ogiltigt-varde",
        "fel-typ",
        "ogiltigt-id",
        "ogiltigt-insats-id",
        "ogiltigt-datum",
        "ogiltig-dag",
        "ogiltig-url",
        "tom-text",
        "tom-lista",
        "utanfor-intervall",
        "grupp-medlemmar-eller-urval",
        "malvarde-varde-eller-relativt",
        "uppfoljning-saknar-ar",
        "okand-schemaversion",
        "berakning-jamfor-med",
        # a control or bidi character in a value: the schema's pattern for every text is built
        # from the same characters (utsatta.load.characters.REFUSED_RANGES)
        "otillatet-tecken",
    }
)

SCHEMAS = schemas()
NAMES = file_names()
VALIDATORS = {kind: Draft202012Validator(SCHEMAS[name]) for kind, name in NAMES.items()}


def schema_errors(kind: str, data: Any) -> list[str]:
    return [e.message for e in VALIDATORS[kind].iter_errors(data)]


def pydantic_ok(kind: str, data: Any) -> bool:
    try:
        KIND_MODELS[kind].model_validate(data)
    except ValidationError:
        return False
    return True


# --- agreement over the validation cases and the shipped data ------------------------------------


def _check_folder(data: Path) -> tuple[int, int]:
    """Every file in a data folder: no finding → schema passes; schema finding → schema fails.

    Returns how many files were required to pass and to fail.
    """
    result = validate(data)
    codes: dict[str, set[str]] = defaultdict(set)
    for f in result.findings:
        codes[f.file].add(f.code)
    passed = failed = 0
    for src in result.dataset.files():
        try:
            text = src.path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # not readable as text: nothing to give a JSON Schema validator
        doc = parse(text).data
        if doc is None:
            continue  # no data (syntax error, empty file): a YAML-level finding
        found = codes.get(src.display, set())
        errors = schema_errors(src.kind, doc)
        # pydantic accepted the file when it has no finding at all, or when it got a model
        # (findings from other checks, e.g. an unknown organisation, do not make it invalid).
        if not found or src.model is not None:
            assert errors == [], f"{src.display} ({sorted(found)}) fails the schema: {errors}"
            passed += 1
        elif found & SCHEMA_CODES:
            assert errors, f"{src.display} has {sorted(found & SCHEMA_CODES)} but passes"
            failed += 1
        # else: only YAML-level findings (duplicate key, alias, tag …); the data as read is not
        # what the file says, so neither verdict is required.
    return passed, failed


def test_cases_agree(case: Path, tmp_path: Path) -> None:
    # The whole folder is checked, without the case's args.txt (--year would hide files).
    passed, _failed = _check_folder(build_case(case, tmp_path))
    assert passed > 0


def test_base_agrees() -> None:
    passed, failed = _check_folder(BASE)
    assert (passed, failed) == (len(list(BASE.rglob("*.yaml"))), 0)


def test_shipped_data_agrees() -> None:
    files = sorted(SHIPPED.rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        kind = classify(SHIPPED, path)
        assert kind is not None, path
        doc = parse(path.read_text(encoding="utf-8")).data
        assert schema_errors(kind, doc) == [], path


def test_every_schema_code_is_exercised() -> None:
    """The cases cover most schema-level codes, so the agreement above is not vacuous."""
    seen = {
        code
        for case in CASE_DIRS
        for code in re.findall(r"\[([a-z0-9-]+)\]", (case / "expected.txt").read_text("utf-8"))
    }
    assert len(seen & SCHEMA_CODES) >= 10, sorted(seen & SCHEMA_CODES)


# --- agreement constraint by constraint -----------------------------------------------------------

_DELETE = object()


def _base_doc(kind: str) -> Any:
    rel = {
        "plan": "plan.yaml",
        "organisationer": "organisationer.yaml",
        "omraden": "omraden.yaml",
        "indikator": "indikatorer/valdeltagande.yaml",
        "rapport": "rapporter/2023/grundskolenamnden.yaml",
    }[kind]
    return parse((BASE / rel).read_text(encoding="utf-8")).data


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    node = doc
    for part in path[:-1]:
        node = node[part]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


# (kind, path, new value): each changes one thing in a valid base file.
MUTATIONS: list[tuple[str, tuple[Any, ...], Any]] = [
    ("rapport", ("schemaversion",), 2),
    ("rapport", ("schemaversion",), "1"),
    ("rapport", ("schemaversion",), _DELETE),
    ("rapport", ("ar",), "2023"),
    ("rapport", ("ar",), 1899),
    ("rapport", ("ar",), 2201),
    ("rapport", ("ar",), 1900),
    ("rapport", ("ar",), None),
    ("rapport", ("organisation",), "Grundskolan"),
    ("rapport", ("organisation",), "grund--skolan"),
    ("rapport", ("organisation",), "grundskolan-"),
    ("rapport", ("organisation",), "2023"),
    ("rapport", ("organisation",), 2023),
    ("rapport", ("illustrativ",), "ja"),
    ("rapport", ("illustrativ",), 1),
    ("rapport", ("illustrativ",), None),
    ("rapport", ("kontakt",), None),
    ("rapport", ("kontakt",), "Anna"),
    ("rapport", ("kontakt",), ""),
    ("rapport", ("extra",), "x"),
    ("rapport", ("insatser",), []),
    ("rapport", ("insatser",), {}),
    ("rapport", ("insatser", 0, "insats"), "1:0"),
    ("rapport", ("insatser", 0, "insats"), "01:1"),
    ("rapport", ("insatser", 0, "insats"), "1"),
    ("rapport", ("insatser", 0, "insats"), "12:34"),
    ("rapport", ("insatser", 0, "insats"), 1.1),
    ("rapport", ("insatser", 0, "status"), "klar"),
    ("rapport", ("insatser", 0, "status"), "genomford"),
    ("rapport", ("insatser", 0, "nulage"), " \t "),
    ("rapport", ("insatser", 0, "nulage"), ""),
    ("rapport", ("insatser", 0, "nulage"), None),
    ("rapport", ("insatser", 0, "nulage"), "\u00a0"),
    ("rapport", ("insatser", 0, "nulage"), " x "),
    ("rapport", ("insatser", 0, "omraden"), "bergsjon"),
    ("rapport", ("insatser", 0, "omraden"), []),
    ("rapport", ("insatser", 0, "omraden"), ["bergsjön"]),
    ("rapport", ("insatser", 0, "omraden"), [None]),
    ("rapport", ("insatser", 0, "behov"), ["", "x"]),
    ("rapport", ("insatser", 0, "behov"), ["x"]),
    ("rapport", ("insatser", 0, "samordning"), None),
    ("rapport", ("insatser", 0, "fortsatt_arbete"), _DELETE),
    ("rapport", ("insatser", 0, "okand"), 1),
    ("organisationer", ("organisationer", 0, "typ"), "nämnd"),
    ("organisationer", ("organisationer", 0, "verksamhet_i_utsatta_omraden"), "ja"),
    ("organisationer", ("organisationer", 0, "verksamhet_i_utsatta_omraden"), _DELETE),
    ("organisationer", ("organisationer", 0, "granskare"), ["@org/team"]),
    ("organisationer", ("organisationer", 0, "granskare"), [" "]),
    ("organisationer", ("organisationer", 0, "granskare"), None),
    ("organisationer", ("grupper", 0, "urval"), "verksamhet_i_utsatta_omraden"),
    ("organisationer", ("grupper", 0, "urval"), None),
    ("organisationer", ("grupper", 0, "medlemmar"), None),
    ("organisationer", ("grupper", 0, "medlemmar"), _DELETE),
    ("organisationer", ("grupper", 0, "medlemmar"), []),
    ("organisationer", ("grupper", 1, "urval"), None),
    ("organisationer", ("grupper", 1, "urval"), "alla"),
    ("organisationer", ("grupper", 1, "medlemmar"), ["a"]),
    ("organisationer", ("grupper", 1, "medlemmar"), None),
    ("organisationer", ("grupper",), None),
    ("plan", ("insatser", 0, "uppfoljning", "ar"), 2023),
    ("plan", ("insatser", 0, "uppfoljning", "ar"), None),
    ("plan", ("insatser", 0, "uppfoljning", "typ"), "en-gang"),
    ("plan", ("insatser", 2, "uppfoljning", "ar"), None),
    ("plan", ("insatser", 2, "uppfoljning", "ar"), _DELETE),
    ("plan", ("insatser", 2, "uppfoljning", "typ"), "arlig"),
    ("plan", ("insatser", 2, "uppfoljning", "typ"), _DELETE),
    ("plan", ("insatser", 0, "samordningsansvar"), []),
    ("plan", ("insatser", 0, "ansvar"), []),
    ("plan", ("insatser", 0, "fokusomrade"), "0"),
    ("plan", ("insatser", 0, "fokusomrade"), 1),
    ("plan", ("insatser", 0, "id"), "1:1:1"),
    ("plan", ("fokusomraden", 0, "id"), "10"),
    ("plan", ("plan", "beslutsdatum"), "2023-02-29"),
    ("plan", ("plan", "beslutsdatum"), "2024-02-29"),
    ("plan", ("plan", "beslutsdatum"), "2023-13"),
    ("plan", ("plan", "beslutsdatum"), "2023-12"),
    ("plan", ("plan", "beslutsdatum"), "2023"),
    ("plan", ("plan", "beslutsdatum"), 2023),
    ("plan", ("plan", "beslutsdatum"), "23-01-01"),
    ("plan", ("plan", "giltighet", "till"), 2201),
    ("plan", ("plan", "giltighet", "fran"), _DELETE),
    ("plan", ("mal", "delmal"), []),
    ("plan", ("mal", "delmal", 0, "id"), "Inga"),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "varde": 90}]),
    # a målvärde without a source (docs/decisions/0400-malvarde-kraver-kalla.md)
    ("indikator", ("malvarden",), [{"ar": 2025, "varde": 90}]),
    (
        "indikator",
        ("malvarden",),
        [{"ar": 2025, "kalla": "k", "varde": 90, "relativt": {"faktor": 1.1}}],
    ),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k"}]),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "varde": None, "relativt": None}]),
    (
        "indikator",
        ("malvarden",),
        [{"ar": 2025, "kalla": "k", "varde": None, "relativt": {"faktor": 0.5}}],
    ),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "relativt": {"faktor": 0}}]),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "relativt": {"faktor": -1}}]),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "relativt": {"faktor": 1}}]),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "relativt": {}}]),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "varde": "90"}]),
    ("indikator", ("malvarden",), [{"ar": 2025, "kalla": "k", "varde": True}]),
    ("indikator", ("berakning",), {"typ": "antal-omraden", "nivaer": ["utsatt"]}),
    ("indikator", ("berakning",), {"typ": "antal-omraden", "nivaer": []}),
    ("indikator", ("berakning",), {"typ": "antal-omraden", "nivaer": ["x"]}),
    ("indikator", ("berakning",), {"typ": "nya-omraden", "nivaer": ["utsatt"]}),
    (
        "indikator",
        ("berakning",),
        {"typ": "nya-omraden", "nivaer": ["utsatt"], "jamfor_med": 2021},
    ),
    (
        "indikator",
        ("berakning",),
        {"typ": "nya-omraden", "nivaer": ["utsatt"], "jamfor_med": None},
    ),
    (
        "indikator",
        ("berakning",),
        {"typ": "antal-omraden", "nivaer": ["utsatt"], "jamfor_med": 2021},
    ),
    (
        "indikator",
        ("berakning",),
        {"typ": "antal-omraden", "nivaer": ["utsatt"], "jamfor_med": None},
    ),
    ("indikator", ("kallor", 0, "url"), "vartgoteborg.se"),
    ("indikator", ("kallor", 0, "url"), "http://x"),
    ("indikator", ("kallor", 0, "url"), "https://a b"),
    ("indikator", ("kallor", 0, "url"), "ftp://x"),
    # a user name before '@' (decision 0663): as written or encoded; an '@' after the host is fine
    ("indikator", ("kallor", 0, "url"), "https://goteborg.se%2Fwps%2Fportal@evil.example/"),
    ("indikator", ("kallor", 0, "url"), "https://goteborg.se%40evil.example/"),
    ("indikator", ("kallor", 0, "url"), "https://user:pw@goteborg.se"),
    ("indikator", ("kallor", 0, "url"), "https://goteborg.se\uff20evil.example"),
    ("indikator", ("kallor", 0, "url"), "https://goteborg.se/a@b?c=d@e#f@g"),
    ("indikator", ("kallor", 0, "url"), "https://goteborg.se?x=a%40b"),
    ("indikator", ("kallor", 0, "url"), "https://goteborg.se#@evil.example"),
    ("indikator", ("kallor", 0, "sakerhet"), "slutledd"),
    ("indikator", ("kallor", 0, "datum"), "2018-13-01"),
    ("indikator", ("kallor", 0, "datum"), "2018-12-01"),
    ("indikator", ("utfall", 0, "kon"), "X"),
    ("indikator", ("utfall", 0, "kon"), "K"),
    ("indikator", ("utfall", 0, "varde"), 81),
    ("indikator", ("utfall", 0, "varde"), "81"),
    ("indikator", ("utfall", 0, "metodbyte"), True),
    ("indikator", ("utfall", 0, "hamtad"), "2024-06-31"),
    ("indikator", ("insatser",), ["1:1"]),
    ("indikator", ("insatser",), [1]),
    ("indikator", ("fokusomrade",), None),
    ("indikator", ("fokusomrade",), "a"),
    ("indikator", ("metod",), "trend"),
    ("indikator", ("metod",), "linjar"),
    ("indikator", ("saknas",), {"orsak": "Inga värden."}),
    ("indikator", ("saknas",), {}),
    ("indikator", ("baslinje", "kalla"), None),
    ("indikator", ("baslinje", "extra"), 1),
    ("omraden", ("upplagor", 0, "manad"), 13),
    ("omraden", ("upplagor", 0, "manad"), 0),
    ("omraden", ("upplagor", 0, "manad"), 12),
    ("omraden", ("upplagor", 0, "manad"), "12"),
    ("omraden", ("omraden", 0, "klassning", 0, "niva"), "x"),
    ("omraden", ("omraden", 0, "klassning", 0, "sakerhet"), "saknas"),
    ("omraden", ("omraden", 0, "klassning", 0, "sakerhet"), "osaker"),
    ("omraden", ("omraden", 0, "klassning", 0, "upplaga"), "2021"),
    ("omraden", ("omraden", 0, "klassning"), _DELETE),
    ("omraden", ("kallor",), None),
]


@pytest.mark.parametrize(
    ("kind", "path", "value"),
    MUTATIONS,
    # _DELETE by name: an object's repr holds its address, and every pytest-xdist worker must
    # collect the same ids
    ids=[
        f"{k}:{'.'.join(map(str, p))}={'<tas bort>' if v is _DELETE else repr(v)}"[:80]
        for k, p, v in MUTATIONS
    ],
)
def test_single_changes_agree(kind: str, path: tuple[Any, ...], value: Any) -> None:
    base = _base_doc(kind)
    assert pydantic_ok(kind, base) and not schema_errors(kind, base)
    doc = _set(base, path, value)
    assert pydantic_ok(kind, doc) == (not schema_errors(kind, doc)), schema_errors(kind, doc)


def test_known_differences() -> None:
    """The documented places where JSON Schema cannot follow pydantic (module docstring)."""
    base = _base_doc("rapport")
    for value in (float("nan"), float("inf")):
        doc = _base_doc("indikator")
        doc["utfall"][0]["varde"] = value
        assert not pydantic_ok("indikator", doc)
        assert schema_errors("indikator", doc) == []
    doc = _set(base, ("ar",), 2023.0)
    assert not pydantic_ok("rapport", doc)
    assert schema_errors("rapport", doc) == []
    # schemaversion: true used to pass pydantic (True == 1); the model now rejects it too.
    doc = _set(base, ("schemaversion",), True)
    assert not pydantic_ok("rapport", doc)
    assert schema_errors("rapport", doc) != []
    # schemaversion: 1.0 passed pydantic (1.0 == 1); the model rejects it, JSON's const 1 not
    doc = _set(base, ("schemaversion",), 1.0)
    assert not pydantic_ok("rapport", doc)
    assert schema_errors("rapport", doc) == []
    doc = _set(base, ("organisation",), "grundskolenamnden\n")
    assert not pydantic_ok("rapport", doc)
    assert schema_errors("rapport", doc) == []


# --- the patterns, string by string ---------------------------------------------------------------


def _pattern(tp: Any) -> str:
    js = TypeAdapter(tp).json_schema()
    return str(js["pattern"])


def _accepts(tp: Any, value: str) -> bool:
    try:
        TypeAdapter(tp).validate_python(value)
    except ValidationError:
        return False
    return True


_WORDS = [
    "",
    " ",
    "a",
    "-",
    "a-",
    "-a",
    "a-b",
    "a--b",
    "ab-12-c",
    "A",
    "å",
    "a b",
    "a_b",
    "0",
    "1",
    "01",
    "10",
    "1:1",
    "1:01",
    "0:1",
    "12:345",
    "1:",
    ":1",
    "1:1:1",
    "1.1",
    "http://x",
    "https://x.se/a?b=c#d",
    "https://",
    "https:// x",
    "httpx://x",
    "HTTPS://x",
    "mailto:a@b",
    "x",
    "\t",
    "\u00a0",
    "\u3000",
    " x",
    "x ",
    "\u200b",
]


@pytest.mark.parametrize(
    "tp", [Id, InsatsId, FokusId, Url, Text], ids=["Id", "InsatsId", "FokusId", "Url", "Text"]
)
def test_patterns_agree_with_validators(tp: Any) -> None:
    pattern = re.compile(_pattern(tp))
    for word in _WORDS:
        assert _accepts(tp, word) == (pattern.search(word) is not None), repr(word)


def _date_strings() -> Iterator[str]:
    years = ["0000", "0001", "0004", "0100", "0400", "1600", "1900", "2000", "2023", "2024"]
    years += ["2100", "2400", "9996", "9999"]
    for y in years:
        yield y
        for m in range(15):
            yield f"{y}-{m:02d}"
            for d in range(33):
                yield f"{y}-{m:02d}-{d:02d}"
    yield from ["", "202", "20231", "2023-1", "2023-01-1", "2023/01/01", "2023-01-01T00:00"]
    yield from ["2023-", "2023-01-", "x2023", "２０２３"]


def test_date_pattern_agrees_with_validator() -> None:
    pattern = re.compile(_pattern(Datum))
    adapter = TypeAdapter(Datum)
    checked = 0
    for value in _date_strings():
        try:
            adapter.validate_python(value)
            ok = True
        except ValidationError:
            ok = False
        assert ok == (pattern.search(value) is not None), value
        checked += 1
    assert checked > 7000


# --- the schemas themselves -----------------------------------------------------------------------

#: Every keyword the exported schemas may use (all draft 2020-12 vocabulary).
KNOWN_KEYWORDS = frozenset(
    {
        "$schema",
        "$id",
        "$ref",
        "$defs",
        "title",
        "description",
        "default",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "const",
        "allOf",
        "anyOf",
        "oneOf",
        "if",
        "then",
        "else",
        "pattern",
        "minLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "minItems",
        # an annotation (draft 2020-12 meta-data): the fields' examples, which editors offer
        "examples",
        # VS Code's and yaml-language-server's message for a failed pattern (an annotation
        # for every other validator)
        "patternErrorMessage",
    }
)


def _subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    """Every schema object in ``schema`` (following the keywords that hold schemas)."""
    if not isinstance(schema, dict):
        return
    yield schema
    for key in ("properties", "$defs"):
        for sub in schema.get(key, {}).values():
            yield from _subschemas(sub)
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key, []):
            yield from _subschemas(sub)
    for key in ("items", "if", "then", "else"):
        yield from _subschemas(schema.get(key))


def _models(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "(dokumentet)", schema
    yield from schema.get("$defs", {}).items()


def test_file_names() -> None:
    assert list(SCHEMAS) == [
        "plan.schema.json",
        "organisationer.schema.json",
        "omraden.schema.json",
        "indikator.schema.json",
        "rapport.schema.json",
        "uppfoljning.schema.json",
    ]
    assert set(NAMES) == set(KIND_MODELS)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_valid_draft_2020_12(name: str) -> None:
    schema = SCHEMAS[name]
    Draft202012Validator.check_schema(schema)
    assert list(schema)[:4] == ["$schema", "$id", "title", "description"]
    assert schema["$schema"] == DIALECT
    assert schema["$id"].endswith(name)
    for sub in _subschemas(schema):
        unknown = set(sub) - KNOWN_KEYWORDS
        assert not unknown, (name, unknown, sub)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_objects_are_closed(name: str) -> None:
    """Unknown keys are errors, as in the models (extra=forbid)."""
    objects = [
        s for s in _subschemas(SCHEMAS[name]) if s.get("type") == "object" and "properties" in s
    ]
    assert objects
    for sub in objects:
        assert sub.get("additionalProperties") is False, sub.get("title")


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_swedish_titles_and_descriptions(name: str) -> None:
    for model_name, model in _models(SCHEMAS[name]):
        assert model.get("title", "").strip(), model_name
        assert model.get("description", "").strip(), model_name
        for prop, sub in model.get("properties", {}).items():
            where = f"{name}: {model_name}.{prop}"
            assert sub.get("title", "").strip(), where
            assert sub.get("description", "").strip(), where
            # Descriptions are sentences: capital or a value first, full stop last.
            assert sub["description"].rstrip().endswith((".", ")")), where


def test_every_model_field_is_described() -> None:
    """The metadata lives on the models, so other commands can use it too."""
    seen: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = list(KIND_MODELS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        extra = model.model_config.get("json_schema_extra")
        assert isinstance(extra, dict) and extra.get("title") and extra.get("description"), model
        for name, info in model.model_fields.items():
            assert info.title and info.description, f"{model.__name__}.{name}"
            todo += [
                t
                for t in _types_in(info.annotation)
                if isinstance(t, type) and issubclass(t, BaseModel)
            ]
    assert len(seen) >= 20


def _types_in(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in getattr(tp, "__args__", ()):
        yield from _types_in(arg)


# --- determinism ----------------------------------------------------------------------------------


def test_deterministic() -> None:
    assert combined_text() == combined_text()
    assert schema_texts() == schema_texts()
    for name, text in schema_texts().items():
        assert text.endswith("}\n")
        assert json.loads(text) == SCHEMAS[name]
    assert json.loads(combined_text()) == SCHEMAS


def test_same_bytes_in_another_process() -> None:
    code = (
        "import sys; from utsatta.schema_export import combined_text; "
        "sys.stdout.buffer.write(combined_text().encode('utf-8'))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, env=env
    ).stdout
    assert out == combined_text().encode("utf-8")


# --- writing files and the command ----------------------------------------------------------------


def test_write_schemas(tmp_path: Path) -> None:
    from utsatta.errors import OutputError

    folder = tmp_path / "a" / "schema"
    done = write_schemas(folder, overwrite=False)
    assert {p.name: str(s) for p, s in done.items()} == dict.fromkeys(SCHEMAS, "skriven")
    for name, text in schema_texts().items():
        assert (folder / name).read_bytes() == text.encode("utf-8")
    assert {str(s) for s in write_schemas(folder, overwrite=False).values()} == {"oförändrad"}

    changed = folder / "rapport.schema.json"
    changed.write_text("{}\n", encoding="utf-8")
    (folder / "plan.schema.json").unlink()
    with pytest.raises(OutputError, match="--force"):
        write_schemas(folder, overwrite=False)
    # Refused before anything was written.
    assert changed.read_text(encoding="utf-8") == "{}\n"
    assert not (folder / "plan.schema.json").exists()
    done = write_schemas(folder, overwrite=True)
    assert str(done[changed]) == "ersatt"
    assert str(done[folder / "plan.schema.json"]) == "skriven"
    assert changed.read_bytes() == schema_texts()["rapport.schema.json"].encode("utf-8")


def test_command_prints_combined_document() -> None:
    result = CliRunner().invoke(cli_app, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == combined_text()


def test_command_writes_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "schema"
    result = runner.invoke(cli_app, ["schema", "--output", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(SCHEMAS)
    assert "skriven" in result.stderr

    result = runner.invoke(cli_app, ["schema", "--output", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.count("oförändrad") == len(SCHEMAS)

    (out / "plan.schema.json").write_text("{}\n", encoding="utf-8")
    result = runner.invoke(cli_app, ["schema", "--output", str(out)], catch_exceptions=False)
    assert result.exit_code == 4  # WriteRefused
    assert result.stderr == (
        f"fel: {out / 'plan.schema.json'} finns redan med annat innehåll och skrivs inte över. "
        "Ange --force för att ersätta filen.\n"
    )
    assert (out / "plan.schema.json").read_text(encoding="utf-8") == "{}\n"

    result = runner.invoke(
        cli_app, ["schema", "--output", str(out), "--force"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert f"{out / 'plan.schema.json'}: ersatt" in result.stderr
    assert (out / "plan.schema.json").read_text(encoding="utf-8") == schema_texts()[
        "plan.schema.json"
    ]


def test_command_help_is_swedish() -> None:
    result = CliRunner().invoke(cli_app, ["schema", "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Exempel: utsatta schema --output schema" in result.stdout
    assert "MAPP" in result.stdout
