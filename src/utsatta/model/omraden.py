"""data/omraden.yaml: the police's lists of områden in Göteborg, edition by edition."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from utsatta.model.common import Ar, Id, Kalla, Sakerhet, Strict, Text, Url

Niva = Literal["utsatt", "riskomrade", "sarskilt-utsatt", "ej-pa-listan", "okand"]
#: The levels that put an area on the police's list.
NIVAER_PA_LISTAN: tuple[Niva, ...] = ("utsatt", "riskomrade", "sarskilt-utsatt")


class Upplaga(Strict):
    ar: Ar
    manad: Annotated[int, Field(ge=1, le=12)] | None = None
    titel: Text
    utgivare: Text
    url: Url | None = None
    nationellt: Text | None = None
    kommentar: Text | None = None


class Klassning(Strict):
    upplaga: Ar
    niva: Niva
    sakerhet: Sakerhet
    kallor: list[Id] = []
    kommentar: Text | None = None


class Omrade(Strict):
    id: Id
    namn: Text
    klassning: list[Klassning]
    kommentar: Text | None = None


class OmradenFil(Strict):
    schemaversion: Literal[1]
    kallor: list[Kalla] = []
    upplagor: list[Upplaga]
    omraden: list[Omrade]
