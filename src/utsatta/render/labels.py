"""The Swedish words and number texts every view shares: labels of statuses, levels and units,
and how an indicator's values, målvärde, progress and status are written.

Used by the report (:mod:`utsatta.render.report`) and the tables of ``utsatta plan``, ``status``
and ``indikatorer`` (:mod:`utsatta.render.overview`), so both say the same thing the same way.
How numbers are written: docs/decisions/0012-numbers-as-written.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from utsatta.compute.completeness import Cell
from utsatta.numbers import HART, MAX_DECIMALER, WrittenFloat, tal

if TYPE_CHECKING:
    from utsatta.compute.indicators import IndicatorResult
    from utsatta.compute.status import Progress
    from utsatta.model.plan import PlanFil

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
#: the bedömningar that are forecasts: in the slutuppföljning, one from an earlier year without
#: a later report is no outcome (review granska14, finding 13)
PROGNOS: Final = ("bedoms-uppnas", "bedoms-inte-uppnas")
#: beside such a forecast
UTAN_SLUTBEDOMNING: Final = "prognos, ingen slutbedömning"


def tidigare_bedomning(key: str) -> str:
    """A bedömning from an earlier year's report that stands as an organisation's latest in the
    slutuppföljning: a forecast says so ("Bedöms uppnås (prognos, ingen slutbedömning)")."""
    label = BEDOMNING.get(key, key)
    return f"{label} ({UTAN_SLUTBEDOMNING})" if key in PROGNOS else label


NIVA: Final[Mapping[str, str]] = {
    "sarskilt-utsatt": "särskilt utsatt",
    "riskomrade": "riskområde",
    "utsatt": "utsatt",
    "pa-listan-niva-okand": "på listan, nivå okänd",
    "ej-pa-listan": "ej på listan",
    "okand": "okänd",
}
#: plural headings for the levels on the list, most serious first
NIVA_RUBRIK: Final[Mapping[str, str]] = {
    "sarskilt-utsatt": "Särskilt utsatta områden",
    "riskomrade": "Riskområden",
    "utsatt": "Utsatta områden",
    "pa-listan-niva-okand": "På listan, nivå som källorna inte anger",
}
#: how the summary counts the areas per level (one, many): "4 särskilt utsatta"
NIVA_ANTAL: Final[Mapping[str, tuple[str, str]]] = {
    "sarskilt-utsatt": ("särskilt utsatt", "särskilt utsatta"),
    "riskomrade": ("riskområde", "riskområden"),
    "utsatt": ("utsatt", "utsatta"),
    "pa-listan-niva-okand": (
        "på en nivå som källorna inte anger",
        "på en nivå som källorna inte anger",
    ),
}
SAKERHET: Final[Mapping[str, str]] = {
    "slutledd": "slutledd",
    "sekundar": "sekundär källa",
}
#: markers for levels on the police list that are not confirmed, and what they mean
SAKERHET_MARKERING: Final[Mapping[str, tuple[str, str]]] = {
    "slutledd": ("*", "slutledd: nivån står inte i någon källa utan är härledd ur andra uppgifter"),
    "sekundar": (
        "†",
        "uppgift i andra hand: en källa som återger nivån utan att vara belägg för den själv "
        "(t.ex. pressen eller en tredjepartssida om polisens lista)",
    ),
    "saknas": ("?", "källa saknas: ingen källa belägger nivån"),
}
#: the marker for a level bekräftad (stated in the source itself) by sources none of which is the
#: police (the city's pages, the press, a party; 2017–2021): docs/decisions/0072-police-legend.md
EJ_POLISEN_MARKERING: Final = (
    "‡",
    "bekräftad i en annan källa än polisen: nivån står i källan själv (t.ex. kommunen, pressen "
    "eller ett parti), men ingen av källorna är polisens egen publicering",
)
#: every level marker by its symbol, with what it means (the HTML's tooltip; the part before the
#: colon is the text a screen reader reads for the symbol)
MARKERING_BETYDELSE: Final[Mapping[str, str]] = dict(
    (*SAKERHET_MARKERING.values(), EJ_POLISEN_MARKERING)
)
#: what a level without a marker means (the last line of the legend). A count of areas carries
#: the class of ‡ too ("annan källa än polisen"), so it means the same for a count everywhere
#: (section 2, bilaga C and D, the charts, the export): docs/decisions/0500, replacing 0486
UTAN_MARKERING: Final = "utan markering: bekräftad i polisens egen publicering"
#: how a count's marker follows from its levels' (the legend's line after UTAN_MARKERING, where
#: a count is marked): the weakest class wins, as for every value that rests on several values
#: (docs/decisions/0500), and a count rests on every area's level, counted or not (0666)
ANTALETS_MARKERING: Final = (
    "varje antal har markeringen för den osäkraste nivån i upplagan, också hos områden som "
    "inte räknas"
)
#: the same for a count a source states for the edition (upplagor: antal): the source's own
#: class, since the number is the source's and rests on no area's level (docs/decisions/0675);
#: beside ANTALETS_MARKERING where the table has both kinds, alone where every count is stated
ANGIVNA_ANTALETS_MARKERING: Final = (
    "ett antal som en källa själv anger för upplagan har i stället den källans markering"
)
ANGIVNA_ANTALEN_MARKERING: Final = (
    "varje antal är det som en källa själv anger för upplagan och har den källans markering"
)
#: the key under section 5's table where a change is marked: a change, and "–" (on neither
#: list), rests on its two levels, so it carries the weaker's class, as a count does
#: (docs/decisions/0500, 0555, 0572)
FORANDRINGENS_MARKERING: Final = (
    "En förändring och ”–” har markeringen för den osäkraste av de två nivåer som de bygger på."
)
#: the key's sentence where a change is known only from what a level not given cannot be
#: (compute.police.change_inferred, docs/decisions/0676)
SLUTLEDD_FORANDRING: Final = (
    "Lägre eller högre nivå till eller från ”på listan, nivå okänd” är slutledd (*): den "
    "nivån anges inte."
)
#: the kinds of source (Kalla.slag), as the legend names them
KALLSLAG: Final[Mapping[str, str]] = {
    "polisen": "polisen",
    "kommunen": "kommunen",
    "press": "press",
    "parti": "parti",
    "tredjepart": "tredjepart",
}
ENHET: Final[Mapping[str, tuple[str, str]]] = {
    # enhet: (suffix after a value, y-axis label)
    "procent": (f"{HART}%", "Procent"),
    "antal": ("", "Antal"),
    "index": ("", "Index"),
    # a line may break after "per" only: never inside "100 000" or between a value and "per"
    "per-100000-invanare": (f"{HART}per 100{HART}000{HART}inv.", "Per 100 000 invånare"),
    "meritvarde": ("", "Meritvärde"),
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
    Cell.FRIVILLIG: "Ingen rapport (inte förfallen för rapportåret)",
    Cell.TIDIGARE: "Rapporterad ett tidigare år",
    Cell.EJ_AKTUELL: "Ingen rapport (krävs inte för rapportåret)",
}
#: why an organisation has no report for the year, where the slutuppföljning shows its latest
#: report from an earlier year of the period instead
UTAN_RAPPORT: Final[Mapping[Cell, str]] = {
    Cell.SAKNAS: "rapporten saknas",
    Cell.FRIVILLIG: "återrapporteringen har inte förfallit",
    Cell.TIDIGARE: "återrapporteringen lämnades ett tidigare år",
    Cell.EJ_AKTUELL: "insatsen ska inte rapporteras det året",
}
#: what a group's ``urval`` selects, in words (the flag's own name never reaches a reader)
URVAL: Final[Mapping[str, str]] = {
    "verksamhet_i_utsatta_omraden": "vilka organisationer som har verksamhet i utsatta områden",
}
KON: Final[Mapping[str, str]] = {"K": "kvinnor", "M": "män"}
#: how an insats is followed up, by its kind only: to whom it is reported is the plan's own words
#: (plan.yaml: insatser[].uppfoljning.text), never a fixed organ here
UPPFOLJNING_TEXT: Final[Mapping[str, str]] = {
    "arlig": "årlig rapportering",
    "en-gang": "en gång, år {ar}",
    "under-planperioden": "återrapportering under planperioden",
}
#: shown for a date from the data when there is none: never the clock (output deterministic)
DATUM_SAKNAS: Final = "datum saknas"
#: after a date from an illustrative uppföljning file (compute.report_date decides)
PAHITTAT_DATUM: Final = "(påhittat datum)"
#: a latest value more than this many years older than the report year is flagged
INAKTUELL_AR: Final = 2


def cap(text: str) -> str:
    """The text with a capital first letter."""
    return text[:1].upper() + text[1:]


def datum_text(datum: str | None, pahittat: bool) -> str:
    """A date from the data as every output shows it: "2024-06-01", "2024-06-01 (påhittat
    datum)" when it is made up, "datum saknas" without one."""
    if not datum:
        return DATUM_SAKNAS
    return f"{datum} {PAHITTAT_DATUM}" if pahittat else datum


def inte_i_ar(inte_forfallen: bool, ar: int) -> tuple[str, str]:
    """Why an insats is not reported in ``ar``, short (beside its title) and as a sentence.
    A återrapportering under the period that is not yet due (``inte_forfallen``,
    :attr:`~utsatta.compute.coverage.InsatsCoverage.inte_forfallen`) is required all the same:
    the plan names no year, and the deadline as the period's last year is the tool's reading
    (slutledd; granska18 G5, docs/decisions/0557-fore-fristen.md)."""
    if inte_forfallen:
        return (
            f"återrapporteringen förfaller inte {ar}",
            f"Återrapporteringen förfaller inte {ar}: planen anger att den ska lämnas under "
            "planperioden men inte vilket år, och utsatta räknar planperiodens sista år som "
            "fristen (slutledd).",
        )
    return f"behöver inte rapporteras {ar}", f"Insatsen behöver inte rapporteras {ar}."


def uppfoljning_text(
    typ: str, ar: int | None, plan_text: str | None = None, *, ordagrant: bool = False
) -> str:
    """How an insats is followed up: "en gång, år 2023". A one-off follow-up also quotes the
    plan's own words (``plan_text``), which say when in the year and on what occasion: "en gång,
    år 2023 (”Uppföljning ska göras i samband med slutrapportering till Socialstyrelsen 2023”)";
    ``ordagrant`` quotes them for every kind (the insats's own card: to whom it reports)."""
    text = UPPFOLJNING_TEXT[typ].format(ar=ar)
    if (typ == "en-gang" or ordagrant) and plan_text:
        text += f" (”{plan_text.strip().rstrip('.')}”)"
    return text


def enhet_text(enhet: str) -> tuple[str, str]:
    """(suffix after a value, axis label): known units by the table, others as written."""
    return ENHET.get(enhet, (f"{HART}{enhet}", enhet[:1].upper() + enhet[1:]))


def decimals_in(value: float) -> int:
    """The decimals ``value`` was written with: 81.05 has 2, 74.0 has 0 as a computed float and
    1 as the file's ``74.0`` (a :class:`~utsatta.numbers.WrittenFloat`)."""
    if type(value) is WrittenFloat:
        return value.decimals
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def decimaler(value: float) -> int:
    """The decimals ``value`` is shown with: as many as it needs, at most :data:`MAX_DECIMALER`;
    all it was written with when that many would show a value that is not zero as zero
    (0.0000012 is "0,0000012", not "0,00": decision 0679)."""
    written = decimals_in(value)
    if value and round(value, MAX_DECIMALER) == 0:
        return written
    return min(MAX_DECIMALER, written)


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
    from utsatta.compute.indicators import current_target  # lazy: labels loads for validate too

    mal = current_target(ind, res.ar, res.planperiod)  # the one compute.indicators uses
    if mal is not None and mal.relativt is not None:
        return f"{faktor_text(mal.relativt.faktor)} ({mal.ar})"
    return "saknas"


def framsteg_andel(res: IndicatorResult) -> float | None:
    """The share of the distance from the baseline to the målvärde covered by the latest value
    (0.35 is 35 % of the way), or None without baseline, latest value or målvärde, and for any
    result that is not a status against a målvärde (a development or ej bedömbar has no share:
    see :func:`senast_kanda_andel` for the last known one)."""
    if res.progress.statusslag != "mot-malvarde":
        return None
    return progress_andel(res.progress)


def progress_andel(prog: Progress) -> float | None:
    """The share of the way to the målvärde in ``prog`` (see :func:`framsteg_andel`)."""
    b, s, m = prog.baslinje, prog.senaste, prog.malvarde
    if b is None or s is None or m is None:
        return None
    return andel_av_vagen(b.varde, s.varde, m)


def andel_av_vagen(fran: float, till: float, mal: float) -> float | None:
    """The share of the way from ``fran`` to ``mal`` that ``till`` has come (0.35 is 35 %),
    or None when the two are the same (no way to go)."""
    return None if mal == fran else round((till - fran) / (mal - fran), 9)


def senast_kanda_text(prog: Progress) -> str | None:
    """For ej bedömbar: the status on the last known values, with its share of the way when it
    is a status against a målvärde ("I fas, 40 % av vägen (värden till och med 2023)"); None without
    one, and None when the last known values were not assessable either: "Ej bedömbar · senast
    kända: Ej bedömbar" tells the reader nothing (the reason stays in the calculation text)."""
    known = prog.senast_kanda
    if known is None or known.statusslag == "ej-bedombar":
        return None
    text = known.status_text
    if known.orsak_text is not None:
        text += f" – {known.orsak_text}"
    andel = progress_andel(known) if known.statusslag == "mot-malvarde" else None
    if andel is not None:
        text += f", {framsteg_text(andel)}"
    if known.senaste is not None:
        text += f" (värden till och med {known.senaste.ar})"
    return text


def framsteg_text(andel: float | None) -> str:
    """ "35 % av vägen", or "–" where no share exists."""
    # one unbreakable phrase: a line break left "0" at the end of a line and "% av vägen" below
    return "–" if andel is None else f"{tal(andel * 100, 0, ' %')}{HART}av{HART}vägen"


def status_text(res: IndicatorResult) -> str:
    """The status with its reason: "Ej bedömbar (saknar data)"."""
    prog = res.progress
    text = prog.status_text
    if prog.orsak_text is not None:
        text += f" ({prog.orsak_text})"
    return text


def status_nyckel(name: str) -> str:
    """A status's enum name as a key for styling: ``I_FAS`` is "i-fas"."""
    return name.lower().replace("_", "-")


def inaktuell_text(res: IndicatorResult, ar: int | None) -> str | None:
    """ "senaste värde från 2019" when the latest value is more than :data:`INAKTUELL_AR` years
    older than ``ar``; None otherwise (and without a year to compare with)."""
    if ar is None or not res.serie:
        return None
    senaste = res.serie[-1].ar
    return f"senaste värde från {senaste}" if ar - senaste > INAKTUELL_AR else None


def report_title(plan: PlanFil, ar: int) -> str:
    """The report's title: the slutuppföljning in the plan's last year, else the year's."""
    g = plan.plan.giltighet
    return f"Slutuppföljning {g.fran}–{g.till}" if ar == g.till else f"Samlad uppföljning {ar}"


def organ_i_text(organ: str) -> str:
    """An organ as running text writes it: a one-word name is a common noun ("Kommunfullmäktige"
    -> "kommunfullmäktige"); a name of several words (a nämnd's own name) is left as it is."""
    if " " in organ or not organ[:1].isupper() or organ[1:] != organ[1:].lower():
        return organ
    return organ[:1].lower() + organ[1:]
