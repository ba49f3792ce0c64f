"""Proof that tests/test_structure.py can fail for every rule it claims: each mutation below is
added to a scratch copy of src/ and tests/, and the structure test must then fail; the copy
without a mutation must pass (docs/decisions/0261-strukturtestet-laser-syntaxtradet.md).

Run from the repository root: ``python -m tests.structure_mutations [words of a label …]``.
Not a test module (it takes minutes: one pytest run per mutation).
"""

# ruff: noqa: E501 - the mutations are lines of code, kept whole to be read as such
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).parent.parent

S = "src/utsatta/"
#: (label, file, code appended to it)
MUT = [
    ("cycle via package __init__", S + "check/rules/plan.py", "from utsatta.check import CORE\n"),
    (
        "cycle through a lazy import",
        S + "load/raw.py",
        "def _f():\n    from utsatta.load.dataset import DataSet\n    return DataSet\n",
    ),
    (
        "private via module alias",
        S + "compute/police.py",
        "import utsatta.load.raw as r\n\ndef _f():\n    return r._x\n",
    ),
    (
        "private via from-import of module",
        S + "compute/police.py",
        "from utsatta.load import raw\n\ndef _f():\n    return raw._x\n",
    ),
    (
        "private via import a.b.c chain",
        S + "compute/police.py",
        "import utsatta.load.raw\n\ndef _f():\n    return utsatta.load.raw._x\n",
    ),
    (
        "private of an imported class",
        S + "compute/police.py",
        "from utsatta.load.dataset import DataSet\n\ndef _f():\n    return DataSet._x\n",
    ),
    (
        "private via getattr string",
        S + "compute/police.py",
        "from utsatta.load import raw\n\ndef _f():\n    return getattr(raw, '_x')\n",
    ),
    (
        "private under TYPE_CHECKING",
        S + "compute/police.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from utsatta.load.raw import _x\n",
    ),
    (
        "upward under if not TYPE_CHECKING",
        S + "load/raw.py",
        "TYPE_CHECKING = False\nif not TYPE_CHECKING:\n    from utsatta.check import pipeline\n",
    ),
    (
        "upward in else of typing.TYPE_CHECKING",
        S + "load/raw.py",
        "import typing\nif typing.TYPE_CHECKING:\n    pass\nelse:\n    from utsatta.check.pipeline import validate\n",
    ),
    (
        "upward under TYPE_CHECKING",
        S + "load/raw.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from utsatta.cli.app import app\n",
    ),
    (
        "upward via importlib string",
        S + "load/raw.py",
        "import importlib\n\ndef _f():\n    return importlib.import_module('utsatta.check.pipeline')\n",
    ),
    (
        "upward via __import__ string",
        S + "load/raw.py",
        "def _f():\n    return __import__('utsatta.render.overview')\n",
    ),
    (
        "upward lazy in except handler",
        S + "load/raw.py",
        "def _f():\n    try:\n        pass\n    except ValueError:\n        from utsatta.render import overview\n",
    ),
    ("return print(x)", S + "render/labels.py", "def _f(x):\n    return print(x)\n"),
    (
        "sys.stdout.write",
        S + "render/labels.py",
        "import sys\n\ndef _f(x):\n    sys.stdout.write(x)\n",
    ),
    ("typer.echo", S + "render/labels.py", "import typer\n\ndef _f(x):\n    typer.echo(x)\n"),
    (
        "Console().print",
        S + "render/labels.py",
        "from rich.console import Console\n\ndef _f(x):\n    Console().print(x)\n",
    ),
    (
        "raise typer.Exit(2)",
        S + "render/labels.py",
        "import typer\n\ndef _f():\n    raise typer.Exit(2)\n",
    ),
    (
        "x and sys.exit(3)",
        S + "render/labels.py",
        "import sys\n\ndef _f(x):\n    return x and sys.exit(3)\n",
    ),
    (
        "from sys import exit as e",
        S + "render/labels.py",
        "from sys import exit as e\n\ndef _f():\n    e(3)\n",
    ),
    ("raise SystemExit", S + "render/labels.py", "def _f():\n    raise SystemExit(3)\n"),
    (
        "from os import fork",
        S + "render/labels.py",
        "from os import fork\n\ndef _f():\n    return fork()\n",
    ),
    ("import os as o; o._exit", S + "cli/app.py", "import os as o\n\ndef _f():\n    o._exit(1)\n"),
    (
        "subprocess in cli",
        S + "cli/app.py",
        "import subprocess\n\ndef _f():\n    subprocess.run(['ls'])\n",
    ),
    ("file over 600 lines", S + "render/labels.py", "\n" * 700),
    ("unknown layer", S + "nytt/__init__.py", "X = 1\n"),
]
#: the same for the tests
TMUT = [
    ("import tests.test_x", "tests/test_zz_mut.py", "import tests.test_cli\n"),
    ("from tests import test_x", "tests/test_zz_mut.py", "from tests import test_cli\n"),
    ("from . import test_x", "tests/test_zz_mut.py", "from . import test_cli\n"),
    ("from .test_x import y", "tests/test_zz_mut.py", "from .test_cli import app\n"),
    ("import conftest", "tests/test_zz_mut.py", "import conftest\n"),
    (
        "importlib string test module",
        "tests/test_zz_mut.py",
        "import importlib\nM = importlib.import_module('tests.test_cli')\n",
    ),
    (
        "mod._privat in a test",
        "tests/test_zz_mut.py",
        "from utsatta.load import raw\n\ndef test_x():\n    assert raw._x\n",
    ),
    (
        "monkeypatch string private",
        "tests/test_zz_mut.py",
        "def test_x(monkeypatch):\n    monkeypatch.setattr('utsatta.load.raw._x', 1)\n",
    ),
    (
        "monkeypatch module private",
        "tests/test_zz_mut.py",
        "from utsatta.load import raw\n\ndef test_x(monkeypatch):\n    monkeypatch.setattr(raw, '_x', 1)\n",
    ),
    ("test in a subfolder", "tests/sub/test_zz_mut.py", "from tests.test_cli import app\n"),
]


def _run(scratch: Path, label: str, rel: str, code: str) -> bool:
    f = scratch / rel
    old = f.read_text(encoding="utf-8") if f.exists() else None
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text((old or "") + "\n" + code, encoding="utf-8")
    try:
        done = _pytest(scratch)
    finally:
        if old is not None:
            f.write_text(old, encoding="utf-8")
        else:
            f.unlink()
            if f.parent.name not in ("tests", "utsatta") and not any(f.parent.iterdir()):
                f.parent.rmdir()
    print("fallerar (rätt)" if done.returncode else "GÅR IGENOM (FEL)", "|", label, flush=True)
    return done.returncode != 0


def _pytest(scratch: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    return subprocess.run(
        [*command, "tests/test_structure.py"], cwd=scratch, capture_output=True, text=True
    )


def main(only: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for folder in ("src", "tests"):
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(ROOT / folder, scratch / folder, ignore=ignore)
        shutil.copy(ROOT / "pyproject.toml", scratch)
        chosen = [m for m in MUT + TMUT if not only or any(o in m[0] for o in only)]
        missed = [label for label, rel, code in chosen if not _run(scratch, label, rel, code)]
        clean = _pytest(scratch).returncode == 0
    print("utan mutation:", "går igenom" if clean else "FALLERAR")
    return 0 if clean and not missed else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
