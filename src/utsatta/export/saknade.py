"""The reports that should have come in and did not: the rows ``rapport-saknas`` and
``insats-saknas`` of the table ``insatsrapporter``; and, for every row of that table, whether
the report was owed (``rapportering``: forvantad, fore-fristen, ej-kravd).

Who should have reported is decided where the report and ``validate`` decide it
(:func:`utsatta.compute.duties.year_matrix`, time-aware through
:mod:`utsatta.compute.responsibility`): only the plan's years up to the export's, only what is
owed that year (``en-gang`` in its year, ``under-planperioden`` in the last year unless reported
earlier), only organisations that exist at the year's end (a ceased one's duty lies with its
successor). A missing report is a row with an explicit status, never an absent row that reads as
"nothing to report".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from utsatta.compute.completeness import Matrix
from utsatta.compute.duties import duties_of, reported, year_matrix
from utsatta.compute.plan_years import years_through
from utsatta.export.cells import relative_file
from utsatta.load.dataset import DataSet
from utsatta.wording import luckor

__all__ = [
    "RAPPORTERING_TEXT",
    "SAKNAS_TEXT",
    "Saknad",
    "luckor_text",
    "matrices",
    "missing",
    "rapportering",
]

SAKNAS_TEXT: Final[Mapping[str, str]] = {
    "rapport-saknas": "Rapport saknas",
    "insats-saknas": "Insatsen saknas i rapporten",
}


@dataclass(frozen=True)
class Saknad:
    ar: int
    organisation: str
    insats: str
    #: the report that lacks the insats (relative to the data folder), None: no report at all
    fil: str | None
    #: the duty comes from an illustrative plan or organisationer.yaml
    illustrativ: bool


#: the column ``rapportering``: whether a row's report was owed that year (the report's counts,
#: :func:`utsatta.compute.coverage.rakning`: förväntade, före fristen, inte krävda), in words.
#: A återrapportering given before the last year is required, not voluntary (granska18 G5)
RAPPORTERING_TEXT: Final[Mapping[str, str]] = {
    "forvantad": "Förväntad för året",
    "fore-fristen": "Före fristen: återrapportering under planperioden, lämnad innan den "
    "förfaller (fristen planperiodens sista år, slutledd)",
    "ej-kravd": "Inte krävd för året",
    "utan-ansvar": "Organisationen har inget ansvar för insatsen enligt planen",
}


def matrices(ds: DataSet, ar: int) -> dict[int, Matrix]:
    """The completeness matrix of every plan year up to ``ar`` (the one rule of who owes what,
    :func:`utsatta.compute.duties.year_matrix`); empty without a valid plan and organisations."""
    plan = ds.plan.model if ds.plan else None
    duties = duties_of(ds)
    if plan is None or duties is None:
        return {}
    done = reported(ds)
    g = plan.plan.giltighet
    out: dict[int, Matrix] = {}
    for year in years_through(g, ar):
        m = year_matrix(ds, year, done, duties, reasons=False)
        if m is not None:
            out[year] = m
    return out


def rapportering(m: Matrix | None, organisation: str, insats: str) -> str | None:
    """Whether ``organisation``'s report on ``insats`` was owed in ``m``'s year: "forvantad"
    (counted among the year's förväntade), "fore-fristen" (a återrapportering given before the
    plan's last year: required, not yet due, :attr:`Matrix.fore_fristen`), "ej-kravd" (came in
    without being owed otherwise: a återrapportering already given, an engångsrapportering in
    another year), "utan-ansvar" (the plan gives the organisation no part in the insats that
    year); None for a year outside the plan's period (no matrix)."""
    if m is None:
        return None
    pair = (organisation, insats)
    if pair in m.owed:
        return "forvantad"
    if pair in m.fore_fristen:
        return "fore-fristen"
    return "ej-kravd" if pair in m.cells else "utan-ansvar"


def missing(ds: DataSet, ar: int, by_year: Mapping[int, Matrix] | None = None) -> list[Saknad]:
    """Every (year, organisation, insats) owed and not reported, for the plan's years up to
    ``ar``: by year, then as :meth:`utsatta.compute.completeness.Matrix.saknas` orders them.
    ``by_year``: :func:`matrices` of the same data, when the caller has them."""
    plan = ds.plan.model if ds.plan else None
    orgs = ds.organisationer.model if ds.organisationer else None
    if plan is None or orgs is None:
        return []
    if by_year is None:
        by_year = matrices(ds, ar)
    files = {
        (src.folder_year, src.model.organisation): src.path
        for src in ds.rapporter
        if src.model is not None
    }
    illustrativ = plan.illustrativ or orgs.illustrativ
    out: list[Saknad] = []
    for year, m in sorted(by_year.items()):
        for org, insats in m.saknas():
            path = files.get((year, org))
            out.append(
                Saknad(
                    year,
                    org,
                    insats,
                    relative_file(path, ds.root) if path else None,
                    illustrativ,
                )
            )
    return out


def luckor_text(ds: DataSet, ar: int) -> str | None:
    """ "Exporten har luckor: …" for year ``ar``: the organisations whose rows of the year are
    ``rapport-saknas`` (no report at all) or ``insats-saknas`` (:func:`missing`, the rows the
    export writes), by name in that order, a missing uppföljning (the table ``bedomningar``
    then has none of the year) and the rows of earlier plan years ("Higab 2023", in the rows'
    order); None when the export lacks none of them."""
    from utsatta.compute.report_date import uppfoljning_of

    orgs = ds.organisationer.model if ds.organisationer else None
    namn = {o.id: o.namn for o in orgs.organisationer} if orgs else {}
    utan_rapport: dict[str, None] = {}
    utan_insats: dict[str, None] = {}
    tidigare: dict[tuple[str, int], None] = {}  # (organisation, year) of the earlier years
    for row in missing(ds, ar):
        if row.ar == ar:
            (utan_rapport if row.fil is None else utan_insats)[row.organisation] = None
        else:
            tidigare[row.organisation, row.ar] = None
    return luckor(
        "Exporten",
        ar,
        [namn.get(o, o) for o in utan_rapport],
        [namn.get(o, o) for o in utan_insats],
        uppfoljning_of(ds, ar) is None,
        tidigare=[f"{namn.get(o, o)} {y}" for o, y in tidigare],
    )
