"""CRLF and LF: a file whose only difference is its line endings (a Windows checkout with git's
autocrlf) passes `fmt --check` and `report --check`; fmt keeps a file's style when it
rewrites it (docs/decisions/0005)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.cli.app import app
from utsatta.fmt import format_file

HEAD = "schemaversion: 1\nar: 2023\norganisation: kulturnamnden\ninsatser:\n"
UNFORMATTED = HEAD + "  - status: pagaende\n    insats: '1:1'\n"
FORMATTED = HEAD + '  - insats: "1:1"\n    status: pagaende\n'


def _crlf(data: Path) -> None:
    for path in data.rglob("*.yaml"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


@pytest.fixture
def crlf_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    _crlf(data)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CI", raising=False)
    return data


def test_fmt_check_passes_files_that_differ_only_in_line_endings(crlf_data: Path) -> None:
    before = {p: p.read_bytes() for p in crlf_data.rglob("*.yaml")}
    result = CliRunner().invoke(app, ["fmt", "--check"], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "Alla 12 filer är redan formaterade.\n")
    result = CliRunner().invoke(app, ["fmt"], catch_exceptions=False)
    assert result.stdout == "0 filer formaterades om, 12 var redan formaterade.\n"
    assert {p: p.read_bytes() for p in crlf_data.rglob("*.yaml")} == before


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fmt_keeps_the_files_line_ending_style(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "kulturnamnden.yaml"
    path.write_bytes(UNFORMATTED.replace("\n", newline).encode())
    assert format_file(path, "rapport", write=False).changed
    result = format_file(path, "rapport")
    assert result.written
    assert path.read_bytes() == FORMATTED.replace("\n", newline).encode()
    assert not format_file(path, "rapport", write=False).changed


def test_fmt_gives_a_mixed_file_the_style_of_most_lines(tmp_path: Path) -> None:
    path = tmp_path / "kulturnamnden.yaml"
    lines = UNFORMATTED.splitlines(keepends=True)
    path.write_bytes(
        "".join([lines[0], *(line.replace("\n", "\r\n") for line in lines[1:])]).encode()
    )
    format_file(path, "rapport")
    assert path.read_bytes() == FORMATTED.replace("\n", "\r\n").encode()


def test_report_check_passes_a_report_checked_out_with_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASE, tmp_path / "data")
    runner = CliRunner()
    assert runner.invoke(app, ["report", "2023", "--output", "r.md"]).exit_code == 0
    report = tmp_path / "r.md"
    report.write_bytes(report.read_bytes().replace(b"\n", b"\r\n"))
    result = runner.invoke(app, ["report", "2023", "--output", "r.md", "--check"])
    assert (result.exit_code, result.stderr) == (0, "r.md är aktuell.\n")
    # Without --force the same report is not refused either: nothing would change.
    result = runner.invoke(app, ["report", "2023", "--output", "r.md"])
    assert (result.exit_code, result.stderr) == (0, "r.md är oförändrad.\n")
    lines = report.read_bytes().split(b"\r\n")
    lines[4] += b" x"
    report.write_bytes(b"\r\n".join(lines))
    result = runner.invoke(app, ["report", "2023", "--output", "r.md", "--check"])
    assert result.exit_code == 1
    assert "första skillnaden på rad 5." in result.stderr
