"""The bound on the plan's duties per year, without resolving a single pair: how many
(organisation, insats) duties the plan's names give at most (``limits.MAX_DUTIES``,
check.duty_limit, docs/decisions/0576-granser-for-ansvar.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from utsatta.compute.responsibility import Period, members_in_period, org_index
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import Insats


def group_sizes(orgs: OrganisationerFil, period: Period | None = None) -> dict[str, int]:
    """Each group's id → how many organisations it resolves to in the plan period."""
    index = org_index(orgs)
    return {g: len(members_in_period(index, g, period)) for g in index.groups}


def duty_count(
    insatser: Iterable[Insats], orgs: OrganisationerFil, period: Period | None = None
) -> int:
    """How many (organisation, insats) duties a year has at most, as the plan names them: for
    each insats, the :func:`duty_weight` of each name in its two columns. Linear in the plan
    and the organisations, without resolving a single pair: the bound on what the matrix would
    hold (``limits.MAX_DUTIES``)."""
    weight = duty_weight(orgs, period)
    return sum(weight(ident) for i in insatser for ident in (*i.samordningsansvar, *i.ansvar))


def duty_weight(orgs: OrganisationerFil, period: Period | None = None) -> Callable[[str], int]:
    """How many duties one name in 'ansvar' or 'samordningsansvar' gives an insats at most: an
    organisation with the successors its duties may pass to (:func:`with_heirs`), a group each
    member in the plan period so."""
    heirs = with_heirs(orgs)
    index = org_index(orgs)
    groups = {
        g: min(_CAP, sum(heirs.get(m, 1) for m in members_in_period(index, g, period)))
        for g in index.groups
    }
    return lambda ident: groups[ident] if ident in groups else heirs.get(ident, 1)


#: where :func:`with_heirs` stops counting (a lattice of successors doubles per level)
_CAP = 1 << 40


def with_heirs(orgs: OrganisationerFil) -> dict[str, int]:
    """Each organisation → itself and every organisation its duties may pass to (its successors,
    theirs, and so on): an upper bound, since a successor reached two ways counts twice, capped
    at ``_CAP``. An organisation with 6 000 successors named by every insats gives 6 001 duties
    per insats, not one (granska19b F2). One pass over the successors, a cycle not followed
    (``check_validity`` reports it)."""
    index = org_index(orgs)
    if index.heirs or not index.by_id:
        return index.heirs
    succ, known, sizes = index.succ, index.by_id, index.heirs
    for root in known:
        if root in sizes:
            continue
        path, on_path = [root], {root}
        todo = [iter(succ.get(root, ()))]
        while todo:
            step = next(todo[-1], None)
            if step is None:
                node = path.pop()
                on_path.discard(node)
                todo.pop()
                # a successor still on the path is a cycle: not in sizes yet, counted 0
                total = 1 + sum(sizes.get(e.organisation, 0) for e in succ.get(node, ()))
                sizes[node] = min(_CAP, total)
                continue
            nxt = step.organisation
            if nxt in known and nxt not in sizes and nxt not in on_path:
                path.append(nxt)
                on_path.add(nxt)
                todo.append(iter(succ.get(nxt, ())))
    return sizes
