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
* **Coverage.** An insats marked ``omfattar_alla_omraden: true`` in the plan (its title asks for
  every area, e.g. "samtliga … skolor", "alla utsatta områden") is meant for every area on the
  police list; in the coverage matrix such an insats shows "saknas" for each listed area no report
  reached that year (only when the insats is due that year). The title itself is not searched:
  "Samtliga nämnder" or "alla dagar i veckan" say nothing about areas.
* **Numbers**: decimal comma, space as thousands separator and before "%", "−" for minus. A value
  is shown as it was written in the data: with the decimals that value needs, at most two (74 is
  "74", 15.7 "15,7", 81.05 "81,05"); no decimals are added, so the report never reads "74,0"
  where the source says 74. A value with more decimals is rounded to two. ``utsatta indikatorer``
  formats with the same functions (:func:`varde`, :func:`framsteg_text`).
* **A relative målvärde** (``relativt: {faktor: 0.5}``) that cannot be resolved because the
  baseline is missing is shown as the rule ("halva baslinjen (2025)", "0,8 × baslinjen (2025)").
  The Bilaga 1 banner counts only indicators without any målvärde in the data.
* **Old values.** An indicator whose latest value is more than :data:`INAKTUELL_AR` years older
  than the report year says so next to its status ("senaste värde från 2019").
* **How sure a level is.** A level on the police list that is ``slutledd`` (inferred) or taken
  from a ``sekundar`` source is marked (* and †) in the områden tables, with a legend; the summary
  says how many of the levels on the latest list are not confirmed, and a comparison between
  editions says when it rests on such levels.
* **Comments** in an indicator file (the indicator's ``kommentar`` and those of its baslinje,
  målvärden and utfall up to the year) are shown with the indicator ("Anmärkningar"); a comment
  on a value per område or kön names the område or kön in its label.
* **Values per område and per kön** (issue 3: utfall "optionally per område and per kön") are
  not part of the headline series progress is computed on, but are shown with the indicator in
  two compact tables, "Per område" and "Per kön", with the values up to the year: one row per
  område (omraden.yaml order; an id not in omraden.yaml after them, as written) and one column
  per year that has a value ("–" where a row has none). A value for an område and a kön is a row
  of its own ("Norrby, kvinnor") after the område's row. "Per kön" holds the values for the
  whole city for kvinnor and män; totalt (T) is the headline. Only rows with values are shown.
  Where one of the values has a kommentar (e.g. that it covers only part of the area), a note
  under the table points to the Anmärkningar. Two values for the same område, kön and year
  (kön T and none count as the same) are a data error; the first in the file is shown.
  :func:`per_omrade` and :func:`per_kon` are shared with ``utsatta indikatorer --format json``.
* **Groups by inference.** A missing report owed only because the organisation belongs to a group
  with ``urval`` (e.g. "samtliga nämnder och styrelser med verksamhet i utsatta områden") is marked
  in section 4, with a note that the group is computed from a flag in organisationer.yaml, which
  is an inference: the plan does not list the members.
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
from utsatta.compute.progress import status_text as status_text_for
from utsatta.compute.responsibility import Cell, resolve, responsible
from utsatta.load.datadir import bundled_templates_dir
from utsatta.load.dataset import DataSet
from utsatta.model.common import Kalla
from utsatta.model.indikator import IndikatorFil, Varde
from utsatta.model.omraden import Klassning, OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import Insats
from utsatta.model.rapport import InsatsRapport, RapportFil
from utsatta.numbers import tal
from utsatta.render import chart
from utsatta.render.findings import antal as _antal
from utsatta.render.overview import uppfoljning_text

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = [
    "Format",
    "ReportView",
    "build",
    "override_templates_dir",
    "per_kon",
    "per_omrade",
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
ENHET: Final[Mapping[str, tuple[str, str]]] = {
    # enhet: (suffix after a value, y-axis label)
    "procent": (" %", "Procent"),
    "antal": ("", "Antal"),
    "index": ("", "Index"),
    "per-100000-invanare": (" per 100 000 inv.", "Per 100 000 invånare"),
    "meritvarde": ("", "Meritvärde"),
}


def enhet_text(enhet: str) -> tuple[str, str]:
    """(suffix after a value, axis label): known units by the table, others as written."""
    return ENHET.get(enhet, (f" {enhet}", enhet[:1].upper() + enhet[1:]))


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
MAX_DECIMALER: Final = 2
#: a latest value more than this many years older than the report year is flagged
INAKTUELL_AR: Final = 2
#: markers for levels on the police list that are not confirmed, and what they mean
SAKERHET_MARKERING: Final[Mapping[str, tuple[str, str]]] = {
    "slutledd": ("*", "slutledd nivå: härledd ur andra uppgifter, inte läst i polisens lista"),
    "sekundar": ("†", "nivå från en sekundär källa (t.ex. pressen), inte från polisen själv"),
}
KON: Final[Mapping[str, str]] = {"K": "kvinnor", "M": "män"}
#: the order of kön in tables and JSON: totalt first (as None), then kvinnor, män
_KON_ORDNING: Final[Mapping[str | None, int]] = {None: 0, "T": 0, "K": 1, "M": 2}

ILLUSTRATIV_TEXT: Final = (
    "Rapporten innehåller illustrativa uppgifter: påhittat innehåll som visar formatet, inte "
    "verkliga uppgifter."
)


# --- numbers -------------------------------------------------------------------------------------


def _decimals_in(value: float) -> int:
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def decimaler(value: float) -> int:
    """The decimals ``value`` is shown with: as many as it needs, at most :data:`MAX_DECIMALER`."""
    return min(MAX_DECIMALER, _decimals_in(value))


def varde(value: float, enhet: str) -> str:
    """A value of an indicator as written in the data: ``varde(74.0, "index")`` is "74",
    ``varde(81.05, "procent")`` "81,05 %", ``varde(83000, "antal")`` "83 000"."""
    return tal(value, decimaler(value), enhet_text(enhet)[0])


def faktor_text(faktor: float) -> str:
    """A relative målvärde in words: 0.5 is "halva baslinjen", 0.8 "0,8 × baslinjen"."""
    if faktor == 0.5:
        return "halva baslinjen"
    return f"{tal(faktor, decimaler(faktor))} × baslinjen"


def malvarde_text(res: IndicatorResult) -> str:
    """The målvärde used, with its year: the value, the rule when it cannot be resolved (a
    relative målvärde without baseline), or "saknas"."""
    ind = res.indikator
    if res.malvarde is not None and res.malar is not None:
        return f"{varde(res.malvarde, ind.enhet)} ({res.malar})"
    mal = ind.malvarden[-1] if ind.malvarden else None  # the one compute.indicators uses
    if mal is not None and mal.relativt is not None:
        return f"{faktor_text(mal.relativt.faktor)} ({mal.ar})"
    return "saknas"


def framsteg_andel(res: IndicatorResult) -> float | None:
    """The share of the distance from the baseline to the målvärde covered by the latest value
    (0.35 is 35 % of the way), or None without baseline, latest value or målvärde."""
    b, s, m = res.progress.baslinje, res.progress.senaste, res.malvarde
    if b is None or s is None or m is None or m == b.varde:
        return None
    return round((s.varde - b.varde) / (m - b.varde), 9)


def framsteg_text(andel: float | None) -> str:
    """ "35 % av vägen", or "–" where no share exists."""
    return "–" if andel is None else f"{tal(andel * 100, 0, ' %')} av vägen"


def status_text(res: IndicatorResult) -> str:
    """The status with its reason: "Ej bedömbar (saknar data)"."""
    prog = res.progress
    text = prog.status_text
    if prog.orsak_text is not None:
        text += f" ({prog.orsak_text})"
    return text


def _delvarden(ind: IndikatorFil, ar: int | None) -> list[Varde]:
    """The utfall up to ``ar`` (all if None) that are not part of the headline series (an område
    or kön K/M), without duplicates: for the same område, kön (T and none alike) and year the
    first one in the file is kept."""
    seen: set[tuple[str | None, int, int]] = set()
    out: list[Varde] = []
    for u in ind.utfall:
        kon = _KON_ORDNING[u.kon]
        if (u.omrade is None and kon == 0) or (ar is not None and u.ar > ar):
            continue
        key = (u.omrade, kon, u.ar)
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


def per_omrade(ind: IndikatorFil, ar: int | None, omraden: Sequence[str]) -> list[Varde]:
    """The values per område up to ``ar``: by område in the order of ``omraden`` (the ids in
    omraden.yaml; an id not among them after those, by id), then kön (totalt, K, M), then
    year."""
    order = {o: n for n, o in enumerate(omraden)}

    def key(u: Varde) -> tuple[int, str, int, int]:
        omrade = u.omrade or ""
        return (order.get(omrade, len(order)), omrade, _KON_ORDNING[u.kon], u.ar)

    return sorted((u for u in _delvarden(ind, ar) if u.omrade is not None), key=key)


def per_kon(ind: IndikatorFil, ar: int | None) -> list[Varde]:
    """The values for the whole city per kön (K, then M; T is the headline) up to ``ar``, by
    kön, then year."""
    values = (u for u in _delvarden(ind, ar) if u.omrade is None)
    return sorted(values, key=lambda u: (_KON_ORDNING[u.kon], u.ar))


def inaktuell_text(res: IndicatorResult, ar: int | None) -> str | None:
    """ "senaste värde från 2019" when the latest value is more than :data:`INAKTUELL_AR` years
    older than ``ar``; None otherwise (and without a year to compare with)."""
    if ar is None or not res.serie:
        return None
    senaste = res.serie[-1].ar
    return f"senaste värde från {senaste}" if ar - senaste > INAKTUELL_AR else None


# --- the view model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rad:
    """A label with a count, and a key for styling (e.g. a status)."""

    etikett: str
    antal: int
    nyckel: str
    detalj: str = ""
    #: the names in ``detalj``, each with its marker ("*", "†" or "") for how sure its level is
    poster: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Anmarkning:
    """A comment in the data on one value of an indicator: "Baslinje 2020 (62,4 %)" and text."""

    etikett: str
    text: str


@dataclass(frozen=True)
class DelRad:
    """A row of a :class:`DelTabell`: "Norrby" and its values, "–" for a year without one."""

    namn: str
    celler: tuple[str, ...]


@dataclass(frozen=True)
class DelTabell:
    """An indicator's values per område or per kön, one column per year."""

    #: "Per område" or "Per kön"
    rubrik: str
    #: the heading of the first column: "Område" or "Kön"
    kolumn: str
    ar: tuple[int, ...]
    rader: tuple[DelRad, ...]
    #: a note under the table when some of its values have comments, else None
    not_: str | None


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
    #: "senaste värde från 2019" when the latest value is old (see INAKTUELL_AR), else None
    inaktuell: str | None
    forklaring: str
    saknas: str | None
    kallor: tuple[str, ...]
    illustrativ: bool
    #: the indicator's own kommentar in the data
    kommentar: str | None
    #: the comments on its baslinje, målvärden and utfall (up to the year), in that order
    anmarkningar: tuple[Anmarkning, ...]
    #: the values per område and per kön up to the year (the tables that have rows)
    uppdelningar: tuple[DelTabell, ...]
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
    #: how many levels on the latest list are inferred or from secondary sources, or None
    lista_sakerhet: str | None
    #: the legend of the markers used in ``lista`` ("* slutledd nivå …")
    lista_forklaring: tuple[str, ...]
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
    #: "*" (slutledd), "†" (sekundär källa) or "": see SAKERHET_MARKERING
    markering: str = ""
    #: what the marker means, for a tooltip ("" without marker)
    sakerhet: str = ""


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
    #: the plan marks the insats as meant for every area (Insats.omfattar_alla_omraden)
    omfattar_alla: bool
    #: e.g. "(alla områden)" or "(alla områden; ingen rapport krävs 2023)", or ""
    anmarkning: str
    rapporteras_i_ar: bool
    celler: tuple[NivaCell, ...]
    luckor: int


@dataclass(frozen=True)
class OmradenVy:
    upplagor: tuple[int, ...]
    upplagor_text: tuple[str, ...]
    rader: tuple[OmradeRad, ...]
    #: the legend of the markers used in ``rader``
    rader_forklaring: tuple[str, ...]
    fore_upplaga: int | None
    senaste_upplaga: int | None
    forandringar: tuple[ForandringRad, ...]
    #: the legend of the markers used in ``forandringar``
    forandringar_forklaring: tuple[str, ...]
    tackning_omraden: tuple[str, ...]
    tackning: tuple[TackningRad, ...]


@dataclass(frozen=True)
class SaknadVy:
    organisation: str
    hela_rapporten: bool
    insatser: tuple[str, ...]
    text: str
    #: the insatser owed only through a group with ``urval`` (marked "*" in ``text``)
    via_urval: tuple[str, ...] = ()


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
    #: the note on the "*" in ``saknade``: the group is an inference (None when no "*")
    saknade_not: str | None
    kallor: tuple[KallGrupp, ...]


# --- building ------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _kalla_text(k: Kalla) -> KallVy:
    parts = [k.utgivare]
    # Without a title the comment tells two sources of one publisher apart.
    if k.titel or k.kommentar:
        parts.append((k.titel or k.kommentar or "").strip().rstrip("."))
    text = ": ".join(parts)
    extra = [x for x in (k.datum, SAKERHET.get(k.sakerhet)) if x]
    if extra:
        text += f" ({', '.join(extra)})"
    return KallVy(text, k.url)


def _anmarkningar(
    res: IndicatorResult, ar: int, omrade_namn: Mapping[str, str]
) -> tuple[Anmarkning, ...]:
    """The comments on the values of an indicator: baslinje, målvärden, utfall up to ``ar``."""
    ind = res.indikator
    out: list[Anmarkning] = []
    b = ind.baslinje
    if b is not None and b.kommentar:
        out.append(
            Anmarkning(f"Baslinje {b.ar} ({varde(b.varde, ind.enhet)})", b.kommentar.strip())
        )
    for m in ind.malvarden:
        if m.kommentar:
            if m.varde is not None:
                what = varde(m.varde, ind.enhet)
            else:
                assert m.relativt is not None
                what = faktor_text(m.relativt.faktor)
            out.append(Anmarkning(f"Målvärde {m.ar} ({what})", m.kommentar.strip()))
    for u in sorted(ind.utfall, key=lambda u: u.ar):
        if u.kommentar and u.ar <= ar:
            where = [omrade_namn.get(u.omrade, u.omrade)] if u.omrade else []
            where += [KON[u.kon]] if u.kon is not None and u.kon in KON else []
            label = ", ".join([f"Utfall {u.ar}", *where])
            out.append(Anmarkning(f"{label} ({varde(u.varde, ind.enhet)})", u.kommentar.strip()))
    return tuple(out)


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
        cells.setdefault((u.omrade, _KON_ORDNING[u.kon]), (namn, {}))[1][u.ar] = varde(
            u.varde, enhet
        )
    return DelTabell(
        rubrik=rubrik,
        kolumn=kolumn,
        ar=tuple(years),
        rader=tuple(DelRad(n, tuple(c.get(y, "–") for y in years)) for n, c in cells.values()),
        not_=not_ if any(u.kommentar for _, u in rader) else None,
    )


def _uppdelningar(
    ind: IndikatorFil, ar: int, omrade_namn: Mapping[str, str]
) -> tuple[DelTabell, ...]:
    """The "Per område" and "Per kön" tables of an indicator (those with values);
    ``omrade_namn`` is in omraden.yaml order, which gives the order of the rows."""
    omraden = []
    for u in per_omrade(ind, ar, list(omrade_namn)):
        assert u.omrade is not None
        namn = omrade_namn.get(u.omrade, u.omrade)
        omraden.append((f"{namn}, {_kon_namn(u.kon)}" if _kon_namn(u.kon) else namn, u))
    kon = [(_cap(_kon_namn(u.kon)), u) for u in per_kon(ind, ar)]
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


def _indikator(res: IndicatorResult, ar: int, omrade_namn: Mapping[str, str]) -> IndikatorVy:
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

    def fmt_ar(v: float | None, ar: int | None) -> str:
        if v is None or ar is None:
            return "saknas"
        return f"{fmt(v)} ({ar})"

    senaste = res.serie[-1] if res.serie else None
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
        integer=all(_decimals_in(v) == 0 for v in values),
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
        malvarde=malvarde_text(res),
        framsteg=framsteg_text(framsteg_andel(res)),
        status=status_text(res),
        status_nyckel=prog.status.name.lower().replace("_", "-"),
        inaktuell=inaktuell_text(res, ar),
        forklaring=prog.forklaring,
        saknas=ind.saknas.orsak if ind.saknas else None,
        kallor=tuple(_kalla_text(k).text for k in ind.kallor),
        illustrativ=ind.illustrativ,
        kommentar=ind.kommentar.strip() if ind.kommentar else None,
        anmarkningar=_anmarkningar(res, ar, omrade_namn),
        uppdelningar=_uppdelningar(ind, ar, omrade_namn),
        diagram=Markup(diagram),
    )


def _markering(k: Klassning | None) -> tuple[str, str]:
    """The marker for a level that is not confirmed, and what it means; ("", "") otherwise."""
    if k is None or k.niva == "okand":
        return "", ""
    return SAKERHET_MARKERING.get(k.sakerhet, ("", ""))


def _niva_cell(k: Klassning | None) -> NivaCell:
    if k is None:
        return NivaCell("–", "saknas")
    return NivaCell(NIVA[k.niva], k.niva, *_markering(k))


def _forklaring(markers: Iterable[str]) -> tuple[str, ...]:
    """The legend lines for the markers used, in a fixed order."""
    used = set(markers)
    return tuple(f"{m} {text}" for m, text in SAKERHET_MARKERING.values() if m in used)


def _klassning(omr: OmradenFil) -> dict[tuple[str, int], Klassning]:
    return {(o.id, k.upplaga): k for o in omr.omraden for k in o.klassning}


def _niva_i(klass: Mapping[tuple[str, int], Klassning], omrade: str, upplaga: int) -> str | None:
    k = klass.get((omrade, upplaga))
    return k.niva if k is not None else None


def _pa_listan(k: Klassning | None) -> bool:
    return k is not None and k.niva in NIVA_RUBRIK


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


@dataclass(frozen=True)
class _ListaSammanfattning:
    """What the summary says about the police list."""

    rader: list[Rad]
    upplaga: str | None
    sakerhet: str | None
    forklaring: tuple[str, ...]
    forandring: str | None
    antal: int


def _osakra(klassningar: Iterable[Klassning | None]) -> tuple[int, int]:
    """How many of the levels are slutledda, and how many from secondary sources."""
    ks = [k for k in klassningar if k is not None]
    return (
        sum(1 for k in ks if _markering(k)[0] == SAKERHET_MARKERING["slutledd"][0]),
        sum(1 for k in ks if _markering(k)[0] == SAKERHET_MARKERING["sekundar"][0]),
    )


def _osakra_text(slutledda: int, sekundara: int) -> str:
    """ "4 slutledda och 1 från en sekundär källa"."""
    parts = []
    if slutledda:
        parts.append(f"{slutledda} {'slutledd' if slutledda == 1 else 'slutledda'}")
    if sekundara:
        kallor = "en sekundär källa" if sekundara == 1 else "sekundära källor"
        parts.append(f"{sekundara} från {kallor}")
    return " och ".join(parts)


def _omraden(
    omr: OmradenFil | None,
    ar: int,
    plan_start: int,
    insatser: Sequence[tuple[str, str, bool, bool]],
    reached: Mapping[str, Mapping[str, int]],
) -> tuple[OmradenVy, _ListaSammanfattning]:
    """The områden section, and what the summary says about the police list."""
    if omr is None:
        empty = OmradenVy((), (), (), (), None, None, (), (), (), ())
        return empty, _ListaSammanfattning([], None, None, (), None, 0)
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
    lista_sakerhet = None
    lista_markers: list[str] = []
    if senaste is not None:
        u = by_year[senaste]
        upplaga_text = f"{u.utgivare}: {u.titel} ({senaste})"
        for niva, rubrik in NIVA_RUBRIK.items():
            areas = [o for o in omr.omraden if _niva_i(klass, o.id, senaste) == niva]
            poster = tuple((o.namn, _markering(klass.get((o.id, senaste)))[0]) for o in areas)
            lista_markers += [m for _, m in poster]
            antal += len(areas)
            lista.append(Rad(rubrik, len(areas), niva, ", ".join(o.namn for o in areas), poster))
        on_list = [o.id for o in omr.omraden if _pa_listan(klass.get((o.id, senaste)))]
        slutledda, sekundara = _osakra(klass.get((o, senaste)) for o in on_list)
        if slutledda or sekundara:
            lista_sakerhet = (
                f"Nivåerna i listan {senaste} är inte alla bekräftade av polisen: av de {antal} "
                f"nivåerna är {_osakra_text(slutledda, sekundara)}; se markeringarna i tabellen."
            )

    forandringar: list[ForandringRad] = []
    forandring_text = None
    if senaste is not None and fore is not None and senaste != fore:
        counts: dict[str, int] = {}
        compared: list[Klassning | None] = []
        for o in omr.omraden:
            a, b = klass.get((o.id, fore)), klass.get((o.id, senaste))
            if not (_pa_listan(a) or _pa_listan(b)):
                continue
            compared += [a, b]
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
        slutledda, sekundara = _osakra(compared)
        if slutledda or sekundara:
            forandring_text += (
                " Jämförelsen bygger delvis på nivåer som inte är bekräftade av polisen: "
                f"{_osakra_text(slutledda, sekundara)}; se markeringarna i avsnitt 3."
            )

    # Coverage: the areas on the latest list, then any other area a report reached.
    reached_any = {o for per in reached.values() for o in per}
    columns = [o for o in omr.omraden if o.id in on_list or o.id in reached_any]
    tackning: list[TackningRad] = []
    for ins_id, titel, due, alla in insatser:
        cells: list[NivaCell] = []
        gaps = 0
        per = reached.get(ins_id, {})
        for o in columns:
            n = per.get(o.id, 0)
            if n:
                cells.append(NivaCell(str(n), "nadd"))
            elif alla and due and o.id in on_list:
                cells.append(NivaCell("saknas", "lucka"))
                gaps += 1
            else:
                cells.append(NivaCell("–", "ej-nadd"))
        notes = ["alla områden"] if alla else []
        if not due:
            notes.append(f"ingen rapport krävs {ar}")
        tackning.append(
            TackningRad(
                insats=ins_id,
                ankare=_ankare_insats(ins_id),
                titel=titel,
                omfattar_alla=alla,
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
        rader_forklaring=_forklaring(c.markering for r in rader for c in r.celler),
        fore_upplaga=fore,
        senaste_upplaga=senaste,
        forandringar=tuple(forandringar),
        forandringar_forklaring=_forklaring(
            c.markering for f in forandringar for c in (f.fore, f.efter)
        ),
        tackning_omraden=tuple(
            o.namn if o.id in on_list else f"{o.namn} (ej på listan)" for o in columns
        ),
        tackning=tuple(tackning),
    )
    return vy, _ListaSammanfattning(
        lista, upplaga_text, lista_sakerhet, _forklaring(lista_markers), forandring_text, antal
    )


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
    indikatorer = [(r, _indikator(r, ar, area_names)) for r in results]

    def area_list(ids: Iterable[str]) -> tuple[str, ...]:
        unique = sorted(set(ids), key=lambda i: (area_order.get(i, len(area_order)), i))
        return tuple(area_names.get(i, i) for i in unique)

    # Insatser, in plan order.
    insats_vyer: dict[str, InsatsVy] = {}
    reached: dict[str, dict[str, int]] = {}
    due_rows: list[tuple[str, str, bool, bool]] = []
    status_counts: dict[str, int] = {}
    for ins in plan.insatser:
        samordnande = resolve(ins.samordningsansvar, orgs)
        ansvariga = resolve(ins.ansvar, orgs)
        cells = {
            org: matrix.cells.get((org, ins.id), Cell.EJ_AKTUELL) for org in responsible(ins, orgs)
        }
        due = any((org, ins.id) in matrix.owed for org in cells)
        due_rows.append((ins.id, ins.titel, due, ins.omfattar_alla_omraden))
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
    omraden_vy, pl = _omraden(omr, ar, g.fran, due_rows, reached)
    upplaga_text, antal = pl.upplaga, pl.antal

    ind_rows = tuple(
        Rad(
            status_text_for(s),
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
        lista=tuple(pl.rader),
        antal_pa_listan=antal,
        lista_sakerhet=pl.sakerhet,
        lista_forklaring=pl.forklaring,
        forandring=pl.forandring,
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
    missing = matrix.saknas_per_organisation()
    urval = _via_urval(plan.insatser, orgs)
    saknade: list[SaknadVy] = []
    used_groups: set[str] = set()
    for org, ids in missing.items():
        marked = [i for i in ids if org in urval.get(i, {})]
        used_groups.update(g for i in marked for g in urval[i][org])
        listed = ", ".join(f"{i}*" if i in marked else i for i in ids)
        saknade.append(
            SaknadVy(
                names.get(org, org),
                org not in reports,
                tuple(ids),
                (
                    f"ingen rapport har kommit in för {ar}; den ska omfatta insats {listed}."
                    if org not in reports
                    else f"rapporten för {ar} saknar insats {listed}."
                ),
                tuple(marked),
            )
        )
    saknade_not = _urval_not(plan.insatser, orgs, used_groups) if used_groups else None

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
    utan_mal = sum(1 for r in results if not r.indikator.malvarden)
    if not results:
        bilaga1: str | None = (
            "Planens bilaga 1 (Indikatorer) är inte offentlig. Datan har därför inga indikatorer "
            "med målvärden att följa upp."
        )
    elif utan_mal:  # Bilaga 1 explains only the indicators without any målvärde in the data
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
        saknade=tuple(saknade),
        saknade_not=saknade_not,
        kallor=kallor,
    )


def _via_urval(
    insatser: Iterable[Insats], orgs: OrganisationerFil
) -> dict[str, dict[str, list[str]]]:
    """Per insats, the organisations that owe it only through groups with ``urval`` (not named
    in the plan, nor members of a listed group), with the ids of those groups."""
    urval_groups = {g.id for g in orgs.grupper if g.urval is not None}
    out: dict[str, dict[str, list[str]]] = {}
    for ins in insatser:
        ids = [*ins.samordningsansvar, *ins.ansvar]
        direct = set(resolve([i for i in ids if i not in urval_groups], orgs))
        via: dict[str, list[str]] = {}
        for group in (i for i in dict.fromkeys(ids) if i in urval_groups):
            for org in resolve([group], orgs):
                if org not in direct:
                    via.setdefault(org, []).append(group)
        if via:
            out[ins.id] = via
    return out


def _urval_not(insatser: Sequence[Insats], orgs: OrganisationerFil, groups: Iterable[str]) -> str:
    """The note on "*" in section 4: which group, which insatser, and that it is an inference."""
    used = set(groups)
    parts: list[str] = []
    flags: list[str] = []
    for g in orgs.grupper:  # organisationer.yaml order
        if g.id not in used or g.urval is None:
            continue
        ins_ids = [i.id for i in insatser if g.id in (*i.samordningsansvar, *i.ansvar)]
        parts.append(f"gruppen ”{g.namn}” (insats {', '.join(ins_ids)})")
        flags += [] if g.urval in flags else [g.urval]
    return (
        "* Organisationen ska rapportera insatsen bara för att den räknas till "
        + " eller ".join(parts)
        + ". Planen räknar inte upp vilka som ingår; gruppen räknas fram ur flaggan "
        + " och ".join(flags)
        + " i organisationer.yaml, som är en slutledning ur planen."
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
