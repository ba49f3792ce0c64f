"""Bounded work for hostile lines (decision 0310): ``validate`` runs on untrusted pull requests,
so no message helper may take time that grows faster than the line it looks at. No timing here
(never a timed test): a line of 200 kB gets the exact general advice, so the test ends at once
by construction, and each pattern that once backtracked gets its old worst case."""

from __future__ import annotations

from pathlib import Path

import pytest

import utsatta
from tests.support import shipped_report
from utsatta.check.rules.base import is_handle
from utsatta.escape import shorten
from utsatta.load.schema_words import id_message
from utsatta.load.syntax import LONG_LINE
from utsatta.load.yamlread import parse
from utsatta.numbers import heltal

REPORT = shipped_report(2023, "arbetsmarknad-och-vuxenutbildning")
HUGE = 200_000


def edited(number: int, new: str) -> str:
    lines = REPORT.split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


def found(text: str) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.code, p.message) for p in parse(text).problems]


UNKNOWN_WHERE = (
    "YAML-syntaxfel: Inom dubbla citattecken läses '\\' som början på en kod för ett "
    "specialtecken, och '\\q' är ingen sådan kod. Är '\\' en del av texten (t.ex. i en "
    "sökväg som G:\\Nämnder), skriv texten inom enkla citattecken i stället: ett ' direkt "
    "före texten och ett ' direkt efter den, i stället för \". Annars skriv '\\\\' för "
    "varje '\\'."
)


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("pairs", [40, HUGE // 2])
def test_a_backslash_line_of_quotes_gets_the_advice_at_once(pairs: int) -> None:
    # Was: 74 s for 64 kB; the help's pattern was retried from every '"' of the line.
    line = '    motivering: "\\q' + '\\"' * pairs
    assert found(edited(37, line)) == [(37, 18, "yaml-syntax", UNKNOWN_WHERE)]


GENERIC = (
    "YAML-syntaxfel: YAML kan inte läsa filen vid rad 37, kolumn 19. Kontrollera den raden "
    "och raden ovanför: att indraget är lika stort som på raderna på samma nivå, att varje "
    "nyckel följs av kolon och mellanslag (': '), att citattecken och parenteser ('[ ]', "
    "'{ }') är avslutade, och att en text som innehåller ': ' eller ' #', eller som börjar "
    "med ett specialtecken (- ? : , [ ] { } # & * ! | > ' \" % @ `), står inom citattecken."
)
SAME_LINE = (
    "YAML-syntaxfel: Texten står på samma rad som '|'. Efter '{name}: |' ska raden sluta: "
    "flytta texten ('{shown}') till raden under, indragen mer än nyckeln, så som 'utsatta ny "
    "rapport' skriver den. Ska texten börja med '|', sätt hela texten inom citattecken."
)


@pytest.mark.usefixtures("parser")
def test_a_line_beyond_the_bound_gets_the_general_advice() -> None:
    # Was: 82 s for '- | a', 100,000 spaces and 'b': the key pattern's lazy part and '\s*'
    # fought over every space.
    assert found(edited(37, "    motivering: | a" + " " * HUGE + "b")) == [
        (37, 19, "yaml-syntax", GENERIC)
    ]


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("line", "name", "shown"),
    [
        # Within the bound the helper says what is wrong: in one pass over the line.
        (
            "    motivering: | a" + " " * (LONG_LINE - 40) + "b",
            "motivering",
            "a" + " " * 59 + f"… ({heltal(LONG_LINE - 40 + 2)} tecken)",
        ),
        ("    motivering   : | text", "motivering", "text"),  # spaces before the colon
    ],
)
def test_text_after_the_bar_within_the_bound(line: str, name: str, shown: str) -> None:
    (problem,) = found(edited(37, line))
    assert problem[2:] == ("yaml-syntax", SAME_LINE.format(name=name, shown=shown))


def test_an_e_mail_check_reads_the_domain_once() -> None:
    # Was: a pass per '.' of the domain ('{_MAIL}+\.{_MAIL}+' tried at every one).
    assert not is_handle("a@" + "." * HUGE + " ")
    assert is_handle("a@" + "." * HUGE)  # a '.' inside: the form of an address
    expected = {
        "a@b.se": True,
        "a@.se": False,
        "a@..se": True,
        "a@b.": False,
        "a@bse": False,
        "a@b@c.se": False,
    }
    assert {h: is_handle(h) for h in expected} == expected
    assert is_handle("@anna") and is_handle("@org/team-1") and not is_handle("anna")


def test_an_insats_id_with_a_long_gap_is_read_once(base_copy: Path) -> None:
    # Was: '\s*[… \s]\s*' between the numbers: a pass per space of the gap.
    report = base_copy / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace('insats: "1:1"', f'insats: "1{" " * HUGE}a"', 1), encoding="utf-8"
    )
    messages = [
        f.message
        for f in utsatta.validate(base_copy).findings
        if f.file.endswith("grundskolenamnden.yaml") and f.line == 6
    ]
    assert messages == [
        f"'insats': '1{' ' * 59}… ({heltal(HUGE + 2)} tecken)' är inte ett insats-id. Skriv "
        "det som i planen: "
        "fokusområdets nummer, kolon och insatsens nummer, inom citattecken (t.ex. "
        '"2:4" för insats 2:4).'
    ]


# -- counts in messages are written the Swedish way (numbers.heltal) ----------------------------


def test_a_count_in_a_message_has_the_thousands_space() -> None:
    # Was: "20000 id utan kommatecken"; heltal writes "20 000" with its thousands space.
    assert heltal(20_000)[2] != "0"
    ids = " ".join(["bergsjon"] * 20_000)
    assert id_message("omraden", ids, ("omraden", 0), {"omraden": [ids]}) == (
        f"'omraden': '{shorten(ids)}' är {heltal(20_000)} id utan kommatecken emellan. Skriv "
        "ett kommatecken och ett mellanslag mellan dem."
    )
    (problem,) = parse(edited(37, '    motivering: "G:' + "\\n" * 1201 + '"')).problems
    assert f" Texten har {heltal(1200)} sådana koder till. " in problem.message
