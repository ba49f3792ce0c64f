"""The report's view model: plain, frozen data in the order the report shows it, every number
already written in Swedish. The templates only loop over it and print it (the field names are
the templates' variable names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from utsatta.render.report.followup_view import (
    BehovVy,
    OmradeDetalj,
    OverTidVy,
    SlutVy,
    UppfoljningVy,
)


@dataclass(frozen=True)
class Lank:
    """A link inside the report: the text, the HTML anchor and the Markdown anchor."""

    text: str
    ankare: str
    md_ankare: str
    #: shown after the link in parentheses ("slutledd"), or ""
    markering: str = ""


@dataclass(frozen=True)
class Rad:
    """A label with a count, and a key for styling (e.g. a status)."""

    etikett: str
    antal: int
    nyckel: str
    detalj: str = ""
    #: the names in ``detalj``, each with its marker ("*", "†" or "") for how sure its level is
    poster: tuple[tuple[str, str], ...] = ()
    #: the indicators counted in the row, each a link to its working
    lankar: tuple[Lank, ...] = ()


@dataclass(frozen=True)
class NivaRad:
    """A level of the police list with its count of areas; the count is None (unknown, never 0)
    where areas whose level the sources leave open may be at this level."""

    etikett: str
    antal: int | None
    nyckel: str
    detalj: str = ""
    #: the names in ``detalj``, each with its marker ("*", "†", "‡" or "") for how sure it is
    poster: tuple[tuple[str, str], ...] = ()
    #: the count as the report shows it: "4", or "okänt (nivån okänd för 4 områden)"
    antal_text: str = ""


@dataclass(frozen=True)
class EjBedombarRad:
    """An indicator that is ej bedömbar, why, its latest known value and what the last known
    values showed (docs/decisions/0396)."""

    lank: Lank
    orsak: str
    #: e.g. "I fas (40 % av vägen)" for the last known values, or None
    senast_kanda: str | None
    #: the latest value with its year, as section 3 shows it ("15,7 % (2019)"), or "saknas"
    senaste: str


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
    #: "mot-malvarde", "utveckling" or "ej-bedombar"
    statusslag: str
    #: the anchor of the indicator's heading in Markdown: a reference that rendering replaces
    #: by the heading's GitHub anchor (render.report.mdankare)
    md_ankare: str
    #: the anchor of "Så har statusen beräknats" in HTML
    berakning_ankare: str
    #: for ej bedömbar: the status on the last known values, e.g. "Senast kända: I fas", or None
    senast_kanda: str | None
    #: "senaste värde från 2019" when the latest value is old (see labels.INAKTUELL_AR), else None
    inaktuell: str | None
    forklaring: str
    saknas: str | None
    #: the sources that are evidence for the year (dated in or before it, or undated and so
    #: marked), the indicator's own first, then those in omraden.yaml its values cite
    kallor: tuple[str, ...]
    #: its sources dated after the year: not evidence for it (docs/decisions/0043)
    senare_kallor: tuple[str, ...]
    illustrativ: bool
    #: the indicator's own kommentar in the data
    kommentar: str | None
    #: how often it is measured and how that is known ("Vart fjärde år. Grund: …"), or None:
    #: what lets its chart join values further apart than a year (docs/decisions/0395)
    matintervall: str | None
    #: the same for the JSON: the years between two measurements (``matintervall.antal_ar``),
    #: or None without a matintervall or on a count from the police lists (docs/decisions/0440)
    matintervall_ar: int | None
    #: the years its chart takes as measured, from the first value to the last up to the
    #: report's year (a count from the police lists: their editions; with a matintervall:
    #: every that many years; ``IndicatorResult.matar``), so a year between them without a
    #: value is no gap; None: each value stands alone and a line joins only two years in a row
    matar: tuple[int, ...] | None
    #: the comments on its baslinje, målvärden and utfall (up to the year), in that order
    anmarkningar: tuple[Anmarkning, ...]
    #: the values per område and per kön up to the year (the tables that have rows)
    uppdelningar: tuple[DelTabell, ...]
    #: inline SVG, already escaped by :mod:`utsatta.render.chart` ("" when there is nothing to draw)
    diagram: Markup
    #: how not to read a count of areas on the list whose change does not show the direction
    #: (a rise may be an area improving: compute.police.rise_caution), or None
    tolkning: str | None = None
    #: a development without a målvärde measured from another value than the baseline: "81,05 %
    #: (2018)", the last value before the plan period (docs/decisions/0485), else None
    trendstart: str | None = None
    #: whether a trend is measured from ``trendstart`` (a development status); where the status
    #: is ej bedömbar the report says a development would be measured from it (granska15 #10)
    trend_mats: bool = False
    #: the police edition that new areas are counted against, when the progress is measured
    #: from a baseline of another year (compute.indicators.IndicatorResult.jamfor_med, 0631)
    jamfor_med: int | None = None


@dataclass(frozen=True)
class IndikatorLank:
    """An indicator linked to an insats: enough to name it, link to it and give its status
    (the whole indicator stands once, in section 3 and Bilaga D)."""

    id: str
    namn: str
    #: the HTML anchor of the indicator in Bilaga D, and its Markdown heading reference
    ankare: str
    md_ankare: str
    status: str
    status_nyckel: str
    #: what the values cover when not the areas ("hela Göteborg"), from the data; "" otherwise
    omfattning: str = ""


@dataclass(frozen=True)
class SamordningVy:
    organisation: str
    text: str | None
    bedomning: str | None
    lage: str
    #: in the slutuppföljning, without a report this year: the year of the organisation's latest
    #: report in the period, with the samordnande bedömning in it (else None)
    rapport_ar: int | None = None
    rapport_text: str | None = None
    rapport_bedomning: str | None = None
    #: why there is no report this year, in words ("återrapporteringen lämnades ett tidigare år")
    utan_rapport: str = ""
    #: where it coordinates only as a successor: "efterträdare till Lokalnämnden, slutledd"
    eftertradare_till: str = ""
    #: beside a verdict that the insats is reached when none of its indicators can be assessed:
    #: "indikatorn kan inte bedömas" (sections.insats_indikatorer), else ""
    markering: str = ""
    #: whether the report its text comes from (this year's, or the earlier one) is illustrative:
    #: marked as each organisation's report beneath it is
    illustrativ: bool = False


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
    #: in the slutuppföljning, without a report this year: the year of the organisation's latest
    #: report in the period (its nuläge, motivering and plan are then from that report), else None
    rapport_ar: int | None = None
    #: that report's status and bedömning ("Pågående", "Bedöms uppnås")
    rapport_status: str = ""
    rapport_bedomning: str = ""
    #: the predecessor that wrote it, where the organisation holds the insats from one ("")
    rapport_av: str = ""
    #: why there is no report this year, in words ("återrapporteringen lämnades ett tidigare år")
    utan_rapport: str = ""
    #: beside its bedömning, as :attr:`SamordningVy.markering`
    markering: str = ""


@dataclass(frozen=True)
class InsatsVy:
    id: str
    ankare: str
    titel: str
    forvantat_resultat: str
    #: the organisations that hold the plan's columns in the year, heirs included
    samordningsansvar: str
    ansvar: str
    uppfoljning: str
    rapporteras_i_ar: bool
    samordning: tuple[SamordningVy, ...]
    organisationer: tuple[OrgRapportVy, ...]
    behov: tuple[tuple[str, str], ...]
    #: "Genomförd 1, Pågående 2" over the organisations, in the status order ("–": none)
    status_antal: str = "–"
    #: the same for the received reports' bedömningar ("Uppnått 1, Inte uppnått 2")
    bedomning_antal: str = "–"
    #: the plan's columns Samordningsansvar and Ansvar as (label, text): the plan's words in
    #: quotes, or the names of the ids labelled as not the plan's words
    planen: tuple[tuple[str, str], ...] = ()
    #: who holds in the year what a ceased organisation of the plan held, with certainty and day
    eftertradare: tuple[str, ...] = ()
    #: each group the plan names as (label, the organisations it stands for in the year)
    grupper: tuple[tuple[str, str], ...] = ()
    #: the indicators linked to it (``insatser`` in indikatorer/<id>.yaml), in report order,
    #: with their status for the year
    indikatorer: tuple[IndikatorLank, ...] = ()
    #: "indikatorn kan inte bedömas" when every one of them is ej bedömbar, else ""
    indikator_markering: str = ""
    #: why it is not reported in the year (labels.inte_i_ar): beside the title and as a
    #: sentence in bilaga A; "" when it is
    inte_i_ar: str = ""
    inte_i_ar_text: str = ""
    #: for an insats meant for every area (plan: omfattar_alla_omraden), due in the year: which
    #: areas on the list no report reached, or that every one was reached (granska18 G2), short
    #: beside the assessments and as a sentence in bilaga A; "" otherwise
    omraden_nadda: str = ""
    omraden_nadda_text: str = ""


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
    lista: tuple[NivaRad, ...]
    #: None when an area's level leaves open whether it is on the list at all
    antal_pa_listan: int | None
    #: the total as the report shows it: "8", or "okänt (…)"
    antal_pa_listan_text: str
    #: how many levels on the latest list are inferred or from secondary sources, or None
    lista_sakerhet: str | None
    #: the legend of the markers used in ``lista`` ("* slutledd nivå …")
    lista_forklaring: tuple[str, ...]
    forandring: str | None
    #: the statuses against a målvärde (only those held by some indicator), with links
    indikatorer: tuple[Rad, ...]
    antal_indikatorer: int
    indikatorer_text: str
    #: the developments without a målvärde (only those held by some indicator), with links
    utvecklingar: tuple[Rad, ...]
    #: the indicators that are ej bedömbara, each with its reason
    ej_bedombara: tuple[EjBedombarRad, ...]
    #: one sentence for the main part, e.g. "15 indikatorer kan inte bedömas 2023."; the table
    #: of ``ej_bedombara`` with the reasons is in bilaga D
    ej_bedombara_text: str
    antal_mot_malvarde: int
    antal_utveckling: int
    insatser: tuple[Rad, ...]
    #: the rows of ``insatser`` together (inkomna + frivilliga + saknade)
    insatser_totalt: int
    forvantade: int
    inkomna: int
    saknade: int
    #: every report received that was not owed for the year: ``fore_fristen`` + ``inte_kravda``
    #: (the JSON key keeps its name and meaning, schemaversion 1; the report never says
    #: "frivillig": docs/decisions/0557-fore-fristen.md, 0571-json-fore-fristen.md)
    frivilliga: int
    #: of ``frivilliga``, the återrapporteringar given before their deadline ("före fristen")
    fore_fristen: int
    #: of ``frivilliga``, the rest: not required for the year ("inte krävda")
    inte_kravda: int
    tidigare: int
    #: the definition of the counts above, in Swedish (compute.coverage.RAKNING_DEFINITION)
    rakning_definition: str
    #: the method texts, stated once: (heading, text)
    metod: tuple[tuple[str, str], ...]
    organisationer_forvantade: int
    organisationer_inkomna: int
    rapporter_text: str
    #: the indicators linked in the data to the plan's goal or a delmål (mal, underlag_for)
    mal_indikatorer: tuple[IndikatorVy, ...]
    #: the indicators linked to no goal and no fokusområde (IndikatorFil.ovrig)
    ovriga_indikatorer: tuple[IndikatorVy, ...] = ()


@dataclass(frozen=True)
class NivaCell:
    text: str
    nyckel: str
    #: "*" (slutledd), "†" (sekundär källa) or "": see labels.SAKERHET_MARKERING
    markering: str = ""
    #: what the marker means, for a tooltip ("" without marker)
    sakerhet: str = ""
    #: the source's own word for the level ("extra utsatt"), which ``text`` gives after the
    #: level as (”extra utsatt”); "" where the source uses none
    benamning: str = ""

    @property
    def delar(self) -> tuple[str, ...]:
        """``text`` in the parts that each keep to one line in the HTML table on a phone: the
        level, then the source's word (docs/decisions/0533)."""
        word = f"(”{self.benamning}”)"
        if self.benamning and self.text.endswith(f" {word}"):
            return (self.text[: -len(word) - 1], word)
        return (self.text,)


@dataclass(frozen=True)
class OmradeRad:
    namn: str
    celler: tuple[NivaCell, ...]
    #: the change from the last list before the plan to the latest ("lägre nivå"), "" where
    #: the area was on neither (the same as in ``OmradenVy.forandringar``)
    forandring: str = ""
    #: the change's marker ("†"): the weakest of the two levels it rests on, also for "–" (an
    #: empty ``forandring``: on neither list); "" when both are the police's own or the change
    #: is unknown (docs/decisions/0500, 0555, 0572)
    forandring_markering: str = ""


@dataclass(frozen=True)
class ForandringRad:
    namn: str
    fore: NivaCell
    efter: NivaCell
    forandring: str
    #: the change's marker: the weaker of its two levels', slutledd where it is drawn from what
    #: a level the sources do not give cannot be (sections.areas, docs/decisions/0676)
    markering: str = ""


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
    #: for an insats meant for every area, due in the year, with a list: which areas on it no
    #: report reached ("saknas" in ``celler``), or that all were, short and as a sentence
    #: (:func:`~utsatta.render.report.sections.areas.nadda_text`); "" otherwise
    nadda: str = ""
    nadda_text: str = ""


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
    #: the key's sentence on how a change is marked, "" where no change is
    forandring_markering_text: str = ""


@dataclass(frozen=True)
class SaknadVy:
    organisation: str
    hela_rapporten: bool
    insatser: tuple[str, ...]
    text: str
    #: the insatser owed only through a group with ``urval`` (marked "*" in ``text``)
    via_urval: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpphordRad:
    """One ceased organisation of the plan and the successors that took over the same
    insatser with the same certainty (the same data as Bilaga C's rows)."""

    organisation: str
    #: its last day (ÅÅÅÅ-MM-DD)
    sista_dag: str
    #: the successors, "och"-joined; "ingen angiven" without one; "ingen" for the insatser
    #: that no successor took over
    eftertradare: str
    #: the day the successors took over (the day after ``sista_dag``, or their own first day
    #: when they began later: decision 0654); "–" without one
    fran: str
    #: "slutledd" or "bekräftad"; "–" without a successor
    sakerhet: str
    #: the plan's insatser of the row, "2:1*, 3:1" ("*": through a group with an urval)
    insatser: str
    #: " (datum: slutledd)" when the last day is a choice, not the source's (both days rest
    #: on it), else ""
    datum_markering: str = ""


@dataclass(frozen=True)
class UpphordaVy:
    rader: tuple[UpphordRad, ...]
    #: the note on "*" in ``insatser`` (None when no row has one)
    not_: str | None
    #: some successor began later than the day after its predecessor's last day and took over
    #: on its own first day (decision 0654): the rule sentence says so
    senare_bildad: bool = False


@dataclass(frozen=True)
class ReportView:
    """Everything a report template needs, in the order it is shown."""

    ar: int
    titel: str
    #: the opening sentence: the year, or in the plan's last year the period and the year
    omfattning: str
    plan_namn: str
    diarienummer: str
    beslutad_av: str
    giltighet: str
    dokumentansvarig: str
    illustrativ: bool
    illustrativ_text: str
    illustrativt_innehall: tuple[str, ...]
    #: the same as one enumeration, "A och B" (banner.uppraknat)
    illustrativt_uppraknat: str
    #: the notice on the plan's indicator annex (heading, text), None when there is none
    bilaga1: tuple[str, str] | None
    sammanfattning: Sammanfattning
    fokusomraden: tuple[FokusVy, ...]
    omraden: OmradenVy
    saknade: tuple[SaknadVy, ...]
    #: the note on the "*" in ``saknade``: the group is an inference (None when no "*")
    saknade_not: str | None
    kallor: tuple[KallGrupp, ...]
    # The follow-up sections (issue 14): the analysts' layer, the combined behov, one section per
    # area, the matrix over the years and, in the plan's last year, the slutuppföljning.
    uppfoljning: UppfoljningVy | None = None
    behov: BehovVy | None = None
    omraden_detalj: tuple[OmradeDetalj, ...] = ()
    over_tid: OverTidVy | None = None
    slut: SlutVy | None = None
    #: beside every table, count and section computed from the nämnders' reports
    #: (sections.rapportmarkering): from the year's reports, and from the reports of every year
    #: shown (the period views: the slutuppföljning's outcomes, Bilaga C); "" when none is
    #: illustrative
    rapporter_markering: str = ""
    perioden_markering: str = ""
    #: the organisations of the plan that have ceased, and their successors (section 2)
    upphorda: UpphordaVy | None = None
    #: the plan's own data under the title, labelled as the plan's: "Planen: dnr 1669/20,
    #: beslutad av kommunfullmäktige, giltighet 2022–2025, dokumentansvarig: …"
    planen_text: str = ""
    #: the version of utsatta that wrote the report ("1.0.0"): the HTML's generator, the PDF's
    #: Creator, the JSON's field (decision 0630)
    version: str = ""
    #: the last lines, "Om rapporten": the version and the data it was written from
    om_rapporten: tuple[str, ...] = ()


def ankare_insats(ins_id: str) -> str:
    """The anchor of an insats in the report: "1:3" is "insats-1-3"."""
    return "insats-" + ins_id.replace(":", "-")


def ankare_fokus(fokus_id: str) -> str:
    """The anchor of a fokusområde in the report: "fokus-" and its id in lower case, letters
    and digits only."""
    return "fokus-" + re.sub(r"[^a-z0-9]+", "-", fokus_id.lower()).strip("-")
