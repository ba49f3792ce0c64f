"""Section 3 of the report, the områden: their levels per edition of the police list, the
changes since the list the plan started from, and which insatser reached them; and what the
summary says about the list.

Years, unconfirmed levels and coverage: docs/decisions/0011-report-years.md,
0015-unconfirmed-police-levels.md and 0013-coverage-of-areas.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from utsatta.compute.coverage import InsatsCoverage
from utsatta.model.omraden import Klassning, OmradenFil
from utsatta.render.findings import antal
from utsatta.render.labels import (
    EJ_POLISEN_MARKERING,
    KALLSLAG,
    NIVA,
    NIVA_ANTAL,
    NIVA_RANG,
    NIVA_RUBRIK,
    SAKERHET_MARKERING,
)
from utsatta.render.report.view import (
    ForandringRad,
    NivaCell,
    OmradenVy,
    OmradeRad,
    Rad,
    TackningRad,
    ankare_insats,
)


@dataclass(frozen=True)
class ListaSammanfattning:
    """What the summary says about the police list."""

    rader: tuple[Rad, ...]
    upplaga: str | None
    sakerhet: str | None
    forklaring: tuple[str, ...]
    forandring: str | None
    antal: int
    #: "4 särskilt utsatta, 4 på en nivå som källorna inte anger", or ""
    fordelning: str = ""


#: kalla id -> its kind (Kalla.slag), set per omraden.yaml in :func:`omraden_vy`
Slag = Mapping[str, str | None]

#: every marker, in the legend's order
_MARKERINGAR = (*SAKERHET_MARKERING.values(), EJ_POLISEN_MARKERING)


def _markering(k: Klassning | None, slag: Slag) -> tuple[str, str]:
    """The marker for a level not read in the police's own list, and what it means: inferred
    (*), from a secondary source (†), or confirmed by sources none of which is the police (‡);
    ("", "") for a level from the police (docs/decisions/0072-police-legend.md)."""
    if k is None or k.niva == "okand":
        return "", ""
    if k.sakerhet in SAKERHET_MARKERING:
        return SAKERHET_MARKERING[k.sakerhet]
    if not any(slag.get(c) == "polisen" for c in k.kallor):
        return EJ_POLISEN_MARKERING
    return "", ""


def _niva_cell(k: Klassning | None, slag: Slag) -> NivaCell:
    if k is None:
        return NivaCell("–", "saknas")
    text = NIVA[k.niva]
    if k.benamning:  # the source's own word for the level, e.g. "extra utsatt"
        text += f" (”{k.benamning}”)"
    return NivaCell(text, k.niva, *_markering(k, slag))


def _forklaring(markers: Iterable[str]) -> tuple[str, ...]:
    """The legend lines for the markers used, in a fixed order."""
    used = set(markers)
    return tuple(f"{m} {text}" for m, text in _MARKERINGAR if m in used)


def _niva(klass: Mapping[tuple[str, int], Klassning], omrade: str, upplaga: int) -> str | None:
    k = klass.get((omrade, upplaga))
    return k.niva if k is not None else None


def _pa_listan(k: Klassning | None) -> bool:
    return k is not None and k.niva in NIVA_RUBRIK


def _forandring(fore: Klassning | None, efter: Klassning | None) -> str:
    if fore is None or efter is None or "okand" in (fore.niva, efter.niva):
        return "okänd"
    if "pa-listan-niva-okand" in (fore.niva, efter.niva):
        # on the list at a level the sources do not give: only entering or leaving is known
        if fore.niva == "ej-pa-listan":
            return "ny på listan"
        if efter.niva == "ej-pa-listan":
            return "har lämnat listan"
        return "på listan, nivå okänd"
    a, b = NIVA_RANG[fore.niva], NIVA_RANG[efter.niva]
    if a == 0 and b > 0:
        return "ny på listan"
    if a > 0 and b == 0:
        return "har lämnat listan"
    if b < a:
        return "lägre nivå"
    if b > a:
        return "högre nivå"
    return "oförändrad"


def _osakra(klassningar: Iterable[Klassning | None], slag: Slag) -> tuple[int, int, int]:
    """How many of the levels are slutledda, how many from secondary sources, and how many
    from confirmed sources none of which is the police."""
    marks = [_markering(k, slag)[0] for k in klassningar if k is not None]
    return (
        marks.count(SAKERHET_MARKERING["slutledd"][0]),
        marks.count(SAKERHET_MARKERING["sekundar"][0]),
        marks.count(EJ_POLISEN_MARKERING[0]),
    )


def _osakra_text(slutledda: int, sekundara: int, ej_polisen: int = 0) -> str:
    """ "4 slutledda, 1 från en sekundär källa och 2 ur andra källor än polisen"."""
    parts = []
    if slutledda:
        parts.append(f"{slutledda} {'slutledd' if slutledda == 1 else 'slutledda'}")
    if sekundara:
        kallor = "en sekundär källa" if sekundara == 1 else "sekundära källor"
        parts.append(f"{sekundara} från {kallor}")
    if ej_polisen:
        parts.append(f"{ej_polisen} ur andra källor än polisen")
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " och " + parts[-1]


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


def _tackning(
    insatser: Sequence[InsatsCoverage], ar: int, columns: Sequence[str], on_list: Set[str]
) -> tuple[TackningRad, ...]:
    """The coverage matrix: per insats, how many reports reached each område in ``columns``."""
    rows: list[TackningRad] = []
    for ic in insatser:
        alla = ic.insats.omfattar_alla_omraden
        cells: list[NivaCell] = []
        gaps = 0
        for o in columns:
            n = ic.reached.get(o, 0)
            if n:
                cells.append(NivaCell(str(n), "nadd"))
            elif alla and ic.due and o in on_list:
                cells.append(NivaCell("saknas", "lucka"))
                gaps += 1
            else:
                cells.append(NivaCell("–", "ej-nadd"))
        notes = ["alla områden"] if alla else []
        if not ic.due:
            notes.append(f"ingen rapport krävs {ar}")
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
            )
        )
    return tuple(rows)


def omraden_vy(
    omr: OmradenFil | None, ar: int, plan_start: int, insatser: Sequence[InsatsCoverage]
) -> tuple[OmradenVy, ListaSammanfattning]:
    """The områden section, and what the summary says about the police list."""
    if omr is None:
        empty = OmradenVy((), (), (), (), None, None, (), (), (), ())
        return empty, ListaSammanfattning((), None, None, (), None, 0)
    slag: Slag = {k.id: k.slag for k in omr.kallor}
    klass: Mapping[tuple[str, int], Klassning] = {
        (o.id, k.upplaga): k for o in omr.omraden for k in o.klassning
    }
    # Only the editions published up to the year: the report for a year never changes when a
    # later list is added to the data.
    upplagor = sorted({u.ar for u in omr.upplagor if u.ar <= ar})
    by_year = {u.ar: u for u in omr.upplagor}
    senaste = max(upplagor, default=None)
    fore = max((u for u in upplagor if u < plan_start), default=None)

    lista: list[Rad] = []
    upplaga_text = None
    antal_pa_listan = 0
    on_list: list[str] = []
    lista_sakerhet = None
    lista_markers: list[str] = []
    fordelning: list[str] = []
    if senaste is not None:
        u = by_year[senaste]
        upplaga_text = f"{u.utgivare}: {u.titel} ({senaste})"
        for niva, rubrik in NIVA_RUBRIK.items():
            areas = [o for o in omr.omraden if _niva(klass, o.id, senaste) == niva]
            if niva == "pa-listan-niva-okand" and not areas:
                continue  # the row only where the sources leave a level open
            if areas:
                fordelning.append(antal(len(areas), *NIVA_ANTAL[niva]))
            poster = tuple((o.namn, _markering(klass.get((o.id, senaste)), slag)[0]) for o in areas)
            lista_markers += [m for _, m in poster]
            antal_pa_listan += len(areas)
            lista.append(Rad(rubrik, len(areas), niva, ", ".join(o.namn for o in areas), poster))
        on_list = [o.id for o in omr.omraden if _pa_listan(klass.get((o.id, senaste)))]
        osakra = _osakra((klass.get((o, senaste)) for o in on_list), slag)
        if any(osakra):
            lista_sakerhet = (
                f"Nivåerna i listan {senaste} är inte alla bekräftade av polisen: av de "
                f"{antal_pa_listan} nivåerna är {_osakra_text(*osakra)}; se "
                "markeringarna i tabellen."
            )

    forandringar: list[ForandringRad] = []
    change_of: dict[str, str] = {}
    forandring_text = None
    if senaste is not None and fore is not None and senaste != fore:
        counts: dict[str, int] = {}
        compared: list[Klassning | None] = []
        for o in omr.omraden:
            a, b = klass.get((o.id, fore)), klass.get((o.id, senaste))
            if not (_pa_listan(a) or _pa_listan(b)):
                continue
            compared += [a, b]
            change = _forandring(a, b)
            change_of[o.id] = change
            counts[change] = counts.get(change, 0) + 1
            forandringar.append(
                ForandringRad(o.namn, _niva_cell(a, slag), _niva_cell(b, slag), change)
            )
        parts = [
            antal(counts.get("ny på listan", 0), "nytt område", "nya områden"),
            antal(counts.get("har lämnat listan", 0), "område har", "områden har")
            + " lämnat listan",
            antal(counts.get("lägre nivå", 0), "område", "områden") + " med lägre nivå",
            antal(counts.get("högre nivå", 0), "område", "områden") + " med högre nivå",
        ]
        forandring_text = (
            f"Jämfört med listan {fore}, den senaste före planperioden: " + ", ".join(parts) + "."
        )
        osakra = _osakra(compared, slag)
        if any(osakra):
            forandring_text += (
                " Jämförelsen bygger delvis på nivåer som inte är bekräftade av polisen: "
                f"{_osakra_text(*osakra)}; se markeringarna i avsnitt 5."
            )

    # The level table carries the change since the plan began as its last column
    rader = tuple(
        OmradeRad(
            o.namn,
            tuple(_niva_cell(klass.get((o.id, u)), slag) for u in upplagor),
            change_of.get(o.id, ""),
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
        rader_forklaring=_forklaring(c.markering for r in rader for c in r.celler),
        fore_upplaga=fore,
        senaste_upplaga=senaste,
        forandringar=tuple(forandringar),
        forandringar_forklaring=_forklaring(
            c.markering for f in forandringar for c in (f.fore, f.efter)
        ),
        tackning_omraden=tuple(
            o.namn if o.id in listed else f"{o.namn} (ej på listan)" for o in columns
        ),
        tackning=_tackning(insatser, ar, [o.id for o in columns], listed),
    )
    return vy, ListaSammanfattning(
        tuple(lista),
        upplaga_text,
        lista_sakerhet,
        _forklaring(lista_markers),
        forandring_text,
        antal_pa_listan,
        ", ".join(fordelning) if len(fordelning) > 1 else "",
    )
