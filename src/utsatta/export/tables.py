"""The data of one report year as tidy tables: one fact per row, every column one kind of value.

``tables(ds, ar)`` gives, in this order:

* ``om_filen``: what the export is, in Swedish (plan, years, what is illustrative, the decision
  date, sources, the tables): :mod:`utsatta.export.om_filen`;
* ``insatsrapporter``: one row per organisation × insats × year (every report up to ÅR), and a
  row ``rapport-saknas`` / ``insats-saknas`` for each one owed and missing
  (:mod:`utsatta.export.saknade`);
* ``insatsrapporter_omraden``: one row per organisation × insats × year × område reached (the
  same reports, the areas as rows, for a filter or a join in Power BI);
* ``ansvar``: one row per year × insats × organisation that holds it that year, named by the
  plan or a successor (:mod:`utsatta.export.ansvar`);
* ``bedomningar``: stadsledningskontorets assessments per year (:mod:`utsatta.export.bedomningar`);
* ``indikatorvarden``: one row per indicator × year (× område / kön where given): baslinje,
  målvärden and utfall up to ÅR;
* ``indikatorstatus``: one row per indicator × plan year up to ÅR: the status that year's
  report shows, with reason, share of the way and certainty (:mod:`utsatta.export.slutsatser`);
* ``malutfall``: one row per mål and delmål in the slutuppföljning (the plan's last year): the
  computed outcome beside the written assessment (:mod:`utsatta.export.slutsatser`);
* ``omradesnivaer``: one row per område × edition of the police list (editions up to ÅR);
* ``kolumner``: what every column of the tables above holds, in Swedish.

Rows follow the plan's order (insatser, fokusområden), organisationer.yaml's order of
organisations and omraden.yaml's order of areas; files are named relative to the data folder,
so the same data gives the same tables wherever it is exported. Decisions:
docs/decisions/0051-export-tidy-tabeller.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final, TypedDict

from utsatta.compute.indicators import (
    IndicatorResult,
    applicable_matintervall,
    evaluate,
    markering_och_not,
    matrutnat,
)
from utsatta.compute.progress import resolve_target
from utsatta.compute.status import Lucka
from utsatta.escape import web_address
from utsatta.export.ansvar import ansvar
from utsatta.export.bedomningar import bedomningar
from utsatta.export.cells import relative_file
from utsatta.export.columns import (
    INDIKATORVARDEN,
    INSATSRAPPORTER,
    INSATSRAPPORTER_OMRADEN,
    KOLUMNER,
    OM_FILEN,
    OMRADESNIVAER,
    koppling,
)
from utsatta.export.om_filen import ILLUSTRATIV, NAMN, om_filen
from utsatta.export.saknade import (
    RAPPORTERING_TEXT,
    SAKNAS_TEXT,
    matrices,
    missing,
    rapportering,
)
from utsatta.export.slutsatser import indikatorstatus, malutfall, report_views
from utsatta.export.table import Cell, Origin, Table, marks_first
from utsatta.load.dataset import DataSet
from utsatta.model.common import Kalla
from utsatta.model.indikator import IndikatorFil, Varde
from utsatta.model.omraden import NIVAER_PA_LISTAN
from utsatta.render.angivet import (
    AngivetAntal,
    angivet_mening,
    angivet_not,
    angivna_antal,
)
from utsatta.render.report.sections.areas import niva_markering

__all__ = ["tables"]

STATUS_TEXT: Final[Mapping[str, str]] = {
    "genomford": "Genomförd",
    "pagaende": "Pågående",
    "forsenad": "Försenad",
    "ej-paborjad": "Ej påbörjad",
    "avbruten": "Avbruten",
}
BEDOMNING_TEXT: Final[Mapping[str, str]] = {
    "uppnatt": "Uppnått",
    "bedoms-uppnas": "Bedöms uppnås",
    "osakert": "Osäkert",
    "bedoms-inte-uppnas": "Bedöms inte uppnås",
    "inte-uppnatt": "Inte uppnått",
}
NIVA_TEXT: Final[Mapping[str, str]] = {
    "sarskilt-utsatt": "särskilt utsatt",
    "riskomrade": "riskområde",
    "utsatt": "utsatt",
    "pa-listan-niva-okand": "på listan, nivå okänd",
    "ej-pa-listan": "ej på listan",
    "okand": "okänd",
}
#: how a computed indicator's values are sourced (they are counted from omraden.yaml)
BERAKNAD_KALLA: Final = "Beräknad ur polisens listor i omraden.yaml (se tabellen omradesnivaer)"


def _ja(value: bool) -> str:
    return "ja" if value else "nej"


def _order(ids: Iterable[str]) -> dict[str, int]:
    return {i: n for n, i in enumerate(ids)}


# --- insatsrapporter -----------------------------------------------------------------------------


def _insatsrapporter(ds: DataSet, ar: int) -> tuple[Table, Table]:
    plan = ds.plan.model if ds.plan else None
    orgs = ds.organisationer.model if ds.organisationer else None
    omr = ds.omraden.model if ds.omraden else None
    insatser = {i.id: i for i in plan.insatser} if plan else {}
    org_namn = {o.id: o.namn for o in orgs.organisationer} if orgs else {}
    omr_namn = {o.id: o.namn for o in omr.omraden} if omr else {}
    insats_order, org_order = _order(insatser), _order(org_namn)

    def key(year: int, insats: str, org: str) -> tuple[int, int, str, int, str, int]:
        # a missing insats after the reported ones of the same pair (there is none such)
        return (
            year,
            insats_order.get(insats, len(insats_order)),
            insats,
            org_order.get(org, len(org_order)),
            org,
            0,
        )

    by_year = matrices(ds, ar)

    def duty(year: int, org: str, insats: str) -> tuple[str | None, str | None]:
        kod = rapportering(by_year.get(year), org, insats)
        return kod, RAPPORTERING_TEXT[kod] if kod else None

    found: list[tuple[tuple[int, int, str, int, str, int], tuple[Cell, ...], Origin | None]] = []
    area_rows: list[tuple[tuple[int, int, str, int, str, int], tuple[Cell, ...]]] = []
    for src in ds.rapporter:
        model = src.model
        if model is None or src.folder_year > ar:
            continue
        fil = relative_file(src.path, ds.root)
        year, org = src.folder_year, model.organisation
        for n, ir in enumerate(model.insatser):
            insats = insatser.get(ir.insats)
            k = key(year, ir.insats, org)
            row: tuple[Cell, ...] = (
                year,
                org,
                org_namn.get(org, org),
                insats.fokusomrade if insats else None,
                ir.insats,
                insats.titel if insats else None,
                ir.status,
                STATUS_TEXT.get(ir.status, ir.status),
                *duty(year, org, ir.insats),
                ir.bedomning,
                BEDOMNING_TEXT.get(ir.bedomning, ir.bedomning),
                ", ".join(ir.omraden) or None,
                ", ".join(omr_namn.get(o, o) for o in ir.omraden) or None,
                len(ir.omraden),
                ir.nulage,
                ir.motivering,
                ir.fortsatt_arbete,
                "\n".join(ir.behov) or None,
                ir.samordning,
                _ja(model.illustrativ),
                fil,
            )
            found.append((k, row, Origin(src, ("insatser", n))))
            for o in ir.omraden:
                area_rows.append(
                    (k, (year, org, ir.insats, o, omr_namn.get(o, o), _ja(model.illustrativ), fil))
                )
    for m in missing(ds, ar, by_year):
        insats = insatser.get(m.insats)
        status = "rapport-saknas" if m.fil is None else "insats-saknas"
        row = (
            m.ar,
            m.organisation,
            org_namn.get(m.organisation, m.organisation),
            insats.fokusomrade if insats else None,
            m.insats,
            insats.titel if insats else None,
            status,
            SAKNAS_TEXT[status],
            *duty(m.ar, m.organisation, m.insats),
            *([None] * 10),
            _ja(m.illustrativ),
            m.fil,
        )
        found.append((key(m.ar, m.insats, m.organisation), row, None))
    found.sort(key=lambda t: t[0])
    area_rows.sort(key=lambda t: t[0])  # stable: a report's areas keep their order
    return (
        Table(
            "insatsrapporter",
            "En rad per organisation, insats och år: det organisationen rapporterat, "
            "förväntat eller inte (kolumnen rapportering), eller att en rapport som skulle "
            "ha kommit in saknas.",
            INSATSRAPPORTER,
            tuple(row for _, row, _ in found),
            tuple(origin for _, _, origin in found),
        ),
        Table(
            "insatsrapporter_omraden",
            "En rad per organisation, insats, år och område som arbetet nådde.",
            INSATSRAPPORTER_OMRADEN,
            tuple(row for _, row in area_rows),
        ),
    )


# --- indikatorvarden -----------------------------------------------------------------------------


def _kalla_text(k: Kalla | None) -> tuple[str | None, str | None, str | None]:
    """(källa, webbadress, säkerhet) of a source, or the id as written when it is not listed."""
    if k is None:
        return (None, None, None)
    text = k.utgivare + (f": {k.titel}" if k.titel else "")
    if k.datum is not None:
        text += f" ({k.datum})"
    # the address as the reports link it: what no reader sees percent-encoded (decision 0519)
    return (text, web_address(k.url) if k.url else None, k.sakerhet)


def _kallslag(kallor: Iterable[Kalla | None]) -> str | None:
    """The kinds of the sources, each once ("polisen, press"), or None when none says."""
    slag = dict.fromkeys(str(k.slag) for k in kallor if k is not None and k.slag is not None)
    return ", ".join(slag) or None


def _indikatorvarden(
    ds: DataSet, ar: int, results: Sequence[IndicatorResult], omr_namn: Mapping[str, str]
) -> Table:
    rows: list[tuple[Cell, ...]] = []

    def add(
        ind: IndikatorFil,
        typ: str,
        year: int,
        varde: float | None,
        *,
        faktor: float | None = None,
        omrade: str | None = None,
        kon: str | None = None,
        kalla_id: str | None = None,
        hamtad: str | None = None,
        metodbyte: bool = False,
        kommentar: str | None = None,
        ur_listorna: bool = False,
        egen_sakerhet: str | None = None,
        angivet: AngivetAntal | None = None,
    ) -> None:
        # a measurement year by the one grid the chart and the check use; a målvärde is none
        grid = matrutnat(ind) if typ != "malvarde" else None
        kalla: str | None
        url: str | None
        sakerhet: str | None
        angiven_av = angivet.kallor if angivet is not None else ()
        if angiven_av:  # a count an edition states: its own sources, in omraden.yaml
            texts = [_kalla_text(k) for k in angiven_av]
            kalla = "; ".join(t for t, _, _ in texts if t)
            url = "; ".join(u for _, u, _ in texts if u) or None
            sakerhet = None
        elif ind.berakning is not None and kalla_id is None:
            kalla, url, sakerhet = BERAKNAD_KALLA, None, None
        else:
            listed = {k.id: k for k in ind.kallor}
            kalla, url, sakerhet = _kalla_text(listed.get(kalla_id) if kalla_id else None)
            if kalla is None:  # not listed in the file (validate reports it): the id as written
                kalla = kalla_id
        # the value's own certainty before its source's: a computed count is as sure as the
        # klassningar it counts (compute.police); a målvärde may be slutledd
        sakerhet = egen_sakerhet or sakerhet
        rows.append(
            (
                ind.id,
                ind.namn,
                ind.fokusomrade,
                koppling(ind),
                typ,
                year,
                varde,
                faktor,
                ind.enhet,
                omrade,
                omr_namn.get(omrade, omrade) if omrade else None,
                kon,
                kalla_id,
                kalla,
                url,
                sakerhet,
                # the report's words beside the value (its certainty's marker, and whose count
                # a stated count is); an unknown utfall says why in kommentar. A målvärde
                # relative to a baseline that is missing has no value but is the plan's
                # målvärde all the same, marked as the report marks it ("halva baslinjen (2025,
                # slutledd)"; sann25 item 7)
                (
                    markering_och_not(
                        sakerhet, angivet_not(angivet) if angivet and angivet.oppet else None
                    )
                    or None
                )
                if varde is not None or typ == "malvarde"
                else None,
                hamtad,
                _ja(metodbyte),
                mi.antal_ar if (mi := applicable_matintervall(ind)) is not None else None,
                _ja(grid.matar(year)) if grid is not None else None,
                kommentar,
                _ja(ind.illustrativ or (ur_listorna and omr_illustrativ)),
                # the file the value is in: a count an edition states is in omraden.yaml
                omr_fil if angivet is not None and omr_fil else src_fil[ind.id],
            )
        )

    src_fil = {
        s.model.id: relative_file(s.path, ds.root) for s in ds.indikatorer if s.model is not None
    }
    omr_fil = relative_file(ds.omraden.path, ds.root) if ds.omraden is not None else None
    # values computed from the police's lists are as made up as the lists
    omr_illustrativ = bool(ds.omraden and ds.omraden.model and ds.omraden.model.illustrativ)
    omr = ds.omraden.model if ds.omraden else None
    for res in results:
        ind = res.indikator
        # the values that are a count an edition states (render/angivet.py)
        angivna = {a.punkt.ar: a for a in angivna_antal(omr, res)}
        if ind.baslinje is not None:
            b = ind.baslinje
            add(ind, "baslinje", b.ar, b.varde, kalla_id=b.kalla, kommentar=b.kommentar)
        elif res.baslinje is not None:  # computed from the police lists
            rb = res.baslinje
            stated = angivna.get(rb.ar)
            add(
                ind,
                "baslinje",
                rb.ar,
                rb.varde,
                ur_listorna=True,
                egen_sakerhet=rb.sakerhet,
                **_stated(stated),
            )
        for m in sorted(ind.malvarden, key=lambda m: m.ar):
            faktor = m.relativt.faktor if m.relativt is not None else None
            value = resolve_target(res.baslinje, m.varde, faktor)
            add(
                ind,
                "malvarde",
                m.ar,
                value,
                faktor=faktor,
                kalla_id=m.kalla,
                kommentar=m.kommentar,
                # a factor times a baseline computed from the lists
                ur_listorna=faktor is not None and ind.baslinje is None,
                egen_sakerhet=m.sakerhet,
            )
        if ind.berakning is not None:
            gaps = {g.ar: g for g in res.luckor}
            for year in sorted({p.ar for p in res.serie} | set(gaps)):
                p = next((p for p in res.serie if p.ar == year), None)
                if p is not None:
                    add(
                        ind,
                        "utfall",
                        year,
                        p.varde,
                        metodbyte=p.metodbyte,
                        ur_listorna=True,
                        egen_sakerhet=p.sakerhet,
                        **_stated(angivna.get(year)),
                    )
                else:  # unknown, not missing and not 0 (a police level the sources do not give)
                    add(
                        ind,
                        "utfall",
                        year,
                        None,
                        ur_listorna=True,
                        egen_sakerhet="saknas",
                        kommentar=f"Värdet är okänt: {_gap_text(gaps[year])}.",
                    )
            continue
        for v in _utfall(ind.utfall, ar, omr_namn):
            add(
                ind,
                "utfall",
                v.ar,
                v.varde,
                omrade=v.omrade,
                kon=v.kon,
                kalla_id=v.kalla,
                hamtad=str(v.hamtad) if v.hamtad is not None else None,
                metodbyte=v.metodbyte,
                kommentar=v.kommentar,
            )
    return Table(
        "indikatorvarden",
        "En rad per indikator och år (och område eller kön där värdet gäller ett sådant): "
        "baslinje, målvärden och utfall.",
        INDIKATORVARDEN,
        tuple(rows),
    )


class _Stated(TypedDict, total=False):
    kalla_id: str
    kommentar: str
    angivet: AngivetAntal


def _stated(a: AngivetAntal | None) -> _Stated:
    """The cells of a value that is the count its edition states (``upplagor: antal``), not one
    counted area by area: its sources' ids (omraden.yaml's ``kallor``), the sentence the report
    writes about it and where it stands in the data; nothing for a counted value."""
    if a is None:
        return {}
    ids = ", ".join(a.punkt.kallor)
    return {
        "kalla_id": ids,
        "kommentar": f"{angivet_mening(a)} Uppgiften står i omraden.yaml (upplagor: antal; "
        f"källor: {ids}).",
        "angivet": a,
    }


def _gap_text(g: Lucka) -> str:
    if g.namn:
        namn = g.namn[0] if len(g.namn) == 1 else ", ".join(g.namn[:-1]) + " och " + g.namn[-1]
        return f"polisens nivå är okänd för {namn}"
    return "polisens nivå är okänd"


_KON_ORDNING: Final[Mapping[str | None, int]] = {None: 0, "T": 0, "K": 1, "M": 2}


def _utfall(utfall: Iterable[Varde], ar: int, omr_namn: Mapping[str, str]) -> list[Varde]:
    """The utfall up to ``ar``: the whole city first, then per område (omraden.yaml order), by
    year and kön within each."""
    order = _order(omr_namn)
    return sorted(
        (v for v in utfall if v.ar <= ar),
        key=lambda v: (
            v.omrade is not None,
            order.get(v.omrade, len(order)) if v.omrade else -1,
            v.omrade or "",
            v.ar,
            _KON_ORDNING.get(v.kon, 3),
        ),
    )


# --- omradesnivaer -------------------------------------------------------------------------------


def _omradesnivaer(ds: DataSet, ar: int) -> Table:
    omr = ds.omraden.model if ds.omraden else None
    rows: list[tuple[Cell, ...]] = []
    if omr is not None:
        fil = relative_file(ds.omraden.path, ds.root) if ds.omraden else None
        upplagor = {u.ar: u for u in omr.upplagor}
        kallor = {k.id: k for k in omr.kallor}
        slag = {k.id: k.slag for k in omr.kallor}
        for o in omr.omraden:
            for k in sorted(o.klassning, key=lambda k: k.upplaga):
                if k.upplaga > ar:
                    continue
                u = upplagor.get(k.upplaga)
                symbol, betydelse = niva_markering(k, slag)
                rows.append(
                    (
                        o.id,
                        o.namn,
                        k.upplaga,
                        u.manad if u else None,
                        u.titel if u else None,
                        k.niva,
                        NIVA_TEXT.get(k.niva, k.niva),
                        # on the list at a level not given is on it; okand leaves it open
                        None if k.niva == "okand" else _ja(k.niva in NIVAER_PA_LISTAN),
                        k.sakerhet,
                        # the report's marker (Bilaga C) and its meaning, up to the colon
                        f"{symbol} {betydelse.split(':')[0]}" if symbol else None,
                        ", ".join(k.kallor) or None,
                        _kallslag(kallor.get(i) for i in k.kallor),
                        "; ".join(t for t in (_kalla_text(kallor.get(i))[0] for i in k.kallor) if t)
                        or None,
                        k.kommentar,
                        _ja(omr.illustrativ),
                        fil,
                    )
                )
    return Table(
        "omradesnivaer",
        "En rad per område och upplaga av polisens lista: områdets nivå och hur säker den är.",
        OMRADESNIVAER,
        tuple(rows),
    )


# --- kolumner ------------------------------------------------------------------------------------


def _kolumner(data: Sequence[Table]) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for t in data:
        for c in t.columns:
            rows.append((t.namn, c.namn, c.typ, c.beskrivning))
    for c in KOLUMNER:
        rows.append(("kolumner", c.namn, c.typ, c.beskrivning))
    return Table(
        "kolumner",
        "En rad per kolumn i de andra tabellerna: vad den innehåller.",
        KOLUMNER,
        tuple(rows),
    )


def tables(ds: DataSet, ar: int) -> list[Table]:
    """The export of year ``ar``: the tables in the order they are written (see the module)."""
    omr = ds.omraden.model if ds.omraden else None
    omr_namn = {o.id: o.namn for o in omr.omraden} if omr else {}
    rapporter, rapporter_omraden = _insatsrapporter(ds, ar)
    results = evaluate(ds, ar)
    views = report_views(ds, ar)
    data = [
        # the marking first, so that a range copied from the left keeps it (granska9 F10)
        marks_first(t, ILLUSTRATIV)
        for t in (
            rapporter,
            rapporter_omraden,
            ansvar(ds, ar),
            bedomningar(ds, ar),
            _indikatorvarden(ds, ar, results, omr_namn),
            # the report's conclusions, from its own view of them (export.slutsatser)
            indikatorstatus(ds, ar, results, views),
            malutfall(ds, results, views.get(ar)),
            _omradesnivaer(ds, ar),
        )
    ]
    # om_filen counts every table's rows, kolumner's too, which lists om_filen's columns
    kolumner = _kolumner([Table(NAMN, "", OM_FILEN, ()), *data])
    return [om_filen(ds, ar, results, [*data, kolumner]), *data, kolumner]
