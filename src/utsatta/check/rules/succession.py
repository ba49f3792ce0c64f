"""Successions that the data must explain (docs/decisions/0610-efterfoljare-som-data-forklarar.md).

- ``upphor-utan-efterfoljare``: an organisation with duties in the plan (named, through a group
  or inherited) that ends inside the plan period and names no successor: from the day after,
  no one holds those duties. Written ``efterfoljare: []`` with a ``kommentar`` (why no one took
  over) is an answer, and the warning goes.
- ``efterfoljare-tacker-inte-allt``: an organisation that ends inside the plan period whose
  successors, each limited to some insatser, take over only part of its duties: from the day
  after, no one holds the rest (docs/decisions/0615-efterfoljare-for-en-del.md). A
  ``kommentar`` on the organisation (why no one took over the rest) is the answer, as for
  ``efterfoljare: []``.
- ``efterfoljare-insats-utan-ansvar``: a successor named for an insats in which its predecessor
  never had a duty: there is nothing to take over, most likely a typo of the insats id.

Unknown successors and insatser are ``validity``'s (okand-efterfoljare, okand-insats).
"""

from __future__ import annotations

from utsatta.compute.responsibility import Duties, takeover_day
from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, varning
from utsatta.model.organisationer import Organisation, OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.wording import begransad
from utsatta.wording import insatser as insatser_text


def check(file: str, plan: PlanFil, orgs: OrganisationerFil, duties: Duties) -> list[Finding]:
    """The three warnings of organisationer.yaml (``file``), against the plan's duties as
    ``duties`` (built from ``plan`` and ``orgs``) resolve them."""
    g = plan.plan.giltighet
    if g.fran > g.till:
        return []  # ogiltig-giltighet: no period to end inside
    first, last = f"{g.fran:04d}-01-01", f"{g.till:04d}-12-31"
    insats_ids = [i.id for i in plan.insatser]
    known = set(insats_ids)
    out: list[Finding] = []
    for oi, o in enumerate(orgs.organisationer):
        ends = o.giltig_till is not None and first <= o.giltig_till < last
        lost = ends and not o.efterfoljare and not _explained(o)
        # every successor limited to some insatser: together they may leave some to no one
        partly = (
            ends
            and bool(o.efterfoljare)
            and all(e.insatser is not None for e in o.efterfoljare)
            and o.kommentar is None
        )
        if not lost and not partly and not any(e.insatser for e in o.efterfoljare):
            continue  # nothing to ask the duties (a register of thousands)
        held = [i for i in insats_ids if duties.ever_holds(o.id, i)]
        if lost and held:
            out.append(_without_successor(file, oi, o, held))
        if partly:
            taken = {i for e in o.efterfoljare for i in e.insatser or ()}
            left = [i for i in held if i not in taken]
            if left:
                out.append(_partly(file, oi, o, left))
        for ei, e in enumerate(o.efterfoljare):
            for j, ins in enumerate(e.insatser or ()):
                if ins in known and ins not in held:
                    path = ("organisationer", oi, "efterfoljare", ei, "insatser", j)
                    out.append(_no_duty(file, path, o, e.organisation, ins, held))
    return out


def _explained(o: Organisation) -> bool:
    """``efterfoljare: []`` written out, with a ``kommentar`` that says why: no one took over,
    and the data says so."""
    return "efterfoljare" in o.model_fields_set and o.kommentar is not None


def _without_successor(file: str, oi: int, o: Organisation, held: list[str]) -> Finding:
    namn = shorten(o.namn)
    fran = takeover_day(o)
    return varning(
        file,
        ("organisationer", oi, "giltig_till"),
        "upphor-utan-efterfoljare",
        f"{namn} upphörde {o.giltig_till}, inom planperioden, men har inga efterföljare: "
        f"från {fran} tar ingen organisation över det ansvar för {insatser_text(held)} som "
        f"{namn} hade enligt planen. Ange under 'efterfoljare' vem som tog över ('organisation', "
        "'tolkning' och 'kallor' med id för källan som säger det). Tog ingen över, skriv "
        "'efterfoljare: []' och en 'kommentar' som säger varför.",
    )


def _partly(file: str, oi: int, o: Organisation, left: list[str]) -> Finding:
    namn = shorten(o.namn)
    fran = takeover_day(o)
    ids = list(dict.fromkeys(identifier(e.organisation) for e in o.efterfoljare))
    vilka = begransad([f"'{i}'" for i in ids])
    efter = "efterföljaren" if len(ids) == 1 else "efterföljarna"
    den = "insatsen" if len(left) == 1 else "varje sådan insats"
    return varning(
        file,
        ("organisationer", oi, "efterfoljare"),
        "efterfoljare-tacker-inte-allt",
        f"{namn} upphörde {o.giltig_till}, inom planperioden, men {efter} ({vilka}) tar bara "
        f"över en del av dess ansvar enligt planen: från {fran} tar ingen organisation över det "
        f"ansvar för {insatser_text(left)} som {namn} hade. Lägg till {den} under 'insatser' hos "
        "den efterföljare som tog över den (med 'kallor' för källan som säger det). Tog ingen "
        "över, skriv en 'kommentar' för organisationen (bredvid 'efterfoljare') som säger varför.",
    )


def _no_duty(
    file: str,
    path: tuple[str | int, ...],
    o: Organisation,
    successor: str,
    ins: str,
    held: list[str],
) -> Finding:
    namn = shorten(o.namn)
    has = (
        f"{namn} har ansvar för {insatser_text(held)}"
        if held
        else f"{namn} har inget ansvar i planen"
    )
    return varning(
        file,
        path,
        "efterfoljare-insats-utan-ansvar",
        f"Efterföljaren '{identifier(successor)}' anges ta över insats {identifier(ins)}, men "
        f"{namn} hade inget ansvar för den insatsen enligt planen (varken namngiven, i en grupp "
        f"eller genom en föregångare), så det finns inget att ta över. {has}. Rätta insatsens "
        "id, eller ta bort det ur 'insatser'.",
    )
