"""The command line's advice about where a file belongs: a file named for a check that lies in no
data folder is told the step that works, and no command writes its output into the data folder,
where the next check would read it (docs/decisions/0340-en-plats-ett-rad.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import CASES, build_case
from utsatta import validate
from utsatta.errors import WriteRefused
from utsatta.export import export

runner = CliRunner()
KS = "rapporter/2023/kommunstyrelsen.yaml"


def invoke(*args: str) -> tuple[int, str]:
    from utsatta.cli.app import app

    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with data/ (the _base case) and a loose/ folder with no plan.yaml."""
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    build_case(CASES / "_base", tmp_path)
    (tmp_path / "loose").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", ["validate", "fmt"])
def test_a_file_in_no_data_folder_is_told_where_it_goes(repo: Path, command: str) -> None:
    (repo / "loose" / "x.yaml").write_bytes((repo / "data" / KS).read_bytes())
    (repo / "data" / KS).unlink()
    code, err = invoke(command, "loose/x.yaml")
    assert code == 2
    assert err.splitlines()[-1] == (
        "fel: Ogiltigt värde för FILER: loose/x.yaml ligger inte i någon datamapp: ingen mapp "
        "ovanför filen har en plan.yaml, och bara en datamapps filer kan kontrolleras, mot dess "
        "plan. Flytta filen till sin plats i datamappen, data/rapporter/2023/kommunstyrelsen.yaml "
        f"(enligt 'ar' och 'organisation' i filen), och kör sedan: utsatta {command} "
        "data/rapporter/2023/kommunstyrelsen.yaml --data data"
    )
    # Following it: the file is checked, without a finding.
    (repo / "loose" / "x.yaml").rename(repo / "data" / KS)
    assert invoke(command, f"data/{KS}")[0] == 0


@pytest.mark.parametrize(
    ("extra", "there"),
    [
        (
            b"",
            "data/rapporter/2023/kommunstyrelsen.yaml finns redan med samma innehåll: den här "
            "filen är en kopia, ta bort den.",
        ),
        (
            b"# egen rad\n",
            "data/rapporter/2023/kommunstyrelsen.yaml finns redan: jämför filerna, för över det "
            "som ska vara kvar till data/rapporter/2023/kommunstyrelsen.yaml och ta sedan bort "
            "den här filen.",
        ),
    ],
)
def test_a_file_whose_place_is_taken_is_not_told_to_move_over_it(
    repo: Path, extra: bytes, there: str
) -> None:
    # The report's place has a file already: compare them, never move this one over it (0658).
    (repo / "loose" / "x.yaml").write_bytes((repo / "data" / KS).read_bytes() + extra)
    code, err = invoke("validate", "loose/x.yaml")
    assert code == 2
    assert err.splitlines()[-1] == (
        "fel: Ogiltigt värde för FILER: loose/x.yaml ligger inte i någon datamapp: ingen mapp "
        "ovanför filen har en plan.yaml, och bara en datamapps filer kan kontrolleras, mot dess "
        "plan. Enligt 'ar' och 'organisation' i filen hör den till "
        f"data/rapporter/2023/kommunstyrelsen.yaml, men {there} Kör sedan: utsatta validate "
        "data/rapporter/2023/kommunstyrelsen.yaml --data data"
    )


def test_a_file_that_says_nothing_of_itself_gets_the_pattern(repo: Path) -> None:
    (repo / "loose" / "y.yaml").write_text("text: hej\n", encoding="utf-8")
    code, err = invoke("validate", "loose/y.yaml")
    assert code == 2
    assert err.splitlines()[-1].endswith(
        "Flytta filen till sin plats i datamappen, för en rapport "
        "data/rapporter/<år>/<organisation>.yaml, och kör sedan: utsatta validate --data data"
    )
    # A path that is not there is said so, as before.
    code, err = invoke("validate", "loose/saknas.yaml")
    assert (code, err.splitlines()[-1]) == (
        2,
        "fel: Ogiltigt värde för FILER: Filen loose/saknas.yaml finns inte.",
    )


OUTPUTS = [
    (["report", "2023"], "rapport.md"),
    (["report", "2023", "--format", "html"], "sub/rapport.html"),
    (["export", "2023", "--format", "xlsx"], "tabeller.xlsx"),
    (["export", "2023", "--format", "csv"], "tabeller"),
]


@pytest.mark.parametrize(("args", "name"), OUTPUTS)
@pytest.mark.parametrize("force", [False, True])
def test_no_output_goes_into_the_data_folder(
    repo: Path, args: list[str], name: str, force: bool
) -> None:
    before = sorted(p for p in (repo / "data").rglob("*"))
    target = f"data/{name}"
    code, err = invoke(*args, "--data", "data", "--output", target, *(["--force"] * force))
    assert (code, err) == (
        4,
        f"fel: {target} ligger i datamappen data, och där läses varje fil som data: nästa "
        "'utsatta validate' skulle varna för den (okand-fil). utsatta skriver aldrig utdata i "
        f"datamappen, inte heller med --force. Välj en plats utanför datamappen, t.ex. "
        f"{Path(name).name}.\n",
    )
    assert sorted(p for p in (repo / "data").rglob("*")) == before
    # The place suggested works.
    assert invoke(*args, "--data", "data", "--output", Path(name).name)[0] == 0


def test_a_hidden_folder_in_the_data_folder_may_take_output(repo: Path) -> None:
    """What the check leaves alone by rule (.github/, .cache/) is no data: written there."""
    code, _ = invoke("report", "2023", "--data", "data", "--output", "data/.utdata/rapport.md")
    assert code == 0
    assert (repo / "data" / ".utdata" / "rapport.md").is_file()
    assert validate(repo / "data").findings == []


def test_the_library_export_refuses_as_the_command_does(repo: Path) -> None:
    ds = validate(repo / "data").dataset
    with pytest.raises(WriteRefused) as caught:
        export(ds, 2023, "xlsx", repo / "data" / "t.xlsx")
    assert str(caught.value) == (
        f"{repo}/data/t.xlsx ligger i datamappen {repo}/data, och där läses varje fil som data: "
        "nästa 'utsatta validate' skulle varna för den (okand-fil). utsatta skriver aldrig "
        "utdata i datamappen, inte heller med --force. Välj en plats utanför datamappen, t.ex. "
        "t.xlsx."
    )
    assert not (repo / "data" / "t.xlsx").exists()


def test_a_data_repository_at_the_top_is_told_a_place_beside_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data folder is the working folder (plan.yaml at the repository's top): every plain
    file there is read, so the suggestion is beside it, as the user would type it."""
    monkeypatch.chdir(repo / "data" / "rapporter")
    code, err = invoke("report", "2023", "--data", "..", "--output", "rapport.md")
    assert (code, err.split("t.ex. ")[-1]) == (4, "../../rapport.md.\n")
    monkeypatch.chdir(repo / "data")
    code, err = invoke("report", "2023", "--output", "rapport.md")
    assert (code, err.split("t.ex. ")[-1]) == (4, "../rapport.md.\n")
    assert invoke("report", "2023", "--output", "../rapport.md")[0] == 0


def test_a_file_outside_the_data_folder_given_is_told_its_place_in_it(repo: Path) -> None:
    # granska8 #6: the data folder is known (--data), so the advice is the move into it (0340),
    # not "give --data" nor "run without --data" (which only gives another error)
    (repo / "loose" / "x.yaml").write_bytes((repo / "data" / KS).read_bytes())
    (repo / "data" / KS).unlink()  # its place is free (a taken one: compare, 0658)
    code, err = invoke("validate", "--data", "data", "loose/x.yaml")
    assert code == 2
    assert " ".join(err.split()).endswith(
        "fel: Ogiltigt värde för FILER: loose/x.yaml ligger inte i datamappen data (från "
        "--data), och ingen mapp ovanför filen har en plan.yaml, så den kan inte kontrolleras "
        f"där den ligger. Flytta filen till sin plats i datamappen, data/{KS} (enligt 'ar' och "
        f"'organisation' i filen), och kör sedan: utsatta validate data/{KS} --data data"
    )
