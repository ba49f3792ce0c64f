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
from utsatta.wording import LISTADE_FILER, LISTADE_VARDEN, begransad

#: the statuses that say work had begun, as the report writes them
PABORJAD: Final = {"pagaende": "pågående", "forsenad": "försenad", "genomford": "genomförd"}
#: an earlier report's post: year, status, file, whether it names områden, whether its
#: bedömning is 'uppnatt' (the last two must change too if 'ej-paborjad' is written there)
Entry = tuple[int, str, str, bool, bool]


def check_status_history(ds: DataSet, duties: Duties | None) -> list[Finding]:
    plan = ds.plan.model if ds.plan else None
    if plan is None or duties is None:
        return []
    fran = plan.plan.giltighet.fran
    # (report, item index, year, organisation, insats) of each 'ej-paborjad': most reports have
    # none, and then no earlier report is looked at
    ej = [
        (rep, i, rep.folder_year, rep.model.organisation, item.insats, item.bedomning)
        for rep in ds.rapporter
        if rep.model is not None
        for i, item in enumerate(rep.model.insatser)
        if item.status == "ej-paborjad"
    ]
    if not ej:
        return []
    wanted = {insats for *_, insats, _ in ej}
    # (organisation, insats) → the reports that began it or broke it off
    begun: dict[tuple[str, str], list[Entry]] = {}
    for rep in ds.rapporter:
        if rep.model is None or rep.folder_year < fran:
            continue
        for item in rep.model.insatser:
            if item.insats in wanted and (item.status in PABORJAD or item.status == "avbruten"):
                begun.setdefault((rep.model.organisation, item.insats), []).append(
                    (
                        rep.folder_year,
                        item.status,
                        rep.display,
                        bool(item.omraden),
                        item.bedomning == "uppnatt",
                    )
                )
    if not begun:
        return []
    findings: list[Finding] = []
    for rep, i, ar, org, insats, bedomning in ej:
        earlier = sorted(
            entry
            for who in duties.lineage(org, insats, ar)
            for entry in begun.get((who, insats), ())
            if entry[0] < ar
        )
        # after a report that broke it off, not begun again is no step back
        stopped = [n for n, (_, status, *_) in enumerate(earlier) if status == "avbruten"]
        since = earlier[stopped[-1] + 1 :] if stopped else earlier
        if not since:
            continue
        year, status, file, *_ = since[-1]  # the latest; in one year, any file will do
        them = (
            f"i rapporten för {year}" if len(since) == 1 else f"{_years(since)} ({_files(since)})"
        )
        # what else those posts must say then, so that the advice followed leaves no finding
        # (motsagande-omraden, motsagande-bedomning); ", i rapporten för …," where not all do
        also = [
            _where(since, [e for e in since if e[n]]) + what
            for n, what in (
                (3, " omraden: []"),
                (4, " bedomning: inte-uppnatt eller bedoms-inte-uppnas i stället för 'uppnatt'"),
            )
            if any(e[n] for e in since)
        ]
        then = ", och där även" + " och".join(also) if also else ""
        # 'avbruten' contradicts a bedömning that it is reached (motsagande-bedomning)
        stop = (
            "'avbruten' med en annan bedömning än 'bedoms-uppnas'"
            if bedomning == "bedoms-uppnas"
            else "'avbruten'"
        )
        findings.append(
            varning(
                rep.display,
                ("insatser", i, "status"),
                "status-bakat",
                f"Insats {insats} var {PABORJAD[status]} i rapporten för {year} ({file}) men är "
                f"'ej-paborjad' här. Rätta 'status' till det som gäller i år ('genomford', "
                f"'pagaende' eller 'forsenad', eller {stop} om arbetet har brutits); var "
                f"insatsen i själva verket inte påbörjad, skriv i stället status: ej-paborjad "
                f"{them}{then}.",
            )
        )
    return findings


def _years(entries: list[Entry]) -> str:
    years = sorted({e[0] for e in entries})
    return ("i rapporten för " if len(entries) == 1 else "i rapporterna för ") + begransad(
        [str(y) for y in years], LISTADE_VARDEN
    )


def _where(since: list[Entry], some: list[Entry]) -> str:
    return "" if len(some) == len(since) else f", {_years(some)},"


def _files(entries: list[Entry]) -> str:
    files = list(dict.fromkeys(e[2] for e in entries))
    return begransad(files, LISTADE_FILER, och_last=False)
