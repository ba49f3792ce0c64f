"""A standard error that is closed (``2>&-``) or cannot be written (``2>/dev/full``) stays
silent and changes no exit code; standard out keeps only the output, never a message moved
there; what Typer writes itself (help, usage) goes through the same writer
(docs/decisions/0116-stangd-standard-fel.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def _redirect(stdout: str, stderr: str) -> Callable[[], None]:
    """In the child, before utsatta starts: each of fd 1 and 2 left as the test's pipe
    ("open"), closed ("closed") or pointed at /dev/full ("full")."""

    def setup() -> None:
        for fd, mode in ((1, stdout), (2, stderr)):
            if mode == "closed":
                os.close(fd)
            elif mode == "full":
                full = os.open("/dev/full", os.O_WRONLY)
                os.dup2(full, fd)
                os.close(full)

    return setup


def _run(*args: str, stdout: str = "open", stderr: str = "open") -> tuple[int, str, str]:
    env = {**os.environ, "GITHUB_ACTIONS": "", "UTSATTA_DATA": "", "GITHUB_STEP_SUMMARY": ""}
    proc = subprocess.run(
        [sys.executable, "-m", "utsatta", *args],
        cwd=ROOT,  # the shipped data/: no error, one warning
        capture_output=True,
        env=env,
        preexec_fn=_redirect(stdout, stderr),
        timeout=60,
        check=False,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def _commands(tmp: Path) -> list[tuple[tuple[str, ...], int]]:
    existing = tmp / "finns.md"
    existing.write_text("annan text\n", encoding="utf-8")
    return [
        (("validate", "--strict"), 1),  # the shipped data's one warning
        (("validate", "--bogus"), 2),
        (("validate", "--data", str(tmp / "saknas")), 3),
        (("report", "2023", "-o", str(existing)), 4),  # exists, no --force
        (("report", "2023", "-o", str(tmp / "ny.md")), 0),  # says "Skrev …" on stderr
        (("plan", "--format", "json"), 0),
        ((), 2),  # no command: the help on stderr, written by Typer itself
    ]


def test_a_lost_stderr_changes_no_exit_code_and_moves_nothing_to_stdout(tmp_path: Path) -> None:
    """Each command once with stderr open (what stdout must hold), then with stderr closed and
    with stderr on /dev/full: the same code and stdout, nothing else."""
    written = tmp_path / "ny.md"
    for args, code in _commands(tmp_path):
        written.unlink(missing_ok=True)
        seen, out, err = _run(*args)
        assert seen == code, (args, err)
        assert "Traceback" not in err and "Exception ignored" not in err, err
        for stderr in ("closed", "full"):
            written.unlink(missing_ok=True)
            assert _run(*args, stderr=stderr) == (code, out, ""), (args, stderr)
            if str(written) in args:  # before: "Skrev …" lost on /dev/full made the written
                # report exit 120
                assert written.read_text(encoding="utf-8").startswith("# "), stderr


def test_a_closed_stderr_and_stdout_end_with_the_documented_codes(tmp_path: Path) -> None:
    written = tmp_path / "ny.md"
    for args, code in _commands(tmp_path)[:5]:
        written.unlink(missing_ok=True)
        # a command whose output was meant for stdout lost it: 120 before 0 and 1
        expected = 120 if code in (0, 1) and "-o" not in args else code
        assert _run(*args, stdout="closed", stderr="closed")[0] == expected, args
        if str(written) in args:
            assert written.read_text(encoding="utf-8").startswith("# ")


def test_help_that_cannot_be_written_is_lost_output() -> None:
    """Typer writes the help itself: before, ``--help >/dev/full`` was a traceback with exit 1
    and ``--help >&-`` a silent 0."""
    assert _run("--help", stdout="full") == (
        120,
        "",
        "fel: allt kunde inte skrivas till standard ut (disken är full). Utdatan är "
        "ofullständig; rätta felet eller skriv utdatan till en annan plats.\n",
    )
    assert _run("validate", "--help", stdout="closed") == (
        120,
        "",
        "fel: standard ut var stängd när utsatta startade (t.ex. >&-), så utdatan kunde inte "
        "skrivas. Skriv den till en fil i stället (> fil) eller till /dev/null om den inte "
        "behövs.\n",
    )


def test_a_file_opened_never_gets_a_closed_standard_number() -> None:
    """With ``2>&-`` the first file opened would get descriptor 2, and whatever a C library
    writes to "stderr" (fontconfig, GLib under WeasyPrint) would land in it."""
    script = (
        "import os\n"
        "from utsatta.cli.output import install\n"
        "install()\n"
        "fd = os.open(os.devnull, os.O_RDONLY)\n"
        "print(fd, os.readlink('/proc/self/fd/2'), flush=True)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        preexec_fn=_redirect("open", "closed"),
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.decode() == "3 /dev/null\n"
