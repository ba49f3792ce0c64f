"""A goal's computed outcome in the slutuppföljning: "nått" where the indicator that decides the
goal reaches its målvärde in the goal year, "inte nått" where it does not.

One rule for the report's table "Målen" (render.report.sections.slutuppfoljning) and the check
that compares the written verdict with it (check.goal_verdicts, decision 0535).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from utsatta.compute.goal import met
from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.status import Point


@dataclass(eq=False)
class GoalOutcome:
    """The value of the goal year and whether it reaches the målvärde of that year."""

    point: Point
    malvarde: float
    reached: bool


def deciding(results: Iterable[IndicatorResult]) -> dict[str, IndicatorResult]:
    """Per goal (``mal`` for the plan's mål, a delmål's id), the indicator that decides it: the
    first that names it (two indicators for one goal is a finding, dubblett-mal)."""
    by_goal: dict[str, IndicatorResult] = {}
    for r in results:
        if r.indikator.mal is not None:
            by_goal.setdefault(r.indikator.mal, r)
    return by_goal


def value_of(r: IndicatorResult, ar: int) -> Point | None:
    """The indicator's value for ``ar``, or None where it has none."""
    return next((p for p in r.serie if p.ar == ar), None)


def outcome(r: IndicatorResult | None, ar: int) -> GoalOutcome | None:
    """The outcome in ``ar`` of the goal ``r`` decides; None where it cannot be computed: no
    indicator, no value for ``ar``, or no målvärde for ``ar``."""
    if r is None:
        return None
    point = value_of(r, ar)
    if point is None or r.malvarde is None or r.malar != ar:
        return None
    d = -1 if r.indikator.riktning == "lagre-ar-battre" else 1
    return GoalOutcome(point, r.malvarde, met(d, point.varde, r.malvarde))
