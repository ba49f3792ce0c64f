"""docs/datarepo-workflow.yml, the GitHub Actions workflow the README offers the data
repository: every `utsatta` line in it runs, `report --check` covers each of the plan's years
(granska17 L8: 2024 and 2025 were missing), and a nämnd's correct pull request is green though
it makes the committed reports stale and its layout is not fmt's, while the same on push to main
fails (flow23, docs/decisions/0657-pull-request-gron-nar-datan-ar-ratt.md)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from tests.support import ROOT, SHIPPED
from utsatta.cli.app import app

WORKFLOW = ROOT / "docs" / "datarepo-workflow.yml"
#: The job's switch: --bara-visa on a pull request, no argument on push to main.
SWITCH = "${{ github.event_name == 'pull_request' && '--bara-visa' || '' }}"
EVENTS = {"pull_request": ["--bara-visa"], "push": []}
REPORT = "rapporter/2024/arbetsmarknad-och-vuxenutbildning.yaml"


def _workflow() -> Any:
    return YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))


def _commands(event: str) -> list[list[str]]:
    """Every `utsatta` command line of the workflow's steps on ``event``, split as the shell
    splits it, $BARA_VISA as the job's expression makes it (unquoted: empty is no argument)."""
    doc = _workflow()
    (job,) = doc["jobs"].values()
    assert job["env"] == {"BARA_VISA": SWITCH}
    assert set(doc["on"]) == set(EVENTS) and doc["on"]["push"] == {"branches": ["main"]}
    lines = [
        line.strip()
        for step in job["steps"]
        for line in str(step.get("run", "")).splitlines()
        if "if" not in step  # every check runs on both events
    ]
    commands = []
    for line in lines:
        if line.startswith("utsatta "):
            words = shlex.split(line)
            if words[1] == "report":
                # every year is checked before the step fails (test_every_stale_year_is_named)
                assert words[-2:] == ["||", "status=1"], line
                words = words[:-2]
            commands.append(
                [w for word in words for w in (EVENTS[event] if word == "$BARA_VISA" else [word])]
            )
    return commands


def _plan_years() -> list[int]:
    from utsatta.load.dataset import load

    ds = load(SHIPPED)
    assert ds.plan is not None and ds.plan.model is not None
    giltighet = ds.plan.model.plan.giltighet
    return list(range(giltighet.fran, giltighet.till + 1))


@pytest.mark.parametrize("event", list(EVENTS))
def test_report_check_covers_every_year_of_the_plan(event: str) -> None:
    checks = [c for c in _commands(event) if c[1] == "report"]
    assert checks == [
        [
            "utsatta",
            "report",
            str(ar),
            "--data",
            "data",
            "--output",
            f"rapporter/uppfoljning-{ar}.md",
            "--check",
            *EVENTS[event],
        ]
        for ar in _plan_years()
    ]


@pytest.mark.parametrize("event", list(EVENTS))
def test_the_data_is_judged_the_same_on_both_events(event: str) -> None:
    # validate fails on an error in a pull request as on main; only layout and the reports'
    # staleness are shown without failing a pull request
    commands = _commands(event)
    assert [c[1] for c in commands] == ["validate", "fmt"] + ["report"] * len(_plan_years())
    assert commands[0] == ["utsatta", "validate", "--data", "data"]
    assert commands[1] == ["utsatta", "fmt", "--check", "--data", "data", *EVENTS[event]]


_ENV = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "UTSATTA_DATA", "CI")


@pytest.fixture(scope="module")
def made_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data repository with its checked-in reports, written once for the module (a report of
    the shipped data for each year of the plan, seconds of CPU); each test changes a copy."""
    root = tmp_path_factory.mktemp("datarepo")
    shutil.copytree(SHIPPED, root / "data")
    (root / "rapporter").mkdir()
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        for name in _ENV:
            patch.delenv(name, raising=False)
        for ar in _plan_years():
            made = runner.invoke(
                app, ["report", str(ar), "--data", "data", "-o", f"rapporter/uppfoljning-{ar}.md"]
            )
            assert made.exit_code == 0, made.stderr
    return root


@pytest.fixture
def repo(made_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data repository as the workflow sees it: data/ and the checked-in reports."""
    shutil.copytree(made_repo, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.mark.parametrize("event", list(EVENTS))
def test_every_command_of_the_workflow_passes_on_the_shipped_data(repo: Path, event: str) -> None:
    runner = CliRunner()
    for command in _commands(event):
        result = runner.invoke(app, command[1:])
        assert result.exit_code == 0, (command, result.stdout, result.stderr)


def test_a_correct_pull_request_is_green_and_main_after_it_red(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a nämnd's change in the web editor: right data (a new sentence), a space left at a line's
    # end; the committed 2024 report is stale now, and only the analysts can rewrite it
    path = repo / "data" / REPORT
    text = path.read_text(encoding="utf-8")
    assert "    status: pagaende\n" in text
    path.write_text(
        text.replace("    status: pagaende\n", "    status: pagaende  \n", 1).replace(
            "    nulage: |\n", "    nulage: |\n      Ny mening från nämnden.\n", 1
        ),
        encoding="utf-8",
    )
    summary = repo / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runner = CliRunner()
    said: dict[str, list[str]] = {}
    for command in _commands("pull_request"):
        result = runner.invoke(app, command[1:])
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
        said[" ".join(command[1:3])] = result.stdout.splitlines()
    # the layout: a warning on the line, which the web editor can change
    line = next(n for n, t in enumerate(text.split("\n"), 1) if t == "    status: pagaende")
    assert said["fmt --check"][0] == (
        f"::warning file=data/{REPORT},line={line},col=1,title=fmt-formateras-om::Filen skulle "
        f"formateras om av utsatta fmt: rad {line}: blanksteg i slutet av raden tas bort."
    )
    # the stale report: a notice and the job summary's line, with the command for after merging
    fix = "utsatta report 2024 --data data --output rapporter/uppfoljning-2024.md --force"
    assert said["report 2024"] == [
        "::notice title=Rapporten är inte aktuell::rapporter/uppfoljning-2024.md stämmer inte "
        "med datan. Det stoppar inte kontrollen; skriv rapporten efter sammanslagningen med: " + fix
    ]
    assert said["report 2023"] == []
    assert summary.read_text(encoding="utf-8").endswith(
        "- Rapporten `rapporter/uppfoljning-2024.md` stämmer inte med datan och skrivs efter "
        f"sammanslagningen med `{fix}` (det stoppar inte kontrollen).\n"
    )
    # merged to main: the layout and the stale report fail until the analysts fix them
    failed = [
        command[1:3]
        for command in _commands("push")
        if runner.invoke(app, command[1:]).exit_code != 0
    ]
    assert failed == [["fmt", "--check"], ["report", "2024"]]


def test_an_error_in_the_data_fails_the_pull_request(repo: Path) -> None:
    path = repo / "data" / REPORT
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: pagaende", "status: kanske", 1),
        encoding="utf-8",
    )
    validate = _commands("pull_request")[0]
    assert CliRunner().invoke(app, validate[1:]).exit_code == 1


def test_report_check_show_only_outside_github_says_why_it_passes(repo: Path) -> None:
    (repo / "rapporter/uppfoljning-2024.md").write_text("inaktuell\n", encoding="utf-8")
    args = ["report", "2024", "--data", "data", "-o", "rapporter/uppfoljning-2024.md", "--check"]
    result = CliRunner().invoke(app, [*args, "--bara-visa"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [
        "rapporter/uppfoljning-2024.md skiljer sig från en ny rendering av rapporten 2024, första "
        "skillnaden på rad 1. Uppdatera filen med: utsatta report 2024 --data data --output "
        "rapporter/uppfoljning-2024.md --force",
        "Avslutningskoden är ändå 0 (--bara-visa).",
    ]
    assert CliRunner().invoke(app, args).exit_code == 1
    alone = CliRunner().invoke(app, [*args[:-1], "--bara-visa"])
    assert alone.exit_code == 2 and "--bara-visa gäller bara med --check." in alone.stderr


def test_every_stale_year_is_named_before_the_step_fails(tmp_path: Path) -> None:
    # the report step as GitHub runs it (bash -e: the first failing line would end it), with a
    # stand-in `utsatta` that says its year and finds 2023 and 2024 stale
    (job,) = _workflow()["jobs"].values()
    (step,) = [s for s in job["steps"] if "report" in str(s.get("run", ""))]
    stand_in = 'utsatta() { echo "$2"; [ "$2" != 2023 ] && [ "$2" != 2024 ]; }\n'
    script = tmp_path / "steg.sh"
    script.write_text(stand_in + step["run"], encoding="utf-8")
    ran = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        env={"PATH": "/usr/bin:/bin", "BARA_VISA": ""},
        capture_output=True,
        text=True,
    )
    assert (ran.returncode, ran.stdout.split()) == (1, [str(ar) for ar in _plan_years()])
    script.write_text('utsatta() { echo "$2"; }\n' + step["run"], encoding="utf-8")
    ran = subprocess.run(["bash", "-e", str(script)], capture_output=True, text=True)
    assert (ran.returncode, ran.stdout.split()) == (0, [str(ar) for ar in _plan_years()])


def test_show_only_passes_a_stale_report_but_not_one_that_is_no_file(repo: Path) -> None:
    # a missing report is written after merging, as a stale one is; a folder in its place is
    # not (the command the notice would give refuses it): --bara-visa does not hide that
    args = ["report", "2024", "--data", "data", "-o", "rapporter/uppfoljning-2024.md", "--check"]
    (repo / "rapporter/uppfoljning-2024.md").unlink()
    missing = CliRunner().invoke(app, [*args, "--bara-visa"])
    assert missing.exit_code == 0
    assert missing.stderr.splitlines()[0] == (
        "rapporter/uppfoljning-2024.md finns inte. Skapa den med: utsatta report 2024 --data "
        "data --output rapporter/uppfoljning-2024.md"
    )
    (repo / "rapporter/uppfoljning-2024.md").mkdir()
    folder = CliRunner().invoke(app, [*args, "--bara-visa"])
    assert (folder.exit_code, folder.stderr.splitlines()) == (
        1,
        [
            "rapporter/uppfoljning-2024.md är en mapp, inte en vanlig fil, och jämförs inte. "
            "Ange rapportfilen."
        ],
    )


def test_check_never_reads_through_a_link(repo: Path) -> None:
    # as a report is never written through a link, --check does not read through one (a link
    # to /etc/passwd was read and compared: only "första skillnaden på rad N" came out)
    args = ["report", "2024", "--data", "data", "-o", "rapporter/uppfoljning-2024.md", "--check"]
    real = repo / "rapporter/uppfoljning-2024.md"
    real.rename(repo / "riktig.md")
    real.symlink_to(repo / "riktig.md")
    for extra in ([], ["--bara-visa"]):
        result = CliRunner().invoke(app, [*args, *extra])
        assert (result.exit_code, result.stderr.splitlines()) == (
            1,
            [
                "rapporter/uppfoljning-2024.md är en symbolisk länk, inte en vanlig fil, och "
                "jämförs inte. Ange rapportfilen."
            ],
        )
