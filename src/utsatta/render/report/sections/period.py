"""The plan period as the slutuppföljning sees it: every plan year's completeness matrix and
reports, each organisation's latest report on an insats within the period (its own or its
predecessor's), and every owed report that never came in, with its year.

Only the report for the plan's last year is built on it (the final report must show nuläge and
the plan for continued work for every insats, also those reported earlier in the period:
docs/decisions/0160-slutuppfoljning-over-perioden.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from utsatta.compute.completeness import Cell, Matrix
from utsatta.compute.coverage import reports_of_year
from utsatta.compute.duties import Reported, duties_of, reported, year_matrix
from utsatta.compute.plan_years import years_through
from utsatta.compute.responsibility import Duties
from utsatta.load.dataset import DataSet
from utsatta.model.rapport import InsatsRapport, RapportFil

#: the statuses that close an insats as done; "avbruten" closes it too, but is its own outcome
GENOMFORD = "genomford"
AVBRUTEN = "avbruten"


@dataclass(frozen=True)
class Senaste:
    """An organisation's latest report on an insats within the plan period."""

    ar: int
    #: who wrote it: the organisation itself or the predecessor it holds the insats from
    organisation: str
    item: InsatsRapport
    illustrativ: bool


@dataclass(frozen=True)
class Period:
    fran: int
    ar: int
    duties: Duties
    #: the matrix of each plan year up to ``ar``
    matrices: Mapping[int, Matrix]
    reports: Mapping[int, Mapping[str, RapportFil]]

    def lineage(self, org: str, insats: str) -> list[str]:
        """``org`` and every predecessor it holds ``insats`` from in the last year."""
        return self.duties.lineage(org, insats, self.ar)

    def latest(self, org: str, insats: str) -> Senaste | None:
        """The latest report in the plan years on ``insats`` by ``org`` or a predecessor it
        holds the insats from: the year matrices say who reported (their cells are the one
        definition)."""
        lineage = self.lineage(org, insats)
        for year in sorted(self.matrices, reverse=True):
            for o in lineage:
                rep = self.reports[year].get(o)
                if rep is None or self.matrices[year].cells.get((o, insats)) is not Cell.INKOMMEN:
                    continue
                item = next((i for i in rep.insatser if i.insats == insats), None)
                if item is not None:
                    return Senaste(year, o, item, rep.illustrativ)
        return None

    def missing(self, org: str, insats: str) -> dict[str, list[int]]:
        """Who owed a report on ``insats`` that never came in, and in which plan years: ``org``
        itself and every predecessor it holds the insats from, each under its own name."""
        out: dict[str, list[int]] = {}
        for y, m in sorted(self.matrices.items()):
            for o in self.lineage(org, insats):
                if m.cells.get((o, insats)) is Cell.SAKNAS:
                    out.setdefault(o, []).append(y)
        return out

    def forvantade(self) -> int:
        """Owed reports (organisation, insats, year) over the period up to ``ar``."""
        return sum(m.forvantade() for m in self.matrices.values())

    def inkomna(self) -> int:
        return sum(m.inkomna() for m in self.matrices.values())


@dataclass(frozen=True)
class PlanYears:
    """Every plan year's completeness matrix from the plan's start up to the report year, and
    the duties they come from: built once per report (:func:`plan_years`) for the
    slutuppföljning's period and bilaga C, which ask the same question of the same years."""

    fran: int
    ar: int
    duties: Duties
    matrices: Mapping[int, Matrix]


def plan_years(
    ds: DataSet, ar: int, done: Reported | None = None, duties: Duties | None = None
) -> PlanYears | None:
    """The matrices of the plan years up to ``ar`` (:func:`utsatta.compute.plan_years.
    years_through`, the years ``validate --year ÅR`` checks; without ``grunder``: only the
    cells are asked), or None without a valid plan and organisations; ``done`` and ``duties``
    as for :func:`utsatta.compute.duties.year_matrix`, when the caller has them already."""
    d = duties if duties is not None else duties_of(ds)
    if d is None or ds.plan is None or ds.plan.model is None:
        return None
    done = reported(ds) if done is None else done
    g = ds.plan.model.plan.giltighet
    matrices: dict[int, Matrix] = {}
    for year in years_through(g, ar):
        m = year_matrix(ds, year, done, d, reasons=False)
        if m is not None:
            matrices[year] = m
    return PlanYears(g.fran, ar, d, matrices)


def period_of(ds: DataSet, years: PlanYears) -> Period:
    """The period of ``years`` (every year's matrix and reports)."""
    reports = {year: reports_of_year(ds, year) for year in years.matrices}
    return Period(years.fran, years.ar, years.duties, years.matrices, reports)
