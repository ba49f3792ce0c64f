"""The reports that should have come in and did not: the rows ``rapport-saknas`` and
``insats-saknas`` of the table ``insatsrapporter``.

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

from utsatta.compute.duties import duties_of, reported, year_matrix
from utsatta.export.cells import relative_file
from utsatta.load.dataset import DataSet

__all__ = ["SAKNAS_TEXT", "Saknad", "missing"]

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


def missing(ds: DataSet, ar: int) -> list[Saknad]:
    """Every (year, organisation, insats) owed and not reported, for the plan's years up to
    ``ar``: by year, then as :meth:`utsatta.compute.responsibility.Matrix.saknas` orders them."""
    plan = ds.plan.model if ds.plan else None
    orgs = ds.organisationer.model if ds.organisationer else None
    duties = duties_of(ds)
    if plan is None or orgs is None or duties is None:
        return []
    done = reported(ds)
    files = {
        (src.folder_year, src.model.organisation): src.path
        for src in ds.rapporter
        if src.model is not None
    }
    illustrativ = plan.illustrativ or orgs.illustrativ
    g = plan.plan.giltighet
    out: list[Saknad] = []
    for year in range(g.fran, min(ar, g.till) + 1):
        m = year_matrix(ds, year, done, duties, reasons=False)
        if m is None:  # pragma: no cover - checked above
            continue
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
