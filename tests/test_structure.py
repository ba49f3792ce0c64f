"""The structure of the source holds: data flows one way, no cycles, small modules, one process.

Layers, lowest first: errors/findings/codes/numbers/fileio < model < load < compute < check <
render/fmt/scaffold/schema_export/export < cli. A module may import its own layer and those
below; ``utsatta/__init__.py`` (the library's lazy API) and ``__main__`` stand above them all.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.support import ROOT

SRC = ROOT / "src" / "utsatta"
TESTS = ROOT / "tests"

LAYERS: dict[str, int] = {
    "errors": 0,
    "findings": 0,
    "codes": 0,
    "limits": 0,
    "numbers": 0,
    "fileio": 0,
    "outputformat": 0,
    "lineends": 0,
    "escape": 0,
    "mdtext": 0,
    "synonyms": 0,
    "wording": 0,
    "model": 1,
    "load": 2,
    "compute": 3,
    "check": 4,
    "render": 5,
    "fmt": 5,
    "scaffold": 5,
    "schema_export": 5,
    "export": 5,
    "cli": 6,
    "__init__": 7,
    "__main__": 7,
}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS["__init__"] if len(parts) == 1 else LAYERS[parts[1]]


def _runtime_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:`` (imports for types only)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for child in node.body for n in ast.walk(child)}
    return [n for n in ast.walk(tree) if id(n) not in skip]


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(imported utsatta module, names taken from it) for each import, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, list[str]]] = []
    here = _module(path)
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names if a.name.startswith("utsatta")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = here.split(".")
                pkg = pkg[: len(pkg) - node.level + (1 if path.name == "__init__.py" else 0)]
                base = ".".join([*pkg, base] if base else pkg)
            if not base.startswith("utsatta"):
                continue
            names = [a.name for a in node.names]
            # `from utsatta.x import y` where y is a module: an import of utsatta.x.y
            subs = [n for n in names if _is_module(f"{base}.{n}")]
            out += [(f"{base}.{n}", []) for n in subs]
            rest = [n for n in names if n not in subs]
            if rest:
                out.append((base, rest))
    return out


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (SRC.parent / rel).with_suffix(".py").is_file() or (SRC.parent / rel).is_dir()


SOURCES = sorted(SRC.rglob("*.py"))
GRAPH = {_module(p): _imports(p) for p in SOURCES}


def _upward() -> list[str]:
    return [
        f"{mod} (lager {_layer(mod)}) importerar {target} (lager {_layer(target)})"
        for mod, imports in GRAPH.items()
        for target, _ in imports
        if _layer(target) > _layer(mod)
    ]


def _cycles() -> list[tuple[str, ...]]:
    edges = {m: {t for t, _ in imps if t in GRAPH and t != m} for m, imps in GRAPH.items()}
    # A package imports its own submodules (``utsatta.check`` → ``utsatta.check.pipeline``):
    # that is how a package offers its names, not a cycle.
    for m in edges:
        edges[m] = {t for t in edges[m] if not t.startswith(m + ".")}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[tuple[str, ...]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(tuple(sorted(comp)))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def _private_imports() -> list[str]:
    out = []
    for mod, imports in GRAPH.items():
        for target, names in imports:
            if target == mod:
                continue
            out += [f"{mod} importerar {target}.{n}" for n in names if n.startswith("_")]
            if target.split(".")[-1].startswith("_") and not target.endswith("__"):
                out.append(f"{mod} importerar modulen {target}")
    return out


def _long_files() -> list[str]:
    return [
        f"{p.relative_to(ROOT)}: {n} rader"
        for p in SOURCES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    ]


def test_layers_are_known() -> None:
    assert {m.split(".")[1] for m in GRAPH if "." in m} <= LAYERS.keys()


def test_no_upward_imports() -> None:
    assert _upward() == []


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_no_private_names_across_modules() -> None:
    assert _private_imports() == []


def test_no_source_file_over_600_lines() -> None:
    assert _long_files() == []


def test_one_process() -> None:
    """No forking and no hard exit anywhere in the source (the CLI ends through sys.exit)."""
    pattern = re.compile(r"\bos\.(fork|forkpty|_exit)\b|\bgc\.set_threshold\b")
    assert [str(p.relative_to(ROOT)) for p in SOURCES if pattern.search(p.read_text("utf-8"))] == []


def test_only_cli_prints_or_exits() -> None:
    pattern = re.compile(r"^\s*(print\(|sys\.exit\(|raise SystemExit)", re.MULTILINE)
    offenders = [
        str(p.relative_to(ROOT))
        for p in SOURCES
        if pattern.search(p.read_text("utf-8")) and "/cli/" not in p.as_posix()
    ]
    assert offenders == []


def test_tests_import_no_test_module_and_no_private_name() -> None:
    bad = []
    for path in sorted(TESTS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                relative_test = node.level > 0 and node.module.startswith(("test_", "conftest"))
                if (
                    node.module.startswith("tests.test_")
                    or node.module == "tests.conftest"
                    or relative_test
                ):
                    bad.append(f"{path.name}: from {node.module}")
                if node.module.startswith("utsatta"):
                    bad += [
                        f"{path.name}: {node.module}.{a.name}"
                        for a in node.names
                        if a.name.startswith("_")
                    ]
    assert bad == []
