"""The editor schema (``utsatta schema``) refuses in every text what ``validate`` refuses
(``otillatet-tecken``, docs/decisions/0151 and 0211): its pattern is built from the one list in
:mod:`utsatta.load.characters`, is ECMA-262 (what VS Code's yaml-language-server runs, with and
without the ``u`` flag) as well as Python's ``re`` (the ``jsonschema`` package), and lets every
ordinary text through (å, ä, ö, a tab in block text, an emoji, a soft hyphen)."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from utsatta.load.characters import (
    ASTRAL_NONCHARACTERS,
    REFUSED_BMP,
    REFUSED_RANGES,
    refused_pattern,
)
from utsatta.load.files import classify
from utsatta.load.yamlread import parse
from utsatta.schema_export import CLEAN_MESSAGE, CLEAN_PATTERN, file_names, schemas

REFUSED = refused_pattern()

SHIPPED = Path(__file__).resolve().parents[1] / "data"
SCHEMAS = schemas()
VALIDATORS = {kind: Draft202012Validator(SCHEMAS[name]) for kind, name in file_names().items()}

#: texts people write: every one passes the schema and validate alike
ORDINARY = [
    "Arbetet i Hjällbo, Gårdsten och Lövgärdet fortsätter. ÅÄÖ åäö é ü ø – ”citat” »så«",
    "Första raden\n\tandra raden indragen med tabb\n\nett nytt stycke",
    "Mjukt\u00adbindestreck, nollbrett\u200bmellanrum och emoji 😀👍🏽 (ZWJ: 👩\u200d💻)",
    "Icke-brytande\u00a0mellanslag, € 12,5 % och 1 000 kr",
    "",
]
#: one of every kind validate refuses, inside ordinary text
REFUSED_SAMPLES = [
    "a\u202eb",  # RIGHT-TO-LEFT OVERRIDE
    "a\u2066b\u2069",  # isolates
    "a\u200fb",  # RLM
    "a\u061cb",  # ALM
    "a\x1b[31mb",  # ESC
    "a\x00b",
    "a\x07b",
    "a\rb",
    "a\x0bb",
    "a\x7fb",
    "a\x85b",  # NEL (C1)
    "a\x9fb",
    "a\u2028b",
    "a\u2029b",
    "a\ud800b",  # a lone surrogate
    "a\udc00",
    "a\ufffeb",
    "a\ufdd0b",  # noncharacters the reader lets through (0663)
    "a\ufdefb",
    "a\uffff",
]


def _clean(text: str) -> bool:
    return re.search(CLEAN_PATTERN, text) is not None


def test_pattern_holds_exactly_the_refused_characters() -> None:
    """Every code point: the schema's pattern refuses it exactly when validate does. The
    pattern takes a text character by character, so all the allowed ones in one text pass
    exactly when each would."""
    every = "".join(chr(code) for code in range(0x110000))
    refused = REFUSED.findall(every)
    astral = sum(last - first + 1 for first, last in ASTRAL_NONCHARACTERS)
    assert len(refused) == sum(last - first + 1 for first, last in REFUSED_RANGES) + astral
    assert _clean(REFUSED.sub("", every))
    for ch in refused:
        # the noncharacters above U+FFFF: a pattern made of \uXXXX cannot name them (0663)
        assert _clean(f"x{ch}y") is (ch > "\uffff"), f"U+{ord(ch):04X}"
    # the pattern for a text without characters above U+FFFF: the same up to there (0663)
    assert REFUSED_BMP.findall(every) == [ch for ch in refused if ch <= "\uffff"]
    # the list's ends, for a reader of this test
    assert REFUSED_RANGES[0] == (0x00, 0x08) and (0x202A, 0x202E) in REFUSED_RANGES


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_passes(text: str) -> None:
    assert _clean(text) and REFUSED.search(text) is None


@pytest.mark.parametrize("text", REFUSED_SAMPLES, ids=ascii)
def test_refused_text_fails(text: str) -> None:
    assert not _clean(text) and REFUSED.search(text) is not None


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js saknas")
def test_patterns_are_ecma_262_and_agree_in_javascript(tmp_path: Path) -> None:
    """Every pattern of every schema compiles in JavaScript with the ``u`` flag (as
    yaml-language-server compiles it) and without; the text pattern gives the same verdicts as
    Python on the samples in both modes (an emoji is a surrogate pair without ``u``)."""
    every = sorted({p for doc in SCHEMAS.values() for p in _patterns(doc)})
    assert CLEAN_PATTERN in every
    samples = ORDINARY + REFUSED_SAMPLES
    script = tmp_path / "check.js"
    script.write_text(
        "const [patterns, clean, samples] = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        "for (const p of patterns) { new RegExp(p, 'u'); new RegExp(p); }\n"
        "const out = {};\n"
        "for (const f of ['u', '']) {\n"
        "  const r = new RegExp(clean, f);\n"
        "  out[f || 'ingen'] = samples.map((s) => r.test(s));\n"
        "}\n"
        "process.stdout.write(JSON.stringify(out));\n",
        encoding="utf-8",
    )
    # json.dumps escapes the lone surrogates as \\udXXX, which JavaScript reads as they are
    given = json.dumps([every, CLEAN_PATTERN, samples])
    done = subprocess.run(
        ["node", str(script)], input=given, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    expected = [True] * len(ORDINARY) + [False] * len(REFUSED_SAMPLES)
    assert json.loads(done.stdout) == {"u": expected, "ingen": expected}


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _leaves(value, (*path, n))
    elif isinstance(node, str):
        yield path, node


def _set(doc: Any, path: tuple[Any, ...], value: str) -> Any:
    out = copy.deepcopy(doc)
    here = out
    for step in path[:-1]:
        here = here[step]
    here[path[-1]] = value
    return out


def _shipped() -> Iterator[tuple[str, str, Any]]:
    for path in sorted(SHIPPED.rglob("*.yaml")):
        kind = classify(SHIPPED, path)
        assert kind is not None, path
        yield path.relative_to(SHIPPED).as_posix(), kind, parse(path.read_text("utf-8")).data


def test_every_text_field_of_the_shipped_data_flags_a_bidi_override() -> None:
    """Every kind of string in every shipped file (one per place in the schema: list positions
    taken as one), with U+202E put after its first character, fails the schema by a
    pattern (or, for an id, date or fixed value, its own pattern or enum); unchanged it
    passes."""
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    checked = 0
    for name, kind, doc in _shipped():
        validator = VALIDATORS[kind]
        assert not list(validator.iter_errors(doc)), name
        for path, value in _leaves(doc):
            place = (kind, tuple(0 if isinstance(p, int) else p for p in path))
            if place in seen or not value:
                continue
            seen.add(place)
            bad = _set(doc, path, value[:1] + "\u202e" + value[1:])
            errors = list(validator.iter_errors(bad))
            assert errors, (name, path)
            # its pattern (or, for a fixed value, enum; under anyOf or oneOf)
            assert {e.validator for e in errors} <= {"pattern", "enum", "anyOf", "oneOf"}, errors
            checked += 1
    assert checked > 100


def test_ordinary_block_text_with_tabs_passes_and_the_message_is_swedish() -> None:
    name, kind, doc = next(d for d in _shipped() if d[1] == "rapport")
    path = ("insatser", 0, "nulage")
    ok = _set(doc, path, ORDINARY[0] + "\n" + ORDINARY[1] + "\n" + ORDINARY[2])
    assert not list(VALIDATORS[kind].iter_errors(ok)), name
    bad = _set(doc, path, "Arbetet fortsätter \u202eenligt plan.")
    (error,) = VALIDATORS[kind].iter_errors(bad)
    assert list(error.absolute_path) == list(path)
    # the schema where it failed carries the editor's Swedish message
    assert error.schema["patternErrorMessage"] == CLEAN_MESSAGE
    assert "otillatet-tecken" in CLEAN_MESSAGE


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_schemas_stay_valid_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(SCHEMAS[name])
