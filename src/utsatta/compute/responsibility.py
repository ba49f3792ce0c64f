"""Who must report on what, and when: the plan's responsibility matrix made explicit.

Rules (the plan's three kinds of uppföljning):
- ``arlig``: every year of the plan period, every responsible organisation reports.
- ``en-gang``: only in the year named (1:7: with the slutrapport to Socialstyrelsen 2023).
- ``under-planperioden``: återrapportering at least once during the period; it is owed in the
  period's last year by every responsible organisation that has not reported it in an earlier
  year. Before that, a report is welcome but not owed.

The organisations with samordningsansvar report too (their report carries the overall
assessment), so the expected organisations of an insats are samordningsansvar ∪ ansvar.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import Insats, PlanFil


class Cell(StrEnum):
    """The state of one (organisation, insats) pair in one year."""

    INKOMMEN = "inkommen"
    SAKNAS = "saknas"
    FRIVILLIG = "frivillig"  # under-planperioden, before the last year
    TIDIGARE = "lämnad tidigare"  # under-planperioden, reported in an earlier year
    EJ_AKTUELL = "ej aktuell"  # not responsible, or not due this year


def resolve(ids: Iterable[str], orgs: OrganisationerFil) -> list[str]:
    """Organisation ids for a list of organisation and group ids, in order, without repeats."""
    groups = {g.id: g for g in orgs.grupper}
    known = {o.id for o in orgs.organisationer}
    out: list[str] = []
    for ident in ids:
        if ident in groups:
            group = groups[ident]
            if group.medlemmar is not None:
                members = list(group.medlemmar)
            else:
                members = [
                    o.id for o in orgs.organisationer if getattr(o, group.urval or "", False)
                ]
        elif ident in known:
            members = [ident]
        else:
            members = []
        for m in members:
            if m not in out:
                out.append(m)
    return out


def responsible(insats: Insats, orgs: OrganisationerFil) -> list[str]:
    """Every organisation that reports on ``insats``: samordningsansvar first, then ansvar."""
    return resolve([*insats.samordningsansvar, *insats.ansvar], orgs)


@dataclass(frozen=True)
class Matrix:
    """The completeness matrix of one year: insats × organisation."""

    ar: int
    insatser: list[str]  # plan order
    organisationer: list[str]  # organisationer.yaml order, only those with any duty
    cells: dict[tuple[str, str], Cell]  # (organisation, insats) -> state

    def forvantade(self) -> int:
        return sum(1 for c in self.cells.values() if c in (Cell.INKOMMEN, Cell.SAKNAS))

    def inkomna(self) -> int:
        return sum(1 for c in self.cells.values() if c is Cell.INKOMMEN)

    def saknas(self) -> list[tuple[str, str]]:
        """Missing (organisation, insats) pairs, by organisation then plan order."""
        return [
            (org, ins)
            for org in self.organisationer
            for ins in self.insatser
            if self.cells.get((org, ins)) is Cell.SAKNAS
        ]


def matrix(
    plan: PlanFil,
    orgs: OrganisationerFil,
    ar: int,
    reported: Mapping[int, Mapping[str, Iterable[str]]],
) -> Matrix:
    """Completeness for year ``ar``. ``reported[year][org]`` are the insats ids reported."""
    last = plan.plan.giltighet.till
    done_now = {org: set(ids) for org, ids in reported.get(ar, {}).items()}
    cells: dict[tuple[str, str], Cell] = {}
    with_duty: set[str] = set()
    for insats in plan.insatser:
        kind = insats.uppfoljning.typ
        for org in responsible(insats, orgs):
            with_duty.add(org)
            if insats.id in done_now.get(org, ()):
                cells[(org, insats.id)] = Cell.INKOMMEN
            elif kind == "arlig" or (kind == "en-gang" and insats.uppfoljning.ar == ar):
                cells[(org, insats.id)] = Cell.SAKNAS
            elif kind == "under-planperioden":
                earlier = any(
                    insats.id in ids
                    for year, by_org in reported.items()
                    if year < ar
                    for o, ids in by_org.items()
                    if o == org
                )
                if earlier:
                    cells[(org, insats.id)] = Cell.TIDIGARE
                elif ar >= last:
                    cells[(org, insats.id)] = Cell.SAKNAS
                else:
                    cells[(org, insats.id)] = Cell.FRIVILLIG
            else:
                cells[(org, insats.id)] = Cell.EJ_AKTUELL
    order = [o.id for o in orgs.organisationer if o.id in with_duty]
    return Matrix(ar, [i.id for i in plan.insatser], order, cells)
