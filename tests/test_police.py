"""Indicators computed from the police lists: counts per edition and new areas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from utsatta.compute.police import (
    BASLINJE_UPPLAGA,
    areas_in,
    baseline_for,
    count_per_edition,
    new_area_ids,
    new_areas,
    points_for,
    unknown_areas,
)
from utsatta.compute.progress import Point, Status, compute
from utsatta.load.yamlread import parse
from utsatta.model.indikator import Berakning, IndikatorFil
from utsatta.model.omraden import NIVAER_PA_LISTAN, Niva, OmradenFil

ROOT = Path(__file__).resolve().parents[1]
SU: tuple[Niva, ...] = ("sarskilt-utsatt",)


def _area(id_: str, levels: dict[int, str]) -> dict[str, Any]:
    return {
        "id": id_,
        "namn": id_.title(),
        "klassning": [
            {"upplaga": ar, "niva": niva, "sakerhet": "bekraftad"} for ar, niva in levels.items()
        ],
    }


def _fil() -> OmradenFil:
    """Four areas, three editions; 'd' is okand in 2019 and missing in 2021."""
    return OmradenFil.model_validate(
        {
            "schemaversion": 1,
            "upplagor": [
                {"ar": ar, "titel": f"Lägesbild {ar}", "utgivare": "Polisen"}
                for ar in (2021, 2019, 2023)  # out of order on purpose
            ],
            "omraden": [
                _area("a", {2019: "sarskilt-utsatt", 2021: "sarskilt-utsatt", 2023: "riskomrade"}),
                _area("b", {2019: "riskomrade", 2021: "utsatt", 2023: "utsatt"}),
                _area("c", {2019: "utsatt", 2021: "ej-pa-listan", 2023: "utsatt"}),
                _area("d", {2019: "okand", 2023: "sarskilt-utsatt"}),
                _area("e", {2019: "ej-pa-listan", 2021: "okand", 2023: "utsatt"}),
            ],
        }
    )


def test_count_per_edition() -> None:
    fil = _fil()
    assert count_per_edition(fil, SU) == [Point(2019, 1.0), Point(2021, 1.0), Point(2023, 1.0)]
    assert count_per_edition(fil, ("riskomrade",)) == [
        Point(2019, 1.0),  # b
        Point(2021, 0.0),
        Point(2023, 1.0),  # a
    ]
    # all three levels: 2019 a, b, c (d okand: not counted); 2021 a, b (d missing, e okand);
    # 2023 all five
    assert count_per_edition(fil, NIVAER_PA_LISTAN) == [
        Point(2019, 3.0),
        Point(2021, 2.0),
        Point(2023, 5.0),
    ]


def test_unknown_areas_and_areas_in() -> None:
    fil = _fil()
    assert unknown_areas(fil, 2019) == ["d"]
    assert unknown_areas(fil, 2021) == ["e"]  # a missing klassning is "not on the list"
    assert areas_in(fil, 2023, ("utsatt",)) == ["b", "c", "e"]


def test_new_areas() -> None:
    fil = _fil()
    # compared with 2021: c was ej-pa-listan and d had no klassning → new in 2023;
    # e was okand in 2021 → not claimed as new
    assert new_area_ids(fil, 2023, NIVAER_PA_LISTAN, 2021) == ["c", "d"]
    assert new_areas(fil, NIVAER_PA_LISTAN, 2021) == [Point(2023, 2.0)]
    # only new särskilt utsatta: d
    assert new_areas(fil, SU, 2021) == [Point(2023, 1.0)]
    # compared with 2019: e (ej-pa-listan then) is new in 2023; d was okand → not new
    assert new_areas(fil, NIVAER_PA_LISTAN, 2019) == [Point(2021, 0.0), Point(2023, 1.0)]
    with pytest.raises(ValueError, match="2020 är ingen upplaga"):
        new_areas(fil, NIVAER_PA_LISTAN, 2020)


def test_points_for_and_baseline_for() -> None:
    fil = _fil()
    antal = Berakning(typ="antal-omraden", nivaer=["utsatt", "riskomrade", "sarskilt-utsatt"])
    nya = Berakning(
        typ="nya-omraden", nivaer=["utsatt", "riskomrade", "sarskilt-utsatt"], jamfor_med=2021
    )
    assert points_for(antal, fil) == count_per_edition(fil, NIVAER_PA_LISTAN)
    assert points_for(nya, fil) == [Point(2023, 2.0)]
    assert BASLINJE_UPPLAGA == 2021
    assert baseline_for(antal, fil) == Point(2021, 2.0)
    assert baseline_for(antal, fil, 2017) is None  # no such edition
    assert baseline_for(nya, fil) == Point(2021, 0.0)  # nothing is new compared with itself
    with pytest.raises(ValueError, match="jamfor_med"):
        points_for(Berakning(typ="nya-omraden", nivaer=["utsatt"]), fil)


# --- the real data -----------------------------------------------------------------------------


def _real() -> OmradenFil:
    path = ROOT / "data" / "omraden.yaml"
    if not path.exists():
        pytest.skip("data/omraden.yaml finns inte")
    return OmradenFil.model_validate(parse(path.read_text(encoding="utf-8")).data)


def _by_year(points: list[Point]) -> dict[int, float]:
    return {p.ar: p.varde for p in points}


def test_real_counts_match_fakta() -> None:
    fil = _real()
    su = _by_year(count_per_edition(fil, SU))
    # fakta.md §2: 6 SU 2019 (after Gårdsten left), 5 SU 2021 (Framtiden), 2023: 4 SU, 2 R, 2 U
    # (Göteborgs Stads statistiksida)
    assert (su[2019], su[2021], su[2023]) == (6, 5, 4)
    assert _by_year(count_per_edition(fil, ("riskomrade",)))[2023] == 2
    assert _by_year(count_per_edition(fil, ("utsatt",)))[2023] == 2
    # Polisen region Väst, Dec 2023: no new areas in Västsverige
    assert _by_year(new_areas(fil, NIVAER_PA_LISTAN, 2021))[2023] == 0


def _indikator(id_: str) -> IndikatorFil:
    path = ROOT / "data" / "indikatorer" / f"{id_}.yaml"
    return IndikatorFil.model_validate(parse(path.read_text(encoding="utf-8")).data)


def test_real_plan_goal_progress_2023() -> None:
    fil = _real()
    ind = _indikator("sarskilt-utsatta-omraden")
    assert ind.berakning is not None and ind.malvarden[0].varde is not None
    r = compute(
        ind.metod,
        ind.riktning,
        baseline_for(ind.berakning, fil),
        points_for(ind.berakning, fil),
        ind.malvarden[0].varde,
        ind.malvarden[0].ar,
        till_ar=2023,
    )
    # 5 (2021) → 4 (2023), målvärde 0 (2025): (4 − 5)/(0 − 5) = 0,2 on 0,5 of the time → R = 0,4
    assert (r.status, r.kvot) == (Status.OTILLRACKLIG, 0.4)
    nya = _indikator("nya-omraden")
    assert nya.berakning is not None and nya.malvarden[0].varde is not None
    r = compute(
        nya.metod,
        nya.riktning,
        baseline_for(nya.berakning, fil),
        points_for(nya.berakning, fil),
        nya.malvarden[0].varde,
        nya.malvarden[0].ar,
        till_ar=2023,
    )
    assert r.status is Status.MALET_UPPNATT  # 0 new areas in 2023, målvärde 0
