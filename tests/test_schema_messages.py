"""The schema's messages as a nämnd's writer reads them: which post, what is wrong in plain
Swedish (no "mappning", no data path), and the corrected line to write. Exact texts."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import utsatta
from tests.support import BASE

REPORT = "rapporter/2023/grundskolenamnden.yaml"


def _messages(tmp_path: Path, old: str, new: str) -> list[tuple[int, int, str, str]]:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [
        (f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data).findings
        if Path(f.file).name == "grundskolenamnden.yaml"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            # Was: "'insatser' ska vara en mappning (nycklar med värden), men här står
            # texten '2:4'." (jargon, the wrong subject, no fix)
            '  - insats: "2:1"\n',
            '  - "2:1"\n  - insats: "2:1"\n',
            (
                13,
                5,
                "fel-typ",
                "Post 2 under 'insatser' är bara texten '2:1', men ska ha egna nycklar med "
                'värden. Skriv posten med nycklar: - insats: "2:1" och på raderna under, '
                "indragna som 'insats', status:, nulage:, omraden:, bedomning: och "
                "fortsatt_arbete:.",
            ),
        ),
        (
            '  - insats: "2:1"\n',
            '  - [a, b]\n  - insats: "2:1"\n',
            (
                13,
                5,
                "fel-typ",
                "Post 2 under 'insatser' är bara en lista, men ska ha egna nycklar med värden. "
                "Skriv posten som '- ' följt av nycklarna insats:, status:, nulage:, omraden:, "
                "bedomning: och fortsatt_arbete:, en på varje rad.",
            ),
        ),
    ],
)
def test_a_post_without_keys(
    tmp_path: Path, old: str, new: str, expected: tuple[int, int, str, str]
) -> None:
    assert _messages(tmp_path, old, new) == [expected]


@pytest.mark.parametrize(
    ("written", "what"),
    [
        # Was: "'' är bara en lista …, indragna under ':'." (a tagged value: the tag's own
        # finding, tagg-ej-tillaten, says the rest)
        ('!!python/object/apply:os.system ["echo hej"]\n', "bara en lista"),
        ("- a\n- b\n", "bara en lista"),
        ('"bara text"\n', "bara texten 'bara text'"),
    ],
)
def test_a_file_without_keys_is_the_file(tmp_path: Path, written: str, what: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    (data / REPORT).write_text(written, encoding="utf-8")
    found = [(f.code, f.message) for f in utsatta.validate(data).findings if f.code == "fel-typ"]
    assert found == [
        (
            "fel-typ",
            f"Filen är {what}, men ska ha egna nycklar med värden. Skriv nycklarna "
            "schemaversion:, ar:, organisation: och insatser: på egna rader längst till "
            "vänster, utan indrag, i stället för det som står där nu.",
        )
    ]


def test_no_message_says_mappning() -> None:
    """The word is YAML's jargon: no source text a user can read holds it."""
    src = Path(utsatta.__file__).parent
    said = [
        f"{path.relative_to(src)}:{number}"
        for path in sorted(src.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "mappning" in line.lower() and not line.strip().startswith("#")
    ]
    assert said == []


ID_RULE = (
    "'{name}': '{value}' är inte skrivet som ett id. Ett id skrivs med små bokstäver a–z, "
    "siffror och bindestreck ('-'), utan å, ä, ö, mellanslag och andra streck"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            # Was: "Menade du 'bergsjon-gardsten'?", an id that does not exist.
            "omraden: [bergsjon, gardsten]",
            "omraden: [bergsjon gardsten]",
            (
                16,
                15,
                "ogiltigt-id",
                "'omraden': 'bergsjon gardsten' är 2 id utan kommatecken emellan. Skriv ett "
                "kommatecken mellan dem: omraden: [bergsjon, gardsten].",
            ),
        ),
        (
            # Was: "'hela staden' är 2 id utan kommatecken": words that are not all ids of
            # omraden.yaml are one name written with a space (nyanv11)
            "omraden: [bergsjon, gardsten]",
            "omraden: [hela staden]",
            (
                16,
                15,
                "ogiltigt-id",
                "'omraden': 'hela staden' är ett namn skrivet med mellanslag, men ett id har "
                "inga mellanslag. Ett id skrivs med små bokstäver a–z, siffror och bindestreck. "
                "Skriv ett id ur omraden.yaml, t.ex. bergsjon.",
            ),
        ),
        (
            # Was: "'bergsjon gardstn' är ett namn skrivet med mellanslag": two ids without a
            # comma, one misspelt, are still ids; with the comma, the misspelt one gets its own
            # message (review granska12, finding 2)
            "omraden: [bergsjon, gardsten]",
            "omraden: [bergsjon gardstn]",
            (
                16,
                15,
                "ogiltigt-id",
                "'omraden': 'bergsjon gardstn' är 2 id utan kommatecken emellan. Skriv ett "
                "kommatecken mellan dem: omraden: [bergsjon, gardstn].",
            ),
        ),
        (
            # Was: "Menade du 'bergsjongardsten'?" (the en dash dropped).
            "omraden: [bergsjon, gardsten]",
            "omraden: [bergsjon, gard\u2013sten]",
            (
                16,
                25,
                "ogiltigt-id",
                ID_RULE.format(name="omraden", value="gard\u2013sten")
                + ": här blir det 'gard-sten', men det finns inte i omraden.yaml. Menade du "
                "'gardsten'? Skriv då gardsten.",
            ),
        ),
        (
            "omraden: [bergsjon, gardsten]",
            "omraden: [bergsjon, Gårdsten]",
            (
                16,
                25,
                "ogiltigt-id",
                ID_RULE.format(name="omraden", value="Gårdsten")
                + ": här blir det 'gardsten', som är id:t i omraden.yaml: skriv gardsten i "
                "stället.",
            ),
        ),
        (
            "organisation: grundskolenamnden",
            "organisation: Grundskolenämnden",
            (
                3,
                15,
                "ogiltigt-id",
                ID_RULE.format(name="organisation", value="Grundskolenämnden")
                # the id is read: said for sure, not "check that it exists" (0658)
                + ": här blir det 'grundskolenamnden', som är id:t i organisationer.yaml: "
                "skriv organisation: grundskolenamnden.",
            ),
        ),
        (
            "omraden: [bergsjon, gardsten]",
            "omraden: [bergsjon, '!!']",
            (
                16,
                25,
                "ogiltigt-id",
                ID_RULE.format(name="omraden", value="!!") + ". Skriv ett id ur omraden.yaml.",
            ),
        ),
    ],
)
def test_an_id_not_written_as_one(
    tmp_path: Path, old: str, new: str, expected: tuple[int, int, str, str]
) -> None:
    assert _messages(tmp_path, old, new) == [expected]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            # Was: 'Skriv det som i planen … inom citattecken: "1:3"' (another insats).
            "\u201d2:1\u201d",
            "'insats': '\u201d2:1\u201d' har typografiska citattecken (\u201d…\u201d, ofta från "
            'Word), som YAML läser som en del av texten. Skriv raka citattecken: "2:1".',
        ),
        (
            "\u201c2:1\u201d",
            "'insats': '\u201c2:1\u201d' har typografiska citattecken (\u201d…\u201d, ofta från "
            'Word), som YAML läser som en del av texten. Skriv raka citattecken: "2:1".',
        ),
        (
            '"2.1"',
            "'insats': '2.1' är inte ett insats-id: fokusområdets och insatsens nummer skiljs med "
            'kolon. Skriv "2:1" (inom citattecken).',
        ),
        (
            '"2 \u2013 1"',
            "'insats': '2 \u2013 1' är inte ett insats-id: fokusområdets och insatsens nummer "
            'skiljs med kolon. Skriv "2:1" (inom citattecken).',
        ),
        (
            '"insats {två}"',
            "'insats': 'insats {två}' är inte ett insats-id. Skriv det som i planen: "
            "fokusområdets nummer, kolon och insatsens nummer, inom citattecken (t.ex. "
            '"2:4" för insats 2:4).',
        ),
    ],
)
def test_an_insats_id_gets_its_own_fix(tmp_path: Path, written: str, message: str) -> None:
    found = _messages(tmp_path, 'insats: "2:1"', f"insats: {written}")
    assert found == [(13, 13, "ogiltigt-insats-id", message)]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            # Was: "Värdet är inte ett insats-id. Skriv det som i planen: … (t.ex. "2:4" för
            # insats 2:4)." (an insats the plan may not have, not the ones it has)
            "1",
            "'insats' ska vara text, men YAML läser 1 som talet 1. Menar du 1:1 eller 2:1? "
            'Skriv id:t med kolon och inom citattecken: insats: "1:1".',
        ),
        (
            "4",
            "'insats' ska vara text, men YAML läser 4 som talet 4. Menar du 1:4? Skriv id:t med "
            'kolon och inom citattecken: insats: "1:4".',
        ),
        (
            # YAML reads 1.4 as a float: the colon became a point
            "1.4",
            "'insats' ska vara text, men YAML läser 1.4 som talet 1.4. Menar du 1:4? Skriv id:t "
            'med kolon och inom citattecken: insats: "1:4".',
        ),
        (
            "21",
            "'insats' ska vara text, men YAML läser 21 som talet 21. Menar du 2:1? Skriv id:t "
            'med kolon och inom citattecken: insats: "2:1".',
        ),
        (
            # the plan's 1:7 is not grundskolenämndens that year: what it has is named (0658)
            "7",
            "'insats' ska vara text, men YAML läser 7 som talet 7. Menar du 1:7? "
            "Grundskolenämnden har 1:1, 1:4 och 2:1 under 2023. Skriv id:t med kolon och inom "
            'citattecken: insats: "1:7".',
        ),
        (
            # no insats of the plan fits: the plan's nearest, and grundskolenämndens own since
            # 1:7 is not (decision 0661). Was: 'Insatser skrivs med kolon och inom
            # citattecken: "1:5".' (an insats the plan does not have)
            "1.5",
            "'insats' ska vara text, men YAML läser 1.5 som talet 1.5. Planen har ingen insats "
            "1:5; närmast i planen är 1:4 och 1:7. Grundskolenämnden har 1:1, 1:4 och 2:1 under "
            '2023. Skriv ett id ur planen med kolon och inom citattecken, t.ex. insats: "1:4".',
        ),
        (
            # Was: '… inom citattecken (t.ex. "2:4" för insats 2:4).' (not in the plan either)
            "3",
            "'insats' ska vara text, men YAML läser 3 som talet 3. Planen har ingen insats 1:3 "
            "eller 2:3; närmast i planen är 1:1, 1:4 och 2:1. Skriv ett id ur planen med kolon "
            'och inom citattecken, t.ex. insats: "1:1".',
        ),
        (
            # a fokusområde the plan does not have: the nearest in the whole plan
            "9.1",
            "'insats' ska vara text, men YAML läser 9.1 som talet 9.1. Planen har ingen insats "
            "9:1; närmast i planen är 2:1. Skriv ett id ur planen med kolon och inom "
            'citattecken, t.ex. insats: "2:1".',
        ),
        (
            # no insats id at all: the form and the plan's ids
            "0",
            "'insats' ska vara text, men YAML läser 0 som talet 0. Ett insats-id är "
            "fokusområdets nummer, kolon och insatsens nummer. Grundskolenämnden har 1:1, 1:4 "
            "och 2:1 under 2023. Skriv 1:1, 1:4, 1:7 eller 2:1 ur planen, inom citattecken: "
            'insats: "1:1".',
        ),
    ],
)
def test_a_number_for_an_insats_names_the_plans_ids(
    tmp_path: Path, written: str, message: str
) -> None:
    """``insats: 1`` names the plan's insatser numbered 1 (decision 0654)."""
    found = _messages(tmp_path, 'insats: "2:1"', f"insats: {written}")
    assert found == [(13, 13, "fel-typ", message)]


def test_an_unquoted_insats_id_is_the_id(tmp_path: Path) -> None:
    """``insats: 2:1`` without quotes: utsatta reads YAML 1.2, where 2:1 is the text "2:1" (not
    YAML 1.1's base-60 number 121), so it is the id and nothing is said (fmt quotes it)."""
    assert _messages(tmp_path, 'insats: "2:1"', "insats: 2:1") == []


SUCCESSION = BASE.parent / "efterfoljare-insats-utan-ansvar" / "files" / "organisationer.yaml"
TAKEN = '        insatser: ["1:1", "1:7", "2:1", "1:4"]\n'


def _org_messages(tmp_path: Path, insatser: str, *, plan: bool = True) -> list[tuple[Any, ...]]:
    """The findings of organisationer.yaml with the successor's ``insatser`` written as given
    (organisationer.yaml is read before plan.yaml); ``plan=False``: plan.yaml broken."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    text = SUCCESSION.read_text(encoding="utf-8")
    assert TAKEN in text
    (data / "organisationer.yaml").write_text(text.replace(TAKEN, insatser), encoding="utf-8")
    if not plan:
        path = data / "plan.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "okand: 1\n", encoding="utf-8")
    return [
        (f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data).findings
        if Path(f.file).name == "organisationer.yaml"
    ]


def test_a_number_for_a_successors_insats_names_the_plans_ids(tmp_path: Path) -> None:
    """Under an efterföljare's ``insatser`` too, though organisationer.yaml is read before the
    plan: its messages are worded again once the plan is read, one finding each, in place
    (decision 0654). Was: "Värdet är inte ett insats-id. Skriv det som i planen: … (t.ex.
    "2:4" för insats 2:4)." for 7, "Insatser skrivs med kolon …" for 1.1 and 21."""
    found = _org_messages(tmp_path, '        insatser: [7, 1.1, "2:1", 21]\n')
    lead = "Post {} under 'insatser' ska vara text, men YAML läser {} som talet {}. "
    fix = 'Menar du {}? Skriv id:t med kolon och inom citattecken: "{}".'
    assert found == [
        (20, 20, "fel-typ", lead.format(1, 7, 7) + fix.format("1:7", "1:7")),
        (20, 23, "fel-typ", lead.format(2, "1.1", "1.1") + fix.format("1:1", "1:1")),
        (20, 35, "fel-typ", lead.format(4, 21, 21) + fix.format("2:1", "2:1")),
    ]


def test_a_successors_insats_in_a_block_list_and_by_its_title(tmp_path: Path) -> None:
    found = _org_messages(
        tmp_path,
        "        insatser:\n          - 1\n          - Lägesbild med fokus på utsatta områden\n",
    )
    assert found == [
        (
            21,
            13,
            "fel-typ",
            "Post 1 under 'insatser' ska vara text, men YAML läser 1 som talet 1. Menar du 1:1 "
            'eller 2:1? Skriv id:t med kolon och inom citattecken: "1:1".',
        ),
        (
            22,
            13,
            "ogiltigt-insats-id",
            "'insatser': 'Lägesbild med fokus på utsatta områden' är titeln för insats 2:1, inte "
            'dess id. Skriv id:t ur planen: "2:1" (inom citattecken).',
        ),
    ]


def test_a_successors_insats_without_a_valid_plan_gets_the_ids_form(tmp_path: Path) -> None:
    """No plan's ids to offer: the advice on how an insats id is written, as before."""
    found = _org_messages(tmp_path, "        insatser: [7, 21]\n", plan=False)
    assert found == [
        (
            20,
            20,
            "fel-typ",
            "Post 1 under 'insatser' ska vara text, men YAML läser 7 som talet 7. Värdet är inte "
            "ett insats-id. Skriv det som i planen: fokusområdets nummer, kolon och insatsens "
            'nummer, inom citattecken (t.ex. "2:4" för insats 2:4).',
        ),
        (
            20,
            23,
            "fel-typ",
            "Post 2 under 'insatser' ska vara text, men YAML läser 21 som talet 21. Insatser "
            'skrivs med kolon och inom citattecken: "2:1".',
        ),
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            # Was: "ar är 1800, men måste vara minst 1900." (no quotes, no fix)
            "ar: 2023",
            "ar: 1800",
            (
                2,
                5,
                "utanfor-intervall",
                "'ar' är 1800, men måste vara minst 1900. Skriv året med fyra siffror, t.ex. "
                "ar: 2023.",
            ),
        ),
        (
            # Was: "Obligatoriska nyckeln 'status' saknas i insatser → post 2."
            '  - insats: "2:1"\n    status: pagaende\n',
            '  - insats: "2:1"\n',
            (
                13,
                5,
                "saknat-falt",
                "Den obligatoriska nyckeln 'status' saknas i posten för insats 2:1. Lägg till "
                "'status: …'. Tillåtna värden: ej-paborjad, pagaende, genomford, forsenad, "
                "avbruten.",
            ),
        ),
        (
            "schemaversion: 1\n",
            "",
            (
                1,
                1,
                "saknat-falt",
                # was: "Lägg till 'schemaversion: …'. Tillåtna värden: 1."
                "Den obligatoriska nyckeln 'schemaversion' saknas på filens översta nivå. Lägg "
                "till 'schemaversion: 1'.",
            ),
        ),
    ],
)
def test_where_and_what_in_plain_words(
    tmp_path: Path, old: str, new: str, expected: tuple[int, int, str, str]
) -> None:
    assert _messages(tmp_path, old, new) == [expected]


_ITEM_KEYS = (
    "Tillåtna nycklar här: insats, status, nulage, omraden, bedomning, motivering, "
    "fortsatt_arbete, behov, samordning."
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # Was: "Menade du 'bedomning'?", a key the post already has; then two findings, the
        # missing 'nulage' and the unknown key: 'beskrivning' means 'nulage' (skriv22).
        (
            "    nulage: Arbetet pågår.\n",
            "    beskrivning: Arbetet pågår.\n",
            [(8, 5, "okant-falt", "Nyckeln 'beskrivning' ska heta 'nulage'. Byt namn på den.")],
        ),
        # 'namnd' means 'organisation' (synonyms.KEY_SYNONYMS): one finding, not two.
        (
            "organisation: grundskolenamnden\n",
            "namnd: grundskolenamnden\n",
            [(3, 1, "okant-falt", "Nyckeln 'namnd' ska heta 'organisation'. Byt namn på den.")],
        ),
        # No close key, nothing it means: the one required key that the mapping lacks.
        (
            "organisation: grundskolenamnden\n",
            "avdelning: grundskolenamnden\n",
            [
                (1, 1, "saknat-falt", "Den obligatoriska nyckeln 'organisation' saknas på filens "
                 "översta nivå. Lägg till 'organisation: …'."),
                (3, 1, "okant-falt", "Okänd nyckel 'avdelning' på filens översta nivå. Menade du "
                 "'organisation', som saknas här? Tillåtna nycklar här: schemaversion, ar, "
                 "organisation, illustrativ, kontakt, insatser."),
            ],
        ),
        # Nothing required is missing and nothing is close: no guess.
        (
            "    fortsatt_arbete: Vi fortsätter.\n    samordning:",
            "    fortsatt_arbete: Vi fortsätter.\n    kommentar: Se bilagan.\n    samordning:",
            [(12, 5, "okant-falt",
              f"Okänd nyckel 'kommentar' i posten för insats 1:1. {_ITEM_KEYS}")],
        ),
    ],
)  # fmt: skip
def test_an_unknown_key_is_never_said_to_be_one_the_mapping_has(
    old: str, new: str, expected: list[tuple[int, int, str, str]], tmp_path: Path
) -> None:
    assert _messages(tmp_path, old, new) == expected


def test_a_wrapped_text_whose_next_line_has_a_colon(tmp_path: Path) -> None:
    """A text wrapped by hand onto a line of its own that holds ': ': YAML reads that line as a
    key with spaces. The message says it is the text above, and how to write it."""
    found = _messages(
        tmp_path,
        "    nulage: Arbetet pågår.\n",
        "    nulage: Arbetet pågår\n    på alla skolor: även de nya.\n",
    )
    assert found == [
        (
            9,
            5,
            "okant-falt",
            "Okänd nyckel 'på alla skolor' i posten för insats 1:1. En nyckel har inga "
            "mellanslag: är raden fortsättningen på texten i 'nulage' ovanför, skriv hela texten "
            f"under 'nulage: |', med varje rad indragen mer än nyckeln. {_ITEM_KEYS}",
        )
    ]
    followed = _messages(
        tmp_path / "b",
        "    nulage: Arbetet pågår.\n",
        "    nulage: |\n      Arbetet pågår\n      på alla skolor: även de nya.\n",
    )
    assert followed == []


def test_a_key_with_spaces_after_a_value_of_a_list_is_no_wrapped_text(tmp_path: Path) -> None:
    """'bedomning: bedoms-uppnas' is one of the allowed values, no text that wraps: the key
    after it is a misspelt key ('Menade du'), not its next line (review granska12, finding 10;
    'skriv hela texten under bedomning: |' made bedomning invalid)."""
    found = _messages(
        tmp_path,
        "    bedomning: bedoms-uppnas\n    fortsatt_arbete: Vi fortsätter.\n",
        "    bedomning: bedoms-uppnas\n    motivering av bedomning: Lokalerna räcker inte.\n"
        "    fortsatt_arbete: Vi fortsätter.\n",
    )
    assert found == [
        (
            11,
            5,
            "okant-falt",
            "Okänd nyckel 'motivering av bedomning' i posten för insats 1:1. Menade du "
            f"'motivering'? {_ITEM_KEYS}",
        )
    ]


def test_a_name_with_a_space_gets_the_id_it_means(tmp_path: Path) -> None:
    """'hisings backa': the id form of the name is an id of omraden.yaml, so that id is
    suggested; two real ids without a comma are still said to be that (nyanv11)."""
    import shutil

    from tests.support import SHIPPED
    from utsatta.check import validate

    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "rapporter" / "2025" / "higab.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[11] == "    omraden: [bergsjon, hammarkullen]"
    lines[11] = "    omraden: [hisings backa, bergsjon hjallbo]"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = [
        (f.line, f.column, f.message) for f in validate(data).findings if f.code == "ogiltigt-id"
    ]
    assert found == [
        (
            12,
            15,
            "'omraden': 'hisings backa' är ett namn skrivet med mellanslag, men ett id har inga "
            "mellanslag. Menade du 'hisings-backa' ur omraden.yaml? Skriv då hisings-backa i "
            "stället.",
        ),
        (
            12,
            30,
            "'omraden': 'bergsjon hjallbo' är 2 id utan kommatecken emellan. Skriv ett "
            "kommatecken mellan dem: omraden: [hisings backa, bergsjon, hjallbo].",
        ),
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "2022-13-01",
            "'ar' ska vara ett heltal, men här står texten '2022-13-01'. Skriv ett heltal, t.ex. "
            "ar: 2022.",
        ),
        (
            "22",
            "'ar' är 22, men måste vara minst 1900. Skriv året med fyra siffror, t.ex. ar: 2022.",
        ),
    ],
)
def test_a_reports_year_is_exemplified_by_its_folders(
    tmp_path: Path, written: str, message: str
) -> None:
    """'ar: 2022-13-01' in rapporter/2022/: the example is 2022, not the schema's (0658)."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / "rapporter/2022/grundskolenamnden.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ar: 2022\n", f"ar: {written}\n", 1),
        encoding="utf-8",
    )
    found = [f for f in utsatta.validate(data).findings if f.path == ("ar",)]
    assert [(f.code, f.message) for f in found] == [(found[0].code, message)]
