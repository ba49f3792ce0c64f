"""Progress against a målvärde before the målår: förväntad bana and CAGR mot målvärde.

The formulas and thresholds follow ``shared/design/forebilder.md`` §7 (#5 and Open SDG method 2);
the decisions around them are in docs/decisions/0041-goal-methods.md. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from utsatta.compute.status import (
    Point,
    Status,
    decimals_for,
    fmt_procent,
    fmt_tal,
    label,
    riktningstext,
    rounded,
)

#: forvantad-bana and cagr-mal: i fas / behöver öka takten / otillräcklig; below: fel riktning
TROSKLAR_KVOT: Final = (0.95, 0.6, 0.0)
#: Open SDG replaces a base value or target of 0 by this in the CAGR formulas
CAGR_NOLL: Final = 0.001


@dataclass(eq=False)
class Utfall:
    """What a goal method gives: a status with its ratio, or None where it is undefined."""

    status: Status | None
    text: str
    kvot: float | None = None
    trosklar: tuple[float, ...] = ()


def met(d: int, value: float, target: float) -> bool:
    return d * (value - target) >= 0


def _kvottext(kvot: float, trosklar: Sequence[float], decimals: int) -> str:
    return fmt_tal(kvot, decimals_for(kvot, trosklar, decimals), fixed=True)


def band(status: Status, k: str, trosklar: Sequence[float], namn: str = "kvot") -> str:
    """The comparison that gave the status, e.g. "0,6 ≤ kvot 0,8 < 0,95 → behöver öka takten"."""
    hi, med, lo = (fmt_tal(t, 3) for t in trosklar)
    comparison = {
        Status.I_FAS: f"{namn} {k} ≥ {hi}",
        Status.BEHOVER_OKA_TAKTEN: f"{med} ≤ {namn} {k} < {hi}",
        Status.OTILLRACKLIG: f"{lo} ≤ {namn} {k} < {med}",
        Status.FEL_RIKTNING: f"{namn} {k} < {lo}",
    }[status]
    return f"{comparison} → {label(status)}"


def _classify(kvot: float, trosklar: Sequence[float]) -> Status:
    hi, med, lo = trosklar
    if kvot >= hi:
        return Status.I_FAS
    if kvot >= med:
        return Status.BEHOVER_OKA_TAKTEN
    if kvot >= lo:
        return Status.OTILLRACKLIG
    return Status.FEL_RIKTNING


def _already_met_then_lost(d: int, b: Point, s: Point, target: float) -> Utfall | None:
    """Baseline at or beyond the målvärde, latest value not: there is no distance to cover."""
    if not met(d, b.varde, target):
        return None
    return Utfall(
        Status.FEL_RIKTNING,
        f"Baslinjen {fmt_tal(b.varde)} ({b.ar}) nådde redan målvärdet {fmt_tal(target)}, men "
        f"senaste värdet {fmt_tal(s.varde)} ({s.ar}) gör det inte ({riktningstext(d)}) "
        f"→ {label(Status.FEL_RIKTNING)}.",
    )


def forvantad_bana(d: int, b: Point, s: Point, target: float, malar: int) -> Utfall:
    """Förväntad bana before the målår (``s.ar < malar``, ``b.ar < s.ar``)."""
    lost = _already_met_then_lost(d, b, s, target)
    if lost is not None:
        return lost
    actual = (s.varde - b.varde) / (target - b.varde)
    expected = (s.ar - b.ar) / (malar - b.ar)
    kvot = rounded(actual / expected)
    status = _classify(kvot, TROSKLAR_KVOT)
    k = _kvottext(kvot, TROSKLAR_KVOT, 2)
    text = (
        f"Förväntad bana: {fmt_procent(actual)} av avståndet till målvärdet "
        f"({fmt_tal(b.varde)} → {fmt_tal(target)}) tillryggalagt på {fmt_procent(expected)} av "
        f"tiden ({b.ar}–{malar}), med senaste värdet {fmt_tal(s.varde)} ({s.ar}); "
        f"{band(status, k, TROSKLAR_KVOT)}."
    )
    return Utfall(status, text, kvot, TROSKLAR_KVOT)


def _cagr_rate(value: float, base: float, years: int) -> float:
    return float((value / base) ** (1 / years) - 1)


def _opposite_signs(a: float, b: float) -> bool:
    return (a > 0 > b) or (a < 0 < b)


def _base_for_cagr(b: Point) -> tuple[float, int, str]:
    """Open SDG's base value (0 → 0.001), sign s and a note for the explanation."""
    base = CAGR_NOLL if b.varde == 0 else b.varde
    s = -1 if b.varde < 0 else 1
    note = ""
    if b.varde == 0:
        note = f" Basvärdet 0 räknas som {fmt_tal(CAGR_NOLL, 3)}, som i Open SDG."
    elif s < 0:
        note = " Basvärdet är negativt, så tecknet vänds (s = −1), som i Open SDG."
    return base, s, note


def cagr_mal(d: int, b: Point, s: Point, target: float, malar: int) -> Utfall:
    """CAGR mot målvärde (Open SDG method 2) before the målår; status None where undefined."""
    lost = _already_met_then_lost(d, b, s, target)
    if lost is not None:
        return lost
    base, sign, note = _base_for_cagr(b)
    goal = CAGR_NOLL if target == 0 else target
    if target == 0:
        note += f" Målvärdet 0 räknas som {fmt_tal(CAGR_NOLL, 3)} i takten, som i Open SDG."
    if malar <= b.ar:
        return Utfall(
            None,
            f"Målåret {malar} ligger inte efter baslinjen {b.ar}; en nödvändig årlig takt går "
            "inte att beräkna.",
        )
    if _opposite_signs(base, s.varde) or _opposite_signs(base, goal):
        return Utfall(
            None,
            f"Basvärdet {fmt_tal(b.varde)}, senaste värdet {fmt_tal(s.varde)} och målvärdet "
            f"{fmt_tal(target)} har inte samma tecken; CAGR går inte att beräkna.",
        )
    observed = _cagr_rate(s.varde, base, s.ar - b.ar)
    required = _cagr_rate(goal, base, malar - b.ar)
    if required == 0:  # only when målvärde and baseline are all but equal
        return Utfall(
            None,
            f"Målvärdet {fmt_tal(target)} och basvärdet {fmt_tal(b.varde)} ger ingen nödvändig "
            "takt.",
        )
    kvot = rounded(sign * d * observed / abs(required))
    status = _classify(kvot, TROSKLAR_KVOT)
    k = _kvottext(kvot, TROSKLAR_KVOT, 2)
    text = (
        f"CAGR mot målvärde (Open SDG metod 2): observerad årlig förändring "
        f"{fmt_procent(observed, 2)} ({fmt_tal(b.varde)} år {b.ar} → {fmt_tal(s.varde)} år "
        f"{s.ar}), nödvändig {fmt_procent(required, 2)} per år för att nå {fmt_tal(target)} år "
        f"{malar}; {riktningstext(d)}, {band(status, k, TROSKLAR_KVOT, 'P')}.{note}"
    )
    return Utfall(status, text, kvot, TROSKLAR_KVOT)


def cagr_text(b: Point, s: Point) -> str:
    """ "Årlig förändring (CAGR) −1,51 % från 100 (2020) till 97 (2022)." or "" where undefined."""
    if b.varde == 0 or _opposite_signs(b.varde, s.varde) or s.ar <= b.ar:
        return ""
    rate = _cagr_rate(s.varde, b.varde, s.ar - b.ar)
    return (
        f" Årlig förändring (CAGR) {fmt_procent(rate, 2)} från {fmt_tal(b.varde)} ({b.ar}) till "
        f"{fmt_tal(s.varde)} ({s.ar})."
    )
