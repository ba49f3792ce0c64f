"""CODEOWNERS paths: a data folder whose name has a blank, ``#`` or a wildcard is written so
that GitHub reads exactly that folder (a backslash before each, GitHub's rule); a name with a
line break cannot be written at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.cli.app import app
from utsatta.errors import DataDirError
from utsatta.scaffold import codeowners_pattern


@pytest.mark.parametrize(
    ("folder", "pattern"),
    [
        ("data", "data"),
        ("min data", "min\\ data"),
        ("uppföljning/data 2024", "uppföljning/data\\ 2024"),
        ("data#1", "data\\#1"),
        ("#data", "\\#data"),
        ("d*t?[a]", "d\\*t\\?\\[a\\]"),
        ("a\\b", "a\\\\b"),
    ],
)
def test_codeowners_pattern(folder: str, pattern: str) -> None:
    assert codeowners_pattern(folder) == pattern


@pytest.mark.parametrize("folder", ["da\nta", "da\rta", "da\tta", "da\u2028ta"])
def test_a_folder_name_with_a_line_break_is_refused(folder: str) -> None:
    with pytest.raises(DataDirError, match="kan inte skrivas i CODEOWNERS"):
        codeowners_pattern(folder)


def test_codeowners_escapes_a_blank_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    shutil.copytree(BASE, tmp_path / "min data")
    orgs = tmp_path / "min data" / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    orgs.write_text(
        text.replace("    typ: namnd\n", "    typ: namnd\n    granskare: ['@gsn']\n", 1), "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    for name in ("UTSATTA_DATA", "GITHUB_ACTIONS", "CI"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["codeowners", "--data", "min data"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    rules = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    assert rules
    assert all(line.startswith("/min\\ data/") for line in rules), rules
    assert rules == ["/min\\ data/rapporter/*/grundskolenamnden.yaml @gsn"]
