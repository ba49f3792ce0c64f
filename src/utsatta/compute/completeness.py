"""The completeness matrix of one year (insats × organisation): which reports are owed, which
came in, which are missing, given before the deadline or in an earlier year, from the duties
that :class:`~utsatta.compute.responsibility.Duties` resolves (who holds what in a year).

When a report is owed follows the insats's kind of uppföljning (:func:`due`; the rules are
described in :mod:`utsatta.compute.responsibility`): ``arlig`` every year, ``en-gang`` in its
year, ``under-planperioden`` in the plan's last year unless given earlier, itself or through a
predecessor (docs/decisions/0557-fore-fristen.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from utsatta.compute.responsibility import Ansvarsgrund, Duties, Period
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import Insats, PlanFil


class Cell(StrEnum):
    """The state of one (organisation, insats) pair in one year."""

    INKOMMEN = "inkommen"
    SAKNAS = "saknas"
    # under-planperioden, before the last year: required, not yet due (the value is the status
    # JSON's code, kept; the words say "inte förfallen", docs/decisions/0557-fore-fristen.md)
    FRIVILLIG = "frivillig"
    TIDIGARE = "lämnad tidigare"  # under-planperioden, reported in an earlier year
    EJ_AKTUELL = "ej aktuell"  # not responsible, or not due this year


def due(insats: Insats, ar: int, last: int) -> Literal["always", "unless-earlier", "no"]:
    """Whether a responsible organisation owes ``insats``'s report for ``ar`` (``last``: the
    plan's last year): always (yearly, or once in ``ar``), unless it was återrapporterad an
    earlier year (``under-planperioden`` in the last year), or not."""
    kind = insats.uppfoljning.typ
    if kind == "arlig" or (kind == "en-gang" and insats.uppfoljning.ar == ar):
        return "always"
    if kind == "under-planperioden" and ar >= last:
        return "unless-earlier"
    return "no"


@dataclass(eq=False)
class Matrix:
    """The completeness matrix of one year: insats × organisation."""

    ar: int
    insatser: list[str]  # plan order
    organisationer: list[str]  # organisationer.yaml order, only those with any duty
    cells: dict[tuple[str, str], Cell]  # (organisation, insats) -> state
    #: the pairs owed this year (a voluntary report comes in without being owed)
    owed: frozenset[tuple[str, str]]
    #: why each organisation in ``cells`` holds its insats this year
    grunder: dict[tuple[str, str], Ansvarsgrund] = field(default_factory=dict)
    #: the received pairs not owed because their återrapportering (under-planperioden, not yet
    #: given) is not due before the plan's last year: required by the plan, given before the
    #: deadline, which is the tool's reading (slutledd; docs/decisions/0557-fore-fristen.md)
    fore_fristen: frozenset[tuple[str, str]] = frozenset()
    #: the plan period the duties were resolved in (what a view of the matrix resolves in)
    planperiod: Period | None = None

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
        # Only the organisations with something missing are crossed with every insats:
        # thousands of organisations owe a few insatser each.
        missing: dict[str, set[str]] = {}
        for (org, ins), cell in self.cells.items():
            if cell is Cell.SAKNAS:
                missing.setdefault(org, set()).add(ins)
        return [
            (org, ins)
            for org in self.organisationer
            if org in missing
            for ins in self.insatser
            if ins in missing[org]
        ]


def matrix(
    plan: PlanFil,
    orgs: OrganisationerFil,
    ar: int,
    reported: Mapping[int, Mapping[str, Iterable[str]]],
    duties: Duties | None = None,
    *,
    reasons: bool = True,
) -> Matrix:
    """Completeness for year ``ar``. ``reported[year][org]`` are the insats ids reported.

    Pass ``duties`` (built once from the same plan and organisations) when computing several
    years. With ``reasons=False`` the matrix has no ``grunder`` (a check that only counts
    what is missing need not say why each organisation owes what it owes).
    """
    d = duties if duties is not None else Duties.of(plan, orgs)
    last = plan.plan.giltighet.till
    done_now = {org: set(ids) for org, ids in reported.get(ar, {}).items()}
    # The first year each (organisation, insats) was reported before ``ar``: one pass over
    # the reports, so the "reported earlier" question is a lookup.
    first: dict[tuple[str, str], int] = {}
    for year, by_org in reported.items():
        if year < ar:
            for org, ids in by_org.items():
                for ins in ids:
                    if first.get((org, ins), year + 1) > year:
                        first[(org, ins)] = year
    cells: dict[tuple[str, str], Cell] = {}
    grunder: dict[tuple[str, str], Ansvarsgrund] = {}
    owed: set[tuple[str, str]] = set()
    fore_fristen: set[tuple[str, str]] = set()
    for insats in plan.insatser:
        kind = insats.uppfoljning.typ
        when = due(insats, ar, last)
        for org in d.responsible(insats.id, ar):
            pair = (org, insats.id)
            if reasons:
                grunder[pair] = d.why(org, insats.id, ar)
            earlier = kind == "under-planperioden" and any(
                (o, insats.id) in first for o in d.lineage(org, insats.id, ar)
            )
            if when == "always" or (when == "unless-earlier" and not earlier):
                owed.add(pair)
            if insats.id in done_now.get(org, ()):
                cells[pair] = Cell.INKOMMEN
                if pair not in owed and kind == "under-planperioden" and not earlier:
                    fore_fristen.add(pair)
            elif pair in owed:
                cells[pair] = Cell.SAKNAS
            elif earlier:
                cells[pair] = Cell.TIDIGARE
            elif kind == "under-planperioden":
                cells[pair] = Cell.FRIVILLIG
            else:
                cells[pair] = Cell.EJ_AKTUELL
    with_duty = {org for org, _ in cells}
    order = [o.id for o in orgs.organisationer if o.id in with_duty]
    return Matrix(
        ar,
        [i.id for i in plan.insatser],
        order,
        cells,
        frozenset(owed),
        grunder,
        frozenset(fore_fristen),
        d.period,
    )
