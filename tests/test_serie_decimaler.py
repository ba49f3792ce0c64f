"""Values of one series or table are shown with one number of decimals, the most any of them
has (sann25 item 5): Bergsjön's valdeltagande 2014 is 46.0 in the data and reads "46,0 %"
beside "44,5 %" and "51,5 %", in the table per område, in Anmärkningar and in Bilaga B;
integers stay integers.

Data: the shipped data (valdeltagande per valdistrikt) and unit cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.load.dataset import load
from utsatta.render.labels import serie_decimaler, varde
from utsatta.render.report import build, render

ROOT = Path(__file__).resolve().parents[1]


def test_serie_decimaler() -> None:
    assert serie_decimaler([44.5, 46.0, 51.5]) == 1
    assert serie_decimaler([8.0, 4.0, 0.0]) == 0  # counts stay integers
    assert serie_decimaler([]) == 0
    assert varde(46.0, "procent", 1) == "46,0\u00a0%"
    assert varde(46.0, "procent") == "46\u00a0%"  # alone, as written
    assert varde(81.05, "procent", 1) == "81,05\u00a0%"  # never fewer than it has
    assert varde(4.0, "antal", serie_decimaler([4.0, 8.0])) == "4"


@pytest.fixture(scope="module")
def md() -> str:
    return render(build(load(ROOT / "data"), 2025), "md")


def test_bergsjons_series_has_one_precision(md: str) -> None:
    assert "| Bergsjön | 44,5\u00a0% | 46,0\u00a0% | 51,5\u00a0% |" in md
    assert "| Gårdsten | – | 37,9\u00a0% | 41,0\u00a0% |" in md
    assert "  - Utfall 2014, Bergsjön (46,0\u00a0%): Valdistriktet Gärdsmosse i Bergsjön;" in md
    assert "  - 2014: 46,0\u00a0%. Valdistriktet Gärdsmosse i Bergsjön;" in md
    assert "46\u00a0%" not in md.replace("46,0\u00a0%", "")


def test_counts_stay_integers(md: str) -> None:
    assert (
        "| Antal områden i Göteborg på polisens lista (alla tre nivåer) | 2015: okänt, nivån okänd "
        "för Hisings Backa och Rannebergen; 2017: 9 (slutledd); 2019: 9 (slutledd);"
    ) in md
