"""Rewrite the README's table of finding codes from the registry (src/utsatta/codes.py), in place.

    python scripts/readme_codes.py            # rewrites the table in README.md
    python scripts/readme_codes.py --check    # exit 1 if the table is not the registry's

The table is the block of lines from its header row ("| Kod | Allvarlighet | …") to the first
line that is not a table row; nothing else in the README changes. tests/test_library.py fails
while the table differs from the registry.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from utsatta.codes import markdown_table

ROOT = Path(__file__).resolve().parent.parent
HEADER = "| Kod | Allvarlighet | Vad | Vad du gör |"


def with_table(text: str) -> str:
    """``text`` (a README) with its table of codes replaced by the registry's."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.rstrip("\n") == HEADER]
    if len(starts) != 1:
        raise SystemExit(f"README: {len(starts)} rader '{HEADER}', väntade en.")
    start = end = starts[0]
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "".join(lines[:start]) + markdown_table() + "".join(lines[end:])


def main() -> int:
    parser = argparse.ArgumentParser(description="Skriv om README:ns tabell över fyndkoder.")
    parser.add_argument(
        "--check", action="store_true", help="ändra inget; exitkod 1 om tabellen inte är aktuell"
    )
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args()
    old = args.readme.read_text(encoding="utf-8")
    new = with_table(old)
    if new == old:
        print(f"{args.readme}: tabellen över fyndkoder är aktuell.")
        return 0
    if args.check:
        print(f"{args.readme}: tabellen är inte registrets. Kör python scripts/readme_codes.py.")
        return 1
    args.readme.write_text(new, encoding="utf-8")
    print(f"{args.readme}: tabellen över fyndkoder är omskriven.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
