"""Hostile and broken input: nothing crashes, hangs, runs or passes silently."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.check import validate
from utsatta.cli.app import app
from utsatta.limits import MAX_FILE_BYTES
from utsatta.load import raw as raw_reader
from utsatta.load.yamlread import parse

SHIPPED = Path(__file__).parent.parent / "data"
SHIPPED_FILES = sorted(SHIPPED.rglob("*.yaml"))
REPORT = "rapporter/2023/grundskolenamnden.yaml"


def _copy_base(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(BASE, data)
    return data


# --- the reader never raises, whatever the text --------------------------------------------

yaml_chars = st.sampled_from([*"abc: -\n\t'\"[]{}&*!|>%@`#,?~0123456789.åäö\r\\", "\ufeff"])


def _same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to NaN (``==`` says a NaN is not itself)."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)


def test_same_is_equality_with_nan_equal_to_itself() -> None:
    nan = float("nan")
    assert _same({"a": [nan, 1]}, {"a": [nan, 1]})
    assert not _same(nan, 0.0) and not _same([nan], [1.0]) and not _same({"a": 1}, {"b": 1})
    assert not _same(1, True) and not _same([1], [1, 2])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=yaml_chars, max_size=200))
@example(".nan")
@example("a: [.nan, 1]\nb: .NaN")
def test_reader_never_raises_on_yaml_like_noise(text: str) -> None:
    result = parse(text)
    assert all(p.line >= 1 and p.column >= 1 and p.message for p in result.problems)
    tracked = parse(text, track=True)
    assert _same(tracked.data, result.data)
    assert [p.code for p in tracked.problems] == [p.code for p in result.problems]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_reader_never_raises_on_any_unicode(text: str) -> None:
    parse(text)


@st.composite
def corruption(draw: st.DrawFn) -> tuple[Path, bytes]:
    path = draw(st.sampled_from(SHIPPED_FILES))
    raw = path.read_bytes()
    kind = draw(st.sampled_from(["truncate", "insert", "delete", "swap", "bytes"]))
    pos = draw(st.integers(0, max(0, len(raw) - 1)))
    if kind == "truncate":
        raw = raw[:pos]
    elif kind == "insert":
        raw = (
            raw[:pos]
            + draw(st.sampled_from([b"\t", b": ", b"- ", b"&a ", b"*a", b"!!", b"'", b"\xff"]))
            + raw[pos:]
        )
    elif kind == "delete":
        raw = raw[:pos] + raw[pos + draw(st.integers(1, 20)) :]
    elif kind == "swap":
        lines = raw.split(b"\n")
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
        raw = b"\n".join(lines)
    else:
        raw = raw[:pos] + draw(st.binary(min_size=1, max_size=8)) + raw[pos:]
    return path, raw


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(corruption())
def test_corrupted_shipped_files_give_findings_not_crashes(
    tmp_path: Path, case: tuple[Path, bytes]
) -> None:
    """A random corruption of a shipped file is validated without an exception; a finding, if
    any, points at a real line of an existing file or an expected report path."""
    path, raw = case
    data = tmp_path / "data"
    if not data.exists():  # tmp_path is the same for every example: one copy, each file restored
        shutil.copytree(SHIPPED, data)
    target = data / path.relative_to(SHIPPED)
    target.write_bytes(raw)
    try:
        result = validate(data)
    finally:
        target.write_bytes(path.read_bytes())
    for f in result.findings:
        assert f.line >= 1 and f.column >= 1
        assert f.message


# --- limits ----------------------------------------------------------------------------------


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    data = _copy_base(tmp_path)
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    prev = "a"
    for name in "bcdefghijklmnopqrstu":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    (data / REPORT).write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = validate(data)
    assert time.perf_counter() - start < 5  # 9**20 elements if expanded
    assert "alias-ej-tillatet" in {f.code for f in result.findings}


def test_too_large_file_is_refused_without_parsing(tmp_path: Path) -> None:
    data = _copy_base(tmp_path)
    (data / REPORT).write_text("a: " + "x" * (MAX_FILE_BYTES + 10) + "\n", encoding="utf-8")
    codes = [(f.file.endswith(REPORT), f.code) for f in validate(data).findings]
    assert (True, "for-stor-fil") in codes


def test_symlink_out_of_the_data_folder_is_not_read(tmp_path: Path) -> None:
    data = _copy_base(tmp_path)
    secret = tmp_path / "hemlig.yaml"
    secret.write_text("losenord: hemligt\n", encoding="utf-8")
    (data / "rapporter/2023/trafiknamnden.yaml").symlink_to(secret)
    result = validate(data)
    assert [(f.code, f.line) for f in result.findings if "trafiknamnden" in f.file] == [
        ("lank-utanfor-data", 1)
    ]
    assert "hemligt" not in json.dumps([f.as_dict() for f in result.findings])


def test_unreadable_file_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 0 does not stop root (CI runs as root), so the read itself is made to fail.
    data = _copy_base(tmp_path)
    target = data / REPORT
    real = raw_reader.read_regular_stat

    def read_regular_stat(path: Path, *, limit: int | None = None) -> Any:
        if path == target:
            raise PermissionError(13, "Permission denied")
        return real(path, limit=limit)

    monkeypatch.setattr(raw_reader, "read_regular_stat", read_regular_stat)
    found = [(f.file.endswith(REPORT), f.code) for f in validate(data).findings]
    assert (True, "kan-inte-lasa") in found


def test_object_tags_never_run_code(tmp_path: Path) -> None:
    data = _copy_base(tmp_path)
    marker = tmp_path / "pwned"
    text = (data / REPORT).read_text(encoding="utf-8")
    text += f"kontakt: !!python/object/apply:os.system ['touch {marker}']\n"
    (data / REPORT).write_text(text, encoding="utf-8")
    result = validate(data)
    assert not marker.exists()
    assert "tagg-ej-tillaten" in {f.code for f in result.findings}


# --- never a traceback from the command line ---------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"# bara kommentar\n",
        b"\xff\xfe\x00",
        b"- a\n- b\n",
        b"schemaversion: 1\n" * 3,
        b"a: [1, 2\n",
        b"\x00\x01\x02",
        ("[" * 5000).encode(),
        b"ar: .nan\n",
    ],
)
def test_cli_gives_findings_and_exit_1_never_a_traceback(tmp_path: Path, content: bytes) -> None:
    data = _copy_base(tmp_path)
    (data / REPORT).write_bytes(content)
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", "validate", "--data", str(data), "--format", "json"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    assert any(f["file"].endswith(REPORT) and f["severity"] == "fel" for f in doc["findings"])


def test_report_refuses_bad_data_without_a_traceback(tmp_path: Path) -> None:
    data = _copy_base(tmp_path)
    (data / REPORT).write_text("schemaversion: 1\nar: 2023\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "2023", "--data", str(data)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_symlinked_folder_is_reported_not_followed(tmp_path: Path) -> None:
    data = _copy_base(tmp_path)
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (outside / "grundskolenamnden.yaml").write_text("schemaversion: 1\n", encoding="utf-8")
    (data / "rapporter/2024").symlink_to(outside, target_is_directory=True)
    found = [(f.file.endswith("rapporter/2024"), f.code) for f in validate(data).findings]
    assert found == [(True, "lank-utanfor-data")]
