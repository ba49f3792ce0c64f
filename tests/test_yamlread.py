"""The YAML reader: YAML 1.2 scalars, nothing constructed, problems as values with positions."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utsatta.load.yamlread import CUT_OFF, decode, may_be_cut_off, parse, resolve_plain
from utsatta.numbers import WrittenFloat


def _written(value: float, decimals: int) -> WrittenFloat:
    """A float that keeps the decimals its file wrote (decision 0669)."""
    kept = WrittenFloat(value)
    kept.decimals = decimals
    return kept


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),  # YAML 1.1 booleans stay text
        ("yes", "yes"),
        ("on", "on"),
        ("1:1", "1:1"),  # sexagesimal in YAML 1.1: 61
        ("3:1", "3:1"),
        ("2023-12-05", "2023-12-05"),  # dates stay text
        ("true", True),
        ("False", False),
        ("null", None),
        ("~", None),
        ("2023", 2023),
        ("-4", -4),
        ("1.10", _written(1.1, 2)),  # its trailing zero kept (decision 0669)
        ("1e3", 1000.0),
        ("0x1F", 31),
        ("0o17", 15),
        ("007", 7),
        ("1_000", "1_000"),
        ("ja", "ja"),
        ("nej", "nej"),
    ],
)
def test_plain_scalars_follow_yaml_1_2(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)
    assert getattr(resolve_plain(text), "decimals", None) == getattr(value, "decimals", None)


def test_nan_and_inf_are_read_as_floats_for_the_schema_to_reject() -> None:
    assert math.isnan(resolve_plain(".nan"))
    assert resolve_plain("-.inf") == float("-inf")


def test_quoted_scalars_are_text() -> None:
    result = parse("a: \"2023\"\nb: 'no'\nc: !!str 1.10\n")
    assert result.data == {"a": "2023", "b": "no", "c": "1.10"}
    assert result.problems == []


def test_positions_of_keys_and_values_are_one_based() -> None:
    text = "schemaversion: 1\ninsatser:\n  - insats: '1:1'\n    omraden: [a, b]\n"
    result = parse(text, track=True)
    assert result.positions is not None
    pos = result.positions
    assert pos.values[("insatser", 0, "insats")] == (3, 13)
    assert pos.keys[("insatser", 0, "insats")] == (3, 5)
    assert pos.values[("insatser", 0, "omraden", 1)] == (4, 18)
    assert pos.raw[("schemaversion",)] == "1"
    # A missing key falls back to its nearest parent.
    assert pos.locate(("insatser", 0, "status")) == (3, 5)


def test_fast_and_tracking_modes_build_the_same_data() -> None:
    text = "a: 1\nb:\n  - {c: [1, 2, {d: e}]}\n  - f\n"
    assert parse(text).data == parse(text, track=True).data


def test_alias_bomb_is_refused_in_linear_time() -> None:
    """A billion-laughs document is reported once and never expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    prev = "a"
    for name in "bcdefghijklmnop":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    result = parse("\n".join(lines) + "\n")
    codes = [p.code for p in result.problems]
    assert codes == ["ankare-ej-tillatet", "alias-ej-tillatet"]
    assert result.data["p"] == [None] * 9


def test_object_tags_are_never_constructed() -> None:
    result = parse("a: !!python/object/apply:os.system ['echo x']\n")
    assert [p.code for p in result.problems] == ["tagg-ej-tillaten"]
    assert result.data == {"a": ["echo x"]}


def test_duplicate_keys_keep_the_first_value_and_are_reported() -> None:
    result = parse("a: 1\nb: 2\na: 3\n")
    assert result.data == {"a": 1, "b": 2}
    assert [(p.line, p.column, p.code) for p in result.problems] == [(3, 1, "dubblett-nyckel")]


def test_utf8_bom_is_accepted_and_bad_bytes_are_located() -> None:
    text, problem = decode(b"\xef\xbb\xbfa: 1\n")
    assert (text, problem) == ("a: 1\n", None)
    text, problem = decode(b"a: 1\nb: fr" + b"\xe5n\n")
    assert text is None and problem is not None
    assert (problem.line, problem.column, problem.code) == (2, 6, "ogiltig-teckenkodning")


@pytest.mark.parametrize(
    ("text", "line", "column", "code"),
    [
        ("a:\n\tb: 1\n", 2, 1, "yaml-syntax"),
        ("a: 'x\n", 1, 4, "yaml-syntax"),  # at the quote that never closes
        ("", 1, 1, "tom-fil"),
        ("# bara kommentar\n", 1, 1, "tom-fil"),
        ("a: 1\n---\nb: 2\n", 2, 1, "flera-dokument"),
        ("[" * 40 + "]" * 40, 1, 21, "for-djup-nastling"),
        ("a: b\n\x07\n", 2, 1, "otillatet-tecken"),
        ("? [a]\n: 1\n", 1, 3, "ogiltig-nyckel"),
    ],
)
def test_problems_have_positions(text: str, line: int, column: int, code: str) -> None:
    result = parse(text)
    assert [(p.line, p.column, p.code) for p in result.problems] == [(line, column, code)]
    assert all(p.message for p in result.problems)


def test_non_breaking_space_in_indentation_is_pointed_at() -> None:
    """U+00A0 pasted from Word breaks the indentation invisibly: the finding names it."""
    result = parse("a:\n  b: 1\n\u00a0 c: 2\n  d: 3\n")
    assert [(p.line, p.column, p.code) for p in result.problems] == [(3, 1, "yaml-syntax")]
    assert "U+00A0" in result.problems[0].message
    # Inside text it is just a character.
    assert parse("a: x\u00a0y\n").data == {"a": "x\u00a0y"}


_YAMLISH = st.text(
    alphabet=st.sampled_from(
        [*"ab1 :-#|>'\"[]{},&*!\n\t\r", "å", "ä", "ö", "\u00a0", "\x07", "\u2028", "😀"]
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_YAMLISH)
def test_the_c_parser_reads_the_bytes_as_it_reads_the_text(text: str) -> None:
    """Handing the parser the file's bytes (no re-encoding) gives the same data, problems
    and positions as handing it the decoded text."""
    from_text = parse(text, track=True)
    from_bytes = parse(text, track=True, utf8=text.encode("utf-8"))
    assert from_bytes.problems == from_text.problems
    assert repr(from_bytes.data) == repr(from_text.data)  # NaN != NaN, repr is exact
    assert from_bytes.positions == from_text.positions


@settings(max_examples=500)
@given(st.text(alphabet=" #a\t\r\n\u00e5", max_size=400))
def test_the_look_for_text_cut_off_agrees_with_the_pattern(text: str) -> None:
    """The '#' found one by one (then, past the first 32, by the pattern from there) give the
    same answer as the pattern searched from the start."""
    assert may_be_cut_off(text) is (CUT_OFF.search(text) is not None)


def test_the_look_for_text_cut_off_past_many_comments() -> None:
    comments = "# kommentar\n" * 40
    assert not may_be_cut_off(comments + "a: b\n")
    assert may_be_cut_off(comments + "a: b #c\n")
    assert may_be_cut_off("a: b #c\n" + comments)
