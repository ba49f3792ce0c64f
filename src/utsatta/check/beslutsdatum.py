"""Warn where a decision on a year's uppföljning is dated before that year ended, or more than two
years after it (granska17 F-h, decision 0538): the latest one is the report's date."""

from __future__ import annotations

import calendar
from typing import Final

from utsatta.findings import Finding, varning
from utsatta.load.dataset import DataSet

#: a decision from this many years after the year on (more than two years after its end) is
#: taken for a slip in the year (decision 0538)
ORIMLIGT_SENT: Final = 3


def example_date(ar: int, datum: str) -> str:
    """The same day in the year after ``ar``, where the calendar has it."""
    month_day = datum[4:]
    if month_day == "-02-29" and not calendar.isleap(ar + 1):
        month_day = "-02-28"
    return f"{ar + 1}{month_day}"


def check_beslutsdatum(ds: DataSet) -> list[Finding]:
    plan = ds.plan.model if ds.plan else None
    g = plan.plan.giltighet if plan is not None else None
    findings: list[Finding] = []
    for src in ds.uppfoljningar:
        up = src.model
        if up is None:
            continue
        ar = up.ar
        if g is not None and not g.covers(ar):
            continue  # a file of another plan: its one finding says so (ar-utanfor-planen)
        for i, b in enumerate(up.beslut):
            # ÅÅÅÅ-MM-DD (the model's check): text order is date order
            if b.datum < f"{ar + 1}-01-01":
                code = "beslut-fore-aret"
                why = (
                    f"före årets slut. Uppföljningen beskriver läget i slutet av {ar}, så "
                    f"beslutet fattas tidigast {ar + 1}"
                )
            elif b.datum >= f"{ar + ORIMLIGT_SENT}-01-01":
                code = "beslut-langt-efter-aret"
                why = (
                    "mer än två år efter årets slut. Beslutet om ett års uppföljning fattas "
                    "normalt året efter"
                )
            else:
                continue
            example = example_date(ar, b.datum)
            findings.append(
                varning(
                    src.display,
                    ("beslut", i, "datum"),
                    code,
                    f"Beslutet om uppföljningen av {ar} är daterat {b.datum}, {why}. Rätta året i "
                    f"'datum' (t.ex. {example}); det senaste beslutets datum blir "
                    "rapportens datum, i PDF:ens sidfot.",
                )
            )
    return findings
