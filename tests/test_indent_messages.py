"""An indentation a little off from its level is told with the numbers: how many spaces the
line has, how many its level has and on which line, and what to change (load/indent.py); the
same with both parsers. Before, one message asked for a '- ' that was not missing and none
gave a count."""

from __future__ import annotations

import pytest

from tests.support import shipped_report
from utsatta.load.yamlread import parse

REPORT = shipped_report(2023, "arbetsmarknad-och-vuxenutbildning")


pytestmark = pytest.mark.usefixtures("parser")  # both parsers (conftest)


KEY = (
    "YAML-syntaxfel: Raden är indragen {n} mellanslag, men nycklarna på samma nivå (t.ex. "
    "'{other}' på rad {line}) har {level}. Ändra till {level} mellanslag före '{key}'."
)
POST = (
    "YAML-syntaxfel: Listposten är indragen {n} mellanslag före '- ', men listans andra poster "
    "(t.ex. '- insats' på rad 7) har 2. Ändra till 2 mellanslag före '- '."
)


@pytest.mark.parametrize(
    ("number", "new", "where", "message"),
    [
        # Was: "här förväntades en rad som börjar med '- '" (adding '- ' is wrong).
        (9, "   nulage: |", (9, 4), KEY.format(n=3, other="status", line=8, level=4, key="nulage")),
        # Was: "här förväntades en ny nyckel på samma nivå", no count.
        (
            13,
            "     omraden: [bergsjon]",
            (13, 6),
            KEY.format(n=5, other="nulage", line=9, level=4, key="omraden"),
        ),
        (
            8,
            "      status: pagaende",
            (8, 7),
            KEY.format(n=6, other="insats", line=7, level=4, key="status"),
        ),
        (18, '   - insats: "2:4"', (18, 4), POST.format(n=3)),
        (18, ' - insats: "2:4"', (18, 2), POST.format(n=1)),
        # A '- ' before a key of the post above, its '-' where the post's keys stand: either
        # fix is told (a new post, or the key without '- '), each valid when followed.
        (
            8,
            "    - status: pagaende",
            (8, 5),
            POST.format(n=4)
            + " Hör 'status' i stället till posten ovanför: ta bort '- ', så att 'status' står "
            "rakt under 'insats' (rad 7).",
        ),
        # Was: "Ett kolon följt av mellanslag får inte stå här".
        (
            3,
            " ar: 2023",
            (3, 2),
            "YAML-syntaxfel: Raden är indragen 1 mellanslag, men nycklarna på översta nivån "
            "(t.ex. 'schemaversion' på rad 2) står längst till vänster. Ta bort mellanslagen "
            "före 'ar'.",
        ),
    ],
)
def test_the_count_of_spaces_is_told(
    number: int, new: str, where: tuple[int, int], message: str
) -> None:
    lines = REPORT.split("\n")
    lines[number - 1] = new
    problems = parse("\n".join(lines)).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (*where, "yaml-syntax", message)
    ]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (
            # Was: "… är inte indragen … Dra in rad 11–12": the tab never named, line 12 fine.
            "\tpolisen. Lägesbilden beskriver nu även hur deltagare i nämndens insatser upplever",
            "Rad 11 börjar med ett tabbtecken, och YAML räknar inte tabbar som indrag: raden "
            "läses inte som en del av texten under 'nulage: |' (rad 9). Skriv indraget med 6 "
            "mellanslag i stället (som rad 10).",
        ),
        (
            "    polisen. Lägesbilden beskriver nu även hur deltagare i nämndens insatser upplever",
            "Rad 11 är indragen 4 mellanslag, men texten under 'nulage: |' (rad 9) har 6 (som "
            "rad 10), så YAML läser inte raden som en del av texten. Dra in raden till 6 "
            "mellanslag.",
        ),
    ],
)
def test_a_text_line_indented_less_or_with_a_tab(new: str, message: str) -> None:
    lines = REPORT.split("\n")
    lines[10] = new
    problems = parse("\n".join(lines)).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (11, 1, "text-ej-indragen", message)
    ]


def test_a_dash_too_many_before_a_key_once_removed_is_valid() -> None:
    """The second fix above, followed literally: the line without '- ' is the file as shipped."""
    lines = REPORT.split("\n")
    assert lines[7] == "    status: pagaende"
    assert parse("\n".join(lines)).problems == []


def test_a_post_that_repeats_a_key_of_the_post_above_is_a_new_post() -> None:
    """'- status' where the post above already has 'status': a new post whose '- ' is off, not
    a key with a '- ' too many (ta bort '- ' would give a duplicate key)."""
    lines = REPORT.split("\n")
    lines[8:8] = ["    - status: pagaende"]
    problems = parse("\n".join(lines)).problems
    assert [(p.line, p.column, p.message) for p in problems] == [(9, 5, POST.format(n=4))]
