"""The combined behov: every behov of further insatser that the organisations raise in the year's
reports, in one list grouped by fokusområde and insats; and what became of earlier behov where
the analysts' file says so (``tidigare_behov``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from utsatta.compute.coverage import reports_of_year
from utsatta.compute.report_date import uppfoljning_of
from utsatta.load.dataset import DataSet
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import TidigareBehov, UppfoljningFil
from utsatta.render.findings import antal
from utsatta.render.report.followup_view import (
    BehovAr,
    BehovFokus,
    BehovInsats,
    BehovPost,
    BehovUtanUtfall,
    BehovVy,
    TidigareBehovVy,
)
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.uppfoljning import BEHOVSUTFALL
from utsatta.render.report.view import ankare_insats
from utsatta.wording import och


def _behov_text(rapport: RapportFil | None, insats: str, nummer: int) -> str:
    if rapport is not None:
        for item in rapport.insatser:
            if item.insats == insats and 0 < nummer <= len(item.behov):
                return item.behov[nummer - 1]
    return f"Behov nr {nummer} (finns inte i rapporten i underlaget)"


def _tidigare_text(ds: DataSet, ar: int, followed: Sequence[int]) -> str:
    """One sentence per the years the table shows, and last year's: how many behov that year's
    reports raised, and for how many of them the analysts' file gives the outcome, so the
    sentence and the table speak of the same behov."""
    years = sorted({y for y in followed if y < ar} | {ar - 1})
    parts = []
    for y in years:
        raised = sum(len(i.behov) for r in reports_of_year(ds, y).values() for i in r.insatser)
        n = sum(1 for f in followed if f == y)
        if not raised and not n:
            continue
        if not raised:
            parts.append(f"för {antal(n, 'behov', 'behov')} från {y}")
        elif n == raised:
            alla = "det enda behovet" if n == 1 else f"alla {n} behov"
            parts.append(f"för {alla} som rapporterna för {y} lyfte")
        elif n:
            parts.append(
                f"för {n} av de {antal(raised, 'behov', 'behov')} som rapporterna för {y} lyfte"
            )
        else:
            parts.append(
                f"för inget av de {antal(raised, 'behov', 'behov')} som rapporterna för {y} lyfte"
            )
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"Uppföljningen redovisar utfallet {joined}."


def _tidigare_vy(
    t: TidigareBehov, reports: Mapping[str, RapportFil], names: Names, redovisat: int | None = None
) -> TidigareBehovVy:
    """An earlier behov and its outcome; ``reports`` are those of the year that raised it."""
    return TidigareBehovVy(
        ar=t.ar,
        organisation=names.org(t.organisation),
        insats=t.insats,
        behov=_behov_text(reports.get(t.organisation), t.insats, t.nummer),
        utfall=BEHOVSUTFALL.get(t.utfall, t.utfall),
        utfall_nyckel=t.utfall,
        text=t.text,
        redovisat=redovisat,
    )


def _utan_utfall(
    plan: PlanFil,
    reports: Mapping[int, Mapping[str, RapportFil]],
    redovisade: Collection[tuple[int, str, str, int]],
    fran: int,
    ar: int,
    names: Names,
) -> tuple[tuple[BehovUtanUtfall, ...], str]:
    """Every behov the reports for ``fran``–``ar - 1`` raised that no uppföljning gives the
    outcome of (not among ``redovisade``: (year, organisation, insats, number)), by year, then
    insats in plan order, then organisation, then as the report lists them; and the sentence
    above them ("" when there is none). The year ``ar``'s behov stand in the list before."""
    out: list[BehovUtanUtfall] = []
    for y in range(fran, ar):
        per_org = reports[y]
        for ins in plan.insatser:
            for org in names.orgs_in_order(per_org):
                for item in per_org[org].insatser:
                    if item.insats != ins.id:
                        continue
                    out.extend(
                        BehovUtanUtfall(
                            y, ins.id, ankare_insats(ins.id), ins.titel, names.org(org), b
                        )
                        for n, b in enumerate(item.behov, start=1)
                        if (y, org, ins.id, n) not in redovisade
                    )
    if not out:
        return (), ""
    years = f"{fran}–{ar - 1}" if ar - 1 > fran else str(fran)
    text = (
        f"Rapporterna för {years} lyfte {antal(len(out), 'behov', 'behov')} som ingen "
        "uppföljning redovisar något utfall för. Det här är den sista uppföljningen av planen, "
        "så de står här, per år i planens ordning (insats, sedan organisation), som rapporten "
        f"skrev dem. Behoven från {ar} står ovan."
    )
    return tuple(out), text


def _over_perioden(
    ds: DataSet, plan: PlanFil, fran: int, ar: int, names: Names
) -> tuple[tuple[BehovAr, ...], str, tuple[TidigareBehovVy, ...], tuple[BehovUtanUtfall, ...], str]:
    """The slutuppföljning's view of the behov: per plan year how many the reports raised and
    what the uppföljningar of the later plan years say became of them (the latest word on each
    behov counts), with every outcome given and the sentence above them, and the behov of the
    earlier years without an outcome with theirs (:func:`_utan_utfall`)."""
    latest: dict[tuple[int, str, str, int], tuple[int, TidigareBehov]] = {}
    # the illustrative uppföljningar per author (upprattad_av), in year order
    illustrativa: dict[str, list[int]] = {}
    for y in range(fran + 1, ar + 1):
        upp = uppfoljning_of(ds, y)
        if upp is None:
            continue
        given = [t for t in upp.tidigare_behov if fran <= t.ar < y]
        for t in given:
            latest[(t.ar, t.organisation, t.insats, t.nummer)] = (y, t)
        if given and upp.illustrativ:
            illustrativa.setdefault(upp.upprattad_av, []).append(y)
    reports = {y: reports_of_year(ds, y) for y in range(fran, ar + 1)}
    rows = []
    for y in range(fran, ar + 1):
        lyfta = sum(len(i.behov) for r in reports[y].values() for i in r.insatser)
        outcomes = [t.utfall for (by, *_), (_, t) in latest.items() if by == y]
        counts = {k: outcomes.count(k) for k in dict.fromkeys(outcomes)}
        utfall = ", ".join(
            f"{BEHOVSUTFALL.get(k, k)} {counts[k]}"
            for k in (*BEHOVSUTFALL, *sorted(set(counts) - set(BEHOVSUTFALL)))
            if k in counts
        )
        rows.append(BehovAr(y, lyfta, len(outcomes), utfall or "–", max(lyfta - len(outcomes), 0)))
    lyfta_alla = sum(r.lyfta for r in rows)
    redovisade = sum(r.redovisade for r in rows)
    later = f"{fran + 1}–{ar}" if ar > fran + 1 else str(ar)
    text = (
        f"Under planperioden {fran}–{ar} lyfte organisationernas rapporter "
        f"{antal(lyfta_alla, 'behov', 'behov')} av ytterligare insatser. Uppföljningarna för "
        f"{later} redovisar utfallet för {redovisade} av dem; för resten står inget "
        f"utfall i underlaget. Behoven som rapporterna för {ar} lyfter kan följas upp först efter "
        "planperioden. Finns flera utfall för samma behov räknas det senaste."
    )
    if illustrativa:
        text += " " + _inte_upprattarens(illustrativa)
    tidigare = tuple(
        _tidigare_vy(t, reports[t.ar], names, redovisat=y)
        for _, (y, t) in sorted(latest.items(), key=lambda kv: kv[0][0])
    )
    utan, utan_text = _utan_utfall(plan, reports, latest.keys(), fran, ar, names)
    return tuple(rows), text, tidigare, utan, utan_text


def _inte_upprattarens(illustrativa: Mapping[str, Sequence[int]]) -> str:
    """The note that the outcomes of illustrative uppföljningar are not their authors', each
    author named as its file gives it (upprattad_av), never a fixed office."""
    if len(illustrativa) == 1:
        ((vem, ar),) = illustrativa.items()
        return (
            f"Utfallen och vad som gjorts är illustrativa (påhittade), inte upprättarens ({vem}): "
            f"det gäller uppföljningarna för {och([str(y) for y in ar])}."
        )
    per_author = och([f"{vem} för {och([str(y) for y in ar])}" for vem, ar in illustrativa.items()])
    return (
        "Utfallen och vad som gjorts är illustrativa (påhittade), inte upprättarnas "
        f"({per_author})."
    )


def behov_vy(
    ds: DataSet,
    plan: PlanFil,
    reports: Mapping[str, RapportFil],
    upp: UppfoljningFil | None,
    ar: int,
    names: Names,
    fran: int | None = None,
) -> BehovVy:
    """The year's behov, and what became of earlier ones. With ``fran`` (the slutuppföljning)
    the earlier behov are those of the whole period ``fran``–``ar``."""
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

    if fran is not None:  # the slutuppföljning speaks of the whole period instead
        rows, period_text, over, utan, utan_text = _over_perioden(ds, plan, fran, ar, names)
        return BehovVy(n, text, tuple(fokus), over, "", rows, period_text, utan, utan_text)
    # each year's reports looked up once, not once per behov followed up
    followed = upp.tidigare_behov if upp else []
    per_year = {y: reports_of_year(ds, y) for y in {t.ar for t in followed}}
    tidigare = tuple(_tidigare_vy(t, per_year[t.ar], names) for t in followed)
    if upp is None:
        tidigare_text = (
            f"Vad som blev av tidigare års behov är inte redovisat: uppföljningen för {ar} saknas."
        )
    else:
        tidigare_text = _tidigare_text(ds, ar, [t.ar for t in tidigare])
    if upp is not None and upp.illustrativ and tidigare:
        # the outcomes come from the analysts' file: an illustrative one is not theirs
        tidigare_text = (
            f"{tidigare_text} Utfallen och vad som gjorts är illustrativa (påhittade), "
            f"inte upprättarens ({upp.upprattad_av})."
        ).strip()
    return BehovVy(n, text, tuple(fokus), tidigare, tidigare_text)
