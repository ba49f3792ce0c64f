"""What one output stream can show, decided once (cli/output.channel) for the text that is
made and the text that is written: styles are real escapes or absent (FORCE_COLOR on a pipe,
TTY_COMPATIBLE, NO_COLOR, TERM=dumb), and a stream whose encoding is no UTF (a Windows ANSI
code page, PYTHONIOENCODING=cp1252) gets ASCII borders, symbols and arrows."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from tests.support import ROOT
from utsatta.cli import output

DATA = str(ROOT / "tests" / "fixtures" / "report-data")
_ENV_NAMES = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TERM", "PYTHONIOENCODING")


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in _ENV_NAMES}
    base.update({"COLUMNS": "80", "GITHUB_ACTIONS": "", "UTSATTA_DATA": "", **env})
    return subprocess.run(
        [sys.executable, "-m", "utsatta", *args, "--data", DATA],
        capture_output=True,
        env=base,
        check=False,
    )


@pytest.mark.parametrize("command", [("status", "2023"), ("plan",), ("indikatorer",)])
@pytest.mark.parametrize("env", [{"FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "1"}])
def test_forced_styles_on_a_pipe_are_real_escapes(
    command: tuple[str, ...], env: dict[str, str]
) -> None:
    run = _run(*command, **env)
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode("utf-8")
    assert "\\x1b" not in text
    assert "\x1b[1m" in text  # bold as a real escape, as the environment asked


def test_forced_styles_in_status_exact() -> None:
    first = _run("status", "2023", FORCE_COLOR="1").stdout.decode("utf-8").splitlines()[0]
    assert first == "\x1b[3mRapportering 2023                      \x1b[0m"


@pytest.mark.parametrize(
    "env",
    [{}, {"TERM": "dumb", "FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}],
)
def test_no_styles_is_plain_text(env: dict[str, str]) -> None:
    text = _run("status", "2023", **env).stdout.decode("utf-8")
    assert "\x1b" not in text
    assert "\\x1b" not in text
    assert text.splitlines()[0] == "Rapportering 2023                      "


def test_no_color_with_force_color_keeps_bold_without_colours() -> None:
    text = _run("status", "2023", FORCE_COLOR="1", NO_COLOR="1").stdout.decode("utf-8")
    assert "\\x1b" not in text
    assert "\x1b[1mOrganisation" in text
    assert "\x1b[32m" not in text  # no green tick
    assert "\x1b[31m" not in text


def test_status_on_a_windows_code_page_is_ascii() -> None:
    run = _run("status", "2023", PYTHONIOENCODING="cp1252")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.decode("cp1252").splitlines()
    assert lines[:8] == [
        "Rapportering 2023                      ",
        "Organisation       |1:1 |1:2 |2:1 |3:1 ",
        "-------------------+----+----+----+----",
        "Kommunstyrelsen    |    |    | +  |    ",
        "Grundskolenämnden  | +  |    | +  |    ",
        "Socialnämnd Nordost|    | -  | -  | o  ",
        "Kulturnämnden      | +  |    | +  | +  ",
        "+ inkommen   - saknas",
    ]
    # only the symbols in the table, each with its meaning on one line (no (+) in 2023)
    assert lines[8:10] == [
        "o inte förfallen 2023 (återrapportering under planperioden)",
        "5 av 7 förväntade rapporteringar har kommit in.",
    ]


def test_indicators_on_a_windows_code_page_have_ascii_borders() -> None:
    run = _run("indikatorer", PYTHONIOENCODING="cp1252")
    text = run.stdout.decode("cp1252")
    assert "\\u25" not in text  # no box drawing written as escapes
    assert "\\u2" not in text
    assert text.splitlines()[1].startswith("+-----")


def test_utf8_keeps_the_symbols() -> None:
    lines = _run("status", "2023").stdout.decode("utf-8").splitlines()
    assert lines[1] == "Organisation        1:1  1:2  2:1  3:1 "
    assert lines[3] == "Kommunstyrelsen                ✓       "


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("cp1252", "a -> b + å ≥".replace("≥", ">=").encode("cp1252")),
        ("ascii", b"a -> b + \\xe5 >="),
        ("utf-8", "a → b ✓ å ≥".encode()),
    ],
)
def test_symbols_a_stream_lacks_become_ascii(
    monkeypatch: pytest.MonkeyPatch, encoding: str, expected: bytes
) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, write_through=True)
    monkeypatch.setattr(sys, "stdout", stream)
    output.out("a → b ✓ å ≥")
    assert raw.getvalue() == expected


def test_channel_reads_the_stream_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    shows = output.channel(stream)
    assert (shows.styles, shows.ascii_only) == (False, True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert output.channel(stream).styles is True
    assert output.for_terminal(stream, "\x1b[1mfet\x1b[0m") == "\x1b[1mfet\x1b[0m"
    monkeypatch.delenv("FORCE_COLOR")
    assert output.for_terminal(stream, "\x1b[1mfet\x1b[0m") == "\\x1b[1mfet\\x1b[0m"
