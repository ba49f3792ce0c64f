"""validate warns where a Markdown preview shows a nämnd's text otherwise than every report
format (granska17 F-n, F-o; docs/decisions/0546, 0547): a line indented four spaces more (a
code block in a preview, a paragraph in the reports), a fence (```), and a list nested deeper
than the reports keep as a list (read flat). The warning is ``visas-som-text``, like a link
that loses its address; a plain field (shown as written) gets none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CASES, build_case
from utsatta import escape, mdlinks
from utsatta.check import validate

INDENTED = "Inledning.\n\n    Indragen med fyra extra mellanslag.\n"
FENCED = "Före staketet.\n```\nkodrad\n```\n"
DEEP = "Början.\n\n" + "".join(f"{'  ' * i}- nivå {i}\n" for i in range(12))

CASE_FILE = "data/rapporter/2023/grundskolenamnden.yaml"


def test_validate_warns_where_a_preview_shows_a_code_block_or_a_cut_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The line a preview shows as a code block (indented, or after ```) and the first item
    nested too deep, each with what the report shows and the fix (decisions 0546, 0547); a
    nested list indented four spaces is a list in both, no warning."""
    build_case(CASES / "visas-som-text-kodblock", tmp_path)
    monkeypatch.chdir(tmp_path)
    got = [
        (f.file, f.line, f.column, f.code, str(f.severity), f.message)
        for f in validate("data").findings
    ]
    assert got == [
        (
            CASE_FILE,
            11,
            11,
            "visas-som-text",
            "varning",
            "Raden 'Ett stycke indraget fyra extra mellanslag, som i ett citat.' är indragen "
            "minst fyra mellanslag (eller en tabb) mer än texten den hör till: i en "
            "Markdown-förhandsvisning (t.ex. på GitHub) blir den ett kodblock, men rapporten "
            "visar den som ett vanligt stycke, utan indraget. Ta bort de extra mellanslagen "
            "(eller tabben) före texten på raden; ska raden vara en punkt i en lista, skriv '- ' "
            "först på raden.",
        ),
        (
            CASE_FILE,
            16,
            7,
            "visas-som-text",
            "varning",
            "Raden '```' börjar ett kodblock i en Markdown-förhandsvisning, men rapporten har "
            "inga kodblock: den visar tecknen och raderna efter som vanlig text. Ta bort raderna "
            "med ``` (eller ~~~) och skriv texten som vanliga stycken.",
        ),
        (
            CASE_FILE,
            30,
            25,
            "visas-som-text",
            "varning",
            "Listan vid raden '- nivå 10' är nästlad djupare än nio nivåer, fler än rapporten "
            "visar som en lista: rapporten visar hela texten som vanliga stycken, med "
            "listtecknen som text. Minska indraget så att listan har högst nio nivåer.",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (INDENTED, [("indrag", (2,))]),
        (FENCED, [("staket", (1,))]),
        ("a\n~~~\nb", [("staket", (1,))]),
        (DEEP, [("nastling", (11,))]),
        # a tab is a code block's indent in a preview; each paragraph's first line (F5)
        ("\t\tx\n\n\t\t\t\ty", [("indrag", (0, 2))]),
        ("a\n\n\tb\n\tc\n \t\n\td\n\n\n\te", [("indrag", (2, 5, 8))]),
        ("Text.\n\n  \tmed en tabb", [("indrag", (2,))]),
        ("Text.\n\n\u2022\tpunkt", []),  # a Word bullet: no indentation
        ("- a\n    - b\n\n1. c\n   1. d", []),  # nested lists, in a preview too
        ("Vanlig text.\n\nMed två stycken.", []),
    ],
)
def test_preview_differences(text: str, found: list[tuple[str, tuple[int, ...]]]) -> None:
    """Code blocks as a preview reads the text as written (tabs and all), deep lists as the
    reports read it; :func:`mdlinks.may_show_as_text` keeps every such text for validate."""
    assert mdlinks.preview_differences(escape.prose(text), text) == found
    assert mdlinks.may_show_as_text(text) is (
        bool(found) or "    " in text or text.startswith("\t")
    )


def test_a_plain_field_gets_no_code_block_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contact (a plain field, shown as written, no Markdown) indented four spaces more and
    with a ``` line: no warning, as the reports read no Markdown in it."""
    data = build_case(CASES / "visas-som-text-kodblock", tmp_path)
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "illustrativ: true\n",
        "illustrativ: true\nkontakt: |\n  Förvaltningen\n\n      indragen\n  ```\n",
    )
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    lines = [f.line for f in validate("data").findings if f.code == "visas-som-text"]
    assert lines == [16, 21, 35]  # the three of the free texts, five lines down


#: Word's indented paragraphs (a tab first in each), one of two lines: one code block in a
#: preview (granska17b F5)
WORD_PARAGRAPHS = (
    "    fortsatt_arbete: |\n      Vi fortsätter.\n\n"
    "      \tFörsta stycket med indrag från Word.\n      \tmed en andra rad.\n\n"
    "      \tAndra stycket med indrag.\n\n      \tTredje stycket.\n"
)
#: the three warnings of the case folder, at the lines of its other texts
CASE_LINES = [11, 16, 30]


def _with_paragraphs(tmp_path: Path, paragraphs: str) -> Path:
    data = build_case(CASES / "visas-som-text-kodblock", tmp_path)
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    fortsatt_arbete: Vi fortsätter.\n") == 1
    path.write_text(text.replace("    fortsatt_arbete: Vi fortsätter.\n", paragraphs), "utf-8")
    return path


def _warnings(path: Path) -> list[tuple[int, int, str]]:
    return [
        (f.line, f.column, f.message)
        for f in validate("data").findings
        if f.code == "visas-som-text" and f.line not in CASE_LINES
    ]


def test_indented_paragraphs_are_named_each_and_the_advice_followed_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three tab-indented paragraphs: one warning naming each paragraph's first line (not only
    the first, granska17b F5); removing the tab first on exactly those lines leaves no warning
    (a paragraph's second line, still indented, continues it)."""
    path = _with_paragraphs(tmp_path, WORD_PARAGRAPHS)
    monkeypatch.chdir(tmp_path)
    assert _warnings(path) == [
        (
            42,
            7,
            "Styckena som börjar med raderna 'Första stycket med indrag från Word.', 'Andra "
            "stycket med indrag.' och 'Tredje stycket.' är indragna minst fyra mellanslag "
            "(eller en tabb) mer än texten de hör till: i en Markdown-förhandsvisning (t.ex. på "
            "GitHub) blir de ett kodblock, men rapporten visar dem som vanliga stycken, utan "
            "indraget. Ta bort de extra mellanslagen (eller tabben) först i vart och ett av "
            "styckena; ska ett stycke vara en punkt i en lista, skriv '- ' först i det.",
        )
    ]
    named = ["Första stycket med indrag från Word.", "Andra stycket med indrag.", "Tredje stycket."]
    lines = path.read_text(encoding="utf-8").split("\n")
    fixed = [f"      {line.strip()}" if line.strip() in named else line for line in lines]
    assert sum(a != b for a, b in zip(lines, fixed, strict=True)) == 3
    path.write_text("\n".join(fixed), encoding="utf-8")
    assert _warnings(path) == []


def test_many_indented_paragraphs_name_the_first_and_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past three paragraphs the warning names the first and the last and how many; the tab
    removed first in each of them leaves no warning."""
    paragraphs = "".join(f"\n      \tStycke {n}.\n" for n in range(1, 6))
    path = _with_paragraphs(tmp_path, f"    fortsatt_arbete: |\n      Vi fortsätter.\n{paragraphs}")
    monkeypatch.chdir(tmp_path)
    assert _warnings(path) == [
        (
            42,
            7,
            "De 5 styckena från raden 'Stycke 1.' till raden 'Stycke 5.' är indragna minst fyra "
            "mellanslag (eller en tabb) mer än texten de hör till: i en Markdown-förhandsvisning "
            "(t.ex. på GitHub) blir de ett kodblock, men rapporten visar dem som vanliga stycken, "
            "utan indraget. Ta bort de extra mellanslagen (eller tabben) först i vart och ett av "
            "styckena; ska ett stycke vara en punkt i en lista, skriv '- ' först i det.",
        )
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("      \tStycke", "      Stycke"))
    assert _warnings(path) == []


#: a list pasted from Word with blank lines between its items, three levels (granska18b A3):
#: the reports show a nested list (``word_bullets``, 0548), and so does the check read it
WORD_BLANK = "Vi har:\n\n\u2022\tEtt\n\n\to\tTvå\n\n\t\t\u00a7\tTre\n\n\u2022\tFyra"
#: eleven Word levels, one tab more each: past the nine the reports keep as a list
WORD_STAIRS = "\n".join("\t" * i + f"\u2022\tx{i}" for i in range(11))


def _block(text: str) -> str:
    return "    fortsatt_arbete: |\n" + "".join(f"      {line}\n" for line in text.split("\n"))


def test_a_word_list_is_read_as_the_reports_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate judges the text the reports show (0565): a Word list with blank lines is a
    nested list there, no code block, so no warning (granska18b A3)."""
    path = _with_paragraphs(tmp_path, _block(WORD_BLANK))
    monkeypatch.chdir(tmp_path)
    assert _warnings(path) == []
    assert mdlinks.may_show_as_text(WORD_BLANK)  # the pre-test reads it as a list too


def test_a_word_list_past_nine_levels_warns_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eleven Word levels: the reports read the text flat, as the same list in Markdown; the
    warning is at the file's line of the first item too deep ('x9', as for '  ' * 9 + '- x9'),
    its column the line's first character (word_bullets keeps the lines)."""
    path = _with_paragraphs(tmp_path, _block(WORD_STAIRS))
    monkeypatch.chdir(tmp_path)
    got = _warnings(path)
    assert got == [
        (
            49,
            7,
            "Listan vid raden '• x9' är nästlad djupare än nio nivåer, fler än rapporten visar "
            "som en lista: rapporten visar hela texten som vanliga stycken, med listtecknen som "
            "text. Minska indraget så att listan har högst nio nivåer.",
        )
    ]
    assert (
        path.read_text(encoding="utf-8").split("\n")[49 - 1] == "      " + "\t" * 9 + "\u2022\tx9"
    )
    markdown = "\n".join("  " * i + f"- x{i}" for i in range(11))
    assert mdlinks.preview_differences(markdown, markdown) == [("nastling", (9,))]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Vi har:\n\u2022\t## Rubrik i en punkt", ["rubrik"]),
        ("o\t> citat i Words andra nivå", ["citat"]),
        ("Text.\n\u00a7\t---", ["linje"]),
        ("\uf0b7 ```", ["staket"]),
        ("Ett \u2022 mitt i raden och o\tmitt i.", []),
    ],
)
def test_the_pre_test_lets_a_word_list_through_as_a_list(text: str, kinds: list[str]) -> None:
    """A Word bullet first on a line is a list marker to the reports, so what follows it may be
    a block in a list item (``- ## Rubrik``): the pre-test lets such a text through (0565)."""
    from utsatta.check.rules.lankar import looks_otherwise

    assert [kind for kind, _, _ in looks_otherwise(text)] == kinds
    assert mdlinks.may_show_as_text(text) is bool(kinds)
