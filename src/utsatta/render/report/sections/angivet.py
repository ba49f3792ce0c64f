"""The values of a computed indicator that are a count a source states for an edition of the
police list (``upplagor: antal`` in omraden.yaml), not one counted area by area: where the
report names sources, it names theirs (docs/decisions/0320-antal-per-niva.md, 0335)."""

from __future__ import annotations

from dataclasses import dataclass

from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.police import uses_stated_count
from utsatta.compute.status import Point
from utsatta.model.common import Kalla
from utsatta.model.omraden import OmradenFil
from utsatta.wording import och


@dataclass(frozen=True)
class AngivetAntal:
    """A value of the series that is the count its edition states, and that count's sources."""

    punkt: Point
    kallor: tuple[Kalla, ...]

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
        AngivetAntal(p, tuple(by_id[k] for k in p.kallor if k in by_id))
        for p in res.serie
        if uses_stated_count(omr, p.ar, b.nivaer)
    )
