"""Evaluate every indicator of a data set for one year: the series used, its progress, its sources.

A source dated after the report year is not evidence for that year (:func:`evidence`); an undated
source is kept and flagged as undated. docs/decisions/0043-evidence-by-date.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from utsatta.compute.police import (
    EJ_POLISEN,
    SAKERHET_ORDNING,
    baseline_for,
    moves_text,
    points_for,
    shows_direction,
)
from utsatta.compute.progress import (
    Lucka,
    Point,
    Progress,
    compute,
    points_from,
    resolve_target,
)
from utsatta.compute.status import Status, fmt_tal
from utsatta.load.dataset import DataSet
from utsatta.model.common import Kalla
from utsatta.model.indikator import IndikatorFil, Malvarde, Matintervall
from utsatta.model.omraden import OmradenFil

#: whether a source counts as evidence for a year: dated in or before it, undated, or after it
Belagg = Literal["belagg", "odaterad", "efter-aret"]

#: the statuses that compare the latest value with the målvärde alone (from the målår on)
SLUTLIGA_STATUSAR: Final = (Status.MAL_UPPNATT, Status.MAL_EJ_UPPNATT)

#: The one rule for how a value's certainty is written beside it, in every channel (report,
#: terminal tables, chart, bilaga C): a value that is not bekräftad carries its marker, and a
#: count from the police lists whose levels are bekräftad, but not all in the police's own
#: publication, carries the words of section 5's ‡ (docs/decisions/0500). A value without a
#: stated certainty (a count that is 0 by definition) carries none.
MARKERING: Final[Mapping[str, str]] = {
    "sekundar": "uppgift i andra hand",
    "slutledd": "slutledd",
    "saknas": "källa saknas",
    EJ_POLISEN: "annan källa än polisen",
}


def markering(sakerhet: str | None) -> str:
    """The marker of a value's certainty ("uppgift i andra hand"), or "" for a confirmed one."""
    return MARKERING.get(sakerhet or "", "")


def markering_och_not(sakerhet: str | None, not_: str | None = None) -> str:
    """What every channel writes beside a value: the marker of its certainty, then the value's
    note when it has one (a count a source states: "uppgift i andra hand, antal enligt
    Fastighetsvärlden", "antal enligt Göteborgs-Posten"); "" for a confirmed value without."""
    return ", ".join(x for x in (markering(sakerhet), not_) if x)


def med_ar(text: str, ar: int, sakerhet: str | None, not_: str | None = None) -> str:
    """A value written with its year, marker and note: "8 (2025, uppgift i andra hand)",
    "6 (2015, antal enligt Göteborgs-Posten)", "0 (2021)"."""
    m = markering_och_not(sakerhet, not_)
    return f"{text} ({ar}, {m})" if m else f"{text} ({ar})"


def datum_markering(sakerhet: str | None) -> str:
    """The marker after a date whose day is a choice, not the source's: " (datum: slutledd)";
    "" for a confirmed one. The report and the overviews (plan, status) write it alike."""
    m = markering(sakerhet)
    return f" (datum: {m})" if m else ""


def med_markering(text: str, sakerhet: str | None, not_: str | None = None) -> str:
    """A value written with its marker and note, without its year: "8 (uppgift i andra
    hand)", "6 (antal enligt Göteborgs-Posten)", "9"."""
    m = markering_och_not(sakerhet, not_)
    return f"{text} ({m})" if m else text


@dataclass(eq=False)
class KallaBelagg:
    """One source and whether it is evidence for the year."""

    kalla: Kalla
    belagg: Belagg


@dataclass(eq=False)
class VardeBelagg:
    """One value and whether its sources make it evidence for the year: ``belagg`` when one is
    dated in or before the year, else ``odaterad`` when one is undated, else ``efter-aret``."""

    punkt: Point
    belagg: Belagg


def source_evidence(kalla: Kalla, ar: int | None) -> Belagg:
    """``belagg`` (dated in or before ``ar``; any date when ``ar`` is None), ``odaterad`` or
    ``efter-aret``."""
    if kalla.datum is None:
        return "odaterad"
    if ar is not None and int(kalla.datum[:4]) > ar:
        return "efter-aret"
    return "belagg"


def evidence(
    kallor: Iterable[Kalla], serie: Iterable[Point], ar: int | None
) -> tuple[list[KallaBelagg], list[VardeBelagg]]:
    """Which sources and which values (up to ``ar``) count as evidence for year ``ar``.

    ``kallor`` are every source the indicator may cite (its own, and for a computed indicator
    those in omraden.yaml); a value's sources are its point's ``kallor``. The sources come back in
    the given order, each id once.
    """
    by_id: dict[str, Kalla] = {}
    for k in kallor:
        by_id.setdefault(k.id, k)
    points = [p for p in serie if ar is None or p.ar <= ar]
    rank = {"belagg": 0, "odaterad": 1, "efter-aret": 2}
    values = []
    for p in points:
        found = [source_evidence(by_id[kid], ar) for kid in p.kallor if kid in by_id]
        best: Belagg = min(found, key=rank.__getitem__) if found else "odaterad"
        values.append(VardeBelagg(p, best))
    return [KallaBelagg(k, source_evidence(k, ar)) for k in by_id.values()], values


@dataclass(eq=False)
class IndicatorResult:
    """One indicator evaluated up to a year: its headline series, goal and progress."""

    indikator: IndikatorFil
    file: str
    #: the headline series up to the year (all areas together, both sexes)
    serie: list[Point]
    baslinje: Point | None
    malvarde: float | None
    malar: int | None
    progress: Progress
    #: years up to the year whose value is missing, not zero (a police level unknown)
    luckor: tuple[Lucka, ...] = ()
    #: every source the indicator cites: its own, then those in omraden.yaml its values cite
    kallor: tuple[Kalla, ...] = ()
    #: the report year (None: all values)
    ar: int | None = None
    #: how sure the målvärde in use is: its own ``sakerhet`` (slutledd when the value or the
    #: year is the author's inference from the plan), else its source's
    malvarde_sakerhet: str | None = None
    #: the plan's years (fran, till): only a målvärde of these years applies
    planperiod: tuple[int, int] | None = None
    #: the years the series is measured in, where the data says so (see :func:`matar`), up to
    #: the last value of ``ar`` (docs/decisions/0440); None: not known, so only values two
    #: years in a row count as consecutive measurements
    matar: tuple[int, ...] | None = None

    @property
    def sakerhet(self) -> str | None:
        """The weakest certainty of the values in the series (None where none is known)."""
        known = [p.sakerhet for p in self.serie if p.sakerhet is not None]
        return min(known, key=SAKERHET_ORDNING.index) if known else None

    @property
    def status_sakerhet(self) -> str | None:
        """The weakest certainty of the values the status rests on, so a status is shown as sure
        as they are ("Målet uppnått (slutledd)"): from the målår on, the latest value alone (only
        it is compared with the målvärde); before it, the latest value and the baseline (the
        expected path runs from it); a development, every value of the series; None for ej
        bedömbar."""
        p = self.progress
        if p.status is Status.EJ_BEDOMBAR:
            return None
        if p.statusslag != "mot-malvarde":
            return self.sakerhet
        used = [p.senaste] if p.status in SLUTLIGA_STATUSAR else [p.senaste, p.baslinje]
        known = [x.sakerhet for x in used if x is not None and x.sakerhet is not None]
        return min(known, key=SAKERHET_ORDNING.index) if known else None

    @property
    def trendstart(self) -> Point | None:
        """The value a development without a målvärde is measured from, when it is not the
        baseline: the last value before the plan period's first year (compute.progress measures
        from it, docs/decisions/0110); None for a status against a målvärde (also one that cannot
        be given, a målvärde relative to a missing baseline), without a plan period or a value
        before it, or when it is the baseline (docs/decisions/0485)."""
        mot_malvarde = self.malar is not None and self.progress.statusslag != "utveckling"
        if mot_malvarde or self.planperiod is None:
            return None
        b = self.baslinje
        every = ([b] if b is not None else []) + [p for p in self.serie if b is None or p.ar > b.ar]
        before = [p for p in every if p.ar < self.planperiod[0]]
        return before[-1] if before and before[-1] is not b else None

    @property
    def jamfor_med(self) -> int | None:
        """The edition that new areas are counted against (``berakning.jamfor_med``) when the
        progress is measured from a baseline of another year (a written one): the values and
        their starting point then have different reference years, which the report says and
        ``validate`` warns of (jamfor-med-inte-baslinjen, docs/decisions/0631); else None."""
        ber, b = self.indikator.berakning, self.baslinje
        if ber is None or ber.jamfor_med is None or b is None or b.ar == ber.jamfor_med:
            return None
        return ber.jamfor_med

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the status (code, text, kind, reason), the working, the whole
        series with certainty and sources per value, the gaps, the matintervall and the years
        measured (``matar``), and the sources with whether each is evidence for the year."""
        p = self.progress
        kallor, varden = evidence(self.kallor, self.serie, self.ar)
        belagg = {id(v.punkt): v.belagg for v in varden}
        return {
            "id": self.indikator.id,
            "status": str(p.status),
            "status_text": p.status_text,
            "statusslag": p.statusslag,
            "orsak": None if p.orsak is None else str(p.orsak),
            "orsak_text": p.orsak_text,
            "berakning": _progress_dict(p),
            # where a development is measured from, when not from the baseline (0485)
            "trendstart": _point_dict(self.trendstart),
            # the edition counted against, when not the baseline's year (0631)
            "jamfor_med": self.jamfor_med,
            "serie": [
                {
                    "ar": pt.ar,
                    "varde": pt.varde,
                    "sakerhet": pt.sakerhet,
                    "kallor": list(pt.kallor),
                    "belagg": belagg.get(id(pt), "odaterad"),
                }
                for pt in self.serie
            ],
            "luckor": [
                {"ar": g.ar, "orsak": str(g.orsak), "omraden": list(g.omraden)} for g in self.luckor
            ],
            # how often it is measured, and the years taken as measured: a year between them
            # without a value is no gap (docs/decisions/0395, 0415)
            "matintervall_ar": m.antal_ar
            if (m := applicable_matintervall(self.indikator))
            else None,
            "matar": None if self.matar is None else list(self.matar),
            "sakerhet": self.sakerhet,
            "malvarde_sakerhet": self.malvarde_sakerhet,
            "kallor": [
                {
                    "id": k.kalla.id,
                    "utgivare": k.kalla.utgivare,
                    "titel": k.kalla.titel,
                    "url": k.kalla.url,
                    "datum": k.kalla.datum,
                    "sakerhet": k.kalla.sakerhet,
                    "belagg": k.belagg,
                }
                for k in kallor
            ],
        }


def _point_dict(p: Point | None) -> dict[str, Any] | None:
    return None if p is None else {"ar": p.ar, "varde": p.varde, "sakerhet": p.sakerhet}


def _progress_dict(p: Progress) -> dict[str, Any]:
    return {
        "metod": p.metod,
        "baslinje": _point_dict(p.baslinje),
        "senaste": _point_dict(p.senaste),
        "malvarde": None if p.malvarde is None else {"ar": p.malar, "varde": p.malvarde},
        "kvot": p.kvot,
        "trosklar": list(p.trosklar),
        "forklaring": p.forklaring,
        "senast_kanda": None
        if p.senast_kanda is None
        else {
            "status": str(p.senast_kanda.status),
            "status_text": p.senast_kanda.status_text,
            "statusslag": p.senast_kanda.statusslag,
            "orsak": None if p.senast_kanda.orsak is None else str(p.senast_kanda.orsak),
            "forklaring": p.senast_kanda.forklaring,
        },
    }


def _tvetydig_text(omraden: OmradenFil, nivaer: Iterable[str], b: Point, s: Point) -> str:
    return (
        f"Antalet: {fmt_tal(b.varde)} ({b.ar}) → {fmt_tal(s.varde)} ({s.ar}); "
        f"{moves_text(omraden, nivaer, b.ar, s.ar)}. Ett antal på en nivå som inte är den "
        "högsta ökar när polisen flyttar ned ett område från en högre nivå, så ändringen visar "
        "inte om polisen bedömer områdenas påverkan som högre eller lägre; takten mot målvärdet "
        "bedöms inte. Målvärdet prövas i målåret."
    )


def headline(ind: IndikatorFil, ds: DataSet) -> list[Point]:
    """The series progress is computed on: computed from the police lists, or the utfall
    for the whole city (no område) and both sexes (kon T or not given)."""
    return list(_headline(ind, ds)[0])


def _headline(ind: IndikatorFil, ds: DataSet) -> tuple[Sequence[Point], Sequence[Lucka]]:
    if ind.berakning is not None:
        if ds.omraden is None or ds.omraden.model is None:
            return [], []
        serie = points_for(ind.berakning, ds.omraden.model)
        return serie.punkter, serie.luckor
    return points_from(ind.utfall, sakerhet={k.id: k.sakerhet for k in ind.kallor}), []


def matar(
    ind: IndikatorFil, omraden: OmradenFil | None, years: Iterable[int]
) -> tuple[int, ...] | None:
    """The years in which ``ind`` is measured, from its first value to its last (``years``: those
    of its values and baseline), where the data says so: a count from the police lists is
    measured in each edition of omraden.yaml; an indicator with ``matintervall`` every
    ``antal_ar`` years, on the phase most of ``years`` share. None otherwise: two values further
    apart than a year may have a measurement without a value between them (docs/decisions/0395,
    0415)."""
    known = sorted(set(years))
    if not known:
        return None
    first, last = known[0], known[-1]
    if ind.berakning is not None:
        if omraden is None:
            return None
        return tuple(u for u in sorted({u.ar for u in omraden.upplagor}) if first <= u <= last)
    if ind.matintervall is None:
        return None
    n = ind.matintervall.antal_ar
    # Anchored on the phase most years share (the first year's on a tie): one odd year, even
    # the first, is then the one off the grid, not all the others (docs/decisions/0415).
    counts = Counter(y % n for y in known)
    phase = max(counts, key=lambda r: (counts[r], r == first % n))
    return tuple(range(first + (phase - first) % n, last + 1, n))


def egna_matar(ind: IndikatorFil) -> tuple[int, ...] | None:
    """:func:`matar` of an indicator with its own values, anchored where its chart is: on the
    headline series (no område, kön none or T) and the baseline. The chart and the check
    matintervall-stammer-inte both take the years from here (docs/decisions/0415)."""
    years = [p.ar for p in points_from(ind.utfall)]
    if ind.baslinje is not None:
        years.append(ind.baslinje.ar)
    return matar(ind, None, years)


def _upto(
    grid: tuple[int, ...] | None, years: list[int], baslinje: Point | None
) -> tuple[int, ...] | None:
    """``grid`` (from all the indicator's values, the phase the check uses) up to the last of
    the year's values and baseline: a measurement year after the report's data is not the
    report's to state, as the police counts' editions stop at the year (docs/decisions/0440)."""
    if baslinje is not None:
        years = [*years, baslinje.ar]
    if grid is None or not years:
        return None
    return tuple(y for y in grid if y <= max(years)) or None


@dataclass(eq=False)
class Matrutnat:
    """The measurement years of an indicator's ``matintervall``: every ``antal_ar`` years from
    ``ankare``, both ways, so also the years of values per område or kön before or after the
    chart's (docs/decisions/0415)."""

    antal_ar: int
    #: the chart's first measurement year (:func:`egna_matar`), or without a headline series
    #: or baseline the first year of the phase most values per område or kön share
    ankare: int
    #: whether there is no chart to anchor on (only values per område or kön)
    utan_diagram: bool

    def matar(self, ar: int) -> bool:
        """Whether ``ar`` is a measurement year."""
        return (ar - self.ankare) % self.antal_ar == 0


def applicable_matintervall(ind: IndikatorFil) -> Matintervall | None:
    """The ``matintervall`` the outputs state: none on a count from the police lists, whose
    editions are its measurements whatever the file says (the check warns,
    matintervall-stammer-inte), so that no output says "every fourth year" beside a chart of
    every edition (docs/decisions/0440)."""
    return ind.matintervall if ind.berakning is None else None


def matrutnat(ind: IndikatorFil) -> Matrutnat | None:
    """The grid of :class:`Matrutnat` of an indicator with its own values and a
    ``matintervall``; None without one, for a count from the police lists (their editions are
    its measurements) and for an indicator without values. The check
    matintervall-stammer-inte and the export ask this function; the chart and the JSON take
    :func:`egna_matar`, on which it is anchored."""
    if ind.matintervall is None or ind.berakning is not None:
        return None
    n = ind.matintervall.antal_ar
    grid = egna_matar(ind)
    if grid is not None:
        return Matrutnat(n, grid[0], utan_diagram=False)
    # only values per område or kön: on the phase most of them share, as the chart's (0415),
    # so that one odd year is the one off the grid, also when it is the first (0442)
    years = matar(ind, None, [u.ar for u in ind.utfall])
    return None if years is None else Matrutnat(n, years[0], utan_diagram=True)


def current_target(
    ind: IndikatorFil, ar: int | None, planperiod: tuple[int, int] | None = None
) -> Malvarde | None:
    """The målvärde that applies in year ``ar``: the nearest one due that year or later, else
    the last one (whatever order the file lists them in). With ``planperiod`` only the
    målvärden of the plan's years count: no verdict against another plan's goal (validate
    warns, malvarde-utanfor-planen)."""
    targets = sorted(
        (m for m in ind.malvarden if planperiod is None or planperiod[0] <= m.ar <= planperiod[1]),
        key=lambda m: m.ar,
    )
    if not targets:
        return None
    if ar is not None:
        for m in targets:
            if m.ar >= ar:
                return m
    return targets[-1]


def _order_key(ind: IndikatorFil, fokus_order: dict[str, int]) -> tuple[int, str]:
    # The plan's goal first, then the fokusområden in plan order, then the indicators linked
    # to neither (IndikatorFil.ovrig), each group by id.
    if ind.ovrig:
        return (len(fokus_order) + 100, ind.id)
    if ind.fokusomrade is None:
        return (-1, ind.id)
    return (fokus_order.get(ind.fokusomrade, 99), ind.id)


def evaluate(
    ds: DataSet,
    ar: int | None = None,
    *,
    linked_to: Collection[str] | None = None,
    fokus: Collection[str] | None = None,
) -> list[IndicatorResult]:
    """Every valid indicator, evaluated with the values known up to ``ar`` (all if None).
    ``linked_to``: only the indicators linked to one of these insatser (the check of
    bedömningar needs no other, and the police-list counts are the costly ones); ``fokus``:
    only those of these fokusområden (the check of a verdict on a fokusområde)."""
    fokus_order: dict[str, int] = {}
    planperiod: tuple[int, int] | None = None
    if ds.plan and ds.plan.model:
        fokus_order = {f.id: n for n, f in enumerate(ds.plan.model.fokusomraden)}
        g = ds.plan.model.plan.giltighet
        planperiod = (g.fran, g.till)
    omraden = ds.omraden.model if ds.omraden is not None else None
    omraden_kallor = tuple(omraden.kallor) if omraden is not None else ()
    results: list[IndicatorResult] = []
    valid = [
        s
        for s in ds.indikatorer
        if s.model is not None
        and (linked_to is None or any(i in linked_to for i in s.model.insatser))
        and (fokus is None or s.model.fokusomrade in fokus)
    ]
    # Indicators with findings (e.g. two values in one year) are left out: validate reports them.
    for src in sorted(valid, key=lambda s: _order_key(s.model, fokus_order)):  # type: ignore[arg-type]
        ind = src.model
        assert ind is not None
        try:
            punkter, luckor = _headline(ind, ds)
        except ValueError:  # an edition that does not exist: `validate` reports it
            continue
        serie = [p for p in punkter if ar is None or p.ar <= ar]
        gaps = [g for g in luckor if ar is None or g.ar <= ar]
        baslinje: Point | None = None
        unknown_base: Lucka | None = None
        if ind.baslinje is not None:
            sure = {k.id: k.sakerhet for k in ind.kallor}
            kalla = ind.baslinje.kalla
            baslinje = Point(
                ind.baslinje.ar,
                ind.baslinje.varde,
                sakerhet=sure.get(kalla) if kalla else None,
                kallor=(kalla,) if kalla else (),
            )
        elif ind.berakning is not None and omraden is not None:
            try:
                base = baseline_for(ind.berakning, omraden, planperiod[0] if planperiod else None)
            except ValueError:
                continue
            if isinstance(base, Lucka):
                unknown_base = base
            else:
                baslinje = base
        mal = current_target(ind, ar, planperiod)
        malvarde = malar = mal_sakerhet = None
        if mal is not None:
            mal_sakerhet = mal.sakerhet or next(
                (k.sakerhet for k in ind.kallor if k.id == mal.kalla), None
            )
            faktor = mal.relativt.faktor if mal.relativt is not None else None
            malvarde = resolve_target(baslinje, mal.varde, faktor)
            malar = mal.ar
        tvetydig = None
        if (
            ind.berakning is not None
            and ind.berakning.typ == "antal-omraden"
            and omraden is not None
            and baslinje is not None
            and serie
            and not shows_direction(ind.berakning.nivaer)
        ):
            tvetydig = _tvetydig_text(omraden, ind.berakning.nivaer, baslinje, serie[-1])
        try:
            progress = compute(
                ind.metod,
                ind.riktning,
                baslinje,
                # the baseline's level unknown: nothing can be measured from it
                [] if unknown_base is not None else serie,
                malvarde,
                malar,
                till_ar=ar,
                planperiod=planperiod,
                luckor=[unknown_base] if unknown_base is not None else gaps,
                tvetydig=tvetydig,
            )
        except ValueError:  # two values in one year: `validate` reports dubblett-utfall
            continue
        kallor = tuple(ind.kallor)
        if ind.berakning is not None:  # and the sources in omraden.yaml its values cite
            cited = {kid for p in [*serie, *([baslinje] if baslinje else [])] for kid in p.kallor}
            kallor += tuple(k for k in omraden_kallor if k.id in cited)
        results.append(
            IndicatorResult(
                ind,
                src.display,
                serie,
                baslinje,
                malvarde,
                malar,
                progress,
                tuple(gaps),
                kallor,
                ar,
                mal_sakerhet,
                planperiod,
                matar(
                    ind,
                    omraden,
                    [p.ar for p in serie]
                    + [g.ar for g in gaps]
                    + ([baslinje.ar] if baslinje is not None else []),
                )
                if ind.berakning is not None
                else _upto(egna_matar(ind), [p.ar for p in serie], baslinje),
            )
        )
    return results
