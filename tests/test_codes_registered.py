"""Every finding code is in the registry (``utsatta.codes``), which the README's table is made
from. Two guards: the codes written in the source, found in its syntax tree (here), and every
finding any test makes, checked as it is made (``_registered_codes_only`` in conftest.py)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from tests.support import CASES, ROOT
from utsatta.codes import CODES
from utsatta.findings import fel

SRC = ROOT / "src" / "utsatta"
#: what a code looks like: words of small ASCII letters joined by '-'
SHAPE = re.compile(r"[a-z]+(?:-[a-z]+)+\Z")
#: callables from outside src/ that take a code: pydantic's error (its type is the code)
OUTSIDE = {"PydanticCustomError": {0}}
REGISTER = (
    "Registrera koden i src/utsatta/codes.py och kör python scripts/readme_codes.py "
    '(README, "Ny fyndkod").'
)


def _code_positions(trees: Iterable[ast.Module]) -> dict[str, set[int]]:
    """Every function, method and class of the source that takes a ``code`` (a parameter, or
    a field of a dataclass) → where it stands among the positional arguments (none: keyword
    only). ``self`` and ``cls`` are not passed, so not counted."""
    found: dict[str, set[int]] = {name: set(at) for name, at in OUTSIDE.items()}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
                names = names[1:] if names[:1] in (["self"], ["cls"]) else names
                if "code" in names:
                    found.setdefault(node.name, set()).add(names.index("code"))
                elif any(a.arg == "code" for a in node.args.kwonlyargs):
                    found.setdefault(node.name, set())
            elif isinstance(node, ast.ClassDef):
                fields = [
                    s.target.id
                    for s in node.body
                    if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                ]
                if "code" in fields:
                    found.setdefault(node.name, set()).add(fields.index("code"))
    return found


def _constants(trees: Iterable[ast.Module]) -> dict[str, set[str]]:
    """Module-level names bound to a code (``CODE = "visas-som-text"``) → their values."""
    named: dict[str, set[str]] = {}
    for tree in trees:
        for node in tree.body:
            if isinstance(node, ast.Assign) and _is_code(node.value):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        named.setdefault(target.id, set()).add(node.value.value)  # type: ignore[attr-defined]
    return named


def _is_code(node: ast.AST | None) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and SHAPE.match(node.value) is not None
    )


def _is_sentence(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
    )


def _given(node: ast.AST, named: Mapping[str, set[str]]) -> set[str]:
    """The codes an argument can be: its code-shaped constants (also in ``a if x else b``),
    and the value of a module constant it names (``CODE``, ``result.NOT_WRITTEN``)."""
    codes = {n.value for n in ast.walk(node) if _is_code(n)}  # type: ignore[attr-defined]
    for n in ast.walk(node):
        name = n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute) else ""
        codes |= named.get(name, set())
    return codes


def codes_in_source(texts: Mapping[str, str]) -> dict[str, list[str]]:
    """Every code the source files ``texts`` (name → text) give a finding → where
    ("name:line"): the argument ``code`` of a call to what takes one (``fel``, ``varning``,
    ``at_line``, ``Finding``, a module's own ``_problem``, pydantic's error …), a value bound to
    ``code``, what a function named for a code returns (``finding_code``), and the code of a
    (code, message) pair (``("lank-slinga", "Det här är …")``)."""
    trees = {name: ast.parse(text) for name, text in texts.items()}
    takes = _code_positions(trees.values())
    named = _constants(trees.values())
    found: dict[str, list[str]] = {}
    for name, tree in trees.items():
        for node in ast.walk(tree):
            given: set[str] = set()
            if isinstance(node, ast.Call):
                func = node.func
                called = (
                    func.id
                    if isinstance(func, ast.Name)
                    else func.attr
                    if isinstance(func, ast.Attribute)
                    else ""
                )
                for at in takes.get(called, ()):
                    if at < len(node.args):
                        given |= _given(node.args[at], named)
                for keyword in node.keywords:
                    if keyword.arg == "code" and called in takes:
                        given |= _given(keyword.value, named)
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == "code" for t in targets):
                    given |= _given(node.value, {})
            elif isinstance(node, ast.FunctionDef) and "code" in node.name:
                for r in ast.walk(node):
                    if isinstance(r, ast.Return) and r.value is not None:
                        given |= _given(r.value, {})
            elif isinstance(node, ast.Tuple) and len(node.elts) >= 2:
                first, second = node.elts[:2]
                if _is_code(first) and _is_sentence(second):
                    given.add(first.value)  # type: ignore[attr-defined]
            for code in given:
                found.setdefault(code, []).append(f"{name}:{getattr(node, 'lineno', 0)}")
    return found


def _source() -> dict[str, list[str]]:
    texts = {
        p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(SRC.rglob("*.py"))
        if p.name != "codes.py"  # the registry itself
    }
    return codes_in_source(texts)


def test_every_code_in_the_source_is_registered() -> None:
    """Every code a finding can have: in the source, and in the cases' expected findings."""
    found = _source()
    unregistered = {c: places for c, places in found.items() if c not in CODES}
    assert unregistered == {}, f"Koder som inte finns i registret: {unregistered}. {REGISTER}"
    in_cases: dict[str, list[str]] = {}
    for expected in sorted(CASES.glob("*/expected.txt")):
        for code in re.findall(r"\[([a-z-]+)\]", expected.read_text(encoding="utf-8")):
            in_cases.setdefault(code, []).append(expected.parent.name)
    unregistered = {c: cases for c, cases in in_cases.items() if c not in CODES}
    assert unregistered == {}, f"Koder i tests/cases som inte finns i registret: {unregistered}"
    assert {"yaml-syntax", "rapport-saknas", "okant-falt", "dubblett-i-lista"} <= found.keys()


def test_every_registered_code_is_given_in_the_source() -> None:
    """The other way round, which also shows that the scan above still sees every way the
    source gives a code: a code in the registry that no source gives is stale."""
    missing = sorted(CODES.keys() - _source().keys())
    assert missing == [], (
        f"Registrerade koder som ingen källfil ger: {missing}. Ta bort koden ur "
        "src/utsatta/codes.py (och kör python scripts/readme_codes.py), eller ge den som en "
        "konstant i anropet som bygger fyndet (fel(..., 'kod', ...) eller CODE = 'kod'), så "
        "att testet ser den."
    )


def test_the_scan_sees_a_code_after_a_path_tuple() -> None:
    """The usual form in check/ (a path tuple before the code), which the earlier regular
    expression did not see (granska18b C1), a code chosen by a condition, one in a constant
    and one in a (code, message) pair."""
    rule = (
        "CODE = 'konstant-kod'\n"
        "def check(src, i, j, x):\n"
        "    a = varning(src.display, ('insatser', i, 'behov', j), 'behov-upprepat', f'{x}')\n"
        "    b = fel(src.display, (*x, j), 'forsta-kod' if x else 'andra-kod', 'Text.')\n"
        "    c = at_line(src.display, 1, 1, CODE, 'Text.')\n"
        "    return a, b, c, ('par-kod', 'Det här är ett meddelande.'), ('ej-kod', 'ord')\n"
    )
    helpers = (
        "def varning(file, path, code, message): ...\n"
        "def fel(file, path, code, message, *, at_key=False): ...\n"
        "def at_line(file, line, column, code, message): ...\n"
    )
    found = codes_in_source({"rule.py": rule, "findings.py": helpers})
    assert found == {
        "konstant-kod": ["rule.py:5"],
        "behov-upprepat": ["rule.py:3"],
        "forsta-kod": ["rule.py:4"],
        "andra-kod": ["rule.py:4"],
        "par-kod": ["rule.py:6"],
    }


def test_a_finding_with_an_unregistered_code_is_caught_as_it_is_made(
    unregistered_codes: list[str],
) -> None:
    """The run-time guard (conftest.py) records the code and the place that made it; here it
    is taken from the record, so this test passes (any other test fails on it)."""
    assert unregistered_codes == []
    fel("plan.yaml", ("plan",), "ingen-sadan-kod", "Text.")
    line = test_a_finding_with_an_unregistered_code_is_caught_as_it_is_made.__code__.co_firstlineno
    assert unregistered_codes == [f"'ingen-sadan-kod' ({Path(__file__)}:{line + 6})"]
    unregistered_codes.clear()
    fel("plan.yaml", ("plan",), "okant-falt", "Text.")
    assert unregistered_codes == []
