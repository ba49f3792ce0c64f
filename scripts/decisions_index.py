"""Rewrite docs/decisions/README.md, the index of the decision records, from the records' titles.

    python scripts/decisions_index.py            # rewrites the index
    python scripts/decisions_index.py --check    # exit 1 if the index is not current

Each record's first line is its title ("# NNNN Titel"); the index lists them in number order,
each linked. tests/test_decision_refs.py fails while the index differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECISIONS = ROOT / "docs" / "decisions"
INDEX = DECISIONS / "README.md"

HEAD = """# Beslut

Korta beslutsposter: varför koden ser ut som den gör (Sammanhang, Beslut, Följder). Ett
senare beslut som ändrar ett tidigare hänvisar till det. Den här förteckningen skrivs av
`python scripts/decisions_index.py` (ändra den inte för hand; `--check` visar om den är
aktuell). Sök i posterna med t.ex. `grep -il pdf docs/decisions/`.

"""


def title(path: Path) -> str:
    """The record's title: its first line without the '#' and the number."""
    with path.open(encoding="utf-8") as f:
        first = f.readline().strip()
    text = first.lstrip("#").strip()
    number = path.name[:4]
    if text.startswith(number):
        text = text[len(number) :].lstrip(" :.–-")
    # a title is one line of Markdown link text: no brackets that would end the link early
    return text.replace("[", "(").replace("]", ")") or path.stem


def index_text(folder: Path = DECISIONS) -> str:
    records = sorted(p for p in folder.glob("[0-9][0-9][0-9][0-9]-*.md"))
    lines = [f"- [{p.name[:4]}]({p.name}) {title(p)}\n" for p in records]
    return HEAD + f"{len(records)} poster.\n\n" + "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Skriv om förteckningen över beslutsposterna.")
    parser.add_argument(
        "--check",
        action="store_true",
        help="ändra inget; exitkod 1 om förteckningen inte är aktuell",
    )
    args = parser.parse_args()
    new = index_text()
    old = INDEX.read_text(encoding="utf-8") if INDEX.exists() else ""
    if new == old:
        print(f"{INDEX.relative_to(ROOT)}: förteckningen är aktuell.")
        return 0
    if args.check:
        print(
            f"{INDEX.relative_to(ROOT)}: förteckningen är inte aktuell. "
            "Kör python scripts/decisions_index.py."
        )
        return 1
    INDEX.write_text(new, encoding="utf-8")
    print(f"{INDEX.relative_to(ROOT)}: förteckningen är omskriven.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
