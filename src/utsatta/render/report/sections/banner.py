"""The report's first lines: what in it is illustrative, and whether the plan's indicator annex
(plan.yaml: plan.indikatorbilaga) is missing.

The illustrative notice covers every file whose content the output shows, of any year: the
reports and uppföljningar that :func:`.underlag.underlag` says the output rests on (the whole
file, or the parts of a real one marked illustrative), every indicator, and the shared files
every section reads: the plan, the organisations, the police's lists
(docs/decisions/0112-illustrativ-notis.md, 0121, 0290).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from pydantic import BaseModel

from utsatta.compute.indicators import IndicatorResult
from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.render.findings import antal
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.underlag import Underlag, years_text
from utsatta.wording import och

ILLUSTRATIV_TEXT: Final = (
    "Rapporten innehåller illustrativa uppgifter: påhittat innehåll som visar formatet, inte "
    "verkliga uppgifter."
)
#: the same lead sentence for the export's sheet om_filen (its list is the export's files)
ILLUSTRATIV_EXPORT: Final = (
    "Exporten innehåller illustrativa uppgifter: påhittat innehåll som visar formatet, inte "
    "verkliga uppgifter."
)
#: up to this many illustrative reports of a year or indicators are named, else counted
BANNER_NAMN: Final = 3


def _rapporter(
    reports_by_year: Mapping[int, Mapping[str, RapportFil]],
    ar: int,
    names: Names,
    markerade: bool = True,
) -> list[str]:
    """The illustrative reports, year by year: the years whose reports are all illustrative
    together ("samtliga … för 2022–2024"), the others named when few, else counted."""
    alla: list[int] = []
    delar: list[str] = []
    for y in sorted(reports_by_year):
        reports = reports_by_year[y]
        ill = [o for o in names.orgs_in_order(reports) if reports[o].illustrativ]
        if not ill:
            continue
        if len(ill) == len(reports) and len(reports) > 1:
            alla.append(y)
        elif len(ill) > BANNER_NAMN:
            var = " (markerade under Källor)" if y == ar and markerade else ""
            delar.append(f"{len(ill)} av {len(reports)} rapporter för {y}{var}")
        else:
            delar += [f"rapporten från {names.org(o)} för {y}" for o in ill]
    out = []
    if alla:
        out.append(f"samtliga rapporter från nämnder och styrelser för {years_text(alla)}")
    return out + delar


def _marked(node: object) -> bool:
    """Whether a part of a model (any depth) is marked ``illustrativ: true`` itself."""
    if isinstance(node, BaseModel):
        if getattr(node, "illustrativ", None) is True:
            return True
        return any(_marked(getattr(node, f)) for f in type(node).model_fields)
    if isinstance(node, list | tuple):
        return any(_marked(x) for x in node)
    return False


def _uppfoljningar(upps: Mapping[int, UppfoljningFil]) -> list[str]:
    """The illustrative uppföljningar: the years whose whole file is illustrative together ("de
    samlade uppföljningarna för 2023–2025"), then each real file with parts marked illustrative."""
    hela = [y for y, u in sorted(upps.items()) if u.illustrativ]
    out = []
    if hela:
        out.append(
            f"den samlade uppföljningen för {hela[0]}"
            if len(hela) == 1
            else f"de samlade uppföljningarna för {years_text(hela)}"
        )
    for y, upp in sorted(upps.items()):
        if upp.illustrativ:
            continue
        parts = [getattr(upp, f) for f in type(upp).model_fields if f != "illustrativ"]
        if any(_marked(p) for p in parts):
            out.append(f"de delar av uppföljningen för {y} som är märkta illustrativa")
    return out


def _delade(
    plan: PlanFil | None, orgs: OrganisationerFil | None, omr: OmradenFil | None
) -> list[str]:
    """The shared files marked illustrative: every section reads them, so they come first."""
    return [
        text
        for model, text in (
            (plan, "planens innehåll (plan.yaml)"),
            (orgs, "uppgifterna om nämnder, styrelser och bolag (organisationer.yaml)"),
            (omr, "polisens listor över utsatta områden (omraden.yaml)"),
        )
        if model is not None and model.illustrativ
    ]


def uppraknat(delar: Sequence[str]) -> str:
    """The parts as one Swedish enumeration: "A och B", "A, B och C"; "A; B och C" when a part
    has a comma of its own (an indicator's name), so the parts stay apart. Not "A; B": a
    semicolon where "och" belongs (F9)."""
    return och(delar, "; " if any("," in d for d in delar) else ", ")


def illustrativt(
    underlag: Underlag,
    results: Sequence[IndicatorResult],
    names: Names,
    *,
    plan: PlanFil | None = None,
    orgs: OrganisationerFil | None = None,
    omr: OmradenFil | None = None,
    markerade: bool = True,
) -> list[str]:
    """What the notice says is illustrative, by kind and year: the shared files (plan,
    organisations, the police's lists), the uppföljningar and the reports the output rests on
    (``underlag``), the indicators. ``markerade=False`` leaves out the pointers to where the
    report marks them (a text outside the report, the export's)."""
    out = _delade(plan, orgs, omr) + _uppfoljningar(underlag.uppfoljningar)
    out += _rapporter(underlag.rapporter, underlag.ar, names, markerade)
    indikatorer = [r.indikator.namn for r in results if r.indikator.illustrativ]
    if len(indikatorer) > BANNER_NAMN:
        var = " (markerade med ”illustrativa värden”)" if markerade else ""
        out.append(f"{len(indikatorer)} indikatorer{var}")
    else:
        out += [f"indikatorn {namn}" for namn in indikatorer]
    return out


def _plan_sources(plan: PlanFil) -> set[str]:
    return {k.id for k in plan.plan.kallor}


def indikatorbilaga(plan: PlanFil, results: Sequence[IndicatorResult]) -> tuple[str, str] | None:
    """The heading and text of the notice on the plan's indicator annex, from plan.yaml's
    ``indikatorbilaga`` and the indicators' own fields; None when the plan names no annex or
    the annex is public (then nothing is missing to say)."""
    bilaga = plan.plan.indikatorbilaga
    if bilaga is None or bilaga.offentlig:
        return None
    rubrik = f"Planens {bilaga.namn} är inte offentlig."
    titel = {k.id: k.titel for k in plan.plan.kallor}.get(bilaga.kalla or "")
    delar = [f"Planens text hänvisar till den (källa: {titel})."] if titel else []
    n = len(results)
    if not n:
        return rubrik, " ".join([*delar, "Underlaget har inga indikatorer."])
    ur = sum(1 for r in results if r.indikator.ur_planen)
    if ur == 0:
        delar.append(
            "Rapportens indikator kommer inte ur bilagan utan är vald för uppföljningen."
            if n == 1
            else f"Ingen av rapportens {n} indikatorer kommer ur bilagan; de är valda för "
            "uppföljningen."
        )
    else:
        delar.append(
            f"Av rapportens {n} indikatorer kommer {ur} ur bilagan"
            + ("." if ur == n else ", övriga är valda för uppföljningen.")
        )
    egna = _plan_sources(plan)
    g = plan.plan.giltighet
    # only the målvärden of the plan's own years: those of an earlier plan are not its goals
    periodens = {
        r.indikator.id: [m for m in r.indikator.malvarden if g.covers(m.ar)] for r in results
    }
    med = [r.indikator.id for r in results if periodens[r.indikator.id]]
    ur_text = [i for i in med if all(m.kalla in egna for m in periodens[i])]
    slutledda = sum(1 for i in ur_text if any(m.sakerhet == "slutledd" for m in periodens[i]))
    # never a digit first in a sentence (review granska14, finding 15)
    mal: list[str] = []
    if ur_text:
        mal.append(
            "målvärden härledda ur planens text har "
            + antal(len(ur_text), "indikator", "indikatorer")
            + (f" ({slutledda} av dem slutledda)" if slutledda else "")
        )
    # every målvärde names its source (a required key): none is "without a source"
    if andra := len(med) - len(ur_text):
        mal.append(f"målvärden ur andra källor har {andra}")
    utan = n - len(med)
    if utan and mal:
        mal.append(f"{utan} saknar målvärde och kan inte följas upp mot ett mål")
    if mal:
        text = "; ".join(mal)
        delar.append(text[0].upper() + text[1:] + ".")
    elif n:
        delar.append("Ingen av dem har målvärde, så ingen kan följas upp mot ett mål.")
    return rubrik, " ".join(delar)
