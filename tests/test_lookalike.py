"""Letters of another script that look Latin, in a value whose exact spelling matters: the
message names each one (where, what, which letter it looks like) and the fix, and the
suggestion finds the intended value (docs/decisions/0574-forvaxlingsbara-tecken.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

import utsatta
from tests.support import BASE, CASES, build_case
from utsatta.cli.app import app
from utsatta.load.lookalike import LONGEST, NAMED, PLAIN, found, latin_of, note, plain
from utsatta.load.lookalike_table import PAIRS
from utsatta.load.spelling import NameIndex, intended, menade_du, menade_du_namn

CYR_A, CYR_E, CYR_O, CYR_VE = "\u0430", "\u0435", "\u043e", "\u0412"


@pytest.mark.parametrize(
    ("char", "latin"),
    [
        (CYR_A, "a"),  # CYRILLIC SMALL LETTER A
        (CYR_E, "e"),
        (CYR_VE, "B"),
        ("\u0406", "I"),  # Cyrillic І: UTS #39's prototype is 'l', an upper-case one is 'I'
        ("\u0456", "i"),
        ("\u03bf", "o"),  # GREEK SMALL LETTER OMICRON
        ("\u0391", "A"),  # GREEK CAPITAL LETTER ALPHA
        ("\uff21", "A"),  # FULLWIDTH LATIN CAPITAL LETTER A (NFKC)
        ("\uff42", "b"),
        ("\uff13", "3"),  # FULLWIDTH DIGIT THREE
        ("\U0001d41a", "a"),  # MATHEMATICAL BOLD SMALL A (NFKC)
        ("\u0561", "w"),  # ARMENIAN SMALL LETTER AYB
        ("\u0436", None),  # CYRILLIC SMALL LETTER ZHE looks like no Latin letter
        ("\u0585", "o"),  # ARMENIAN SMALL LETTER OH
        ("\u04d3", "ä"),  # CYRILLIC SMALL LETTER A WITH DIAERESIS: а and U+0308
        ("\u04e7", "ö"),  # CYRILLIC SMALL LETTER O WITH DIAERESIS
        ("\u0451", None),  # CYRILLIC SMALL LETTER IO: е and U+0308, an 'ë', not a plain letter
        ("a", None),
        ("å", None),
        ("Ö", None),
        ("é", None),
        ("-", None),
    ],
)
def test_latin_of(char: str, latin: str | None) -> None:
    assert latin_of(char) == latin


def test_the_table_is_what_its_generator_keeps() -> None:
    """Every row: one letter or digit outside ASCII, not folded by NFKC already, looking like
    one of the plain letters or digits; no character twice."""
    pairs = "".join(PAIRS)
    sources = pairs[::2]
    assert len(sources) == len(set(sources)) == 542
    for source, target in zip(sources, pairs[1::2], strict=True):
        assert not source.isascii()
        assert unicodedata.category(source)[0] in "LN"
        assert unicodedata.normalize("NFKC", source) not in PLAIN
        assert target in PLAIN


def test_found_and_plain() -> None:
    value = f"{CYR_VE}{CYR_E}rgsjön"
    assert found(value) == [(1, CYR_VE, "B"), (2, CYR_E, "e")]
    assert plain(value) == "Bergsjön"
    assert found("bergsjon") == [] and plain("Bergsjön") == "Bergsjön"
    # bounded: a long value is not looked through (its message shortens it anyway)
    assert found(CYR_A * (LONGEST + 1)) == []
    assert len(found(CYR_A * LONGEST)) == LONGEST


def test_note_one_letter() -> None:
    assert note(f"kulturnamnd{CYR_E}n", "kulturnamnden") == (
        " Här finns ett tecken ur en annan skrift som ser ut som en vanlig bokstav: tecken "
        "nummer 12 är ett kyrilliskt е (U+0435), som ser ut som e. Skriv om ordet med vanliga "
        "bokstäver, så att det står 'kulturnamnden'."
    )
    assert note("kulturnamnden") == ""


def test_note_many_and_digits() -> None:
    assert note(f"{CYR_VE}{CYR_E}rgsjön") == (
        " Här finns tecken ur en annan skrift som ser ut som vanliga bokstäver: tecken nummer 1 "
        "är ett kyrilliskt В (U+0412), som ser ut som B; och tecken nummer 2 är ett kyrilliskt "
        "е (U+0435), som ser ut som e. Skriv om ordet med vanliga bokstäver."
    )
    assert note("\uff12:1") == (
        " Här finns ett tecken ur en annan skrift som ser ut som en vanlig siffra: tecken "
        "nummer 1 är ett brett ２ (U+FF12), som ser ut som 2. Skriv om det med vanliga "
        "siffror."
    )
    assert note("\uff21\uff11", where="I filens namn").startswith(
        " I filens namn finns tecken ur en annan skrift som ser ut som vanliga bokstäver och "
        "siffror: tecken nummer 1 är ett brett Ａ (U+FF21)"
    )


def test_note_is_bounded() -> None:
    text = note(CYR_A * 50)
    assert text.count("tecken nummer") == NAMED
    assert f"och ytterligare {50 - NAMED} tecken är sådana." in text


def test_a_right_to_left_letter_is_named_by_its_number() -> None:
    """HEBREW LETTER SAMEKH looks like 'o' (UTS #39); shown, it would turn the text around."""
    text = note("b\u05e1rgsjon")
    assert "\u05e1" not in text
    assert "tecken nummer 2 är ett tecken ur en annan skrift (U+05E1), som ser ut som o" in text


def test_suggestions_compare_the_letters_they_look_like() -> None:
    orgs = ["kulturnamnden", "socialnamnd-nordost"]
    exact = menade_du(f"kulturn{CYR_A}mnden", orgs)
    assert "Menade du" not in exact
    assert exact.endswith("så att det står 'kulturnamnden'.")
    close = menade_du(f"kulturn{CYR_A}mden", orgs)
    assert close.startswith(" Här finns ett tecken")
    assert close.endswith(" Menade du 'kulturnamnden'?")
    assert menade_du("kulturnamdnen", orgs) == " Menade du 'kulturnamnden'?"  # as before
    assert intended(f"nul{CYR_A}ge", ["nulage", "status"]) == "nulage"
    names = NameIndex([("bergsjon", "Bergsjön"), ("gardsten", "Gårdsten")])
    assert menade_du_namn(f"{CYR_VE}{CYR_E}rgsjön", ["bergsjon", "gardsten"], names).endswith(
        " Menade du 'bergsjon' (Bergsjön)?"
    )
    assert menade_du_namn(f"b{CYR_E}rgsjon", ["bergsjon"], names).endswith(
        "så att det står 'bergsjon'."
    )


#: (case folder, file:line:column, code, message): the whole message, exactly.
MESSAGES = [
    (
        "forvaxlingsbar-nyckel",
        "data/rapporter/2023/grundskolenamnden.yaml:8:5",
        "okant-falt",
        f"Nyckeln 'nul{CYR_A}ge' ska heta 'nulage'. Här finns ett tecken ur en annan skrift som "
        "ser ut som en vanlig bokstav: tecken nummer 4 är ett kyrilliskt а (U+0430), som ser ut "
        "som a. Skriv om ordet med vanliga bokstäver.",
    ),
    (
        "forvaxlingsbar-nyckel",
        "data/rapporter/2023/grundskolenamnden.yaml:19:5",
        "okant-falt",
        f"Okänd nyckel 'sam{CYR_O}rdning' i posten för insats 2:1. Här finns ett tecken ur en "
        "annan skrift som ser ut som en vanlig bokstav: tecken nummer 4 är ett kyrilliskt о "
        "(U+043E), som ser ut som o. Skriv om ordet med vanliga bokstäver, så att det står "
        "'samordning'. Tillåtna nycklar här: insats, status, nulage, omraden, bedomning, "
        "motivering, fortsatt_arbete, behov, samordning.",
    ),
    (
        "forvaxlingsbart-omrade",
        "data/rapporter/2023/grundskolenamnden.yaml:9:15",
        "ogiltigt-id",
        f"'omraden': '{CYR_VE}{CYR_E}rgsjön' är inte skrivet som ett id. Här finns tecken ur en "
        "annan skrift som ser ut som vanliga bokstäver: tecken nummer 1 är ett kyrilliskt В "
        "(U+0412), som ser ut som B; och tecken nummer 2 är ett kyrilliskt е (U+0435), som ser "
        "ut som e. Skriv om ordet med vanliga bokstäver. Menade du 'bergsjon' ur omraden.yaml? "
        "Skriv då bergsjon.",
    ),
    (
        "forvaxlingsbart-omrade",
        "data/rapporter/2023/grundskolenamnden.yaml:16:25",
        "ogiltigt-id",
        f"'omraden': 'g{CYR_A}rdsten' är inte skrivet som ett id. Här finns ett tecken ur en "
        "annan skrift som ser ut som en vanlig bokstav: tecken nummer 2 är ett kyrilliskt а "
        "(U+0430), som ser ut som a. Skriv om ordet med vanliga bokstäver, så att det står "
        "'gardsten'.",
    ),
    (
        "forvaxlingsbar-organisation",
        "data/rapporter/2023/socialnamnd-nordost.yaml:3:15",
        "ogiltigt-id",
        f"'organisation': 's{CYR_O}cialnamnd-nordost' är inte skrivet som ett id. Här finns ett "
        "tecken ur en annan skrift som ser ut som en vanlig bokstav: tecken nummer 2 är ett "
        "kyrilliskt о (U+043E), som ser ut som o. Skriv om ordet med vanliga bokstäver, så att "
        # the organisations are known (skriv22): the id exists, nothing to check
        "det står 'socialnamnd-nordost'.",
    ),
    (
        "forvaxlingsbart-insats-id",
        "data/rapporter/2023/kommunstyrelsen.yaml:6:13",
        "ogiltigt-insats-id",
        "'insats': '２:1' är inte ett insats-id. Här finns ett tecken ur en annan skrift som "
        "ser ut som en vanlig siffra: tecken nummer 1 är ett brett ２ (U+FF12), som ser ut "
        'som 2. Skriv om det med vanliga siffror. Skriv "2:1" (inom citattecken).',
    ),
]


@pytest.mark.parametrize("folder", sorted({m[0] for m in MESSAGES}))
def test_the_messages_of_the_cases(folder: str, tmp_path: Path) -> None:
    """Each case's findings, with the whole message (expected.txt pins file, line, column,
    severity and code; tests/test_cases.py checks that)."""
    data = build_case(CASES / folder, tmp_path)
    got = [
        (
            f"{Path(f.file).relative_to(data.parent).as_posix()}:{f.line}:{f.column}",
            f.code,
            f.message,
        )
        for f in utsatta.validate(data).findings
    ]
    assert got == [m[1:] for m in MESSAGES if m[0] == folder]


def _misnamed(tmp_path: Path, kind: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    if kind == "rapport":
        report = data / "rapporter" / "2023" / "socialnamnd-nordost.yaml"
        report.rename(report.with_name(f"s{CYR_O}cialnamnd-nordost.yaml"))
    else:
        ind = data / "indikatorer" / "valdeltagande.yaml"
        ind.rename(ind.with_name(f"vald{CYR_E}ltagande.yaml"))
    return data


def test_a_file_name_with_a_lookalike(tmp_path: Path) -> None:
    """filnamn-matchar-inte: 'sоcialnamnd-nordost.yaml' looks like the name it should have."""
    data = _misnamed(tmp_path, "rapport")
    (finding,) = utsatta.validate(data).findings
    assert (finding.code, finding.line, finding.column) == ("filnamn-matchar-inte", 3, 15)
    assert finding.message == (
        f"Rapporten är från 'socialnamnd-nordost' men filen heter s{CYR_O}cialnamnd-nordost"
        ".yaml. I filens namn finns ett tecken ur en annan skrift som ser ut som en vanlig "
        "bokstav: tecken nummer 2 är ett kyrilliskt о (U+043E), som ser ut som o. Skriv om "
        "ordet med vanliga bokstäver. Filen ska heta socialnamnd-nordost.yaml."
    )
    data = _misnamed(tmp_path / "ind", "indikator")
    (finding,) = utsatta.validate(data).findings
    assert (finding.code, finding.line, finding.column) == ("filnamn-matchar-inte", 2, 5)
    assert finding.message == (
        f"Indikatorns id är 'valdeltagande' men filen heter vald{CYR_E}ltagande.yaml. I filens "
        "namn finns ett tecken ur en annan skrift som ser ut som en vanlig bokstav: tecken "
        "nummer 5 är ett kyrilliskt е (U+0435), som ser ut som e. Skriv om ordet med vanliga "
        "bokstäver. Byt namn på filen till valdeltagande.yaml."
    )


def test_an_allowed_value_with_a_lookalike(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    report = data / "rapporter" / "2023" / "kommunstyrelsen.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("pagaende", f"pag{CYR_A}ende", 1), encoding="utf-8")
    (finding,) = utsatta.validate(data).findings
    assert (finding.code, finding.line) == ("ogiltigt-varde", 7)
    assert finding.message == (
        f"'pag{CYR_A}ende' är inte ett tillåtet värde för status. Här finns ett tecken ur en "
        "annan skrift som ser ut som en vanlig bokstav: tecken nummer 4 är ett kyrilliskt а "
        "(U+0430), som ser ut som a. Skriv om ordet med vanliga bokstäver, så att det står "
        "'pagaende'. Tillåtna värden: ej-paborjad, pagaende, genomford, forsenad, avbruten."
    )


def test_a_free_text_may_mix_scripts(tmp_path: Path) -> None:
    """Only a value whose exact spelling matters is looked at: a Cyrillic word in 'nulage'
    is no finding."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    report = data / "rapporter" / "2023" / "kommunstyrelsen.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace("Den centrala lägesbilden", f"Den c{CYR_E}ntrala lägesbilden (Москва)"),
        encoding="utf-8",
    )
    assert utsatta.validate(data).findings == []


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_every_channel_still_escapes_the_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """A look-alike beside a bidi override: the override is escaped in each channel, the
    look-alike named."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    report = data / "rapporter" / "2023" / "socialnamnd-nordost.yaml"
    text = report.read_text(encoding="utf-8")
    hostile = f"s{CYR_O}cial\u202enamnd"
    report.write_text(
        text.replace("organisation: socialnamnd-nordost", f'organisation: "{hostile}"'),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(
        app, ["validate", "--data", "data", "--format", fmt], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "\u202e" not in result.stdout
    shown = (
        "\n".join(f["message"] for f in json.loads(result.stdout)["findings"])
        if fmt == "json"
        else result.stdout
    )
    assert "tecken nummer 2 är ett kyrilliskt о (U+043E), som ser ut som o" in shown


def test_valid_data_never_reads_the_table() -> None:
    """The look-alikes are looked for only in a value that already failed."""
    code = (
        "import sys, utsatta; "
        f"assert utsatta.validate({str(BASE)!r}).findings == []; "
        "print('utsatta.load.lookalike_table' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
