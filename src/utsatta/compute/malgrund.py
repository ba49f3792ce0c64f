"""What a written verdict on a fokusområde rests on. The plan's mål and delmål state their own
target in its words ("inga särskilt utsatta områden"); a fokusområde has none, so a verdict on
how far it is reached ("delvis uppnått", "bedöms uppnås") needs an indicator of that
fokusområde with a målvärde in the plan period to be measured against
(docs/decisions/0240-bedomning-utan-malvarde.md), and an indicator of it that can be assessed
for the year (docs/decisions/0401-bedomning-utan-underlag.md). Pure functions, and
:func:`fokus_utan_underlag`, the one place the check and the export ask the indicators.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from utsatta.compute.status import Status
from utsatta.model.indikator import IndikatorFil

if TYPE_CHECKING:  # validate imports this module; the indicators' code only when it is needed
    from utsatta.compute.indicators import IndicatorResult
    from utsatta.load.dataset import DataSet
    from utsatta.model.plan import Giltighet

#: the verdicts that say how far a goal is reached; "osakert" and "kan-inte-bedomas" say it
#: cannot be told, which needs no målvärde
MOT_MAL: Final = frozenset(
    {"uppnatt", "delvis-uppnatt", "inte-uppnatt", "bedoms-uppnas", "bedoms-inte-uppnas"}
)


def fokus_med_malvarde(indikatorer: Iterable[IndikatorFil], period: Giltighet) -> frozenset[str]:
    """The fokusområden with an indicator that has a målvärde for a year of the plan's
    ``period`` (a målvärde of an earlier plan is not this plan's goal)."""
    return frozenset(
        ind.fokusomrade
        for ind in indikatorer
        if ind.fokusomrade is not None and any(period.covers(m.ar) for m in ind.malvarden)
    )


def utan_malvarde(bedomning: str, fokusomrade: str, med: frozenset[str]) -> bool:
    """Whether the verdict ``bedomning`` says how far ``fokusomrade`` is reached although no
    målvärde is behind it (``med``: the fokusområden that have one)."""
    return bedomning in MOT_MAL and fokusomrade not in med


def fokus_med_underlag(results: Iterable[IndicatorResult]) -> frozenset[str]:
    """The fokusområden with an indicator that can be assessed for the year the ``results``
    were evaluated for (any status but ej bedömbar)."""
    return frozenset(
        r.indikator.fokusomrade
        for r in results
        if r.indikator.fokusomrade is not None and r.progress.status is not Status.EJ_BEDOMBAR
    )


def utan_underlag(
    bedomning: str, fokusomrade: str, med_malvarde: frozenset[str], med_underlag: frozenset[str]
) -> bool:
    """Whether the verdict ``bedomning`` says how far ``fokusomrade`` is reached although none
    of its indicators can be assessed for the year. Not where no målvärde is behind it at all:
    :func:`utan_malvarde` already says that, and one finding is enough."""
    return bedomning in MOT_MAL and fokusomrade in med_malvarde and fokusomrade not in med_underlag


def fokus_utan_underlag(
    ds: DataSet, ar: int, bedomningar: Iterable[tuple[str, str]], med_malvarde: frozenset[str]
) -> frozenset[str]:
    """The fokusområden among ``bedomningar`` ((fokusområde, bedömning) of the year ``ar``)
    whose verdict says how far they are reached although none of their indicators can be
    assessed for ``ar`` (:func:`utan_underlag`). Not where an indicator of the fokusområde
    has an error that leaves it out (two values in one year, a file that does not load):
    validate reports that error, and the indicator may well be assessable once it is fixed
    (granska10 F8). The check (bedomning-utan-underlag) and the export both ask here."""
    pairs = list(bedomningar)
    # before any indicator is computed, no fokusområde has underlag: those that would need it
    asked = {f for f, b in pairs if utan_underlag(b, f, med_malvarde, frozenset())}
    if not asked:
        return frozenset()  # no verdict to check: the indicators need not be computed
    if any(s.model is None for s in ds.indikatorer):
        return frozenset()  # a file that does not load: its fokusområde is not known
    from utsatta.compute.indicators import evaluate

    results = evaluate(ds, ar, fokus=asked)
    evaluated = {id(r.indikator) for r in results}
    felaktiga = {
        s.model.fokusomrade
        for s in ds.indikatorer
        if s.model is not None and s.model.fokusomrade in asked and id(s.model) not in evaluated
    }
    med = fokus_med_underlag(results) | felaktiga
    return frozenset(f for f, b in pairs if utan_underlag(b, f, med_malvarde, med))
