"""A web address in a nämnd's text links, and shows, the address the data holds, in every channel
(docs/decisions/0534): the Markdown report, the HTML report, the PDF (its link annotations and
its text) and the export (CSV and xlsx). What no reader sees (U+200B, U+00AD), what would end
the link (a space) and the ``[`` of ``##[`` are percent-encoded as ``escape.web_address``
writes a source's address (docs/decisions/0519), not dropped: an address without the U+200B is
another address than the data's.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.support import BASE
from utsatta import escape
from utsatta.cli.app import app
from utsatta.render import markdown

#: each way a nämnd writes an address, with the address as the data holds it
LINKS = {
    "link": ("[rapporten](https://x.example/a\u200bb)", "https://x.example/a\u200bb"),
    "autolink": ("<https://x.example/c\u00add>", "https://x.example/c\u00add"),
    "bare": ("https://x.example/##[e]f", "https://x.example/##[e]f"),
    "space": ("[med mellanslag](<https://x.example/g h>)", "https://x.example/g h"),
}
#: each address as every channel writes it
WRITTEN = {
    "link": "https://x.example/a%E2%80%8Bb",
    "autolink": "https://x.example/c%C2%ADd",
    "bare": "https://x.example/##%5Be]f",
    "space": "https://x.example/g%20h",
}
NULAGE = "Se " + ", ".join(text for text, _ in LINKS.values()) + "."

runner = CliRunner()


def test_each_written_address_is_the_datas() -> None:
    """Percent-decoded, each address as written is the data's (what a browser follows), and it
    is what escape.web_address makes of a source's address."""
    for kind, (_, address) in LINKS.items():
        assert urllib.parse.unquote(WRITTEN[kind]) == address, kind
    assert escape.web_address(LINKS["link"][1]) == WRITTEN["link"]
    assert escape.web_address(LINKS["autolink"][1]) == WRITTEN["autolink"]


@pytest.mark.parametrize(
    ("text", "md", "html"),
    [
        (
            "Se [rapporten](https://x.example/a\u200bb).",
            "Se rapporten (`https://x.example/a%E2%80%8Bb`).",
            '<p>Se <a href="https://x.example/a%E2%80%8Bb">rapporten</a>.</p>\n',
        ),
        # markdown-it shows an autolink's address decoded: the text is encoded again
        (
            "<https://x.example/c\u00add>",
            "`https://x.example/c%C2%ADd`",
            '<p><a href="https://x.example/c%C2%ADd">https://x.example/c%C2%ADd</a></p>\n',
        ),
        # a link whose text is its address: written once in Markdown, both encoded in HTML
        (
            "[https://x.example/a\u200bb](https://x.example/a\u200bb)",
            "`https://x.example/a%E2%80%8Bb`",
            '<p><a href="https://x.example/a%E2%80%8Bb">https://x.example/a%E2%80%8Bb</a></p>\n',
        ),
        # a ZWNJ between Persian letters stays in the text, not in the address
        (
            "می\u200cخواهم https://x.example/می\u200cخواهم",
            "می\u200cخواهم `https://x.example/می%E2%80%8Cخواهم`",
            "<p>می\u200cخواهم https://x.example/می%E2%80%8Cخواهم</p>\n",
        ),
        # a control ends an address written in text, and is dropped as before
        (
            "https://x.example/\x1b]8;;a\u200bb",
            "`https://x.example/]8;;ab`",
            "<p>https://x.example/]8;;ab</p>\n",
        ),
    ],
)
def test_a_nämnds_address_in_markdown_and_html(text: str, md: str, html: str) -> None:
    assert markdown.block(text) == md
    assert markdown.richtext(text) == html


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aåب1/-._~\u200b\u00ad\u200c\u2060\ufe0f\U000e0041")))
def test_prose_keeps_the_address_it_encodes(path: str) -> None:
    """Percent-decoded, an address in prose is the data's, whatever invisible characters it
    holds (where prose drops them outside an address)."""
    address = "https://x.example/" + path
    assert urllib.parse.unquote(escape.prose(f"Se {address} nu.")) == f"Se {address} nu."


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """_base with the four addresses in Grundskolenämnden's nuläge for 2023."""
    root = tmp_path_factory.mktemp("webbadress") / "data"
    shutil.copytree(BASE, root)
    report = root / "rapporter/2023/grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    quoted = NULAGE.replace("\\", "\\\\").replace('"', '\\"').replace("\u200b", "\\u200B")
    quoted = quoted.replace("\u00ad", "\\u00AD")
    assert "    nulage: Arbetet pågår.\n" in text
    report.write_text(
        text.replace("    nulage: Arbetet pågår.\n", f'    nulage: "{quoted}"\n'), encoding="utf-8"
    )
    return root


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_data_is_valid(data: Path) -> None:
    _run("validate", "--data", str(data))


def test_markdown_report(data: Path) -> None:
    md = _run("report", "2023", "--data", str(data), "--format", "md")
    assert (
        f"Se rapporten (`{WRITTEN['link']}`), `{WRITTEN['autolink']}`, `{WRITTEN['bare']}`, "
        f"med mellanslag (`{WRITTEN['space']}`)."
    ) in md


def test_html_report(data: Path) -> None:
    # the page writes [ after ## as &#91; for a CI log, which a browser reads as [
    page = _run("report", "2023", "--data", str(data), "--format", "html").replace("&#91;", "[")
    assert (
        f'Se <a href="{WRITTEN["link"]}">rapporten</a>, '
        f'<a href="{WRITTEN["autolink"]}">{WRITTEN["autolink"]}</a>, {WRITTEN["bare"]}, '
        f'<a href="{WRITTEN["space"]}">med mellanslag</a>.'
    ) in page


@pytest.mark.pdf
def test_pdf_report(data: Path, tmp_path: Path) -> None:
    """The PDF's links go where the HTML's go, and its text shows the addresses written."""
    from utsatta.render.pdf import PdfUnavailableError, require_weasyprint

    try:
        require_weasyprint()
        import pdfplumber
        import pikepdf
    except (PdfUnavailableError, ImportError) as exc:
        if os.environ.get("UTSATTA_REQUIRE_PDF") == "1":
            pytest.fail(f"{exc} (UTSATTA_REQUIRE_PDF=1)")
        pytest.skip(str(exc))
    out = tmp_path / "r.pdf"
    _run("report", "2023", "--data", str(data), "--format", "pdf", "--output", str(out))
    with pikepdf.open(out) as pdf:
        uris = {
            str(a.A.URI)
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        }
    assert {WRITTEN["link"], WRITTEN["autolink"], WRITTEN["space"]} <= uris
    assert not any("\u200b" in u or "\u00ad" in u for u in uris)
    with pdfplumber.open(out) as pdf:
        text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pdf.pages))
    assert WRITTEN["autolink"] in text and WRITTEN["bare"] in text


def test_export(data: Path, tmp_path: Path) -> None:
    """CSV and xlsx: the nämnd's text with the addresses written (the cell cleaning no longer
    drops the U+200B and U+00AD inside them)."""
    import openpyxl

    expected = (
        f"Se [rapporten]({WRITTEN['link']}), <{WRITTEN['autolink']}>, {WRITTEN['bare']}, "
        f"[med mellanslag](<{WRITTEN['space']}>)."
    )
    folder = tmp_path / "csv"
    _run("export", "2023", "--data", str(data), "--format", "csv", "--output", str(folder))
    with (folder / "insatsrapporter.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert expected in [row["nulage"] for row in csv.DictReader(fh, delimiter=";")]
    xlsx = tmp_path / "e.xlsx"
    _run("export", "2023", "--data", str(data), "--format", "xlsx", "--output", str(xlsx))
    book = openpyxl.load_workbook(xlsx, read_only=True)
    cells = [c for row in book["insatsrapporter"].iter_rows(values_only=True) for c in row]
    assert expected in cells
