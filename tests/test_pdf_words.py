"""granska19 F3: a word of thousands of letters in a table cell made WeasyPrint's layout of the
PDF take minutes (each cell's narrowest width is found a character a line). The PDF's HTML
shortens such a word in a table cell as the terminal shortens a long name; a page without
one is laid out from the very same HTML (docs/decisions/0577-langa-ord-i-pdf-tabeller.md)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.support import ROOT
from utsatta.load.dataset import load
from utsatta.render.pdf_words import CELL_WORD, shorten_cell_words
from utsatta.render.report import build, render

LONG_NAME = "Higab" + "x" * 3000  # granska19's lw1: organisation higab's namn


def test_a_page_without_a_long_word_is_the_same_string() -> None:
    page = "<table><tr><td>" + "W" * CELL_WORD + " &amp; kort</td></tr></table>"
    assert shorten_cell_words(page) is page


def test_a_long_word_in_a_cell_is_shortened_with_its_length() -> None:
    page = (
        '<style>td > b { x: y }</style><table><thead><tr><th scope="col">'
        + "A" * 150
        + "</th></tr></thead><tr><td>"
        + LONG_NAME
        + ' &amp; &lt;b&gt;</td><td><a href="https://e.se/'
        + "h" * 300
        + '">'
        + "L" * 120
        + "</a></td></tr></table><p>"
        + "P" * 500
        + "</p>"
    )
    assert shorten_cell_words(page) == (
        '<style>td > b { x: y }</style><table><thead><tr><th scope="col">'
        + "A" * CELL_WORD
        + "… (150 tecken)</th></tr></thead><tr><td>"
        + LONG_NAME[:CELL_WORD]
        + '… (3 005 tecken) &amp; &lt;b&gt;</td><td><a href="https://e.se/'
        + "h" * 300  # an address is kept whole: only the text a reader sees is shortened
        + '">'
        + "L" * CELL_WORD
        + "… (120 tecken)</a></td></tr></table><p>"
        + "P" * 500  # outside a table: a line breaks it, and it costs no table layout
        + "</p>"
    )


def test_a_zero_width_space_ends_a_word() -> None:
    """A word already cut into pieces (where a line may break) is no long word."""
    page = "<table><tr><td>" + ("W" * 60 + "\u200b") * 50 + "</td></tr></table>"
    assert shorten_cell_words(page) is page


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


def test_the_shipped_reports_have_no_word_to_shorten() -> None:
    """The shipped data's report pages go to WeasyPrint unchanged (same bytes as before)."""
    ds = load(ROOT / "data")
    for ar in (2023, 2025):
        page = render(build(ds, ar), "html")
        assert shorten_cell_words(page) is page


def test_the_long_name_is_shortened_in_every_cell_of_the_pdf(tmp_path: Path) -> None:
    """lw1: higab named with 3 000 letters. In the HTML for the PDF no cell has a word over
    ``CELL_WORD``; the name is shortened in the cells that name it, and whole elsewhere."""
    view = build(load(_long_name_data(tmp_path)), 2023)
    page = render(view, "html")
    assert LONG_NAME in page
    short = shorten_cell_words(page)
    assert short.count(LONG_NAME[:CELL_WORD] + "… (3 005 tecken)") > 0
    for cell in short.split("<td")[1:] + short.split("<th")[1:]:
        text = cell.split("</t", 1)[0]
        assert LONG_NAME not in text


@pytest.mark.skipif(
    os.environ.get("UTSATTA_REQUIRE_PDF") != "1", reason="the PDF tests run with the PDF libraries"
)
def test_the_pdf_with_the_long_name_shows_it_shortened(tmp_path: Path) -> None:
    from utsatta.render.pdf import render_pdf

    path = tmp_path / "lw1.pdf"
    path.write_bytes(render_pdf(build(load(_long_name_data(tmp_path)), 2023)))
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "(3 005 tecken)" in text


def test_a_letter_keeps_its_accent_and_the_length_counts_letters() -> None:
    """granska19b F6: 101 "é" written as "e" and a combining accent (202 code points) were
    "(202 tecken)", and a cut could part a letter from its accent."""
    word = "e\u0301" * 101
    page = f"<td>{word}</td>"
    assert shorten_cell_words(page) == "<td>" + "e\u0301" * 50 + "… (101 tecken)</td>"
    odd = "a" + "e\u0301" * 60  # code point 100 is an accent: the cut takes it along
    assert shorten_cell_words(f"<td>{odd}</td>") == (
        "<td>a" + "e\u0301" * 50 + "… (61 tecken)</td>"
    )
