"""What the command line itself says: Swedish help with no shell completion, and every path or
argument it echoes escaped for the terminal and the CI log (cli/output.py, cli/svenska.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from utsatta.cli.app import app

runner = CliRunner()

#: Words of Click's and Typer's own English; none may be left in any help text.
_ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Show|this|message|exit|Install|completion|shell|"
    r"default|required|Error|Try|the)\b"
)


def _command_paths() -> list[list[str]]:
    """Every command and subcommand, as the words that call it."""
    paths: list[list[str]] = [[]]

    def walk(command: Any, prefix: list[str]) -> None:
        for name, sub in (getattr(command, "commands", None) or {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


def test_every_help_is_swedish_and_has_no_completion() -> None:
    paths = _command_paths()
    assert ["ny", "rapport"] in paths and ["validate"] in paths
    for words in paths:
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, (words, result.output)
        assert "Visa den här hjälpen och avsluta." in result.stdout
        assert "completion" not in result.stdout, words
        assert _ENGLISH.findall(result.stdout) == [], (words, result.stdout)


@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
def test_shell_completion_is_not_offered_and_no_rc_file_is_touched(
    option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SHELL", "/bin/bash")
    result = runner.invoke(app, [option, "bash"])
    assert result.exit_code == 2
    assert f"Fel: Flaggan {option} finns inte." in result.stderr
    assert list(tmp_path.iterdir()) == []
