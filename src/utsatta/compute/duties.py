"""Who has reported what: the reported insatser of each organisation and year, and the year's
completeness matrix (insats × organisation) that the checks, the report, ``status`` and
``ny rapport`` share."""

from __future__ import annotations

from collections import defaultdict

from utsatta.compute.completeness import Matrix, matrix
from utsatta.compute.duty_bound import duty_count
from utsatta.compute.responsibility import Duties, planperiod
from utsatta.limits import MAX_DUTIES
from utsatta.load.dataset import DataSet

#: reported[year][organisation] = the insats ids of that organisation's report for that year
Reported = dict[int, dict[str, list[str]]]


def reported(ds: DataSet) -> Reported:
    """Insats ids reported, by year (the folder) and organisation, from valid reports."""
    out: Reported = defaultdict(dict)
    for rep in ds.rapporter:
        if rep.model is None:
            continue
        out[rep.folder_year][rep.model.organisation] = [i.insats for i in rep.model.insatser]
    return dict(out)


def year_matrix(
    ds: DataSet,
    ar: int,
    done: Reported | None = None,
    duties: Duties | None = None,
    *,
    reasons: bool = True,
) -> Matrix | None:
    """The completeness matrix of year ``ar``, or None without a valid plan and organisations.

    ``done``, ``duties`` (see :func:`duties_of`) and ``reasons`` as for
    :func:`utsatta.compute.completeness.matrix`: for asking about several years.
    None too when the plan gives more duties than ``MAX_DUTIES`` (:func:`too_many_duties`).
    """
    if not (ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model):
        return None
    if too_many_duties(ds):
        return None
    return matrix(
        ds.plan.model,
        ds.organisationer.model,
        ar,
        reported(ds) if done is None else done,
        duties,
        reasons=reasons,
    )


def duties_of(ds: DataSet) -> Duties | None:
    """The plan's duties for the data set's organisations, or None without a valid plan and
    organisations (build once, ask for any year), or more duties than ``MAX_DUTIES``."""
    if not (ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model):
        return None
    if too_many_duties(ds):
        return None
    return Duties.of(ds.plan.model, ds.organisationer.model)


class InsatserOf:
    """The insatser an organisation holds in a year, in the plan's order; None when that is
    not known (no valid plan and organisations, an unknown organisation, a year outside the
    plan's period): for the advice on an insats written as a number in a report (decision
    0658). The duties are built once, when first asked (only a message asks)."""

    def __init__(self) -> None:
        self._duties: list[Duties | None] = []

    def __call__(self, ds: DataSet, org: str, ar: int) -> list[str] | None:
        if not self._duties:
            self._duties.append(duties_of(ds))
        duties = self._duties[0]
        if duties is None or ds.plan is None or ds.plan.model is None:
            return None
        period = planperiod(ds.plan.model)
        if period is None or duties.organisation(org) is None or not period[0] <= ar <= period[1]:
            return None
        return [i.id for i in ds.plan.model.insatser if duties.holds(org, i.id, ar)]


def duties_in_plan(ds: DataSet) -> int:
    """:func:`~utsatta.compute.duty_bound.duty_count` of the data set; 0 without a valid
    plan and organisations."""
    if not (ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model):
        return 0
    plan = ds.plan.model
    return duty_count(plan.insatser, ds.organisationer.model, planperiod(plan))


def too_many_duties(ds: DataSet) -> bool:
    """Whether the plan gives a year more (organisation, insats) duties than ``MAX_DUTIES``:
    then no matrix and no duties are built (the check ``for-manga-ansvar`` says why), since
    their size is the product of two files, which the file limit does not bound."""
    return duties_in_plan(ds) > MAX_DUTIES
