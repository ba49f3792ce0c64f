"""`utsatta indikatorer`: every indicator with its values, målvärden and status, as text (a rich
table) or JSON. Returned as text; the CLI prints it."""

from __future__ import annotations

import json
from typing import Any, Final

from utsatta.load.dataset import DataSet
from utsatta.render import labels
from utsatta.render.breakdown import per_kon, per_omrade
from utsatta.render.console_text import string_console, text_of, txt

#: 2 since decision 0500: a count's ``sakerhet`` "bekraftad" now means confirmed by the police
#: in every level it rests on, and "bekraftad-ej-polisen" is new (before: confirmed by any source)
SCHEMAVERSION: Final = 2


def _omrade_ids(ds: DataSet) -> list[str]:
    """The område ids in omraden.yaml order (empty without a valid omraden.yaml)."""
    return [o.id for o in ds.omraden.model.omraden] if ds.omraden and ds.omraden.model else []


def indicators_data(ds: DataSet, ar: int | None) -> dict[str, Any]:
    """The indicators as plain data for JSON: raw numbers, no formatting. ``framsteg_andel`` is
    the share of the distance from the baseline to the målvärde covered by the latest value (the
    report's "Framsteg"), null where there is no such share.

    ``per_omrade`` (``{"omrade", "ar", "varde"}``, by område in omraden.yaml order, then year) and
    ``per_kon`` (``{"kon", "ar", "varde"}``, kön K before M, then year) are the utfall up to
    ``ar`` outside the headline series, the same values as the report's "Per område" and "Per
    kön" tables (:func:`utsatta.render.breakdown.per_omrade`); ``omrade`` is the id. A value for an
    område and a kön is in ``per_omrade`` with a ``"kon"`` key ("K" or "M"), after the område's
    totals. Both lists are empty when the indicator has no such values.

    Then :meth:`IndicatorResult.as_dict`'s keys: ``status_text``, ``statusslag``, ``orsak_text``,
    ``berakning``, ``serie`` (every value with ``sakerhet``, ``kallor``, ``belagg``), ``luckor``,
    ``sakerhet`` and ``kallor`` (publisher, title, URL, date, certainty). Each value of ``serie``
    also has ``angivet_antal``: for a count a source states for an edition of the police list,
    not one counted from the areas' levels, the words the report writes beside it ("antal enligt
    Göteborgs-Posten"), else null."""
    from utsatta.compute.indicators import evaluate
    from utsatta.render.angivet import noter

    omraden = _omrade_ids(ds)
    omr = ds.omraden.model if ds.omraden else None
    out = []
    for r in evaluate(ds, ar):
        p = r.progress
        delar_omrade = []
        for u in per_omrade(r.indikator, ar, omraden):
            item: dict[str, Any] = {"omrade": u.omrade, "ar": u.ar, "varde": u.varde}
            if u.kon in ("K", "M"):
                item["kon"] = u.kon
            delar_omrade.append(item)
        out.append(
            {
                "id": r.indikator.id,
                "namn": r.indikator.namn,
                "fokusomrade": r.indikator.fokusomrade,
                "insatser": list(r.indikator.insatser),
                "enhet": r.indikator.enhet,
                "riktning": r.indikator.riktning,
                "metod": p.metod,
                "baslinje": _point(p.baslinje),
                "senaste": _point(p.senaste),
                "malvarde": None if p.malvarde is None else {"ar": p.malar, "varde": p.malvarde},
                "framsteg_andel": labels.framsteg_andel(r),
                "kvot": p.kvot,
                "trosklar": list(p.trosklar),
                "status": str(p.status),
                "orsak": None if p.orsak is None else str(p.orsak),
                "forklaring": p.forklaring,
                "per_omrade": delar_omrade,
                "per_kon": [
                    {"kon": u.kon, "ar": u.ar, "varde": u.varde} for u in per_kon(r.indikator, ar)
                ],
                "illustrativ": r.indikator.illustrativ,
                "fil": r.file,
                # the status in words, its kind and reason, the whole series with each value's
                # certainty and sources, the gaps, and the sources (compute/indicators.py)
                **_with_notes(r.as_dict(), noter(omr, r)),
            }
        )
    return {"schemaversion": SCHEMAVERSION, "ar": ar, "indikatorer": out}


def _with_notes(data: dict[str, Any], notes: dict[int, str]) -> dict[str, Any]:
    """``as_dict()`` without its ``id`` (the caller's first key), each value of ``serie`` with
    its ``angivet_antal``."""
    out = {k: v for k, v in data.items() if k != "id"}
    out["serie"] = [{**p, "angivet_antal": notes.get(p["ar"])} for p in out["serie"]]
    return out


def _point(p: Any) -> dict[str, Any] | None:
    return None if p is None else {"ar": p.ar, "varde": p.varde}


def indicators_json(ds: DataSet, ar: int | None) -> str:
    return json.dumps(indicators_data(ds, ar), ensure_ascii=False, indent=2) + "\n"


def _delar_text(n_omrade: int, n_kon: int) -> str | None:
    """ "3 värden per område, 1 per kön", or None without such values."""
    parts = []
    if n_omrade:
        parts.append(f"{n_omrade} {'värde' if n_omrade == 1 else 'värden'} per område")
    if n_kon:
        parts.append(
            f"{n_kon} per kön"
            if parts
            else f"{n_kon} {'värde' if n_kon == 1 else 'värden'} per kön"
        )
    return ", ".join(parts) or None


def indicators_text(
    ds: DataSet,
    ar: int | None,
    width: int | None = None,
    *,
    styles: bool = False,
    ascii_only: bool = False,
) -> str:
    """The indicators as tables per fokusområde, with the report's numbers and words: the same
    Swedish number format, målvärde, "Framsteg" (share of the way) and status.

    Values per område and per kön are not in the table (it shows the headline series): under
    each table, one line per indicator that has such values counts them ("Namn: 3 värden per
    område, 1 per kön") and points to the report and ``--format json`` for the values.
    ``width`` as in ``overview.plan_text`` (here at least 120 columns), never the terminal's
    unless the caller passes it; terminal escapes only with ``styles``; ASCII table borders with
    ``ascii_only``."""
    from rich.table import Table

    from utsatta.compute.indicators import evaluate, med_ar
    from utsatta.render.angivet import noter
    from utsatta.render.report.sections.indicators import (
        malvarde_med_markering,
        status_med_markering,
    )

    assert ds.plan and ds.plan.model
    fokus = {f.id: f"Fokusområde {f.id}: {f.namn}" for f in ds.plan.model.fokusomraden}
    # Six columns of Swedish words: never squeeze below 120 characters, even in a pipe, and
    # wrap rather than cut (a status like "Otillräcklig takt" must be read whole).
    console = string_console(width, min_width=120, styles=styles, ascii_only=ascii_only)
    title = f"Indikatorer {ar}" if ar is not None else "Indikatorer"
    groups: dict[str, list[list[str]]] = {}
    delar: dict[str, list[str]] = {}
    omraden = _omrade_ids(ds)
    omr = ds.omraden.model if ds.omraden else None
    for r in evaluate(ds, ar):
        unit = r.indikator.enhet
        # a count a source states says so and whose (render/angivet.py)
        notes = noter(omr, r)
        b, s = r.baslinje, r.serie[-1] if r.serie else None
        status = status_med_markering(r)
        gammal = labels.inaktuell_text(r, ar)
        if gammal:
            status += f" · {gammal}"
        key = r.indikator.fokusomrade
        # an indicator linked to no goal is not the goal's (IndikatorFil.ovrig, 0556)
        heading = (
            "Övriga indikatorer"
            if r.indikator.ovrig
            else "Planens mål"
            if key is None
            else fokus.get(key, key)
        )
        n = _delar_text(len(per_omrade(r.indikator, ar, omraden)), len(per_kon(r.indikator, ar)))
        if n is not None:
            delar.setdefault(heading, []).append(f"{r.indikator.namn}: {n}")
        groups.setdefault(heading, []).append(
            [
                r.indikator.namn,
                med_ar(labels.varde(b.varde, unit), b.ar, b.sakerhet, notes.get(b.ar))
                if b
                else "–",
                med_ar(labels.varde(s.varde, unit), s.ar, s.sakerhet, notes.get(s.ar))
                if s
                else "–",
                "–" if (m := malvarde_med_markering(r)) == "saknas" else m,
                labels.framsteg_text(labels.framsteg_andel(r)),
                status,
            ]
        )
    for heading, rows in groups.items():
        table = Table(title=f"{title} – {txt(heading)}", title_justify="left", show_lines=True)
        table.add_column("Indikator", ratio=3, overflow="fold")
        for col in ("Baslinje", "Senaste", "Målvärde", "Framsteg"):
            table.add_column(col, ratio=1, overflow="fold")
        table.add_column("Status", ratio=2, overflow="fold")
        for row in rows:
            table.add_row(*(txt(cell) for cell in row))
        console.print(table)
        if heading in delar:
            console.print("Värden per område och kön (i rapporten och med --format json):")
            for line in delar[heading]:
                console.print(f"  {txt(line)}")
        console.print()
    return text_of(console)
