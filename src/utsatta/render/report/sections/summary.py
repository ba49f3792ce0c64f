"""Section 1 of the report, the summary: the goal against the police list, the indicators by
status, the insatser by status and the reports received.

How insatser are counted: docs/decisions/0016-insatser-by-status.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from utsatta.compute.coverage import SAKNAS, Coverage
from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.progress import Status
from utsatta.compute.progress import status_text as status_text_for
from utsatta.compute.responsibility import Matrix
from utsatta.model.plan import PlanFil
from utsatta.render.findings import antal
from utsatta.render.labels import RAPPORTSTATUS, status_nyckel
from utsatta.render.report.sections.areas import ListaSammanfattning
from utsatta.render.report.view import IndikatorVy, Rad, Sammanfattning


def sammanfattning(
    plan: PlanFil,
    matrix: Matrix,
    cov: Coverage,
    pl: ListaSammanfattning,
    results: Sequence[IndicatorResult],
    mal_indikatorer: Sequence[IndikatorVy],
) -> Sammanfattning:
    """The summary of year ``matrix.ar``; ``mal_indikatorer`` are the views of the indicators of
    the plan's goal."""
    ar = matrix.ar
    g = plan.plan.giltighet
    ind_rows = tuple(
        Rad(
            status_text_for(s),
            sum(1 for r in results if r.progress.status is s),
            status_nyckel(s.name),
        )
        for s in Status
    )
    ins_rows = tuple(
        Rad(label, cov.status_counts.get(key, 0), key)
        for key, label in [*RAPPORTSTATUS.items(), (SAKNAS, "Rapport saknas")]
    )
    if pl.upplaga is not None:
        lista_text = (
            f"Senaste lista t.o.m. {ar}: {pl.upplaga}. "
            f"{antal(pl.antal, 'område står', 'områden står')} på listan; målet är att inga "
            f"områden ska vara utsatta år {g.till}."
        )
    else:
        lista_text = f"Det finns ingen lista från polisen t.o.m. {ar} i datan."
    n_org = len(cov.expected_orgs)
    rapporter_text = (
        f"{matrix.inkomna()} av {matrix.forvantade()} förväntade rapporteringar (organisation "
        f"och insats) har kommit in, från {cov.reporting_orgs} av {n_org} organisationer."
    )
    return Sammanfattning(
        mal=plan.mal.text,
        delmal=tuple(d.text for d in plan.mal.delmal),
        malar=g.till,
        upplaga=pl.upplaga,
        lista_text=lista_text,
        lista=pl.rader,
        antal_pa_listan=pl.antal,
        lista_sakerhet=pl.sakerhet,
        lista_forklaring=pl.forklaring,
        forandring=pl.forandring,
        indikatorer=ind_rows,
        antal_indikatorer=len(results),
        indikatorer_text=f"{antal(len(results), 'indikator', 'indikatorer')} följs upp.",
        insatser=ins_rows,
        forvantade=matrix.forvantade(),
        inkomna=matrix.inkomna(),
        organisationer_forvantade=n_org,
        organisationer_inkomna=cov.reporting_orgs,
        rapporter_text=rapporter_text,
        mal_indikatorer=tuple(mal_indikatorer),
    )
