"""The report's conclusions as tables: ``indikatorstatus`` (each indicator's computed status per
year) and ``malutfall`` (the goals' computed outcome in the slutuppföljning, beside the written
assessment).

Nothing here computes a status or an outcome of its own: every text is taken from the report's
own view of the year (:func:`utsatta.render.report.assemble.assemble`: its indicators and its
goal table), the codes beside them from the computation that view shows
(:func:`utsatta.compute.indicators.evaluate`), so the export says what the report says, in the
same words, and follows it when its words or its inputs change
(docs/decisions/0490-exporten-bar-rapportens-slutsatser.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from utsatta.compute.goal_outcome import value_of
from utsatta.compute.indicators import IndicatorResult, evaluate
from utsatta.export.cells import relative_file
from utsatta.export.columns import (
    FOKUSOMRADE_INDIKATOR,
    KOPPLING_INDIKATOR,
    kod_column,
    koppling,
    text_column,
)
from utsatta.export.table import Cell, Column, Table
from utsatta.load.dataset import DataSet
from utsatta.model.indikator import PLANENS_MAL
from utsatta.render.labels import framsteg_andel
from utsatta.render.report.assemble import assemble
from utsatta.render.report.sections.slutrader import BERAKNAS_INTE
from utsatta.render.report.view import IndikatorVy, ReportView

__all__ = ["INDIKATORSTATUS", "MALUTFALL", "indikatorstatus", "malutfall", "report_views"]


INDIKATORSTATUS: Final = (
    Column(
        "ar",
        "heltal",
        "Året som statusen gäller: rapporten för det året visar den, beräknad med värdena till "
        "och med året.",
    ),
    kod_column(
        "indikator", "Indikatorns id (filnamnet i indikatorer/), som i tabellen indikatorvarden."
    ),
    text_column("indikator_namn", "Indikatorns namn."),
    kod_column("fokusomrade", FOKUSOMRADE_INDIKATOR),
    kod_column("koppling", KOPPLING_INDIKATOR),
    kod_column(
        "status",
        "Den beräknade statusen som kod. Mot ett målvärde före målåret: malvarde-natt, i-fas, "
        "behover-oka-takten, otillracklig eller fel-riktning; från målåret: mal-uppnatt eller "
        "mal-ej-uppnatt. Utan målvärde (en utveckling): forbattring, ingen-tydlig-forandring "
        "eller forsamring. ej-bedombar när statusen inte kan beräknas (kolumnen orsak säger "
        "varför).",
    ),
    text_column(
        "status_text",
        "Statusen som rapporten skriver den, med orsaken för en som inte kan bedömas och med "
        "markeringen för hur säkra värdena den bygger på är (t.ex. ”Målet ej uppnått (uppgift "
        "i andra hand)”, ”Ej bedömbar (polisens nivå okänd)”).",
    ),
    kod_column(
        "statusslag",
        "Slag av status: mot-malvarde (jämförd med ett målvärde), utveckling (utan målvärde) "
        "eller ej-bedombar. Statusar av olika slag räknas aldrig ihop.",
    ),
    kod_column(
        "orsak",
        "Varför statusen är ej-bedombar, som kod: saknar-data, saknar-malvarde, "
        "for-fa-matpunkter, andrad-metod, ej-tillampbar, inga-varden-under-planperioden, "
        "for-fa-varden-under-planperioden, niva-okand (polisens nivå okänd), "
        "inget-varde-for-malaret eller tvetydig-riktning; tom för en status som kan bedömas.",
    ),
    text_column("orsak_text", "Orsaken i klartext, som rapporten skriver den; tom utan orsak."),
    Column(
        "andel_av_vagen",
        "tal",
        "Hur stor del av vägen från baslinjen till målvärdet som det senaste värdet har nått, i "
        "procent (20 är 20 % av vägen; i CSV med decimalkomma), samma tal som rapportens "
        "kolumn Framsteg avrundar till hela procent. Tom för en utveckling, för en status som "
        "inte kan bedömas och där baslinjen redan är målvärdet (då finns ingen väg att gå).",
    ),
    text_column(
        "andel_av_vagen_text",
        "Samma andel som rapporten skriver den (t.ex. ”20 % av vägen”), eller – där andelen "
        "saknas.",
    ),
    kod_column(
        "sakerhet",
        "Hur säkra värdena som statusen bygger på är, det svagaste av dem, som kod: bekraftad, "
        "bekraftad-ej-polisen (ett antal ur polisens listor vars nivåer är bekräftade, men inte "
        "alla i polisens egen publicering), sekundar (uppgift i andra hand), slutledd eller "
        "saknas. Från målåret räknas bara det "
        "senaste värdet, före det också baslinjen, för en utveckling hela serien. Tom för en "
        "status som inte kan bedömas och där värdena inte anger sin säkerhet.",
    ),
    kod_column(
        "malvarde_sakerhet",
        "Hur säkert målvärdet som statusen mäts mot är, som kod (bekraftad, sekundar, slutledd); "
        "rapporten skriver ”målvärdet: slutledd” i statusen när det inte är bekräftat och "
        "statusen mäts mot målvärdet. Tom när målvärdet saknas eller inte anger sin säkerhet.",
    ),
    text_column(
        "baslinje",
        "Baslinjen som rapporten visar den: värdet, året och markeringen för dess säkerhet, "
        "eller saknas.",
    ),
    text_column(
        "senaste",
        "Det senaste värdet till och med året som rapporten visar det, eller saknas.",
    ),
    Column(
        "varde_for_aret",
        "ja/nej",
        "ja om indikatorn har ett eget värde för året; nej när året saknar en egen mätning (t.ex. "
        "ett år utan en upplaga av polisens lista): statusen på raden är den som rapporten för "
        "året visar, beräknad på det senaste tidigare värdet (kolumnen senaste säger vilket år), "
        "och raden visar inget värde för året.",
    ),
    text_column(
        "malvarde",
        "Målvärdet som statusen mäts mot, med år och markering som i rapporten, eller saknas.",
    ),
    text_column(
        "senast_kanda",
        "För en status som inte kan bedömas: vad de senast kända värdena visade, som rapporten "
        "skriver det (t.ex. ”I fas, 40 % av vägen (värden t.o.m. 2023)”); annars tom.",
    ),
    text_column(
        "berakning",
        "Så har statusen beräknats: rapportens text med talen som användes.",
    ),
    Column(
        "illustrativ",
        "ja/nej",
        "ja om indikatorns värden är illustrativa (påhittade för att visa formatet): "
        "indikatorns fil är markerad illustrativ, eller indikatorn räknas fram ur polisens "
        "listor och omraden.yaml är markerad illustrativ; annars nej.",
    ),
    kod_column(
        "kallfil",
        "Indikatorns fil, räknat från datamappen (t.ex. indikatorer/riskomraden.yaml).",
    ),
)

MALUTFALL: Final = (
    Column("ar", "heltal", "Planens sista år, som slutuppföljningen bedömer målen mot."),
    kod_column("del", "Vad som bedöms: mal (planens mål) eller delmal."),
    kod_column("del_id", "Delmålets id i plan.yaml; tomt för målet."),
    text_column("rubrik", "Rubriken som i rapportens tabell över målen (Målet, Delmål 1 …)."),
    text_column("mal_text", "Målets eller delmålets ordalydelse i planen."),
    kod_column(
        "indikator",
        "Id för indikatorn vars värde för året avgör målet (indikatorfilens mal); tomt när "
        "ingen indikator avgör det. Raden för indikatorn står i tabellen indikatorstatus.",
    ),
    kod_column(
        "utfall",
        "Det beräknade utfallet som kod: natt (indikatorns värde för året når målvärdet), "
        "inte-natt (det gör det inte), okant (kan inte bedömas: värdet eller målvärdet "
        "saknas, eller ingen indikator avgör målet) eller beraknas-inte (delmålet gäller "
        "varje område för sig och räknas inte fram som ett utfall; underlaget säger hur "
        "områdena har utvecklats).",
    ),
    text_column(
        "utfall_text",
        "Det beräknade utfallet som rapporten skriver det i kolumnen Beräknat utfall.",
    ),
    text_column(
        "utfall_markering",
        "Markeringen som rapporten skriver vid utfallet: hur säkert värdet som utfallet bygger "
        "på är (t.ex. slutledd, uppgift i andra hand eller annan källa än polisen, den osäkraste "
        "nivån som antalet bygger på); tom för ett bekräftat värde (för ett antal ur polisens "
        "listor: bekräftat i polisens egen publicering) och där inget utfall kan avgöras.",
    ),
    text_column(
        "underlag",
        "Underlaget som rapporten skriver i kolumnen Underlag: indikatorns värde för året med "
        "säkerhet och målvärde, eller varför utfallet inte kan avgöras.",
    ),
    kod_column(
        "bedomning",
        "Den skrivna bedömningen av målet i uppfoljning/ÅR.yaml som kod (uppnatt, "
        "delvis-uppnatt, inte-uppnatt, kan-inte-bedomas …); tom där ingen bedömning är "
        "skriven. Hela bedömningen, med källor, står i tabellen bedomningar.",
    ),
    text_column(
        "bedomning_text",
        "Bedömningen i klartext som i rapporten; ”Ingen bedömning skriven” där den saknas.",
    ),
    text_column(
        "bedomning_markering",
        "Markeringen som rapporten skriver vid bedömningen (t.ex. illustrativ bedömning); tom "
        "för en bedömning som inte är illustrativ.",
    ),
    text_column("bedomning_ord", "Bedömningen i ord (Markdown), som i rapporten."),
    Column(
        "utfall_illustrativ",
        "ja/nej",
        "ja om det beräknade utfallet och underlaget bygger på illustrativa värden: "
        "indikatorns fil, eller för en indikator som räknas fram ur polisens listor (och för "
        "ett delmål som gäller varje område för sig) omraden.yaml, är markerad illustrativ; "
        "annars nej. Säger inget om bedömningen (kolumnen bedomning_illustrativ).",
    ),
    Column(
        "bedomning_illustrativ",
        "ja/nej",
        "ja om den skrivna bedömningen är illustrativ (påhittad för att visa formatet); nej "
        "för en verklig bedömning och där ingen är skriven. Säger inget om utfallet (kolumnen "
        "utfall_illustrativ).",
    ),
    kod_column(
        "kallfil",
        "Datafilerna som raden bygger på, räknat från datamappen, åtskilda av komma och "
        "mellanslag: indikatorns fil (och omraden.yaml för en indikator som räknas fram ur "
        "polisens listor) och uppföljningsfilen.",
    ),
)

#: what the report writes where no assessment is written (as the table bedomningar)
INGEN_BEDOMNING: Final = "Ingen bedömning skriven"
#: the code of a delmål judged per area, whose outcome the report does not compute
#: ("Beräknas inte"), apart from okant ("Kan inte bedömas": granska15 #8)
UTFALL_BERAKNAS_INTE: Final = "beraknas-inte"


def _ja(value: bool) -> str:
    return "ja" if value else "nej"


def _procent(andel: float | None) -> float | None:
    """The share of the way in percent: the report's number times 100, rounded to the 9
    decimals of the share it is computed from (so 0.2 is 20, never 20.000000000000004)."""
    return None if andel is None else round(andel * 100, 7) + 0.0


def report_views(ds: DataSet, ar: int) -> dict[int, ReportView]:
    """The report's view of each plan year up to ``ar`` (none without a valid plan and
    organisations, as the report needs them): the one place the conclusions are taken from, so
    that the export follows every change of the report's words and inputs."""
    if not (ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model):
        return {}
    fran = ds.plan.model.plan.giltighet.fran
    return {year: assemble(ds, year) for year in range(min(fran, ar), ar + 1)}


def _indikator_vyer(view: ReportView) -> dict[str, IndikatorVy]:
    """The report's indicators by id: the goal's (section 2), each fokusområde's and the
    others (linked to neither)."""
    vyer = [*view.sammanfattning.mal_indikatorer, *view.sammanfattning.ovriga_indikatorer]
    vyer += [v for f in view.fokusomraden for v in f.indikatorer]
    return {v.id: v for v in vyer}


def indikatorstatus(
    ds: DataSet, ar: int, results: Sequence[IndicatorResult], views: dict[int, ReportView]
) -> Table:
    """The table ``indikatorstatus``: for each plan year up to ``ar`` (``views``:
    :func:`report_views`; ``results``: the indicators evaluated for ``ar``), every indicator
    the year's report shows, its status in the report's words and the codes behind them."""
    omr = ds.omraden.model if ds.omraden else None
    omr_illustrativ = bool(omr and omr.illustrativ)
    src_fil = {
        s.model.id: relative_file(s.path, ds.root) for s in ds.indikatorer if s.model is not None
    }
    # the report's order (the plan's goal first, then per fokusområde) of the export's year
    order = {r.indikator.id: n for n, r in enumerate(results)}
    found: list[tuple[tuple[int, str, int], tuple[Cell, ...]]] = []
    for year, view in views.items():
        vyer = _indikator_vyer(view)
        # the codes from the same computation the view shows (compute.indicators.evaluate)
        for res in results if year == ar else evaluate(ds, year):
            ind, prog = res.indikator, res.progress
            vy = vyer.get(ind.id)
            if vy is None:  # pragma: no cover - the report shows every indicator evaluated
                continue
            row: tuple[Cell, ...] = (
                year,
                ind.id,
                ind.namn,
                ind.fokusomrade,
                koppling(ind),
                str(prog.status),
                vy.status,
                prog.statusslag,
                None if prog.orsak is None else str(prog.orsak),
                prog.orsak_text,
                _procent(framsteg_andel(res)),
                vy.framsteg,
                res.status_sakerhet,
                res.malvarde_sakerhet,
                vy.baslinje,
                vy.senaste,
                # a year without a value of its own says so: its status rests on an earlier
                # year's value, which is not that year's (sign27 item 3)
                _ja(value_of(res, year) is not None),
                vy.malvarde,
                vy.senast_kanda,
                vy.forklaring,
                _ja(ind.illustrativ or (ind.berakning is not None and omr_illustrativ)),
                src_fil.get(ind.id, res.file),
            )
            found.append(((order.get(ind.id, len(order)), ind.id, year), row))
    found.sort(key=lambda t: t[0])
    return Table(
        "indikatorstatus",
        "En rad per indikator och år i planperioden till och med exportens år: statusen som "
        "rapporten för året visar, med orsak, andel av vägen och säkerhet.",
        INDIKATORSTATUS,
        tuple(row for _, row in found),
    )


def malutfall(ds: DataSet, results: Sequence[IndicatorResult], view: ReportView | None) -> Table:
    """The table ``malutfall``: the mål and each delmål with the outcome the slutuppföljning
    computes and the written assessment, from the report's ``view`` of the export's year; no
    rows before the plan's last year (the report has no such table then)."""
    rows: list[tuple[Cell, ...]] = []
    plan = ds.plan.model if ds.plan else None
    omr = ds.omraden.model if ds.omraden else None
    slut = view.slut if view is not None else None
    if plan is not None and slut is not None:
        by_goal: dict[str, IndicatorResult] = {}
        for r in results:  # the report's rule: the first indicator that names the goal decides
            if r.indikator.mal is not None:
                by_goal.setdefault(r.indikator.mal, r)
        src_fil = {
            s.model.id: relative_file(s.path, ds.root)
            for s in ds.indikatorer
            if s.model is not None
        }
        omr_fil = relative_file(ds.omraden.path, ds.root) if ds.omraden is not None else None
        upp_fil = next(
            (
                relative_file(f.path, ds.root)
                for f in ds.uppfoljningar
                if f.model is not None and f.model.ar == slut.ar
            ),
            None,
        )
        goals = [
            (PLANENS_MAL, None, plan.mal.text, False),
            *((d.id, d.id, d.text, d.per_omrade) for d in plan.mal.delmal),
        ]
        # the report's rows: the mål, then each delmål in the plan's order
        for dom, (goal, del_id, text, per_omrade) in zip(slut.domar, goals, strict=True):
            avgor = by_goal.get(goal)
            fran_listorna = (avgor is not None and avgor.indikator.berakning is not None) or (
                avgor is None and per_omrade
            )
            filer = [src_fil.get(avgor.indikator.id, avgor.file)] if avgor is not None else []
            filer += [omr_fil] if fran_listorna and omr_fil else []
            filer += [upp_fil] if upp_fil and dom.bedomning is not None else []
            b = dom.bedomning
            # the computed outcome is as illustrative as its data, the assessment as written
            utfall_illustrativ = (avgor is not None and avgor.indikator.illustrativ) or (
                fran_listorna and bool(omr and omr.illustrativ)
            )
            rows.append(
                (
                    slut.ar,
                    "mal" if del_id is None else "delmal",
                    del_id,
                    dom.rubrik,
                    text,
                    avgor.indikator.id if avgor is not None else None,
                    UTFALL_BERAKNAS_INTE if dom.utfall == BERAKNAS_INTE else dom.utfall_nyckel,
                    dom.utfall,
                    dom.utfall_markering or None,
                    dom.underlag,
                    b.nyckel if b is not None else None,
                    b.bedomning if b is not None else INGEN_BEDOMNING,
                    (b.markering or None) if b is not None else None,
                    b.text if b is not None else None,
                    _ja(utfall_illustrativ),
                    _ja(b is not None and b.illustrativ),
                    ", ".join(dict.fromkeys(filer)) or None,
                )
            )
    return Table(
        "malutfall",
        "En rad per mål och delmål i slutuppföljningen (planens sista år): det beräknade "
        "utfallet mot polisens lista, underlaget och den skrivna bedömningen; tom för andra år.",
        MALUTFALL,
        tuple(rows),
    )
