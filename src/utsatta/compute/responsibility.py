"""Who must report on what, and when: the plan's duties made explicit (organisations and
groups resolved, heirs of ceased organisations, why each owes what); the completeness matrix
of one year built from them is :mod:`utsatta.compute.completeness`.

Rules (the plan's three kinds of uppföljning):
- ``arlig``: every year of the plan period, every responsible organisation reports.
- ``en-gang``: only in the year named (1:7: with the slutrapport to Socialstyrelsen 2023).
- ``under-planperioden``: återrapportering at least once during the period; it is owed in the
  period's last year by every responsible organisation that has not reported it in an earlier
  year, itself or through a predecessor it inherited the insats from. Before that, it is
  required but not yet due: the plan names no year, and reading the deadline as the last year
  is the tool's inference (slutledd, docs/decisions/0557-fore-fristen.md).

The organisations with samordningsansvar report too (their report carries the overall
assessment), so the expected organisations of an insats are samordningsansvar ∪ ansvar.

Organisations change during the plan period (docs/decisions/0020): an organisation holds its
duties for a year if it exists on the year's last day. One that has ceased by then passes each
duty to its successors (all duties, or those insatser its ``efterfoljare`` entry names), and so
on down a chain; one that does not exist yet holds nothing. A group stands for its members in
the plan period only (:func:`i_planperioden`, docs/decisions/0611).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from utsatta.model.organisationer import Efterfoljare, Organisation, OrganisationerFil
from utsatta.model.plan import Insats, PlanFil


def day_after(day: str) -> str:
    """The ISO date after ``day`` (a validated ÅÅÅÅ-MM-DD): the first day a successor holds
    what an organisation that ceased on ``day`` held."""
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def takeover_day(org: Organisation, heir: Organisation | None = None) -> str | None:
    """The day ``org``'s successors take over what it held (every :attr:`Arv.datum` from it):
    the day after its last day, or ``heir``'s own first day when that successor began later
    (a gap: it holds nothing before it exists, decision 0654); None for an organisation with
    no end. The one rule for every text that says who took over from whom, and when."""
    if org.giltig_till is None:
        return None
    gap = start_gap(org, heir)
    return day_after(org.giltig_till if gap is None else gap[1])


def start_gap(org: Organisation, heir: Organisation | None) -> tuple[str, str] | None:
    """The first and last day between ``org``'s last day and the first day of ``heir``, its
    successor, when ``heir`` began later than the day after: no one held ``org``'s duties
    then (efterfoljare-borjar-senare, docs/decisions/0654-glapp-till-efterfoljaren.md). None
    without such a gap; a successor formed before ``org`` ended (an overlap) has none."""
    if org.giltig_till is None or heir is None or heir.giltig_fran is None:
        return None
    first = day_after(org.giltig_till)
    if heir.giltig_fran <= first:
        return None
    return first, (date.fromisoformat(heir.giltig_fran) - timedelta(days=1)).isoformat()


def _takeover(
    org: Organisation, heir: Organisation | None
) -> tuple[str, Literal["bekraftad", "slutledd"] | None]:
    """The day ``heir`` took over from ``org`` (which has an end) and how sure that day is:
    the day after ``org``'s last day, or ``heir``'s first day when that is later (a gap: the
    heir holds nothing before it exists, decision 0654)."""
    gap = start_gap(org, heir)
    if gap is not None and heir is not None:
        return day_after(gap[1]), heir.giltig_fran_sakerhet
    return takeover_day(org) or "", org.giltig_till_sakerhet


#: The plan's years (från, till), as plan.yaml's giltighet
Period = tuple[int, int]


def planperiod(plan: PlanFil) -> Period | None:
    """The plan's years, None when the giltighet is reversed (ogiltig-giltighet)."""
    g = plan.plan.giltighet
    return (g.fran, g.till) if g.fran <= g.till else None


def i_planperioden(org: Organisation, period: Period | None) -> bool:
    """Whether ``org`` existed on some day of the plan period (every organisation when
    ``period`` is None): the one rule for who counts in the period (docs/decisions/0611). A
    group's member outside it holds no duty through the group, counts in no group's size and
    is missing no report; an organisation the plan names itself still passes its duties on."""
    if period is None:
        return True
    if org.giltig_fran is not None and org.giltig_fran > f"{period[1]:04d}-12-31":
        return False
    return org.giltig_till is None or org.giltig_till >= f"{period[0]:04d}-01-01"


def exists_at_year_end(org: Organisation, ar: int) -> bool:
    """Whether ``org`` exists on 31 December of ``ar`` (ISO dates compare as text)."""
    last_day = f"{ar:04d}-12-31"
    if org.giltig_fran is not None and org.giltig_fran > last_day:
        return False
    return org.giltig_till is None or org.giltig_till >= last_day


@dataclass(eq=False)
class OrgIndex:
    """The organisations by id, the groups resolved to their members, the successors."""

    by_id: dict[str, Organisation]
    groups: dict[str, list[str]]
    succ: dict[str, list[Efterfoljare]]
    #: duty_bound.with_heirs's answer, worked out on first use (the checks and the duties ask
    #: it often)
    heirs: dict[str, int] = field(default_factory=dict)
    #: members_in_period's answers: each Duties asks for each insats's columns
    in_period: dict[tuple[str, Period], list[str]] = field(default_factory=dict)


#: The last few indexes built, by the identity of their OrganisationerFil (models are frozen),
#: so the convenience functions below cost a lookup, not a pass over every organisation.
_INDEXES: list[tuple[OrganisationerFil, OrgIndex]] = []


def org_index(orgs: OrganisationerFil) -> OrgIndex:
    for known, index in _INDEXES:
        if known is orgs:
            return index
    by_id = {o.id: o for o in orgs.organisationer}
    groups: dict[str, list[str]] = {}
    for g in orgs.grupper:
        if g.medlemmar is not None:
            groups[g.id] = [m for m in g.medlemmar if m in by_id]
        else:
            groups[g.id] = [o.id for o in orgs.organisationer if getattr(o, g.urval or "", False)]
    index = OrgIndex(by_id, groups, {o.id: list(o.efterfoljare) for o in orgs.organisationer})
    _INDEXES.insert(0, (orgs, index))
    del _INDEXES[4:]
    return index


def members_in_period(index: OrgIndex, group: str, period: Period | None) -> list[str]:
    """The group's members in the plan period (:func:`i_planperioden`)."""
    if period is None:
        return index.groups[group]
    found = index.in_period.get((group, period))
    if found is None:
        found = [m for m in index.groups[group] if i_planperioden(index.by_id[m], period)]
        index.in_period[(group, period)] = found
    return found


def resolve(
    ids: Iterable[str],
    orgs: OrganisationerFil,
    ar: int | None = None,
    period: Period | None = None,
) -> list[str]:
    """Organisation ids for a list of organisation and group ids, in order, without repeats.

    Without ``ar``: as the plan names them, a group's members in ``period`` (every member
    without it). With ``ar``: only those that exist at the end of year ``ar`` (no
    successors: see :func:`responsible` and :func:`samordnande`, which know the insats).
    """
    return _resolve(ids, org_index(orgs), ar, period)


def _resolve(
    ids: Iterable[str], index: OrgIndex, ar: int | None, period: Period | None = None
) -> list[str]:
    out: dict[str, None] = {}  # insertion-ordered set: linear, no list scans
    for ident in ids:
        group = members_in_period(index, ident, period) if ident in index.groups else None
        members = group if group is not None else [ident] if ident in index.by_id else []
        for m in members:
            if ar is None or exists_at_year_end(index.by_id[m], ar):
                out.setdefault(m)
    return list(out)


# --- why an organisation owes (or does not owe) an insats ----------------------------------------

Grund = Literal["planen", "arv", "upphord", "ej-bildad", "ej-namnd"]
#: Which of the plan's columns a question is about: samordningsansvar, ansvar, or both.
Kolumn = Literal["samordning", "ansvar", "alla"]


@dataclass(frozen=True)
class Arv:
    """One step of inheritance: ``till`` took over the insats from ``fran`` on ``datum`` (the
    day after ``fran``'s last day, or ``till``'s first day when it began later: decision 0654).
    ``datum_sakerhet``: "slutledd" when that day is a choice, not the source's
    (``giltig_till_sakerhet``, or ``till``'s ``giltig_fran_sakerhet``); the step's own
    ``tolkning`` says only how sure the succession is."""

    fran: str
    till: str
    tolkning: Literal["bekraftad", "slutledd"]
    kallor: tuple[str, ...]
    datum: str
    datum_sakerhet: Literal["bekraftad", "slutledd"] | None = None


def tolkning(chain: Sequence[Arv]) -> Literal["bekraftad", "slutledd"]:
    """How sure a chain of inheritance is: as sure as its least sure step. The one rule for
    every place that shows a succession (Bilaga A, section 3, section 6, Bilaga C)."""
    return "slutledd" if any(step.tolkning == "slutledd" for step in chain) else "bekraftad"


@dataclass(frozen=True)
class Ansvarsgrund:
    """Why ``organisation`` does or does not owe ``insats`` in ``ar``, as plain data.

    ``grund``: ``planen`` (the plan names it, or a group it belongs to), ``arv`` (only through
    predecessors), ``upphord`` (the plan names it but it had ceased by the year's end),
    ``ej-bildad`` (named, or an heir, but it did not exist yet), ``ej-namnd`` (no duty at all).
    ``arv`` lists every predecessor it holds the insats from this year (also when the plan names
    it too), each with its chain, nearest step last.
    """

    organisation: str
    insats: str
    ar: int
    ansvarig: bool
    grund: Grund
    arv: tuple[tuple[Arv, ...], ...] = ()
    slutledd: bool = False  # some step of the inheritance is an inference

    def fran(self) -> list[str]:
        """The organisations named in the plan that the duty is inherited from, in order."""
        return list(dict.fromkeys(chain[0].fran for chain in self.arv))

    def fran_via(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each organisation named in the plan that the duty is inherited from, with the
        organisations it passed through on the way, in order (``()`` for one step): A → B → C
        gives ``[("a", ("b",))]`` for C (docs/decisions/0616-via-i-kedjan.md)."""
        return list(dict.fromkeys((c[0].fran, tuple(s.fran for s in c[1:])) for c in self.arv))

    def fran_datum(self) -> list[tuple[str, str]]:
        """Each organisation named in the plan that the duty is inherited from, with the day
        ``organisation`` took it over (the last step of the chain: from then it holds it), in
        order: ``[("lokalnamnden", "2023-01-01")]``."""
        return list(dict.fromkeys((chain[0].fran, chain[-1].datum) for chain in self.arv))


@dataclass(eq=False)
class Duties:
    """The plan's duties resolved once for a set of organisations, for any year.

    Build it once (linear in the insatser and the organisations); every question after that is
    dictionary lookups plus the length of the answer.
    """

    insatser: list[Insats]
    orgs: OrganisationerFil
    #: the plan period: a group stands for its members in it (:func:`i_planperioden`)
    period: Period | None = None
    _by_id: dict[str, Organisation] = field(init=False)
    _named: dict[Kolumn, dict[str, list[str]]] = field(init=False)
    _succ: dict[str, list[Efterfoljare]] = field(init=False)
    _cache: dict[tuple[str, int, Kolumn], dict[str, list[tuple[Arv, ...]]]] = field(init=False)
    _ever_cache: dict[str, set[str]] = field(init=False)
    _every: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        index = org_index(self.orgs)
        self._by_id = index.by_id
        self._succ = index.succ
        self._named = {
            "samordning": {
                i.id: _resolve(i.samordningsansvar, index, None, self.period) for i in self.insatser
            },
            "ansvar": {i.id: _resolve(i.ansvar, index, None, self.period) for i in self.insatser},
            "alla": {
                i.id: _resolve([*i.samordningsansvar, *i.ansvar], index, None, self.period)
                for i in self.insatser
            },
        }
        self._cache = {}
        self._ever_cache = {}
        # both columns, a group's members whatever the period (ever_holds)
        self._every = {
            i.id: _resolve([*i.samordningsansvar, *i.ansvar], index, None) for i in self.insatser
        }

    @classmethod
    def of(cls, plan: PlanFil, orgs: OrganisationerFil) -> Duties:
        """The duties of ``plan``'s insatser, in its plan period."""
        return cls(list(plan.insatser), orgs, planperiod(plan))

    def _holders(
        self, insats: str, ar: int, kolumn: Kolumn = "alla"
    ) -> dict[str, list[tuple[Arv, ...]]]:
        """Holders of ``insats``'s ``kolumn`` in ``ar`` → their inheritance chains (``()``
        when named)."""
        key = (insats, ar, kolumn)
        found = self._cache.get(key)
        if found is None:
            found = {}
            for org in self._named[kolumn].get(insats, []):
                self._walk(org, insats, ar, (), found)
            self._cache[key] = found
        return found

    def _walk(
        self,
        org: str,
        insats: str,
        ar: int,
        chain: tuple[Arv, ...],
        out: dict[str, list[tuple[Arv, ...]]],
    ) -> None:
        o = self._by_id.get(org)
        if o is None or (chain and any(step.fran == org for step in chain)):
            return  # an unknown successor or a cycle: check_validity reports both
        if exists_at_year_end(o, ar):
            out.setdefault(org, []).append(chain)
            return
        if o.giltig_till is None or o.giltig_till >= f"{ar:04d}-12-31":
            return  # not started yet: holds nothing and passes nothing on
        for step in self.successors(org, insats):
            self._walk(step.till, insats, ar, (*chain, step), out)

    def heirs(self, org: str, insats: str, ar: int) -> list[tuple[Arv, ...]]:
        """The chains by which ``org``'s part in ``insats`` has passed to the organisations
        that hold it in ``ar``, nearest step last (one per heir; none when ``org`` itself holds
        it, has no heir for it, or has not started yet): what "X i stället för ``org``" rests
        on."""
        found: dict[str, list[tuple[Arv, ...]]] = {}
        self._walk(org, insats, ar, (), found)
        return [chain for chains in found.values() for chain in chains if chain]

    def successors(self, org: str, insats: str) -> list[Arv]:
        """The steps by which ``org``'s part in ``insats`` passes on when it ceases: one per
        successor that takes the insats over (none if ``org`` has no end date)."""
        o = self._by_id.get(org)
        if o is None or o.giltig_till is None:
            return []
        return [
            Arv(org, e.organisation, e.tolkning, tuple(e.kallor), *_takeover(o, heir))
            for e in self._succ.get(org, ())
            if e.insatser is None or insats in e.insatser
            for heir in [self._by_id.get(e.organisation)]
        ]

    def _ever(self, insats: str, *, coord: bool, every: bool = False) -> list[str]:
        """The plan's organisations for ``insats``, then every heir, whatever the year; with
        ``every`` a group's members whatever the plan period too."""
        out: dict[str, None] = {}
        named = self._every if every else self._named["samordning" if coord else "alla"]
        todo = deque(named.get(insats, []))
        while todo:
            org = todo.popleft()
            if org in out or org not in self._by_id:
                continue
            out[org] = None
            todo.extend(
                e.organisation
                for e in self._succ.get(org, ())
                if e.insatser is None or insats in e.insatser
            )
        return list(out)

    def ever_holds(self, org: str, insats: str) -> bool:
        """Whether the plan names ``org`` for ``insats`` (either column, itself or through a
        group, whatever the plan period) or ``org`` may inherit it from one so named: what a
        successor can take over (check.rules.succession), what a report from a year the
        organisation did not exist may name without a second error (check.rules.rapport)."""
        found = self._ever_cache.get(insats)
        if found is None:
            found = self._ever_cache[insats] = set(self._ever(insats, coord=False, every=True))
        return org in found

    def responsible(self, insats: str, ar: int | None = None) -> list[str]:
        """Every organisation that reports on ``insats`` in ``ar``: samordningsansvar first.

        Without ``ar``: everyone who may in some year (the plan's organisations, then heirs).
        """
        if ar is None:
            return list(
                dict.fromkeys([*self._ever(insats, coord=True), *self._ever(insats, coord=False)])
            )
        return list(
            dict.fromkeys([*self._holders(insats, ar, "samordning"), *self._holders(insats, ar)])
        )

    def samordnande(self, insats: str, ar: int | None = None) -> list[str]:
        """The organisations with samordningsansvar for ``insats`` in ``ar``, heirs included."""
        if ar is None:
            return self._ever(insats, coord=True)
        return list(self._holders(insats, ar, "samordning"))

    def ansvariga(self, insats: str, ar: int) -> list[str]:
        """The organisations that hold ``insats``'s ansvar (the plan's "Ansvar" column, not
        samordningsansvar) in ``ar``, heirs included, in the order of the plan."""
        return list(self._holders(insats, ar, "ansvar"))

    def organisation(self, org: str) -> Organisation | None:
        """The organisation with id ``org``, None when there is none."""
        return self._by_id.get(org)

    def exists(self, org: str, ar: int) -> bool:
        """Whether ``org`` is a known organisation that exists at the end of ``ar``."""
        o = self._by_id.get(org)
        return o is not None and exists_at_year_end(o, ar)

    def holds(self, org: str, insats: str, ar: int, kolumn: Kolumn = "alla") -> bool:
        """Whether ``org`` holds ``insats`` (its ``kolumn``) in ``ar``: a lookup, for checks
        that ask about every entry of thousands of reports."""
        return org in self._holders(insats, ar, kolumn)

    def lineage(self, org: str, insats: str, ar: int) -> list[str]:
        """``org`` and every predecessor it holds ``insats`` from in ``ar``."""
        out: dict[str, None] = {org: None}
        for chain in self._holders(insats, ar).get(org, []):
            for step in chain:
                out.setdefault(step.fran)
        return list(out)

    def why(self, org: str, insats: str, ar: int) -> Ansvarsgrund:
        """Why ``org`` owes or does not owe ``insats`` in ``ar`` (see :class:`Ansvarsgrund`)."""
        chains = self._holders(insats, ar).get(org)
        if chains is not None:
            inherited = tuple(c for c in chains if c)
            slutledd = any(tolkning(c) == "slutledd" for c in inherited)
            grund: Grund = "planen" if any(not c for c in chains) else "arv"
            return Ansvarsgrund(org, insats, ar, True, grund, inherited, slutledd)
        o = self._by_id.get(org)
        if o is None or exists_at_year_end(o, ar) or not self.ever_holds(org, insats):
            return Ansvarsgrund(org, insats, ar, False, "ej-namnd")
        if o.giltig_fran is not None and o.giltig_fran > f"{ar:04d}-12-31":
            return Ansvarsgrund(org, insats, ar, False, "ej-bildad")
        return Ansvarsgrund(org, insats, ar, False, "upphord")


def responsible(
    insats: Insats, orgs: OrganisationerFil, ar: int | None = None, period: Period | None = None
) -> list[str]:
    """Every organisation that reports on ``insats``: samordningsansvar first, then ansvar.

    With ``ar``: those that hold it that year, heirs of ceased organisations included. Without:
    the plan's organisations and, after them, every heir in any year. Build :class:`Duties` once
    instead when asking about many insatser.
    """
    return Duties([insats], orgs, period).responsible(insats.id, ar)


def samordnande(
    insats: Insats, orgs: OrganisationerFil, ar: int | None = None, period: Period | None = None
) -> list[str]:
    """The organisations with samordningsansvar for ``insats`` (in ``ar``, heirs included)."""
    return Duties([insats], orgs, period).samordnande(insats.id, ar)
