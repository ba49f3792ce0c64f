"""The indicators of the report (with the goal in section 1 and per fokusområde in section 2):
figures, status and how it was computed, comments, values per område and kön, and a chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from utsatta.compute.indicators import (
    IndicatorResult,
    applicable_matintervall,
    evidence,
    markering,
    markering_och_not,
    matrutnat,
    med_ar,
)
from utsatta.compute.police import rise_caution
from utsatta.compute.status import Point
from utsatta.model.common import Kalla
from utsatta.model.indikator import IndikatorFil, Matintervall, Varde
from utsatta.model.omraden import OmradenFil
from utsatta.numbers import tal
from utsatta.render import chart
from utsatta.render.angivet import (
    INTE_RAKNAT,
    AngivetAntal,
    angivet_mening,
    angivet_not,
    angivna_antal,
)
from utsatta.render.breakdown import KON_ORDNING, per_kon, per_omrade
from utsatta.render.chart_table import values_table
from utsatta.render.labels import (
    KON,
    METOD,
    RIKTNING,
    SAKERHET,
    cap,
    decimals_in,
    enhet_text,
    faktor_text,
    framsteg_andel,
    framsteg_text,
    inaktuell_text,
    malvarde_text,
    senast_kanda_text,
    status_nyckel,
    status_text,
    varde,
)
from utsatta.render.report import mdankare
from utsatta.render.report.sections.baslinje import TOLKNING
from utsatta.render.report.sections.sources import kalla_vy
from utsatta.render.report.view import Anmarkning, DelRad, DelTabell, IndikatorVy


def anmarkningar(
    res: IndicatorResult,
    ar: int,
    omrade_namn: Mapping[str, str],
    angivna: Sequence[AngivetAntal] = (),
) -> tuple[Anmarkning, ...]:
    """The comments on the values of an indicator: baslinje, målvärden, utfall up to ``ar``, and
    for each value that is a count a source states (``angivna``) that it is, and whose."""
    ind = res.indikator
    out: list[Anmarkning] = []
    b = ind.baslinje
    if b is not None and b.kommentar:
        out.append(
            Anmarkning(f"Baslinje {b.ar} ({varde(b.varde, ind.enhet)})", b.kommentar.strip())
        )
    sure = {k.id: k.sakerhet for k in ind.kallor}
    for m in ind.malvarden:
        if m.kommentar:
            if m.varde is not None:
                what = varde(m.varde, ind.enhet)
            else:
                assert m.relativt is not None
                what = faktor_text(m.relativt.faktor)
            mark = markering(m.sakerhet or sure.get(m.kalla))
            what += f", {mark}" if mark else ""
            out.append(Anmarkning(f"Målvärde {m.ar} ({what})", m.kommentar.strip()))
    for u in sorted(ind.utfall, key=lambda u: u.ar):
        if u.kommentar and u.ar <= ar:
            where = [omrade_namn.get(u.omrade, u.omrade)] if u.omrade else []
            where += [KON[u.kon]] if u.kon is not None and u.kon in KON else []
            label = ", ".join([f"Utfall {u.ar}", *where])
            out.append(Anmarkning(f"{label} ({varde(u.varde, ind.enhet)})", u.kommentar.strip()))
    for a in angivna:
        p = a.punkt
        what = markering_och_not(p.sakerhet, angivet_not(a) if a.oppet else None)
        kallor = "; ".join(kalla_vy(k).text for k in a.kallor)
        out.append(
            Anmarkning(
                f"Utfall {p.ar} ({varde(p.varde, ind.enhet)}, {what})",
                f"{angivet_mening(a)} Källa: {kallor}.",
            )
        )
    return tuple(out)


def _kort(k: Kalla) -> str:
    """A source in a chart's caption: as in the list of sources when it has a title, else by
    publisher and date only (without a title the list quotes the source's comment, which is
    too long for a caption)."""
    if k.titel:
        return kalla_vy(k).text
    extra = [x for x in (k.datum or "odaterad", SAKERHET.get(k.sakerhet)) if x]
    return f"{k.utgivare} ({', '.join(extra)})"


def malvarde_med_markering(res: IndicatorResult) -> str:
    """The målvärde in use with its year and, unless confirmed, its marker:
    "100 % (2025, slutledd)"."""
    text = malvarde_text(res)
    mark = markering(res.malvarde_sakerhet)
    if not mark or text == "saknas" or not text.endswith(")"):
        return text
    return f"{text[:-1]}, {mark})"


def status_med_markering(res: IndicatorResult) -> str:
    """The status, as sure as the values it rests on and the målvärde it is measured against:
    "Målet uppnått (slutledd)", "Målet ej uppnått (uppgift i andra hand; målvärdet: slutledd)"."""
    marks = [markering(res.status_sakerhet)]
    if res.progress.statusslag == "mot-malvarde" and (m := markering(res.malvarde_sakerhet)):
        marks.append(f"målvärdet: {m}")
    text = "; ".join(m for m in marks if m)
    return f"{status_text(res)} ({text})" if text else status_text(res)


def _kon_namn(kon: str | None) -> str:
    return KON.get(kon or "", "")


def _deltabell(
    rubrik: str, kolumn: str, rader: Sequence[tuple[str, Varde]], enhet: str, not_: str
) -> DelTabell | None:
    """A table of (row label, value), rows in the order given; None without values."""
    if not rader:
        return None
    years = sorted({u.ar for _, u in rader})
    # One row per område and kön (two områden with the same name stay two rows).
    cells: dict[tuple[str | None, int], tuple[str, dict[int, str]]] = {}
    for namn, u in rader:
        cells.setdefault((u.omrade, KON_ORDNING[u.kon]), (namn, {}))[1][u.ar] = varde(
            u.varde, enhet
        )
    return DelTabell(
        rubrik=rubrik,
        kolumn=kolumn,
        ar=tuple(years),
        rader=tuple(DelRad(n, tuple(c.get(y, "–") for y in years)) for n, c in cells.values()),
        not_=not_ if any(u.kommentar for _, u in rader) else None,
    )


def uppdelningar(
    ind: IndikatorFil, ar: int, omrade_namn: Mapping[str, str]
) -> tuple[DelTabell, ...]:
    """The "Per område" and "Per kön" tables of an indicator (those with values);
    ``omrade_namn`` is in omraden.yaml order, which gives the order of the rows."""
    omraden = []
    for u in per_omrade(ind, ar, list(omrade_namn)):
        assert u.omrade is not None
        namn = omrade_namn.get(u.omrade, u.omrade)
        omraden.append((f"{namn}, {_kon_namn(u.kon)}" if _kon_namn(u.kon) else namn, u))
    kon = [(cap(_kon_namn(u.kon)), u) for u in per_kon(ind, ar)]
    tables = (
        _deltabell(
            "Per område",
            "Område",
            omraden,
            ind.enhet,
            "Vad ett värde avser, till exempel att det bara gäller en del av området, står "
            "under Anmärkningar.",
        ),
        _deltabell(
            "Per kön", "Kön", kon, ind.enhet, "Kommentarerna till värdena står under Anmärkningar."
        ),
    )
    return tuple(t for t in tables if t is not None)


#: "vart fjärde år": how often, for 1–10 years (the model's range)
_VART = ("varje år", "vartannat år", *(f"vart {n} år" for n in (
    "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde"
)))  # fmt: skip


def matintervall_text(m: Matintervall) -> str:
    """ "Vart fjärde år. Grund: …": the interval and how it is known, as the data says."""
    return f"{cap(_VART[m.antal_ar - 1])}. Grund: {m.grund.strip()}"


@dataclass(frozen=True)
class _Vantat:
    """A year a value was expected and none is given: a "?" in the chart and its table."""

    ar: int


def vantade_ar(res: IndicatorResult, ar: int, omr: OmradenFil | None) -> tuple[int, ...]:
    """The plan period's years up to ``ar`` in which a value of ``res`` was expected and none is
    given: each edition of the police lists for a count of them, each year of its matintervall
    for one with a matintervall, else every year (as a chart marks the years between two values
    without one). Its chart marks them "?" and runs to ``ar``, so a chart that stops at 2018 or
    2019 shows that the plan period has no value (granska14 F12)."""
    if res.planperiod is None:
        return ()
    years = list(range(res.planperiod[0], min(res.planperiod[1], ar) + 1))
    ind = res.indikator
    if ind.berakning is not None:
        editions = {u.ar for u in omr.upplagor} if omr is not None else set()
        years = [y for y in years if y in editions]
    elif (grid := matrutnat(ind)) is not None:
        years = [y for y in years if grid.matar(y)]
    known = {p.ar for p in res.serie} | {g.ar for g in res.luckor}
    known |= {res.baslinje.ar} if res.baslinje is not None else set()
    return tuple(y for y in years if y not in known)


def indikator_vy(
    res: IndicatorResult,
    ar: int,
    omrade_namn: Mapping[str, str],
    omr: OmradenFil | None = None,
) -> IndikatorVy:
    """One indicator as the report shows it in year ``ar``; ``omrade_namn`` (id -> namn, in
    omraden.yaml order) names the områden of its values; ``omr`` gives the counts its editions
    state."""
    ind = res.indikator
    prog = res.progress
    y_label = enhet_text(ind.enhet)[1]
    values = [p.varde for p in res.serie]
    if res.baslinje is not None:
        values.append(res.baslinje.varde)
    if res.malvarde is not None:
        values.append(res.malvarde)

    def fmt(v: float) -> str:
        return varde(v, ind.enhet)

    angivna = angivna_antal(omr, res)
    # the words only where the areas leave the count open (render.angivet.noter, 0675)
    noter = {a.punkt.ar: angivet_not(a) for a in angivna if a.oppet}

    def fmt_ar(p: Point | None) -> str:
        if p is None:
            return "saknas"
        return med_ar(fmt(p.varde), p.ar, p.sakerhet, noter.get(p.ar))

    baslinje = fmt_ar(res.baslinje)
    if (b := res.baslinje) is not None and ind.baslinje is None and ind.berakning is not None:
        # counted from the list before the plan: which list that is, is an interpretation of
        # the plan's words (sections.baslinje, Bilaga E)
        not_ = ", ".join(n for n in (noter.get(b.ar), TOLKNING) if n)
        baslinje = med_ar(fmt(b.varde), b.ar, b.sakerhet, not_)
    senaste = res.serie[-1] if res.serie else None
    # A source dated after the year is no evidence for it (docs/decisions/0043); undated ones are
    # shown as undated.
    belagg, _ = evidence(res.kallor, res.serie, ar)
    kallor = tuple(kalla_vy(b.kalla).text for b in belagg if b.belagg != "efter-aret")
    senare = tuple(kalla_vy(b.kalla).text for b in belagg if b.belagg == "efter-aret")
    # The chart names the sources of every value it draws: the indicator's own and, for a
    # count from the police lists, those of the levels counted (omraden.yaml).
    kalla = "; ".join(dict.fromkeys(_kort(k) for k in res.kallor))
    luckor: tuple[chart.GapLike, ...] = (*res.luckor, *map(_Vantat, vantade_ar(res, ar, omr)))
    trend_mats = prog.statusslag == "utveckling"
    start = res.trendstart
    # the figure's caption, said on the chart's mark of it too (granska14 F9, 0501)
    start_text = (
        f"{'Trenden mäts' if trend_mats else 'En utveckling skulle mätas'} från {fmt_ar(start)}, "
        "det sista värdet före planperioden"
        if start is not None
        else ""
    )
    diagram = chart.indicator_svg(
        ident=ind.id,
        titel=ind.namn,
        baslinje=res.baslinje,
        utfall=res.serie,
        malvarde=res.malvarde,
        malar=res.malar,
        fmt=fmt,
        fmt_tick=lambda v, d: tal(v, d, nonzero=False),
        enhet=y_label,
        integer=all(decimals_in(v) == 0 for v in values),
        luckor=luckor,
        kalla=kalla,
        noter=noter,
        noter_forklaring=INTE_RAKNAT,
        matar=res.matar,
        till_ar=ar,
        trendstart=start,
        trendstart_text=start_text,
    )
    if diagram:  # the chart's values follow it as a table (screen readers, copying)
        diagram += "\n" + values_table(
            ident=ind.id,
            titel=ind.namn,
            baslinje=res.baslinje,
            utfall=res.serie,
            malvarde=res.malvarde,
            malar=res.malar,
            fmt=fmt,
            luckor=luckor,
            kalla=kalla,
            noter=noter,
            matar=res.matar,
            trendstart_ar=start.ar if start is not None else None,
        )
    return IndikatorVy(
        id=ind.id,
        ankare=f"indikator-{ind.id}",
        namn=ind.namn,
        definition=ind.definition,
        enhet=y_label,
        riktning=RIKTNING[ind.riktning],
        metod=METOD.get(prog.metod, prog.metod),
        baslinje=baslinje,
        senaste=fmt_ar(senaste),
        malvarde=malvarde_med_markering(res),
        framsteg=framsteg_text(framsteg_andel(res)),
        status=status_med_markering(res),
        status_nyckel=status_nyckel(prog.status.name),
        statusslag=prog.statusslag,
        md_ankare=mdankare.ref(f"indikator-{ind.id}"),
        berakning_ankare=f"berakning-{ind.id}",
        senast_kanda=senast_kanda_text(prog),
        inaktuell=inaktuell_text(res, ar),
        forklaring=prog.forklaring,
        saknas=ind.saknas.orsak if ind.saknas else None,
        kallor=kallor,
        senare_kallor=senare,
        illustrativ=ind.illustrativ,
        kommentar=ind.kommentar.strip() if ind.kommentar else None,
        # not on a count from the police lists: its chart is of every edition (0440)
        matintervall=matintervall_text(mi) if (mi := applicable_matintervall(ind)) else None,
        matintervall_ar=mi.antal_ar if mi else None,
        matar=res.matar,
        anmarkningar=anmarkningar(res, ar, omrade_namn, angivna),
        uppdelningar=uppdelningar(ind, ar, omrade_namn),
        diagram=Markup(diagram),
        # a count whose rise may be an improvement (riskområden 1 → 2): said under its chart
        tolkning=rise_caution(ber.nivaer)
        if (ber := ind.berakning) is not None and ber.typ == "antal-omraden"
        else None,
        trendstart=fmt_ar(start) if start is not None else None,
        trend_mats=trend_mats,
        jamfor_med=res.jamfor_med,
    )
