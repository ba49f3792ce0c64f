"""A count, a rate or a merit value below zero is an error (negativt-varde), for utfall,
baslinje and målvärde alike, and a measured value citing a source dated before its year a
warning (kalla-fore-aret): the report would print both as facts the city signs (decision 0678)."""

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
    assert got == [(56, 12, "negativt-varde", _message("−2", "antal", "ett antal"))]


def test_zero_and_an_index_below_zero_pass(tmp_path: Path) -> None:
    assert edited_findings(tmp_path, VALDSBROTT, "    varde: 1227\n", "    varde: 0\n") == []
    data = tmp_path / "index"
    shutil.copytree(SHIPPED, data)
    path = data / VALDSBROTT
    text = path.read_text(encoding="utf-8")
    text = text.replace("enhet: per-100000-invanare\n", "enhet: index\n")
    path.write_text(text.replace("    varde: 1227\n", "    varde: -5\n"), encoding="utf-8")
    assert findings_in(data, path) == []


SOURCE = "    sakerhet: bekraftad\nbaslinje:\n"
KALLA = "goteborg-arsredovisning-2019-overgripande-mal"


def _before(what: str, datum: str, ar: int) -> str:
    return (
        f"{what} hänvisar till källan '{KALLA}', som har datumet {datum}, före {ar}: en källa "
        "kan inte ha mätt ett år som inte hade börjat. Kontrollera källans datum under "
        "'kallor', värdets år och vilken källa värdet hänvisar till."
    )


def test_a_measured_value_citing_a_source_from_an_earlier_year_is_warned_about(
    tmp_path: Path,
) -> None:
    """kalla-fore-aret (decision 0678): the baslinje and each utfall, at its 'kalla'."""
    new = SOURCE.replace("baslinje:", "    datum: 2015-01-01\nbaslinje:")
    got = edited_findings(tmp_path, VALDSBROTT, SOURCE, new)
    assert got == [
        (23, 10, "kalla-fore-aret", _before("Baslinjen för 2017", "2015-01-01", 2017)),
        (28, 12, "kalla-fore-aret", _before("Utfallet för 2017", "2015-01-01", 2017)),
        (31, 12, "kalla-fore-aret", _before("Utfallet för 2018", "2015-01-01", 2018)),
        (34, 12, "kalla-fore-aret", _before("Utfallet för 2019", "2015-01-01", 2019)),
    ]


def test_a_source_of_the_values_year_or_later_and_a_malvardes_source_pass(
    tmp_path: Path,
) -> None:
    new = SOURCE.replace("baslinje:", '    datum: "2018"\nbaslinje:')
    got = edited_findings(tmp_path, VALDSBROTT, SOURCE, new)
    assert got == [(34, 12, "kalla-fore-aret", _before("Utfallet för 2019", "2018", 2019))]
    # the plan (2021) sets the 2025 target: no warning for a målvärde
    old = "    sakerhet: bekraftad\n    kommentar: Planens text; källa för målvärdet.\n"
    got = edited_findings(
        tmp_path / "mal", "indikatorer/utsatta-omraden.yaml", old, "    datum: 2021-04\n" + old
    )
    assert got == []
