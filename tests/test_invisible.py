"""An odd space (U+00A0 from Word, U+202F, U+3000, U+200B …) where YAML needs a space: the
finding names it at its place and shows the corrected line, with both parsers, instead of a
message about a missing colon or a wrapped text a line further down."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import shipped_report
from utsatta.load.invisible import ODD_SPACES, space_name
from utsatta.load.yamlread import parse

REPORT = shipped_report(2023, "arbetsmarknad-och-vuxenutbildning")


pytestmark = pytest.mark.usefixtures("parser")  # both parsers (conftest)


def edited(number: int, old: str, new: str) -> str:
    lines = REPORT.split("\n")
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines)


AFTER_KEY = (
    "YAML-syntaxfel: Efter '{key}:' står {name}, ofta inklistrat från Word eller en webbsida. "
    "Det syns inte, men YAML godtar det inte som mellanslag, så raden läses inte som en nyckel "
    "med ett värde. {fix}"
)


@pytest.mark.parametrize(
    ("number", "old", "new", "where", "message"),
    [
        (
            14,
            "bedomning: ",
            "bedomning:\u00a0",
            (14, 15),
            AFTER_KEY.format(
                key="bedomning",
                name="ett hårt mellanslag (U+00A0)",
                fix="Ersätt det med ett vanligt mellanslag, så att raden blir: "
                "'bedomning: bedoms-uppnas'.",
            ),
        ),
        (
            # Was: "the line continues the text after 'bedomning:', write 'bedomning: |'".
            37,
            "motivering: ",
            "motivering:\u00a0",
            (37, 16),
            AFTER_KEY.format(
                key="motivering",
                name="ett hårt mellanslag (U+00A0)",
                fix="Ersätt det med ett vanligt mellanslag, så att raden blir: "
                "'motivering: Hänvisningen från SFI fungerar, men det är …'.",
            ),
        ),
        (
            7,
            "insats: ",
            "insats:\u202f",
            (7, 12),
            AFTER_KEY.format(
                key="insats",
                name="ett smalt hårt mellanslag (U+202F)",
                fix="Ersätt det med ett vanligt mellanslag, så att raden blir: "
                "'- insats: \"2:1\"'.",
            ),
        ),
        (
            # Was: text-ej-indragen for the line below.
            17,
            "behov: ",
            "behov:\u3000",
            (17, 11),
            AFTER_KEY.format(
                key="behov",
                name="ett brett mellanslag (U+3000)",
                fix="Ersätt det med ett vanligt mellanslag, så att raden blir: 'behov: []'.",
            ),
        ),
        (
            6,
            "insatser:",
            "insatser:\u00a0",
            (6, 10),
            AFTER_KEY.format(
                key="insatser",
                name="ett hårt mellanslag (U+00A0)",
                fix="Ta bort det, så att raden slutar med 'insatser:'.",
            ),
        ),
        (
            18,
            "- insats",
            "-\u00a0insats",
            (18, 4),
            "YAML-syntaxfel: Efter '-' står ett hårt mellanslag (U+00A0), ofta inklistrat från "
            "Word eller en webbsida. Det syns inte, men YAML godtar det inte som mellanslag, så "
            "raden läses inte som en ny post i listan. Ersätt det med ett vanligt mellanslag, så "
            "att raden blir: '- insats: \"2:4\"'.",
        ),
        (
            9,
            "    nulage",
            "  \u2007 nulage",
            (9, 3),
            "YAML-syntaxfel: Indraget innehåller ett siffermellanslag (U+2007), som inte syns men "
            "inte räknas som indrag. Ta bort blanktecknen i början av raden och skriv vanliga "
            "mellanslag.",
        ),
    ],
)
def test_an_odd_space_is_named_where_it_is(
    number: int, old: str, new: str, where: tuple[int, int], message: str
) -> None:
    problems = parse(edited(number, old, new)).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (*where, "yaml-syntax", message)
    ]


@pytest.mark.parametrize("space", ["\u00a0", "\u2000", "\u2009", "\u200b", "\u205f", "\ufeff"])
def test_every_odd_space_after_a_colon_is_found(space: str) -> None:
    assert space in ODD_SPACES or "\u2000" <= space <= "\u200b"
    problems = parse(edited(3, "ar: ", f"ar:{space}")).problems
    assert [(p.line, p.column) for p in problems] == [(3, 4)]
    assert space_name(space) in problems[0].message
    assert f"U+{ord(space):04X}" in problems[0].message


def test_inside_a_text_it_is_just_a_character() -> None:
    assert parse("a: x\u00a0y\nb: 'c:\u00a0d'\n").data == {"a": "x\u00a0y", "b": "c:\u00a0d"}


ESCAPE = (
    "Inom dubbla citattecken läses '{written}' som {name}, så texten blir inte den som står i "
    "filen.{also} Är '\\' en del av texten (t.ex. i en sökväg som G:\\Nämnder), skriv texten "
    "inom enkla citattecken i stället: {fix}. Annars ta bort {koden}.{newline}"
)
NEWLINE = " Ska texten ha en radbrytning, skriv den på egna rader under 'motivering: |'."


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        (
            # Was: no finding, and the report printed "Se G:", a line break and "ya abell.xlsx".
            '"Se G:\\nya\\tabell.xlsx"',
            "bakstreck-i-citat",
            ESCAPE.format(
                written="\\n",
                name="en radbrytning",
                also=" Texten har en sådan kod till.",
                fix="motivering: 'Se G:\\nya\\tabell.xlsx'",
                koden="koderna",
                newline=NEWLINE,
            ),
        ),
        (
            '"Se G:\\tabell.xlsx"',
            "bakstreck-i-citat",
            ESCAPE.format(
                written="\\t",
                name="ett tabbtecken",
                also="",
                fix="motivering: 'Se G:\\tabell.xlsx'",
                koden="koden",
                newline="",
            ),
        ),
        (
            # Was: "Värdet innehåller kontrolltecknet U+0085 …": the same advice now.
            '"Se G:\\Nämnder\\\\Anna\'s.docx"',
            "otillatet-tecken",
            ESCAPE.format(
                written="\\N",
                name="kontrolltecknet U+0085 (radbrytning)",
                also="",
                fix="motivering: 'Se G:\\Nämnder\\Anna''s.docx'",
                koden="koden",
                newline="",
            ),
        ),
        (
            '"Se G:\\_x\\u0007"',
            "bakstreck-i-citat",
            ESCAPE.format(
                written="\\_",
                name="ett hårt mellanslag (U+00A0)",
                also=" Texten har en sådan kod till.",
                fix="motivering: 'Se G:\\_x\\u0007'",
                koden="koderna",
                newline="",
            ),
        ),
    ],
)
def test_a_backslash_that_changes_the_text_is_an_error(value: str, code: str, message: str) -> None:
    problems = parse(edited(37, REPORT.split("\n")[36][16:], value)).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [(37, 17, code, message)]


@pytest.mark.parametrize(
    "value",
    [
        '"Se G:\\\\nya\\\\tabell.xlsx"',  # written as it should be
        '"Hon sa \\"ja\\" och gick \\/ \\ här"',
        '"Nämnd\\u00e5\\x41"',  # a letter by its code: meant
        '"en text\\\n  som fortsätter"',  # '\' at the end of a line
        "'Se G:\\nya\\tabell.xlsx'",  # single quotes: '\' is a '\'
        "Se G:\\nya\\tabell.xlsx",
    ],
)
def test_a_backslash_that_keeps_the_text_is_fine(value: str) -> None:
    assert parse(edited(37, REPORT.split("\n")[36][16:], value)).problems == []


UNKNOWN = (
    "YAML-syntaxfel: Inom dubbla citattecken läses '\\' som början på en kod för ett "
    "specialtecken, och {written}. Är '\\' en del av texten (t.ex. i en "
    "sökväg som G:\\Nämnder), skriv texten inom enkla citattecken i stället: {fix}. Annars "
    "skriv '\\\\' för varje '\\'."
)


@pytest.mark.parametrize(
    ("value", "column", "written", "fix"),
    [
        ('"Se G:\\AVN\\a.docx" # sökväg', 23, "\\A", "motivering: 'Se G:\\AVN\\a.docx'"),
        # the '\\' before the space is the text's own too (docs/decisions/0345)
        ('"Se G:\\q\\ b"', 23, "\\q", "motivering: 'Se G:\\q\\ b'"),
    ],
)
def test_a_backslash_that_starts_no_escape_gets_the_same_advice(
    value: str, column: int, written: str, fix: str
) -> None:
    problems = parse(edited(37, REPORT.split("\n")[36][16:], value)).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (
            37,
            column,
            "yaml-syntax",
            UNKNOWN.format(written=f"'{written}' är ingen sådan kod", fix=fix),
        )
    ]


#: A character by its code ('\\x', '\\u', '\\U') missing its hexadecimal digits is named as
#: such at its own '\\', never as "no such code", nor at a later (valid) escape such as '\\ '.
DIGITS = "'\\{letter}' ska följas av {count} hexadecimala siffror (0–9, A–F): här står {written}"


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("value", "column", "what", "fix"),
    [
        (
            '"a\\x\\ b"',
            19,
            DIGITS.format(letter="x", count="två", written="'\\x' utan någon siffra"),
            "motivering: 'a\\x\\ b'",
        ),
        (
            '"a\\xzz"',
            19,
            DIGITS.format(letter="x", count="två", written="'\\x' utan någon siffra"),
            "motivering: 'a\\xzz'",
        ),
        (
            '"a\\u12"',
            19,
            DIGITS.format(letter="u", count="fyra", written="'\\u12'"),
            "motivering: 'a\\u12'",
        ),
        (
            '"Se G:\\x4\\a.docx"',
            23,
            DIGITS.format(letter="x", count="två", written="'\\x4'"),
            "motivering: 'Se G:\\x4\\a.docx'",
        ),
        (
            '"Se C:\\Users\\anna\\a.docx"',
            23,
            DIGITS.format(letter="U", count="åtta", written="'\\U' utan någon siffra"),
            "motivering: 'Se C:\\Users\\anna\\a.docx'",
        ),
        (
            '"C:\\xyz\\u00e5"',
            20,
            DIGITS.format(letter="x", count="två", written="'\\x' utan någon siffra"),
            "motivering: 'C:\\xyzå'",
        ),
        (
            '"a\\U00110000"',
            19,
            "'\\U00110000' är koden för inget tecken",
            "motivering: 'a\\U00110000'",
        ),
    ],
)
def test_a_code_without_its_hex_digits_is_named_at_its_backslash(
    value: str, column: int, what: str, fix: str
) -> None:
    problems = parse(edited(37, REPORT.split("\n")[36][16:], value)).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (37, column, "yaml-syntax", UNKNOWN.format(written=what, fix=fix))
    ]


def test_an_odd_space_in_a_value_is_named(tmp_path: Path) -> None:
    """In a value YAML reads it as part of the text: 'pagaende<U+00A0>' is no status. The
    finding names the space and the value without it."""
    import shutil

    import utsatta
    from tests.support import BASE

    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace("status: pagaende", "status: pagaende\u00a0", 1)
    text = text.replace("[bergsjon, gardsten]", "[bergsjon,\u202fgardsten]", 1)
    report.write_text(text, encoding="utf-8")
    found = [(f.line, f.column, f.code, f.message) for f in utsatta.validate(data).findings]
    note = (
        "ofta inklistrat från Word eller en webbsida. Det syns inte, men gör värdet till ett annat."
    )
    assert found == [
        (
            7,
            13,
            "ogiltigt-varde",
            # shown where it stands, not as an ordinary space (decision 0658)
            "'status': 'pagaende<U+00A0>' innehåller ett hårt mellanslag (U+00A0), "
            f"{note} Ta bort det, så att det står 'pagaende'.",
        ),
        (
            16,
            24,  # the value starts with the space
            "ogiltigt-id",
            "'omraden': '<U+202F>gardsten' innehåller ett smalt hårt mellanslag (U+202F), "
            f"{note} Ta bort det, så att det står 'gardsten'.",
        ),
    ]


def test_a_windows_path_in_double_quotes_is_named_by_validate(tmp_path: Path) -> None:
    """End to end: "G:\\xyz\\ plan" in a report (a path; '\\x' misses its hex digits, '\\ ' is a
    valid escape for a space): the finding names '\\x' at its own column, in its file, and the
    corrected line keeps the path's '\\' before the space (docs/decisions/0345)."""
    import shutil

    import utsatta
    from tests.support import BASE, stopped

    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace("    nulage: Arbetet pågår.", '    nulage: "Se G:\\xyz\\ plan"', 1)
    report.write_text(text, encoding="utf-8")
    found = [
        (f.file, f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data).findings
        if f.severity.name == "FEL"
    ]
    assert found == [
        (
            str(report),
            8,
            19,
            "yaml-syntax",
            UNKNOWN.format(
                written="'\\x' ska följas av två hexadecimala siffror (0–9, A–F): här står "
                "'\\x' utan någon siffra",
                fix="nulage: 'Se G:\\xyz\\ plan'",  # every '\\' of the path kept
            )
            + stopped(8),
        )
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # granska8 #9: in a block text, the line and column of the character, not of the text
        ("ar: 2023\nnulage: |\n  Första raden.\n  Andra \u202eraden.\n", (4, 9)),
        ("ar: 2023\nnulage: >-\n  Första raden.\n\n  Tredje \u202eraden.\n", (5, 10)),
        # a plain value on two lines, and a plain one-line value with a character after å
        ("ar: 2023\nnulage: Första\n  och \u202eandra\n", (3, 7)),
        ("ar: 2023\nnulage: Å\u202ex\n", (2, 10)),
        # CRLF line ends count as one
        ("ar: 2023\r\nnulage: |\r\n  Rad.\r\n  Rad \u202eett.\r\n", (4, 7)),
    ],
)
def test_a_bidi_control_is_found_at_its_own_line_and_column(
    text: str, where: tuple[int, int], parser: str
) -> None:
    found = [(p.line, p.column) for p in parse(text).problems if p.code == "otillatet-tecken"]
    assert found == [where]
