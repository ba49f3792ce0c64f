"""A validate without --data inside a data folder reads the bundled example data, which
'utsatta ny' refuses: the findings then suggest no 'utsatta ny …' command, only its name and
why (review granska12, finding 8; decision 0461). With the --data the notice names, the
command is given with it and works when pasted."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import SHIPPED
from utsatta.cli.app import app
from utsatta.load.datadir import bundled_data_dir

BRG = "rapporter/2023/business-region-goteborg.yaml"
MISSING = (
    "varning [rapport-saknas] Business Region Göteborg har inte lämnat någon rapport för 2023. "
    "Den ska omfatta insatserna 2:1 och 2:4. "
)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder data/rapporter/2023 of a copy of the shipped data."""
    shutil.copytree(SHIPPED, tmp_path / "data")
    for name in ("UTSATTA_DATA", "GITHUB_ACTIONS", "CI"):
        monkeypatch.delenv(name, raising=False)
    here = tmp_path / "data" / "rapporter" / "2023"
    monkeypatch.chdir(here)
    return here


def test_the_example_data_gets_no_ny_command(inside: Path) -> None:
    code, out, err = _run("validate")
    assert code == 0
    assert "Obs: använder utsattas inbyggda exempeldata" in err
    assert err.endswith("Ange den med: --data ../..\n")
    assert out == (
        f"{bundled_data_dir() / BRG}:1:1: {MISSING}Skapa filen med utsatta ny rapport, men "
        "inget kommando kan ges: kontrollen läste utsattas inbyggda exempeldata, som inte "
        "ändras; ange din datamapp med --data och kontrollera den.\n"
        "0 fel och 1 varning i 1 fil (106 kontrollerade).\n"
    )


def test_with_the_folder_the_notice_names_the_command_works_pasted(inside: Path) -> None:
    code, out, _ = _run("validate", "--data", "../..")
    assert code == 0
    command = "utsatta ny rapport 2023 business-region-goteborg --data ../.."
    assert out.splitlines()[0] == f"../../{BRG}:1:1: {MISSING}Skapa filen med '{command}'."
    code, out, err = _run(*shlex.split(command)[1:])
    assert code == 0, err
    assert (inside.parent.parent / BRG).is_file()
