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
    #: the pairs owed this year (a voluntary report comes in without being owed)
    owed: frozenset[tuple[str, str]]

    def forvantade(self) -> int:
        return len(self.owed)

    def inkomna(self) -> int:
        """Owed reports that came in (voluntary ones are not counted)."""
        return sum(1 for pair in self.owed if self.cells[pair] is Cell.INKOMMEN)

    def saknas_per_organisation(self) -> dict[str, list[str]]:
        """Missing insatser by organisation, both in the order of :meth:`saknas`."""
        out: dict[str, list[str]] = {}
        for org, ins in self.saknas():
            out.setdefault(org, []).append(ins)
        return out

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
    owed: set[tuple[str, str]] = set()
    with_duty: set[str] = set()
    for insats in plan.insatser:
        kind = insats.uppfoljning.typ
        for org in responsible(insats, orgs):
            with_duty.add(org)
            pair = (org, insats.id)
            earlier = kind == "under-planperioden" and any(
                insats.id in reported.get(year, {}).get(org, ()) for year in reported if year < ar
            )
            if (
                kind == "arlig"
                or (kind == "en-gang" and insats.uppfoljning.ar == ar)
                or (kind == "under-planperioden" and ar >= last and not earlier)
            ):
                owed.add(pair)
            if insats.id in done_now.get(org, ()):
                cells[pair] = Cell.INKOMMEN
            elif pair in owed:
                cells[pair] = Cell.SAKNAS
            elif earlier:
                cells[pair] = Cell.TIDIGARE
            elif kind == "under-planperioden":
                cells[pair] = Cell.FRIVILLIG
            else:
                cells[pair] = Cell.EJ_AKTUELL
    order = [o.id for o in orgs.organisationer if o.id in with_duty]
    return Matrix(ar, [i.id for i in plan.insatser], order, cells, frozenset(owed))
