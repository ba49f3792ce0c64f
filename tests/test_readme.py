"""The README says what is true of the code: its module map is the whole package, its table of
exit codes has one row per code the command line uses, in order."""

from __future__ import annotations

import re

from tests.support import ROOT
from utsatta.cli import output

README = (ROOT / "README.md").read_text(encoding="utf-8")
SRC = ROOT / "src" / "utsatta"


def _section(title: str) -> str:
    start = README.index(f"\n### {title}\n")
    end = README.index("\n#", start + 1)
    return README[start:end]


def _mapped_modules() -> set[str]:
    """The names in the left column of the Arkitektur block (``model/`` for a package)."""
    block = re.search(r"```\n(.*?)```", _section("Arkitektur"), re.DOTALL)
    assert block is not None
    names: set[str] = set()
    for line in block.group(1).splitlines():
        if line.startswith("      "):  # a description carried over from the line above
            continue
        left = re.split(r"\s{3,}", line.strip().removeprefix("← "))[0]
        names |= set(re.findall(r"[a-z_]+/?", left))
    return names


def test_the_module_map_is_the_whole_package() -> None:
    tree = {
        f"{p.name}/" if p.is_dir() else p.stem
        for p in SRC.iterdir()
        if (p.is_dir() and (p / "__init__.py").is_file()) or p.suffix == ".py"
    }
    assert _mapped_modules() == tree


def test_exit_codes_one_row_each_in_order() -> None:
    rows = re.findall(r"^\| (\d+) \|", _section("Exitkoder"), re.MULTILINE)
    codes = [int(c) for c in rows]
    used = {getattr(output, name) for name in dir(output) if name.startswith("EXIT_")}
    assert codes == sorted(used)
