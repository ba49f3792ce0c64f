"""data/indikatorer/<id>.yaml: one indicator with baseline, målvärden and utfall."""

from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from utsatta.model.common import (
    Ar,
    Datum,
    FokusId,
    Id,
    InsatsId,
    Kalla,
    SchemaVersion,
    Strict,
    Tal,
    Text,
)
from utsatta.model.omraden import Niva

Riktning = Literal["hogre-ar-battre", "lagre-ar-battre"]
Metod = Literal["forvantad-bana", "cagr", "cagr-mal", "trend"]
#: Units with their own formatting; any other unit is written out after the value (Bilaga 1's
#: indicators must fit without a code change, e.g. "kronor" or "år").
KANDA_ENHETER = ("procent", "antal", "index", "per-100000-invanare", "meritvarde")
Kon = Literal["T", "K", "M"]

_KALLA_ID = "Id för en källa under 'kallor' i filen."
#: How an indicator's 'mal' names the plan's mål itself (a delmål is named by its id).
PLANENS_MAL = "mal"


class Varde(Strict):
    """One measured value (utfall)."""

    model_config = ConfigDict(
        json_schema_extra={"title": "Utfall", "description": "Ett uppmätt värde för ett år."}
    )

    ar: Ar = Field(title="År", description="Året som värdet gäller.", examples=[2023])
    varde: Tal = Field(
        title="Värde",
        description="Det uppmätta värdet, med punkt som decimaltecken.",
        examples=[15.7],
    )
    kalla: Id = Field(title="Källa", description=_KALLA_ID)
    hamtad: Datum | None = Field(
        default=None,
        title="Hämtad",
        description="Dagen då värdet hämtades: ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ).",
    )
    omrade: Id | None = Field(
        default=None,
        title="Område",
        description="Området som värdet gäller (id från omraden.yaml). Utelämnas för hela "
        "Göteborg.",
    )
    kon: Kon | None = Field(
        default=None,
        title="Kön",
        description="T (totalt), K (kvinnor) eller M (män). Utelämnat betyder totalt.",
    )
    #: true when the way of measuring changed from this value on (breaks the series)
    metodbyte: bool = Field(
        default=False,
        title="Metodbyte",
        description="true om mätmetoden ändrades från och med detta värde (serien bryts).",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class Baslinje(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Baslinje",
            "description": "Värdet som uppföljningen utgår från.",
        }
    )

    ar: Ar = Field(title="År", description="Baslinjens år.", examples=[2022])
    varde: Tal = Field(
        title="Värde",
        description="Baslinjens värde, med punkt som decimaltecken.",
        examples=[15.7],
    )
    kalla: Id | None = Field(default=None, title="Källa", description=_KALLA_ID)
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class Relativt(Strict):
    """A målvärde relative to the baseline: ``faktor: 0.5`` is "halvera"."""

    model_config = ConfigDict(
        json_schema_extra={
            "title": "Relativt målvärde",
            "description": "Ett målvärde i förhållande till baslinjen: 'faktor: 0.5' är att "
            "halvera.",
        }
    )

    faktor: Annotated[Tal, Field(gt=0)] = Field(
        title="Faktor",
        description="Målvärdet är baslinjen gånger faktorn (större än 0; 0.5 halverar).",
        examples=[0.5],
    )


class Malvarde(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Målvärde",
            "description": "Ett målvärde för ett år: antingen 'varde' eller 'relativt'.",
            # The schema form of _one_kind: exactly one of varde and relativt has a value.
            "oneOf": [
                {"required": ["varde"], "properties": {"varde": {"type": "number"}}},
                {"required": ["relativt"], "properties": {"relativt": {"type": "object"}}},
            ],
        }
    )

    ar: Ar = Field(title="År", description="Året då målvärdet ska vara nått.", examples=[2025])
    varde: Tal | None = Field(
        default=None,
        title="Värde",
        description="Målvärdet som tal. Anges i stället för 'relativt'.",
        examples=[12.5],
    )
    relativt: Relativt | None = Field(
        default=None,
        title="Relativt",
        description="Målvärdet i förhållande till baslinjen (t.ex. {faktor: 0.5}). Anges i "
        "stället för 'varde'.",
    )
    #: required as on an utfall: a målvärde without a source would reach the report looking like
    #: one from the plan (docs/decisions/0400-malvarde-kraver-kalla.md)
    kalla: Id = Field(title="Källa", description=_KALLA_ID)
    sakerhet: Literal["bekraftad", "sekundar", "slutledd"] | None = Field(
        default=None,
        title="Säkerhet",
        description="Hur säkert målvärdet är, om det skiljer sig från källans: slutledd när "
        "värdet eller året är en slutsats av källans text och inte står i den (t.ex. när "
        "planen inte anger något år). Utan: källans säkerhet.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        if (self.varde is None) == (self.relativt is None):
            raise PydanticCustomError(
                "malvarde-varde-eller-relativt",
                "Ett målvärde ska ha antingen 'varde' (ett tal) eller 'relativt' (t.ex. "
                "'relativt: {faktor: 0.5}' för att halvera), inte båda och inte inget.",
            )
        return self


class Matintervall(Strict):
    """How often the indicator is measured, when its source or a law says so: a chart joins two
    values with a line only when they are one interval apart (docs/decisions/0395)."""

    model_config = ConfigDict(
        json_schema_extra={
            "title": "Mätintervall",
            "description": "Hur ofta indikatorn mäts, när källan eller en lag anger det. "
            "Diagrammet drar en linje bara mellan två värden som ligger ett intervall isär.",
        }
    )

    antal_ar: Annotated[int, Field(ge=1, le=10)] = Field(
        title="Antal år",
        description="Antal år mellan två mätningar: 1 för varje år, 4 för vart fjärde år.",
        examples=[1, 4],
    )
    grund: Text = Field(
        title="Grund",
        description="Hur intervallet är känt: vad källan visar eller vilken lag som anger det, "
        "med hänvisning (t.ex. kapitel och paragraf).",
    )


class Berakning(Strict):
    """An indicator computed from the police lists in omraden.yaml instead of typed in."""

    model_config = ConfigDict(
        json_schema_extra={
            "title": "Beräkning",
            "description": "Indikatorn räknas fram ur polisens listor i omraden.yaml i stället "
            "för att värdena skrivs in.",
            # The schema form of _reference_edition: jamfor_med exactly for typ nya-omraden.
            "if": {"required": ["typ"], "properties": {"typ": {"const": "nya-omraden"}}},
            "then": {"required": ["jamfor_med"], "properties": {"jamfor_med": {"type": "integer"}}},
            "else": {"properties": {"jamfor_med": {"type": "null"}}},
        }
    )

    typ: Literal["antal-omraden", "nya-omraden"] = Field(
        title="Typ",
        description="antal-omraden (antalet områden på nivåerna i varje upplaga) eller "
        "nya-omraden (områden på nivåerna som inte fanns där i upplagan 'jamfor_med').",
    )
    nivaer: Annotated[list[Niva], Field(min_length=1)] = Field(
        title="Nivåer",
        description="Nivåerna som räknas (minst en): utsatt, riskomrade, sarskilt-utsatt, "
        "ej-pa-listan, okand.",
    )
    #: for nya-omraden: the edition to compare with
    jamfor_med: Ar | None = Field(
        default=None,
        title="Jämför med",
        description="Upplagan (året) att jämföra med. Anges för typ nya-omraden och bara för den.",
        examples=[2023],
    )

    @model_validator(mode="after")
    def _reference_edition(self) -> Self:
        if (self.typ == "nya-omraden") != (self.jamfor_med is not None):
            raise PydanticCustomError(
                "berakning-jamfor-med",
                "'jamfor_med' (upplagan att jämföra med) anges för typ nya-omraden och bara "
                "för den.",
            )
        return self


class Saknas(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Saknas",
            "description": "Varför indikatorn saknar värden.",
        }
    )

    orsak: Text = Field(title="Orsak", description="Varför värdena saknas.")


class IndikatorFil(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Indikator (indikatorer/ID.yaml)",
            "description": "En indikator: definition, källor, baslinje, målvärden och utfall.",
        }
    )

    schemaversion: SchemaVersion = Field(
        title="Schemaversion", description="Filformatets version. Skriv 1."
    )
    id: Id = Field(
        title="Id",
        description="Indikatorns id, samma som filnamnet. Små bokstäver a–z, siffror och "
        "bindestreck.",
    )
    namn: Text = Field(title="Namn", description="Indikatorns namn.")
    #: None for the plan's goal itself
    fokusomrade: FokusId | None = Field(
        default=None,
        title="Fokusområde",
        description='Fokusområdet som indikatorn följer upp, inom citattecken (t.ex. "2"). '
        "Utelämnas för en indikator för planens mål eller ett delmål (som anges med 'mal' "
        "eller 'underlag_for'); utan någon av de tre visas indikatorn under Övriga indikatorer.",
    )
    insatser: list[InsatsId] = Field(
        default=[],
        title="Insatser",
        description='Insatserna som indikatorn följer upp, som id inom citattecken (["1:1"]).',
    )
    #: the goal this indicator decides in the slutuppföljning: "mal" or a delmål's id
    mal: Id | None = Field(
        default=None,
        title="Mål",
        description="Målet eller delmålet som indikatorn avgör i slutuppföljningen: 'mal' för "
        "planens mål, annars delmålets id i plan.yaml (t.ex. 'inga-sarskilt-utsatta'). Högst en "
        "indikator per mål eller delmål. Utelämnas för alla andra indikatorer.",
    )
    underlag_for: list[Id] = Field(
        default=[],
        title="Underlag för",
        description="Mål eller delmål (id i plan.yaml) som indikatorn är underlag för utan att "
        "avgöra det, t.ex. antalet per nivå för ett delmål som bedöms område för område "
        "(per_omrade). Utelämnas annars.",
    )
    #: where the values are from when not from the areas, in words ("hela Göteborg"): said
    #: wherever the indicator is named for an insats (sann25 item 6)
    omfattning: Text | None = Field(
        default=None,
        title="Omfattning",
        description="Vad värdena gäller när de inte gäller de utsatta områdena, med ord, t.ex. "
        "'hela Göteborg'. Rapporten skriver det inom parentes där indikatorn nämns vid en insats, "
        "så att ett mått för hela kommunen inte läses som ett mått för områdena. Utelämnas när "
        "värdena gäller områdena.",
    )
    ur_planen: bool = Field(
        default=False,
        title="Ur planen",
        description="true om indikatorn står i planens indikatorbilaga (plan.yaml: "
        "plan.indikatorbilaga); annars är den vald för uppföljningen.",
    )
    enhet: Text = Field(
        title="Enhet",
        description=(
            "Värdenas enhet: procent, antal, index, per-100000-invanare eller meritvarde, eller "
            "en annan enhet i klartext (t.ex. kronor), som då skrivs efter värdet."
        ),
    )
    riktning: Riktning = Field(
        title="Riktning",
        description="Vilket håll som är bättre: hogre-ar-battre eller lagre-ar-battre.",
    )
    metod: Metod | None = Field(
        default=None,
        title="Metod",
        description="Hur framsteg bedöms: forvantad-bana, cagr, cagr-mal eller trend. "
        "Utelämnad: forvantad-bana om ett målvärde finns, annars trend.",
    )
    definition: Text = Field(title="Definition", description="Vad indikatorn mäter och hur.")
    kallor: list[Kalla] = Field(
        default=[], title="Källor", description="Källorna som värdena hänvisar till."
    )
    baslinje: Baslinje | None = Field(
        default=None, title="Baslinje", description="Värdet som uppföljningen utgår från."
    )
    malvarden: list[Malvarde] = Field(
        default=[], title="Målvärden", description="Målvärdena, ett per år."
    )
    utfall: list[Varde] = Field(default=[], title="Utfall", description="De uppmätta värdena.")
    matintervall: Matintervall | None = Field(
        default=None,
        title="Mätintervall",
        description="Hur ofta värdena mäts (antal_ar och grund), när källan eller en lag anger "
        "det. Utelämnas annars: då förbinds bara värden från två år i följd. Gäller inte en "
        "indikator med berakning, där polisens upplagor är mätningarna.",
    )
    berakning: Berakning | None = Field(
        default=None,
        title="Beräkning",
        description="Räkna fram värdena ur polisens listor i omraden.yaml i stället för utfall.",
    )
    saknas: Saknas | None = Field(
        default=None,
        title="Saknas",
        description="Anges när värden saknas, med orsaken.",
    )
    illustrativ: bool = Field(
        default=False,
        title="Illustrativ",
        description="true om värdena är påhittade för att visa formatet.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")

    @property
    def ovrig(self) -> bool:
        """Whether the indicator has no link in the data to a fokusområde or to the plan's goal
        (no ``mal``, no ``underlag_for``): the report shows it under "Övriga indikatorer", never
        as following up the goal (docs/decisions/0556-ovriga-indikatorer.md)."""
        return self.fokusomrade is None and self.mal is None and not self.underlag_for
