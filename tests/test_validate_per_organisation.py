"""validate's text output ends with the findings per organisation before its closing line (an
analyst checking the whole data folder of some twenty nämnder sees which have problems): by
id, with the years of their reports, the common files last. Only the text reporter; exit codes
unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE, CASES, SHIPPED, build_case
from utsatta.cli.app import app
from utsatta.findings import Finding, Severity
from utsatta.render.findings import github, per_organisation, step_summary, text

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An unknown key (error) in Grundskolenämnden's report of 2023, and Kommunstyrelsen's
    report of 2023 missing (warning)."""
    data = build_case(CASES / "okant-falt", tmp_path)
    (data / "rapporter/2023/kommunstyrelsen.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    return data


def test_the_line_per_organisation_comes_before_the_closing_line(data: Path) -> None:
    code, out = invoke("validate")
    assert code == 1  # exit codes as before: an error gives 1
    assert out.splitlines()[-2:] == [
        "Per organisation: grundskolenamnden 1 fel (2023); kommunstyrelsen 1 varning (2023).",
        "1 fel och 1 varning i 2 filer (11 kontrollerade).",
    ]


def test_the_common_files_come_last(data: Path) -> None:
    report = data / "rapporter/2023/socialnamnd-nordost.yaml"
    text = report.read_text(encoding="utf-8")
    assert text.count("\nar: 2023\n") == 1
    report.write_text(text.replace("\nar: 2023\n", "\nar: tjugo\n"), "utf-8")
    plan = data / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "okand_nyckel: 1\n", "utf-8")
    code, out = invoke("validate")
    assert code == 1
    # (with an error in plan.yaml no report is due: no rapport-saknas for Kommunstyrelsen)
    per_org = [line for line in out.splitlines() if line.startswith("Per organisation")]
    assert per_org == [
        "Per organisation: grundskolenamnden 1 fel (2023); socialnamnd-nordost 1 fel (2023); "
        "gemensamma datafiler 1 fel."
    ]
    assert out.splitlines()[-2] == per_org[0]


def test_only_warnings_keep_exit_code_0_and_are_listed(data: Path) -> None:
    report = data / "rapporter/2023/grundskolenamnden.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("statsu:", "status:"), encoding="utf-8"
    )
    (data / "rapporter/2023/socialnamnd-nordost.yaml").unlink()
    code, out = invoke("validate")
    assert code == 0
    assert out.splitlines()[-2:] == [
        "Per organisation: kommunstyrelsen 1 varning (2023); socialnamnd-nordost 1 varning (2023).",
        "0 fel och 2 varningar i 2 filer (10 kontrollerade).",
    ]
    assert invoke("validate", "--strict")[0] == 1


def test_no_line_when_all_is_well_or_the_findings_are_in_one_file(data: Path) -> None:
    shutil.copy(BASE / "rapporter/2023/kommunstyrelsen.yaml", data / "rapporter/2023")
    code, out = invoke("validate")
    assert code == 1
    # the one file is the whole list: the closing line follows it
    assert [line.split(" [")[0] for line in out.splitlines()] == [
        "data/rapporter/2023/grundskolenamnden.yaml:6:5: fel",
        "1 fel och 0 varningar i 1 fil (12 kontrollerade).",
    ]
    report = data / "rapporter/2023/grundskolenamnden.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("statsu:", "status:"), encoding="utf-8"
    )
    assert invoke("validate") == (0, "Inga problem i 12 filer.\n")


def test_the_other_reporters_keep_their_contract(data: Path) -> None:
    code, out = invoke("validate", "--format", "json")
    assert code == 1
    assert set(json.loads(out)) == {"ok", "findings"}
    code, out = invoke("validate", "--format", "github")
    assert code == 1
    assert "Per organisation" not in out


#: the organisations of the data (validate passes those of its data folders)
KNOWN = frozenset({"arbetsmarknad-och-vuxenutbildning", "socialnamnd-nordost", "kulturnamnden"})


def _finding(file: str, severity: Severity = Severity.FEL) -> Finding:
    return Finding(file, 1, 1, "okant-falt", severity, "Meddelande.")


def test_the_order_is_by_id_whatever_the_findings_order() -> None:
    files = [
        "d/rapporter/2024/socialnamnd-nordost.yaml",
        "d/plan.yaml",
        "d/rapporter/2022/arbetsmarknad-och-vuxenutbildning.yaml",
        "d/rapporter/2023/socialnamnd-nordost.yaml",
    ]
    expected = (
        "Per organisation: arbetsmarknad-och-vuxenutbildning 1 varning (2022); "
        "socialnamnd-nordost 2 fel (2023, 2024); gemensamma datafiler 1 fel."
    )
    for order in (files, files[::-1]):
        findings = [
            _finding(f, Severity.VARNING if "arbetsmarknad" in f else Severity.FEL) for f in order
        ]
        assert per_organisation(findings, KNOWN) == expected
    # only validate asks for it: fmt and the commands stopped by errors list the findings
    assert "Per organisation" not in text([_finding(f) for f in files], 4)
    assert "Per organisation" not in github([_finding(f) for f in files], 4)


def test_a_fler_fynd_finding_counts_what_it_stands_for() -> None:
    many = Finding(
        "d/rapporter/2023/kulturnamnden.yaml", 9, 1, "fler-fynd", Severity.FEL, "M.", count=40
    )
    assert per_organisation([many, _finding("d/plan.yaml", Severity.VARNING)], KNOWN) == (
        "Per organisation: kulturnamnden 40 fel (2023); gemensamma datafiler 1 varning."
    )


def test_no_line_without_a_report_among_the_files() -> None:
    assert per_organisation([_finding("d/plan.yaml"), _finding("d/omraden.yaml")], KNOWN) is None


def test_names_from_the_data_are_escaped_like_the_file_names() -> None:
    odd = "d/rapporter/2\u202e23/k\u0007s\u200b.yaml"
    line = per_organisation([_finding(odd), _finding("d/plan.yaml")], KNOWN)
    # no organisation's id: shown as the file it is, quoted (granska16 #3)
    assert line == (
        "Per organisation och fil: filen 'k\\x07s<U+200B>.yaml' 1 fel ('2<U+202E>23'); gemensamma "
        "datafiler 1 fel."
    )


def test_a_file_not_named_after_an_organisation_is_shown_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/cases/agare-ur-posterna: Grundskolenämndens report as skolan.yaml. "skolan" is no
    organisation: before, "skolan 1 fel (2023)" read as one (granska16 #3)."""
    build_case(CASES / "agare-ur-posterna", tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    code, out = invoke("validate", "--data", "data")
    assert code == 1
    assert out.splitlines()[-2:] == [
        "Per organisation och fil: grundskolenamnden 1 varning (2023); socialnamnd-ny 1 varning "
        "(2023); filen 'skolan.yaml' 1 fel (2023).",
        "1 fel och 2 varningar i 3 filer (11 kontrollerade).",
    ]


def test_a_file_name_cannot_forge_an_organisation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report renamed "x 9 fel (2024); kommunstyrelsen.yaml" (and one with a quote in its
    name): before, the line read "…; x 9 fel (2024); kommunstyrelsen 1 fel (2023).", two
    organisations to an analyst. Each name is one quoted file, its own quote escaped."""
    data = build_case(CASES / "agare-ur-posterna", tmp_path)
    folder = data / "rapporter/2023"
    text = (folder / "skolan.yaml").read_text(encoding="utf-8")
    (folder / "skolan.yaml").rename(folder / "x 9 fel (2024); kommunstyrelsen.yaml")
    (folder / "a' 1 fel (2023); b.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    code, out = invoke("validate", "--data", "data")
    assert code == 1
    assert out.splitlines()[-2] == (
        "Per organisation och fil: grundskolenamnden 1 varning (2023); socialnamnd-ny 1 varning "
        "(2023); filen 'a\\' 1 fel (2023); b.yaml' 1 fel (2023); filen 'x 9 fel (2024); "
        "kommunstyrelsen.yaml' 1 fel (2023)."
    )


def test_the_same_unknown_name_in_two_years_is_one_entry() -> None:
    files = ["d/rapporter/2023/skolan.yaml", "d/rapporter/2024/skolan.yaml", "d/plan.yaml"]
    assert per_organisation([_finding(f) for f in files], KNOWN) == (
        "Per organisation och fil: filerna 'skolan.yaml' 2 fel (2023, 2024); gemensamma "
        "datafiler 1 fel."
    )


# --- whose file it is: the name without extensions, in lower case (granska17 F-g, 0544) -------


def test_a_report_saved_with_another_extension_is_the_organisations() -> None:
    """higab.yml, higab.yaml.txt and HIGAB.YAML are Higab's report misnamed: before, their
    fel-filandelse stood under "gemensamma datafiler", the group that is not Higab's."""
    known = KNOWN | {"higab"}
    for name in ("higab.yml", "higab.yaml.txt", "HIGAB.YAML", "Higab.yaml"):
        findings = [
            _finding(f"d/rapporter/2025/{name}"),
            _finding("d/rapporter/2025/higab.yaml", Severity.VARNING),  # rapport-saknas
            _finding("d/plan.yaml"),
        ]
        assert per_organisation(findings, known) == (
            "Per organisation: higab 1 fel, 1 varning (2025); gemensamma datafiler 1 fel."
        ), name
    # a name that is no organisation's, without its extensions, stays a file, as it is spelt
    assert per_organisation(
        [_finding("d/rapporter/2025/higab (1).yaml"), _finding("d/rapporter/2025/x.YML")], known
    ) == (
        "Per organisation och fil: filen 'higab (1).yaml' 1 fel (2025); filen 'x.YML' 1 fel (2025)."
    )


def test_files_in_uppfoljning_by_their_names() -> None:
    """The year's uppföljning (its name a year, whatever the extension) is a common file; a
    file there named after an organisation is that organisation's, any other the file's own."""
    known = KNOWN | {"higab"}
    findings = [
        _finding("d/uppfoljning/2025.yaml"),
        _finding("d/uppfoljning/2024.yml"),
        _finding("d/uppfoljning/higab.yaml", Severity.VARNING),
        _finding("d/uppfoljning/utkast.yaml"),
        _finding("d/rapporter/2025/utkast.yaml"),
    ]
    assert per_organisation(findings, known) == (
        "Per organisation och fil: higab 1 varning (i uppfoljning/); filerna 'utkast.yaml' 2 fel "
        "(2025, i uppfoljning/); gemensamma datafiler 2 fel."
    )


def test_the_job_summary_groups_as_the_line_does() -> None:
    names = {"higab": "Higab", "kulturnamnden": "Kulturnämnden"}
    findings = [
        _finding("d/plan.yaml"),
        _finding("d/rapporter/2025/skolan.yaml"),
        _finding("d/rapporter/2025/higab.yml"),
        _finding("d/uppfoljning/2025.yml"),
        _finding("d/rapporter/2025/kulturnamnden.yaml", Severity.VARNING),
    ]
    headings = [
        line for line in step_summary(findings, 5, names).splitlines() if line.startswith("###")
    ]
    assert headings == [
        "### Higab (1 fel, 0 varningar)",
        "### Kulturnämnden (0 fel, 1 varning)",
        "### Filen 'skolan.yaml' (1 fel, 0 varningar)",
        "### Gemensamma datafiler (2 fel, 0 varningar)",
    ]


def test_a_report_saved_as_yml_is_listed_under_its_organisation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """granska17 F-g, as reproduced: the shipped data with Higab's 2025 report as higab.yml,
    in the text line and in the job summary."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    (data / "rapporter/2025/higab.yaml").rename(data / "rapporter/2025/higab.yml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    code, out = invoke("validate", "--data", "data")
    assert code == 1
    assert out.splitlines()[-2] == (
        "Per organisation: business-region-goteborg 1 varning (2023); higab 1 fel, 1 varning "
        "(2025)."
    )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert invoke("validate", "--data", "data", "--format", "github")[0] == 1
    headings = [
        line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("###")
    ]
    assert headings == [
        "### Business Region Göteborg (0 fel, 1 varning)",
        "### Higab (1 fel, 1 varning)",
    ]


def test_a_report_right_in_rapporter_is_its_organisations() -> None:
    """A report saved without its year folder (rapporter/higab.yaml) is Higab's to move, not a
    common file (new-user review, session 24): its folder is said as uppfoljning/'s is."""
    known = KNOWN | {"higab"}
    findings = [
        _finding("d/rapporter/higab.yaml"),  # fel-plats
        _finding("d/rapporter/2025/higab.yaml", Severity.VARNING),  # rapport-saknas
        _finding("d/rapporter/utkast.yaml"),
        _finding("d/uppfoljning/utkast.yaml"),
        _finding("d/rapporter/2025.yaml"),  # a year's name is no uppföljning here
        _finding("d/plan.yaml"),
    ]
    assert per_organisation(findings, known) == (
        "Per organisation och fil: higab 1 fel, 1 varning (2025, i rapporter/); filen "
        "'2025.yaml' 1 fel (i rapporter/); filerna 'utkast.yaml' 2 fel (i rapporter/, i "
        "uppfoljning/); gemensamma datafiler 1 fel."
    )
