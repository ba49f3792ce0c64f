"""Section 1 of the report, the summary: the goal against the police list, the indicators in
three separate tables (statuses against a målvärde, developments without one, ej bedömbara with
their reasons; never counted together), the insatser by status, the reports received with the one
definition of the counts, and the method texts, stated once.

How insatser are counted: docs/decisions/0016-insatser-by-status.md and 0070-report-counts.md;
the status tables: 0071-status-tables.md.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from utsatta.compute.coverage import RAKNING_DEFINITION, SAKNAS, Coverage
from utsatta.compute.indicators import IndicatorResult, markering
from utsatta.compute.status import MOT_MALVARDE, UTVECKLING, Status
from utsatta.compute.status import status_text as status_text_for
from utsatta.model.plan import PlanFil
from utsatta.render.findings import antal
from utsatta.render.labels import RAPPORTSTATUS, status_nyckel
from utsatta.render.report.sections.areas import ListaSammanfattning
from utsatta.render.report.sections.metod import metodtexter
from utsatta.render.report.view import EjBedombarRad, IndikatorVy, Lank, Rad, Sammanfattning


def _lank(v: IndikatorVy) -> Lank:
    return Lank(v.namn, v.berakning_ankare, v.md_ankare)


def _status_rows(
    kinds: Collection[Status], results: Sequence[IndicatorResult], vyer: Sequence[IndikatorVy]
) -> tuple[Rad, ...]:
    """One row per status of ``kinds`` held by some indicator, in the enum's order, with links
    to the indicators' workings."""
    rows = []
    for s in Status:
        if s not in kinds:
            continue
        # each indicator as sure as the values its status rests on (as in §1 and bilaga D)
        held = [
            replace(_lank(v), markering=markering(r.status_sakerhet))
            for r, v in zip(results, vyer, strict=True)
            if r.progress.status is s
        ]
        if held:
            rows.append(
                Rad(
                    status_text_for(s),
                    len(held),
                    status_nyckel(s.name),
                    lankar=tuple(held),
                )
            )
    return tuple(rows)


def _ursprung(results: Sequence[IndicatorResult]) -> str:
    """How many indicators are followed up and where they come from, by their ``ur_planen``:
    "Uppföljningen följer 19 indikatorer, valda för den" (never a digit first)."""
    n, ur = len(results), sum(1 for r in results if r.indikator.ur_planen)
    alla = "Uppföljningen följer " + antal(n, "indikator", "indikatorer")
    if n and ur == n:
        return f"{alla} ur planen"
    if n and ur == 0:
        return f"{alla}, {'vald' if n == 1 else 'valda'} för den"
    if ur:
        return f"{alla} ({ur} ur planen, övriga valda för uppföljningen)"
    return alla


def sammanfattning(
    plan: PlanFil,
    cov: Coverage,
    pl: ListaSammanfattning,
    results: Sequence[IndicatorResult],
    vyer: Sequence[IndikatorVy],
    mal_indikatorer: Sequence[IndikatorVy],
    ovriga_indikatorer: Sequence[IndikatorVy],
) -> Sammanfattning:
    """The summary of year ``cov.ar``; ``vyer`` are the views of ``results`` (same order),
    ``mal_indikatorer`` those of the indicators of the plan's goal, ``ovriga_indikatorer``
    those linked to no goal and no fokusområde."""
    ar = cov.ar
    g = plan.plan.giltighet
    mot = _status_rows(MOT_MALVARDE, results, vyer)
    utv = _status_rows(UTVECKLING, results, vyer)
    ej = tuple(
        EjBedombarRad(_lank(v), r.progress.orsak_text or "", v.senast_kanda, v.senaste)
        for r, v in zip(results, vyer, strict=True)
        if r.progress.status is Status.EJ_BEDOMBAR
    )
    n_mot = sum(r.antal for r in mot)
    n_utv = sum(r.antal for r in utv)
    ins_rows = tuple(
        Rad(label, cov.status_counts.get(key, 0), key)
        for key, label in [*RAPPORTSTATUS.items(), (SAKNAS, "Rapport saknas")]
    )
    if pl.upplaga is not None:
        # never a digit first in a sentence (review granska14, finding 15)
        pa_listan = (
            f"på listan står {antal(pl.antal, 'område', 'områden')}"
            if pl.antal is not None
            else f"hur många områden som står på listan är {pl.antal_text}"
        )
        lista_text = (
            # "är", not a colon: the edition's name has a colon of its own ("Polisen: Lägesbild")
            f"Den senaste listan till och med {ar} är {pl.upplaga}. "
            f"{pa_listan[0].upper()}{pa_listan[1:]}"
            + (f" ({pl.fordelning})" if pl.fordelning else "")
            + "."
        )
    else:
        lista_text = f"Det finns ingen lista från polisen till och med {ar} i underlaget."
    n_org = len(cov.expected_orgs)
    rk = cov.rakning
    # a återrapportering before its deadline is required, not voluntary (granska18 G5, 0557)
    ej_kravda = rk.frivilliga - rk.fore_fristen
    fore = antal(rk.fore_fristen, "återrapportering", "återrapporteringar") + " före fristen"
    inte_krav = antal(ej_kravda, "rapportering", "rapporteringar") + " som inte krävdes för året"
    utover_text = (
        " och ".join([*([fore] if rk.fore_fristen else []), *([inte_krav] if ej_kravda else [])])
        or "inga rapporteringar utöver de förväntade"
    )
    rapporter_text = (
        f"Av {rk.forvantade} förväntade rapporteringar (organisation och insats) har "
        f"{rk.inkomna} kommit in och {rk.saknade} saknas, från {cov.reporting_orgs} av {n_org} "
        f"organisationer. Dessutom har {utover_text} "
        f"kommit in, och {antal(rk.tidigare, 'återrapportering', 'återrapporteringar')} "
        "lämnades ett tidigare år."
    )
    return Sammanfattning(
        mal=plan.mal.text,
        delmal=tuple(d.text for d in plan.mal.delmal),
        malar=g.till,
        upplaga=pl.upplaga,
        lista_text=lista_text,
        lista=pl.rader,
        antal_pa_listan=pl.antal,
        antal_pa_listan_text=pl.antal_text,
        lista_sakerhet=pl.sakerhet,
        lista_forklaring=pl.forklaring,
        forandring=pl.forandring,
        indikatorer=mot,
        antal_indikatorer=len(results),
        indikatorer_text=(
            f"{_ursprung(results)}: "
            f"{n_mot} med status mot ett målvärde, {n_utv} med en utveckling utan målvärde och "
            f"{len(ej)} ej bedömbara. De två slagen av status räknas aldrig ihop."
        ),
        utvecklingar=utv,
        ej_bedombara=ej,
        ej_bedombara_text=(
            f"För {ar} kan {antal(len(ej), 'indikator', 'indikatorer')} inte bedömas."
        ),
        antal_mot_malvarde=n_mot,
        antal_utveckling=n_utv,
        insatser=ins_rows,
        insatser_totalt=sum(r.antal for r in ins_rows),
        forvantade=rk.forvantade,
        inkomna=rk.inkomna,
        saknade=rk.saknade,
        frivilliga=rk.frivilliga,
        fore_fristen=rk.fore_fristen,
        inte_kravda=ej_kravda,
        tidigare=rk.tidigare,
        rakning_definition=RAKNING_DEFINITION,
        metod=metodtexter(plan.plan.giltighet.fran, plan.plan.giltighet.till),
        organisationer_forvantade=n_org,
        organisationer_inkomna=cov.reporting_orgs,
        rapporter_text=rapporter_text,
        mal_indikatorer=tuple(mal_indikatorer),
        ovriga_indikatorer=tuple(ovriga_indikatorer),
    )
