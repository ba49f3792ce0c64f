"""granska19 F3 and 0582: a word of thousands of letters made WeasyPrint's layout of the PDF take
minutes where a box is sized by its content (each table cell's narrowest width is found a
character a line) or laid out again and again (a list in columns). Such a word is shortened in
WeasyPrint's boxes, whatever the element or template, as the terminal shortens a long name; a
word in a box laid out once stays whole, and a page with no such word is laid out unchanged
(docs/decisions/0577-langa-ord-i-pdf-tabeller.md, 0582-pdf-djup-och-langa-ord.md)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.support import ROOT, need_poppler, need_weasyprint, shortened_while
from utsatta.load.dataset import load
from utsatta.render import pdf_words
from utsatta.render.pdf_words import CELL_WORD, shorten_words
from utsatta.render.report import build

LONG_NAME = "Higab" + "x" * 3000  # granska19's lw1: organisation higab's namn


def test_a_text_without_a_long_word_is_the_same_string() -> None:
    text = "W" * CELL_WORD + " & kort <b>"
    assert shorten_words(text) is text


def test_a_long_word_is_shortened_with_its_length() -> None:
    text = "A" * 150 + " & " + LONG_NAME + "\n" + "B" * CELL_WORD
    assert shorten_words(text) == (
        "A" * CELL_WORD
        + "… (150 tecken) & "
        + LONG_NAME[:CELL_WORD]
        + "… (3 005 tecken)\n"
        + "B" * CELL_WORD
    )


def test_a_zero_width_space_ends_a_word() -> None:
    """A word already cut into pieces (where a line may break) is no long word."""
    text = ("W" * 60 + "\u200b") * 50
    assert shorten_words(text) is text


def test_a_letter_keeps_its_accent_and_the_length_counts_letters() -> None:
    """granska19b F6: 101 "é" written as "e" and a combining accent (202 code points) were
    "(202 tecken)", and a cut could part a letter from its accent."""
    assert shorten_words("e\u0301" * 101) == "e\u0301" * 50 + "… (101 tecken)"
    odd = "a" + "e\u0301" * 60  # code point 100 is an accent: the cut takes it along
    assert shorten_words(odd) == "a" + "e\u0301" * 50 + "… (61 tecken)"


def _text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text with every space and line break taken out (a long word runs over lines)."""
    path = tmp_path / "sida.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s", "", out)


#: where a word lands, and whether WeasyPrint sizes that box by its content (or lays it out more
#: than once): the rule follows the layout, not the element
PLACES = {
    "Tabellcell": ("<table><tr><td>{}</td></tr></table>", True),
    "Tabellrubrik": (
        '<table style="width: 100%"><caption>{}</caption><tr><td>a</td></table>',
        True,
    ),
    "Spalter": ('<ul style="columns: 2 10rem"><li>{}</li></ul>', True),
    "Inlineblock": ('<p><span style="display: inline-block">{}</span></p>', True),
    "Flytande": ('<div style="float: left">{}</div><div style="clear: both"></div>', True),
    "Flex": ('<div style="display: flex"><div>{}</div></div>', True),
    "Rutnat": ('<div style="display: grid"><div>{}</div></div>', True),
    "Placerad": ('<div style="position: absolute; top: 20cm">{}</div>', True),
    "Stycke": ("<p>{}</p>", False),
    "Rubrik": ("<h2>{}</h2>", False),
}


def test_the_rule_follows_the_layout_not_the_element(tmp_path: Path) -> None:
    need_weasyprint()
    need_poppler("pdftotext")
    from utsatta.render.pdf import html_to_pdf

    words = {name: (name + "x" * 3000)[:3000] for name in PLACES}
    # a page each: pdftotext writes a page's words before its footer
    body = "".join(
        '<section style="break-before: page">' + html.format(words[name]) + "</section>"
        for name, (html, _) in PLACES.items()
    )
    page = (
        '<!doctype html><html lang="sv"><head><title>Ord</title><style>'
        "body * { overflow-wrap: anywhere; }</style></head><body>" + body + "</body></html>"
    )
    # the footer may come between a word's parts (a list's second column)
    text = _text(html_to_pdf(page, footer="Dnr 1/20"), tmp_path).replace("Dnr1/20", "")
    for name, (_, sized) in PLACES.items():
        word = words[name]
        if sized:
            assert word[:CELL_WORD] + "…(3000tecken)" in text, name
            assert word not in text, name
        else:
            assert word in text, name  # laid out once: whole, broken over lines


def test_a_long_diarienummer_is_shortened_in_the_footer(tmp_path: Path) -> None:
    """The footer is a page margin box, sized by its content, on every page."""
    need_weasyprint()
    need_poppler("pdftotext")
    from utsatta.render.pdf import html_to_pdf

    page = '<!doctype html><html lang="sv"><head><title>F</title></head><body>a</body></html>'
    pdf = html_to_pdf(page, footer="Dnr " + "1" * 500 + " · Uppföljning 2023")
    text = _text(pdf, tmp_path)
    # the 101 characters of the shortened word run past the footer's box (and the page's edge,
    # where pdftotext stops): what counts is that the 500 are not laid out on every page
    assert "(500tecken)·Uppföljning2023" in text
    assert "1" * (CELL_WORD + 1) not in text


def _long_name_data(into: Path) -> Path:
    """The shipped data with higab named LONG_NAME, without the indicators: no indicator
    names an organisation, and their charts and tables were a quarter of the layout's time."""
    data = into / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("indikatorer"))
    path = data / "organisationer.yaml"
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10**6
    doc = yaml.load(path)
    for org in doc["organisationer"]:
        if org["id"] == "higab":
            org["namn"] = LONG_NAME
    yaml.dump(doc, path)
    return data


class _Stop(Exception):
    """Ends the PDF after the words are shortened: the layout is not what is tested."""


@pytest.fixture(scope="module")
def long_name_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[int]]:
    """lw1 2025 laid out once for the two tests that read it (about 30 s of CPU): the PDF's
    text, and how many text boxes the rule changed on its page."""
    need_weasyprint()
    need_poppler("pdftotext")
    from utsatta.render.pdf import render_pdf

    tmp = tmp_path_factory.mktemp("langt-namn")
    view = build(load(_long_name_data(tmp)), 2025)
    pdf, shortened = shortened_while(lambda: render_pdf(view))
    return _text(pdf, tmp), shortened


def test_the_long_name_is_shortened_where_a_box_is_sized_by_it(
    long_name_pdf: tuple[str, list[int]],
) -> None:
    """lw1 2025: higab named with 3 000 letters. The six row headings that name it in the status
    tables (the cells 0577 shortened) and the three areas' lists of insatser (in two columns,
    laid out again to balance them); not the headings and running text. (The shipped data's
    reports, with no word to shorten: tests/test_pdf.py, on the PDFs laid out there.)"""
    assert long_name_pdf[1] == [6 + 3]


def test_the_pdf_with_the_long_name_shows_it_shortened(
    long_name_pdf: tuple[str, list[int]],
) -> None:
    text = long_name_pdf[0]
    # a table's row is read line by line, across its cells: only the length is in one piece
    assert text.count("…(3005tecken)") == 6 + 3
    assert LONG_NAME in text  # an organisation's heading in section 2: whole


# --- a word split by inline markup (0653) --------------------------------------------------------

_SHORTEN_BOXES = pdf_words.shorten_boxes  # the rule itself, whatever a test patches in


def _after_shortening(body: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, int]:
    """What the rule makes of ``body``'s boxes, without laying them out: the text boxes changed,
    the page's text in order and the number of inline boxes left."""
    need_weasyprint()
    from weasyprint.formatting_structure import boxes

    from utsatta.render.pdf import html_to_pdf

    seen: list[tuple[int, str, int]] = []

    def capturing(root: Any, limit: int = CELL_WORD) -> int:
        changed = _SHORTEN_BOXES(root, limit)
        texts, inline, stack = [], 0, [root]
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.TextBox):
                texts.append(box.text)
            inline += isinstance(box, boxes.InlineBox | boxes.InlineBlockBox)
            stack.extend(reversed(getattr(box, "children", ())))
        seen.append((changed, "".join(texts), inline))
        raise _Stop

    monkeypatch.setattr(pdf_words, "shorten_boxes", capturing)
    page = f'<!doctype html><html lang="sv"><head><title>O</title></head><body>{body}</body></html>'
    with pytest.raises(_Stop):
        html_to_pdf(page, footer="F")
    return seen[0]


def test_a_word_split_by_emphasis_is_shortened_where_it_has_too_many_boxes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The review's `*ab*cd…`: 4 000 characters in 3 000 boxes, each short, no break between
    them; WeasyPrint took 26 s (the square of the boxes). Cut after RUN_BOXES boxes (33 pairs
    and the next <em>, left empty), the rest of the run taken out of the tree."""
    run = "<em>ab</em>cd" * 1000
    changed, text, inline = _after_shortening(f"<p>Före {run} efter</p>", monkeypatch)
    assert pdf_words.RUN_BOXES == 100
    assert text == "Före " + "abcd" * 33 + "… (4 000 tecken) efter"
    assert inline == 34
    assert changed == 2000 - 66 + 1  # the text boxes emptied and the one that shows the length


def test_a_split_word_over_the_cell_limit_is_shortened_at_its_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """120 characters in 90 boxes in a table cell (sized by its content): cut at CELL_WORD
    characters, inside a text box, whatever elements hold the pieces."""
    pieces = "<strong>ab</strong><a href='#x'>cd</a><code>ef</code><span>gh</span>"
    run = (pieces + "<del>ij</del><sup>kl</sup>") * 10
    _, text, _ = _after_shortening(f"<table><tr><td>{run} slut</td></tr></table>", monkeypatch)
    assert text == ("abcdefghijkl" * 10)[:CELL_WORD] + "… (120 tecken) slut"


def test_nested_elements_and_inline_blocks_are_parts_of_the_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run goes on through nested inline elements and an inline-block (an atomic box: a
    template can glue them with punctuation); the boxes past the cut leave the tree."""
    block = "<span style='display: inline-block'>x</span>"
    run = ("(<em><strong>a</strong>b</em>" + block) * 60
    _, text, inline = _after_shortening(f"<p>{run}</p>", monkeypatch)
    # six boxes a piece ("(", <em>, <strong>, "a", "b", the block): 16 and four boxes more;
    # the characters inside the blocks are their own
    assert text == "(abx" * 16 + "(a… (180 tecken)"
    assert inline == 17 + 17 + 16


def test_short_emphasised_words_are_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph of 3 000 emphasised words, and a word of a few pieces longer than the cell
    limit in the flow, are no long words."""
    body = "<p>" + "<em>ab</em>cd " * 3000 + "</p><p>" + "<b>" + "x" * 200 + "</b>y</p>"
    changed, text, inline = _after_shortening(body, monkeypatch)
    assert changed == 0
    assert text == "abcd " * 3000 + "x" * 200 + "y"
    assert inline == 3001


def test_the_pdf_of_a_long_split_word_is_laid_out_quickly(tmp_path: Path) -> None:
    """20 000 characters of `<em>ab</em>cd` would take more than ten minutes; shortened, the
    page is laid out in about a second and shows the length."""
    need_weasyprint()
    need_poppler("pdftotext")
    from utsatta.render.pdf import html_to_pdf

    body = "<p>" + "<em>ab</em>cd" * 5000 + " slut</p>"
    page = f'<!doctype html><html lang="sv"><head><title>O</title></head><body>{body}</body></html>'
    text = _text(html_to_pdf(page, footer="F"), tmp_path)
    assert "(20000tecken)slut" in text


def test_where_the_text_may_not_wrap_a_space_does_not_end_the_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In `white-space: nowrap` (a template's choice) WeasyPrint breaks at no space either: 4 000
    emphasised words took 10 s. The run is the whole text; a line break in `pre` ends it."""
    run = "<em>ab</em> cd " * 200
    _, text, _ = _after_shortening(f'<p style="white-space: nowrap">{run}</p>', monkeypatch)
    assert text == "ab cd " * 33 + "… (1 200 tecken)"
    pre = "<pre>" + "<em>ab</em>cd\n" * 200 + "</pre>"
    assert _after_shortening(pre, monkeypatch)[0] == 0
