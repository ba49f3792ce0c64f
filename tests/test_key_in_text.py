"""A key's line indented like the text under ``key: |`` is text to YAML, silently: it gets a
warning that says so and how to write it either way (a key, or text on purpose)."""

from __future__ import annotations

from pathlib import Path

from tests.support import build_case
from utsatta import validate
from utsatta.load.yamlread import parse

CASES = Path(__file__).parent / "cases"


def _message(key: str, line: int, name: str, written: str, indent: int) -> str:
    capital = name[:1].upper() + name[1:]
    return (
        f"Raden '{written}' är indragen som texten under '{key}' (rad {line}), så YAML läser "
        f"den som en del av texten, inte som nyckeln '{name}'. Ska den vara nyckeln: flytta ut "
        f"den till samma indrag som '{key}' ({indent} mellanslag). Ska den vara text: skriv "
        f"'{capital}:' med stor bokstav, så syns det att den är text."
    )


def test_a_key_line_in_a_block_text_is_a_warning_with_its_place(tmp_path: Path) -> None:
    data = build_case(CASES / "nyckel-i-text", tmp_path)
    found = [
        (f.file.split("/data/")[-1], f.line, f.column, f.code, f.severity.value, f.message)
        for f in validate(data).findings
        if f.code == "nyckel-i-text"
    ]
    file = "rapporter/2023/kommunstyrelsen.yaml"
    assert found == [
        (file, 12, 7, "nyckel-i-text", "varning",
         _message("motivering", 10, "status", "status: pagaende", 4)),
        # a list item with a key of the record: a new post of the list that holds the record;
        # a list item in prose ('- vi har genomfört: …', '- Omraden: …') is not
        (file, 13, 7, "nyckel-i-text", "varning",
         "Raden '- insats: \"2:4\"' är indragen som texten under 'motivering' (rad 10), så "
         "YAML läser den som en del av texten, inte som en ny post med nyckeln 'insats'. Ska "
         "den börja en ny post: flytta ut den så att '-' står på samma indrag som '-' i posten "
         "ovan (2 mellanslag), och postens andra nycklar på samma indrag som 'motivering' (4 "
         "mellanslag). Ska den vara text: skriv '- Insats:' med stor bokstav, så syns det att "
         "den är text."),
        # in a folded text (>) too, and deeper than the text; 'Status:' (text on purpose) and
        # 'insatser:' (a key of another record) are not keys of this record
        (file, 19, 9, "nyckel-i-text", "varning",
         _message("fortsatt_arbete", 16, "samordning",
                  "samordning: Alla nämnder rapporterar.", 4)),
    ]  # fmt: skip


def test_the_text_is_kept_as_yaml_reads_it() -> None:
    """A warning, not an error: the data is read as YAML reads it (the line is text)."""
    text = "insatser:\n  - insats: '2:1'\n    motivering: |\n      Text.\n      status: pagaende\n"
    result = parse(text)
    assert result.data["insatser"][0]["motivering"] == "Text.\nstatus: pagaende\n"
    assert [(p.line, p.column, p.code) for p in result.problems] == [(5, 7, "nyckel-i-text")]


def test_a_list_item_is_a_new_post_only_where_the_record_is_one() -> None:
    """``- key:`` in a text is flagged by the same standard as ``key:`` (a key of the record
    the text belongs to), and only where that record is a post of a list: the '-' the line
    should move to is that of the record's own post (the header's own '-' included)."""
    own_dash = "insatser:\n  - nulage: |\n      Text.\n      - insats: '2:2'\n    insats: '2:1'\n"
    assert [(p.line, p.column) for p in parse(own_dash).problems] == [(4, 7)]
    assert "(2 mellanslag)" in parse(own_dash).problems[0].message
    wide = "insatser:\n  -   insats: '2:1'\n      nulage: |\n        A\n        - insats: 2:2\n"
    assert [(p.line, p.column) for p in parse(wide).problems] == [(5, 9)]
    assert "'-' i posten ovan (2 mellanslag)" in parse(wide).problems[0].message
    assert "'nulage' (6 mellanslag)" in parse(wide).problems[0].message
    # a record that is no post of a list: a list item there is text
    top = "sammanfattning: |\n  Text.\n  - ar: 2023\n"
    mapping = "plan:\n  id: x\n  beskrivning: |\n    Text.\n    - id: y\n"
    prose = (
        "insatser:\n  - insats: '2:1'\n    nulage: |\n      Vi har:\n      - vi har genomfört: "
        "tre möten\n      - Status: klar\n      - en: två\n"
    )
    for text in (top, mapping, prose):
        assert parse(text).problems == [], text


def test_line_ends_and_no_false_alarms() -> None:
    crlf = "insatser:\r\n  - insats: '2:1'\r\n    nulage: |\r\n      A\r\n      behov: x\r\n"
    assert [(p.line, p.column) for p in parse(crlf).problems] == [(5, 7)]
    # a key at the record's own indentation after the text, and a colon inside a sentence
    fine = (
        "insatser:\n  - insats: '2:1'\n    nulage: |\n      Status enligt plan: pagaende.\n"
        "      Se: status\n    status: pagaende\n"
    )
    assert parse(fine).problems == []


def test_prose_whose_value_no_key_could_hold_is_no_warning() -> None:
    # granska8 #8: only a value that is valid for the key by the schema is taken for the key
    head = "insatser:\n  - insats: '2:1'\n    nulage: |\n      Vi har:\n"
    prose = (
        "      - status: alla lokaler har besiktigats\n"
        "      - omraden: Bergsjön och Hammarkullen\n"
        "      - bedomning: bra\n"
        "      status: se ovan\n"
        "      omraden: i hela staden\n"
    )
    assert parse(head + prose).problems == []
    keys = (
        "      status: pagaende\n"
        "      omraden: [bergsjon, gardsten]\n"
        "      omraden: bergsjon\n"
        "      - insats: '2:2'\n"
        "      - insats: alla insatser\n"
    )
    assert [(p.line, p.column) for p in parse(head + keys).problems] == [
        (5, 7),
        (6, 7),
        (7, 7),
        (8, 7),
    ]


def test_the_text_advice_uses_the_fields_swedish_title() -> None:
    # never 'Omraden:' (ASCII) as the way to write it in a report's prose
    text = "insatser:\n  - insats: '2:1'\n    nulage: |\n      A\n      omraden: [bergsjon]\n"
    (problem,) = parse(text).problems
    assert problem.message.endswith(
        "Ska den vara text: skriv 'Områden:' med stor bokstav, så syns det att den är text."
    )
