"""data/uppfoljning/<år>.yaml: stadsledningskontoret's own yearly follow-up of the whole plan.

The plan asks kommunstyrelsen for "en samlad uppföljning av handlingsplanen och de uppdrag och
åtgärder som tillsammans med handlingsplanen har en påverkan på målet", with "en plan för det
fortsatta arbetet". The nämnder write their reports; this file holds what only the analysts
write: the assessment per mål, delmål and fokusområde, the övriga uppdrag's status, what became
of earlier behov, the plan ahead, the decisions and, in the plan's last year, the lessons.
See docs/decisions/0031-uppfoljningsfilen.md.
"""

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field
from pydantic.json_schema import WithJsonSchema
from pydantic_core import PydanticCustomError

from utsatta.escape import shorten
from utsatta.model.common import (
    Ar,
    Check,
    FokusId,
    Id,
    InsatsId,
    Kalla,
    SchemaVersion,
    Strict,
    Text,
    corrected_error,
)
from utsatta.model.date_forms import corrected_date, why_no_day, why_other_form

#: How far a goal is reached. The first three are verdicts on the plan's goal year and may only
#: be given in the plan's last year (the check says so); the next three look ahead.
Maluppfyllelse = Literal[
    "uppnatt",
    "delvis-uppnatt",
    "inte-uppnatt",
    "bedoms-uppnas",
    "osakert",
    "bedoms-inte-uppnas",
    "kan-inte-bedomas",
]
#: Verdicts only the plan's last year may give: before it, the goal year has not come.
SLUTLIGA: tuple[str, ...] = ("uppnatt", "delvis-uppnatt", "inte-uppnatt")
#: Where an övrigt uppdrag stands at the end of the year.
UppdragsStatus = Literal["ej-paborjad", "pagaende", "genomford", "avslutad"]
#: What became of a behov a nämnd raised in an earlier year.
BehovUtfall = Literal["tillgodosett", "delvis-tillgodosett", "inte-tillgodosett", "fors-vidare"]
#: How sure a sourced statement is (fakta.md's [C], [S], [I]).
Underlagssakerhet = Literal["bekraftad", "sekundar", "slutledd"]

# The same dates as _dag accepts, for the editor schema: DATUM_PATTERN's full-date part (a real
# calendar date, leap years included; year 0000 has no dates), without ÅÅÅÅ and ÅÅÅÅ-MM.
_AR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_SKOTTAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_MANAD_DAG = "((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)"
DAG_PATTERN = f"^({_AR}-{_MANAD_DAG}|{_SKOTTAR}-02-29)$"


def _dag(value: str) -> str:
    why = why_no_day(value)
    if why != "" and (corrected := corrected_date(value, whole=True)) is not None:
        # '2026-4-1', '1 april 2026', '01-04-2026', '2026-04-01T10:00': the date to write
        # (granska17 L2, decisions 0658 and 0662)
        raise corrected_error("ogiltigt-datum", value, corrected, " beslutsdagen som")
    if why != "":
        # A date of the right form that the calendar lacks: say so, not "no day".
        why = why or why_other_form(value)
        raise PydanticCustomError(
            "ogiltigt-datum",
            "'{value}' är inte ett datum.{why} Skriv beslutsdagen som ÅÅÅÅ-MM-DD (t.ex. "
            "2024-04-17)."
            if why
            else "'{value}' är inte ett datum med dag. Skriv beslutsdagen som ÅÅÅÅ-MM-DD (t.ex. "
            "2024-04-17).",
            {"value": shorten(value), "why": why or ""},
        )
    return value


#: A calendar date with its day: a decision has one, and the report's footer shows it.
Dag = Annotated[
    str,
    Check(_dag),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DAG_PATTERN,
        }
    ),
]

_BEDOMNING = (
    "uppnatt, delvis-uppnatt eller inte-uppnatt (bara planens sista år), bedoms-uppnas, "
    "osakert, bedoms-inte-uppnas eller kan-inte-bedomas."
)


def _bedomning() -> Any:
    return Field(
        title="Bedömning",
        description="Upprättarens (upprattad_av) bedömning: " + _BEDOMNING,
    )


def _text() -> Any:
    return Field(
        title="Text", description="Bedömningen i ord: vad den bygger på och vad den betyder."
    )


def _kallor() -> Any:
    return Field(
        default=[],
        title="Källor",
        description="Id för källorna i filens 'kallor' som bedömningen bygger på, om den bygger "
        "på källor och inte bara på analytikernas eget omdöme.",
    )


def _sakerhet() -> Any:
    return Field(
        default=None,
        title="Säkerhet",
        description="Hur säker den källbelagda uppgiften är: bekraftad, sekundar (i andra hand) "
        "eller slutledd (dragen ur källorna, inte utsagd i dem). Anges när 'kallor' anges.",
    )


def _illustrativ() -> Any:
    return Field(
        default=None,
        title="Illustrativ",
        description="Utelämnas normalt (då gäller filens 'illustrativ'). false i en illustrativ "
        "fil betyder att just denna bedömning är verklig och källbelagd; true i en riktig fil "
        "att just denna del är påhittad.",
    )


class MalBedomning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Bedömning av målet",
            "description": "Den samlade bedömningen av planens mål (krävs planens sista år).",
        }
    )

    bedomning: Maluppfyllelse = _bedomning()
    text: Text = _text()
    kallor: list[Id] = _kallor()
    sakerhet: Underlagssakerhet | None = _sakerhet()
    illustrativ: bool | None = _illustrativ()


class OmradesBedomning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Bedömning för ett område",
            "description": "Bedömningen av ett delmål i ett av områdena på polisens lista.",
        }
    )

    omrade: Id = Field(
        title="Område", description="Områdets id från omraden.yaml (t.ex. 'bergsjon')."
    )
    bedomning: Maluppfyllelse = _bedomning()
    text: Text = _text()
    kallor: list[Id] = _kallor()
    sakerhet: Underlagssakerhet | None = _sakerhet()
    illustrativ: bool | None = _illustrativ()


class DelmalBedomning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Bedömning av ett delmål",
            "description": "Den samlade bedömningen av ett av planens delmål, och för delmål "
            "som gäller varje område (utvecklingen ska ha vänt) gärna en bedömning per område.",
        }
    )

    delmal: Id = Field(
        title="Delmål",
        description="Delmålets id från plan.yaml (t.ex. 'inga-sarskilt-utsatta').",
    )
    bedomning: Maluppfyllelse = _bedomning()
    text: Text = _text()
    kallor: list[Id] = _kallor()
    sakerhet: Underlagssakerhet | None = _sakerhet()
    illustrativ: bool | None = _illustrativ()
    omraden: list[OmradesBedomning] = Field(
        default=[],
        title="Områden",
        description="Bedömningen område för område (id från omraden.yaml), frivillig. Rapporten "
        "visar underlaget per område bredvid och säger var ingen bedömning är skriven.",
    )


class FokusBedomning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Bedömning av ett fokusområde",
            "description": "Den samlade bedömningen av arbetet inom ett av planens fokusområden.",
        }
    )

    fokusomrade: FokusId = Field(
        title="Fokusområde",
        description='Fokusområdets nummer från plan.yaml, inom citattecken (t.ex. "2").',
    )
    bedomning: Maluppfyllelse = _bedomning()
    text: Text = _text()
    kallor: list[Id] = _kallor()
    sakerhet: Underlagssakerhet | None = _sakerhet()
    illustrativ: bool | None = _illustrativ()


class UppdragsUppfoljning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Uppföljning av ett övrigt uppdrag",
            "description": "Årets status och en kort redovisning för ett av planens övriga "
            "uppdrag.",
        }
    )

    uppdrag: Id = Field(
        title="Uppdrag",
        description="Uppdragets id från plan.yaml under 'ovriga_uppdrag' (t.ex. 'sluta-skjut').",
    )
    status: UppdragsStatus = Field(
        title="Status",
        description="Läget i slutet av året: ej-paborjad, pagaende, genomford (uppdraget är "
        "utfört och redovisat) eller avslutad (avslutat utan att genomföras som det var "
        "formulerat, t.ex. upphävt eller uppgått i ett annat uppdrag; skälet skrivs i "
        "redovisningen).",
    )
    redovisning: Text = Field(
        title="Redovisning",
        description="Kort redovisning: vad som gjorts under året, och beslut med datum om "
        "sådana finns.",
    )


class TidigareBehov(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Ett tidigare behov",
            "description": "Vad som blev av ett behov som en organisation lyfte i en tidigare "
            "rapport. Behovet pekas ut med år, organisation, insats och dess nummer i listan.",
        }
    )

    ar: Ar = Field(
        title="År", description="Året för rapporten där behovet lyftes.", examples=[2023]
    )
    organisation: Id = Field(
        title="Organisation", description="Organisationen som lyfte behovet (id)."
    )
    insats: InsatsId = Field(
        title="Insats", description='Insatsen där behovet står, inom citattecken (t.ex. "1:2").'
    )
    nummer: int = Field(
        ge=1,
        title="Nummer",
        description="Behovets nummer i insatsens lista 'behov' i den rapporten: 1 för det första.",
        examples=[1],
    )
    utfall: BehovUtfall = Field(
        title="Utfall",
        description="Vad som blev av behovet: tillgodosett, delvis-tillgodosett, "
        "inte-tillgodosett eller fors-vidare (förs vidare till det fortsatta arbetet).",
    )
    text: Text = Field(title="Text", description="Vad som har gjorts, eller varför inte.")


class Beslut(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Beslut",
            "description": "Ett beslut om uppföljningen (t.ex. kommunstyrelsens). Rapportens "
            "datum är det senaste beslutets datum, aldrig dagens datum.",
        }
    )

    organ: Text = Field(title="Organ", description="Vem som beslutade (t.ex. 'Kommunstyrelsen').")
    datum: Dag = Field(title="Datum", description="Beslutsdagen: ÅÅÅÅ-MM-DD.")
    paragraf: Text | None = Field(
        default=None, title="Paragraf", description="Paragrafen i protokollet (t.ex. '§ 123')."
    )
    diarienummer: Text | None = Field(
        default=None,
        title="Diarienummer",
        description='Ärendets diarienummer, inom citattecken (t.ex. "1669/20").',
    )
    text: Text | None = Field(default=None, title="Text", description="Vad som beslutades.")


class Slutuppfoljning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Slutuppföljning",
            "description": "Bara planens sista år: lärdomar av hela planperioden och förslag "
            "till hur arbetet ska fortsätta efter planen.",
        }
    )

    lardomar: Text = Field(
        title="Lärdomar", description="Lärdomarna av planperioden, med analytikernas ord."
    )
    forslag: Text = Field(
        title="Förslag",
        description="Förslag till det fortsatta arbetet efter planperioden: ram, ansvar och "
        "uppföljning.",
    )
    kallor: list[Id] = _kallor()
    illustrativ: bool | None = _illustrativ()


class UppfoljningFil(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Samlad uppföljning (uppfoljning/ÅR.yaml)",
            "description": "Den samlade uppföljningen av planen för ett år, av den som står i "
            "upprattad_av: "
            "bedömningen av mål, delmål och fokusområden, de övriga uppdragen, tidigare behov, "
            "planen för det fortsatta arbetet och besluten.",
        }
    )

    schemaversion: SchemaVersion = Field(
        title="Schemaversion", description="Filformatets version. Skriv 1."
    )
    ar: Ar = Field(
        title="År",
        description="Året som uppföljningen gäller. Samma år som filnamnet.",
        examples=[2023],
    )
    illustrativ: bool = Field(
        default=False,
        title="Illustrativ",
        description="true om innehållet är påhittat för att visa formatet (inte en riktig "
        "uppföljning).",
    )
    upprattad_av: Text = Field(
        title="Upprättad av",
        description="Vem som skrivit uppföljningen (t.ex. förvaltningens namn).",
    )
    nulage: Text = Field(
        title="Nuläge",
        description="Den samlade bilden av läget i slutet av året, kort.",
    )
    mal: MalBedomning | None = Field(
        default=None,
        title="Mål",
        description="Bedömningen av planens mål. Krävs planens sista år, frivillig före.",
    )
    delmal: list[DelmalBedomning] = Field(
        title="Delmål", description="En bedömning per delmål i plan.yaml."
    )
    fokusomraden: list[FokusBedomning] = Field(
        title="Fokusområden", description="En bedömning per fokusområde i plan.yaml."
    )
    ovriga_uppdrag: list[UppdragsUppfoljning] = Field(
        title="Övriga uppdrag",
        description="En post per övrigt uppdrag i plan.yaml: status och redovisning.",
    )
    tidigare_behov: list[TidigareBehov] = Field(
        default=[],
        title="Tidigare behov",
        description="Vad som blev av behov som organisationerna lyfte tidigare år, där det är "
        "känt.",
    )
    fortsatt_arbete: Text = Field(
        title="Fortsatt arbete",
        description="Planen för det fortsatta arbetet för att målet ska nås.",
    )
    slutuppfoljning: Slutuppfoljning | None = Field(
        default=None,
        title="Slutuppföljning",
        description="Lärdomar och förslag. Krävs planens sista år och skrivs bara då.",
    )
    beslut: list[Beslut] = Field(
        default=[],
        title="Beslut",
        description="Besluten om uppföljningen. Tom lista tills uppföljningen är beslutad.",
    )
    kallor: list[Kalla] = Field(
        default=[],
        title="Källor",
        description="Källorna som bedömningarna hänvisar till med 'kallor'.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")

    @property
    def beslutsdatum(self) -> str | None:
        """The date the report shows: the latest decision's (ISO dates sort as text), or None
        before any decision. Never the clock, so the same data gives the same report."""
        return max((b.datum for b in self.beslut), default=None)
