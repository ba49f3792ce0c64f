"""Indicators computed from the police lists: counts per edition, unknown levels, new areas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from utsatta.compute.police import (
    EJ_POLISEN,
    Serie,
    areas_in,
    baseline_for,
    baslinje_upplaga,
    change_between,
    count_per_edition,
    counts,
    moves_text,
    new_area_ids,
    new_areas,
    niva_text,
    points_for,
    shows_direction,
    unknown_areas,
)
from utsatta.compute.progress import Lucka, Orsak, Point, Status, compute
from utsatta.load.yamlread import parse
from utsatta.model.indikator import Berakning, IndikatorFil
from utsatta.model.omraden import NIVAER_PA_LISTAN, Niva, OmradenFil

ROOT = Path(__file__).resolve().parents[1]
SU: tuple[Niva, ...] = ("sarskilt-utsatt",)
TRE: tuple[Niva, ...] = ("utsatt", "riskomrade", "sarskilt-utsatt")


def _area(id_: str, levels: dict[int, str], sakerhet: str = "bekraftad") -> dict[str, Any]:
    return {
        "id": id_,
        "namn": id_.title(),
        "klassning": [
            {"upplaga": ar, "niva": niva, "sakerhet": sakerhet, "kallor": [f"k{ar}"]}
            for ar, niva in levels.items()
        ],
    }


def _fil(*areas: dict[str, Any]) -> OmradenFil:
    # the sources are the police's own: a bekräftad level is then unmarked, and a count of such
    # levels bekraftad (one of another kind is bekraftad-ej-polisen: docs/decisions/0500)
    return OmradenFil.model_validate(
        {
            "schemaversion": 1,
            "kallor": [
                {"id": f"k{ar}", "utgivare": "Polisen", "sakerhet": "bekraftad", "slag": "polisen"}
                for ar in (2019, 2021, 2023)
            ],
            "upplagor": [
                {"ar": ar, "titel": f"Lägesbild {ar}", "utgivare": "Polisen"}
                for ar in (2021, 2019, 2023)  # out of order on purpose
            ],
            "omraden": list(areas),
        }
    )


def _known() -> OmradenFil:
    """Four areas whose levels are all known; 'd' came onto the list after 2021."""
    return _fil(
        _area("a", {2019: "sarskilt-utsatt", 2021: "sarskilt-utsatt", 2023: "riskomrade"}),
        _area("b", {2019: "riskomrade", 2021: "utsatt", 2023: "utsatt"}),
        _area("c", {2019: "utsatt", 2021: "ej-pa-listan", 2023: "utsatt"}, "sekundar"),
        _area(
            "d", {2019: "ej-pa-listan", 2021: "ej-pa-listan", 2023: "sarskilt-utsatt"}, "slutledd"
        ),
    )


def _pts(serie: Serie) -> list[tuple[int, float]]:
    return [(p.ar, p.varde) for p in serie.punkter]


def test_counts_is_three_valued() -> None:
    assert counts("riskomrade", TRE) is True
    assert counts("ej-pa-listan", TRE) is False
    # on the list, utsatt or riskområde unknown: on the list, not särskilt utsatt, R open
    assert counts("pa-listan-niva-okand", TRE) is True
    assert counts("pa-listan-niva-okand", SU) is False
    assert counts("pa-listan-niva-okand", ("riskomrade",)) is None
    assert counts("pa-listan-niva-okand", ("riskomrade", "sarskilt-utsatt")) is None
    # okand may be anything, off the list too
    assert counts("okand", TRE) is None
    assert counts("okand", SU) is None
    assert counts("okand", ("okand",)) is True  # asked for by name
    assert "pa-listan-niva-okand" in NIVAER_PA_LISTAN


def test_change_between_uses_the_levels_an_unknown_level_may_stand_for() -> None:
    """The same rule as :func:`counts`: on the list at an unknown level is not särskilt utsatt."""
    assert change_between("sarskilt-utsatt", "pa-listan-niva-okand") == "lagre"
    assert change_between("pa-listan-niva-okand", "sarskilt-utsatt") == "hogre"
    assert change_between("ej-pa-listan", "pa-listan-niva-okand") == "ny"
    assert change_between("pa-listan-niva-okand", "ej-pa-listan") == "lamnat"
    assert change_between("riskomrade", "pa-listan-niva-okand") is None  # same or lower
    assert change_between("utsatt", "pa-listan-niva-okand") is None  # same or higher
    assert change_between("pa-listan-niva-okand", "pa-listan-niva-okand") is None
    assert change_between("sarskilt-utsatt", "okand") is None  # may have left the list
    assert change_between("okand", "ej-pa-listan") is None
    assert change_between("utsatt", "riskomrade") == "hogre"
    assert change_between("riskomrade", "riskomrade") == "oforandrad"
    assert change_between("ej-pa-listan", "ej-pa-listan") == "ej-pa-listan"
    assert niva_text("pa-listan-niva-okand") == (
        "på listan men inte som särskilt utsatt område (nivån anges inte)"
    )
    assert niva_text("okand") == (
        "särskilt utsatt område eller riskområde eller utsatt område eller ej på listan"
    )
    assert niva_text("sarskilt-utsatt") == "särskilt utsatt område"


def test_shows_direction_only_for_counts_closed_upwards() -> None:
    assert shows_direction(SU)
    assert shows_direction(("riskomrade", "sarskilt-utsatt"))
    assert shows_direction(TRE)
    assert not shows_direction(("riskomrade",))
    assert not shows_direction(("utsatt",))
    assert not shows_direction(("utsatt", "riskomrade"))
    assert not shows_direction(("utsatt", "sarskilt-utsatt"))
    assert not shows_direction(())


def test_count_per_edition_with_certainty_and_sources() -> None:
    """A count is as sure as every klassning of the edition, counted or not: d's inferred level
    (slutledd in every edition) makes every count inferred, the count of 1 särskilt utsatt too,
    since it is 1 only if d is not särskilt utsatt (docs/decisions/0666)."""
    fil = _known()
    assert count_per_edition(fil, SU) == Serie(
        (
            Point(2019, 1.0, sakerhet="slutledd", kallor=("k2019",)),
            Point(2021, 1.0, sakerhet="slutledd", kallor=("k2021",)),
            Point(2023, 1.0, sakerhet="slutledd", kallor=("k2023",)),
        )
    )
    for nivaer in (("riskomrade",), TRE):
        assert [(p.ar, p.varde, p.sakerhet) for p in count_per_edition(fil, nivaer).punkter] == [
            (2019, *n) for n in [(1 if nivaer != TRE else 3, "slutledd")]
        ] + [
            (2021, 0 if nivaer != TRE else 2, "slutledd"),
            (2023, 1 if nivaer != TRE else 4, "slutledd"),
        ]


def test_a_count_rests_on_the_areas_it_does_not_count() -> None:
    """Hisings Backa 2021: the count of 1 riskområde (Tynnered, bekräftad) is 1 only because the
    other area is not a riskområde, and that level is second-hand; the count is second-hand too.
    Its sources are every level's, in file order."""
    fil = OmradenFil.model_validate(
        {
            "schemaversion": 1,
            "kallor": [
                {"id": "polis", "utgivare": "Polisen", "sakerhet": "bekraftad", "slag": "polisen"},
                {"id": "press", "utgivare": "GP", "sakerhet": "sekundar", "slag": "press"},
            ],
            "upplagor": [{"ar": 2021, "titel": "Lägesbild 2021", "utgivare": "Polisen"}],
            "omraden": [
                {
                    "id": "tynnered",
                    "namn": "Tynnered",
                    "klassning": [
                        {
                            "upplaga": 2021,
                            "niva": "riskomrade",
                            "sakerhet": "bekraftad",
                            "kallor": ["polis"],
                        }
                    ],
                },
                {
                    "id": "hisings-backa",
                    "namn": "Hisings Backa",
                    "klassning": [
                        {
                            "upplaga": 2021,
                            "niva": "utsatt",
                            "sakerhet": "sekundar",
                            "kallor": ["press"],
                        }
                    ],
                },
            ],
        }
    )
    assert count_per_edition(fil, ("riskomrade",)) == Serie(
        (Point(2021, 1.0, sakerhet="sekundar", kallor=("polis", "press")),)
    )
    # the same for the other level and for the whole list: every level of the edition counts
    assert count_per_edition(fil, ("utsatt",)).punkter[0].sakerhet == "sekundar"
    assert count_per_edition(fil, TRE).punkter[0].sakerhet == "sekundar"


def test_an_unknown_level_leaves_a_gap_only_where_it_matters() -> None:
    fil = _fil(
        _area("a", {2021: "sarskilt-utsatt", 2023: "sarskilt-utsatt"}),
        _area("b", {2021: "riskomrade", 2023: "pa-listan-niva-okand"}),
        _area("c", {2021: "utsatt", 2023: "okand"}),
    )
    # särskilt utsatt: b is not (pa-listan-niva-okand), c may be (okand) → 2023 open
    serie = count_per_edition(fil, SU)
    # no area has a klassning for 2019: unknown, as with niva: okand (never "off the list", 0)
    assert _pts(serie) == [(2021, 1)]
    assert serie.luckor == (
        Lucka(2019, Orsak.NIVA_OKAND, ("a", "b", "c"), ("A", "B", "C")),
        Lucka(2023, Orsak.NIVA_OKAND, ("c",), ("C",)),
    )
    # riskområden: b and c both open
    assert count_per_edition(fil, ("riskomrade",)).luckor[1:] == (
        Lucka(2023, Orsak.NIVA_OKAND, ("b", "c"), ("B", "C")),
    )
    # on the list: b is on it, c (okand) may have left it
    assert count_per_edition(fil, TRE).luckor[1].omraden == ("c",)
    fil = _fil(
        _area("a", {2021: "sarskilt-utsatt", 2023: "sarskilt-utsatt"}),
        _area("b", {2021: "riskomrade", 2023: "pa-listan-niva-okand"}),
    )
    assert _pts(count_per_edition(fil, TRE)) == [(2021, 2), (2023, 2)]  # as 8, 2025
    assert _pts(count_per_edition(fil, SU)) == [(2021, 1), (2023, 1)]  # as 4 SU
    assert _pts(count_per_edition(fil, ("riskomrade",))) == [(2021, 1)]
    assert unknown_areas(fil, 2023) == ["b"]
    assert areas_in(fil, 2023, ("pa-listan-niva-okand",)) == ["b"]


def test_new_areas() -> None:
    fil = _known()
    # compared with 2021: c and d were ej-pa-listan → new in 2023
    assert new_area_ids(fil, 2023, TRE, 2021) == ["c", "d"]
    assert _pts(new_areas(fil, TRE, 2021)) == [(2023, 2)]
    assert _pts(new_areas(fil, SU, 2021)) == [(2023, 1)]  # only d
    assert _pts(new_areas(fil, TRE, 2019)) == [(2021, 0), (2023, 1)]  # d, off the list in 2019
    with pytest.raises(ValueError, match="2020 är ingen upplaga"):
        new_areas(fil, TRE, 2020)
    # okand in the reference edition: whether it is new is open, so is the count
    fil = _fil(
        _area("a", {2021: "okand", 2023: "utsatt"}),
        _area("b", {2021: "utsatt", 2023: "pa-listan-niva-okand"}),
    )
    serie = new_areas(fil, TRE, 2021)
    assert (serie.punkter, [g.omraden for g in serie.luckor]) == ((), [("a",)])
    assert new_area_ids(fil, 2023, TRE, 2021) == []  # never claimed as new


def test_points_for_and_baseline_for() -> None:
    fil = _known()
    antal = Berakning(typ="antal-omraden", nivaer=list(TRE))
    nya = Berakning(typ="nya-omraden", nivaer=list(TRE), jamfor_med=2021)
    assert points_for(antal, fil) == count_per_edition(fil, TRE)
    assert _pts(points_for(nya, fil)) == [(2023, 2)]
    base = baseline_for(antal, fil, 2022)  # the last edition before the plan's first year
    assert isinstance(base, Point) and (base.ar, base.varde) == (2021, 2.0)
    base = baseline_for(antal, fil, 2026)  # a later plan: its own baseline, not 2021's
    assert isinstance(base, Point) and (base.ar, base.varde) == (2023, 4.0)
    assert baseline_for(antal, fil, 2019) is None  # no edition before the plan
    assert baseline_for(antal, fil, None) is None  # no plan, no plan's baseline
    assert [baslinje_upplaga([2019, 2021, 2023], y) for y in (2019, 2021, 2022, 2024, 2030)] == [
        None,
        2019,
        2021,
        2023,
        2023,
    ]
    base = baseline_for(nya, fil, 2022)  # nothing is new compared with itself: 0 by definition
    assert base == Point(2021, 0.0, sakerhet=None, kallor=())
    with pytest.raises(ValueError, match="jamfor_med"):
        points_for(Berakning(typ="nya-omraden", nivaer=["utsatt"]), fil)
    unknown = _fil(_area("a", {2021: "okand"}))
    assert baseline_for(antal, unknown, 2022) == Lucka(2021, Orsak.NIVA_OKAND, ("a",), ("A",))


def test_moves_text_says_what_the_police_did_not_better_or_worse() -> None:
    """A lower level is the police's judgement, not an improvement (sann25 item 3): a move on
    the list says "lägre nivå" or "högre nivå"; onto or off the list says itself."""
    fil = _known()
    # riskområden 2021 → 2023: a in from SU; none out
    assert moves_text(fil, ["riskomrade"], 2021, 2023) == (
        "A in från särskilt utsatt område (lägre nivå)"
    )
    # utsatta 2019 → 2021: b in from R, c off the list
    assert moves_text(fil, ["utsatt"], 2019, 2021) == (
        "B in från riskområde (lägre nivå); C ut till ej på listan"
    )
    # 2021 → 2023: c in from off the list
    assert moves_text(fil, ["utsatt"], 2021, 2023) == "C in från ej på listan"
    # särskilt utsatta 2021 → 2023: a out to riskområde, d in from off the list
    assert moves_text(fil, SU, 2021, 2023) == (
        "A ut till riskområde (lägre nivå); D in från ej på listan"
    )
    # backwards, 2021 → 2019: b up to riskområde
    assert moves_text(fil, ["utsatt"], 2021, 2019) == (
        "B ut till riskområde (högre nivå); C in från ej på listan"
    )
    assert moves_text(fil, SU, 2019, 2019) == "inga områden har kommit till eller lämnat nivån"


# --- the real data -----------------------------------------------------------------------------


def _real() -> OmradenFil:
    path = ROOT / "data" / "omraden.yaml"
    if not path.exists():
        pytest.skip("data/omraden.yaml finns inte")
    return OmradenFil.model_validate(parse(path.read_text(encoding="utf-8")).data)


def _by_year(serie: Serie) -> dict[int, float]:
    return {p.ar: p.varde for p in serie.punkter}


def test_real_counts_match_fakta() -> None:
    fil = _real()
    su = _by_year(count_per_edition(fil, SU))
    # fakta.md §2: 6 SU 2019 (after Gårdsten left), 5 SU 2021 (Framtiden), 2023: 4 SU, 2 R, 2 U
    # (Göteborgs Stads statistiksida); 2025: 4 SU and 8 on the list [S]
    assert (su[2019], su[2021], su[2023], su[2025]) == (6, 5, 4, 4)
    assert _by_year(count_per_edition(fil, ("riskomrade",)))[2023] == 2
    assert _by_year(count_per_edition(fil, ("utsatt",)))[2023] == 2
    assert _by_year(count_per_edition(fil, TRE))[2025] == 8
    # Polisen region Väst, Dec 2023: no new areas in Västsverige
    assert _by_year(new_areas(fil, TRE, 2021))[2023] == 0
    # 2015: Hisings Backa and Rannebergen unknown [NF]: no count, not a lower bound
    assert 2015 not in _by_year(count_per_edition(fil, TRE))
    # 2025 riskområden: the press names the areas but not which are riskområden or utsatta
    # (fakta.md §2.2), so the four not särskilt utsatta have an unknown level: a gap, no count
    risk = count_per_edition(fil, ("riskomrade",))
    assert [p for p in risk.punkter if p.ar == 2025] == []
    assert [g for g in risk.luckor if g.ar == 2025] == [
        Lucka(
            2025,
            Orsak.NIVA_OKAND,
            ("biskopsgarden", "gardsten", "tynnered", "hisings-backa"),
            ("Biskopsgården", "Gårdsten", "Tynnered/Grevegården/Opaltorget", "Hisings Backa"),
        )
    ]
    # 2025 särskilt utsatta ("extra utsatt"): 4, from the press only, so second-hand
    su2025 = [p for p in count_per_edition(fil, SU).punkter if p.ar == 2025]
    assert su2025 == [
        Point(
            2025,
            4.0,
            sakerhet="sekundar",
            # kopa-hus.se is no source of a level (sign27 item 8): only the press articles
            kallor=("fastighetsvarlden-2025-12-02", "fastighetstidningen-2025-12-02"),
        )
    ]


def test_real_counts_are_as_sure_as_every_level_they_rest_on() -> None:
    """fakta.md §2.2, per edition: a count is as sure as the weakest level of the edition,
    counted or not (docs/decisions/0666), since it is that number only if the other areas are
    not at the counted levels.

    * 2017: Rannebergen's utsatt is inferred [I] in the file: the count of 9 on the list is
      slutledd. The SU count is the one S Göteborg states ("sju särskilt utsatta områden",
      [C], a party): as sure as that source, not the weakest area (docs/decisions/0675).
    * 2019: Hisings Backa's utsatt is inferred [I]: slutledd.
    * 2021: Hisings Backa's utsatt is second-hand [S]: every count the areas give is
      second-hand, the one riskområde (Tynnered, [C]) too (the auditor's "1 (2021, …)"); the
      SU count is Framtiden's "fem" ([C], the city's housing group).
    * 2023: Göteborgs Stad lists the areas of each of the three levels ([C]): each count, and
      their sum on the list, is the city's, not slutledd by Rannebergen's inferred "ej på
      listan"; 2025: press only.
    * 2015: the count GP states (upplagor: antal) fills the gap the unknown levels leave.
    """
    fil = _real()

    def sure(nivaer: tuple[Niva, ...]) -> dict[int, tuple[float, str | None]]:
        return {p.ar: (p.varde, p.sakerhet) for p in count_per_edition(fil, nivaer).punkter}

    assert sure(SU) == {
        2015: (6, EJ_POLISEN),
        2017: (7, EJ_POLISEN),
        2019: (6, "slutledd"),
        2021: (5, EJ_POLISEN),
        2023: (4, EJ_POLISEN),
        2025: (4, "sekundar"),
    }
    assert sure(TRE) == {
        2017: (9, "slutledd"),
        2019: (9, "slutledd"),
        2021: (8, "sekundar"),
        2023: (8, EJ_POLISEN),
        2025: (8, "sekundar"),
    }
    assert sure(("riskomrade",)) == {
        2017: (0, "slutledd"),
        2019: (1, "slutledd"),
        2021: (1, "sekundar"),
        2023: (2, EJ_POLISEN),
    }
    assert sure(("utsatt",)) == {
        2017: (2, "slutledd"),
        2019: (2, "slutledd"),
        2021: (2, "sekundar"),
        2023: (2, EJ_POLISEN),
    }
    # a stated count rests on its own source only; one the areas give, on the sources of every
    # level, in file order: the React comment (Hisings Backa, Rannebergen) and GP 2019
    # (Rannebergen) too
    su2017 = next(p for p in count_per_edition(fil, SU).punkter if p.ar == 2017)
    assert su2017.kallor == ("s-goteborg-2017",)
    tre2017 = next(p for p in count_per_edition(fil, TRE).punkter if p.ar == 2017)
    assert tre2017.kallor == (
        "s-goteborg-2017",
        "etc-goteborg-2020",
        "tredjepart-react-app-2017",
        "gp-2019-06",
    )
    tre2023 = next(p for p in count_per_edition(fil, TRE).punkter if p.ar == 2023)
    assert tre2023.kallor == ("goteborg-statistik-utsatta-omraden",)


def _indikator(id_: str) -> IndikatorFil:
    path = ROOT / "data" / "indikatorer" / f"{id_}.yaml"
    return IndikatorFil.model_validate(parse(path.read_text(encoding="utf-8")).data)


def test_real_plan_goal_progress_2023() -> None:
    fil = _real()
    ind = _indikator("sarskilt-utsatta-omraden")
    assert ind.berakning is not None and ind.malvarden[0].varde is not None
    base = baseline_for(ind.berakning, fil, 2022)
    assert isinstance(base, Point)
    r = compute(
        ind.metod,
        ind.riktning,
        base,
        points_for(ind.berakning, fil).punkter,
        ind.malvarden[0].varde,
        ind.malvarden[0].ar,
        till_ar=2023,
        planperiod=(2022, 2025),
    )
    # 5 (2021) → 4 (2023), målvärde 0 (2025): (4 − 5)/(0 − 5) = 0,2 on 0,5 of the time → R = 0,4
    assert (r.status, r.kvot) == (Status.OTILLRACKLIG, 0.4)
    nya = _indikator("nya-omraden")
    assert nya.berakning is not None and nya.malvarden[0].varde is not None
    base = baseline_for(nya.berakning, fil, 2022)
    assert isinstance(base, Point)
    r = compute(
        nya.metod,
        nya.riktning,
        base,
        points_for(nya.berakning, fil).punkter,
        nya.malvarden[0].varde,
        nya.malvarden[0].ar,
        till_ar=2023,
    )
    assert r.status is Status.MALVARDE_NATT  # 0 new areas in 2023, målvärde 0 for 2025
