"""`utsatta --version` (granska17 L8): the version every output names (src/utsatta/version.py,
docs/decisions/0630-version-1-0-0.md), which is also the installed package's metadata."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app


def test_version_is_the_one_every_output_names() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == "utsatta version 1.0.0\n"
    assert result.stderr == ""
    # pip wrote the metadata from the same file (hatchling's dynamic version)
    assert importlib.metadata.version("utsatta") == "1.0.0"


def test_version_goes_before_a_command_and_does_no_work() -> None:
    # eager: a command after it is not run (no data folder is looked for)
    result = CliRunner().invoke(app, ["--version", "report", "1900"])
    assert result.exit_code == 0
    assert result.stdout.startswith("utsatta version ")
    assert result.stderr == ""


def test_version_needs_no_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    """A source tree that was never installed, or an editable install older than the version,
    still says the version of the code that runs."""

    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, "utsatta version 1.0.0\n")


def test_version_through_the_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "utsatta", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "utsatta version 1.0.0\n", "")
