"""A required text of only invisible characters is empty in the report (osynlig-text), and a
link without text whose address the reports drop shows nothing (visas-som-text): both are
told at validate, not found as an empty section of the signed report (decision 0677)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import edited_findings
from utsatta.check.rules.lankar import shown_as_text
from utsatta.model.common import TEXT_PATTERN, invisible_only
from utsatta.model.uppfoljning import UppfoljningFil

FILE = "rapporter/2023/kulturnamnden.yaml"
#: the nulage of insats 2:1 in the shipped file, a block text of three lines
NULAGE = (
    "    nulage: |\n"
    "      Nämndens lägesbild har utvecklats med iakttagelser per bibliotek och kulturhus. "
    "Stökiga\n"
    "      kvällar på biblioteken har minskat efter att fältsekreterare och bibliotekspersonal "
    "har\n"
    "      börjat arbeta tillsammans vissa kvällar.\n"
)


def _message(named: str) -> str:
    # named by its key, and 'nulage' is required: the same advice as an empty nulage
    return (
        f"'nulage' har bara osynliga tecken ({named}) och blir tom i rapporten, men den krävs. "
        "Skriv texten på raderna under 'nulage: |', indragna med mellanslag."
    )


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("\\u200b", "U+200B"),  # zero-width space
        ("\\u2800", "U+2800"),  # braille blank
        ("\\u3164", "U+3164"),  # Hangul filler
        ("\\u00ad", "U+00AD"),  # soft hyphen
        ("\\uffa0\\u115f", "U+FFA0, U+115F"),  # half-width filler, choseong filler
        (" \\u2060 \\ufeff\\u180e\\u034f ", "U+2060, U+FEFF, U+180E …"),  # among spaces
        ("\\u200b\\u200b\\u2800", "U+200B, U+2800"),  # each named once
    ],
)
def test_a_text_of_invisible_characters_is_an_error_at_its_line(
    tmp_path: Path, written: str, named: str
) -> None:
    got = edited_findings(tmp_path, FILE, NULAGE, f'    nulage: "{written}"\n')
    assert got == [(24, 13, "osynlig-text", _message(named))]


def test_an_optional_text_of_invisible_characters_says_the_key_may_go(tmp_path: Path) -> None:
    old = (
        "    motivering: Luckan i ett av områdena kvarstår så länge det inte finns en "
        "permanent lokal.\n"
    )
    got = edited_findings(tmp_path, FILE, old, '    motivering: "\\u200b"\n')
    assert got == [
        (
            55,
            17,
            "osynlig-text",
            "'motivering' har bara osynliga tecken (U+200B) och blir tom i rapporten. Skriv en "
            "text, eller ta bort nyckeln: den är frivillig.",
        )
    ]


def test_a_text_with_something_visible_passes() -> None:
    # a letter, a digit, an emoji, a combining sequence, ZWJ between Arabic letters
    for text in ("a\u200b", "\u200b5", "😀", "e\u0301", "\u0644\u200d\u0627", "\u3000x"):
        assert invisible_only(text) == [], text
        assert re.search(TEXT_PATTERN, text), text


def test_the_model_and_the_json_schema_refuse_it_alike() -> None:
    from pydantic import ValidationError

    minimal = {
        "schemaversion": 1,
        "ar": 2023,
        "upprattad_av": "Stadsledningskontoret",
        "nulage": "\u2800\u3164",
        "delmal": [],
        "fokusomraden": [],
        "ovriga_uppdrag": [],
        "fortsatt_arbete": "Vidare.",
    }
    with pytest.raises(ValidationError) as exc:
        UppfoljningFil.model_validate(minimal)
    assert [(e["type"], e["loc"]) for e in exc.value.errors()] == [("osynlig-text", ("nulage",))]
    for text in ("\u200b", "\u2800 ", "\u3164", "\u00ad", "\ufeff\u2060"):
        assert re.search(TEXT_PATTERN, text) is None, text
    # only spaces: tom-text, as before, not osynlig-text
    assert invisible_only(" \u3000\u00a0") == []


MOTIVERING = "motivering: Fler högstadieelever deltar enligt kulturskolans egna iakttagelser,"


@pytest.mark.parametrize(
    ("link", "said"),
    [
        ("[]()", "Länken '[]()' har varken text eller adress: den syns inte alls i rapporten."),
        (
            "[](#x)",
            "Länken till '#x' har ingen text: rapporten visar en länk som sin text och behåller "
            "bara adresser som börjar med http:// eller https://, så ingenting av länken syns.",
        ),
        (
            "[ ](mailto:a@b.se)",
            "Länken till 'mailto:a@b.se' har ingen text: rapporten visar en länk som sin text "
            "och behåller bara adresser som börjar med http:// eller https://, så ingenting av "
            "länken syns.",
        ),
    ],
)
def test_a_link_without_text_is_warned_about(tmp_path: Path, link: str, said: str) -> None:
    got = edited_findings(tmp_path, FILE, MOTIVERING, f"motivering: A {link} B,")
    advice = (
        " Skriv länkens text mellan [ och ] (och adressen i texten, om läsaren ska se den), "
        "eller ta bort länken."
    )
    assert got == [(16, 17, "visas-som-text", said + advice)]


def test_a_link_without_text_to_a_web_address_shows_its_address() -> None:
    assert shown_as_text("A [](https://goteborg.se) B") == []
    # one to another address shows nothing at all (test_visas_som_text had it as "shown as
    # written" before decision 0677)
    assert shown_as_text("[https://goteborg.se](https://goteborg.se) och [](javascript:x)") == [
        (
            "tom-lank",
            "Länken till 'javascript:x' har ingen text: rapporten visar en länk som sin text och "
            "behåller bara adresser som börjar med http:// eller https://, så ingenting av "
            "länken syns.",
            0,
        )
    ]
