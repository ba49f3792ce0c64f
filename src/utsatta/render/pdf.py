"""`utsatta report ÅR --format pdf`: the HTML report laid out by WeasyPrint as a tagged
(PDF/UA-1) A4 PDF with the template's print rules. This module adds only what the template
cannot know: the footer (diarienummer, year, a date from the data, never the clock; a made-up
date is marked) and the PDF options; nothing is fetched, and the same data give the same bytes.
WeasyPrint is optional (``utsatta[pdf]``): without it ``PdfUnavailableError`` says what to
install. Why: docs/decisions/0050-pdf-med-weasyprint.md, 0111-pahittat-datum-i-pdf.md and
0118-ett-beslutsdatum.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from utsatta.compute.report_date import ReportDate, calendar_date, is_made_up
from utsatta.escape import html_attr, identifier, shorten
from utsatta.render.labels import DATUM_SAKNAS, PAHITTAT_DATUM, datum_text
from utsatta.render.pdf_bound import PageOrigin, PdfTooLarge, check_page, largest_files
from utsatta.render.pdf_library import (
    INSTALL_PDF,
    INSTALL_SYSTEM,
    PdfUnavailableError,
    require_weasyprint,
)

#: The longest footer laid out, in characters, after its long words are shortened (a real one
#: has about 50; a footer line holds about a hundred)
MAX_FOOTER = 200

if TYPE_CHECKING:
    from utsatta.load.dataset import DataSet
    from utsatta.render.report import ReportView
    from utsatta.render.report.defaults import TemplatesDir

__all__ = [
    "DATUM_SAKNAS",
    "INSTALL_PDF",
    "INSTALL_SYSTEM",
    "PAHITTAT_DATUM",
    "PageOrigin",
    "PdfTooLarge",
    "PdfUnavailableError",
    "footer_text",
    "html_to_pdf",
    "made_up_date",
    "render_pdf",
    "report_pdf",
    "require_weasyprint",
]


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal: every character but letters, digits and a few safe
    signs is a hex escape, so text from the data can never end the string or the rule."""
    out = []
    for ch in text:
        if (ch.isascii() and ch.isalnum()) or ch in " .,:/-()":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x} ")  # the space ends the escape; CSS drops it
    return '"' + "".join(out) + '"'


def view_footer(view: ReportView, date: ReportDate) -> str:
    """The footer of ``view``'s pages with ``date`` (:func:`footer_text` as the report fills
    it in): the one rule for render_pdf and for what scripts/docs_images.py fingerprints."""
    return footer_text(
        view.diarienummer,
        view.ar,
        date.datum,
        pahittat=date.pahittat,
        titel=view.titel if view.slut is not None else None,
    )


def footer_text(
    diarienummer: str,
    ar: int,
    datum: str | None,
    *,
    pahittat: bool = False,
    titel: str | None = None,
) -> str:
    """The footer's left part: "Dnr 1669/20 · Uppföljning 2023 · 2024-03-12", with
    "(påhittat datum)" after a date from an illustrative file; ``titel`` in place of
    "Uppföljning 2023" (the slutuppföljning names the period)."""
    return f"Dnr {diarienummer} · {titel or f'Uppföljning {ar}'} · {datum_text(datum, pahittat)}"


def made_up_date(view: ReportView, datum: str | None) -> bool:
    """Whether ``datum`` is a decision date of the view's illustrative uppföljning file
    (:func:`utsatta.compute.report_date.is_made_up`)."""
    upp = view.uppfoljning
    if upp is None:
        return False
    return is_made_up(
        datum, illustrativ=upp.illustrativ, beslutsdatum=(b.datum for b in upp.beslut)
    )


def _report_date(view: ReportView, datum: str | ReportDate | None) -> ReportDate:
    if isinstance(datum, ReportDate):
        return datum
    return ReportDate(datum, made_up_date(view, datum))


@contextmanager
def _quiet_weasyprint() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings (CSS it ignores) instead of letting them reach a log."""
    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = _Collect(logging.WARNING)
    old_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


def html_to_pdf(
    html: str,
    *,
    footer: str,
    datum: str | None = None,
    warnings: list[str] | None = None,
    origin: PageOrigin | None = None,
) -> bytes:
    """Lay out ``html`` (the report page) as a tagged A4 PDF with ``footer`` at the bottom left.

    ``datum`` becomes the PDF's CreationDate (an ISO date only; never pass a made-up one).
    ``warnings``, if given, receives WeasyPrint's messages about CSS it ignored (for tests).
    Raises :class:`PdfTooLarge` before the layout when the page is larger than a PDF is laid
    out from (:mod:`utsatta.render.pdf_bound`; ``origin``, when given, names the report and
    what to shorten in the message); :class:`PdfUnavailableError` when WeasyPrint or its
    libraries are missing; and Python's ``RecursionError`` for a page whose elements nest
    deeper than WeasyPrint follows (about a hundred levels; :func:`render_pdf` tells it as the
    template's fault, 0582).
    """
    check_page(html, origin)  # every caller bounded, the page measured once (0653)
    wp = require_weasyprint()
    from weasyprint.urls import URLFetcher

    from utsatta.render.pdf_words import shorten_words, shortening_words

    # An empty set of allowed protocols: every fetch fails, and WeasyPrint leaves the resource
    # out (the report has none; this is the guard against one from the data or a template).
    fetcher = URLFetcher(allowed_protocols=frozenset(), allow_redirects=False)
    # the footer holds data (diarienummer): cleaned as the page's text (decision 0429); a margin
    # box is sized by its content, on every page (0582), so it is also bounded in length: a
    # diarienummer of 15 000 words took three minutes (MAX_FOOTER; real ones have ~50)
    footer_content = _css_string(html_attr(shorten(shorten_words(footer), MAX_FOOTER)))
    footer_css = wp.CSS(
        string=f"@page {{ @bottom-left {{ content: {footer_content}; }} }}",
        url_fetcher=fetcher,
    )
    # a word of thousands of letters where WeasyPrint sizes a box by its content would take
    # minutes to lay out: shortened there (0577, 0582)
    with _quiet_weasyprint() as messages, shortening_words():
        document = wp.HTML(string=html, url_fetcher=fetcher, media_type="print").render(
            stylesheets=[footer_css]
        )
        created = calendar_date(datum)
        document.metadata.created = None if created is None else created.isoformat()
        document.metadata.modified = None
        pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    if warnings is not None:
        warnings.extend(messages)
    return pdf


def render_pdf(
    view: ReportView,
    *,
    datum: str | ReportDate | None = None,
    templates_dir: TemplatesDir = None,
    warnings: list[str] | None = None,
    ds: DataSet | None = None,
) -> bytes:
    """The report view as PDF bytes (see :func:`html_to_pdf`).

    ``datum``: a :class:`ReportDate` (from :func:`utsatta.compute.report_date.report_date`),
    or a date as text, made up when it is a decision date of the view's illustrative
    uppföljning (:func:`made_up_date`). A made-up date is marked in the footer and is not the
    PDF's creation date.

    Raises :class:`PdfTooLarge` (exit 1) before the layout when the HTML page is larger than a
    PDF is laid out from (:mod:`utsatta.render.pdf_bound`); the message names the largest
    data files of ``ds``, the data set the view was built from, when it is given.
    """
    from utsatta.render.report import render
    from utsatta.render.report.environment import own_template

    date = _report_date(view, datum)
    html = render(view, "html", templates_dir)
    own = own_template("html", templates_dir)
    origin = PageOrigin(  # the files are measured only for the message (0653)
        view.ar,
        view.titel,
        files=lambda: [] if ds is None else largest_files(ds, view.ar),
        template=own,
    )
    try:
        return html_to_pdf(
            html,
            footer=view_footer(view, date),
            datum=date.stored,
            warnings=warnings,
            origin=origin,
        )
    except (RecursionError, MemoryError) as exc:
        if own is None:
            raise  # the bundled template's page: our bug, never blamed on a template (0578)
        raise _template_failed(own, exc) from None


def _template_failed(template: str, exc: RecursionError | MemoryError) -> Exception:
    """What a data repository's own template did to WeasyPrint, in Swedish, with what to do
    (docs/decisions/0582-pdf-djup-och-langa-ord.md)."""
    from utsatta.render.report.environment import TemplateFailed

    what = (
        "har element i för många nivåer inuti varandra för PDF:en (WeasyPrint går igenom "
        "dem rekursivt och klarar ungefär hundra nivåer). Nästla elementen i färre nivåer i "
        "mallen"
        if isinstance(exc, RecursionError)
        else "kräver för mycket minne för att läggas ut som PDF. Gör sidan mindre i mallen"
    )
    return TemplateFailed(f"{identifier(template)}: sidan som mallen skriver {what}.")


def report_pdf(
    ds: DataSet,
    ar: int,
    *,
    datum: str | ReportDate | None = None,
    templates_dir: TemplatesDir = None,
) -> bytes:
    """The PDF report of year ``ar``, as ``utsatta report ÅR --format pdf`` writes it (the
    command takes the same defaults and the same :func:`render_pdf`): the same bytes for the
    same data.

    ``datum`` None: the year's decision date from the data, marked made up when the
    uppföljning is illustrative (:func:`utsatta.compute.report_date.report_date`); else as for
    :func:`render_pdf`. ``templates_dir`` None: the data repository's own ``templates/`` next
    to the data folder when there is one, as for ``report_text``; False: only the bundled
    templates.

    Raises, every message Swedish, in the command's order (the defaults of every format,
    :func:`utsatta.render.report.defaults.report_defaults`): ``ArgumentError`` and
    ``DataErrors`` as ``build_report`` (a year outside the plan, data with errors that would
    make the report wrong), and ``ArgumentError`` for a ``templates_dir`` that is no folder;
    then :class:`PdfUnavailableError` (a ``MissingLibrary``) when
    WeasyPrint or its system libraries are missing, before the report is built; and
    :class:`PdfTooLarge` when its page is too large to lay out (:func:`render_pdf`).
    """
    from utsatta.render.report.assemble import assemble
    from utsatta.render.report.defaults import report_defaults

    # the defaults and refusals of every format, in their order, before the work
    defaults = report_defaults(ds, ar, "pdf", templates_dir=templates_dir, datum=datum)
    return render_pdf(
        assemble(ds, ar), datum=defaults.datum, templates_dir=defaults.templates_dir, ds=ds
    )
