"""0653: `report --format pdf` does bounded work on hostile data. A page larger than
``pdf_bound.MAX_PDF_CHARS`` characters or ``MAX_PDF_ELEMENTS`` elements is refused before
WeasyPrint lays it out (the layout's time and memory grow with the page), with a Swedish message
saying which report, how large, the limit and what to do; a word longer than
``pdf_words.FLOW_WORD`` is shortened wherever it is laid out (breaking it over lines costs the
square of its length). The limits are made small here: no test lays out a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.support import REPORT_FIXTURE, SHIPPED, SharedReport, need_weasyprint
from utsatta.cli.app import app
from utsatta.errors import UtsattaError
from utsatta.load.dataset import load
from utsatta.load.files import in_working_folder
from utsatta.render import pdf, pdf_bound, pdf_words
from utsatta.render.pdf_bound import PageOrigin, PdfTooLarge, check_page, page_size
from utsatta.render.report import report_text

YEAR = 2023


class _LaidOut(Exception):
    """WeasyPrint was asked to lay out a page that should have been refused."""


@pytest.fixture
def no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    need_weasyprint()  # the command refuses a PDF without it (exit 5) before the page is built

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise _LaidOut

    # what html_to_pdf asks for after the bound and before the layout
    monkeypatch.setattr(pdf, "require_weasyprint", refuse)


def _tal(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _largest(folder: Path, n: int = 3) -> str:
    """The fixture's ``n`` largest data files that the report of YEAR reads (the fixture has no
    file of a later year), each named as the command names it (from the working folder), with
    its size."""
    names = {f.path.resolve(): f.display for f in load(in_working_folder(folder)).files()}
    files = sorted(folder.rglob("*.yaml"), key=lambda p: (-p.stat().st_size, str(p)))[:n]
    # in whole kB rounded up (the fixture's files are all under 1 000 kB)
    return ", ".join(f"{names[p.resolve()]} ({-(-p.stat().st_size // 1024)} kB)" for p in files)


def test_the_command_refuses_a_page_too_large_and_writes_nothing(
    no_layout: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pdf_bound, "MAX_PDF_CHARS", 1000)
    chars = len(report_text(load(REPORT_FIXTURE), YEAR, "html"))
    new = tmp_path / "ny" / "rapport.pdf"  # its folder is not created either
    old = tmp_path / "gammal.pdf"
    old.write_bytes(b"%PDF gammal")
    message = (
        "fel: Rapporten för 2023 (Samlad uppföljning 2023) är för stor för att sättas som PDF: "
        f"HTML-sidan har {_tal(chars)} tecken och gränsen är 1 000 tecken (att lägga ut en så stor "
        "sida skulle ta många minuter och mycket minne). Gör så här i stället: skriv rapporten "
        "som HTML eller Markdown (--format html eller md), eller korta texterna i de största "
        f"filerna: {_largest(REPORT_FIXTURE)}.\n"
    )
    runner = CliRunner()
    for target, force in ((new, []), (old, ["--force"])):
        args = ["report", "2023", "--format", "pdf", "--output", str(target), *force]
        result = runner.invoke(app, [*args, "--data", str(REPORT_FIXTURE)])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gammal.pdf"]  # no partial file
    assert old.read_bytes() == b"%PDF gammal"


def test_the_library_raises_pdf_too_large_for_too_many_elements(
    no_layout: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_bound, "MAX_PDF_ELEMENTS", 10)
    ds = load(REPORT_FIXTURE)
    elements = page_size(report_text(ds, YEAR, "html"))[1]
    with pytest.raises(PdfTooLarge) as info:
        pdf.report_pdf(ds, YEAR)
    exc = info.value
    assert isinstance(exc, UtsattaError)
    assert (exc.exit_code, exc.ar, exc.size, exc.limit) == (1, YEAR, elements, 10)
    assert f"HTML-sidan har {_tal(elements)} element och gränsen är 10 element" in str(exc)


def test_the_message_names_the_own_template_and_the_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_bound, "MAX_PDF_CHARS", 10)
    with pytest.raises(PdfTooLarge) as info:
        check_page(
            "<p>" + "a" * 20 + "</p>",
            PageOrigin(
                2025,
                "Slutuppföljning 2022–2025",
                files=lambda: [
                    ("data/rapporter/2025/x.yaml", 1024 * 1024),
                    ("data/plan.yaml", 900),
                ],
                template="/repo/templates/report.html.j2",
            ),
        )
    assert str(info.value).endswith(
        "Gör så här i stället: skriv rapporten som HTML eller Markdown (--format html eller "
        "md), gör sidan som mallen /repo/templates/report.html.j2 skriver mindre, eller korta "
        "texterna i de största filerna: data/rapporter/2025/x.yaml (1 MB), data/plan.yaml "
        "(900 byte)."
    )


def test_a_page_at_the_limits_is_laid_out(monkeypatch: pytest.MonkeyPatch) -> None:
    page = "<p>abc</p><p>d</p>"
    monkeypatch.setattr(pdf_bound, "MAX_PDF_CHARS", len(page))
    monkeypatch.setattr(pdf_bound, "MAX_PDF_ELEMENTS", 2)
    asked: list[int] = []
    check_page(page, PageOrigin(2023, "t", files=lambda: asked.append(1) or []))
    assert asked == []  # the files are measured only for a refusal


def test_html_to_pdf_itself_refuses_a_page_too_large(
    no_layout: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library's html_to_pdf is bounded too, not only render_pdf and the command: a page
    over the limit is refused before the layout; without an origin the message names no
    report (review: html_to_pdf laid out any page)."""
    monkeypatch.setattr(pdf_bound, "MAX_PDF_CHARS", 10)
    page = "<p>" + "a" * 20 + "</p>"
    with pytest.raises(PdfTooLarge) as info:
        pdf.html_to_pdf(page, footer="f")
    exc = info.value
    assert (exc.exit_code, exc.ar, exc.size, exc.limit) == (1, None, 27, 10)
    assert str(exc) == (
        "HTML-sidan är för stor för att sättas som PDF: den har 27 tecken och gränsen är 10 "
        "tecken (att lägga ut en så stor sida skulle ta många minuter och mycket minne). Gör "
        "sidan mindre, eller använd den som HTML."
    )
    with pytest.raises(PdfTooLarge) as info:
        pdf.html_to_pdf(page, footer="f", origin=PageOrigin(2023, "Uppföljning 2023"))
    assert str(info.value).startswith("Rapporten för 2023 (Uppföljning 2023) är för stor")
    with pytest.raises(_LaidOut):  # at the limit: on to the layout
        pdf.html_to_pdf(page[:10], footer="f")


def test_a_report_page_is_measured_once(no_layout: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """render_pdf gives html_to_pdf the report's origin, and the bound that html_to_pdf
    applies is the only one: the page is measured once on the normal path."""
    measured: list[int] = []
    real = pdf_bound.page_size

    def counted(html: str) -> tuple[int, int]:
        measured.append(len(html))
        return real(html)

    monkeypatch.setattr(pdf_bound, "page_size", counted)
    ds = load(REPORT_FIXTURE)
    with pytest.raises(_LaidOut):
        pdf.report_pdf(ds, YEAR)
    assert measured == [len(report_text(ds, YEAR, "html"))]


@pytest.mark.parametrize("folder, ar", [(SHIPPED, 2025), (REPORT_FIXTURE, 2023)])
def test_the_real_reports_are_far_below_the_limits(
    shared_report: Callable[[Path, int], SharedReport], folder: Path, ar: int
) -> None:
    """The margin the decision states: five times the largest real report (the shipped
    slutuppföljning 2025, 0.63 M characters and 9 077 elements) fits under both limits."""
    chars, elements = page_size(shared_report(folder, ar).html)
    assert 5 * chars <= pdf_bound.MAX_PDF_CHARS
    assert 5 * elements <= pdf_bound.MAX_PDF_ELEMENTS


class _Stop(Exception):
    """Ends the PDF after the words are shortened: the layout is not what is tested."""


def test_a_word_longer_than_flow_word_is_shortened_in_a_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    need_weasyprint()
    texts: list[str] = []
    real = pdf_words.shorten_boxes

    def shortened(root: Any, limit: int = pdf_words.CELL_WORD) -> int:
        from weasyprint.formatting_structure import boxes

        real(root, limit)
        stack = [root]
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.TextBox):
                texts.append(box.text)
            stack.extend(getattr(box, "children", ()))
        raise _Stop

    monkeypatch.setattr(pdf_words, "shorten_boxes", shortened)
    whole, long = "b" * pdf_words.FLOW_WORD, "a" * (pdf_words.FLOW_WORD + 1)
    page = f"<!doctype html><html><body><p>{whole}</p><h2>{long}</h2></body></html>"
    with pytest.raises(_Stop):
        pdf.html_to_pdf(page, footer="f")
    assert whole in texts
    assert "a" * (pdf_words.CELL_WORD) + "… (5 001 tecken)" not in texts  # not the cell limit
    assert "a" * pdf_words.FLOW_WORD + "… (5 001 tecken)" in texts


def test_the_readme_says_the_limits() -> None:
    from tests.support import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    chars, elements = _tal(pdf_bound.MAX_PDF_CHARS), _tal(pdf_bound.MAX_PDF_ELEMENTS)
    assert f"**{chars} tecken** eller **{elements} element**" in readme
    assert f"Ett ord över {_tal(pdf_words.FLOW_WORD)} tecken kortas i PDF:en" in readme


def test_the_footer_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The footer (the plan's diarienummer and the report's title) is a margin box on every
    page, sized by its content: a diarienummer of 15 000 words took three minutes to lay out
    (review24). It is shortened to MAX_FOOTER characters, saying how long it was."""
    need_weasyprint()
    said: list[str] = []
    real = pdf.require_weasyprint()

    class Stylesheets:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def CSS(self, string: str, url_fetcher: Any) -> Any:  # WeasyPrint's name
            said.append(string)
            raise _Stop

    monkeypatch.setattr(pdf, "require_weasyprint", Stylesheets)
    with pytest.raises(_Stop):
        pdf.html_to_pdf("<p>x</p>", footer="Dnr 1669/20 " + "ab " * 15_000)
    (css,) = said
    kept = ("Dnr 1669/20 " + "ab " * 100)[: pdf.MAX_FOOTER]
    # CSS writes "…" (U+2026) as an escape
    ellipsis = "\\002026 "
    assert css == f'@page {{ @bottom-left {{ content: "{kept}{ellipsis} (45 012 tecken)"; }} }}'
