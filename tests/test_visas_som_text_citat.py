"""validate warns where a Markdown preview shows a quote ('>'), a rule ('---', '* * *') or a
heading ('## ', or a line of '=' or '-' under a paragraph) in a nämnd's text that every report
format shows otherwise (docs/decisions/0546, 0551; granska17b F6), in a list item too, naming
every line of a quote; the advice followed exactly leaves no warning, and the warning fires
exactly where CommonMark (markdown-it, as GitHub) reads such a block."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CASES, build_case
from utsatta import escape, mdlinks
from utsatta.check import validate

CASE_FILE = "data/rapporter/2023/grundskolenamnden.yaml"


def _found(data: str) -> list[tuple[str, int, int, str, str, str]]:
    return [
        (f.file, f.line, f.column, f.code, str(f.severity), f.message)
        for f in validate(data).findings
    ]


def test_validate_warns_at_a_quote_a_heading_and_a_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case(CASES / "visas-som-text-citat", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _found("data") == [
        (
            CASE_FILE,
            11,
            7,
            "visas-som-text",
            "varning",
            "Raderna '> En elev: \"Nu vågar jag gå hem själv.\"' och '> > Citat i citatet.' är "
            "ett citat i en Markdown-förhandsvisning (t.ex. på GitHub), men rapporten har inga "
            "citat: den visar '>' som ett tecken. Ta bort '>' (alla, om de är flera) och "
            "mellanslagen efter dem före texten på var och en av raderna; ett citat kan stå "
            "inom citattecken i stycket.",
        ),
        (
            CASE_FILE,
            18,
            7,
            "visas-som-text",
            "varning",
            "Raden '## Nästa år' blir en rubrik i en Markdown-förhandsvisning (t.ex. på GitHub), "
            "men rapporten har inga rubriker i en nämnds text: den visar '#' som tecken. Ta bort "
            "'#'-tecknen före rubrikens text; rubriken kan stå som ett eget stycke, t.ex. i "
            "fetstil (**rubrik**). Raden '---' blir en vågrät linje i en "
            "Markdown-förhandsvisning (t.ex. på GitHub), men rapporten har inga linjer: den "
            "visar tecknen. Ta bort raden.",
        ),
        (
            CASE_FILE,
            27,
            7,
            "visas-som-text",
            "varning",
            "Raden '===' gör texten ovanför till en rubrik i en Markdown-förhandsvisning (t.ex. "
            "på GitHub), men rapporten har inga rubriker i en nämnds text: den visar tecknen. "
            "Ta bort raden med tecknen; rubriken kan stå som ett eget stycke, t.ex. i fetstil "
            "(**rubrik**).",
        ),
        *NEW_FORMS,
    ]


#: A heading's look and what the advice says, as each message of NEW_FORMS ends.
_HEADING = (
    "blir en rubrik i en Markdown-förhandsvisning (t.ex. på GitHub), men rapporten har inga "
    "rubriker i en nämnds text: den visar '#' som tecken. Ta bort '#'-tecknen före rubrikens "
    "text; rubriken kan stå som ett eget stycke, t.ex. i fetstil (**rubrik**)."
)
_UNDERLINE = (
    "gör texten ovanför till en rubrik i en Markdown-förhandsvisning (t.ex. på GitHub), men "
    "rapporten har inga rubriker i en nämnds text: den visar tecknen."
)
_RULE = "blir en vågrät linje i en Markdown-förhandsvisning (t.ex. på GitHub), men rapporten "
_QUOTE = (
    "är ett citat i en Markdown-förhandsvisning (t.ex. på GitHub), men rapporten har inga "
    "citat: den visar '>' som ett tecken. Ta bort '>' (alla, om de är flera) och mellanslagen "
    "efter dem före texten på var och en av raderna; ett citat kan stå inom citattecken i "
    "stycket."
)

#: The case's insats 2:1, lines 34 on (decision 0551): a setext underline of one and of two
#: '-', rules spaced wider than one space, and a quote, headings and a code block in list items,
#: a one-'#' heading in a quoted text (no kommentar-i-text there), a quote of many lines.
NEW_FORMS = [
    (
        CASE_FILE,
        36,
        7,
        "visas-som-text",
        "varning",
        f"Raden '-' {_UNDERLINE} Raden '--' {_UNDERLINE} Ta bort raden med tecknen; rubriken kan "
        "stå som ett eget stycke, t.ex. i fetstil (**rubrik**).",
    ),
    (
        CASE_FILE,
        43,
        7,
        "visas-som-text",
        "varning",
        f"Raden '- - -' {_RULE}har inga linjer: den visar raden som en lista. Raden '* * *' "
        f"{_RULE}har inga linjer: den visar raden som en lista. Raden '_ _ _' {_RULE}har inga "
        "linjer: den visar tecknen. Ta bort raden.",
    ),
    (
        CASE_FILE,
        50,
        9,
        "visas-som-text",
        "varning",
        f"Raderna '- > Ett citat i en punkt' och '> som fortsätter.' {_QUOTE}",
    ),
    (
        CASE_FILE,
        53,
        9,
        "visas-som-text",
        "varning",
        f"Raden '1. ## Rubrik i en numrerad lista' {_HEADING}",
    ),
    (CASE_FILE, 55, 9, "visas-som-text", "varning", f"Raden '- # Rubrik i en punkt' {_HEADING}"),
    # a quoted text: its own place, not the line's
    (CASE_FILE, 56, 9, "visas-som-text", "varning", f"Raden '# Rubrik i texten' {_HEADING}"),
    (
        CASE_FILE,
        60,
        9,
        "visas-som-text",
        "varning",
        "Raden '- Kod i en punkt.' är indragen minst fyra mellanslag (eller en tabb) mer än "
        "texten den hör till: i en Markdown-förhandsvisning (t.ex. på GitHub) blir den ett "
        "kodblock, men rapporten visar den som ett vanligt stycke, utan indraget. Ta bort de "
        "extra mellanslagen (eller tabben) före texten på raden; ska raden vara en punkt i en "
        "lista, skriv '- ' först på raden.",
    ),
    (
        CASE_FILE,
        62,
        9,
        "visas-som-text",
        "varning",
        f"De 4 raderna med '>' från raden '> Rad ett' till raden '> rad fem' {_QUOTE}",
    ),
    # a code block in a quote: removing the '>' and the spaces after it ends both (md18c)
    (
        CASE_FILE,
        68,
        9,
        "visas-som-text",
        "varning",
        "Raden '> Kod i ett citat.' börjar ett citat i en Markdown-förhandsvisning (t.ex. på "
        "GitHub), men rapporten har inga citat: den visar '>' som ett tecken. Ta bort '>' (alla, "
        "om de är flera) och mellanslagen efter dem före texten på raden; ett citat kan stå inom "
        "citattecken i stycket. Raden '> Kod i ett citat.' är indragen minst fyra mellanslag "
        "(eller en tabb) mer än texten den hör till: i en Markdown-förhandsvisning (t.ex. på "
        "GitHub) blir den ett kodblock, men rapporten visar den som ett vanligt stycke, utan "
        "indraget. Ta bort de extra mellanslagen (eller tabben) före texten på raden; ska raden "
        "vara en punkt i en lista, skriv '- ' först på raden.",
    ),
]


def test_the_advice_followed_exactly_leaves_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each '>' before the text on every line of a quote the message names, the '#'s before
    a heading's text, the rule's line and the underline removed, as the messages say; in a
    list item too (0551)."""
    data = build_case(CASES / "visas-som-text-citat", tmp_path)
    monkeypatch.chdir(tmp_path)
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ('      > En elev: "Nu', '      En elev: "Nu'),
        ("      > > Citat", "      Citat"),
        ("      ## Nästa år", "      Nästa år"),
        ("      ---\n\n", ""),
        ("      Samordningen fungerar.\n      ===\n", "      Samordningen fungerar.\n"),
        # the new forms (NEW_FORMS)
        ("visningen visar.\n      -\n", "visningen visar.\n"),
        ("      Och en till\n      --\n", "      Och en till\n"),
        ("      -   -   -\n\n", ""),
        ("      *  *  *\n\n", ""),
        ("      _ _   _\n", ""),
        ("        - > Ett citat", "        - Ett citat"),
        ("          > som fortsätter", "          som fortsätter"),
        ("        1. ## Rubrik", "        1. Rubrik"),
        ("        - # Rubrik", "        - Rubrik"),
        ("        # Rubrik i texten'", "        Rubrik i texten'"),
        ("        -      Kod i en punkt.", "        - Kod i en punkt."),
        ("        > Rad ett\n        > rad två\n", "        Rad ett\n        rad två\n"),
        ("        > rad fyra\n        > rad fem\n", "        rad fyra\n        rad fem\n"),
        ("        >     Kod i ett citat.", "        Kod i ett citat."),
    ]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert _found("data") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the outermost quote only, each of its lines with a '>' (not the lazy one)
        ("> a\n> > b\nlat fortsättning\n", [("citat", (0, 1))]),
        ("> a\nlat\n> b\n\n> c\n", [("citat", (0, 2)), ("citat", (4,))]),
        ("Text.\n\n   > tre mellanslag", [("citat", (2,))]),
        ("# Rubrik\n", [("rubrik", (0,))]),  # kommentar-i-text warns in a block text (0539)
        ("  #\n", [("rubrik", (0,))]),
        ("- # Rubrik\n", [("rubrik", (0,))]),  # a heading in a list item: no comment
        ("- > citat\n  > två\n", [("citat", (0, 1))]),
        ("1. ## Rubrik\n", [("rubrik", (0,))]),
        ("2) ---\n", [("linje", (0,))]),
        ("+ Punkt\n\n  Rubrik\n  -\n", [("understruken", (3,))]),
        ("-      kod\n", [("indrag", (0,))]),  # five spaces after the marker
        (">     kod\n", [("citat", (0,)), ("indrag", (0,))]),  # code in a quote
        ("Rubrik\n-\n", [("understruken", (1,))]),  # one or two '-': a setext underline
        ("Rubrik\n  --  \n", [("understruken", (1,))]),
        ("-   -   -\n", [("linje", (0,))]),  # spaced wider than one space
        ("a\n\n*  *\t*\n", [("linje", (2,))]),
        ("a\n\n_ _   _\n", [("linje", (2,))]),
        ("- a\n-\n", []),  # an empty item after a list's: no underline
        ("2023 var ett år.\n1 200 elever.\n", []),
        ("### Rubrik\n", [("rubrik", (0,))]),
        ("> ## x\n", [("citat", (0,)), ("rubrik", (0,))]),
        ("Rubrik\n===\n", [("understruken", (1,))]),
        ("Text\n---\n", [("understruken", (1,))]),
        ("a\n\n* * *\n", [("linje", (2,))]),
        ("a\n\n___\n", [("linje", (2,))]),
        ("#hashtagg och #1\n", []),  # no space after '#': no heading
        ("Från 3 -> 4 och a > b.\n", []),
        ("En -- två - - tre --- fyra\n", []),  # not first on a line
        ("**fet** *kursiv*\n", []),
    ],
)
def test_preview_differences(text: str, found: list[tuple[str, tuple[int, ...]]]) -> None:
    """Found as a preview reads the text; every such text passes
    :func:`mdlinks.may_show_as_text`, the pre-test validate runs on every text."""
    assert mdlinks.preview_differences(escape.prose(text), text) == found
    if found:
        assert mdlinks.may_show_as_text(text)


def test_a_heading_first_on_its_line_is_left_to_kommentar_i_text_in_a_block_text() -> None:
    """'# text' (or a lone '#') first on its line is a heading like any other, said in the same
    words, unless ``block`` says the text is a block text, where kommentar-i-text warns at the
    line (0539, 0551); ``block`` is asked once per text, and only for such a heading."""
    from utsatta.check.rules.lankar import looks_otherwise

    text = "# Ett\n\n- # Två\n\n  #\n"
    asked: list[str] = []

    def block() -> bool:
        asked.append(text)
        return True

    found = looks_otherwise(text)
    assert [(kind, line) for kind, _, line in found] == [
        ("rubrik", 0),
        ("rubrik", 2),
        ("rubrik", 4),
    ]
    assert found[0][1] == (
        "Raden '# Ett' blir en rubrik i en Markdown-förhandsvisning (t.ex. på GitHub), men "
        "rapporten har inga rubriker i en nämnds text: den visar '#' som tecken."
    )
    assert looks_otherwise(text, block=lambda: False) == found
    assert looks_otherwise(text, block=block) == [found[1]]
    assert asked == [text]
    assert looks_otherwise("## Ett\n\n- # Två\n", block=block) == [
        ("rubrik", "Raden '## Ett' " + found[0][1].removeprefix("Raden '# Ett' "), 0),
        ("rubrik", found[1][1], 2),
    ]
    assert asked == [text]


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("# Rubrik\n", [0]),
        ("  #\n", [0]),
        ("   #\tRubrik\n", [0]),  # a tab after the '#' (a space in the reports)
        ("#\n", [0]),
        ("## Rubrik\n", []),
        ("- # Rubrik\n", []),
        ("> # Rubrik\n", []),
        ("1. # Rubrik\n", []),
        ("- Punkt\n\n  # Rubrik i punkten\n", [2]),  # first on its line, in the item
        ("Text\n\n# Ett\n\n## Två\n", [2]),
    ],
)
def test_which_headings_are_left_to_kommentar_i_text(text: str, left_out: list[int]) -> None:
    """In a block text, the headings left out are exactly those on a line that kommentar-i-text
    finds ('# text' or a lone '#' first on it: ``block_comment.looks_like_comment``, the
    one place that says so); every other heading is warned about as in any text."""
    from utsatta.check.rules.lankar import looks_otherwise
    from utsatta.load.block_comment import looks_like_comment

    everywhere = looks_otherwise(text)
    headings = [line for kind, _, line in everywhere if kind == "rubrik"]
    assert headings
    in_block = looks_otherwise(text, block=lambda: True)
    assert [f for f in everywhere if f[2] not in left_out] == in_block
    lines = text.split("\n")
    assert [line for line in headings if looks_like_comment(lines[line])] == left_out
