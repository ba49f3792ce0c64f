"""Coverage of one year: which reports came in, how the reported insatser count by status, which
areas each insats reached, and which duties rest only on a group computed from a flag.

Plain data (ids and counts, in plan and file order); the report (:mod:`utsatta.render.report`)
puts it into words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from utsatta.compute.completeness import Cell, Matrix
from utsatta.compute.responsibility import Period, resolve, responsible
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
    #: not due because its återrapportering is not due yet (before the plan's last year; the
    #: deadline is the tool's reading), not because it was given already: "förfaller inte"
    inte_forfallen: bool = False


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
    #: the report counts of the year, one definition for every table (:class:`Rakning`)
    rakning: Rakning


#: The one definition of the report counts, in Swedish, as the report states it.
RAKNING_DEFINITION = (
    "En rapportering är en organisations rapport om en insats. Förväntade är de rapporteringar "
    "som organisationen är skyldig att lämna för året: varje år för årlig rapportering, det "
    "angivna året för en engångsrapportering och planperiodens sista år för en återrapportering "
    "under planperioden som inte redan lämnats. För en återrapportering under planperioden "
    "anger planen inget år; att fristen är planperiodens sista år är utsattas tolkning "
    "(slutledd). Inkomna är de förväntade som har kommit in, saknade de "
    "förväntade som inte har kommit in. Före fristen är återrapporteringar som kommit in före "
    "planperiodens sista år, innan de förfaller; ”ingen rapport (inte förfallen för "
    "rapportåret)” står för en som ännu inte har lämnats. Inte krävda för året är andra "
    "rapporteringar som kommit in utan att vara förväntade: en återrapportering som redan "
    "lämnats, en engångsrapportering ett annat år än det angivna. Lämnade tidigare är "
    "återrapporteringar som organisationen (eller den organisation som den har ärvt insatsen "
    "från) redan lämnat ett tidigare år och inte behöver lämna igen. "
    "Tabellen över insatser per status har en rad för varje inkommen rapportering, förväntad "
    "eller inte, och en rad för de saknade, så den summerar till inkomna + före fristen + inte "
    "krävda + saknade."
)


@dataclass(frozen=True)
class Rakning:
    """The report counts of one year (docs/decisions/0070-report-counts.md).

    ``forvantade`` (owed) = ``inkomna`` (owed and received) + ``saknade`` (owed, not received);
    ``frivilliga`` came in without being owed: ``fore_fristen`` of them are återrapporteringar
    given before their deadline (required, not yet due), the rest were not required that year
    (the JSON key keeps its name; the report's words are "före fristen" and "inte krävda",
    docs/decisions/0557-fore-fristen.md); ``tidigare`` were done in an earlier year and are not
    owed again. Every received report item is either ``inkomna`` or ``frivilliga``.
    """

    ar: int
    forvantade: int
    inkomna: int
    saknade: int
    frivilliga: int
    tidigare: int
    #: of ``frivilliga``, the återrapporteringar given before their deadline
    fore_fristen: int = 0

    @property
    def rader(self) -> int:
        """The rows of "insatser per status": every item received, and every one missing."""
        return self.inkomna + self.frivilliga + self.saknade

    def as_dict(self) -> dict[str, int]:
        """Plain data for JSON (the keys are the Swedish names above)."""
        return {
            "ar": self.ar,
            "forvantade": self.forvantade,
            "inkomna": self.inkomna,
            "saknade": self.saknade,
            "frivilliga": self.frivilliga,
            "tidigare": self.tidigare,
            "fore_fristen": self.fore_fristen,
        }


def rakning(matrix: Matrix) -> Rakning:
    """The report counts of the year of ``matrix``: the one definition every table uses."""
    inkomna = sum(1 for pair in matrix.owed if matrix.cells[pair] is Cell.INKOMMEN)
    frivilliga = sum(
        1
        for pair, cell in matrix.cells.items()
        if cell is Cell.INKOMMEN and pair not in matrix.owed
    )
    return Rakning(
        ar=matrix.ar,
        forvantade=len(matrix.owed),
        inkomna=inkomna,
        saknade=len(matrix.owed) - inkomna,
        frivilliga=frivilliga,
        tidigare=sum(1 for cell in matrix.cells.values() if cell is Cell.TIDIGARE),
        fore_fristen=len(matrix.fore_fristen),
    )


def reports_of_year(ds: DataSet, ar: int) -> dict[str, RapportFil]:
    """The valid reports in the folder ``rapporter/ÅR/``, by organisation id."""
    return {
        src.model.organisation: src.model
        for src in ds.rapporter
        if src.model is not None and src.folder_year == ar
    }


def coverage(
    plan: PlanFil, orgs: OrganisationerFil, matrix: Matrix, reports: Mapping[str, RapportFil]
) -> Coverage:
    """What came in for the year of ``matrix`` (the duties) from ``reports``."""
    items = {(org, item.insats): item for org, rep in reports.items() for item in rep.insatser}
    status_counts: dict[str, int] = {}
    insatser: list[InsatsCoverage] = []
    for ins in plan.insatser:
        cells = {
            org: matrix.cells.get((org, ins.id), Cell.EJ_AKTUELL)
            # only those that hold the insats this year: a ceased organisation owes nothing
            for org in responsible(ins, orgs, matrix.ar, matrix.planperiod)
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
        inte_forfallen = not due and any(
            c is Cell.FRIVILLIG or (org, ins.id) in matrix.fore_fristen for org, c in cells.items()
        )
        insatser.append(InsatsCoverage(ins, cells, received, due, reached, inte_forfallen))
    owing = {org for org, _ in matrix.owed}
    expected = tuple(o for o in matrix.organisationer if o in owing)
    return Coverage(
        ar=matrix.ar,
        reports=reports,
        insatser=tuple(insatser),
        status_counts=status_counts,
        expected_orgs=expected,
        reporting_orgs=sum(1 for o in expected if o in reports),
        rakning=rakning(matrix),
    )


def owed_through_urval(
    insatser: Iterable[Insats], orgs: OrganisationerFil, period: Period | None = None
) -> dict[str, dict[str, list[str]]]:
    """Per insats id, the organisations that owe it only through groups with ``urval`` (not named
    in the plan, nor members of a listed group), with the ids of those groups; a group's
    members in ``period`` only (:func:`~utsatta.compute.responsibility.i_planperioden`)."""
    urval_groups = {g.id for g in orgs.grupper if g.urval is not None}
    out: dict[str, dict[str, list[str]]] = {}
    for ins in insatser:
        ids = [*ins.samordningsansvar, *ins.ansvar]
        direct = set(resolve([i for i in ids if i not in urval_groups], orgs, period=period))
        via: dict[str, list[str]] = {}
        for group in (i for i in dict.fromkeys(ids) if i in urval_groups):
            for org in resolve([group], orgs, period=period):
                if org not in direct:
                    via.setdefault(org, []).append(group)
        if via:
            out[ins.id] = via
    return out
