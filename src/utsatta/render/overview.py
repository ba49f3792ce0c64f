"""`utsatta plan` and `status`: the plan and the completeness matrix, as text (rich tables) or
JSON. Everything is returned as text; the CLI prints it (`indikatorer`:
:mod:`utsatta.render.overview_indicators`; the consoles: :mod:`utsatta.render.console_text`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

from utsatta.compute.completeness import Cell
from utsatta.compute.duties import year_matrix
from utsatta.compute.indicators import datum_markering
from utsatta.compute.responsibility import Duties, planperiod, resolve
from utsatta.escape import shorten, terminal, utsatta_command
from utsatta.load.dataset import DataSet
from utsatta.model.organisationer import Organisation
from utsatta.render import labels
from utsatta.render.console_text import bold_line, string_console, text_of, txt
from utsatta.wording import och


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
    duties = Duties.of(plan, orgs)
    g = plan.plan.giltighet
    years = range(g.fran, g.till + 1)
    by_id = {o.id: o for o in orgs.organisationer}
    grupper = {gr.id: gr.namn for gr in orgs.grupper}

    def entries(ids: list[str], insats: str) -> list[dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for ident in ids:
            grupp = ident if ident in grupper else None
            for o in resolve([ident], orgs, period=planperiod(plan)):
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
        # how sure each day is: "slutledd" when it is a choice, not the source's (decision 0170)
        "giltig_fran_sakerhet": org.giltig_fran_sakerhet,
        "giltig_till": org.giltig_till,
        "giltig_till_sakerhet": org.giltig_till_sakerhet,
        "efterfoljare": [
            {
                "fran": s.datum,
                # the takeover day is the day after the predecessor's last: as sure as that
                "fran_sakerhet": s.datum_sakerhet,
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
                        "giltig_fran_sakerhet": None,
                        "giltig_till": None,
                        "giltig_till_sakerhet": None,
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


def plan_text(
    ds: DataSet, width: int | None = None, *, styles: bool = False, ascii_only: bool = False
) -> str:
    """The plan as text, ``width`` columns wide (None: ``DEFAULT_WIDTH``, whatever the
    terminal; the command line passes its terminal's width); names in bold as terminal
    escapes only with ``styles``; table borders in ASCII with ``ascii_only``."""
    assert ds.plan and ds.plan.model
    console = string_console(width, styles=styles, ascii_only=ascii_only)
    plan = ds.plan.model
    fokus = {f.id: f.namn for f in plan.fokusomraden}
    console.print(bold_line(txt(plan.plan.namn), f" (dnr {txt(plan.plan.diarienummer)})"))
    console.print(f"Mål: {txt(plan.mal.text)}")
    current = None
    for item in plan_data(ds)["insatser"]:
        if item["fokusomrade"] != current:
            current = item["fokusomrade"]
            console.print()
            console.print(bold_line(f"Fokusområde {txt(current)}: {txt(fokus.get(current, '?'))}"))
        console.print()
        console.print(bold_line(f"Insats {txt(item['id'])}", f" {txt(item['titel'])}"))
        for label, key in (("Samordningsansvar", "samordningsansvar"), ("Ansvar", "ansvar")):
            line = f"  {label}: " + _as_written(item["i_planen"][key], item[key])
            console.print(terminal(line), markup=False)
        for line in _changes(item):
            console.print(terminal(f"  {line}"), markup=False)
        up = item["uppfoljning"]
        console.print("  Uppföljning: " + labels.uppfoljning_text(up["typ"], up["ar"]))
    if plan.ovriga_uppdrag is not None:
        console.print()
        console.print(bold_line("Övriga uppdrag"))
        console.print(f"  Ansvarig: {txt(plan.ovriga_uppdrag.ansvarig)}")
        for u in plan.ovriga_uppdrag.uppdrag:
            line = f"  dnr {u.diarienummer} ({u.tidsplan}): {u.text}"
            console.print(txt(line))
    return text_of(console)


def _dated(entry: dict[str, Any]) -> str:
    """A name with its validity where it did not exist the whole time, each day with its
    marker as in the report: "Lokalnämnden (upphörde 2022-12-31)", "Nämnden för demokrati och
    medborgarservice (från 2021-11-01 (datum: slutledd))"."""
    when = [
        f"{word} {entry[key]}{datum_markering(entry[key + '_sakerhet'])}"
        for word, key in (("från", "giltig_fran"), ("upphörde", "giltig_till"))
        if entry[key]
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
    over, how sure that is and from when, worded as in the report: "Lokalnämnden upphörde
    2022-12-31; insatsen togs över av Stadsfastighetsnämnden (slutledd) från 2023-01-01.";
    a day that is a choice carries " (datum: slutledd)"."""
    seen: dict[str, dict[str, Any]] = {}
    for e in (*item["samordningsansvar"], *item["ansvar"]):
        if e["giltig_till"]:
            seen.setdefault(e["id"], e)
    out: list[str] = []
    todo = list(seen.values())
    while todo:
        e = todo.pop(0)
        steps = e["efterfoljare"]
        ceased = e["giltig_till"] + datum_markering(e["giltig_till_sakerhet"])
        if not steps:
            out.append(
                f"{e['namn']} upphörde {ceased}; ingen efterträdare för insatsen är "
                "angiven i organisationer.yaml."
            )
            continue
        how = "slutledd" if any(s["tolkning"] == "slutledd" for s in steps) else "bekräftad"
        out.append(
            f"{e['namn']} upphörde {ceased}; insatsen togs över av "
            + och([s["namn"] for s in steps])
            + f" ({how}) från {steps[0]['fran']}{datum_markering(steps[0]['fran_sakerhet'])}."
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
    """The year's completeness as plain data (shape:
    docs/decisions/0091-status-och-indikatorer-som-json.md): the counts, and ``poster``: one
    entry per organisation × insats that has a cell this year (organisations in
    organisationer.yaml order, insatser in plan order), with the cell's kind, whether it is
    owed, why (``grund``: planen/arv/…), whom it is inherited from and the file."""
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
                    # when this organisation took the insats over from each of them (ISO date;
                    # docs/decisions/0152-overtagen-fran-datum.md)
                    "arv": []
                    if grund is None
                    else [
                        # the day with how sure it is ("slutledd": a choice; decision 0170)
                        {"organisation": o, "datum": d, "datum_sakerhet": k}
                        for o, d, k in dict.fromkeys(
                            (c[0].fran, c[-1].datum, c[-1].datum_sakerhet) for c in grund.arv
                        )
                    ],
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
#: the same symbols in ASCII, for a stream whose encoding has no ✓ (a Windows ANSI code page)
_ASCII_SYMBOL = {
    Cell.INKOMMEN: "+",
    Cell.SAKNAS: "-",
    Cell.FRIVILLIG: "o",
    Cell.TIDIGARE: "(+)",
    Cell.EJ_AKTUELL: "",
}
_STYLE = {Cell.INKOMMEN: "green", Cell.SAKNAS: "bold red", Cell.TIDIGARE: "green"}
#: what each symbol under the tables means, in this order ({ar}: the year shown)
LEGEND = {
    Cell.INKOMMEN: "inkommen",
    Cell.SAKNAS: "saknas",
    Cell.FRIVILLIG: "inte förfallen {ar} (återrapportering under planperioden)",
    Cell.TIDIGARE: "lämnad ett tidigare år",
}


def status_legend(m: Any, ar: int, symbols: dict[Cell, str], width: int) -> str:
    """The lines under the tables: the symbols that occur in some cell shown, each with its
    meaning, in the order of :data:`LEGEND`, as many on a line as fit in ``width`` (a symbol
    is never parted from its meaning where the meaning fits on a line); "" for a table without
    any. A fixed legend explained ○ "inte förfallen 2025" in the plan's last year, when no
    cell can have it (granska18c F2; docs/decisions/0569-statusens-teckenforklaring.md)."""
    from rich.cells import cell_len

    shown = {m.cells.get((org, ins)) for org in m.organisationer for ins in m.insatser}
    lines: list[str] = []
    for cell, words in LEGEND.items():
        if cell not in shown:
            continue
        item = f"{symbols[cell]} {words.format(ar=ar)}"
        if lines and cell_len(lines[-1] + "   " + item) <= width:
            lines[-1] += "   " + item
        else:
            lines.append(item)
    return "\n".join(lines)


#: the narrowest terminal ``status`` is laid out for; a pipe gets this or COLUMNS
STATUS_MIN_WIDTH = 80
#: the organisation column is never narrower than this, nor than its longest word (names wrap
#: at words inside it)
_NAME_MIN = 18
#: ... but for its longest word no wider than this: a longer word (no organisation's name has
#: one; the longest is 22) is broken with '-' rather than leave one insats per table
_WORD_MAX = 30
#: one insats column: "(✓)" and a space on either side
_CELL = 5
#: the characters of a name shown, then "… (N tecken)"
NAME_LIMIT = 200


def _longest_word(names: list[str]) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for name in names for word in name.split()), default=0)


def fit_name(name: str, width: int) -> str:
    """``name`` for a column ``width`` cells wide, where rich breaks lines at spaces only and
    cuts a longer word anywhere, without a mark ("Stadsbyggnadsnämnd/en", granska17 L7): the
    column is as wide as the longest word where the terminal allows, and a word wider still
    is broken here with a '-' at the end of each piece but the last. Each character is
    measured once, so the work is linear in the name (granska18b A2: measuring the rest of the
    word for every piece was quadratic)."""
    from rich.cells import get_character_cell_size

    words = []
    for word in name.split(" "):
        # U+FE0F can widen the character before it by one cell (rich counts it so for a whole
        # string, not for the character alone): counted as one, a piece is never too wide
        cells = [1 if c == "\ufe0f" else get_character_cell_size(c) for c in word]
        rest = sum(cells)
        start = 0
        while rest > width:
            used, cut = 0, start
            while cut < len(word) and used + cells[cut] <= width - 1:
                used += cells[cut]
                cut += 1
            if cut == start:  # a character wider than the column: one at a time
                used, cut = cells[start], start + 1
            words.append(word[start:cut] + "-\n")
            rest -= used
            start = cut
        words.append(word[start:] + " ")
    return "".join(words).rstrip(" ")


def _status_table(
    m: Any,
    names: dict[str, str],
    insatser: list[str],
    title: str,
    name_width: int,
    symbols: dict[Cell, str],
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
        row: list[Text | str] = [fit_name(txt(names.get(org, org)), name_width)]
        for ins in insatser:
            cell = m.cells.get((org, ins), Cell.EJ_AKTUELL)
            row.append(Text(symbols[cell], style=_STYLE.get(cell, "")))
        table.add_row(*row)
    return table


def status_text(
    ds: DataSet,
    ar: int,
    width: int | None = None,
    *,
    styles: bool = False,
    ascii_only: bool = False,
) -> str:
    """The year's matrix as text ``width`` columns wide (None: ``DEFAULT_WIDTH``, whatever the
    terminal; the command line passes its terminal's width; at least 80 columns):
    organisations as rows, insatser as columns; names wrap at words inside their column, and
    when the insatser do not fit beside the names they are split over several tables
    (docs/decisions/0092-status-i-terminalens-bredd.md). Colours only with ``styles``; table
    borders and symbols in ASCII with ``ascii_only`` (+ inkommen, - saknas)."""
    m = year_matrix(ds, ar)
    assert m is not None
    # a name is shown bounded, as codeowners shows the same name (granska18b A2)
    names = {org: shorten(name, NAME_LIMIT) for org, name in _names(ds).items()}
    console = string_console(
        width, min_width=STATUS_MIN_WIDTH, styles=styles, ascii_only=ascii_only
    )
    symbols = _ASCII_SYMBOL if ascii_only else _SYMBOL
    shown = [txt(names.get(o, o)) for o in m.organisationer]
    longest = max((len(name) for name in shown), default=_NAME_MIN)
    room = console.width - 1
    # the column holds the longest word (up to _WORD_MAX) where one insats still fits beside
    # it (the name column's width below is then never less than this)
    name_min = min(max(_NAME_MIN, _longest_word(shown)), _WORD_MAX, room - 1 - _CELL)
    per_table = max(1, (room - 1 - name_min) // _CELL)
    chunks = [m.insatser[i : i + per_table] for i in range(0, len(m.insatser), per_table)] or [[]]
    for n, chunk in enumerate(chunks):
        name_width = min(longest, room - _CELL * len(chunk) - 1)
        title = f"Rapportering {ar}" + (f" ({n + 1} av {len(chunks)})" if len(chunks) > 1 else "")
        console.print(_status_table(m, names, chunk, title, name_width, symbols))
    legend = status_legend(m, ar, symbols, console.width)
    if legend:
        console.print(legend)
    console.print(f"{m.inkomna()} av {m.forvantade()} förväntade rapporteringar har kommit in.")
    missing = m.saknas_per_organisation()
    if missing:
        console.print()
        console.print(bold_line("Saknas per organisation"))
        for org, ins_list in missing.items():
            console.print(f"  {txt(names.get(org, org))}: {txt(', '.join(ins_list))}")
    invalid = invalid_reports(ds, ar)
    if invalid:
        console.print()
        console.print(
            bold_line(
                "Rapporter med fel",
                " (räknas som saknade tills felen är rättade):",
            )
        )
        for org in invalid:
            console.print(f"  {txt(names.get(org, org))}: {txt(f'rapporter/{ar}/{org}.yaml')}")
        # the check of this very folder, on a line of its own so that it can be copied
        check = utsatta_command("validate", "--year", str(ar), data=str(ds.root))
        console.print(f"Se felen med: {txt(check)}", soft_wrap=True)
    return text_of(console)
