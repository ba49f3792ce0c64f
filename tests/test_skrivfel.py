"""The writer's common mistakes (skriv22): each message says the file, the line, what is wrong
and what to write instead, for staff who write a report in a web editor."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import BASE, findings_in, stopped

REPORT = Path("rapporter/2023/grundskolenamnden.yaml")


def _found(tmp_path: Path, old: str, new: str) -> list[tuple[int, int, str, str]]:
    """The findings in the base case's report where ``old`` (once) is replaced by ``new``."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return findings_in(data, path)


def test_a_syntax_error_says_that_it_stops_the_check_of_the_file(tmp_path: Path) -> None:
    found = _found(tmp_path, "    bedomning: osakert\n", "    bedomning: osakert: mer\n")
    assert found == [
        (
            17,
            23,
            "yaml-syntax",
            "YAML-syntaxfel: Texten efter 'bedomning:' innehåller ett kolon följt av mellanslag "
            "('osakert:'), och YAML läser det som början på en ny nyckel. Sätt hela texten inom "
            'citattecken: bedomning: "osakert: mer".' + stopped(17),
        )
    ]


def test_only_the_error_that_stops_the_reading_says_so(tmp_path: Path) -> None:
    """A duplicate key above the syntax error is reported too, but it stopped nothing."""
    old = "    status: pagaende\n    nulage: Arbetet"
    new = "    status: pagaende\n    status: pagaende\n    nulage: Arbetet"
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    path.write_text(text.replace("    bedomning: osakert", "    bedomning: a: b"), encoding="utf-8")
    found = findings_in(data, path)
    assert [(line, code, message.endswith(stopped(line))) for line, _, code, message in found] == [
        (8, "dubblett-nyckel", False),
        (18, "yaml-syntax", True),
    ]


def test_an_error_that_stops_nothing_says_nothing_of_it(tmp_path: Path) -> None:
    """A duplicate key alone: the file is read, and its other errors are reported."""
    old = "    status: pagaende\n    nulage: Arbetet"
    new = "    status: pagaende\n    status: klar\n    nulage: Arbetet"
    found = _found(tmp_path, old, new)
    assert [(line, code) for line, _, code, _ in found] == [(8, "dubblett-nyckel")]
    assert not any("stoppar kontrollen" in message for *_, message in found)


def _duplicates(text: str) -> list[tuple[int, str]]:
    from utsatta.load.yamlread import parse

    return [(p.line, p.message) for p in parse(text).problems if p.code == "dubblett-nyckel"]


def _twice(key: str, first: int, line: int) -> str:
    return (
        f"Nyckeln '{key}' står två gånger på samma nivå: på rad {first} och här på rad {line}. "
        "Behåll den som är rätt och ta bort den andra, eller slå ihop dem; annars är det oklart "
        "vilket värde som gäller."
    )


def test_a_duplicate_key_names_the_line_it_was_first_written_on(tmp_path: Path) -> None:
    old = "    status: pagaende\n    nulage: Arbetet"
    new = "    status: pagaende\n    nulage: Klart.\n    status: klar\n    nulage: Arbetet"
    found = _found(tmp_path, old, new)
    assert found == [
        (9, 5, "dubblett-nyckel", _twice("status", 7, 9)),
        (10, 5, "dubblett-nyckel", _twice("nulage", 8, 10)),
    ]


def test_the_first_line_is_in_the_same_mapping() -> None:
    """Not a key of the same name in another item, in a nested mapping, in a text or quoted."""
    items = (
        'x:\n  - insats: "1"\n    status: a\n    nulage: b\n    status: c\n'
        '  - insats: "2"\n    status: d\n    status: e\n'
    )
    assert _duplicates(items) == [(5, _twice("status", 3, 5)), (8, _twice("status", 7, 8))]
    nested = 'a:\n  b: 1\n  c:\n    b: 2\n  b: 3\n"d": 4\ne: |\n  d: 5\nd: 6\n'
    assert _duplicates(nested) == [(5, _twice("b", 2, 5)), (9, _twice("d", 6, 9))]


def test_after_a_missing_dash_the_first_line_is_in_the_new_item() -> None:
    text = 'x:\n  - insats: "1"\n    status: a\n    insats: "2"\n    status: c\n    status: d\n'
    assert _duplicates(text) == [(6, _twice("status", 5, 6))]
    # no first key again: the keys that came again are the item's own duplicates
    text = 'x:\n  - insats: "1"\n    status: a\n    nulage: b\n    status: c\n    nulage: d\n'
    assert _duplicates(text) == [(5, _twice("status", 3, 5)), (6, _twice("nulage", 4, 6))]


def test_a_duplicate_in_braces_keeps_the_general_advice() -> None:
    assert _duplicates("x: {a: 1, a: 2}\n") == [
        (
            1,
            "Nyckeln 'a' står två gånger på samma nivå (under samma nyckel eller överst i "
            "filen). Ta bort den ena eller slå ihop dem; annars är det oklart vilket värde som "
            "gäller.",
        )
    ]


_POST_KEYS = (
    "Tillåtna nycklar här: insats, status, nulage, omraden, bedomning, motivering, "
    "fortsatt_arbete, behov, samordning."
)


def test_english_keys_are_told_their_swedish_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("ar: 2023", "year: 2023"),
        ("organisation: grund", "organization: grund"),
        ("    nulage: Arbetet", "    description: Arbetet"),
        (
            "    fortsatt_arbete: Vi fortsätter.\n    samordning",
            "    next steps: Vi fortsätter.\n    comment: Se bilagan.\n    samordning",
        ),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert findings_in(data, path) == [
        (2, 1, "okant-falt", "Nyckeln 'year' ska heta 'ar'. Byt namn på den."),
        (3, 1, "okant-falt", "Nyckeln 'organization' ska heta 'organisation'. Byt namn på den."),
        (8, 5, "okant-falt", "Nyckeln 'description' ska heta 'nulage'. Byt namn på den."),
        (11, 5, "okant-falt", "Nyckeln 'next steps' ska heta 'fortsatt_arbete'. Byt namn på den."),
        (
            12,
            5,
            "okant-falt",
            "Okänd nyckel 'comment' i posten för insats 1:1. Menade du 'motivering'? Skriv "
            f"'motivering:' i stället för 'comment:'. {_POST_KEYS}",
        ),
    ]


def test_a_list_under_an_english_name_is_the_list_it_means(tmp_path: Path) -> None:
    """'results:' for 'insatser:': one finding, not also 'insatser' missing."""
    assert _found(tmp_path, "insatser:\n", "results:\n") == [
        (5, 1, "okant-falt", "Nyckeln 'results' ska heta 'insatser'. Byt namn på den."),
    ]


def test_a_key_the_post_has_is_not_suggested_again(tmp_path: Path) -> None:
    """'comment' in a post that has 'motivering': no key to rename it to."""
    old = "    fortsatt_arbete: Vi fortsätter.\n    samordning"
    new = "    motivering: Skäl.\n    comment: Se bilagan.\n" + old
    assert _found(tmp_path, old, new) == [
        (12, 5, "okant-falt", f"Okänd nyckel 'comment' i posten för insats 1:1. {_POST_KEYS}")
    ]


def test_every_key_a_word_can_mean_is_a_key_of_the_files() -> None:
    import inspect

    import pydantic

    import utsatta.model as models
    from utsatta.synonyms import KEY_SYNONYMS, normalise

    fields: set[str] = set()
    for module in vars(models).values():
        if inspect.ismodule(module):
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, pydantic.BaseModel):
                    fields |= set(cls.model_fields)
    meant = {key for keys in KEY_SYNONYMS.values() for key in keys}
    assert meant <= fields, meant - fields
    assert all(normalise(word) == word for word in KEY_SYNONYMS)


def test_a_name_whose_id_form_is_no_id_gets_the_id_to_write(tmp_path: Path) -> None:
    """The shipped data: 'Socialnämnden Nordost' is socialnamnd-nordost, not the id form
    'socialnamnden-nordost' that the general advice would give."""
    from tests.support import edited_findings

    found = edited_findings(
        tmp_path,
        "rapporter/2025/socialnamnd-nordost.yaml",
        "organisation: socialnamnd-nordost\n",
        "organisation: Socialnämnden Nordost\n",
    )
    assert found == [
        (
            4,
            15,
            "ogiltigt-id",
            "'organisation': 'Socialnämnden Nordost' är ett namn, inte ett id. Id:t för "
            "Socialnämnden Nordost i organisationer.yaml är socialnamnd-nordost: skriv "
            "organisation: socialnamnd-nordost.",
        )
    ]


def test_an_area_by_part_of_its_name_and_an_unknown_name(tmp_path: Path) -> None:
    from tests.support import edited_findings

    found = edited_findings(
        tmp_path,
        "rapporter/2025/socialnamnd-nordost.yaml",
        "organisation: socialnamnd-nordost\n",
        "organisation: Kulturförvaltningen\n",
    )
    assert found == [
        (
            4,
            15,
            "ogiltigt-id",
            "'organisation': 'Kulturförvaltningen' är inte skrivet som ett id. Ett id skrivs med "
            "små bokstäver a–z, siffror och bindestreck ('-'), utan å, ä, ö, mellanslag och "
            "andra streck: här blir det 'kulturforvaltningen', men det finns inte i "
            "organisationer.yaml. Menade du 'kulturnamnden'? Skriv då kulturnamnden.",
        )
    ]
    after = "hammarkullen, hjallbo, lovgardet]\n    bedomning: uppnatt\n    motivering: Fritids"
    old = f"omraden: [bergsjon, gardsten, {after}"
    new = f"omraden: [Grevegården, gardsten, {after}"
    found = edited_findings(tmp_path / "b", "rapporter/2025/socialnamnd-nordost.yaml", old, new)
    assert found == [
        (
            13,
            15,
            "ogiltigt-id",
            "'omraden': 'Grevegården' är ett namn, inte ett id. Id:t för "
            "Tynnered/Grevegården/Opaltorget i omraden.yaml är tynnered: skriv tynnered i "
            "stället.",
        )
    ]


_INSATS_ID_PARTS = (
    "är inte ett insats-id: id:t har fokusområdets nummer före kolonet och insatsens nummer "
    "efter, inom citattecken."
)


def test_an_insats_by_its_title_or_number_gets_its_id(tmp_path: Path) -> None:
    line = '  - insats: "1:1"\n'
    cases = [
        (
            "  - insats: Insats 1:1\n",
            "'insats': 'Insats 1:1' är inte ett insats-id: skriv bara id:t, \"1:1\" (inom "
            "citattecken), utan ord före eller efter.",
        ),
        (
            "  - insats: Skolan som arena\n",
            "'insats': 'Skolan som arena' är titeln för insats 1:1, inte dess id. Skriv id:t ur "
            'planen: "1:1" (inom citattecken).',
        ),
        (
            "  - insats: En plan för attraktiva\n",
            "'insats': 'En plan för attraktiva' är början på titeln för insats 1:4, inte dess "
            'id. Skriv id:t ur planen: "1:4" (inom citattecken).',
        ),
        (
            "  - insats: Utvärdera\n",
            "'insats': 'Utvärdera' är inte ett insats-id. Skriv det som i planen: fokusområdets "
            'nummer, kolon och insatsens nummer, inom citattecken (t.ex. "2:4" för insats 2:4).',
        ),
        (
            "  - insats: Insats 1\n",
            f"'insats': 'Insats 1' {_INSATS_ID_PARTS} Insats 1 finns i flera fokusområden: "
            'skriv "1:1" eller "2:1", den som rapporten gäller.',
        ),
        (
            "  - insats: insats nr 7\n",
            f"'insats': 'insats nr 7' {_INSATS_ID_PARTS} Insats 7 finns i fokusområde 1: skriv "
            '"1:7".',
        ),
    ]
    for n, (new, message) in enumerate(cases):
        assert _found(tmp_path / str(n), line, new) == [(6, 13, "ogiltigt-insats-id", message)]


_JOINED = (
    "ser ut som en punkt i en lista, men texten står på flera rader utan '|', så YAML slår "
    "ihop raderna till en enda rad och listan blir en del av meningen ovanför. Skriv 'nulage: "
    "|' och texten på raderna under, alla indragna lika mycket (mer än nyckeln): då behålls "
    "varje rad, och rader som börjar med '- ' eller '1.' blir en lista i rapporten."
)


def test_a_list_in_a_text_without_a_bar_is_a_warning_and_the_advice_holds(
    tmp_path: Path,
) -> None:
    old = "    nulage: Arbetet pågår.\n"
    joined = "    nulage: Arbetet pågår med\n      - fältarbete\n      - läxhjälp\n"
    assert _found(tmp_path / "a", old, joined) == [
        (9, 7, "lista-i-text", f"Raden '- fältarbete' {_JOINED}")
    ]
    numbered = "    nulage:\n      1) Fältarbete.\n      2) Läxhjälp.\n"
    assert _found(tmp_path / "b", old, numbered) == [
        (10, 7, "lista-i-text", f"Raden '2) Läxhjälp.' {_JOINED}")
    ]
    followed = "    nulage: |\n      Arbetet pågår med\n      - fältarbete\n      - läxhjälp\n"
    assert _found(tmp_path / "c", old, followed) == []


def test_a_numbered_list_where_a_list_belongs_gets_the_list_to_write(tmp_path: Path) -> None:
    old = "    samordning: Samordningen fungerar.\n"
    new = old + "    behov:\n      1. Fler fritidsledare\n      2. Lokaler\n"
    assert _found(tmp_path / "a", old, new) == [
        (
            14,
            7,
            "fel-typ",
            "'behov' ska vara en lista, men här står texten '1. Fler fritidsledare 2. Lokaler'. "
            "En numrerad uppräkning ('1. …', '2. …') gör ingen lista i YAML, och raderna blir "
            "en enda text: skriv varje post på en egen rad under 'behov:' med '- ' (bindestreck "
            'och mellanslag) i stället för numret, eller som behov: ["Fler fritidsledare", '
            '"Lokaler"].',
        )
    ]
    followed = old + '    behov: ["Fler fritidsledare", "Lokaler"]\n'
    assert _found(tmp_path / "b", old, followed) == []


def test_a_dash_line_under_a_post_is_told_to_be_its_own_post(tmp_path: Path) -> None:
    old = "    samordning: Samordningen fungerar.\n"
    new = old + "    behov:\n      - Fler fritidsledare\n        - Lokaler\n"
    assert _found(tmp_path, old, new) == [
        (
            15,
            9,
            "lista-i-text",
            "Raden '- Lokaler' ser ut som en egen post i listan, men den är indragen mer än "
            "listans '- ', så YAML läser den som en fortsättning på texten i posten ovanför. Ska "
            "den vara en egen post: skriv '- ' lika långt in som listans andra '- '.",
        )
    ]


def test_a_first_post_at_column_1_is_told_to_move_its_dash_line(tmp_path: Path) -> None:
    """The first post under 'insatser:' written at column 1, its keys and the other posts as
    'utsatta ny' writes them: one line to change, the '- ' line, not each key under it."""
    old = '  - insats: "1:1"\n'
    assert _found(tmp_path / "a", old, '- insats: "1:1"\n') == [
        (
            6,
            1,
            "yaml-syntax",
            "YAML-syntaxfel: Posten som börjar på rad 6 ('- insats') är inte indragen alls före "
            "'- ', men listans andra poster (t.ex. rad 13) har 2, och nycklarna under den (som "
            "'status' på rad 7) står redan som i de andra posterna. Skriv 2 mellanslag före "
            "'- ' på rad 6." + stopped(6),
        )
    ]
    assert _found(tmp_path / "b", old, old) == []  # the advice followed: the base report


def test_a_lone_post_gets_both_fixes(tmp_path: Path) -> None:
    """No other post tells which is off: the keys, or the one '- ' line."""
    from utsatta.load.yamlread import parse

    text = 'insatser:\n- insats: "1:1"\n    status: a\n    nulage: b\n'
    assert [(p.line, p.column, p.message) for p in parse(text).problems] == [
        (
            3,
            5,
            "YAML-syntaxfel: Raden är indragen 4 mellanslag, men nycklarna på samma nivå (t.ex. "
            "'insats' på rad 2) har 2. Ändra till 2 mellanslag före 'status'. Flytta också "
            "rad 4 under den lika mycket (2 mellanslag mindre i början av raden): postens andra "
            "nycklar står lika långt in. Det går också att i stället dra in '- ' på rad 2 till "
            "2 mellanslag: då står postens alla nycklar rätt.",
        )
    ]
    assert parse(text.replace("- insats", "  - insats")).problems == []
    assert parse(text.replace("    ", "  ")).problems == []  # the first advice followed
    # a lone key so far in: that line alone, or the '- ' if the post has no other key
    text = 'insatser:\n- insats: "1:1"\n    status: a\n'
    assert [p.message.split(". ")[-1] for p in parse(text).problems] == [
        "Står alla nycklarna i posten så, dra i stället in '- ' på rad 2 till 2 mellanslag."
    ]
    # another post at the same column: the keys are what is off
    text = 'insatser:\n- insats: "1:1"\n    status: a\n- insats: "1:2"\n  status: b\n'
    assert [(p.line, p.message) for p in parse(text).problems] == [
        (
            3,
            "YAML-syntaxfel: Raden är indragen 4 mellanslag, men nycklarna på samma nivå (t.ex. "
            "'insats' på rad 2) har 2. Ändra till 2 mellanslag före 'status'.",
        )
    ]


def test_a_post_written_a_space_out_moves_with_its_lines() -> None:
    """'- insats' one space out and its keys with it: the '- ' alone would leave every key
    under it off; the message says to move them too, and following it leaves nothing."""
    from utsatta.load.yamlread import parse

    text = (
        'x:\n  - insats: "1"\n    status: a\n - insats: "2"\n   status: b\n   nulage: |\n'
        '     text\n  - insats: "3"\n    status: c\n'
    )
    assert [(p.line, p.column, p.message) for p in parse(text).problems] == [
        (
            4,
            2,
            "YAML-syntaxfel: Listposten är indragen 1 mellanslag före '- ', men listans andra "
            "poster (t.ex. '- insats' på rad 2) har 2. Ändra till 2 mellanslag före '- '. "
            "Flytta också raderna 5–7 under den lika mycket (1 mellanslag till i början av "
            "varje rad), så att postens nycklar står som i de andra posterna.",
        )
    ]
    lines = text.split("\n")
    for n in range(3, 7):  # lines 4–7
        lines[n] = " " + lines[n]
    assert parse("\n".join(lines)).problems == []
    # the keys already where the list's keys stand: only the '- ' line moves
    text = 'x:\n  - insats: "1"\n    status: a\n - insats: "2"\n    status: b\n'
    assert [p.message for p in parse(text).problems] == [
        "YAML-syntaxfel: Listposten är indragen 1 mellanslag före '- ', men listans andra "
        "poster (t.ex. '- insats' på rad 2) har 2. Ändra till 2 mellanslag före '- '."
    ]


def test_a_value_post_a_space_out_is_told_the_column_of_the_post_above(tmp_path: Path) -> None:
    old = "    omraden: [bergsjon, gardsten]\n"
    new = "    omraden:\n      - bergsjon\n     - gardsten\n"
    assert _found(tmp_path / "a", old, new) == [
        (
            18,
            6,
            "yaml-syntax",
            "YAML-syntaxfel: Listposten är indragen 5 mellanslag före '- ', men posten ovanför i "
            "samma lista ('- bergsjon' på rad 17) har 6. Ändra till 6 mellanslag före '- '."
            + stopped(18),
        )
    ]
    followed = "    omraden:\n      - bergsjon\n      - gardsten\n"
    assert _found(tmp_path / "b", old, followed) == []
