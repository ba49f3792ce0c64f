"""data/plan.yaml: the plan's metadata, goal, fokusområden and insatser."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from utsatta.model.common import Ar, Datum, FokusId, Id, InsatsId, Kalla, Strict, Text

#: The three kinds of uppföljning the plan names.
UppfoljningsTyp = Literal["arlig", "en-gang", "under-planperioden"]


class Giltighet(Strict):
    fran: Ar
    till: Ar


class PlanMeta(Strict):
    namn: Text
    diarienummer: Text
    dokumenttyp: Text
    beslutad_av: Text
    beslutsdatum: Datum | None = None
    galler_for: Text
    giltighet: Giltighet
    dokumentansvarig: Text
    kallor: list[Kalla] = []
    kommentar: Text | None = None


class Delmal(Strict):
    id: Id
    text: Text


class Mal(Strict):
    text: Text
    delmal: list[Delmal]


class Fokusomrade(Strict):
    id: FokusId
    namn: Text


class Uppfoljning(Strict):
    typ: UppfoljningsTyp
    ar: Ar | None = None
    text: Text

    @model_validator(mode="after")
    def _year_only_once(self) -> Uppfoljning:
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
    id: InsatsId
    fokusomrade: FokusId
    titel: Text
    forvantat_resultat: Text
    samordningsansvar: Annotated[list[Id], Field(min_length=1)]
    ansvar: Annotated[list[Id], Field(min_length=1)]
    uppfoljning: Uppfoljning
    kommentar: Text | None = None


class PlanFil(Strict):
    schemaversion: Literal[1]
    plan: PlanMeta
    mal: Mal
    fokusomraden: list[Fokusomrade]
    insatser: list[Insats]
