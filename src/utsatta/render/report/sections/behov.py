"""The combined behov: every behov of further insatser that the organisations raise in the year's
reports, in one list grouped by fokusområde and insats; and what became of earlier behov where
the analysts' file says so (``tidigare_behov``).
"""

from __future__ import annotations

from collections.abc import Mapping

from utsatta.compute.coverage import reports_of_year
from utsatta.load.dataset import DataSet
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.findings import antal
from utsatta.render.report.followup_view import (
    BehovFokus,
    BehovInsats,
    BehovPost,
    BehovVy,
    TidigareBehovVy,
)
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.uppfoljning import BEHOVSUTFALL
from utsatta.render.report.view import ankare_insats


def _behov_text(ds: DataSet, ar: int, org: str, insats: str, nummer: int) -> str:
    rapport = reports_of_year(ds, ar).get(org)
    if rapport is not None:
        for item in rapport.insatser:
            if item.insats == insats and 0 < nummer <= len(item.behov):
                return item.behov[nummer - 1]
    return f"Behov nr {nummer} (finns inte i rapporten i datan)"


def behov_vy(
    ds: DataSet,
    plan: PlanFil,
    reports: Mapping[str, RapportFil],
    upp: UppfoljningFil | None,
    ar: int,
    names: Names,
) -> BehovVy:
    posts: dict[str, list[BehovPost]] = {}
    raised_by: set[str] = set()
    for org in names.orgs_in_order(reports):
        for item in reports[org].insatser:
            for b in item.behov:
                posts.setdefault(item.insats, []).append(BehovPost(names.org(org), b))
                raised_by.add(org)
    fokus = []
    for f in plan.fokusomraden:
        insatser = tuple(
            BehovInsats(i.id, ankare_insats(i.id), i.titel, tuple(posts[i.id]))
            for i in plan.insatser
            if i.fokusomrade == f.id and posts.get(i.id)
        )
        if insatser:
            fokus.append(BehovFokus(f.id, f.namn, insatser))
    n = sum(len(p) for p in posts.values())
    if n:
        text = (
            f"Organisationernas rapporter för {ar} lyfter {antal(n, 'behov', 'behov')} av "
            f"ytterligare insatser, från {antal(len(raised_by), 'organisation', 'organisationer')}."
        )
    else:
        text = f"Ingen rapport för {ar} lyfter något behov av ytterligare insatser."

    tidigare = tuple(
        TidigareBehovVy(
            ar=t.ar,
            organisation=names.org(t.organisation),
            insats=t.insats,
            behov=_behov_text(ds, t.ar, t.organisation, t.insats, t.nummer),
            utfall=BEHOVSUTFALL.get(t.utfall, t.utfall),
            utfall_nyckel=t.utfall,
            text=t.text,
        )
        for t in (upp.tidigare_behov if upp else [])
    )
    earlier = reports_of_year(ds, ar - 1)
    n_earlier = sum(len(i.behov) for r in earlier.values() for i in r.insatser)
    followed = sum(1 for t in tidigare if t.ar == ar - 1)
    if upp is None:
        tidigare_text = (
            f"Vad som blev av tidigare års behov är inte redovisat: uppföljningen för {ar} saknas."
        )
    elif n_earlier:
        tidigare_text = (
            f"Rapporterna för {ar - 1} lyfte {antal(n_earlier, 'behov', 'behov')}; uppföljningen "
            f"redovisar utfallet för {followed} av dem."
        )
    else:
        tidigare_text = ""
    if upp is not None and upp.illustrativ and tidigare:
        # the outcomes come from the analysts' file: an illustrative one is not theirs
        tidigare_text = (
            f"{tidigare_text} Utfallen och vad som gjorts är illustrativa (påhittade, ur "
            f"uppfoljning/{ar}.yaml), inte stadsledningskontorets."
        ).strip()
    return BehovVy(n, text, tuple(fokus), tidigare, tidigare_text)
