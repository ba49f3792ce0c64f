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
from utsatta.load import datadir
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
        "ändras; ange din datamapp med --data och kontrollera den."
        f"{_copy(bundled_data_dir())}\n"
        "0 fel och 1 varning i 1 fil (106 kontrollerade).\n"
    )


def _copy(folder: Path) -> str:
    """The copy advice that ends the finding, as 'ny' and 'fmt' give it (granska15, nit)."""
    return (
        " Har du ingen egen datamapp: gör en av en kopia och ange den med --data min-data. "
        f"Kopiera med: {shlex.join(['cp', '-r', str(folder.resolve()), 'min-data'])}"
    )


def test_with_the_folder_the_notice_names_the_command_works_pasted(inside: Path) -> None:
    code, out, _ = _run("validate", "--data", "../..")
    assert code == 0
    command = "utsatta ny rapport 2023 business-region-goteborg --data ../.."
    assert out.splitlines()[0] == f"../../{BRG}:1:1: {MISSING}Skapa filen med '{command}'."
    code, out, err = _run(*shlex.split(command)[1:])
    assert code == 0, err
    assert (inside.parent.parent / BRG).is_file()


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data that stands in for the bundled example data (never the
    installed data itself: a command that failed to refuse would write into it), the
    working folder another one."""
    copy = tmp_path / "paket" / "_bundled" / "data"  # where a wheel has it
    shutil.copytree(SHIPPED, copy)
    monkeypatch.setattr(datadir, "bundled_data_dir", lambda: copy)
    for name in ("UTSATTA_DATA", "GITHUB_ACTIONS", "CI"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "annan").mkdir()
    monkeypatch.chdir(tmp_path / "annan")
    return copy


def _refused(folder: Path, how: str) -> str:
    return (
        f"Datamappen {folder} (från {how}) är utsattas inbyggda exempeldata, som inte ändras: "
        "det som skrivs där följer med paketet och skrivs över när utsatta uppdateras. Gör en "
        "egen datamapp (ett eget datarepo) av en kopia, och ange den med --data min-data. "
        f"Kopiera med: {shlex.join(['cp', '-r', str(folder.resolve()), 'min-data'])}"
    )


@pytest.mark.parametrize("given", ["--data", "UTSATTA_DATA", "link", "relative"])
def test_the_example_data_named_gets_no_ny_command_and_ny_refuses_it(
    bundled: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """The rule of decision 0461 holds however the folder is named (review granska13,
    finding 6: with --data the finding suggested 'utsatta ny …', and 'ny' wrote into the
    installed package's data)."""
    folder = str(bundled)
    if given == "link":
        (bundled.parent.parent / "länk").symlink_to(bundled)
        folder = str(bundled.parent.parent / "länk")
    elif given == "relative":
        folder = "../paket/_bundled/data"
    option = [] if given == "UTSATTA_DATA" else ["--data", folder]
    if given == "UTSATTA_DATA":
        monkeypatch.setenv("UTSATTA_DATA", folder)
    code, out, err = _run("validate", *option)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"{folder}/{BRG}:1:1: {MISSING}Skapa filen med utsatta ny rapport, men inget kommando "
        "kan ges: kontrollen läste utsattas inbyggda exempeldata, som inte ändras; ange din "
        f"datamapp med --data och kontrollera den.{_copy(bundled)}"
    )
    for command in (
        ["ny", "rapport", "2023", "business-region-goteborg"],
        ["ny", "uppfoljning", "2025"],
    ):
        code, out, err = _run(*command, *option)
        assert code == 2, (out, err)
        said = " ".join(line.strip(" │╭╮╰╯─") for line in err.splitlines())
        how = "UTSATTA_DATA" if given == "UTSATTA_DATA" else "--data"
        assert _refused(Path(folder), how) in " ".join(said.split()), err
    assert not (bundled / BRG).exists()
    assert sorted(p.name for p in (bundled / "uppfoljning").iterdir()) == sorted(
        p.name for p in (SHIPPED / "uppfoljning").iterdir()
    )


def test_fmt_refuses_the_example_data_named(bundled: Path) -> None:
    """fmt writes too: never into the example data, however named."""
    report = bundled / "rapporter/2023/grundskolenamnden.yaml"
    before = report.read_bytes()
    report.write_bytes(
        before.replace(b"organisation: grundskolenamnden", b"organisation:   grundskolenamnden")
    )
    changed = report.read_bytes()
    for args in (["fmt", "--data", str(bundled)], ["fmt", str(report)]):
        code, out, err = _run(*args)
        assert code == 2, (out, err)
        assert "är utsattas inbyggda exempeldata, som inte ändras" in " ".join(err.split())
        assert report.read_bytes() == changed


def test_the_library_names_no_ny_command_for_the_example_data(bundled: Path) -> None:
    import utsatta

    found = [f for f in utsatta.validate(bundled).findings if f.code == "rapport-saknas"]
    assert [
        f.message.endswith(f"ange din datamapp med --data och kontrollera den.{_copy(bundled)}")
        for f in found
    ] == [True]


def test_the_copy_advice_followed_literally_makes_a_folder_ny_writes_into(
    bundled: Path, tmp_path: Path
) -> None:
    """The finding's last line, run as it stands in the working folder, then 'ny' with
    --data min-data as it says: the report is created in the copy, the example data is left
    as it was."""
    import subprocess

    _, out, _ = _run("validate", "--data", str(bundled))
    command = out.splitlines()[0].rsplit("Kopiera med: ", 1)[1]
    assert subprocess.run(shlex.split(command), check=False).returncode == 0
    code, _, err = _run("ny", "rapport", "2023", "business-region-goteborg", "--data", "min-data")
    assert code == 0, err
    assert (tmp_path / "annan" / "min-data" / BRG).is_file()
    assert not (bundled / BRG).exists()


def test_in_a_source_checkout_data_is_the_repositorys_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the wheel's copy (an editable install, a clone) the bundled folder is the
    repository's data/, tracked in git: named with --data it is edited like any data folder, and
    its findings give the 'ny' command (only the wheel's copy is overwritten by an update)."""
    repo = tmp_path / "repo" / "data"
    shutil.copytree(SHIPPED, repo)
    monkeypatch.setattr(datadir, "bundled_data_dir", lambda: repo)
    for name in ("UTSATTA_DATA", "GITHUB_ACTIONS", "CI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    code, out, err = _run("validate", "--data", str(repo))
    assert (code, err) == (0, "")
    command = "utsatta ny rapport 2023 business-region-goteborg --data repo/data"
    assert f"Skapa filen med '{command}'" in out.splitlines()[0]
    code, out, err = _run(*shlex.split(command)[1:])
    assert code == 0, err
    assert (repo / BRG).is_file()
