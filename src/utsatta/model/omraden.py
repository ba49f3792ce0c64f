"""data/omraden.yaml: the police's lists of områden in Göteborg, edition by edition."""

from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from utsatta.model.common import Ar, Id, Kalla, Sakerhet, SchemaVersion, Strict, Text, Url

Niva = Literal[
    "utsatt", "riskomrade", "sarskilt-utsatt", "pa-listan-niva-okand", "ej-pa-listan", "okand"
]
#: The levels that put an area on the police's list. ``pa-listan-niva-okand``: on the list by
#: the sources, at a level they do not give (fakta.md §2.2, 2025); ``okand``: not even that known.
NIVAER_PA_LISTAN: tuple[Niva, ...] = (
    "utsatt",
    "riskomrade",
    "sarskilt-utsatt",
    "pa-listan-niva-okand",
)


class Kategori(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Kategori",
            "description": "Ett namn på en kategori som en källa använder för upplagan.",
        }
    )

    benamning: Text = Field(
        title="Benämning",
        description="Kategorins namn ordagrant som källan skriver det (t.ex. 'extra utsatt').",
    )
    kallor: list[Id] = Field(
        title="Källor",
        description="Id för källorna (under 'kallor' i filen) som använder namnet.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class AntalPaNiva(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Antal på en nivå",
            "description": "Hur många områden i Göteborg som upplagan har på en nivå, så som en "
            "källa anger antalet (också när källorna inte säger vilka områdena är).",
        }
    )

    niva: Literal["utsatt", "riskomrade", "sarskilt-utsatt"] = Field(
        title="Nivå",
        description="Nivån som antalet gäller: utsatt, riskomrade eller sarskilt-utsatt.",
    )
    antal: Annotated[int, Field(ge=0)] = Field(
        title="Antal",
        description="Antalet områden i Göteborg på nivån, som källan anger det.",
        examples=[3],
    )
    sakerhet: Literal["bekraftad", "sekundar", "slutledd"] = Field(
        title="Säkerhet",
        description="Hur säkert antalet är: bekraftad (står i källan), sekundar "
        "(andrahandsuppgift) eller slutledd (härlett ur andra uppgifter).",
    )
    kallor: Annotated[list[Id], Field(min_length=1)] = Field(
        title="Källor",
        description="Id för källorna (under 'kallor' i filen) som anger antalet (minst en).",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class Upplaga(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Upplaga",
            "description": "En upplaga av polisens lista (lägesbild) över utsatta områden.",
        }
    )

    ar: Ar = Field(
        title="År",
        description="Upplagans år. Klassningarna hänvisar till upplagan med detta år.",
        examples=[2023],
    )
    manad: Annotated[int, Field(ge=1, le=12)] | None = Field(
        default=None,
        title="Månad",
        description="Upplagans månad, 1–12, om den är känd.",
        examples=[6],
    )
    titel: Text = Field(title="Titel", description="Rapportens eller lägesbildens titel.")
    utgivare: Text = Field(
        title="Utgivare", description="Vem som gav ut upplagan (t.ex. 'Polisen, NOA')."
    )
    url: Url | None = Field(
        default=None, title="Webbadress", description="Hela webbadressen, med https://."
    )
    kategorier: list[Kategori] = Field(
        default=[],
        title="Kategorier",
        description="De kategorinamn som källorna använder för upplagan, ordagrant.",
    )
    nationellt: Text | None = Field(
        default=None,
        title="Nationellt",
        description="Läget i hela landet enligt upplagan (t.ex. '61 områden, varav 23 särskilt "
        "utsatta'). Kräver 'nationellt_kallor'; utelämna det när ingen källa anger siffrorna.",
    )
    nationellt_kallor: list[Id] = Field(
        default=[],
        title="Källor för nationellt",
        description="Id för källorna (under 'kallor' i filen) som anger siffrorna i 'nationellt'.",
    )
    nya_omraden_sakerhet: Sakerhet | None = Field(
        default=None,
        title="Säkerhet att inget område i Göteborg är nytt",
        description="Hur säkert det är att filen har med alla områden i Göteborg på upplagans "
        "lista, så att inget nytt område (t.ex. ett som delats och fått nytt namn) saknas: "
        "bekraftad, sekundar eller slutledd. Antalet nya områden blir inte säkrare än så. "
        "Utelämna det när områdenas egna klassningar räcker.",
    )
    antal: list[AntalPaNiva] = Field(
        default=[],
        title="Antal per nivå",
        description="Antalet områden i Göteborg per nivå som en källa anger för upplagan, en post "
        "per nivå. Det angivna antalet är värdet, med källans säkerhet, också där områdenas "
        "klassningar ger samma antal; det får inte motsäga dem.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")

    @model_validator(mode="after")
    def _sourced(self) -> Self:
        # a figure carries its source, like every other figure in the data
        if self.nationellt is not None and not self.nationellt_kallor:
            raise PydanticCustomError(
                "nationellt-utan-kalla",
                "Siffrorna i 'nationellt' saknar källa. Ange 'nationellt_kallor' (id under "
                "'kallor' i filen), eller ta bort 'nationellt' om ingen källa anger dem.",
            )
        return self


class Klassning(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Klassning",
            "description": "Områdets nivå i en upplaga av polisens lista, med källor.",
        }
    )

    upplaga: Ar = Field(
        title="Upplaga",
        description="Upplagans år (ett 'ar' under 'upplagor').",
        examples=[2023],
    )
    niva: Niva = Field(
        title="Nivå",
        description="Områdets nivå i upplagan: utsatt, riskomrade, sarskilt-utsatt, "
        "pa-listan-niva-okand (på listan, men källorna anger inte nivån), ej-pa-listan eller "
        "okand (inte ens känt om området är på listan).",
    )
    benamning: Text | None = Field(
        default=None,
        title="Benämning",
        description="Nivåns namn ordagrant som källan skriver det, om det skiljer sig från "
        "'niva' (t.ex. 'extra utsatt').",
    )
    sakerhet: Sakerhet = Field(
        title="Säkerhet",
        description="Hur säker uppgiften är: bekraftad, sekundar (andrahandsuppgift), slutledd "
        "(härledd ur andra uppgifter) eller saknas.",
    )
    kallor: list[Id] = Field(
        default=[],
        title="Källor",
        description="Id för källorna (under 'kallor' i filen) som belägger klassningen.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class Omrade(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Område",
            "description": "Ett område i Göteborg och dess nivå i polisens listor.",
        }
    )

    id: Id = Field(
        title="Id",
        description="Områdets id, som rapporterna och indikatorerna hänvisar till. Små "
        "bokstäver a–z, siffror och bindestreck, utan å, ä, ö (t.ex. 'bergsjon').",
    )
    namn: Text = Field(title="Namn", description="Områdets namn (t.ex. 'Bergsjön').")
    klassning: list[Klassning] = Field(
        title="Klassning", description="Områdets nivå i varje upplaga, en post per upplaga."
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class OmradenFil(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Områden (omraden.yaml)",
            "description": "Polisens listor över utsatta områden i Göteborg, upplaga för "
            "upplaga, med källa för varje uppgift.",
        }
    )

    schemaversion: SchemaVersion = Field(
        title="Schemaversion", description="Filformatets version. Skriv 1."
    )
    illustrativ: bool = Field(
        default=False,
        title="Illustrativ",
        description="true om innehållet är påhittat för att visa formatet (inte polisens "
        "verkliga listor); rapporten säger det då på sina första rader.",
    )
    kallor: list[Kalla] = Field(
        default=[],
        title="Källor",
        description="Källorna som klassningarna hänvisar till.",
    )
    upplagor: list[Upplaga] = Field(
        title="Upplagor", description="Polisens upplagor av listan, en post per upplaga."
    )
    omraden: list[Omrade] = Field(title="Områden", description="Områdena, en post per område.")
