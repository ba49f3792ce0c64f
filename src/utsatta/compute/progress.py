"""Progress of one indicator series against its målvärde: a status, and the working behind it.

Pure functions: no I/O, no printing. The caller picks one series (one value per year, e.g. the
Göteborg total, see :func:`points_from`), the baseline and the resolved målvärde, and gets back a
:class:`Progress` whose ``forklaring`` explains the status from the numbers used.

The methods and their thresholds follow ``shared/design/forebilder.md`` §7:

``forvantad-bana`` (#5, the default where a målvärde exists)
    ``R = andel av avståndet / andel av tiden``, with ``andel av avståndet = (x_t − x₀)/(T − x₀)``
    and ``andel av tiden = (t − t₀)/(t_T − t₀)``; ``R ≥ 0.95`` i fas, ``≥ 0.6`` behöver öka takten,
    ``≥ 0`` otillräcklig, ``< 0`` fel riktning.
``cagr`` (Open SDG method 1, no målvärde)
    ``P = s·d·[(x_t/x₀)^(1/(t−t₀)) − 1]``; thresholds 0.015 / 0.005 / 0.
``cagr-mal`` (Open SDG method 2)
    ``P = s·d·CAGR_obs/|CAGR_req|``, ``CAGR_req = (T/x₀)^(1/(t_T−t₀)) − 1``; thresholds
    0.95 / 0.6 / 0.
    As in Open SDG (sdg-build ``ProgressMeasure.py``) a base value or målvärde of 0 is replaced by
    0.001 in the rates, and ``s = −1`` when the base value is negative.
``trend`` (#7, where only a direction is given)
    The least-squares slope of value on year over the baseline and later values, times ``d``.
    Tolerance band: ±0.5 % of the series' first value (the baseline) per year; 0.5 % is Open SDG's
    "moderate progress" rate, so a trend counts as a change when it moves at least that fast. The
    band is fixed by the first value (not the mean) so that a better latest value can never lower
    the status. Above the band i fas, inside it otillräcklig, below it fel riktning. Needs at
    least 3 points.

Decisions where the issue was silent:

* **Order of checks** (the first that applies decides):
  no utfall up to ``till_ar`` → ej bedömbar, saknar data;
  the method needs a målvärde (forvantad-bana, cagr-mal) and has none → saknar målvärde;
  the method needs a baseline (all but trend) and has none → saknar data;
  no utfall after the baseline → för få mätpunkter;
  a ``metodbyte`` after the baseline → ändrad metod;
  the latest value meets the målvärde → målet uppnått (every method, whenever a målvärde is given);
  trend with fewer than 3 points → för få mätpunkter;
  otherwise the method.
* **No baseline** is never replaced by the first utfall: the baseline is a decision (the year the
  follow-up starts from), and silently taking whatever year happens to be first would move it when
  someone adds older data. Trend needs no baseline and then uses all utfall.
* **Utfall before the baseline** are ignored, and a utfall in the baseline year is replaced by the
  baseline (the declared baseline wins).
* **Latest value**: the last utfall up to ``till_ar``; the expected path is measured at that value's
  year, not at ``till_ar``, so that value and time are compared at the same moment.
* **Expected path when the målår is reached or passed** (or is not after the baseline): the expected
  share of the distance is 100 %; because the målvärde is not met, "i fas" is no longer possible and
  the best status is "behöver öka takten". Elapsed time 0 cannot occur: a point in the baseline year
  is the baseline, so the first later point has elapsed time ≥ 1.
* **Baseline already at or beyond the målvärde** and the latest value not: fel riktning
  (forvantad-bana and cagr-mal; the distance is 0 or negative, so no ratio exists).
* **Where a method is undefined** (CAGR across a sign change, cagr-mal with the målår not after the
  baseline or with målvärde and baseline of opposite signs) → ej bedömbar with the extra orsak
  ``EJ_TILLAMPBAR``; Open SDG returns "not available" there too.
* The ratio is rounded to 9 decimals before it is compared with the thresholds, so that a value that
  reaches a threshold exactly is not put below it by floating-point error.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Protocol

from utsatta.numbers import tal


class Status(StrEnum):
    """The computed status; the values are the Swedish labels users read."""

    MALET_UPPNATT = "målet uppnått"
    I_FAS = "i fas"
    BEHOVER_OKA_TAKTEN = "behöver öka takten"
    OTILLRACKLIG = "otillräcklig"
    FEL_RIKTNING = "fel riktning"
    EJ_BEDOMBAR = "ej bedömbar"


class Orsak(StrEnum):
    """Why a status is ej bedömbar."""

    SAKNAR_DATA = "saknar data"
    SAKNAR_MALVARDE = "saknar målvärde"
    FOR_FA_MATPUNKTER = "för få mätpunkter"
    ANDRAD_METOD = "ändrad metod"
    #: the numbers are there, but the method is undefined for them (e.g. CAGR across a sign change)
    EJ_TILLAMPBAR = "metoden går inte att tillämpa"


METODER: Final = ("forvantad-bana", "cagr", "cagr-mal", "trend")
RIKTNINGAR: Final = ("hogre-ar-battre", "lagre-ar-battre")

#: forvantad-bana and cagr-mal: i fas / behöver öka takten / otillräcklig; below: fel riktning
TROSKLAR_KVOT: Final = (0.95, 0.6, 0.0)
#: cagr (Open SDG method 1)
TROSKLAR_CAGR: Final = (0.015, 0.005, 0.0)
#: trend: the tolerance band is this share of the first value, per year
TREND_TOLERANS: Final = 0.005
#: trend: the fewest points (baseline included) a slope is computed from
TREND_MIN_PUNKTER: Final = 3
#: Open SDG replaces a base value or target of 0 by this in the CAGR formulas
CAGR_NOLL: Final = 0.001
#: decimals the ratio is rounded to before comparing it with thresholds
DECIMALER: Final = 9

_NEEDS_TARGET: Final = frozenset({"forvantad-bana", "cagr-mal"})
_NEEDS_BASELINE: Final = frozenset({"forvantad-bana", "cagr", "cagr-mal"})

_RANK: Final = {
    Status.MALET_UPPNATT: 5,
    Status.I_FAS: 4,
    Status.BEHOVER_OKA_TAKTEN: 3,
    Status.OTILLRACKLIG: 2,
    Status.FEL_RIKTNING: 1,
    Status.EJ_BEDOMBAR: 0,
}

_METODNAMN: Final = {
    "forvantad-bana": "Förväntad bana",
    "cagr": "CAGR (Open SDG metod 1)",
    "cagr-mal": "CAGR mot målvärde (Open SDG metod 2)",
    "trend": "Trend",
}


@dataclass(frozen=True)
class Point:
    """One value in one year. ``metodbyte``: measured a new way from this value on."""

    ar: int
    varde: float
    metodbyte: bool = False


@dataclass(frozen=True)
class Progress:
    """The status of one series and everything it was computed from."""

    status: Status
    #: set exactly when status is EJ_BEDOMBAR
    orsak: Orsak | None
    #: the method used: "forvantad-bana" | "cagr" | "cagr-mal" | "trend"
    metod: str
    baslinje: Point | None
    senaste: Point | None
    malvarde: float | None
    malar: int | None
    #: the progress measure: R (forvantad-bana), P (cagr, cagr-mal) or d × slope per year (trend)
    kvot: float | None
    #: the thresholds kvot was compared with, highest first
    trosklar: tuple[float, ...]
    #: Swedish, one to three sentences, with the numbers used
    forklaring: str


def rank(status: Status) -> int:
    """Order statuses, higher is better: målet uppnått 5 … fel riktning 1, ej bedömbar 0.

    Ej bedömbar is lowest so that a sort by rank puts what needs attention (unknown or bad) first;
    it says nothing about the indicator itself, so compare ``status is Status.EJ_BEDOMBAR`` where
    that matters.
    """
    return _RANK[status]


def resolve_target(
    baslinje: Point | None, varde: float | None, faktor: float | None
) -> float | None:
    """The målvärde as a number: ``varde`` as given, or ``faktor`` × the baseline value.

    A relative målvärde without a baseline is None (it cannot be resolved); so is no målvärde.
    """
    if varde is not None and faktor is not None:
        raise ValueError("ett målvärde har antingen ett värde eller en faktor, inte båda")
    if varde is not None:
        return varde
    if faktor is None or baslinje is None:
        return None
    return faktor * baslinje.varde


class _VardeLike(Protocol):
    @property
    def ar(self) -> int: ...
    @property
    def varde(self) -> float: ...
    @property
    def metodbyte(self) -> bool: ...
    @property
    def omrade(self) -> str | None: ...
    @property
    def kon(self) -> str | None: ...


def points_from(
    utfall: Iterable[_VardeLike], *, omrade: str | None = None, kon: str | None = None
) -> list[Point]:
    """One series out of an indicator's utfall (``model.indikator.Varde``), sorted by year.

    ``omrade=None`` selects the values without an område (the whole city); ``kon=None`` selects the
    values without kön or with kön "T" (totalt).
    """
    wanted_kon = {None, "T"} if kon is None else {kon}
    return sorted(
        (
            Point(v.ar, v.varde, v.metodbyte)
            for v in utfall
            if v.omrade == omrade and v.kon in wanted_kon
        ),
        key=lambda p: p.ar,
    )


# --- formatting (Swedish: decimal comma, minus sign, space before %) ---------------------------


def _tal(x: float, decimals: int = 2, *, fixed: bool = False) -> str:
    """A number in a computation's text: as many decimals as it needs, at most ``decimals``
    (12 → "12", 9.15 → "9,15"); ``fixed`` keeps trailing zeros (ratios: "0,80")."""
    return tal(x, decimals, trim=not fixed)


def _procent(share: float, decimals: int = 1) -> str:
    return f"{_tal(share * 100, decimals)} %"


def _decimals(kvot: float, trosklar: Sequence[float], decimals: int) -> int:
    """Enough decimals that the ratio never prints equal to a threshold it differs from."""
    for d in range(decimals, DECIMALER):
        if all(round(kvot, d) != t or kvot == t for t in trosklar):
            return d
    return DECIMALER


def _kvottext(kvot: float, trosklar: Sequence[float], decimals: int) -> str:
    return _tal(kvot, _decimals(kvot, trosklar, decimals), fixed=True)


def _riktningstext(d: int) -> str:
    return "högre är bättre" if d > 0 else "lägre är bättre"


def _band(status: Status, k: str, trosklar: Sequence[float], namn: str = "kvot") -> str:
    """The comparison that gave the status, e.g. "0,6 ≤ kvot 0,8 < 0,95 → behöver öka takten"."""
    hi, med, lo = (_tal(t, 3) for t in trosklar)
    comparison = {
        Status.I_FAS: f"{namn} {k} ≥ {hi}",
        Status.BEHOVER_OKA_TAKTEN: f"{med} ≤ {namn} {k} < {hi}",
        Status.OTILLRACKLIG: f"{lo} ≤ {namn} {k} < {med}",
        Status.FEL_RIKTNING: f"{namn} {k} < {lo}",
    }[status]
    return f"{comparison} → {status}"


def _rounded(x: float) -> float:
    """Rounded to DECIMALER before comparing with thresholds; −0.0 becomes 0.0 (no "−0" shown)."""
    return round(x, DECIMALER) + 0.0


def _classify(kvot: float, trosklar: Sequence[float]) -> Status:
    hi, med, lo = trosklar
    if kvot >= hi:
        return Status.I_FAS
    if kvot >= med:
        return Status.BEHOVER_OKA_TAKTEN
    if kvot >= lo:
        return Status.OTILLRACKLIG
    return Status.FEL_RIKTNING


# --- the computation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Case:
    metod: str
    d: int
    baslinje: Point | None
    #: the points after the baseline (all points when there is no baseline), sorted by year
    efter: tuple[Point, ...]
    malvarde: float | None
    malar: int | None

    @property
    def senaste(self) -> Point:
        return self.efter[-1]

    def result(
        self,
        status: Status,
        forklaring: str,
        *,
        orsak: Orsak | None = None,
        kvot: float | None = None,
        trosklar: tuple[float, ...] = (),
    ) -> Progress:
        return Progress(
            status=status,
            orsak=orsak,
            metod=self.metod,
            baslinje=self.baslinje,
            senaste=self.efter[-1] if self.efter else None,
            malvarde=self.malvarde,
            malar=self.malar,
            kvot=kvot,
            trosklar=trosklar,
            forklaring=forklaring,
        )

    def ej(self, orsak: Orsak, forklaring: str) -> Progress:
        return self.result(Status.EJ_BEDOMBAR, forklaring, orsak=orsak)


def compute(
    metod: str | None,
    riktning: str,
    baslinje: Point | None,
    utfall: Sequence[Point],
    malvarde: float | None,
    malar: int | None,
    *,
    till_ar: int | None = None,
) -> Progress:
    """The status of one series; see the module docstring for the methods and the order of checks.

    ``metod`` None means "forvantad-bana" when a målvärde is given, else "trend". ``riktning`` is
    "hogre-ar-battre" or "lagre-ar-battre". ``utfall`` must be one series: a ValueError is raised
    for two values in the same year, for non-finite values and for an unknown metod or riktning
    (caller errors, not data to assess). ``till_ar`` (the report year) drops utfall after that year.
    """
    if riktning not in RIKTNINGAR:
        raise ValueError(f"okänd riktning {riktning!r}; ska vara en av {', '.join(RIKTNINGAR)}")
    if metod is None:
        metod = "forvantad-bana" if malvarde is not None else "trend"
    if metod not in METODER:
        raise ValueError(f"okänd metod {metod!r}; ska vara en av {', '.join(METODER)}")
    points = sorted((p for p in utfall if till_ar is None or p.ar <= till_ar), key=lambda p: p.ar)
    _check_series(points, baslinje, malvarde)
    if malvarde is None or malar is None:
        # a målvärde without a målår (or the reverse) cannot be followed up
        malvarde, malar = None, None

    start = baslinje.ar if baslinje is not None else None
    efter = tuple(p for p in points if start is None or p.ar > start)
    d = 1 if riktning == "hogre-ar-battre" else -1
    case = _Case(metod, d, baslinje, efter, malvarde, malar)
    namn = _METODNAMN[metod]
    t_o_m = f" t.o.m. {till_ar}" if till_ar is not None else ""

    if not points:
        return case.ej(Orsak.SAKNAR_DATA, f"Det finns inga utfall{t_o_m}.")
    # The baseline first: a målvärde relative to it ("halvera") is missing only because the
    # baseline is.
    if metod in _NEEDS_BASELINE and baslinje is None:
        return case.ej(
            Orsak.SAKNAR_DATA, f"{namn} mäter från en baslinje, men det finns ingen baslinje."
        )
    if metod in _NEEDS_TARGET and malvarde is None:
        return case.ej(
            Orsak.SAKNAR_MALVARDE, f"{namn} kräver ett målvärde med målår, men det finns inget."
        )
    if not efter:
        assert baslinje is not None  # without a baseline every point counts
        return case.ej(
            Orsak.FOR_FA_MATPUNKTER,
            f"Det finns inget utfall efter baslinjen {baslinje.ar}{t_o_m}; minst ett behövs.",
        )
    # Without a baseline the first point starts the series, so a change there breaks nothing.
    byten = [p.ar for p in (efter if baslinje is not None else efter[1:]) if p.metodbyte]
    if byten:
        fran = f"baslinjen {baslinje.ar}" if baslinje else f"första värdet {efter[0].ar}"
        return case.ej(
            Orsak.ANDRAD_METOD,
            f"Mätmetoden ändrades {byten[0]}, efter {fran}; värdena före och efter bytet går "
            "inte att jämföra.",
        )
    if malvarde is not None and malar is not None and _met(case.d, case.senaste.varde, malvarde):
        s = case.senaste
        jfr = "≥" if case.d > 0 else "≤"
        return case.result(
            Status.MALET_UPPNATT,
            f"Målvärdet {_tal(malvarde)} ({malar}) är nått: senaste värdet {_tal(s.varde)} "
            f"({s.ar}) {jfr} {_tal(malvarde)} ({_riktningstext(case.d)}) → {Status.MALET_UPPNATT}.",
        )
    if metod == "forvantad-bana":
        return _forvantad_bana(case)
    if metod == "cagr":
        return _cagr(case)
    if metod == "cagr-mal":
        return _cagr_mal(case)
    return _trend(case)


def _check_series(points: Sequence[Point], baslinje: Point | None, malvarde: float | None) -> None:
    seen: set[int] = set()
    for p in points:
        if p.ar in seen:
            raise ValueError(f"två utfall för år {p.ar}; skicka en serie (ett värde per år)")
        seen.add(p.ar)
    values = [p.varde for p in points]
    if baslinje is not None:
        values.append(baslinje.varde)
    if malvarde is not None:
        values.append(malvarde)
    if not all(math.isfinite(v) for v in values):
        raise ValueError("värdena måste vara ändliga tal")


def _met(d: int, value: float, target: float) -> bool:
    return d * (value - target) >= 0


def _already_met_then_lost(case: _Case, b: Point, target: float) -> Progress | None:
    """Baseline at or beyond the målvärde, latest value not: there is no distance to cover."""
    if not _met(case.d, b.varde, target):
        return None
    s = case.senaste
    return case.result(
        Status.FEL_RIKTNING,
        f"Baslinjen {_tal(b.varde)} ({b.ar}) nådde redan målvärdet {_tal(target)}, men senaste "
        f"värdet {_tal(s.varde)} ({s.ar}) gör det inte ({_riktningstext(case.d)}) "
        f"→ {Status.FEL_RIKTNING}.",
    )


def _forvantad_bana(case: _Case) -> Progress:
    b, s, target, malar = case.baslinje, case.senaste, case.malvarde, case.malar
    assert b is not None and target is not None and malar is not None
    lost = _already_met_then_lost(case, b, target)
    if lost is not None:
        return lost
    actual = (s.varde - b.varde) / (target - b.varde)
    # From the målår on (or with a målår not after the baseline) the whole distance is due.
    deadline = s.ar >= malar
    expected = 1.0 if deadline else (s.ar - b.ar) / (malar - b.ar)
    kvot = _rounded(actual / expected)
    status = _classify(kvot, TROSKLAR_KVOT)
    k = _kvottext(kvot, TROSKLAR_KVOT, 2)
    text = (
        f"Förväntad bana: {_procent(actual)} av avståndet till målvärdet "
        f"({_tal(b.varde)} → {_tal(target)}) tillryggalagt på {_procent(expected)} av tiden "
        f"({b.ar}–{malar}), med senaste värdet {_tal(s.varde)} ({s.ar}); "
    )
    if deadline and status is Status.I_FAS:
        status = Status.BEHOVER_OKA_TAKTEN
        text += (
            f"kvot {k} ≥ {_tal(TROSKLAR_KVOT[0])}, men målåret {malar} är nått utan att målvärdet "
            f"nåtts → {status}."
        )
    else:
        text += _band(status, k, TROSKLAR_KVOT) + "."
    return case.result(status, text, kvot=kvot, trosklar=TROSKLAR_KVOT)


def _cagr_rate(value: float, base: float, years: int) -> float:
    return float((value / base) ** (1 / years) - 1)


def _opposite_signs(a: float, b: float) -> bool:
    return (a > 0 > b) or (a < 0 < b)


def _base_for_cagr(b: Point) -> tuple[float, int, str]:
    """Open SDG's base value (0 → 0.001), sign s and a note for the explanation."""
    base = CAGR_NOLL if b.varde == 0 else b.varde
    s = -1 if b.varde < 0 else 1
    note = ""
    if b.varde == 0:
        note = f" Basvärdet 0 räknas som {_tal(CAGR_NOLL, 3)}, som i Open SDG."
    elif s < 0:
        note = " Basvärdet är negativt, så tecknet vänds (s = −1), som i Open SDG."
    return base, s, note


def _cagr(case: _Case) -> Progress:
    b, s = case.baslinje, case.senaste
    assert b is not None
    base, sign, note = _base_for_cagr(b)
    if _opposite_signs(base, s.varde):
        return case.ej(
            Orsak.EJ_TILLAMPBAR,
            f"Basvärdet {_tal(b.varde)} ({b.ar}) och senaste värdet {_tal(s.varde)} ({s.ar}) har "
            "olika tecken; CAGR går inte att beräkna.",
        )
    rate = _cagr_rate(s.varde, base, s.ar - b.ar)
    kvot = _rounded(sign * case.d * rate)
    status = _classify(kvot, TROSKLAR_CAGR)
    k = _kvottext(kvot, TROSKLAR_CAGR, 4)
    text = (
        f"{_METODNAMN['cagr']}: årlig förändring {_procent(rate, 2)} från {_tal(b.varde)} ({b.ar}) "
        f"till {_tal(s.varde)} ({s.ar}); {_riktningstext(case.d)}, "
        f"{_band(status, k, TROSKLAR_CAGR, 'P')}.{note}"
    )
    return case.result(status, text, kvot=kvot, trosklar=TROSKLAR_CAGR)


def _cagr_mal(case: _Case) -> Progress:
    b, s, target, malar = case.baslinje, case.senaste, case.malvarde, case.malar
    assert b is not None and target is not None and malar is not None
    lost = _already_met_then_lost(case, b, target)
    if lost is not None:
        return lost
    base, sign, note = _base_for_cagr(b)
    goal = CAGR_NOLL if target == 0 else target
    if target == 0:
        note += f" Målvärdet 0 räknas som {_tal(CAGR_NOLL, 3)} i takten, som i Open SDG."
    if malar <= b.ar:
        return case.ej(
            Orsak.EJ_TILLAMPBAR,
            f"Målåret {malar} ligger inte efter baslinjen {b.ar}; en nödvändig årlig takt går inte "
            "att beräkna.",
        )
    if _opposite_signs(base, s.varde) or _opposite_signs(base, goal):
        return case.ej(
            Orsak.EJ_TILLAMPBAR,
            f"Basvärdet {_tal(b.varde)}, senaste värdet {_tal(s.varde)} och målvärdet "
            f"{_tal(target)} har inte samma tecken; CAGR går inte att beräkna.",
        )
    observed = _cagr_rate(s.varde, base, s.ar - b.ar)
    required = _cagr_rate(goal, base, malar - b.ar)
    if required == 0:  # only when målvärde and baseline are all but equal
        return case.ej(
            Orsak.EJ_TILLAMPBAR,
            f"Målvärdet {_tal(target)} och basvärdet {_tal(b.varde)} ger ingen nödvändig takt.",
        )
    kvot = _rounded(sign * case.d * observed / abs(required))
    status = _classify(kvot, TROSKLAR_KVOT)
    k = _kvottext(kvot, TROSKLAR_KVOT, 2)
    text = (
        f"{_METODNAMN['cagr-mal']}: observerad årlig förändring {_procent(observed, 2)} "
        f"({_tal(b.varde)} år {b.ar} → {_tal(s.varde)} år {s.ar}), nödvändig "
        f"{_procent(required, 2)} per år för att nå {_tal(target)} år {malar}; "
        f"{_riktningstext(case.d)}, {_band(status, k, TROSKLAR_KVOT, 'P')}.{note}"
    )
    return case.result(status, text, kvot=kvot, trosklar=TROSKLAR_KVOT)


def _slope(points: Sequence[Point]) -> float:
    """Least-squares slope of value on year.

    Exact integer weights ``c_i = n·u_i − Σu`` (``u`` = years from the first) keep the result
    monotone in every value and exactly 0 for a constant series of integers.
    """
    n = len(points)
    u = [p.ar - points[0].ar for p in points]
    total = sum(u)
    c = [n * ui - total for ui in u]
    sxx = sum(ci * ui for ci, ui in zip(c, u, strict=True))
    return math.fsum(ci * p.varde for ci, p in zip(c, points, strict=True)) / sxx


def _trend(case: _Case) -> Progress:
    series = ((case.baslinje,) if case.baslinje is not None else ()) + case.efter
    years = f"{series[0].ar}–{series[-1].ar}"
    if len(series) < TREND_MIN_PUNKTER:
        return case.ej(
            Orsak.FOR_FA_MATPUNKTER,
            f"Trend kräver minst {TREND_MIN_PUNKTER} mätpunkter; här finns {len(series)} "
            f"({', '.join(str(p.ar) for p in series)}).",
        )
    slope = _slope(series)
    kvot = _rounded(case.d * slope)
    tol = _rounded(TREND_TOLERANS * abs(series[0].varde))
    trosklar = (tol, -tol + 0.0)
    if kvot > tol:
        status, jfr = Status.I_FAS, f"> {_tal(tol, 4)}"
    elif kvot < -tol:
        status, jfr = Status.FEL_RIKTNING, f"< −{_tal(tol, 4)}"
    else:
        status, jfr = Status.OTILLRACKLIG, f"inom ±{_tal(tol, 4)}"
    decimals = _decimals(kvot, trosklar, 2)
    k = _tal(kvot, decimals, fixed=True)
    text = (
        f"Trend: lutning {_tal(slope, decimals, fixed=True)} per år "
        f"(minsta kvadratmetoden, {len(series)} mätpunkter {years}); {_riktningstext(case.d)}, "
        f"så kvot {k}. Toleransen är ±{_tal(tol, 4)} per år ({_procent(TREND_TOLERANS)} av "
        f"startvärdet {_tal(series[0].varde)}); kvot {k} {jfr} → {status}."
    )
    return case.result(status, text, kvot=kvot, trosklar=trosklar)
