"""data/organisationer.yaml: the nämnder, styrelser and bolag, and named groups of them."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from utsatta.model.common import Id, Strict, Text


class Organisation(Strict):
    id: Id
    namn: Text
    typ: Literal["namnd", "bolag", "kommunstyrelse"]
    verksamhet_i_utsatta_omraden: bool
    #: GitHub handles (@namn or @org/team) that review this organisation's reports
    granskare: list[Text] = []
    kommentar: Text | None = None


class Grupp(Strict):
    id: Id
    namn: Text
    medlemmar: list[Id] | None = None
    urval: Literal["verksamhet_i_utsatta_omraden"] | None = None
    kommentar: Text | None = None

    @model_validator(mode="after")
    def _one_way(self) -> Grupp:
        if (self.medlemmar is None) == (self.urval is None):
            raise PydanticCustomError(
                "grupp-medlemmar-eller-urval",
                "En grupp ska ha antingen 'medlemmar' (en lista med organisations-id) eller "
                "'urval: verksamhet_i_utsatta_omraden', inte båda och inte ingen.",
            )
        return self


class OrganisationerFil(Strict):
    schemaversion: Literal[1]
    organisationer: list[Organisation]
    grupper: list[Grupp] = []
