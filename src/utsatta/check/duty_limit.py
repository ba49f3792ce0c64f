"""The bound on the plan's duties: insatser × the organisations that report them, per year.

Each file is at most ``MAX_FILE_BYTES``, but the duties are a product of two files: a few
thousand one-line organisations in a group that a few hundred insatser name make millions of
(organisation, insats) pairs a year, and the completeness matrix, ``status``, the report and
the export would hold all of them (docs/decisions/0576-granser-for-ansvar.md).
"""

from __future__ import annotations

from utsatta.compute.responsibility import duty_count, group_members, group_sizes, with_heirs
from utsatta.escape import shorten
from utsatta.findings import Finding, fel
from utsatta.limits import MAX_DUTIES
from utsatta.load.dataset import DataSet
from utsatta.numbers import heltal


def check_duty_limit(ds: DataSet) -> list[Finding]:
    """``for-manga-ansvar`` at the plan's 'insatser' when the plan gives more duties a year
    than ``MAX_DUTIES`` (``compute.duties.too_many_duties``, the same count), naming the group
    that gives the most. Linear in the plan and the organisations."""
    if not (ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model):
        return []
    total = duty_count(ds.plan.model.insatser, ds.organisationer.model)
    if total <= MAX_DUTIES:
        return []
    orgs = ds.organisationer.model
    sizes = group_sizes(orgs)
    heirs = with_heirs(orgs)
    # per name in 'ansvar'/'samordningsansvar': [insatser naming it, duties it gives]
    by_name: dict[str, list[int]] = {}
    for insats in ds.plan.model.insatser:
        for ident in (*insats.samordningsansvar, *insats.ansvar):
            entry = by_name.setdefault(ident, [0, 0])
            entry[0] += 1
    for ident, entry in by_name.items():
        members = group_members(orgs, ident) if ident in sizes else [ident]
        entry[1] = entry[0] * sum(heirs.get(m, 1) for m in members)
    most = max(by_name.items(), key=lambda item: item[1][1], default=None)
    if most is not None and most[1][1] * 2 > total:
        name, (named, given) = most
        if name in sizes:
            whom = f"gruppen '{shorten(name)}' med {heltal(sizes[name])} organisationer,"
        else:
            whom = (
                f"organisationen '{shorten(name)}', vars ansvar går vidare till "
                f"{heltal(heirs.get(name, 1) - 1)} efterträdare (med deras efterträdare),"
            )
        cause = f"Mest ger {whom} som {heltal(named)} insatser nämner ({heltal(given)} ansvar). "
    else:
        cause = f"Planen har {heltal(len(ds.plan.model.insatser))} insatser. "
    return [
        fel(
            ds.plan.display,
            ("insatser",),
            "for-manga-ansvar",
            f"Planen ger {heltal(total)} ansvar per år (en insats gånger en organisation som "
            f"ska rapportera den), fler än gränsen {heltal(MAX_DUTIES)}. {cause}Vem som ska "
            "rapportera vad och vilka rapporter som saknas kontrolleras därför inte, och "
            "rapport, status och export görs inte. Minska antalet insatser som nämner stora "
            "grupper (eller organisationer med många efterträdare), eller skriv i 'ansvar' de "
            "organisationer som har ansvaret.",
            at_key=True,
        )
    ]
