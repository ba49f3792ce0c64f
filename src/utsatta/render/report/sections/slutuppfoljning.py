"""The slutuppföljning, only in the report for the plan's last year: the mål and the three delmål
judged against that year's police list with the certainty of the sources, each insats's outcome
over the period (each responsible organisation's latest report in the plan years, and who left it
open), and the analysts' lessons and proposals.

What the data computes and what the analysts judge are shown side by side, never merged. Which
indicator decides which goal is data: the indicator file's ``mal`` (``mal`` for the plan's mål, a
delmål's id otherwise). A goal is "nått" only where that indicator's value in the goal year
reaches its målvärde for that year, "inte nått" where it does not, and "kan inte bedömas" (the
word of the written verdicts, one phrase for "cannot be decided") where the value or the
målvärde is missing, or no indicator names the goal. A delmål judged
per area that no indicator names is "beräknas inte": a police level does not show whether the
development in an area has turned, so only the areas' changes of level are counted beside it.
Why: docs/decisions/0081-slutuppfoljning.md, 0475-baslinjen-som-tolkning.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Final

from utsatta.compute.coverage import owed_through_urval
from utsatta.compute.goal_outcome import deciding, outcome, value_of
from utsatta.compute.indicators import IndicatorResult, markering
from utsatta.compute.responsibility import planperiod
from utsatta.compute.status import Status
from utsatta.compute.status import status_text as label
from utsatta.model.indikator import PLANENS_MAL
from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.angivet import noter
from utsatta.render.labels import (
    BEDOMNING,
    PROGNOS,
    RAPPORTSTATUS,
    cap,
    uppfoljning_text,
    varde,
)
from utsatta.render.report.followup_view import BedomningVy, InsatsUtfall, MalDom, SlutVy
from utsatta.render.report.sections.insats_indikatorer import POSITIVA, markeringar
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.period import AVBRUTEN, GENOMFORD, Period
from utsatta.render.report.sections.slutrader import (
    BERAKNAS_INTE,
    KAN_INTE_BEDOMAS,
    Senast,
    ansvar_fall,
    bro_text,
    dom_per_omrade,
    malnyckel,
)
from utsatta.render.report.sections.uppfoljning import delmal_per_id, illustrativ_of, mal_bedomning
from utsatta.render.report.view import ForandringRad, ankare_insats
from utsatta.wording import och

#: per insats, the organisations that owe it only through a group computed from a flag
#: (compute.coverage.owed_through_urval), with those groups
Urval = Mapping[str, Mapping[str, list[str]]]
#: beside a missing report owed only through such a group (decision 0017)
SLUTLEDD_SKYLDIGHET: Final = "skyldigheten är slutledd"

#: Bilaga E's paragraph on the outcome over the period (only in the slutuppföljning)
METOD: Final = (
    "Varje organisation som har en insats planens sista år räknas en gång, med sin senaste "
    "rapport om insatsen under planperioden (egen eller från den organisation den tagit över "
    "insatsen från) och året den lämnades. Bara en rapport med status genomförd avslutar "
    "insatsen. En rapport med status avbruten avslutar den också, men redovisas för sig och "
    "aldrig som genomförd. En återrapportering som lämnades ett tidigare år med status "
    "pågående, försenad eller ej påbörjad behöver inte lämnas igen, men den är ingen "
    "slutrapport: organisationen och insatsen står bland insatserna utan slutrapport i "
    "avsnitt 6. Varje år då en organisation var skyldig att rapportera en insats utan att "
    "göra det namnges med året. Räkningen över perioden lägger ihop de förväntade och inkomna "
    "rapporteringarna för varje år i planperioden."
)
#: F9: three words for a goal's outcome stand side by side in the report; they differ on purpose
#: (computed from the list, written by someone, computed from an indicator) and say so once
ORDEN: Final = (
    "Orden för ett måls utfall skiljer sig med avsikt. ”Nått” och ”Inte nått” (kolumnen "
    "Beräknat utfall) räknar verktyget ur värdet för målåret hos den indikator som avgör målet, "
    "till exempel antalet områden på polisens lista. "
    "”Uppnått” och ”Inte uppnått” är en bedömning som någon har skrivit: upprättaren i "
    "uppföljningsfilen (kolumnen Bedömning) eller nämnden i sin rapport. "
    f"”{label(Status.MAL_UPPNATT)}” och ”{label(Status.MAL_EJ_UPPNATT)}” är en indikators "
    "status, beräknad ur indikatorns värde för målåret mot dess målvärde. Ett beräknat utfall och "
    "en bedömning av samma mål kan därför skilja sig: bedömningen kan väga in mer än listan."
)


def _count(
    r: IndicatorResult | None, mal: str, ar: int, omr: OmradenFil | None = None
) -> tuple[str, str, str]:
    """(underlag, utfall, nyckel) for a goal decided by the indicator ``r``: met when its value
    in ``ar`` reaches its målvärde for ``ar``. A value that is a count a source states (``omr``'s
    ``upplagor: antal``) says whose it is."""
    if r is None:
        what = "målet" if mal == PLANENS_MAL else "delmålet"
        return (
            f"Ingen indikator i underlaget avgör {what} (ingen indikatorfil har 'mal: {mal}').",
            KAN_INTE_BEDOMAS,
            "okant",
        )
    point = value_of(r, ar)
    if point is None:
        gap = next((g for g in r.luckor if g.ar == ar), None)
        why = f" (nivån okänd för {', '.join(gap.namn)})" if gap and gap.namn else ""
        return (
            f"{r.indikator.namn}: inget värde för {ar}{why}.",
            KAN_INTE_BEDOMAS,
            "okant",
        )
    # the markers of every other channel (compute.indicators.markering); section 1 also says
    # when a value is confirmed
    sakerhet = markering(point.sakerhet) or (
        "bekräftad av källan" if point.sakerhet == "bekraftad" else "säkerhet okänd"
    )
    if (not_ := noter(omr, r).get(ar)) is not None:
        sakerhet += f", {not_}"
    enhet = r.indikator.enhet
    underlag = f"{r.indikator.namn}, {ar}: {varde(point.varde, enhet)} ({sakerhet})."
    if r.malvarde is None or r.malar != ar:
        return (
            f"{underlag} Indikatorn har inget målvärde för {ar}.",
            KAN_INTE_BEDOMAS,
            "okant",
        )
    mal_mark = markering(r.malvarde_sakerhet)
    if r.malvarde != 0 or mal_mark:
        mal = varde(r.malvarde, enhet) + (f" ({mal_mark})" if mal_mark else "")
        underlag = f"{underlag} Målvärde {ar}: {mal}."
    # the one rule the check of the written verdict uses too (goal-verdict-mismatch)
    utfall = outcome(r, ar)
    assert utfall is not None  # a value and a målvärde for ``ar``, as above
    if utfall.reached:
        return underlag, "Nått", "natt"
    return underlag, "Inte nått", "inte-natt"


def _fran_utgangslaget(r: IndicatorResult | None, fore: int | None) -> str:
    """A goal counted against the baseline list (new areas since it) says that the list is an
    interpretation of the plan's words (sections.baslinje); "" for any other goal."""
    b = r.indikator.berakning if r is not None else None
    if b is None or b.typ != "nya-omraden" or fore is None or b.jamfor_med != fore:
        return ""
    return f" Att räkna från listan {fore} är en tolkning; se bilaga E."


def _utfall_markering(r: IndicatorResult | None, nyckel: str, ar: int) -> str:
    """The marker of the value a verdict rests on ("slutledd"): a verdict drawn from an inferred
    or secondary value is no surer than it; "" where there is no verdict or the value is
    confirmed."""
    if r is None or nyckel == "okant":
        return ""
    point = value_of(r, ar)
    return markering(point.sakerhet) if point is not None else ""


def _raknat(
    rader: Sequence[tuple[str, int]],
    labels: Mapping[str, str],
    *,
    years_shown: bool = True,
    markering: str = "",
) -> str:
    """Count (key, year) pairs by key: "Genomförd 3 (2025), Pågående 5 (2023, 2024)", in the
    order of ``labels``, each with the years it was reported (unless ``years_shown`` is off).
    ``markering`` goes after the count of a verdict that the insats is reached ("Uppnått 9
    (indikatorn kan inte bedömas)", sections.insats_indikatorer)."""
    counts: dict[str, int] = {}
    years: dict[str, set[int]] = {}
    for key, year in rader:
        counts[key] = counts.get(key, 0) + 1
        years.setdefault(key, set()).add(year)
    return (
        ", ".join(
            f"{labels.get(k, k)} {counts[k]}"
            + (f" ({', '.join(str(y) for y in sorted(years[k]))})" if years_shown else "")
            + (f" ({markering})" if markering and k in POSITIVA else "")
            for k in (*labels, *sorted(set(counts) - set(labels)))
            if k in counts
        )
        or "–"
    )


def _bedomningar(rader: Sequence[tuple[str, int]], ar: int, markering: str = "") -> str:
    """The latest reports' bedömningar counted: "Uppnått 3, Bedöms uppnås 5 (prognos 2023 och
    2024, ingen slutbedömning)". A forecast from a year before ``ar`` is no outcome: it stands
    apart, with its years (review granska14, finding 13). ``markering`` as in ``_raknat``."""
    prognos = [(k, y) for k, y in rader if k in PROGNOS and y < ar]
    ovriga = [(k, y) for k, y in rader if (k, y) not in prognos]
    parts = [_raknat(ovriga, BEDOMNING, years_shown=False, markering=markering)] if ovriga else []
    for key in PROGNOS:
        years = sorted({y for k, y in prognos if k == key})
        if years:
            n = sum(1 for k, _ in prognos if k == key)
            mark = f"; {markering}" if markering and key in POSITIVA else ""
            parts.append(
                f"{BEDOMNING[key]} {n} (prognos {och([str(y) for y in years])}, ingen "
                f"slutbedömning{mark})"
            )
    return ", ".join(parts) or "–"


def _insatser(
    plan: PlanFil,
    period: Period,
    names: Names,
    tally: dict[str, int],
    urval: Urval,
    markeringar: Mapping[str, str],
    senast: list[Senast] | None = None,
) -> tuple[tuple[InsatsUtfall, ...], tuple[str, ...]]:
    """Each insats over the plan period: every organisation that holds it in the last year, with
    its latest report (its own or its predecessor's), who left it open or cancelled it, and every
    year a report it owed never came in; ``tally`` counts the pairs by their latest status
    ("ingen" for no report in the period); ``markeringar``: per insats, the mark beside a verdict
    that it is reached when none of its indicators can be assessed."""
    final = period.matrices.get(period.ar)
    if final is None:
        return (), ()
    out = []
    utan_slut: list[str] = []
    for ins in plan.insatser:
        status: list[tuple[str, int]] = []
        bedomning: list[tuple[str, int]] = []
        oppna: dict[str, list[str]] = {}
        saknas: list[str] = []
        oppen: list[str] = []
        klar = avbr = ingen = 0
        bara_samordning: list[str] = []
        for org in final.organisationer:
            if (org, ins.id) not in final.cells:
                continue
            if org in period.duties.samordnande(
                ins.id, period.ar
            ) and org not in period.duties.ansvariga(ins.id, period.ar):
                bara_samordning.append(names.org(org))
            for owner, years in period.missing(org, ins.id).items():
                slutledd = f"; {SLUTLEDD_SKYLDIGHET}" if owner in urval.get(ins.id, {}) else ""
                saknas.append(f"{names.org(owner)} ({', '.join(str(y) for y in years)}{slutledd})")
            found = period.latest(org, ins.id)
            if found is None:
                oppen.append(f"{names.org(org)} (ingen rapport under perioden)")
                tally["ingen"] = tally.get("ingen", 0) + 1
                ingen += 1
                continue
            tally[found.item.status] = tally.get(found.item.status, 0) + 1
            if senast is not None:
                senast.append((ins.id, found.item.status, found.ar, final.cells[(org, ins.id)]))
            klar += found.item.status == GENOMFORD
            avbr += found.item.status == AVBRUTEN
            status.append((found.item.status, found.ar))
            bedomning.append((found.item.bedomning, found.ar))
            if found.item.status != GENOMFORD:
                oppna.setdefault(found.item.status, []).append(f"{names.org(org)} ({found.ar})")
            if found.item.status not in (GENOMFORD, AVBRUTEN):
                label = RAPPORTSTATUS.get(found.item.status, found.item.status).lower()
                oppen.append(f"{names.org(org)} ({label}, {found.ar})")
        oppet = [
            f"{RAPPORTSTATUS.get(s, s)}: {', '.join(orgs)}"
            for s in (*RAPPORTSTATUS, *sorted(set(oppna) - set(RAPPORTSTATUS)))
            if (orgs := oppna.get(s))
        ]
        if saknas:
            oppet.append("Rapport saknas: " + ", ".join(saknas))
        if oppen:
            utan_slut.append(f"{ins.id}: {', '.join(oppen)}")
        typ = ins.uppfoljning.typ
        out.append(
            InsatsUtfall(
                insats=ins.id,
                ankare=ankare_insats(ins.id),
                titel=ins.titel,
                uppfoljning=cap(uppfoljning_text(typ, ins.uppfoljning.ar, ins.uppfoljning.text)),
                status=_raknat(status, RAPPORTSTATUS) if status else "ingen rapport",
                bedomning=_bedomningar(bedomning, period.ar, markeringar.get(ins.id, "")),
                oppet="; ".join(oppet) or "–",
                fokusomrade=ins.fokusomrade,
                genomforda=klar,
                avbrutna=avbr,
                utan_slutrapport=len(oppen) - ingen,
                utan_rapport=ingen,
                bara_samordning=tuple(bara_samordning),
            )
        )
    return tuple(out), tuple(utan_slut)


def _saknade_tidigare(period: Period) -> Iterator[tuple[int, str, list[str]]]:
    """(year, organisation, insatser) of every report owed in an earlier plan year that never
    came in, by year, then as the year's matrix orders them."""
    for year, m in sorted(period.matrices.items()):
        if year != period.ar:
            for org, ids in m.saknas_per_organisation().items():
                yield year, org, ids


def _saknade_perioden(period: Period, names: Names, urval: Urval) -> tuple[str, ...]:
    """Every report owed in an earlier plan year that never came in: "Business Region Göteborg:
    2023, insats 2:1, 2:4 (skyldigheten är slutledd)" (the year's own are in section 6
    already); a duty resting only on a group computed from a flag is an inference, said so."""
    out = []
    for year, org, ids in _saknade_tidigare(period):
        inferred = [i for i in ids if org in urval.get(i, {})]
        text = f"{names.org(org)}: {year}, insats {', '.join(ids)}"
        if inferred and len(inferred) == len(ids):
            text += f" ({SLUTLEDD_SKYLDIGHET})"
        elif inferred:
            text += f" (för {och(inferred)} är skyldigheten slutledd)"
        out.append(text)
    return tuple(out)


def _slutledda_saknade(period: Period, urval: Urval) -> int:
    """How many of the owed reports that never came in (organisation, insats, year) are owed
    only through a group computed from a flag."""
    return sum(
        1
        for m in period.matrices.values()
        for org, ids in m.saknas_per_organisation().items()
        for i in ids
        if org in urval.get(i, {})
    )


def _insatser_text(
    tally: Mapping[str, int], period: Period, urval: Urval, utfall: Sequence[InsatsUtfall]
) -> str:
    """The outcome over the period in two sentences, the pairs counted by latest status."""
    total = sum(tally.values())
    g = f"{period.fran}–{period.ar}"
    klar = tally.get(GENOMFORD, 0)
    avbr = tally.get(AVBRUTEN, 0)
    ingen = tally.get("ingen", 0)
    oppen = total - klar - avbr - ingen
    missing = period.forvantade() - period.inkomna()
    if missing:
        saknas = (
            f"Av de rapporteringar som skulle ha lämnats under perioden kom {missing} aldrig in."
        )
        if n := _slutledda_saknade(period, urval):
            vilka = (
                f"för {n} av dem"
                if n < missing
                else {1: "för den", 2: "för båda"}.get(n, "för alla")
            )
            saknas = saknas[:-1] + (
                f" ({vilka} är skyldigheten slutledd: planen räknar inte upp vilka som ingår i "
                "gruppen som ska rapportera)."
            )
    else:
        saknas = "Alla rapporteringar som skulle lämnas under perioden kom in."
    ingen_text = f"; för {ingen} finns ingen rapport alls under perioden" if ingen else ""
    return (
        ansvar_fall(period.ar, "insatserna", total, utfall, namnge=False)
        + f". Enligt den senaste rapporten under {g} är {klar} av "
        f"dem {'genomförd' if klar == 1 else 'genomförda'}, {avbr} "
        f"{'avbruten' if avbr == 1 else 'avbrutna'} och {oppen} utan slutrapport (senast "
        f"pågående, försenade eller ej påbörjade){ingen_text}. " + saknas
    )


def _rapporter_text(period: Period) -> str:
    g = f"{period.fran}–{period.ar}"
    n, inne = period.forvantade(), period.inkomna()
    return (
        f"Över hela planperioden {g} har {inne} av {n} förväntade rapporteringar "
        f"(organisation, insats och år) kommit in och {n - inne} saknas."
    )


def slutuppfoljning(
    period: Period | None,
    plan: PlanFil,
    results: Sequence[IndicatorResult],
    upp: UppfoljningFil | None,
    ar: int,
    uppdrag_text: str,
    names: Names,
    orgs: OrganisationerFil | None = None,
    omr: OmradenFil | None = None,
    forandringar: Sequence[ForandringRad] = (),
    fore_upplaga: int | None = None,
) -> SlutVy | None:
    """The slutuppföljning for the plan's last year, or None for any other year."""
    g = plan.plan.giltighet
    if ar != g.till or period is None:
        return None
    by_goal = deciding(results)  # two for one goal is a finding (dubblett-mal): the first counts
    verdicts: dict[str, BedomningVy] = delmal_per_id(plan, upp) if upp is not None else {}
    domar = []
    goal_r = by_goal.get(PLANENS_MAL)
    underlag, utfall, nyckel = _count(goal_r, PLANENS_MAL, ar, omr)
    domar.append(
        MalDom(
            "Målet",
            f"(”{plan.mal.text}”)",
            underlag,
            utfall,
            nyckel,
            mal_bedomning(plan, upp),
            _utfall_markering(goal_r, nyckel, ar),
        )
    )
    for n, d in enumerate(plan.mal.delmal, start=1):
        goal_r = by_goal.get(d.id)
        if d.id in by_goal or not d.per_omrade:
            underlag, utfall, nyckel = _count(goal_r, d.id, ar, omr)
            underlag += _fran_utgangslaget(goal_r, fore_upplaga)
        else:
            underlag = dom_per_omrade(
                [r for r in results if d.id in r.indikator.underlag_for],
                forandringar,
                fore_upplaga,
                ar,
            )
            utfall, nyckel = BERAKNAS_INTE, "okant"
        domar.append(
            MalDom(
                f"Delmål {n}",
                f"(”{d.text}”)",
                underlag,
                utfall,
                nyckel,
                verdicts.get(d.id),
                _utfall_markering(goal_r, nyckel, ar),
            )
        )
    parts = []

    # (singular, plural): "målet är nått", "målet och delmål 1 är inte nådda"; goals with the
    # same verdict and marker share a clause: "delmål 3 är nått (slutledd)"
    # a delmål judged per area is not computed at all: said apart from one that could be
    def group(m: MalDom) -> str:
        return "per-omrade" if m.utfall == BERAKNAS_INTE else m.utfall_nyckel

    for key, what in (
        ("natt", ("är nått", "är nådda")),
        ("inte-natt", ("är inte nått", "är inte nådda")),
        ("okant", ("kan inte bedömas ur de beräknade värdena",) * 2),
        ("per-omrade", ("beräknas inte ur listan (det gäller varje område för sig)",) * 2),
    ):
        for mark in dict.fromkeys(m.utfall_markering for m in domar if group(m) == key):
            goals = [
                m.rubrik.lower() for m in domar if group(m) == key and m.utfall_markering == mark
            ]
            goal_names = (
                goals[0] if len(goals) == 1 else ", ".join(goals[:-1]) + " och " + goals[-1]
            )
            parts.append(f"{goal_names} {what[len(goals) > 1]}" + (f" ({mark})" if mark else ""))
    text = "; ".join(parts)
    slutsats = (
        f"Mot polisens lista {ar}: {text[:1].upper() + text[1:]}. Hur säker varje uppgift är "
        "står i tabellen."
    )
    saknas = None
    if upp is None:
        saknas = (
            "Den slutliga bedömningen, lärdomarna och förslagen för "
            f"{g.fran}–{g.till} saknas: det finns ingen giltig uppfoljning/{ar}.yaml."
        )
    s = upp.slutuppfoljning if upp else None
    shown = [m.bedomning for m in domar if m.bedomning is not None]
    # a verdict is shown only from a file, so ``upp`` is there whenever ``shown`` is not empty
    upprattaren = f"upprättarens ({upp.upprattad_av})" if upp else "upprättarens"
    if shown and all(b.illustrativ for b in shown):
        rubrik = "Bedömning (illustrativ)"
        vems = (
            f"Kolumnen ”{rubrik}” visar bedömningen i uppföljningsfilen: den är illustrativ, "
            f"inte {upprattaren}."
        )
    elif any(b.illustrativ for b in shown):
        rubrik = "Bedömning"
        vems = (
            f"Kolumnen ”{rubrik}” visar bedömningen i uppföljningsfilen; de illustrativa är "
            f"märkta och är inte {upprattaren}."
        )
    elif upp is not None:
        rubrik = f"Bedömning av {upp.upprattad_av}"
        vems = f"Kolumnen ”{rubrik}” visar bedömningen i uppföljningsfilen."
    else:
        rubrik = "Bedömning"
        vems = f"Kolumnen ”{rubrik}” är tom: uppföljningsfilen saknas."
    tally: dict[str, int] = {}
    # duties resting only on a group computed from a flag: an inference (decision 0017)
    urval: Urval = owed_through_urval(plan.insatser, orgs, planperiod(plan)) if orgs else {}
    senast: list[Senast] = []
    insatser, utan_slut = _insatser(plan, period, names, tally, urval, markeringar(results), senast)
    slut_illustrativ = upp is not None and s is not None and illustrativ_of(s.illustrativ, upp)
    return SlutVy(
        ar=ar,
        period=f"{g.fran}–{g.till}",
        domar=tuple(domar),
        slutsats=slutsats,
        nyckel=malnyckel(domar, ar),
        insatser=insatser,
        utan_slutrapport=utan_slut,
        insatser_text=" ".join(
            t for t in (_insatser_text(tally, period, urval, insatser), bro_text(senast, ar)) if t
        ),
        saknade_perioden=_saknade_perioden(period, names, urval),
        saknade_tidigare=tuple(f"{names.org(o)} {y}" for y, o, _ in _saknade_tidigare(period)),
        rapporter_text=_rapporter_text(period),
        metod=METOD,
        ordval=ORDEN,
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
