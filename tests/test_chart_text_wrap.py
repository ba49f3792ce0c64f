"""chart_text.wrap counts columns, not code points, and never cuts inside a character as
drawn (granska16 #6, docs/decisions/0528): a piece never starts with a combining mark, ZWJ or
variation selector, never ends with a ZWJ; an East Asian wide character or an emoji is two
columns; a width of 1 (or 0) still gives pieces."""

from __future__ import annotations

import pytest

from utsatta.render.chart_text import columns, wrap

_EXTENDING = ("\u0301", "\u200d", "\ufe0f")


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("👨\u200d👩\u200d👧" * 20, 20),
        ("Källa: " + "e\u0301" * 40, 60),
        ("❤\ufe0f" * 50, 42),
        ("क्\u200dष" * 30, 20),
        ("葛" * 50 + "abc", 46),
    ],
)
def test_pieces_are_whole_characters_within_the_cut(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text.replace(" ", "")
    for line in lines:
        assert not line.startswith(_EXTENDING), (line, lines)
        assert not line.endswith("\u200d"), (line, lines)
        assert columns(line) <= width, (line, lines)


def test_columns() -> None:
    assert columns("abc") == 3
    assert columns("😀") == 2
    assert columns("葛ｱ") == 3  # wide ideograph, halfwidth katakana
    assert columns("e\u0301") == 1
    assert columns("👨\u200d👩") == 4  # at most two glyphs, never wider
    assert columns("❤\ufe0f") == 2  # VS16: emoji presentation
    assert columns("❤\ufe0e") == 1  # VS15: text presentation


def test_emoji_are_two_columns_so_a_piece_of_them_is_half_as_long() -> None:
    """The review's case: 90 emoji in a source (kalla) at _LINE_CHARS 60: pieces of 36
    columns, 18 emoji, not 36."""
    lines = wrap("Källa: " + "😀" * 90, 60)
    assert lines == ["Källa:", *["😀" * 18] * 5]


def test_a_width_of_one_or_zero_still_cuts() -> None:
    assert wrap("abc", 1) == ["a", "b", "c"]
    assert wrap("ab cd", 0) == ["a", "b", "c", "d"]
    assert wrap("葛葛", 1) == ["葛", "葛"]  # one wider than the cut is a piece of its own


def test_words_still_join_up_to_the_width() -> None:
    assert wrap("Källa: Polisen region Väst, Lägesbild 2023", 20) == [
        "Källa: Polisen",
        "region Väst,",
        "Lägesbild 2023",
    ]
    assert wrap("葛葛 葛葛 葛葛", 9) == ["葛葛 葛葛", "葛葛"]
