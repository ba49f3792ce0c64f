"""A count, a rate or a merit value below zero is an error (negativt-varde), for utfall,
baslinje and målvärde alike: the report would print it as a figure the city signs (decision
0678). Only procent had a range (procent-utanfor-intervall)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import SHIPPED, edited_findings, findings_in

VALDSBROTT = "indikatorer/anmalda-valdsbrott.yaml"


def _message(value: str, unit: str, what: str) -> str:
    return (
        f"Värdet {value} är mindre än noll, men enheten är '{unit}', och {what} är aldrig "
        "negativt. Kontrollera värdet i källan och skriv det som källan anger (utan minustecken "
        "om det kom med av misstag)."
    )


RATE = "ett antal per 100 000 invånare"


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "value"),
    [
        ("    varde: 1227\n", "    varde: -5\n", 29, 12, "−5"),  # utfall 2018
        ("  varde: 1261\n  kalla", "  varde: -1261\n  kalla", 21, 10, "−1 261"),  # baslinje
        ("    varde: 1233\n", "    varde: -0.5\n", 32, 12, "−0,5"),
    ],
)
def test_a_negative_rate_is_an_error_at_its_value(
    tmp_path: Path, old: str, new: str, line: int, column: int, value: str
) -> None:
    got = edited_findings(tmp_path, VALDSBROTT, old, new)
    assert got == [(line, column, "negativt-varde", _message(value, "per-100000-invanare", RATE))]


def test_a_negative_malvarde_of_a_count_is_an_error(tmp_path: Path) -> None:
    old = "malvarden:\n  - ar: 2025\n    varde: 0\n"
    got = edited_findings(
        tmp_path, "indikatorer/utsatta-omraden.yaml", old, old.replace("0\n", "-2\n")
    )
    assert got == [(53, 12, "negativt-varde", _message("−2", "antal", "ett antal"))]


def test_zero_and_an_index_below_zero_pass(tmp_path: Path) -> None:
    assert edited_findings(tmp_path, VALDSBROTT, "    varde: 1227\n", "    varde: 0\n") == []
    data = tmp_path / "index"
    shutil.copytree(SHIPPED, data)
    path = data / VALDSBROTT
    text = path.read_text(encoding="utf-8")
    text = text.replace("enhet: per-100000-invanare\n", "enhet: index\n")
    path.write_text(text.replace("    varde: 1227\n", "    varde: -5\n"), encoding="utf-8")
    assert findings_in(data, path) == []
