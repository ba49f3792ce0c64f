"""Over the years: per insats a matrix organisation × plan year (up to the report year) of the
reported status and bedömning, so a reader sees what moved; and per indicator its whole series.
"""

from __future__ import annotations

from collections.abc import Sequence

from utsatta.compute.coverage import reports_of_year
from utsatta.compute.indicators import IndicatorResult, med_markering
from utsatta.compute.status import Lucka, Orsak
from utsatta.load.dataset import DataSet
from utsatta.model.plan import PlanFil
from utsatta.render.labels import BEDOMNING, RAPPORTSTATUS, varde
from utsatta.render.report.followup_view import (
    InsatsOverTid,
    OverTidVy,
    SerieRad,
    TidCell,
    TidRad,
)
from utsatta.render.report.sections.names import Names
from utsatta.render.report.view import ankare_insats

#: a year without a report from the organisation on the insats
INGEN: str = "–"


def serie_text(r: IndicatorResult) -> str:
    """The whole series in one line, year order, with each year whose value is missing named with
    its reason: "2023: 2; 2025: okänt, nivån okänd för Biskopsgården och Gårdsten"."""
    parts = [
        (p.ar, f"{p.ar}: {med_markering(varde(p.varde, r.indikator.enhet), p.sakerhet)}")
        for p in r.serie
    ]
    parts += [(g.ar, f"{g.ar}: {lucka_text(g)}") for g in r.luckor]
    return "; ".join(t for _, t in sorted(parts, key=lambda x: x[0])) or "inga värden"


def lucka_text(g: Lucka) -> str:
    """A year without a value, and why ("okänt, nivån okänd för …"); never 0."""
    if g.orsak is Orsak.NIVA_OKAND and g.namn:
        namn = g.namn[0] if len(g.namn) == 1 else ", ".join(g.namn[:-1]) + " och " + g.namn[-1]
        return f"okänt, nivån okänd för {namn}"
    return "okänt"


def over_tid(
    ds: DataSet, plan: PlanFil, results: Sequence[IndicatorResult], ar: int, names: Names
) -> OverTidVy:
    fran = plan.plan.giltighet.fran
    years = tuple(range(fran, ar + 1))
    # Every report's items once, per insats (not every report once per insats).
    per_insats: dict[str, dict[tuple[str, int], TidCell]] = {}
    for y in years:
        for org, rapport in reports_of_year(ds, y).items():
            for item in rapport.insatser:
                status = RAPPORTSTATUS.get(item.status, item.status)
                bedomning = BEDOMNING.get(item.bedomning, item.bedomning)
                cells = per_insats.setdefault(item.insats, {})
                cells[(org, y)] = TidCell(f"{status} · {bedomning}", item.bedomning)
    insatser = []
    for ins in plan.insatser:
        cells = per_insats.get(ins.id, {})
        orgs = {org for org, _ in cells}
        if not orgs:
            continue
        rader = tuple(
            TidRad(names.org(o), tuple(cells.get((o, y), TidCell(INGEN, "ingen")) for y in years))
            for o in names.orgs_in_order(orgs)
        )
        insatser.append(InsatsOverTid(ins.id, ankare_insats(ins.id), ins.titel, rader))
    serier = tuple(
        SerieRad(r.indikator.namn, f"indikator-{r.indikator.id}", serie_text(r)) for r in results
    )
    return OverTidVy(years, tuple(insatser), serier)
