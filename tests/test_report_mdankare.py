"""Links in the Markdown report go to the heading GitHub gives that anchor: every heading of the
document is slugged in order with GitHub's numbering, so an indicator named like a section
heading, two indicators with one name, or names with punctuation and å/ä/ö still link right.

Data: tests/fixtures/report-data (2023) with the indicators renamed per test.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from utsatta import escape
from utsatta.load.dataset import load
from utsatta.render.report import build, render, report_text
from utsatta.render.report.mdankare import github_slug, heading_texts, slugs

SHIPPED = Path(__file__).parent.parent / "data"

FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
IDS = ("behorighet-gymnasiet", "trygghet-kvall", "utan-behorighet")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Bilaga E. Metod och definitioner", "bilaga-e-metod-och-definitioner"),
        ("Insats 1:1 · Grundskolenämnden", "insats-11--grundskolenämnden"),
        ("Anmälda våldsbrott, antal/100 000 invånare", "anmälda-våldsbrott-antal100-000-invånare"),
        ("Tynnered/Grevegården/Opaltorget", "tynneredgrevegårdenopaltorget"),
        ("C++ & snake_case – x²", "c--snake_case--x"),
        ("ÅÄÖ (illustrativ text)", "åäö-illustrativ-text"),
    ],
)
def test_github_slug(text: str, slug: str) -> None:
    assert github_slug(text) == slug


def test_repeated_slugs_are_numbered_as_github_numbers_them() -> None:
    assert slugs(["Foo", "foo", "Foo-1", "foo"]) == ["foo", "foo-1", "foo-1-1", "foo-2"]


def _report(tmp_path: Path, names: dict[str, str]) -> str:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    for ident, namn in names.items():
        path = root / "indikatorer" / f"{ident}.yaml"
        text = path.read_text(encoding="utf-8")
        old = re.search(r"(?m)^namn: .*$", text)
        assert old is not None
        quoted = "'" + namn.replace("'", "''") + "'"
        text = text[: old.start()] + "namn: " + quoted + text[old.end() :]
        path.write_text(text, encoding="utf-8")
    return render(build(load(root), 2023), "md")


def _headings(md: str) -> dict[str, str]:
    """Every heading's GitHub anchor -> its text as rendered, in document order."""
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    texts = [
        "".join(
            c.content for c in tokens[n + 1].children or [] if c.type in ("text", "code_inline")
        )
        for n, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    return dict(zip(slugs(texts), texts, strict=True))


def _links_to_indicators(md: str) -> dict[str, set[str]]:
    """The anchor of each status link in the indicator tables, per row's first cell."""
    out: dict[str, set[str]] = {}
    for row in re.findall(r"(?m)^\| (.+?) \|.*\]\(#([^)]+)\)", md):
        out.setdefault(row[0], set()).add(row[1])
    return out


@pytest.mark.parametrize(
    "names",
    [
        # a name equal to a section heading, twice: the section keeps "indikatorer"
        {"behorighet-gymnasiet": "Indikatorer", "trygghet-kvall": "Indikatorer"},
        # a name equal to a later appendix heading and one with punctuation and å, ä, ö
        {
            "behorighet-gymnasiet": "Bilaga E. Metod och definitioner",
            "trygghet-kvall": "Trygghet: Å/Ä/Ö – kväll (%), snake_case & *stjärna*",
            "utan-behorighet": "Källor",
        },
    ],
)
def test_every_link_goes_to_its_own_heading(tmp_path: Path, names: dict[str, str]) -> None:
    md = _report(tmp_path, names)
    assert "\x02" not in md and "\x03" not in md
    headings = _headings(md)
    links = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert links <= set(headings), links - set(headings)
    # each section link still goes to its section, not to an indicator named like it
    assert headings[next(lk for lk in links if lk.startswith("bilaga-e"))].startswith("Bilaga E")
    by_name = _links_to_indicators(md)
    for namn in set(names.values()):
        anchors = by_name.get(escape.md_text_cell(namn), set())
        assert anchors, namn
        # each indicator's heading is the #### heading with its name (Bilaga D), never a section;
        # a name is plain text, so "*stjärna*" reads as written (docs/decisions/0321)
        for a in anchors:
            assert headings[a] == namn
    if list(names.values()).count("Indikatorer") == 2:
        assert by_name["Indikatorer"] == {"indikatorer-1", "indikatorer-2"}
        assert "(#indikatorer)" not in md


def _whole(text: str) -> list[tuple[int, str]]:
    """The reference: the whole document parsed (blocks and inline), every heading's text."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = md.parse(text)
    return [
        (
            tok.map[0],
            "".join(
                c.content
                for c in tokens[n + 1].children or []
                if c.type in ("text", "code_inline", "html_inline")
            ),
        )
        for n, tok in enumerate(tokens)
        if tok.type == "heading_open" and tok.map is not None
    ]


def test_headings_read_line_by_line_are_the_headings_of_the_whole_parse() -> None:
    """The fast reading (ATX lines one by one, for a document with nothing that could make a
    line that looks like a heading no heading) gives what the whole document's parse gives:
    on the real reports, and on headings with markup, escapes, entities and code; a document
    with a fence is read whole."""
    tricky = (
        "# Rubrik *med* `kod` och [länk](x) \\*ej\\* &amp; å ##\n\ntext\n\n"
        "## Indikatorer\n- punkt\n### Indikatorer\n| a | b |\n|---|---|\n| 1 | 2 |\n#\n"
    )
    documents = [tricky, "# A\n```\n# inte en rubrik\n```\n# B\n"]
    for year in (2023, 2025):
        documents.append(report_text(load(SHIPPED), year, "md"))
    for text in documents:
        assert heading_texts(text) == _whole(text)
    assert [t for _, t in heading_texts(documents[1])] == ["A", "B"]
