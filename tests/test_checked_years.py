"""validate, report and export agree on which years' reports are missing: every plan year from
the first up to the latest with data (or asked with --year), also a year without any folder
(docs/decisions/0650-kontrollerade-ar.md). The command a report or an export names after its
gaps shows exactly those gaps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta import validate
from utsatta.cli.app import app
from utsatta.compute.plan_years import checked_years, years_through
from utsatta.load.dataset import load

runner = CliRunner()

ORGS = ("grundskolenamnden", "kommunstyrelsen", "socialnamnd-nordost")


@pytest.fixture
def only_2023(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base data with reports and an uppföljning for 2023 only: nobody sent anything for
    2022, and git keeps no empty folder."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    shutil.rmtree(data / "rapporter" / "2022")
    (data / "uppfoljning" / "2022.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return data


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _missing(*args: str) -> list[tuple[str, str]]:
    """(file, code) of every finding of 'utsatta validate ARGS'."""
    code, out, _ = _run("validate", *args, "--format", "json")
    assert code == 0, out
    return [(f["file"], f["code"]) for f in json.loads(out)["findings"]]


def _gaps(*years: int) -> list[tuple[str, str]]:
    found = [(f"data/rapporter/{y}/{o}.yaml", "rapport-saknas") for y in years for o in ORGS]
    return sorted(found + [(f"data/uppfoljning/{y}.yaml", "uppfoljning-saknas") for y in years])


def test_export_names_a_command_that_shows_its_gaps(only_2023: Path) -> None:
    code, _, err = _run("export", "2023", "--data", "data", "--output", "ut", "--format", "csv")
    assert code == 0
    assert err.splitlines()[-2] == (
        "Exporten har luckor: 3 rapporter från tidigare år i planperioden saknas "
        "(Kommunstyrelsen 2022, Grundskolenämnden 2022 och Socialnämnd Nordost 2022). "
        "Se 'utsatta validate --year 2023 --data data'."
    )
    assert _missing("--year", "2023", "--data", "data") == _gaps(2022)
    # and CI's plain check, which asks no year, sees the same year without a folder
    assert _missing("--data", "data") == _gaps(2022)


def test_export_of_a_later_year_names_a_command_that_shows_its_gaps(only_2023: Path) -> None:
    code, _, err = _run("export", "2024", "--data", "data", "--output", "ut", "--format", "csv")
    assert code == 0
    assert err.splitlines()[-2] == (
        "Exporten har luckor: 3 rapporter saknas för 2024 (Kommunstyrelsen, Grundskolenämnden "
        "och Socialnämnd Nordost); den samlade bedömningen för 2024 saknas; 3 rapporter från "
        "tidigare år i planperioden saknas (Kommunstyrelsen 2022, Grundskolenämnden 2022 och "
        "Socialnämnd Nordost 2022). Se 'utsatta validate --year 2024 --data data'."
    )
    assert _missing("--year", "2024", "--data", "data") == _gaps(2022, 2024)


def test_the_slutuppfoljning_names_a_command_that_shows_its_gaps(only_2023: Path) -> None:
    code, _, err = _run("report", "2025", "--data", "data", "--output", "r.md")
    assert code == 0
    assert err.splitlines()[-2] == (
        "Rapporten har luckor: 3 rapporter saknas för 2025 (Kommunstyrelsen, Grundskolenämnden "
        "och Socialnämnd Nordost); den samlade bedömningen för 2025 saknas; 6 rapporter från "
        "tidigare år i planperioden saknas (Kommunstyrelsen 2022, Grundskolenämnden 2022, "
        "Socialnämnd Nordost 2022, Kommunstyrelsen 2024, Grundskolenämnden 2024 och 1 till). "
        "Se 'utsatta validate --year 2025 --data data'."
    )
    assert _missing("--year", "2025", "--data", "data") == _gaps(2022, 2024, 2025)


def test_a_year_with_data_is_checked_never_one_after_it(only_2023: Path) -> None:
    """Plain validate stops at the latest year with data: 2024 and 2025 have not come yet as
    far as the data shows, whatever today's date is."""
    assert checked_years(load(only_2023), None) == [2022, 2023]
    # an uppföljning is data of its year too
    shutil.copy(only_2023 / "uppfoljning" / "2023.yaml", only_2023 / "uppfoljning" / "2024.yaml")
    assert checked_years(load(only_2023), None) == [2022, 2023, 2024]


def test_a_folder_outside_the_plan_adds_its_year_only(only_2023: Path) -> None:
    """A year after the plan (its files have their own error) makes no plan year checked that
    has no data: 2024 and 2025 are not reported missing for it."""
    (only_2023 / "rapporter" / "2030").mkdir()
    (only_2023 / "rapporter" / "2019").mkdir()
    assert checked_years(load(only_2023), None) == [2019, 2022, 2023, 2030]
    assert checked_years(load(only_2023), 2022) == [2019, 2022]


def test_year_option_checks_every_plan_year_up_to_it(only_2023: Path) -> None:
    ds = load(only_2023)
    assert checked_years(ds, 2025) == [2022, 2023, 2024, 2025]
    assert checked_years(ds, 2022, later=[2025]) == [2022, 2025]
    assert ds.plan is not None and ds.plan.model is not None
    g = ds.plan.model.plan.giltighet
    assert list(years_through(g, 2023)) == [2022, 2023]
    assert list(years_through(g, 2031)) == [2022, 2023, 2024, 2025]
    assert [f.code for f in validate(only_2023, year=2022).findings] == [
        "rapport-saknas",
        "rapport-saknas",
        "rapport-saknas",
        "uppfoljning-saknas",
    ]
