"""Every utsatta command a message suggests is pasted literally, from a working folder that is
not the data folder (no ./data, no plan.yaml: utsatta would fall back on its bundled example
data), and it must check the same data: the same findings, never a false "0 fel"
(granska8 #1: "kör 'utsatta validate'" without --data gave a clean check of other data)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app

ROOT = Path(__file__).parent.parent
#: a data folder whose name the shell must have quoted (a space, a quote, å)
FOLDER = "min data's å"


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _errors(text: str) -> list[str]:
    # the errors (the command that stopped lists its blocking errors; validate adds warnings)
    return [line for line in text.splitlines() if ": fel [" in line]


def _paste(command: str, cwd: Path) -> tuple[int, str]:
    """Runs a suggested command as a user pastes it into a shell, in ``cwd``."""
    assert command.startswith("utsatta ")
    env = {k: v for k, v in os.environ.items() if k not in ("UTSATTA_DATA", "CI")}
    run = subprocess.run(
        [sys.executable, "-m", "utsatta", *shlex.split(command)[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return run.returncode, run.stdout


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the data folder under a name that needs quoting, one error in it,
    and the run made from a sibling folder (so the folder is named as ../…)."""
    data = tmp_path / FOLDER
    shutil.copytree(ROOT / "data", data)
    report = data / "rapporter" / "2024" / "higab.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("ar: 2024", "ar: x", 1), encoding="utf-8"
    )
    here = tmp_path / "arbete"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    return here


@pytest.mark.parametrize(
    "args",
    [
        ("report", "2025", "-o", "r.md"),
        ("export", "2025", "-o", "e.csv"),
    ],
)
def test_the_advice_when_data_has_errors_checks_the_same_folder(
    work: Path, args: tuple[str, ...]
) -> None:
    folder = f"../{FOLDER}"
    code, _, err = _cli(*args, "--data", folder)
    assert code == 1
    last = err.splitlines()[-1]
    command = shlex.join(["utsatta", "validate", "--data", folder])
    assert last == f"Rätta felen ovan och försök igen. Kontrollera datan igen med: {command}"
    pasted_code, pasted_out = _paste(last.split(" med: ", 1)[1], work)
    assert pasted_code == 1
    assert (
        _errors(pasted_out)
        == _errors(err)
        == [
            f"../{FOLDER}/rapporter/2024/higab.yaml:3:5: fel [fel-typ] 'ar' ska vara ett heltal, "
            # the example is the folder's year (decision 0658)
            "men här står texten 'x'. Skriv ett heltal, t.ex. ar: 2024."
        ]
    )


def test_the_status_overview_suggests_the_check_of_its_folder(work: Path) -> None:
    code, out, _ = _cli("status", "2024", "--data", f"../{FOLDER}")
    assert code == 0
    last = out.splitlines()[-1]
    assert last == "Se felen med: " + shlex.join(
        ["utsatta", "validate", "--year", "2024", "--data", f"../{FOLDER}"]
    )
    pasted_code, pasted_out = _paste(last.removeprefix("Se felen med: "), work)
    assert pasted_code == 1
    assert f"../{FOLDER}/rapporter/2024/higab.yaml:3:5: fel [fel-typ]" in pasted_out


def test_fmt_suggests_the_check_of_the_files_folder(work: Path) -> None:
    data = work.parent / FOLDER
    report = data / "rapporter" / "2023" / "higab.yaml"
    report.write_text("ar: 2023\n" + report.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = _cli("fmt", "--check", "--data", f"../{FOLDER}")
    assert code == 1
    command = shlex.join(["utsatta", "validate", "--data", f"../{FOLDER}"])
    refused = next(line for line in out.splitlines() if "[kan-inte-formateras]" in line)
    assert refused.endswith(f" Rätta felet först; se det med: {command}")
    assert out.splitlines()[-1] == (
        f"1 fil kunde inte formateras; rätta felen ovan och försök igen. Se felen med: {command}"
    )
    _, pasted_out = _paste(command, work)
    assert f"../{FOLDER}/rapporter/2023/higab.yaml:" in pasted_out
    assert "[dubblett-nyckel]" in pasted_out or "två gånger" in pasted_out


def test_a_file_fmt_does_not_know_gets_the_check_of_its_folder(work: Path) -> None:
    other = work.parent / FOLDER / "ovrigt.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    code, out, _ = _cli("fmt", "--check", "--data", f"../{FOLDER}", f"../{FOLDER}/ovrigt.yaml")
    assert code == 1
    command = shlex.join(["utsatta", "validate", "--data", f"../{FOLDER}"])
    line = out.splitlines()[0]
    assert line.startswith(
        f"../{FOLDER}/ovrigt.yaml:1:1: fel [okand-fil] fmt har varken kontrollerat eller "
        "formaterat filen. Filen ligger inte"
    )
    _, pasted_out = _paste(command, work)
    assert f"../{FOLDER}/ovrigt.yaml:1:1: varning [okand-fil] Filen ligger inte" in pasted_out


def test_ny_suggests_the_check_of_the_new_file_in_its_folder(work: Path) -> None:
    data = work.parent / FOLDER
    (data / "rapporter" / "2024" / "higab.yaml").write_text(
        (ROOT / "data" / "rapporter" / "2024" / "higab.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    target = data / "rapporter" / "2025" / "higab.yaml"
    if target.exists():
        target.unlink()
    code, out, _ = _cli("ny", "rapport", "2025", "higab", "--data", f"../{FOLDER}")
    assert code == 0, out
    new = f"../{FOLDER}/rapporter/2025/higab.yaml"
    command = shlex.join(["utsatta", "validate", new, "--data", f"../{FOLDER}"])
    assert out == f"Skapade {new}. Fyll i fälten och kontrollera med: {command}\n"
    code, pasted_out = _paste(command, work)
    assert new in pasted_out
    assert "inbyggda exempeldata" not in pasted_out
