"""The structure of the source holds: data flows one way, no cycles, small modules, one process.

Layers, lowest first: errors/findings/codes/numbers/fileio < model < load < compute < check <
render/fmt/scaffold/schema_export/export < cli. A module may import its own layer and those
below; ``utsatta/__init__.py`` (the library's lazy API) and ``__main__`` stand above them all.

Every rule reads the syntax tree (each file parsed once, shared by the tests), so that it holds
whatever form the code takes: an import under ``if not TYPE_CHECKING:`` or inside a function,
``importlib.import_module("utsatta.…")``, a module reached through an alias (``import
utsatta.load.raw as r; r._x``), ``return print(x)`` or ``x and sys.exit(3)``, ``from os import
fork``. Each rule was shown to fail on such a change in a scratch copy (the mutations are
listed in docs/decisions/0261-strukturtestet-laser-syntaxtradet.md).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
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
    "filewrite": 0,
    "outputformat": 0,
    "lineends": 0,
    "escape": 0,
    "invisible": 0,
    "mdlinks": 0,
    "mdtext": 0,
    "synonyms": 0,
    "wording": 0,
    "wordlist": 0,
    "version": 0,
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

#: Names that start with "_" and are public all the same (the API of named tuples).
PUBLIC_UNDERSCORE = frozenset({"_replace", "_asdict", "_fields", "_field_defaults", "_make"})

#: More than one process, or a hard end: nowhere in the source (docs/decisions/0001).
ONE_PROCESS = (
    *(f"os.{name}" for name in ("execv", "execve", "execl", "execlp", "execvp", "spawnv")),
    "os.fork",
    "os.forkpty",
    "os._exit",
    "os.system",
    "os.popen",
    "os.posix_spawn",
    "os.posix_spawnp",
    "pty.fork",
    "subprocess",
    "multiprocessing",
    "concurrent.futures.ProcessPoolExecutor",
    "gc.set_threshold",
    "gc.freeze",
    "gc.disable",
)

#: Printing, reading the terminal or ending the process: only in cli/.
CLI_ONLY = (
    "builtins.print",
    "builtins.input",
    "builtins.exit",
    "builtins.quit",
    "builtins.breakpoint",
    "builtins.SystemExit",
    "sys.exit",
    "sys.stdout",
    "sys.stderr",
    "sys.stdin",
    "sys.__stdout__",
    "sys.__stderr__",
    "sys.__stdin__",
    "os.isatty",
    "typer.echo",
    "typer.secho",
    "typer.Exit",
    "typer.Abort",
    "click.echo",
    "click.secho",
    "click.Abort",
    "rich.print",
    "rich.get_console",
    "rich.console.Console",  # unless it writes into a file given to it (file=)
    "pprint.pprint",
    "pprint.pp",
)

_BUILTINS = frozenset(
    {"print", "input", "exit", "quit", "breakpoint", "SystemExit", "__import__", "getattr"}
)


def private(name: str) -> bool:
    return name.startswith("_") and not name.endswith("__") and name not in PUBLIC_UNDERSCORE


def _matches(qualified: str, rules: tuple[str, ...]) -> bool:
    return any(qualified == r or qualified.startswith(r + ".") for r in rules)


@dataclass(frozen=True)
class Import:
    """One import: the module (``utsatta.load.raw``), the names taken from it that are no
    modules, where, and how it runs."""

    target: str
    names: tuple[str, ...]
    line: int
    type_only: bool  # under ``if TYPE_CHECKING:`` (never runs)
    top: bool  # at module level (runs when the module is imported), not inside a function


@dataclass
class Parsed:
    """A source or test file, parsed once: its imports and what each local name stands for."""

    path: Path
    module: str
    package: bool
    tree: ast.Module
    imports: list[Import] = field(default_factory=list)
    #: local name -> the dotted name it is bound to (``r`` -> ``utsatta.load.raw``)
    names: dict[str, str] = field(default_factory=dict)
    #: names the file binds itself (variables, parameters, functions): never the builtins
    local: set[str] = field(default_factory=set)
    #: every node of the tree, walked once
    nodes: list[ast.AST] = field(default_factory=list)

    def qualified(self, node: ast.AST) -> str | None:
        """The dotted name an expression stands for (``s.exit`` after ``import sys as s`` is
        ``sys.exit``; ``print`` is ``builtins.print``), or None."""
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return self.names[node.id]
            builtin = node.id in _BUILTINS and node.id not in self.local
            return f"builtins.{node.id}" if builtin else None
        if isinstance(node, ast.Attribute):
            base = self.qualified(node.value)
            return None if base is None else f"{base}.{node.attr}"
        return None

    def where(self, node: ast.AST | int) -> str:
        line = node if isinstance(node, int) else getattr(node, "lineno", 0)
        return f"{self.path.relative_to(ROOT)}:{line}"


def is_module(name: str) -> bool:
    """Whether ``name`` is a module or package of utsatta (or of the tests)."""
    parts = name.split(".")
    base = SRC.parent if parts[0] == "utsatta" else ROOT if parts[0] == "tests" else None
    if base is None:
        return False
    rel = base / Path(*parts)
    return rel.with_suffix(".py").is_file() or (rel / "__init__.py").is_file()


def _module_of(path: Path, base: Path) -> tuple[str, bool]:
    parts = path.relative_to(base).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _type_checking(test: ast.expr) -> bool | None:
    """True for ``TYPE_CHECKING`` (any spelling: a name, ``typing.TYPE_CHECKING``), False for
    ``not TYPE_CHECKING``, None for any other condition."""
    if isinstance(test, ast.Name | ast.Attribute):
        name = test.id if isinstance(test, ast.Name) else test.attr
        return True if name == "TYPE_CHECKING" else None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _type_checking(test.operand)
        return None if inner is None else not inner
    return None


def parse(path: Path, base: Path) -> Parsed:
    """One walk over the file's tree, in source order (a name is bound before it is used):
    every node, the names the file binds, and every import, knowing whether it runs (not under
    ``if TYPE_CHECKING:``, in any spelling, nor in the ``else`` of ``if not TYPE_CHECKING:``)
    and whether it runs at import (not in a function or lambda)."""
    module, package = _module_of(path, base)
    p = Parsed(path, module, package, ast.parse(path.read_text(encoding="utf-8")))
    stack: list[tuple[ast.AST, bool, bool]] = [(p.tree, False, True)]
    while stack:
        node, type_only, top = stack.pop()
        p.nodes.append(node)
        children: list[tuple[ast.AST, bool, bool]]
        if isinstance(node, ast.If) and (cond := _type_checking(node.test)) is not None:
            children = [(n, type_only or cond, top) for n in node.body]
            children += [(n, type_only or not cond, top) for n in node.orelse]
        else:
            if isinstance(node, ast.Import | ast.ImportFrom):
                _add_import(p, node, type_only=type_only, top=top)
            elif isinstance(node, ast.Call):
                _string_import(p, node, type_only=type_only, top=top)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                p.local.add(node.id)
            elif isinstance(node, ast.arg):
                p.local.add(node.arg)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                p.local.add(node.name)
            later = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            children = [(n, type_only, top and not later) for n in ast.iter_child_nodes(node)]
        stack.extend(reversed(children))
    return p


def _string_import(p: Parsed, call: ast.Call, *, type_only: bool, top: bool) -> None:
    """``importlib.import_module("utsatta.x")`` and ``__import__("utsatta.x")``."""
    arg = call.args[0] if call.args else None
    if (
        isinstance(arg, ast.Constant)
        and isinstance(arg.value, str)
        and p.qualified(call.func) in ("importlib.import_module", "builtins.__import__")
    ):
        p.imports.append(Import(arg.value, (), call.lineno, type_only, top))


def _add_import(
    p: Parsed, node: ast.Import | ast.ImportFrom, *, type_only: bool, top: bool
) -> None:
    if isinstance(node, ast.Import):
        for a in node.names:
            p.imports.append(Import(a.name, (), node.lineno, type_only, top))
            if a.asname:
                p.names[a.asname] = a.name
            else:
                first = a.name.split(".")[0]
                p.names[first] = first
        return
    base = node.module or ""
    if node.level:
        pkg = p.module.split(".")
        if not p.package:
            pkg = pkg[:-1]
        pkg = pkg[: len(pkg) - (node.level - 1)]
        base = ".".join([*pkg, base] if base else pkg)
    names = []
    for a in node.names:
        full = f"{base}.{a.name}"
        p.names[a.asname or a.name] = full
        if is_module(full):
            p.imports.append(Import(full, (), node.lineno, type_only, top))
        else:
            names.append(a.name)
    if names or not node.names:
        p.imports.append(Import(base, tuple(names), node.lineno, type_only, top))


def _parse_all(folder: Path, base: Path) -> list[Parsed]:
    return [parse(path, base) for path in sorted(folder.rglob("*.py"))]


SOURCES = _parse_all(SRC, SRC.parent)
TEST_FILES = _parse_all(TESTS, ROOT)
BY_MODULE = {p.module: p for p in SOURCES}


def layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS["__init__"] if len(parts) == 1 else LAYERS[parts[1]]


def _ours(p: Parsed) -> Iterator[Import]:
    return (i for i in p.imports if i.target.split(".")[0] == "utsatta")


def upward(sources: list[Parsed]) -> list[str]:
    """Imports of a higher layer, also those for types only and those made by name."""
    return [
        f"{p.where(i.line)}: {p.module} (lager {layer(p.module)}) importerar {i.target} "
        f"(lager {layer(i.target)})"
        for p in sources
        for i in _ours(p)
        if i.target in BY_MODULE and layer(i.target) > layer(p.module)
    ]


def _ancestors(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def import_graph(sources: list[Parsed], *, top_only: bool) -> dict[str, set[str]]:
    """Which modules each module makes Python run: the modules it imports (those for types
    only never run; a name taken from its own package needs that package's ``__init__`` run
    to its end) and, as Python runs them first, their packages' ``__init__`` unless the
    package is one of the importer's own (that one has begun before the importer). With
    ``top_only`` only the imports made when the module itself is imported."""
    known = {p.module for p in sources}
    graph: dict[str, set[str]] = {}
    for p in sources:
        own = set(_ancestors(p.module))
        edges: set[str] = set()
        for i in _ours(p):
            if i.type_only or (top_only and not i.top):
                continue
            edges |= {m for m in _ancestors(i.target) if m not in own} | {i.target}
        graph[p.module] = {m for m in edges if m in known and m != p.module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[tuple[str, ...]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
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

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def private_uses(files: list[Parsed]) -> list[str]:
    """Private names of another utsatta module: imported (also for types only), reached as
    an attribute of a module or of a name imported from one, or named in a string
    (``monkeypatch.setattr("utsatta.x._y", …)``, ``getattr(module, "_y")``)."""
    out = []
    for p in files:
        for i in _ours(p):
            if i.target == p.module:
                continue
            out += [f"{p.where(i.line)}: importerar {i.target}.{n}" for n in i.names if private(n)]
            if any(private(part) for part in i.target.split(".")):
                out.append(f"{p.where(i.line)}: importerar modulen {i.target}")
        for node in p.nodes:
            if isinstance(node, ast.Attribute) and private(node.attr):
                owner = p.qualified(node.value)
                if owner and owner.split(".")[0] == "utsatta" and owner != p.module:
                    out.append(f"{p.where(node)}: {owner}.{node.attr}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                parts = node.value.split(".")
                if parts[0] == "utsatta" and " " not in node.value and any(map(private, parts)):
                    out.append(f"{p.where(node)}: {node.value!r}")
            elif (
                isinstance(node, ast.Call)
                and len(node.args) >= 2
                and not (isinstance(node.func, ast.Name) and node.func.id == "hasattr")
            ):
                owner = p.qualified(node.args[0])
                name = node.args[1]
                if (
                    owner
                    and owner.split(".")[0] == "utsatta"
                    and owner != p.module
                    and isinstance(name, ast.Constant)
                    and isinstance(name.value, str)
                    and private(name.value)
                ):
                    out.append(f"{p.where(node)}: {owner}, {name.value!r}")
    return out


def uses(p: Parsed, rules: tuple[str, ...]) -> list[str]:
    """Where ``p`` names anything of ``rules`` (imported, called, raised or only read); a rich
    Console counts only when it is not given a file of its own to write into."""
    out = []
    for i in p.imports:
        full = [i.target] if not i.names else [f"{i.target}.{n}" for n in i.names]
        # a rich Console is judged where it is made (with a file of its own or not)
        out += [
            f"{p.where(i.line)}: {f}"
            for f in full
            if _matches(f, rules) and f != "rich.console.Console"
        ]
    for node in p.nodes:
        console = "rich.console.Console"
        if isinstance(node, ast.Call) and p.qualified(node.func) == console:
            if console in rules and not any(k.arg == "file" for k in node.keywords):
                out.append(f"{p.where(node)}: rich.console.Console() utan file=")
            continue
        if not isinstance(node, ast.Name | ast.Attribute):
            continue
        q = p.qualified(node)
        if q is not None and q != "rich.console.Console" and _matches(q, rules):
            out.append(f"{p.where(node)}: {q}")
    return sorted(set(out))


def imported_tests(files: list[Parsed]) -> list[str]:
    """Test modules (and conftest) imported by a test, in any form."""

    def is_test(name: str) -> bool:
        last = name.split(".")[-1]
        return last.startswith("test_") or last == "conftest"

    return [
        f"{p.where(i.line)}: {i.target}" + (f" ({', '.join(i.names)})" if i.names else "")
        for p in files
        for i in p.imports
        if i.target.split(".")[0] in ("tests", "test_", "conftest") or is_test(i.target)
        if is_test(i.target) or any(is_test(n) for n in i.names)
    ]


# --- the rules, on the source and the tests ----------------------------------------------------


def test_layers_are_known() -> None:
    assert {m.split(".")[1] for m in BY_MODULE if "." in m} <= LAYERS.keys()


def test_no_upward_imports() -> None:
    assert upward(SOURCES) == []


def test_no_import_cycles() -> None:
    """No cycle among the modules Python runs at import (a package's ``__init__`` included:
    ``from utsatta.check import CORE`` in a module that ``utsatta.check`` itself imports would
    meet a partly run package), nor through imports inside functions."""
    assert cycles(import_graph(SOURCES, top_only=True)) == []
    assert cycles(import_graph(SOURCES, top_only=False)) == []


def test_no_private_names_across_modules() -> None:
    assert private_uses(SOURCES) == []


def test_no_source_file_over_600_lines() -> None:
    long = [
        (p.where(0), n) for p in SOURCES if (n := len(p.path.read_text("utf-8").splitlines())) > 600
    ]
    assert long == []


def test_one_process() -> None:
    """No second process and no hard exit anywhere in the source (the CLI ends through
    sys.exit, docs/decisions/0001-one-process.md)."""
    assert [u for p in SOURCES for u in uses(p, ONE_PROCESS)] == []


def test_only_cli_prints_or_exits() -> None:
    """Only cli/ prints, reads the terminal or ends the process."""
    outside = [p for p in SOURCES if p.module.split(".")[:2] != ["utsatta", "cli"]]
    assert [u for p in outside for u in uses(p, CLI_ONLY)] == []


def test_tests_import_no_test_module_and_no_private_name() -> None:
    assert imported_tests(TEST_FILES) == []
    assert private_uses(TEST_FILES) == []
