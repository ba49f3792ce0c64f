"""`utsatta plan`, `status` and `indikatorer`: the plan, the completeness matrix and the
indicators, as text (rich tables) or JSON. Everything is returned as text; the CLI prints it.

The consoles read no markup and no emoji codes: a name with ``[/bold]`` or ``[link=…]`` was
rich markup (a traceback, or a hyperlink on a terminal), ``:warning:`` an emoji. Every value
from the data is text, escaped with :func:`_t` (one line, controls visible) before rich
measures it; bold comes from a style, never from markup around data."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

from utsatta.compute.duties import year_matrix
from utsatta.compute.responsibility import Cell, Duties, exists_at_year_end, resolve
from utsatta.escape import terminal
from utsatta.load.dataset import DataSet
from utsatta.model.organisationer import Organisation
from utsatta.render import labels
from utsatta.render.breakdown import per_kon, per_omrade
from utsatta.wording import och


def _t(value: object) -> str:
    """A value from the data as console text: one line, every control and invisible
    character shown (rich measures the width of what it is given)."""
    return terminal(str(value))


def _bold(head: str, rest: str = "") -> Any:
    """A line whose first part is bold (both parts already escaped): a style, not markup."""
    from rich.text import Text

    return Text.assemble((head, "bold"), rest)


def _names(ds: DataSet) -> dict[str, str]:
    assert ds.organisationer and ds.organisationer.model
    return {o.id: o.namn for o in ds.organisationer.model.organisationer}


def plan_data(ds: DataSet) -> dict[str, Any]:
    """The plan's insatser as plain data (shape: docs/decisions/0122-planen-over-tid.md).

    ``samordningsansvar`` and ``ansvar``: the organisations the plan names, a group resolved to
    the members that existed some time in the plan period, each with its validity and, if it
    ceased, who took the insats over and from when (``efterfoljare``). ``i_planen``: the ids as
    the plan writes them. ``per_ar``: who holds each column in each year of the plan period,
    by the one rule of :class:`~utsatta.compute.responsibility.Duties`.
    """
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    plan = ds.plan.model
    orgs = ds.organisationer.model
    duties = Duties(list(plan.insatser), orgs)
    g = plan.plan.giltighet
    years = range(g.fran, g.till + 1)
    by_id = {o.id: o for o in orgs.organisationer}
    grupper = {gr.id: gr.namn for gr in orgs.grupper}

    def in_period(org: str) -> bool:
        return any(exists_at_year_end(by_id[org], y) for y in years)

    def entries(ids: list[str], insats: str) -> list[dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for ident in ids:
            grupp = ident if ident in grupper else None
            members = resolve([ident], orgs)
            for o in members if grupp is None else [m for m in members if in_period(m)]:
                if o not in out:
                    out[o] = _org_entry(by_id[o], grupp, insats, duties, by_id, set())
        return list(out.values())

    def as_written(ids: list[str]) -> list[dict[str, Any]]:
        return [
            {"id": i, "namn": grupper[i], "typ": "grupp"}
            if i in grupper
            else {"id": i, "namn": by_id[i].namn if i in by_id else i, "typ": "organisation"}
            for i in ids
        ]

    return {
        "insatser": [
            {
                "id": i.id,
                "titel": i.titel,
                "fokusomrade": i.fokusomrade,
                "samordningsansvar": entries(i.samordningsansvar, i.id),
                "ansvar": entries(i.ansvar, i.id),
                "i_planen": {
                    "samordningsansvar": as_written(i.samordningsansvar),
                    "ansvar": as_written(i.ansvar),
                },
                "per_ar": {
                    str(y): {
                        "samordningsansvar": duties.samordnande(i.id, y),
                        "ansvar": duties.ansvariga(i.id, y),
                    }
                    for y in years
                },
                "uppfoljning": {
                    "typ": i.uppfoljning.typ,
                    "ar": i.uppfoljning.ar,
                    "text": i.uppfoljning.text,
                },
            }
            for i in plan.insatser
        ],
        "ovriga_uppdrag": _ovriga_uppdrag(ds),
    }


def _org_entry(
    org: Organisation,
    grupp: str | None,
    insats: str,
    duties: Duties,
    by_id: dict[str, Organisation],
    seen: set[str],
) -> dict[str, Any]:
    """An organisation with its validity and, if it ceased, each successor that took
    ``insats`` over, from when, with the successor's own successors if it ceased too."""
    seen = seen | {org.id}
    return {
        "id": org.id,
        "namn": org.namn,
        "grupp": grupp,
        "giltig_fran": org.giltig_fran,
        "giltig_till": org.giltig_till,
        "efterfoljare": [
            {
                "fran": s.datum,
                "tolkning": s.tolkning,
                "kallor": list(s.kallor),
                # the successor as an entry of its own (None: not in organisationer.yaml;
                # a cycle is cut, check_validity reports it)
                **(
                    _org_entry(by_id[s.till], None, insats, duties, by_id, seen)
                    if s.till in by_id and s.till not in seen
                    else {
                        "id": s.till,
                        "namn": by_id[s.till].namn if s.till in by_id else s.till,
                        "grupp": None,
                        "giltig_fran": None,
                        "giltig_till": None,
                        "efterfoljare": [],
                    }
                ),
            }
            for s in duties.successors(org.id, insats)
        ],
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
        markup=False,
        emoji=False,
        width=max(real.width, min_width),
        force_terminal=real.is_terminal,
        color_system=real.color_system,  # type: ignore[arg-type]
    )


def _console_of_width(width: int) -> Console:
    """A console of exactly ``width`` columns (at least 80) writing into a string, no colours."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        highlight=False,
        markup=False,
        emoji=False,
        width=max(width, STATUS_MIN_WIDTH),
        color_system=None,
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
    console.print(_bold(_t(plan.plan.namn), f" (dnr {_t(plan.plan.diarienummer)})"))
    console.print(f"Mål: {_t(plan.mal.text)}")
    current = None
    for item in plan_data(ds)["insatser"]:
        if item["fokusomrade"] != current:
            current = item["fokusomrade"]
            console.print()
            console.print(_bold(f"Fokusområde {_t(current)}: {_t(fokus.get(current, '?'))}"))
        console.print()
        console.print(_bold(f"Insats {_t(item['id'])}", f" {_t(item['titel'])}"))
        for label, key in (("Samordningsansvar", "samordningsansvar"), ("Ansvar", "ansvar")):
            line = f"  {label}: " + _as_written(item["i_planen"][key], item[key])
            console.print(terminal(line), markup=False)
        for line in _changes(item):
            console.print(terminal(f"  {line}"), markup=False)
        up = item["uppfoljning"]
        console.print("  Uppföljning: " + labels.uppfoljning_text(up["typ"], up["ar"]))
    if plan.ovriga_uppdrag is not None:
        console.print()
        console.print(_bold("Övriga uppdrag"))
        console.print(f"  Ansvarig: {_t(plan.ovriga_uppdrag.ansvarig)}")
        for u in plan.ovriga_uppdrag.uppdrag:
            line = f"  dnr {u.diarienummer} ({u.tidsplan}): {u.text}"
            console.print(_t(line))
    return _text_of(console)


def _dated(entry: dict[str, Any]) -> str:
    """A name with its validity where it did not exist the whole time: "Lokalnämnden
    (upphörde 2022-12-31)", "Stadsbyggnadsnämnden (från 2023-01-01)"."""
    when = [
        *([f"från {entry['giltig_fran']}"] if entry["giltig_fran"] else []),
        *([f"upphörde {entry['giltig_till']}"] if entry["giltig_till"] else []),
    ]
    return str(entry["namn"]) + (f" ({', '.join(when)})" if when else "")


def _as_written(written: list[dict[str, Any]], entries: list[dict[str, Any]]) -> str:
    """The plan's words for one column: each organisation by name, each group by its name and
    then its members in the plan period; every name dated where it did not exist throughout."""
    parts = []
    for w in written:
        if w["typ"] == "grupp":
            members = [_dated(e) for e in entries if e["grupp"] == w["id"]]
            parts.append(f"{w['namn']} (gruppen: {', '.join(members) or 'inga'})")
        else:
            found = next((e for e in entries if e["id"] == w["id"]), None)
            parts.append(_dated(found) if found else w["namn"])
    return ", ".join(parts)


def _changes(item: dict[str, Any]) -> list[str]:
    """One line per organisation shown for the insats that ceased, with who took the insats
    over and from when: "Lokalnämnden upphörde 2022-12-31; insatsen togs över av
    Stadsfastighetsnämnden från 2023-01-01 (slutledd)."."""
    seen: dict[str, dict[str, Any]] = {}
    for e in (*item["samordningsansvar"], *item["ansvar"]):
        if e["giltig_till"]:
            seen.setdefault(e["id"], e)
    out: list[str] = []
    todo = list(seen.values())
    while todo:
        e = todo.pop(0)
        steps = e["efterfoljare"]
        if not steps:
            out.append(
                f"{e['namn']} upphörde {e['giltig_till']}; ingen efterträdare för insatsen är "
                "angiven i organisationer.yaml."
            )
            continue
        how = "slutledd" if any(s["tolkning"] == "slutledd" for s in steps) else "bekräftad"
        out.append(
            f"{e['namn']} upphörde {e['giltig_till']}; insatsen togs över av "
            + och([s["namn"] for s in steps])
            + f" från {steps[0]['fran']} ({how})."
        )
        # a successor that ceased in turn: its own line, once
        for s in steps:
            if s.get("giltig_till") and s["id"] not in seen:
                seen[s["id"]] = s
                todo.append(s)
    return out


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
        row: list[Text | str] = [_t(names.get(org, org))]
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
    longest = max((len(_t(names.get(o, o))) for o in m.organisationer), default=_NAME_MIN)
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
    )
    console.print(f"{m.inkomna()} av {m.forvantade()} förväntade rapporteringar har kommit in.")
    missing = m.saknas_per_organisation()
    if missing:
        console.print()
        console.print(_bold("Saknas per organisation"))
        for org, ins_list in missing.items():
            console.print(f"  {_t(names.get(org, org))}: {_t(', '.join(ins_list))}")
    invalid = invalid_reports(ds, ar)
    if invalid:
        console.print()
        console.print(
            _bold(
                "Rapporter med fel",
                " (räknas som saknade tills felen är rättade; kör "
                f"'utsatta validate --year {ar}'):",
            )
        )
        for org in invalid:
            console.print(f"  {_t(names.get(org, org))}: {_t(f'rapporter/{ar}/{org}.yaml')}")
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
        table = Table(title=f"{title} – {_t(heading)}", title_justify="left", show_lines=True)
        table.add_column("Indikator", ratio=3, overflow="fold")
        for col in ("Baslinje", "Senaste", "Målvärde", "Framsteg"):
            table.add_column(col, ratio=1, overflow="fold")
        table.add_column("Status", ratio=2, overflow="fold")
        for row in rows:
            table.add_row(*(_t(cell) for cell in row))
        console.print(table)
        if heading in delar:
            console.print("Värden per område och kön (i rapporten och med --format json):")
            for line in delar[heading]:
                console.print(f"  {_t(line)}")
        console.print()
    return _text_of(console)
