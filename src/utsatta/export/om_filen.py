"""The first table of the export, ``om_filen``: what the file is, in Swedish, for the reader who
opens the workbook or the folder (kommunstyrelsen's analysts) and sees no report around it.

It says first what is illustrative (the report's own notice, in its first row, pinned in the
xlsx sheet: :func:`utsatta.render.report.sections.banner.illustrativt` over the files the export
rests on, by the one rule of :func:`utsatta.render.report.sections.underlag.underlag`, and what
the export holds beyond the report), then the plan (name, diarienummer, period), the years,
the decision date by the one rule of
:mod:`utsatta.compute.report_date` (a made-up date marked as the report marks it, none when the
data has none), the sources and what every table holds. It is a table like the others, so every
writer cleans and defuses its cells the same way (:mod:`utsatta.export.cells`,
:func:`utsatta.export.csvfile.safe_text`). docs/decisions/0146-export-om-filen.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.report_date import report_date
from utsatta.export.columns import OM_FILEN, TEXT_NOTE, TEXT_RUBRIK
from utsatta.export.table import Cell, Table
from utsatta.load.dataset import DataSet
from utsatta.numbers import heltal
from utsatta.render.labels import datum_text, organ_i_text, report_title
from utsatta.render.report.sections import banner
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.underlag import Underlag, underlag, utover_rapporten
from utsatta.version import VERKTYG
from utsatta.wording import arsspann, och

__all__ = ["FASTA_RADER", "ILLUSTRATIV", "NAMN", "om_filen"]

#: the table's name: the first sheet, and om_filen.csv
NAMN: Final = "om_filen"
#: the rows under the heading that the xlsx sheet pins (frozen, always in view): the notice of
#: what is illustrative, the table's first row, as the report says it in its first lines
FASTA_RADER: Final = 1
#: the column that marks a row illustrative (ja/nej), in every table that has such rows
ILLUSTRATIV: Final = "illustrativ"


def _illustrativt(ds: DataSet, results: Sequence[IndicatorResult], grund: Underlag) -> list[str]:
    """The report's notice for the files the export rests on (``grund``: the one rule of
    :func:`utsatta.render.report.sections.underlag.underlag`)."""
    plan = ds.plan.model if ds.plan else None
    orgs = ds.organisationer.model if ds.organisationer else None
    omr = ds.omraden.model if ds.omraden else None
    if plan is None or orgs is None:
        return []
    # the report's words without its pointers ("markerade under Källor"): they name places in
    # the report, not in this file; the notice says where the file marks them
    return banner.illustrativt(
        grund, results, Names.of(orgs, omr), plan=plan, orgs=orgs, omr=omr, markerade=False
    )


def _markerade(data: Sequence[Table]) -> str:
    """Where this file marks the illustrative rows: the tables with a row that has ja in the
    column illustrativ, named, then the columns named …_illustrativ that have one
    (malutfall's utfall_illustrativ and bedomning_illustrativ); "" when no row has."""
    namn: list[str] = []
    delade: list[str] = []  # "kolumnen bedomning_illustrativ i tabellen malutfall"
    for t in data:
        cols = [c.namn for c in t.columns]
        marked = [
            c
            for i, c in enumerate(cols)
            if (c == ILLUSTRATIV or c.endswith("_" + ILLUSTRATIV))
            and any(r[i] == "ja" for r in t.rows)
        ]
        namn += [t.namn] if ILLUSTRATIV in marked else []
        if other := [c for c in marked if c != ILLUSTRATIV]:
            kolumner = f"kolumnen {other[0]}" if len(other) == 1 else f"kolumnerna {och(other)}"
            delade.append(f"{kolumner} i tabellen {t.namn}")
    var = []
    if namn:
        tabeller = f"tabellen {namn[0]}" if len(namn) == 1 else f"tabellerna {och(namn)}"
        var.append(f"kolumnen illustrativ, i {tabeller}")
    if not var and not delade:
        return ""
    return (
        f" I den här filen har raderna med sådana uppgifter ja i {', och i '.join(var + delade)}."
    )


def om_filen(
    ds: DataSet, ar: int, results: Sequence[IndicatorResult], data: Sequence[Table]
) -> Table:
    """The table ``om_filen`` for the export of ``ar`` whose other tables are ``data``."""
    rows: list[tuple[Cell, ...]] = []
    plan = ds.plan.model if ds.plan else None
    grund = underlag(ds, ar, export=True)
    # what the export holds beyond the report, said in the notice too ("och dessutom på …")
    utover = utover_rapporten(underlag(ds, ar), grund) if plan is not None else ""
    ill = _illustrativt(ds, results, grund)
    # the first row under the heading, pinned in the xlsx file (FASTA_RADER): whether anything
    # is made up is the first thing the file says, as in the report's first lines (sign27)
    samma = f"Exporten bygger på samma data som rapporten för {ar}" + (
        f" och dessutom på {utover}." if utover else "."
    )
    rows.append(
        (
            "Illustrativa uppgifter",
            f"{samma} {banner.ILLUSTRATIV_EXPORT} Det gäller {banner.uppraknat(ill)}."
            f"{_markerade(data)}"
            if ill
            else "Ingen av datafilerna som exporten bygger på är markerad illustrativ.",
        )
    )
    bilaga = banner.indikatorbilaga(plan, results) if plan is not None else None
    if bilaga is not None:  # the report's second notice, as in its first lines
        rows.append(bilaga)
    if plan is not None:
        p, g = plan.plan, plan.plan.giltighet
        rows += [
            (
                "Innehåll",
                f"Underlaget till {report_title(plan, ar)} av {p.namn}, som tabeller: "
                "nämndernas rapporter, saknade rapporter, bedömningarna i den samlade "
                "uppföljningen, indikatorernas värden, rapportens slutsatser (indikatorernas "
                "status och målens beräknade utfall, med samma ord som rapporten) och polisens "
                "listor.",
            ),
            (
                "Plan",
                f"{p.namn}, diarienummer {p.diarienummer}, beslutad av "
                f"{organ_i_text(p.beslutad_av)}, giltighet {g.fran}–{g.till}.",
            ),
            (
                "År",
                f"Rapporterna och bedömningarna för {arsspann(g.fran, ar)}, indikatorernas "
                f"baslinjer, målvärden och utfall till och med {ar}, indikatorernas status för "
                # the plan's first year alone: "för 2022", never "för varje år 2022–2022"
                f"{'' if ar == g.fran else 'varje år '}{arsspann(g.fran, ar)} som rapporten för "
                "året visar den, målens beräknade utfall "
                f"{'för ' + str(ar) if ar == g.till else f'bara i slutuppföljningen ({g.till})'} "
                f"och polisens listor till och med upplagan {ar}.",
            ),
        ]
    if utover:
        rows.append(
            ("Mer än rapporten", f"Exporten har fler rader än rapporten för {ar} visar: {utover}.")
        )
    rd = report_date(ds, ar)
    if rd.datum is None:
        datum = (
            f"{datum_text(None, False).capitalize()}: datan har inget beslut om uppföljningen "
            f"för {ar} (uppfoljning/{ar}.yaml saknas eller har inga beslut). Filen har därför "
            "inget datum."
        )
    elif rd.pahittat:
        datum = (
            f"{datum_text(rd.datum, True)}: uppföljningsfilen för {ar} är illustrativ, så "
            "beslutet och dess datum är påhittade."
        )
    else:
        datum = f"{rd.datum}: det senaste beslutet om uppföljningen för {ar}."
    rows += [
        ("Beslutsdatum", datum),
        (
            "Version",
            f"Skriven av {VERKTYG}. Samma datafiler och samma version av utsatta ger samma "
            "tabeller.",
        ),
        (
            "Källor",
            "Varje rad kommer från en datafil i datamappen, som kolumnen kallfil anger "
            "(plan.yaml, organisationer.yaml, omraden.yaml, indikatorer/, rapporter/ÅR/, "
            "uppfoljning/ÅR.yaml). Källorna till indikatorernas värden, polisens nivåer och "
            "bedömningarna står i kolumnerna kalla, kalla_url och sakerhet, med samma "
            "säkerhet som rapporten anger.",
        ),
        (
            "Tabeller",
            "Varje tabell är ett blad i xlsx-filen och en CSV-fil med tabellens namn i "
            "CSV-exporten. Tabellernas och kolumnernas namn är koder i ASCII utan å, ä och ö "
            "(som nycklarna i datafilerna, t.ex. ar för år och sakerhet för säkerhet), så att "
            "skript och Power BI kan använda dem oförändrade; tabellen kolumner förklarar varje "
            "kolumn och koderna som står i den. Långa texter radbryts i xlsx-filen med sina "
            "radbrytningar kvar; en rad visar högst de första raderna av texten, och hela "
            "texten syns i cellen eller när raden görs högre.",
        ),
        (TEXT_RUBRIK, TEXT_NOTE),
    ]
    for t in data:
        n = len(t.rows)
        rows.append(
            (f"Tabellen {t.namn}", f"{t.beskrivning} {heltal(n)} rad{'' if n == 1 else 'er'}.")
        )
    return Table(
        NAMN,
        "Vad exporten är: plan, år, illustrativa uppgifter, beslutsdatum, version, källor och "
        "tabeller.",
        OM_FILEN,
        tuple(rows),
    )
