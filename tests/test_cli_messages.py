"""What the command line itself says: Swedish help with no shell completion, and every path or
argument it echoes escaped for the terminal and the CI log (cli/output.py, cli/svenska.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from tests.support import BASE
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
    assert f"fel: Flaggan {option} finns inte." in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- every path and argument a message echoes is one visible line ---------------------------

#: A file name that would start workflow commands in a CI log if a line break in it were kept.
EVIL = "evil\n::error file=README.md::PR-INJ\n##[error]OLD\u202e\x1b[2J\n::add-mask::x.yaml"


def _cases(tmp_path: Path, data: Path) -> list[list[str]]:
    evil = tmp_path / EVIL  # exists: a FIFO, where a file or folder is written
    os.mkfifo(evil)
    inside = data / "rapporter" / "2023" / EVIL  # exists inside the data folder
    inside.write_text("x", encoding="utf-8")
    missing = str(tmp_path / "saknas" / EVIL)
    d = ["--data", str(data)]
    return [
        ["validate", missing, *d],
        ["validate", str(evil), *d],
        ["validate", "--format", EVIL],
        ["fmt", missing, *d],
        ["fmt", str(evil), *d],
        ["fmt", str(inside), *d],
        ["report", "2023", "--output", str(evil), *d],
        ["report", "2023", "--check", "--output", str(evil), *d],
        ["report", "2023", "--check", "--output", missing, *d],
        ["report", "2023", "--format", EVIL],
        ["export", "2023", "--output", str(evil), *d],
        ["export", "2023", "--format", "csv", "--output", str(evil), *d],
        ["schema", "--output", str(evil)],
        ["codeowners", "--output", str(evil), *d],
        ["ny", "rapport", "2024", EVIL, *d],
        *(
            [*words, "--data", missing]
            for words in (
                ["validate"],
                ["plan"],
                ["status", "2023"],
                ["indikatorer"],
                ["report", "2023"],
                ["export", "2023", "--output", str(tmp_path / "ut.xlsx")],
                ["codeowners"],
                ["fmt"],
                ["ny", "rapport", "2024", "kommunstyrelsen"],
                ["ny", "uppfoljning", "2024"],
            )
        ),
        [EVIL],
        ["validate", "--" + EVIL.replace("=", " ")],  # Click would split at '='
    ]


def test_no_echoed_name_breaks_a_line_or_starts_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command, every path or argument it echoes (a file that does not exist, is not a
    regular file, lies outside the data folder; a data folder that does not exist; a value
    that is not allowed): the name stays on one line, escaped, in stdout and stderr."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    for args in _cases(tmp_path, data):
        result = runner.invoke(app, args)
        assert result.exit_code != 0, args
        text = result.stdout + result.stderr
        assert "PR-INJ" in text or (args[0] == "report" and "--format" in args), (args, text)
        for line in text.splitlines():
            assert not re.match(r"\s*::", line), (args, line)
            assert "##[" not in line and "\x1b" not in line and "\u202e" not in line, (args, line)
            if "PR-INJ" in line:
                # the whole name on this line: its line breaks shown (Click itself writes \x0a)
                shown = r"evil\\(n|x0a)::error file.README\.md::PR-INJ\\(n|x0a)##\\\[error\]OLD"
                assert re.search(shown, line), (args, line)


# --- output targets: what they are before whether they exist --------------------------------

_NOT_REGULAR = (
    "är {kind}, inte en vanlig fil, och utsatta skriver bara vanliga filer (inte heller med "
    "--force). Välj en vanlig fil, eller låt kommandot skriva till standard ut och led utdatan "
    "dit med '>'."
)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_fifo_or_device_as_output_is_named_and_force_is_not_suggested(
    tmp_path: Path, force: list[str]
) -> None:
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    for target, kind in ((fifo, "en namngiven pipe (FIFO)"), (Path("/dev/null"), "en enhetsfil")):
        for args in (["report", "2023"], ["export", "2023"], ["codeowners"]):
            result = runner.invoke(
                app, [*args, "--output", str(target), *force, "--data", str(BASE)]
            )
            assert result.exit_code == 4, (args, result.output)
            assert result.stderr == f"fel: {target} {_NOT_REGULAR.format(kind=kind)}\n", args
    assert fifo.is_fifo()


def test_a_link_to_a_folder_as_csv_output_is_said_to_be_a_link(tmp_path: Path) -> None:
    (tmp_path / "realdir").mkdir()
    link = tmp_path / "e2link"
    link.symlink_to("realdir")
    result = runner.invoke(
        app, ["export", "2023", "--format", "csv", "--output", str(link), "--data", str(BASE)]
    )
    assert result.exit_code == 4
    assert result.stderr == (
        f"fel: {link} är en symbolisk länk till en mapp. utsatta följer inga länkar när den "
        "skriver och ersätter dem inte, inte heller med --force. Ange målet direkt eller välj en "
        "annan sökväg.\n"
    )
    assert list((tmp_path / "realdir").iterdir()) == []


def test_report_check_never_opens_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    result = runner.invoke(
        app, ["report", "2023", "--check", "--output", str(fifo), "--data", str(BASE)]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"{fifo} är en namngiven pipe (FIFO), inte en vanlig fil, och jämförs inte. Ange "
        "rapportfilen.\n"
    )


# --- JSON on standard output: escaped like every JSON document --------------------------------

HOSTILE_NAME = "Hi\u202egab ##[error]INJ\u200b"


@pytest.mark.usefixtures("values_not_refused")
@pytest.mark.parametrize(
    "args",
    [
        ["report", "2023", "--format", "json"],
        ["plan", "--format", "json"],
        ["status", "2023", "--format", "json"],
        ["indikatorer", "--format", "json"],
        ["validate", "--format", "json"],
    ],
)
def test_json_on_stdout_is_escaped_and_lossless(tmp_path: Path, args: list[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    orgs = data / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    assert "namn: Kommunstyrelsen\n" in text
    orgs.write_text(
        text.replace("namn: Kommunstyrelsen\n", 'namn: "Hi\\u202Egab ##[error]INJ\\u200B"\n', 1),
        encoding="utf-8",
    )
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exit_code in (0, 1), result.output
    out = result.stdout
    assert "\u202e" not in out and "\u200b" not in out and "##[" not in out
    doc = json.loads(out)  # still valid JSON, and the value is the same
    if args[0] in ("report", "plan", "status"):
        assert HOSTILE_NAME in json.dumps(doc, ensure_ascii=False), args
