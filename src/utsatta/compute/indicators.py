"""Evaluate every indicator of a data set for one year: the series used and its progress."""

from __future__ import annotations

from dataclasses import dataclass

from utsatta.compute.progress import Point, Progress, compute, points_from, resolve_target
from utsatta.load.dataset import DataSet
from utsatta.model.indikator import IndikatorFil, Malvarde


@dataclass(frozen=True)
class IndicatorResult:
    indikator: IndikatorFil
    file: str
    #: the headline series up to the year (all areas together, both sexes)
    serie: list[Point]
    baslinje: Point | None
    malvarde: float | None
    malar: int | None
    progress: Progress


def headline(ind: IndikatorFil, ds: DataSet) -> list[Point]:
    """The series progress is computed on: computed from the police lists, or the utfall
    for the whole city (no område) and both sexes (kon T or not given)."""
    if ind.berakning is not None:
        if ds.omraden is None or ds.omraden.model is None:
            return []
        from utsatta.compute.police import points_for

        return list(points_for(ind.berakning, ds.omraden.model))
    return points_from(ind.utfall)


def current_target(ind: IndikatorFil, ar: int | None) -> Malvarde | None:
    """The målvärde that applies in year ``ar``: the nearest one due that year or later, else
    the last one (whatever order the file lists them in)."""
    targets = sorted(ind.malvarden, key=lambda m: m.ar)
    if not targets:
        return None
    if ar is not None:
        for m in targets:
            if m.ar >= ar:
                return m
    return targets[-1]


def _order_key(ind: IndikatorFil, fokus_order: dict[str, int]) -> tuple[int, str]:
    # The plan's goal first, then the fokusområden in plan order, then by id.
    if ind.fokusomrade is None:
        return (-1, ind.id)
    return (fokus_order.get(ind.fokusomrade, 99), ind.id)


def evaluate(ds: DataSet, ar: int | None = None) -> list[IndicatorResult]:
    """Every valid indicator, evaluated with the values known up to ``ar`` (all if None)."""
    fokus_order: dict[str, int] = {}
    if ds.plan and ds.plan.model:
        fokus_order = {f.id: n for n, f in enumerate(ds.plan.model.fokusomraden)}
    results: list[IndicatorResult] = []
    valid = [s for s in ds.indikatorer if s.model is not None]
    # Indicators with findings (e.g. two values in one year) are left out: validate reports them.
    for src in sorted(valid, key=lambda s: _order_key(s.model, fokus_order)):  # type: ignore[arg-type]
        ind = src.model
        assert ind is not None
        try:
            serie = [p for p in headline(ind, ds) if ar is None or p.ar <= ar]
        except ValueError:  # an edition that does not exist: `validate` reports it
            continue
        baslinje: Point | None = None
        if ind.baslinje is not None:
            baslinje = Point(ind.baslinje.ar, ind.baslinje.varde)
        elif ind.berakning is not None and ds.omraden and ds.omraden.model:
            from utsatta.compute.police import baseline_for

            try:
                baslinje = baseline_for(ind.berakning, ds.omraden.model)
            except ValueError:
                continue
        mal = current_target(ind, ar)
        malvarde = malar = None
        if mal is not None:
            faktor = mal.relativt.faktor if mal.relativt is not None else None
            malvarde = resolve_target(baslinje, mal.varde, faktor)
            malar = mal.ar
        try:
            progress = compute(
                ind.metod, ind.riktning, baslinje, serie, malvarde, malar, till_ar=ar
            )
        except ValueError:  # two values in one year: `validate` reports dubblett-utfall
            continue
        results.append(
            IndicatorResult(ind, src.display, serie, baslinje, malvarde, malar, progress)
        )
    return results
