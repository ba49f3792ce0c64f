"""Text pasted under ``nulage: |`` without indentation (issue 16): whatever the sentences and
however little they are indented, one finding ``text-ej-indragen`` names exactly the lines
to indent (docs/decisions/0066-honest-mistakes.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.support import BASE, build_case, stopped
from utsatta.cli.app import app
from utsatta.load import yamlread
from utsatta.load.pasted import Pasted, field_names, unindented_text
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
    # A first line at the key's indentation that starts with a field name and a space reads
    # as that key missing its colon (``behov []``), and is reported so: not pasted text.
    assume(not (indent == 4 and sentences[0].split(" ", 1)[0] in field_names()))
    pasted = "".join(" " * indent + s + "\n" for s in sentences)
    result = parse(HEAD + pasted + TAIL)
    assert [p.code for p in result.problems] == ["text-ej-indragen"], result.problems
    problem = result.problems[0]
    first, last = 7, 6 + len(sentences)
    assert problem.line == first
    lines = f"rad {first}" if first == last else f"rad {first}–{last}"
    if indent == 0:
        assert f"Dra in {lines} med minst 6 mellanslag" in problem.message
    else:  # indented, only too little: the count is said (load/indent.py)
        assert problem.message.startswith(f"{lines.capitalize()} är indragen {indent} mellanslag")
        assert "till minst 6 mellanslag" in problem.message
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


#: The line ends of the YAML reader (whose line numbers the findings give), as everywhere
#: (utsatta.lineends): U+0085, U+2028 and U+2029 end no line (such a file is refused first).
_BREAKS = re.compile("\r\n|[\n\r]")


def _by_lines(text: str, parsed: bool, before: int) -> Pasted | None:
    lines = _BREAKS.split(text)
    if _ANY_HEADER.search("\n".join(lines)) is None:
        return None
    n = len(lines)
    i = 0
    while i < n:
        header = _HEADER.match(lines[i])
        if header is None:
            i += 1
            continue
        stripped = lines[i].lstrip(" ")
        key_indent = _indent(lines[i]) + len(stripped) - len(stripped.lstrip("- "))
        j = i + 1
        content = -1
        while j < n:
            line = lines[j]
            if line.strip():
                if content < 0 and _indent(line) > key_indent:
                    content = _indent(line)
                if content < 0 or _indent(line) < content:
                    break
            j += 1
        end = lines[j] if j < n else ""
        pasted = _SENTENCE_KEY.match(end) is not None if parsed else not _STRUCTURE.match(end)
        # 'behov []' beside the header's key: a key of the models missing its colon.
        word = re.match(r"( *)([a-z_][a-z0-9_]*) +(\S*)", end)
        if (
            pasted
            and not parsed
            and word is not None
            and len(word.group(1)) == key_indent
            and word.group(2) in field_names()
            and not re.match(r"\S*:(?:\s|$)", word.group(3) + " ")
        ):
            pasted = False
        if j < n and pasted and (before == 0 or j + 1 <= before):
            last = j
            k = j + 1
            while k < n and not _STRUCTURE.match(lines[k]):
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
            "behov []",
            "status pagaende: x",
            "",
            " \t",
            "\u00a0text",
        ]
    ),
    st.sampled_from(["", "\r", " ", "\r\r", "\x85", "\u2028"]),
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
@example(["a:", "  nulage: |", "    text", "  behov []"], False, 0)
@example(["a:", "  nulage: |", "    text", "behov []"], False, 0)
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


#: What the YAML reader takes for a line break; pasted text is found the same with each.
LINE_BREAKS = ["\n", "\r\n", "\r"]
#: Line breaks to the C parser (YAML 1.1) but not to editors: reported as such, alone
#: (docs/decisions/0100-ovanliga-radbrytningar.md), so no other finding has a shifted line.
ODD_BREAKS = ["\x85", "\u2028", "\u2029"]
_PASTED_REPORT = (
    "schemaversion: 1\nar: 2023\norganisation: grundskolenamnden\nillustrativ: true\n"
    'insatser:\n  - insats: "1:1"\n    status: pagaende\n    nulage: |\n'
    "Skolan som arena finns nu på samtliga skolor i de utsatta\n"
    "områdena. Aktiviteter för flickor har prioriterats, och skolornas\n"
    "      samordnare följer deltagandet.\n"
    "    omraden: [bergsjon]\n    bedomning: bedoms-uppnas\n"
)
_PASTED_MESSAGE = (
    "Texten under 'nulage: |' (rad 8) är inte indragen, så YAML läser den inte som texten. Dra "
    "in rad 9–11 med minst 6 mellanslag, lika mycket på varje rad (mer än nyckeln 'nulage')."
)


@pytest.mark.parametrize("newline", LINE_BREAKS, ids=repr)
def test_pasted_text_whatever_the_line_breaks(newline: str) -> None:
    """Windows line endings (CRLF), a lone CR and the Unicode breaks: the same finding at
    the same line as with LF (with CRLF it was 'Ett kolon saknas' on the line after)."""
    result = parse(_PASTED_REPORT.replace("\n", newline))
    assert [(p.line, p.column, p.code, p.message) for p in result.problems] == [
        (9, 1, "text-ej-indragen", _PASTED_MESSAGE)
    ]


@pytest.mark.parametrize("newline", LINE_BREAKS, ids=repr)
def test_pasted_sentence_key_whatever_the_line_breaks(newline: str) -> None:
    """A file that parses, with a sentence taken for a key: found with any line break."""
    text = HEAD + "Tre ord här: och mer\n" + TAIL
    result = parse(text.replace("\n", newline))
    assert [(p.line, p.code) for p in result.problems] == [(7, "text-ej-indragen")]


@pytest.mark.parametrize("newline", ODD_BREAKS, ids=repr)
def test_pasted_text_with_odd_line_breaks_names_the_breaks(newline: str) -> None:
    """With U+0085/U+2028/U+2029 as breaks the file is one line to an editor: each break is
    reported at its true place, and nothing else (no finding on a line the editor lacks)."""
    for text in (_PASTED_REPORT, HEAD + "Tre ord här: och mer\n" + TAIL):
        result = parse(text.replace("\n", newline))
        problems = [(p.line, p.code) for p in result.problems]
        assert problems, text
        assert {code for _, code in problems} == {"ovanlig-radbrytning"}
        assert {line for line, _ in problems} == {1}
        assert result.problems[0].column == text.index("\n") + 1


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=repr)
def test_validate_names_pasted_text_with_any_line_breaks(
    newline: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build_case(BASE / "no-such-case", tmp_path)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    report.write_bytes(_PASTED_REPORT.replace("\n", newline).encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "--data", "data"], catch_exceptions=False)
    assert result.stdout.splitlines()[0] == (
        f"data/rapporter/2023/grundskolenamnden.yaml:9:1: fel [text-ej-indragen] {_PASTED_MESSAGE}"
        + stopped(9)
    )


def test_a_key_without_colon_beside_a_block_texts_key_is_no_pasted_text() -> None:
    """'behov []' after a block text at the indentation of the text's own key is a key of the
    models missing its colon: indenting it, as for pasted text, would put it in the text."""
    text = "a:\n  nulage: |\n    text\n  behov []\n  status: x\n"
    assert unindented_text(text) is None
    assert unindented_text(text.replace("  behov []", "behov []")) is not None
    assert unindented_text(text.replace("  behov []", "  Behov av mer")) is not None
