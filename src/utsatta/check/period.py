"""The plan's period: a year a command or library call answers for must lie in it."""

from __future__ import annotations

from utsatta.errors import ArgumentError
from utsatta.load.dataset import DataSet


def require_year(ds: DataSet, year: int) -> None:
    """Raise ``ArgumentError`` (Swedish message, ``argument="year"``) when ``year`` lies
    outside the period of the data set's plan. Without a valid plan there is no period to
    hold it to: the findings say why the plan cannot be read."""
    plan = ds.plan.model if ds.plan is not None else None
    if plan is None:
        return
    first, last = plan.plan.giltighet.fran, plan.plan.giltighet.till
    if not first <= year <= last:
        raise ArgumentError(
            f"{year} ligger utanför planens giltighetstid {first}–{last}. Ange ett år från "
            f"{first} till {last}.",
            argument="year",
        )
