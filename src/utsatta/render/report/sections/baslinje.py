"""The plan's "idag" read as a list: the report measures the goal and the delmål from the last
police list before the plan's first year. That is an interpretation (the plan does not say which
list "idag" is, and its decision date is not in the data), so the report marks it where it is
used and states once, in Bilaga E, what the numbers would be from the list before it, computed
from the same data. Why: docs/decisions/0475-baslinjen-som-tolkning.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from utsatta.compute.indicators import IndicatorResult, med_markering
from utsatta.compute.police import baslinje_upplaga, count_in, klassning_i, new_areas
from utsatta.compute.status import Lucka, Point
from utsatta.model.omraden import NIVAER_PA_LISTAN, OmradenFil
from utsatta.model.plan import PlanFil
from utsatta.render.findings import antal
from utsatta.render.labels import andel_av_vagen, framsteg_text, varde
from utsatta.wording import och

#: the heading of the paragraph in Bilaga E
RUBRIK: Final = "Utgångsläget är en tolkning"
#: beside the baseline where it is used: the list "idag" is read as
TOLKNING: Final = "tolkning"


#: the mark of the baseline where the report uses it (sections 1, 2 and 5)
TOLKNING_TEXT: Final = "utgångsläget, en tolkning; se bilaga E"


def _pa_listan(omr: OmradenFil, upplaga: int) -> list[str]:
    """The areas on the list (any of its levels, or on it at a level not given) in ``upplaga``."""
    return [o.namn for o in omr.omraden if klassning_i(o, upplaga).niva in NIVAER_PA_LISTAN]


def _point(r: IndicatorResult, ar: int) -> Point | None:
    return next((p for p in r.serie if p.ar == ar), None)


def _rad(r: IndicatorResult, omr: OmradenFil, fore: int, alt: int, ar: int) -> str | None:
    """One goal indicator counted from the lists, read from ``alt`` instead of ``fore``."""
    b = r.indikator.berakning
    now = _point(r, ar)
    if b is None or now is None:
        return None
    enhet = r.indikator.enhet
    if b.typ == "nya-omraden":
        other = next((p for p in new_areas(omr, b.nivaer, alt).punkter if p.ar == ar), None)
        if not isinstance(other, Point):
            return None
        return (
            f"nya områden på listan {ar}: "
            f"{med_markering(varde(other.varde, enhet), other.sakerhet)} jämfört med listan "
            f"{alt} och {med_markering(varde(now.varde, enhet), now.sakerhet)} jämfört med "
            f"listan {fore}"
        )
    base = count_in(omr, alt, b.nivaer)
    if isinstance(base, Lucka) or r.malvarde is None or r.baslinje is None:
        return None
    text = (
        f"”{r.indikator.namn}”: {med_markering(varde(base.varde, enhet), base.sakerhet)} år "
        f"{alt} och {med_markering(varde(now.varde, enhet), now.sakerhet)} år {ar}"
    )
    andel = andel_av_vagen(base.varde, now.varde, r.malvarde)
    if andel is None:
        return text
    egen = andel_av_vagen(r.baslinje.varde, now.varde, r.malvarde)
    return (
        f"{text}, {framsteg_text(andel)} mot målvärdet {varde(r.malvarde, enhet)} "
        f"(från listan {fore}: {framsteg_text(egen)})"
    )


def utgangslage(
    plan: PlanFil, omr: OmradenFil | None, results: Sequence[IndicatorResult], ar: int
) -> str | None:
    """Bilaga E's paragraph: which list the report reads as the plan's baseline, that it is an
    interpretation, and the goal figures from the list before it where there is one; None
    without a list before the plan's first year."""
    if omr is None:
        return None
    upplagor = sorted(u.ar for u in omr.upplagor if u.ar <= ar)
    g = plan.plan.giltighet
    fore = baslinje_upplaga(upplagor, g.fran)
    if fore is None or ar <= fore:
        return None
    # the plan's own words where a delmål is about the areas on the list "idag"
    idag = [(n, d) for n, d in enumerate(plan.mal.delmal, start=1) if "idag" in d.text.split()]
    text = (
        " ".join(f"Delmål {n} är att ”{d.text}”." for n, d in idag)
        + (" " if idag else "")
        + "Planen säger inte vilken av polisens listor "
        + ("som är ”idag”" if idag else "som är utgångsläget")
        + ", och planens beslutsdatum finns inte i underlaget. Rapporten räknar från listan "
        f"{fore}, den senaste före planperioden {g.fran}–{g.till}: "
        + och(
            [
                "förändringen (avsnitt 2 och 5)",
                # the goal table is in the slutuppföljning only
                *(["underlaget för delmålen (avsnitt 1)"] if ar == g.till else []),
                "baslinjen för antalen ur polisens listor (bilaga D, där den är märkt ”tolkning”)",
            ]
        )
        + "."
    )
    alt = baslinje_upplaga(upplagor, fore)
    if alt is None:
        return text
    rader = [
        t
        for r in results
        if r.indikator.mal is not None and (t := _rad(r, omr, fore, alt, ar)) is not None
    ]
    per_omrade = [n for n, d in enumerate(plan.mal.delmal, start=1) if d.per_omrade]
    on_fore, on_alt = _pa_listan(omr, fore), _pa_listan(omr, alt)
    extra = [n for n in on_alt if n not in on_fore]
    utan = [n for n in on_fore if n not in on_alt]
    if per_omrade and (extra or utan):
        delmal = och([f"delmål {n}" for n in per_omrade])
        omraden = (
            f"{delmal} gäller {antal(len(on_alt), 'område', 'områden')} i stället för "
            f"{len(on_fore)}"
        )
        if extra:
            omraden += f": också {och(extra)}, som stod på listan {alt} men inte {fore}"
        if utan:
            omraden += f"{';' if extra else ':'} inte {och(utan)}, som kom till listan {fore}"
        rader.append(omraden)
    if not rader:
        return text
    return (
        f"{text} Räknat från listan före den, {alt}, blir siffrorna andra (ur samma "
        f"uppgifter): {'; '.join(rader)}."
    )
