"""`build`: the report of one year as a :class:`~utsatta.render.report.view.ReportView`, from a
loaded and validated data set. The figures come from :mod:`utsatta.compute`; each section of the
view is made by its module in :mod:`utsatta.render.report.sections`, in the plan's order.

The decisions behind the report: docs/decisions/0010-report-layout.md and the records after it.
"""

from __future__ import annotations

from dataclasses import replace

from utsatta.check.usable import require_usable
from utsatta.compute.coverage import coverage, reports_of_year
from utsatta.compute.duties import duties_of, reported, year_matrix
from utsatta.compute.indicators import evaluate
from utsatta.compute.report_date import uppfoljning_of
from utsatta.load.dataset import DataSet
from utsatta.render.labels import organ_i_text, report_title
from utsatta.render.report.sections import banner, baslinje, sources
from utsatta.render.report.sections.areas import omraden_vy
from utsatta.render.report.sections.behov import behov_vy
from utsatta.render.report.sections.indicators import indikator_vy
from utsatta.render.report.sections.insats_indikatorer import lankade, utan_underlag
from utsatta.render.report.sections.insatser import insats_vy
from utsatta.render.report.sections.missing import saknade
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.om_rapporten import om_rapporten
from utsatta.render.report.sections.omorganisation import upphorda
from utsatta.render.report.sections.omraden_detalj import omraden_detalj
from utsatta.render.report.sections.over_tid import over_tid
from utsatta.render.report.sections.period import period_of, plan_years
from utsatta.render.report.sections.rapportmarkering import rapportmarkering
from utsatta.render.report.sections.slutrader import fokus_berakning
from utsatta.render.report.sections.slutuppfoljning import slutuppfoljning
from utsatta.render.report.sections.summary import sammanfattning
from utsatta.render.report.sections.underlag import underlag
from utsatta.render.report.sections.uppfoljning import mottagare, uppfoljning_vy
from utsatta.render.report.view import FokusVy, IndikatorLank, ReportView, ankare_fokus
from utsatta.version import __version__


def require_report_data(ds: DataSet, ar: int) -> None:
    """Raise unless ``ds`` can give the report of year ``ar`` (:func:`require_usable`, the
    same rule as the export's)."""
    require_usable(ds, ar, what="rapport")


def build(ds: DataSet, ar: int) -> ReportView:
    """The report for year ``ar`` from a data set made by ``utsatta.validate`` or
    ``utsatta.load`` (then checked here, as ``validate`` would for that year).

    Raises, every message Swedish: ``DataErrors`` when the data has errors that would make
    the report wrong (as the command line refuses it); ``ArgumentError`` for a year outside the
    plan's period, or a data set loaded without its texts or with only some reports.
    """
    require_report_data(ds, ar)
    return assemble(ds, ar)


def assemble(ds: DataSet, ar: int) -> ReportView:
    """The report view of year ``ar`` without the checks of ``build``: for a caller that has
    judged the data itself (the tests of how the report shows data that the checks would
    refuse). A plan and organisations that were read are needed."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    plan = ds.plan.model
    orgs = ds.organisationer.model
    omr = ds.omraden.model if ds.omraden and ds.omraden.model else None
    names = Names.of(orgs, omr)
    g = plan.plan.giltighet
    # the duties and the reports read once; every plan year's matrix up to ``ar`` built once
    # for the slutuppföljning's period and bilaga C, which both ask it
    duties, done = duties_of(ds), reported(ds)
    matrix = year_matrix(ds, ar, done, duties)
    plan_ar = plan_years(ds, ar, done, duties)
    assert matrix is not None and plan_ar is not None
    reports = reports_of_year(ds, ar)
    cov = coverage(plan, orgs, matrix, reports)
    results = evaluate(ds, ar)
    indikatorer = [(r, indikator_vy(r, ar, names.omraden, omr)) for r in results]
    # the plan's last year is the slutuppföljning: it looks back over the whole period
    slutar = ar == g.till
    period = period_of(ds, plan_ar) if slutar else None
    # each insats with the indicators linked to it, in report order, and their status
    lankar = lankade(results)
    vy_av = {
        id(r): IndikatorLank(
            v.id,
            v.namn,
            v.ankare,
            v.md_ankare,
            v.status,
            v.status_nyckel,
            (r.indikator.omfattning or "").strip(),
        )
        for r, v in indikatorer
    }
    insatser = {
        ic.insats.id: insats_vy(
            ic,
            cov,
            orgs,
            names,
            matrix,
            period,
            tuple(vy_av[id(r)] for r in lankar.get(ic.insats.id, ())),
            utan_underlag(lankar.get(ic.insats.id, ())),
        )
        for ic in cov.insatser
    }
    omraden, lista = omraden_vy(omr, ar, g.fran, cov.insatser)
    # an insats meant for every area: which areas the year's reports did not reach, beside the
    # assessments (granska18 G2, 0558); bilaga B's cells are the one rule
    nadda = {t.insats: (t.nadda, t.nadda_text) for t in omraden.tackning if t.nadda}
    for i, (kort, mening) in nadda.items():
        insatser[i] = replace(insatser[i], omraden_nadda=kort, omraden_nadda_text=mening)
    fokus = tuple(
        FokusVy(
            id=f.id,
            ankare=ankare_fokus(f.id),
            namn=f.namn,
            indikatorer=tuple(v for r, v in indikatorer if r.indikator.fokusomrade == f.id),
            insatser=tuple(insatser[i.id] for i in plan.insatser if i.fokusomrade == f.id),
        )
        for f in plan.fokusomraden
    )
    # the goal's indicators by their link in the data (mal, underlag_for); one linked to no
    # goal and no fokusområde gets its own heading, never the goal's (0556)
    mal_indikatorer = [
        v for r, v in indikatorer if r.indikator.fokusomrade is None and not r.indikator.ovrig
    ]
    ovriga_indikatorer = [v for r, v in indikatorer if r.indikator.ovrig]
    saknade_vyer, saknade_not = saknade(matrix, plan.insatser, orgs, reports, names)
    upp = uppfoljning_of(ds, ar)
    # the files the report rests on: one rule with the export's notice (sections.underlag)
    grund = underlag(ds, ar)
    per_year = grund.rapporter
    illustrativt = banner.illustrativt(grund, results, names, plan=plan, orgs=orgs, omr=omr)
    upp_vy = uppfoljning_vy(ds, plan, ar, results)
    slut = slutuppfoljning(
        period,
        plan,
        results,
        upp,
        ar,
        upp_vy.uppdrag_text,
        names,
        orgs=orgs,
        omr=omr,
        forandringar=omraden.forandringar,
        fore_upplaga=omraden.fore_upplaga,
    )
    if slut is not None:
        slut = replace(
            slut,
            insatser=tuple(
                replace(u, nadda=nadda[u.insats][0]) if u.insats in nadda else u
                for u in slut.insatser
            ),
        )
    if slut is not None:
        # under each fokusområde's written verdict, its insatser: the duties from the plan and the
        # organisations, what was done as the reports count it
        berakning = fokus_berakning(slut, fokus)
        upp_vy = replace(
            upp_vy,
            fokusomraden=tuple(
                replace(b, berakning=berakning.get(b.fokus, "")) for b in upp_vy.fokusomraden
            ),
        )
    summ = sammanfattning(
        plan, cov, lista, results, [v for _, v in indikatorer], mal_indikatorer, ovriga_indikatorer
    )
    alt = baslinje.utgangslage(plan, omr, results, ar)
    till = mottagare(plan.plan.uppfoljning)
    return ReportView(
        ar=ar,
        titel=report_title(plan, ar),
        omfattning=(
            f"Slutuppföljningen gäller hela planperioden {g.fran}–{g.till} och år {ar}, "
            "planens sista år."
            if slutar
            else f"Uppföljningen gäller år {ar}."
        )
        # whom the slutuppföljning goes to, said once, from the plan's words (quoted in
        # section 1); a year's report keeps to the quote, within its ten pages (0095)
        + (f" Den rapporteras till {till}." if till and slutar else ""),
        plan_namn=plan.plan.namn,
        diarienummer=plan.plan.diarienummer,
        beslutad_av=plan.plan.beslutad_av,
        giltighet=f"{g.fran}–{g.till}",
        dokumentansvarig=plan.plan.dokumentansvarig,
        illustrativ=bool(illustrativt),
        illustrativ_text=banner.ILLUSTRATIV_TEXT,
        illustrativt_innehall=tuple(illustrativt),
        illustrativt_uppraknat=banner.uppraknat(illustrativt),
        bilaga1=banner.indikatorbilaga(plan, results),
        sammanfattning=replace(
            summ,
            # the plan's "idag" read as a list: an interpretation, stated once with the
            # alternative's figures (sections.baslinje)
            metod=(*summ.metod, *([(baslinje.RUBRIK, alt)] if alt else [])),
        ),
        fokusomraden=fokus,
        omraden=omraden,
        saknade=saknade_vyer,
        saknade_not=saknade_not,
        kallor=sources.kallor(plan, omr, ar, results, reports, names, orgs, per_year),
        uppfoljning=upp_vy,
        behov=behov_vy(ds, plan, reports, upp, ar, names, g.fran if slutar else None),
        omraden_detalj=omraden_detalj(plan, omr, reports, results, upp, ar, names),
        over_tid=over_tid(ds, plan, results, ar, names, plan_ar),
        slut=slut,
        rapporter_markering=rapportmarkering(reports.values()),
        perioden_markering=rapportmarkering(r for y in per_year.values() for r in y.values()),
        upphorda=upphorda(plan, orgs, ar, names),
        planen_text=(
            f"Planen: dnr {plan.plan.diarienummer}, beslutad av "
            f"{organ_i_text(plan.plan.beslutad_av)} "
            # no date is a fact the signer must see here, not only in Bilaga E
            f"{plan.plan.beslutsdatum or '(beslutsdatum finns inte i underlaget)'}, "
            f"giltighet {g.fran}–{g.till}, "
            f"dokumentansvarig: {plan.plan.dokumentansvarig}."
        ),
        version=__version__,
        om_rapporten=om_rapporten(g.fran, ar),
    )
