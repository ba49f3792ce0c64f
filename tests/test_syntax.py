"""Syntax errors in Swedish, at the place of the mistake, the same with the C parser and the
pure-Python parser: a real report (the shipped grundskolenämnden 2024) with one honest mistake."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml.error import MarkedYAMLError, StringMark

from tests.support import shipped_report
from utsatta.load.syntax import generic_problem, syntax_problem
from utsatta.load.yamlread import parse

REPORT = shipped_report(2024, "grundskolenamnden")

#: Words of the parser's English messages: none may reach the user.
ENGLISH = re.compile(
    r"\b(?:while|scanning|parsing|found|expected|did not|could not|allowed|character)\b"
)


def edited(*edits: tuple[int, str]) -> str:
    lines = REPORT.split("\n")
    for number, text in edits:
        lines[number - 1] = text
    return "\n".join(lines)


def found(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in parse(text).problems]


def only_message(text: str) -> str:
    problems = parse(text).problems
    assert len(problems) == 1, problems
    message = problems[0].message
    assert not ENGLISH.search(message), message
    return message


def test_the_unedited_report_has_no_problems(parser: str) -> None:
    assert found(REPORT) == []


COLON = (
    "YAML-syntaxfel: Ett kolon (':') saknas efter nyckeln '{}'. Skriv '{}: {}' (kolon och "
    "mellanslag mellan nyckeln och värdet)."
)
REST_OF_TEXT = (
    "YAML-syntaxfel: Raden '{}' är ingen nyckel: den läses som fortsättningen på texten efter "
    "'motivering:' på raden ovanför, men en text på flera rader måste skrivas under "
    "'motivering: |' med varje rad indragen (mer än nyckeln), eller på en enda rad."
)


@pytest.mark.parametrize(
    ("edits", "where", "message"),
    [
        # A key of the models without its colon beside a block text's key: not pasted text.
        ([(19, "    behov []")], (19, 5), COLON.format("behov", "behov", "[]")),
        (
            [(13, REPORT.split("\n")[12].replace("omraden:", "omraden", 1))],
            (13, 5),
            "YAML-syntaxfel: Ett kolon (':') saknas efter nyckeln 'omraden'. Skriv ett kolon "
            "direkt efter 'omraden' och ett mellanslag före värdet.",
        ),
        # The first key of a list item: YAML stops at the next line's colon.
        ([(25, '  - insats "1:2"')], (25, 5), COLON.format("insats", "insats", '"1:2"')),
        ([(25, "  - insats 1:2")], (25, 5), COLON.format("insats", "insats", "1:2")),
        # A wrapped plain text: the next line is no key, whatever its first word.
        (
            [
                (15, "    motivering: Konceptet finns på alla skolor;"),
                (16, "    det som återstår är att nå fler flickor i högstadiet."),
            ],
            (16, 5),
            REST_OF_TEXT.format("det som återstår är att nå fler flickor i högstadiet."),
        ),
        (
            [(15, "    motivering: Se"), (16, "    https://goteborg.se/skolan")],
            (16, 5),
            REST_OF_TEXT.format("https://goteborg.se/skolan"),
        ),
    ],
)
def test_a_key_without_colon_is_told_apart_from_text(
    parser: str, edits: list[tuple[int, str]], where: tuple[int, int], message: str
) -> None:
    text = edited(*edits)
    assert found(text) == [(*where, "yaml-syntax")]
    assert only_message(text) == message


def test_a_line_that_is_no_key_and_follows_no_text_says_so(parser: str) -> None:
    text = edited((8, "    sttaus pagaende"))
    assert found(text) == [(8, 5, "yaml-syntax")]
    assert only_message(text).startswith(
        "YAML-syntaxfel: Raden 'sttaus pagaende' är ingen nyckel: den saknar kolon och börjar "
        "inte med något av filernas nyckelnamn"
    )


@pytest.mark.parametrize(
    ("edit", "where", "says"),
    [
        ((14, "    bedomning bedoms-uppnas"), (14, 5), "Skriv 'bedomning: bedoms-uppnas'"),
        ((3, "ar 2024"), (3, 1), "Skriv 'ar: 2024'"),
        ((8, "    status pagaende"), (8, 5), "saknas efter nyckeln 'status'"),
        ((8, "    status:pagaende"), (8, 5), "mellanslag efter kolonet: skriv 'status: pagaende'"),
    ],
)
def test_a_missing_colon_is_reported_on_its_own_line(
    parser: str, edit: tuple[int, str], where: tuple[int, int], says: str
) -> None:
    text = edited(edit)
    assert found(text) == [(*where, "yaml-syntax")]
    assert says in only_message(text).replace("Mellanslag", "mellanslag")


@pytest.mark.parametrize(
    ("edit", "where", "says"),
    [
        (
            (15, '    motivering: "Konceptet finns; det som "återstår" är att nå fler."'),
            (15, 44),
            """sätt hela texten inom enkla citattecken: '"Konceptet finns; det som "återstår" """,
        ),
        ((25, '  - insats: "1:2" (skolan)'), (25, 19), "'\"1:2\" (skolan)'"),
        ((25, '  - insats: "1:2""'), (25, 18), "Ta bort citattecknet för mycket"),
        (
            (15, "    motivering: [Konceptet] finns"),
            (15, 29),
            "läses därför som en lista, som slutar vid ']'; texten efter ('finns') kan YAML inte "
            'läsa. Är det en text, sätt hela texten inom citattecken: "[Konceptet] finns"',
        ),
        ((15, "    motivering: {Konceptet} finns"), (15, 29), '"{Konceptet} finns"'),
        ((15, "    motivering: 'Det är Anna's' tur"), (15, 30), "dubbla citattecken"),
    ],
)
def test_text_after_a_closed_quote_or_bracket_is_not_called_indentation(
    parser: str, edit: tuple[int, str], where: tuple[int, int], says: str
) -> None:
    text = edited(edit)
    assert found(text) == [(*where, "yaml-syntax")]
    message = only_message(text)
    assert says in message
    assert "Indraget" not in message


def test_a_quote_that_never_closes_on_its_line_is_pointed_at_where_it_opens(parser: str) -> None:
    """The quote on line 15 is closed by the first quote of line 25: YAML stops there, the
    finding points at line 15."""
    text = edited((15, '    motivering: "Konceptet finns på alla skolor, det som återstår.'))
    assert found(text) == [(15, 17, "yaml-syntax")]
    message = only_message(text)
    assert "avslutas aldrig på sin rad" in message
    assert "på rad 25" in message


@pytest.mark.parametrize(
    ("edit", "where", "says"),
    [
        ((9, "    nulage: | Skolan som arena"), (9, 13), "Texten står på samma rad som '|'"),
        ((15, "    motivering: > text"), (15, 17), "flytta texten ('text') till raden under"),
        ((15, "    motivering: ? text"), (15, 17), 'citattecken: "? text"'),
        ((15, "..."), (15, 1), "Raden '...' avslutar YAML-dokumentet"),
        ((1, "%YAML 2.0"), (1, 1), "Raden '%YAML 2.0' läses i YAML som ett direktiv"),
        ((1, "%FOO"), (1, 1), "Ta bort raden"),
        ((9, "    nulage: |0"), (9, 13), "Siffran 0 efter '|' är inte tillåten"),
        ((9, "    nulage: >-+"), (9, 13), "(här: '-+')"),
    ],
)
def test_each_syntax_error_is_explained_in_swedish(
    parser: str, edit: tuple[int, str], where: tuple[int, int], says: str
) -> None:
    text = edited(edit)
    assert found(text) == [(*where, "yaml-syntax")]
    assert says in only_message(text)


@pytest.mark.parametrize(
    ("edit", "where", "says"),
    [
        ((13, "    omraden: [2:1, 2:4]"), (13, 15), 'skriv "2:1"'),
        ((15, "    motivering: [Möte kl 10:00]"), (15, 18), 'skriv "Möte kl 10:00"'),
        ((15, "    motivering: {x:y}"), (15, 18), 'skriv "x:y"'),
        ((15, '    motivering: "\\ud800"'), (15, 18), "'\\ud800'"),
    ],
)
def test_what_only_libyaml_refuses_is_explained_in_swedish(
    parser: str, edit: tuple[int, str], where: tuple[int, int], says: str
) -> None:
    """libyaml (YAML 1.1) refuses these, and so does the pure-Python fallback (which alone
    would read them as YAML 1.2): a file is valid or invalid the same on every machine."""
    text = edited(edit)
    assert found(text) == [(*where, "yaml-syntax")]
    assert says in only_message(text)


def test_a_colon_after_a_quote_closed_by_accident_points_at_the_quote() -> None:
    """'"2:1"' on line 2 is no id in a list: its first quote closes the one opened on line 1."""
    text = 'omraden: [bergsjon, "gardsten\ninsatser:\n  - insats: "2:1"\n'
    assert found(text) == [(1, 21, "yaml-syntax")]
    assert "avslutas aldrig på sin rad" in only_message(text)


def test_an_unknown_parser_error_gets_a_swedish_message() -> None:
    mark = StringMark("x", 30, 2, 4, "a: b\nc: d\n", 0)
    exc = MarkedYAMLError("while doing something new", mark, "found a brand new problem", mark)
    problem = syntax_problem(exc, "a: b\nc: d\n")
    assert (problem.line, problem.column) == (3, 5)
    assert problem.message == generic_problem(3, 5).message
    assert "rad 3, kolumn 5" in problem.message
    assert not ENGLISH.search(problem.message)
    assert "new" not in problem.message


@pytest.mark.parametrize(
    ("text", "where", "char"),
    [
        ("# ååååå åäö åäö\nschemaversion: 1\nar: 2025\norganisation: higab\x00\n", (4, 20), 0),
        ("# åäö\nar: 2025\norganisation: hi\x0cgab\n", (3, 17), 0x0C),
        ("# åäö\nar: 2025\norganisation: hi\x9bgab\n", (3, 17), 0x9B),
        ("a: 😀😀\x07\n", (1, 6), 0x07),
    ],
)
def test_a_control_character_is_located_by_characters_not_bytes(
    parser: str, text: str, where: tuple[int, int], char: int
) -> None:
    for result in (parse(text), parse(text, utf8=text.encode("utf-8"))):
        assert [(p.line, p.column, p.code) for p in result.problems] == [
            (*where, "otillatet-tecken")
        ]
        assert f"U+{char:04X}" in result.problems[0].message


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize(
    ("edit", "where"),
    [
        ((4, 'organisation: "grundskole{c}namnden"'), (4, 26)),
        ((10, "      Skolan{c}som arena finns"), (10, 13)),
        ((1, "# Illustrativ{c} rapport"), (1, 14)),
    ],
)
def test_odd_line_breaks_are_reported_where_they_stand_and_alone(
    parser: str, char: str, edit: tuple[int, str], where: tuple[int, int]
) -> None:
    """libyaml counts U+0085, U+2028 and U+2029 as line breaks; editors and we do not. Each is
    reported at its place by our count of lines, and nothing else in the file (whose lines
    the parser would count differently) is."""
    number, line = edit
    text = edited((number, line.format(c=char)), (25, '  - insats: "1:2" x'))
    assert found(text) == [(*where, "ovanlig-radbrytning")]
    message = parse(text).problems[0].message
    assert f"U+{ord(char):04X}" in message
    assert "Ersätt det med en vanlig radbrytning eller ett mellanslag" in message


def test_odd_line_breaks_are_reported_each_up_to_a_bound(parser: str) -> None:
    text = "a: x\u2028y\nb: |\n  " + "z\u2029" * 100 + "\n"
    problems = parse(text).problems
    assert [(p.line, p.column) for p in problems[:3]] == [(1, 5), (3, 4), (3, 6)]
    assert len(problems) == 20
    # 101 in all: the last one listed stands for itself and the 81 not listed, so the totals
    # (and "N fel" in the summary line) count every one
    assert problems[-1].message.endswith("Filen har 81 sådana tecken till; de visas inte här.")
    assert [p.count for p in problems] == [1] * 19 + [82]
    assert sum(p.count for p in problems) == 101
    assert "till; de visas" not in problems[0].message


def test_text_cut_off_by_a_hash_is_echoed_shortened(parser: str) -> None:
    text = "a: Konceptet #" + "x" * 900_000 + "\n"
    (problem,) = parse(text).problems
    assert problem.code == "text-avklippt"
    assert len(problem.message) < 400
    assert "900 001 tecken" in problem.message


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("#a\nb: Konceptet #x\n", ["text-avklippt"]),  # a '#' first in the file, then the cut
        ("# a\nb: Konceptet #x\n", ["text-avklippt"]),
        ("a: b#c\nd: Konceptet #x\n", ["text-avklippt"]),  # a '#' in a text before the cut
        ("a: 'x #y'\nb: Konceptet #x\n", ["text-avklippt"]),  # ' #y' inside quotes first
        ("a: Konceptet #x\n", ["text-avklippt"]),
        (" #a\nb: 1\n", []),  # ' #a' at the very start: a comment, no text cut
        ("a: b#c\n", []),
    ],
)
def test_text_cut_off_by_a_hash_is_found_after_other_hashes(
    parser: str, text: str, codes: list[str]
) -> None:
    """The search for ' #x' starts at the first '#' of the file: every cut after it is found."""
    assert [p.code for p in parse(text).problems] == codes


def test_a_long_duplicate_key_is_echoed_shortened(parser: str) -> None:
    key = "k" * 1000  # longer is no key for YAML: a syntax error, also shortened
    (problem,) = parse(f"{key}: 1\n{key}: 2\n").problems
    assert problem.code == "dubblett-nyckel"
    assert len(problem.message) < 400
    (problem,) = parse(f"a: 1\n{key * 100}: 1\n").problems
    assert problem.code == "yaml-syntax"
    assert "är för lång" in problem.message
    assert len(problem.message) < 400


def test_a_forgotten_dash_is_one_finding_that_says_so(parser: str) -> None:
    text = edited((25, '    insats: "1:2"'))
    assert found(text) == [(25, 5, "listpost-saknar-streck")]
    message = only_message(text)
    assert "'- ' saknas" in message and "Skriv '- ' före 'insats'" in message


def test_a_forgotten_dash_before_an_item_in_another_order(parser: str) -> None:
    """The new item's keys need not start with the first key: the finding is at the first key
    that comes again."""
    text = (
        "insatser:\n"
        '  - insats: "1:1"\n    status: pagaende\n    bedomning: osakert\n'
        '    status: genomford\n    insats: "1:2"\n    bedomning: osakert\n'
    )
    assert found(text) == [(5, 5, "listpost-saknar-streck")]


def test_duplicates_that_are_no_new_item_stay_duplicates(parser: str) -> None:
    text = (
        "insatser:\n"
        '  - insats: "1:1"\n    status: pagaende\n    status: genomford\n'
        '  - insats: "1:2"\n    status: pagaende\n'
        '    insats: "1:3"\n    status: pagaende\n    status: genomford\n'
    )
    assert found(text) == [
        (4, 5, "dubblett-nyckel"),
        (7, 5, "listpost-saknar-streck"),
        (9, 5, "dubblett-nyckel"),
    ]
    # Not in a list: duplicates as before.
    assert found("a: 1\nb: 2\na: 3\nb: 4\n") == [
        (3, 1, "dubblett-nyckel"),
        (4, 1, "dubblett-nyckel"),
    ]


@pytest.mark.parametrize(
    ("edit", "where", "says"),
    [
        ((25, '  -insats: "1:2"'), (25, 3), "Skriv '- insats: \"1:2\"'"),
        ((7, '  -insats: "1:1"'), (7, 3), "Skriv '- insats: \"1:1\"'"),
        ((13, "    omraden:\n      - bergsjon\n      -hjallbo"), (15, 7), "Skriv '- hjallbo'"),
    ],
)
def test_a_dash_without_space_says_so(
    parser: str, edit: tuple[int, str], where: tuple[int, int], says: str
) -> None:
    text = edited(edit)
    assert found(text) == [(*where, "yaml-syntax")]
    message = only_message(text)
    assert "Mellanslag saknas efter '-'" in message and says in message


def test_a_fix_too_long_to_show_whole_is_described_not_cut(parser: str) -> None:
    """A cut text ('… (89 tecken)' inside the quotes, the closing quote gone) is no line to
    copy: the fix says where the quotes go and names the text's start and end."""
    text = edited(
        (
            15,
            '    motivering: "Konceptet" finns på alla skolor; det som återstår är att nå fler '
            "flickor i högstadiet.",
        )
    )
    assert found(text) == [(15, 29, "yaml-syntax")]
    assert only_message(text) == (
        "YAML-syntaxfel: Efter det avslutande citattecknet (\") står mer text ('finns på alla "
        "skolor; det som återstår ä… (75 tecken)'), som YAML inte kan läsa: texten inom "
        "citattecknen är hela värdet. Hör citattecknen till texten, sätt hela texten inom enkla "
        "citattecken: ett ' direkt före texten och ett ' direkt efter den (texten börjar med "
        '"Konceptet" finns på alla … och slutar med i högstadiet.); annars ta bort texten '
        "efter citattecknet."
    )
    short = only_message(edited((15, '    motivering: "Konceptet" finns; x.')))
    assert "sätt hela texten inom enkla citattecken: '\"Konceptet\" finns; x.';" in short


@pytest.mark.parametrize(
    ("line", "fixed", "tail"),
    [
        (
            '    motivering: "Konceptet" finns # se ärende',
            "    motivering: '\"Konceptet\" finns' # se ärende",
            "sätt hela texten inom enkla citattecken: '\"Konceptet\" finns # se ärende'; är det "
            "som står efter ' #' en kommentar, sätt i stället det avslutande citattecknet före "
            "' #'; annars ta bort texten efter citattecknet.",
        ),
        (
            "    motivering: [Konceptet] finns # se ärende",
            '    motivering: "[Konceptet] finns" # se ärende',
            'sätt hela texten inom citattecken: "[Konceptet] finns # se ärende"; är det som står '
            "efter ' #' en kommentar, sätt i stället det avslutande citattecknet före ' #'.",
        ),
    ],
)
def test_text_after_a_closed_value_with_a_comment_says_where_its_quote_goes(
    parser: str, line: str, fixed: str, tail: str
) -> None:
    """' #' after the value: the quotes keep all of it, and the message says where the closing
    quote goes if it begins a comment; both ways are valid (review granska12, finding 9)."""
    assert only_message(edited((15, line))).endswith(tail)
    assert found(edited((15, fixed))) == []
    whole = tail.split("citattecken: ")[1].split(";")[0]
    assert found(edited((15, f"    motivering: {whole}"))) == []


def test_a_list_too_long_to_quote_whole_is_described_not_cut(parser: str) -> None:
    value = "[Möte] med " + "skolorna och " * 8 + "nämnden"
    text = edited((15, f"    motivering: {value}"))
    message = only_message(text)
    assert "tecken)" not in message.split("sätt hela texten inom citattecken:")[1]
    assert (
        'ett " direkt före texten och ett " direkt efter den (texten börjar med [Möte]' in message
    )


def test_one_more_odd_line_break_is_said_in_the_singular(parser: str) -> None:
    """21 in all: the last one listed stands for one more, "ett sådant tecken" (one helper
    words every "N more" for characters and codes, load.characters.more_of)."""
    text = "a: |\n  " + "z\u2029" * 21 + "\n"
    problems = parse(text).problems
    assert len(problems) == 20
    assert problems[-1].message.endswith("Filen har ett sådant tecken till; det visas inte här.")


def test_more_of_words_one_and_many() -> None:
    from utsatta.load.characters import KODER, TECKEN, more_of

    assert more_of(0, "Värdet", TECKEN) == ""
    assert more_of(1, "Värdet", TECKEN) == " Värdet har ett sådant tecken till"
    assert more_of(3, "Texten", KODER) == " Texten har 3 sådana koder till"


def test_more_in_value_says_the_rest_and_det_or_dem() -> None:
    """One helper words the rest and "det"/"dem" for otillatet-tecken and privat-tecken."""
    from utsatta.load.characters import more_in_value

    assert more_in_value(0) == ("", "det")
    assert more_in_value(1) == (" Värdet har ett sådant tecken till.", "dem")
    assert more_in_value(2) == (" Värdet har 2 sådana tecken till.", "dem")


UNCLOSED = (
    "YAML-syntaxfel: {kind} som börjar med '{opener}' här avslutas aldrig med '{closer}': YAML "
    "letar efter '{closer}' (eller ett kommatecken före nästa värde) ända till rad {stop} och kan "
    "inte läsa vidare. {fix} Står värdena på flera rader, skilj dem med kommatecken."
)
LIST = {"kind": "Listan inom hakparenteser", "opener": "[", "closer": "]"}


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        # The parser stops at the next line's colon; the bracket that never closes is on 13.
        (
            (13, "    omraden: [bergsjon, hjallbo"),
            (13, 14),
            UNCLOSED.format(
                **LIST, stop=14, fix="Skriv ']' sist på raden: 'omraden: [bergsjon, hjallbo]'."
            ),
        ),
        # A comment on the line: a ']' at its end would be in the comment.
        (
            (13, "    omraden: [bergsjon, hjallbo # fler?"),
            (13, 14),
            UNCLOSED.format(**LIST, stop=14, fix="Skriv ']' efter det sista värdet."),
        ),
        (
            (13, "    omraden: {bergsjon: 1"),
            (13, 14),
            UNCLOSED.format(
                kind="Nycklarna inom klammerparenteser",
                opener="{",
                closer="}",
                stop=14,
                fix="Skriv '}' sist på raden: 'omraden: {bergsjon: 1}'.",
            ),
        ),
    ],
)
def test_a_bracket_that_never_closes_is_pointed_at_where_it_opens(
    parser: str, edit: tuple[int, str], where: tuple[int, int], message: str
) -> None:
    """The writer of 'omraden: [a, b' looks at the line the finding names: the line where the
    list opened, not the next key where YAML gave up."""
    text = edited(edit)
    assert found(text) == [(*where, "yaml-syntax")]
    assert only_message(text) == message


def test_a_bracket_left_open_at_the_end_of_the_file_is_pointed_at(parser: str) -> None:
    text = REPORT.rstrip("\n") + "\n    extra: [a, b\n"
    last = text.count("\n")
    assert found(text) == [(last, 12, "yaml-syntax")]
    assert "Skriv ']' sist på raden: 'extra: [a, b]'." in only_message(text)


def test_a_missing_comma_within_one_line_keeps_its_place(parser: str) -> None:
    text = edited((13, '    omraden: ["bergsjon" "hjallbo"]'))
    assert found(text) == [(13, 26, "yaml-syntax")]
    assert "saknar ett kommatecken mellan värdena" in only_message(text)


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (
            (15, "    motivering: Nuläge: konceptet finns på alla skolor."),
            (15, 23),
            "YAML-syntaxfel: Texten efter 'motivering:' innehåller ett kolon följt av mellanslag "
            "('Nuläge:'), och YAML läser det som början på en ny nyckel. Sätt hela texten inom "
            'citattecken: motivering: "Nuläge: konceptet finns på alla skolor.".',
        ),
        # A text with a double quote: in single quotes.
        (
            (15, '    motivering: Se "Skolan som arena": rapporten.'),
            (15, 38),
            "YAML-syntaxfel: Texten efter 'motivering:' innehåller ett kolon följt av mellanslag "
            """('Se "Skolan som arena":'), och YAML läser det som början på en ny nyckel. Sätt """
            """hela texten inom citattecken: motivering: 'Se "Skolan som arena": rapporten.'.""",
        ),
        # Word's quotes around it are no quotes in YAML: straight ones in their place.
        (
            (15, "    motivering: ”Nuläge: konceptet finns.”"),
            (15, 24),
            "YAML-syntaxfel: Texten efter 'motivering:' innehåller ett kolon följt av mellanslag "
            "('”Nuläge:'), och YAML läser det som början på en ny nyckel. Sätt hela texten inom "
            "citattecken (raka: ”…” från Word räknas inte som citattecken i YAML): "
            'motivering: "Nuläge: konceptet finns.".',
        ),
        # Too long to show whole: where the quotes go, never a cut text to copy.
        (
            (15, "    motivering: Nuläge: " + "konceptet finns på alla skolor " * 4 + "i dag."),
            (15, 23),
            "YAML-syntaxfel: Texten efter 'motivering:' innehåller ett kolon följt av mellanslag "
            "('Nuläge:'), och YAML läser det som början på en ny nyckel. Sätt hela texten inom "
            'citattecken: ett " direkt före texten och ett " direkt efter den (texten börjar med '
            "Nuläge: konceptet finns på … och slutar med alla skolor i dag.).",
        ),
        # Was the general "Ett kolon följt av mellanslag får inte stå här" (review granska12,
        # finding 5): ' #' may begin a comment or be text ('ärende #12'); the quotes keep all.
        (
            (15, "    motivering: Nuläge: klart, se ärende #12"),
            (15, 23),
            "YAML-syntaxfel: Texten efter 'motivering:' innehåller ett kolon följt av mellanslag "
            "('Nuläge:'), och YAML läser det som början på en ny nyckel. Sätt hela texten inom "
            'citattecken: motivering: "Nuläge: klart, se ärende #12"; är det som står efter '
            "' #' en kommentar, sätt i stället det avslutande citattecknet före ' #'.",
        ),
    ],
)
def test_a_colon_in_a_pasted_text_gets_the_line_to_write(
    parser: str, edit: tuple[int, str], where: tuple[int, int], message: str
) -> None:
    """'Nuläge: …' pasted from Word or a mail after a key: the text in quotes, to copy."""
    text = edited(edit)
    assert found(text) == [(*where, "yaml-syntax")]
    assert only_message(text) == message


def test_a_pasted_text_with_its_colon_written_as_suggested_is_valid(parser: str) -> None:
    text = edited((15, '    motivering: "Nuläge: konceptet finns på alla skolor."'))
    assert found(text) == []
    # both ways the message on a ' #' gives
    assert found(edited((15, '    motivering: "Nuläge: klart, se ärende #12"'))) == []
    assert found(edited((15, '    motivering: "Nuläge: klart, se ärende" #12'))) == []


def test_a_dash_where_no_list_can_be_says_both_fixes(parser: str) -> None:
    """A text that begins with '- ' on the key's line: the indentation, or quotes."""
    text = edited((15, "    motivering: - Konceptet finns på alla skolor."))
    assert found(text) == [(15, 17, "yaml-syntax")]
    message = only_message(text)
    assert message == (
        "YAML-syntaxfel: En listrad ('- ') får inte stå här. Kontrollera indraget (en lista står "
        "på egna rader under sin nyckel); är det en text som börjar med '- ', sätt den inom "
        "citattecken."
    )


# A plain text over several lines with ': ' in it, or with only its first line in quotes: the
# advice is the block form, whole, in one step (decision 0658).
CONTINUED_BLOCK = (
    "Skriv texten som ett textblock: rad 15 blir 'motivering: |', och under den står {}, alla "
    "indragna 6 mellanslag (mer än nyckeln)."
)

RESULTAT = "'Resultat: fler besökare' och 'än 2024 och fler lån.'"


@pytest.mark.parametrize(
    ("edits", "where", "message"),
    [
        (
            [(15, "    motivering: Resultat: fler besökare\n      än 2024 och fler lån.")],
            (15, 5),
            "YAML-syntaxfel: Texten efter 'motivering:' fortsätter på rad 16 och innehåller ett "
            "kolon följt av mellanslag ('Resultat:'), och YAML läser det som början på en ny "
            "nyckel. " + CONTINUED_BLOCK.format(RESULTAT),
        ),
        (
            # A Word list pasted after "Vi har gjort följande:".
            [
                (
                    15,
                    "    motivering: Vi har gjort följande:\n      - Läsfrämjande\n"
                    "      - Öppna bibliotek\n      - Lovaktiviteter",
                )
            ],
            (15, 5),
            "YAML-syntaxfel: Texten efter 'motivering:' fortsätter på rad 16–18 och innehåller "
            "ett kolon sist på raden ('Vi har gjort följande:'), och YAML läser det som början "
            "på en ny nyckel. "
            + CONTINUED_BLOCK.format(
                "'Vi har gjort följande:', '- Läsfrämjande', '- Öppna bibliotek' och resten av "
                "textens rader"
            ),
        ),
        (
            [(15, "    motivering: Vi har\n      gjort: följande")],
            (15, 5),
            "YAML-syntaxfel: Texten efter 'motivering:' fortsätter på rad 16 och innehåller på "
            "rad 16 ett kolon följt av mellanslag ('gjort:'), och YAML läser det som början på "
            "en ny nyckel. " + CONTINUED_BLOCK.format("'Vi har' och 'gjort: följande'"),
        ),
        (
            # What the old advice led to: the first line in quotes, the rest outside them.
            [(15, '    motivering: "Resultat: fler besökare"\n      än 2024 och fler lån.')],
            (16, 7),
            "YAML-syntaxfel: Texten efter 'motivering:' på rad 15 står inom citattecken, men rad "
            "16 under den är indragen mer än nyckeln, och YAML kan inte läsa en fortsättning "
            "efter citattecknet. Hör raderna till texten, "
            + "s"
            + CONTINUED_BLOCK.format(RESULTAT)[1:],
        ),
    ],
)
def test_a_text_over_several_lines_gets_the_block_form(
    parser: str, edits: list[tuple[int, str]], where: tuple[int, int], message: str
) -> None:
    text = edited(*edits)
    assert found(text) == [(*where, "yaml-syntax")]
    assert only_message(text) == message


def test_a_text_below_its_key_with_a_colon_gets_the_block_form(parser: str) -> None:
    """'motivering:' and the text on the lines below without '|': a line ending in ':' before a
    list stops YAML there. Quotes would not do for a text of several lines (the advice was
    "sätt hela texten inom citattecken"): the block form keeps its lines and its list."""
    text = edited(
        (
            15,
            "    motivering:\n      Arbetet har fortsatt. Under\n      året har nämnden:\n"
            "      - startat läxhjälp,\n      - öppnat biblioteket.",
        )
    )
    assert found(text) == [(15, 5, "yaml-syntax")]
    assert only_message(text) == (
        "YAML-syntaxfel: Texten under 'motivering:' står på rad 16–19 utan '|' och har på rad "
        "17 ett kolon sist på raden ('året har nämnden:'), och YAML läser det som början på en "
        "ny nyckel. Skriv texten som ett textblock: rad 15 blir 'motivering: |', och under den "
        "står 'Arbetet har fortsatt. Under', 'året har nämnden:' och resten av textens rader, "
        "alla indragna 6 mellanslag (mer än nyckeln): då behålls varje rad, och rader som "
        "börjar med '- ' eller '1.' blir en lista i rapporten."
    )
    fixed = text.replace("    motivering:\n", "    motivering: |\n")
    assert found(fixed) == []


@pytest.mark.parametrize(
    "below",
    [
        # a mapping under the key whose second key is misindented: not a text
        "      Resultat: fler\n        besökare: många",
        # a list under the key: the list's own message
        "      - Arbetet har fortsatt.\n      året: klart",
    ],
)
def test_a_key_with_no_text_on_its_line_is_a_text_only_when_it_reads_as_one(
    parser: str, below: str
) -> None:
    message = only_message(edited((15, "    motivering:\n" + below)))
    assert "Texten under 'motivering:'" not in message


def test_a_long_first_line_is_not_shown_cut(parser: str) -> None:
    long = "Resultat: " + "fler besökare " * 6
    text = edited((15, f"    motivering: {long.strip()}\n      än 2024."))
    assert only_message(text).endswith(
        "Skriv texten som ett textblock: rad 15 blir 'motivering: |', och texten efter "
        "'motivering: ' flyttas till en egen rad under den, före textens övriga rader, alla "
        "indragna 6 mellanslag (mer än nyckeln)."
    )


def test_a_text_on_one_line_still_gets_quotes(parser: str) -> None:
    text = edited((15, "    motivering: Resultat: fler besökare"))
    assert 'Sätt hela texten inom citattecken: motivering: "Resultat: fler besökare"' in (
        only_message(text)
    )


TAB = (
    "YAML-syntaxfel: Rad {} börjar med ett tabbtecken, och tabbtecken får inte användas för "
    "indrag i YAML. Skriv indraget med {} mellanslag i stället ({}). (Att låta editorn byta "
    "tabbar mot mellanslag ger lika många mellanslag som dess tabbstorlek, vilket sällan är rätt "
    "antal.)"
)


@pytest.mark.parametrize(
    ("edits", "where", "message"),
    [
        # A key of the post: as many spaces as the key above it (VS Code's tab size 2 gives 2).
        ([(15, "\tmotivering: Klart.")], (15, 1), TAB.format(15, 4, "som 'bedomning' på rad 14")),
        ([(15, "  \tmotivering: Klart.")], (15, 3), TAB.format(15, 4, "som 'bedomning' på rad 14")),
        # A new post: as many as the '- ' of the post above.
        ([(25, '\t- insats: "1:2"')], (25, 1), TAB.format(25, 2, "som '-' på rad 7")),
        # The first post: two more than the list's key.
        ([(7, '\t- insats: "1:1"')], (7, 1), TAB.format(7, 2, "två mer än nyckeln på rad 6")),
    ],
)
def test_a_tab_as_indentation_is_told_the_spaces_the_line_needs(
    parser: str, edits: list[tuple[int, str]], where: tuple[int, int], message: str
) -> None:
    text = edited(*edits)
    assert found(text) == [(*where, "yaml-syntax")]
    assert only_message(text) == message
