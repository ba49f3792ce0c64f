"""Standard output that cannot be written (a closed pipe, a full disk) is exit 120 with a
Swedish message on stderr, never a silent success and never a traceback (cli/output.py)."""

from __future__ import annotations

import fcntl
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from utsatta.cli import output


class _Taker(io.RawIOBase):
    """A raw file that takes at most ``step`` bytes per write, as a pipe does."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.got = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: object) -> int:
        data = bytes(b)  # type: ignore[call-overload]
        self.got += data[: self.step]
        return min(self.step, len(data))


def test_a_partial_write_is_completed(monkeypatch: pytest.MonkeyPatch) -> None:
    """With PYTHONUNBUFFERED sys.stdout is a TextIOWrapper straight over the file, and its
    write drops what a partial write did not take: the output layer writes all of it."""
    raw = _Taker(7)
    stream = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "stdout", stream)
    text = "Samlad uppföljning 2023\n" * 50
    output.out_document(text)
    assert bytes(raw.got) == text.encode("utf-8")


def _closed_pipe(unbuffered: str) -> tuple[int, str]:
    """`utsatta report 2023 | head -c 10`: the reader goes after 10 bytes of about 200 KB."""
    read_end, write_end = os.pipe()
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # far less than the report
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered, "GITHUB_ACTIONS": "", "UTSATTA_DATA": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "utsatta", "report", "2023"],
        cwd=ROOT,  # the data/ here, whose report is about 200 KB
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        assert len(reader.read(10)) == 10
    _, stderr = proc.communicate(timeout=60)
    return proc.returncode, stderr.decode("utf-8")


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_closed_pipe_is_120_with_a_message(unbuffered: str) -> None:
    code, err = _closed_pipe(unbuffered)
    assert code == 120, err
    assert (
        "fel: allt kunde inte skrivas till standard ut: programmet som läste (t.ex. head) "
        "slutade läsa innan allt var skrivet. Utdatan är ofullständig"
    ) in err
    assert "Traceback" not in err and "Exception ignored" not in err, err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_says_so() -> None:
    with Path("/dev/full").open("wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "utsatta", "plan"],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 120
    assert "fel: allt kunde inte skrivas till standard ut (disken är full). Utdatan är " in err
    assert "Traceback" not in err and "Exception ignored" not in err, err


LOST = (
    "fel: standard ut var stängd när utsatta startade (t.ex. >&-), så utdatan kunde inte "
    "skrivas. Skriv den till en fil i stället (> fil) eller till /dev/null om den inte "
    "behövs.\n"
)


def _closed_stdout(*args: str) -> tuple[int, str]:
    """`utsatta … >&-`: stdout closed before the start (sys.stdout is None in Python)."""
    env = {**os.environ, "GITHUB_ACTIONS": "", "CI": "", "UTSATTA_DATA": ""}
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", *args],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=lambda: os.close(1),  # the child starts with stdout closed
        timeout=60,
        check=False,
    )
    return proc.returncode, proc.stderr.decode("utf-8")


@pytest.mark.parametrize("args", [("report", "2023"), ("validate",), ("plan",)])
def test_a_closed_stdout_is_lost_output(args: tuple[str, ...]) -> None:
    """Decision 0106: every byte is written or the loss is said; a closed stdout is no
    silent success."""
    code, err = _closed_stdout(*args)
    assert code == 120, err
    assert err == LOST


@pytest.mark.parametrize(
    "args", [("--help",), ("validate", "--help"), ("ny", "--help"), ("ny", "rapport", "--help")]
)
def test_lost_help_is_lost_output(args: tuple[str, ...]) -> None:
    """Help that cannot be written is lost output too, like every other command's."""
    assert _closed_stdout(*args) == (120, LOST)


def test_a_usage_error_keeps_its_code() -> None:
    """Usage errors go to stderr; nothing was meant for stdout."""
    code, err = _closed_stdout("validate", "--bogus")
    assert code == 2
    assert "--bogus" in err and "standard ut" not in err


def test_a_closed_stdout_with_nothing_to_write_is_no_loss(tmp_path: Path) -> None:
    """`report -o FIL` writes its report to the file (and says so on stderr); stdout is not
    needed."""
    target = tmp_path / "r.md"
    code, err = _closed_stdout("report", "2023", "-o", str(target))
    assert target.exists()
    # the bundled data lacks Business Region Göteborg's report for 2023: said after "Skrev",
    # and its warning counted (docs/decisions/0601)
    assert (code, err) == (
        0,
        f"Skrev {target}.\nRapporten har luckor: 1 rapport saknas för 2023 (Business Region "
        "Göteborg). Se 'utsatta validate --year 2023'.\nDatan har 1 varning. Se den med "
        "'utsatta validate --year 2023'.\n",
    ), err
