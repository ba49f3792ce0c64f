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
#: tidsplan", "förlängd tidsplan", "tidsplanen har passerats / ändrats / inte hållits",
#: "försenat", "senarelagt", "skjutits fram"; "förlängd" only of the tidsplan, the uppdrag or
#: its deadline ("uppdraget har förlängts", "förlängning av uppdraget"), never of anything else
#: ("förlängd öppettid"). Merely naming the tidsplan ("följer tidsplanen", "tidsplanen hålls")
#: says nothing of the kind (decision 0668, amended in sessions 26 and 27). ``fras`` is a noun
#: phrase, which "inte" after it does not deny ("ny tidsplan är inte redovisad" says how it
#: stands); the rest are verbs and nouns of a delay.
HUR_DET_STAR: Final = re.compile(
    r"(?P<fras>\bny(?:a|tt)?\s+tids?plan|\b(?:revider|ändr)\w*\s+tids?plan"
    r"|\bförläng\w*\s+(?:(?:av|för|om|tid|tiden)\s+){0,2}(?:tids?plan|uppdrag|deadline|slutdatum))"
    r"|\btids?plan\w*\s+(?:har\s+|hade\s+|är\s+|blev\s+)?"
    r"(?:ändr|revider|förläng|förskjut|skjut|passera|överskrid|spruck|sprack"
    r"|inte\s+håll|hölls\s+inte|hålls\s+inte)"
    r"|\b(?:uppdrag|deadline|slutdatum)\w*\s+(?:har\s+|hade\s+|är\s+|blev\s+)?förläng"
    r"|försen|förskjut|senarelag|framskjut|\bskjut\w*\s+fram",
    re.IGNORECASE,
)
#: a denial up to 3 words before ("inga förseningar", "ingen ny tidsplan", "har inte alls blivit
#: försenat"), not reaching past a comma, "och" or "men" ("inte klart och försenat")
NEKAD: Final = re.compile(
    r"\b(?:inte|ej|icke|aldrig|utan|ingen|inga|inget)\s+(?:(?!(?:och|men)\b)\w+\s+){0,2}\Z",
    re.IGNORECASE,
)
#: how far before a delay word its denial is looked for, in characters: "inte" and two words
_FONSTER: Final = 200
#: a denial right after the verb ("försenades inte", "ändrades ej"), but not "inte minst" or
#: "inte bara", which deny nothing
NEKAD_EFTER: Final = re.compile(
    r"\w*\s+(?:inte|ej|icke|aldrig)\b(?!\s+(?:minst|bara|enbart|endast)\b)", re.IGNORECASE
)


def says_how_it_stands(redovisning: str) -> bool:
    """Whether ``redovisning`` says that the tidsplan did not hold or was replaced: a new,
    revised or extended tidsplan, a delay, or "inte enligt tidsplanen", none of them denied
    ("inte försenat", "inga förseningar", "ingen ny tidsplan", "försenades inte"); never
    "enligt tidsplanen" or a mere mention of it."""
    if INTE_ENLIGT.search(redovisning):
        return True
    for match in HUR_DET_STAR.finditer(redovisning):
        # Read in a window before the match: a denial and two words fit in it, and a search
        # from the text's start for every match grew with the square of a long text (a
        # 112 kB text of denied delays took 15 s).
        if NEKAD.search(redovisning, max(0, match.start() - _FONSTER), match.start()):
            continue
        if match.group("fras") is None and NEKAD_EFTER.match(redovisning, match.end()):
            continue
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
