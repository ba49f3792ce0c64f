"""JSON Schema (draft 2020-12) for every kind of data file, generated from the pydantic models,
for editors and any JSON Schema validator; deterministic output. See
docs/decisions/0007-json-schema.md."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = [
    "CLEAN_MESSAGE",
    "CLEAN_PATTERN",
    "DIALECT",
    "ID_BASE",
    "Status",
    "combined_text",
    "file_names",
    "schema_texts",
    "schemas",
    "write_schemas",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: ``$id`` of each schema is this plus the file name. A URN, because the schemas have no
#: published home; editors find them by path (``# yaml-language-server: $schema=…``).
ID_BASE = "urn:utsatta:schema:1:"

#: pydantic's names for bounds it leaves untranslated, and their JSON Schema keywords.
_BOUNDS = {"gt": "exclusiveMinimum", "ge": "minimum", "lt": "exclusiveMaximum", "le": "maximum"}
#: Keys of a schema whose value is a mapping of name → schema.
_SCHEMA_MAPS = ("properties", "$defs", "patternProperties", "dependentSchemas")
#: Keys of a schema whose value is a list of schemas.
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
#: Keys of a schema whose value is one schema.
_SCHEMA_ONE = ("items", "not", "if", "then", "else", "contains", "additionalProperties")
#: The order of the top-level keys (others follow, then $defs).
_TOP_ORDER = ("$schema", "$id", "title", "description", "type", "properties", "required")


def _clean_pattern() -> str:
    """A string none of whose characters ``validate`` refuses (``otillatet-tecken``): built from
    the one list, :data:`utsatta.load.characters.REFUSED_RANGES`. ECMA-262 with and without the
    ``u`` flag, and Python's ``re``: only ``\\uXXXX`` escapes, classes and a group. A surrogate
    pair (an emoji) is one character with ``u`` (outside the class) and two without (the
    second alternative), so only a lone surrogate fails."""
    from utsatta.load.characters import refused_class

    return f"^(?:[^{refused_class()}]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$"


#: Every text the data may hold matches this (see :func:`_clean_pattern`).
CLEAN_PATTERN = _clean_pattern()
#: What an editor shows when a text does not (VS Code's and yaml-language-server's keyword; other
#: validators ignore it).
CLEAN_MESSAGE = (
    "Texten innehåller ett osynligt tecken som inte är tillåtet: ett kontrolltecken, ett "
    "styrtecken för skrivriktning (det ändrar i vilken ordning texten visas), en "
    "radbrytning som editorer inte visar eller ett icketecken (t.ex. U+FDD0). Ta bort det; "
    "inom citattecken är det ofta skrivet som en kod med \\ (t.ex. \\e, \\x07 eller "
    "\\u202e). utsatta validate visar var (otillatet-tecken)."
)


def _safe_pattern(pattern: str) -> bool:
    """Whether ``pattern`` only matches printable ASCII (so no refused character): anchored at
    both ends, and made of printable ASCII with no escape, no ``.`` and no negated class
    (an id, a date). Anything else gets :data:`CLEAN_PATTERN` too."""
    return (
        pattern.startswith("^")
        and pattern.endswith("$")
        and all("!" <= ch <= "~" for ch in pattern)
        and not any(bad in pattern for bad in ("\\", ".", "[^"))
    )


def _refuse_invisible(schema: dict[str, Any]) -> None:
    """Give a string schema the pattern of the characters ``validate`` refuses, so the editor
    underlines them too (docs/decisions/0211-schema-otillatna-tecken.md): as its ``pattern``
    when it has none, else beside it in ``allOf``; not for a fixed value (enum, const) or a
    pattern that already allows printable ASCII only."""
    if schema.get("type") != "string" or "enum" in schema or "const" in schema:
        return
    pattern = schema.get("pattern")
    if pattern is None:
        schema["pattern"] = CLEAN_PATTERN
        schema["patternErrorMessage"] = CLEAN_MESSAGE
    elif not _safe_pattern(pattern):
        check = {"pattern": CLEAN_PATTERN, "patternErrorMessage": CLEAN_MESSAGE}
        schema["allOf"] = [*schema.get("allOf", ()), check]


class Status(StrEnum):
    """What :func:`write_schemas` did with one file (the words the command prints)."""

    SKRIVEN = "skriven"
    ERSATT = "ersatt"
    OFORANDRAD = "oförändrad"


def file_names() -> dict[str, str]:
    """Kind of data file → schema file name, e.g. ``"rapport"`` → ``"rapport.schema.json"``."""
    from utsatta.load.dataset import KIND_MODELS

    return {kind: f"{kind}.schema.json" for kind in KIND_MODELS}


def schemas() -> dict[str, dict[str, Any]]:
    """Schema file name → JSON Schema document, one per kind of data file, in a fixed order."""
    from utsatta.load.dataset import KIND_MODELS

    names = file_names()
    return {names[kind]: _document(names[kind], model) for kind, model in KIND_MODELS.items()}


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def schema_texts() -> dict[str, str]:
    """Schema file name → the file's text (UTF-8 JSON, two-space indent, final newline)."""
    return {name: _dumps(doc) for name, doc in schemas().items()}


def combined_text() -> str:
    """All schemas as one JSON document ``{filnamn: schema}`` (what ``utsatta schema`` prints)."""
    return _dumps(schemas())


def _document(name: str, model: Any) -> dict[str, Any]:
    raw: dict[str, Any] = model.model_json_schema(mode="validation")
    _finish(raw)
    _describe_refs(raw)
    for key in ("title", "description"):
        if not raw.get(key):  # pragma: no cover - guarded by tests/test_schema_export.py
            raise ValueError(f"{model.__name__} has no Swedish {key} in json_schema_extra")
    doc: dict[str, Any] = {"$schema": DIALECT, "$id": ID_BASE + name}
    for key in _TOP_ORDER[2:]:
        if key in raw:
            doc[key] = raw.pop(key)
    defs = raw.pop("$defs", None)
    doc.update(raw)
    if defs is not None:
        doc["$defs"] = defs
    return doc


def _finish(schema: Any) -> None:
    """Post-process one (sub)schema in place, then everything below it."""
    if not isinstance(schema, dict):
        return
    for short, keyword in _BOUNDS.items():
        if short in schema and schema.get("type") in ("number", "integer"):
            schema[keyword] = schema.pop(short)
    if schema.get("type") == "object" and "properties" in schema:
        schema["additionalProperties"] = False
    _refuse_invisible(schema)
    for key in _SCHEMA_MAPS:
        for sub in (schema.get(key) or {}).values():
            _finish(sub)
    for key in _SCHEMA_LISTS:
        for sub in schema.get(key) or ():
            _finish(sub)
    for key in _SCHEMA_ONE:
        _finish(schema.get(key))
    # Title and description first, for people who read the file.
    first = {k: schema[k] for k in ("title", "description") if k in schema}
    if first:
        rest = {k: v for k, v in schema.items() if k not in first}
        schema.clear()
        schema.update(first)
        schema.update(rest)


def _describe_refs(doc: dict[str, Any]) -> None:
    """Give a property that is only a ``$ref`` the title and description of what it refers to.

    pydantic leaves them out when the field's texts equal the model's; editors show a property's
    own title and description on hover, so they are repeated here.
    """
    defs: dict[str, Any] = doc.get("$defs", {})
    for holder in (doc, *defs.values()):
        for prop in holder.get("properties", {}).values():
            ref = prop.get("$ref", "")
            target = (
                defs.get(ref.removeprefix("#/$defs/"), {}) if ref.startswith("#/$defs/") else {}
            )
            texts = {
                k: target[k] for k in ("title", "description") if k in target and k not in prop
            }
            if texts:
                rest = dict(prop)
                prop.clear()
                prop.update(texts)
                prop.update(rest)


def write_schemas(folder: Path, *, overwrite: bool) -> dict[Path, Status]:
    """Write one file per kind into ``folder`` (created if missing); what happened to each.

    A file that already has the same content is left alone (:attr:`Status.OFORANDRAD`). A file
    with other content is replaced only with ``overwrite``. Everything that would stop the
    write is found before anything is written: a target (or the folder) that is not a regular
    file (a link, FIFO, folder: WriteRefused, exit 4, also with ``overwrite``), then files with
    other content without ``overwrite`` (WriteRefused). The files are then written all or
    nothing (:func:`utsatta.filewrite.write_files_atomic`): a full disk or an interruption leaves
    the folder as it was (WriteFailed, exit 120), so it is never half updated.
    """
    import os

    from utsatta.fileio import check_output, read_regular, refusal
    from utsatta.filewrite import write_files_atomic

    texts = schema_texts()
    check_output(folder, want="en mapp")
    plan: dict[Path, Status] = {}
    for name, text in texts.items():
        path = folder / name
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            plan[path] = Status.SKRIVEN
            continue
        except NotADirectoryError:  # a file where a folder on the way should be: the write says
            plan[path] = Status.SKRIVEN
            continue
        problem = refusal(path, mode)
        if problem is not None:
            raise problem
        try:
            same = read_regular(path) == text.encode("utf-8")
        except OSError:
            same = False
        plan[path] = Status.OFORANDRAD if same else Status.ERSATT
    different = [p for p, status in plan.items() if status is Status.ERSATT]
    if different and not overwrite:
        from utsatta.fileio import exists_refusal, shown

        names = ", ".join(shown(p) for p in different)
        raise exists_refusal(names, other_content=True, several=len(different) > 1)
    changed = {
        p.name: texts[p.name] for p, status in plan.items() if status is not Status.OFORANDRAD
    }
    if changed:
        write_files_atomic(folder, changed, overwrite=overwrite)
    return plan
