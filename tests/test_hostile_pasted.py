"""Text pasted under ``nulage: |`` without indentation (issue 16): whatever the sentences and
however little they are indented, one finding ``text-ej-indragen`` names exactly the lines
to indent (docs/decisions/0066-honest-mistakes.md)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from utsatta.load import yamlread
from utsatta.load.pasted import Pasted, unindented_text
from utsatta.load.yamlread import parse

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöABCÅÄÖ", min_size=1, max_size=8)
_SENTENCE = st.builds(
    lambda words, colon, end: (
        " ".join(words[:3]) + (": " if colon else " ") + " ".join(words[3:]) + end
    ),
    st.lists(_WORD, min_size=4, max_size=8),
    st.booleans(),
    st.sampled_from([".", "", "!", " (2023)."]),
)

HEAD = 'schemaversion: 1\nar: 2023\norganisation: x\ninsatser:\n  - insats: "1:1"\n    nulage: |\n'
TAIL = "    status: pagaende\n    bedomning: osakert\n"


@settings(max_examples=150, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=5), st.integers(0, 4))
def test_pasted_lines_are_named(sentences: list[str], indent: int) -> None:
    pasted = "".join(" " * indent + s + "\n" for s in sentences)
    result = parse(HEAD + pasted + TAIL)
    assert [p.code for p in result.problems] == ["text-ej-indragen"], result.problems
    problem = result.problems[0]
    first, last = 7, 6 + len(sentences)
    assert problem.line == first
    lines = f"rad {first}" if first == last else f"rad {first}–{last}"
    assert f"Dra in {lines} med minst 6 mellanslag" in problem.message
    assert "'nulage: |' (rad 6)" in problem.message


@settings(max_examples=100, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=5))
def test_indented_text_is_never_flagged(sentences: list[str]) -> None:
    text = "".join("      " + s + "\n" for s in sentences)
    result = parse(HEAD + text + TAIL)
    assert result.problems == []
    assert result.data["insatser"][0]["nulage"] == "".join(s + "\n" for s in sentences)


def test_list_markers_are_not_words_of_a_pasted_sentence() -> None:
    """Valid YAML: an empty block text followed by a nested list item is not pasted text
    ("- - key:" has one word; found by hypothesis through fmt's round trip)."""
    text = "schemaversion: ''\nar:\n- schemaversion: |\n- - schemaversion:\n"
    assert [p.code for p in parse(text).problems] == []


# The line-by-line reading that ``unindented_text`` must agree with (it steps over the text
# with regular expressions instead, for speed): the same answer for any text.
_HEADER = re.compile(r"^( *)(?:- +)*([A-Za-z_][\w-]*) *: *[|>][-+0-9]* *(?:#.*)?$")
_ANY_HEADER = re.compile(r": *[|>][-+0-9]* *(?:#.*)?$", re.MULTILINE)
_STRUCTURE = re.compile(r"^ *(?:#|- |-$|---|\.\.\.|(?:- +)*[a-z_][a-z0-9_]* *:(?: |$))")
_W = r"(?:[^\s:#-][^\s:#]*|-[^\s:#]+)"
_SENTENCE_KEY = re.compile(rf"^ *(?:- +)*{_W}(?: +{_W}){{2,}} *:(?: |$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _by_lines(text: str, parsed: bool, before: int) -> Pasted | None:
    if _ANY_HEADER.search(text) is None:
        return None
    lines = text.split("\n")
    n = len(lines)
    i = 0
    while i < n:
        header = _HEADER.match(lines[i].rstrip("\r"))
        if header is None:
            i += 1
            continue
        stripped = lines[i].lstrip(" ")
        key_indent = _indent(lines[i]) + len(stripped) - len(stripped.lstrip("- "))
        j = i + 1
        content = -1
        while j < n:
            line = lines[j].rstrip("\r")
            if line.strip():
                if content < 0 and _indent(line) > key_indent:
                    content = _indent(line)
                if content < 0 or _indent(line) < content:
                    break
            j += 1
        end = lines[j].rstrip("\r") if j < n else ""
        pasted = _SENTENCE_KEY.match(end) is not None if parsed else not _STRUCTURE.match(end)
        if j < n and pasted and (before == 0 or j + 1 <= before):
            last = j
            k = j + 1
            while k < n and not _STRUCTURE.match(lines[k].rstrip("\r")):
                if lines[k].strip():
                    last = k
                k += 1
            indent = content if content > 0 else key_indent + 2
            return Pasted(header.group(2), i + 1, j + 1, last + 1, indent)
        i = max(j, i + 1)
    return None


_LINE = st.builds(
    lambda indent, body, end: " " * indent + body + end,
    st.sampled_from([0, 2, 4, 6]),
    st.sampled_from(
        [
            "nulage: |",
            "- nulage: >-  # kommentar",
            "- - behov: |2",
            "text: |\r",
            "en mening som blev: nyckel",
            "Tre ord här:",
            "status: pagaende",
            "- punkt",
            "# kommentar",
            "vanlig text utan kolon",
            "",
            " \t",
            "\u00a0text",
        ]
    ),
    st.sampled_from(["", "\r", " "]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, max_size=14), st.booleans(), st.integers(0, 12))
@example(["nulage: |", "  nulage: |", "  Tre ord här:", "  mer", "status: x", ""], True, 0)
@example(["nulage: |", " \t", "Tre ord här:", ""], True, 0)
@example(["nulage: |", "    text", "  "], False, 0)
@example(["nulage: |", " ", ""], False, 0)
@example(["nulage: |", "Tre ord här:\r"], True, 0)
@example(["nulage: |", "  text", "  more"], False, 0)
@example(["nulage: |", "  text", "Tre ord här: x"], True, 0)
@example(["nulage: |", "  text", "Tre ord här: x"], True, 2)
@example(["nulage: |\r", "Tre ord här: x # med kommentar: |"], True, 0)
@example(["- - behov: |", "      text", "    Tre ord här:"], True, 0)
def test_unindented_text_agrees_with_reading_line_by_line(
    lines: list[str], parsed: bool, before: int
) -> None:
    text = "\n".join(lines)
    assert unindented_text(text, parsed=parsed, before=before) == _by_lines(text, parsed, before)


_ANY_LINE = st.builds(
    lambda indent, body: " " * indent + body,
    st.sampled_from([0, 2, 4, 6]),
    st.sampled_from(
        [
            "nulage: |",
            "- nulage: >-",
            "behov: |2",
            "- - a: |",
            "Tre ord här: x",
            "- Tre ord här:",
            "text med: kolon",
            "vanlig text",
            "status: pagaende",
            "- punkt",
            "# tre ord här: x",
            "",
            'c: "Tre ord',
            '  här: x"',
            "d: 'ett: två'",
            '"tre ord här": x',
            "- [x, y, a: b]",
            "- {a: b}",
            "&x !t a: b",
            "!!str tre ord: x",
            "? a b: c",
            "e: [a, b]",
            "f: 2:1",
        ]
    ),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ANY_LINE, max_size=10))
@example(["a: |", "Tre ord här: x"])
@example(["a:", "  - b: |", "  - [x, y, a: b]"])
@example(["a: |", "&x !t a: b"])
@example(["a: |2", "      djup", "    tre ord här: x", "b: 1"])
@example(["a: |", '"tre ord här": x'])
def test_the_walk_misses_no_pasted_text(lines: list[str]) -> None:
    """The walk's cue (a key with a space, ': ' in a quoted or block text, a flow mapping, a
    problem) decides whether a file's lines are looked at for pasted text: looking at every
    file finds nothing more."""
    text = "\n".join(lines) + "\n"
    cued = parse(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlread, "ALWAYS_LOOK_FOR_PASTED", True)
        always = parse(text)
    assert cued.problems == always.problems
    assert repr(cued.data) == repr(always.data)
