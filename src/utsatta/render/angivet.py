"""The values of a computed indicator that are a count a source states for an edition of the
police list (``upplagor: antal`` in omraden.yaml), not one counted area by area: every channel
that shows such a value (report, chart, its table and text, `utsatta indikatorer`, export) says
so in words, next to the value, and whose count it is. The wording is decided here only; it
is written beside the value's marker by ``compute.indicators.markering_och_not``, ``med_ar``
and ``med_markering`` (docs/decisions/0320-antal-per-niva.md, 0335, 0350)."""

from __future__ import annotations

from dataclasses import dataclass

from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.police import areas_leave_open, uses_stated_count
from utsatta.compute.status import Point
from utsatta.model.common import Kalla
from utsatta.model.omraden import OmradenFil
from utsatta.wording import och

__all__ = [
    "INTE_RAKNAT",
    "AngivetAntal",
    "angivet_mening",
    "angivet_not",
    "angivna_antal",
    "noter",
]

#: what a stated count is not, said once beside the chart's notes
INTE_RAKNAT = "inte räknat ur områdenas nivåer i polisens lista"


@dataclass(frozen=True)
class AngivetAntal:
    """A value of the series that is the count its edition states, and that count's sources."""

    punkt: Point
    kallor: tuple[Kalla, ...]
    #: whether the areas' levels leave the count open: then the source's number is all that is
    #: known; otherwise the areas give the same number, and the source its certainty (0675)
    oppet: bool = True

    @property
    def utgivare(self) -> str:
        """The publishers, each once: "Göteborgs-Posten"."""
        return och(list(dict.fromkeys(k.utgivare for k in self.kallor))) or "en källa"


def angivna_antal(omr: OmradenFil | None, res: IndicatorResult) -> tuple[AngivetAntal, ...]:
    """The values of ``res``'s series (year order) that are a count its edition states."""
    b = res.indikator.berakning
    if omr is None or b is None or b.typ != "antal-omraden":
        return ()
    by_id = {k.id: k for k in omr.kallor}
    return tuple(
        AngivetAntal(
            p,
            tuple(by_id[k] for k in p.kallor if k in by_id),
            areas_leave_open(omr, p.ar, b.nivaer),
        )
        for p in res.serie
        if uses_stated_count(omr, p.ar, b.nivaer)
    )


def angivet_not(a: AngivetAntal) -> str:
    """The words beside a stated count wherever it is shown: "antal enligt Göteborgs-Posten"."""
    return f"antal enligt {a.utgivare}"


def noter(omr: OmradenFil | None, res: IndicatorResult) -> dict[int, str]:
    """Year → :func:`angivet_not` for every value of ``res`` that is a stated count the areas'
    levels leave open: the number is not counted from the list, so the words say whose it is
    wherever the value stands (0350). Where the areas give the same number the value is as sure
    as its source (0675) but needs no words: the areas count it too (Bilaga D says it)."""
    return {a.punkt.ar: angivet_not(a) for a in angivna_antal(omr, res) if a.oppet}


def angivet_mening(a: AngivetAntal) -> str:
    """What a stated count is, in a sentence (Bilaga D's Anmärkning, the export's kommentar):
    where the areas leave it open, that the source does not say which areas; where they give the
    same number, that the value has the source's certainty, not the weakest area's (0675)."""
    text = f"Antalet som {a.utgivare} anger för {a.punkt.ar} års upplaga av polisens lista"
    if a.oppet:
        return (
            f"{text}, inte räknat ur områdenas nivåer, som lämnar det okänt; vilka områden det "
            "gäller anger källan inte."
        )
    return (
        f"{text}. Områdenas nivåer ger samma antal, men källan anger antalet självt, så värdet "
        "har källans säkerhet och inte den osäkraste nivåns."
    )
