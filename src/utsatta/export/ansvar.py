"""Who held each insats each year: the table ``ansvar``.

One row per plan year up to the export's, insats and organisation that holds a duty in it that
year, from the one computation the report and ``validate`` use
(:class:`utsatta.compute.responsibility.Duties` through
:func:`utsatta.compute.duties.year_matrix`): a ceased organisation has no row for a year after
it ceased, its successor has, with whom it took the insats over from and how sure that is
(:func:`utsatta.compute.responsibility.tolkning`, the report's rule). Rows follow the plan's
order of insatser, then the years, then the organisations as the report lists them
(samordningsansvar first). docs/decisions/0420-export-ansvar.md.
"""

from __future__ import annotations

from typing import Final

from utsatta.compute.coverage import owed_through_urval
from utsatta.compute.duties import duties_of, reported, year_matrix
from utsatta.compute.plan_years import years_through
from utsatta.compute.responsibility import Ansvarsgrund
from utsatta.export.cells import relative_file
from utsatta.export.columns import ANSVAR
from utsatta.export.table import Cell, Table
from utsatta.load.dataset import DataSet
from utsatta.wording import och, via_namn

__all__ = ["NAMN", "ansvar"]

NAMN: Final = "ansvar"
_BESKRIVNING: Final = (
    "En rad per år, insats och organisation som har ansvar för insatsen det året, enligt planen "
    "eller som efterträdare till en organisation som upphört, som i rapporten."
)


def ansvar(ds: DataSet, ar: int) -> Table:
    """The table ``ansvar`` for the plan's years up to ``ar`` (see the module)."""
    plan = ds.plan.model if ds.plan else None
    orgs = ds.organisationer.model if ds.organisationer else None
    duties = duties_of(ds)
    if duties is None or plan is None or orgs is None or not (ds.plan and ds.organisationer):
        return Table(NAMN, _BESKRIVNING, ANSVAR, ())
    namn = {o.id: o.namn for o in orgs.organisationer}
    grupper = {g.id: g.namn for g in orgs.grupper}
    via = owed_through_urval(plan.insatser, orgs, duties.period)
    illustrativ = "ja" if plan.illustrativ or orgs.illustrativ else "nej"
    fil = ", ".join(relative_file(s.path, ds.root) for s in (ds.plan, ds.organisationer))
    g = plan.plan.giltighet
    done = reported(ds)
    years = years_through(g, ar)
    by_year = {y: year_matrix(ds, y, done, duties) for y in years}
    rows: list[tuple[Cell, ...]] = []
    for ins in plan.insatser:
        grupp = via.get(ins.id, {})
        for year in years:
            m = by_year[year]
            if m is None:
                continue
            coord = duties.samordnande(ins.id, year)
            ansvariga = duties.ansvariga(ins.id, year)
            # the report's order: samordningsansvar first, then ansvar (Duties.responsible)
            for org in duties.responsible(ins.id, year):
                why = m.grunder[(org, ins.id)]
                roll = [
                    r
                    for r, hold in (("samordningsansvar", coord), ("ansvar", ansvariga))
                    if org in hold
                ]
                via_grupp = [grupper.get(i, i) for i in grupp.get(org, [])]
                grund, sakerhet = _grund(why, via_grupp, namn)
                rows.append(
                    (
                        year,
                        ins.id,
                        ins.titel,
                        org,
                        namn.get(org, org),
                        ", ".join(roll),
                        grund,
                        sakerhet,
                        ", ".join(why.fran()) or None,
                        ", ".join(dict.fromkeys(d for _, d in why.fran_datum())) or None,
                        _datum_sakerhet(why),
                        "ja" if (org, ins.id) in m.owed else "nej",
                        illustrativ,
                        fil,
                    )
                )
    return Table(NAMN, _BESKRIVNING, ANSVAR, tuple(rows))


def _grund(why: Ansvarsgrund, grupper: list[str], namn: dict[str, str]) -> tuple[str, str]:
    """The ground in the report's words ("planen", "efterträdare till Lokalnämnden", "gruppen
    ”…”", joined by "; ") and its certainty: bekräftad where the plan names the organisation
    itself (or a group that lists it); otherwise as sure as the least sure ground the report
    marks (a group chosen by a flag, decision 0017, is slutledd; an inheritance as
    :func:`utsatta.compute.responsibility.tolkning` of its chains)."""
    parts: list[str] = []
    named = why.grund == "planen" and not grupper
    if named:
        parts.append("planen")
    if grupper:
        parts.append(och([f"gruppen ”{g}”" for g in grupper]))
    if why.arv:
        # the chain's organisations between, as the report names them (decision 0616)
        kedjor = [(namn.get(o, o), [namn.get(v, v) for v in via]) for o, via in why.fran_via()]
        parts.append("efterträdare till " + och(via_namn(kedjor)))
    sure = named or not (grupper or why.slutledd)
    # "; " between the grounds: a ground's own list of names is joined by "och"
    return "; ".join(parts), "bekraftad" if sure else "slutledd"


def _datum_sakerhet(why: Ansvarsgrund) -> str | None:
    """How sure the day of the takeover is (the column ``overtagen``): slutledd when some
    predecessor's last day is a choice, not the source's (the report's "(datum: slutledd)");
    None when nothing is inherited."""
    if not why.arv:
        return None
    chosen = any(chain[-1].datum_sakerhet == "slutledd" for chain in why.arv)
    return "slutledd" if chosen else "bekraftad"
