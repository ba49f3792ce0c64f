"""A number written with the digits of another script (Arabic-Indic, full-width, Devanagari)
is a text to YAML: the message says the number to write with 0–9, only when every character
is a digit but for a sign and a decimal point (decision 0679)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import edited_findings
from utsatta.numbers import ascii_number

FILE = "indikatorer/anmalda-valdsbrott.yaml"
OLD = "    varde: 1227\n"
LEAD = "'varde' ska vara ett tal, men här står texten"


@pytest.mark.parametrize(
    ("written", "shown", "fix"),
    [
        ("١٢٣", "١٢٣", "Skriv det med siffrorna 0–9: varde: 123."),
        ("۱۲۳۴", "۱۲۳۴", "Skriv det med siffrorna 0–9: varde: 1234."),  # Persian
        ("０.５", "０.５", "Skriv det med siffrorna 0–9: varde: 0.5."),
        ("١٢٣٫٥", "١٢٣٫٥", "Skriv det med siffrorna 0–9: varde: 123.5."),
        ('"१२"', "१२", "Skriv det utan citattecken med siffrorna 0–9: varde: 12."),
        # not every character a digit: the advice as before
        ("١٢a", "١٢a", "Skriv ett tal (med punkt som decimaltecken), t.ex. varde: 15.7."),
        ("²", "²", "Skriv ett tal (med punkt som decimaltecken), t.ex. varde: 15.7."),
    ],
)
def test_the_number_in_digits_0_to_9_is_suggested(
    tmp_path: Path, written: str, shown: str, fix: str
) -> None:
    got = edited_findings(tmp_path, FILE, OLD, f"    varde: {written}\n")
    assert got == [(29, 12, "fel-typ", f"{LEAD} '{shown}'. {fix}")]


def test_a_year_in_other_digits(tmp_path: Path) -> None:
    got = edited_findings(tmp_path, FILE, "  - ar: 2018\n", "  - ar: ٢٠١٨\n")
    assert got == [
        (
            28,
            9,
            "fel-typ",
            "'ar' ska vara ett heltal, men här står texten '٢٠١٨'. Skriv det med siffrorna 0–9: "
            "ar: 2018.",
        )
    ]


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("١٢٣", "123"),
        ("−١٢", "-12"),
        ("＋１", "+1"),
        ("١٢,٥", "12.5"),
        ("123", None),  # already 0–9
        ("١٢٫", None),  # a point with no digit after
        ("٫٥", None),  # nor before
        ("١.٢.٣", None),  # two points
        ("①", None),
        ("١ ٢", None),
        ("", None),
    ],
)
def test_ascii_number(text: str, digits: str | None) -> None:
    assert ascii_number(text) == digits
