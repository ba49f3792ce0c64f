"""Where no data folder is found: utsatta's own example data is never written to, and in CI
never used at all (a wrong path would pass green on the examples)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE, ROOT
from utsatta.cli.app import app

MESSAGE = (
    "fel: Ingen datamapp hittades: arbetsmappen ({cwd}) har varken data/ eller plan.yaml, och i "
    "CI används aldrig utsattas inbyggda exempeldata. Ange mappen som har plan.yaml med --data "
    "eller miljövariabeln UTSATTA_DATA.\n"
)

#: every command that reads the data folder
COMMANDS = [
    ["validate"],
    ["fmt", "--check"],
    ["fmt"],
    ["report", "2023"],
    ["plan"],
    ["status", "2023"],
    ["indikatorer"],
    ["export", "2023", "--output", "ut.xlsx"],
    ["codeowners"],
    ["ny", "rapport", "2024", "grundskolenamnden"],
]


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository whose data lies in a folder utsatta does not look in by itself."""
    monkeypatch.chdir(tmp_path)
    for name in ("UTSATTA_DATA", "GITHUB_ACTIONS", "CI", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "uppfoljningsdata").mkdir()
    return tmp_path


@pytest.mark.parametrize("variable", [("GITHUB_ACTIONS", "true"), ("CI", "true"), ("CI", "1")])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_in_ci_the_example_data_is_an_error(
    elsewhere: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    variable: tuple[str, str],
) -> None:
    monkeypatch.setenv(*variable)
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == MESSAGE.format(cwd=elsewhere)


def test_outside_ci_the_example_data_is_read_with_a_notice(elsewhere: Path) -> None:
    result = CliRunner().invoke(app, ["validate"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.startswith("Obs: använder utsattas inbyggda exempeldata (")


def test_in_ci_a_named_data_folder_is_used(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(app, ["validate", "--data", str(BASE)], catch_exceptions=False)
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "Inga problem i 12 filer.")
    monkeypatch.setenv("UTSATTA_DATA", str(BASE))
    result = CliRunner().invoke(app, ["validate"], catch_exceptions=False)
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "Inga problem i 12 filer.")


def test_fmt_never_writes_into_the_example_data(elsewhere: Path) -> None:
    before = {p: p.read_bytes() for p in (ROOT / "data").rglob("*.yaml")}
    result = CliRunner().invoke(app, ["fmt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte formateras)" in (
        result.stderr
    )
    assert "formaterade" not in result.stdout
    assert {p: p.read_bytes() for p in (ROOT / "data").rglob("*.yaml")} == before
    # --check only reads: the examples with the notice, as validate does
    result = CliRunner().invoke(app, ["fmt", "--check"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.startswith("Obs: använder utsattas inbyggda exempeldata (")


def test_fmt_of_named_files_uses_their_data_folder(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(BASE, elsewhere / "uppfoljningsdata", dirs_exist_ok=True)
    result = CliRunner().invoke(app, ["fmt", "uppfoljningsdata/plan.yaml"], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (
        0,
        "0 filer formaterades om, 1 var redan formaterad.\n",
    )


def test_inside_a_data_folder_the_notice_names_it(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer in data/rapporter/2025/ (VS Code's terminal opened beside the file) runs
    'utsatta validate': the example data is read, as the README's order says, and the notice
    names the data folder above with the option that reads it."""
    import shutil

    shutil.copytree(BASE, elsewhere / "data")
    (elsewhere / "data" / "rapporter" / "2025").mkdir(parents=True)
    monkeypatch.chdir(elsewhere / "data" / "rapporter" / "2025")
    hint = (
        " Arbetsmappen ligger i datamappen ../.., som har plan.yaml. Ange den med: --data ../..\n"
    )
    result = CliRunner().invoke(app, ["validate"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.startswith("Obs: använder utsattas inbyggda exempeldata (")
    assert result.stderr.endswith("genom att stå i mappen som har data/." + hint)
    result = CliRunner().invoke(
        app, ["ny", "rapport", "2024", "grundskolenamnden"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "fel: Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte ändras). "
        "Ange din datamapp med --data." + hint
    )
    # the option as said reads the folder
    result = CliRunner().invoke(app, ["validate", "--data", "../.."], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (0, "")


def test_outside_a_data_folder_the_notice_names_none(elsewhere: Path) -> None:
    result = CliRunner().invoke(app, ["validate"], catch_exceptions=False)
    assert result.stderr.endswith("genom att stå i mappen som har data/.\n")
