"""Warn where a report's own bedömning contradicts the computed status of a linked indicator."""

from __future__ import annotations

from utsatta.findings import Finding, varning
from utsatta.load.dataset import DataSet


def check_assessments(ds: DataSet, years: list[int]) -> list[Finding]:
    # Only an insats with an indicator, assessed without a motivering, can contradict one:
    # without such an item in a year's reports, the indicators need not be computed (nor their
    # code imported).
    may_link = {i for s in ds.indikatorer if s.model is not None for i in s.model.insatser}
    if not may_link:
        return []  # nothing linked: skip the computation
    findings: list[Finding] = []
    for ar in years:
        reports = [r for r in ds.rapporter if r.model is not None and r.folder_year == ar]
        candidates = {
            item.insats
            for rep in reports
            if rep.model is not None
            for item in rep.model.insatser
            if item.motivering is None and item.insats in may_link
        }
        if not candidates:
            continue
        from utsatta.compute.assessment import EgenBedomning, IndikatorStatus, contradictions
        from utsatta.compute.indicators import evaluate
        from utsatta.compute.progress import status_text

        results = evaluate(ds, ar, linked_to=candidates)  # only those that can contradict
        indicator_names = {r.indikator.id: r.indikator.namn for r in results}
        statuses = [
            IndikatorStatus(r.indikator.id, tuple(r.indikator.insatser), r.progress.status)
            for r in results
        ]
        linked = {insats for s in statuses for insats in s.insatser}
        for rep in reports:
            assert rep.model is not None
            # An explained difference is fine: the warning asks for exactly that explanation.
            # Only insatser with an indicator can contradict one (most reports have none).
            own = [
                EgenBedomning(item.insats, rep.model.organisation, item.bedomning)
                for item in rep.model.insatser
                if item.motivering is None and item.insats in linked
            ]
            if not own:
                continue
            index = {item.insats: n for n, item in enumerate(rep.model.insatser)}
            for m in contradictions(own, statuses):
                findings.append(
                    varning(
                        rep.display,
                        ("insatser", index[m.insats], "bedomning"),
                        "bedomning-motsager-indikator",
                        f"Bedömningen av insats {m.insats} ('{m.bedomning}') går emot den "
                        f"beräknade statusen för indikatorn '{indicator_names[m.indikator]}' "
                        f"({m.indikator}.yaml): {status_text(m.status).lower()}. Se över "
                        "bedömningen, eller förklara skillnaden i 'motivering' för insatsen.",
                    )
                )
    return findings
