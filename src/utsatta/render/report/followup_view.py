"""The view model of the report's follow-up sections: the analysts' layer (data/uppfoljning/<år>),
the combined behov, the detail per area, the matrix over the years and, in the plan's last year,
the slutuppföljning. Plain frozen data like :mod:`utsatta.render.report.view`; every text is
already in Swedish. See docs/decisions/0080-report-follow-up-sections.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BedomningVy:
    """One assessment written by the analysts: of the mål, a delmål, a fokusområde or an area."""

    rubrik: str
    bedomning: str
    nyckel: str
    text: str
    #: "Fastighetsvärlden 2025-12-02; …" or ""
    kallor: str
    #: "bekräftad", "i andra hand (sekundär källa)", "slutledd" or ""
    sakerhet: str
    illustrativ: bool
    #: who wrote it, as a heading: "Bedömning av Stadsledningskontoret" (upprattad_av),
    #: "Illustrativ bedömning" …
    etikett: str = "Bedömning"
    #: the marker shown beside the verdict: "" for a real one, else "illustrativ" or
    #: "illustrativ bedömning, härledd ur källorna nedan"
    markering: str = ""
    #: the fokusområde's id, for a verdict on one ("" otherwise)
    fokus: str = ""
    #: in the slutuppföljning, under a fokusområde's verdict: its insatser counted from the
    #: reports (render.report.sections.slutuppfoljning.fokus_berakning), so a written text never
    #: stands alone against the numbers; "" otherwise
    berakning: str = ""


@dataclass(frozen=True)
class UppdragVy:
    diarienummer: str
    text: str
    tidsplan: str
    status: str
    status_nyckel: str
    redovisning: str
    #: beside the status of an unfinished uppdrag past its tidsplan at the end of the year:
    #: "tidsplanen har passerats" (compute.tidsplan, decision 0668); "" otherwise
    passerad: str = ""


@dataclass(frozen=True)
class BeslutVy:
    organ: str
    datum: str
    paragraf: str
    diarienummer: str
    text: str
    #: the date is made up (the uppföljning file is illustrative: compute.report_date)
    pahittat: bool
    #: the date as shown: "2024-06-01 (påhittat datum)" when made up (labels.datum_text)
    datum_text: str


@dataclass(frozen=True)
class UppfoljningVy:
    """The follow-up's own layer for the year (uppfoljning/ÅR.yaml, by its upprattad_av), or a
    note that it is missing."""

    finns: bool
    #: "Den samlade bedömningen för 2023 saknas …" when the file is absent
    saknas_text: str | None
    illustrativ: bool
    upprattad_av: str
    nulage: str
    mal: BedomningVy | None
    delmal: tuple[BedomningVy, ...]
    fokusomraden: tuple[BedomningVy, ...]
    fortsatt_arbete: str
    beslut: tuple[BeslutVy, ...]
    #: "Uppföljningen är inte beslutad." when no decision is recorded, else ""
    beslut_text: str
    uppdrag_ansvarig: str
    uppdrag: tuple[UppdragVy, ...]
    uppdrag_text: str
    #: in an illustrative file, some assessments are real (marked illustrativ: false)
    har_verkliga: bool = False
    #: the note on what in the section is illustrative and who wrote it, or ""
    not_text: str = ""
    #: the marker beside the headings of the file's own texts ("illustrativ text"), or ""
    markering: str = ""
    #: the plan's own sentence on whom the follow-up is reported to, quoted beside the
    #: decisions ("Enligt planen: ”… rapporteras till kommunfullmäktige.”"), or ""
    rapportering_text: str = ""
    #: one sentence per mål, delmål or fokusområde without a written verdict
    saknade: tuple[str, ...] = ()


@dataclass(frozen=True)
class BehovPost:
    organisation: str
    text: str


@dataclass(frozen=True)
class BehovInsats:
    insats: str
    ankare: str
    titel: str
    poster: tuple[BehovPost, ...]


@dataclass(frozen=True)
class BehovFokus:
    id: str
    namn: str
    insatser: tuple[BehovInsats, ...]


@dataclass(frozen=True)
class TidigareBehovVy:
    ar: int
    organisation: str
    insats: str
    behov: str
    utfall: str
    utfall_nyckel: str
    text: str
    #: in the slutuppföljning: the year of the uppföljning that gives the outcome (else None)
    redovisat: int | None = None


@dataclass(frozen=True)
class BehovUtanUtfall:
    """A behov raised in an earlier plan year that no uppföljning gives the outcome of (the
    slutuppföljning lists them: no later report will)."""

    ar: int
    insats: str
    ankare: str
    titel: str
    organisation: str
    #: the behov as the report wrote it (the nämnd's Markdown)
    behov: str


@dataclass(frozen=True)
class BehovAr:
    """One plan year's behov in the slutuppföljning: how many the reports raised and what the
    uppföljningar say became of them."""

    ar: int
    lyfta: int
    redovisade: int
    #: the outcomes counted: "Tillgodosett 1, Förs vidare 1", or "–"
    utfall: str
    utan: int


@dataclass(frozen=True)
class BehovVy:
    antal: int
    #: one sentence: how many behov, from how many organisations, or that none were raised
    text: str
    fokus: tuple[BehovFokus, ...]
    tidigare: tuple[TidigareBehovVy, ...]
    tidigare_text: str
    #: in the slutuppföljning: every plan year's behov and what became of them (else empty)
    period: tuple[BehovAr, ...] = ()
    period_text: str = ""
    #: in the slutuppföljning: the behov of the earlier plan years without an outcome, by year,
    #: then insats in plan order, then organisation, and the sentence above them
    utan_utfall: tuple[BehovUtanUtfall, ...] = ()
    utan_utfall_text: str = ""


@dataclass(frozen=True)
class NivaHistorik:
    upplaga: int
    niva: str
    nyckel: str
    sakerhet: str


@dataclass(frozen=True)
class NaddVy:
    insats: str
    ankare: str
    titel: str
    #: the names when few (up to NAMN_GRANS), else "18 organisationer"
    organisationer: str
    #: every name, for a tooltip in HTML
    alla: str


@dataclass(frozen=True)
class OmradesVarde:
    indikator: str
    ankare: str
    #: one line per value: year, value, what it measures (its kommentar), source, and whether it
    #: is from before the plan period
    varden: tuple[str, ...]


@dataclass(frozen=True)
class OmradeDetalj:
    id: str
    ankare: str
    namn: str
    nivaer: tuple[NivaHistorik, ...]
    nadd: tuple[NaddVy, ...]
    nadd_text: str
    varden: tuple[OmradesVarde, ...]
    varden_text: str
    bedomning: BedomningVy | None
    bedomning_saknas: str | None


@dataclass(frozen=True)
class TidCell:
    text: str
    nyckel: str


@dataclass(frozen=True)
class TidRad:
    organisation: str
    celler: tuple[TidCell, ...]


@dataclass(frozen=True)
class InsatsOverTid:
    insats: str
    ankare: str
    titel: str
    rader: tuple[TidRad, ...]


@dataclass(frozen=True)
class SerieRad:
    indikator: str
    ankare: str
    #: "2019: 45 %; 2022: 50 %" or "inga värden"
    serie: str


@dataclass(frozen=True)
class OverTidVy:
    ar: tuple[int, ...]
    insatser: tuple[InsatsOverTid, ...]
    serier: tuple[SerieRad, ...]
    #: some cell says "upphörd" or "ej bildad" (the legend then explains them)
    fanns_inte: bool = False
    #: some cell says "rapport saknas": an owed report that never came in (explained then)
    saknas: bool = False
    #: some missing report was owed only through a group the plan does not list
    slutledd: bool = False
    #: the legend above the tables: the marks that occur, each explained
    forklaring: str = ""


@dataclass(frozen=True)
class MalDom:
    """One goal of the plan judged at its end: what the data computes and what the analysts say."""

    #: "Målet", "Delmål 1" …
    rubrik: str
    mal: str
    #: the computed evidence, e.g. "8 områden på listan 2025 (sekundär källa)"
    underlag: str
    #: "Nått", "Inte nått", "Kan inte bedömas" or, for a delmål judged per area, "Beräknas inte"
    utfall: str
    utfall_nyckel: str
    bedomning: BedomningVy | None
    #: the computed verdict is as sure as the value it rests on: its marker
    #: (compute.indicators.markering, e.g. "slutledd"), "" for a confirmed value or no verdict
    utfall_markering: str = ""


@dataclass(frozen=True)
class InsatsUtfall:
    insats: str
    ankare: str
    titel: str
    #: how the plan asks for reports: "Årlig", "En gång, 2023", "Återrapportering …"
    uppfoljning: str
    #: each organisation's latest report in the period, counted by status with the years:
    #: "Genomförd 3 (2023), Pågående 1 (2023)", or "ingen rapport"
    status: str
    bedomning: str
    #: the organisations whose latest report is not genomförd (pågående, avbruten …) and every
    #: owed report that is missing, with the years: "Pågående: Socialnämnden Sydväst (2023)", or "–"
    oppet: str
    #: the fokusområde it belongs to (section 3 groups the outcomes by it)
    fokusomrade: str = ""
    #: the organisations holding it in the last year, by their latest report in the period:
    #: genomförd, avbruten, another status (no closing report), and no report at all
    genomforda: int = 0
    avbrutna: int = 0
    utan_slutrapport: int = 0
    utan_rapport: int = 0
    #: the organisations (names) counted above that hold only its samordningsansvar, not ansvar
    bara_samordning: tuple[str, ...] = ()
    #: for an insats meant for every area: which areas the last year's reports did not reach
    #: (InsatsVy.omraden_nadda), beside the assessments; "" otherwise
    nadda: str = ""


@dataclass(frozen=True)
class SlutVy:
    ar: int
    period: str
    domar: tuple[MalDom, ...]
    #: one plain sentence: how many of the goals were reached, not reached or cannot be told
    slutsats: str
    insatser: tuple[InsatsUtfall, ...]
    #: the heading of the verdict column: "Bedömning av <upprattad_av>" only for a real file
    bedomning_rubrik: str
    #: the sentence above the table: what is computed and whose the verdicts are
    intro: str
    uppdrag_text: str
    lardomar: str | None
    forslag: str | None
    saknas_text: str | None
    #: the marker beside the headings of the lessons and proposals ("illustrativ text"), or ""
    markering: str = ""
    #: per insats, who holds it in the last year without a closing report in the period:
    #: "3:3: Kulturnämnden (pågående, 2023)" (section 6)
    utan_slutrapport: tuple[str, ...] = ()
    #: the outcome over the period counted (section 1)
    insatser_text: str = ""
    #: every report owed in an earlier plan year that never came in (section 6)
    saknade_perioden: tuple[str, ...] = ()
    #: the same, who and which year: "Business Region Göteborg 2023" (the note on stderr)
    saknade_tidigare: tuple[str, ...] = ()
    #: the reports owed and received over the whole period, in one sentence (section 2)
    rapporter_text: str = ""
    #: Bilaga E's paragraph on how the outcome over the period is counted
    metod: str = ""
    #: Bilaga E: why "nått", "uppnått" and "målet uppnått" all stand in the report
    ordval: str = ""
    #: the one-line key under the goal table: what its words and markers mean
    nyckel: str = ""
