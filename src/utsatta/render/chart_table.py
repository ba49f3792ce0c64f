"""The values of a chart as an HTML table (docs/decisions/0093-diagram-som-inte-vilseleder.md):
every chart in the HTML report is followed by its values, for screen readers and for copying,
in a collapsed <details> so the page stays short. Every text is escaped here."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape as _html_escape
from types import MappingProxyType

from utsatta import escape as channel
from utsatta.numbers import run_text, year_runs
from utsatta.render.chart import GapLike, PointLike, how_sure
from utsatta.render.chart_years import unvalued_years

__all__ = ["values_table"]


def escape(text: str, *, quote: bool) -> str:
    """HTML-escaped text from the data, without control, bidi or stray zero-width characters
    (the Jinja finalize does not see HTML built here)."""
    clean = channel.html_attr(text) if quote else channel.html_text(text)
    return _html_escape(clean, quote=quote)


def values_table(
    *,
    ident: str,
    titel: str,
    baslinje: PointLike | None,
    utfall: Sequence[PointLike],
    malvarde: float | None,
    malar: int | None,
    fmt: Callable[[float], str],
    luckor: Sequence[GapLike] = (),
    kalla: str = "",
    noter: Mapping[int, str] = MappingProxyType({}),
    matar: Sequence[int] | None = None,
    trendstart_ar: int | None = None,
) -> str:
    """``<details>`` with a table År | Värde | Vad (baslinje, utfall with its certainty, värde
    saknas, målvärde), in year order; "" when there is nothing to show. A value with a note
    (``noter``: a count a source states) has it after its certainty, as in the chart. The
    years without a value are those the chart marks "?" (``luckor`` and, from ``matar``, the
    years between two values where a value may have been: chart_years.unvalued_years); years
    in a row without one share a row ("1991–2016"). With a ``kalla`` the table links to the
    chart, whose caption names the sources: they are said once. The value a development is
    measured from (``trendstart_ar``, when it is not the baseline) says so, as the chart's ring
    does."""
    # (year, order in the year, the year as written, value, what)
    rows: list[tuple[int, int, str, str, str]] = []
    if baslinje is not None:
        rows.append(
            (
                baslinje.ar,
                0,
                str(baslinje.ar),
                fmt(baslinje.varde),
                "Baslinje" + how_sure(baslinje, noter),
            )
        )
    for p in utfall:
        if baslinje is not None and p.ar == baslinje.ar:
            continue
        start = "; trendens start" if p.ar == trendstart_ar else ""
        rows.append((p.ar, 1, str(p.ar), fmt(p.varde), "Utfall" + how_sure(p, noter) + start))
    # one row per run of years in a row, as the chart's description says them (granska10 F11)
    for run in year_runs(unvalued_years([r[0] for r in rows], luckor, matar)):
        rows.append((run[0], 2, run_text(run), "–", "Värde saknas"))
    if malvarde is not None and malar is not None:
        rows.append((malar, 3, str(malar), fmt(malvarde), "Målvärde"))
    if not rows:
        return ""
    name = escape(titel, quote=True)
    body = "\n".join(
        f'<tr><th scope="row">{ar}</th><td class="num">{escape(value, quote=False)}</td>'
        f"<td>{escape(what, quote=False)}</td></tr>"
        for _, _, ar, value, what in sorted(rows)
    )
    # the sources are the chart's, named under it: said once, linked here (granska14 F14)
    source = (
        f'<p class="muted">Källa: samma som för <a href="#diagram-{escape(ident, quote=True)}">'
        "diagrammet</a> ovan.</p>\n"
        if kalla
        else ""
    )
    return (
        f'<details class="diagramdata" id="varden-{escape(ident, quote=True)}">\n'
        f"<summary>Diagrammets värden som tabell</summary>\n"
        f'<div class="table-wrap" role="region" aria-label="Värden: {name}" tabindex="0">\n'
        f"<table>\n<caption>Värden: {escape(titel, quote=False)}</caption>\n"
        f'<thead><tr><th scope="col">År</th><th scope="col" class="num">Värde</th>'
        f'<th scope="col">Vad</th></tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>\n'
        f"{source}</details>"
    )
