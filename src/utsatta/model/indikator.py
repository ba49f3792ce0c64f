"""data/indikatorer/<id>.yaml: one indicator with baseline, målvärden and utfall."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from utsatta.model.common import Ar, Datum, FokusId, Id, InsatsId, Kalla, Strict, Tal, Text
from utsatta.model.omraden import Niva

Riktning = Literal["hogre-ar-battre", "lagre-ar-battre"]
Metod = Literal["forvantad-bana", "cagr", "cagr-mal", "trend"]
Enhet = Literal["procent", "antal", "index", "per-100000-invanare", "meritvarde"]
Kon = Literal["T", "K", "M"]


class Varde(Strict):
    """One measured value (utfall)."""

    ar: Ar
    varde: Tal
    kalla: Id
    hamtad: Datum | None = None
    omrade: Id | None = None
    kon: Kon | None = None
    #: true when the way of measuring changed from this value on (breaks the series)
    metodbyte: bool = False
    kommentar: Text | None = None


class Baslinje(Strict):
    ar: Ar
    varde: Tal
    kalla: Id | None = None
    kommentar: Text | None = None


class Relativt(Strict):
    """A målvärde relative to the baseline: ``faktor: 0.5`` is "halvera"."""

    faktor: Annotated[Tal, Field(gt=0)]


class Malvarde(Strict):
    ar: Ar
    varde: Tal | None = None
    relativt: Relativt | None = None
    kalla: Id | None = None
    kommentar: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Malvarde:
        if (self.varde is None) == (self.relativt is None):
            raise PydanticCustomError(
                "malvarde-varde-eller-relativt",
                "Ett målvärde ska ha antingen 'varde' (ett tal) eller 'relativt' (t.ex. "
                "'relativt: {faktor: 0.5}' för att halvera), inte båda och inte inget.",
            )
        return self


class Berakning(Strict):
    """An indicator computed from the police lists in omraden.yaml instead of typed in."""

    typ: Literal["antal-omraden", "nya-omraden"]
    nivaer: Annotated[list[Niva], Field(min_length=1)]
    #: for nya-omraden: the edition to compare with
    jamfor_med: Ar | None = None

    @model_validator(mode="after")
    def _reference_edition(self) -> Berakning:
        if (self.typ == "nya-omraden") != (self.jamfor_med is not None):
            raise PydanticCustomError(
                "berakning-jamfor-med",
                "'jamfor_med' (upplagan att jämföra med) anges för typ nya-omraden och bara "
                "för den.",
            )
        return self


class Saknas(Strict):
    orsak: Text


class IndikatorFil(Strict):
    schemaversion: Literal[1]
    id: Id
    namn: Text
    #: None for the plan's goal itself
    fokusomrade: FokusId | None = None
    insatser: list[InsatsId] = []
    enhet: Enhet
    riktning: Riktning
    metod: Metod | None = None
    definition: Text
    kallor: list[Kalla] = []
    baslinje: Baslinje | None = None
    malvarden: list[Malvarde] = []
    utfall: list[Varde] = []
    berakning: Berakning | None = None
    saknas: Saknas | None = None
    illustrativ: bool = False
    kommentar: Text | None = None
