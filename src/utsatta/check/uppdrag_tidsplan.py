"""Warn where an övrigt uppdrag is still unfinished in a year's uppföljning although its tidsplan
in the plan had passed by the end of that year (compute.tidsplan), unless its redovisning says
how the tidsplan stands; and say so louder where the redovisning claims the work goes "enligt
tidsplanen" (decision 0668). No reading of the text beyond these words."""

from __future__ import annotations

import re
from typing import Final

from utsatta.compute.tidsplan import passerad
from utsatta.escape import shorten
from utsatta.findings import Finding, varning
from utsatta.load.dataset import DataSet

#: "enligt tidsplanen", "enligt tidplan", …: a claim that no longer holds once it has passed
ENLIGT_TIDSPLANEN: Final = re.compile(r"\benligt\s+(?:den\s+)?tids?plan(?:en)?\b", re.IGNORECASE)
#: "inte enligt tidsplanen", "ej enligt tidplan": the delay said, not the claim
INTE_ENLIGT: Final = re.compile(
    r"\b(?:inte|ej|icke)\s+(?:längre\s+)?enligt\s+(?:den\s+)?tids?plan", re.IGNORECASE
)
#: what says that the tidsplan did not hold or was replaced: "ny tidsplan", "reviderad
#: tidsplan", "tidsplanen har passerats / ändrats / inte hållits", "försenat", "senarelagt",
#: "skjutits fram", "förlängd". Merely naming the tidsplan ("följer tidsplanen", "tidsplanen
#: hålls") says nothing of the kind (decision 0668, amended in session 26).
HUR_DET_STAR: Final = re.compile(
    r"\bny(?:a|tt)?\s+tids?plan|\b(?:revider|ändr)\w*\s+tids?plan"
    r"|\btids?plan\w*\s+(?:har\s+|hade\s+|är\s+|blev\s+)?"
    r"(?:ändr|revider|förläng|förskjut|skjut|passera|överskrid|spruck|sprack"
    r"|inte\s+håll|hölls\s+inte|hålls\s+inte)"
    r"|(?P<forsening>försen|förskjut|senarelag|framskjut|\bskjut\w*\s+fram|förläng)",
    re.IGNORECASE,
)
#: a delay word denied ("inte försenat", "har ej förskjutits"): a claim of time kept
NEKAD: Final = re.compile(r"\b(?:inte|ej|icke|aldrig)\s+(?:\w+\s+)?\Z", re.IGNORECASE)


def says_how_it_stands(redovisning: str) -> bool:
    """Whether ``redovisning`` says that the tidsplan did not hold or was replaced: a new or
    revised tidsplan, a delay (not denied: "inte försenat" is no such word), or "inte enligt
    tidsplanen"; never "enligt tidsplanen" or a mere mention of it."""
    if INTE_ENLIGT.search(redovisning):
        return True
    for match in HUR_DET_STAR.finditer(redovisning):
        before = redovisning[max(0, match.start() - 30) : match.start()]
        if match.group("forsening") is None or not NEKAD.search(before):
            return True
    return False


def check_uppdrag_tidsplan(ds: DataSet) -> list[Finding]:
    plan = ds.plan.model if ds.plan else None
    if plan is None or plan.ovriga_uppdrag is None or ds.plan is None:
        return []
    g = plan.plan.giltighet
    tidsplaner = {u.id: u.tidsplan for u in plan.ovriga_uppdrag.uppdrag}
    findings: list[Finding] = []
    for src in ds.uppfoljningar:
        up = src.model
        if up is None or not g.covers(up.ar):
            continue  # a file of another plan: its one finding says so (ar-utanfor-planen)
        for i, u in enumerate(up.ovriga_uppdrag):
            tidsplan = tidsplaner.get(u.uppdrag)  # None for an unknown id: okant-uppdrag
            if tidsplan is None or not passerad(tidsplan, up.ar, u.status):
                continue
            if says_how_it_stands(u.redovisning):
                continue
            claim = (
                " Redovisningen säger ändå att arbetet sker enligt tidsplanen, vilket inte "
                "stämmer när den har passerats."
                if ENLIGT_TIDSPLANEN.search(u.redovisning)
                else ""
            )
            findings.append(
                varning(
                    src.display,
                    ("ovriga_uppdrag", i, "status"),
                    "uppdrag-efter-tidsplan",
                    f"Uppdraget '{shorten(u.uppdrag)}' har tidsplanen '{shorten(tidsplan)}' i "
                    f"{ds.plan.display}. Tidsplanen har passerats, men status är '{u.status}' "
                    f"i uppföljningen för {up.ar}, som beskriver läget i slutet av året.{claim} "
                    "Skriv i 'redovisning' vilken ny tidsplan eller vilket beslut som gäller, "
                    "eller att tidsplanen har passerats utan ny tidsplan; eller ändra 'status' "
                    "till 'genomford' eller 'avslutad' om uppdraget är klart eller har upphört.",
                )
            )
    return findings
