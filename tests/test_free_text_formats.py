"""A nämnd's free text shows the same in every report format, and no word of it is lost
(granska17 F-n, F-o, F-j; docs/decisions/0546–0548): an indented paragraph or a ``` line is
no code block in HTML and PDF (where it ran off the page) any more than in the .md report, a
list nested deeper than markdown-it keeps is read flat instead of cut, and a list pasted from
Word is a list in every format, as a numbered paste is."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support import need_poppler, need_weasyprint
from utsatta import escape, mdtext
from utsatta.load.dataset import load
from utsatta.render import markdown
from utsatta.render.report import build, render

FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
YEAR = 2023
FILE = Path("rapporter/2023/kulturnamnden.yaml")

#: letters only: list markers ("1."), escapes and punctuation differ by format, words do not
_WORDS = re.compile(r"[^\W\d_]+")


def words(text: str) -> set[str]:
    return set(_WORDS.findall(text))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_words(html: str) -> set[str]:
    parser = _Text()
    parser.feed(html)
    return words(" ".join(parser.parts))


def md_words(md: str) -> set[str]:
    # A backslash escape is no part of a word; a zero-width space breaks no word for a reader.
    return words(md.replace("\\", " ").replace("\u200b", ""))


# --- one text, every format -----------------------------------------------------------------------

INDENTED = (
    "Inledning före stycket.\n\n"
    "    Indragen med fyra extra mellanslag och en lång mening som fortsätter förbi sidans "
    "högra kant eftersom ett kodblock inte radbryts slutordindrag.\n"
)
FENCED = "Före staketet.\n```\nkodrad inne i staketet som fortsätter långt slutordstaket\n```\n"
QUOTE_AND_RULE = "Citatet:\n\n> ett citat\n\n---\n\nEfter linjen."


@pytest.mark.parametrize("text", [INDENTED, FENCED, QUOTE_AND_RULE])
def test_no_code_block_quote_or_rule_in_html_as_in_markdown(text: str) -> None:
    html = str(markdown.richtext(text))
    assert not re.search(r"<(pre|code|blockquote|hr)\b", html), html
    md = markdown.block(text)
    assert html_words(html) == md_words(md) == words(text)


def test_an_indented_paragraph_is_a_paragraph_in_both() -> None:
    assert str(markdown.richtext(INDENTED)) == (
        "<p>Inledning före stycket.</p>\n<p>Indragen med fyra extra mellanslag och en lång "
        "mening som fortsätter förbi sidans högra kant eftersom ett kodblock inte radbryts "
        "slutordindrag.</p>\n"
    )
    assert markdown.block(INDENTED) == (
        "Inledning före stycket.\n\nIndragen med fyra extra mellanslag och en lång mening som "
        "fortsätter förbi sidans högra kant eftersom ett kodblock inte radbryts slutordindrag."
    )


# --- Word bullets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bullet",
    [
        "\u2022\t", "\u2022 ", "\u25e6\t", "\u25aa\t", "\u00b7\t", "\uf0b7\t", "o\t",
        "\u00a7\t", "\uf0a7\t", "\uf0a7 ", "\uf0d8\t", "\uf0fc\t", "\uf076\t",
    ],
)  # fmt: skip
def test_a_word_bullet_list_is_a_list_in_every_format(bullet: str) -> None:
    text = f"Vi har:\n{bullet}byggt om entrén\n{bullet}bytt belysning\n1.\tFörsta steget"
    assert markdown.block(text) == (
        "Vi har:\n\n- byggt om entrén\n- bytt belysning\n\n1. Första steget"
    )
    assert str(markdown.richtext(text)) == (
        "<p>Vi har:</p>\n<ul>\n<li>byggt om entrén</li>\n<li>bytt belysning</li>\n</ul>\n"
        "<ol>\n<li>Första steget</li>\n</ol>\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "o lagat grinden",  # "o" and a space: a word, no bullet (Word's "o" comes with a tab)
        "\u00a7 12 gäller",  # "§" and a space: a reference, no bullet (Word's "§" has a tab)
        "Pris\u00b7styck",  # a middle dot inside a line
        "a \u2022\tb",  # a bullet after text on its line
    ],
)
def test_what_is_no_bullet_stays_text(text: str) -> None:
    assert mdtext.word_bullets(text) == text
    assert "<li>" not in str(markdown.richtext(text))


def test_word_bullets_keep_line_ends_and_lines() -> None:
    assert mdtext.word_bullets("a\r\n\u2022\tb\r\n  o\tc") == "a\n- b\n  - c"


#: Word's three levels as they come on the clipboard: a tab before the bullet per level
WORD_LEVELS = "Åtgärder:\n\u2022\tett\n\to\ttvå\n\t\t{third}\ttre\n\u2022\tfyra"


@pytest.mark.parametrize("third", ["\u00a7", "\uf0a7"])
def test_words_three_levels_are_nested_lists_in_every_format(third: str) -> None:
    """Each tab before a bullet one level deeper (granska17b F9, docs/decisions/0548): the
    third level (§ or Wingdings U+F0A7) is a point of its own, under the second."""
    text = WORD_LEVELS.format(third=third)
    assert markdown.block(text) == "Åtgärder:\n\n- ett\n  - två\n    - tre\n- fyra"
    assert str(markdown.richtext(text)) == (
        "<p>Åtgärder:</p>\n<ul>\n<li>ett\n<ul>\n<li>två\n<ul>\n<li>tre</li>\n</ul>\n"
        "</li>\n</ul>\n</li>\n<li>fyra</li>\n</ul>\n"
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a level deeper than the line above (a tab too many, or no bullet above): one deeper
        ("a\n\t\t\u00a7\tb", "a\n- b"),
        ("\u2022\ta\n\t\t\t\u00a7\tb", "- a\n  - b"),
        # text between bullets ends the list above: the next bullet starts a new one
        ("\u2022\ta\nText\n\to\tb", "- a\nText\n- b"),
        # a blank line does not: a loose list keeps its levels
        ("\u2022\ta\n\n\to\tb", "- a\n\n  - b"),
    ],
)
def test_word_levels_nest_at_most_one_deeper(text: str, want: str) -> None:
    assert mdtext.word_bullets(text) == want


# --- nesting deeper than markdown-it keeps --------------------------------------------------------


def _letters(n: int) -> str:
    return chr(97 + n % 26) + chr(97 + n // 26)


DEEP = (
    "Början.\n\n"
    + "".join(f"{'  ' * i}- nivå {i} med lite text ord{_letters(i)}\n" for i in range(40))
    + "\n"
    + "> " * 40
    + "citatslut\n\n"
    + "- " * 30
    + "strecklista\n"
)


def test_nothing_nested_too_deep_is_dropped() -> None:
    md = markdown.block(DEEP)
    html = str(markdown.richtext(DEEP))
    want = words(DEEP)
    assert {"nivå", "citatslut", "strecklista", "ordnb"} <= want
    assert md_words(md) == want
    assert html_words(html) == want
    assert "<li></li>" not in html


@pytest.mark.parametrize("bullet", ["- ", "1. "])
def test_nine_levels_stay_a_list_ten_are_read_flat(bullet: str) -> None:
    step = " " * len(bullet)
    nine = "".join(f"{step * i}{bullet}nivå {i}\n" for i in range(9))
    tag = "<ul>" if bullet == "- " else "<ol>"
    assert str(markdown.richtext(nine)).count(tag) == 9
    assert markdown.block(nine).splitlines()[-1] == f"{step * 8}{bullet}nivå 8"
    ten = nine + f"{step * 9}{bullet}nivå 9\n"
    html = str(markdown.richtext(ten))
    assert tag not in html and "nivå 9" in html
    assert markdown.block(ten).splitlines()[-1].endswith("nivå 9")


# --- the general rule: every word of the YAML value in md and html -------------------------------

_PIECES = st.sampled_from(
    [
        "ord", "Åsa", "text", "mer", " ", "  ", "    ", "\n", "\n\n", "\t", "- ", "* ", "+ ",
        "1. ", "2) ", "> ", "# ", "```", "~~~", "---", "***", "___", "*", "_", "`", "**",
        "\u2022\t", "o\t", "\u25e6 ", "=", ":", ".", ",", "|", "\u00a0",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_every_word_reaches_markdown_and_html(text: str) -> None:
    # Word's bullet "o⇥" is a list marker (word_bullets), as "-" is: no word of the text.
    shown = escape.prose(mdtext.word_bullets(text))
    assert md_words(markdown.block(text)) == words(shown)
    assert html_words(str(markdown.richtext(text))) == words(shown)


# --- the report: md, html and pdf -----------------------------------------------------------------

BULLETS = "Vi har:\n\u2022\tbyggt om entrén\n\u25e6\tbytt belysning\n1.\tFörsta steget\n"


def _indented(text: str) -> str:
    return "".join(f"      {line}\n" if line else "\n" for line in text.rstrip("\n").split("\n"))


def hostile_report(into: Path) -> Path:
    """The report fixture's data with F-n's and F-j's texts (fortsatt_arbete) and F-o's
    (motivering) in kulturnämnden's 1:1."""
    root = into / "data"
    shutil.copytree(FIXTURE, root)
    path = root / FILE
    text = path.read_text(encoding="utf-8")
    for old, value in (
        ("    fortsatt_arbete: Rekrytera två kulturpedagoger.\n", _values()[0]),
        ('    motivering: "Personalbrist | vakanser under hösten."\n', _values()[1]),
    ):
        assert text.count(old) == 1
        text = text.replace(old, old.split(":")[0] + ": |\n" + _indented(value))
    path.write_text(text, encoding="utf-8")
    return root


def _values() -> list[str]:
    return [INDENTED + "\n" + FENCED + "\n" + BULLETS, DEEP]


def test_the_report_has_every_word_in_md_and_html(tmp_path: Path) -> None:
    view = build(load(hostile_report(tmp_path)), YEAR)
    md, html = render(view, "md"), render(view, "html")
    for value in _values():
        missing_md = words(value) - md_words(md)
        missing_html = words(value) - html_words(html)
        assert (missing_md, missing_html) == (set(), set())
    assert "<pre" not in html and "<blockquote" not in html
    assert "<li>byggt om entrén</li>" in html and "- byggt om entrén" in md


#: a word of pdftotext's -bbox output: its page's size, then each word's box
_BBOX = re.compile(
    r'<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<'
)


def test_the_pdf_has_every_word_inside_the_page(tmp_path: Path) -> None:
    """F-n: the indented paragraph ran off the page as a code block; F-o: the deep list's
    words were gone. Every word of the texts is in the PDF's text layer, none beyond the right
    or left margin."""
    from utsatta.render.pdf import render_pdf

    need_weasyprint()
    need_poppler("pdftotext")
    path = tmp_path / "rapport.pdf"
    path.write_bytes(render_pdf(build(load(hostile_report(tmp_path)), YEAR), datum="2024-03-12"))
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    margin = 14 * 72 / 25.4  # points
    outside, width, shown = [], 0.0, []
    for m in _BBOX.finditer(xml):
        if m.group(1):
            width = float(m.group(1))
            continue
        shown.append(m.group(4))
        if float(m.group(2)) < margin - 1 or float(m.group(3)) > width - margin + 1:
            outside.append(m.group(4))
    assert outside == []
    # Hyphens at a line break and the breaks themselves are no part of a word.
    joined = re.sub(r"[\s\u2010\u00ad-]+", "", "".join(shown))
    for value in _values():
        assert [w for w in sorted(words(value)) if w not in joined] == []
