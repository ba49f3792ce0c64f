"""The bound on the plan's duties: insatser × the organisations that report them, per year.

Each file is at most ``MAX_FILE_BYTES``, but the duties are a product of two files: a few
thousand one-line organisations in a group that a few hundred insatser name make millions of
(organisation, insats) pairs a year, and the completeness matrix, ``status``, the report and
the export would hold all of them (docs/decisions/0576-granser-for-ansvar.md).
"""

from __future__ import annotations

from utsatta.compute.duties import duties_in_plan
from utsatta.compute.duty_bound import duty_weight, group_sizes
from utsatta.compute.responsibility import planperiod
from utsatta.escape import shorten
from utsatta.findings import Finding, fel
from utsatta.limits import MAX_DUTIES
from utsatta.load.dataset import DataSet
from utsatta.numbers import heltal


def check_duty_limit(ds: DataSet) -> list[Finding]:
    """``for-manga-ansvar`` at the plan's 'insatser' when the plan gives more duties a year
    than ``MAX_DUTIES`` (``compute.duties.too_many_duties``, the same count), naming the group
    or organisation that gives the most. The count is an upper bound (a pair reached two ways
    counts twice; exact would cost the pairs the limit is there to avoid), so the message says
    "upp till" (0583). Linear in the plan and the organisations."""
    total = duties_in_plan(ds)  # 0 without a valid plan and organisations
    plan, orgs = ds.plan, ds.organisationer
    if total <= MAX_DUTIES or not (plan and plan.model and orgs and orgs.model):
        return []
    period = planperiod(plan.model)
    sizes = group_sizes(orgs.model, period)
    weight = duty_weight(orgs.model, period)
    # per name in 'ansvar'/'samordningsansvar': [insatser naming it, duties it gives]
    by_name: dict[str, list[int]] = {}
    for insats in plan.model.insatser:
        for ident in (*insats.samordningsansvar, *insats.ansvar):
            entry = by_name.setdefault(ident, [0, 0])
            entry[0] += 1
            entry[1] += weight(ident)
    most = max(by_name.items(), key=lambda item: item[1][1], default=None)
    if most is not None and most[1][1] * 2 > total:
        name, (named, given) = most
        if name in sizes:
            whom = f"gruppen '{shorten(name)}' med {heltal(sizes[name])} organisationer,"
        else:
            whom = (
                f"organisationen '{shorten(name)}', vars ansvar går vidare till högst "
                f"{heltal(weight(name) - 1)} efterträdare (med deras efterträdare),"
            )
        cause = (
            f"Mest ger {whom} som {heltal(named)} insatser nämner (upp till {heltal(given)} "
            "ansvar). "
        )
    else:
        cause = f"Planen har {heltal(len(plan.model.insatser))} insatser. "
    return [
        fel(
            plan.display,
            ("insatser",),
            "for-manga-ansvar",
            f"Planen kan ge upp till {heltal(total)} ansvar per år (en insats gånger en "
            "organisation som ska rapportera den; en organisation som insatsen når på två sätt "
            f"räknas två gånger), fler än gränsen {heltal(MAX_DUTIES)}. {cause}Vem som ska "
            "rapportera vad och vilka rapporter som saknas kontrolleras därför inte, och "
            "rapport, status och export görs inte. Minska antalet insatser som nämner stora "
            "grupper (eller organisationer med många efterträdare), eller skriv i 'ansvar' de "
            "organisationer som har ansvaret.",
            at_key=True,
        )
    ]
