"""Machine-readable output on stdout (Markdown, HTML, JSON, CODEOWNERS, GitHub annotations) is
UTF-8 whatever the locale: `report 2023 > r.md` in a cp1252 console gives the same bytes as
anywhere else. Text for the terminal follows the terminal's encoding."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support import ROOT

MACHINE = [
    ["report", "2023"],
    ["report", "2023", "--format", "html"],
    ["report", "2023", "--format", "json"],
    ["validate", "--format", "json"],
    ["validate", "--format", "github"],
    ["plan", "--format", "json"],
    ["status", "2023", "--format", "json"],
    ["indikatorer", "--format", "json"],
    ["schema"],
]


def _stdout(args: list[str], encoding: str) -> bytes:
    env = {
        **os.environ,
        "PYTHONIOENCODING": encoding,
        "GITHUB_ACTIONS": "",
        "CI": "",
        "UTSATTA_DATA": "",
        "GITHUB_STEP_SUMMARY": "",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    return proc.stdout


@pytest.mark.parametrize("args", MACHINE, ids=[" ".join(a) for a in MACHINE])
def test_machine_readable_stdout_is_utf8_in_any_locale(args: list[str]) -> None:
    data = _stdout(args, "cp1252")
    assert data == _stdout(args, "utf-8")
    text = data.decode("utf-8")  # strict: a cp1252 byte would raise here
    assert "ä" in text or "å" in text or "ö" in text
    assert "\\u2013" not in text and "\\xe5" not in text


def test_terminal_text_follows_the_terminal() -> None:
    data = _stdout(["plan"], "cp1252")
    assert "Förskolenämnden".encode("cp1252") in data
    assert "Förskolenämnden".encode() not in data
