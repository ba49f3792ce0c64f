"""The slutuppföljning, only in the report for the plan's last year: the mål and the three delmål
judged against that year's police list with the certainty of the sources, each insats's outcome
over the period (the organisations' closing reports), and the analysts' lessons and proposals.

What the data computes and what the analysts judge are shown side by side, never merged: a goal
is "nått" only where the computed count for the goal year is 0, "inte nått" where it is above 0,
and "kan inte avgöras ur datan" where the count is a gap. Why the goals map to these indicators:
docs/decisions/0081-slutuppfoljning.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from utsatta.compute.indicators import IndicatorResult
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.labels import BEDOMNING, RAPPORTSTATUS, varde
from utsatta.render.report.followup_view import BedomningVy, InsatsUtfall, MalDom, SlutVy
from utsatta.render.report.sections.uppfoljning import delmal_bedomningar, mal_bedomning
from utsatta.render.report.view import ankare_insats

#: the indicator whose value in the goal year decides each goal ("mal" is the plan's mål); the
#: delmål on every area's development has no count: it is judged area by area
MAL_INDIKATOR: Final[Mapping[str, str]] = {
    "mal": "omraden-pa-polisens-lista",
    "inga-sarskilt-utsatta": "sarskilt-utsatta-omraden",
    "inga-nya-omraden": "nya-omraden",
}
#: the delmål judged per area, and the counts that would show its levels
DELMAL_PER_OMRADE: Final = "utvecklingen-vand"
NIVA_INDIKATORER: Final = ("riskomraden", "utsatta-omraden")

_SAKERHET: Final[Mapping[str, str]] = {
    "bekraftad": "bekräftad av källan",
    "sekundar": "uppgift i andra hand",
    "slutledd": "slutledd ur källorna",
}


def _count(results: Mapping[str, IndicatorResult], ind_id: str, ar: int) -> tuple[str, str, str]:
    """(underlag, utfall, nyckel) for a goal met when the indicator's value in ``ar`` is 0."""
    r = results.get(ind_id)
    if r is None:
        return (f"Datan har ingen indikator '{ind_id}'.", "kan inte avgöras ur datan", "okant")
    point = next((p for p in r.serie if p.ar == ar), None)
    if point is None:
        gap = next((g for g in r.luckor if g.ar == ar), None)
        why = f" (nivån okänd för {', '.join(gap.namn)})" if gap and gap.namn else ""
        return (
            f"{r.indikator.namn}: inget värde för {ar}{why}.",
            "kan inte avgöras ur datan",
            "okant",
        )
    sakerhet = _SAKERHET.get(point.sakerhet or "", "säkerhet okänd")
    underlag = f"{r.indikator.namn}, {ar}: {varde(point.varde, r.indikator.enhet)} ({sakerhet})."
    if point.varde == 0:
        return underlag, "nått", "natt"
    return underlag, "inte nått", "inte-natt"


def _dom_per_omrade(results: Mapping[str, IndicatorResult], ar: int) -> str:
    """What the counts per level say about the delmål judged per area: usually that the
    year's levels are not all known."""
    known: list[str] = []
    unknown: list[str] = []
    for ind_id in NIVA_INDIKATORER:
        r = results.get(ind_id)
        if r is None:
            continue
        point = next((p for p in r.serie if p.ar == ar), None)
        if point is not None:
            known.append(f"{r.indikator.namn}, {ar}: {varde(point.varde, r.indikator.enhet)}.")
            continue
        gap = next((g for g in r.luckor if g.ar == ar), None)
        for namn in gap.namn if gap else ():
            if namn not in unknown:
                unknown.append(namn)
    text = " ".join(known)
    if unknown:
        text += (
            f" Antalet riskområden och utsatta områden {ar} går inte att räkna: nivån är okänd "
            f"för {', '.join(unknown)}."
        )
    return (
        text.strip() + " Delmålet gäller varje område för sig; underlaget står område för område "
        "i bilaga B."
    ).strip()


def _raknat(rader: Sequence[str], labels: Mapping[str, str]) -> str:
    counts: dict[str, int] = {}
    for r in rader:
        counts[r] = counts.get(r, 0) + 1
    return ", ".join(f"{labels.get(k, k)} {counts[k]}" for k in labels if k in counts) or "–"


def _insatser(plan: PlanFil, reports: Mapping[str, RapportFil]) -> tuple[InsatsUtfall, ...]:
    out = []
    for ins in plan.insatser:
        items = [i for r in reports.values() for i in r.insatser if i.insats == ins.id]
        out.append(
            InsatsUtfall(
                insats=ins.id,
                ankare=ankare_insats(ins.id),
                titel=ins.titel,
                status=_raknat([i.status for i in items], RAPPORTSTATUS)
                if items
                else "ingen rapport",
                bedomning=_raknat([i.bedomning for i in items], BEDOMNING) if items else "–",
            )
        )
    return tuple(out)


def slutuppfoljning(
    plan: PlanFil,
    results: Sequence[IndicatorResult],
    reports: Mapping[str, RapportFil],
    upp: UppfoljningFil | None,
    ar: int,
    uppdrag_text: str,
) -> SlutVy | None:
    """The slutuppföljning for the plan's last year, or None for any other year."""
    g = plan.plan.giltighet
    if ar != g.till:
        return None
    by_id = {r.indikator.id: r for r in results}
    verdicts: dict[str, BedomningVy] = {}
    if upp is not None:
        by_text = {d.rubrik: d for d in delmal_bedomningar(plan, upp)}
        for d in plan.mal.delmal:
            v = by_text.get(d.text[:1].upper() + d.text[1:])
            if v is not None:
                verdicts[d.id] = v
    domar = []
    underlag, utfall, nyckel = _count(by_id, MAL_INDIKATOR["mal"], ar)
    domar.append(MalDom("Målet", plan.mal.text, underlag, utfall, nyckel, mal_bedomning(plan, upp)))
    for n, d in enumerate(plan.mal.delmal, start=1):
        if d.id in MAL_INDIKATOR:
            underlag, utfall, nyckel = _count(by_id, MAL_INDIKATOR[d.id], ar)
        else:
            underlag = _dom_per_omrade(by_id, ar)
            utfall, nyckel = "kan inte avgöras ur datan", "okant"
        domar.append(MalDom(f"Delmål {n}", d.text, underlag, utfall, nyckel, verdicts.get(d.id)))
    parts = []
    for key, what in (
        ("natt", "nått"),
        ("inte-natt", "inte nått"),
        ("okant", "kan inte avgöras ur de beräknade värdena"),
    ):
        goals = [m.rubrik.lower() for m in domar if m.utfall_nyckel == key]
        if goals:
            names = goals[0] if len(goals) == 1 else ", ".join(goals[:-1]) + " och " + goals[-1]
            parts.append(f"{names} {what}" if key == "okant" else f"{names} är {what}")
    text = "; ".join(parts)
    slutsats = (
        f"Mot polisens lista {ar}: {text[:1].upper() + text[1:]}. Hur säker varje uppgift är "
        "står i tabellen."
    )
    saknas = None
    if upp is None:
        saknas = (
            "Stadsledningskontorets slutliga bedömning, lärdomar och förslag för "
            f"{g.fran}–{g.till} saknas: det finns ingen giltig uppfoljning/{ar}.yaml."
        )
    s = upp.slutuppfoljning if upp else None
    return SlutVy(
        ar=ar,
        period=f"{g.fran}–{g.till}",
        domar=tuple(domar),
        slutsats=slutsats,
        insatser=_insatser(plan, reports),
        uppdrag_text=uppdrag_text,
        lardomar=s.lardomar if s else None,
        forslag=s.forslag if s else None,
        saknas_text=saknas,
    )
