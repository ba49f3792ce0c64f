"""An area written by (a part of) its name, not its id: 'Menade du' names the area whose name
it is ('grevegarden' → 'tynnered', Tynnered/Grevegården/Opaltorget), not the id closest in
letters ('gardsten', before). Exact findings on the shipped data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import edited_findings
from utsatta.load.spelling import name_index

RAPPORT = "rapporter/2025/stadsfastighetsnamnden.yaml"
GILTIGA = (
    "Giltiga: bergsjon, biskopsgarden, gardsten, hammarkullen, hjallbo, lovgardet, tynnered, "
    "hisings-backa, rannebergen."
)
TYNNERED = " Menade du 'tynnered' (Tynnered/Grevegården/Opaltorget)?"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("grevegarden", TYNNERED),
        ("opaltorget", TYNNERED),
        # the id form of the whole name, as the message for 'Tynnered/Grevegården/…' gives it
        ("tynnered-grevegarden-opaltorget", TYNNERED),
        ("backa", " Menade du 'hisings-backa' (Hisings Backa)?"),
        # no name: the closest id, as before
        ("lovgarden", " Menade du 'lovgardet'?"),
        ("alla", ""),
    ],
)
def test_an_area_by_its_name(tmp_path: Path, written: str, meant: str) -> None:
    found = edited_findings(
        tmp_path, RAPPORT, "omraden: [bergsjon, hjallbo, lovgardet]", f"omraden: [{written}]"
    )
    assert found == [
        (
            51,
            15,
            "okant-omrade",
            f"Området '{written}' finns inte i omraden.yaml.{meant} {GILTIGA}",
        )
    ]


def test_an_area_by_its_name_in_the_uppfoljning(tmp_path: Path) -> None:
    found = edited_findings(
        tmp_path,
        "uppfoljning/2025.yaml",
        "      - omrade: bergsjon\n",
        "      - omrade: grevegarden\n",
    )
    assert [(f[2], f[3]) for f in found] == [
        ("okant-omrade", f"Området 'grevegarden' finns inte i omraden.yaml.{TYNNERED} {GILTIGA}")
    ]


def test_a_form_two_names_share_or_that_is_another_id_is_no_suggestion() -> None:
    index = name_index(
        [("norra", "Norra Backa"), ("sodra", "Södra Backa"), ("vasa", "Vasastan"),
         ("centrum", "Centrum/Vasa")]
    )  # fmt: skip
    assert "backa" not in index  # two areas
    assert "vasa" not in index  # the id of another area than the one it names
    assert index["norra-backa"] == ("norra", "Norra Backa")
    assert index["centrum"] == ("centrum", "Centrum/Vasa")
    assert index["vasastan"] == ("vasa", "Vasastan")
