"""Section 3 of the report, the områden: their levels per edition of the police list, the
changes since the list the plan started from, and which insatser reached them; and what the
summary says about the list.

Years, unconfirmed levels and coverage: docs/decisions/0011-report-years.md,
0015-unconfirmed-police-levels.md and 0013-coverage-of-areas.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Final

from utsatta.compute.coverage import InsatsCoverage
from utsatta.compute.police import (
    EJ_POLISEN,
    MOJLIGA_NIVAER,
    ORDNING,
    SAKERHET_ORDNING,
    areas_leave_open,
    baslinje_upplaga,
    change_between,
    change_inferred,
    count_in,
    klass,
    klassning_i,
    mojliga_andringar,
    niva_text,
    uses_stated_count,
)
from utsatta.compute.status import Lucka, Point
from utsatta.model.omraden import NIVAER_PA_LISTAN, Klassning, OmradenFil
from utsatta.render.findings import antal
from utsatta.render.labels import (
    ANGIVNA_ANTALEN_MARKERING,
    ANGIVNA_ANTALETS_MARKERING,
    ANTALETS_MARKERING,
    EJ_POLISEN_MARKERING,
    FORANDRINGENS_MARKERING,
    KALLSLAG,
    NIVA,
    NIVA_ANTAL,
    NIVA_RUBRIK,
    SAKERHET_MARKERING,
    SLUTLEDD_FORANDRING,
    UTAN_MARKERING,
    inte_i_ar,
)
from utsatta.render.report.sections.baslinje import TOLKNING_TEXT
from utsatta.render.report.sections.upplaga import kand_genom_kort, upplaga_namn
from utsatta.render.report.view import (
    ForandringRad,
    NivaCell,
    NivaRad,
    OmradenVy,
    OmradeRad,
    TackningRad,
    ankare_insats,
)
from utsatta.wording import och


@dataclass(frozen=True)
class ListaSammanfattning:
    """What the summary says about the police list."""

    rader: tuple[NivaRad, ...]
    upplaga: str | None
    sakerhet: str | None
    forklaring: tuple[str, ...]
    forandring: str | None
    #: the areas on the list; None when a level leaves open whether an area is on it
    antal: int | None
    #: the total as shown: "8", or "okänt (nivån okänd för 1 område)"
    antal_text: str = ""
    #: "4 särskilt utsatta, 4 på en nivå som källorna inte anger", or ""
    fordelning: str = ""


#: kalla id -> its kind (Kalla.slag), set per omraden.yaml in :func:`omraden_vy`
Slag = Mapping[str, str | None]

#: the cells that show no level ("–", "okänd"): their lack of a marker says nothing
_UTAN_NIVA = ("saknas", "okand")

#: every marker, in the legend's order
_MARKERINGAR = (*SAKERHET_MARKERING.values(), EJ_POLISEN_MARKERING)


def niva_markering(k: Klassning | None, slag: Slag) -> tuple[str, str]:
    """The marker of a level by its ``sakerhet`` and sources, and what it means: slutledd (*),
    i andra hand (†), without a source (?), or bekräftad but by no source of ``slag: polisen``
    (‡); ("", "") for a level bekräftad by the police (docs/decisions/0072-police-legend.md)."""
    if k is None or k.niva == "okand":
        return "", ""
    return _betydelse(k.sakerhet, k.kallor, slag)


def _betydelse(sakerhet: str | None, kallor: Iterable[str], slag: Slag) -> tuple[str, str]:
    # the class the counts carry too (compute.police.klass): one rule for a level and a count
    k = klass(sakerhet, kallor, slag)
    if k == EJ_POLISEN:
        return EJ_POLISEN_MARKERING
    return SAKERHET_MARKERING.get(k, ("", ""))


def _antal_markering(count: Point) -> str:
    """The marker of a count: the class it carries (``Point.sakerhet``, the weakest of what it
    rests on, as compute.police decided it once: docs/decisions/0500), as the symbol of a level
    of that class; "" for one the police's own publication confirms or without a class."""
    if count.sakerhet == EJ_POLISEN:
        return EJ_POLISEN_MARKERING[0]
    return SAKERHET_MARKERING.get(count.sakerhet or "", ("", ""))[0]


def _niva_cell(k: Klassning | None, slag: Slag) -> NivaCell:
    if k is None:
        return NivaCell("–", "saknas")
    text = NIVA[k.niva]
    if k.benamning:  # the source's own word for the level, e.g. "extra utsatt"
        text += f" (”{k.benamning}”)"
    return NivaCell(text, k.niva, *niva_markering(k, slag), benamning=k.benamning or "")


def _antalens_forklaring(raknade: Sequence[str], angivna: Sequence[str]) -> tuple[str, ...]:
    """How the counts' markers follow, from the markers of the counts the areas give
    (``raknade``) and of those a source states (``angivna``): the weakest level's (0666), the
    source's (0675), or both where the table has both kinds marked; () where none is marked."""
    if not any(angivna):
        return (ANTALETS_MARKERING,) if any(raknade) else ()
    if not any(raknade):
        return (ANGIVNA_ANTALEN_MARKERING,)
    return (ANTALETS_MARKERING, ANGIVNA_ANTALETS_MARKERING)


def _forklaring(markers: Iterable[str]) -> tuple[str, ...]:
    """The legend lines for the markers used, in a fixed order, and what no marker means where
    some level is unmarked ("" in ``markers``: pass only the cells whose level is known)."""
    used = set(markers)
    lines = tuple(f"{m} {text}" for m, text in _MARKERINGAR if m in used)
    return (*lines, UTAN_MARKERING) if lines and "" in used else lines


def _niva(klass: Mapping[tuple[str, int], Klassning], omrade: str, upplaga: int) -> str | None:
    k = klass.get((omrade, upplaga))
    return k.niva if k is not None else None


def _pa_listan(k: Klassning | None) -> bool:
    return k is not None and k.niva in NIVA_RUBRIK


#: the level table's cell of a level whose areas the sources do not name
VILKA_OKANT: Final = "vilka framgår inte av källorna"

#: the change as the level table names it (compute.police.change_between)
_FORANDRING_TEXT = {
    "ny": "ny på listan",
    "lamnat": "har lämnat listan",
    "lagre": "lägre nivå",
    "hogre": "högre nivå",
    "oforandrad": "oförändrad",
    "ej-pa-listan": "oförändrad",
}
#: the change where the levels leave it open
OPPEN_FORANDRING = ("okänd", "på listan, nivå okänd")


def _forandring(fore: Klassning | None, efter: Klassning | None) -> str:
    if fore is None or efter is None:
        return "okänd"
    change = change_between(fore.niva, efter.niva)
    if change is not None:
        return _FORANDRING_TEXT[change]
    on_list = all(_pa_listan(k) for k in (fore, efter))
    # on the list in both at levels the sources leave open: only that is known
    return "på listan, nivå okänd" if on_list else "okänd"


def _forandring_markering(
    fore: Klassning | None, efter: Klassning | None, change: str, slag: Slag
) -> str:
    """The marker of a change: the weakest class of the two levels it rests on, as a level of
    that class is marked (a value carries the mark of the least sure thing it rests on:
    docs/decisions/0500, 0555); "" where the change is unknown or both levels are the police's
    own. ``change`` "" is the table's "–", on neither list: it rests on both levels too (0572).
    A change known only from what a level the sources do not give cannot be is slutledd
    (:func:`~utsatta.compute.police.change_inferred`, docs/decisions/0676)."""
    if fore is None or efter is None or change == "okänd":
        return ""
    classes = [klass(k.sakerhet, k.kallor, slag) for k in (fore, efter)]
    if change_inferred(fore.niva, efter.niva):
        classes.append("slutledd")  # drawn from what a level not given cannot be (0676)
    weakest = min(classes, key=SAKERHET_ORDNING.index)
    if weakest == EJ_POLISEN:
        return EJ_POLISEN_MARKERING[0]
    return SAKERHET_MARKERING.get(weakest, ("", ""))[0]


def _namngivna(via_open: Mapping[str, list[str]], change: str, counts: Mapping[str, int]) -> str:
    """ " (Biskopsgården: från … till …)", or " (varav …)" when only some of the areas with this
    change rest on a level the sources leave open; "" when none does."""
    named = via_open.get(change, [])
    if not named:
        return ""
    return f" ({'' if len(named) == counts.get(change, 0) else 'varav '}{'; '.join(named)})"


def _kan_vara_pa_listan(k: Klassning | None) -> bool:
    """Whether the level is, or may be, one of the list's (``okand`` may)."""
    return k is not None and bool(MOJLIGA_NIVAER.get(k.niva, frozenset({k.niva})) & set(ORDNING))


def _okant_antal(vad: str, kan_vara: Sequence[str]) -> str:
    """ "okänt antal nya områden (det går inte att avgöra för Hisings Backa)" where an area whose
    level is open may be one of them (entering or leaving the list: what the plan's goal and
    delmål count); "" where none may."""
    if not kan_vara:
        return ""
    return f"okänt antal {vad} (det går inte att avgöra för {_namn_lista(kan_vara)})"


def _oppen_niva(namn: str, fore: Klassning, efter: Klassning) -> str:
    """ "Biskopsgården: från särskilt utsatt område till riskområde eller utsatt område": a change
    that is known although a level in it is not; ", en slutledd förändring" where it is drawn
    from what that level cannot be (docs/decisions/0676)."""
    text = f"{namn}: från {niva_text(fore.niva)} till {niva_text(efter.niva)}"
    return text + (", en slutledd förändring" if change_inferred(fore.niva, efter.niva) else "")


def _osakra(klassningar: Iterable[Klassning | None], slag: Slag) -> tuple[int, ...]:
    """How many of the levels carry each marker of the legend (:data:`_MARKERINGAR` order)."""
    marks = [niva_markering(k, slag)[0] for k in klassningar if k is not None]
    return tuple(marks.count(m) for m, _ in _MARKERINGAR)


#: how the sentences name the levels of each marker (one, many), in :data:`_MARKERINGAR` order
_OSAKRA_ORD = (
    ("slutledd", "slutledda"),
    ("uppgift i andra hand", "uppgifter i andra hand"),
    ("utan källa", "utan källa"),
    ("bekräftad i en annan källa än polisen", "bekräftade i andra källor än polisen"),
)


def _osakra_text(osakra: Sequence[int], total: int | None = None) -> str:
    """ "4 slutledda, 1 uppgift i andra hand och 2 bekräftade i andra källor än polisen"; "alla
    8 är uppgifter i andra hand" when every one of ``total`` levels is of one kind."""
    parts = [antal(n, *ord_) for n, ord_ in zip(osakra, _OSAKRA_ORD, strict=True) if n]
    if total is not None and len(parts) == 1 and sum(osakra) == total:
        n = sum(osakra)
        kind = next(o for c, o in zip(osakra, _OSAKRA_ORD, strict=True) if c)
        if n > 1:
            return f"alla {n} är {kind[1]}"
        return f"den är {'en ' if kind[0].startswith('uppgift') else ''}{kind[0]}"
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " och " + parts[-1]


def _lista_sakerhet(upplaga: int, levels: Sequence[Klassning | None], slag: Slag) -> str | None:
    """What the summary says about how sure the levels of the latest list are, or None when the
    police confirm them all."""
    osakra = _osakra(levels, slag)
    n = sum(1 for k in levels if k is not None)
    if not any(osakra):
        return None
    if sum(osakra) == n:
        return (
            f"Ingen av nivåerna i listan {upplaga} är bekräftad av polisen själv: "
            f"{_osakra_text(osakra, n)}; se markeringarna i tabellen."
        )
    return (
        f"Av de {n} nivåerna i listan {upplaga} är {sum(osakra)} inte "
        f"{'bekräftad' if sum(osakra) == 1 else 'bekräftade'} av polisen själv: "
        f"{_osakra_text(osakra)}; se markeringarna i tabellen."
    )


def _okant(gap: Lucka) -> str:
    """The count where a level the sources leave open decides it: unknown, never 0."""
    return f"okänt (nivån okänd för {antal(len(gap.omraden), 'område', 'områden')})"


def _namn_lista(namn: Sequence[str]) -> str:
    return namn[0] if len(namn) == 1 else ", ".join(namn[:-1]) + " och " + namn[-1]


def _upplaga_text(omr: OmradenFil, ar: int, slag: Slag) -> str:
    """An edition in the legend: publisher and title, the kinds of the sources its levels rest
    on, and the names the sources use for the categories."""
    u = next(x for x in omr.upplagor if x.ar == ar)
    ks = [k for o in omr.omraden for k in o.klassning if k.upplaga == ar]
    used = {c for k in ks for c in k.kallor}
    kinds = sorted({slag.get(c) or "okänt slag" for c in used}, key=_slag_order)
    text = f"{u.ar}: {u.utgivare}, {u.titel}"
    text += (
        f" (nivåerna bygger på källor av slaget {', '.join(kinds)})"
        if kinds
        else " (ingen källa anger nivåerna)"
    )
    written = [*(c.benamning for c in u.kategorier), *(k.benamning for k in ks if k.benamning)]
    names = list(dict.fromkeys(written))
    if names:
        text += "; källornas benämningar: " + ", ".join(f"”{n}”" for n in names)
    return text


def _slag_order(kind: str) -> int:
    order = list(KALLSLAG)
    return order.index(kind) if kind in order else len(order)


def nadda_text(ej_nadda: Sequence[str], ar: int) -> tuple[str, str]:
    """What the reports of ``ar`` reached of an insats the plan means for every area, short
    (beside the assessments in section 3) and as a sentence (bilaga A): the areas on the list
    that no report reached, or that every one was. An assessment "Uppnått" is not changed, but
    never stands without it (granska18 G2, docs/decisions/0558-alla-omraden-vid-bedomningen.md)."""
    if ej_nadda:
        kort = f"ingen rapport nämner {och(list(ej_nadda))} {ar}"
        mening = f"ingen rapport {ar} nämner {och(list(ej_nadda))}"
    else:
        kort = f"alla områden nämns {ar}"
        mening = f"rapporterna {ar} nämner alla områden på polisens lista"
    return kort, f"Insatsen gäller enligt planen alla utsatta områden, och {mening}."


def _tackning(
    insatser: Sequence[InsatsCoverage],
    ar: int,
    columns: Sequence[str],
    on_list: Set[str],
    namn: Mapping[str, str],
) -> tuple[TackningRad, ...]:
    """The coverage matrix: per insats, how many reports reached each område in ``columns``."""
    rows: list[TackningRad] = []
    for ic in insatser:
        alla = ic.insats.omfattar_alla_omraden
        cells: list[NivaCell] = []
        gaps = 0
        ej_nadda: list[str] = []
        for o in columns:
            n = ic.reached.get(o, 0)
            if n:
                cells.append(NivaCell(str(n), "nadd"))
            elif alla and ic.due and o in on_list:
                cells.append(NivaCell("saknas", "lucka"))
                gaps += 1
                ej_nadda.append(namn.get(o, o))
            else:
                cells.append(NivaCell("–", "ej-nadd"))
        notes = ["alla områden"] if alla else []
        if not ic.due:  # a återrapportering is required, only not yet due (0557)
            notes.append(
                inte_i_ar(True, ar)[0] if ic.inte_forfallen else f"ingen rapport krävs {ar}"
            )
        nadda, nadda_mening = nadda_text(ej_nadda, ar) if alla and ic.due and on_list else ("", "")
        rows.append(
            TackningRad(
                insats=ic.insats.id,
                ankare=ankare_insats(ic.insats.id),
                titel=ic.insats.titel,
                omfattar_alla=alla,
                anmarkning=f"({'; '.join(notes)})" if notes else "",
                rapporteras_i_ar=ic.due,
                celler=tuple(cells),
                luckor=gaps,
                nadda=nadda,
                nadda_text=nadda_mening,
            )
        )
    return tuple(rows)


def omraden_vy(
    omr: OmradenFil | None, ar: int, plan_start: int, insatser: Sequence[InsatsCoverage]
) -> tuple[OmradenVy, ListaSammanfattning]:
    """The områden section, and what the summary says about the police list."""
    if omr is None:
        empty = OmradenVy((), (), (), (), None, None, (), (), (), ())
        return empty, ListaSammanfattning((), None, None, (), None, 0, "0")
    slag: Slag = {k.id: k.slag for k in omr.kallor}
    # an edition an area has no klassning for is an unknown level, as in the counts
    klass: Mapping[tuple[str, int], Klassning] = {
        (o.id, u.ar): klassning_i(o, u.ar) for o in omr.omraden for u in omr.upplagor
    }
    # Only the editions published up to the year: the report for a year never changes when a
    # later list is added to the data.
    upplagor = sorted({u.ar for u in omr.upplagor if u.ar <= ar})
    by_year = {u.ar: u for u in omr.upplagor}
    senaste = max(upplagor, default=None)
    fore = baslinje_upplaga(upplagor, plan_start)

    lista: list[NivaRad] = []
    upplaga_text = None
    antal_pa_listan: int | None = 0
    antal_text = "0"
    on_list: list[str] = []
    lista_sakerhet = None
    lista_markers: list[str] = []
    #: the markers of the counts (a class of their levels, docs/decisions/0500)
    antal_markers: list[str] = []
    #: the markers of the counts a source states: their source's class, not the levels' (0675)
    angivna_markers: list[str] = []
    #: the markers of the counts the areas give (0666)
    raknade_markers: list[str] = []
    fordelning: list[str] = []
    if senaste is not None:
        u = by_year[senaste]
        via = kand_genom_kort(omr, u)
        upplaga_text = upplaga_namn(u) + (f", {via}" if via else "")
        for niva, rubrik in NIVA_RUBRIK.items():
            areas = [o for o in omr.omraden if _niva(klass, o.id, senaste) == niva]
            if niva == "pa-listan-niva-okand" and not areas:
                continue  # the row only where the sources leave a level open
            # the count as the police module computes it: a gap where an unknown level could
            # be this one (docs/decisions/0042-police-levels-unknown.md), never 0
            count = count_in(omr, senaste, [n for n in NIVAER_PA_LISTAN if n == niva])
            n: int | None = len(areas)
            text = str(len(areas))
            if isinstance(count, Lucka):
                n, text = None, _okant(count)
            elif uses_stated_count(omr, senaste, [niva]):
                # the count a source states (upplagor: antal), marked by the class it carries,
                # its source's (0675); in the distribution only where the areas give it too
                n, mark = int(count.varde), _antal_markering(count)
                text = f"{n}{mark}"
                antal_markers.append(mark)
                angivna_markers.append(mark)
                if areas and not areas_leave_open(omr, senaste, [niva]):
                    fordelning.append(antal(len(areas), *NIVA_ANTAL[niva]))
            else:
                # the count carries its class, the weakest of the levels it rests on, as it
                # does everywhere else (docs/decisions/0500)
                mark = _antal_markering(count)
                text = f"{len(areas)}{mark}"
                antal_markers.append(mark)
                raknade_markers.append(mark)
                if areas:
                    fordelning.append(antal(len(areas), *NIVA_ANTAL[niva]))
            poster = tuple(
                (o.namn, niva_markering(klass.get((o.id, senaste)), slag)[0]) for o in areas
            )
            if n is not None and n > len(areas):  # a stated count: the rest are not named
                poster += (
                    (f"{n - len(areas)} till, vilka framgår inte" if areas else VILKA_OKANT, ""),
                )
            lista_markers += [m for _, m in poster]
            lista.append(NivaRad(rubrik, n, niva, ", ".join(o.namn for o in areas), poster, text))
        on_list = [o.id for o in omr.omraden if _pa_listan(klass.get((o.id, senaste)))]
        total = count_in(omr, senaste, NIVAER_PA_LISTAN)
        if isinstance(total, Lucka):
            antal_pa_listan, antal_text = None, _okant(total)
        elif uses_stated_count(omr, senaste, NIVAER_PA_LISTAN):
            mark = _antal_markering(total)
            antal_pa_listan, antal_text = int(total.varde), f"{int(total.varde)}{mark}"
            antal_markers.append(mark)
            angivna_markers.append(mark)
        else:
            mark = _antal_markering(total)
            antal_pa_listan, antal_text = len(on_list), f"{len(on_list)}{mark}"
            antal_markers.append(mark)
            raknade_markers.append(mark)
        lista_sakerhet = _lista_sakerhet(senaste, [klass.get((o, senaste)) for o in on_list], slag)

    forandringar: list[ForandringRad] = []
    change_of: dict[str, str] = {}
    #: whether a change is drawn from what a level not given cannot be (0676)
    slutledda = False
    #: each change's marker, the weakest of its two levels (docs/decisions/0555)
    mark_of: dict[str, str] = {}
    forandring_text = None
    if senaste is not None and fore is not None and senaste != fore:
        counts: dict[str, int] = {}
        compared: list[Klassning | None] = []
        open_: list[str] = []
        # known changes where a level is not: named, so the reader sees what the change rests on
        via_open: dict[str, list[str]] = {}
        # per change, the open areas that may have made it: its count is then unknown, as the
        # police module's (a gap, never 0); compared only where no open area may have made it
        kan_vara: dict[str, list[str]] = {}
        for o in omr.omraden:
            a, b = klass.get((o.id, fore)), klass.get((o.id, senaste))
            if not (_kan_vara_pa_listan(a) or _kan_vara_pa_listan(b)):
                # nothing compared, but "–" (on neither list) rests on the two levels as a
                # change does, so it has their weaker mark (granska18c F10, decision 0572)
                mark_of[o.id] = _forandring_markering(a, b, "", slag)
                continue
            compared += [a, b]
            change = _forandring(a, b)
            change_of[o.id] = change
            mark_of[o.id] = _forandring_markering(a, b, change, slag)
            slutledda |= a is not None and b is not None and change_inferred(a.niva, b.niva)
            counts[change] = counts.get(change, 0) + 1
            if change in OPPEN_FORANDRING:
                open_.append(o.namn)
                if a is not None and b is not None:
                    for m in mojliga_andringar(a.niva, b.niva):
                        kan_vara.setdefault(_FORANDRING_TEXT[m], []).append(o.namn)
            elif a is not None and b is not None and {a.niva, b.niva} & set(MOJLIGA_NIVAER):
                via_open.setdefault(change, []).append(_oppen_niva(o.namn, a, b))
            forandringar.append(
                ForandringRad(
                    o.namn, _niva_cell(a, slag), _niva_cell(b, slag), change, mark_of[o.id]
                )
            )
        known = len(forandringar) - len(open_)
        parts = [
            _okant_antal("nya områden", kan_vara.get("ny på listan", []))
            or antal(counts.get("ny på listan", 0), "nytt område", "nya områden")
            + _namngivna(via_open, "ny på listan", counts),
            _okant_antal("områden har lämnat listan", kan_vara.get("har lämnat listan", []))
            or antal(counts.get("har lämnat listan", 0), "område har", "områden har")
            + " lämnat listan"
            + _namngivna(via_open, "har lämnat listan", counts),
            antal(counts.get("lägre nivå", 0), "område", "områden")
            + " med lägre nivå"
            + _namngivna(via_open, "lägre nivå", counts),
            antal(counts.get("högre nivå", 0), "område", "områden")
            + " med högre nivå"
            + _namngivna(via_open, "högre nivå", counts),
        ]
        forandring_text = (f"Jämfört med listan {fore} ({TOLKNING_TEXT}): ") + ", ".join(parts)
        if open_:
            forandring_text += (
                f" bland de {known} områden vars förändring går att avgöra. För "
                f"{antal(len(open_), 'område', 'områden')} går förändringen inte att avgöra, "
                f"eftersom källorna inte anger nivån: {_namn_lista(open_)}."
            )
        else:
            forandring_text += "."
        osakra = _osakra(compared, slag)
        if any(osakra):
            forandring_text += (
                " Jämförelsen bygger delvis på nivåer som inte är bekräftade av polisen själv: "
                f"{_osakra_text(osakra)}; se markeringarna i avsnitt 5."
            )

    # The level table carries the change since the plan began as its last column
    rader = tuple(
        OmradeRad(
            o.namn,
            tuple(_niva_cell(klass.get((o.id, u)), slag) for u in upplagor),
            change_of.get(o.id, ""),
            mark_of.get(o.id, ""),
        )
        for o in omr.omraden
        if any((o.id, u) in klass for u in upplagor)
    )
    # Coverage: the areas on the latest list, then any other area a report reached.
    listed = set(on_list)
    reached_any = {o for ic in insatser for o in ic.reached}
    columns = [o for o in omr.omraden if o.id in listed or o.id in reached_any]
    vy = OmradenVy(
        upplagor=tuple(upplagor),
        upplagor_text=tuple(_upplaga_text(omr, u, slag) for u in upplagor),
        rader=rader,
        rader_forklaring=_forklaring(
            c.markering for r in rader for c in r.celler if c.nyckel not in _UTAN_NIVA
        ),
        fore_upplaga=fore,
        senaste_upplaga=senaste,
        forandringar=tuple(forandringar),
        forandringar_forklaring=_forklaring(
            c.markering
            for f in forandringar
            for c in (f.fore, f.efter)
            if c.nyckel not in _UTAN_NIVA
        ),
        tackning_omraden=tuple(
            o.namn
            if o.id in listed
            # an unknown level is not "off the list"
            else f"{o.namn} (nivå okänd)"
            if senaste is not None and klass[(o.id, senaste)].niva == "okand"
            else f"{o.namn} (ej på listan)"
            for o in columns
        ),
        tackning=_tackning(
            insatser, ar, [o.id for o in columns], listed, {o.id: o.namn for o in omr.omraden}
        ),
        forandring_markering_text=(FORANDRINGENS_MARKERING if any(mark_of.values()) else "")
        + (f" {SLUTLEDD_FORANDRING}" if slutledda else ""),
    )
    return vy, ListaSammanfattning(
        tuple(lista),
        upplaga_text,
        lista_sakerhet,
        _forklaring([*lista_markers, *antal_markers])
        + _antalens_forklaring(raknade_markers, angivna_markers),
        forandring_text,
        antal_pa_listan,
        antal_text,
        ", ".join(fordelning) if len(fordelning) > 1 else "",
    )
