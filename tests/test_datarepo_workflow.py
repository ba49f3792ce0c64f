"""docs/datarepo-workflow.yml, the GitHub Actions workflow the README offers the data
repository: every `utsatta` line in it runs, and `report --check` covers each of the plan's
years (granska17 L8: 2024 and 2025 were missing)."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from tests.support import ROOT, SHIPPED
from utsatta.cli.app import app

WORKFLOW = ROOT / "docs" / "datarepo-workflow.yml"


def _commands() -> list[list[str]]:
    """Every `utsatta` command line of the workflow's steps, split as the shell splits it."""
    doc: Any = YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))
    lines = [
        line.strip()
        for job in doc["jobs"].values()
        for step in job["steps"]
        for line in str(step.get("run", "")).splitlines()
    ]
    return [shlex.split(line) for line in lines if line.startswith("utsatta ")]


def _plan_years() -> list[int]:
    from utsatta.load.dataset import load

    ds = load(SHIPPED)
    assert ds.plan is not None and ds.plan.model is not None
    giltighet = ds.plan.model.plan.giltighet
    return list(range(giltighet.fran, giltighet.till + 1))


def test_report_check_covers_every_year_of_the_plan() -> None:
    checks = [c for c in _commands() if c[1] == "report"]
    assert checks == [
        [
            "utsatta",
            "report",
            str(ar),
            "--data",
            "data",
            "--output",
            f"rapporter/uppfoljning-{ar}.md",
            "--check",
        ]
        for ar in _plan_years()
    ]


def test_every_command_of_the_workflow_passes_on_the_shipped_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the data repository as the workflow sees it: data/ and the checked-in reports
    shutil.copytree(SHIPPED, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "UTSATTA_DATA", "CI"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "rapporter").mkdir()
    runner = CliRunner()
    for ar in _plan_years():
        made = runner.invoke(
            app, ["report", str(ar), "--data", "data", "-o", f"rapporter/uppfoljning-{ar}.md"]
        )
        assert made.exit_code == 0, made.stderr
    commands = _commands()
    assert [c[1] for c in commands] == ["validate", "fmt"] + ["report"] * len(_plan_years())
    for command in commands:
        result = runner.invoke(app, command[1:])
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
