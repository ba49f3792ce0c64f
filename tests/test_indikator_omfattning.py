"""An indicator whose values are not the areas' says so where it is named for an insats (sann25
item 6): insats 1:5 is about the areas, and "Andel barn (1–5 år) ej placerade i
förskoleverksamhet" is all of Göteborg; without ``omfattning`` it read as a measure of the
areas everywhere but Bilaga D.

Data: the shipped data copied; its file for that indicator has ``omfattning: hela Göteborg``,
which the tests take out or replace."""

from __future__ import annotations

import shutil
from pathlib import Path

from utsatta import validate
from utsatta.load.dataset import load
from utsatta.render.report import build, render

ROOT = Path(__file__).resolve().parents[1]
NAMN = "Andel barn (1–5 år) ej placerade i förskoleverksamhet i befolkningen (%)"
ANKARE = "andel-barn-15-år-ej-placerade-i-förskoleverksamhet-i-befolkningen-"
SHIPPED_LINE = "\nomfattning: hela Göteborg\n"


def _with_scope(data: Path, omfattning: str | None) -> None:
    """The indicator's file with ``omfattning`` replaced, or without it (None)."""
    path = data / "indikatorer" / "barn-ej-i-forskoleverksamhet.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(SHIPPED_LINE) == 1
    line = "\n" if omfattning is None else f"\nomfattning: {omfattning}\n"
    path.write_text(text.replace(SHIPPED_LINE, line), encoding="utf-8")


def _reports(tmp_path: Path, omfattning: str | None) -> tuple[str, str]:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    _with_scope(data, omfattning)
    assert [f for f in validate(data).findings if "forskoleverksamhet" in f.file] == []
    view = build(load(data), 2025)
    return render(view, "md"), render(view, "html")


def test_the_scope_is_said_where_the_insats_names_it(tmp_path: Path) -> None:
    md, html = _reports(tmp_path, "hela Göteborg")
    # section 3's tables and Bilaga A
    assert f"[{NAMN}](#{ANKARE}) (gäller hela Göteborg), status 2025: " in md
    assert f"- Indikator som mäter insatsen: [{NAMN}](#{ANKARE}) (gäller hela Göteborg), " in md
    assert f"{NAMN}</a> (gäller hela Göteborg), status 2025: " in html
    # the areas' own indicator for 1:5 has no scope of its own
    assert "Andel barn i förskolan i utsatta områden](#" in md
    assert "i utsatta områden](#andel-barn-i-förskolan-i-utsatta-områden) (gäller" not in md


def test_without_it_nothing_is_added(tmp_path: Path) -> None:
    md, html = _reports(tmp_path, None)
    assert "(gäller " not in md and "(gäller " not in html


def test_the_scope_is_checked_text(tmp_path: Path) -> None:
    """Untrusted text like any other: markup in it is refused by validate, on its key."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    _with_scope(data, "'<b>hela</b>'")
    found = [f for f in validate(data).findings if f.file.endswith("forskoleverksamhet.yaml")]
    assert [f.path for f in found] == [("omfattning",)]
