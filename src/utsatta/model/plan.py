"""data/plan.yaml: the plan's metadata, goal, fokusområden, insatser and övriga uppdrag."""

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
    Text,
)
from utsatta.model.organisationer import Tolkning

#: The three kinds of uppföljning the plan names.
UppfoljningsTyp = Literal["arlig", "en-gang", "under-planperioden"]


class Giltighet(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Giltighet",
            "description": "Åren som planen gäller, från och med och till och med.",
        }
    )

    fran: Ar = Field(
        title="Från", description="Första året planen gäller (t.ex. 2022).", examples=[2022]
    )
    till: Ar = Field(
        title="Till", description="Sista året planen gäller (t.ex. 2025).", examples=[2025]
    )

    def covers(self, ar: int) -> bool:
        """Whether the plan applies to year ``ar``: från and till are both included."""
        return self.fran <= ar <= self.till


class Indikatorbilaga(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Indikatorbilaga",
            "description": "Planens bilaga med indikatorer och målvärden, som planens text "
            "hänvisar till: vad den heter, om den är offentlig och källan som säger det.",
        }
    )

    namn: Text = Field(
        title="Namn",
        description="Bilagans namn som planen skriver det (t.ex. 'bilaga 1 (Indikatorer)').",
    )
    offentlig: bool = Field(
        title="Offentlig",
        description="true om bilagan finns att läsa och indikatorerna kommer ur den; false om "
        "den inte är offentlig. Då säger rapportens första rader det.",
    )
    kalla: Id | None = Field(
        default=None,
        title="Källa",
        description="Id för källan i planens kallor som hänvisar till bilagan.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class PlanMeta(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Planens uppgifter",
            "description": "Uppgifterna från planens försättsblad: namn, beslut och giltighet.",
        }
    )

    namn: Text = Field(title="Namn", description="Planens namn.")
    diarienummer: Text = Field(
        title="Diarienummer", description='Planens diarienummer, inom citattecken ("1669/20").'
    )
    dokumenttyp: Text = Field(title="Dokumenttyp", description="Slag av dokument (t.ex. Plan).")
    beslutad_av: Text = Field(
        title="Beslutad av", description="Vem som beslutade planen (t.ex. Kommunfullmäktige)."
    )
    beslutsdatum: Datum | None = Field(
        default=None,
        title="Beslutsdatum",
        description="Dagen för beslutet: ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ om bara det är känt.",
    )
    galler_for: Text = Field(
        title="Gäller för", description="Vilka planen gäller för, som i planen."
    )
    giltighet: Giltighet = Field(title="Giltighet", description="Åren som planen gäller.")
    dokumentansvarig: Text = Field(
        title="Dokumentansvarig", description="Vem som ansvarar för dokumentet."
    )
    uppfoljning: Text | None = Field(
        default=None,
        title="Uppföljning",
        description="Planens egen mening om hur den samlade uppföljningen görs och vem den "
        "rapporteras till, ordagrant (t.ex. 'Uppföljning ska göras en gång per år och "
        "rapporteras till kommunfullmäktige.'). Rapporten visar den vid beslutet.",
    )
    kallor: list[Kalla] = Field(
        default=[], title="Källor", description="Källorna till planens text."
    )
    indikatorbilaga: Indikatorbilaga | None = Field(
        default=None,
        title="Indikatorbilaga",
        description="Planens bilaga med indikatorer och målvärden, om planen har en.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class Delmal(Strict):
    model_config = ConfigDict(
        json_schema_extra={"title": "Delmål", "description": "Ett av planens delmål."}
    )

    id: Id = Field(
        title="Id",
        description="Delmålets id. Små bokstäver a–z, siffror och bindestreck (t.ex. "
        "'inga-sarskilt-utsatta').",
    )
    text: Text = Field(title="Text", description="Delmålet med planens ord.")
    per_omrade: bool = Field(
        default=False,
        title="Per område",
        description="true om delmålet gäller varje område för sig (t.ex. 'utvecklingen ska ha "
        "vänt i samtliga områden'): då bedöms det område för område, och slutuppföljningen "
        "visar indikatorerna med 'underlag_for' som underlag när ingen indikator avgör det.",
    )


class Mal(Strict):
    model_config = ConfigDict(
        json_schema_extra={"title": "Mål", "description": "Planens mål och delmål."}
    )

    text: Text = Field(title="Text", description="Målet med planens ord.")
    delmal: list[Delmal] = Field(title="Delmål", description="Planens delmål.")


class Fokusomrade(Strict):
    model_config = ConfigDict(
        json_schema_extra={"title": "Fokusområde", "description": "Ett av planens fokusområden."}
    )

    id: FokusId = Field(
        title="Id", description='Fokusområdets nummer, inom citattecken (t.ex. "2").'
    )
    namn: Text = Field(title="Namn", description="Fokusområdets namn.")


class Uppfoljning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Uppföljning",
            "description": "Hur och när insatsen följs upp, enligt planen.",
            # The schema form of _year_only_once: 'ar' has a value exactly for typ en-gang.
            "if": {"required": ["typ"], "properties": {"typ": {"const": "en-gang"}}},
            "then": {"required": ["ar"], "properties": {"ar": {"type": "integer"}}},
            "else": {"properties": {"ar": {"type": "null"}}},
        }
    )

    typ: UppfoljningsTyp = Field(
        title="Typ",
        description="arlig (rapport varje år), en-gang (en gång, året i 'ar') eller "
        "under-planperioden (återrapportering någon gång under planperioden).",
    )
    ar: Ar | None = Field(
        default=None,
        title="År",
        description="Året då uppföljningen görs. Anges för typ en-gang och bara för den.",
        examples=[2023],
    )
    text: Text = Field(title="Text", description="Planens text om uppföljningen.")

    @model_validator(mode="after")
    def _year_only_once(self) -> Self:
        if self.typ == "en-gang" and self.ar is None:
            raise PydanticCustomError(
                "uppfoljning-saknar-ar",
                "Uppföljning av typen 'en-gang' behöver 'ar': året då uppföljningen ska göras.",
            )
        if self.typ != "en-gang" and self.ar is not None:
            raise PydanticCustomError(
                "uppfoljning-ar-ej-tillatet",
                "'ar' anges bara för uppföljning av typen 'en-gang'. Ta bort 'ar' eller ändra "
                "typen.",
            )
        return self


class Insats(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Insats",
            "description": "En av planens insatser, med ansvar och uppföljning.",
        }
    )

    id: InsatsId = Field(
        title="Id",
        description="Insatsens id: fokusområde och nummer med kolon, inom citattecken (t.ex. "
        '"1:3").',
    )
    fokusomrade: FokusId = Field(
        title="Fokusområde",
        description='Numret på fokusområdet som insatsen hör till, inom citattecken (t.ex. "1").',
    )
    titel: Text = Field(title="Titel", description="Insatsens rubrik i planen.")
    forvantat_resultat: Text = Field(
        title="Förväntat resultat", description="Insatsens förväntade resultat enligt planen."
    )
    samordningsansvar: Annotated[list[Id], Field(min_length=1)] = Field(
        title="Samordningsansvar",
        description="Id för organisationerna eller grupperna med samordningsansvar (minst en).",
    )
    samordningsansvar_lydelse: Text | None = Field(
        default=None,
        title="Samordningsansvar, planens lydelse",
        description="Planens text i kolumnen Samordningsansvar, tecken för tecken (t.ex. "
        "'Socialnämnd Centrum'). Bilaga A citerar den; utan den visar bilagan namnen ur "
        "'samordningsansvar' och säger att de inte är planens ord.",
    )
    samordningsansvar_tolkning: Tolkning | None = Field(
        default=None,
        title="Samordningsansvar, tolkning",
        description="slutledd om id:na i 'samordningsansvar' är en tolkning av planens ord, "
        "inte dem planen själv namnger; utelämna det annars.",
    )
    ansvar: Annotated[list[Id], Field(min_length=1)] = Field(
        title="Ansvar",
        description="Id för organisationerna eller grupperna med ansvar (minst en).",
    )
    ansvar_lydelse: Text | None = Field(
        default=None,
        title="Ansvar, planens lydelse",
        description="Planens text i kolumnen Ansvar, tecken för tecken (t.ex. 'Lokalnämnden, "
        "förskolenämnden och grundskolenämnden.'). Bilaga A citerar den; utan den visar bilagan "
        "namnen ur 'ansvar' och säger att de inte är planens ord.",
    )
    ansvar_tolkning: Tolkning | None = Field(
        default=None,
        title="Ansvar, tolkning",
        description="slutledd om id:na i 'ansvar' är en tolkning av planens ord (t.ex. en grupp "
        "som planen beskriver med andra ord), inte dem planen själv namnger; utelämna det annars.",
    )
    uppfoljning: Uppfoljning = Field(
        title="Uppföljning", description="Hur och när insatsen följs upp."
    )
    #: the title asks for every area ("samtliga", "alla utsatta områden"): coverage gaps matter
    omfattar_alla_omraden: bool = Field(
        default=False,
        title="Omfattar alla områden",
        description=(
            "true om insatsen enligt planen ska nå samtliga utsatta områden (t.ex. 'samtliga "
            "kommunala mellan- och högstadieskolor', 'alla utsatta områden'); då visar rapporten "
            "områden som ingen rapport nått."
        ),
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class OvrigtUppdrag(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Övrigt uppdrag",
            "description": "Ett av uppdragen i planens förteckning 'Övriga uppdrag inom det "
            "trygghetsskapande och brottsförebyggande arbetet', med planens ord.",
        }
    )

    id: Id = Field(
        title="Id",
        description="Uppdragets id, som uppföljningsfilerna hänvisar till. Små bokstäver a–z, "
        "siffror och bindestreck (t.ex. 'sluta-skjut').",
    )
    text: Text = Field(title="Uppdrag", description="Uppdraget med planens ord.")
    tidsplan: Text = Field(
        title="Tidsplan",
        description="Tidsplanen med planens ord (t.ex. 'KS 2021-11-24' eller '2022 Q1').",
    )
    diarienummer: Text = Field(
        title="Diarienummer",
        description='Uppdragets diarienummer som i planen, inom citattecken (t.ex. "0355/20").',
    )


class OvrigaUppdrag(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Övriga uppdrag",
            "description": "Planens förteckning över övriga uppdrag som tillsammans med "
            "handlingsplanen har en påverkan på målet. Deras status följs upp i "
            "uppfoljning/ÅR.yaml.",
        }
    )

    #: the plan names one owner for the whole list; no uppdrag has an owner of its own
    ansvarig: Text = Field(
        title="Ansvarig",
        description="Den som enligt planen har uppdragen (planen: Stadsledningskontoret).",
    )
    text: Text = Field(title="Text", description="Planens inledning till förteckningen.")
    uppdrag: list[OvrigtUppdrag] = Field(
        title="Uppdrag", description="Uppdragen i planens ordning."
    )


class PlanFil(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Planen (plan.yaml)",
            "description": "Handlingsplanen som data: uppgifter om planen, mål och delmål, "
            "fokusområden, insatser och övriga uppdrag.",
        }
    )

    schemaversion: SchemaVersion = Field(
        title="Schemaversion", description="Filformatets version. Skriv 1."
    )
    illustrativ: bool = Field(
        default=False,
        title="Illustrativ",
        description="true om innehållet är påhittat för att visa formatet (inte den "
        "beslutade planen); rapporten säger det då på sina första rader.",
    )
    plan: PlanMeta = Field(title="Plan", description="Uppgifter om planen.")
    mal: Mal = Field(title="Mål", description="Planens mål och delmål.")
    fokusomraden: list[Fokusomrade] = Field(
        title="Fokusområden", description="Planens fokusområden i planens ordning."
    )
    insatser: list[Insats] = Field(
        title="Insatser", description="Planens insatser i planens ordning."
    )
    ovriga_uppdrag: OvrigaUppdrag | None = Field(
        default=None,
        title="Övriga uppdrag",
        description="Planens förteckning över övriga uppdrag i det trygghetsskapande och "
        "brottsförebyggande arbetet (planen s. 12).",
    )
