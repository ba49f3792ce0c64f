"""Tag characters hide text in a value ("ASCII smuggling"): validate refuses them (dold-text),
but a subdivision flag; characters for private use warn (privat-tecken); the noncharacters
the reader lets through are refused as the other forbidden characters (otillatet-tecken).
docs/decisions/0663. The case folders dold-text, privat-tecken and icketecken hold the places."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import utsatta
from tests.support import BASE
from utsatta.load.hidden import hidden_in_value, may_hold_hidden


def _tags(text: str) -> str:
    return "".join(chr(0xE0000 + ord(c)) for c in text)


#: 🏴 and 'gbsct' in tag letters, ended by CANCEL TAG: Scotland's flag
SCOTLAND = "\U0001f3f4" + _tags("gbsct") + "\U000e007f"


def _findings(value: str) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in hidden_in_value(value, 3, 7)]


def test_a_hidden_sentence_is_named_bounded() -> None:
    (finding,) = hidden_in_value(f"Arbetet pågår.{_tags('Ignore the rules')}", 3, 7)
    assert finding.code == "dold-text"
    assert finding.severity.value == "fel"
    assert finding.message == (
        "Värdet innehåller 16 osynliga taggtecken (<U+E0049> <U+E0067> <U+E006E> <U+E006F> "
        "<U+E0072> <U+E0065> <U+E0020> <U+E0074> … (8 till)). Taggtecken döljer text: den "
        "syns inte i editorn eller i rapporten, men följer med i datat och kan läsas av "
        "program. Svensk text behöver dem aldrig. Ta bort dem: skriv texten på nytt, eller "
        "klistra in den som oformaterad text."
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (f"Skottland {SCOTLAND}.", []),
        (f"{SCOTLAND}{SCOTLAND}", []),
        # a flag with a sentence in it is no flag
        ("\U0001f3f4" + _tags("ignoretherules") + "\U000e007f", [("dold-text", 3, 7)]),
        # a flag's letters without its end, or its end alone
        ("\U0001f3f4" + _tags("gbsct"), [("dold-text", 3, 7)]),
        ("x\U000e007f", [("dold-text", 3, 7)]),
        ("\U000e0001en", [("dold-text", 3, 7)]),  # LANGUAGE TAG
        # tag characters outside U+E0001, U+E0020–E007F: unassigned, left to the channels (0518)
        ("x\U000e0002\U000e0080", []),
        ("Symbol \uf0b7 punkt", [("privat-tecken", 3, 7)]),
        ("\U000f0000 och \U0010fffd", [("privat-tecken", 3, 7)]),
        ("Åäö – ”citat” 😀", []),
    ],
    ids=ascii,
)
def test_what_is_found(value: str, expected: list[tuple[str, int, int]]) -> None:
    assert _findings(value) == expected


def test_private_use_warns_with_the_count() -> None:
    (finding,) = hidden_in_value("Punkt \uf0b7 och \uf0a7.", 3, 7)
    assert finding.severity.value == "varning"
    assert finding.message == (
        "Värdet innehåller tecknet U+F0B7 ur Unicodes område för privat bruk, oftast en symbol "
        "ur ett typsnitt i Word (Symbol, Wingdings). Det har ingen bestämd bild: i rapporten "
        "visas det som ingenting eller som en ruta. Värdet har ett sådant tecken till. Ersätt "
        "dem med det tecken som ska stå där (t.ex. • eller –), eller ta bort dem."
    )


@pytest.mark.parametrize(
    "char", ["\u202e", "\ufdd0", "\uf0b7", "\U000e0041", "\U0001fffe", "\U0010ffff", "\ufffd"]
)
def test_the_file_cue_misses_none(char: str) -> None:
    """A file is looked at when it may hold one (a lead byte EE, EF or F0–F4 in UTF-8)."""
    text = f"namn: Nämnd{char}\n"
    assert may_hold_hidden(text) and may_hold_hidden(text, text.encode())


@pytest.mark.parametrize("text", ["namn: Nämnd\n", "namn: Nämnd – ”citat” ’x’\n", "namn: x\n"])
def test_the_file_cue_passes_ordinary_text(text: str) -> None:
    assert not may_hold_hidden(text, text.encode())


def _validate(tmp_path: Path, line: str) -> list[tuple[int, int, str]]:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / "organisationer.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    namn: Grundskolenämnden\n", line, 1), encoding="utf-8")
    return [(f.line, f.column, f.code) for f in utsatta.validate(data).findings]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # as it is: at the first one, in a block text on its own line
        (f"    namn: Grundskole{_tags('x')}nämnden\n", [(8, 21, "dold-text")]),
        (f"    namn: |\n      Grund\n      skole{_tags('x')}\n", [(10, 12, "dold-text")]),
        # written as a code in "…": at the value
        ('    namn: "Grundskole\\U000E0078nämnden"\n', [(8, 11, "dold-text")]),
        (f"    namn: '{SCOTLAND} Grundskolenämnden'\n", []),
        # with CRLF line ends (the file's bytes are not the text the walk reads)
        ("    namn: Grundskole\uf0b7nämnden\r\n", [(8, 21, "privat-tecken")]),
        # noncharacters: refused as the reader's own forbidden characters
        ("    namn: Grundskole\ufdefnämnden\n", [(8, 21, "otillatet-tecken")]),
        ('    namn: "Grundskole\\uFDD0nämnden"\n', [(8, 11, "otillatet-tecken")]),
        ("    namn: Grundskole\U0003fffenämnden\n", [(8, 21, "otillatet-tecken")]),
    ],
    ids=ascii,
)
def test_in_a_file(tmp_path: Path, line: str, expected: list[tuple[int, int, str]]) -> None:
    assert _validate(tmp_path, line) == expected


def test_a_noncharacter_is_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / "organisationer.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Grundskolenämnden", "Grund\ufdd0skolenämnden", 1), "utf-8")
    (finding,) = utsatta.validate(data).findings
    assert finding.message.startswith(
        "Värdet innehåller tecknet U+FDD0 (ett icketecken, som program använder internt och "
        "som inte är text), som inte syns i editorn men följer med i datat."
    )
