"""Every command a message suggests can be pasted into a shell as it is: each path in it is
quoted by the one helper (escape.shell_command) when it holds a space, å or a quote."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta import validate
from utsatta.cli.app import app
from utsatta.escape import shell_command

FOLDER = "m med å'q"
#: FOLDER as the shell reads it back
QUOTED = "'m med å'\"'\"'q'"


@pytest.fixture
def data(base_cwd: Path) -> Path:
    (base_cwd / "data").rename(base_cwd / FOLDER)
    return Path(FOLDER)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_helper_quotes_only_what_needs_it() -> None:
    assert shell_command("utsatta", "validate", "--data", "data") == "utsatta validate --data data"
    assert shell_command("utsatta", "validate", FOLDER) == f"utsatta validate {QUOTED}"


def test_ny_suggests_a_validate_that_works(data: Path) -> None:
    (data / "rapporter/2023/kommunstyrelsen.yaml").unlink()
    code, out, _ = _run("ny", "rapport", "2023", "kommunstyrelsen", "--data", FOLDER)
    assert code == 0
    assert out == (
        f"Skapade {FOLDER}/rapporter/2023/kommunstyrelsen.yaml. Fyll i fälten och kontrollera "
        f"med: utsatta validate {QUOTED[:-1]}/rapporter/2023/"
        f"kommunstyrelsen.yaml' --data {QUOTED}\n"
    )


def test_validate_of_named_files_names_the_folder_quoted(data: Path) -> None:
    path = data / "indikatorer" / "valdeltagande.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("riktning: hogre-ar-battre", "riktning: bogus"), "utf-8")
    code, out, _ = _run(
        "validate", "--data", FOLDER, f"{FOLDER}/rapporter/2023/grundskolenamnden.yaml"
    )
    assert code == 0
    assert out == (
        "Inga problem i 1 namngiven fil. 1 fynd i andra filer visas inte "
        f"({FOLDER}/indikatorer/valdeltagande.yaml); kör utsatta validate --data {QUOTED} för "
        "att se dem.\n"
    )


def test_fmt_check_suggests_the_same_folder(data: Path) -> None:
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ar: 2023", "ar:   2023"), "utf-8")
    code, out, _ = _run("fmt", "--check", "--data", FOLDER)
    assert code == 1
    assert out.splitlines()[-1] == (
        f"1 fil av 12 skulle formateras om. Formatera den med: utsatta fmt --data {QUOTED}"
    )
    code, out, _ = _run("fmt", "--check", str(path))
    assert out.splitlines()[-1] == (
        "1 fil av 1 skulle formateras om. Formatera den med: utsatta fmt "
        "'m med å'\"'\"'q/rapporter/2023/grundskolenamnden.yaml'"
    )
    # files and --data: the one builder's order (escape.utsatta_command), --data last
    code, out, _ = _run("fmt", "--check", "--data", FOLDER, str(path))
    assert out.splitlines()[-1] == (
        "1 fil av 1 skulle formateras om. Formatera den med: utsatta fmt "
        f"{QUOTED[:-1]}/rapporter/2023/grundskolenamnden.yaml' --data {QUOTED}"
    )
    args = shlex.split(out.splitlines()[-1].split("med: ", 1)[1])
    assert _run(*args[1:])[0] == 0
    assert _run("fmt", "--check", "--data", FOLDER)[0] == 0


def test_report_check_quotes_as_before(data: Path) -> None:
    code, _, err = _run("report", "2023", "--data", FOLDER, "--output", "r med å.md", "--check")
    assert code == 1
    assert err == (
        "r med å.md finns inte. Skapa den med: utsatta report 2023 --data "
        f"{QUOTED} --output 'r med å.md'\n"
    )


def test_a_missing_files_command_names_the_folder_validate_was_given(data: Path) -> None:
    """rapport-saknas and uppfoljning-saknas suggest `utsatta ny …` with --data as validate was
    run, so that the command, pasted in the same working folder, creates the file there."""
    (data / "rapporter/2023/kommunstyrelsen.yaml").unlink()
    (data / "uppfoljning/2023.yaml").unlink()
    code, out, _ = _run("validate", "--data", FOLDER)
    assert code == 0
    assert out.splitlines() == [
        f"{FOLDER}/rapporter/2023/kommunstyrelsen.yaml:1:1: varning [rapport-saknas] "
        "Kommunstyrelsen har inte lämnat någon rapport för 2023. Den ska omfatta insats 2:1. "
        f"Skapa filen med 'utsatta ny rapport 2023 kommunstyrelsen --data {QUOTED}'.",
        f"{FOLDER}/uppfoljning/2023.yaml:1:1: varning [uppfoljning-saknas] Den samlade "
        f"uppföljningen för 2023 saknas: skapa filen och fyll i den. Filen skapas med 'utsatta "
        f"ny uppfoljning 2023 --data {QUOTED}'.",
        "Per organisation: kommunstyrelsen 1 varning (2023); gemensamma datafiler 1 varning.",
        "0 fel och 2 varningar i 2 filer (10 kontrollerade).",
    ]
    for line in out.splitlines()[:2]:
        # the command ends the sentence: "Skapa filen med '…'." / "Filen skapas med '…'."
        command = "utsatta " + line.split(" med 'utsatta ", 1)[1].rsplit("'", 1)[0]
        args = shlex.split(command)
        assert args[0] == "utsatta"
        assert _run(*args[1:])[0] == 0, command
    assert (data / "rapporter/2023/kommunstyrelsen.yaml").is_file()
    assert (data / "uppfoljning/2023.yaml").is_file()


def test_the_library_suggests_the_command_without_a_folder(data: Path) -> None:
    """validate() of the library names no --data (its caller knows how it named the folder),
    unless it is given the folder as a command line named it."""
    (data / "rapporter/2023/kommunstyrelsen.yaml").unlink()
    messages = [f.message for f in validate(data).findings]
    assert messages == [
        "Kommunstyrelsen har inte lämnat någon rapport för 2023. Den ska omfatta insats 2:1. "
        "Skapa filen med 'utsatta ny rapport 2023 kommunstyrelsen'."
    ]
    messages = [f.message for f in validate(data, data_option="../x y").findings]
    assert messages[0].endswith(
        "Skapa filen med 'utsatta ny rapport 2023 kommunstyrelsen --data '../x y''."
    )


@pytest.mark.parametrize(
    ("args", "path"),
    [
        (["rapport", "2023", "kommunstyrelsen"], "rapporter/2023/kommunstyrelsen.yaml"),
        (["uppfoljning", "2023"], "uppfoljning/2023.yaml"),
    ],
)
def test_the_new_files_comment_checks_it_in_the_folder_named(
    data: Path, args: list[str], path: str
) -> None:
    """The comment `ny` writes at the top of the new file names --data as the command line
    named the folder (DataSet.data_option, decision 0365), and quotes what needs it."""
    (data / path).unlink()
    code, _, _ = _run("ny", *args, "--data", FOLDER)
    assert code == 0
    lines = (data / path).read_text(encoding="utf-8").splitlines()
    (comment,) = [line for line in lines if line.startswith("# Kontrollera filen med: ")]
    assert comment == (
        f"# Kontrollera filen med: utsatta validate {QUOTED[:-1]}/{path}' --data {QUOTED}"
    )
    command = shlex.split(comment.split("med: ", 1)[1])
    assert command[0] == "utsatta"
    # pasted, it checks the new file (whose empty texts are errors until filled in)
    code, out, _ = _run(*command[1:])
    assert code == 1
    assert {line.split(":", 1)[0] for line in out.splitlines()[:-1]} == {f"{FOLDER}/{path}"}


def test_the_new_files_comment_has_no_folder_when_none_was_named(
    base_cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found without --data (./data): the command finds it again itself, as a finding's."""
    (base_cwd / "data/rapporter/2023/kommunstyrelsen.yaml").unlink()
    assert _run("ny", "rapport", "2023", "kommunstyrelsen")[0] == 0
    text = (base_cwd / "data/rapporter/2023/kommunstyrelsen.yaml").read_text(encoding="utf-8")
    assert (
        "# Kontrollera filen med: utsatta validate data/rapporter/2023/kommunstyrelsen.yaml\n"
        in text
    )
