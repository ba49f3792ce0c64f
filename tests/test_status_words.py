"""`utsatta status ÅR` as text breaks an organisation's name at its spaces, never inside a word
without a mark (granska17 L7: "Stadsbyggnadsnämnd/en" at 80 columns): the name column is as
wide as the longest word, and a word wider than the terminal allows is broken with '-'."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support import SHIPPED
from utsatta.compute.duties import year_matrix
from utsatta.load.dataset import DataSet, load
from utsatta.render import overview

LONG = "Stadsfastighetsförvaltningsutvecklingsnämnden" * 3  # 135 letters, one word


def _name_column_words(text: str) -> list[list[str]]:
    """Per table, the words in its organisation column as printed, top to bottom: the column
    ends where the header's first insats ('1:1' …) begins."""
    tables = []
    for part in text.split("Rapportering ")[1:]:
        lines = part.splitlines()
        header = lines[1]
        assert header.startswith("Organisation")
        end = re.search(r"\d:\d", header)
        assert end is not None
        body = []
        for line in lines[3:]:
            if " inkommen " in line:  # the legend after the last table
                break
            body += line[: end.start()].split()
        tables.append(body)
    return tables


def _names(ds: DataSet, ar: int) -> list[str]:
    assert ds.organisationer is not None and ds.organisationer.model is not None
    by_id = {o.id: o.namn for o in ds.organisationer.model.organisationer}
    m = year_matrix(ds, ar)
    assert m is not None
    return [by_id[o] for o in m.organisationer]


def _joined(printed: list[str], words: set[str]) -> list[str]:
    """The printed words with a word broken over lines joined again: a piece ends with '-'
    and is no word of any name ("Idrotts-" is one)."""
    out: list[str] = []
    carry = ""
    for token in printed:
        if token.endswith("-") and token not in words:
            carry += token[:-1]
            continue
        out.append(carry + token)
        carry = ""
    assert carry == ""
    return out


@pytest.mark.parametrize("width", [40, 80, 100])
def test_no_name_is_cut_inside_a_word(width: int) -> None:
    ds = load(SHIPPED)
    names = _names(ds, 2025)
    words = [w for name in names for w in name.split()]
    text = overview.status_text(ds, 2025, width=width)
    tables = _name_column_words(text)
    assert len(tables) == (2 if width < 100 else 1)
    for printed in tables:
        # every word whole, on one line; no piece with a '-'
        assert printed == words
    assert max(len(line) for line in text.splitlines()) <= max(width, 80)
    if width <= 80:  # 40 is laid out at the least width, 80
        assert text == overview.status_text(ds, 2025, width=80)
        assert "\nStadsbyggnadsnämnden " in text  # the report of L7: "Stadsbyggnadsnämnd" + "en"


def test_a_word_wider_than_the_terminal_is_broken_with_a_hyphen(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    orgs = data / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    assert text.count("namn: Higab\n") == 1
    orgs.write_text(text.replace("namn: Higab\n", f"namn: Higab {LONG} AB\n"), encoding="utf-8")
    ds = load(data)
    names = _names(ds, 2025)
    assert f"Higab {LONG} AB" in names
    words = [w for name in names for w in name.split()]
    out = overview.status_text(ds, 2025, width=80)
    assert out == overview.status_text(ds, 2025, width=40)
    assert max(len(line) for line in out.splitlines()) <= 80
    # the column is no wider than 30 for a word (two tables, as without the long word)
    assert out.count("Rapportering 2025 (") == 2
    for printed in _name_column_words(out):
        pieces = [t for t in printed if t.endswith("-") and t not in set(words)]
        # each piece fills the column (33 wide beside nine insatser, 48 beside six)
        assert len(pieces) >= 2 and len({len(p) for p in pieces}) == 1
        assert "".join(p[:-1] for p in pieces) in f"{LONG}"
        assert _joined(printed, set(words)) == words


def test_a_long_name_is_shown_shortened_and_broken(tmp_path: Path) -> None:
    """A name of 100 000 letters (granska18b A2: printed whole, ~10 000 lines per table) is
    shown as its first 200 characters and its length, as codeowners shows it, in the tables
    and in the list of what is missing."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    orgs = data / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    brg = "namn: Business Region Göteborg\n"
    assert text.count(brg) == 1
    orgs.write_text(text.replace(brg, brg[:-1] + " " + "Å" * 100_000 + "\n"), encoding="utf-8")
    out = overview.status_text(load(data), 2023, width=80)
    lines = [line.rstrip() for line in out.splitlines()]
    assert max(len(line) for line in lines) <= 80
    row = "Business Region Göteborg                                              ✗"
    # the name's first 200 characters: 'Business Region Göteborg ' and 175 letters
    first = lines.index(row)
    assert lines[first : first + 7] == [
        row,
        *["Å" * 32 + "-"] * 5,
        "Å" * 15 + "… (100 025 tecken)",
    ]
    assert lines[first + 7] == "Rapportering 2023 (2 av 2)"
    second = lines.index("Business Region Göteborg                               ✗")
    assert lines[second + 1 : second + 8] == [
        *["Å" * 47 + "-"] * 3,
        "Å" * 34 + "… (100 025",
        "tecken)",
        "✓ inkommen   ✗ saknas",
        "○ inte förfallen 2023 (återrapportering under planperioden)",
    ]
    assert lines[-4:] == [
        "  Business Region Göteborg",
        "Å" * 80,
        "Å" * 80,
        "Å" * 15 + "… (100 025 tecken): 2:1, 2:4",
    ]
    assert len(out) < 10_000


@pytest.mark.parametrize(
    ("length", "cut", "last"), [(10_000, 312, 16), (20_000, 624, 32), (40_000, 1249, 32)]
)
def test_breaking_a_word_measures_each_character_once(
    monkeypatch: pytest.MonkeyPatch, length: int, cut: int, last: int
) -> None:
    """The work of breaking a word is linear in it (granska18b A2: the rest of the word was
    measured again for every piece, 10 s for 200 000 letters): the characters rich is asked to
    measure, alone or in a string, are the word's, once."""
    import rich.cells

    measured = [0]

    def counted(function: Any, size: Any) -> Any:
        def wrapper(text: str, *args: Any) -> Any:
            measured[0] += size(text)
            return function(text, *args)

        return wrapper

    for name in ("cell_len", "cached_cell_len"):
        monkeypatch.setattr(rich.cells, name, counted(getattr(rich.cells, name), len))
    single = rich.cells.get_character_cell_size
    monkeypatch.setattr(rich.cells, "get_character_cell_size", counted(single, len))
    word = "Å" * length
    fitted = overview.fit_name(f"Nämnden {word} AB", 33)
    assert measured[0] == len("Nämnden") + length + len("AB")
    # pieces of 32 letters and a '-' in a column of 33, until the rest fits
    assert fitted.split("\n") == [
        "Nämnden " + "Å" * 32 + "-",
        *["Å" * 32 + "-"] * (cut - 1),
        "Å" * last + " AB",
    ]
