"""An indicator's values per område and per kön: the utfall outside its headline series, in the
order the report's tables and ``utsatta indikatorer --format json`` list them.

Why and how they are shown: docs/decisions/0014-indicator-comments-and-breakdowns.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from utsatta.model.indikator import IndikatorFil, Varde

#: the order of kön in tables and JSON: totalt first (as None or "T"), then kvinnor, män
KON_ORDNING: Final[Mapping[str | None, int]] = {None: 0, "T": 0, "K": 1, "M": 2}


def delvarden(ind: IndikatorFil, ar: int | None) -> list[Varde]:
    """The utfall up to ``ar`` (all if None) that are not part of the headline series (an område
    or kön K/M), without duplicates: for the same område, kön (T and none alike) and year the
    first one in the file is kept."""
    seen: set[tuple[str | None, int, int]] = set()
    out: list[Varde] = []
    for u in ind.utfall:
        kon = KON_ORDNING[u.kon]
        if (u.omrade is None and kon == 0) or (ar is not None and u.ar > ar):
            continue
        key = (u.omrade, kon, u.ar)
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


def per_omrade(ind: IndikatorFil, ar: int | None, omraden: Sequence[str]) -> list[Varde]:
    """The values per område up to ``ar``: by område in the order of ``omraden`` (the ids in
    omraden.yaml; an id not among them after those, by id), then kön (totalt, K, M), then
    year."""
    order = {o: n for n, o in enumerate(omraden)}

    def key(u: Varde) -> tuple[int, str, int, int]:
        omrade = u.omrade or ""
        return (order.get(omrade, len(order)), omrade, KON_ORDNING[u.kon], u.ar)

    return sorted((u for u in delvarden(ind, ar) if u.omrade is not None), key=key)


def per_kon(ind: IndikatorFil, ar: int | None) -> list[Varde]:
    """The values for the whole city per kön (K, then M; T is the headline) up to ``ar``, by
    kön, then year."""
    values = (u for u in delvarden(ind, ar) if u.omrade is None)
    return sorted(values, key=lambda u: (KON_ORDNING[u.kon], u.ar))
