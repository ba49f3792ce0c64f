"""A file saved in another encoding than UTF-8, and text damaged by such a save
(load/encoding.py): the advice says how to reopen the file before saving it, UTF-16 is named,
U+FFFD in a value is an error and UTF-8 read as Windows-1252 a warning with the right words,
each at its exact line and column."""

from __future__ import annotations

import pytest

from utsatta.load.yamlread import decode, parse


def _one(raw: bytes) -> tuple[int, int, str, str]:
    text, problem = decode(raw)
    assert text is None and problem is not None
    return problem.line, problem.column, problem.code, problem.message


def test_windows_1252_says_to_reopen_first() -> None:
    raw = "ar: 2023\nnulage: Arbetet pågår.\n".encode("cp1252")
    assert _one(raw) == (
        2,
        18,
        "ogiltig-teckenkodning",
        "Filen är inte sparad som UTF-8 (byte 0xe5; i Windows-1252, som Excel och äldre "
        "Windows-program sparar i, är den 'å'). Öppna den först med rätt teckenkodning, annars "
        "blir å, ä och ö '?' eller '\ufffd' när den sparas: i VS Code klicka på teckenkodningen "
        "i statusfältet, välj 'Reopen with Encoding' → 'Western (Windows 1252)' och kontrollera "
        "att å, ä och ö ser rätt ut; klicka sedan på teckenkodningen igen och välj 'Save with "
        "Encoding' → 'UTF-8'.",
    )


def test_a_byte_that_is_no_letter_is_not_named_as_one() -> None:
    line, column, _, message = _one(b"a: x\x81y\n")
    assert (line, column) == (1, 5)
    assert message.startswith("Filen är inte sparad som UTF-8 (byte 0x81). Öppna den först")


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("ar: 2023\nnamn: Bergsjön\n".encode("utf-16"), "UTF-16 LE"),  # with its BOM
        ("ar: 2023\nnamn: Bergsjön\n".encode("utf-16-be"), "UTF-16 BE"),  # without one
        (b"\xfe\xff\x00a", "UTF-16 BE"),
    ],
)
def test_utf16_is_named(raw: bytes, name: str) -> None:
    assert _one(raw) == (
        1,
        1,
        "ogiltig-teckenkodning",
        f"Filen är sparad som {name}, inte UTF-8 (t.ex. av PowerShell 5 eller av Anteckningar "
        f"med kodningen 'Unicode'). Spara om den som UTF-8: i VS Code står '{name}' i "
        "statusfältet; klicka där och välj 'Save with Encoding' → 'UTF-8'. I PowerShell: "
        "skriv filen med '-Encoding utf8'.",
    )


def _problems(text: str) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.code, p.severity.value) for p in parse(text).problems]


def test_replacement_character_in_a_value_is_an_error_at_its_place(parser: str) -> None:
    text = 'a: ok\nb:\n  - "x"\n  - Arbetet p\ufffdg\ufffdr.\nc: |\n  rad ett\n  G\ufffdteborg\n'
    assert _problems(text) == [
        (4, 14, "skadat-tecken", "fel"),
        (7, 4, "skadat-tecken", "fel"),
    ]
    message = parse(text).problems[0].message
    assert message.startswith(
        "Värdet innehåller ersättningstecknet U+FFFD ('\ufffd'): texten skadades när filen "
        "öppnades med fel teckenkodning och sparades"
    )


def test_replacement_character_in_a_comment_or_key_is_no_value() -> None:
    assert _problems("# p\ufffdhittat\na: 1\n") == []


def test_utf8_read_as_1252_is_a_warning_with_the_right_words(parser: str) -> None:
    text = "a: 'Vi gÃ¶r mer pÃ¥ skolorna i ett omrÃ¥de och Ã… Ã„ Ã– Ã©.'\n"
    (problem,) = parse(text).problems
    assert (problem.line, problem.column, problem.code, problem.severity.value) == (
        1,
        9,
        "dubbelkodad-text",
        "varning",
    )
    assert problem.message == (
        "Värdet ser ut att ha sparats som UTF-8 och sedan lästs som Windows-1252, så å, ä och "
        "ö har blivit två tecken: 'gÃ¶r' ska vara 'gör', 'pÃ¥' ska vara 'på', 'omrÃ¥de' ska "
        "vara 'område' (och 4 ord till). Skriv in de rättade orden (har hela filen sådana "
        "tecken: sök och ersätt, t.ex. 'Ã¥' med 'å', 'Ã¤' med 'ä' och 'Ã¶' med 'ö')."
    )


def test_crlf_and_a_bom_keep_the_place(parser: str) -> None:
    raw = "a: 1\r\nb: pÃ¥\r\n".encode("utf-8-sig")
    text, _ = decode(raw)
    assert text is not None
    assert _problems(text) == [(2, 5, "dubbelkodad-text", "varning")]


@pytest.mark.parametrize("text", ["a: São Paulo\n", "a: Ålesund – Ärla\n", "a: 100 €\n"])
def test_right_text_is_not_damaged(text: str, parser: str) -> None:
    assert _problems(text) == []
