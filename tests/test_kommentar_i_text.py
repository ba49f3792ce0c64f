"""Comments and texts after '|' or '>' (docs/decisions/0539-kommentar-i-text.md): a line that
looks like a comment inside a text is text, and is published (kommentar-i-text, granska17 F-b);
a comment indented less than the text ends it, and the error names the comment, not the line
after it (granska17 F-c). Following either message's advice exactly leaves no finding."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

import utsatta
from tests.support import CASES, build_case, edited_findings
from utsatta.load.yamlread import parse

CASE = CASES / "kommentar-i-text"
ENDED = CASES / "syntax-kommentar-avslutar-text"
REPORT = Path("rapporter/2023/grundskolenamnden.yaml")

#: The case's report with the two block texts, before the '#' lines are put in.
CLEAN = (CASE / "files" / REPORT).read_text(encoding="utf-8")


def _findings(case: Path, tmp_path: Path, text: str | None = None) -> list[tuple[int, int, str]]:
    data = build_case(case, tmp_path)
    if text is not None:
        (data / REPORT).write_text(text, encoding="utf-8")
    result = utsatta.validate(data)
    return [(f.line, f.column, f.code) for f in result.findings]


def _messages(text: str) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.code, p.message) for p in parse(text).problems]


def test_a_comment_look_in_a_block_text_is_a_warning_at_its_line(parser: str) -> None:
    assert _messages(CLEAN) == [
        (
            10,
            7,
            "kommentar-i-text",
            "Raden '# TODO: stämma av siffrorna med rektorerna innan vi skickar … (62 tecken)' "
            "står inne i texten under 'nulage: |' och kommer med i rapporterna som text, fast den "
            "ser ut som en kommentar: efter '|' är '#' inget kommentarstecken. Ska raden vara en "
            "kommentar, flytta den ovanför raden 'nulage: |'; ska den vara text, ta bort '# ' "
            "först på raden.",
        ),
        (
            16,
            7,
            "kommentar-i-text",
            "Raderna 16–17 (den första: '# gammal text:') står inne i texten under "
            "'fortsatt_arbete: >' och kommer med i rapporterna som text, fast de ser ut som "
            "kommentarer: efter '>' är '#' inget kommentarstecken. Ska raderna vara kommentarer, "
            "flytta dem ovanför raden 'fortsatt_arbete: >'; ska de vara text, ta bort '# ' först "
            "på varje rad.",
        ),
    ]


def _moved_above(text: str) -> str:
    """The first advice, followed exactly: each comment line moved above its text's key."""
    lines = text.split("\n")
    todo = lines.pop(9)  # line 10
    lines.insert(7, todo)  # above '    nulage: |' (line 8)
    old = [lines.pop(15), lines.pop(15)]  # lines 16 and 17
    at = lines.index("    fortsatt_arbete: >")
    lines[at:at] = old
    return "\n".join(lines)


def _hash_removed(text: str) -> str:
    """The second advice, followed exactly: '# ' removed first on each such line."""
    lines = text.split("\n")
    for number in (10, 16, 17):
        lines[number - 1] = lines[number - 1].replace("# ", "", 1)
    return "\n".join(lines)


@pytest.mark.parametrize("fix", [_moved_above, _hash_removed])
def test_following_the_advice_leaves_no_finding(fix: Callable[[str], str], tmp_path: Path) -> None:
    assert _findings(CASE, tmp_path) == [(10, 7, "kommentar-i-text"), (16, 7, "kommentar-i-text")]
    assert _findings(CASE, tmp_path / "fixed", fix(CLEAN)) == []


@pytest.mark.parametrize(
    "line",
    [
        "#1 prioritet är tryggheten.",  # '#' then no space: text, as in 'ärende #12'
        "#metoo",
        "## Rubrik",
        "Ärende # 12 är klart.",  # a '#' within the line
        "    Indraget: ärende 12.",
    ],
)
def test_text_that_only_has_a_hash_is_no_comment_look(parser: str, line: str) -> None:
    text = f"a: |\n  Först.\n  {line}\nb: >\n  {line}\n"
    assert _messages(text) == []


def test_comments_outside_the_texts_are_comments(parser: str) -> None:
    text = (
        "# överst\n"
        "a: |  # efter '|'\n"
        "  Först.\n"
        "# mindre indragen, efter texten\n"
        "\n"
        "b: 'x # y'\n"
        'c: "# z"\n'
        "d:\n"
        "  - |\n"
        "    Text i en lista.\n"
        "  # mellan posterna\n"
        "  - Text.\n"
    )
    assert _messages(text) == []


def test_a_list_items_text_and_a_lone_hash(parser: str) -> None:
    text = "d:\n  - |\n    Text.\n    #\n      # djupare\n"
    assert _messages(text) == [
        (
            4,
            5,
            "kommentar-i-text",
            "Raderna 4–5 (den första: '#') står inne i texten under '- |' och kommer med i "
            "rapporterna som text, fast de ser ut som kommentarer: efter '|' är '#' inget "
            "kommentarstecken. Ska raderna vara kommentarer, flytta dem ovanför raden '- |'; "
            "ska de vara text, ta bort '#' först på varje rad.",
        )
    ]


@pytest.mark.parametrize("header", ["|-", ">+", "|2", "|+ "])
def test_the_message_quotes_the_header_as_written(parser: str, header: str) -> None:
    """'|-', '>+' and an indentation mark are quoted as the file has them (granska17b), so the
    line the advice names ('flytta den ovanför raden …') is found as it is written."""
    text = f"d: {header}\n  Text.\n  # rad\n"
    ((line, column, code, message),) = _messages(text)
    shown = header.strip()
    assert (line, column, code) == (3, 3, "kommentar-i-text")
    assert f"under 'd: {shown}'" in message and f"ovanför raden 'd: {shown}'" in message
    assert f"efter '{shown}' är '#'" in message


SHIPPED_REPORT = "rapporter/2023/arbetsmarknad-och-vuxenutbildning.yaml"
#: the first text under 'fortsatt_arbete' of that report, and the first words of its text
SHIPPED_HEADER = "    fortsatt_arbete: |\n      Nämnden ska fortsätta att dela"


def test_a_quoted_key_and_spaces_are_quoted_as_the_file_has_them(
    parser: str, tmp_path: Path
) -> None:
    """The reviewer's header (granska18b L1): the message quoted 'fortsatt_arbete: |-', which
    a search in the editor does not find; now the line from the key to the indicator's end,
    in double quotes as it has a single one."""
    written = "    'fortsatt_arbete':   |-   # se nedan\n      # första\n"
    text = SHIPPED_HEADER.replace("    fortsatt_arbete: |\n", written)
    assert edited_findings(tmp_path, SHIPPED_REPORT, SHIPPED_HEADER, text) == [
        (
            16,
            7,
            "kommentar-i-text",
            "Raden '# första' står inne i texten under \"'fortsatt_arbete':   |-\" och kommer "
            "med i rapporterna som text, fast den ser ut som en kommentar: efter '|-' är '#' "
            "inget kommentarstecken. Ska raden vara en kommentar, flytta den ovanför raden "
            "\"'fortsatt_arbete':   |-\"; ska den vara text, ta bort '# ' först på raden.",
        )
    ]
    # what the message quotes is found in the file as it is
    assert "'fortsatt_arbete':   |-" in written


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a list item's text: from the '-'
        ("d:\n  - |-\n    Text.\n    # rad\n", "'- |-'"),
        ("d:\n  -   - >+\n        Text.\n        # rad\n", "'-   - >+'"),
        # a key in a list item, a tag before the indicator
        ("d:\n  - e:  !!str  |\n      Text.\n      # rad\n", "'e:  !!str  |'"),
        ('"d\\u00e5" :\t|2\n  Text.\n  # rad\n', "'\"d\\u00e5\" :\t|2'"),  # as written
        # a key on the line above its indicator: named by its name, as before
        ("d:\n  |\n  Text.\n  # rad\n", "'d: |'"),
        ("d: !!str\n  >\n  Text.\n  # rad\n", "'d: >'"),
        # a long key: its first 60 characters and its length, then the indicator
        (f"{'å' * 100}: |\n  Text.\n  # rad\n", f"'{'å' * 60}… (101 tecken) |'"),
    ],
)
def test_the_header_is_quoted_from_the_key_to_the_indicator(
    parser: str, text: str, quoted: str
) -> None:
    ((line, _, code, message),) = _messages(text)
    assert (line, code) == (text.count("\n"), "kommentar-i-text")
    assert f"står inne i texten under {quoted} och" in message
    assert f"flytta den ovanför raden {quoted};" in message


def test_many_comment_lines_cost_linear_work(parser: str) -> None:
    """One finding per run of lines, and the lines are read once (no line list per text)."""
    lines = "".join(f"  # rad {n}\n  Text.\n" for n in range(20_000))
    started = time.process_time()
    problems = parse("a: |\n" + lines + "b: |\n  # sist\n").problems
    assert time.process_time() - started < 10
    assert len(problems) == 20_001
    assert (problems[-1].line, problems[-1].code) == (40_003, "kommentar-i-text")


ENDED_MESSAGE = (
    "YAML-syntaxfel: Kommentaren på rad 10 står mindre indragen än texten under 'nulage: |' "
    "och avslutar därför texten: rad 11, som är indragen som texten, hör inte längre till den, "
    "och YAML kan inte läsa den. Flytta kommentaren ovanför raden 'nulage:', eller ta bort den."
)
ENDED_TEXT = (ENDED / "files" / REPORT).read_text(encoding="utf-8")


def test_a_comment_that_ends_a_text_is_named_as_the_cause(parser: str) -> None:
    assert _messages(ENDED_TEXT) == [(10, 5, "yaml-syntax", ENDED_MESSAGE)]


def test_a_comment_that_ends_a_text_quotes_its_header_as_written(parser: str) -> None:
    """The header of the text the comment ends, as the file has it ('|-' kept, granska18b L1)."""
    assert ENDED_TEXT.count("    nulage: |\n") == 1
    text = ENDED_TEXT.replace("    nulage: |\n", "    nulage:  |-\n")
    expected = ENDED_MESSAGE.replace("under 'nulage: |'", "under 'nulage:  |-'")
    assert expected != ENDED_MESSAGE
    assert _messages(text) == [(10, 5, "yaml-syntax", expected)]


@pytest.mark.parametrize(
    ("comment", "around"),
    [
        ("# i kolumn 1", False),
        ("  # indragen 2", False),
        ("    # indragen som nyckeln", True),  # with blank lines around it
    ],
)
def test_the_cause_is_found_however_the_comment_is_indented(
    parser: str, comment: str, around: bool
) -> None:
    lines = ENDED_TEXT.split("\n")
    lines[9] = f"\n{comment}\n" if around else comment
    problems = parse("\n".join(lines)).problems
    assert [(p.code, p.column) for p in problems] == [
        ("yaml-syntax", len(comment) - len(comment.lstrip()) + 1)
    ]
    assert "avslutar därför texten" in problems[0].message


def test_following_the_comment_advice_leaves_no_finding(tmp_path: Path) -> None:
    lines = ENDED_TEXT.split("\n")
    comment = lines.pop(9)
    assert _findings(ENDED, tmp_path / "as-is") == [(10, 5, "yaml-syntax")]
    assert _findings(ENDED, tmp_path / "removed", "\n".join(lines)) == []
    lines.insert(7, comment)  # above '    nulage: |'
    assert _findings(ENDED, tmp_path / "moved", "\n".join(lines)) == []
