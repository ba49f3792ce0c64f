"""Coverage of one year: which reports came in, how the reported insatser count by status, which
areas each insats reached, and which duties rest only on a group computed from a flag.

Plain data (ids and counts, in plan and file order); the report (:mod:`utsatta.render.report`)
puts it into words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from utsatta.compute.responsibility import Cell, Matrix, resolve, responsible
from utsatta.load.dataset import DataSet
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import Insats, PlanFil
from utsatta.model.rapport import InsatsRapport, RapportFil

#: the key :attr:`Coverage.status_counts` counts owed reports that did not come in under
SAKNAS = "saknas"


@dataclass(frozen=True)
class InsatsCoverage:
    """One insats in one year: who answers for it, what came in and which areas it reached."""

    insats: Insats
    #: every responsible organisation (samordningsansvar first, then ansvar) and its state
    cells: Mapping[str, Cell]
    #: the responsible organisations' report items on this insats, by organisation
    items: Mapping[str, InsatsRapport]
    #: a report on this insats is owed by someone this year
    due: bool
    #: område id -> how many of the reports on this insats name it (once per report)
    reached: Mapping[str, int]


@dataclass(frozen=True)
class Coverage:
    """Reports and reach of one year, for every insats in plan order."""

    ar: int
    #: organisation id -> its report in ``rapporter/ÅR/``
    reports: Mapping[str, RapportFil]
    insatser: tuple[InsatsCoverage, ...]
    #: report status (``genomford`` …) or :data:`SAKNAS` -> how many (organisation, insats) pairs
    status_counts: Mapping[str, int]
    #: the organisations that owe a report this year, organisationer.yaml order
    expected_orgs: tuple[str, ...]
    #: how many of ``expected_orgs`` sent a report
    reporting_orgs: int


def reports_of_year(ds: DataSet, ar: int) -> dict[str, RapportFil]:
    """The valid reports in the folder ``rapporter/ÅR/``, by organisation id."""
    out: dict[str, RapportFil] = {}
    for src in ds.rapporter:
        if src.model is not None and src.path.parent.name == str(ar):
            out[src.model.organisation] = src.model
    return out


def coverage(
    plan: PlanFil, orgs: OrganisationerFil, matrix: Matrix, reports: Mapping[str, RapportFil]
) -> Coverage:
    """What came in for the year of ``matrix`` (the duties) from ``reports``."""
    items = {(org, item.insats): item for org, rep in reports.items() for item in rep.insatser}
    status_counts: dict[str, int] = {}
    insatser: list[InsatsCoverage] = []
    for ins in plan.insatser:
        cells = {
            org: matrix.cells.get((org, ins.id), Cell.EJ_AKTUELL) for org in responsible(ins, orgs)
        }
        received: dict[str, InsatsRapport] = {}
        reached: dict[str, int] = {}
        for org, cell in cells.items():
            item = items.get((org, ins.id))
            if item is None:
                if cell is Cell.SAKNAS:
                    status_counts[SAKNAS] = status_counts.get(SAKNAS, 0) + 1
                continue
            received[org] = item
            status_counts[item.status] = status_counts.get(item.status, 0) + 1
            for o in dict.fromkeys(item.omraden):
                reached[o] = reached.get(o, 0) + 1
        due = any((org, ins.id) in matrix.owed for org in cells)
        insatser.append(InsatsCoverage(ins, cells, received, due, reached))
    owing = {org for org, _ in matrix.owed}
    expected = tuple(o for o in matrix.organisationer if o in owing)
    return Coverage(
        ar=matrix.ar,
        reports=reports,
        insatser=tuple(insatser),
        status_counts=status_counts,
        expected_orgs=expected,
        reporting_orgs=sum(1 for o in expected if o in reports),
    )


def owed_through_urval(
    insatser: Iterable[Insats], orgs: OrganisationerFil
) -> dict[str, dict[str, list[str]]]:
    """Per insats id, the organisations that owe it only through groups with ``urval`` (not named
    in the plan, nor members of a listed group), with the ids of those groups."""
    urval_groups = {g.id for g in orgs.grupper if g.urval is not None}
    out: dict[str, dict[str, list[str]]] = {}
    for ins in insatser:
        ids = [*ins.samordningsansvar, *ins.ansvar]
        direct = set(resolve([i for i in ids if i not in urval_groups], orgs))
        via: dict[str, list[str]] = {}
        for group in (i for i in dict.fromkeys(ids) if i in urval_groups):
            for org in resolve([group], orgs):
                if org not in direct:
                    via.setdefault(org, []).append(group)
        if via:
            out[ins.id] = via
    return out
