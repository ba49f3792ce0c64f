"""No module-level function of src/ that nothing names: a function referenced only by its own
definition is dead code (granska18b D1 found four). A name counts as used wherever it appears
as a word in src/, tests/, templates/, benchmarks/ or scripts/ (a call, an import, a string that
names it for ``getattr`` or a template); decorated functions (commands, fixtures) and module
hooks (``__getattr__``, ``__dir__``) are used by what decorates or imports them."""

from __future__ import annotations

import ast
import re
from collections import Counter

from tests.support import ROOT

FOLDERS = ("src", "tests", "templates", "benchmarks", "scripts")
SUFFIXES = (".py", ".j2", ".html", ".md", ".txt")


def test_every_module_level_function_is_used() -> None:
    words: Counter[str] = Counter()
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in SUFFIXES:
                text = path.read_text(encoding="utf-8", errors="replace")
                words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    unused = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and not node.decorator_list
        and not (node.name.startswith("__") and node.name.endswith("__"))
        and words[node.name] <= 1
    ]
    assert unused == [], f"Funktioner som ingen använder: {unused}. Ta bort dem."
