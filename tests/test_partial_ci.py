"""A check of named files (pre-commit) is never greener than a full check for those files: the
errors that keep them from being checked are shown and fail the run, and the findings in
other files are counted and named in the closing line, never passed over as "no problems"
(docs/decisions/0128-delkontroll.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import ROOT
from utsatta.check import validate
from utsatta.cli.app import app

REPORT = "data/rapporter/2023/grundskolenamnden.yaml"


def _validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    result = CliRunner().invoke(app, ["validate", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_a_broken_plan_is_shown_and_fails_a_check_of_a_report(
    base_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (base_copy / "plan.yaml").write_text("schemaversion: 1\nplan: [\n", encoding="utf-8")
    code, stdout = _validate(base_copy.parent, monkeypatch, REPORT)
    assert code == 1
    assert stdout.splitlines()[0].startswith("data/plan.yaml:3:1: fel [yaml-syntax] ")
    assert (
        stdout.splitlines()[-1] == "1 fel och 0 varningar i 1 fil (delkontroll av 1 namngiven fil)."
    )


def test_a_broken_organisationer_file_is_shown(
    base_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = base_copy / "organisationer.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - bogus\n", encoding="utf-8")
    code, stdout = _validate(base_copy.parent, monkeypatch, REPORT)
    assert code == 1
    assert "data/organisationer.yaml:" in stdout
    assert "Inga problem" not in stdout


def test_a_missing_organisationer_file_is_shown(
    base_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (base_copy / "organisationer.yaml").unlink()
    code, stdout = _validate(base_copy.parent, monkeypatch, REPORT)
    assert code == 1
    assert stdout.startswith("data/organisationer.yaml:1:1: fel [fil-saknas] ")


def _indicator(base: Path, insatser: str) -> None:
    path = base / "indikatorer" / "valdeltagande.yaml"
    text = path.read_text(encoding="utf-8").replace("riktning: hogre-ar-battre", "riktning: bogus")
    path.write_text(text.replace('fokusomrade: "2"\n', f'fokusomrade: "2"\n{insatser}'), "utf-8")


def test_an_error_in_an_indicator_linked_to_the_report_is_shown(
    base_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its status is compared with the report's bedömning of 1:1: an indicator that cannot be
    read leaves that unchecked."""
    _indicator(base_copy, 'insatser: ["1:1"]\n')
    code, stdout = _validate(base_copy.parent, monkeypatch, REPORT)
    assert code == 1
    lines = stdout.splitlines()
    assert lines[0].startswith("data/indikatorer/valdeltagande.yaml:7:11: fel [")
    assert lines[-1] == "1 fel och 0 varningar i 1 fil (delkontroll av 1 namngiven fil)."


def test_an_error_in_an_unlinked_indicator_is_counted_not_shown(
    base_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _indicator(base_copy, 'insatser: ["3:1"]\n')
    code, stdout = _validate(base_copy.parent, monkeypatch, REPORT)
    assert code == 0
    assert stdout == (
        "Inga problem i 1 namngiven fil. 1 fynd i andra filer visas inte "
        "(data/indikatorer/valdeltagande.yaml); kör utsatta validate --data data för att se "
        "dem.\n"
    )


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def test_an_error_the_change_causes_in_another_file_is_shown(
    shipped_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """uppfoljning/2024.yaml points at the first behov of 1:7 in socialnamnd-sydvast's 2023
    report; emptying that list breaks the uppföljning, not the report. The check of the report
    covers the uppföljning that follows up its year: the error is shown and the check fails."""
    report = shipped_copy / "rapporter" / "2023" / "socialnamnd-sydvast.yaml"
    text = report.read_text(encoding="utf-8")
    behov = (
        "    behov:\n"
        "      - Besked om budget för fältarbetet efter att statsbidraget har upphört.\n"
    )
    assert behov in text
    report.write_text(text.replace(behov, "    behov: []\n"), encoding="utf-8")
    name = "data/rapporter/2023/socialnamnd-sydvast.yaml"
    code, stdout = _validate(shipped_copy.parent, monkeypatch, name)
    assert code == 1
    assert stdout == (
        "data/uppfoljning/2024.yaml:94:13: fel [okant-behov] Insats 1:7 i rapporten från "
        "socialnamnd-sydvast 2023 har inga behov, inte nummer 1. Räkna behoven i rapportens "
        "lista, det första är 1.\n"
        "1 fel och 0 varningar i 1 fil (delkontroll av 1 namngiven fil).\n"
    )
    code, stdout = _validate(shipped_copy.parent, monkeypatch, "--format", "json", name)
    assert json.loads(stdout)["not_shown"] == {}
    assert [
        (f["file"], f["line"], f["column"], f["code"]) for f in json.loads(stdout)["findings"]
    ] == [("data/uppfoljning/2024.yaml", 94, 13, "okant-behov")]
    full = validate(Path("data"))
    assert [(f.file, f.line, f.column, f.code) for f in full.findings if f.severity == "fel"] == [
        ("data/uppfoljning/2024.yaml", 94, 13, "okant-behov")
    ]


def test_findings_of_reports_not_read_are_not_counted(
    shipped_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The uppföljning files point at behov in reports a check of one report does not read:
    that they are not found there is no finding of the full check."""
    code, stdout = _validate(shipped_copy.parent, monkeypatch, REPORT)
    assert (code, stdout) == (0, "Inga problem i 1 namngiven fil.\n")


def test_the_job_summary_names_the_other_files_as_code(
    base_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _indicator(base_copy, 'insatser: ["3:1"]\n')
    summary = tmp_path / "summary.md"
    monkeypatch.chdir(base_copy.parent)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(app, ["validate", REPORT], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == (
        "Inga problem i 1 namngiven fil. 1 fynd i andra filer visas inte "
        "(data/indikatorer/valdeltagande.yaml); kör utsatta validate --data data för att se "
        "dem.\n"
    )
    assert summary.read_text(encoding="utf-8").splitlines()[2] == (
        "Inga problem i 1 namngiven fil. 1 fynd i andra filer visas inte "
        "(`data/indikatorer/valdeltagande.yaml`); kör `utsatta validate --data data` för att "
        "se dem."
    )
