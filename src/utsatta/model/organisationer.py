"""data/organisationer.yaml: the nämnder, styrelser and bolag, and named groups of them."""

from typing import Literal, Self

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from utsatta.model.common import Dag, Id, InsatsId, Kalla, SchemaVersion, Strict, Text

#: How a successor's duties are known: stated by a source, or inferred from the areas of
#: responsibility the sources describe.
Tolkning = Literal["bekraftad", "slutledd"]


#: the description of andra_namn (an organisation's and a group's)
ANDRA_NAMN = (
    "Andra former av namnet som planen skriver, tecken för tecken, t.ex. ['AB Framtiden'] för "
    "'Förvaltnings AB Framtiden' eller ['kulturnämnd'] för 'Kulturnämnden'. Kontrollen av "
    "planens lydelse (lydelse-stammer-inte) läser dem som namnet, också med genitivets -s. "
    "Ange bara en form som planen eller en källa skriver; versaler spelar ingen roll."
)


class Efterfoljare(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Efterföljare",
            "description": "En organisation som tog över en upphörd organisations uppgifter, "
            "alla eller för vissa insatser.",
        }
    )

    organisation: Id = Field(
        title="Organisation",
        description="Efterföljarens id (en organisation i filen).",
    )
    insatser: list[InsatsId] | None = Field(
        default=None,
        title="Insatser",
        description='De insatser som efterföljaren tog över (t.ex. ["2:1", "2:4"]). Utelämna '
        "nyckeln om efterföljaren tog över alla organisationens uppgifter i planen.",
    )
    tolkning: Tolkning = Field(
        title="Tolkning",
        description="bekraftad om källan själv anger att efterföljaren tog över uppgifterna; "
        "slutledd om det är en slutsats av källornas beskrivning av ansvarsområdena.",
    )
    kallor: list[Id] = Field(
        default=[],
        title="Källor",
        description="Id för källorna (under 'kallor' i filen) som beskriver övertagandet.",
    )
    kommentar: Text | None = Field(
        default=None,
        title="Kommentar",
        description="Fri kommentar. Bildades efterföljaren senare än dagen efter att "
        "organisationen upphörde och hade ingen uppgifterna emellan, säg varför här (annars "
        "varnar kontrollen efterfoljare-borjar-senare).",
    )


class Organisation(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Organisation",
            "description": "En nämnd, styrelse eller ett bolag i Göteborgs Stad.",
        }
    )

    id: Id = Field(
        title="Id",
        description="Organisationens id, som planen och rapporterna hänvisar till. Små "
        "bokstäver a–z, siffror och bindestreck (t.ex. 'socialnamnd-nordost'). Rapportens "
        "filnamn är detta id.",
    )
    namn: Text = Field(
        title="Namn", description="Organisationens namn (t.ex. 'Grundskolenämnden')."
    )
    andra_namn: list[Text] = Field(
        default=[],
        title="Andra namn",
        description=ANDRA_NAMN,
    )
    typ: Literal["namnd", "bolag", "kommunstyrelse"] = Field(
        title="Typ", description="Slag av organisation: namnd, bolag eller kommunstyrelse."
    )
    verksamhet_i_utsatta_omraden: bool = Field(
        title="Verksamhet i utsatta områden",
        description="true om organisationen har verksamhet i utsatta områden. Avgör vilka som "
        "ingår i grupper med 'urval: verksamhet_i_utsatta_omraden'.",
    )
    #: GitHub handles (@namn or @org/team) that review this organisation's reports
    granskare: list[Text] = Field(
        default=[],
        title="Granskare",
        description="GitHub-användare eller team (@namn eller @org/team) som granskar "
        "organisationens rapporter.",
    )
    giltig_fran: Dag | None = Field(
        default=None,
        title="Giltig från",
        description="Första dagen organisationen fanns, ÅÅÅÅ-MM-DD. Utelämna om den fanns när "
        "planen började gälla.",
    )
    giltig_till: Dag | None = Field(
        default=None,
        title="Giltig till",
        description="Sista dagen organisationen fanns, ÅÅÅÅ-MM-DD. Utelämna om den finns kvar.",
    )
    giltig_fran_sakerhet: Tolkning | None = Field(
        default=None,
        title="Säkerhet för giltig från",
        description="slutledd om dagen i 'giltig_fran' är ett val eller en slutsats, inte "
        "angiven av källan (t.ex. när källan bara anger månaden); utelämna det annars.",
    )
    giltig_till_sakerhet: Tolkning | None = Field(
        default=None,
        title="Säkerhet för giltig till",
        description="slutledd om dagen i 'giltig_till' är ett val eller en slutsats, inte "
        "angiven av källan (t.ex. när källan bara anger månaden); utelämna det annars.",
    )
    efterfoljare: list[Efterfoljare] = Field(
        default=[],
        title="Efterföljare",
        description="De organisationer som tog över uppgifterna när organisationen upphörde. "
        "Tog ingen över, skriv [] och säg varför i 'kommentar' (annars varnar kontrollen "
        "upphor-utan-efterfoljare). Tar efterföljarna bara över några av insatserna och ingen "
        "tog över resten, säg varför i 'kommentar' (annars varnar "
        "efterfoljare-tacker-inte-allt).",
    )
    kallor: list[Id] = Field(
        default=[],
        title="Källor",
        description="Id för källorna (under 'kallor' i filen) för organisationens namn och "
        "giltighetstid.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")


class Grupp(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Grupp",
            "description": "En namngiven grupp av organisationer (t.ex. 'socialnämnderna'), med "
            "antingen 'medlemmar' eller 'urval'.",
            # The schema form of _one_way: exactly one of medlemmar and urval has a value.
            "oneOf": [
                {"required": ["medlemmar"], "properties": {"medlemmar": {"type": "array"}}},
                {"required": ["urval"], "properties": {"urval": {"type": "string"}}},
            ],
        }
    )

    id: Id = Field(
        title="Id",
        description="Gruppens id, som planens ansvar och samordningsansvar kan hänvisa till. "
        "Små bokstäver a–z, siffror och bindestreck.",
    )
    namn: Text = Field(title="Namn", description="Gruppens namn (t.ex. 'Socialnämnderna').")
    andra_namn: list[Text] = Field(default=[], title="Andra namn", description=ANDRA_NAMN)
    medlemmar: list[Id] | None = Field(
        default=None,
        title="Medlemmar",
        description="Organisationerna i gruppen, som en lista med organisations-id. Anges i "
        "stället för 'urval'.",
    )
    urval: Literal["verksamhet_i_utsatta_omraden"] | None = Field(
        default=None,
        title="Urval",
        description="Gruppen räknas fram: verksamhet_i_utsatta_omraden ger alla organisationer "
        "med 'verksamhet_i_utsatta_omraden: true'. Anges i stället för 'medlemmar'.",
    )
    kommentar: Text | None = Field(default=None, title="Kommentar", description="Fri kommentar.")

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        if (self.medlemmar is None) == (self.urval is None):
            raise PydanticCustomError(
                "grupp-medlemmar-eller-urval",
                "En grupp ska ha antingen 'medlemmar' (en lista med organisations-id) eller "
                "'urval: verksamhet_i_utsatta_omraden', inte båda och inte ingen.",
            )
        return self


class OrganisationerFil(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Organisationer (organisationer.yaml)",
            "description": "Nämnderna, styrelserna och bolagen som planen gäller för, och "
            "namngivna grupper av dem.",
        }
    )

    schemaversion: SchemaVersion = Field(
        title="Schemaversion", description="Filformatets version. Skriv 1."
    )
    illustrativ: bool = Field(
        default=False,
        title="Illustrativ",
        description="true om innehållet är påhittat för att visa formatet (inte de verkliga "
        "nämnderna, styrelserna och bolagen); rapporten säger det då på sina första rader.",
    )
    kallor: list[Kalla] = Field(
        default=[],
        title="Källor",
        description="Källorna som organisationernas giltighetstid och efterföljare hänvisar till.",
    )
    organisationer: list[Organisation] = Field(
        title="Organisationer",
        description="Alla nämnder, styrelser och bolag, en post per organisation.",
    )
    grupper: list[Grupp] = Field(
        default=[],
        title="Grupper",
        description="Namngivna grupper av organisationer, som planen kan ge ansvar.",
    )
