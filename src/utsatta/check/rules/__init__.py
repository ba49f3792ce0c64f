"""The rules across files, one module per file kind. ``check_rules`` runs them all."""

from __future__ import annotations

from utsatta.check.rules import (
    id_lists,
    indikator,
    lankar,
    lydelse,
    omraden,
    organisationer,
    plan,
    rapport,
    succession,
    urls,
)
from utsatta.check.rules.base import Known
from utsatta.check.rules.validity import check_validity
from utsatta.compute.responsibility import Duties
from utsatta.findings import Finding
from utsatta.load.dataset import DataSet


def check_rules(ds: DataSet, duties: Duties | None = None) -> list[Finding]:
    """Ids that must exist, names that must agree, duties that must fit; ``duties`` as for
    ``Known.of``."""
    known = Known.of(ds, duties)
    out: list[Finding] = []
    have_orgs = ds.organisationer is not None and ds.organisationer.model is not None
    have_omraden = ds.omraden is not None and ds.omraden.model is not None
    if ds.organisationer is not None:
        out += organisationer.check(ds.organisationer, known)
    if ds.plan is not None:
        out += plan.check(ds.plan, known, have_orgs=have_orgs)
        # known.rule is None past the duty limit too: each column's ids resolved against
        # each text would be insatser × organisations again (for-manga-ansvar)
        if have_orgs and known.rule is not None:
            assert ds.organisationer is not None and ds.organisationer.model is not None
            out += lydelse.check(ds.plan, ds.organisationer.model)
    if ds.omraden is not None:
        out += omraden.check(ds.omraden)
    for ind in ds.indikatorer:
        out += indikator.check(ind, known, have_omraden=have_omraden)
    out += indikator.goals(ds.indikatorer)
    giltighet = ds.plan.model.plan.giltighet if ds.plan and ds.plan.model else None
    for rep in ds.rapporter:
        out += rapport.check(rep, known, giltighet)
    for src in ds.files():  # every free text, list of ids and source address of every file kind
        out += lankar.check(src)
        out += id_lists.check(src)
        out += urls.check(src)
    out += check_validity(ds, known)
    if known.rule is not None and ds.plan and ds.plan.model and ds.organisationer:
        assert ds.organisationer.model is not None  # known.rule is built from it
        out += succession.check(
            ds.organisationer.display, ds.plan.model, ds.organisationer.model, known.rule
        )
    return out
