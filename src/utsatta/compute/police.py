"""Indicators computed from the police lists (data/omraden.yaml) instead of typed in twice.

Levels as the sources give them (docs/decisions/0042-police-levels-unknown.md):

* An area's level in an edition is its ``klassning`` for that edition. An area without a
  klassning for an edition counts exactly as one with ``niva: okand, sakerhet: saknas``
  (:func:`klassning_i`): a forgotten entry is not evidence that the area was off the list
  (docs/decisions/0126-saknad-klassning-ar-okand.md). ``validate`` warns (klassning-saknas).
* An unknown level is unknown. ``okand`` may be any level or off the list;
  ``pa-listan-niva-okand`` is on the list, but not as särskilt utsatt (the sources name those),
  with utsatt or riskområde not stated (:data:`MOJLIGA_NIVAER`). A count that depends on which of
  those it is has no value for that edition: the point is missing (a :class:`Lucka`, orsak
  ``niva-okand``), not zero and not a lower bound. A count that does not depend on it (on the list
  at any level; särskilt utsatt) still has its value.
* Each point carries the weakest class (bekräftad, bekräftad but not by the police, sekundär,
  slutledd, saknas: :func:`klass`) of every klassning it rests on, and their sources, so an
  inferred value can be drawn as one and a count is unmarked only when the police's own
  publication confirms every level it rests on (docs/decisions/0500). A count rests on the
  areas it does not count as much as on those it counts: 1 riskområde 2021 is 1 only if no
  other area was one, so Hisings Backa's second-hand utsatt 2021 makes it second-hand too
  (docs/decisions/0666). A count a source states for the edition (``upplagor: antal``) is the
  source's own number: it is the value, as sure as that source, whether the areas' levels leave
  the count open or not (docs/decisions/0675).
* The baseline of the plan's goal is the last edition before the plan period starts
  (:func:`baslinje_upplaga`, one rule for the indicators and the report's areas section); for
  new areas it is the reference edition itself, with 0 areas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Final, NamedTuple

from utsatta.compute.status import Lucka, Orsak, Point
from utsatta.model.indikator import Berakning
from utsatta.model.omraden import AntalPaNiva, Klassning, Niva, Omrade, OmradenFil
from utsatta.wording import LISTADE_NAMN, begransad

#: the levels an unknown level may stand for
MOJLIGA_NIVAER: Final[Mapping[str, frozenset[str]]] = {
    "okand": frozenset({"utsatt", "riskomrade", "sarskilt-utsatt", "ej-pa-listan"}),
    "pa-listan-niva-okand": frozenset({"utsatt", "riskomrade"}),
}

#: the certainty of a level (or of a count an edition states) that is bekräftad, but by sources
#: none of which is the police's own publication (``Kalla.slag``: kommunen, press, parti …;
#: also one without a source): the class section 5 marks ‡ (docs/decisions/0072, 0500)
EJ_POLISEN: Final = "bekraftad-ej-polisen"

#: certainty, weakest first: a value derived from levels carries the weakest class among them
#: (docs/decisions/0500), so it is unmarked only when every level is the police's own
SAKERHET_ORDNING: Final = ("saknas", "slutledd", "sekundar", EJ_POLISEN, "bekraftad")


def klass(sakerhet: str | None, kallor: Iterable[str], slag: Mapping[str, str | None]) -> str:
    """The class of a level or a stated count, as the report marks it: its ``sakerhet``, except
    that one bekräftad (or without a stated certainty) by no source of ``slag: polisen`` is
    :data:`EJ_POLISEN`. ``slag``: source id -> ``Kalla.slag`` (docs/decisions/0072, 0500)."""
    if sakerhet is not None and sakerhet != "bekraftad":
        return sakerhet
    if any(slag.get(c) == "polisen" for c in kallor):
        return "bekraftad"
    return EJ_POLISEN


def _slag(omraden: OmradenFil) -> dict[str, str | None]:
    return {k.id: k.slag for k in omraden.kallor}


def _klass_av(k: Klassning | AntalPaNiva, slag: Mapping[str, str | None]) -> str:
    return klass(k.sakerhet, k.kallor, slag)


def _weakest(
    found: Sequence[Klassning | AntalPaNiva], omraden: OmradenFil
) -> tuple[str, tuple[str, ...]]:
    """The weakest class of ``found`` (not empty), and their sources in order: what a value
    that rests on them carries (docs/decisions/0500)."""
    slag = _slag(omraden)
    weakest = min((_klass_av(k, slag) for k in found), key=SAKERHET_ORDNING.index)
    return weakest, tuple(dict.fromkeys(kid for k in found for kid in k.kallor))


#: the levels of the list, lowest first
ORDNING: Final = ("utsatt", "riskomrade", "sarskilt-utsatt")
_NIVATEXT: Final = {
    "utsatt": "utsatt område",
    "riskomrade": "riskområde",
    "sarskilt-utsatt": "särskilt utsatt område",
    "ej-pa-listan": "ej på listan",
}


def shows_direction(nivaer: Iterable[str]) -> bool:
    """Whether a count of areas at ``nivaer`` falls exactly when areas improve: the levels counted
    must include every level above the lowest one counted (särskilt utsatt; riskområde and
    särskilt utsatt; all three). A count of riskområden alone rises when a särskilt utsatt area
    improves to riskområde, so its change says nothing about better or worse."""
    counted = [i for i, n in enumerate(ORDNING) if n in set(nivaer)]
    return bool(counted) and counted == list(range(counted[0], len(ORDNING)))


def rise_caution(nivaer: Iterable[str]) -> str | None:
    """Swedish, for a count of areas on the list whose change does not show the direction
    (:func:`shows_direction`): that it rises when the police move an area on a higher level, not
    counted, down to a counted one, so a rise is no sure higher level for any area (granska14 F12:
    the chart of riskområden 1 → 2); None for a count whose change shows it. A lower level is
    said as what the police did, not as an improvement: the police's level alone does not show
    whether the development has turned (sann25 item 3)."""
    wanted = set(nivaer)
    counted = [i for i, n in enumerate(ORDNING) if n in wanted]
    if not counted or shows_direction(wanted):
        return None
    above = [_NIVATEXT[n] for n in ORDNING[counted[0] + 1 :] if n not in wanted]
    where = "den här nivån" if len(counted) == 1 else "de här nivåerna"
    return (
        "En ökning betyder inte säkert att något område har fått en högre nivå: antalet ökar när "
        f"ett område flyttas ned till {where} från {' eller '.join(above)}, alltså när polisen "
        "bedömer områdets påverkan som lägre, och minskar när ett område här flyttas upp till en "
        "nivå som inte räknas."
    )


def moves_text(omraden: OmradenFil, nivaer: Iterable[str], fran: int, till: int) -> str:
    """Swedish: which areas came to or left the counted levels between two editions, and whether
    each move on the list was to a lower or a higher level ("Biskopsgården in från särskilt
    utsatt område (lägre nivå)"); onto or off the list says itself ("Rannebergen ut till ej på
    listan"). Not "förbättring": the police's level alone does not show it (sann25 item 3)."""
    wanted = set(nivaer)
    rank = {n: i + 1 for i, n in enumerate(ORDNING)} | {"ej-pa-listan": 0}
    parts = []
    for o in omraden.omraden:
        a, b = _niva(o, fran), _niva(o, till)
        if a == b or a not in rank or b not in rank or (a in wanted) == (b in wanted):
            continue
        way = (
            ""
            if 0 in (rank[a], rank[b])
            else " (lägre nivå)"
            if rank[b] < rank[a]
            else " (högre nivå)"
        )
        if b in wanted:
            parts.append(f"{o.namn} in från {_NIVATEXT[a]}{way}")
        else:
            parts.append(f"{o.namn} ut till {_NIVATEXT[b]}{way}")
    if not parts:
        return "inga områden har kommit till eller lämnat nivån"
    return begransad(parts, LISTADE_NAMN, "; ", och_last=False)


# a NamedTuple, not a frozen dataclass: made at every start, and this is ~4x cheaper (0665)
class Serie(NamedTuple):
    """A computed series: the values that are known and the editions whose value is missing."""

    punkter: tuple[Point, ...]
    luckor: tuple[Lucka, ...] = ()


def klassning_i(omrade: Omrade, upplaga: int) -> Klassning:
    """The area's klassning in edition ``upplaga``; without one in the file, an unknown level
    without a source (``niva: okand, sakerhet: saknas``), never "not on the list".

    Raises ValueError when the area has more than one klassning for the edition.
    """
    found = [k for k in omrade.klassning if k.upplaga == upplaga]
    if len(found) > 1:
        raise ValueError(f"området {omrade.id} har flera klassningar för upplagan {upplaga}")
    return found[0] if found else _okand(upplaga)


@cache
def _okand(upplaga: int) -> Klassning:
    return Klassning(upplaga=upplaga, niva="okand", sakerhet="saknas", kallor=[])


def _niva(omrade: Omrade, upplaga: int) -> Niva:
    return klassning_i(omrade, upplaga).niva


def counts(niva: str, nivaer: Iterable[str]) -> bool | None:
    """Whether an area at ``niva`` is counted among ``nivaer``: None when the level leaves it open.

    A level named in ``nivaer`` is counted as such (``okand`` too, when asked for).
    """
    wanted = frozenset(nivaer)
    if niva in wanted:
        return True
    possible = MOJLIGA_NIVAER.get(niva, frozenset({niva}))
    if possible <= wanted:
        return True
    if not possible & wanted:
        return False
    return None


#: how serious a level is, off the list lowest
_RANG: Final[Mapping[str, int]] = {"ej-pa-listan": 0} | {n: i + 1 for i, n in enumerate(ORDNING)}


def _andring(fore: str, efter: str) -> str:
    a, b = _RANG[fore], _RANG[efter]
    if a == b:
        return "oforandrad" if a else "ej-pa-listan"
    if a == 0:
        return "ny"
    if b == 0:
        return "lamnat"
    return "lagre" if b < a else "hogre"


def change_between(fore: str, efter: str) -> str | None:
    """The change of an area's level from one edition to the next: ``ny`` (onto the list),
    ``lamnat`` (left it), ``lagre``, ``hogre``, ``oforandrad`` or ``ej-pa-listan`` (off it in
    both); None when a level the sources leave open could make it more than one of these.

    The same rule as the counts (:data:`MOJLIGA_NIVAER`): ``pa-listan-niva-okand`` is not
    särskilt utsatt, so an area that was särskilt utsatt and is now on the list at a level the
    sources do not give has a lower level, known although the level itself is not."""
    kinds = mojliga_andringar(fore, efter)
    return next(iter(kinds)) if len(kinds) == 1 else None


def change_inferred(fore: str, efter: str) -> bool:
    """Whether the change between two levels is known only by reasoning from what a level the
    sources do not give cannot be: from särskilt utsatt to on the list at a level not given is
    "lagre" because that level is not särskilt utsatt (the sources name those), which no source
    says of the area itself. Such a change is slutledd, whatever its two levels' certainty
    (docs/decisions/0676). Onto or off the list is not: being on it is the level's own claim;
    "oforandrad" never rests on such a level (its level may be either of two)."""
    return change_between(fore, efter) in ("lagre", "hogre") and bool(
        {fore, efter} & MOJLIGA_NIVAER.keys()
    )


def mojliga_andringar(fore: str, efter: str) -> frozenset[str]:
    """Every change (:func:`change_between`'s words) the two levels may stand for."""
    return frozenset(
        _andring(a, b)
        for a in MOJLIGA_NIVAER.get(fore, frozenset({fore}))
        for b in MOJLIGA_NIVAER.get(efter, frozenset({efter}))
    )


def niva_text(niva: str) -> str:
    """Swedish: the level, or the levels an unknown level may stand for, highest first
    ("särskilt utsatt område eller riskområde eller utsatt område eller ej på listan"). A level
    on the list that the sources do not give is said as they say it: the list may no longer use
    the names riskområde and utsatt område (fakta.md §2.2, 2025)."""
    if niva == "pa-listan-niva-okand":
        return "på listan men inte som särskilt utsatt område (nivån anges inte)"
    possible = MOJLIGA_NIVAER.get(niva, frozenset({niva}))
    order = [*reversed(ORDNING), "ej-pa-listan"]
    return " eller ".join(_NIVATEXT[n] for n in order if n in possible)


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
    """The ids of the areas whose level in edition ``upplaga`` is not fully known, in file order."""
    return [o.id for o in omraden.omraden if _niva(o, upplaga) in MOJLIGA_NIVAER]


def _point_or_gap(
    omraden: OmradenFil,
    ar: int,
    states: list[tuple[str, bool | None]],
    upplagor: Sequence[int],
    grund: Mapping[str, Sequence[Klassning]] | None = None,
) -> Point | Lucka:
    open_ = tuple(i for i, s in states if s is None)
    if open_:
        names = {o.id: o.namn for o in omraden.omraden}
        return Lucka(ar, Orsak.NIVA_OKAND, open_, tuple(names[i] for i in open_))
    # A count rests on every area's level in the edition, counted or not: "1 riskområde" is as
    # sure as Tynnered's riskområde and as every other area's level that is not riskområde
    # (Hisings Backa's utsatt, from the press, in 2021). An area that is not counted rests on the
    # klassningar that decide it is not, where ``grund`` gives them (Gårdsten is not new in 2025
    # because it was on the 2021 list, whatever its 2025 level); otherwise on its klassningar in
    # these editions (docs/decisions/0666).
    counted = [i for i, s in states if s]
    found: list[Klassning] = []
    for o in omraden.omraden:
        if o.id not in counted and grund is not None and o.id in grund:
            found.extend(grund[o.id])
        else:
            found.extend(klassning_i(o, u) for u in upplagor)
    if not found:
        return Point(ar, float(len(counted)))
    sakerhet, kallor = _weakest(found, omraden)
    return Point(ar, float(len(counted)), sakerhet=sakerhet, kallor=kallor)


def _serie(items: Iterable[Point | Lucka]) -> Serie:
    punkter: list[Point] = []
    luckor: list[Lucka] = []
    for item in items:
        if isinstance(item, Point):
            punkter.append(item)
        else:
            luckor.append(item)
    return Serie(tuple(punkter), tuple(luckor))


def count_in(omraden: OmradenFil, upplaga: int, nivaer: Iterable[Niva]) -> Point | Lucka:
    """The number of areas at one of ``nivaer`` in edition ``upplaga``, or the gap that leaves it
    open. A count the edition states (``antal``, from its own source) for every level counted
    is the value, as sure as that source (:func:`stated_count`): the source says the number, so
    the number does not rest on the other areas' levels (docs/decisions/0675). Otherwise the
    areas are counted, as sure as every level the count rests on (0666)."""
    wanted = tuple(nivaer)
    stated = stated_count(omraden, upplaga, wanted)
    return stated if stated is not None else _count_of_areas(omraden, upplaga, wanted)


def _count_of_areas(omraden: OmradenFil, upplaga: int, wanted: Sequence[str]) -> Point | Lucka:
    states = [(o.id, counts(_niva(o, upplaga), wanted)) for o in omraden.omraden]
    return _point_or_gap(omraden, upplaga, states, (upplaga,))


def uses_stated_count(omraden: OmradenFil, upplaga: int, nivaer: Iterable[str]) -> bool:
    """Whether :func:`count_in` gives the edition's stated count rather than the areas' count."""
    return stated_count(omraden, upplaga, nivaer) is not None


def areas_leave_open(omraden: OmradenFil, upplaga: int, nivaer: Iterable[str]) -> bool:
    """Whether the areas' levels in edition ``upplaga`` leave the count at ``nivaer`` open (a
    level the sources do not give could be one of them): then a stated count is all that is
    known, and not which areas it counts."""
    return isinstance(_count_of_areas(omraden, upplaga, tuple(nivaer)), Lucka)


def stated_count(omraden: OmradenFil, upplaga: int, nivaer: Iterable[str]) -> Point | None:
    """The count of areas at ``nivaer`` that edition ``upplaga`` states (``Upplaga.antal``): the
    sum of the stated counts, as sure as the weakest of them, with their sources; None unless
    every level in ``nivaer`` is a level of the list (utsatt, riskområde, särskilt utsatt) with a
    stated count. Says nothing about which areas they are (docs/decisions/0320-antal-per-niva.md);
    where the areas' levels decide the count too, validate has checked that they agree
    (antal-motsager-nivaer), so only its certainty and sources differ (0675).
    """
    wanted = set(nivaer)
    if set(ORDNING) <= wanted:
        # on the list at a level not given is one of the three: all three are the whole list
        wanted.discard("pa-listan-niva-okand")
    stated = {a.niva: a for u in omraden.upplagor if u.ar == upplaga for a in u.antal}
    if not wanted or not wanted <= stated.keys():
        return None
    used = [stated[n] for n in ORDNING if n in wanted]
    weakest, kallor = _weakest(used, omraden)
    return Point(upplaga, float(sum(a.antal for a in used)), sakerhet=weakest, kallor=kallor)


def level_bounds(omraden: OmradenFil, upplaga: int, niva: str) -> tuple[int, int]:
    """How many areas the file's klassningar put at ``niva`` in edition ``upplaga`` for certain,
    and how many they allow at most (those plus the areas whose level leaves it open)."""
    states = [counts(_niva(o, upplaga), (niva,)) for o in omraden.omraden]
    return states.count(True), states.count(True) + states.count(None)


def count_per_edition(omraden: OmradenFil, nivaer: Iterable[Niva]) -> Serie:
    """Per edition (year order), the number of areas at one of ``nivaer``."""
    wanted = tuple(nivaer)
    return _serie(count_in(omraden, ar, wanted) for ar in _editions(omraden))


def _is_new(omrade: Omrade, upplaga: int, wanted: Sequence[str], jamfor_med: int) -> bool | None:
    """At ``wanted`` in ``upplaga`` and on no level of the list in ``jamfor_med`` (Kleene and)."""
    now = counts(_niva(omrade, upplaga), wanted)
    off_before = counts(_niva(omrade, jamfor_med), ("ej-pa-listan",))
    if now is False or off_before is False:
        return False
    if now is None or off_before is None:
        return None
    return True


def _not_new_rests_on(
    omrade: Omrade,
    upplaga: int,
    wanted: Sequence[str],
    jamfor_med: int,
    slag: Mapping[str, str | None],
) -> tuple[Klassning, ...]:
    """What shows an area is not new: the klassning that decides it (off the counted levels in
    ``upplaga``, or on the list in ``jamfor_med``; the surer one where both do, both where
    neither alone does), and its level in ``upplaga`` where that is known, since a count of
    the edition's new areas is no surer than what is known of the edition's list. An unknown
    level (a missing entry) adds nothing: the area's other klassning decides."""
    now, before = klassning_i(omrade, upplaga), klassning_i(omrade, jamfor_med)
    deciding = [
        k
        for k, state in (
            (now, counts(now.niva, wanted)),
            (before, counts(before.niva, ("ej-pa-listan",))),
        )
        if state is False
    ]
    if not deciding:
        return (now, before)
    best = max(deciding, key=lambda k: SAKERHET_ORDNING.index(_klass_av(k, slag)))
    return (best,) if best is now or now.niva == "okand" else (best, now)


def new_area_ids(
    omraden: OmradenFil, upplaga: int, nivaer: Iterable[Niva], jamfor_med: int
) -> list[str]:
    """Areas certainly at one of ``nivaer`` in ``upplaga`` and certainly off the list in
    ``jamfor_med``."""
    _check_edition(omraden, jamfor_med)
    wanted = tuple(nivaer)
    return [o.id for o in omraden.omraden if _is_new(o, upplaga, wanted, jamfor_med)]


def _no_missing_area(
    omraden: OmradenFil, upplagor: Sequence[int], item: Point | Lucka
) -> Point | Lucka:
    """A count of new areas is no surer than the file's claim that it lacks no area of these
    editions (``nya_omraden_sakerhet``): "0 nya" rests on no split area being left out."""
    if isinstance(item, Lucka):
        return item
    stated = [
        u.nya_omraden_sakerhet
        for u in omraden.upplagor
        if u.ar in upplagor and u.nya_omraden_sakerhet is not None
    ]
    if not stated:
        return item
    weakest = min(
        (*stated, *([item.sakerhet] if item.sakerhet else [])), key=SAKERHET_ORDNING.index
    )
    return replace(item, sakerhet=weakest)


def new_areas(omraden: OmradenFil, nivaer: Iterable[Niva], jamfor_med: int) -> Serie:
    """Per edition after ``jamfor_med``, the number of areas at one of ``nivaer`` that were on no
    level of the list (utsatt, riskområde, särskilt utsatt) in edition ``jamfor_med``; a gap
    where an unknown level in either edition leaves it open.

    Raises ValueError when ``jamfor_med`` is not an edition in the file.
    """
    _check_edition(omraden, jamfor_med)
    wanted = tuple(nivaer)
    slag = _slag(omraden)
    return _serie(
        _no_missing_area(
            omraden,
            (jamfor_med, ar),
            _point_or_gap(
                omraden,
                ar,
                [(o.id, _is_new(o, ar, wanted, jamfor_med)) for o in omraden.omraden],
                (jamfor_med, ar),
                {o.id: _not_new_rests_on(o, ar, wanted, jamfor_med, slag) for o in omraden.omraden},
            ),
        )
        for ar in _editions(omraden)
        if ar > jamfor_med
    )


def points_for(berakning: Berakning, omraden: OmradenFil) -> Serie:
    """The series an indicator's ``berakning`` describes.

    Raises ValueError for nya-omraden without ``jamfor_med`` or with one that is not an edition.
    """
    if berakning.typ == "antal-omraden":
        return count_per_edition(omraden, berakning.nivaer)
    if berakning.jamfor_med is None:
        raise ValueError("berakning nya-omraden behöver jamfor_med (upplagan att jämföra med)")
    return new_areas(omraden, berakning.nivaer, berakning.jamfor_med)


def baslinje_upplaga(upplagor: Iterable[int], plan_fran: int) -> int | None:
    """The edition the plan's goal is measured from: the last of ``upplagor`` before the plan's
    first year ``plan_fran`` (None when there is none)."""
    return max((u for u in upplagor if u < plan_fran), default=None)


def baseline_for(
    berakning: Berakning, omraden: OmradenFil, plan_fran: int | None
) -> Point | Lucka | None:
    """The baseline of a computed indicator: the count in the last edition before the plan's
    first year ``plan_fran`` (:func:`baslinje_upplaga`; None when there is no such edition or no
    plan, a gap when a level it needs is unknown); for nya-omraden the reference
    edition ``jamfor_med`` with 0 areas, since no area is new compared with itself."""
    if berakning.typ == "nya-omraden":
        if berakning.jamfor_med is None:
            raise ValueError("berakning nya-omraden behöver jamfor_med (upplagan att jämföra med)")
        _check_edition(omraden, berakning.jamfor_med)
        # 0 by definition, not a reading of the list: no certainty or source of its own
        return Point(berakning.jamfor_med, 0.0)
    upplaga = None if plan_fran is None else baslinje_upplaga(_editions(omraden), plan_fran)
    if upplaga is None:
        return None
    return count_in(omraden, upplaga, berakning.nivaer)
