"""data/rapporter/<år>/<organisation>.yaml: one organisation's yearly report."""

from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema

from utsatta.model.common import Ar, Id, InsatsId, SchemaVersion, Strict, Text

Status = Literal["ej-paborjad", "pagaende", "genomford", "forsenad", "avbruten"]


def _blank_as_none(value: object) -> object:
    # An empty kontakt however it is written (`kontakt:`, "", spaces) is no kontakt: validate
    # warns (tom-kontakt) and the report is still checked, never an error that stops it.
    return None if isinstance(value, str) and (not value or value.isspace()) else value


#: The contact person: a text, or empty (no contact; a warning in validate).
Kontakt = Annotated[
    Text | None,
    BeforeValidator(_blank_as_none),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "null"}]}),
]
Bedomning = Literal["uppnatt", "bedoms-uppnas", "osakert", "bedoms-inte-uppnas", "inte-uppnatt"]


class InsatsRapport(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Rapport om en insats",
            "description": "Organisationens rapport om en av planens insatser för året.",
        }
    )

    insats: InsatsId = Field(
        title="Insats",
        description="Insatsens id som i planen: fokusområde och nummer med kolon, inom "
        'citattecken (t.ex. "1:3").',
    )
    status: Status = Field(
        title="Status",
        description="Hur långt insatsen har kommit: ej-paborjad, pagaende, genomford, forsenad "
        "eller avbruten.",
    )
    #: what was done this year
    nulage: Text = Field(title="Nuläge", description="Vad som har gjorts under året.")
    #: the områden the work reached this year (ids from omraden.yaml)
    omraden: list[Id] = Field(
        title="Områden",
        description="Områdena som arbetet nådde under året, som id från omraden.yaml (t.ex. "
        "[bergsjon, gardsten]). En tom lista [] om arbetet inte gällde något särskilt område.",
    )
    #: the organisation's own assessment of whether the insats reaches its förväntat resultat
    bedomning: Bedomning = Field(
        title="Bedömning",
        description="Organisationens bedömning av om insatsen når sitt förväntade resultat: "
        "uppnatt, bedoms-uppnas, osakert, bedoms-inte-uppnas eller inte-uppnatt.",
    )
    motivering: Text | None = Field(
        default=None, title="Motivering", description="Skälen till bedömningen."
    )
    fortsatt_arbete: Text = Field(
        title="Fortsatt arbete", description="Vad organisationen ska göra härnäst."
    )
    #: needs for further insatser that the organisation raises
    behov: list[Text] = Field(
        default=[],
        title="Behov",
        description="Behov av ytterligare insatser som organisationen vill lyfta, ett per rad.",
    )
    #: only for an organisation with samordningsansvar: its overall assessment of the insats
    samordning: Text | None = Field(
        default=None,
        title="Samordning",
        description="Bara för en organisation med samordningsansvar för insatsen: den samlade "
        "bedömningen av hela insatsen.",
    )


class RapportFil(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "title": "Rapport (rapporter/ÅR/ORGANISATION.yaml)",
            "description": "En organisations årliga rapport om de insatser i planen som den har "
            "ansvar eller samordningsansvar för.",
        }
    )

    schemaversion: SchemaVersion = Field(
        title="Schemaversion", description="Filformatets version. Skriv 1."
    )
    ar: Ar = Field(
        title="År",
        description="Året som rapporten gäller. Samma år som mappen (t.ex. 2023).",
        examples=[2023],
    )
    organisation: Id = Field(
        title="Organisation",
        description="Den rapporterande organisationens id från organisationer.yaml. Samma som "
        "filnamnet.",
    )
    #: true when the content is made up to show the format (not a real report)
    illustrativ: bool = Field(
        default=False,
        title="Illustrativ",
        description="true om innehållet är påhittat för att visa formatet (inte en riktig "
        "rapport).",
    )
    kontakt: Kontakt = Field(
        default=None, title="Kontakt", description="Kontaktperson för rapporten."
    )
    insatser: list[InsatsRapport] = Field(
        title="Insatser",
        description="En post per insats som organisationen ska rapportera om detta år.",
    )
