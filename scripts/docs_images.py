"""Regenerate the pictures of the outputs in docs/bilder/ from the shipped data (never by hand).

    python scripts/docs_images.py            # writes docs/bilder/*.png
    python scripts/docs_images.py --check    # exit 1 if a picture differs from a new rendering

Now: the first page of the 2023 PDF report (title, contents) and the page with the widest
table (Insats × område, on a landscape page). Screenshots of the HTML report at two widths come
with the browser step of issue 15.

Needs the extras of ``.[test]`` (WeasyPrint, pdfplumber) and poppler's ``pdftoppm``.
"""

from __future__ import annotations

import argparse
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


def _pdf() -> bytes:
    sys.path.insert(0, str(ROOT / "src"))
    from utsatta.check import validate
    from utsatta.render.pdf import render_pdf
    from utsatta.render.report import build

    ds = validate(ROOT / "data", year=YEAR, texts=True).dataset
    return render_pdf(build(ds, YEAR))


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
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="jämför i stället för att skriva")
    args = parser.parse_args()
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
