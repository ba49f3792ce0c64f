"""A development without a målvärde: förbättring, ingen tydlig förändring or försämring.

The rule (docs/decisions/0040-statuses-and-directions.md): a Mann–Kendall sign count over every
pair of points, where a pair only counts as a change when the two values differ by more than a
symmetric tolerance (:data:`TOLERANS` of the larger absolute value of the two). With 3 or 4 points
every pair must agree (every step the same way beyond the tolerance); from 5 points on, the count
must reach the one-sided 5 % level of the exact Mann–Kendall distribution. Pure functions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import Final

from utsatta.compute.status import Point, Status, fmt_procent, fmt_tal, label, riktningstext

#: two values differ when they differ by more than this share of the larger absolute value
TOLERANS: Final = 0.01
#: the fewest points a development is read from
MIN_PUNKTER: Final = 3
#: from this many points on, a significance level replaces "every pair agrees"
SIGNIFIKANS_FRAN: Final = 5
#: one-sided significance level of the Mann–Kendall count from SIGNIFIKANS_FRAN points on
ALFA: Final = 0.05
#: exact distribution up to this many points; a normal approximation beyond
_EXAKT_TILL: Final = 30

#: The method text the report shows (Swedish): how a development is read, and its limits.
METODTEXT_UTVECKLING: Final = (
    "Utan målvärde visar rapporten bara utvecklingen: förbättring, ingen tydlig förändring eller "
    "försämring. Utvecklingen mäts under planperioden: från det sista värdet före "
    "planperiodens första år och med alla värden därefter. Äldre värden beskriver läget före "
    "planen och räknas inte; finns färre än tre mätpunkter från det sista värdet före "
    "planperioden är indikatorn ej bedömbar (för få värden under planperioden). Varje par av "
    "mätpunkter jämförs; ett par räknas som en förändring bara om "
    f"värdena skiljer sig med mer än {fmt_procent(TOLERANS, 0)} av det större av dem, lika åt "
    "båda hållen. Med tre eller fyra mätpunkter krävs att alla par pekar åt samma håll, alltså "
    "att varje steg går samma väg; en enda svacka ger ingen riktning. Från fem mätpunkter krävs "
    "att övervikten av par åt ena hållet är så stor att den bara skulle uppstå av slump i högst "
    f"{fmt_procent(ALFA, 0)} av fallen (Mann–Kendalls test). Tre punkter kan bara visa en riktning "
    "om alla går samma väg, och säger inget om varför; färre än tre punkter ger ingen bedömning. "
    "Storleken på förändringen anges som medianen av lutningarna mellan alla par (Theil–Sen), "
    "men avgör inte utfallet."
)


def differs(a: float, b: float) -> int:
    """+1 when b is above a beyond the tolerance, −1 below, 0 within it (symmetric in a, b)."""
    tol = TOLERANS * max(abs(a), abs(b))
    if b - a > tol:
        return 1
    if a - b > tol:
        return -1
    return 0


def s_statistic(values: Sequence[float]) -> int:
    """Mann–Kendall S with the tolerance: Σ over pairs i < j of differs(x_i, x_j)."""
    return sum(
        differs(values[i], values[j]) for i in range(len(values)) for j in range(i + 1, len(values))
    )


@cache
def _inversion_counts(n: int) -> tuple[int, ...]:
    """How many permutations of n items have k inversions, for each k (Mahonian numbers)."""
    counts = [1]
    for m in range(2, n + 1):
        new = [0] * (len(counts) + m - 1)
        for k, c in enumerate(counts):
            for extra in range(m):
                new[k + extra] += c
        counts = new
    return tuple(counts)


def _s_min_raw(n: int) -> int:
    s_max = n * (n - 1) // 2
    if n < SIGNIFIKANS_FRAN:
        return s_max
    if n <= _EXAKT_TILL:
        counts = _inversion_counts(n)
        total = math.factorial(n)
        tail = 0
        # S = s_max − 2·inversions: walk from the top (fewest inversions) down
        for inv, c in enumerate(counts):
            if (tail + c) / total > ALFA:
                return s_max - 2 * inv + 2
            tail += c
        return s_max  # pragma: no cover - the tail always exceeds ALFA eventually
    var = n * (n - 1) * (2 * n + 5) / 18
    return math.ceil(1.6448536269514722 * math.sqrt(var)) + 1


@cache
def s_min(n: int) -> int:
    """The least |S| that shows a direction with n points (n ≥ MIN_PUNKTER).

    Never more than ``s_min(n − 1) + (n − 1)``: a point beyond all earlier ones adds n − 1
    agreeing pairs, so continuing a direction can never lose it.
    """
    if n < MIN_PUNKTER:
        raise ValueError(f"minst {MIN_PUNKTER} mätpunkter behövs")
    raw = _s_min_raw(n)
    if n == MIN_PUNKTER:
        return raw
    return min(raw, s_min(n - 1) + n - 1)


def theil_sen(points: Sequence[Point]) -> float:
    """The median of the slopes between all pairs of points (value per year)."""
    # statistics is read only here: validate reads this module (progress) but never a size
    from statistics import median

    slopes = [
        (b.varde - a.varde) / (b.ar - a.ar) for i, a in enumerate(points) for b in points[i + 1 :]
    ]
    return float(median(slopes))


def classify(s: int, n: int, d: int) -> Status:
    """Förbättring, ingen tydlig förändring or försämring from S (values as measured) and d."""
    need = s_min(n)
    if d * s >= need:
        return Status.FORBATTRING
    if d * s <= -need:
        return Status.FORSAMRING
    return Status.INGEN_TYDLIG_FORANDRING


def development(points: Sequence[Point], d: int) -> tuple[Status, int, int, str]:
    """Status, S, the |S| needed, and the working in Swedish for ≥ MIN_PUNKTER points."""
    n = len(points)
    values = [p.varde for p in points]
    signs = [differs(values[i], values[j]) for i in range(n) for j in range(i + 1, n)]
    s = sum(signs)
    need = s_min(n)
    status = classify(s, n, d)
    upp, ned = signs.count(1), signs.count(-1)
    battre, samre = (upp, ned) if d > 0 else (ned, upp)
    lika = len(signs) - upp - ned
    krav = (
        f"med {n} mätpunkter krävs att alla {len(signs)} par pekar åt samma håll"
        if n < SIGNIFIKANS_FRAN
        else f"med {n} mätpunkter krävs att paren åt ena hållet är minst {need} fler än åt "
        f"det andra (Mann–Kendall, {fmt_procent(ALFA, 0)} ensidigt); här {abs(battre - samre)}"
    )
    serie = ", ".join(f"{fmt_tal(p.varde)} ({p.ar})" for p in points)
    text = (
        f"Utveckling: {serie}; {riktningstext(d)}. Av {len(signs)} par är {battre} bättre, "
        f"{samre} sämre och {lika} utan skillnad större än {fmt_procent(TOLERANS, 0)} av det "
        f"större värdet; {krav}. Theil–Sen-lutning {fmt_tal(theil_sen(points), 2)} per år "
        f"→ {label(status)}."
    )
    return status, s, need, text
