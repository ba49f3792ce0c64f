"""The indicators that measure an insats (``insatser: [...]`` in indikatorer/<id>.yaml) with
their computed status, and the mark beside a verdict that an insats is reached when none of
them can be assessed (docs/decisions/0480-insats-utan-bedombar-indikator.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.status import Status
from utsatta.render.labels import BEDOMNING

#: the verdicts that say an insats is, or will be, reached: those the mark goes beside (a
#: negative verdict or "osäkert" claims nothing an indicator would have to bear out)
POSITIVA: Final = ("uppnatt", "bedoms-uppnas")
POSITIVA_TEXT: Final = frozenset(BEDOMNING[k] for k in POSITIVA)


def lankade(results: Sequence[IndicatorResult]) -> dict[str, tuple[IndicatorResult, ...]]:
    """Per insats id, the indicators linked to it, in the order of ``results`` (the report's
    order: the plan's fokusområden, then the indicator's id)."""
    out: dict[str, list[IndicatorResult]] = {}
    for r in results:
        for insats in dict.fromkeys(r.indikator.insatser):  # a repeated id links once
            out.setdefault(insats, []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def utan_underlag(linked: Sequence[IndicatorResult]) -> str:
    """The mark for a positive verdict on an insats whose linked indicators (``linked``) are
    all ej bedömbar for the year; "" when it has none, or one that can be assessed."""
    if not linked or any(r.progress.status is not Status.EJ_BEDOMBAR for r in linked):
        return ""
    return "indikatorn kan inte bedömas" if len(linked) == 1 else "indikatorerna kan inte bedömas"


def markeringar(results: Sequence[IndicatorResult]) -> Mapping[str, str]:
    """Per insats id, its mark (:func:`utan_underlag`); only the insatser that have one."""
    return {k: m for k, v in lankade(results).items() if (m := utan_underlag(v))}


def markerad(bedomning: str | None, markering: str) -> str:
    """``markering`` where the verdict (its label, "Uppnått") says the insats is reached,
    else "": what a view carries beside the verdict. An earlier year's forecast ("Bedöms
    uppnås (prognos, ingen slutbedömning)", labels.tidigare_bedomning) is marked as well."""
    label = (bedomning or "").partition(" (")[0]
    return markering if label in POSITIVA_TEXT else ""
