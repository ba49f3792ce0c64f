"""No organisation or plan wording in the code that renders: to whom an insats reports is the
plan's own words (plan.yaml: insatser[].uppfoljning.text), quoted on the insats's card; the
label of each kind of follow-up is neutral (render/labels.py UPPFOLJNING_TEXT)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from utsatta.render.labels import uppfoljning_text

ROOT = Path(__file__).parent.parent
#: the organs and offices of one plan: they come from the data, never from the code
ORGAN = re.compile(r"kommunstyrelse|kommunfullmäktige|stadsledningskontor|socialstyrelsen", re.I)


def test_the_label_is_neutral_and_the_card_quotes_the_plan() -> None:
    text = "Rapportering till regionstyrelsen ska ske en gång per år."
    assert uppfoljning_text("arlig", None, text) == "årlig rapportering"
    assert uppfoljning_text("arlig", None, text, ordagrant=True) == (
        "årlig rapportering (”Rapportering till regionstyrelsen ska ske en gång per år”)"
    )
    assert uppfoljning_text("under-planperioden", None, "Återrapportering till nämnden") == (
        "återrapportering under planperioden"
    )
    assert uppfoljning_text("en-gang", 2023, "Vid slutrapporteringen 2023.") == (
        "en gång, år 2023 (”Vid slutrapporteringen 2023”)"
    )


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


def test_no_organ_of_the_plan_in_rendering_code_or_templates() -> None:
    found = [
        f"{p.relative_to(ROOT)}:{line}: {s!r}"
        for folder in ("src/utsatta/render", "src/utsatta/export")
        for p in sorted((ROOT / folder).rglob("*.py"))
        for line, s in _strings(p)
        if ORGAN.search(s)
    ]
    for p in sorted((ROOT / "templates").rglob("*.j2")):
        text = re.sub(r"\{#.*?#\}", "", p.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # CSS comments
        found += [f"{p.relative_to(ROOT)}: {m.group(0)}" for m in ORGAN.finditer(text)]
    assert found == []
