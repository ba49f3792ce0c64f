"""The computed lines of the slutuppföljning that stand beside what someone wrote: the key under
the goal table, what is known of a delmål judged per area, the count of each fokusområde's
insatser under its written verdict, and the sentence that ties the count over the period to the
year's reports (review granska14, findings 1, 3, 5 and 15). Split from
:mod:`utsatta.render.report.sections.slutuppfoljning`, which builds the view with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from utsatta.compute.completeness import Cell
from utsatta.compute.indicators import IndicatorResult
from utsatta.render.findings import antal
from utsatta.render.labels import BEDOMNING, MARKERING_BETYDELSE
from utsatta.render.report.followup_view import InsatsUtfall, MalDom, SlutVy
from utsatta.render.report.sections.baslinje import TOLKNING_TEXT
from utsatta.render.report.sections.insatser import antal_text
from utsatta.render.report.sections.period import GENOMFORD
from utsatta.render.report.view import FokusVy, ForandringRad, NivaCell, SamordningVy
from utsatta.wording import och

#: how the goal table names a change of level since the baseline list (sections.areas), in
#: this order; a change the levels leave open is one group
_ANDRING: Final = (
    ("oförändrad", "med oförändrad nivå"),
    ("lägre nivå", "med lägre nivå"),
    ("högre nivå", "med högre nivå"),
    ("har lämnat listan", "som har lämnat listan"),
    ("ny på listan", "som är nya på listan"),
)
#: one pair of the slutuppföljning with its latest report in the period: (insats, status, year
#: of the report, the pair's cell in the plan's last year)
Senast = tuple[str, str, int, Cell]
#: how the bridging sentence names the pairs whose latest report is from an earlier year, by
#: their cell in the last year (one, many); Cell.TIDIGARE is section 2's "lämnades ett
#: tidigare år" (compute.coverage.Rakning.tidigare)
_TIDIGARE_SOM: Final = {
    Cell.TIDIGARE: (
        "återrapportering som avsnitt 2 räknar som lämnad ett tidigare år",
        "återrapporteringar som avsnitt 2 räknar som lämnade ett tidigare år",
    ),
    Cell.EJ_AKTUELL: ("som inte ska rapporteras {ar}", "som inte ska rapporteras {ar}"),
    Cell.FRIVILLIG: (
        "vars återrapportering inte har förfallit {ar}",
        "vars återrapporteringar inte har förfallit {ar}",
    ),
    Cell.SAKNAS: ("vars rapport för {ar} saknas", "vars rapporter för {ar} saknas"),
    Cell.INKOMMEN: ("med en rapport för {ar}", "med en rapport för {ar}"),
}
#: the computed cell of a delmål judged per area (plan.yaml: per_omrade)
BERAKNAS_INTE: Final = "Beräknas inte"
#: the computed cell where the value or the målvärde is missing: the same words as a written
#: verdict that cannot be given (review granska14, finding 15)
KAN_INTE_BEDOMAS: Final = "Kan inte bedömas"


def malnyckel(domar: Sequence[MalDom], ar: int) -> str:
    """The one-line key under the goal table: what each word in it means."""
    ord_ = [
        f"”Nått” och ”Inte nått” räknar verktyget ur värdet för {ar}, ”Uppnått” och ”Inte "
        "uppnått” är den skrivna bedömningen"
    ]
    if any(m.utfall == KAN_INTE_BEDOMAS for m in domar) or any(
        m.bedomning is not None and m.bedomning.nyckel == "kan-inte-bedomas" for m in domar
    ):
        ord_.append(
            "”Kan inte bedömas”: värdet eller målvärdet saknas, eller den som skrev bedömningen "
            "kan inte bedöma målet"
        )
    if any(m.utfall == BERAKNAS_INTE for m in domar):
        ord_.append("”Beräknas inte”: verktyget räknar inte delmålet ur listan")
    marks = {m.utfall_markering for m in domar}
    if "slutledd" in marks:
        ord_.append("”slutledd”: dragen ur källorna, inte utsagd i dem")
    if "uppgift i andra hand" in marks:
        ord_.append("”uppgift i andra hand”: en källa som återger uppgiften")
    if "annan källa än polisen" in marks:
        ord_.append("”annan källa än polisen”: bekräftad, men inte i polisens egen publicering")
    if "källa saknas" in marks:
        ord_.append("”källa saknas”: ingen källa belägger uppgiften")
    if any(marks):
        # a value shows one marker, its weakest (docs/decisions/0500): "Delmål 3: Nått
        # (slutledd)" rests on levels from the press too, which the reader could not tell
        ord_.append(
            "ett värde har markeringen för den osäkraste uppgift som det bygger på (nivåerna "
            "var för sig, med sina markeringar: avsnitt 5)"
        )
    # the templates add "Mer i bilaga E …" with a link to it
    return "Orden i tabellen: " + "; ".join(ord_) + "."


def dom_per_omrade(
    underlag: Sequence[IndicatorResult],
    forandringar: Sequence[ForandringRad],
    fore: int | None,
    ar: int,
) -> str:
    """What is known about a delmål judged per area (plan.yaml: per_omrade): the tool does not
    compute it, since a police level does not show whether the development in an area has turned;
    it counts the areas by their change of level from the baseline list to the year's, and says
    that the counts per level (the indicators with the delmål in 'underlag_for') cannot show it
    either (review granska14, finding 3)."""
    text = (
        "Räknas inte ur listan: delmålet gäller utvecklingen i varje område, och polisens nivå "
        "visar inte om den har vänt."
    )
    if forandringar and fore is not None:
        groups: dict[str, list[str]] = {}
        marks: dict[str, list[str]] = {}
        for f in forandringar:
            key = f.forandring if f.forandring in dict(_ANDRING) else "okänd"
            groups.setdefault(key, []).append(f.namn)
            # the change's own marker, as section 5 shows it: the weaker of its levels', or
            # slutledd where it is drawn from what a level not given cannot be (0676)
            marks.setdefault(key, []).append(f.markering)
        parts = [
            f"{antal(len(groups[k]), 'område', 'områden')} {what} ({och(groups[k])}"
            + (f"; {klass}" if (klass := svagaste_markering(marks[k])) else "")
            + ")"
            for k, what in _ANDRING
            if k in groups
        ]
        if "okänd" in groups:
            n = len(groups["okänd"])
            parts.append(
                f"{antal(n, 'område', 'områden')} där förändringen inte går att avgöra, eftersom "
                f"källorna inte anger nivån ({och(groups['okänd'])})"
            )
        text += f" Känt från listan {fore} ({TOLKNING_TEXT}) till listan {ar}: {och(parts)}."
    if underlag:
        namn = och([f"”{r.indikator.namn}”" for r in underlag])
        text += (
            f" Antalen per nivå ({namn}) visar inte heller om utvecklingen i ett område har vänt."
        )
    return text + " Bedömningen område för område står i bilaga B."


def svagaste(cells: Sequence[NivaCell]) -> str:
    """The weakest certainty class of the levels a change of level rests on ("uppgift i andra
    hand"), as the goal table's other rows name the class of their value; "" where the police
    confirm them all. A change is no surer than its least sure level (review granska15,
    finding 3; docs/decisions/0495-avsnitt-1-som-avsnitt-3.md)."""
    return svagaste_markering([c.markering for c in cells])


def svagaste_markering(markeringar: Sequence[str]) -> str:
    """The weakest class among markers ("†", "*" …) in words ("slutledd"); "" where none is
    marked (:func:`svagaste` for a change's two levels, or the changes' own markers)."""
    order = list(MARKERING_BETYDELSE)  # weakest first
    marks = [m for m in markeringar if m in MARKERING_BETYDELSE]
    if not marks:
        return ""
    return MARKERING_BETYDELSE[min(marks, key=order.index)].partition(":")[0]


def ansvar_fall(
    ar: int, vad: str, total: int, utfall: Sequence[InsatsUtfall], *, namnge: bool = True
) -> str:
    """ "Enligt planen och uppgifterna om organisationerna (med efterträdarna) finns planens
    sista år, 2025, ansvar för {vad} i 99 fall (organisation och insats)": the pairs the
    outcome counts, under their source (who holds what is the plan's and the organisations',
    not the reports'; granska18c F9, 0572, 0583), in the same words in section 1 and under
    each fokusområde. A pair whose organisation holds only the samordningsansvar counts too
    (its report carries the overall assessment), so then the words say so and, with
    ``namnge``, name them, to be checked by hand (granska18 G7). Section 1's sentence for the
    whole period says it without the names, which its fokusområde's line gives: the PDF's
    page breaks hold (0558)."""
    return (
        "Enligt planen och uppgifterna om organisationerna (med efterträdarna) finns planens "
        f"sista år, {ar}, " + _ansvar_i_fall(vad, total, utfall, namnge=namnge)
    )


def _ansvar_i_fall(vad: str, total: int, utfall: Sequence[InsatsUtfall], *, namnge: bool) -> str:
    bara = [(namn, i.insats) for i in utfall for namn in i.bara_samordning]
    if not bara:
        return f"ansvar för {vad} i {total} fall (organisation och insats)"
    per_org: dict[str, list[str]] = {}
    for namn, insats in bara:
        per_org.setdefault(namn, []).append(insats)
    vilka = och([f"{namn} för {och(ids)}" for namn, ids in per_org.items()])
    if not namnge:
        return f"ansvar eller samordningsansvar för {vad} i {total} fall (organisation och insats)"
    return (
        f"ansvar eller samordningsansvar för {vad} i {total} fall (organisation och insats; "
        f"bara samordningsansvar: {vilka})"
    )


def fokus_berakning(slut: SlutVy, fokus: Sequence[FokusVy]) -> dict[str, str]:
    """Per fokusområde, the line printed under its written verdict in section 1: its insatser
    counted by each responsible organisation's latest report over the period (as section 1
    counts them all), those without a closing report per insats, and the year's samordnande
    bedömningar. A text written about the fokusområde then never stands alone against the
    numbers (review granska14, finding 1)."""
    out: dict[str, str] = {}
    g = slut.period
    for f in fokus:
        utfall = [i for i in slut.insatser if i.fokusomrade == f.id]
        if not utfall:
            continue
        klar = sum(i.genomforda for i in utfall)
        avbr = sum(i.avbrutna for i in utfall)
        oppen = sum(i.utan_slutrapport for i in utfall)
        ingen = sum(i.utan_rapport for i in utfall)
        total = klar + avbr + oppen + ingen
        vilka = ", ".join(
            f"{i.utan_slutrapport} för {i.insats}" for i in utfall if i.utan_slutrapport
        )
        # each number under its source: who holds what comes from the plan and the
        # organisations (successors included), what was done from the reports (granska18c F9)
        text = (
            ansvar_fall(
                slut.ar, f"fokusområdets {antal(len(utfall), 'insats', 'insatser')}", total, utfall
            )
            + f". Beräknat ur rapporterna, den senaste under {g} för vart och ett av fallen, är "
            f"{klar} av dem {'genomförd' if klar == 1 else 'genomförda'}, {avbr} "
            f"{'avbruten' if avbr == 1 else 'avbrutna'} och {oppen} utan slutrapport"
            + (f" ({vilka})" if vilka else "")
            + (f"; för {ingen} finns ingen rapport alls under perioden" if ingen else "")
            + "."
        )
        given: list[str] = []
        utan: list[str] = []
        for ins in f.insatser:
            if ins.samordning:
                if part := samordnande_antal(ins.samordning):
                    given.append(f"för {ins.id} {part}")
                else:
                    utan.append(ins.id)
        if given or utan:
            text += f" Samordnande bedömning {slut.ar}: " + "; ".join(given)
            if utan:
                text += ("; " if given else "") + f"ingen för {och(utan)}"
            text += "."
        out[f.id] = text
    return out


def samordnande_antal(samordning: Sequence[SamordningVy]) -> str:
    """The coordinating bodies' verdicts on one insats counted, each with the mark section 3
    and Bilaga A put beside it (:attr:`SamordningVy.markering`, review granska15, finding 1).
    A body without a verdict this year counts with its latest report's, under that year
    ("senast 2023: Bedöms uppnås 1 (prognos, ingen slutbedömning)", as Bilaga A gives it;
    finding 2); one without either counts as "ingen bedömning". "" when no body has a verdict
    in any year of the period."""
    nu = [s for s in samordning if s.bedomning]
    tidigare: dict[int, list[SamordningVy]] = {}
    for s in samordning:
        if not s.bedomning and s.rapport_ar is not None and s.rapport_bedomning:
            tidigare.setdefault(s.rapport_ar, []).append(s)
    if not nu and not tidigare:
        return ""
    parts = [_markerat_antal([(s.bedomning or "", s.markering) for s in nu])] if nu else []
    parts += [
        f"senast {ar}: "
        + _markerat_antal([(s.rapport_bedomning or "", s.markering) for s in tidigare[ar]])
        for ar in sorted(tidigare)
    ]
    if ingen := len(samordning) - len(nu) - sum(len(v) for v in tidigare.values()):
        parts.append(f"ingen bedömning {ingen}")
    return ", ".join(parts)


def _markerat_antal(rader: Sequence[tuple[str, str]]) -> str:
    """(verdict, mark) pairs counted by :func:`antal_text`, each marked verdict with its mark."""
    marks = {b: m for b, m in rader if m}
    # one insats has one mark (sections.insats_indikatorer), so every marked verdict shares it
    markering = next(iter(marks.values()), "")
    return antal_text((b for b, _ in rader), BEDOMNING.values(), set(marks), markering)


def bro_text(senast: Sequence[Senast], ar: int) -> str:
    """How the count over the period meets the year's reports (section 2 counts those): how many
    pairs have their latest report in the year's reports and how many in an earlier year's, per
    insats, and where the genomförda stand (review granska14, finding 5). The earlier ones are
    split by the year's cell, so that those section 2 counts as "lämnades ett tidigare år"
    stand as such beside the rest (review granska15, finding 5)."""
    if not senast:
        return ""
    i_ar = [x for x in senast if x[2] == ar]
    tidigare = [x for x in senast if x[2] != ar]
    klar = [x for x in senast if x[1] == GENOMFORD]
    klar_ar = sum(1 for x in klar if x[2] == ar)
    # three sentences, not one with a parenthesis and a colon (0583)
    text = (
        f"Av de {len(senast)} fall som har en rapport under perioden har {len(i_ar)} sin senaste "
        f"rapport i rapporterna för {ar}"
        + (f" och {len(tidigare)} i ett tidigare års" if tidigare else "")
        + "."
    )
    if i_ar:
        dem = "det fallet" if len(i_ar) == 1 else f"de {len(i_ar)}"
        text += (
            f" Avsnitt 2 räknar {dem}, med årets saknade och inte förväntade rapporteringar, i "
            f"tabellen ”Insatser per status {ar}”."
        )
    if tidigare:
        parts = []
        for cell, (one, many) in _TIDIGARE_SOM.items():
            these = [x for x in tidigare if x[3] is cell]
            if these:
                per_insats: dict[str, int] = {}
                for x in these:
                    per_insats[x[0]] = per_insats.get(x[0], 0) + 1
                vilka = och([f"{n} för {i}" for i, n in per_insats.items()])
                what = (one if len(these) == 1 else many).format(ar=ar)
                parts.append(f"{len(these)} {what} ({vilka})")
        de = (
            f"Av de {len(tidigare)} är " if len(tidigare) > 1 else "Fallet från ett tidigare år är "
        )
        text += f" {de}{och(parts)}."
    if klar and klar_ar != len(klar):
        years = sorted({x[2] for x in klar if x[2] != ar})
        text += (
            f" Av de {len(klar)} genomförda står {klar_ar} i rapporterna för {ar} och "
            f"{len(klar) - klar_ar} i rapporterna för {och([str(y) for y in years])}."
        )
    return text
