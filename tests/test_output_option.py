"""--output of every command that writes takes a file name, never a flag, '-' or nothing
(granska17 F-e, docs/decisions/0541-output-utan-filnamn.md): exit 2 with what to write, and
nothing written; a file whose name starts with '-' is written ./-x."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from utsatta.cli.app import app


def _commands(command: Any, prefix: str = "") -> list[str]:
    found = []
    for name, sub in (getattr(command, "commands", None) or {}).items():
        found += [f"{prefix}{name}" for p in sub.params if "--output" in p.opts]
        found += _commands(sub, f"{prefix}{name} ")
    return found


#: each command that has --output, as a run that needs nothing but the value of --output
RUNS = {
    "report": (["report", "2023", "--data", "data"], "uppfoljning.md", "rapporten", " (utom pdf)"),
    "export": (["export", "2023", "--data", "data"], "uppfoljning.xlsx", None, ""),
    "codeowners": (["codeowners", "--data", "data"], ".github/CODEOWNERS", "filen", ""),
    "schema": (["schema"], "schema", "ett samlat JSON-dokument", ""),
}


def test_every_command_with_output_is_tested_here() -> None:
    assert sorted(_commands(typer.main.get_command(app))) == sorted(RUNS)


def _expected(command: str, what: str, pasted: str | None) -> str:
    _, example, without, pdf = RUNS[command]
    rest = f"; utan --output skrivs {without} till standard ut{pdf}" if without else ""
    real = f" Ska filen heta så, skriv ./ först: {pasted}" if pasted else ""
    return (
        f"fel: --output / -o saknar ett filnamn: {what}. Skriv filnamnet direkt efter "
        f"--output, t.ex. --output {example}{rest}.{real}\n"
    )


CASES = [
    (
        ["--output", "--force"],
        "'--force' ser ut som en flagga och tas inte som filnamn",
        "--output ./--force",
    ),
    (["-o", "-"], "'-' betyder inte standard ut här", "--output ./-"),
    (["--output="], "värdet är tomt", None),
    # only blanks, as '--output "$OUT"' with OUT unset and padded gives (granska18b L2)
    (["--output", "  "], "värdet är tomt (bara blanktecken)", None),
    (["-o", "\t\u00a0\u2003\u3000"], "värdet är tomt (bara blanktecken)", None),
    (
        ["-o-a b"],
        "'-a b' ser ut som en flagga och tas inte som filnamn",
        "--output './-a b'",
    ),
]


@pytest.mark.parametrize("command", sorted(RUNS))
@pytest.mark.parametrize(("args", "what", "pasted"), CASES)
def test_output_without_a_file_name_is_a_usage_error(
    base_cwd: Path, command: str, args: list[str], what: str, pasted: str | None
) -> None:
    before = sorted(p.name for p in base_cwd.iterdir())
    result = CliRunner().invoke(app, [*RUNS[command][0], *args])
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines(keepends=True)[-1] == _expected(command, what, pasted)
    assert sorted(p.name for p in base_cwd.iterdir()) == before


def test_output_that_swallowed_data_says_so_not_extra_argument(base_cwd: Path) -> None:
    # `report 2023 --output --data data`: --output took --data; said of --output, not of "data"
    result = CliRunner().invoke(app, ["report", "2023", "--output", "--data", "data"])
    assert result.exit_code == 2
    assert "Oväntat extra argument" not in result.stderr
    assert result.stderr.splitlines(keepends=True)[-1] == _expected(
        "report",
        "'--data' ser ut som en flagga och tas inte som filnamn",
        "--output ./--data",
    )


def test_a_file_named_with_a_dash_is_written_as_dot_slash(base_cwd: Path) -> None:
    result = CliRunner().invoke(app, ["report", "2023", "--data", "data", "--output", "./-x.md"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == "Skrev -x.md."
    written = base_cwd / "-x.md"
    assert written.read_text(encoding="utf-8").startswith("# ")


def test_a_suggested_command_writes_such_a_name_as_dot_slash(base_cwd: Path) -> None:
    # the export command the report suggests for an xlsx file works when pasted
    result = CliRunner().invoke(app, ["report", "2023", "--data", "data", "-o", "./-x.xlsx"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        " Excel skrivs med 'utsatta export 2023 --output ./-x.xlsx --data data'.\n"
    )
