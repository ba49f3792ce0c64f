"""A value that is not zero never prints as zero (decision 0679): a data value rounds to zero
at the report's two decimals only when it has more, and then it shows all it was written with;
any other number (a computation's text, a share of the way) gets the decimals down to its
first significant digit. A chart's ticks are positions and keep theirs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import SHIPPED
from utsatta import load, report_text
from utsatta.compute.status import fmt_procent, fmt_tal
from utsatta.load.scalars import resolve_plain
from utsatta.numbers import HART, tal
from utsatta.render.labels import faktor_text, varde


@pytest.mark.parametrize(
    ("written", "enhet", "shown"),
    [
        ("0.000001", "per-100000-invanare", f"0,000001{HART}per 100{HART}000{HART}inv."),
        ("0.0000012", "antal", "0,0000012"),
        ("0.0000010", "procent", f"0,0000010{HART}%"),  # its written zero kept (0669)
        ("-0.004", "index", "−0,004"),
        ("0.004", "antal", "0,004"),
        ("0.0049", "antal", "0,0049"),
        ("0.005", "antal", "0,01"),  # rounds to a value that is not zero: as before
        ("81.0512", "procent", f"81,05{HART}%"),  # the cap holds
        ("0", "antal", "0"),
        ("0.0", "antal", "0,0"),
    ],
)
def test_a_data_value_that_is_not_zero_is_not_shown_as_zero(
    written: str, enhet: str, shown: str
) -> None:
    assert varde(resolve_plain(written), enhet) == shown


def test_every_number_that_is_not_zero_keeps_a_digit() -> None:
    assert tal(0.000001, 2) == "0,000001"
    assert tal(-0.001, 2) == "−0,001"
    assert tal(0.0004 * 100, 0, " %") == f"0,04{HART}%"
    assert tal(0.0, 2) == "0,00"
    assert tal(-0.0, 2) == "0,00"
    assert fmt_tal(0.0000034) == "0,000003"
    assert fmt_procent(0.00001) == "0,001\u00a0%"
    assert faktor_text(0.001) == "0,001 × baslinjen"
    # a chart's tick is a position: as the axis chose its decimals
    assert tal(1e-17, 1, nonzero=False) == "0,0"


def test_the_report_prints_a_tiny_value_as_it_is(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "indikatorer" / "anmalda-valdsbrott.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    varde: 1233\n", "    varde: 0.000001\n"), encoding="utf-8")
    md = report_text(load(data), 2023, "md")
    assert f"0,000001{HART}per 100{HART}000{HART}inv." in md
    assert "0,00" + HART + "per" not in md
