"""Stadsledningskontorets bedömningar (data/uppfoljning/ÅR.yaml) as the table ``bedomningar``.

One row per written assessment, of every plan year up to the export's: the mål, each delmål
(and each område under it), each fokusområde, with the same words, sources and certainty as the
report's first section (:func:`utsatta.render.report.sections.uppfoljning.bedomning_vy`, so the
two never say it differently). A mål or delmål without a written assessment, and a year without
the file, is a row with ``bedomning`` = saknas, as the report says it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from utsatta.compute.malgrund import MOT_MAL, fokus_utan_underlag, utan_malvarde
from utsatta.compute.plan_years import years_through
from utsatta.compute.report_date import uppfoljning_of
from utsatta.escape import web_address
from utsatta.export.cells import relative_file
from utsatta.export.columns import BEDOMNINGAR
from utsatta.export.table import Cell, Origin, Table
from utsatta.findings import Path_
from utsatta.load.dataset import DataSet, SourceFile
from utsatta.model.common import Kalla
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.report.sections.uppfoljning import (
    SkrivenBedomning,
    bedomning_vy,
    delmal_rubriker,
    file_kallor,
    fokus_med_malvarde_of,
)

__all__ = ["SAKNAS", "bedomningar"]

#: the text of ``bedomning_text`` where no assessment is written
SAKNAS: Final = "Ingen bedömning skriven"


def bedomningar(ds: DataSet, ar: int) -> Table:
    """The table ``bedomningar`` for the plan's years up to ``ar`` (see the module)."""
    plan = ds.plan.model if ds.plan else None
    omr = ds.omraden.model if ds.omraden else None
    omr_namn = {o.id: o.namn for o in omr.omraden} if omr else {}
    rows: list[tuple[Cell, ...]] = []
    origins: list[Origin | None] = []
    if plan is None:
        return Table("bedomningar", _BESKRIVNING, BEDOMNINGAR, ())
    g = plan.plan.giltighet
    files = {f.model.ar: f for f in ds.uppfoljningar if f.model is not None}
    fokus_namn = {f.id: f.namn for f in plan.fokusomraden}
    rubriker = delmal_rubriker(plan)
    # a verdict on a fokusområde with no målvärde behind it: the report's "bedömning utan
    # målvärde" (compute.malgrund); the mål and delmål state their target in the plan's words
    med = fokus_med_malvarde_of(ds, plan)
    for year in years_through(g, ar):
        src = files.get(year)
        upp = uppfoljning_of(ds, year)
        if src is None or upp is None:
            rows.append(
                (
                    *_saknas(year, "uppfoljning", None, f"Samlad uppföljning {year}", None),
                    f"Filen uppfoljning/{year}.yaml finns inte i datan.",
                    *([None] * 8),
                )
            )
            origins.append(None)
            continue
        fil = relative_file(src.path, ds.root)
        kallor = file_kallor(upp)

        def add(
            del_: str,
            del_id: str | None,
            rubrik: str,
            b: SkrivenBedomning,
            path: Path_,
            omrade: str | None = None,
            *,
            utan: bool = False,
            underlag: bool = False,
            _upp: UppfoljningFil = upp,
            _kallor: Mapping[str, Kalla] = kallor,
            _src: SourceFile[UppfoljningFil] = src,
            _fil: str = fil,
            _year: int = year,
        ) -> None:
            vy = bedomning_vy(rubrik, b, _upp, _kallor)
            # as the reports link them (decision 0519)
            urls = [web_address(u) for k in b.kallor if k in _kallor and (u := _kallor[k].url)]
            rows.append(
                (
                    _year,
                    del_,
                    del_id,
                    rubrik,
                    omrade,
                    omr_namn.get(omrade, omrade) if omrade else None,
                    b.bedomning,
                    vy.bedomning,
                    "ja" if utan else "nej",
                    "ja" if underlag else "nej",
                    b.text,
                    ", ".join(b.kallor) or None,
                    vy.kallor or None,
                    "; ".join(str(u) for u in urls) or None,
                    b.sakerhet,
                    vy.sakerhet or None,
                    vy.etikett,
                    "ja" if vy.illustrativ else "nej",
                    _fil,
                )
            )
            origins.append(Origin(_src, path))

        if upp.mal is not None:
            add("mal", None, "Målet", upp.mal, ("mal",))
        else:
            rows.append(_saknas(year, "mal", None, "Målet", fil) + _tomt(upp, fil))
            origins.append(None)
        by_id = {d.delmal: (n, d) for n, d in enumerate(upp.delmal)}
        for d in plan.mal.delmal:
            if d.id not in by_id:
                rows.append(_saknas(year, "delmal", d.id, rubriker[d.id], fil) + _tomt(upp, fil))
                origins.append(None)
                continue
            n, b = by_id[d.id]
            add("delmal", d.id, rubriker[d.id], b, ("delmal", n))
            for m, ob in enumerate(b.omraden):
                add("omrade", d.id, rubriker[d.id], ob, ("delmal", n, "omraden", m), ob.omrade)
        # the year's indicators, only where a verdict needs them (the report's own rule)
        utan_u = fokus_utan_underlag(
            ds, year, ((fb.fokusomrade, fb.bedomning) for fb in upp.fokusomraden), med
        )
        for n, fb in enumerate(upp.fokusomraden):
            rubrik = f"Fokusområde {fb.fokusomrade}: {fokus_namn.get(fb.fokusomrade, '')}"
            add(
                "fokusomrade",
                fb.fokusomrade,
                rubrik,
                fb,
                ("fokusomraden", n),
                utan=utan_malvarde(fb.bedomning, fb.fokusomrade, med),
                underlag=fb.bedomning in MOT_MAL and fb.fokusomrade in utan_u,
            )
    return Table("bedomningar", _BESKRIVNING, BEDOMNINGAR, tuple(rows), tuple(origins))


_BESKRIVNING: Final = (
    "En rad per bedömning i den samlade uppföljningen (uppfoljning/ÅR.yaml) "
    "av målet, ett delmål, ett område under ett delmål eller ett fokusområde, med källor och "
    "säkerhet som i rapporten; saknas där ingen bedömning är skriven."
)


def _saknas(
    year: int, del_: str, del_id: str | None, rubrik: str, fil: str | None
) -> tuple[Cell, ...]:
    """The first columns of a row for an assessment not written (up to utan_underlag)."""
    return (year, del_, del_id, rubrik, None, None, "saknas", SAKNAS, None, None)


def _tomt(upp: UppfoljningFil, fil: str) -> tuple[Cell, ...]:
    """The rest of a row for an assessment not written in a file that exists."""
    return (
        None,
        *([None] * 5),
        None,
        "ja" if upp.illustrativ else "nej",
        fil,
    )
