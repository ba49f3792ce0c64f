"""validate warns where a Markdown preview shows a quote ('>'), a rule ('---') or a heading
('## ', or a line of '=' or '-' under a paragraph) in a nämnd's text that every report format
shows as characters (docs/decisions/0546; granska17b F6), and the advice followed exactly
leaves no warning."""

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
            "Raden '> En elev: \"Nu vågar jag gå hem själv.\"' börjar ett citat i en "
            "Markdown-förhandsvisning (t.ex. på GitHub), men rapporten har inga citat: den visar "
            "'>' som ett tecken. Ta bort '>' (alla, om de är flera) först på varje rad i "
            "citatet; ett citat kan stå inom citattecken i stycket.",
        ),
        (
            CASE_FILE,
            18,
            7,
            "visas-som-text",
            "varning",
            "Raden '## Nästa år' blir en rubrik i en Markdown-förhandsvisning (t.ex. på GitHub), "
            "men rapporten har inga rubriker i en nämnds text: den visar '#' som tecken. Ta bort "
            "'#'-tecknen först på raden; rubriken kan stå som ett eget stycke, t.ex. i fetstil "
            "(**rubrik**). Raden '---' blir en vågrät linje i en Markdown-förhandsvisning (t.ex. "
            "på GitHub), men rapporten har inga linjer: den visar tecknen. Ta bort raden.",
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
    ]


def test_the_advice_followed_exactly_leaves_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each '>' first on the quote's lines, the '#'s first on the heading's line, the rule's
    line and the underline removed, as the messages say."""
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
    ]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert _found("data") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("> a\n> > b\nlat fortsättning\n", [("citat", (0,))]),  # the outermost quote only
        ("Text.\n\n   > tre mellanslag", [("citat", (2,))]),
        ("# Rubrik\n", []),  # kommentar-i-text warns there (0539)
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
