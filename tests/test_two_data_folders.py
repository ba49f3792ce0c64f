"""Files from two data folders in one run (a pre-commit hook in the README's "Ny planperiod":
the archived plan's folder and the new one): validate checks each file against the nearest
folder above it that has a plan.yaml, and fmt formats each file in it; a file outside the
folder given with --data is refused with a run that works."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.cli.app import app

ARKIV = "arkiv/plan-2022-2025"
OLD = f"{ARKIV}/rapporter/2023/grundskolenamnden.yaml"
NEW = "data/rapporter/2023/grundskolenamnden.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository in a new plan period: data/ and the archived arkiv/plan-2022-2025/."""
    shutil.copytree(BASE, tmp_path / "data")
    shutil.copytree(BASE, tmp_path / ARKIV)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CI", raising=False)
    assert (tmp_path / OLD).is_file() and (tmp_path / NEW).is_file()
    return tmp_path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_each_file_is_checked_against_its_own_data_folder(repo: Path) -> None:
    with (repo / OLD).open("a", encoding="utf-8") as f:
        f.write("foo: 1\n")
    code, out, _ = _run("validate", "--format", "json", OLD, NEW)
    assert code == 1
    doc = json.loads(out)
    assert [(f["file"], f["code"]) for f in doc["findings"]] == [(OLD, "okant-falt")]
    assert doc["not_shown"] == {}
    code, out, _ = _run("validate", NEW, OLD)
    assert (
        out.splitlines()[-1] == "1 fel och 0 varningar i 1 fil (delkontroll av 2 namngivna filer)."
    )


def test_both_folders_clean_pass(repo: Path) -> None:
    code, out, _ = _run("validate", OLD, NEW, "data/plan.yaml")
    assert (code, out.splitlines()[-1].startswith("Inga problem")) == (0, True)


def test_a_file_outside_the_data_option_is_refused_with_a_run_that_works(repo: Path) -> None:
    code, _, err = _run("validate", "--data", "data", OLD, NEW)
    assert code == 2
    said = " ".join(err.split())
    assert (
        f"{OLD} ligger inte i datamappen data (från --data). Kör utan --data och "
        "UTSATTA_DATA, så kontrolleras varje fil mot den närmaste mappen ovanför den som har "
        "en plan.yaml, eller kontrollera den mot sin egen datamapp med: utsatta validate "
        f"{OLD} --data {ARKIV}"
    ) in said
    # the command as suggested (escape.utsatta_command: --data after the file)
    code, _, _ = _run("validate", OLD, "--data", ARKIV)
    assert code == 0


def _unformat(path: Path) -> str:
    """Single quotes around the ids (fmt writes double): the file's formatted text."""
    text = path.read_text(encoding="utf-8")
    assert 'insats: "' in text
    path.write_text(text.replace('insats: "', "insats: '").replace('"\n', "'\n"), encoding="utf-8")
    return text


def _first_id(text: str) -> str:
    """What fmt --check says of the file _unformat made of ``text``: its first id's line."""
    n, line = next((n, line) for n, line in enumerate(text.split("\n"), 1) if 'insats: "' in line)
    return f"(rad {n} blir: `{line}`)"


def test_fmt_formats_each_file_in_its_own_data_folder(repo: Path) -> None:
    formatted = {name: _unformat(repo / name) for name in (OLD, NEW)}
    code, out, _ = _run("fmt", "--check", OLD, NEW)
    assert code == 1
    assert out.splitlines() == [
        f"skulle formateras om: {OLD} {_first_id(formatted[OLD])}",
        f"skulle formateras om: {NEW} {_first_id(formatted[NEW])}",
        f"2 filer av 2 skulle formateras om. Formatera dem med: utsatta fmt {OLD} {NEW}",
    ]
    code, out, _ = _run("fmt", NEW, OLD)
    assert code == 0
    assert out.splitlines()[-1] == "2 filer formaterades om, 0 var redan formaterade."
    for name, text in formatted.items():
        assert (repo / name).read_text(encoding="utf-8") == text
    assert _run("fmt", "--check", OLD, NEW)[0] == 0
