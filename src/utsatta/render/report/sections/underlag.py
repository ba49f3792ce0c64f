"""Which data files an output of one year rests on: the one rule for the report and the export,
so that each output's illustrative notice names exactly the files whose content it shows, and
the export can say plainly what it holds beyond the report (docs/decisions/0290-underlag.md).

The report shows the organisations' reports of every plan year up to its own (§1's outcomes over
the period, the matrix over time, Bilaga C) and of the years of the earlier behov it follows up,
its own year's uppföljning, and, in the slutuppföljning, each earlier year's uppföljning whose
outcomes of earlier behov §4 shows (the rule of :mod:`.behov`). The export holds every report up
to its year and the bedömningar of every plan year's uppföljning up to it (its tables
insatsrapporter and bedomningar).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from utsatta.compute.coverage import reports_of_year
from utsatta.compute.report_date import uppfoljning_of
from utsatta.load.dataset import DataSet
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.wording import och

__all__ = ["Underlag", "underlag", "utover_rapporten", "years_text"]


def years_text(years: Sequence[int]) -> str:
    """2023 / 2023 och 2024 / 2022–2024 (consecutive runs of three or more as a range)."""
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and runs[-1][-1] == y - 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts += [str(y) for y in run]
    return och(parts)


@dataclass(frozen=True)
class Underlag:
    """The files one output of year ``ar`` shows content of, by kind and year."""

    ar: int
    #: year → organisation → report, every year whose reports the output shows
    rapporter: Mapping[int, Mapping[str, RapportFil]]
    #: year → uppföljning, every year whose uppföljning the output shows anything of
    uppfoljningar: Mapping[int, UppfoljningFil]
    #: the years whose bedömningar (mål, delmål, fokusområden) the output shows
    bedomningar: tuple[int, ...]


def underlag(ds: DataSet, ar: int, *, export: bool = False) -> Underlag:
    """The files the report of ``ar`` rests on, or (``export=True``) the export's."""
    plan = ds.plan.model if ds.plan else None
    fran, till = (plan.plan.giltighet.fran, plan.plan.giltighet.till) if plan else (ar, ar)
    upp = uppfoljning_of(ds, ar)
    if export:
        years = {r.folder_year for r in ds.rapporter if r.folder_year <= ar} | {ar}
        upps = {
            y: u for y in range(fran, min(ar, till) + 1) if (u := uppfoljning_of(ds, y)) is not None
        }
        return Underlag(
            ar, {y: reports_of_year(ds, y) for y in sorted(years)}, upps, tuple(sorted(upps))
        )
    years = set(range(fran, ar + 1)) | {t.ar for t in (upp.tidigare_behov if upp else [])}
    upps = {
        y: u
        for y in (range(fran + 1, ar) if ar == till else ())
        if (u := uppfoljning_of(ds, y)) is not None
        and any(fran <= t.ar < y for t in u.tidigare_behov)
    }
    if upp is not None:
        upps[ar] = upp
    return Underlag(
        ar,
        {y: reports_of_year(ds, y) for y in sorted(years)},
        upps,
        (ar,) if upp is not None else (),
    )


def utover_rapporten(rapport: Underlag, export: Underlag) -> str:
    """What the export holds that the report does not show, each part with its table: the
    reports of other years and the bedömningar of other years' uppföljningar (empty: nothing)."""
    out = []
    ar_r = [y for y in export.rapporter if y not in rapport.rapporter and export.rapporter[y]]
    if ar_r:
        out.append(
            f"nämndernas rapporter för {years_text(ar_r)} (tabellerna insatsrapporter och "
            "insatsrapporter_omraden)"
        )
    ar_b = [y for y in export.bedomningar if y not in rapport.bedomningar]
    if ar_b:
        vilka = "uppföljningen" if len(ar_b) == 1 else "uppföljningarna"
        out.append(f"bedömningarna i {vilka} för {years_text(ar_b)} (tabellen bedomningar)")
    return och(out)
