"""How large a page the PDF lays out: WeasyPrint's layout takes time and memory in proportion to
the HTML page (about 60 µs of CPU and 0.45 kB of memory per character on the CI machine: the
slutuppföljning 2025, 0.63 M characters, about 45 s; twice its content 76 s and 565 MB), and
the rendered text may have 20 M characters (``environment.MAX_OUTPUT``). A page far larger than
any real report is refused before the layout, with what to do instead. The shapes that
cost more than their size (a very long word) are bounded where they are laid out
(:mod:`utsatta.render.pdf_words`). Why: docs/decisions/0653-pdf-med-begransat-arbete.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from utsatta.errors import UtsattaError
from utsatta.escape import identifier
from utsatta.limits import size_text
from utsatta.numbers import heltal

if TYPE_CHECKING:
    from utsatta.load.dataset import DataSet

__all__ = [
    "MAX_PDF_CHARS",
    "MAX_PDF_ELEMENTS",
    "PageOrigin",
    "PdfTooLarge",
    "check_page",
    "largest_files",
    "page_size",
]

#: The most characters of HTML laid out as PDF: 5.5 times the largest real report (the
#: slutuppföljning 2025, 632 869 characters); at the limits a PDF takes a few minutes of CPU
#: and up to about 2 GB on the CI machine, not half an hour.
MAX_PDF_CHARS = 3_500_000
#: The most elements (start tags) laid out as PDF: 5.5 times the largest real report's 9 077,
#: so that a page of many tiny elements (table rows of one digit) is bounded by its boxes.
MAX_PDF_ELEMENTS = 50_000
#: how many of the largest data files the message names
NAMED_FILES = 3


class PdfTooLarge(UtsattaError):
    """The report's page is larger than a PDF is laid out from (:data:`MAX_PDF_CHARS`,
    :data:`MAX_PDF_ELEMENTS`); nothing is written. Exit 1, as data that cannot give the
    report. ``ar``: the report's year (None: a page not known as a year's report, given to
    ``html_to_pdf`` without a :class:`PageOrigin`); ``size`` and ``limit``: what was counted
    and its limit."""

    exit_code = 1

    def __init__(self, message: str, *, ar: int | None, size: int, limit: int) -> None:
        super().__init__(message)
        self.ar = ar
        self.size = size
        self.limit = limit


@dataclass(frozen=True)
class PageOrigin:
    """Which report a page is, for the message that refuses it: its year and title, the
    data repository's own template that wrote it (None: the bundled one) and ``files()``,
    the largest data files it was built from (display name and size in bytes; asked only for
    the message, :func:`largest_files`)."""

    ar: int
    titel: str
    files: Callable[[], Sequence[tuple[str, int]]] = tuple
    template: str | None = None


def page_size(html: str) -> tuple[int, int]:
    """The characters and the elements (start tags: every ``<`` that is not ``</``; the text's
    own are escaped as ``&lt;``) of an HTML page; two counts, no parsing."""
    return len(html), html.count("<") - html.count("</")


def largest_files(ds: DataSet, ar: int, n: int = NAMED_FILES) -> list[tuple[str, int]]:
    """The ``n`` largest data files that the report of ``ar`` reads (the shared files, and the
    reports and uppföljningar of ``ar`` and the years before), largest first, with their
    sizes in bytes; a file that cannot be measured is left out."""
    sizes: list[tuple[str, int]] = []
    for f in ds.files():
        if f.kind == "rapport" and f.folder_year > ar:
            continue
        if f.kind == "uppfoljning" and f.stem.isdigit() and int(f.stem) > ar:
            continue
        try:
            sizes.append((f.display, f.path.stat().st_size))
        except OSError:
            continue
    sizes.sort(key=lambda item: (-item[1], item[0]))
    return sizes[:n]


def check_page(html: str, origin: PageOrigin | None = None) -> None:
    """Raise :class:`PdfTooLarge` when ``html`` is larger than a PDF is laid out from, saying
    how large, the limit and what to do; with ``origin``, which report, and as what to do:
    another format, a shorter own template, shorter texts in the largest data files."""
    chars, elements = page_size(html)
    if chars > MAX_PDF_CHARS:
        size, limit, unit = chars, MAX_PDF_CHARS, "tecken"
    elif elements > MAX_PDF_ELEMENTS:
        size, limit, unit = elements, MAX_PDF_ELEMENTS, "element"
    else:
        return
    cost = (
        f"{heltal(size)} {unit} och gränsen är {heltal(limit)} {unit} (att lägga ut en så "
        "stor sida skulle ta många minuter och mycket minne)"
    )
    if origin is None:
        raise PdfTooLarge(
            f"HTML-sidan är för stor för att sättas som PDF: den har {cost}. Gör sidan mindre, "
            "eller använd den som HTML.",
            ar=None,
            size=size,
            limit=limit,
        )
    what = ["skriv rapporten som HTML eller Markdown (--format html eller md)"]
    if origin.template is not None:
        what.append(f"gör sidan som mallen {identifier(origin.template)} skriver mindre")
    largest = origin.files()
    if largest:
        named = ", ".join(f"{identifier(name)} ({size_text(b)})" for name, b in largest)
        what.append(f"korta texterna i de största filerna: {named}")
    todo = ", ".join(what[:-1]) + ", eller " + what[-1] if len(what) > 1 else what[0]
    raise PdfTooLarge(
        f"Rapporten för {origin.ar} ({origin.titel}) är för stor för att sättas som PDF: "
        f"HTML-sidan har {cost}. Gör så här i stället: {todo}.",
        ar=origin.ar,
        size=size,
        limit=limit,
    )
