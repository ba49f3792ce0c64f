"""Shared fixtures: every test with a ``case`` argument runs once per case folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.support import BASE, CASE_DIRS, REPORT_FIXTURE, SHIPPED, SharedReport, build_case
from utsatta.render.report.view import ReportView

# Property tests judge behaviour, not speed: on a loaded 2-core CI machine an example may take
# more than hypothesis's 200 ms and be reported as a flaky failure. In CI the examples are
# derandomized, so a run that passes on a commit passes again (a random find is then made on a
# developer's machine, and kept as a fixed test, as the fmt id-over-lines case was).
settings.register_profile("utsatta", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", settings.get_profile("utsatta"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "utsatta")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" in metafunc.fixturenames:
        metafunc.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])


@pytest.fixture(params=["c", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs the test once with ruamel's C parser and once with the pure-Python one."""
    from utsatta.load import yamlread

    monkeypatch.setattr(yamlread, "FORCE_PURE", request.param == "pure")
    return str(request.param)


@pytest.fixture
def case_data(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The case's data folder, built in tmp_path, with the working folder there."""
    data = build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    return data


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    """A copy of the valid base data (tests/cases/_base) to change."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    return data


@pytest.fixture
def base_cwd(base_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder of a command-line test: it holds ``data/`` (``base_copy``), and no
    CI or data-folder variable of the environment that runs the tests reaches the commands."""
    monkeypatch.chdir(base_copy.parent)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "UTSATTA_DATA"):
        monkeypatch.delenv(name, raising=False)
    return base_copy.parent


@pytest.fixture
def values_not_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Control and bidi characters in values (YAML escapes) are read, not refused: validate
    refuses them (otillatet-tecken, docs/decisions/0151), and the tests of the output channels
    prove that every output still escapes them for data that holds them anyway."""
    from utsatta.load import yamlread

    monkeypatch.setattr(yamlread, "REFUSE_IN_VALUES", False)


@pytest.fixture(scope="session")
def shared_report() -> Callable[[Path, int], SharedReport]:
    """``shared_report(folder, year)``: the report of the shipped data or of the report fixture
    (tests/fixtures/report-data), built and rendered once for the whole run instead of once per
    test that reads it (each took a few tenths of a second). Only these two folders, which no
    test changes; the report is to read, never to change."""
    reports: dict[tuple[Path, int], SharedReport] = {}

    def get(folder: Path, ar: int) -> SharedReport:
        root = folder.resolve()
        assert root in (SHIPPED.resolve(), REPORT_FIXTURE.resolve()), folder
        return reports.setdefault((root, ar), SharedReport(folder, ar))

    return get


@pytest.fixture
def view_2025(shared_report: Callable[[Path, int], SharedReport]) -> ReportView:
    """The shipped data's slutuppföljning 2025 (shared, read-only)."""
    return shared_report(SHIPPED, 2025).view


@pytest.fixture
def report_2025(shared_report: Callable[[Path, int], SharedReport]) -> tuple[str, str]:
    """Its Markdown and HTML."""
    report = shared_report(SHIPPED, 2025)
    return report.md, report.html


@pytest.fixture
def own(tmp_path: Path) -> Path:
    """A copy of the report fixture's data (tests/fixtures/report-data) with the data
    repository's own templates/ beside it, each template writing "Egen mall ÅR"."""
    data = tmp_path / "data"
    shutil.copytree(REPORT_FIXTURE, data)
    (tmp_path / "templates").mkdir()
    for name in ("report.md.j2", "report.html.j2"):
        (tmp_path / "templates" / name).write_text("Egen mall {{ r.ar }}\n", "utf-8")
    return data
