"""Warn where an insats is 'ej-paborjad' although the same organisation, or one it took the insats
over from, reported it started (pågående, försenad) or done (genomförd) in an earlier year of the
plan (granska17 F-m, decision 0537). A check of one report reads those earlier reports too
(check.partial.depends_on), and a check of an earlier one shows the later years' findings
(check.partial.with_dependents)."""

from __future__ import annotations

from typing import Final

from utsatta.compute.responsibility import Duties
from utsatta.findings import Finding, varning
from utsatta.load.dataset import DataSet
from utsatta.wording import och

#: the statuses that say work had begun, as the report writes them
PABORJAD: Final = {"pagaende": "pågående", "forsenad": "försenad", "genomford": "genomförd"}


def check_status_history(ds: DataSet, duties: Duties | None) -> list[Finding]:
    plan = ds.plan.model if ds.plan else None
    if plan is None or duties is None:
        return []
    fran = plan.plan.giltighet.fran
    # (report, item index, year, organisation, insats) of each 'ej-paborjad': most reports have
    # none, and then no earlier report is looked at
    ej = [
        (rep, i, rep.folder_year, rep.model.organisation, item.insats)
        for rep in ds.rapporter
        if rep.model is not None
        for i, item in enumerate(rep.model.insatser)
        if item.status == "ej-paborjad"
    ]
    if not ej:
        return []
    wanted = {insats for *_, insats in ej}
    # (organisation, insats) → the reports that began it or broke it off: (year, status, file)
    begun: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for rep in ds.rapporter:
        if rep.model is None or rep.folder_year < fran:
            continue
        for item in rep.model.insatser:
            if item.insats in wanted and (item.status in PABORJAD or item.status == "avbruten"):
                begun.setdefault((rep.model.organisation, item.insats), []).append(
                    (rep.folder_year, item.status, rep.display)
                )
    if not begun:
        return []
    findings: list[Finding] = []
    for rep, i, ar, org, insats in ej:
        earlier = sorted(
            entry
            for who in duties.lineage(org, insats, ar)
            for entry in begun.get((who, insats), ())
            if entry[0] < ar
        )
        # after a report that broke it off, not begun again is no step back
        stopped = [n for n, (_, status, _) in enumerate(earlier) if status == "avbruten"]
        since = earlier[stopped[-1] + 1 :] if stopped else earlier
        if not since:
            continue
        year, status, file = since[-1]  # the latest; in one year, any file will do
        years = sorted({y for y, _, _ in since})
        them = (
            f"i rapporten för {year}"
            if len(since) == 1
            else "i rapporterna för "
            + och([str(y) for y in years])
            + " ("
            + ", ".join(dict.fromkeys(f for _, _, f in since))
            + ")"
        )
        findings.append(
            varning(
                rep.display,
                ("insatser", i, "status"),
                "status-bakat",
                f"Insats {insats} var {PABORJAD[status]} i rapporten för {year} ({file}) men är "
                f"'ej-paborjad' här. Rätta 'status' till det som gäller i år ('genomford', "
                f"'pagaende' eller 'forsenad'); var insatsen i själva verket inte påbörjad, "
                f"rätta i stället 'status' {them}.",
            )
        )
    return findings
