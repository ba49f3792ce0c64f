"""A data file's folder (or top-level name) in another letter case: one folder on Windows and
macOS, two in Linux CI, where the file is never read. An error with the git mv that fixes it,
and the missing file at the right place points at it (load/letter_case.py, decision 0360)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import BASE
from utsatta.check import validate
from utsatta.errors import DataDirError
from utsatta.load.datadir import locate_data_dir

SAYS = (
    "med små bokstäver, så filen läses inte. På Windows och macOS är det samma {thing} och allt "
    "ser rätt ut, men i Linux (t.ex. i CI) är det två olika, och där saknas filen. "
)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    probe = tmp_path / "a"
    probe.mkdir()
    if (tmp_path / "A").exists():
        pytest.skip("the file system ignores letter case")
    probe.rmdir()
    root = tmp_path / "d d"
    shutil.copytree(BASE, root)
    monkeypatch.chdir(tmp_path)
    return Path("d d")


def _found(root: Path) -> list[tuple[str, int, int, str, str]]:
    return [
        (f.file, f.line, f.column, f.code, f.message)
        for f in validate(root).findings
        if f.code in ("fel-skiftlage", "rapport-saknas", "fil-saknas", "okand-fil")
    ]


def test_a_report_in_a_capitalised_folder(data: Path) -> None:
    (data / "Rapporter" / "2023").mkdir(parents=True)
    (data / "rapporter/2023/kommunstyrelsen.yaml").rename(
        data / "Rapporter/2023/kommunstyrelsen.yaml"
    )
    found = _found(data)
    assert [f[:4] for f in found] == [
        ("d d/Rapporter/2023/kommunstyrelsen.yaml", 1, 1, "fel-skiftlage"),
        ("d d/rapporter/2023/kommunstyrelsen.yaml", 1, 1, "rapport-saknas"),
    ]
    assert found[0][4] == (
        "Mappen heter 'Rapporter' men ska heta 'rapporter' "
        + SAYS.format(thing="mapp")
        + "Byt namn med rätt skiftläge: git mv 'd d/Rapporter/2023/kommunstyrelsen.yaml' "
        "'d d/rapporter/2023/kommunstyrelsen.yaml'"
    )
    assert "filen Rapporter/2023/kommunstyrelsen.yaml ser ut att vara den" in found[1][4]


def test_a_whole_folder_is_renamed_by_way_of_another_name(data: Path) -> None:
    (data / "uppfoljning").rename(data / "Uppfoljning")
    found = _found(data)
    # each file in the folder says it, with the one command that renames the folder
    assert [f[:4] for f in found] == [
        ("d d/Uppfoljning/2022.yaml", 1, 1, "fel-skiftlage"),
        ("d d/Uppfoljning/2023.yaml", 1, 1, "fel-skiftlage"),
    ]
    for f in found:
        assert f[4].endswith(
            "Byt namn med rätt skiftläge: git mv 'd d/Uppfoljning' 'd d/uppfoljning-tmp' && "
            "git mv 'd d/uppfoljning-tmp' 'd d/uppfoljning'"
        )


def test_a_missing_year_folder_is_made_first(data: Path) -> None:
    (data / "RAPPORTER" / "2024").mkdir(parents=True)
    (data / "rapporter/2023/kommunstyrelsen.yaml").rename(
        data / "RAPPORTER/2024/kommunstyrelsen.yaml"
    )
    found = [f for f in _found(data) if f[3] == "fel-skiftlage"]
    assert [f[:4] for f in found] == [
        ("d d/RAPPORTER/2024/kommunstyrelsen.yaml", 1, 1, "fel-skiftlage")
    ]
    assert found[0][4].startswith("Mappen heter 'RAPPORTER' men ska heta 'rapporter' ")
    assert found[0][4].endswith(
        "mkdir -p 'd d/rapporter/2024' && git mv 'd d/RAPPORTER/2024/kommunstyrelsen.yaml' "
        "'d d/rapporter/2024/kommunstyrelsen.yaml'"
    )


def test_a_different_file_at_the_right_place_is_never_overwritten(data: Path) -> None:
    (data / "Indikatorer").mkdir()
    (data / "Indikatorer" / "valdeltagande.yaml").write_text("annat: 1\n", encoding="utf-8")
    (found,) = _found(data)
    assert found[:4] == ("d d/Indikatorer/valdeltagande.yaml", 1, 1, "fel-skiftlage")
    assert found[4].endswith(
        "Det finns redan en fil d d/indikatorer/valdeltagande.yaml: jämför filerna, för över "
        "det som ska vara kvar dit och ta sedan bort den här."
    )


def test_a_shared_file_in_capitals_is_one_story(data: Path) -> None:
    (data / "organisationer.yaml").rename(data / "Organisationer.yaml")
    found = _found(data)
    assert [f[:4] for f in found] == [
        ("d d/Organisationer.yaml", 1, 1, "fel-skiftlage"),
        ("d d/organisationer.yaml", 1, 1, "fil-saknas"),
    ]
    assert found[0][4] == (
        "Filen heter 'Organisationer.yaml' men ska heta 'organisationer.yaml' "
        + SAYS.format(thing="fil")
        + "Byt namn med rätt skiftläge: git mv 'd d/Organisationer.yaml' "
        "'d d/organisationer.yaml'"
    )
    assert found[1][4] == (
        "organisationer.yaml saknas: filen Organisationer.yaml ser ut att vara den, men den "
        "läses inte förrän den heter organisationer.yaml. Byt namn på den eller flytta den dit "
        "(se felet för den filen)."
    )


def test_a_report_id_in_capitals_is_not_this_finding(data: Path) -> None:
    (data / "rapporter/2023/kommunstyrelsen.yaml").rename(
        data / "rapporter/2023/Kommunstyrelsen.yaml"
    )
    assert "fel-skiftlage" not in [f[3] for f in _found(data)]


def test_plan_in_capitals_is_named(data: Path) -> None:
    (data / "plan.yaml").rename(data / "Plan.yaml")
    with pytest.raises(DataDirError) as caught:
        locate_data_dir(data)
    # the text of the finding fel-skiftlage (letter_case.wrong_case), the one rule for it
    assert str(caught.value) == (
        "Datamappen d d (från --data) saknar plan.yaml och är därför ingen utsatta-datamapp. "
        "I mappen finns Plan.yaml. Filen heter 'Plan.yaml' men ska heta 'plan.yaml' "
        + SAYS.format(thing="fil")
        + "Byt namn med rätt skiftläge: git mv 'd d/Plan.yaml' 'd d/plan.yaml'"
    )


def test_plan_in_capitals_is_the_same_story_in_the_library(data: Path) -> None:
    # validate() of the folder (no locate_data_dir): the finding whose text the CLI gives
    (data / "plan.yaml").rename(data / "Plan.yaml")
    found = [f for f in _found(data) if f[3] == "fel-skiftlage"]
    assert found == [
        (
            "d d/Plan.yaml",
            1,
            1,
            "fel-skiftlage",
            "Filen heter 'Plan.yaml' men ska heta 'plan.yaml' "
            + SAYS.format(thing="fil")
            + "Byt namn med rätt skiftläge: git mv 'd d/Plan.yaml' 'd d/plan.yaml'",
        )
    ]


def test_a_control_character_in_the_name_gets_a_rename_by_hand_not_a_command(
    data: Path,
) -> None:
    # granska8 #11: a git mv naming "\x1b" as four letters names no real file
    (data / "Rapporter" / "2023").mkdir(parents=True)
    (data / "rapporter/2023/kommunstyrelsen.yaml").rename(
        data / "Rapporter/2023/kommun\x1bstyrelsen.yaml"
    )
    found = [f for f in _found(data) if f[3] == "fel-skiftlage"]
    assert [f[:4] for f in found] == [
        ("d d/Rapporter/2023/kommun\x1bstyrelsen.yaml", 1, 1, "fel-skiftlage")
    ]
    assert found[0][4] == (
        "Mappen heter 'Rapporter' men ska heta 'rapporter' "
        + SAYS.format(thing="mapp")
        + "Filnamnet har ett osynligt tecken eller styrtecken (visat här som \\x1b), så inget "
        "kommando kan skrivas för det: byt namn för hand, så att mappen 'Rapporter' heter "
        "'rapporter' och filnamnet saknar tecknet."
    )


@pytest.mark.parametrize("named", [False, True])
def test_fmt_ends_the_git_mv_line_and_names_files_as_given(
    data: Path, named: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # granska8 #4: fmt's sentence came after the command ("git mv A B fmt har …"), and with a
    # file named the paths were absolute
    from typer.testing import CliRunner

    from utsatta.cli.app import app

    (data / "Rapporter" / "2023").mkdir(parents=True)
    (data / "rapporter/2023/kommunstyrelsen.yaml").rename(
        data / "Rapporter/2023/kommunstyrelsen.yaml"
    )
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    args = ["fmt", "--check", "--data", "d d"]
    if named:
        args.append("d d/Rapporter/2023/kommunstyrelsen.yaml")
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    line = next(x for x in result.stdout.splitlines() if "[fel-skiftlage]" in x)
    assert line == (
        "d d/Rapporter/2023/kommunstyrelsen.yaml:1:1: fel [fel-skiftlage] fmt har varken "
        "kontrollerat eller formaterat filen. Mappen heter 'Rapporter' men ska heta 'rapporter' "
        + SAYS.format(thing="mapp")
        + "Byt namn med rätt skiftläge: git mv 'd d/Rapporter/2023/kommunstyrelsen.yaml' "
        "'d d/rapporter/2023/kommunstyrelsen.yaml'"
    )
