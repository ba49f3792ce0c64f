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
            "(eller tabben) först på raden; ska raden vara en punkt i en lista, skriv '- ' först "
            "på raden.",
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
        (INDENTED, [("indrag", 2)]),
        (FENCED, [("staket", 1)]),
        ("a\n~~~\nb", [("staket", 1)]),
        (DEEP, [("nastling", 11)]),
        ("\t\tx\n\n\t\t\t\ty", [("indrag", 0)]),  # a tab is a code block's indent in a preview
        ("Text.\n\n  \tmed en tabb", [("indrag", 2)]),
        ("Text.\n\n\u2022\tpunkt", []),  # a Word bullet: no indentation
        ("- a\n    - b\n\n1. c\n   1. d", []),  # nested lists, in a preview too
        ("Vanlig text.\n\nMed två stycken.", []),
    ],
)
def test_preview_differences(text: str, found: list[tuple[str, int]]) -> None:
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
