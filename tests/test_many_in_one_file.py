"""Bounded work: many of one thing in one file under 1 MiB, or many files, costs work linear
in the number (review sak16 F1: 60,000 unknown keys took 610 s), and past LISTED_PER_CODE
findings of one code the schema step counts instead of building (decision 0515). Work is
counted, never timed: Python lines run (sys.settrace) at n, 2n and 4n, and the findings built."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import utsatta
from tests.many import GENERATORS
from tests.support import BASE, CASE_DIRS, build_case
from utsatta.check import validate
from utsatta.findings import LISTED_PER_CODE, Finding
from utsatta.load import schema, schema_bounds


def _data(tmp_path: Path, kind: str, n: int) -> Path:
    data = build_case(BASE / "no-such-case", tmp_path / f"{kind}-{n}")
    for rel, text in GENERATORS[kind](n).items():
        (data / rel).write_text(text, encoding="utf-8")
    return data


def _lines_run(data: Path) -> int:
    """The Python lines ``validate`` runs on ``data`` (every frame, libraries too)."""
    count = 0

    def local(_frame: Any, _event: str, _arg: Any) -> Any:
        nonlocal count
        count += 1
        return local

    validate(data)  # the imports, once
    sys.settrace(lambda *_: local)
    try:
        validate(data)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("kind", sorted(GENERATORS))
def test_work_grows_linearly(tmp_path: Path, kind: str) -> None:
    """From 2n to 4n the work grows by at most 2.5 times what it grew from n to 2n: linear
    work gives 2 (whatever it costs once), quadratic 4."""
    w1, w2, w4 = (_lines_run(_data(tmp_path, kind, n)) for n in (100, 200, 400))
    assert w4 - w2 <= 2.5 * max(w2 - w1, 1), (kind, w1, w2, w4)


@pytest.mark.parametrize(
    ("kind", "codes"),
    [
        ("okanda-nycklar", {"okant-falt": 2000}),
        ("okanda-nycklar-i-post", {"okant-falt": 2000}),
        # each post lacks nulage, omraden, bedomning and fortsatt_arbete
        (
            "okanda-insatser",
            {"ogiltigt-varde": 2000, "saknat-falt": 8000},
        ),
        # the same posts with status written 'statsu': told to be renamed
        ("felstavade-nycklar", {"okant-falt": 2000, "saknat-falt": 8000}),
        ("fel-varden", {"ogiltigt-varde": 2000}),
        ("fel-typ", {"fel-typ": 2000}),
    ],
)
def test_past_the_limit_findings_are_counted_not_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, codes: dict[str, int]
) -> None:
    """2,000 posts with an error: at most LISTED_PER_CODE + 2 findings of a code are built
    (those that can be listed, the first and the last left out), and fler-fynd counts every
    error past the listed ones."""
    built: Counter[str] = Counter()
    real = schema.fel

    def counting(*args: Any, **kwargs: Any) -> Finding:
        found = real(*args, **kwargs)
        built[found.code] += 1
        return found

    monkeypatch.setattr(schema, "fel", counting)
    findings = validate(_data(tmp_path, kind, 2000)).findings
    # ties at the LISTED_PER_CODE-th place are built too: a post's missing keys share a place
    assert all(n <= LISTED_PER_CODE + 3 + 2 for n in built.values()), built
    assert sum(built.values()) < 3 * (LISTED_PER_CODE + 5)
    more = {
        f.message.split("[")[1].split("]")[0]: f.count for f in findings if f.code == "fler-fynd"
    }
    assert {c: n + LISTED_PER_CODE for c, n in more.items()} == codes


@pytest.mark.parametrize(
    "kind",
    [
        "okanda-nycklar",
        "okanda-nycklar-i-post",
        "okanda-insatser",
        "felstavade-nycklar",
        "fel-varden",
        "fel-typ",
        "dubbletter",
        "omraden-i-post",
    ],
)
def test_counting_gives_the_findings_building_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The same findings, lines, counts and fler-fynd messages as when every finding is
    built (the schema step's limit set out of reach)."""
    data = _data(tmp_path, kind, 300)

    def shown(fs: list[Finding]) -> list[tuple[Any, ...]]:
        return [(f.file, f.line, f.column, f.code, f.severity, f.message, f.count) for f in fs]

    counted = shown(validate(data).findings)
    monkeypatch.setattr(schema, "LISTED_PER_CODE", 10**9)
    assert shown(validate(data).findings) == counted
    assert any(f[3] == "fler-fynd" for f in counted)


def test_the_code_is_known_before_the_finding_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``schema_bounds.finding_code`` gives the code of the finding that ``load.schema`` then
    builds, error by error, for the generated files (below the limit: every finding built, in
    the errors' order) and the message cases."""
    planned: list[str] = []
    made: list[str] = []
    pairs: list[tuple[list[str], list[str]]] = []
    code_of, fel, errors_of = schema_bounds.finding_code, schema.fel, schema.schema_errors

    def planning(kind: str, name: str) -> str:
        planned.append(code_of(kind, name))
        return planned[-1]

    def making(*args: Any, **kwargs: Any) -> Finding:
        made.append(fel(*args, **kwargs).code)
        return fel(*args, **kwargs)

    def one_file(*args: Any) -> list[Finding]:
        planned.clear()
        made.clear()
        found = errors_of(*args)
        pairs.append((list(planned), list(made)))
        return found

    monkeypatch.setattr(schema, "finding_code", planning)
    monkeypatch.setattr(schema, "fel", making)
    monkeypatch.setattr(schema, "schema_errors", one_file)
    for kind in GENERATORS:
        validate(_data(tmp_path, kind, 12))
    for case in CASE_DIRS:
        utsatta.load(build_case(case, tmp_path / "cases" / case.name))
    assert sum(len(p) for p, _ in pairs) > 150
    assert [(p, m) for p, m in pairs if p != m] == []


def test_a_mapping_is_gone_through_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'Menade du …?' for 300 unknown keys of one mapping reads the mapping's keys once."""
    walked: list[Any] = []
    real = schema_bounds.Mappings.at

    def at(self: Any, path: Any) -> Any:
        if path not in self.seen:
            walked.append(path)
        return real(self, path)

    monkeypatch.setattr(schema_bounds.Mappings, "at", at)
    monkeypatch.setattr(schema, "LISTED_PER_CODE", 10**9)  # every finding built
    validate(_data(tmp_path, "okanda-nycklar-i-post", 300))
    assert walked == [("insatser", 0)]
