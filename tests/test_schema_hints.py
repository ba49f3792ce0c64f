"""The fix a message suggests is one the data then passes, values are shown as written (never
in Python's notation), and echoed data is bounded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import edited_findings
from utsatta.cli.app import app
from utsatta.load.dataset import schema_findings
from utsatta.model.indikator import IndikatorFil

runner = CliRunner()


def _findings(data: Path) -> list[dict[str, object]]:
    result = runner.invoke(app, ["validate", "--data", str(data), "--format", "json"])
    return list(json.loads(result.stdout)["findings"])


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(data: Path, code: str) -> list[str]:
    return [str(f["message"]) for f in _findings(data) if f["code"] == code]


@pytest.mark.parametrize(
    ("file", "old", "new", "hint", "fixed"),
    [
        (
            "uppfoljning/2023.yaml",
            "datum: 2024-06-01",
            "datum: 20240601",
            'Skriv det inom citattecken: "2024-06-01".',
            'datum: "2024-06-01"',
        ),
        (
            "organisationer.yaml",
            "    verksamhet_i_utsatta_omraden: true\n  - id: socialnamnd-nordost",
            "    verksamhet_i_utsatta_omraden: true\n    giltig_till: 20261031\n"
            "  - id: socialnamnd-nordost",
            'Skriv det inom citattecken: "2026-10-31".',
            "    giltig_till: '2026-10-31'",
        ),
        (
            "rapporter/2023/grundskolenamnden.yaml",
            'insats: "1:1"',
            "insats: 11",
            'Menar du 1:1? Skriv id:t med kolon och inom citattecken: insats: "1:1".',
            'insats: "1:1"',
        ),
        (
            "rapporter/2023/grundskolenamnden.yaml",
            "omraden: [bergsjon, gardsten]",
            "omraden: [12, gardsten]",
            "Skriv ett id ur omraden.yaml (t.ex. bergsjon), inte ett nummer.",
            "omraden: [bergsjon, gardsten]",
        ),
        (  # a list the table of id lists names (model/id_fields, decision 0573)
            "omraden.yaml",
            "    utgivare: Polisen\n  - ar: 2023",
            "    utgivare: Polisen\n    nationellt_kallor: [polisen-2023, 2021]\n  - ar: 2023",
            "Skriv ett id ur listan 'kallor', inte ett nummer.",
            "    nationellt_kallor: [polisen-2023]",
        ),
    ],
)
def test_a_number_where_text_belongs_gets_a_fix_that_passes(
    base_copy: Path, file: str, old: str, new: str, hint: str, fixed: str
) -> None:
    path = base_copy / file
    _replace(path, old, new)
    found = [f for f in _findings(base_copy) if f["code"] == "fel-typ"]
    assert len(found) == 1, found
    assert str(found[0]["message"]).endswith(" " + hint)
    _replace(path, new.split("\n")[-2] if "\n" in new else new, fixed)
    assert [f for f in _findings(base_copy) if f["severity"] == "fel"] == []


def test_a_date_written_in_words_is_told_its_digits(base_copy: Path) -> None:
    """'1 april 2026' names a day: the fix is that day as ÅÅÅÅ-MM-DD (decision 0658)."""
    _replace(base_copy / "uppfoljning/2023.yaml", "datum: 2024-06-01", "datum: 1 april 2026")
    _replace(
        base_copy / "organisationer.yaml",
        "    verksamhet_i_utsatta_omraden: true\n  - id: socialnamnd-nordost",
        "    verksamhet_i_utsatta_omraden: true\n    giltig_till: den 30:e april 2024\n"
        "  - id: socialnamnd-nordost",
    )
    assert _messages(base_copy, "ogiltigt-datum") == [
        "'datum': '1 april 2026' är inte skrivet med siffror som ÅÅÅÅ-MM-DD. Skriv "
        "beslutsdagen som 2026-04-01."
    ]
    assert _messages(base_copy, "ogiltig-dag") == [
        "'giltig_till': 'den 30:e april 2024' är inte skrivet med siffror som ÅÅÅÅ-MM-DD. "
        "Skriv 2024-04-30."
    ]


def test_a_date_that_does_not_exist_is_named(base_copy: Path) -> None:
    _replace(base_copy / "uppfoljning/2023.yaml", "datum: 2024-06-01", "datum: 2025-02-30")
    _replace(
        base_copy / "organisationer.yaml",
        "    verksamhet_i_utsatta_omraden: true\n  - id: socialnamnd-nordost",
        '    verksamhet_i_utsatta_omraden: true\n    giltig_till: "2024-04-31"\n'
        "  - id: socialnamnd-nordost",
    )
    assert _messages(base_copy, "ogiltigt-datum") == [
        "'datum': '2025-02-30' är inte ett datum. Dagen finns inte: februari 2025 har 28 dagar. "
        "Skriv beslutsdagen som ÅÅÅÅ-MM-DD (t.ex. 2024-04-17)."
    ]
    assert _messages(base_copy, "ogiltig-dag") == [
        "'giltig_till': '2024-04-31' är inte ett datum. Dagen finns inte: april 2024 har 30 "
        "dagar. Skriv ÅÅÅÅ-MM-DD (t.ex. 2022-12-31)."
    ]


def test_a_leap_day_is_a_date(base_copy: Path) -> None:
    _replace(base_copy / "uppfoljning/2023.yaml", "datum: 2024-06-01", "datum: 2024-02-29")
    assert _findings(base_copy) == []


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("schemaversion:", "'schemaversion' saknar värde. Skriv schemaversion: 1."),
        ("schemaversion: ~", "'schemaversion' saknar värde. Skriv schemaversion: 1."),
        (
            "schemaversion: 2",
            "schemaversion 2 är ett nyare filformat än den här versionen av utsatta läser "
            "(schemaversion: 1). Uppgradera utsatta till en version som läser det; skriv inte om "
            "filen till en äldre version.",
        ),
        (
            'schemaversion: "1"',
            "schemaversion '1' är inget giltigt värde. Rätta det: skriv schemaversion: 1.",
        ),
        (
            "schemaversion: true",
            "schemaversion true är inget giltigt värde. Rätta det: skriv schemaversion: 1.",
        ),
        (
            "schemaversion: 0",
            "schemaversion 0 är inget giltigt värde. Rätta det: skriv schemaversion: 1.",
        ),
        # a decimal number is no version, though 1.0 == 1 in Python (as true == 1 was)
        (
            "schemaversion: 1.0",
            "schemaversion 1.0 är inget giltigt värde. Rätta det: skriv schemaversion: 1.",
        ),
        (
            "schemaversion: 1.00",
            "schemaversion 1.00 är inget giltigt värde. Rätta det: skriv schemaversion: 1.",
        ),
        (
            "schemaversion: 2.0",
            "schemaversion 2.0 är inget giltigt värde. Rätta det: skriv schemaversion: 1.",
        ),
    ],
)
def test_schemaversion_is_shown_as_written(base_copy: Path, written: str, message: str) -> None:
    _replace(base_copy / "rapporter/2023/grundskolenamnden.yaml", "schemaversion: 1", written)
    assert _messages(base_copy, "okand-schemaversion") == [message]


def test_a_decimal_schemaversion_is_an_error_at_its_value(base_copy: Path) -> None:
    _replace(
        base_copy / "rapporter/2023/grundskolenamnden.yaml",
        "schemaversion: 1",
        "schemaversion: 1.0",
    )
    found = [
        (
            Path(str(f["file"])).relative_to(base_copy).as_posix(),
            f["line"],
            f["column"],
            f["severity"],
        )
        for f in _findings(base_copy)
        if f["code"] == "okand-schemaversion"
    ]
    assert found == [("rapporter/2023/grundskolenamnden.yaml", 1, 16, "fel")]


def test_no_python_notation_reaches_a_message(base_copy: Path) -> None:
    report = base_copy / "rapporter/2023/grundskolenamnden.yaml"
    _replace(report, "schemaversion: 1", "schemaversion:")
    _replace(report, "illustrativ: true", "illustrativ: [] ")
    _replace(report, "status: pagaende", "status: {}")
    _replace(report, "nulage: Arbetet pågår.", "nulage: ~")
    _replace(report, "bedomning: bedoms-uppnas", "bedomning: True")
    messages = [str(f["message"]) for f in _findings(base_copy)]
    assert len(messages) >= 4
    for text in messages:
        for python in ("None", "True", "False", "[]", "{}", "\"'", "'\""):
            assert python not in text, text


def test_echoed_names_and_keys_are_shortened(base_copy: Path) -> None:
    (base_copy / "rapporter/2023/socialnamnd-nordost.yaml").unlink()
    _replace(
        base_copy / "organisationer.yaml", "namn: Socialnämnd Nordost", "namn: " + "N" * 200_000
    )
    _replace(
        base_copy / "rapporter/2023/grundskolenamnden.yaml",
        "illustrativ: true",
        f'illustrativ: true\n? "{"K" * 100_000}"\n: 1',
    )
    found = _findings(base_copy)
    by_code = {str(f["code"]): str(f["message"]) for f in found}
    assert by_code["rapport-saknas"].startswith("N" * 60 + "… (200 000 tecken) har inte lämnat")
    assert by_code["okant-falt"].startswith("Okänd nyckel '" + "K" * 60 + "… (100 000 tecken)'")
    assert all(len(str(f["message"])) < 2000 for f in found)


def test_a_report_after_the_plan_says_what_to_do(base_copy: Path) -> None:
    report = base_copy / "rapporter/2026/grundskolenamnden.yaml"
    report.parent.mkdir()
    report.write_text(
        (base_copy / "rapporter/2023/grundskolenamnden.yaml")
        .read_text(encoding="utf-8")
        .replace("ar: 2023", "ar: 2026"),
        encoding="utf-8",
    )
    assert _messages(base_copy, "ar-utanfor-planen") == [
        "År 2026 ligger utanför planens giltighetstid 2022–2025, och rapporter lämnas bara för "
        "de åren. Är året fel skrivet: rätta 'ar' (och flytta filen till rapporter/<år>/). "
        "Gäller filen en senare plan: lägg den i den planens egen datamapp (en datamapp per "
        "plan, --data MAPP); se README, ”Ny planperiod”."
    ]


def test_a_report_before_the_plan_is_kept_as_history_not_deleted(base_copy: Path) -> None:
    report = base_copy / "rapporter/2021/grundskolenamnden.yaml"
    report.parent.mkdir()
    report.write_text(
        (base_copy / "rapporter/2023/grundskolenamnden.yaml")
        .read_text(encoding="utf-8")
        .replace("ar: 2023", "ar: 2021"),
        encoding="utf-8",
    )
    assert _messages(base_copy, "ar-utanfor-planen") == [
        "År 2021 ligger utanför planens giltighetstid 2022–2025, och rapporter lämnas bara för "
        "de åren. Är året fel skrivet: rätta 'ar' (och flytta filen till rapporter/<år>/). "
        "Gäller filen en tidigare plan: ta inte bort historiken utan låt filen ligga kvar i den "
        "planens datamapp (flytta den förra periodens datamapp till ett arkiv, eller behåll den i "
        "git-historiken) och ha en egen datamapp per plan (--data MAPP); se README, ”Ny "
        "planperiod”."
    ]


def _indicator(varde: float) -> dict[str, object]:
    return {
        "schemaversion": 1,
        "id": "x",
        "namn": "X",
        "fokusomrade": "2",
        "enhet": "procent",
        "riktning": "hogre-ar-battre",
        "definition": "En definition.",
        "kallor": [{"id": "k", "utgivare": "U", "sakerhet": "bekraftad"}],
        "baslinje": {"ar": 2014, "varde": varde, "kalla": "k"},
    }


@pytest.mark.parametrize(
    ("varde", "digits"), [(1.7e308, 309), (1e-300, 301), (1.2345678901234567e-5, 22), (1e20, 21)]
)
def test_a_float_with_more_digits_than_any_indicator_is_an_error(varde: float, digits: int) -> None:
    model, found = schema_findings("x.yaml", IndikatorFil, _indicator(varde))
    assert model is None
    assert [(f.code, f.message) for f in found] == [
        (
            "for-manga-siffror",
            f"'varde': Talet {varde!r} har {digits} siffror när det skrivs ut, men ett värde får "
            "ha högst 20. Kontrollera värdet (ett fel i exponenten, eller något inklistrat?) och "
            "skriv det som ett vanligt tal utan e, med punkt som decimaltecken (t.ex. 15.7).",
        )
    ]


@pytest.mark.parametrize(
    "varde",
    [0.0, 79.2, -0.001, 0.30000000000000004, 12345678901234567.0, 99999999999999999999.0 / 10],
)
def test_ordinary_floats_pass(varde: float) -> None:
    model, found = schema_findings("x.yaml", IndikatorFil, _indicator(varde))
    assert found == []
    assert model is not None


def test_echoed_ids_are_shortened(base_copy: Path) -> None:
    long_id = "a" * 100_000
    _replace(
        base_copy / "rapporter/2023/grundskolenamnden.yaml",
        "omraden: [bergsjon]",
        f"omraden: [{long_id}]",
    )
    _replace(base_copy / "uppfoljning/2023.yaml", "- omrade: bergsjon", f"- omrade: {long_id}")
    _replace(
        base_copy / "uppfoljning/2023.yaml",
        "  - uppdrag: sluta-skjut",
        f"  - uppdrag: {long_id}",
    )
    found = _findings(base_copy)
    codes = sorted(str(f["code"]) for f in found)
    assert codes.count("okant-omrade") == 2
    for f in found:
        assert len(str(f["message"])) < 2000, (f["code"], len(str(f["message"])))


INDICATOR = "indikatorer/anmalda-skadegorelsebrott.yaml"
HEAD = "'varde': Talet "
TAIL = (
    " siffror när det skrivs ut, men ett värde får ha högst 20. Kontrollera värdet (ett fel i "
    "exponenten, eller något inklistrat?) och skriv det som ett vanligt tal utan e, med punkt "
    "som decimaltecken (t.ex. 15.7)."
)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "99999999999999999999",
            f"{HEAD}99999999999999999999 har 20 siffror, men det sparas avrundat till "
            "100000000000000000000, med 21 siffror, och ett värde får ha högst 20. Ett tal med "
            "högst 15 värdesiffror sparas som det är skrivet. Kontrollera värdet (något "
            "inklistrat?) och skriv det med högst 15 värdesiffror: byt siffrorna efter de 15 "
            "första mot nollor.",
        ),
        ("1.7e308", f"{HEAD}1.7e308 har 309{TAIL}"),
        ("1E+20", f"{HEAD}1E+20 har 21{TAIL}"),
        ("0.00000000000000000000000001", f"{HEAD}0.00000000000000000000000001 har 27{TAIL}"),
        ("-1.2345678901234567e-5", f"{HEAD}-1.2345678901234567e-5 har 22{TAIL}"),
    ],
)
def test_too_many_digits_quotes_the_number_as_written(
    tmp_path: Path, written: str, message: str
) -> None:
    """The number as the file has it, its own digits counted: '99999999999999999999' was
    quoted "Talet 1e+20 har 21 siffror", a number and a count the file does not have."""
    found = edited_findings(
        tmp_path, INDICATOR, "  varde: 2449\n  kalla", f"  varde: {written}\n  kalla"
    )
    assert found == [(18, 10, "for-manga-siffror", message)]


def test_too_many_digits_as_stored_the_advice_followed_passes(tmp_path: Path) -> None:
    """ "byt siffrorna efter de 15 första mot nollor", done to the number as written, leaves no
    finding (decision 0430)."""
    written = "99999999999999999999"
    found = edited_findings(
        tmp_path / "fel", INDICATOR, "  varde: 2449\n  kalla", f"  varde: {written}\n  kalla"
    )
    assert "byt siffrorna efter de 15 första mot nollor" in found[0][3]
    fixed = written[:15] + "0" * (len(written) - 15)
    assert (
        edited_findings(
            tmp_path / "rättad", INDICATOR, "  varde: 2449\n  kalla", f"  varde: {fixed}\n  kalla"
        )
        == []
    )


ROUNDED_TAIL = (
    ", och rapporten skulle visa det talet, inte det som står i filen. Ett tal med högst 15 "
    "värdesiffror sparas som det är skrivet. Kontrollera värdet (något inklistrat?) och skriv "
    "det med högst 15 värdesiffror: byt siffrorna efter de 15 första mot nollor."
)


@pytest.mark.parametrize(
    ("written", "stored", "fixed"),
    [
        ("123456789012345678.9", "123456789012345680", "123456789012345000.0"),
        ("12345678901234567891", "12345678901234567168", "12345678901234500000"),
        ("1234567890123456.789", "1234567890123456.8", "1234567890123450.000"),
        ("-98765432109876543.21", "-98765432109876544", "-98765432109876500.00"),
    ],
)
def test_a_number_stored_rounded_within_20_digits_is_told_and_the_advice_passes(
    tmp_path: Path, written: str, stored: str, fixed: str
) -> None:
    """granska15 #4: 123456789012345678.9 passed and the report printed …680, digits the file
    never held. Told where the report would show another number (decision 0498); the advice
    done to the number as written ("byt siffrorna efter de 15 första mot nollor") passes."""
    old = "  varde: 2449\n  kalla"
    found = edited_findings(tmp_path / "fel", INDICATOR, old, f"  varde: {written}\n  kalla")
    # the rate can't be below zero either (decision 0678): said apart, after the digits
    negative = [f for f in found if f[2] == "negativt-varde"]
    assert len(negative) == written.startswith("-")
    assert [f for f in found if f not in negative] == [
        (
            18,
            10,
            "for-manga-siffror",
            f"{HEAD}{written} sparas avrundat till {stored}{ROUNDED_TAIL}",
        )
    ]
    ok = edited_findings(tmp_path / "ok", INDICATOR, old, f"  varde: {fixed}\n  kalla")
    # a rate per 100 000 can't be below zero (decision 0678): only that is left of a negative one
    assert [f[2] for f in ok] == (["negativt-varde"] if fixed.startswith("-") else [])


@pytest.mark.parametrize(
    "written",
    [
        "1234567890123456.5",  # a float holds it exactly
        "0.12345678901234567891",  # rounded past the two decimals the report shows
        "2.67500000000000",
        "1234567890123.456789",
        "0." + "0" * 5000 + "1",  # hostile: bounded work, and 0 at the decimals shown
        "1." + "1" * 5000,
    ],
)
def test_a_long_number_the_report_shows_as_written_passes(tmp_path: Path, written: str) -> None:
    old = "  varde: 2449\n  kalla"
    assert edited_findings(tmp_path, INDICATOR, old, f"  varde: {written}\n  kalla") == []


BASED_TAIL = ", men ett tal i datafilerna ska vara skrivet i decimalform. Skriv talet i decimalform"


@pytest.mark.parametrize(
    ("written", "message", "fixed"),
    [
        ("0x1F", f"'varde': 0x1F är skrivet i hexadecimal form (0x){BASED_TAIL}: varde: 31.", "31"),
        ("0o17", f"'varde': 0o17 är skrivet i oktal form (0o){BASED_TAIL}: varde: 15.", "15"),
        (
            "0b101",
            "'varde' ska vara ett tal, men här står texten '0b101'. 0b101 är skrivet i binär "
            f"form (0b){BASED_TAIL}: varde: 5.",
            "5",
        ),
        (
            "-0x1F",
            "'varde' ska vara ett tal, men här står texten '-0x1F'. -0x1F är skrivet i "
            f"hexadecimal form (0x){BASED_TAIL}: varde: -31.",
            "-31",
        ),
        (
            "0x1_F",
            f"'varde': 0x1_F är skrivet i hexadecimal form (0x){BASED_TAIL}, med siffrorna 0–9.",
            "31",
        ),
    ],
)
def test_a_number_in_another_base_is_told_to_be_written_in_decimal_form(
    tmp_path: Path, written: str, message: str, fixed: str
) -> None:
    """granska15 #4: 'varde: 0x1F' passed and the report printed 31, a number no file says.
    The value offered, written in its place, passes."""
    old = "  varde: 2449\n  kalla"
    found = edited_findings(tmp_path / "fel", INDICATOR, old, f"  varde: {written}\n  kalla")
    assert found == [(18, 10, "fel-typ", message)]
    ok = edited_findings(tmp_path / "ok", INDICATOR, old, f"  varde: {fixed}\n  kalla")
    # a rate per 100 000 can't be below zero (decision 0678): only that is left of a negative one
    assert [f[2] for f in ok] == (["negativt-varde"] if fixed.startswith("-") else [])


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "  ar: 2017\n  varde",
            "  ar: 0x7E1\n  varde",
            (17, 7),
            f"'ar': 0x7E1 är skrivet i hexadecimal form (0x){BASED_TAIL}: ar: 2017.",
        ),
        (
            "schemaversion: 1",
            "schemaversion: 0x1",
            (3, 16),
            f"'schemaversion': 0x1 är skrivet i hexadecimal form (0x){BASED_TAIL}: "
            "schemaversion: 1.",
        ),
    ],
)
def test_an_integer_field_in_another_base_is_told_too(
    tmp_path: Path, old: str, new: str, where: tuple[int, int], message: str
) -> None:
    assert edited_findings(tmp_path, INDICATOR, old, new) == [(*where, "fel-typ", message)]


@pytest.mark.parametrize(
    ("written", "shown", "form"),
    [
        ("0x" + "F" * 24, "0x" + "F" * 24, "hexadecimal form (0x)"),
        ("0o" + "7" * 40, "0o" + "7" * 28 + "… (42 tecken)", "oktal form (0o)"),
    ],
)
def test_a_too_large_number_in_another_base_says_its_form_not_a_digit_count(
    tmp_path: Path, written: str, shown: str, form: str
) -> None:
    """granska15 #4: '0xFFFF…' was "för stort: utsatta läser heltal med högst 20 siffror",
    and a shortened octal one was counted in "siffror" the user cannot check."""
    old = "  varde: 2449\n  kalla"
    assert edited_findings(tmp_path, INDICATOR, old, f"  varde: {written}\n  kalla") == [
        (
            18,
            10,
            "for-stort-tal",
            f"Talet {shown} är skrivet i {form} och är för stort: utsatta läser tal i "
            "decimalform, och heltal med högst 20 siffror. Kontrollera värdet (har något "
            "klistrats in flera gånger?); ska det vara text, sätt det inom citattecken. Resten "
            "av filen kontrolleras när talet är rättat.",
        )
    ]
