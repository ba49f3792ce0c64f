"""A character reference written in a text (``&#0;``) shows as the characters it is in the
Markdown and the HTML report, without a code span: ``#0`` is no GitHub reference, as GitHub
numbers issues and pull requests from 1 (decision 0679). ``#65`` may be one, and keeps its
code span (docs/decisions/0096)."""

from __future__ import annotations

import pytest

from utsatta.escape import md_block, md_cell, md_text, summary_cell
from utsatta.mdlinks import link_pieces
from utsatta.render.markdown import richtext


@pytest.mark.parametrize(
    ("text", "md"),
    [
        ("A &#0; B", "A \\&#0; B"),
        ("&#0;", "\\&#0;"),
        ("A &#00; och &#012; B", "A \\&#00; och \\&#012; B"),
        ("Rum #0 och #012", "Rum #0 och #012"),
        ("#0", "\\#0"),  # first on a line: a heading mark, escaped
        ("GH-0", "GH-0"),
        # a reference GitHub may link stays a code span
        ("A &#65; B", "A &`#65`; B"),
        ("GH-12", "`GH-12`"),
    ],
)
def test_markdown(text: str, md: str) -> None:
    assert md_block(text) == md
    assert md_text(text) == md
    assert md_cell(text) == md


def test_html_shows_the_characters() -> None:
    assert str(richtext("A &#0; B")) == "<p>A &amp;#0; B</p>\n"
    assert str(richtext("A &#65; B")) == "<p>A &amp;#65; B</p>\n"


def test_no_reference_in_a_word_with_hash_zero() -> None:
    assert link_pieces("&#0;") == [("&#0;", False)]
    assert link_pieces("&#1;") == [("&", False), ("#1", True), (";", False)]
    assert "`" not in summary_cell("A &#0; B")
