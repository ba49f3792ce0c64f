"""`utsatta --version` (granska17 L8): the installed package's version, from its metadata."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app


def test_version_is_the_installed_packages() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"utsatta version {importlib.metadata.version('utsatta')}\n"
    assert result.stderr == ""


def test_version_goes_before_a_command_and_does_no_work() -> None:
    # eager: a command after it is not run (no data folder is looked for)
    result = CliRunner().invoke(app, ["--version", "report", "1900"])
    assert result.exit_code == 0
    assert result.stdout.startswith("utsatta version ")
    assert result.stderr == ""


def test_version_unknown_when_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == "utsatta: versionen är okänd (paketet är inte installerat med pip).\n"


def test_version_through_the_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "utsatta", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"utsatta version {importlib.metadata.version('utsatta')}\n",
        "",
    )
