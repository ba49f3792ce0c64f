"""Links, images and addresses in a nämnd's Markdown: text in the .md report, and in the HTML
report only links to web addresses (docs/decisions/0096-lankar-som-text.md)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from utsatta import mdtext
from utsatta.render import markdown

# (the nämnd's text, the .md report's one line, the HTML report's paragraph)
LINKS = [
    (
        "Se [Rapport](https://goteborg.se/rapport).",
        "Se Rapport (`https://goteborg.se/rapport`).",
        '<p>Se <a href="https://goteborg.se/rapport">Rapport</a>.</p>',
    ),
    (
        '[Rapport](https://goteborg.se/r "Titel")',
        "Rapport (`https://goteborg.se/r`)",
        '<p><a href="https://goteborg.se/r" title="Titel">Rapport</a></p>',
    ),
    (
        "[Förskola](https://goteborg.se/förskola?a=1&b=2)",
        "Förskola (`https://goteborg.se/förskola?a=1&b=2`)",
        '<p><a href="https://goteborg.se/f%C3%B6rskola?a=1&amp;b=2">Förskola</a></p>',
    ),
    (
        "Se <https://goteborg.se/r>.",
        "Se `https://goteborg.se/r`.",
        '<p>Se <a href="https://goteborg.se/r">https://goteborg.se/r</a>.</p>',
    ),
    (
        "Se https://goteborg.se/r.",
        "Se `https://goteborg.se/r`.",
        "<p>Se https://goteborg.se/r.</p>",
    ),
    ("Se (www.goteborg.se)", "Se (`www.goteborg.se`)", "<p>Se (www.goteborg.se)</p>"),
    (
        "Mejla anna.a@goteborg.se!",
        "Mejla `anna.a@goteborg.se`!",
        "<p>Mejla anna.a@goteborg.se!</p>",
    ),
    (
        "![Karta över *Hjällbo*](https://goteborg.se/karta.png)",
        "Karta över *Hjällbo*",
        "<p>Karta över <em>Hjällbo</em></p>",
    ),
    (
        "[![Karta](https://x.se/k.png)](https://goteborg.se/k)",
        "Karta (`https://goteborg.se/k`)",
        '<p><a href="https://goteborg.se/k">Karta</a></p>',
    ),
    ("[](https://x.se)", "`https://x.se`", '<p><a href="https://x.se">https://x.se</a></p>'),
    ("[A](HTTPS://X.SE)", "A (`HTTPS://X.SE`)", '<p><a href="HTTPS://X.SE">A</a></p>'),
    # Any other scheme, or none: the text only.
    ("[Klicka](javascript:alert(1))", "Klicka", "<p>Klicka</p>"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "x", "<p>x</p>"),
    ("[x](file:///etc/passwd)", "x", "<p>x</p>"),
    ("[x](../hemlig.html)", "x", "<p>x</p>"),
    ("[x](//evil.example)", "x", "<p>x</p>"),
    ("[Anna](mailto:anna@goteborg.se)", "Anna", "<p>Anna</p>"),
    ("<javascript:alert(1)>", "javascript:alert(1)", "<p>javascript:alert(1)</p>"),
    ("<mailto:anna@goteborg.se>", "`mailto:anna@goteborg.se`", "<p>mailto:anna@goteborg.se</p>"),
    # Crafted brackets, escapes, entities and HTML.
    (
        "[a [b] c](https://x.se)",
        "a \\[b\\] c (`https://x.se`)",
        '<p><a href="https://x.se">a [b] c</a></p>',
    ),
    ("\\[a\\](https://x.se)", "\\[a\\](`https://x.se`)", "<p>[a](https://x.se)</p>"),
    ("[a](b)](https://x.se)", "a\\](`https://x.se`)", "<p>a](https://x.se)</p>"),
    ("[a\\](https://x.se)\\]", "\\[a\\](`https://x.se`)\\]", "<p>[a](https://x.se)]</p>"),
    (  # "#91" could be an issue reference on GitHub: inline code, as the address
        "&#91;a&#93;(https://x.se)",
        "&`#91`;a&`#93`;(`https://x.se`)",
        "<p>&amp;#91;a&amp;#93;(https://x.se)</p>",
    ),
    (
        "<a href='https://x.se'>a</a>",
        "\\<a href='`https://x.se`'>a\\</a>",
        "<p>&lt;a href='https://x.se'&gt;a&lt;/a&gt;</p>",
    ),
    (
        "[a](<https://x.se/a b>)",
        "a (`https://x.se/a%20b`)",
        '<p><a href="https://x.se/a%20b">a</a></p>',
    ),
    (
        "[a](https://x.se/`|`)",
        "a (`https://x.se/%60%7C%60`)",
        '<p><a href="https://x.se/%60%7C%60">a</a></p>',
    ),
    # a bidi override in an address is percent-encoded, as in a source's (0519), not dropped:
    # the link goes to the address the data holds, and no override reaches the page (0534)
    (
        "[x](https://a.se/\u202e)",
        "x (`https://a.se/%E2%80%AE`)",
        '<p><a href="https://a.se/%E2%80%AE">x</a></p>',
    ),
    # A bare address is inline code up to the first character that is no part of it (a quote,
    # a backslash, a brace) and without trailing punctuation; what follows is text.
    (
        '=HYPERLINK("http://evil.example/","klicka")',
        '\\=HYPERLINK("`http://evil.example/`","klicka")',
        "<p>=HYPERLINK(&quot;http://evil.example/&quot;,&quot;klicka&quot;)</p>",
    ),
    (
        "a'http://a.se/x'och\"www.b.se\".",
        "a'`http://a.se/x`'och\"`www.b.se`\".",
        "<p>a'http://a.se/x'och&quot;www.b.se&quot;.</p>",
    ),
    (
        "Se https://sv.wikipedia.org/wiki/Bo_(by)), klart",
        "Se `https://sv.wikipedia.org/wiki/Bo_(by)`), klart",
        "<p>Se https://sv.wikipedia.org/wiki/Bo_(by)), klart</p>",
    ),
    # Our own comparisons and an entity the nämnd wrote: as written, with no entity for a reader
    # of the unrendered file to decode, and no tag or autolink.
    ("8 > 0, 1 < 2 & 3", "8 > 0, 1 < 2 & 3", "<p>8 &gt; 0, 1 &lt; 2 &amp; 3</p>"),
    ("&gt; &#x202E; <b>", "\\&gt; \\&#x202E; \\<b>", "<p>&amp;gt; &amp;#x202E; &lt;b&gt;</p>"),
    ("<https://a.se>", "`https://a.se`", '<p><a href="https://a.se">https://a.se</a></p>'),
]


@pytest.mark.parametrize(("text", "md", "html"), LINKS)
def test_links_in_both_reports(text: str, md: str, html: str) -> None:
    assert markdown.inline(text) == md
    assert markdown.block(text) == md
    assert markdown.cell(text) == md
    assert str(markdown.richtext(text)) == html + "\n"


def test_a_quote_mark_at_a_line_start_is_text() -> None:
    assert markdown.inline("> citat") == "\\> citat"
    assert markdown.block("a\n> b\n\n- > c") == "a\n\\> b\n\n- \\> c"


def test_reference_links_become_text_and_their_definitions_go() -> None:
    text = (
        "Se [Rapport][r] och [r].\n\n[r]: https://goteborg.se/r\n[j]: javascript:alert(1)\n\n[J][j]"
    )
    assert markdown.block(text) == (
        "Se Rapport (`https://goteborg.se/r`) och r (`https://goteborg.se/r`).\n\nJ"
    )
    assert str(markdown.richtext(text)) == (
        '<p>Se <a href="https://goteborg.se/r">Rapport</a> och '
        '<a href="https://goteborg.se/r">r</a>.</p>\n<p>J</p>\n'
    )
    # One line has no room for a definition: the brackets are text.
    assert markdown.inline("[r]: https://x.se") == "\\[r\\]: `https://x.se`"


def test_lists_emphasis_and_nesting_stay_markdown() -> None:
    text = (
        "Vi har:\n- en *sak* med **fet** [länk](https://x.se)\n  - nästlad\n- - -\n\n3) tre\n"
        "4) fyra"
    )
    assert markdown.block(text) == (
        "Vi har:\n\n- en *sak* med **fet** länk (`https://x.se`)\n  - nästlad\n-\n  -\n    -"
        "\n\n3) tre\n4) fyra"
    )


def _gfm() -> MarkdownIt:
    # GitHub's Markdown as far as markdown-it has it: tables, strikethrough and raw HTML on.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


#: GitHub's autolink extension (GFM spec 6.9): text that would become a link on GitHub; and the
#: references it links in comments and job summaries (a mention, an issue, a commit SHA).
_GFM_AUTOLINK = re.compile(
    r"://|www\.|mailto:|xmpp:|[A-Za-z0-9._+-]@[A-Za-z0-9_-]+\.[A-Za-z0-9_-]"
    r"|@[0-9a-z]|#[0-9]|(?<![0-9a-z])gh-[0-9]|(?<![0-9a-z])[0-9a-f]{7,}(?![0-9a-z])",
    re.IGNORECASE,
)
_NEVER = {
    "link_open",
    "image",
    "html_inline",
    "html_block",
    "heading_open",
    "code_block",
    "fence",
    "table_open",
    "blockquote_open",
    "hr",
}


def _flat(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        out.append(tok)
        out.extend(_flat(tok.children or []))
    return out


def _text_runs(tokens: list[Token]) -> list[str]:
    """Consecutive text tokens, joined: what GitHub scans for bare addresses."""
    runs: list[str] = []
    for tok in tokens:
        if tok.type != "inline":
            continue
        run = ""
        for child in tok.children or []:
            if child.type == "text":
                run += child.content
            else:
                runs.append(run)
                run = ""
        runs.append(run)
    return runs


def assert_no_link(out: str) -> None:
    tokens = _gfm().parse(out)
    kinds = {t.type for t in _flat(tokens)}
    assert not kinds & _NEVER, (out, kinds & _NEVER)
    for run in _text_runs(tokens):
        assert not _GFM_AUTOLINK.search(run), (out, run)


PIECES = st.sampled_from(
    [
        "[", "]", "(", ")", "<", ">", "!", "\\", "`", "*", "_", "~", "|", "#", "-", "+", "=",
        "&", ";", "\"", "'", ":", "/", "@", ".", " ", "\n", "\n\n", "    ", "1.", "1)",
        "https://", "http://", "www.", "javascript:", "mailto:", "data:", "ftp://", "xmpp:",
        "a", "x.se", "](", "![", "<https://a.se>", "[r]: https://a.se\n", "[r]", "&#91;",
        "&#x5B;", "&lt;", "a@b.se", "- ", "* ", "> ", "```", "~~~", "---", "***", "<b>",
        "@x", "#1", "GH-", "gh-2", "org/repo", "a5c3785", "1234567", "deadbeef", "9",
    ]
)  # fmt: skip
HOSTILE = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=120)


@settings(max_examples=400, deadline=None)
@given(HOSTILE)
def test_no_link_image_or_html_from_any_text(text: str) -> None:
    """Whatever a nämnd writes, the .md report holds no link, image, raw HTML, heading, code
    block, quote, table or rule from it, and no text GitHub would make into a link."""
    assert_no_link(markdown.inline(text))
    assert_no_link(markdown.cell(text))
    assert_no_link("Rubrik\n\n" + markdown.block(text) + "\n")


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_html_links_only_to_web_addresses(text: str) -> None:
    html = str(markdown.richtext(text))
    assert "<img" not in html and "<script" not in html
    for href in re.findall(r"<a href=\"([^\"]*)\"", html):
        assert re.match(r"https?://", href, re.IGNORECASE), href
    assert html.count("<a ") == len(re.findall(r"<a href=\"", html))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # before: a break at 40 made "gh-2" a reference of its own (found by hypothesis)
        (
            "org/repoorg/repoorg/repodeadbeefdeadbeefgh-2",
            "org/repoorg/repoorg/repodeadbeefdeadbee\u200bfgh-2",
        ),
        # a break in "zabcdef1234567" would make a hex run stand alone: before the z
        ("q" * 33 + "-zabcdef1234567-x", "q" * 33 + "-\u200bzabcdef1234567-x"),
        ("-deadbeefg" * 5, "\\" + ("-deadbeefg" * 4) + "\u200b-deadbeefg"),
        ("ö" * 90, "\u200b".join(["ö" * 40, "ö" * 40, "ö" * 10])),
    ],
)
def test_breaking_a_long_word_makes_no_reference(text: str, want: str) -> None:
    assert markdown.cell(text) == want
    assert_no_link(markdown.cell(text))


def test_work_is_linear_in_long_hostile_words() -> None:
    """Long runs of what the address search looks at stay cheap (no backtracking blow-up)."""
    for text in ("@" * 50_000 + ".", "a" * 50_000 + "://", "[" * 20_000, "*a" * 20_000):
        assert markdown.cell(text)
        assert markdown.block(text)


# Plain paragraphs skip the parser (most of a report's texts): the same Markdown as through it.
_PLAIN_ALPHABET = st.sampled_from(
    [*list("ab Åö19 \n\n  .,;:?()%'\"–/&#>=-+@~|{}$^\xa0\t\u2028"), "www.", "https://x.se", "  \n"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PLAIN_ALPHABET, max_size=40).map("".join))
def test_plain_paragraphs_are_written_as_the_parser_would(text: str) -> None:
    assert mdtext.block(text) == mdtext.block_parsed(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ett stycke.\nEn rad till  \n   med mellanslag.\n\n\n  Nästa & sista > 2 # x\n= y",
        "  inledande\n    fyra mellanslag\n \nslut ",
        "a&#x202E;b www.x.se och a@b.se",
    ],
)
def test_plain_paragraphs_exact(text: str) -> None:
    assert mdtext.block(text) == mdtext.block_parsed(text)


# The plain path's test is one character class: every space but " " and "\n", every control and
# every markup character must send a text to the parser (or be written exactly as through it).
_SPECIAL = sorted(
    {chr(n) for n in range(0x3001) if chr(n).isspace() or (n < 0x100 and not chr(n).isprintable())}
    | set("\\`*_[]<!&>#=+-|~:@")
)


@pytest.mark.parametrize("char", _SPECIAL, ids=lambda c: f"U+{ord(c):04X}")
def test_plain_path_and_parser_agree_on_each_special_character(char: str) -> None:
    for text in (f"Ett {char}stycke{char}\nmed två rader{char}", f"{char}a\n\n{char}{char} b"):
        assert mdtext.block(text) == mdtext.block_parsed(text)


@pytest.mark.parametrize(
    "text", ["1. a", "  - a", "x\n  + y", "x\n3) y", "x\n\n\n\n  y  \n", "x \n\n-\n", "Ny www.X.se"]
)
def test_plain_path_and_parser_agree_on_list_lines_and_blank_runs(text: str) -> None:
    assert mdtext.block(text) == mdtext.block_parsed(text)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Se WWW.X.SE nu", "Se `WWW.X.SE` nu"),
        ("Se Www.x.se", "Se `Www.x.se`"),
        ("Skriv till MAILTO:ab", "Skriv till `MAILTO:ab`"),
        ("XMPP:chat hos oss", "`XMPP:chat` hos oss"),
        (
            "Ett stycke\n# inte en rubrik\n  > inget citat",
            "Ett stycke\n\\# inte en rubrik\n\\> inget citat",
        ),
    ],
)
def test_addresses_in_any_case_and_line_starts_in_plain_text(text: str, written: str) -> None:
    """The plain path's quick tests (no address mark, no line to change) miss nothing."""
    assert mdtext.block(text) == written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found by test_no_link_image_or_html_from_any_text (hypothesis) in session 11
        ("[r]: https://a.se\n@[r]: https://a.se\n", "@\u200br (`https://a.se`): `https://a.se`"),
        ("Se #[12](https://a.se).", "Se #\u200b12 (`https://a.se`)."),
        (
            "Till @[gbg](https://a.se) och gh[-5](https://a.se)",
            "Till @\u200bgbg (`https://a.se`) och gh\u200b-5 (`https://a.se`)",
        ),
        ("se [rapporten](https://a.se) nu", "se rapporten (`https://a.se`) nu"),
    ],
)
def test_a_link_text_never_joins_the_text_before_it_into_a_reference(
    text: str, expected: str
) -> None:
    # "@" + the link's text "r" would be the mention @r on GitHub: a break opportunity between
    # (a reference definition is Markdown of whole texts only: block)
    for fn in (markdown.block,) if "\n" in text else (markdown.block, markdown.inline):
        assert fn(text) == expected
