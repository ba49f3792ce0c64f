"""Which years of a chart's series a line joins and which are marked "?" (värde saknas), for
the chart (render.chart) and its table of values (render.chart_table) alike: never inferred
from the gaps themselves (docs/decisions/0395)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from utsatta.render.chart_text import GapLike

__all__ = ["joined", "missing_years", "unvalued_years"]


def joined(a: int, b: int, matar: Sequence[int] | None) -> bool:
    """Whether values in years ``a`` < ``b`` are consecutive measurements, so a line may join
    them: adjacent years of ``matar`` (the years the series is measured in, where the data says
    so: the police's editions, an indicator's matintervall), or without it two years in a row.
    Never inferred from the gaps themselves (docs/decisions/0395)."""
    if matar is None:
        return b - a == 1
    return a in matar and b in matar and not any(a < m < b for m in matar)


def missing_years(years: Sequence[int], matar: Sequence[int] | None) -> list[int]:
    """The years between two values (``years``) that are not joined where a value may have
    been but is not: the years of ``matar`` without one, or without ``matar`` every year
    between them. Each is marked "?" (värde saknas), in the chart and in its table."""
    known = sorted(set(years))
    if matar is not None:
        return [m for m in matar if known and known[0] < m < known[-1] and m not in known]
    return [y for a, b in pairwise(known) for y in range(a + 1, b)]


def unvalued_years(
    valued: Sequence[int], luckor: Sequence[GapLike], matar: Sequence[int] | None
) -> list[int]:
    """The years marked "?" (värde saknas), in order: the known gaps (``luckor``) and the years
    between two values where one may have been (:func:`missing_years`), none with a value. The
    chart and its table of values both take them from here."""
    known = set(valued)
    return sorted(({g.ar for g in luckor} | set(missing_years(sorted(known), matar))) - known)
