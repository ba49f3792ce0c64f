"""Data-driven validation cases: each folder under tests/cases/ is one case, no Python needed.

A case folder holds:
- ``files/``: files laid over a copy of ``tests/cases/_base/`` (the data folder);
- ``remove.txt`` (optional): paths to delete from that copy, one per line;
- ``args.txt`` (optional): extra arguments for ``utsatta validate``, on one line;
- ``expected.txt``: the exact findings, one per line, as ``file:line:column: severity [code]``,
  plus an optional first line ``# exit: N`` (else 1 if any ``fel``, otherwise 0).

Set UTSATTA_UPDATE_CASES=1 to (re)write expected.txt from the current output; review the diff.
"""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import build_case
from utsatta.cli.app import app


def run_validate(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict]:
    build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    args_file = case / "args.txt"
    extra = shlex.split(args_file.read_text(encoding="utf-8")) if args_file.exists() else []
    result = CliRunner().invoke(
        app, ["validate", "--data", "data", "--format", "json", *extra], catch_exceptions=False
    )
    return result.exit_code, json.loads(result.stdout)


def test_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The findings of a case are exactly those in its expected.txt, with the exit code."""
    code, out = run_validate(case, tmp_path, monkeypatch)
    got = [
        f"{f['file']}:{f['line']}:{f['column']}: {f['severity']} [{f['code']}]"
        for f in out["findings"]
    ]
    expected_file = case / "expected.txt"
    if os.environ.get("UTSATTA_UPDATE_CASES") == "1":
        header = "" if code == (1 if any(" fel " in g for g in got) else 0) else f"# exit: {code}\n"
        expected_file.write_text(header + "".join(g + "\n" for g in got), encoding="utf-8")
    lines = expected_file.read_text(encoding="utf-8").splitlines()
    exit_expected = None
    if lines and lines[0].startswith("# exit:"):
        exit_expected = int(lines[0].split(":")[1])
        lines = lines[1:]
    expected = [line for line in lines if line.strip()]
    if exit_expected is None:
        exit_expected = 1 if any(" fel " in e for e in expected) else 0
    assert got == expected
    assert code == exit_expected
    assert out["ok"] is (code == 0)
    for f in out["findings"]:
        # Every message is a Swedish sentence that says what to do, not a bare code.
        assert len(f["message"]) > 30, f
        assert f["message"][-1] in ".?)", f


def test_base_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The base data of the cases is itself free of findings."""
    empty = tmp_path / "empty-case"
    empty.mkdir()
    (empty / "expected.txt").write_text("", encoding="utf-8")
    code, out = run_validate(empty, tmp_path, monkeypatch)
    assert (code, out) == (0, {"ok": True, "findings": []})
