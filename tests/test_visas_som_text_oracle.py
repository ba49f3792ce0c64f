"""visas-som-text fires exactly where CommonMark (markdown-it's own reading, as GitHub's
preview) makes a block of a nämnd's text that no report format shows as one: a heading, a rule,
a code block (indented or fenced) or a quote, at the top level or in a list item, however it is
spaced (docs/decisions/0546, 0551), and a table or struck text, as GitHub's Markdown (GFM)
shows them (0564). The oracle is markdown-it's CommonMark parser with nothing turned off and
GFM's table and strikethrough rules on, reading a list pasted from Word as the reports do
(``word_bullets``, 0548, 0565); the rule is the cheap pre-test
(``mdlinks.may_show_as_text``) and the preview reading (``mdlinks.preview_differences``)
behind it."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from utsatta import escape, lineends, mdlinks
from utsatta.check.rules.lankar import looks_otherwise
from utsatta.wordlist import word_bullets

#: GitHub's Markdown as markdown-it reads it: CommonMark with GFM's tables and struck text
#: (of two tildes or one, as GitHub)
GFM = MarkdownIt("commonmark", {"strikethrough_single_tilde": True}).enable(
    ["table", "strikethrough"]
)
#: what each block of the oracle is called by the rule
_KIND = {
    "heading_open": "rubrik",
    "hr": "linje",
    "code_block": "indrag",
    "fence": "staket",
    "blockquote_open": "citat",
    "table_open": "tabell",
    "s_open": "genomstruken",
}
#: the rule's kinds by the block they name ('stycken' and 'citatrader' are several lines of one)
_BLOCK_OF = {
    "rubrik": "rubrik",
    "understruken": "rubrik",
    "linje": "linje",
    "indrag": "indrag",
    "stycken": "indrag",
    "staket": "staket",
    "citat": "citat",
    "citatrader": "citat",
    "tabell": "tabell",
    "genomstruken": "genomstruken",
}


def _oracle(text: str) -> set[str]:
    """The blocks GFM reads in the text as written (LF line ends, tabs and all; a Word list as
    a Markdown list), of the kinds that no report format shows as such (``mdlinks.NOT_READ``,
    headings, tables, struck text)."""
    tokens = GFM.parse(lineends.to_lf(word_bullets(text)))
    inline = [child for tok in tokens for child in tok.children or []]
    return {_KIND[tok.type] for tok in tokens + inline if tok.type in _KIND}


def _rule(text: str) -> set[str]:
    """The blocks the warning names, when the pre-test lets the text through."""
    if not mdlinks.may_show_as_text(text):
        return set()
    return {_BLOCK_OF[kind] for kind, _, _ in looks_otherwise(text) if kind != "nastling"}


#: Pieces of the constructs (markers, indentation, the characters of rules and underlines,
#: fences) and of text, so that a few of them make every form and many near misses.
_PIECES = st.sampled_from(
    [" ", "  ", "   ", "    ", "\t", "\n", "\n", "\n\n", "\n ", "\n   ", "-", "--", "*", "_",
     "=", "#", "##", ">", "+", "1.", "2)", "10.", "0)", "```", "~~~", "`", "~", "a", "Text",
     "b c", "ö", "|", "|", "~~", "\u2022", "o\t"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_the_warning_fires_exactly_where_commonmark_reads_a_block(text: str) -> None:
    """Equal sets of kinds: what the preview reads (outermost quote or not, every paragraph
    of a code block) is named by kind, and nothing else is; a list nested too deep (its own
    kind, read by the reports' parser) is left out."""
    assume("nastling" not in {kind for kind, _, _ in looks_otherwise(text)})
    assume(escape.prose(text).count("\n") == lineends.to_lf(text).count("\n"))
    assert _rule(text) == _oracle(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_a_quote_names_every_line_with_a_mark(text: str) -> None:
    """Every line of an outermost quote that has a '>' before its text (what the advice asks
    to remove) is among the lines its warning names, and only those (0551)."""
    written = lineends.to_lf(text)
    lines = written.split("\n")
    outermost: list[tuple[int, int]] = []  # in no other quote (in a list item or not)
    depth = 0
    for tok in GFM.parse(written):
        if tok.type == "blockquote_open" and tok.map and not depth:
            outermost.append((tok.map[0], tok.map[1]))
        depth += {"blockquote_open": 1, "blockquote_close": -1}.get(tok.type, 0)
    named = [at for kind, at in mdlinks.preview_differences(text, written) if kind == "citat"]
    assume(escape.prose(text).count("\n") == written.count("\n"))
    assert len(named) == len(outermost)
    for (first, end), at in zip(outermost, named, strict=True):
        marked = [n for n in range(first + 1, end) if lines[n].lstrip(" \t").startswith(">")]
        assert at == (first, *marked)
