"""The slutuppföljning, only in the report for the plan's last year: the mål and the three delmål
judged against that year's police list with the certainty of the sources, each insats's outcome
over the period (the organisations' closing reports), and the analysts' lessons and proposals.

What the data computes and what the analysts judge are shown side by side, never merged. Which
indicator decides which goal is data: the indicator file's ``mal`` (``mal`` for the plan's mål, a
delmål's id otherwise). A goal is "nått" only where that indicator's value in the goal year
reaches its målvärde for that year, "inte nått" where it does not, and "kan inte avgöras ur
datan" where the value or the målvärde is missing, or no indicator names the goal. Why:
docs/decisions/0081-slutuppfoljning.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from utsatta.compute.indicators import IndicatorResult
from utsatta.model.indikator import PLANENS_MAL
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.labels import BEDOMNING, RAPPORTSTATUS, varde
from utsatta.render.report.followup_view import BedomningVy, InsatsUtfall, MalDom, SlutVy
from utsatta.render.report.sections.uppfoljning import delmal_bedomningar, mal_bedomning
from utsatta.render.report.view import ankare_insats

#: the delmål judged per area (unless an indicator names it), and the counts that show its levels
DELMAL_PER_OMRADE: Final = "utvecklingen-vand"
NIVA_INDIKATORER: Final = ("riskomraden", "utsatta-omraden")

_SAKERHET: Final[Mapping[str, str]] = {
    "bekraftad": "bekräftad av källan",
    "sekundar": "uppgift i andra hand",
    "slutledd": "slutledd ur källorna",
}


def _count(r: IndicatorResult | None, mal: str, ar: int) -> tuple[str, str, str]:
    """(underlag, utfall, nyckel) for a goal decided by the indicator ``r``: met when its value
    in ``ar`` reaches its målvärde for ``ar``."""
    if r is None:
        what = "målet" if mal == PLANENS_MAL else "delmålet"
        return (
            f"Ingen indikator i datan avgör {what} (ingen indikatorfil har 'mal: {mal}').",
            "kan inte avgöras ur datan",
            "okant",
        )
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
    enhet = r.indikator.enhet
    underlag = f"{r.indikator.namn}, {ar}: {varde(point.varde, enhet)} ({sakerhet})."
    if r.malvarde is None or r.malar != ar:
        return (
            f"{underlag} Indikatorn har inget målvärde för {ar}.",
            "kan inte avgöras ur datan",
            "okant",
        )
    if r.malvarde != 0:
        underlag = f"{underlag} Målvärde {ar}: {varde(r.malvarde, enhet)}."
    lower = r.indikator.riktning == "lagre-ar-battre"
    if point.varde <= r.malvarde if lower else point.varde >= r.malvarde:
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
    by_goal: dict[str, IndicatorResult] = {}
    for r in results:  # two indicators for one goal is a finding (dubblett-mal): the first counts
        if r.indikator.mal is not None:
            by_goal.setdefault(r.indikator.mal, r)
    verdicts: dict[str, BedomningVy] = {}
    if upp is not None:
        by_text = {d.rubrik: d for d in delmal_bedomningar(plan, upp)}
        for d in plan.mal.delmal:
            v = by_text.get(d.text[:1].upper() + d.text[1:])
            if v is not None:
                verdicts[d.id] = v
    domar = []
    underlag, utfall, nyckel = _count(by_goal.get(PLANENS_MAL), PLANENS_MAL, ar)
    domar.append(MalDom("Målet", plan.mal.text, underlag, utfall, nyckel, mal_bedomning(plan, upp)))
    for n, d in enumerate(plan.mal.delmal, start=1):
        if d.id in by_goal or d.id != DELMAL_PER_OMRADE:
            underlag, utfall, nyckel = _count(by_goal.get(d.id), d.id, ar)
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
