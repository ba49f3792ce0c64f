"""The plan's period: a year a command or library call answers for must lie in it."""

from __future__ import annotations

from utsatta.errors import ArgumentError
from utsatta.fileio import shown
from utsatta.load.dataset import DataSet


def require_year(ds: DataSet, year: int) -> None:
    """Raise ``ArgumentError`` (Swedish message, ``argument="year"``) when ``year`` lies
    outside the period of the data set's plan. Without a valid plan there is no period to
    hold it to: the findings say why the plan cannot be read. A year that is no whole
    number (a str, a float, True) is refused whatever the plan (``require_whole_year``)."""
    require_whole_year(year)
    plan = ds.plan.model if ds.plan is not None else None
    if plan is None:
        return
    g = plan.plan.giltighet
    if not g.covers(year):
        raise ArgumentError(outside_period(year, g.fran, g.till), argument="year")


def outside_period(year: int, fran: int, till: int) -> str:
    """The one message for a year outside the plan's period. A year after it is most often the
    next year's follow-up, which no plan here covers: said so, with where to read on."""
    if year > till:
        return (
            f"datan har ingen plan för {year}: planen gäller {fran}–{till}. För uppföljning "
            f"efter {till} behövs den nya planen: flytta den här datamappen till ett arkiv och "
            "lägg in den nya planen (README, ”Ny planperiod”). Gällde kommandot den här "
            f"planen: ange ett år från {fran} till {till}."
        )
    return (
        f"{year} ligger utanför planens giltighetstid {fran}–{till}. Ange ett år från {fran} "
        f"till {till}."
    )


def require_whole_year(year: object) -> None:
    """Raise ``ArgumentError`` (Swedish) when ``year`` is no whole number (a str, a float,
    True): a library caller's mistake, said before any work that would trip over it."""
    if not isinstance(year, int) or isinstance(year, bool):
        raise ArgumentError(
            f"Året ska vara ett heltal, till exempel 2023, inte {type(year).__name__}: "
            f"{shown(repr(year))}.",
            argument="year",
        )
