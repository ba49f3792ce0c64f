"""`utsatta plan`, `status` and `indikatorer`: the plan, the completeness matrix and the
indicators, as text (rich tables) or JSON. Everything is returned as text; the CLI prints it."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

from utsatta.compute.duties import year_matrix
from utsatta.compute.responsibility import Cell, resolve
from utsatta.escape import terminal
from utsatta.load.dataset import DataSet
from utsatta.render import labels
from utsatta.render.breakdown import per_kon, per_omrade


def _names(ds: DataSet) -> dict[str, str]:
    assert ds.organisationer and ds.organisationer.model
    return {o.id: o.namn for o in ds.organisationer.model.organisationer}


def plan_data(ds: DataSet) -> dict[str, Any]:
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model
    names = _names(ds)
    return {
        "insatser": [
            {
                "id": i.id,
                "titel": i.titel,
                "fokusomrade": i.fokusomrade,
                "samordningsansvar": [
                    {"id": o, "namn": names[o]} for o in resolve(i.samordningsansvar, orgs)
                ],
                "ansvar": [{"id": o, "namn": names[o]} for o in resolve(i.ansvar, orgs)],
                "uppfoljning": {
                    "typ": i.uppfoljning.typ,
                    "ar": i.uppfoljning.ar,
                    "text": i.uppfoljning.text,
                },
            }
            for i in ds.plan.model.insatser
        ],
        "ovriga_uppdrag": _ovriga_uppdrag(ds),
    }


def _ovriga_uppdrag(ds: DataSet) -> dict[str, Any] | None:
    assert ds.plan and ds.plan.model
    ovriga = ds.plan.model.ovriga_uppdrag
    return None if ovriga is None else ovriga.model_dump(mode="json")


def plan_json(ds: DataSet) -> str:
    return json.dumps(plan_data(ds), ensure_ascii=False, indent=2) + "\n"


def _console(min_width: int = 0) -> Console:
    """A console that writes into a string, with the width and colours it would have on
    stdout (never narrower than ``min_width``)."""
    from rich.console import Console

    real = Console()
    return Console(
        file=io.StringIO(),
        highlight=False,
        width=max(real.width, min_width),
        force_terminal=real.is_terminal,
        color_system=real.color_system,  # type: ignore[arg-type]
    )


def _console_of_width(width: int) -> Console:
    """A console of exactly ``width`` columns (at least 80) writing into a string, no colours."""
    from rich.console import Console

    return Console(
        file=io.StringIO(), highlight=False, width=max(width, STATUS_MIN_WIDTH), color_system=None
    )


def _text_of(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def plan_text(ds: DataSet) -> str:
    assert ds.plan and ds.plan.model
    console = _console()
    plan = ds.plan.model
    fokus = {f.id: f.namn for f in plan.fokusomraden}
    console.print(f"[bold]{plan.plan.namn}[/bold] (dnr {plan.plan.diarienummer})", markup=True)
    console.print(f"Mål: {plan.mal.text}")
    current = None
    for item in plan_data(ds)["insatser"]:
        if item["fokusomrade"] != current:
            current = item["fokusomrade"]
            console.print()
            console.print(
                f"[bold]Fokusområde {current}: {fokus.get(current, '?')}[/bold]", markup=True
            )
        console.print()
        console.print(f"[bold]Insats {item['id']}[/bold] {item['titel']}", markup=True)
        console.print(
            "  Samordningsansvar: " + ", ".join(o["namn"] for o in item["samordningsansvar"])
        )
        console.print("  Ansvar: " + ", ".join(o["namn"] for o in item["ansvar"]))
        up = item["uppfoljning"]
        console.print("  Uppföljning: " + labels.uppfoljning_text(up["typ"], up["ar"]))
    if plan.ovriga_uppdrag is not None:
        console.print()
        console.print("[bold]Övriga uppdrag[/bold]", markup=True)
        console.print(f"  Ansvarig: {terminal(plan.ovriga_uppdrag.ansvarig)}", markup=False)
        for u in plan.ovriga_uppdrag.uppdrag:
            line = f"  dnr {u.diarienummer} ({u.tidsplan}): {u.text}"
            console.print(terminal(line), markup=False)
    return _text_of(console)


def invalid_reports(ds: DataSet, ar: int) -> list[str]:
    """Organisations whose report file for ``ar`` exists but has errors (so counts as missing
    until fixed), by file name."""
    return sorted(r.path.stem for r in ds.rapporter if r.folder_year == ar and r.model is None)


def _report_files(ds: DataSet) -> dict[tuple[int, str], tuple[str, frozenset[str]]]:
    """(year, organisation) → the valid report file's display path and its insats ids."""
    return {
        (r.folder_year, r.model.organisation): (
            r.display,
            frozenset(i.insats for i in r.model.insatser),
        )
        for r in ds.rapporter
        if r.model is not None
    }


def _file_for(
    files: dict[tuple[int, str], tuple[str, frozenset[str]]],
    org: str,
    ins: str,
    ar: int,
    cell: Cell,
) -> str | None:
    """The report that answers for the cell: this year's, or for "lämnad tidigare" the latest
    earlier year's that has the insats."""
    if cell is Cell.INKOMMEN:
        found = files.get((ar, org))
        return found[0] if found and ins in found[1] else None
    if cell is Cell.TIDIGARE:
        earlier = [y for (y, o), (_, ids) in files.items() if o == org and y < ar and ins in ids]
        return files[(max(earlier), org)][0] if earlier else None
    return None


def status_data(ds: DataSet, ar: int) -> dict[str, Any]:
    """The year's completeness as plain data (shape: docs/decisions/0091-status-json.md):
    the counts, and ``poster``: one entry per organisation × insats that has a cell this year
    (organisations in organisationer.yaml order, insatser in plan order), with the cell's kind,
    whether it is owed, why (``grund``: planen/arv/…), whom it is inherited from and the file."""
    m = year_matrix(ds, ar)
    assert m is not None
    names = _names(ds)
    files = _report_files(ds)
    poster = []
    for org in m.organisationer:
        for ins in m.insatser:
            cell = m.cells.get((org, ins))
            if cell is None or cell is Cell.EJ_AKTUELL:
                continue
            grund = m.grunder.get((org, ins))
            poster.append(
                {
                    "organisation": org,
                    "organisation_namn": names.get(org, org),
                    "insats": ins,
                    "cell": str(cell),
                    "forvantad": (org, ins) in m.owed,
                    "grund": None if grund is None else grund.grund,
                    "arvt_fran": [] if grund is None else grund.fran(),
                    "slutledd": False if grund is None else grund.slutledd,
                    "fil": _file_for(files, org, ins, ar, cell),
                }
            )
    return {
        "schemaversion": 1,
        "ar": ar,
        "forvantade": m.forvantade(),
        "inkomna": m.inkomna(),
        "saknas": [{"organisation": o, "insats": i} for o, i in m.saknas()],
        "ogiltiga": invalid_reports(ds, ar),
        "poster": poster,
    }


def status_json(ds: DataSet, ar: int) -> str:
    return json.dumps(status_data(ds, ar), ensure_ascii=False, indent=2) + "\n"


_SYMBOL = {
    Cell.INKOMMEN: "✓",
    Cell.SAKNAS: "✗",
    Cell.FRIVILLIG: "○",
    Cell.TIDIGARE: "(✓)",
    Cell.EJ_AKTUELL: "",
}
_STYLE = {Cell.INKOMMEN: "green", Cell.SAKNAS: "bold red", Cell.TIDIGARE: "green"}


#: the narrowest terminal ``status`` is laid out for; a pipe gets this or COLUMNS
STATUS_MIN_WIDTH = 80
#: the organisation column is never narrower than this (names wrap at words inside it)
_NAME_MIN = 18
#: one insats column: "(✓)" and a space on either side
_CELL = 5


def _status_table(
    m: Any, names: dict[str, str], insatser: list[str], title: str, name_width: int
) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=0,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("Organisation", width=name_width, overflow="fold")
    for ins in insatser:
        table.add_column(ins, justify="center", width=_CELL - 1, no_wrap=True)
    for org in m.organisationer:
        row: list[Text | str] = [names.get(org, org)]
        for ins in insatser:
            cell = m.cells.get((org, ins), Cell.EJ_AKTUELL)
            row.append(Text(_SYMBOL[cell], style=_STYLE.get(cell, "")))
        table.add_row(*row)
    return table


def status_text(ds: DataSet, ar: int, width: int | None = None) -> str:
    """The year's matrix as text no wider than the terminal (``width``, default the terminal's,
    at least 80 columns): organisations as rows, insatser as columns; names wrap at words inside
    their column, and when the insatser do not fit beside the names they are split over several
    tables (docs/decisions/0092-status-i-terminalen.md)."""
    m = year_matrix(ds, ar)
    assert m is not None
    names = _names(ds)
    console = _console(STATUS_MIN_WIDTH) if width is None else _console_of_width(width)
    longest = max((len(names.get(o, o)) for o in m.organisationer), default=_NAME_MIN)
    room = console.width - 1
    per_table = max(1, (room - _NAME_MIN) // _CELL)
    chunks = [m.insatser[i : i + per_table] for i in range(0, len(m.insatser), per_table)] or [[]]
    for n, chunk in enumerate(chunks):
        name_width = min(longest, room - _CELL * len(chunk) - 1)
        title = f"Rapportering {ar}" + (f" ({n + 1} av {len(chunks)})" if len(chunks) > 1 else "")
        console.print(_status_table(m, names, chunk, title, name_width))
    console.print(
        "✓ inkommen   ✗ saknas   ○ frivillig i år (återrapportering under planperioden)   "
        "(✓) lämnad ett tidigare år",
        markup=False,
    )
    console.print(f"{m.inkomna()} av {m.forvantade()} förväntade rapporteringar har kommit in.")
    missing = m.saknas_per_organisation()
    if missing:
        console.print()
        console.print("[bold]Saknas per organisation[/bold]", markup=True)
        for org, ins_list in missing.items():
            console.print(f"  {names.get(org, org)}: {', '.join(ins_list)}")
    invalid = invalid_reports(ds, ar)
    if invalid:
        console.print()
        console.print(
            "[bold]Rapporter med fel[/bold] (räknas som saknade tills felen är rättade; kör "
            f"'utsatta validate --year {ar}'):",
            markup=True,
        )
        for org in invalid:
            console.print(f"  {names.get(org, org)}: rapporter/{ar}/{org}.yaml")
    return _text_of(console)


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
    ``sakerhet`` and ``kallor`` (publisher, title, URL, date, certainty)."""
    from utsatta.compute.indicators import evaluate

    omraden = _omrade_ids(ds)
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
                **{k: v for k, v in r.as_dict().items() if k != "id"},
            }
        )
    return {"schemaversion": 1, "ar": ar, "indikatorer": out}


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


def indicators_text(ds: DataSet, ar: int | None) -> str:
    """The indicators as tables per fokusområde, with the report's numbers and words: the same
    Swedish number format, målvärde, "Framsteg" (share of the way) and status.

    Values per område and per kön are not in the table (it shows the headline series): under
    each table, one line per indicator that has such values counts them ("Namn: 3 värden per
    område, 1 per kön") and points to the report and ``--format json`` for the values."""
    from rich.table import Table

    from utsatta.compute.indicators import evaluate, med_ar
    from utsatta.render.report.sections.indicators import (
        malvarde_med_markering,
        status_med_markering,
    )

    assert ds.plan and ds.plan.model
    fokus = {f.id: f"Fokusområde {f.id}: {f.namn}" for f in ds.plan.model.fokusomraden}
    # Six columns of Swedish words: never squeeze below 120 characters, even in a pipe, and
    # wrap rather than cut (a status like "Otillräcklig takt" must be read whole).
    console = _console(120)
    title = f"Indikatorer {ar}" if ar is not None else "Indikatorer"
    groups: dict[str, list[list[str]]] = {}
    delar: dict[str, list[str]] = {}
    omraden = _omrade_ids(ds)
    for r in evaluate(ds, ar):
        unit = r.indikator.enhet
        b, s = r.baslinje, r.serie[-1] if r.serie else None
        status = status_med_markering(r)
        gammal = labels.inaktuell_text(r, ar)
        if gammal:
            status += f" · {gammal}"
        key = r.indikator.fokusomrade
        heading = "Planens mål" if key is None else fokus.get(key, key)
        n = _delar_text(len(per_omrade(r.indikator, ar, omraden)), len(per_kon(r.indikator, ar)))
        if n is not None:
            delar.setdefault(heading, []).append(f"{r.indikator.namn}: {n}")
        groups.setdefault(heading, []).append(
            [
                r.indikator.namn,
                med_ar(labels.varde(b.varde, unit), b.ar, b.sakerhet) if b else "–",
                med_ar(labels.varde(s.varde, unit), s.ar, s.sakerhet) if s else "–",
                "–" if (m := malvarde_med_markering(r)) == "saknas" else m,
                labels.framsteg_text(labels.framsteg_andel(r)),
                status,
            ]
        )
    for heading, rows in groups.items():
        table = Table(title=f"{title} – {heading}", title_justify="left", show_lines=True)
        table.add_column("Indikator", ratio=3, overflow="fold")
        for col in ("Baslinje", "Senaste", "Målvärde", "Framsteg"):
            table.add_column(col, ratio=1, overflow="fold")
        table.add_column("Status", ratio=2, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)
        if heading in delar:
            console.print(
                "Värden per område och kön (i rapporten och med --format json):", markup=False
            )
            for line in delar[heading]:
                console.print(f"  {line}", markup=False)
        console.print()
    return _text_of(console)
