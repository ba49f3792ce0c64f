"""The writer's common mistakes (skriv22): each message says the file, the line, what is wrong
and what to write instead, for staff who write a report in a web editor."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import BASE, findings_in, stopped

REPORT = Path("rapporter/2023/grundskolenamnden.yaml")


def _found(tmp_path: Path, old: str, new: str) -> list[tuple[int, int, str, str]]:
    """The findings in the base case's report where ``old`` (once) is replaced by ``new``."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return findings_in(data, path)


def test_a_syntax_error_says_that_it_stops_the_check_of_the_file(tmp_path: Path) -> None:
    found = _found(tmp_path, "    bedomning: osakert\n", "    bedomning: osakert: mer\n")
    assert found == [
        (
            17,
            23,
            "yaml-syntax",
            "YAML-syntaxfel: Texten efter 'bedomning:' innehåller ett kolon följt av mellanslag "
            "('osakert:'), och YAML läser det som början på en ny nyckel. Sätt hela texten inom "
            'citattecken: bedomning: "osakert: mer".' + stopped(17),
        )
    ]


def test_only_the_error_that_stops_the_reading_says_so(tmp_path: Path) -> None:
    """A duplicate key above the syntax error is reported too, but it stopped nothing."""
    old = "    status: pagaende\n    nulage: Arbetet"
    new = "    status: pagaende\n    status: pagaende\n    nulage: Arbetet"
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    path.write_text(text.replace("    bedomning: osakert", "    bedomning: a: b"), encoding="utf-8")
    found = findings_in(data, path)
    assert [(line, code, message.endswith(stopped(line))) for line, _, code, message in found] == [
        (8, "dubblett-nyckel", False),
        (18, "yaml-syntax", True),
    ]


def test_an_error_that_stops_nothing_says_nothing_of_it(tmp_path: Path) -> None:
    """A duplicate key alone: the file is read, and its other errors are reported."""
    old = "    status: pagaende\n    nulage: Arbetet"
    new = "    status: pagaende\n    status: klar\n    nulage: Arbetet"
    found = _found(tmp_path, old, new)
    assert [(line, code) for line, _, code, _ in found] == [(8, "dubblett-nyckel")]
    assert not any("stoppar kontrollen" in message for *_, message in found)
