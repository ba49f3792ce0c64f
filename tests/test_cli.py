"""The command line: exit codes, output formats and the JSON shapes are a contract."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE, CASES, build_case
from utsatta.cli.app import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with one unknown key (error) and one missing report (warning)."""
    data = build_case(CASES / "okant-falt", tmp_path)
    (data / "rapporter/2023/kommunstyrelsen.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    return data


def test_validate_text_lists_findings_and_a_summary(broken: Path) -> None:
    code, out, err = invoke("validate")  # ./data is found without --data
    assert code == 1, (out, err)
    lines = out.splitlines()
    assert lines[0] == (
        "data/rapporter/2023/grundskolenamnden.yaml:6:5: fel [okant-falt] Nyckeln 'statsu' "
        "ska heta 'status'. Byt namn på den."
    )
    assert lines[-1] == "1 fel och 1 varning i 2 filer (11 kontrollerade)."


def test_validate_json_is_the_only_thing_on_stdout(broken: Path) -> None:
    code, out, _ = invoke("validate", "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["ok"] is False
    assert [
        (f["file"], f["line"], f["column"], f["code"], f["severity"]) for f in doc["findings"]
    ] == [
        ("data/rapporter/2023/grundskolenamnden.yaml", 6, 5, "okant-falt", "fel"),
        ("data/rapporter/2023/kommunstyrelsen.yaml", 1, 1, "rapport-saknas", "varning"),
    ]
    assert set(doc["findings"][0]) == {"file", "line", "column", "code", "severity", "message"}


def test_github_format_is_the_default_under_github_actions(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = invoke("validate")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(
        "::error file=data/rapporter/2023/grundskolenamnden.yaml,line=6,col=5,title=okant-falt::"
    )
    assert "::warning file=data/rapporter/2023/kommunstyrelsen.yaml,line=1,col=1," in out


def test_warnings_pass_unless_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_case(CASES / "rapport-saknas", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert invoke("validate", "--data", str(data))[0] == 0
    assert invoke("validate", "--data", str(data), "--strict")[0] == 1


def test_paths_limit_findings_to_those_files(broken: Path) -> None:
    """A pre-commit hook passes the changed files: only their findings, no missing reports."""
    code, out, _ = invoke("validate", "data/rapporter/2023/socialnamnd-nordost.yaml")
    assert (code, out) == (0, "Inga problem i 1 namngiven fil.\n")  # not "i 6 filer": 0128
    code, out, _ = invoke("validate", "data/rapporter/2023/grundskolenamnden.yaml")
    assert code == 1
    assert "rapport-saknas" not in out


def test_usage_errors_exit_2(broken: Path) -> None:
    assert invoke("validate", "--format", "xml")[0] == 2
    assert invoke("validate", "finns-inte.yaml")[0] == 2
    assert invoke("status")[0] == 2


def test_unreadable_data_folder_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", "validate", "--data", str(tmp_path / "nej")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 3
    assert proc.stderr.startswith("fel: Datamappen ")
    assert "Traceback" not in proc.stderr
    (tmp_path / "tom").mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", "validate", "--data", str(tmp_path / "tom")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 3
    assert "saknar plan.yaml" in proc.stderr


def test_utsatta_data_environment_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("UTSATTA_DATA", str(BASE))
    code, out, _ = invoke("validate")
    assert (code, out) == (0, "Inga problem i 12 filer.\n")


def test_bundled_data_is_used_outside_a_data_repo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("UTSATTA_DATA", "GITHUB_ACTIONS", "CI")}
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", "plan", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["insatser"]) == 15


def _org(ident: str, namn: str, grupp: str | None = None) -> dict[str, object]:
    """An organisation in ``plan --format json`` that existed throughout the plan."""
    return {
        "id": ident,
        "namn": namn,
        "grupp": grupp,
        "giltig_fran": None,
        "giltig_fran_sakerhet": None,
        "giltig_till": None,
        "giltig_till_sakerhet": None,
        "efterfoljare": [],
    }


def test_plan_json_shape() -> None:
    code, out, _ = invoke("plan", "--format", "json", "--data", str(BASE))
    assert code == 0
    doc = json.loads(out)
    assert doc["insatser"][0] == {
        "id": "1:1",
        "titel": "Skolan som arena",
        "fokusomrade": "1",
        "samordningsansvar": [_org("grundskolenamnden", "Grundskolenämnden")],
        "ansvar": [
            _org("grundskolenamnden", "Grundskolenämnden"),
            _org("socialnamnd-nordost", "Socialnämnd Nordost", "socialnamnderna"),
        ],
        "i_planen": {
            "samordningsansvar": [
                {"id": "grundskolenamnden", "namn": "Grundskolenämnden", "typ": "organisation"}
            ],
            "ansvar": [
                {"id": "grundskolenamnden", "namn": "Grundskolenämnden", "typ": "organisation"},
                {"id": "socialnamnderna", "namn": "Socialnämnderna", "typ": "grupp"},
            ],
        },
        "per_ar": {
            str(y): {
                "samordningsansvar": ["grundskolenamnden"],
                "ansvar": ["grundskolenamnden", "socialnamnd-nordost"],
            }
            for y in range(2022, 2026)
        },
        "uppfoljning": {
            "typ": "arlig",
            "ar": None,
            "text": "Rapportering till kommunstyrelsen ska ske en gång per år.",
        },
    }
    # 2:1: ansvar resolved from the flag on each organisation
    assert [o["id"] for o in doc["insatser"][3]["ansvar"]] == [
        "grundskolenamnden",
        "socialnamnd-nordost",
    ]


def test_status_json_counts_and_missing_pairs(tmp_path: Path) -> None:
    data = build_case(CASES / "insats-saknas", tmp_path)
    code, out, _ = invoke("status", "2023", "--format", "json", "--data", str(data))
    assert code == 0
    # Expected in 2023: 1:1 ×2, 1:7 ×1, 2:1 ×3 (1:4 is only owed in 2025) = 6; 1:7 and 2:1 missing
    status = json.loads(out)
    assert status.pop("schemaversion") == 1
    # one entry per organisation × insats (tests/test_cli_outputs.py checks their fields)
    assert sum(p["forvantad"] for p in status.pop("poster")) == 6
    assert status == {
        "ar": 2023,
        "forvantade": 6,
        "inkomna": 4,
        "saknas": [
            {"organisation": "socialnamnd-nordost", "insats": "1:7"},
            {"organisation": "socialnamnd-nordost", "insats": "2:1"},
        ],
        "ogiltiga": [],
    }


def test_status_text_shows_the_matrix(tmp_path: Path) -> None:
    data = build_case(CASES / "insats-saknas", tmp_path)
    code, out, _ = invoke("status", "2023", "--data", str(data))
    assert code == 0
    assert "Rapportering 2023" in out
    assert "4 av 6 förväntade rapporteringar har kommit in." in out
    assert "Socialnämnd Nordost: 1:7, 2:1" in out


def test_every_command_has_help_with_an_example() -> None:
    for command in app.registered_commands:
        assert command.callback is not None
        doc = command.callback.__doc__ or ""
        assert "Exempel: utsatta " in doc, command.name


def test_github_step_summary_is_grouped_by_organisation(
    broken: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert invoke("validate")[0] == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## utsatta validate\n\n1 fel och 1 varning i 2 filer")
    assert "### Grundskolenämnden (1 fel, 0 varningar)" in text
    assert "### Kommunstyrelsen (0 fel, 1 varning)" in text
    assert "| `data/rapporter/2023/grundskolenamnden.yaml:6:5` | fel | okant-falt |" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["validate", "--format", "xml"],
            "fel: Ogiltigt värde för --format: 'xml' är inte ett av",
        ),
        (["status"], "fel: Argumentet ÅR saknas."),
        (["status", "tjugo"], "fel: Ogiltigt värde för ÅR: ange ett heltal."),
        (["validate", "--formt", "json"], "fel: Flaggan --formt finns inte. Menade du --format?"),
        (["valdate"], "fel: Kommandot 'valdate' finns inte."),
    ],
)
def test_usage_errors_are_swedish(args: list[str], message: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", *args], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Användning: " in proc.stderr
    assert "Error" not in proc.stderr and "Usage" not in proc.stderr


def test_help_is_swedish() -> None:
    out = runner.invoke(app, ["--help"]).stdout
    for word in ("Användning: utsatta", "Flaggor:", "Kommandon:", "Visa den här hjälpen"):
        assert word in out
    for word in ("Usage", "Options", "Commands", "Show this message"):
        assert word not in out


def test_type_labels_in_help_are_swedish() -> None:
    """Typer labels arguments with Python type names (<list[Path]>, <int>); we show Swedish."""
    labels: set[str] = set()
    for args in (["validate"], ["fmt"], ["report"], ["status"], ["ny", "rapport"]):
        out = runner.invoke(app, [*args, "--help"]).stdout
        labels |= set(re.findall(r"<[^>]+>", out))
    assert labels == {
        "<sökvägar>",
        "<heltal>",
        "<text>",
        "<md|html|pdf|json>",
        "<text|json>",
        "<text|json|github>",
        "<text|github>",  # fmt: validate's formats for findings, but json
    }


def test_missing_shared_file_is_named_by_commands_that_need_it(tmp_path: Path) -> None:
    data = build_case(CASES / "rapport-saknas", tmp_path)
    (data / "omraden.yaml").unlink()
    code, _, err = invoke("indikatorer", "--data", str(data))
    assert code == 1
    assert "fel [fil-saknas] omraden.yaml saknas" in err
    (data / "organisationer.yaml").unlink()
    code, _, err = invoke("status", "2023", "--data", str(data))
    assert code == 1
    assert "fel [fil-saknas] organisationer.yaml saknas" in err
    assert "Inga problem" not in err


def test_unwritable_step_summary_is_a_warning_not_a_traceback(
    broken: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "finns-inte" / "s.md"))
    code, _, err = invoke("validate")
    assert code == 1
    assert err.startswith("Varning: jobbsammanfattningen kunde inte skrivas")


def test_a_folder_argument_checks_everything(broken: Path) -> None:
    code, out, _ = invoke("validate", "data/rapporter", "--strict")
    assert code == 1
    assert "rapport-saknas" in out


def test_validate_year_outside_the_plan_is_a_usage_error(broken: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", "validate", "--year", "2031"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "fel: Ogiltigt värde för --year: datan har ingen plan för 2031: planen gäller" in (
        proc.stderr.replace("\n", " ")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "2023", "2024"], "fel: Oväntat extra argument: 2024."),
        (["report", "2023", "--check"], "fel: --check behöver --output FIL"),
    ],
)
def test_more_usage_errors_are_swedish(args: list[str], message: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", *args, "--data", str(BASE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert message in proc.stderr


def test_report_never_overwrites_a_data_file(tmp_path: Path) -> None:
    data = build_case(CASES / "rapport-saknas", tmp_path)
    plan = data / "plan.yaml"
    before = plan.read_bytes()
    code, _, err = invoke("report", "2023", "--data", str(data), "--output", str(plan), "--force")
    assert code == 4  # refused (README: Vägrade skriva), also with --force
    assert f"fel: {plan} är en datafil i datamappen {data} (eller skulle bli en)" in err
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["status"],
        ["indikatorer"],
        ["report"],
        ["export"],
        ["codeowners"],
        ["ny", "rapport"],
        ["ny", "uppfoljning"],
        ["validate"],
        ["fmt"],
    ],
)
def test_data_help_speaks_of_files_only_where_files_are_taken(args: list[str]) -> None:
    """--data's help says where the data folder is found; the rule for files given as arguments
    belongs to validate and fmt, the two commands that take them (a writer reading
    'utsatta report --help' has no files to give)."""
    out = " ".join(runner.invoke(app, [*args, "--help"], env={"COLUMNS": "400"}).stdout.split())
    rest = (
        "./data om den finns, arbetsmappen om den har en plan.yaml, eller den inbyggda "
        "exempeldatan (aldrig i CI)."
    )
    if args[0] in ("validate", "fmt"):
        assert (
            "--data MAPP Datamappen. Annars UTSATTA_DATA; med filer som argument för varje fil "
            f"den närmaste mappen ovanför den som har en plan.yaml; annars {rest}"
        ) in out
    else:
        assert f"--data MAPP Datamappen. Annars UTSATTA_DATA, annars {rest}" in out
        assert "med filer som argument" not in out
