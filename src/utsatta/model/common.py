"""Building blocks shared by the file models: strict base, id types, sources."""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

SCHEMAVERSION = 1


class Strict(BaseModel):
    """Unknown keys are errors, and YAML's loose typing is not second-guessed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_INSATS_ID = re.compile(r"[1-9][0-9]*:[1-9][0-9]*\Z")
_FOKUS_ID = re.compile(r"[1-9][0-9]*\Z")
_DATUM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_URL = re.compile(r"https?://\S+\Z")


def _id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "ogiltigt-id",
            "'{value}' är inte ett giltigt id. Ett id skrivs med små bokstäver a–z, siffror och "
            "bindestreck, utan å, ä, ö och mellanslag (t.ex. 'socialnamnd-nordost').",
            {"value": value},
        )
    return value


def _insats_id(value: str) -> str:
    if not _INSATS_ID.match(value):
        raise PydanticCustomError(
            "ogiltigt-insats-id",
            "'{value}' är inte ett insats-id. Skriv det som i planen, fokusområde och nummer med "
            'kolon, inom citattecken: "1:3".',
            {"value": value},
        )
    return value


def _fokus_id(value: str) -> str:
    if not _FOKUS_ID.match(value):
        raise PydanticCustomError(
            "ogiltigt-fokusomrade-id",
            "'{value}' är inte ett fokusområdes-id. Skriv numret inom citattecken, t.ex. \"2\".",
            {"value": value},
        )
    return value


def _datum(value: str) -> str:
    m = _DATUM.match(value)
    ok = m is not None
    if m is not None and m.group(2) is not None:
        month = int(m.group(2))
        ok = 1 <= month <= 12
        if ok and m.group(3) is not None:
            import datetime

            try:
                datetime.date(int(m.group(1)), month, int(m.group(3)))
            except ValueError:
                ok = False
    if not ok:
        raise PydanticCustomError(
            "ogiltigt-datum",
            "'{value}' är inte ett datum. Skriv ÅÅÅÅ-MM-DD (t.ex. 2023-12-05), eller ÅÅÅÅ-MM "
            "eller ÅÅÅÅ om bara det är känt.",
            {"value": value},
        )
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise PydanticCustomError(
            "ogiltig-url",
            "'{value}' är inte en webbadress. Skriv hela adressen, med https://.",
            {"value": value},
        )
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError(
            "tom-text", "Texten är tom. Skriv en text eller ta bort nyckeln om den är frivillig."
        )
    return value


def _finite(value: float) -> float:
    if math.isnan(value) or math.isinf(value):
        raise PydanticCustomError(
            "ogiltigt-tal", "NaN och oändligheter är inte tillåtna värden. Ange ett vanligt tal."
        )
    return value


Id = Annotated[str, AfterValidator(_id)]
InsatsId = Annotated[str, AfterValidator(_insats_id)]
FokusId = Annotated[str, AfterValidator(_fokus_id)]
Datum = Annotated[str, AfterValidator(_datum)]
Url = Annotated[str, AfterValidator(_url)]
Text = Annotated[str, AfterValidator(_text)]
Ar = Annotated[int, Field(ge=1900, le=2200)]
Tal = Annotated[float, AfterValidator(_finite)]

#: How sure a fact is, as labelled in fakta.md: [C], [S], [I], [NF].
Sakerhet = Literal["bekraftad", "sekundar", "slutledd", "saknas"]


class Kalla(Strict):
    """A source: who published what, where and when."""

    id: Id
    utgivare: Text
    titel: Text | None = None
    url: Url | None = None
    datum: Datum | None = None
    sakerhet: Literal["bekraftad", "sekundar"]
    kommentar: Text | None = None
