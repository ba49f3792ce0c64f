"""The PDF report (WeasyPrint): text of the widest tables present, tags, language, title, pages.

Needs WeasyPrint with its system libraries (Pango), pdfplumber, pikepdf and poppler's
``pdftoppm``. Without them the tests are skipped, unless ``UTSATTA_REQUIRE_PDF=1`` (as in
``.ci/run``), where anything missing is a failure. Install for a local run:
``apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
poppler-utils`` and ``python -m pip install ".[test]"``.

The pages of the shipped data's PDF are rendered to PNG in ``UTSATTA_PDF_PNG_DIR`` (default: a
temporary folder) for a reviewer to look at.
"""

from __future__ import annotations

import bisect
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.support import (
    LONG_WORD,
    SharedReport,
    long_word_data,
    need_poppler,
    pdf_libraries,
    shortened_while,
)
from utsatta.check import validate
from utsatta.load.dataset import load
from utsatta.render.report import build

pytestmark = pytest.mark.pdf

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
SHIPPED = HERE.parent / "data"
YEAR = 2023
#: hyphens WeasyPrint adds at a line break (U+2010), soft hyphens and ordinary ones
_HYPHENS_AND_SPACE = re.compile(r"[\s\u2010\u00ad-]+")


def _norm(text: str) -> str:
    return _HYPHENS_AND_SPACE.sub("", text)


#: the text boxes the long-word rule changed in each page of the shipped PDFs of the year, as
#: ``shipped`` and ``slut_pdf`` laid them out
_SHORTENED: dict[int, list[int]] = {}


@pytest.fixture(scope="module")
def libs() -> tuple[Any, Any]:
    return pdf_libraries()


@pytest.fixture(scope="module")
def fixture_pdf(libs: tuple[Any, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from utsatta.render.pdf import render_pdf

    path = tmp_path_factory.mktemp("pdf") / "rapport-2023.pdf"
    path.write_bytes(render_pdf(build(load(FIXTURE), YEAR), datum="2024-03-12"))
    return path


@pytest.fixture(scope="module")
def shipped(shared_report: Callable[[Path, int], SharedReport]) -> tuple[str, bytes, list[str]]:
    """(HTML, PDF, WeasyPrint's warnings) of the shipped data's report for 2023."""
    pdf_libraries()
    from utsatta.render.pdf import render_pdf

    report = shared_report(SHIPPED, YEAR)
    warnings: list[str] = []
    pdf, _SHORTENED[YEAR] = shortened_while(lambda: render_pdf(report.view, warnings=warnings))
    return report.html, pdf, warnings


@pytest.fixture(scope="module")
def shipped_pdf(
    libs: tuple[Any, Any],
    shipped: tuple[str, bytes, list[str]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Any]:
    """The shipped report's PDF opened once with pdfplumber for the tests of this module: its
    pages keep the characters they have read, so its ~100 pages are parsed once (about 20 s of
    CPU each time), not once per test."""
    pdfplumber, _ = libs
    path = tmp_path_factory.mktemp("shipped") / "rapport.pdf"
    path.write_bytes(shipped[1])
    with pdfplumber.open(path) as pdf:
        yield pdf


@pytest.fixture(scope="module")
def slut_pdf(libs: tuple[Any, Any], shared_report: Callable[[Path, int], SharedReport]) -> bytes:
    """The shipped data's slutuppföljning 2025 as PDF, laid out once for the tests of this
    module that read it (about 40 s of CPU each time)."""
    from utsatta.render.pdf import render_pdf

    view = shared_report(SHIPPED, 2025).view
    pdf, _SHORTENED[2025] = shortened_while(lambda: render_pdf(view))
    return pdf


@pytest.fixture(scope="module")
def shipped_lines(shipped_pdf: Any) -> list[list[str]]:
    """The lines of each page's text (pdfplumber's extract_text) of the shipped PDF."""
    return [(p.extract_text() or "").splitlines() for p in shipped_pdf.pages]


class _Cells(HTMLParser):
    """Every table of the page: its caption and the text of each th/td, row by row (without
    the text for a screen reader only, .sr-only, which print does not show)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._caption: list[str] | None = None
        self._cell: list[str] | None = None
        self._hidden = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if ("class", "sr-only") in attrs:
            self._hidden = True
        elif tag == "table":
            self.tables.append(("", []))
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if self._hidden and tag == "span":  # the sr-only span holds text only
            self._hidden = False
        elif tag == "caption" and self._caption is not None:
            rows = self.tables[-1][1]
            self.tables[-1] = ("".join(self._caption), rows)
            self._caption = None
        elif tag in ("th", "td") and self._cell is not None:
            self.tables[-1][1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._caption is not None:
            self._caption.append(data)


def _widest_tables(html: str, n: int = 3) -> list[tuple[str, list[list[str]]]]:
    parser = _Cells()
    parser.feed(html)
    return sorted(parser.tables, key=lambda t: -max(len(r) for r in t[1]))[:n]


def _tagged_cells(pdf: Any) -> Iterator[str]:
    """The text of every TH and TD structure element (the tagged table cells), page by page."""

    def cells(node: dict[str, Any], out: list[set[int]]) -> None:
        if node.get("type") in ("TD", "TH"):
            ids: set[int] = set()

            def collect(m: dict[str, Any]) -> None:
                ids.update(m.get("mcids") or [])
                for c in m.get("children", []):
                    collect(c)

            collect(node)
            out.append(ids)
            return
        for c in node.get("children", []):
            cells(c, out)

    for page in pdf.pages:
        found: list[set[int]] = []
        for node in page.structure_tree:
            cells(node, found)
        chars: dict[int | None, list[str]] = {}
        for ch in page.chars:
            chars.setdefault(ch.get("mcid"), []).append(ch["text"])
        for ids in found:
            yield "".join("".join(chars.get(i, [])) for i in sorted(ids))


# --- the shipped data: the widest tables, nothing outside the page -----------------------------


def test_every_cell_of_the_widest_tables_is_in_the_text_layer(
    shipped: tuple[str, bytes, list[str]], shipped_pdf: Any
) -> None:
    """Each th/td of the three widest tables (Insats × område among them) is a tagged cell whose
    text, whitespace and hyphenation aside, is the cell's text in the HTML."""
    html = shipped[0]
    in_pdf = {_norm(t) for t in _tagged_cells(shipped_pdf)}
    widest = _widest_tables(html)
    assert any(caption.startswith("Insats × område") for caption, _ in widest)
    missing = [
        (caption, cell)
        for caption, rows in widest
        for row in rows
        for cell in row
        if _norm(cell) and _norm(cell) not in in_pdf
    ]
    assert missing == []


@pytest.mark.parametrize(("ar", "pdf"), [(2023, "shipped"), (2025, "slut_pdf")])
def test_the_shipped_reports_have_no_word_to_shorten(
    ar: int, pdf: str, request: pytest.FixtureRequest
) -> None:
    """The shipped data's PDF pages are laid out unchanged (the same bytes as before 0582): their
    longest words (addresses of 169-178 characters) are in the sources, laid out once
    (tests/test_pdf_words.py has the rule)."""
    request.getfixturevalue(pdf)
    assert _SHORTENED[ar] == [0]


def test_no_text_outside_the_page(shipped_pdf: Any) -> None:
    """No character lies beyond the page margins (a cut table would): every glyph inside the
    printable area, on portrait and landscape pages alike."""
    outside = []
    landscape = 0
    for number, page in enumerate(shipped_pdf.pages, start=1):
        landscape += page.width > page.height
        margin = 30  # points; the page margins are 14 mm ≈ 40 pt
        for ch in page.chars:
            if ch["x0"] < margin or ch["x1"] > page.width - margin or ch["bottom"] > page.height:
                outside.append((number, ch["text"]))
    assert outside == []
    assert landscape >= 1  # the matrix insats × område (bilaga B) is on a landscape page


#: how far (points) a glyph may reach past a rule before it counts as crossing it; a cell's text
#: keeps its padding (3 pt) from the cell's borders
_OVER = 0.5


def _across_rules(page: Any) -> str:
    """The characters of ``page`` that a vertical rule or edge runs through: a table's column
    border, a cell's coloured background, a box's edge."""
    rules = sorted((e["x0"], e["top"], e["bottom"]) for e in page.edges if e["orientation"] == "v")
    xs = [x for x, _, _ in rules]
    return "".join(
        ch["text"]
        for ch in page.chars
        if any(
            top < ch["bottom"] - _OVER and bottom > ch["top"] + _OVER
            for _, top, bottom in rules[
                bisect.bisect_right(xs, ch["x0"] + _OVER) : bisect.bisect_left(xs, ch["x1"] - _OVER)
            ]
        )
    )


def test_no_text_runs_over_a_column_border(
    libs: tuple[Any, Any], shipped_pdf: Any, slut_pdf: bytes
) -> None:
    """A table of fixed layout (the kinds the report always writes) keeps the widths of its
    column headings, however long a word in a cell (docs/decisions/0674): no character of the
    2023 PDF, nor of the main part of the slutuppföljning 2025 (its goals, insatser over the
    period and behov per year), runs over a column's border into the next cell or past the
    table. (It fails when bilaga D's progress, "20 % av vägen", is given a column of 10 %.)"""
    import io

    pdfplumber, _ = libs
    crossed = [(n, t) for n, p in enumerate(shipped_pdf.pages, 1) if (t := _across_rules(p))]
    with pdfplumber.open(io.BytesIO(slut_pdf)) as doc:
        main = _bilaga_a((doc.pages[0].extract_text() or "").splitlines(), 2025) - 1
        assert main >= 15  # sections 1–6, where the slutuppföljning's own tables are
        crossed += [(n, t) for n, p in enumerate(doc.pages[:main], 1) if (t := _across_rules(p))]
    assert crossed == []


#: a word of pdftotext's -bbox output: its page's size, then each word's box
_BBOX = re.compile(r'<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"')


#: what the long-word PDF keeps of the shipped data's reports and indicators: with a long word in
#: every table cell WeasyPrint measures each cell a character at a time, and the whole report
#: took ~110 s of CPU. These files still give every kind of element of the whole report (the
#: guard in the test says when a change of the data or templates needs another file back): the
#: reports of 2022 that the uppföljning's behov come from, five of 2023 (a company, nämnder, the
#: rest shown as missing) and the indicators of the areas, the list and one survey.
_LONG_WORD_KEEPS = {
    "rapporter/2022": {"grundskolenamnden", "kommunstyrelsen", "kulturnamnden"},
    "rapporter/2023": {
        "exploateringsnamnden", "framtiden", "higab", "kulturnamnden", "socialnamnd-sydvast",
    },
    "indikatorer": {
        "forskola-andel-utsatta-omraden", "invanare-i-sarskilt-utsatta-omraden", "nya-omraden",
        "sarskilt-utsatta-omraden", "utsatta-omraden", "valdeltagande-kommunval-goteborg",
    },
}  # fmt: skip

_VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "col", "wbr", "source"})


class _Kinds(HTMLParser):
    """Every kind of element of a page: its tag and classes with those of its ancestors, and a
    cell's column (a rule may be for a column), as the print CSS can tell them apart."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: set[tuple[str, ...]] = set()
        self._path: list[str] = []
        self._siblings: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = " ".join(sorted((dict(attrs).get("class") or "").split()))
        kind = f"{tag}.{classes}"
        if tag in ("td", "th"):
            kind += f":{sum(t in ('td', 'th') for t in self._siblings[-1]) + 1}"
        self._siblings[-1].append(tag)
        self.kinds.add((*self._path, kind))
        if tag not in _VOID:
            self._path.append(kind)
            self._siblings.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self._path:
            self._path.pop()
            self._siblings.pop()


def _kinds(html: str) -> set[tuple[str, ...]]:
    parser = _Kinds()
    parser.feed(html)
    return parser.kinds


def test_a_long_word_in_every_name_and_text_stays_inside_the_margins(
    libs: tuple[Any, Any], tmp_path: Path
) -> None:
    """sak16 F4: the shipped data with a 90-letter word after every name and free text
    (tests/support.long_word_data): no word of the 2023 PDF reaches into the left or right
    page margin (14 mm), where the banner and the contents on page 1 ran off the page, and the
    tables of övriga uppdrag, the list and the earlier behov, and the charts' sources, did too
    (docs/decisions/0521). Laid out from fewer reports and indicators (``_LONG_WORD_KEEPS``),
    whose report has every kind of element the whole report has (docs/decisions/0651)."""
    from utsatta.render.pdf import render_pdf
    from utsatta.render.report import render

    need_poppler("pdftotext")
    data = long_word_data(tmp_path)
    whole = _kinds(render(build(load(data), YEAR), "html"))
    for folder, keep in _LONG_WORD_KEEPS.items():
        for path in (data / folder).glob("*.yaml"):
            if path.stem not in keep:
                path.unlink()
    view = build(load(data), YEAR)
    missing = whole - _kinds(render(view, "html"))
    assert not missing, f"ta tillbaka en fil i _LONG_WORD_KEEPS: {sorted(missing)[:5]}"
    path = tmp_path / "langt-ord.pdf"
    path.write_bytes(render_pdf(view))
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    margin = 14 * 72 / 25.4  # points
    pages, outside, width = 0, [], 0.0
    for m in _BBOX.finditer(xml):
        if m.group(1):
            pages, width = pages + 1, float(m.group(1))
        elif float(m.group(2)) < margin - 1 or float(m.group(3)) > width - margin + 1:
            outside.append((pages, m.group(0)))
    assert pages > 50 and xml.count(LONG_WORD[:20]) > 100
    assert outside == []


def test_main_part_fills_about_ten_pages(shipped_lines: list[list[str]]) -> None:
    """Issue 14: the main part of the 2023 report (sections 1–6) fills about ten A4 pages, the
    appendices after it: Bilaga A starts on page 11 at the latest, where the contents say, and
    the sections of the main part come before it in their order."""
    pages = shipped_lines

    def starts(heading: str) -> int:
        """The page of the heading: a whole line (a line of the contents has its page number)."""
        return next(n for n, lines in enumerate(pages, start=1) if heading in lines)

    bilaga_a = starts(f"Bilaga A. Nämndernas och styrelsernas rapporter {YEAR}")
    contents = [m for line in pages[0] if (m := re.fullmatch(r"Bilaga A\. .*?(\d+)", line))]
    assert [int(m[1]) for m in contents] == [bilaga_a]
    assert bilaga_a <= 11
    sections = [
        starts(h)
        for h in (
            f"1. Samlad bedömning {YEAR}",
            "2. Sammanfattning",
            "3. Fokusområdena",
            "4. Behov av ytterligare insatser",
            "5. Områdena",
            "6. Saknade rapporter",
        )
    ]
    assert sections == sorted(sections) and sections[-1] < bilaga_a


#: the README's number words for the pages of the main part
_TAL = {
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14,
    "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20,
}  # fmt: skip


def _readme_pages() -> dict[int, int]:
    """What README says of the main part (sections 1–6) of the shipped data's PDF: {2023: 10,
    2025: …}, from "huvuddelen tio sidor för 2023 och … för slutuppföljningen 2025"."""
    text = " ".join((HERE.parent / "README.md").read_text(encoding="utf-8").split())
    m = re.search(r"huvuddelen (\w+) sidor för 2023 och (\w+) för slutuppföljningen 2025", text)
    assert m, "README säger inte längre hur många sidor huvuddelen har"
    return {2023: _TAL[m[1]], 2025: _TAL[m[2]]}


def _bilaga_a(contents: list[str], ar: int) -> int:
    """The page the contents give for Bilaga A of ``ar`` (its one entry)."""
    pages = [
        int(m[1])
        for line in contents
        if (
            m := re.fullmatch(
                rf"Bilaga A\. Nämndernas och styrelsernas rapporter {ar}[ .]*(\d+)", line
            )
        )
    ]
    assert len(pages) == 1, contents
    return pages[0]


def test_readme_says_the_main_part_of_2023(shipped_lines: list[list[str]]) -> None:
    """granska17 F-k: README's "tio sidor för 2023" is the pages before Bilaga A."""
    bilaga_a = _bilaga_a(shipped_lines[0], YEAR)
    assert f"Bilaga A. Nämndernas och styrelsernas rapporter {YEAR}" in shipped_lines[bilaga_a - 1]
    assert _readme_pages()[YEAR] == bilaga_a - 1


def test_readme_says_the_main_part_of_the_slutuppfoljning_2025(
    slut_pdf: bytes, tmp_path: Path
) -> None:
    """granska17 F-k: README said fifteen pages for the slutuppföljning 2025; the contents of
    the shipped data's PDF put Bilaga A on page 19, so the main part (sections 1–6) is pages
    1–18. The page the contents give is where Bilaga A's heading stands, and the one before it
    is still section 6."""
    need_poppler("pdftotext")
    path = tmp_path / "slutuppfoljning-2025.pdf"
    path.write_bytes(slut_pdf)

    def page(n: int) -> list[str]:
        out = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return [" ".join(line.split()) for line in out.splitlines()]

    contents = page(1)
    assert "6. Saknade rapporter . . ." in " ".join(contents)
    bilaga_a = _bilaga_a(contents, 2025)
    assert page(bilaga_a)[0] == "Bilaga A. Nämndernas och styrelsernas rapporter 2025"
    assert not any(line.startswith("Bilaga A.") for line in page(bilaga_a - 1))
    assert _readme_pages()[2025] == bilaga_a - 1


def test_contents_say_the_headings_and_cards_and_legends_stay_whole(
    shipped_lines: list[list[str]],
) -> None:
    """F11: each entry of the contents is its heading word for word (not "1. Samlad bedömning"
    for "1. Samlad bedömning 2023"); the card "Målet mot polisens lista" stands on one page, its
    comparison with 2021 too; section 5's legend (*, †, ‡, utan markering) is on the page of the
    table's last row (Rannebergen), not split from it."""
    pages = shipped_lines
    entries = [re.sub(r"[ .]*\d+$", "", line) for line in pages[0] if ". . ." in line]
    assert len(entries) == 15, entries
    assert entries[0] == f"1. Samlad bedömning {YEAR}"
    assert entries[4] == "Fokusområde 2: Grundläggande säkerhet och trygghet"
    for entry in entries:
        assert any(entry in lines for lines in pages), entry

    def page(line: str, start: int = 0, prefix: bool = False) -> int:
        return next(
            n
            for n, lines in enumerate(pages[start:], start=start + 1)
            if any(x.startswith(line) if prefix else x == line for x in lines)
        )

    card = page("Målet mot polisens lista")
    assert page("Jämfört med listan 2021", prefix=True) == card
    s5 = page("5. Områdena", start=1)
    legend = page("* slutledd", start=s5 - 1, prefix=True)
    assert page("Rannebergen ", start=s5 - 1, prefix=True) == legend
    # on paper the legend's meanings run on as one paragraph (decision 0505): its last words
    last = "utan markering: bekräftad i polisens egen publicering"
    assert (
        next(n for n, lines in enumerate(pages[s5 - 1 :], start=s5) if last in " ".join(lines))
        == legend
    )


def test_only_known_css_is_ignored(shipped: tuple[str, bytes, list[str]]) -> None:
    """WeasyPrint ignores only the screen-only rules it does not support, none of the print CSS."""
    warnings = shipped[2]
    # the screen's narrow layouts, among them the outcome table's cards (55rem, 23rem)
    allowed = ("max-width: 48rem", "max-width: 55rem", "max-width: 23rem", "overflow-x")
    assert [w for w in warnings if not any(a in w for a in allowed)] == []


def test_pages_as_png_for_a_reviewer(shipped: tuple[str, bytes, list[str]], tmp_path: Path) -> None:
    """pdftoppm turns every page into a PNG (kept in UTSATTA_PDF_PNG_DIR when it is set)."""
    pdftoppm = need_poppler("pdftoppm")
    folder = Path(os.environ.get("UTSATTA_PDF_PNG_DIR") or tmp_path / "png")
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "rapport-2023.pdf"
    pdf.write_bytes(shipped[1])
    subprocess.run([pdftoppm, "-r", "50", "-png", str(pdf), str(folder / "sida")], check=True)
    pngs = sorted(folder.glob("sida-*.png"))
    assert 30 <= len(pngs) <= 150
    assert all(p.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for p in pngs)


# --- the fixture data: metadata, tags, footer, contents, determinism ---------------------------


def test_title_language_and_structure_tree(libs: tuple[Any, Any], fixture_pdf: Path) -> None:
    _, pikepdf = libs
    with pikepdf.open(fixture_pdf) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "sv"
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked) is True
        assert str(pdf.docinfo.Title).startswith("Samlad uppföljning 2023")
        assert str(pdf.docinfo.CreationDate) == "D:20240312"
        assert "/ModDate" not in pdf.docinfo
        meta = pdf.open_metadata()
        assert meta.get("pdfuaid:part") == "1"
        outline = [item.title for item in pdf.open_outline().root]
        assert outline and outline[0].startswith("Samlad uppföljning 2023")
        # the appendices (issue 14: Bilaga A–D) each start a page
        assert 12 <= len(pdf.pages) <= 24
        assert float(pdf.pages[0].mediabox[2]) == pytest.approx(595.28, abs=0.5)  # A4 portrait


def test_footer_and_contents(libs: tuple[Any, Any], fixture_pdf: Path) -> None:
    pdfplumber, _ = libs
    with pdfplumber.open(fixture_pdf) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    total = len(pages)
    for n, text in enumerate(pages, start=1):
        assert "Dnr 0000/20 · Uppföljning 2023 · 2024-03-12" in text
        assert f"Sida {n} av {total}" in text
    # the contents list each section with the page it starts on
    for line in pages[0].splitlines():
        m = re.fullmatch(r"(\d)\. (\w+)[ .]+(\d+)", line.strip())
        if m:
            assert m[2] in pages[int(m[3]) - 1]


def test_a_made_up_decision_date_is_marked_and_not_the_creation_date(
    libs: tuple[Any, Any],
) -> None:
    """The fixture's uppföljning 2023 is illustrative and "decided" 2024-06-01, as the CLI passes
    it (`decision_date`): every footer says the date is made up, the PDF has no CreationDate, and
    the footer still fits beside the page number on one line."""
    import io

    from utsatta.render.pdf import report_pdf

    pdfplumber, pikepdf = libs
    pdf_bytes = report_pdf(load(FIXTURE), YEAR, datum="2024-06-01")
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        assert "/CreationDate" not in pdf.docinfo
    footer = "Dnr 0000/20 · Uppföljning 2023 · 2024-06-01 (påhittat datum)"
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            lines = (page.extract_text() or "").splitlines()
            last = [line for line in lines if footer in line]
            assert last == [f"{footer} Sida {n} av {len(pdf.pages)}"], n
            words = page.extract_words()
            bottom = [w for w in words if w["top"] > page.height - 60]
            assert all(w["x0"] >= 0 and w["x1"] <= page.width for w in bottom)
            mark = next(w for w in bottom if w["text"] == "datum)")
            sida = next(w for w in bottom if w["text"] == "Sida")
            assert mark["x1"] + 20 < sida["x0"]  # apart, not touching


def test_pdf_is_deterministic_and_never_uses_the_clock(libs: tuple[Any, Any]) -> None:
    from utsatta.render.pdf import DATUM_SAKNAS, render_pdf

    pdfplumber, pikepdf = libs
    view = build(load(FIXTURE), YEAR)
    first, second = render_pdf(view), render_pdf(view)
    assert first == second
    import io

    with pikepdf.open(io.BytesIO(first)) as pdf:
        assert "/CreationDate" not in pdf.docinfo
    with pdfplumber.open(io.BytesIO(first)) as pdf:
        assert f"Uppföljning 2023 · {DATUM_SAKNAS}" in (pdf.pages[0].extract_text() or "")


def test_footer_text_from_the_data_cannot_break_the_css(libs: tuple[Any, Any]) -> None:
    """A diarienummer with quotes, braces and a backslash is shown as written."""
    from utsatta.render.pdf import html_to_pdf

    pdfplumber, _ = libs
    evil = 'x"; } @page { @bottom-left { content: "pwn'
    html = (
        '<!DOCTYPE html><html lang="sv"><head><title>T</title></head><body><p>a</p></body></html>'
    )
    import io

    pdf = html_to_pdf(html, footer=f"Dnr {evil} \\ 2023")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = doc.pages[0].extract_text() or ""
    assert f"Dnr {evil} \\ 2023" in text


def test_nothing_is_fetched(libs: tuple[Any, Any], tmp_path: Path) -> None:
    """An image or stylesheet address in the page (from a data repository's template) is never
    read: not a local file, not the network."""
    from utsatta.render.pdf import html_to_pdf

    pdfplumber, _ = libs
    secret = tmp_path / "hemlig.css"
    secret.write_text("p { color: red } p::after { content: 'HEMLIGT' }", encoding="utf-8")
    html = (
        '<!DOCTYPE html><html lang="sv"><head><title>T</title>'
        f'<link rel="stylesheet" href="{secret.as_uri()}"></head>'
        f'<body><p>a</p><img src="{secret.as_uri()}" alt="bild"></body></html>'
    )
    import io

    warnings: list[str] = []
    pdf = html_to_pdf(html, footer="f", warnings=warnings)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert "HEMLIGT" not in (doc.pages[0].extract_text() or "")


def test_missing_weasyprint_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from utsatta.render.pdf import INSTALL_PDF, PdfUnavailableError, report_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(PdfUnavailableError) as info:
        report_pdf(load(FIXTURE), YEAR)
    assert INSTALL_PDF in str(info.value)
    assert "WeasyPrint" in str(info.value)


def test_missing_pango_names_the_system_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint raises OSError on import when Pango cannot be loaded: the message names the
    Debian packages."""
    import importlib.abc
    import sys

    from utsatta.render.pdf import INSTALL_SYSTEM, PdfUnavailableError, require_weasyprint

    class _NoPango(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if name == "weasyprint":
                raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    with pytest.raises(PdfUnavailableError) as info:
        require_weasyprint()
    assert INSTALL_SYSTEM in str(info.value)
    assert "libpango-1.0-0" in str(info.value)


# --- the shipped data: readable print, whole dates -----------------------------------------------

#: the smallest text in print: the footer's 8 pt; table text is 9 pt, body 10 pt
MIN_PT = 8.0
#: WCAG 2 AA for normal text
MIN_CONTRAST = 4.5


def _luminance(color: Any) -> float:
    """Relative luminance (WCAG 2) of a pdfplumber fill colour: gray, RGB or CMYK components."""
    comps = tuple(color) if isinstance(color, (tuple, list)) else (color or 0,)
    if len(comps) == 1:
        rgb = comps * 3
    elif len(comps) == 4:
        c, m, y, k = comps
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        rgb = comps[:3]

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(float(v)) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_no_print_text_is_small_or_pale(shipped_pdf: Any) -> None:
    """Every character of the shipped PDF is at least 8 pt and has at least 4.5:1 contrast against
    the white page (the caveat "senaste värde från 2019" among them)."""
    small: dict[float, set[str]] = {}
    pale: dict[float, set[str]] = {}
    for page in shipped_pdf.pages:
        for word in page.extract_words(extra_attrs=["size", "non_stroking_color"]):
            if word["size"] < MIN_PT - 0.01:
                small.setdefault(round(word["size"], 2), set()).add(word["text"])
            contrast = 1.05 / (_luminance(word["non_stroking_color"]) + 0.05)
            if contrast < MIN_CONTRAST:
                pale.setdefault(round(contrast, 2), set()).add(word["text"])
    assert small == {}
    assert pale == {}


def _uppdrag() -> list[Any]:
    plan = validate(SHIPPED, year=YEAR).dataset.plan
    assert plan is not None and plan.model is not None and plan.model.ovriga_uppdrag is not None
    return list(plan.model.ovriga_uppdrag.uppdrag)


def test_a_date_or_paragraph_of_the_tidsplan_never_breaks_inside(
    shipped_lines: list[list[str]],
) -> None:
    """Each övriga uppdrag's tidsplan ("KS 2021-11-24", "Beslut KS 2021-03-31 § 263") stands on one
    line of the PDF: a date or "§ 263" split over two lines is misread."""
    tidsplaner = {x.tidsplan for x in _uppdrag()}
    assert "Beslut KS 2021-03-31 § 263" in tidsplaner
    lines = [ln.strip() for page in shipped_lines for ln in page]
    start = lines.index("Övriga uppdrag")
    table = lines[start : start + 80]
    assert [t for t in sorted(tidsplaner) if not any(t in ln for ln in table)] == []


class _LabelCells(HTMLParser):
    """Every cell's text, and whether the code writes its words: a column heading (th in thead),
    a value with its marker (td.num) or a label cell (td.etikett)."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[tuple[bool, str]] = []
        self._thead = False
        self._cell: list[str] | None = None
        self._label = False
        self._hidden = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if "sr-only" in classes:
            self._hidden = True
        elif tag == "thead":
            self._thead = True
        elif tag in ("th", "td"):
            self._cell = []
            self._label = (tag == "th" and self._thead) or bool({"num", "etikett"} & classes)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden and tag == "span":
            self._hidden = False
        elif tag == "thead":
            self._thead = False
        elif tag in ("th", "td") and self._cell is not None:
            self.cells.append((self._label, "".join(self._cell)))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._hidden:
            self._cell.append(data)


def test_no_column_heading_or_label_is_hyphenated(
    shipped: tuple[str, bytes, list[str]], shipped_pdf: Any
) -> None:
    """A column heading ("Egen bedömning", once "Egen be-dömning"), a value with its marker
    ("0 (2025, slutledd)") or a label cell breaks only between its words on paper: no tagged
    cell with such a text holds the hyphen WeasyPrint adds at a break (U+2010). (A text that is
    also a cell of data, an area's name both heading and row, is left to the data's rules.)"""
    html = shipped[0]
    parser = _LabelCells()
    parser.feed(html)
    data = {_norm(c) for label, c in parser.cells if not label}
    labels = {_norm(c) for label, c in parser.cells if label and _norm(c)} - data
    assert "Egenbedömning" in labels and len(labels) > 30
    cells = list(_tagged_cells(shipped_pdf))
    assert sorted({t for t in cells if _norm(t) in labels and "\u2010" in t}) == []
    # elsewhere only a long word splits, four letters or more on each line ("Grundskole-
    # nämnden"), never "Hi-singen" or "(slut-ledd)" in a sentence the code writes around data
    short = {
        m.group(0)
        for t in cells
        for m in re.finditer(r"(\w+)\u2010(\w+)", t)
        if len(m.group(1) + m.group(2)) < 10 or min(len(m.group(1)), len(m.group(2))) < 4
    }
    assert sorted(short) == []


def test_the_footer_from_the_data_is_cleaned(libs: tuple[Any, Any]) -> None:
    """The footer (the plan's diarienummer) is text from the data: no control, bidi or
    invisible character reaches the PDF (docs/decisions/0429)."""
    from utsatta.render.pdf import footer_text, html_to_pdf

    pdfplumber, _ = libs
    html = (
        '<!DOCTYPE html><html lang="sv"><head><title>T</title></head><body><p>a</p></body></html>'
    )
    dnr = "\x1b[31m1669/20\x1b[2J\u200b\u2060\U000e0041\u202eX\u2028Y"
    import io

    pdf = html_to_pdf(html, footer=footer_text(dnr, 2023, "2024-03-12"))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = doc.pages[0].extract_text() or ""
    assert "Dnr [31m1669/20[2JX Y · Uppföljning 2023 · 2024-03-12" in text
    assert re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\u202e\u2028]", text) == []


def test_a_caveat_in_a_row_header_never_splits_a_word(
    shipped: tuple[str, bytes, list[str]], shipped_lines: list[list[str]]
) -> None:
    """The caveat after an insats's title ("(återrapporteringen förfaller inte 2023)", granska18
    G5; "(behöver inte rapporteras 2025)") breaks only between
    its words, like every other text the code writes: no line of the PDF holds the start of its
    first word cut off ("(beh", the rest on the next line, without a hyphen: granska14 F14). A
    line of a table holds the text of several cells, so the cut word is looked for anywhere."""
    caveats = re.findall(r'<th scope="row"[^>]*>.*?<span class="muted">([^<]+)</span>', shipped[0])
    firsts = {c.split()[0] for c in caveats if c.startswith("(")}
    assert "(återrapporteringen" in firsts
    tokens = {t for page in shipped_lines for ln in page for t in ln.split()}
    assert "(återrapporteringen" in tokens
    cut = {t for t in tokens for w in firsts if len(t) > 2 and w.startswith(t) and t != w}
    assert cut == set()


def test_the_list_card_fills_the_page_after_section_2s_heading(
    libs: tuple[Any, Any], slut_pdf: bytes
) -> None:
    """granska15 #9: in the 2025 report the card "Målet mot polisens lista" (about 2/3 of a
    page) starts on the page of section 2's heading instead of leaving half of it empty; its
    heading, table, total and legend stay together, and only the comparison after them goes on
    to the next page."""
    import io

    pdfplumber, _ = libs
    with pdfplumber.open(io.BytesIO(slut_pdf)) as doc:
        pages = [(p.extract_text() or "").splitlines() for p in doc.pages[:10]]

    def page(line: str, prefix: bool = False) -> int:
        return next(
            n
            for n, lines in enumerate(pages[1:], start=2)  # after the contents
            if any(x.startswith(line) if prefix else x == line for x in lines)
        )

    card = page("Målet mot polisens lista")
    assert page("2. Sammanfattning") == card
    assert page("Totalt 8†") == card  # the count's class, its levels' (0500)
    assert page("† uppgift i andra hand: ", prefix=True) == card
    assert page("varje antal har markeringen för den osäkraste", prefix=True) == card
    assert page("Jämfört med listan 2021", prefix=True) == card


def test_the_main_part_leaves_room_on_its_last_page(shipped_pdf: Any) -> None:
    """note14 "Left, known": the 2023 main part filled its tenth page to the last line (6 pt
    free), so any new line would push Bilaga A past page 11. With the columns that wasted width
    given to their neighbours (section 1's uppdrag, section 3's indicators, section 4's behov,
    section 5's levels) and section 5's legend run on as one paragraph on paper (it goes with the
    table's last row: six lines of it pushed both to page 10 once counts carried ‡) at least a
    sixth of page 10 is free (about 210 pt of 746; docs/decisions/
    0505-kompakt-lista-och-plats-i-huvuddelen.md)."""
    pages = shipped_pdf.pages
    start = next(
        n
        for n, p in enumerate(pages, start=1)
        if f"Bilaga A. Nämndernas och styrelsernas rapporter {YEAR}"
        in (p.extract_text() or "").splitlines()
    )
    assert start == 11
    last = pages[start - 2]
    footer = last.height - 55  # the running footer sits in the bottom margin (18 mm)
    bottom = max(c["bottom"] for c in last.chars if c["bottom"] < footer)
    area = last.height - 45 - 51  # A4 less the top (16 mm) and bottom (18 mm) margins
    assert (last.height - 51) - bottom > area / 6, bottom


def test_room_is_made_by_labels_and_levels_on_one_line(shipped_lines: list[list[str]]) -> None:
    """What gives the room: section 3's longest status label stands on one line (its row is
    two lines, not three); section 5's row for an area is one line with its five levels; the
    tables of behov per fokusområde carry no caption that repeats the heading above them."""
    main = [ln for page in shipped_lines[1:10] for ln in page]
    at = main.index("3. Fokusområdena")
    section3 = main[at : main.index("4. Behov av ytterligare insatser")]
    label = "Ej bedömbar (inga värden från planperioden)"
    assert sum(label in ln for ln in section3) >= 5
    assert not any(ln.endswith("Ej bedömbar (inga värden från") for ln in section3)
    assert (
        "Bergsjön särskilt utsatt* särskilt utsatt‡ särskilt utsatt‡ särskilt utsatt‡ "
        in "\n".join(main)
    )
    assert [ln for ln in main if ln.startswith("Behov inom fokusområde")] == [
        "Behov inom fokusområde 1: Barns och ungas uppväxtvillkor",
        "Behov inom fokusområde 2: Grundläggande säkerhet och trygghet",
        "Behov inom fokusområde 3: Inflytande, delaktighet och tillit",
    ]


def test_om_rapporten_ends_the_last_page_of_sources(shipped_lines: list[list[str]]) -> None:
    """The colophon (the version, decision 0630) never stands alone on a page: it goes on the
    last page with at least the last four sources of Källor (rapport22)."""
    last = shipped_lines[-1]
    assert "Om rapporten" in last
    before = last[: last.index("Om rapporten")]
    assert sum(line.startswith("•") for line in before) >= 4, before
    assert any(line.startswith("Rapporten är skriven av utsatta version ") for line in last)
