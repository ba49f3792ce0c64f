"""The organisations the plan names that have ceased, as the report shows them: the plan's own
wording of an insats's ansvar beside who holds it in the year and from when (Bilaga A), the
ceased organisations with their successors (the main part, section 6) and the rule behind both
(Bilaga E). One rule for all three: :class:`utsatta.compute.responsibility.Duties`.

Every succession carries its certainty ("slutledd" or "bekräftad") and a chosen day its own
marker, wherever it stands (docs/decisions/0390-planens-lydelse-och-eftertradare.md). The
plan's columns are quoted from the data, a mapping the data marks slutledd says so
(docs/decisions/0410-planens-lydelse-som-data.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from utsatta.compute.indicators import datum_markering
from utsatta.compute.responsibility import (
    Arv,
    Duties,
    exists_at_year_end,
    planperiod,
    resolve,
    takeover_day,
    tolkning,
)
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import Insats, PlanFil
from utsatta.render.report.sections.names import Names
from utsatta.render.report.view import UpphordaVy, UpphordRad
from utsatta.wording import och, via_namn

METODTEXT_EFTERTRADARE: Final = (
    "En organisation har sin del av planens insatser för ett år om den finns årets sista dag. "
    "En organisation som planen namnger och som har upphört lämnar sin del till sina "
    "efterträdare från dagen efter sin sista dag: alla sina insatser, eller de insatser som "
    "uppgifterna om organisationerna anger för efterträdaren. Efterträdaren rapporterar då om "
    "insatsen, och en återrapportering som föregångaren redan har lämnat räknas för "
    "efterträdaren. En organisation som ännu inte har bildats har inga insatser. Ett "
    "övertagande märks ”bekräftad” när en källa själv säger att efterträdaren tog över, och "
    "”slutledd” när det är en slutsats av källornas beskrivning av ansvarsområdena; en sista "
    "dag som är ett val, inte källans, är märkt ”datum: slutledd”. Båda märks överallt där "
    "övertagandet står. Bilaga A citerar planens kolumner Samordningsansvar och Ansvar inom "
    "citattecken, med efterträdarna under; en insats utan planens text i uppgifterna får i stället "
    "organisationernas namn, märkta som inte planens lydelse. Där kopplingen mellan planens ord "
    "och en organisation eller grupp är en tolkning står det, märkt ”slutledd”. En grupp som "
    "planen namnger utan att räkna upp den (till exempel ”samtliga nämnder och styrelser med "
    "verksamhet i utsatta områden”) räknas fram ur uppgifterna om organisationerna, och "
    "gruppens sammansättning är slutledd."
)


def planens_lydelse(
    rubrik: str,
    ids: Sequence[str],
    lydelse: str | None,
    tolkning: str | None,
    orgs: OrganisationerFil,
    names: Names,
) -> tuple[str, str]:
    """One of the plan's columns as a (label, text) pair. With the plan's text in the data it
    is quoted under "enligt planen"; without it the names in organisationer.yaml stand under
    "i planen", labelled as not the plan's words. A mapping of the words to ids that the data
    marks slutledd says so: "”… i området” (tolkas här som gruppen ”…”; tolkningen är
    slutledd)"."""
    grupper = {g.id: g.namn for g in orgs.grupper}
    if lydelse is None:
        namn = och([grupper.get(i) or names.org(i) for i in dict.fromkeys(ids)])
        ursprung = "namn enligt uppgifterna om organisationerna, inte planens lydelse"
        if tolkning == "slutledd":
            ursprung += "; tolkningen av planens ord är slutledd"
        return f"{rubrik} i planen", f"{namn} ({ursprung})"
    text = f"”{lydelse}”"
    if tolkning == "slutledd":
        som = och(
            [
                f"gruppen ”{grupper[i]}”" if i in grupper else names.org(i)
                for i in dict.fromkeys(ids)
            ]
        )
        text += f" (tolkas här som {som}; tolkningen är slutledd)"
    return f"{rubrik} enligt planen", text


def sakerhet(steps: Sequence[Arv]) -> str:
    """ "bekräftad" or "slutledd": a chain (or a set of steps) is as sure as its least sure step
    (:func:`utsatta.compute.responsibility.tolkning`, the one rule everywhere)."""
    return "bekräftad" if tolkning(steps) == "bekraftad" else "slutledd"


def eftertradare(ins: Insats, ar: int, duties: Duties, names: Names) -> tuple[str, ...]:
    """Who holds in ``ar`` what a ceased organisation of the plan held in ``ins``, one line per
    set of predecessors with the same heirs, day and certainty, in the plan's order:
    "Stadsfastighetsnämnden i stället för Lokalnämnden (slutledd) från 2023-01-01", through a
    chain with the organisations between: "Utbildningsnämnden i stället för Grundskolenämnden
    via Skolnämnden (slutledd) från 2025-01-01" (decision 0616); a ceased organisation without
    an heir for the insats: "Lokalnämnden upphörde 2022-12-31; ingen efterträdare har
    insatsen"."""
    orgs = duties.orgs
    by_id = {o.id: o for o in orgs.organisationer}
    named = resolve([*ins.samordningsansvar, *ins.ansvar], orgs, period=duties.period)
    # (predecessor, the organisations between) -> {(day with marker, certainty): heirs}, then
    # merged both ways
    per_fran: dict[tuple[str, tuple[str, ...]], dict[tuple[str, str], list[str]]] = {}
    lines: list[tuple[int, str]] = []
    for n, org in enumerate(named):
        o = by_id[org]
        if exists_at_year_end(o, ar) or o.giltig_till is None:
            continue  # it holds its part itself, or has not started yet
        chains = duties.heirs(org, ins.id, ar)
        if not chains:
            dag = o.giltig_till + datum_markering(o.giltig_till_sakerhet)
            lines.append((n, f"{names.org(org)} upphörde {dag}; ingen efterträdare har insatsen"))
            continue
        for chain in chains:
            dag = chain[-1].datum + datum_markering(chain[-1].datum_sakerhet)
            via = tuple(step.fran for step in chain[1:])
            by_key = per_fran.setdefault((org, via), {})
            heirs = by_key.setdefault((dag, sakerhet(chain)), [])
            if chain[-1].till not in heirs:
                heirs.append(chain[-1].till)
    merged: dict[tuple[tuple[str, ...], str, str], list[tuple[str, tuple[str, ...]]]] = {}
    first: dict[tuple[tuple[str, ...], str, str], int] = {}
    for (org, via), by_key in per_fran.items():
        for (dag, how), heirs in by_key.items():
            key = (tuple(names.orgs_in_order(heirs)), dag, how)
            merged.setdefault(key, []).append((org, via))
            first.setdefault(key, named.index(org))
    for (heirs_t, dag, how), fran in merged.items():
        fran_namn = via_namn([(names.org(f), [names.org(v) for v in via]) for f, via in fran])
        text = (
            f"{och([names.org(h) for h in heirs_t])} i stället för "
            f"{och(fran_namn)} ({how}) från {dag}"
        )
        lines.append((first[(heirs_t, dag, how)], text))
    return tuple(t for _, t in sorted(lines, key=lambda x: x[0]))


def grupper(
    ins: Insats, ar: int, orgs: OrganisationerFil, names: Names
) -> tuple[tuple[str, str], ...]:
    """Each group the plan names in ``ins`` as a (label, text) pair: the organisations it
    stands for in ``ar``; a group computed from a flag says that the plan does not list them
    and that the composition is an inference: ("Gruppen ”Socialnämnderna” 2025",
    "Socialnämnden Centrum, … och Socialnämnden Sydväst")."""
    out = []
    for g in orgs.grupper:
        if g.id not in (*ins.samordningsansvar, *ins.ansvar):
            continue
        ids = resolve([g.id], orgs, ar)
        members = och([names.org(m) for m in ids]) or "inga"
        if g.urval is not None:
            antal = f"{len(ids)} organisation" + ("" if len(ids) == 1 else "er")
            members += f" ({antal}; planen räknar inte upp dem, och sammansättningen är slutledd)"
        out.append((f"Gruppen ”{g.namn}” {ar}", members))
    return tuple(out)


def upphorda(
    plan: PlanFil, orgs: OrganisationerFil, ar: int, names: Names, duties: Duties | None = None
) -> UpphordaVy:
    """The organisations the plan names (itself or through a group) whose last day is in or
    before ``ar``, in organisationer.yaml order, one row per set of successors that took over
    the same insatser with the same certainty, and one ("ingen") for the insatser that no
    successor took over. The steps and their certainty are :meth:`Duties.successors`, as in
    Bilaga A and C."""
    d = duties if duties is not None else Duties.of(plan, orgs)
    period = planperiod(plan)
    last_day = f"{ar:04d}-12-31"
    urval = {g.id for g in orgs.grupper if g.urval is not None}
    # per organisation of the plan: its insatser, and those only through an urval group
    named: dict[str, dict[str, bool]] = {}
    for ins in plan.insatser:
        ids = [*ins.samordningsansvar, *ins.ansvar]
        direct = set(resolve([i for i in ids if i not in urval], orgs, period=period))
        for org in resolve(ids, orgs, period=period):
            named.setdefault(org, {})[ins.id] = org not in direct
    via_urval_used = False
    later = False  # a successor formed after the day after: the rule sentence says so
    rader = []
    for o in orgs.organisationer:
        if o.id not in named or o.giltig_till is None or o.giltig_till > last_day:
            continue
        markering = datum_markering(o.giltig_till_sakerhet)
        insatser = named[o.id]

        def lista(ids: Sequence[str], insatser: dict[str, bool] = insatser) -> str:
            return ", ".join(i + ("*" if insatser[i] else "") for i in ids) or "–"

        # (heir, certainty, day) -> the insatser it took over, in the order of the data; the
        # day is the heir's own: one formed later took over later (decision 0654)
        per_heir: dict[tuple[str, str, str], list[str]] = {}
        for i in insatser:
            for step in d.successors(o.id, i):
                per_heir.setdefault((step.till, sakerhet([step]), step.datum), []).append(i)
        groups: dict[tuple[tuple[str, ...], str, str], list[str]] = {}
        for (heir, how, fran), took in per_heir.items():
            groups.setdefault((tuple(took), how, fran), []).append(heir)
        for (moved, how, fran), heirs in groups.items():
            later |= fran != takeover_day(o)
            via_urval_used |= any(insatser[i] for i in moved)
            rader.append(
                UpphordRad(
                    names.org(o.id),
                    o.giltig_till,
                    och([names.org(h) for h in names.orgs_in_order(heirs)]),
                    fran,
                    how,
                    lista(moved),
                    markering,
                )
            )
        # the insatser no successor took over (all of them without a successor at all):
        # nobody holds them, the row a reader most needs
        taken = {i for moved, *_ in groups for i in moved}
        kvar = [i for i in insatser if i not in taken]
        if kvar:
            via_urval_used |= any(insatser[i] for i in kvar)
            ingen = "ingen" if o.efterfoljare else "ingen angiven"
            rader.append(
                UpphordRad(names.org(o.id), o.giltig_till, ingen, "–", "–", lista(kvar), markering)
            )
    grupp = och([f"”{g.namn}”" for g in orgs.grupper if g.urval is not None])
    not_ = (
        f"*: genom {grupp}, som planen inte räknar upp; gruppens sammansättning är slutledd."
        if via_urval_used
        else None
    )
    return UpphordaVy(tuple(rader), not_, later)
