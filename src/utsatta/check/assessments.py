"""Warn where a report's own bedömning contradicts the computed status of a linked indicator."""

from __future__ import annotations

from utsatta.findings import Issue, varning
from utsatta.load.dataset import DataSet


def check_assessments(ds: DataSet, years: list[int]) -> list[Issue]:
    if not any(s.model is not None and s.model.insatser for s in ds.indikatorer):
        return []  # nothing linked: skip the computation
    from utsatta.compute.assessment import EgenBedomning, IndikatorStatus, contradictions
    from utsatta.compute.indicators import evaluate

    issues: list[Issue] = []
    for ar in years:
        reports = [r for r in ds.rapporter if r.model is not None and r.model.ar == ar]
        if not reports:
            continue
        statuses = [
            IndikatorStatus(r.indikator.id, tuple(r.indikator.insatser), r.progress.status)
            for r in evaluate(ds, ar)
        ]
        for rep in reports:
            assert rep.model is not None
            index = {item.insats: n for n, item in enumerate(rep.model.insatser)}
            own = [
                EgenBedomning(item.insats, rep.model.organisation, item.bedomning)
                for item in rep.model.insatser
            ]
            for m in contradictions(own, statuses):
                issues.append(
                    varning(
                        rep.display,
                        ("insatser", index[m.insats], "bedomning"),
                        "bedomning-motsager-indikator",
                        m.meddelande,
                    )
                )
    return issues
