"""The words of a chart (docs/decisions/0093): what every channel writes after a value
(:func:`how_sure`) and the chart in words for screen readers (:func:`description`), so the
chart's tooltip, its description and its table of values (render.chart_table) say the same."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Protocol

from utsatta.compute.indicators import markering_och_not
from utsatta.numbers import run_text, year_runs

__all__ = ["INGA", "GapLike", "PointLike", "description", "how_sure", "sentence", "wrap"]

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
    """``text`` in lines of at most ``width`` characters, broken at spaces. A word of more than
    3/5 of a line (a name without spaces, sak16 F4) is cut in pieces of that length, each a line
    of its own: a line counts characters, and such a piece stays inside the chart even in
    capitals ("WWW…"); docs/decisions/0521."""
    cut = width * 3 // 5
    lines: list[str] = []
    joinable = False  # whether the last line is of whole words, so the next word may join it
    for word in text.split():
        if len(word) > cut:
            lines += [word[i : i + cut] for i in range(0, len(word), cut)]
            joinable = False
        elif joinable and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
            joinable = True
    return lines
