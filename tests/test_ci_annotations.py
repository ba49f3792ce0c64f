"""GitHub places an annotation on a pull request's lines only by the path from the repository
root: annotations name files relative to GITHUB_WORKSPACE, whatever folder the step runs in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.cli.app import app
from utsatta.load.files import workspace_path

ANNOTATION = "::error file={file},line=7,col=13,title=ogiltigt-varde::"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(BASE, tmp_path / "data")
    report = tmp_path / "data" / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("status: pagaende", "status: bogus", 1), encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    return tmp_path


def _first_line(*args: str) -> str:
    result = CliRunner().invoke(app, ["validate", *args], catch_exceptions=False)
    assert result.exit_code == 1
    return result.stdout.splitlines()[0]


@pytest.mark.parametrize(
    ("cwd", "args"),
    [
        ("data", ["--data", "."]),
        ("data/rapporter", ["--data", ".."]),
        (".", []),
        ("data/rapporter/2023", ["grundskolenamnden.yaml"]),
    ],
)
def test_annotations_are_relative_to_the_workspace(
    repo: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, args: list[str]
) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo))
    monkeypatch.chdir(repo / cwd)
    assert _first_line(*args).startswith(
        ANNOTATION.format(file="data/rapporter/2023/grundskolenamnden.yaml")
    )


def test_without_a_workspace_they_are_relative_to_the_working_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.chdir(repo / "data")
    assert _first_line("--data", ".").startswith(
        ANNOTATION.format(file="rapporter/2023/grundskolenamnden.yaml")
    )


def test_workspace_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo" / "data").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo" / "data")
    assert workspace_path("plan.yaml", str(tmp_path / "repo")) == "data/plan.yaml"
    assert workspace_path("plan.yaml", str(tmp_path / "link")) == "data/plan.yaml"
    assert workspace_path("plan.yaml", None) == "plan.yaml"
    # outside the workspace: as shown
    assert workspace_path("plan.yaml", str(tmp_path / "repo" / "data" / "x")) == "plan.yaml"
    outside = str(tmp_path / "other.yaml")
    assert workspace_path(outside, str(tmp_path / "repo")) == outside
    assert workspace_path("../data/plan.yaml", str(tmp_path / "repo")) == "data/plan.yaml"
    assert os.getcwd() == str(tmp_path / "repo" / "data")  # noqa: PTH109


def test_a_data_folder_named_with_colons_is_named_as_it_is(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ``file=`` value is the toolkit's escapeProperty of the path and nothing more: no
    backslash before a leading ``::`` (a command cannot start inside a property), so the
    runner decodes the name of a file that exists (granska18b L4)."""
    (repo / "data").rename(repo / "::e,%")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo))
    monkeypatch.chdir(repo)
    assert _first_line("--data", "::e,%").startswith(
        ANNOTATION.format(file="%3A%3Ae%2C%25/rapporter/2023/grundskolenamnden.yaml")
    )
