"""validate warns where GitHub's Markdown (GFM, as GitHub's and VS Code's previews read a text)
shows a table or struck text that every report shows as text: a line of '|' (a paragraph in the
HTML and PDF, lines of escaped '|' in the .md) and '~~' kept as characters (granska18b A5,
docs/decisions/0564). A task list item (``- [x]``) is a list item whose text starts with
``[x]`` in the reports, as written: no warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CASES, build_case
from utsatta import escape, mdlinks
from utsatta.check import validate

CASE_FILE = "data/rapporter/2023/grundskolenamnden.yaml"


def _found() -> list[tuple[str, int, int, str, str, str]]:
    return [
        (f.file, f.line, f.column, f.code, str(f.severity), f.message)
        for f in validate("data").findings
    ]


def test_validate_warns_at_a_table_and_at_struck_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the table's first line and at the line where struck text starts, each with what the
    report shows and the fix; a '|' and a '~' in a sentence and a task list are no warning."""
    build_case(CASES / "visas-som-text-tabell", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _found() == [
        (
            CASE_FILE,
            11,
            7,
            "visas-som-text",
            "varning",
            "Raden '| Område | Antal |' börjar en tabell i en Markdown-förhandsvisning (t.ex. på "
            "GitHub), men rapporten har inga tabeller i en nämnds text: den visar raderna som "
            "vanlig text, med tecknen '|'. Skriv en punktlista i stället, en punkt per rad i "
            "tabellen (t.ex. '- Område: antal'), utan tecknen '|' och utan raden med '---'.",
        ),
        (
            CASE_FILE,
            19,
            7,
            "visas-som-text",
            "varning",
            "Raden '~~lägger ner~~ utvecklar kvällsöppet.' har genomstruken text i en "
            "Markdown-förhandsvisning (t.ex. på GitHub), men rapporten stryker inte över text: "
            "den visar texten som vanlig text, med tecknen '~' runt den. Ta bort texten, eller "
            "bara tecknen '~' runt den om texten ska stå kvar; står '~' för 'till' (350~500), "
            "skriv ett tankstreck: 350–500.",
        ),
    ]


@pytest.mark.parametrize(
    "fixed",
    [
        ("      ~~lägger ner~~ utvecklar", "      utvecklar"),  # the text removed
        ("      ~~lägger ner~~ utvecklar", "      lägger ner utvecklar"),  # only the '~~'
    ],
)
def test_the_advice_followed_exactly_leaves_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixed: tuple[str, str]
) -> None:
    """The table written as a list, a point per row, without '|' and the '---' row; the struck
    text removed, or only its '~~'."""
    data = build_case(CASES / "visas-som-text-tabell", tmp_path)
    monkeypatch.chdir(tmp_path)
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    text = path.read_text(encoding="utf-8")
    table = (
        "      | Område | Antal |\n      |---|---|\n      | Bergsjön | 12 |\n"
        "      | Hjällbo | 7 |\n"
    )
    for old, new in [(table, "      - Bergsjön: 12\n      - Hjällbo: 7\n"), fixed]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert _found() == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a | b\n--|--\n", [("tabell", (0,))]),
        ("Text.\n| a |\n| - |\n| b |\n", [("tabell", (1,))]),  # after a paragraph's line
        ("- | a | b |\n  |---|---|\n", [("tabell", (0,))]),  # in a list item
        # each line where struck text starts, once; across a line end too
        (
            "a ~~b~~ ~~c~~\nd ~~e\nf~~\n",
            [("genomstruken", (0,)), ("genomstruken", (1,))],
        ),
        ("| a |\n|---|\n| ~~b~~ |\n", [("tabell", (0,)), ("genomstruken", (2,))]),
        ("100 | 200 kronor\n", []),  # no delimiter row: no table
        ("a | b\n\n--|--\n", []),
        ("~ 5 % och ~~ utan slut\n", []),  # '~~' that closes nothing
        # GitHub's struck text (GFM spec, Strikethrough): a run of one or two tildes, opening
        # (left-flanking) and closing (right-flanking) with a run as long (0564)
        ("~a~\n", [("genomstruken", (0,))]),  # one '~' strikes too (spec example 491)
        ("Hej ~världen~.\n", [("genomstruken", (0,))]),
        ("a\nb ~c\nd~ e\n", [("genomstruken", (1,))]),  # across a line end
        ("Detta ~~~stryks inte~~~.\n", []),  # three are text (spec example 492)
        ("~~~\nkod\n~~~\n", [("staket", (0,))]),  # a fence: code, not struck text
        ("~a~~ och ~~b~\n", []),  # runs of unequal length close nothing
        ("a ~ b ~ c\n", []),  # a '~' between spaces flanks nothing
        ("350~500 kr\n", []),  # one '~' alone
        ("- [x] klart\n- [ ] inte klart\n", []),  # a task list: '[x]' shown as written
    ],
)
def test_preview_differences(text: str, found: list[tuple[str, tuple[int, ...]]]) -> None:
    """What GFM makes a table or struck text; the pre-test keeps each such text for validate."""
    assert mdlinks.preview_differences(escape.prose(text), text) == found
    if found:
        assert mdlinks.may_show_as_text(text)


@pytest.mark.parametrize("text", ["Vanlig text.\n\nMed två stycken.", "Ett ~ tecken.", "a - b"])
def test_a_text_without_a_pipe_or_two_tildes_needs_no_parser(text: str) -> None:
    """The pre-test keeps a text without '|' and a second '~' (and no other construct) off the
    parser: struck text needs an opening and a closing run."""
    assert not mdlinks.may_look_otherwise(text)
