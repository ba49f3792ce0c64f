"""Shared fixtures: every test with a ``case`` argument runs once per case folder, and every
finding any test makes has a registered code (``_registered_codes_only``)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.support import (
    BASE,
    CASE_DIRS,
    REPORT_FIXTURE,
    SHIPPED,
    SharedReport,
    build_case,
    pdf_libraries,
)
from utsatta.render.report.view import ReportView

# Property tests judge behaviour, not speed: on a loaded 2-core CI machine an example may take
# more than hypothesis's 200 ms and be reported as a flaky failure. In CI the examples are
# derandomized, so a run that passes on a commit passes again (a random find is then made on a
# developer's machine, and kept as a fixed test, as the fmt id-over-lines case was).
settings.register_profile("utsatta", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", settings.get_profile("utsatta"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "utsatta")


#: The unregistered codes of the findings made since the last test ended: "code (file:line)".
_UNREGISTERED: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Every ``Finding`` the tests make (in src/ or in a test) is checked against the registry
    while the tests run: a check whose code is not in ``utsatta.codes`` fails the test that
    made it, whatever its module and however it builds the code. Not in the package itself:
    a dictionary look-up per finding is nothing, but the registry is a test's business."""
    # xdist 3.7+ sorts the modules by their number of tests before it hands them out, which
    # would undo SLOW_FIRST (older versions keep the collection's order)
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False

    from utsatta.codes import CODES
    from utsatta.findings import Finding

    made = Finding.__init__

    def registered(self: Finding, *args: Any, **kwargs: Any) -> None:
        code = args[3] if len(args) > 3 else kwargs.get("code")
        # a finding placed (at, in_file) is a copy, told once: when the first was made
        if code not in CODES and (frame := sys._getframe(1)).f_code.co_name != "_placed":
            # fel, varning, at_line: the place is their caller
            while frame.f_back is not None and frame.f_globals["__name__"] == "utsatta.findings":
                frame = frame.f_back
            _UNREGISTERED.append(f"{code!r} ({frame.f_code.co_filename}:{frame.f_lineno})")
        made(self, *args, **kwargs)

    Finding.__init__ = registered  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _registered_codes_only() -> Iterator[None]:
    """Fails a test during which a finding with an unregistered code was made (also in a
    session fixture the test set up first)."""
    yield
    made = list(_UNREGISTERED)
    _UNREGISTERED.clear()
    assert not made, (
        f"Fynd med en kod som inte finns i registret: {', '.join(made)}. Registrera koden i "
        'src/utsatta/codes.py (och kör python scripts/readme_codes.py; README "Ny fyndkod").'
    )


@pytest.fixture
def unregistered_codes() -> list[str]:
    """The guard's record, for the test of the guard itself (which empties it)."""
    return _UNREGISTERED


#: the modules that take longest (PDF layouts, a browser, many processes or whole-data checks),
#: longest first, each above ~17 s of a one-process run (session 24's --durations, 2 Dec). xdist
#: (``--dist loadfile``) hands out the modules in collection order, so one of these started last
#: was the suite's tail while the other worker stood idle; started first, the many short modules
#: fill in after them. A stale list costs only time, never a test.
SLOW_FIRST = (
    "test_pdf.py",
    "test_browser.py",
    "test_pdf_words.py",
    "test_partial_check.py",
    "test_pdf_library.py",
    "test_cli_stderr.py",
    "test_datarepo_workflow.py",
    "test_cli_outputs.py",
    "test_version_outputs.py",
    "test_hostile.py",
    "test_fmt.py",
    "test_report_luckor.py",
    "test_paths_agree.py",
    "test_hostile_writes.py",
    "test_webbadress_i_text.py",
    "test_stdout_encoding.py",
    "test_channel.py",
    "test_export_slutsatser.py",
    "test_many_in_one_file.py",
    "test_templates_dir.py",
    "test_library.py",
    "test_report.py",
    "test_schema_export.py",
    "test_hostile_output.py",
    "test_year_scope.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow modules first (``SLOW_FIRST``); the rest, and each module's tests, keep their
    order (a stable sort)."""
    rank = {name: n for n, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


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


@pytest.fixture(scope="session")
def fixture_report_pdf() -> bytes:
    """``utsatta.report_pdf(utsatta.load(REPORT_FIXTURE), 2023)``: the report fixture's PDF as
    the library writes it from a loaded data set, laid out once for the run (a WeasyPrint
    layout, some seconds of CPU) for the tests that compare another way's PDF with it."""
    pdf_libraries()  # a missing library: a skip, or a failure in CI
    import utsatta

    return utsatta.report_pdf(utsatta.load(REPORT_FIXTURE), 2023)


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
