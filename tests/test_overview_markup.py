"""`plan`, `status` and `indikatorer` as text: a value from the data is never rich markup or an
emoji code (a name with ``[/bold]`` was a traceback, ``[link=…]`` a hyperlink on a terminal,
``[error]`` vanished, ``:warning:`` an emoji) and its control characters are shown before rich
measures it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import ROOT
from utsatta.load.dataset import load
from utsatta.render import overview

HOSTILE = "Socialnämnd [/bold] [link=https://evil.example]Centrum[/link] :warning: ##[error]x"


@pytest.fixture
def hostile(tmp_path: Path, values_not_refused: None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    orgs = data / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    # a name with markup, and one with an escape sequence written as a YAML escape
    text = text.replace("    namn: Socialnämnden Centrum", f'    namn: "{HOSTILE}"', 1)
    text = text.replace(
        "    namn: Socialnämnden Hisingen", '    namn: "Socialnämnd \\e[31mHisingen"', 1
    )
    orgs.write_text(text, encoding="utf-8")
    return data


def test_plan_text_shows_markup_in_names_as_written(
    hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = overview.plan_text(load(hostile), 400)
    lines = [line.rstrip() for line in text.splitlines()]
    assert (
        "  Samordningsansvar: Socialnämnd [/bold] [link=https://evil.example]Centrum[/link] "
        ":warning: ##[error]x, Socialnämnd \\x1b[31mHisingen, Socialnämnden Nordost, "
        "Socialnämnden Sydväst"
    ) in lines


def test_status_text_shows_markup_in_names_as_written(hostile: Path) -> None:
    text = overview.status_text(load(hostile), 2023, width=120)
    # the name column wraps the long name at its words; each piece is the data's own text
    assert "Socialnämnd [/bold]" in text
    assert "[link=https://evil.example]Centrum[/link]" in text
    assert ":warning: ##[error]x" in text
    assert "Socialnämnd \\x1b[31mHisingen" in text
    assert "\x1b" not in text
