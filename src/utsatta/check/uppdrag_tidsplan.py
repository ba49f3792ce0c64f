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
#: a redovisning that speaks of the tidsplan otherwise ("ny tidsplan: 2026 Q2", "tidsplanen har
#: passerats", "inte enligt tidsplanen") or of a delay ("försenat") has said how it stands: no
#: warning
OM_TIDSPLANEN: Final = re.compile(r"tids?plan|försen", re.IGNORECASE)


def says_how_it_stands(redovisning: str) -> bool:
    """Whether ``redovisning`` speaks of the tidsplan or a delay other than "enligt tidsplanen"
    (a negated "inte enligt tidsplanen" says the delay)."""
    if INTE_ENLIGT.search(redovisning):
        return True
    return OM_TIDSPLANEN.search(ENLIGT_TIDSPLANEN.sub(" ", redovisning)) is not None


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
