"""One section per area on the police lists: the evidence for delmål 2 ("utvecklingen ska ha vänt
i samtliga områden") beside the analysts' written verdict for the area, or a sentence that none
is written. The evidence: the area's level in every edition up to the year with how sure each
level is and what kind of source gives it, the insatser and organisations that reported reaching
it in the year, and the indicators' own values for the area.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.police import klassning_i
from utsatta.model.common import Kalla
from utsatta.model.indikator import IndikatorFil, Varde
from utsatta.model.omraden import OmradenFil
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.breakdown import per_omrade
from utsatta.render.labels import NIVA, varde
from utsatta.render.report.followup_view import (
    BedomningVy,
    NaddVy,
    NivaHistorik,
    OmradeDetalj,
    OmradesVarde,
)
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.sources import kalla_vy
from utsatta.render.report.sections.uppfoljning import (
    bedomning_vy,
    delmal_rubriker,
    file_kallor,
)
from utsatta.render.report.view import ankare_insats

#: up to this many organisations are named per insats in an area's section, else counted
NAMN_GRANS = 3
#: the levels that count as being on a police list (the area gets a section)
PA_LISTAN = ("utsatt", "riskomrade", "sarskilt-utsatt", "pa-listan-niva-okand")

_SAKERHET = {
    "bekraftad": "bekräftad",
    "sekundar": "i andra hand",
    "slutledd": "slutledd",
    "saknas": "källa saknas",
}
_SLAG = {
    "polisen": "polisen",
    "kommunen": "kommunen",
    "press": "pressen",
    "parti": "ett parti",
    "tredjepart": "tredje part",
}


def ankare_omrade(omrade_id: str) -> str:
    """The anchor of an area's section in the HTML report: "omrade-bergsjon"."""
    return "omrade-" + omrade_id


def _sakerhet(sakerhet: str, kallor: Sequence[str], by_id: Mapping[str, Kalla]) -> str:
    slag = []
    for k in kallor:
        kalla = by_id.get(k)
        s = _SLAG.get(kalla.slag, "") if kalla is not None and kalla.slag else ""
        if s and s not in slag:
            slag.append(s)
    text = _SAKERHET.get(sakerhet, sakerhet)
    return f"{text}, källa: {', '.join(slag)}" if slag else text


def _reached(
    plan: PlanFil, reports: Mapping[str, RapportFil], names: Names
) -> dict[str, list[NaddVy]]:
    """Per area id, the insatser (plan order) that reports say reached it, with who reported."""
    by_insats: dict[tuple[str, str], list[str]] = {}
    for org in names.orgs_in_order(reports):
        for item in reports[org].insatser:
            for o in item.omraden:
                by_insats.setdefault((o, item.insats), []).append(names.org(org))
    out: dict[str, list[NaddVy]] = {}
    for ins in plan.insatser:
        for (o, insats), orgs in by_insats.items():
            if insats == ins.id:
                alla = ", ".join(orgs)
                kort = alla if len(orgs) <= NAMN_GRANS else f"{len(orgs)} organisationer"
                out.setdefault(o, []).append(
                    NaddVy(ins.id, ankare_insats(ins.id), ins.titel, kort, alla)
                )
    return out


def _varde_rad(u: Varde, ind: IndikatorFil, period: tuple[int, int]) -> str:
    """One value as the data gives it: "2014: 46 %. Valdistriktet Gärdsmosse i Bergsjön;
    valnattens preliminära siffra. Källa: …. Före planperioden 2022–2025." A value for an area
    often measures only a part of it (a valdistrikt, a mellanområde): its kommentar says what."""
    text = f"{u.ar}: {varde(u.varde, ind.enhet)}."
    if u.kommentar:
        kommentar = u.kommentar.strip()
        text += f" {kommentar}" + ("" if kommentar.endswith((".", "!", "?")) else ".")
    kalla = next((k for k in ind.kallor if k.id == u.kalla), None)
    text += f" Källa: {kalla_vy(kalla).text if kalla is not None else 'saknas'}."
    if u.ar < period[0]:
        text += f" Från före planperioden {period[0]}–{period[1]}."
    return text


def _varden(
    results: Sequence[IndicatorResult],
    omrade: str,
    ar: int,
    ordning: Sequence[str],
    period: tuple[int, int],
) -> tuple[OmradesVarde, ...]:
    out = []
    for r in results:
        ind = r.indikator
        values = [
            u for u in per_omrade(ind, ar, ordning) if u.omrade == omrade and u.kon in (None, "T")
        ]
        if not values:
            continue
        rader = tuple(_varde_rad(u, ind, period) for u in values)
        out.append(OmradesVarde(ind.namn, "indikator-" + ind.id, rader))
    return tuple(out)


def omraden_detalj(
    plan: PlanFil,
    omr: OmradenFil | None,
    reports: Mapping[str, RapportFil],
    results: Sequence[IndicatorResult],
    upp: UppfoljningFil | None,
    ar: int,
    names: Names,
) -> tuple[OmradeDetalj, ...]:
    if omr is None:
        return ()
    kallor = {k.id: k for k in omr.kallor}
    upplagor = {u.ar for u in omr.upplagor if u.ar <= ar}
    reached = _reached(plan, reports, names)
    ordning = [o.id for o in omr.omraden]
    period = (plan.plan.giltighet.fran, plan.plan.giltighet.till)
    verdicts: dict[str, BedomningVy] = {}
    if upp is not None:
        fk = file_kallor(upp)
        texts = delmal_rubriker(plan)
        # the verdicts of a delmål judged per area (plan.yaml: per_omrade) first; a verdict per
        # area under another delmål is shown where that one has none
        per_omrade = {d.id for d in plan.mal.delmal if d.per_omrade}
        ordered = sorted(upp.delmal, key=lambda d: d.delmal not in per_omrade)
        for d in ordered:
            for b in d.omraden:
                if b.omrade in verdicts:
                    continue
                verdicts[b.omrade] = bedomning_vy(texts.get(d.delmal, d.delmal), b, upp, fk)
    out = []
    for o in omr.omraden:
        klass = [klassning_i(o, u) for u in sorted(upplagor)]
        if not any(k.niva in PA_LISTAN for k in klass):
            continue
        nadd = tuple(reached.get(o.id, ()))
        varden = _varden(results, o.id, ar, ordning, period)
        verdict = verdicts.get(o.id)
        out.append(
            OmradeDetalj(
                id=o.id,
                ankare=ankare_omrade(o.id),
                namn=o.namn,
                nivaer=tuple(
                    NivaHistorik(
                        k.upplaga, NIVA[k.niva], k.niva, _sakerhet(k.sakerhet, k.kallor, kallor)
                    )
                    for k in klass
                ),
                nadd=nadd,
                nadd_text=""
                if nadd
                else f"Ingen rapport för {ar} anger att någon insats nådde {o.namn}.",
                varden=varden,
                varden_text=""
                if varden
                else "Underlaget har inga indikatorvärden för just det här området.",
                bedomning=verdict,
                bedomning_saknas=None
                if verdict is not None
                else (
                    f"Upprättaren av uppföljningen för {ar} ({upp.upprattad_av}) har inte "
                    f"skrivit någon bedömning av utvecklingen i {o.namn}."
                    if upp is not None
                    else f"Ingen bedömning för {ar} av utvecklingen i {o.namn}: uppföljningen "
                    f"för {ar} saknas."
                ),
            )
        )
    return tuple(out)
