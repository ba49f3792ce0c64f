"""The words of a chart (docs/decisions/0093): what every channel writes after a value
(:func:`how_sure`) and the chart in words for screen readers (:func:`description`), so the
chart's tooltip, its description and its table of values (render.chart_table) say the same."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Protocol

from utsatta.compute.indicators import markering_och_not
from utsatta.invisible import is_selector
from utsatta.numbers import run_text, year_runs

__all__ = [
    "INGA",
    "GapLike",
    "PointLike",
    "columns",
    "description",
    "how_sure",
    "sentence",
    "wrap",
]

#: no notes: a value is what the chart's marker says
INGA: Mapping[int, str] = MappingProxyType({})


class PointLike(Protocol):
    """A value in a year; ``compute.progress.Point`` fits."""

    @property
    def ar(self) -> int: ...
    @property
    def varde(self) -> float: ...
    @property
    def metodbyte(self) -> bool: ...


class GapLike(Protocol):
    """A year without a value; ``compute.status.Lucka`` fits."""

    @property
    def ar(self) -> int: ...


def how_sure(p: PointLike, noter: Mapping[int, str] = INGA) -> str:
    """ " (uppgift i andra hand)", " (slutledd)", " (källa saknas)" or "": the marker every
    channel writes after a value (compute.indicators.markering), then the value's note if it
    has one (" (antal enligt Göteborgs-Posten)", " (uppgift i andra hand, antal enligt …)")."""
    m = markering_och_not(getattr(p, "sakerhet", None), noter.get(p.ar))
    return f" ({m})" if m else ""


def sentence(text: str) -> str:
    """``text`` with a full stop, unless it ends with one ("per 100 000 inv.")."""
    return text if text.endswith(".") else text + "."


def description(
    titel: str,
    baslinje: PointLike | None,
    points: Sequence[PointLike],
    malvarde: float | None,
    malar: int | None,
    fmt: Callable[[float], str],
    gaps: Sequence[int] = (),
    noter: Mapping[int, str] = INGA,
) -> str:
    """The chart in words, for screen readers (and the tooltip)."""
    parts = [f"Diagram: {titel}."]
    if baslinje is not None:
        parts.append(
            sentence(f"Baslinje {baslinje.ar}: {fmt(baslinje.varde)}{how_sure(baslinje, noter)}")
        )
    if points:
        values = "; ".join(f"{p.ar}: {fmt(p.varde)}{how_sure(p, noter)}" for p in points)
        parts.append(sentence(f"Utfall {values}"))
    if gaps:
        parts.append(f"Värde saknas: {', '.join(run_text(r) for r in year_runs(gaps))}.")
    if malvarde is not None and malar is not None:
        parts.append(sentence(f"Målvärde {malar}: {fmt(malvarde)}"))
    else:
        parts.append("Målvärde saknas.")
    return " ".join(parts)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces. A word wider than
    3/5 of a line (a name without spaces, sak16 F4) is cut in pieces at most that wide, each a
    line of its own, so that such a piece stays inside the chart even in capitals ("WWW…");
    docs/decisions/0521. A column is a character's width: 2 for an East Asian wide character
    or an emoji, 0 for a combining mark, ZWJ or variation selector (VS16: 1); a piece is never cut
    inside a character (before a mark, ZWJ or selector, or after a ZWJ); docs/decisions/0528."""
    cut = max(1, width * 3 // 5)
    lines: list[str] = []
    joinable = False  # whether the last line is of whole words, so the next word may join it
    for word in text.split():
        if columns(word) > cut:
            lines += _pieces(word, cut)
            joinable = False
        elif joinable and columns(lines[-1]) + 1 + columns(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
            joinable = True
    return lines


def columns(text: str) -> int:
    """How many columns ``text`` takes in a chart (see :func:`wrap`)."""
    return sum(_columns(c) for c in text)


def _columns(char: str) -> int:
    if char == "\ufe0f":
        return 1  # VS16 draws the symbol before it as an emoji: two columns with it
    if _extends(char):
        return 0
    if unicodedata.east_asian_width(char) in "WF" or char >= "\U0001f000":
        return 2
    return 1


def _extends(char: str) -> bool:
    """A character drawn as part of the one before it: a mark, ZWJ, a variation selector, an
    emoji skin tone or a tag (emoji flags of regions)."""
    return (
        unicodedata.category(char)[0] == "M"
        or char == "\u200d"
        or is_selector(char)
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or "\U000e0020" <= char <= "\U000e01ef"  # tags, and VS17–VS256 at its end
    )


def _pieces(word: str, cut: int) -> list[str]:
    """``word`` in pieces of at most ``cut`` columns, cut only between characters as drawn (a
    character with its marks, or an emoji sequence joined by ZWJ; one alone wider than ``cut``
    is a piece of its own)."""
    clusters: list[str] = []
    for c in word:
        if clusters and (_extends(c) or clusters[-1].endswith("\u200d")):
            clusters[-1] += c
        else:
            clusters.append(c)
    pieces: list[str] = []
    used = cut  # the columns of the last piece: a full one, so the first cluster starts one
    for cluster in clusters:
        n = columns(cluster)
        if used + n > cut:
            pieces.append(cluster)
            used = n
        else:
            pieces[-1] += cluster
            used += n
    return pieces
