"""Regenerate the pictures of the outputs in docs/bilder/ from the shipped data (never by hand).

    python scripts/docs_images.py                   # writes docs/bilder/*.png
    python scripts/docs_images.py --check           # exit 1 if the pictures are stale
    python scripts/docs_images.py --check --pixels  # exit 1 if a picture differs from a new one

The first page of the 2023 PDF report (title, contents) and the page with the widest table
(Insats × område, on a landscape page); the HTML report in Chromium on a 390 px phone (the top)
and on a 1366 px laptop (an indicator table with every status column, and its charts); one chart
up close (a police series: gaps, inferred values, målvärde, source).

Writing (and ``--pixels``) needs the extras of ``.[test]`` (WeasyPrint, pdfplumber,
playwright), poppler's ``pdftoppm`` and Debian's ``chromium``. ``--check`` needs none of them: it
compares a fingerprint of what the pictures are made from (the 2023 HTML report, the PDF's
footer, this script's choices), written next to them in ``underlag.sha256``, with the current
one (tests/test_docs_images.py; docs/decisions/0602-bilderna-i-docs-halls-aktuella.md).
Screenshots can differ by a pixel between machines (fonts): ``--pixels`` is meant for the
machine that wrote them.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "bilder"
YEAR = 2023
#: page picture: file name → text that identifies the page (first page that has it)
PAGES = {
    "rapport-pdf-forsta-sidan.png": "Innehåll",
    "rapport-pdf-bred-tabell.png": f"Insats × område {YEAR}",
}
DPI = "60"
CHROMIUM = "/usr/bin/chromium"
#: HTML screenshot: file name → (viewport width, height, CSS selector scrolled to the top or None)
SCREENS = {
    "rapport-html-390.png": (390, 844, None),
    "rapport-html-1366.png": (1366, 900, '[aria-label="Indikatorer för fokusområde 2"]'),
}
#: one chart up close: file name → the chart's id
CHARTS = {"diagram-polisens-lista.png": "diagram-sarskilt-utsatta-omraden"}
#: the fingerprint of what the pictures were made from (``fingerprint``)
FINGERPRINT = OUT / "underlag.sha256"
_HEADER = (
    "# Skrivs av scripts/docs_images.py: sha256 av det som bilderna görs av (HTML-rapporten "
    f"{YEAR}, PDF:ens sidfot, skriptets val). Ändra inte för hand.\n"
)


def _dataset() -> object:
    sys.path.insert(0, str(ROOT / "src"))
    from utsatta.check import validate

    return validate(ROOT / "data", year=YEAR, texts=True).dataset


def fingerprint() -> str:
    """sha256 of what the pictures are made from, without a browser or WeasyPrint: the HTML
    report of ``YEAR`` (the screenshots, and the page the PDF is laid out from), the PDF's
    footer, and the pages, sizes and charts chosen here. A change to the report's text,
    templates, CSS or charts changes it; a new browser or font does not (``--pixels``)."""
    ds = _dataset()  # first: it puts src/ on the path
    from utsatta.compute.report_date import report_date
    from utsatta.render.pdf import view_footer
    from utsatta.render.report import build, render

    view = build(ds, YEAR)  # type: ignore[arg-type]
    footer = view_footer(view, report_date(ds, YEAR))  # type: ignore[arg-type]
    digest = hashlib.sha256()
    for part in (render(view, "html"), footer, repr((PAGES, DPI, SCREENS, CHARTS))):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def written_fingerprint() -> str | None:
    """The fingerprint the pictures in docs/bilder were made from, or None."""
    if not FINGERPRINT.is_file():
        return None
    lines = [line for line in FINGERPRINT.read_text(encoding="utf-8").splitlines() if line]
    return next((line for line in lines if not line.startswith("#")), None)


def _pdf() -> bytes:
    from utsatta.render.pdf import report_pdf

    # as `utsatta report --format pdf` writes it (the footer's date from the data)
    return report_pdf(_dataset(), YEAR)  # type: ignore[arg-type]


def _html_images(folder: Path, tmp: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from utsatta.render.report import build, render

    page_file = tmp / "rapport.html"
    page_file.write_text(render(build(_dataset(), YEAR), "html"), encoding="utf-8")  # type: ignore[arg-type]
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for name, (width, height, selector) in SCREENS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(page_file.as_uri(), wait_until="load")
                if selector is not None:
                    page.eval_on_selector(selector, "e => e.scrollIntoView()")
                page.screenshot(path=str(folder / name))
                written.append(folder / name)
                page.close()
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(page_file.as_uri(), wait_until="load")
            for name, ident in CHARTS.items():
                page.locator(f"#{ident}").screenshot(path=str(folder / name))
                written.append(folder / name)
        finally:
            browser.close()
    return written


def _page_numbers(pdf_path: Path) -> dict[str, int]:
    import pdfplumber

    found: dict[str, int] = {}
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            for name, marker in PAGES.items():
                if name not in found and marker in text:
                    found[name] = number
            if len(found) == len(PAGES):
                break
    missing = sorted(set(PAGES) - set(found))
    if missing:
        raise SystemExit(f"Hittar inte sidorna för {', '.join(missing)} i PDF:en.")
    return found


def render_images(folder: Path) -> list[Path]:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm saknas; installera med 'apt-get install -y poppler-utils'.")
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "rapport.pdf"
        pdf_path.write_bytes(_pdf())
        written = []
        for name, number in _page_numbers(pdf_path).items():
            stem = Path(tmp) / name.removesuffix(".png")
            page = str(number)
            args = ["-r", DPI, "-png", "-singlefile", "-f", page, "-l", page]
            subprocess.run([pdftoppm, *args, str(pdf_path), str(stem)], check=True)
            target = folder / name
            target.write_bytes(stem.with_suffix(".png").read_bytes())
            written.append(target)
        written += _html_images(folder, Path(tmp))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="jämför i stället för att skriva")
    parser.add_argument(
        "--pixels", action="store_true", help="med --check: jämför bilderna, inte underlaget"
    )
    args = parser.parse_args()
    if args.check and not args.pixels:
        if written_fingerprint() != fingerprint():
            print(
                "Bilderna i docs/bilder är inaktuella: rapporten har ändrats sedan de gjordes. "
                "Gör om dem med python scripts/docs_images.py (kräver chromium, pdftoppm och "
                "WeasyPrint)."
            )
            return 1
        print("Bilderna i docs/bilder är aktuella.")
        return 0
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            new = render_images(Path(tmp))
            stale = [
                p.name
                for p in new
                if not (OUT / p.name).is_file() or (OUT / p.name).read_bytes() != p.read_bytes()
            ]
        if stale:
            names = ", ".join(stale)
            print(f"Inaktuella bilder i docs/bilder: {names}. Kör scripts/docs_images.py.")
            return 1
        print("Bilderna i docs/bilder är aktuella.")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for path in render_images(OUT):
        print(f"Skrev {path.relative_to(ROOT)}.")
    FINGERPRINT.write_text(f"{_HEADER}{fingerprint()}\n", encoding="utf-8")
    print(f"Skrev {FINGERPRINT.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
