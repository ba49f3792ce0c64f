"""`utsatta report ÅR`: the samlad uppföljning for one year, as Markdown or HTML.

:func:`build` turns a loaded data set into a :class:`ReportView`: plain, frozen data in the order
the report shows it (the plan's order), with every number already formatted in Swedish. The
templates only loop over it and print it, through the escaping filters of
:mod:`utsatta.render.markdown`. :func:`render` runs the template for one format.

Sections, in the order of the plan (issue 4): a summary (the goal against the police lists,
indicators by status, insatser by status, reports received); per fokusområde its indicators and
insatser with every responsible organisation's report; the områden (levels per edition and which
insatser reached them); missing reports per organisation; the sources.

Decisions where the issue is silent:

* **Years.** A report for year ÅR uses the reports in ``rapporter/ÅR/``, the indicator values up
  to ÅR and the latest police list published in or before ÅR. The list the plan started from is
  the latest one before the plan's first year; changes are counted against it.
* **Insatser by status** counts the rapporterade insatser (one per organisation and insats) by the
  status in the reports, plus the expected ones missing ("rapport saknas"). The plan gives no rule
  to merge several organisations' statuses into one per insats, so none is invented.
* **Progress** is the share of the distance from the baseline to the målvärde covered by the latest
  value; the status and its explanation come from :mod:`utsatta.compute.progress`.
* **Coverage.** An insats whose title says "samtliga" or "alla" is read as meant for every area on
  the police list; in the coverage matrix such an insats shows "saknas" for each listed area no
  report reached that year (only when the insats is due that year).
* **Numbers**: decimal comma, space as thousands separator and before "%", "−" for minus. Each
  indicator uses one number of decimals for all its values (what its data needs, at least one for
  shares and rates, at most two), so a column never mixes "75 %" and "62,4 %".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from markupsafe import Markup

from utsatta.check.completeness import year_matrix
from utsatta.compute.indicators import IndicatorResult, evaluate
from utsatta.compute.progress import Status
from utsatta.compute.responsibility import Cell, resolve, responsible
from utsatta.load.datadir import bundled_templates_dir
from utsatta.load.dataset import DataSet
from utsatta.model.common import Kalla
from utsatta.model.omraden import Klassning, OmradenFil
from utsatta.model.rapport import InsatsRapport, RapportFil
from utsatta.render import chart
from utsatta.render.overview import uppfoljning_text

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = [
    "Format",
    "ReportView",
    "build",
    "override_templates_dir",
    "render",
    "report_text",
    "tal",
]

Format = Literal["md", "html"]

# --- labels --------------------------------------------------------------------------------------

RAPPORTSTATUS: Final[Mapping[str, str]] = {
    "genomford": "Genomförd",
    "pagaende": "Pågående",
    "forsenad": "Försenad",
    "ej-paborjad": "Ej påbörjad",
    "avbruten": "Avbruten",
}
BEDOMNING: Final[Mapping[str, str]] = {
    "uppnatt": "Uppnått",
    "bedoms-uppnas": "Bedöms uppnås",
    "osakert": "Osäkert",
    "bedoms-inte-uppnas": "Bedöms inte uppnås",
    "inte-uppnatt": "Inte uppnått",
}
NIVA: Final[Mapping[str, str]] = {
    "sarskilt-utsatt": "särskilt utsatt",
    "riskomrade": "riskområde",
    "utsatt": "utsatt",
    "ej-pa-listan": "ej på listan",
    "okand": "okänd",
}
#: plural headings for the levels on the list, most serious first
NIVA_RUBRIK: Final[Mapping[str, str]] = {
    "sarskilt-utsatt": "Särskilt utsatta områden",
    "riskomrade": "Riskområden",
    "utsatt": "Utsatta områden",
}
_NIVA_RANG: Final[Mapping[str, int]] = {
    "sarskilt-utsatt": 3,
    "riskomrade": 2,
    "utsatt": 1,
    "ej-pa-listan": 0,
}
SAKERHET: Final[Mapping[str, str]] = {
    "slutledd": "slutledd",
    "sekundar": "sekundär källa",
}
ENHET: Final[Mapping[str, tuple[str, str, int]]] = {
    # enhet: (suffix after a value, y-axis label, minimum decimals)
    "procent": (" %", "Procent", 1),
    "antal": ("", "Antal", 0),
    "index": ("", "Index", 1),
    "per-100000-invanare": (" per 100 000 inv.", "Per 100 000 invånare", 1),
    "meritvarde": ("", "Meritvärde", 1),
}
RIKTNING: Final[Mapping[str, str]] = {
    "hogre-ar-battre": "högre är bättre",
    "lagre-ar-battre": "lägre är bättre",
}
METOD: Final[Mapping[str, str]] = {
    "forvantad-bana": "förväntad bana",
    "cagr": "CAGR",
    "cagr-mal": "CAGR mot målvärde",
    "trend": "trend",
}
LAGE: Final[Mapping[Cell, str]] = {
    Cell.INKOMMEN: "Inkommen",
    Cell.SAKNAS: "Rapport saknas",
    Cell.FRIVILLIG: "Ingen rapport (frivillig i år)",
    Cell.TIDIGARE: "Rapporterad ett tidigare år",
    Cell.EJ_AKTUELL: "Ingen rapport (inte aktuell i år)",
}
_KRAV = re.compile(r"\b(samtliga|alla)\b", re.IGNORECASE)
MAX_DECIMALER: Final = 2

ILLUSTRATIV_TEXT: Final = (
    "Rapporten innehåller illustrativa uppgifter: påhittat innehåll som visar formatet, inte "
    "verkliga uppgifter."
)


# --- numbers -------------------------------------------------------------------------------------


def tal(value: float, decimals: int, suffix: str = "") -> str:
    """A number in Swedish: ``tal(15.66, 1, " %")`` is "15,7 %", ``tal(-1234.5, 0)`` "−1 234"."""
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    return text.replace(",", " ").replace(".", ",").replace("-", "−") + suffix


def _decimals_in(value: float) -> int:
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# --- the view model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rad:
    """A label with a count, and a key for styling (e.g. a status)."""

    etikett: str
    antal: int
    nyckel: str
    detalj: str = ""


@dataclass(frozen=True)
class KallVy:
    text: str
    url: str | None = None


@dataclass(frozen=True)
class KallGrupp:
    rubrik: str
    kallor: tuple[KallVy, ...]


@dataclass(frozen=True)
class IndikatorVy:
    id: str
    ankare: str
    namn: str
    definition: str
    enhet: str
    riktning: str
    metod: str
    baslinje: str
    senaste: str
    malvarde: str
    framsteg: str
    status: str
    status_nyckel: str
    forklaring: str
    saknas: str | None
    kallor: tuple[str, ...]
    illustrativ: bool
    #: inline SVG, already escaped by :mod:`utsatta.render.chart` ("" when there is nothing to draw)
    diagram: Markup


@dataclass(frozen=True)
class SamordningVy:
    organisation: str
    text: str | None
    bedomning: str | None
    lage: str


@dataclass(frozen=True)
class OrgRapportVy:
    organisation: str
    roll: str
    inkommen: bool
    lage: str
    lage_nyckel: str
    status: str
    status_nyckel: str
    bedomning: str
    omraden: tuple[str, ...]
    nulage: str
    motivering: str | None
    fortsatt_arbete: str
    behov: tuple[str, ...]
    illustrativ: bool


@dataclass(frozen=True)
class InsatsVy:
    id: str
    ankare: str
    titel: str
    forvantat_resultat: str
    samordningsansvar: str
    ansvar: str
    uppfoljning: str
    rapporteras_i_ar: bool
    samordning: tuple[SamordningVy, ...]
    organisationer: tuple[OrgRapportVy, ...]
    behov: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FokusVy:
    id: str
    ankare: str
    namn: str
    indikatorer: tuple[IndikatorVy, ...]
    insatser: tuple[InsatsVy, ...]


@dataclass(frozen=True)
class Sammanfattning:
    mal: str
    delmal: tuple[str, ...]
    malar: int
    upplaga: str | None
    #: one sentence: the latest list, how many areas, and the goal
    lista_text: str
    lista: tuple[Rad, ...]
    antal_pa_listan: int
    forandring: str | None
    indikatorer: tuple[Rad, ...]
    antal_indikatorer: int
    indikatorer_text: str
    insatser: tuple[Rad, ...]
    forvantade: int
    inkomna: int
    organisationer_forvantade: int
    organisationer_inkomna: int
    rapporter_text: str
    mal_indikatorer: tuple[IndikatorVy, ...]


@dataclass(frozen=True)
class NivaCell:
    text: str
    nyckel: str


@dataclass(frozen=True)
class OmradeRad:
    namn: str
    celler: tuple[NivaCell, ...]


@dataclass(frozen=True)
class ForandringRad:
    namn: str
    fore: NivaCell
    efter: NivaCell
    forandring: str


@dataclass(frozen=True)
class TackningRad:
    insats: str
    ankare: str
    titel: str
    krav: str | None
    #: e.g. "(samtliga)" or "(alla; ingen rapport krävs 2023)", or ""
    anmarkning: str
    rapporteras_i_ar: bool
    celler: tuple[NivaCell, ...]
    luckor: int


@dataclass(frozen=True)
class OmradenVy:
    upplagor: tuple[int, ...]
    upplagor_text: tuple[str, ...]
    rader: tuple[OmradeRad, ...]
    fore_upplaga: int | None
    senaste_upplaga: int | None
    forandringar: tuple[ForandringRad, ...]
    tackning_omraden: tuple[str, ...]
    tackning: tuple[TackningRad, ...]


@dataclass(frozen=True)
class SaknadVy:
    organisation: str
    hela_rapporten: bool
    insatser: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ReportView:
    """Everything a report template needs, in the order it is shown."""

    ar: int
    titel: str
    plan_namn: str
    diarienummer: str
    beslutad_av: str
    giltighet: str
    dokumentansvarig: str
    illustrativ: bool
    illustrativ_text: str
    illustrativt_innehall: tuple[str, ...]
    bilaga1: str | None
    sammanfattning: Sammanfattning
    fokusomraden: tuple[FokusVy, ...]
    omraden: OmradenVy
    saknade: tuple[SaknadVy, ...]
    kallor: tuple[KallGrupp, ...]


# --- building ------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _kalla_text(k: Kalla) -> KallVy:
    parts = [k.utgivare]
    if k.titel:
        parts.append(k.titel)
    text = ": ".join(parts)
    extra = [x for x in (k.datum, SAKERHET.get(k.sakerhet)) if x]
    if extra:
        text += f" ({', '.join(extra)})"
    return KallVy(text, k.url)


def _indikator(res: IndicatorResult) -> IndikatorVy:
    ind = res.indikator
    prog = res.progress
    suffix, y_label, min_dec = ENHET[ind.enhet]
    values = [p.varde for p in res.serie]
    if res.baslinje is not None:
        values.append(res.baslinje.varde)
    if res.malvarde is not None:
        values.append(res.malvarde)
    decimals = min(MAX_DECIMALER, max([min_dec, *(_decimals_in(v) for v in values)]))

    def fmt(v: float) -> str:
        return tal(v, decimals, suffix)

    def fmt_ar(v: float | None, ar: int | None) -> str:
        if v is None or ar is None:
            return "saknas"
        return f"{fmt(v)} ({ar})"

    senaste = res.serie[-1] if res.serie else None
    framsteg = "–"
    b, s = prog.baslinje, prog.senaste
    if b is not None and s is not None and res.malvarde is not None and res.malvarde != b.varde:
        share = (s.varde - b.varde) / (res.malvarde - b.varde)
        framsteg = f"{tal(share * 100, 0, ' %')} av vägen"
    status = _cap(prog.status.value)
    if prog.orsak is not None:
        status += f" ({prog.orsak.value})"
    diagram = chart.indicator_svg(
        ident=ind.id,
        titel=ind.namn,
        baslinje=res.baslinje,
        utfall=res.serie,
        malvarde=res.malvarde,
        malar=res.malar,
        fmt=fmt,
        fmt_tick=lambda v, d: tal(v, d),
        enhet=y_label,
        integer=decimals == 0,
    )
    return IndikatorVy(
        id=ind.id,
        ankare=f"indikator-{ind.id}",
        namn=ind.namn,
        definition=ind.definition,
        enhet=y_label,
        riktning=RIKTNING[ind.riktning],
        metod=METOD.get(prog.metod, prog.metod),
        baslinje=fmt_ar(
            res.baslinje.varde if res.baslinje else None,
            res.baslinje.ar if res.baslinje else None,
        ),
        senaste=fmt_ar(senaste.varde if senaste else None, senaste.ar if senaste else None),
        malvarde=fmt_ar(res.malvarde, res.malar),
        framsteg=framsteg,
        status=status,
        status_nyckel=prog.status.name.lower().replace("_", "-"),
        forklaring=prog.forklaring,
        saknas=ind.saknas.orsak if ind.saknas else None,
        kallor=tuple(_kalla_text(k).text for k in ind.kallor),
        illustrativ=ind.illustrativ,
        diagram=Markup(diagram),
    )


def _niva_cell(k: Klassning | None) -> NivaCell:
    if k is None:
        return NivaCell("–", "saknas")
    text = NIVA[k.niva]
    if k.sakerhet in SAKERHET and k.niva != "okand":
        text += f" ({SAKERHET[k.sakerhet]})"
    return NivaCell(text, k.niva)


def _klassning(omr: OmradenFil) -> dict[tuple[str, int], Klassning]:
    return {(o.id, k.upplaga): k for o in omr.omraden for k in o.klassning}


def _niva_i(klass: Mapping[tuple[str, int], Klassning], omrade: str, upplaga: int) -> str | None:
    k = klass.get((omrade, upplaga))
    return k.niva if k is not None else None


def _pa_listan(k: Klassning | None) -> bool:
    return k is not None and k.niva in NIVA_RUBRIK


def _antal(n: int, en: str, flera: str) -> str:
    return f"{n} {en if n == 1 else flera}"


def _forandring(fore: Klassning | None, efter: Klassning | None) -> str:
    if fore is None or efter is None or "okand" in (fore.niva, efter.niva):
        return "okänd"
    a, b = _NIVA_RANG[fore.niva], _NIVA_RANG[efter.niva]
    if a == 0 and b > 0:
        return "ny på listan"
    if a > 0 and b == 0:
        return "har lämnat listan"
    if b < a:
        return "lägre nivå"
    if b > a:
        return "högre nivå"
    return "oförändrad"


def _omraden(
    omr: OmradenFil | None,
    ar: int,
    plan_start: int,
    insatser: Sequence[tuple[str, str, bool]],
    reached: Mapping[str, Mapping[str, int]],
) -> tuple[OmradenVy, list[Rad], str | None, str | None, int]:
    """The områden section, and the summary's rows on the police list."""
    if omr is None:
        empty = OmradenVy((), (), (), None, None, (), (), ())
        return empty, [], None, None, 0
    klass = _klassning(omr)
    # Only the editions published up to the year: the report for a year never changes when a
    # later list is added to the data.
    upplagor = sorted({u.ar for u in omr.upplagor if u.ar <= ar})
    by_year = {u.ar: u for u in omr.upplagor}
    rader = tuple(
        OmradeRad(o.namn, tuple(_niva_cell(klass.get((o.id, u))) for u in upplagor))
        for o in omr.omraden
        if any((o.id, u) in klass for u in upplagor)
    )
    senaste = max(upplagor, default=None)
    fore = max((u for u in upplagor if u < plan_start), default=None)

    lista: list[Rad] = []
    upplaga_text = None
    antal = 0
    on_list: list[str] = []
    if senaste is not None:
        u = by_year[senaste]
        upplaga_text = f"{u.utgivare}: {u.titel} ({senaste})"
        for niva, rubrik in NIVA_RUBRIK.items():
            names = [o.namn for o in omr.omraden if _niva_i(klass, o.id, senaste) == niva]
            antal += len(names)
            lista.append(Rad(rubrik, len(names), niva, ", ".join(names)))
        on_list = [o.id for o in omr.omraden if _pa_listan(klass.get((o.id, senaste)))]

    forandringar: list[ForandringRad] = []
    forandring_text = None
    if senaste is not None and fore is not None and senaste != fore:
        counts: dict[str, int] = {}
        for o in omr.omraden:
            a, b = klass.get((o.id, fore)), klass.get((o.id, senaste))
            if not (_pa_listan(a) or _pa_listan(b)):
                continue
            change = _forandring(a, b)
            counts[change] = counts.get(change, 0) + 1
            forandringar.append(ForandringRad(o.namn, _niva_cell(a), _niva_cell(b), change))
        parts = [
            _antal(counts.get("ny på listan", 0), "nytt område", "nya områden"),
            _antal(counts.get("har lämnat listan", 0), "område har", "områden har")
            + " lämnat listan",
            _antal(counts.get("lägre nivå", 0), "område", "områden") + " med lägre nivå",
            _antal(counts.get("högre nivå", 0), "område", "områden") + " med högre nivå",
        ]
        forandring_text = (
            f"Jämfört med listan {fore}, den senaste före planperioden: " + ", ".join(parts) + "."
        )

    # Coverage: the areas on the latest list, then any other area a report reached.
    reached_any = {o for per in reached.values() for o in per}
    columns = [o for o in omr.omraden if o.id in on_list or o.id in reached_any]
    tackning: list[TackningRad] = []
    for ins_id, titel, due in insatser:
        m = _KRAV.search(titel)
        krav = m.group(1).lower() if m else None
        cells: list[NivaCell] = []
        gaps = 0
        per = reached.get(ins_id, {})
        for o in columns:
            n = per.get(o.id, 0)
            if n:
                cells.append(NivaCell(str(n), "nadd"))
            elif krav and due and o.id in on_list:
                cells.append(NivaCell("saknas", "lucka"))
                gaps += 1
            else:
                cells.append(NivaCell("–", "ej-nadd"))
        notes = [krav] if krav else []
        if not due:
            notes.append(f"ingen rapport krävs {ar}")
        tackning.append(
            TackningRad(
                insats=ins_id,
                ankare=_ankare_insats(ins_id),
                titel=titel,
                krav=krav,
                anmarkning=f"({'; '.join(notes)})" if notes else "",
                rapporteras_i_ar=due,
                celler=tuple(cells),
                luckor=gaps,
            )
        )
    vy = OmradenVy(
        upplagor=tuple(upplagor),
        upplagor_text=tuple(
            f"{by_year[u].ar}: {by_year[u].utgivare}, {by_year[u].titel}" for u in upplagor
        ),
        rader=rader,
        fore_upplaga=fore,
        senaste_upplaga=senaste,
        forandringar=tuple(forandringar),
        tackning_omraden=tuple(
            o.namn if o.id in on_list else f"{o.namn} (ej på listan)" for o in columns
        ),
        tackning=tuple(tackning),
    )
    return vy, lista, upplaga_text, forandring_text, antal


def _ankare_insats(ins_id: str) -> str:
    return "insats-" + ins_id.replace(":", "-")


def _reports(ds: DataSet, ar: int) -> dict[str, tuple[RapportFil, bool]]:
    out: dict[str, tuple[RapportFil, bool]] = {}
    for src in ds.rapporter:
        if src.model is not None and src.path.parent.name == str(ar):
            out[src.model.organisation] = (src.model, src.model.illustrativ)
    return out


def build(ds: DataSet, ar: int) -> ReportView:
    """The report for year ``ar`` from a loaded (and validated) data set."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    plan = ds.plan.model
    orgs = ds.organisationer.model
    omr = ds.omraden.model if ds.omraden and ds.omraden.model else None
    names = {o.id: o.namn for o in orgs.organisationer}
    org_order = {o.id: n for n, o in enumerate(orgs.organisationer)}
    area_names = {o.id: o.namn for o in omr.omraden} if omr else {}
    area_order = {o.id: n for n, o in enumerate(omr.omraden)} if omr else {}
    matrix = year_matrix(ds, ar)
    assert matrix is not None
    reports = _reports(ds, ar)
    items: dict[tuple[str, str], InsatsRapport] = {
        (org, item.insats): item for org, (rep, _) in reports.items() for item in rep.insatser
    }
    results = evaluate(ds, ar)
    indikatorer = [(r, _indikator(r)) for r in results]

    def area_list(ids: Iterable[str]) -> tuple[str, ...]:
        unique = sorted(set(ids), key=lambda i: (area_order.get(i, len(area_order)), i))
        return tuple(area_names.get(i, i) for i in unique)

    # Insatser, in plan order.
    insats_vyer: dict[str, InsatsVy] = {}
    reached: dict[str, dict[str, int]] = {}
    due_rows: list[tuple[str, str, bool]] = []
    status_counts: dict[str, int] = {}
    for ins in plan.insatser:
        samordnande = resolve(ins.samordningsansvar, orgs)
        ansvariga = resolve(ins.ansvar, orgs)
        cells = {
            org: matrix.cells.get((org, ins.id), Cell.EJ_AKTUELL) for org in responsible(ins, orgs)
        }
        due = any((org, ins.id) in matrix.owed for org in cells)
        due_rows.append((ins.id, ins.titel, due))
        org_vyer: list[OrgRapportVy] = []
        behov: list[tuple[str, str]] = []
        per_area: dict[str, int] = {}
        for org, cell in cells.items():
            item = items.get((org, ins.id))
            roll = "Samordnande" if org in samordnande else "Ansvarig"
            if org in samordnande and org in ansvariga:
                roll = "Samordnande och ansvarig"
            if item is None:
                if cell is Cell.SAKNAS:
                    status_counts["saknas"] = status_counts.get("saknas", 0) + 1
                org_vyer.append(
                    OrgRapportVy(
                        organisation=names.get(org, org),
                        roll=roll,
                        inkommen=False,
                        lage=LAGE[cell],
                        lage_nyckel="saknas" if cell is Cell.SAKNAS else "ingen",
                        status=LAGE[cell],
                        status_nyckel="saknas" if cell is Cell.SAKNAS else "ingen",
                        bedomning="–",
                        omraden=(),
                        nulage="",
                        motivering=None,
                        fortsatt_arbete="",
                        behov=(),
                        illustrativ=False,
                    )
                )
                continue
            status_counts[item.status] = status_counts.get(item.status, 0) + 1
            for o in dict.fromkeys(item.omraden):
                per_area[o] = per_area.get(o, 0) + 1
            behov += [(names.get(org, org), b) for b in item.behov]
            org_vyer.append(
                OrgRapportVy(
                    organisation=names.get(org, org),
                    roll=roll,
                    inkommen=True,
                    lage=LAGE[Cell.INKOMMEN],
                    lage_nyckel="inkommen",
                    status=RAPPORTSTATUS[item.status],
                    status_nyckel=item.status,
                    bedomning=BEDOMNING[item.bedomning],
                    omraden=area_list(item.omraden),
                    nulage=item.nulage,
                    motivering=item.motivering,
                    fortsatt_arbete=item.fortsatt_arbete,
                    behov=tuple(item.behov),
                    illustrativ=reports[org][1],
                )
            )
        reached[ins.id] = per_area
        samordning: list[SamordningVy] = []
        for org in samordnande:
            item = items.get((org, ins.id))
            cell = cells.get(org, Cell.EJ_AKTUELL)
            if item is not None:
                samordning.append(
                    SamordningVy(
                        names.get(org, org),
                        item.samordning,
                        BEDOMNING[item.bedomning],
                        "Ingen samlad bedömning i rapporten." if item.samordning is None else "",
                    )
                )
            else:
                samordning.append(SamordningVy(names.get(org, org), None, None, LAGE[cell]))
        insats_vyer[ins.id] = InsatsVy(
            id=ins.id,
            ankare=_ankare_insats(ins.id),
            titel=ins.titel,
            forvantat_resultat=ins.forvantat_resultat,
            samordningsansvar=", ".join(names.get(o, o) for o in samordnande),
            ansvar=", ".join(names.get(o, o) for o in ansvariga),
            uppfoljning=_cap(uppfoljning_text(ins.uppfoljning.typ, ins.uppfoljning.ar)),
            rapporteras_i_ar=due,
            samordning=tuple(samordning),
            organisationer=tuple(org_vyer),
            behov=tuple(behov),
        )

    fokus = tuple(
        FokusVy(
            id=f.id,
            ankare=f"fokus-{_slug(f.id)}",
            namn=f.namn,
            indikatorer=tuple(v for r, v in indikatorer if r.indikator.fokusomrade == f.id),
            insatser=tuple(insats_vyer[i.id] for i in plan.insatser if i.fokusomrade == f.id),
        )
        for f in plan.fokusomraden
    )

    g = plan.plan.giltighet
    omraden_vy, lista, upplaga_text, forandring_text, antal = _omraden(
        omr, ar, g.fran, due_rows, reached
    )

    ind_rows = tuple(
        Rad(
            _cap(s.value),
            sum(1 for r in results if r.progress.status is s),
            s.name.lower().replace("_", "-"),
        )
        for s in Status
    )
    ins_rows = tuple(
        Rad(label, status_counts.get(key, 0), key)
        for key, label in [*RAPPORTSTATUS.items(), ("saknas", "Rapport saknas")]
    )
    expected_orgs = sorted(
        {o for (o, _) in matrix.owed},
        key=lambda o: org_order.get(o, len(org_order)),
    )
    if upplaga_text is not None:
        lista_text = (
            f"Senaste lista t.o.m. {ar}: {upplaga_text}. "
            f"{_antal(antal, 'område står', 'områden står')} på listan; målet är att inga "
            f"områden ska vara utsatta år {g.till}."
        )
    else:
        lista_text = f"Det finns ingen lista från polisen t.o.m. {ar} i datan."
    n_org = len(expected_orgs)
    n_org_in = sum(1 for o in expected_orgs if o in reports)
    rapporter_text = (
        f"{matrix.inkomna()} av {matrix.forvantade()} förväntade rapporteringar (organisation "
        f"och insats) har kommit in, från {n_org_in} av {n_org} organisationer."
    )
    sammanfattning = Sammanfattning(
        mal=plan.mal.text,
        delmal=tuple(d.text for d in plan.mal.delmal),
        malar=g.till,
        upplaga=upplaga_text,
        lista_text=lista_text,
        lista=tuple(lista),
        antal_pa_listan=antal,
        forandring=forandring_text,
        indikatorer=ind_rows,
        antal_indikatorer=len(results),
        indikatorer_text=f"{_antal(len(results), 'indikator', 'indikatorer')} följs upp.",
        insatser=ins_rows,
        forvantade=matrix.forvantade(),
        inkomna=matrix.inkomna(),
        organisationer_forvantade=n_org,
        organisationer_inkomna=n_org_in,
        rapporter_text=rapporter_text,
        mal_indikatorer=tuple(v for r, v in indikatorer if r.indikator.fokusomrade is None),
    )

    # Missing reports, per organisation (organisationer.yaml order, insatser in plan order).
    missing: dict[str, list[str]] = {}
    for org, ins_id in matrix.saknas():
        missing.setdefault(org, []).append(ins_id)
    saknade = tuple(
        SaknadVy(
            names.get(org, org),
            org not in reports,
            tuple(ids),
            (
                f"ingen rapport har kommit in för {ar}; den ska omfatta insats {', '.join(ids)}."
                if org not in reports
                else f"rapporten för {ar} saknar insats {', '.join(ids)}."
            ),
        )
        for org, ids in missing.items()
    )

    # Illustrative content and Bilaga 1.
    illustrativt = _illustrativt(
        [
            names.get(org, org)
            for org in sorted(reports, key=lambda o: org_order.get(o, len(org_order)))
            if reports[org][1]
        ],
        len(reports),
        [r.indikator.namn for r in results if r.indikator.illustrativ],
        ar,
    )
    utan_mal = sum(1 for r in results if r.malvarde is None)
    if not results:
        bilaga1: str | None = (
            "Planens bilaga 1 (Indikatorer) är inte offentlig. Datan har därför inga indikatorer "
            "med målvärden att följa upp."
        )
    elif utan_mal:
        bilaga1 = (
            "Planens bilaga 1 (Indikatorer), med indikatorernas målvärden, är inte offentlig. "
            f"{utan_mal} av {len(results)} indikatorer saknar därför målvärde och kan inte följas "
            "upp mot ett mål."
        )
    else:
        bilaga1 = None

    kallor = _kallor(ds, ar, results, reports, names, org_order)
    return ReportView(
        ar=ar,
        titel=f"Samlad uppföljning {ar}",
        plan_namn=plan.plan.namn,
        diarienummer=plan.plan.diarienummer,
        beslutad_av=plan.plan.beslutad_av,
        giltighet=f"{g.fran}–{g.till}",
        dokumentansvarig=plan.plan.dokumentansvarig,
        illustrativ=bool(illustrativt),
        illustrativ_text=ILLUSTRATIV_TEXT,
        illustrativt_innehall=tuple(illustrativt),
        bilaga1=bilaga1,
        sammanfattning=sammanfattning,
        fokusomraden=fokus,
        omraden=omraden_vy,
        saknade=saknade,
        kallor=kallor,
    )


#: up to this many illustrative reports or indicators are named in the banner, else counted
BANNER_NAMN: Final = 3


def _illustrativt(
    rapporter: Sequence[str], alla_rapporter: int, indikatorer: Sequence[str], ar: int
) -> list[str]:
    """What the banner says is illustrative: named when few, counted when many."""
    out: list[str] = []
    if rapporter and len(rapporter) == alla_rapporter and alla_rapporter > BANNER_NAMN:
        out.append(f"samtliga {alla_rapporter} rapporter från nämnder och styrelser för {ar}")
    elif len(rapporter) > BANNER_NAMN:
        out.append(f"{len(rapporter)} av {alla_rapporter} rapporter (markerade i avsnitt 5)")
    else:
        out += [f"rapporten från {namn}" for namn in rapporter]
    if len(indikatorer) > BANNER_NAMN:
        out.append(f"{len(indikatorer)} indikatorer (markerade med ”illustrativa värden”)")
    else:
        out += [f"indikatorn {namn}" for namn in indikatorer]
    return out


def _kallor(
    ds: DataSet,
    ar: int,
    results: Sequence[IndicatorResult],
    reports: Mapping[str, tuple[RapportFil, bool]],
    names: Mapping[str, str],
    org_order: Mapping[str, int],
) -> tuple[KallGrupp, ...]:
    assert ds.plan and ds.plan.model
    groups = [
        KallGrupp(
            "Handlingsplanen",
            tuple(_kalla_text(k) for k in ds.plan.model.plan.kallor),
        )
    ]
    omr = ds.omraden.model if ds.omraden and ds.omraden.model else None
    if omr is not None:
        groups.append(
            KallGrupp(
                "Polisens lägesbilder (upplagor av listan)",
                tuple(
                    KallVy(f"{u.utgivare}: {u.titel} ({u.ar})", u.url)
                    for u in sorted(omr.upplagor, key=lambda u: u.ar)
                    if u.ar <= ar
                ),
            )
        )
        used = {c for o in omr.omraden for k in o.klassning if k.upplaga <= ar for c in k.kallor}
        groups.append(
            KallGrupp(
                "Källor för områdenas nivåer (omraden.yaml)",
                tuple(_kalla_text(k) for k in omr.kallor if k.id in used)
                or (KallVy("Ingen källa angiven."),),
            )
        )
    for r in results:
        groups.append(
            KallGrupp(
                f"Indikator: {r.indikator.namn}",
                tuple(_kalla_text(k) for k in r.indikator.kallor)
                or (KallVy("Ingen källa angiven."),),
            )
        )
    rapporter = [
        KallVy(
            f"{names.get(org, org)}: rapporter/{ar}/{org}.yaml"
            + (" (illustrativ)" if reports[org][1] else "")
        )
        for org in sorted(reports, key=lambda o: org_order.get(o, len(org_order)))
    ]
    groups.append(
        KallGrupp(
            f"Nämndernas och styrelsernas rapporter för {ar}",
            tuple(rapporter) or (KallVy("Inga rapporter har kommit in."),),
        )
    )
    return tuple(groups)


# --- rendering -----------------------------------------------------------------------------------


def override_templates_dir(data_dir: Path) -> Path | None:
    """A data repository's own ``templates/`` next to its data folder, if there is one."""
    folder = data_dir.resolve().parent / "templates"
    return folder if folder.is_dir() else None


def _environment(fmt: Format, templates_dir: Path | None) -> Environment:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from utsatta.render import markdown

    folders = [bundled_templates_dir()]
    if templates_dir is not None:
        folders.insert(0, templates_dir)
    # Sandboxed: a data repository's templates are text from its contributors, not code.
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
        autoescape=fmt == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        md=markdown.inline,
        mdcell=markdown.cell,
        mdblock=markdown.block,
        mdurl=markdown.url,
        richtext=markdown.richtext,
    )
    return env


_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def render(view: ReportView, fmt: Format, templates_dir: Path | None = None) -> str:
    """The report as text. ``templates_dir`` (optional) is searched before the bundled templates.

    Markdown is tidied after rendering (no trailing spaces, at most one blank line in a row), so
    the templates can be written for readability.
    """
    if fmt not in ("md", "html"):
        raise ValueError(f"okänt format {fmt!r}")
    template = _environment(fmt, templates_dir).get_template(f"report.{fmt}.j2")
    text = template.render(r=view)
    if fmt == "md":
        text = _BLANK_LINES.sub("\n\n", _TRAILING.sub("\n", text))
    return text.rstrip("\n") + "\n"


def report_text(ds: DataSet, ar: int, fmt: Format, templates_dir: Path | None = None) -> str:
    """build + render in one call."""
    return render(build(ds, ar), fmt, templates_dir)
