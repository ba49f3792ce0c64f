"""A control, bidi or hidden line-break character in a value is an error at the value, whether
written as an escape in a quoted text or (a bidi control) as it is, in every file kind
(docs/decisions/0151-otillatna-tecken-i-varden.md); the same code as such a character written
as it is in the file, which the reader refuses."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

import utsatta
from tests.support import BASE, build_case
from utsatta.load.characters import RAW_REFUSED, refused_pattern

REFUSED = refused_pattern()

CASE = Path(__file__).parent / "cases" / "otillatet-tecken-i-varde"


def _findings(data: Path) -> list[tuple[str, int, int, str]]:
    return [
        (Path(f.file).relative_to(data).as_posix(), f.line, f.column, f.code)
        for f in utsatta.validate(data).findings
    ]


def _replace(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


#: (file, line, the line's text, its value's column): a name or free text of each file kind
PLACES = [
    ("organisationer.yaml", 8, "    namn: Grundskolenämnden", 11),
    ("plan.yaml", 4, "  namn: Testplan", 9),
    ("plan.yaml", 24, "    titel: Skolan som arena", 12),
    ("omraden.yaml", 18, "    namn: Bergsjön", 11),
    ("indikatorer/valdeltagande.yaml", 3, "namn: Valdeltagande i kommunvalet", 7),
    ("uppfoljning/2023.yaml", 10, "    text: Det är för tidigt att bedöma.", 11),
    ("rapporter/2023/grundskolenamnden.yaml", 8, "    nulage: Arbetet pågår.", 13),
]
#: how the character is written (a YAML value) → refused
WRITTEN = {
    '"Nämnd\\e[31m"': True,  # ESC, as a terminal colour
    '"Nämnd\\x07"': True,  # BEL
    '"Nämnd\\0"': True,  # NUL
    '"Nämnd\\r"': True,  # CR
    '"Nämnd\\N"': True,  # NEL (U+0085)
    '"Nämnd\\x7f"': True,  # DEL
    '"Nämnd\\u202e dnämn"': True,  # right-to-left override
    '"Nämnd\\u2066x\\u2069"': True,  # isolate
    '"Nämnd\\u200f"': True,  # right-to-left mark
    '"Nämnd\\L"': True,  # line separator
    '"Nämnd\\uFFFE"': True,  # noncharacter
    "Nämnd\u202e dnämn": True,  # an override as it is, unquoted
    "'Nämnd\u2067'": True,  # an isolate as it is, single-quoted
    '"Nämnd\\tmed tab"': False,
    '"Nämnd\\nmed radbrytning"': False,
    '"Nämnd\\u200bmed nollbrett mellanslag"': False,  # Cf, not refused
    '"Nämnd\\u00admed mjukt bindestreck"': False,
    "Nämnd\u00e5\u00e4\u00f6": False,
}


@pytest.mark.parametrize(("file", "line", "text", "column"), PLACES)
@pytest.mark.parametrize("written", list(WRITTEN))
def test_every_file_kind(
    tmp_path: Path, file: str, line: int, text: str, column: int, written: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    key = text.split(":")[0]
    _replace(data, file, text, f"{key}: {written}")
    found = [f for f in _findings(data) if f[3] == "otillatet-tecken"]
    # written as it is: at the character (5 letters 'Nämnd' in, after a quote); as an escape
    # in "…": at the value, whose escape the message names
    at = column + (written.index("Nämnd") + 5 if "\\" not in written else 0)
    assert found == ([(file, line, at, "otillatet-tecken")] if WRITTEN[written] else [])


def test_the_case(tmp_path: Path) -> None:
    """One finding per value, in a block text tab and line break are fine, and the message
    names the character and how it is often written."""
    data = build_case(CASE, tmp_path)
    result = utsatta.validate(data)
    messages = {(f.line, f.column): f.message for f in result.findings}
    # Written as an escape in "…": the escape is named, with the text within '…' to copy
    # in case the '\\' belongs to the text.
    assert messages[(8, 13)] == (
        "Inom dubbla citattecken läses '\\e' som kontrolltecknet U+001B (escape), så texten "
        "blir inte den som står i filen. Texten har en sådan kod till. Är '\\' en del av texten "
        "(t.ex. i en sökväg som G:\\Nämnder), skriv texten inom enkla citattecken i stället: "
        "nulage: 'Arbetet \\e[31mpågår\\e[0m.'. Annars ta bort koderna."
    )
    assert messages[(13, 11)] == (
        "Värdet innehåller styrtecknet för skrivriktning U+202E (det ändrar i vilken ordning "
        "texten visas), som inte syns i editorn men följer med i datat. Ta bort det; inom "
        "citattecken är det ofta skrivet som en kod med \\ (t.ex. \\e, \\x07, \\0 eller "
        "\\u202e)."
    )


def test_as_it_is_in_the_file_the_same_code(tmp_path: Path) -> None:
    """A control character written as it is: the reader refuses it, at the character."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    _replace(data, "organisationer.yaml", "namn: Grundskolenämnden", "namn: Grund\x07skolenämnden")
    assert _findings(data) == [("organisationer.yaml", 8, 16, "otillatet-tecken")]


def test_a_key_is_an_unknown_key_not_two_findings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    _replace(data, "organisationer.yaml", "    namn: Grundskolenämnden", '    "namn\\u202e": X')
    assert [f[3] for f in _findings(data)] == ["okant-falt"]


#: Every character ``refused_pattern()`` matches that can stand in a UTF-8 file (not a surrogate),
#: derived from the module's pattern, not copied from it.
EVERY_REFUSED = [
    chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and REFUSED.match(chr(c))
]
#: The bidi controls among them (Cf): the reader lets these through as they are.
BIDI = [c for c in EVERY_REFUSED if unicodedata.category(c) == "Cf"]


def _as_it_is(tmp_path: Path, written: str) -> list[tuple[str, int, int, str]]:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    _replace(data, "organisationer.yaml", "    namn: Grundskolenämnden", f"    namn: {written}")
    return _findings(data)


def test_the_bidi_controls_are_the_ones_let_through_as_they_are() -> None:
    # LRM, RLM, ALM, the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069
    assert len(BIDI) == 12
    assert set(RAW_REFUSED) == set(BIDI)


@pytest.mark.parametrize("char", BIDI, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("quote", ["", "'", '"'], ids=["bar", "enkla", "dubbla"])
def test_every_bidi_control_as_it_is_at_the_value(tmp_path: Path, char: str, quote: str) -> None:
    """Written as it is, unquoted or quoted, a bidi control is refused at its value (the
    reader lets it through, so the value is looked at)."""
    found = _as_it_is(tmp_path, f"{quote}Grund{char}skolenämnden{quote}")
    # at the character itself, as the reader's own finding (granska8 #9; 0151 amended)
    assert found == [("organisationer.yaml", 8, 16 + len(quote), "otillatet-tecken")]


@pytest.mark.parametrize(
    "char", [c for c in EVERY_REFUSED if c not in BIDI], ids=lambda c: f"U+{ord(c):04X}"
)
def test_every_other_refused_character_as_it_is_at_the_character(tmp_path: Path, char: str) -> None:
    """The controls, the hidden line breaks and the noncharacters the reader itself refuses
    (or, for the line breaks, names), at the character; a lone CR is a line break in YAML,
    so the value ends there and the rest of the line is a line of its own."""
    found = _as_it_is(tmp_path, f"Grund{char}skolenämnden")
    if char == "\r":
        assert found == [("organisationer.yaml", 9, 1, "yaml-syntax")]
    elif char in "\x85\u2028\u2029":
        assert found == [("organisationer.yaml", 8, 16, "ovanlig-radbrytning")]
    else:
        assert found == [("organisationer.yaml", 8, 16, "otillatet-tecken")]
