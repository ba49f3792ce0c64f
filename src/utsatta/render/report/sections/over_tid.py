"""Over the years: per insats a matrix organisation × plan year (up to the report year) of the
reported status and bedömning, so a reader sees what moved; and per indicator its whole series.

The rows are every organisation that held the insats in some year (the year's duties, as
section 3 counts them) and every one that reported on it: one that never reported still has its
row. A year without a report says why: "rapport saknas" where one was owed (the year's
completeness matrix, the one definition), "–" where none was. A year an organisation did not
exist (on its last day: the rule of :mod:`utsatta.compute.responsibility`) reads "upphörd" or
"ej bildad", and the row says when it ceased and who took the insats over, or when it started
and whom it succeeded (docs/decisions/0553).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from utsatta.compute.completeness import Cell, Matrix
from utsatta.compute.coverage import owed_through_urval, reports_of_year
from utsatta.compute.indicators import IndicatorResult, datum_markering, med_markering
from utsatta.compute.responsibility import Arv, Duties, exists_at_year_end, planperiod, tolkning
from utsatta.compute.status import Lucka, Orsak
from utsatta.load.dataset import DataSet
from utsatta.model.organisationer import Organisation
from utsatta.model.plan import PlanFil
from utsatta.render.angivet import noter
from utsatta.render.labels import BEDOMNING, RAPPORTSTATUS, varde
from utsatta.render.report.followup_view import (
    InsatsOverTid,
    OverTidVy,
    SerieRad,
    TidCell,
    TidRad,
)
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.period import PlanYears
from utsatta.render.report.sections.slutuppfoljning import SLUTLEDD_SKYLDIGHET
from utsatta.render.report.view import ankare_insats
from utsatta.wording import och

#: a year without a report from the organisation on the insats, and none was owed
INGEN: str = "–"
#: a year the organisation owed a report on the insats that never came in
SAKNAS: str = "rapport saknas"
#: after :data:`SAKNAS` where the duty rests only on a group the plan does not list: the words
#: of sections 3 and 6
SLUTLEDD: str = f" ({SLUTLEDD_SKYLDIGHET})"
#: a year the organisation did not exist on 31 December: it had ceased, or not started yet
UPPHORD: str = "upphörd"
EJ_BILDAD: str = "ej bildad"


def serie_text(r: IndicatorResult, noter: Mapping[int, str] = MappingProxyType({})) -> str:
    """The whole series in one line, year order, with each year whose value is missing named with
    its reason: "2023: 2; 2025: okänt, nivån okänd för Biskopsgården och Gårdsten". A value that
    is the count a source states for its edition (``noter``, from
    :func:`utsatta.render.angivet.noter`) says so and whose it is, after the marker of its
    certainty (decision 0127): "2015: 6 (antal enligt Göteborgs-Posten)"."""
    parts = [
        (
            p.ar,
            f"{p.ar}: "
            + med_markering(varde(p.varde, r.indikator.enhet), p.sakerhet, noter.get(p.ar)),
        )
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
    ds: DataSet,
    plan: PlanFil,
    results: Sequence[IndicatorResult],
    ar: int,
    names: Names,
    plan_ar: PlanYears | None,
) -> OverTidVy:
    """Bilaga C; ``plan_ar`` are the matrices of the plan's years up to ``ar`` (the report's
    one :func:`~utsatta.render.report.sections.period.plan_years`), None without a valid plan
    and organisations."""
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
    by_id = (
        {o.id: o for o in ds.organisationer.model.organisationer}
        if ds.organisationer and ds.organisationer.model
        else {}
    )
    duties = plan_ar.duties if plan_ar is not None else None
    # each year's completeness matrix says which missing reports were owed: one definition
    matrices = plan_ar.matrices if plan_ar is not None else {}
    urval = (
        owed_through_urval(plan.insatser, ds.organisationer.model, planperiod(plan))
        if ds.organisationer and ds.organisationer.model
        else {}
    )
    # who each organisation succeeded (any insats): one pass, not one per row
    pred: dict[str, list[str]] = {}
    for known in by_id.values():
        for e in known.efterfoljare:
            pred.setdefault(e.organisation, []).append(known.id)
    insatser = []
    fanns_inte = saknas = slutledd = False
    for ins in plan.insatser:
        cells = per_insats.get(ins.id, {})
        # everyone who held the insats in some year, then anyone else who reported on it
        holders = [o for y in years for o in duties.responsible(ins.id, y)] if duties else []
        orgs = dict.fromkeys([*holders, *(org for org, _ in cells)])
        if not orgs:
            continue
        rader = []
        for o in names.orgs_in_order(orgs):
            found = by_id.get(o)
            inferred = o in urval.get(ins.id, {})
            row = tuple(
                cells.get((o, y)) or _empty(found, y, matrices.get(y), (o, ins.id), inferred)
                for y in years
            )
            fanns_inte |= any(c.nyckel == "fanns-inte" for c in row)
            saknas |= any(c.nyckel == "saknas" for c in row)
            slutledd |= any(c.text.endswith(SLUTLEDD) for c in row)
            label = names.org(o)
            if found is not None and any(not exists_at_year_end(found, y) for y in years):
                label += f" ({_change(found, ins.id, duties, pred.get(o, []), names)})"
            rader.append(TidRad(label, row))
        insatser.append(InsatsOverTid(ins.id, ankare_insats(ins.id), ins.titel, tuple(rader)))
    omr = ds.omraden.model if ds.omraden else None
    serier = tuple(
        SerieRad(r.indikator.namn, f"indikator-{r.indikator.id}", serie_text(r, noter(omr, r)))
        for r in results
    )
    return OverTidVy(
        years,
        tuple(insatser),
        serier,
        fanns_inte,
        saknas,
        slutledd,
        forklaring(fanns_inte=fanns_inte, saknas=saknas, slutledd=slutledd),
    )


def forklaring(*, fanns_inte: bool, saknas: bool, slutledd: bool) -> str:
    """The legend above the tables: which rows there are and what each mark of a year without
    a report means, the marks that occur only where they do."""
    parts = [
        "Status och egen bedömning i varje års rapport, för varje organisation som hade "
        "insatsen något av åren eller rapporterade om den.",
    ]
    if saknas:
        parts.append(
            f"”{SAKNAS}”: organisationen hade insatsen det året och skulle rapportera om den, "
            "men ingen rapport om insatsen kom in."
        )
    if slutledd:
        parts.append(
            f"”{SLUTLEDD_SKYLDIGHET}”: organisationen har insatsen bara genom en grupp som "
            "planen inte räknar upp."
        )
    parts.append(f"”{INGEN}”: ingen rapport om insatsen det året, och ingen krävdes det året.")
    if fanns_inte:
        parts.append(
            f"”{UPPHORD}”, ”{EJ_BILDAD}”: organisationen fanns inte det årets sista dag och hade "
            "inte insatsen det året (se organisationens rad)."
        )
    return " ".join(parts)


def _empty(
    org: Organisation | None,
    ar: int,
    matrix: Matrix | None,
    pair: tuple[str, str],
    inferred: bool,
) -> TidCell:
    """The cell of a year without a report: "rapport saknas" where one was owed (``matrix``,
    that year's; ``inferred``: the duty rests only on a group the plan does not list), "–"
    where none was, or why the organisation could not report."""
    if matrix is not None and matrix.cells.get(pair) is Cell.SAKNAS:
        return TidCell(SAKNAS + (SLUTLEDD if inferred else ""), "saknas")
    if org is None or exists_at_year_end(org, ar):
        return TidCell(INGEN, "ingen")
    if org.giltig_fran is not None and org.giltig_fran > f"{ar:04d}-12-31":
        return TidCell(EJ_BILDAD, "fanns-inte")
    return TidCell(UPPHORD, "fanns-inte")


def _change(
    org: Organisation, insats: str, duties: Duties | None, pred: list[str], names: Names
) -> str:
    """When ``org`` started or ceased, and from whom or to whom the insats passed, the words
    inside the brackets after its name, worded as in Bilaga A: "upphörde 2022-12-31;
    efterträdare: Stadsfastighetsnämnden, slutledd", "bildad 2023-01-01; efterträdare till
    Lokalnämnden, slutledd"."""
    parts = []
    if org.giltig_fran is not None:
        steps = (
            [
                s
                for o in names.orgs_in_order(dict.fromkeys(pred))
                for s in duties.successors(o, insats)
                if s.till == org.id
            ]
            if duties is not None
            else []
        )
        parts.append(f"bildad {org.giltig_fran}" + datum_markering(org.giltig_fran_sakerhet))
        if steps:
            parts.append(
                "efterträdare till " + och([names.org(s.fran) for s in steps]) + _tolkning(steps)
            )
    if org.giltig_till is not None:
        steps = duties.successors(org.id, insats) if duties is not None else []
        parts.append(f"upphörde {org.giltig_till}" + datum_markering(org.giltig_till_sakerhet))
        parts.append(
            "efterträdare: " + och([names.org(s.till) for s in steps]) + _tolkning(steps)
            if steps
            else "ingen efterträdare angiven för insatsen"
        )
    return "; ".join(parts)


def _tolkning(steps: Sequence[Arv]) -> str:
    """ ", slutledd" if any step is an inference, else ", bekräftad" (the one rule:
    :func:`utsatta.compute.responsibility.tolkning`)."""
    return ", " + ("bekräftad" if tolkning(steps) == "bekraftad" else "slutledd")
