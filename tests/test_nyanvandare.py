"""Messages a new user's review (skriv24) found wrong, reproduced on the shipped data: each
test gives the exact finding and then follows its advice, which must leave the file valid."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import SHIPPED, findings_in, stopped

HIGAB = Path("rapporter/2025/higab.yaml")


def _edited(tmp_path: Path, path: Path, edit: dict[int, str]) -> tuple[Path, Path]:
    """A copy of the shipped data with lines of ``path`` (1-based) replaced: (data, file)."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    lines = (data / path).read_text(encoding="utf-8").split("\n")
    for number, line in edit.items():
        lines[number - 1] = line
    (data / path).write_text("\n".join(lines), encoding="utf-8")
    return data, data / path


def _shifted(path: Path, first: int, last: int, by: int) -> dict[int, str]:
    lines = (SHIPPED / path).read_text(encoding="utf-8").split("\n")
    return {
        n: (" " * by + lines[n - 1] if by > 0 else lines[n - 1][-by:]) if lines[n - 1] else ""
        for n in range(first, last + 1)
    }


def test_a_pasted_last_post_is_told_to_move_its_keys_not_its_dash(tmp_path: Path) -> None:
    """The last post of higab 2025 ('- insats: "2:4"' on line 28) with its keys at 6 spaces:
    the posts above show that the '- ' stands right, so the one advice is to move lines 29–38
    (not the '- ', which the next run would call wrong)."""
    data, path = _edited(tmp_path / "a", HIGAB, _shifted(HIGAB, 29, 38, 2))
    assert findings_in(data, path) == [
        (
            29,
            7,
            "yaml-syntax",
            "YAML-syntaxfel: Raden är indragen 6 mellanslag, men nycklarna på samma nivå (t.ex. "
            "'insats' på rad 28) har 4. Ändra till 4 mellanslag före 'status'. Flytta också "
            "raderna 30–38 under den lika mycket (2 mellanslag mindre i början av varje rad): "
            "postens andra nycklar står lika långt in." + stopped(29),
        )
    ]
    data, path = _edited(tmp_path / "b", HIGAB, {})  # followed: lines 29–38 as shipped
    assert findings_in(data, path) == []


def test_a_pasted_post_with_its_dash_out_is_told_to_move_the_dash(tmp_path: Path) -> None:
    """The same post where the other posts stand 2 further in (the list at 4): the keys stand
    as theirs, so the one line to move is the '- ' line."""
    shifted = _shifted(HIGAB, 7, 27, 2)
    data, path = _edited(tmp_path / "a", HIGAB, shifted | _shifted(HIGAB, 29, 38, 2))
    assert findings_in(data, path) == [
        (
            28,
            3,
            "yaml-syntax",
            "YAML-syntaxfel: Listposten är indragen 2 mellanslag före '- ', men listans andra "
            "poster (t.ex. '- insats' på rad 18) har 4. Ändra till 4 mellanslag före '- '."
            + stopped(28),
        )
    ]
    followed = shifted | _shifted(HIGAB, 28, 38, 2)
    data, path = _edited(tmp_path / "b", HIGAB, followed)
    assert findings_in(data, path) == []


def test_a_copied_post_whose_id_was_not_changed_is_told_so(tmp_path: Path) -> None:
    """The 2:3 post of higab 2025 (line 18) written as a copy of the 2:1 post, its id left:
    both messages name the likely cause, and neither says only "add a post" or "merge" (which,
    both followed, lose the text written for 2:3)."""
    data, path = _edited(tmp_path / "a", HIGAB, {18: '  - insats: "2:1"'})
    assert findings_in(data, path) == [
        (
            6,
            1,
            "insats-saknas",
            "Rapporten för 2025 saknar insats 2:3, som Higab ska rapportera enligt planen. Är den "
            'andra posten för 2:1 (rad 18) egentligen 2:3? Ändra då insats där till "2:3"; '
            "annars lägg till en post för 2:3 under 'insatser'.",
        ),
        (
            18,
            13,
            "dubblett-insats",
            "Insats 2:1 rapporteras två gånger i filen: första gången på rad 7. Är den andra "
            'posten för 2:1 (rad 18) egentligen 2:3, som saknas? Ändra då insats till "2:3". Är '
            "den inte det, slå ihop posterna.",
        ),
    ]
    data, path = _edited(tmp_path / "b", HIGAB, {18: '  - insats: "2:3"'})  # followed
    assert findings_in(data, path) == []


def test_a_near_unknown_id_of_a_missing_insats_is_told_so(tmp_path: Path) -> None:
    data, path = _edited(tmp_path, HIGAB, {18: '  - insats: "2:33"'})
    assert findings_in(data, path) == [
        (
            6,
            1,
            "insats-saknas",
            "Rapporten för 2025 saknar insats 2:3, som Higab ska rapportera enligt planen. Är "
            "posten på rad 18 ('2:33', som inte finns i planen) egentligen 2:3? Ändra då insats "
            "där till \"2:3\"; annars lägg till en post för 2:3 under 'insatser'.",
        ),
        (
            18,
            13,
            "okand-insats",
            "Insatsen '2:33' finns inte i plan.yaml. Är posten egentligen 2:3, som saknas i "
            'rapporten? Ändra då insats till "2:3". Är den inte det, rätta id:t till en av '
            "planens insatser.",
        ),
    ]


def test_a_duplicate_with_nothing_missing_is_told_to_merge(tmp_path: Path) -> None:
    """No missing insats to account for the second post: the merge advice, as before."""
    lines = (SHIPPED / HIGAB).read_text(encoding="utf-8").split("\n")
    copy = "\n".join(lines[6:17]) + "\n"  # the 2:1 post, lines 7–17, after the last post
    data, path = _edited(tmp_path, HIGAB, {len(lines): copy})
    assert findings_in(data, path) == [
        (
            39,
            13,
            "dubblett-insats",
            "Insats 2:1 rapporteras två gånger i filen: första gången på rad 7. Slå ihop posterna.",
        )
    ]


def test_two_missing_and_one_duplicate_give_no_guess_of_which() -> None:
    from utsatta.check.copied import copies, missing_advice

    def line(index: int) -> int:
        return 10 * index

    plan = {"2:1", "2:3", "2:4", "2:5"}
    assert copies(["2:1", "2:1"], ["2:3", "2:4"], plan, line) == []
    found = copies(["2:1", "2:1", "2:55"], ["2:3", "2:4", "2:5"], plan, line)
    assert [(c.index, c.meant, c.twice) for c in found] == [(2, "2:5", False)]
    assert missing_advice(found, ["2:3", "2:4", "2:5"]) == (
        "Är posten på rad 20 ('2:55', som inte finns i planen) egentligen 2:5? Ändra då insats "
        "där till \"2:5\"; annars lägg till en post för 2:5 under 'insatser'. Lägg till en post "
        "för var och en av de andra under 'insatser'."
    )


def test_an_area_that_shares_only_some_letters_gets_no_suggestion(tmp_path: Path) -> None:
    """'angered' (a stadsdel; omraden.yaml does not say which areas lie in it) is not
    'tynnered', an area across the city: no suggestion, the valid ids."""
    data, path = _edited(tmp_path / "a", HIGAB, {22: "    omraden: [angered]"})
    assert findings_in(data, path) == [
        (
            22,
            15,
            "okant-omrade",
            "Området 'angered' finns inte i omraden.yaml. Giltiga: bergsjon, biskopsgarden, "
            "gardsten, hammarkullen, hjallbo, lovgardet, tynnered, hisings-backa, rannebergen.",
        )
    ]
    data, path = _edited(tmp_path / "b", HIGAB, {22: "    omraden: [hjallbo, gardsten]"})
    assert findings_in(data, path) == []


def test_a_suggestion_is_a_slip_of_the_keyboard_not_a_few_shared_letters() -> None:
    from utsatta.load.spelling import suggest

    areas = ["bergsjon", "gardsten", "hjallbo", "lovgardet", "tynnered", "hisings-backa"]
    pairs = {
        w: suggest(w, areas)
        for w in ("angered", "frolunda", "hisingen", "lovgarden", "Gårdsten", "tynered", "backa")
    }
    assert pairs == {
        "angered": None,
        "frolunda": None,
        "hisingen": None,
        "lovgarden": "lovgardet",  # one letter changed
        "Gårdsten": "gardsten",  # case and marks
        "tynered": "tynnered",  # one letter left out
        "backa": None,  # too little of the word to tell (difflib's own cutoff)
    }
    insatser = ["1:1", "2:1", "2:3", "3:1"]
    assert [suggest(w, insatser) for w in ("2:33", "2;1", "23:1")] == ["2:3", "2:1", None]
    keys = ["nulage", "status", "fortsatt_arbete", "bedomning", "motivering"]
    assert [suggest(w, keys) for w in ("nulaeg", "fortsatt", "bedomningen", "mening")] == [
        "nulage",
        "fortsatt_arbete",
        None,
        None,
    ]
    orgs = ["kulturnamnden", "grundskolenamnden", "socialnamnd-nordost", "socialnamnd-hisingen"]
    assert [suggest(w, orgs) for w in ("kulturforvaltningen", "grundskolan", "socialnamnd")] == [
        "kulturnamnden",
        "grundskolenamnden",
        None,
    ]


FOLLOWUP = Path("uppfoljning/2025.yaml")
TIME = "har ett klockslag, men här skrivs bara datum, utan klockslag."


@pytest.mark.parametrize(
    ("written", "why", "other"),
    [
        (
            "01-04-2026",
            "har dagen först (DD-MM-ÅÅÅÅ, som man ofta skriver i Sverige) och läses som 1 april "
            "2026, men datum skrivs ÅÅÅÅ-MM-DD.",
            " Menas 4 januari 2026 (månaden först), skriv i stället 2026-01-04.",
        ),
        (
            "1.4.2026",
            "har dagen först (DD-MM-ÅÅÅÅ, som man ofta skriver i Sverige) och läses som 1 april "
            "2026, men datum skrivs ÅÅÅÅ-MM-DD.",
            " Menas 4 januari 2026 (månaden först), skriv i stället 2026-01-04.",
        ),
        (
            "2026.04.01",
            "är inte skrivet som ÅÅÅÅ-MM-DD: år, månad och dag skiljs åt med bindestreck (-), "
            "inte med '.'.",
            "",
        ),
        (
            "2026/4/1",
            "är inte skrivet som ÅÅÅÅ-MM-DD: år, månad och dag skiljs åt med bindestreck (-), "
            "inte med '/'.",
            "",
        ),
        ("2026-04-01T10:00", "har ett klockslag, men här skrivs bara datum, utan klockslag.", ""),
        (
            "2026-04-01 10:00:00",
            "har ett klockslag, men här skrivs bara datum, utan klockslag.",
            "",
        ),
        ("2026-4-1", "är inte skrivet som ÅÅÅÅ-MM-DD: månad och dag skrivs med två siffror.", ""),
        ("1 april 2026", "är inte skrivet med siffror som ÅÅÅÅ-MM-DD.", ""),
    ],
)
def test_a_decision_date_in_another_form_gets_the_date_to_write(
    tmp_path: Path, written: str, why: str, other: str
) -> None:
    data, path = _edited(tmp_path / "a", FOLLOWUP, {219: f"    datum: {written}"})
    assert findings_in(data, path) == [
        (
            219,
            12,
            "ogiltigt-datum",
            f"'datum': '{written}' {why} Skriv beslutsdagen som 2026-04-01.{other}",
        )
    ]
    data, path = _edited(tmp_path / "b", FOLLOWUP, {219: "    datum: 2026-04-01"})  # followed
    assert findings_in(data, path) == []


def test_a_day_first_date_past_the_twelfth_has_one_reading() -> None:
    from utsatta.model.date_forms import corrected_date

    found = corrected_date("13/04/2026", whole=True)
    assert found is not None
    assert (found.date, found.other) == ("2026-04-13", "")
    # no calendar date, read either way: no date to give
    assert corrected_date("31-02-2026", whole=True) is None
    assert corrected_date("2026-02-30T10:00", whole=True) is None


def test_every_date_key_gets_the_same_advice(tmp_path: Path) -> None:
    """A source's 'datum' (ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD) is read with the same helper."""
    from pydantic import TypeAdapter, ValidationError

    from utsatta.model.common import Datum

    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Datum).validate_python("02.12.2025")
    assert caught.value.errors()[0]["msg"] == (
        "'02.12.2025' har dagen först (DD-MM-ÅÅÅÅ, som man ofta skriver i Sverige) och läses som "
        "2 december 2025, men datum skrivs ÅÅÅÅ-MM-DD. Skriv 2025-12-02. Menas 12 februari 2025 "
        "(månaden först), skriv i stället 2025-02-12."
    )


@pytest.mark.parametrize(
    ("line", "code", "message"),
    [
        (
            "    motivering: *Viktigt* Bolaget deltar i platssamverkan.",
            "yaml-syntax",
            "YAML-syntaxfel: En text som börjar med '*' läses i YAML som ett alias. Sätt hela "
            'texten inom citattecken: motivering: "*Viktigt* Bolaget deltar i platssamverkan.".'
            + stopped(14),
        ),
        (
            "    motivering: *Viktigt",
            "alias-ej-tillatet",
            "'*Viktigt' läses i YAML som ett alias, och alias är inte tillåtna i utsattas "
            "datafiler (inte heller senare i filen). Är det text som börjar med '*', sätt hela "
            'texten inom citattecken: motivering: "*Viktigt"; annars skriv ut värdet här.',
        ),
    ],
)
def test_a_text_starting_with_a_star_is_shown_on_its_own_line(
    tmp_path: Path, line: str, code: str, message: str
) -> None:
    """The example to copy is the user's own line, not a made-up '"*Konceptet* finns"'."""
    data, path = _edited(tmp_path / "a", HIGAB, {14: line})
    assert findings_in(data, path) == [(14, 17, code, message)]
    text = line.split(": ", 1)[1]
    data, path = _edited(tmp_path / "b", HIGAB, {14: f'    motivering: "{text}"'})  # followed
    assert findings_in(data, path) == []


def test_a_text_starting_with_a_star_that_goes_on_below_gets_the_block_form() -> None:
    from utsatta.load.yamlread import parse

    text = "x:\n  motivering: *Viktigt* text\n    fortsätter här.\n  status: a\n"
    assert [(p.line, p.column, p.message) for p in parse(text).problems] == [
        (
            2,
            15,
            "YAML-syntaxfel: En text som börjar med '*' läses i YAML som ett alias. Texten "
            "fortsätter på raderna under: skriv 'motivering: |' och hela texten på raderna "
            "under, indragen två mellanslag mer än nyckelns första bokstav.",
        )
    ]
    followed = "x:\n  motivering: |\n    *Viktigt* text\n    fortsätter här.\n  status: a\n"
    assert parse(followed).problems == []


def test_a_pasted_post_between_others_moves_its_keys_in_one_step() -> None:
    """The post below (line 7) shows where '- ' stands, as the posts above do."""
    from utsatta.load.yamlread import parse

    text = (
        'insatser:\n  - insats: "1"\n    status: a\n  - insats: "2"\n      status: b\n'
        '      nulage: c\n  - insats: "3"\n    status: c\n'
    )
    assert [(p.line, p.message) for p in parse(text).problems] == [
        (
            5,
            "YAML-syntaxfel: Raden är indragen 6 mellanslag, men nycklarna på samma nivå (t.ex. "
            "'insats' på rad 4) har 4. Ändra till 4 mellanslag före 'status'. Flytta också rad 6 "
            "under den lika mycket (2 mellanslag mindre i början av raden): postens andra "
            "nycklar står lika långt in.",
        )
    ]
    assert parse(text.replace("      ", "    ")).problems == []


@pytest.mark.parametrize(
    ("written", "why"),
    [
        (
            "31-02-2026",
            "Läst med dagen först: 31 februari 2026 finns inte, februari 2026 har 28 dagar.",
        ),
        ("31/4/2026", "Läst med dagen först: 31 april 2026 finns inte, april 2026 har 30 dagar."),
        (
            "12-31-2026",
            "Läst med dagen först: månaden 31 finns inte. Menas 31 december 2026 (månaden först), "
            "skriv 2026-12-31.",
        ),
        ("2026.13.01", "Läst med året först: månaden 13 finns inte."),
        ("2026-4-31", "Läst med året först: 31 april 2026 finns inte, april 2026 har 30 dagar."),
        ("30 februari 2026", "30 februari 2026 finns inte: februari 2026 har 28 dagar."),
    ],
)
def test_a_date_in_another_form_that_names_no_day_says_how_it_was_read(
    written: str, why: str
) -> None:
    """'31-02-2026' said only "är inte ett datum": now how it was read and why that is no day,
    with the same words for a source's 'datum', an organisation's dates and a decision day."""
    from pydantic import TypeAdapter, ValidationError

    from utsatta.model.common import Dag, Datum
    from utsatta.model.uppfoljning import Dag as Beslutsdag

    expected = [
        (
            Datum,
            f"'{written}' är inte ett datum. {why} Skriv ÅÅÅÅ-MM-DD (t.ex. 2023-12-05), eller "
            "ÅÅÅÅ-MM eller ÅÅÅÅ om bara det är känt.",
        ),
        (Dag, f"'{written}' är inte ett datum. {why} Skriv ÅÅÅÅ-MM-DD (t.ex. 2022-12-31)."),
        (
            Beslutsdag,
            f"'{written}' är inte ett datum. {why} Skriv beslutsdagen som ÅÅÅÅ-MM-DD "
            "(t.ex. 2024-04-17).",
        ),
    ]
    for kind, message in expected:
        with pytest.raises(ValidationError) as caught:
            TypeAdapter(kind).validate_python(written)
        assert caught.value.errors()[0]["msg"] == message
