"""data/rapporter/<år>/<organisation>.yaml: one organisation's yearly report."""

from __future__ import annotations

from typing import Literal

from utsatta.model.common import Ar, Id, InsatsId, Strict, Text

Status = Literal["ej-paborjad", "pagaende", "genomford", "forsenad", "avbruten"]
Bedomning = Literal["uppnatt", "bedoms-uppnas", "osakert", "bedoms-inte-uppnas", "inte-uppnatt"]


class InsatsRapport(Strict):
    insats: InsatsId
    status: Status
    #: what was done this year
    nulage: Text
    #: the områden the work reached this year (ids from omraden.yaml)
    omraden: list[Id]
    #: the organisation's own assessment of whether the insats reaches its förväntat resultat
    bedomning: Bedomning
    motivering: Text | None = None
    fortsatt_arbete: Text
    #: needs for further insatser that the organisation raises
    behov: list[Text] = []
    #: only for an organisation with samordningsansvar: its overall assessment of the insats
    samordning: Text | None = None


class RapportFil(Strict):
    schemaversion: Literal[1]
    ar: Ar
    organisation: Id
    #: true when the content is made up to show the format (not a real report)
    illustrativ: bool = False
    kontakt: Text | None = None
    insatser: list[InsatsRapport]
