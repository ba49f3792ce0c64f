"""Texts that name years take them from the plan or the data, never from literals: Bilaga E's
example of a status against a målvärde, and the export's one-year texts (docs/decisions/0632)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from utsatta.compute.goal import forvantad_bana
from utsatta.compute.status import Point, Status
from utsatta.export import export
from utsatta.load.dataset import load
from utsatta.numbers import HART
from utsatta.render.report.sections.metod import exempel, metodtext_malvarde
from utsatta.wording import arsspann

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("fran", "till", "text"),
    [
        (
            2022,
            2025,
            "Exempel: baslinje 50 år 2021, målvärde 70 år 2025 och senaste värde 56 år 2023 ger "
            "30 % av vägen på 50 % av tiden, kvoten 0,6 och statusen ”Behöver öka takten”. ",
        ),
        (
            2026,
            2030,
            "Exempel: baslinje 50 år 2025, målvärde 70 år 2030 och senaste värde 54,8 år 2027 "
            "ger 24 % av vägen på 40 % av tiden, kvoten 0,6 och statusen ”Behöver öka takten”. ",
        ),
        (
            # a plan of one year: the baseline two years before, so that a year lies between
            2030,
            2030,
            "Exempel: baslinje 50 år 2028, målvärde 70 år 2030 och senaste värde 56 år 2029 ger "
            "30 % av vägen på 50 % av tiden, kvoten 0,6 och statusen ”Behöver öka takten”. ",
        ),
    ],
)
def test_the_method_example_is_in_the_plans_years(fran: int, till: int, text: str) -> None:
    assert exempel(fran, till) == text.replace(" %", f"{HART}%").replace(
        "% av vägen", f"%{HART}av{HART}vägen"
    )
    assert exempel(fran, till) in metodtext_malvarde(fran, till)


def test_the_example_says_what_the_tool_computes() -> None:
    out = forvantad_bana(1, Point(2025, 50), Point(2027, 54.8), 70, 2030)
    assert (out.status, out.kvot) == (Status.BEHOVER_OKA_TAKTEN, 0.6)


def test_arsspann() -> None:
    assert (arsspann(2022, 2022), arsspann(2022, 2024)) == ("2022", "2022–2024")


def _om_filen(tmp_path: Path, ar: int) -> dict[str, str]:
    data = tmp_path / "data"
    shutil.copytree(HERE / "fixtures" / "report-data", data)
    out = tmp_path / f"export-{ar}"
    export(load(data), ar, "csv", out)
    with (out / "om_filen.csv").open(encoding="utf-8-sig", newline="") as f:
        return {row[0]: row[1] for row in csv.reader(f, delimiter=";")}


def test_the_export_of_the_plans_first_year_says_one_year(tmp_path: Path) -> None:
    rows = _om_filen(tmp_path, 2022)
    assert rows["År"] == (
        "Rapporterna och bedömningarna för 2022, indikatorernas baslinjer, målvärden och utfall "
        "till och med 2022, indikatorernas status för 2022 som rapporten för året visar den, "
        "målens beräknade utfall bara i slutuppföljningen (2025) och polisens listor till och "
        "med upplagan 2022."
    )
