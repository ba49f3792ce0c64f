"""A check of named files (the pre-commit mode) finds in them exactly what a check of the whole
folder finds: same code, line, column, severity and message, for every file of every data set
the project ships or tests with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from tests.support import BASE, ROOT, build_case
from utsatta.check import validate
from utsatta.check.partial import depends_on, with_dependents
from utsatta.cli.app import app
from utsatta.findings import Finding
from utsatta.load.files import classify

FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir())
DATA_SETS = [ROOT / "data", *FIXTURES, BASE]


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _by_file(findings: list[Finding]) -> dict[Path, list[Finding]]:
    out: dict[Path, list[Finding]] = {}
    for f in findings:
        out.setdefault(Path(f.file).resolve(), []).append(f)
    return out


SHARED = ("plan.yaml", "organisationer.yaml", "omraden.yaml")


def _alone(root: Path, path: Path) -> bool:
    """Whether a check of ``path`` is a check of that file alone: a shared file (plan,
    organisationer, områden, an indicator) checks the whole folder, as on the command line."""
    return classify(root.resolve(), path.resolve()) in (None, "rapport", "uppfoljning")


def _assert_partial_equals_full(root: Path, files: list[Path]) -> None:
    """A shared file checks the whole folder. A file alone has exactly its findings of the full
    check, and is never greener than it: every error there in the plan, organisationer.yaml and
    omraden.yaml is shown too, and nothing else that the full check does not give; the findings
    in other files are counted (at most as many as the full check gives them), never invented."""
    full_findings = validate(root, texts=False).findings
    full = _by_file(full_findings)
    counts: dict[str, int] = {}
    for f in full_findings:
        counts[f.file] = counts.get(f.file, 0) + f.count
    shared = {(root / name).resolve() for name in SHARED}
    shared_errors = [
        f for f in full_findings if f.severity == "fel" and Path(f.file).resolve() in shared
    ]
    for path in files:
        result = validate(root, paths=[path], texts=False)
        if not _alone(root, path):
            assert result.findings == full_findings, path
            assert result.not_shown is None, path
            continue
        own = [f for f in result.findings if Path(f.file).resolve() == path.resolve()]
        assert own == full.get(path.resolve(), []), path
        others = [f for f in result.findings if f not in own]
        assert set(others) <= set(full_findings), path
        assert set(shared_errors) <= set(result.findings), path
        assert result.not_shown is not None
        for file, n in result.not_shown.items():
            assert 0 < n <= counts.get(file, 0), (path, file)


@pytest.mark.parametrize("root", DATA_SETS, ids=[p.relative_to(ROOT).as_posix() for p in DATA_SETS])
def test_each_file_alone_as_in_the_full_check(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _assert_partial_equals_full(root.relative_to(ROOT), _files(root.relative_to(ROOT)))


def test_each_file_of_a_case_alone_as_in_the_full_check(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cases hold the broken files: each file the case lays over the base, and each
    report and uppföljning file (whose findings may read other files)."""
    data = build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    overlay = {p.relative_to(case / "files") for p in _files(case / "files")}
    files = [
        p.relative_to(tmp_path)
        for p in _files(data)
        if (p.relative_to(data) in overlay or p.relative_to(data).parts[0] != "indikatorer")
        and _alone(data, p)  # a shared file checks the whole folder: test_each_file_alone…
    ]
    _assert_partial_equals_full(Path("data"), files)


@pytest.mark.parametrize(
    "name",
    [
        "data/rapporter/2025/grundskolenamnden.yaml",
        "data/rapporter/2025/socialnamnd-hisingen.yaml",
        "data/rapporter/2025/kulturnamnden.yaml",
        "data/uppfoljning/2025.yaml",
    ],
)
def test_validate_file_of_the_shipped_data_is_clean(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """These gave false insats-saknas errors (an återrapportering made in an earlier year was
    not read), and the uppföljning file a warning about another file."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(app, ["validate", name], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("Inga problem i ")


def test_a_misnamed_earlier_report_does_not_count(base_copy: Path) -> None:
    """Completeness counts a report for the organisation its file is named after; the misnamed
    file has its own error. It may hold the återrapportering all the same, so the later report
    gets kan-inte-kontrolleras, not insats-saknas (0681), also in a check of named files: one
    of the later report loads the file (its name is no organisation's), and one of the
    misnamed file covers the later report."""
    done = base_copy / "rapporter" / "2023" / "grundskolenamnden.yaml"
    later = base_copy / "rapporter" / "2025" / "grundskolenamnden.yaml"
    later.parent.mkdir()
    text = done.read_text(encoding="utf-8")
    later.write_text(text.replace("ar: 2023", "ar: 2025"), encoding="utf-8")
    # The 2023 report makes the återrapportering of 1:4 that is owed in 2025, but its file is
    # misnamed.
    misnamed = done.with_name("grundskolan.yaml")
    misnamed.write_text(
        text + '  - insats: "1:4"\n    status: genomford\n    nulage: Klar.\n'
        "    omraden: [bergsjon]\n    bedomning: uppnatt\n    fortsatt_arbete: Ingen.\n",
        encoding="utf-8",
    )
    done.unlink()
    full = validate(base_copy).findings
    codes = {
        (Path(f.file).name, f.code, f.line)
        for f in full
        if f.file.endswith(("grundskolan.yaml", "2025/grundskolenamnden.yaml"))
    }
    assert codes == {
        ("grundskolan.yaml", "filnamn-matchar-inte", 3),
        ("grundskolenamnden.yaml", "kan-inte-kontrolleras", 5),
    }
    held = next(f for f in full if f.code == "kan-inte-kontrolleras")
    assert "insats 1:4 för 2025" in held.message
    assert "rapporter/2023/grundskolan.yaml:3:15, som har fel" in held.message
    by_file = _by_file(full)
    assert validate(base_copy, paths=[later]).findings == by_file[later.resolve()]
    assert validate(base_copy, paths=[misnamed]).findings == (
        by_file[misnamed.resolve()] + by_file[later.resolve()]
    )
    top = base_copy.resolve()
    assert misnamed.resolve() in depends_on(top, {later.resolve()})
    assert later.resolve() in with_dependents(top, {misnamed.resolve()})


HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _hook_patterns() -> dict[str, re.Pattern[str]]:
    hooks = YAML(typ="safe").load(HOOKS.read_text(encoding="utf-8"))
    return {h["id"]: re.compile(h["files"]) for h in hooks}


def test_hooks_match_every_data_file() -> None:
    """pre-commit matches ``files`` with re.search against the path from the repository root:
    every data file of the shipped data is checked and formatted, uppföljning files included."""
    patterns = _hook_patterns()
    assert set(patterns) == {"utsatta-validate", "utsatta-fmt"}
    data_files = [p.relative_to(ROOT).as_posix() for p in _files(ROOT / "data")]
    assert any(p.startswith("data/uppfoljning/") for p in data_files)
    for hook, pattern in patterns.items():
        assert [p for p in data_files if not pattern.search(p)] == [], hook
        # Misplaced and misnamed files too: validate and fmt say what is wrong with them.
        for path in (
            "uppfoljning/2025.yaml",
            "data/uppfoljning/2024.yaml",
            "data/uppfoljning/utkast.yaml",
            "data/rapporter/x.yaml",
            "rapporter/2023/kulturnamnden.yml",
            "data/rapporter/2023/Kulturnamnden.YAML",
            "data/rapporter/2023/extra/kulturnamnden.yaml",
            "Plan.yml",
            "data/INDIKATORER/x.yaml",
            "data/rapporter/2023/kulturnamnden.yaml.txt",
            "data/rapporter/2023/kulturnamnden.YML.TXT",
            "plan.yaml.txt",
        ):
            assert pattern.search(path), (hook, path)
        for path in (
            "README.md",
            ".pre-commit-config.yaml",
            ".github/workflows/validate.yml",
            "data/rapporter/2023/kulturnamnden.yaml.orig",
            "data/rapporter/2023/anteckningar.txt",
            "myplan.yaml",
        ):
            assert not pattern.search(path), (hook, path)


def test_the_validate_hook_runs_without_changed_data_files() -> None:
    """A commit that only deletes a report (git rm) passes no file: the hook still runs, and
    validate without files checks the whole folder."""
    hooks = {h["id"]: h for h in YAML(typ="safe").load(HOOKS.read_text(encoding="utf-8"))}
    assert hooks["utsatta-validate"]["always_run"] is True
    assert hooks["utsatta-validate"]["pass_filenames"] is True
    assert "always_run" not in hooks["utsatta-fmt"]
