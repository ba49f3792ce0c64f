"""A file name in a finding's message is shown as an identifier (escape.identifier): a line break
in it is '\\n', never a real line break that starts a second annotation line in a CI log (was:
'filen heter x%0A\\::error file=a::pwn.yaml' in --format github)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.cli.app import app

runner = CliRunner()
HOSTILE = "x\n::error file=a::pwn"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    monkeypatch.chdir(tmp_path)
    return root


def lines_with(args: list[str], needle: str) -> list[str]:
    result = runner.invoke(app, ["validate", "--data", "data", *args])
    return [line for line in result.stdout.split("\n") if needle in line]


def test_a_report_named_with_a_line_break_in_github_format(data: Path) -> None:
    reports = data / "rapporter" / "2023"
    shutil.copy(reports / "kommunstyrelsen.yaml", reports / f"{HOSTILE}.yaml")
    assert lines_with(["--format", "github"], "pwn") == [
        "::error file=data/rapporter/2023/x\\n%3A%3Aerror file=a%3A%3Apwn.yaml,line=3,col=15,"
        "title=filnamn-matchar-inte::Rapporten är från 'kommunstyrelsen' men filen heter "
        "x\\n::error file=a::pwn.yaml. Filen ska heta kommunstyrelsen.yaml, men "
        "kommunstyrelsen.yaml finns redan med samma innehåll: den här filen "
        "är en kopia, ta bort den."
    ]


def test_an_indicator_and_a_file_without_yaml_in_text_format(data: Path) -> None:
    indikatorer = data / "indikatorer"
    shutil.copy(indikatorer / "valdeltagande.yaml", indikatorer / f"{HOSTILE}.yaml")
    (indikatorer / f"{HOSTILE}.yml").write_text("", encoding="utf-8")
    assert lines_with([], "pwn") == [
        "data/indikatorer/x\\n::error file=a::pwn.yaml:2:5: fel [filnamn-matchar-inte] "
        # never "Ändra id till 'x\\n::error …'": no id that the id rule refuses
        "Indikatorns id är 'valdeltagande' men filen heter x\\n::error file=a::pwn.yaml. Filen "
        "ska heta valdeltagande.yaml, men valdeltagande.yaml finns redan med samma innehåll: den "
        "här filen är en kopia, ta bort den.",
        # a file that says no id is named by its name's id form (load.placement.id_name)
        "data/indikatorer/x\\n::error file=a::pwn.yml:1:1: fel [fel-filandelse] Filen slutar "
        "inte på .yaml och läses inte. Byt namn till x-error-fileapwn.yaml.",
    ]


def test_a_report_in_the_wrong_year_folder_whose_target_exists_in_github_format(
    data: Path,
) -> None:
    """The advice names the existing file (already_there): a line break in its name is shown,
    never a second annotation line."""
    reports = data / "rapporter"
    (reports / "2022").mkdir(exist_ok=True)
    # An organisation not known (a typo): the file's own name is where it belongs, so the
    # target named in the advice is the hostile name (load.placement).
    text = (reports / "2023" / "kommunstyrelsen.yaml").read_text(encoding="utf-8")
    text = text.replace("organisation: kommunstyrelsen", "organisation: kommunstyrelsn")
    (reports / "2022" / f"{HOSTILE}.yaml").write_text(text, encoding="utf-8")
    (reports / "2023" / f"{HOSTILE}.yaml").write_text(text, encoding="utf-8")
    found = lines_with(["--format", "github"], "fel-ar-i-mapp")
    assert len(found) == 1
    assert found[0].endswith(
        "annars hör den till rapporter/2023/x\\n::error file=a::pwn.yaml, men "
        "rapporter/2023/x\\n::error file=a::pwn.yaml finns redan med samma innehåll: den här "
        "filen är en kopia, ta bort den."
    )
