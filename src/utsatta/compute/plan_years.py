"""Which plan years a year's output rests on, and which years ``validate`` checks: one rule for
the check, the report and the export, so that the gaps a report or an export announces are
those that ``validate --year ÅR`` shows (docs/decisions/0650-kontrollerade-ar.md)."""

from __future__ import annotations

from collections.abc import Iterable

from utsatta.load.dataset import DataSet
from utsatta.model.plan import Giltighet


def years_through(giltighet: Giltighet, ar: int) -> range:
    """The plan years from the period's first up to ``ar`` (never past the last): the years
    whose reports the report and the export of ``ar`` count (the slutuppföljning's period,
    the export's rows ``rapport-saknas``)."""
    return range(giltighet.fran, min(ar, giltighet.till) + 1)


def checked_years(ds: DataSet, year: int | None, *, later: Iterable[int] = ()) -> list[int]:
    """The years whose completeness ``validate`` checks (reports and uppföljning owed).

    ``year`` None: every year with a report folder, and every plan year up to the latest plan
    year that has one or an uppföljning file. A year in which nobody sent anything has no
    folder (git keeps no empty folder), yet the report and the export of a later year count
    it missing: it is checked too. A ``year``: that year, the earlier years with a folder, and
    every plan year up to it, exactly the years its report and export count; ``later``: years
    after it that are checked too (a later file the user named). Never a year after the latest
    one asked or with data, and nothing depends on today's date.
    """
    plan = ds.plan.model if ds.plan else None
    if year is None:
        years = set(ds.report_years)
        if plan is None:
            return sorted(years)
        g = plan.plan.giltighet
        with_data = {y for y in years if g.covers(y)} | {
            int(src.stem) for src in ds.uppfoljningar if _year(src.stem) and g.covers(int(src.stem))
        }
        if with_data:
            years.update(years_through(g, max(with_data)))
        return sorted(years)
    years = {y for y in ds.report_years if y <= year} | {year} | set(later)
    if plan is not None:
        years.update(years_through(plan.plan.giltighet, year))
    return sorted(years)


def _year(stem: str) -> bool:
    return len(stem) == 4 and stem.isdigit()
