"""The slutuppföljning, only in the report for the plan's last year: the mål and the three delmål
judged against that year's police list with the certainty of the sources, each insats's outcome
over the period (each responsible organisation's latest report in the plan years, and who left it
open), and the analysts' lessons and proposals.

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

from utsatta.compute.coverage import reports_of_year
from utsatta.compute.duties import duties_of, reported, year_matrix
from utsatta.compute.indicators import IndicatorResult, markering
from utsatta.compute.responsibility import Cell, Matrix
from utsatta.load.dataset import DataSet
from utsatta.model.indikator import PLANENS_MAL
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import InsatsRapport
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.labels import BEDOMNING, RAPPORTSTATUS, UPPFOLJNING_TEXT, cap, varde
from utsatta.render.report.followup_view import BedomningVy, InsatsUtfall, MalDom, SlutVy
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.uppfoljning import delmal_per_id, illustrativ_of, mal_bedomning
from utsatta.render.report.view import ankare_insats

#: report statuses that close an insats for the organisation; any other latest status leaves it open
AVSLUTANDE: Final = ("genomford", "avbruten")

#: the delmål judged per area (unless an indicator names it), and the counts that show its levels
DELMAL_PER_OMRADE: Final = "utvecklingen-vand"
NIVA_INDIKATORER: Final = ("riskomraden", "utsatta-omraden")


def _count(r: IndicatorResult | None, mal: str, ar: int) -> tuple[str, str, str]:
    """(underlag, utfall, nyckel) for a goal decided by the indicator ``r``: met when its value
    in ``ar`` reaches its målvärde for ``ar``."""
    if r is None:
        what = "målet" if mal == PLANENS_MAL else "delmålet"
        return (
            f"Ingen indikator i datan avgör {what} (ingen indikatorfil har 'mal: {mal}').",
            "Kan inte avgöras ur datan",
            "okant",
        )
    point = next((p for p in r.serie if p.ar == ar), None)
    if point is None:
        gap = next((g for g in r.luckor if g.ar == ar), None)
        why = f" (nivån okänd för {', '.join(gap.namn)})" if gap and gap.namn else ""
        return (
            f"{r.indikator.namn}: inget värde för {ar}{why}.",
            "Kan inte avgöras ur datan",
            "okant",
        )
    # the markers of every other channel (compute.indicators.markering); section 1 also says
    # when a value is confirmed
    sakerhet = markering(point.sakerhet) or (
        "bekräftad av källan" if point.sakerhet == "bekraftad" else "säkerhet okänd"
    )
    enhet = r.indikator.enhet
    underlag = f"{r.indikator.namn}, {ar}: {varde(point.varde, enhet)} ({sakerhet})."
    if r.malvarde is None or r.malar != ar:
        return (
            f"{underlag} Indikatorn har inget målvärde för {ar}.",
            "Kan inte avgöras ur datan",
            "okant",
        )
    mal_mark = markering(r.malvarde_sakerhet)
    if r.malvarde != 0 or mal_mark:
        mal = varde(r.malvarde, enhet) + (f" ({mal_mark})" if mal_mark else "")
        underlag = f"{underlag} Målvärde {ar}: {mal}."
    lower = r.indikator.riktning == "lagre-ar-battre"
    if point.varde <= r.malvarde if lower else point.varde >= r.malvarde:
        return underlag, "Nått", "natt"
    return underlag, "Inte nått", "inte-natt"


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


def _raknat(
    rader: Sequence[tuple[str, int]], labels: Mapping[str, str], *, years_shown: bool = True
) -> str:
    """Count (key, year) pairs by key: "Genomförd 3 (2025), Pågående 5 (2023, 2024)", in the
    order of ``labels``, each with the years it was reported (unless ``years_shown`` is off)."""
    counts: dict[str, int] = {}
    years: dict[str, set[int]] = {}
    for key, year in rader:
        counts[key] = counts.get(key, 0) + 1
        years.setdefault(key, set()).add(year)
    return (
        ", ".join(
            f"{labels.get(k, k)} {counts[k]}"
            + (f" ({', '.join(str(y) for y in sorted(years[k]))})" if years_shown else "")
            for k in (*labels, *sorted(set(counts) - set(labels)))
            if k in counts
        )
        or "–"
    )


def _latest(
    org: str,
    insats: str,
    lineage: Sequence[str],
    matrices: Mapping[int, Matrix],
    items: Mapping[int, Mapping[tuple[str, str], InsatsRapport]],
) -> tuple[int, InsatsRapport] | None:
    """The latest report in the plan years on ``insats`` by ``org`` or a predecessor it holds the
    insats from: the year matrices say who reported (their cells are the one definition)."""
    for year in sorted(matrices, reverse=True):
        for o in (org, *lineage):
            item = items[year].get((o, insats))
            if item is not None and matrices[year].cells.get((o, insats)) is Cell.INKOMMEN:
                return year, item
    return None


def _insatser(ds: DataSet, plan: PlanFil, ar: int, names: Names) -> tuple[InsatsUtfall, ...]:
    """Each insats over the plan period: every organisation that holds it in the last year, with
    its latest report (its own or its predecessor's) and who left it open or owes it still."""
    duties = duties_of(ds)
    fran = plan.plan.giltighet.fran
    done = reported(ds)
    matrices: dict[int, Matrix] = {}
    for year in range(fran, ar + 1):
        m = year_matrix(ds, year, done, duties, reasons=False)
        if m is not None:
            matrices[year] = m
    final = matrices.get(ar)
    if duties is None or final is None:
        return ()
    items = {
        year: {
            (org, i.insats): i
            for org, rep in reports_of_year(ds, year).items()
            for i in rep.insatser
        }
        for year in matrices
    }
    out = []
    for ins in plan.insatser:
        status: list[tuple[str, int]] = []
        bedomning: list[tuple[str, int]] = []
        oppna: dict[str, list[str]] = {}
        saknas: list[str] = []
        for org in final.organisationer:
            if (org, ins.id) not in final.cells:
                continue
            lineage = [o for o in duties.lineage(org, ins.id, ar) if o != org]
            found = _latest(org, ins.id, lineage, matrices, items)
            owed = [y for y, m in matrices.items() if (org, ins.id) in m.owed]
            if found is None:
                if owed:
                    saknas.append(f"{names.org(org)} ({', '.join(str(y) for y in owed)})")
                continue
            year, item = found
            status.append((item.status, year))
            bedomning.append((item.bedomning, year))
            missed = [y for y in owed if y > year]
            if missed:
                saknas.append(f"{names.org(org)} ({', '.join(str(y) for y in missed)})")
            if item.status not in AVSLUTANDE:
                oppna.setdefault(item.status, []).append(f"{names.org(org)} ({year})")
        oppet = [
            f"{RAPPORTSTATUS.get(s, s)}: {', '.join(orgs)}"
            for s in (*RAPPORTSTATUS, *sorted(set(oppna) - set(RAPPORTSTATUS)))
            if (orgs := oppna.get(s))
        ]
        if saknas:
            oppet.append("Rapport saknas: " + ", ".join(saknas))
        typ = ins.uppfoljning.typ
        out.append(
            InsatsUtfall(
                insats=ins.id,
                ankare=ankare_insats(ins.id),
                titel=ins.titel,
                uppfoljning=cap(UPPFOLJNING_TEXT[typ].format(ar=ins.uppfoljning.ar)),
                status=_raknat(status, RAPPORTSTATUS) if status else "ingen rapport",
                bedomning=_raknat(bedomning, BEDOMNING, years_shown=False) if bedomning else "–",
                oppet="; ".join(oppet) or "–",
            )
        )
    return tuple(out)


def slutuppfoljning(
    ds: DataSet,
    plan: PlanFil,
    results: Sequence[IndicatorResult],
    upp: UppfoljningFil | None,
    ar: int,
    uppdrag_text: str,
    names: Names,
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
    verdicts: dict[str, BedomningVy] = delmal_per_id(plan, upp) if upp is not None else {}
    domar = []
    underlag, utfall, nyckel = _count(by_goal.get(PLANENS_MAL), PLANENS_MAL, ar)
    domar.append(
        MalDom("Målet", f"(”{plan.mal.text}”)", underlag, utfall, nyckel, mal_bedomning(plan, upp))
    )
    for n, d in enumerate(plan.mal.delmal, start=1):
        if d.id in by_goal or d.id != DELMAL_PER_OMRADE:
            underlag, utfall, nyckel = _count(by_goal.get(d.id), d.id, ar)
        else:
            underlag = _dom_per_omrade(by_id, ar)
            utfall, nyckel = "Kan inte avgöras ur datan", "okant"
        domar.append(
            MalDom(f"Delmål {n}", f"(”{d.text}”)", underlag, utfall, nyckel, verdicts.get(d.id))
        )
    parts = []
    # (singular, plural): "målet är nått", "målet och delmål 1 är inte nådda"
    for key, what in (
        ("natt", ("är nått", "är nådda")),
        ("inte-natt", ("är inte nått", "är inte nådda")),
        ("okant", ("kan inte avgöras ur de beräknade värdena",) * 2),
    ):
        goals = [m.rubrik.lower() for m in domar if m.utfall_nyckel == key]
        if goals:
            goal_names = (
                goals[0] if len(goals) == 1 else ", ".join(goals[:-1]) + " och " + goals[-1]
            )
            parts.append(f"{goal_names} {what[len(goals) > 1]}")
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
    shown = [m.bedomning for m in domar if m.bedomning is not None]
    if shown and all(b.illustrativ for b in shown):
        rubrik = "Bedömning (illustrativ)"
        vems = (
            f"Kolumnen ”{rubrik}” visar bedömningen i uppföljningsfilen: den är illustrativ, "
            "inte stadsledningskontorets."
        )
    elif any(b.illustrativ for b in shown):
        rubrik = "Bedömning"
        vems = (
            f"Kolumnen ”{rubrik}” visar bedömningen i uppföljningsfilen; de illustrativa är "
            "märkta och är inte stadsledningskontorets."
        )
    else:
        rubrik = "Stadsledningskontorets bedömning"
        vems = f"Kolumnen ”{rubrik}” visar stadsledningskontorets bedömning."
    slut_illustrativ = upp is not None and s is not None and illustrativ_of(s.illustrativ, upp)
    return SlutVy(
        ar=ar,
        period=f"{g.fran}–{g.till}",
        domar=tuple(domar),
        slutsats=slutsats,
        insatser=_insatser(ds, plan, ar, names),
        bedomning_rubrik=rubrik,
        intro=(
            f"Det beräknade utfallet bygger på polisens lista för {ar} och säger hur säker "
            f"uppgiften är. {vems}"
        ),
        uppdrag_text=uppdrag_text,
        lardomar=s.lardomar if s else None,
        forslag=s.forslag if s else None,
        saknas_text=saknas,
        markering="illustrativ text" if slut_illustrativ else "",
    )
