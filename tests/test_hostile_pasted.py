"""Text pasted under ``nulage: |`` without indentation (issue 16): whatever the sentences and
however little they are indented, one finding ``text-ej-indragen`` names exactly the lines
to indent (docs/decisions/0066-honest-mistakes.md)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
