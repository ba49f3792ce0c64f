"""The fast path (positions only for files with findings, read again at the end) gives exactly
the slow path's findings, and so does the pure-Python parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.check import validate
from utsatta.load import dataset, yamlread


def test_fast_and_slow_paths_agree(case_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = validate(Path("data")).findings
    monkeypatch.setattr(dataset, "ALWAYS_TRACK", True)
    slow = validate(Path("data")).findings
    assert fast == slow
    assert case_data.exists()


def test_the_c_parser_is_in_use() -> None:
    """The libyaml extra is a dependency: on this platform the C parser must be found."""
    assert yamlread.c_parser_available()


def test_pure_python_parser_gives_the_same_findings(
    case_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no C parser wheel exists, the fallback finds exactly the same problems."""
    with_c = validate(Path("data")).findings
    monkeypatch.setattr(yamlread, "FORCE_PURE", True)
    pure = validate(Path("data")).findings
    assert pure == with_c


def test_a_file_changed_during_the_run_says_so(tmp_path: Path) -> None:
    """Positions are found by reading a file again; if it changed in between, a finding says
    so (and the other findings stay)."""
    from utsatta.check.pipeline import resolve
    from utsatta.findings import fel
    from utsatta.load.dataset import load

    data = tmp_path / "data"
    import shutil

    from tests.support import BASE

    shutil.copytree(BASE, data)
    ds = load(data)
    plan = ds.plan
    assert plan is not None
    plan.path.write_text(plan.path.read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
    got = resolve(ds, [fel(plan.display, ("plan",), "okant-falt", "Ett påhittat fel för testet.")])
    assert [(f.file, f.code) for f in got] == [
        (plan.display, "fil-andrad"),
        (plan.display, "okant-falt"),
    ]


def test_not_keeping_the_texts_gives_the_same_findings(case_data: Path) -> None:
    """`utsatta validate` checks the texts but does not keep them: the findings are the same."""
    kept = validate(Path("data"))
    dropped = validate(Path("data"), texts=False)
    assert dropped.findings == kept.findings, (
        "validate (texts=False) ger andra fynd än biblioteket: en regel läser en fritext, som "
        'validate inte sparar (NOT_KEPT). Gör kontrollen medan filen läses (README, "Ny '
        'fyndkod").'
    )
    assert kept.dataset.texts and not dropped.dataset.texts
