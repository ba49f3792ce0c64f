"""Contradictions between a nämnd's own assessment of an insats and its linked indicators.

Plain records in and out; the caller maps the results to findings (file, line, severity).

Which pairs contradict (:data:`MOTSAGER`) is deliberately narrow, so that a warning always means
something. Only a status against a målvärde (statusslag ``mot-malvarde``) can contradict: a
development without a målvärde (förbättring, försämring) says nothing about whether an insats
reaches its goal, and ej bedömbar says nothing at all. A positive own assessment ("uppnått",
"bedöms uppnås") contradicts an indicator moving the wrong way or too slowly to matter ("fel
riktning", "otillräcklig") or whose målår has come without the målvärde ("målet ej uppnått"); a
negative one ("inte uppnått", "bedöms inte uppnås") contradicts an indicator whose målvärde is
met, in the målår or before it. "Osäkert" contradicts nothing, and neither do i fas and behöver
öka takten (those fit more than one honest assessment).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, NamedTuple

from utsatta.compute.status import Status, label
from utsatta.model.rapport import Bedomning

#: the computed statuses each own assessment contradicts
_NEGATIVA: Final = frozenset({Status.FEL_RIKTNING, Status.OTILLRACKLIG, Status.MAL_EJ_UPPNATT})
_POSITIVA: Final = frozenset({Status.MALVARDE_NATT, Status.MAL_UPPNATT})
MOTSAGER: Final[Mapping[Bedomning, frozenset[Status]]] = {
    "uppnatt": _NEGATIVA,
    "bedoms-uppnas": _NEGATIVA,
    "osakert": frozenset(),
    "bedoms-inte-uppnas": _POSITIVA,
    "inte-uppnatt": _POSITIVA,
}

#: how each bedömning reads in Swedish text
BEDOMNING_TEXT: Final[Mapping[Bedomning, str]] = {
    "uppnatt": "uppnått",
    "bedoms-uppnas": "bedöms uppnås",
    "osakert": "osäkert",
    "bedoms-inte-uppnas": "bedöms inte uppnås",
    "inte-uppnatt": "inte uppnått",
}


@dataclass(eq=False)
class EgenBedomning:
    """One organisation's own assessment of one insats, from its report."""

    insats: str
    organisation: str
    bedomning: Bedomning


@dataclass(eq=False)
class IndikatorStatus:
    """The computed status of one indicator and the insatser it is linked to."""

    indikator: str
    insatser: tuple[str, ...]
    status: Status


# a NamedTuple, not a frozen dataclass: made at every start, and this is ~4x cheaper (0665)
class Motsagelse(NamedTuple):
    """An own assessment that contradicts the computed status of a linked indicator."""

    insats: str
    organisation: str
    indikator: str
    bedomning: Bedomning
    status: Status
    meddelande: str


def _insats_key(insats: str) -> tuple[int, ...] | tuple[str]:
    # "1:10" after "1:9"; an id that is not n:m sorts by text (the models reject those anyway)
    try:
        return tuple(int(part) for part in insats.split(":"))
    except ValueError:
        return (insats,)


def contradictions(
    bedomningar: Iterable[EgenBedomning], indikatorer: Iterable[IndikatorStatus]
) -> list[Motsagelse]:
    """Every (own assessment, linked indicator) pair listed in :data:`MOTSAGER`, sorted by insats,
    organisation and indicator."""
    by_insats: dict[str, list[IndikatorStatus]] = {}
    for ind in indikatorer:
        for insats in dict.fromkeys(ind.insatser):
            by_insats.setdefault(insats, []).append(ind)
    found: list[Motsagelse] = []
    for own in bedomningar:
        for ind in by_insats.get(own.insats, []):
            if ind.status in MOTSAGER[own.bedomning]:
                found.append(
                    Motsagelse(
                        insats=own.insats,
                        organisation=own.organisation,
                        indikator=ind.indikator,
                        bedomning=own.bedomning,
                        status=ind.status,
                        meddelande=_message(own, ind),
                    )
                )
    return sorted(found, key=lambda m: (_insats_key(m.insats), m.organisation, m.indikator))


def _message(own: EgenBedomning, ind: IndikatorStatus) -> str:
    return (
        f"{own.organisation} bedömer insats {own.insats} som ”{BEDOMNING_TEXT[own.bedomning]}”, "
        f"men indikatorn {ind.indikator}, som hör till insatsen, har den beräknade statusen "
        f"”{label(ind.status)}”. Se över bedömningen, eller förklara skillnaden i 'motivering'."
    )
