"""Successions that the data must explain (docs/decisions/0610-efterfoljare-som-data-forklarar.md).

- ``upphor-utan-efterfoljare``: an organisation with duties in the plan (named, through a group
  or inherited from a predecessor that ended before it) that ends inside the plan period and
  names no successor: from the day after, no one holds those duties. Written
  ``efterfoljare: []`` with a ``kommentar`` (why no one took over) is an answer, and the
  warning goes.
- ``efterfoljare-tacker-inte-allt``: an organisation that ends inside the plan period whose
  successors, each limited to some insatser, take over only part of its duties: from the day
  after, no one holds the rest (docs/decisions/0615-efterfoljare-for-en-del.md). A
  ``kommentar`` on the organisation (why no one took over the rest) is the answer, as for
  ``efterfoljare: []``.
- ``efterfoljare-insats-utan-ansvar``: a successor named for an insats in which its predecessor
  never had a duty: there is nothing to take over, most likely a typo of the insats id.
- ``efterfoljare-upphor-forst``: a successor that had ended by its predecessor's last day,
  inside the plan period: it never took anything over (decision 0654).
- ``efterfoljare-borjar-senare``: a successor that began later than the day after its
  predecessor's last day, inside the plan period: no one held the duties in between, and a
  year whose last day falls there has no one who reports them
  (docs/decisions/0654-glapp-till-efterfoljaren.md). A ``kommentar`` on the successor's
  entry (why no one held them) is the answer. A successor formed before its predecessor
  ended (an overlap) is normal and gives nothing.

Unknown successors and insatser are ``validity``'s (okand-efterfoljare, okand-insats).
"""

from __future__ import annotations

from datetime import date

from utsatta.compute.responsibility import Duties, resolve, start_gap, takeover_day
from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, varning
from utsatta.model.organisationer import Efterfoljare, Organisation, OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.numbers import heltal
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
    by_id = {o.id: o for o in orgs.organisationer}
    own_of: _Own | None = None
    out: list[Finding] = []
    for oi, o in enumerate(orgs.organisationer):
        out += _gaps(file, oi, o, by_id, (first, last), insats_ids, duties)
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
        own: list[str] = []
        if lost or partly:
            own_of = own_of or _Own(plan, orgs, duties)
            own = own_of.of(o, held)
        if lost and own:
            out.append(_without_successor(file, oi, o, own))
        if partly:
            taken = {i for e in o.efterfoljare for i in e.insatser or ()}
            left = [i for i in own if i not in taken]
            if left:
                out.append(_partly(file, oi, o, left))
        for ei, e in enumerate(o.efterfoljare):
            for j, ins in enumerate(e.insatser or ()):
                if ins in known and ins not in held:
                    path = ("organisationer", oi, "efterfoljare", ei, "insatser", j)
                    out.append(_no_duty(file, path, o, e.organisation, ins, held))
    return out


class _Own:
    """What an organisation held itself, and so loses when it ends (``of``). Built once, on
    first use (few organisations end without successors): the plan's organisations by insats
    and each organisation's predecessors."""

    def __init__(self, plan: PlanFil, orgs: OrganisationerFil, duties: Duties) -> None:
        self.duties = duties
        self.named = {
            ins.id: set(resolve([*ins.samordningsansvar, *ins.ansvar], orgs))
            for ins in plan.insatser
        }
        self.before: dict[str, list[tuple[Organisation, Efterfoljare]]] = {}
        for p in orgs.organisationer:
            for e in p.efterfoljare:
                self.before.setdefault(e.organisation, []).append((p, e))

    def of(self, o: Organisation, held: list[str]) -> list[str]:
        """Of ``held`` (what ``o`` may hold, ``Duties.ever_holds``), what the plan names it
        for (itself or through a group), or what it took over from a predecessor that ended
        before it. What comes from a predecessor that outlived it never was its own (it only
        passes it on, as the duties' walk reads a chain): that predecessor's
        efterfoljare-upphor-forst says so, and "no one takes over what it had" would be
        untrue, a second finding with other advice on the same problem (decision 0654)."""
        outlived = [
            (p, e)
            for p, e in self.before.get(o.id, ())
            if p.giltig_till is not None
            and (o.giltig_till is None or o.giltig_till > p.giltig_till)
        ]
        return [
            i
            for i in held
            if o.id in self.named.get(i, ())
            or any(
                (e.insatser is None or i in e.insatser) and self.duties.ever_holds(p.id, i)
                for p, e in outlived
            )
        ]


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


def _gaps(
    file: str,
    oi: int,
    o: Organisation,
    by_id: dict[str, Organisation],
    period: tuple[str, str],
    insats_ids: list[str],
    duties: Duties,
) -> list[Finding]:
    """For each successor of ``o`` that took over something ``o`` held in the plan:
    efterfoljare-borjar-senare when it began later than the day after ``o``'s last day and the
    days between touch the plan period (``period``: its first and last day);
    efterfoljare-upphor-forst when it had ended by ``o``'s last day, inside the period."""
    out: list[Finding] = []
    for ei, e in enumerate(o.efterfoljare):
        heir = by_id.get(e.organisation)
        if heir is None or o.giltig_till is None or heir.id == o.id:
            continue
        path = ("organisationer", oi, "efterfoljare", ei)
        gone = heir.giltig_till is not None and heir.giltig_till <= o.giltig_till
        if gone and not period[0] <= o.giltig_till < period[1]:
            continue  # the takeover falls outside the plan period: no duty of the plan left
        gap = None if gone else start_gap(o, heir)
        if gap is not None and (
            e.kommentar is not None or gap[1] < period[0] or gap[0] > period[1]
        ):
            continue  # explained, or wholly before or after the plan
        if not gone and gap is None:
            continue
        held = [
            i
            for i in insats_ids
            if (e.insatser is None or i in e.insatser) and duties.ever_holds(o.id, i)
        ]
        if held and gap is not None:
            out.append(_gap(file, path, o, heir, gap, held, period))
        elif held:
            out.append(_gone_first(file, path, o, heir, held))
    return out


def _gone_first(
    file: str, path: tuple[str | int, ...], o: Organisation, heir: Organisation, held: list[str]
) -> Finding:
    namn, efter = shorten(o.namn), shorten(heir.namn)
    when = "samma dag som" if heir.giltig_till == o.giltig_till else "innan"
    return varning(
        file,
        path,
        "efterfoljare-upphor-forst",
        f"Efterföljaren {efter} ('{identifier(heir.id)}') upphörde {heir.giltig_till}, {when} "
        f"{namn} upphörde {o.giltig_till}, och fanns inte {takeover_day(o)} när den skulle ta "
        f"över ansvaret för {insatser_text(held)}. Rätta 'giltig_till' för {efter} eller för "
        f"{namn}, eller ange den organisation som tog över.",
    )


def _gap(
    file: str,
    path: tuple[str | int, ...],
    o: Organisation,
    heir: Organisation,
    gap: tuple[str, str],
    held: list[str],
    period: tuple[str, str],
) -> Finding:
    namn, efter = shorten(o.namn), shorten(heir.namn)
    days = (date.fromisoformat(gap[1]) - date.fromisoformat(gap[0])).days + 1
    between = (
        f"dagen emellan ({gap[0]})"
        if days == 1
        else f"de {heltal(days)} dagarna emellan ({gap[0]} till och med {gap[1]})"
    )
    # a year whose last day falls in the gap: no one exists then to report it (the year rule)
    years = [
        y
        for y in range(int(gap[0][:4]), int(gap[1][:4]) + 1)
        if gap[0] <= f"{y:04d}-12-31" <= gap[1] and period[0] <= f"{y:04d}-12-31" <= period[1]
    ]
    lost = (
        f" Ingen rapporterar dem för {begransad([str(y) for y in years])}: året rapporteras av "
        "den som finns den 31 december."
        if years
        else ""
    )
    return varning(
        file,
        path,
        "efterfoljare-borjar-senare",
        f"{namn} upphörde {o.giltig_till}, men efterföljaren {efter} ('{identifier(heir.id)}') "
        f"bildades först {heir.giltig_fran}: under {between} hade ingen organisation det ansvar "
        f"för {insatser_text(held)} som {namn} hade enligt planen.{lost} Rätta 'giltig_till' "
        f"för {namn} eller 'giltig_fran' för {efter} om något av datumen är fel. Annars lägg "
        "till den organisation som hade insatserna emellan, med 'giltig_fran' och "
        f"'giltig_till' för tiden emellan och '{identifier(heir.id)}' som sin efterföljare; "
        "hade ingen dem, skriv en 'kommentar' under efterföljaren som säger varför.",
    )
