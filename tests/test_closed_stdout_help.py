"""`utsatta … --help >&-`: help that cannot be written is lost output (exit 120, said on
stderr), as for every other command that writes to stdout (decision 0106)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support import ROOT

LOST = (
    "fel: standard ut var stängd när utsatta startade (t.ex. >&-), så utdatan kunde inte "
    "skrivas. Skriv den till en fil i stället (> fil) eller till /dev/null om den inte "
    "behövs.\n"
)


def _closed_stdout(*args: str) -> tuple[int, str]:
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


@pytest.mark.parametrize(
    "args", [("--help",), ("validate", "--help"), ("ny", "--help"), ("ny", "rapport", "--help")]
)
def test_lost_help_is_lost_output(args: tuple[str, ...]) -> None:
    assert _closed_stdout(*args) == (120, LOST)


def test_a_usage_error_keeps_its_code() -> None:
    """Usage errors go to stderr; nothing was meant for stdout."""
    code, err = _closed_stdout("validate", "--bogus")
    assert code == 2
    assert "--bogus" in err and "standard ut" not in err
