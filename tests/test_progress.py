"""Progress against målvärden: hand-computed examples for every method and status; properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from utsatta.compute.progress import (
    Orsak,
    Point,
    Progress,
    Status,
    compute,
    points_from,
    rank,
    resolve_target,
)
from utsatta.model.indikator import Varde

P = Point
LAGRE = "lagre-ar-battre"
HOGRE = "hogre-ar-battre"


def fb(baslinje: Point | None, utfall: list[Point], mal: float | None, malar: int | None = 2025,
       riktning: str = LAGRE, **kw: int) -> Progress:  # fmt: skip
    return compute("forvantad-bana", riktning, baslinje, utfall, mal, malar, **kw)


# --- status order ------------------------------------------------------------------------------


def test_rank_orders_statuses_best_first_and_ej_bedombar_lowest() -> None:
    order = [
        Status.MALET_UPPNATT,
        Status.I_FAS,
        Status.BEHOVER_OKA_TAKTEN,
        Status.OTILLRACKLIG,
        Status.FEL_RIKTNING,
        Status.EJ_BEDOMBAR,
    ]
    assert [rank(s) for s in order] == [5, 4, 3, 2, 1, 0]


# --- relative målvärde -------------------------------------------------------------------------


def test_resolve_target() -> None:
    assert resolve_target(P(2021, 30.0), None, 0.5) == 15.0  # "halvera": 0,5 × 30 = 15
    assert resolve_target(P(2021, 30.0), 10.0, None) == 10.0  # absolute wins as given
    assert resolve_target(P(2021, 30.0), 0.0, None) == 0.0  # 0 is a målvärde, not "none"
    assert resolve_target(None, None, 0.5) is None  # relative without a baseline: unresolvable
    assert resolve_target(P(2021, 30.0), None, None) is None
    with pytest.raises(ValueError):
        resolve_target(P(2021, 30.0), 10.0, 0.5)


def test_relative_target_used_by_expected_path() -> None:
    base = P(2021, 30.0)
    mal = resolve_target(base, None, 0.5)  # 15
    r = fb(base, [P(2023, 22.5)], mal)
    # actual (22,5 − 30)/(15 − 30) = 0,5; expected (2023 − 2021)/(2025 − 2021) = 0,5; R = 1
    assert (r.status, r.kvot, r.malvarde) == (Status.I_FAS, 1.0, 15.0)


# --- forvantad-bana ----------------------------------------------------------------------------

# Baseline 12 (2021), målvärde 6 (2025), lower is better; at 2023 half the time has passed, so
# R = ((x − 12)/(6 − 12)) / 0,5 = (12 − x)/3.
BASE = P(2021, 12.0)


@pytest.mark.parametrize(
    ("x", "kvot", "status"),
    [
        (9.15, 0.95, Status.I_FAS),  # (12 − 9,15)/3 = 0,95: on the threshold
        (9.16, 0.946666667, Status.BEHOVER_OKA_TAKTEN),  # 2,84/3 = 0,9467 just below
        (9.6, 0.8, Status.BEHOVER_OKA_TAKTEN),  # 2,4/3 = 0,8
        (10.2, 0.6, Status.BEHOVER_OKA_TAKTEN),  # 1,8/3 = 0,6: on the threshold
        (10.21, 0.596666667, Status.OTILLRACKLIG),  # 1,79/3 = 0,5967 just below
        (12.0, 0.0, Status.OTILLRACKLIG),  # no change: 0 is still otillräcklig
        (12.03, -0.01, Status.FEL_RIKTNING),  # −0,03/3 = −0,01
        (6.0, None, Status.MALET_UPPNATT),  # målvärdet exactly
        (5.5, None, Status.MALET_UPPNATT),  # beyond it
    ],
)
def test_expected_path_thresholds_falling_target(
    x: float, kvot: float | None, status: Status
) -> None:
    r = fb(BASE, [P(2023, x)], 6.0)
    assert (r.status, r.orsak, r.kvot) == (status, None, kvot)
    if kvot is not None:
        assert r.trosklar == (0.95, 0.6, 0.0)


def test_expected_path_explanation_shows_the_working() -> None:
    r = fb(BASE, [P(2022, 11.0), P(2023, 9.6)], 6.0)
    assert r.forklaring == (
        "Förväntad bana: 40 % av avståndet till målvärdet (12 → 6) tillryggalagt på 50 % av "
        "tiden (2021–2025), med senaste värdet 9,6 (2023); 0,6 ≤ kvot 0,80 < 0,95 → behöver öka "
        "takten."
    )
    assert (r.baslinje, r.senaste, r.malvarde, r.malar) == (BASE, P(2023, 9.6), 6.0, 2025)


def test_expected_path_rising_target() -> None:
    # (62,5 − 50)/(100 − 50) = 0,25 of the distance after (2022 − 2021)/4 = 0,25 of the time: R = 1
    r = fb(P(2021, 50.0), [P(2022, 62.5)], 100.0, riktning=HOGRE)
    assert (r.status, r.kvot) == (Status.I_FAS, 1.0)
    # a fall when higher is better: (45 − 50)/50 = −0,1 → R = −0,4
    r = fb(P(2021, 50.0), [P(2022, 45.0)], 100.0, riktning=HOGRE)
    assert (r.status, r.kvot) == (Status.FEL_RIKTNING, -0.4)


def test_expected_path_zero_values() -> None:
    # baseline 0, målvärde 100: (50 − 0)/100 = 0,5 on 0,5 of the time → R = 1
    r = fb(P(2021, 0.0), [P(2023, 50.0)], 100.0, riktning=HOGRE)
    assert (r.status, r.kvot) == (Status.I_FAS, 1.0)
    # the police count: 5 särskilt utsatta 2021, målvärde 0 2025, 4 in 2023:
    # (4 − 5)/(0 − 5) = 0,2 on 0,5 of the time → R = 0,4
    r = fb(P(2021, 5.0), [P(2023, 4.0)], 0.0)
    assert (r.status, r.kvot) == (Status.OTILLRACKLIG, 0.4)
    # latest value 0 meets målvärde 0
    assert fb(P(2021, 5.0), [P(2023, 0.0)], 0.0).status is Status.MALET_UPPNATT


def test_expected_path_baseline_already_at_target() -> None:
    # "inga nya områden": baseline 0, målvärde 0; 0 later is met, 1 later is the wrong way
    assert fb(P(2021, 0.0), [P(2023, 0.0)], 0.0).status is Status.MALET_UPPNATT
    r = fb(P(2021, 0.0), [P(2023, 1.0)], 0.0)
    assert (r.status, r.kvot, r.trosklar) == (Status.FEL_RIKTNING, None, ())
    assert "nådde redan målvärdet 0" in r.forklaring
    # baseline beyond the målvärde (3 ≥ 2, higher is better), latest 1 below it
    assert fb(P(2021, 3.0), [P(2023, 1.0)], 2.0, riktning=HOGRE).status is Status.FEL_RIKTNING


def test_expected_path_target_already_met_by_latest() -> None:
    r = fb(P(2021, 3.0), [P(2022, 5.0)], 5.0, riktning=HOGRE)
    assert (r.status, r.orsak, r.kvot) == (Status.MALET_UPPNATT, None, None)
    assert r.forklaring == (
        "Målvärdet 5 (2025) är nått: senaste värdet 5 (2022) ≥ 5 (högre är bättre) → målet uppnått."
    )


def test_expected_path_at_or_after_target_year_cannot_be_i_fas() -> None:
    # 2026 after målår 2025: expected share 1; (12 − 6,2)/6 = 0,9667 ≥ 0,95 but the deadline passed
    r = fb(BASE, [P(2026, 6.2)], 6.0)
    assert (r.status, r.kvot) == (Status.BEHOVER_OKA_TAKTEN, 0.966666667)
    assert "målåret 2025 är nått utan att målvärdet nåtts" in r.forklaring
    # in the målår itself: (12 − 7)/6 = 0,8333, expected 1 → R = 0,8333
    r = fb(BASE, [P(2025, 7.0)], 6.0)
    assert (r.status, r.kvot) == (Status.BEHOVER_OKA_TAKTEN, 0.833333333)
    # (12 − 9,6)/6 = 0,4 → otillräcklig
    assert fb(BASE, [P(2027, 9.6)], 6.0).status is Status.OTILLRACKLIG


def test_expected_path_target_year_not_after_baseline() -> None:
    # målår 2021 = baseline year: the whole distance is due at once; (12 − 9)/6 = 0,5 → R = 0,5
    r = fb(BASE, [P(2023, 9.0)], 6.0, malar=2021)
    assert (r.status, r.kvot) == (Status.OTILLRACKLIG, 0.5)


def test_expected_path_uses_latest_value_up_to_till_ar() -> None:
    utfall = [P(2022, 11.0), P(2023, 9.6), P(2024, 6.0)]
    assert fb(BASE, utfall, 6.0).status is Status.MALET_UPPNATT  # 2024: met
    r = fb(BASE, utfall, 6.0, till_ar=2023)
    assert (r.status, r.senaste) == (Status.BEHOVER_OKA_TAKTEN, P(2023, 9.6))
    r = fb(BASE, utfall, 6.0, till_ar=2021)
    assert (r.status, r.orsak) == (Status.EJ_BEDOMBAR, Orsak.SAKNAR_DATA)
    assert r.forklaring == "Det finns inga utfall t.o.m. 2021."


def test_baseline_wins_over_utfall_in_baseline_year_and_earlier_values_are_ignored() -> None:
    # the 2021 utfall 99 and the 2019 value are ignored: baseline 12 → 9,6 gives R = 0,8
    r = fb(BASE, [P(2019, 50.0), P(2021, 99.0), P(2023, 9.6)], 6.0)
    assert (r.status, r.kvot) == (Status.BEHOVER_OKA_TAKTEN, 0.8)


# --- ej bedömbar -------------------------------------------------------------------------------


def test_saknar_data_without_utfall() -> None:
    r = fb(BASE, [], 6.0)
    assert (r.status, r.orsak, r.kvot, r.senaste) == (
        Status.EJ_BEDOMBAR,
        Orsak.SAKNAR_DATA,
        None,
        None,
    )
    assert r.forklaring == "Det finns inga utfall."
    # saknar data comes first, also without baseline and målvärde (gymnasiebehörighet today)
    r = compute(None, LAGRE, None, [], resolve_target(None, None, 0.5), 2025)
    assert (r.status, r.orsak, r.metod) == (Status.EJ_BEDOMBAR, Orsak.SAKNAR_DATA, "trend")


def test_saknar_data_without_baseline() -> None:
    # no baseline is not replaced by the first utfall
    for metod in ("forvantad-bana", "cagr", "cagr-mal"):
        r = compute(metod, LAGRE, None, [P(2022, 11.0), P(2023, 9.6)], 6.0, 2025)
        assert (r.status, r.orsak) == (Status.EJ_BEDOMBAR, Orsak.SAKNAR_DATA), metod
        assert "ingen baslinje" in r.forklaring


def test_saknar_malvarde() -> None:
    for metod in ("forvantad-bana", "cagr-mal"):
        r = compute(metod, LAGRE, BASE, [P(2023, 9.6)], None, None)
        assert (r.status, r.orsak, r.metod) == (Status.EJ_BEDOMBAR, Orsak.SAKNAR_MALVARDE, metod)
    # a målvärde without målår cannot be followed up either
    r = compute("forvantad-bana", LAGRE, BASE, [P(2023, 9.6)], 6.0, None)
    assert (r.orsak, r.malvarde) == (Orsak.SAKNAR_MALVARDE, None)


def test_for_fa_matpunkter_only_baseline() -> None:
    r = fb(BASE, [P(2021, 12.0)], 6.0)
    assert (r.status, r.orsak) == (Status.EJ_BEDOMBAR, Orsak.FOR_FA_MATPUNKTER)
    assert r.forklaring == "Det finns inget utfall efter baslinjen 2021; minst ett behövs."


def test_andrad_metod_after_baseline() -> None:
    r = fb(BASE, [P(2022, 11.0), P(2023, 9.6, metodbyte=True)], 6.0)
    assert (r.status, r.orsak) == (Status.EJ_BEDOMBAR, Orsak.ANDRAD_METOD)
    assert r.forklaring.startswith("Mätmetoden ändrades 2023, efter baslinjen 2021;")
    # a change in the baseline year (or before) does not break the series after it
    r = fb(BASE, [P(2021, 12.0, metodbyte=True), P(2023, 9.6)], 6.0)
    assert r.status is Status.BEHOVER_OKA_TAKTEN
    # ändrad metod is checked before målet uppnått
    assert fb(BASE, [P(2023, 5.0, metodbyte=True)], 6.0).orsak is Orsak.ANDRAD_METOD


def test_caller_errors_raise() -> None:
    with pytest.raises(ValueError, match="riktning"):
        compute(None, "hogre", BASE, [P(2023, 1.0)], None, None)
    with pytest.raises(ValueError, match="metod"):
        compute("linjar", LAGRE, BASE, [P(2023, 1.0)], None, None)
    with pytest.raises(ValueError, match="två utfall för år 2023"):
        compute(None, LAGRE, BASE, [P(2023, 1.0), P(2023, 2.0)], None, None)
    with pytest.raises(ValueError, match="ändliga"):
        compute(None, LAGRE, BASE, [P(2023, float("nan"))], None, None)


def test_default_method() -> None:
    assert compute(None, LAGRE, BASE, [P(2023, 9.6)], 6.0, 2025).metod == "forvantad-bana"
    assert compute(None, LAGRE, BASE, [P(2023, 9.6)], None, None).metod == "trend"


# --- cagr (Open SDG method 1) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "kvot", "status"),
    [
        # one year, higher is better: P = x/100 − 1
        (101.5, 0.015, Status.I_FAS),  # on the threshold
        (101.49, 0.0149, Status.BEHOVER_OKA_TAKTEN),
        (100.5, 0.005, Status.BEHOVER_OKA_TAKTEN),  # on the threshold
        (100.49, 0.0049, Status.OTILLRACKLIG),
        (100.0, 0.0, Status.OTILLRACKLIG),
        (99.99, -0.0001, Status.FEL_RIKTNING),
    ],
)
def test_cagr_thresholds(x: float, kvot: float, status: Status) -> None:
    r = compute("cagr", HOGRE, P(2020, 100.0), [P(2021, x)], None, None)
    assert (r.status, r.kvot, r.trosklar) == (status, kvot, (0.015, 0.005, 0.0))


def test_cagr_falling_two_years() -> None:
    # √(97/100) − 1 = −0,0151142; lower is better: P = 0,0151142 ≥ 0,015
    r = compute("cagr", LAGRE, P(2020, 100.0), [P(2022, 97.0)], None, None)
    assert r.status is Status.I_FAS
    assert r.kvot == pytest.approx(0.0151142, abs=1e-7)
    assert r.forklaring == (
        "CAGR (Open SDG metod 1): årlig förändring −1,51 % från 100 (2020) till 97 (2022); "
        "lägre är bättre, P 0,0151 ≥ 0,015 → i fas."
    )


def test_cagr_zero_values() -> None:
    # base 0 → 0,001 as in Open SDG: 0,002/0,001 − 1 = 1
    r = compute("cagr", HOGRE, P(2020, 0.0), [P(2021, 0.002)], None, None)
    assert (r.status, r.kvot) == (Status.I_FAS, 1.0)
    assert "Basvärdet 0 räknas som 0,001, som i Open SDG." in r.forklaring
    # latest 0 from 10, lower is better: (0/10)^(1/2) − 1 = −1 → P = 1
    r = compute("cagr", LAGRE, P(2020, 10.0), [P(2022, 0.0)], None, None)
    assert (r.status, r.kvot) == (Status.I_FAS, 1.0)


def test_cagr_negative_base_flips_sign() -> None:
    # −9/−10 − 1 = −0,1; s = −1, d = +1: P = 0,1 (−9 is higher than −10: better)
    r = compute("cagr", HOGRE, P(2020, -10.0), [P(2021, -9.0)], None, None)
    assert (r.status, r.kvot) == (Status.I_FAS, 0.1)


def test_cagr_sign_change_is_not_applicable() -> None:
    r = compute("cagr", HOGRE, P(2020, -10.0), [P(2021, 5.0)], None, None)
    assert (r.status, r.orsak) == (Status.EJ_BEDOMBAR, Orsak.EJ_TILLAMPBAR)


def test_cagr_with_target_met() -> None:
    r = compute("cagr", HOGRE, P(2020, 10.0), [P(2021, 20.0)], 15.0, 2025)
    assert r.status is Status.MALET_UPPNATT


# --- cagr-mal (Open SDG method 2) --------------------------------------------------------------

# Baseline 100 (2020), målvärde 81 (2022), lower is better: CAGR_req = √0,81 − 1 = −0,1; after one
# year CAGR_obs = x/100 − 1, so P = −(x/100 − 1)/0,1 = 10·(1 − x/100).


@pytest.mark.parametrize(
    ("x", "kvot", "status"),
    [
        (90.5, 0.95, Status.I_FAS),  # 10 × 0,095
        (90.6, 0.94, Status.BEHOVER_OKA_TAKTEN),
        (94.0, 0.6, Status.BEHOVER_OKA_TAKTEN),
        (94.1, 0.59, Status.OTILLRACKLIG),
        (100.0, 0.0, Status.OTILLRACKLIG),
        (100.1, -0.01, Status.FEL_RIKTNING),
        (81.0, None, Status.MALET_UPPNATT),
    ],
)
def test_cagr_mal_thresholds(x: float, kvot: float | None, status: Status) -> None:
    r = compute("cagr-mal", LAGRE, P(2020, 100.0), [P(2021, x)], 81.0, 2022)
    assert (r.status, r.kvot) == (status, kvot)


def test_cagr_mal_zero_target_and_zero_base() -> None:
    # target 0 → 0,001: CAGR_req = (0,001/5)^(1/4) − 1 = −0,881079; CAGR_obs = √(4/5) − 1 =
    # −0,105573; P = 0,105573/0,881079 = 0,119822
    r = compute("cagr-mal", LAGRE, P(2021, 5.0), [P(2023, 4.0)], 0.0, 2025)
    assert (r.status, r.kvot) == (Status.OTILLRACKLIG, 0.119822144)
    assert "Målvärdet 0 räknas som 0,001 i takten" in r.forklaring
    # the real target 0 (not 0,001) decides whether it is met
    assert compute("cagr-mal", LAGRE, P(2021, 5.0), [P(2023, 0.0)], 0.0, 2025).status is (
        Status.MALET_UPPNATT
    )
    # base 0 → 0,001: CAGR_req = (10/0,001)^(1/2) − 1 = 99; CAGR_obs = 0,1/0,001 − 1 = 99 → P = 1
    r = compute("cagr-mal", HOGRE, P(2020, 0.0), [P(2021, 0.1)], 10.0, 2022)
    assert (r.status, r.kvot) == (Status.I_FAS, 1.0)


def test_cagr_mal_negative_base() -> None:
    # CAGR_req = (−81/−100)^(1/2) − 1 = −0,1; CAGR_obs = −90/−100 − 1 = −0,1; s = −1, d = +1:
    # P = (−1)(+1)(−0,1)/0,1 = 1
    r = compute("cagr-mal", HOGRE, P(2020, -100.0), [P(2021, -90.0)], -81.0, 2022)
    assert (r.status, r.kvot) == (Status.I_FAS, 1.0)


def test_cagr_mal_not_applicable() -> None:
    # målår not after the baseline: no required rate
    r = compute("cagr-mal", LAGRE, P(2021, 5.0), [P(2023, 4.0)], 1.0, 2021)
    assert (r.status, r.orsak) == (Status.EJ_BEDOMBAR, Orsak.EJ_TILLAMPBAR)
    # baseline and målvärde of opposite signs
    r = compute("cagr-mal", LAGRE, P(2021, 5.0), [P(2023, 4.0)], -1.0, 2025)
    assert r.orsak is Orsak.EJ_TILLAMPBAR


def test_cagr_mal_baseline_at_target_then_worse() -> None:
    r = compute("cagr-mal", LAGRE, P(2021, 0.0), [P(2023, 1.0)], 0.0, 2025)
    assert r.status is Status.FEL_RIKTNING


# --- trend -------------------------------------------------------------------------------------

# Three equally spaced points: the slope is (x₃ − x₁)/2. Starting at 100 the band is ±0,5 per year.


@pytest.mark.parametrize(
    ("x3", "kvot", "status"),
    [
        (101.02, 0.51, Status.I_FAS),  # (101,02 − 100)/2 = 0,51 > 0,5
        (101.0, 0.5, Status.OTILLRACKLIG),  # on the edge of the band: inside
        (99.0, -0.5, Status.OTILLRACKLIG),
        (98.98, -0.51, Status.FEL_RIKTNING),
    ],
)
def test_trend_tolerance_band(x3: float, kvot: float, status: Status) -> None:
    r = compute("trend", HOGRE, P(2020, 100.0), [P(2021, 100.5), P(2022, x3)], None, None)
    assert (r.status, r.kvot, r.trosklar) == (status, kvot, (0.5, -0.5))


def test_trend_falling_is_better() -> None:
    # barn ej i förskola 15,9 / 15,7 / 15,7: slope (15,7 − 15,9)/2 = −0,1; lower is better → +0,1;
    # band 0,5 % × 15,9 = 0,0795
    utfall = [P(2017, 15.9), P(2018, 15.7), P(2019, 15.7)]
    r = compute(None, LAGRE, P(2017, 15.9), utfall, None, None)
    assert (r.metod, r.status, r.kvot, r.trosklar) == (
        "trend",
        Status.I_FAS,
        0.1,
        (0.0795, -0.0795),
    )
    assert r.forklaring == (
        "Trend: lutning −0,10 per år (minsta kvadratmetoden, 3 mätpunkter 2017–2019); lägre är "
        "bättre, så kvot 0,10. Toleransen är ±0,0795 per år (0,5 % av startvärdet 15,9); kvot "
        "0,10 > 0,0795 → i fas."
    )


def test_trend_uneven_years_without_baseline() -> None:
    # years 2014, 2018, 2022 (u = 0, 4, 8), values 10, 10, 12: slope = Σ(u − 4)(x − x̄)/Σ(u − 4)²
    # = (−4·(−2/3) + 0 + 4·(4/3))/32 = 8/32 = 0,25 > band 0,05 (0,5 % of 10)
    r = compute("trend", HOGRE, None, [P(2014, 10.0), P(2018, 10.0), P(2022, 12.0)], None, None)
    assert (r.status, r.kvot) == (Status.I_FAS, 0.25)


def test_trend_zero_values() -> None:
    # start 0: no band; flat is otillräcklig, any rise is i fas
    flat = compute("trend", HOGRE, None, [P(2020, 0.0), P(2021, 0.0), P(2022, 0.0)], None, None)
    assert (flat.status, flat.kvot, flat.trosklar) == (Status.OTILLRACKLIG, 0.0, (0.0, 0.0))
    rise = compute("trend", HOGRE, None, [P(2020, 0.0), P(2021, 0.0), P(2022, 1.0)], None, None)
    assert (rise.status, rise.kvot) == (Status.I_FAS, 0.5)


def test_trend_needs_three_points() -> None:
    r = compute(None, HOGRE, P(2014, 79.2), [P(2014, 79.2), P(2018, 81.05)], None, None)
    assert (r.status, r.orsak) == (Status.EJ_BEDOMBAR, Orsak.FOR_FA_MATPUNKTER)
    assert r.forklaring == "Trend kräver minst 3 mätpunkter; här finns 2 (2014, 2018)."
    one = compute(None, HOGRE, None, [P(2018, 81.05)], None, None)
    assert one.orsak is Orsak.FOR_FA_MATPUNKTER


def test_trend_metodbyte() -> None:
    pts = [P(2020, 1.0, metodbyte=True), P(2021, 2.0), P(2022, 3.0)]
    # without a baseline the first point starts the series: its metodbyte breaks nothing
    assert compute("trend", HOGRE, None, pts, None, None).status is Status.I_FAS
    pts[1] = P(2021, 2.0, metodbyte=True)
    r = compute("trend", HOGRE, None, pts, None, None)
    assert (r.orsak, r.forklaring[:53]) == (
        Orsak.ANDRAD_METOD,
        "Mätmetoden ändrades 2021, efter första värdet 2020; v",
    )


def test_trend_with_target_met_and_too_few_points() -> None:
    # målet uppnått is a fact about the latest value; it needs no slope
    r = compute("trend", HOGRE, None, [P(2020, 1.0), P(2021, 5.0)], 5.0, 2025)
    assert r.status is Status.MALET_UPPNATT


# --- points_from -------------------------------------------------------------------------------


def test_points_from_selects_one_series() -> None:
    utfall = [
        Varde(ar=2018, varde=81.05, kalla="k"),
        Varde(ar=2014, varde=79.2, kalla="k", kon="T"),
        Varde(ar=2014, varde=37.9, kalla="k", omrade="gardsten"),
        Varde(ar=2014, varde=78.0, kalla="k", kon="K"),
    ]
    assert points_from(utfall) == [P(2014, 79.2), P(2018, 81.05)]
    assert points_from(utfall, omrade="gardsten") == [P(2014, 37.9)]
    assert points_from(utfall, kon="K") == [P(2014, 78.0)]


# --- properties: a better latest value never gives a worse status ------------------------------

years = st.integers(min_value=1990, max_value=2040)
reals = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positives = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
steps = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False)
riktningar = st.sampled_from([HOGRE, LAGRE])


def _better(x: float, step: float, riktning: str, floor: float | None = None) -> float:
    y = x + step if riktning == HOGRE else x - step
    return max(y, floor) if floor is not None else y


@given(riktningar, years, reals, reals, st.integers(1, 15), reals, st.integers(-3, 10), steps)
def test_property_expected_path(
    riktning: str, t0: int, x0: float, mal: float, dt: int, x: float, dmal: int, step: float
) -> None:
    before = fb(P(t0, x0), [P(t0 + dt, x)], mal, t0 + dmal, riktning)
    after = fb(P(t0, x0), [P(t0 + dt, _better(x, step, riktning))], mal, t0 + dmal, riktning)
    assert before.status is not Status.EJ_BEDOMBAR
    assert rank(after.status) >= rank(before.status)


@given(riktningar, years, positives, st.integers(1, 15), positives, steps)
def test_property_cagr(riktning: str, t0: int, x0: float, dt: int, x: float, step: float) -> None:
    # positive values: CAGR is undefined across a sign change (tested above)
    def status(v: float) -> Status:
        return compute("cagr", riktning, P(t0, x0), [P(t0 + dt, v)], None, None).status

    assert rank(status(_better(x, step, riktning, floor=0.0))) >= rank(status(x))


@given(riktningar, years, positives, positives, st.integers(1, 15), positives, st.integers(1, 10),
       steps)  # fmt: skip
def test_property_cagr_mal(
    riktning: str, t0: int, x0: float, mal: float, dt: int, x: float, dmal: int, step: float
) -> None:
    def progress(v: float) -> Progress:
        return compute("cagr-mal", riktning, P(t0, x0), [P(t0 + dt, v)], mal, t0 + dmal)

    before, after = progress(x), progress(_better(x, step, riktning, floor=0.0))
    assume(before.orsak is not Orsak.EJ_TILLAMPBAR)  # målvärde ≈ baseline: no required rate
    assert rank(after.status) >= rank(before.status)


@given(
    riktningar,
    st.lists(years, min_size=3, max_size=8, unique=True),
    st.lists(reals, min_size=8, max_size=8),
    steps,
    st.one_of(st.none(), reals),
)
def test_property_trend(
    riktning: str, yrs: list[int], values: list[float], step: float, mal: float | None
) -> None:
    yrs.sort()
    pts = [P(t, v) for t, v in zip(yrs, values, strict=False)]
    better = [*pts[:-1], P(pts[-1].ar, _better(pts[-1].varde, step, riktning))]
    malar = None if mal is None else 2050
    before = compute("trend", riktning, None, pts, mal, malar)
    after = compute("trend", riktning, None, better, mal, malar)
    assert before.status is not Status.EJ_BEDOMBAR
    assert rank(after.status) >= rank(before.status)


# --- the shipped indicators --------------------------------------------------------------------


def test_shipped_indicators_compute() -> None:
    """Every file in data/indikatorer validates, cites its own sources and computes."""
    from pathlib import Path

    from utsatta.compute import police
    from utsatta.load.yamlread import parse
    from utsatta.model.indikator import IndikatorFil
    from utsatta.model.omraden import OmradenFil

    root = Path(__file__).resolve().parents[1] / "data"
    files = sorted((root / "indikatorer").glob("*.yaml"))
    if not files:
        pytest.skip("data/indikatorer är tom")
    omraden_path = root / "omraden.yaml"
    omraden = None
    if omraden_path.exists():
        omraden = OmradenFil.model_validate(parse(omraden_path.read_text(encoding="utf-8")).data)
    statuses = {}
    for path in files:
        ind = IndikatorFil.model_validate(parse(path.read_text(encoding="utf-8")).data)
        assert path.stem == ind.id
        cited = {v.kalla for v in ind.utfall} | {m.kalla for m in ind.malvarden if m.kalla}
        if ind.baslinje is not None and ind.baslinje.kalla is not None:
            cited.add(ind.baslinje.kalla)
        assert cited <= {k.id for k in ind.kallor}, path.name
        # a value or a computation, or a reason why there is none
        assert ind.utfall or ind.berakning or ind.saknas, path.name
        if ind.berakning is not None:
            if omraden is None:
                continue
            serie = police.points_for(ind.berakning, omraden)
            base = police.baseline_for(ind.berakning, omraden)
        else:
            serie = points_from(ind.utfall)
            base = P(ind.baslinje.ar, ind.baslinje.varde) if ind.baslinje else None
        mal = ind.malvarden[-1] if ind.malvarden else None
        malvarde = None
        if mal is not None:
            faktor = mal.relativt.faktor if mal.relativt else None
            malvarde = resolve_target(base, mal.varde, faktor)
        r = compute(ind.metod, ind.riktning, base, serie, malvarde, mal.ar if mal else None)
        assert (r.status is Status.EJ_BEDOMBAR) == (r.orsak is not None)
        statuses[ind.id] = (r.status, r.orsak)
    # no sourced value: ej bedömbar, saknar data
    gymn = statuses.get("gymnasiebehorighet-utsatta-omraden")
    assert gymn in (None, (Status.EJ_BEDOMBAR, Orsak.SAKNAR_DATA))


def test_the_target_that_applies_is_chosen_by_year_not_file_order() -> None:
    """With målvärden for 2025 (90) and 2022 (78), 2023 is measured against 90, 2021 against 78."""
    from utsatta.compute.indicators import current_target
    from utsatta.model.indikator import IndikatorFil

    ind = IndikatorFil.model_validate(
        {
            "schemaversion": 1,
            "id": "x",
            "namn": "X",
            "enhet": "procent",
            "riktning": "hogre-ar-battre",
            "definition": "Test.",
            "malvarden": [{"ar": 2025, "varde": 90.0}, {"ar": 2022, "varde": 78.0}],
        }
    )
    assert current_target(ind, 2023).varde == 90.0  # type: ignore[union-attr]
    assert current_target(ind, 2021).varde == 78.0  # type: ignore[union-attr]
    assert current_target(ind, 2030).varde == 90.0  # type: ignore[union-attr]
    assert current_target(ind, None).varde == 90.0  # type: ignore[union-attr]


def test_relative_target_without_baseline_is_missing_data_not_a_target() -> None:
    """ "Halvera" with no baseline: the data is missing (the baseline), not the målvärde."""
    target = resolve_target(None, None, 0.5)
    assert target is None
    p = compute("forvantad-bana", "lagre-ar-battre", None, [Point(2023, 20.0)], target, 2025)
    assert (p.status, p.orsak) == (Status.EJ_BEDOMBAR, Orsak.SAKNAR_DATA)
