"""Indicators computed from the police lists (data/omraden.yaml) instead of typed in twice.

Decisions where the issue was silent:

* An area's level in an edition is its ``klassning`` for that edition, whatever its ``sakerhet``
  (bekräftad, sekundär or slutledd all state a level). An area without a klassning for an edition
  counts as not on the list in it (an area that appears later need not list earlier editions).
* ``okand`` is never counted: an edition where some area is ``okand`` still gives a point, counting
  the areas whose level is known, so the count is a lower bound. :func:`unknown_areas` names the
  areas behind it, so a caller can say so.
* For new areas, an area that was ``okand`` in the reference edition is not counted as new: we
  cannot claim it is new. It is named by :func:`unknown_areas` for the reference edition.
* The baseline of the plan's goal is the 2021 edition (:data:`BASLINJE_UPPLAGA`), the last list
  before the plan period 2022–2025; for new areas it is the reference edition itself, with 0 areas.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from utsatta.compute.progress import Point
from utsatta.model.indikator import Berakning
from utsatta.model.omraden import NIVAER_PA_LISTAN, Niva, Omrade, OmradenFil

#: the edition the plan's goal is measured from: the last list before the plan period 2022–2025
BASLINJE_UPPLAGA: Final = 2021


def _niva(omrade: Omrade, upplaga: int) -> Niva:
    levels = [k.niva for k in omrade.klassning if k.upplaga == upplaga]
    if len(levels) > 1:
        raise ValueError(f"området {omrade.id} har flera klassningar för upplagan {upplaga}")
    return levels[0] if levels else "ej-pa-listan"


def _editions(omraden: OmradenFil) -> list[int]:
    return sorted({u.ar for u in omraden.upplagor})


def _check_edition(omraden: OmradenFil, upplaga: int) -> None:
    if upplaga not in _editions(omraden):
        raise ValueError(f"{upplaga} är ingen upplaga i omraden.yaml")


def areas_in(omraden: OmradenFil, upplaga: int, nivaer: Iterable[Niva]) -> list[str]:
    """Ids of the areas whose level in edition ``upplaga`` is one of ``nivaer``, in file order."""
    wanted = set(nivaer)
    return [o.id for o in omraden.omraden if _niva(o, upplaga) in wanted]


def unknown_areas(omraden: OmradenFil, upplaga: int) -> list[str]:
    """The ids of the areas whose level in edition ``upplaga`` is ``okand``, in file order."""
    return areas_in(omraden, upplaga, ("okand",))


def count_per_edition(omraden: OmradenFil, nivaer: Iterable[Niva]) -> list[Point]:
    """Per edition (year order), the number of areas at one of ``nivaer``; ``okand`` not counted."""
    wanted = tuple(nivaer)
    return [Point(ar, float(len(areas_in(omraden, ar, wanted)))) for ar in _editions(omraden)]


def new_area_ids(
    omraden: OmradenFil, upplaga: int, nivaer: Iterable[Niva], jamfor_med: int
) -> list[str]:
    """Areas at one of ``nivaer`` in ``upplaga`` that were not on the list in ``jamfor_med``."""
    _check_edition(omraden, jamfor_med)
    wanted = set(nivaer)
    return [
        o.id
        for o in omraden.omraden
        if _niva(o, upplaga) in wanted and _niva(o, jamfor_med) not in (*NIVAER_PA_LISTAN, "okand")
    ]


def new_areas(omraden: OmradenFil, nivaer: Iterable[Niva], jamfor_med: int) -> list[Point]:
    """Per edition after ``jamfor_med``, the number of areas at one of ``nivaer`` that were on no
    level of the list (utsatt, riskområde, särskilt utsatt) in edition ``jamfor_med``.

    Raises ValueError when ``jamfor_med`` is not an edition in the file.
    """
    _check_edition(omraden, jamfor_med)
    wanted = tuple(nivaer)
    return [
        Point(ar, float(len(new_area_ids(omraden, ar, wanted, jamfor_med))))
        for ar in _editions(omraden)
        if ar > jamfor_med
    ]


def points_for(berakning: Berakning, omraden: OmradenFil) -> list[Point]:
    """The series an indicator's ``berakning`` describes.

    Raises ValueError for nya-omraden without ``jamfor_med`` or with one that is not an edition.
    """
    if berakning.typ == "antal-omraden":
        return count_per_edition(omraden, berakning.nivaer)
    if berakning.jamfor_med is None:
        raise ValueError("berakning nya-omraden behöver jamfor_med (upplagan att jämföra med)")
    return new_areas(omraden, berakning.nivaer, berakning.jamfor_med)


def baseline_for(
    berakning: Berakning, omraden: OmradenFil, upplaga: int = BASLINJE_UPPLAGA
) -> Point | None:
    """The baseline of a computed indicator: the count in edition ``upplaga`` (None when the file
    has no such edition); for nya-omraden the reference edition ``jamfor_med`` with 0 areas, since
    no area is new compared with itself."""
    if berakning.typ == "nya-omraden":
        if berakning.jamfor_med is None:
            raise ValueError("berakning nya-omraden behöver jamfor_med (upplagan att jämföra med)")
        _check_edition(omraden, berakning.jamfor_med)
        return Point(berakning.jamfor_med, 0.0)
    if upplaga not in _editions(omraden):
        return None
    return Point(upplaga, float(len(areas_in(omraden, upplaga, berakning.nivaer))))
