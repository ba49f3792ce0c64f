"""The fast path (positions only for files with findings) gives exactly the slow path's findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cases import CASE_DIRS, build_case
from utsatta.check import validate
from utsatta.load import dataset, readers


@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_fast_and_slow_paths_agree(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    fast = validate(Path("data")).findings
    monkeypatch.setattr(dataset, "ALWAYS_TRACK", True)
    slow = validate(Path("data")).findings
    assert fast == slow
    assert data.exists()


@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_parallel_and_sequential_loading_agree(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files read by worker processes give the same findings, lines and columns."""
    build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    sequential = validate(Path("data")).findings
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    monkeypatch.setattr(readers, "PARENT_HELPS", False)  # every file is read by a worker
    parallel = validate(Path("data")).findings
    assert parallel == sequential


def test_the_c_parser_is_in_use() -> None:
    """The libyaml extra is a dependency: on this platform the C parser must be found."""
    from utsatta.load.yamlread import c_parser_available

    assert c_parser_available()


@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_pure_python_parser_gives_the_same_findings(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no C parser wheel exists, the fallback finds exactly the same problems."""
    from utsatta.load import yamlread

    build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    with_c = validate(Path("data")).findings
    monkeypatch.setattr(yamlread, "FORCE_PURE", True)
    pure = validate(Path("data")).findings
    assert pure == with_c
