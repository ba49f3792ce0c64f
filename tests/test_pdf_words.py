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

from tests.support import ROOT, need_poppler, need_weasyprint
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
    data = into / "data"
    shutil.copytree(ROOT / "data", data)
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


def _shortened(view: Any, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many of WeasyPrint's text boxes the rule changes in ``view``'s PDF page."""
    from utsatta.render.pdf import render_pdf

    counted: list[int] = []
    real = pdf_words.shorten_boxes

    def counting(root: Any, limit: int = CELL_WORD) -> int:
        counted.append(real(root, limit))
        raise _Stop

    monkeypatch.setattr(pdf_words, "shorten_boxes", counting)
    with pytest.raises(_Stop):
        render_pdf(view)
    return counted[0]


@pytest.mark.parametrize("ar", [2023, 2025])
def test_the_shipped_reports_have_no_word_to_shorten(
    ar: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped data's PDF pages are laid out unchanged (the same bytes as before 0582): their
    longest words (addresses of 169-178 characters) are in the sources, laid out once."""
    need_weasyprint()
    need_poppler("pdftotext")
    assert _shortened(build(load(ROOT / "data"), ar), monkeypatch) == 0


def test_the_long_name_is_shortened_where_a_box_is_sized_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lw1 2025: higab named with 3 000 letters. The six row headings that name it in the status
    tables (the cells 0577 shortened) and the three areas' lists of insatser (in two columns,
    laid out again to balance them); not the headings and running text."""
    need_weasyprint()
    need_poppler("pdftotext")
    view = build(load(_long_name_data(tmp_path)), 2025)
    assert _shortened(view, monkeypatch) == 6 + 3


def test_the_pdf_with_the_long_name_shows_it_shortened(tmp_path: Path) -> None:
    need_weasyprint()
    need_poppler("pdftotext")
    from utsatta.render.pdf import render_pdf

    text = _text(render_pdf(build(load(_long_name_data(tmp_path)), 2025)), tmp_path)
    # a table's row is read line by line, across its cells: only the length is in one piece
    assert text.count("…(3005tecken)") == 6 + 3
    assert LONG_NAME in text  # an organisation's heading in section 2: whole
