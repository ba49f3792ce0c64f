"""Writing where it must not, templates that misbehave, years a command cannot answer for
(issue 16): the documented exit code (4 refused, 120 could not write, 2 usage, 1 template),
a Swedish message, no traceback, no hang (docs/decisions/0060, 0065, 0067)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE, ROOT
from utsatta.cli.app import app

runner = CliRunner()


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    return data


def _cli(*args: str, cwd: Path | None = None, stdout: int | None = None) -> tuple[int, str]:
    """The real command line in a subprocess with a timeout: a hang fails the test."""
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", *args],
        cwd=cwd or ROOT,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=60,
        env={**os.environ, "GITHUB_ACTIONS": ""},
        check=False,
    )
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    return proc.returncode, err


# --- refused (4) and failed (120), the same for every command that writes -------------------


def test_report_force_never_replaces_a_fifo(tmp_path: Path) -> None:
    data = _data(tmp_path)
    fifo = tmp_path / "ut.md"
    os.mkfifo(fifo)
    code, err = _cli("report", "2023", "--data", str(data), "--output", str(fifo), "--force")
    assert code == 4, err
    assert "inte en vanlig fil" in err or "FIFO" in err


def test_report_force_never_replaces_a_link_to_dev_null(tmp_path: Path) -> None:
    data = _data(tmp_path)
    link = tmp_path / "ut.md"
    link.symlink_to("/dev/null")
    code, err = _cli("report", "2023", "--data", str(data), "--output", str(link), "--force")
    assert code == 4, err
    assert link.is_symlink() and str(link.readlink()) == "/dev/null"


@pytest.mark.parametrize("command", ["report", "codeowners", "schema"])
def test_a_file_where_a_folder_must_stand_is_120(tmp_path: Path, command: str) -> None:
    data = _data(tmp_path)
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    target = tmp_path / "fil" / "ut"
    args = {
        "report": ["report", "2023", "--data", str(data), "--output", f"{target}.md"],
        "codeowners": ["codeowners", "--data", str(data), "--output", str(target)],
        "schema": ["schema", "--output", str(target)],
    }[command]
    code, err = _cli(*args, cwd=tmp_path)
    assert code == 120, err
    assert "fel:" in err


def test_schema_over_a_fifo_is_refused_even_with_force(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    out.mkdir()
    os.mkfifo(out / "plan.schema.json")
    code, err = _cli("schema", "--output", str(out), "--force")
    assert code == 4, err


def test_codeowners_over_a_fifo_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    fifo = tmp_path / "CODEOWNERS"
    os.mkfifo(fifo)
    code, err = _cli(
        "codeowners", "--data", str(data), "--output", str(fifo), "--force", cwd=tmp_path
    )
    assert code == 4, err


def test_a_full_disk_is_120_for_output_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import utsatta.fileio

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(utsatta.fileio.os, "fsync", full)
    data = _data(tmp_path)
    target = tmp_path / "ut.md"
    result = runner.invoke(app, ["report", "2023", "--data", str(data), "--output", str(target)])
    assert result.exit_code == 120, result.stderr
    assert "disken är full" in result.stderr
    assert not target.exists() and not list(tmp_path.glob(".ut.md.*"))
    result = runner.invoke(app, ["ny", "rapport", "2024", "grundskolenamnden", "--data", str(data)])
    assert result.exit_code == 120, result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["schema"], ["validate", "--data", "DATA"]])
def test_a_full_disk_is_120_for_standard_output(tmp_path: Path, args: list[str]) -> None:
    data = _data(tmp_path)
    with Path("/dev/full").open("wb") as full:
        code, _ = _cli(*[str(data) if a == "DATA" else a for a in args], stdout=full.fileno())
    assert code == 120


def test_ny_rapport_never_writes_through_a_year_folder_linking_out(tmp_path: Path) -> None:
    data = _data(tmp_path)
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (data / "rapporter" / "2024").symlink_to(outside, target_is_directory=True)
    result = runner.invoke(app, ["ny", "rapport", "2024", "grundskolenamnden", "--data", str(data)])
    assert result.exit_code == 4, result.stderr
    assert "utanför" in result.stderr
    assert list(outside.iterdir()) == []


def test_fmt_never_writes_through_a_year_folder_linking_out(tmp_path: Path) -> None:
    """A file named on the command line inside a linked year folder that leads out of the data
    folder is not rewritten there (exit 4), and the file outside stays as it was."""
    data = _data(tmp_path)
    outside = tmp_path / "utanfor"
    outside.mkdir()
    report = outside / "grundskolenamnden.yaml"
    text = (data / "rapporter" / "2023" / "grundskolenamnden.yaml").read_text(encoding="utf-8")
    report.write_text(text.replace("organisation: ", "organisation:    ", 1), encoding="utf-8")
    before = report.read_bytes()
    (data / "rapporter" / "2024").symlink_to(outside, target_is_directory=True)
    target = data / "rapporter" / "2024" / "grundskolenamnden.yaml"
    result = runner.invoke(app, ["fmt", str(target), "--data", str(data)])
    assert result.exit_code == 4, result.output
    assert "utanför" in result.output
    assert report.read_bytes() == before


def test_ny_rapport_existing_is_refused_and_a_new_one_is_written(tmp_path: Path) -> None:
    data = _data(tmp_path)
    result = runner.invoke(app, ["ny", "rapport", "2023", "grundskolenamnden", "--data", str(data)])
    assert result.exit_code == 4
    result = runner.invoke(app, ["ny", "uppfoljning", "2024", "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    assert (data / "uppfoljning" / "2024.yaml").is_file()


# --- templates ---------------------------------------------------------------------------


def _templates(tmp_path: Path, text: str) -> Path:
    data = _data(tmp_path)
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.md.j2").write_text(text, encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("rad ett\n{% if %}\n", "report.md.j2:2: mallen kan inte användas: syntaxfel"),
        (
            "a\nb\n{{ r.finns_inte }}\n",
            "report.md.j2:3: mallen kan inte användas: okänt fält 'finns_inte'",
        ),
        ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "range"),
        ("{{ 'x' * 100000000 }}", "längre än"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "rekursion"),
        ("{% for i in range(90000) %}{{ r }}{{ r }}{{ r }}{{ r }}{% endfor %}", "längre än"),
        ("{{ r.__class__.__mro__ }}", "report.md.j2:1:"),
    ],
    ids=["syntax", "undefined", "loops", "multiply", "recursion", "output", "sandbox"],
)
def test_a_template_error_is_one_swedish_error_with_file_and_line(
    tmp_path: Path, template: str, words: str
) -> None:
    data = _templates(tmp_path, template)
    code, err = _cli("report", "2023", "--data", str(data))
    assert code == 1, err
    assert words in err
    assert err.startswith("fel: ") and "report.md.j2" in err


def test_a_template_linking_out_of_its_folder_is_not_read(tmp_path: Path) -> None:
    data = _data(tmp_path)
    secret = tmp_path / "hemlig.txt"
    secret.write_text("HEMLIGT", encoding="utf-8")
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.md.j2").write_text("{% include 'del.j2' %}\n", encoding="utf-8")
    (own / "del.j2").symlink_to(secret)
    result = runner.invoke(app, ["report", "2023", "--data", str(data)])
    assert result.exit_code == 1
    assert "HEMLIGT" not in result.stdout
    assert "länk ut ur mallmappen" in result.stderr
    (own / "report.md.j2").write_text("{% include '../hemlig.txt' %}\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "2023", "--data", str(data)])
    assert result.exit_code == 1 and "HEMLIGT" not in result.stdout
    assert "finns inte" in result.stderr


# --- years -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["indikatorer", "--ar", "-5"],
        ["indikatorer", "--ar", "1999"],
        ["indikatorer", "--ar", "2099"],
        ["status", "2021"],
        ["report", "2026"],
        ["ny", "rapport", "2030", "grundskolenamnden"],
        ["ny", "uppfoljning", "1999"],
    ],
)
def test_a_year_a_command_cannot_answer_for_is_a_usage_error(
    tmp_path: Path, args: list[str]
) -> None:
    data = _data(tmp_path)
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exit_code == 2, result.stderr
    # a year after the plan says first that the data has no plan for it (check.period)
    said = result.stderr.replace("\n", " ").lower()
    assert ("ligger utanför" in said or "datan har ingen plan för" in said) and (
        "ange ett år från" in said
    )


def test_indikatorer_accepts_its_baseline_years(tmp_path: Path) -> None:
    from utsatta.cli.options import indicator_years
    from utsatta.load.dataset import load

    data = _data(tmp_path)
    first, last = indicator_years(load(data))
    assert first < 2022 <= 2025 <= last  # baselines before the plan period
    result = runner.invoke(app, ["indikatorer", "--ar", str(first), "--data", str(data)])
    assert result.exit_code == 0, result.stderr


def test_a_mistyped_command_is_answered_in_swedish() -> None:
    result = runner.invoke(app, ["reportt"])
    assert result.exit_code == 2
    assert "Kommandot 'reportt' finns inte. Menade du 'report'" in result.stderr
    assert "Did you mean" not in result.stderr


def test_fmt_on_a_full_disk_is_120_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import utsatta.fileio

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    data = _data(tmp_path)
    report = data / "rapporter/2023/grundskolenamnden.yaml"
    before = report.read_bytes().replace(b"status: pagaende", b"status:    pagaende", 1)
    report.write_bytes(before)
    monkeypatch.setattr(utsatta.fileio.os, "fsync", full)
    result = runner.invoke(app, ["fmt", "--data", str(data), str(report)])
    assert result.exit_code == 120, result.stdout
    assert "disken är full" in result.stdout
    assert report.read_bytes() == before
