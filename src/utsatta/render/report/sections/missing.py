"""Section 4 of the report: the missing reports per organisation, with a note where a duty rests
only on a group computed from a flag (docs/decisions/0017-groups-by-inference.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from utsatta.compute.completeness import Matrix
from utsatta.compute.coverage import owed_through_urval
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import Insats
from utsatta.model.rapport import RapportFil
from utsatta.render.labels import URVAL
from utsatta.render.report.sections.names import Names
from utsatta.render.report.view import SaknadVy


def saknade(
    matrix: Matrix,
    insatser: Sequence[Insats],
    orgs: OrganisationerFil,
    reports: Mapping[str, RapportFil],
    names: Names,
) -> tuple[tuple[SaknadVy, ...], str | None]:
    """Per organisation (organisationer.yaml order) the insatser missing in year
    ``matrix.ar`` (plan order), and the note on the "*" (None without one)."""
    ar = matrix.ar
    urval = owed_through_urval(insatser, orgs, matrix.planperiod)
    out: list[SaknadVy] = []
    used_groups: set[str] = set()
    for org, ids in matrix.saknas_per_organisation().items():
        marked = [i for i in ids if org in urval.get(i, {})]
        used_groups.update(g for i in marked for g in urval[i][org])
        listed = ", ".join(f"{i}*" if i in marked else i for i in ids)
        out.append(
            SaknadVy(
                names.org(org),
                org not in reports,
                tuple(ids),
                (
                    f"ingen rapport har kommit in för {ar}; den ska omfatta insats {listed}."
                    if org not in reports
                    else f"rapporten för {ar} saknar insats {listed}."
                ),
                tuple(marked),
            )
        )
    note = _urval_not(insatser, orgs, used_groups) if used_groups else None
    return tuple(out), note


def _urval_not(insatser: Sequence[Insats], orgs: OrganisationerFil, groups: Iterable[str]) -> str:
    """The note on "*": which group, which insatser, and that it is an inference."""
    used = set(groups)
    parts: list[str] = []
    flags: list[str] = []
    for g in orgs.grupper:  # organisationer.yaml order
        if g.id not in used or g.urval is None:
            continue
        ins_ids = [i.id for i in insatser if g.id in (*i.samordningsansvar, *i.ansvar)]
        parts.append(f"gruppen ”{g.namn}” (insats {', '.join(ins_ids)})")
        flags += [] if g.urval in flags else [g.urval]
    return (
        "* Organisationen ska rapportera insatsen bara för att den räknas till "
        + " eller ".join(parts)
        + ". Planen räknar inte upp vilka som ingår. Gruppen räknas fram ur uppgiften om "
        + " och ".join(URVAL.get(f, f) for f in flags)
        + ", och den uppgiften är en slutledning i uppföljningens underlag, inte planens egen "
        "uppräkning."
    )
