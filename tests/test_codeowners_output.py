"""`codeowners -o FIL` as every writer: the same short flag, atomic, never over a file
without --force, never over a data file; and every command's --output has -o."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from utsatta.cli.app import app


def _options(command: Any, prefix: str = "") -> list[tuple[str, list[str]]]:
    found = []
    for name, sub in (getattr(command, "commands", None) or {}).items():
        found += [(f"{prefix}{name}", p.opts) for p in sub.params if "--output" in p.opts]
        found += _options(sub, f"{prefix}{name} ")
    return found


def test_every_output_option_has_the_short_flag() -> None:
    outputs = _options(typer.main.get_command(app))
    assert {name for name, _ in outputs} >= {"report", "export", "schema", "codeowners"}
    assert [name for name, opts in outputs if "-o" not in opts] == []


@pytest.fixture
def repo(base_cwd: Path) -> Path:
    return base_cwd


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["codeowners", "--data", "data", *args])
    return result.exit_code, result.stdout, result.stderr


def test_codeowners_o_writes_refuses_and_overwrites_with_force(repo: Path) -> None:
    code, printed, _ = _run()
    assert code == 0
    assert _run("-o", ".github/CODEOWNERS") == (0, "Skrev .github/CODEOWNERS.\n", "")
    target = repo / ".github" / "CODEOWNERS"
    assert target.read_text(encoding="utf-8") == printed
    assert _run("-o", ".github/CODEOWNERS")[:2] == (0, ".github/CODEOWNERS är oförändrad.\n")
    target.write_text("# egen\n", encoding="utf-8")
    code, _, err = _run("-o", ".github/CODEOWNERS")
    assert code == 4
    assert ".github/CODEOWNERS finns redan" in err
    assert target.read_text(encoding="utf-8") == "# egen\n"
    assert _run("-o", ".github/CODEOWNERS", "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == printed
    assert [p.name for p in target.parent.iterdir()] == ["CODEOWNERS"]  # no temporary left


def test_codeowners_o_never_writes_a_data_file(repo: Path) -> None:
    plan = repo / "data" / "plan.yaml"
    before = plan.read_bytes()
    code, _, err = _run("-o", "data/plan.yaml", "--force")
    assert code == 4
    assert "data/plan.yaml" in err
    assert plan.read_bytes() == before
