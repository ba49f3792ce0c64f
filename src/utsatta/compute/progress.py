"""Progress of one indicator series: a status of one kind, and the working behind it.

Pure functions: no I/O, no printing. The caller picks one series (one value per year, e.g. the
Göteborg total, see :func:`points_from`), the baseline, the resolved målvärde and the plan period,
and gets back a :class:`Progress` whose ``forklaring`` explains the status from the numbers used.
The order of checks and the reasons behind it: docs/decisions/0040-statuses-and-directions.md and
0041-goal-methods.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final, Protocol

from utsatta.compute import goal
from utsatta.compute.status import (
    Lucka,
    Orsak,
    Point,
    Progress,
    Status,
    fmt_tal,
    label,
    orsak_text,
    rank,
    riktningstext,
    status_text,
    statusslag,
)
from utsatta.wording import LISTADE_NAMN, LISTADE_VARDEN, begransad

__all__ = [
    "METODER",
    "RIKTNINGAR",
    "Lucka",
    "Orsak",
    "Point",
    "Progress",
    "Status",
    "compute",
    "orsak_text",
    "points_from",
    "rank",
    "resolve_target",
    "status_text",
    "statusslag",
]

METODER: Final = ("forvantad-bana", "cagr", "cagr-mal", "trend")
RIKTNINGAR: Final = ("hogre-ar-battre", "lagre-ar-battre")

_NEEDS_TARGET: Final = frozenset({"forvantad-bana", "cagr-mal"})
_NEEDS_BASELINE: Final = frozenset({"forvantad-bana", "cagr", "cagr-mal"})

_METODNAMN: Final = {
    "forvantad-bana": "Förväntad bana",
    "cagr": "CAGR (Open SDG metod 1)",
    "cagr-mal": "CAGR mot målvärde (Open SDG metod 2)",
    "trend": "Trend",
}


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
    @property
    def kalla(self) -> str: ...


def points_from(
    utfall: Iterable[_VardeLike],
    *,
    omrade: str | None = None,
    kon: str | None = None,
    sakerhet: Mapping[str, str] | None = None,
) -> list[Point]:
    """One series out of an indicator's utfall (``model.indikator.Varde``), sorted by year.

    ``omrade=None`` selects the values without an område (the whole city); ``kon=None`` selects the
    values without kön or with kön "T" (totalt). ``sakerhet`` maps a source id to how sure it is;
    each point then carries its source's certainty.
    """
    wanted_kon = {None, "T"} if kon is None else {kon}
    sure = sakerhet or {}
    return sorted(
        (
            Point(v.ar, v.varde, v.metodbyte, sure.get(v.kalla), (v.kalla,))
            for v in utfall
            if v.omrade == omrade and v.kon in wanted_kon
        ),
        key=lambda p: p.ar,
    )


@dataclass(eq=False)
class _Case:
    """One series to judge: its method, baseline, later points and goal."""

    metod: str
    d: int
    baslinje: Point | None
    #: the points after the baseline (all points when there is no baseline), sorted by year
    efter: tuple[Point, ...]
    malvarde: float | None
    malar: int | None
    luckor: tuple[Lucka, ...]
    #: why a change of this series says nothing about better or worse (None: it does)
    tvetydig: str | None = None
    #: the plan's giltighet (från, till); None: not checked
    planperiod: tuple[int, int] | None = None

    def result(
        self,
        status: Status,
        forklaring: str,
        *,
        orsak: Orsak | None = None,
        kvot: float | None = None,
        trosklar: tuple[float, ...] = (),
        senast_kanda: Progress | None = None,
    ) -> Progress:
        start = self.baslinje.ar if self.baslinje is not None else None
        inne = [g for g in self.luckor if start is None or g.ar > start]
        if inne and orsak is None:
            forklaring += (
                " Värde saknas för "
                + begransad(
                    [f"{g.ar} ({orsak_text(g.orsak)})" for g in inne],
                    LISTADE_VARDEN,
                    och_last=False,
                )
                + "; det räknas inte som noll."
            )
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
            luckor=self.luckor,
            senast_kanda=senast_kanda,
        )

    def ej(self, orsak: Orsak, forklaring: str, senast_kanda: Progress | None = None) -> Progress:
        return self.result(Status.EJ_BEDOMBAR, forklaring, orsak=orsak, senast_kanda=senast_kanda)


def compute(
    metod: str | None,
    riktning: str,
    baslinje: Point | None,
    utfall: Sequence[Point],
    malvarde: float | None,
    malar: int | None,
    *,
    till_ar: int | None = None,
    planperiod: tuple[int, int] | None = None,
    luckor: Sequence[Lucka] = (),
    tvetydig: str | None = None,
) -> Progress:
    """The status of one series; docs/decisions/0040 gives the order of checks.

    ``metod`` None means "forvantad-bana" when a målvärde is given, else "trend". ``riktning`` is
    "hogre-ar-battre" or "lagre-ar-battre". ``utfall`` must be one series: a ValueError is raised
    for two values in the same year, for non-finite values and for an unknown metod or riktning
    (caller errors, not data to assess). ``till_ar`` (the report year) drops utfall after that
    year and decides whether the målår has come. ``planperiod`` is the plan's giltighet (från,
    till); a status other than ej bedömbar then needs a value from its first year on, and a
    development is read only from the last value before the period on (None: not checked).
    ``luckor`` are years whose value is missing, not zero (a police level unknown).
    ``tvetydig`` says why a change of the series is neither better nor worse (a count of a middle
    police level); pace and development are then ej bedömbar, the målvärde is still checked.
    """
    if riktning not in RIKTNINGAR:
        raise ValueError(f"okänd riktning {riktning!r}; ska vara en av {', '.join(RIKTNINGAR)}")
    if metod is None:
        metod = "forvantad-bana" if malvarde is not None else "trend"
    if metod not in METODER:
        raise ValueError(f"okänd metod {metod!r}; ska vara en av {', '.join(METODER)}")
    points = sorted((p for p in utfall if till_ar is None or p.ar <= till_ar), key=lambda p: p.ar)
    gaps = tuple(sorted((g for g in luckor if till_ar is None or g.ar <= till_ar), key=_ar))
    _check_series(points, baslinje, malvarde)
    if malvarde is None or malar is None:
        # a målvärde without a målår (or the reverse) cannot be followed up
        malvarde, malar = None, None

    start = baslinje.ar if baslinje is not None else None
    efter = tuple(p for p in points if start is None or p.ar > start)
    d = 1 if riktning == "hogre-ar-battre" else -1
    case = _Case(metod, d, baslinje, efter, malvarde, malar, gaps, tvetydig, planperiod)
    namn = _METODNAMN[metod]
    t_o_m = f" till och med {till_ar}" if till_ar is not None else ""

    if not points and not gaps:
        return case.ej(Orsak.SAKNAR_DATA, f"Det finns inga utfall{t_o_m}.")
    newest_known = points[-1].ar if points else None
    if gaps and (newest_known is None or gaps[-1].ar > newest_known):
        return _unknown_newest(
            case, gaps[-1], metod, riktning, baslinje, points, till_ar, planperiod
        )
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
    if planperiod is not None and not any(p.ar >= planperiod[0] for p in efter):
        fran, till = planperiod
        return case.ej(
            Orsak.INGA_VARDEN_UNDER_PLANPERIODEN,
            f"Alla värden är från före planperioden {fran}–{till} (senaste {efter[-1].ar}); de "
            "beskriver läget innan planen började och säger inget om uppföljningen.",
        )
    # The series starts at its first point (the baseline, or the first value), so a change of
    # method there breaks nothing; a development starts at its own first point (_plan_series).
    if malvarde is not None and malar is not None:
        serie = ((baslinje,) if baslinje is not None else ()) + efter
    else:
        serie = _plan_series(case)[0]
    byten = [p.ar for p in serie[1:] if p.metodbyte]
    if byten:
        if serie[0] is baslinje:
            fran_text = f"baslinjen {serie[0].ar}"
        elif planperiod is None:
            fran_text = f"första värdet {serie[0].ar}"
        else:
            fran_text = f"{serie[0].ar}, som utvecklingen mäts från"
        return case.ej(
            Orsak.ANDRAD_METOD,
            f"Mätmetoden ändrades {byten[0]}, efter {fran_text}; värdena före och efter bytet går "
            "inte att jämföra.",
        )
    if malvarde is not None and malar is not None:
        nu = till_ar if till_ar is not None else efter[-1].ar
        if nu >= malar:
            return _verdict(case, malvarde, malar, nu)
        return _before_target(case, malvarde, malar)
    return _development(case)


def _ar(g: Lucka) -> int:
    return g.ar


def _unknown_newest(
    case: _Case,
    gap: Lucka,
    metod: str,
    riktning: str,
    baslinje: Point | None,
    points: Sequence[Point],
    till_ar: int | None,
    planperiod: tuple[int, int] | None,
) -> Progress:
    """The newest value up to the year is missing: ej bedömbar, the last known progress beside."""
    known = None
    if points:
        # as if the year were the last known value's: no verdict on a year without a value
        known = compute(
            metod,
            riktning,
            baslinje,
            points,
            case.malvarde,
            case.malar,
            till_ar=points[-1].ar if till_ar is not None else None,
            planperiod=planperiod,
            tvetydig=case.tvetydig,
        )
    vilka = (
        f" för {begransad(gap.namn or gap.omraden, LISTADE_NAMN, och_last=False)}"
        if gap.omraden
        else ""
    )
    text = f"Värdet för {gap.ar} saknas ({orsak_text(gap.orsak)}{vilka}); det räknas inte som noll."
    if known is not None and known.senaste is not None:
        text += (
            f" Senast kända värde: {fmt_tal(known.senaste.varde)} ({known.senaste.ar}), "
            f"{_with_reason(known)}."
        )
    return case.ej(gap.orsak, text, senast_kanda=known)


def _with_reason(p: Progress) -> str:
    return label(p.status) + (f" ({orsak_text(p.orsak)})" if p.orsak is not None else "")


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


def _jfr(d: int, ok: bool) -> str:
    if ok:
        return "≥" if d > 0 else "≤"
    return "<" if d > 0 else ">"


def _verdict(case: _Case, target: float, malar: int, nu: int) -> Progress:
    """From the målår on: judged on the newest value from the målår or later."""
    fran_malar = [p for p in case.efter if p.ar >= malar]
    if not fran_malar:
        prior = _before_target(case, target, malar)
        s = case.efter[-1]
        return case.ej(
            Orsak.INGET_VARDE_FOR_MALARET,
            f"Målåret {malar} har kommit ({nu}), men det finns inget värde från {malar} eller "
            f"senare; senaste värdet är {fmt_tal(s.varde)} ({s.ar}), då "
            f"{_with_reason(prior)}.",
            senast_kanda=prior,
        )
    v = fran_malar[-1]
    ok = goal.met(case.d, v.varde, target)
    status = Status.MAL_UPPNATT if ok else Status.MAL_EJ_UPPNATT
    return case.result(
        status,
        f"Målvärdet {fmt_tal(target)} skulle nås {malar}: värdet {fmt_tal(v.varde)} ({v.ar}) "
        f"{_jfr(case.d, ok)} {fmt_tal(target)} ({riktningstext(case.d)}) → {label(status)}.",
    )


def _before_target(case: _Case, target: float, malar: int) -> Progress:
    """Before the målår: the målvärde met early, or the method's pace against it."""
    b, s = case.baslinje, case.efter[-1]
    if goal.met(case.d, s.varde, target):
        return case.result(
            Status.MALVARDE_NATT,
            f"Senaste värdet {fmt_tal(s.varde)} ({s.ar}) {_jfr(case.d, True)} målvärdet "
            f"{fmt_tal(target)} ({riktningstext(case.d)}) före målåret {malar} → "
            f"{label(Status.MALVARDE_NATT)}. Om målet uppnås avgörs av värdet för {malar}.",
        )
    if case.tvetydig is not None:
        return case.ej(Orsak.TVETYDIG_RIKTNING, case.tvetydig)
    if case.metod in _NEEDS_TARGET:
        assert b is not None
        fn = goal.forvantad_bana if case.metod == "forvantad-bana" else goal.cagr_mal
        out = fn(case.d, b, s, target, malar)
        if out.status is None:
            return case.ej(Orsak.EJ_TILLAMPBAR, out.text)
        return case.result(out.status, out.text, kvot=out.kvot, trosklar=out.trosklar)
    dev = _development(case)
    return replace(
        dev,
        forklaring=f"{dev.forklaring} {_METODNAMN[case.metod]} bedömer utvecklingen, inte takten "
        f"mot målvärdet {fmt_tal(target)} ({malar}).",
    )


def _plan_series(case: _Case) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """The points a development is read from, and the older points left out.

    With a plan period: the last point before its first year (the baseline or a value) as the
    starting point, then every point from that year on; a change before the plan is no part of
    the plan's development (docs/decisions/0110-utveckling-under-planperioden.md). Without one:
    the baseline and every point after it.
    """
    every = ((case.baslinje,) if case.baslinje is not None else ()) + case.efter
    if case.planperiod is None:
        return every, ()
    fran = case.planperiod[0]
    before = [p for p in every if p.ar < fran]
    inne = tuple(p for p in every if p.ar >= fran)
    return tuple(before[-1:]) + inne, tuple(before[:-1])


def _years(points: Sequence[Point]) -> str:
    return begransad([str(p.ar) for p in points], LISTADE_VARDEN)


def _development(case: _Case) -> Progress:
    if case.tvetydig is not None:
        return case.ej(Orsak.TVETYDIG_RIKTNING, case.tvetydig)
    # read only for a series judged by its development (with statistics, which nothing else needs)
    from utsatta.compute import direction

    series, older = _plan_series(case)
    if len(series) < direction.MIN_PUNKTER and older and case.planperiod is not None:
        fran, till = case.planperiod
        varden = "Värdet" if len(older) == 1 else "Värdena"
        return case.ej(
            Orsak.FOR_FA_VARDEN_UNDER_PLANPERIODEN,
            f"En utveckling under planperioden {fran}–{till} mäts från det sista värdet före "
            f"{fran} och kräver minst {direction.MIN_PUNKTER} mätpunkter; här finns "
            f"{len(series)} ({', '.join(str(p.ar) for p in series)}). {varden} från "
            f"{_years(older)} beskriver läget före planen och räknas inte.",
        )
    if len(series) < direction.MIN_PUNKTER:
        return case.ej(
            Orsak.FOR_FA_MATPUNKTER,
            f"En utveckling kräver minst {direction.MIN_PUNKTER} mätpunkter; här finns "
            f"{len(series)} ({', '.join(str(p.ar) for p in series)}).",
        )
    status, s, need, text = direction.development(series, case.d)
    if case.metod == "cagr":
        text += goal.cagr_text(series[0], series[-1])
    if older and case.planperiod is not None:
        fran, till = case.planperiod
        text += (
            f" Utvecklingen mäts under planperioden {fran}–{till}, från {series[0].ar}, det "
            f"sista värdet före {fran}; äldre värden ({_years(older)}) räknas inte."
        )
    return case.result(status, text, kvot=float(case.d * s), trosklar=(float(need), float(-need)))
