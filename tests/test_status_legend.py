"""`utsatta status ÅR` lists under its tables only the symbols that occur in them, in a fixed
order (granska18c F2: the fixed legend explained ○ "inte förfallen 2025" in the plan's last
year, when no cell can have it; docs/decisions/0569-statusens-teckenforklaring.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import ROOT, SHIPPED
from utsatta.compute.completeness import Cell
from utsatta.compute.duties import year_matrix
from utsatta.load.dataset import load
from utsatta.render import overview

FIXTURE = ROOT / "tests" / "fixtures" / "report-data"
SYMBOL = {Cell.INKOMMEN: "✓", Cell.SAKNAS: "✗", Cell.FRIVILLIG: "○", Cell.TIDIGARE: "(✓)"}
FORFALLEN = "○ inte förfallen {ar} (återrapportering under planperioden)"


def _legend(text: str) -> list[str]:
    """The lines between the last table and the count of reports."""
    lines = [line.rstrip() for line in text.splitlines()]
    end = next(n for n, line in enumerate(lines) if "förväntade rapporteringar" in line)
    start = end
    while lines[start - 1].startswith(("✓ ", "✗ ", "○ ", "(✓) ")):
        start -= 1
    return lines[start:end]


@pytest.mark.parametrize(
    ("ar", "expected"),
    [
        (2022, [f"✓ inkommen   {FORFALLEN.format(ar=2022)}"]),
        # at 80 columns a symbol is never parted from its meaning
        (2023, ["✓ inkommen   ✗ saknas", FORFALLEN.format(ar=2023)]),
        (2024, [f"✓ inkommen   {FORFALLEN.format(ar=2024)}", "(✓) lämnad ett tidigare år"]),
        # the plan's last year: nothing is "inte förfallen", and nothing is missing
        (2025, ["✓ inkommen   (✓) lämnad ett tidigare år"]),
    ],
)
def test_the_shipped_data_each_year(ar: int, expected: list[str]) -> None:
    text = overview.status_text(load(SHIPPED), ar, width=80)
    assert _legend(text) == expected
    assert ("inte förfallen" in text) == (ar < 2025)


def test_a_wide_terminal_has_the_legend_on_one_line() -> None:
    text = overview.status_text(load(SHIPPED), 2023, width=120)
    assert _legend(text) == [f"✓ inkommen   ✗ saknas   {FORFALLEN.format(ar=2023)}"]


@pytest.mark.parametrize(
    ("ar", "expected"),
    [
        # no report came in: no ✓ explained
        (2022, ["- saknas   o inte förfallen 2022 (återrapportering under planperioden)"]),
        (
            2024,
            [
                "- saknas   o inte förfallen 2024 (återrapportering under planperioden)",
                "(+) lämnad ett tidigare år",
            ],
        ),
        (2025, ["- saknas   (+) lämnad ett tidigare år"]),
    ],
)
def test_the_ascii_legend_follows_the_same_rule(ar: int, expected: list[str]) -> None:
    text = overview.status_text(load(FIXTURE), ar, width=80, ascii_only=True)
    lines = [line.rstrip() for line in text.splitlines()]
    end = next(n for n, line in enumerate(lines) if "förväntade rapporteringar" in line)
    assert lines[end - len(expected) : end] == expected
    assert "|" in lines[end - len(expected) - 1]  # the table's last row comes right before


@pytest.mark.parametrize("data", [SHIPPED, FIXTURE], ids=["data", "fixture"])
@pytest.mark.parametrize("ar", [2022, 2023, 2024, 2025])
def test_the_legend_names_exactly_the_symbols_in_the_table(data: Path, ar: int) -> None:
    ds = load(data)
    m = year_matrix(ds, ar)
    assert m is not None
    cells = {m.cells.get((o, i)) for o in m.organisationer for i in m.insatser}
    expected = [
        f"{SYMBOL[c]} {words.format(ar=ar)}" for c, words in overview.LEGEND.items() if c in cells
    ]
    assert expected  # every year shown has some symbol
    legend = "   ".join(_legend(overview.status_text(ds, ar, width=300)))
    assert legend == "   ".join(expected)
    assert Cell.EJ_AKTUELL not in overview.LEGEND  # an empty cell is explained by nothing


def test_a_matrix_without_symbols_has_no_legend() -> None:
    ds = load(SHIPPED)
    m = year_matrix(ds, 2025)
    assert m is not None
    empty = type("M", (), {"organisationer": m.organisationer, "insatser": [], "cells": {}})()
    assert overview.status_legend(empty, 2025, SYMBOL, 80) == ""


def test_the_json_has_no_legend() -> None:
    """The JSON's cells carry their kind by name ("frivillig", …): there is no legend to
    follow the rule, and the keys are as documented (decision 0091)."""
    data = json.loads(overview.status_json(load(SHIPPED), 2025))
    assert set(data) == {
        "schemaversion",
        "ar",
        "forvantade",
        "inkomna",
        "saknas",
        "ogiltiga",
        "poster",
    }
    assert {p["cell"] for p in data["poster"]} == {"inkommen", "lämnad tidigare"}


def test_the_readme_says_the_rule_with_the_legends_words() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `utsatta status ÅR"))
    words = ", ".join(
        f"{SYMBOL[c]} {w.split(' (')[0].format(ar='ÅR')}" for c, w in overview.LEGEND.items()
    )
    assert (
        f"Under tabellerna förklaras bara de tecken som står i dem ({words}, i den ordningen)"
        in row
    )
