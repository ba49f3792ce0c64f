"""Warn where the slutuppföljning's written verdict on the mål or a delmål goes against the outcome
the report computes for it ("Nått" / "Inte nått" in the table "Målen"). Decision 0535."""

from __future__ import annotations

from typing import Final

from utsatta.escape import shorten
from utsatta.findings import Finding, Path_, varning
from utsatta.load.dataset import DataSet
from utsatta.model.indikator import PLANENS_MAL
from utsatta.model.uppfoljning import DelmalBedomning, MalBedomning

#: the written verdicts that go against each computed outcome (reached: True / False); a
#: "delvis-uppnatt" or "osakert" weighs more than the list and contradicts neither
MOT: Final = {
    False: ("uppnatt", "bedoms-uppnas"),
    True: ("inte-uppnatt", "bedoms-inte-uppnas"),
}
#: what the verdict could say instead, per computed outcome
RATT: Final = {False: "'inte-uppnatt' eller 'delvis-uppnatt'", True: "'uppnatt'"}


def check_goal_verdicts(ds: DataSet) -> list[Finding]:
    """Only the plan's last year has a computed outcome (no verdict before the goal year); its
    uppföljning is checked whenever it is there (``validate --year`` drops a later year's)."""
    plan = ds.plan.model if ds.plan else None
    if plan is None:
        return []
    ar = plan.plan.giltighet.till
    upp_src = next((s for s in ds.uppfoljningar if s.model is not None and s.model.ar == ar), None)
    if upp_src is None:
        return []
    up = upp_src.model
    assert up is not None
    contradicting = MOT[False] + MOT[True]
    # goal, path, rubrik, verdict
    written: list[tuple[str, Path_, str, MalBedomning | DelmalBedomning]] = []
    if up.mal is not None and up.mal.bedomning in contradicting:
        written.append((PLANENS_MAL, ("mal", "bedomning"), "målet", up.mal))
    numbers = {d.id: n for n, d in enumerate(plan.mal.delmal, start=1)}
    for i, d in enumerate(up.delmal):
        if d.bedomning in contradicting and d.delmal in numbers:
            written.append((d.delmal, ("delmal", i, "bedomning"), f"delmål {numbers[d.delmal]}", d))
    if not written:
        return []  # no verdict that could contradict: nothing needs computing
    goals = {goal for goal, *_ in written}
    fokus = {s.model.fokusomrade for s in ds.indikatorer if s.model and s.model.mal in goals}
    if not fokus:
        return []  # no indicator decides these goals: no outcome
    from utsatta.compute.goal_outcome import deciding, outcome
    from utsatta.compute.indicators import evaluate, med_ar
    from utsatta.compute.status import fmt_tal

    # Only the fokusområden of the indicators that name these goals (evaluate keeps its order,
    # so the first that names a goal is the report's too); a goal indicator without one (the
    # plan's mål has none) cannot be asked for by fokusområde, so then all are computed.
    named = {f for f in fokus if f is not None}
    results = evaluate(ds, ar) if len(named) < len(fokus) else evaluate(ds, ar, fokus=named)
    by_goal = deciding(results)
    findings: list[Finding] = []
    for goal, path, rubrik, verdict in written:
        r = by_goal.get(goal)
        u = outcome(r, ar)
        bedomning = verdict.bedomning
        if r is None or u is None or bedomning not in MOT[u.reached]:
            continue
        surer = (
            verdict.sakerhet == "bekraftad"
            and bool(verdict.kallor)
            and u.point.sakerhet != "bekraftad"
        )
        if surer:
            continue  # the verdict rests on a confirmed source, the value does not (0535)
        # a confirmed value leaves no surer source to point to: then only the first way (F2)
        annan = (
            " Värdet bygger på en bekräftad källa, så ingen källa för bedömningen väger tyngre."
            if u.point.sakerhet == "bekraftad"
            else " Eller, om bedömningen bygger på en säkrare källa än värdet: lägg till källan "
            "i filens 'kallor', ange dess id i 'kallor' här med 'sakerhet: bekraftad' och "
            "förklara skillnaden i 'text'."
        )
        utfall = "Nått" if u.reached else "Inte nått"
        riktning = (
            "lägre är bättre" if r.indikator.riktning == "lagre-ar-battre" else ("högre är bättre")
        )
        findings.append(
            varning(
                upp_src.display,
                path,
                "malbedomning-motsager-utfall",
                f"Bedömningen av {rubrik} ('{bedomning}') går emot det beräknade utfallet för "
                f"{ar}: {utfall}. Indikatorn '{shorten(r.indikator.namn)}' ({r.file}) har värdet "
                f"{med_ar(fmt_tal(u.point.varde), ar, u.point.sakerhet)} mot målvärdet "
                f"{fmt_tal(u.malvarde)} ({riktning}). Rätta 'bedomning' till {RATT[u.reached]}."
                + annan,
            )
        )
    return findings
