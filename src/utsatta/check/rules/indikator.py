"""Rules for indikatorer/<id>.yaml: the file name, known ids and sources, one value per year,
percentages within 0–100, no negative count or rate, and at most one indicator per mål or
delmål (:func:`goals`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from utsatta.check.rules.base import Known, Ref, reserved_name
from utsatta.compute.indicators import matrutnat
from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, Path_, fel, varning
from utsatta.load.dataset import SourceFile
from utsatta.load.placement import already_there, is_id
from utsatta.model import id_fields
from utsatta.model.id_fields import id_lists
from utsatta.model.indikator import PLANENS_MAL
from utsatta.numbers import tal

FOKUS = Ref("okant-fokusomrade", "Fokusområdet", "planens fokusomraden")
INSATS = Ref("okand-insats", "Insatsen", "plan.yaml")
SOURCE = Ref("okand-kalla", "Källan", "filens kallor")
OMRADE = Ref("okant-omrade", "Området", "omraden.yaml")
EDITION = Ref("okand-upplaga", "Upplagan", "omraden.yaml")
MAL = Ref("okant-mal", "Målet eller delmålet", f"planen ('{PLANENS_MAL}' är planens mål)")


def check(src: SourceFile[Any], known: Known, *, have_omraden: bool) -> list[Finding]:
    ind, f = src.model, src.display
    if ind is None:
        return []
    out: list[Finding] = []
    reserved = reserved_name(f, ("id",), ind.id, "indikatorer", "indikator")
    if reserved is not None:
        out.append(reserved)
    stem = src.stem
    if ind.id != stem:
        from utsatta.load.lookalike import note as lookalike_note  # only for a misnamed file

        name = f"{shorten(ind.id)}.yaml"
        # the id is a plain name (the model's pattern): a file of that name may exist already
        there = None if "/" in ind.id else already_there(src.path, src.path.with_name(name), name)
        out.append(
            fel(
                f,
                ("id",),
                "filnamn-matchar-inte",
                f"Indikatorns id är '{shorten(ind.id)}' men filen heter "
                f"{identifier(src.path.name)}."
                f"{lookalike_note(src.path.name, where='I filens namn')} "
                + (
                    f"Ändra id till '{identifier(stem)}' om id är fel; annars ska filen heta "
                    f"{identifier(name)}, men " + there
                    if there and is_id(stem)
                    else f"Filen ska heta {identifier(name)}, men " + there
                    if there
                    else f"Byt namn på filen till {identifier(name)} eller ändra id till "
                    f"'{identifier(stem)}'."
                    if is_id(stem)  # never advice to write an id that the id rule refuses
                    else f"Byt namn på filen till {identifier(name)}."
                ),
            )
        )
    if ind.fokusomrade is not None and known.fokus_ids:
        out += FOKUS.check(f, [(("fokusomrade",), ind.fokusomrade)], known.fokus_ids)
    if ind.mal is not None and known.mal_ids:
        out += MAL.check(f, [(("mal",), ind.mal)], known.mal_ids)
    for path, ids, holds in id_lists("indikator", ind):
        places = [((*path, j), i) for j, i in enumerate(ids)]
        if holds is id_fields.MAL and known.mal_ids:
            out += MAL.check(f, places, known.mal_ids)
        elif holds is id_fields.INSATS and known.insats_ids:
            out += INSATS.check(f, places, known.insats_ids, known.insats_set)
    refs: list[tuple[Path_, str | None]] = []
    if ind.baslinje is not None:
        refs.append((("baslinje", "kalla"), ind.baslinje.kalla))
    refs += [(("malvarden", i, "kalla"), m.kalla) for i, m in enumerate(ind.malvarden)]
    refs += [(("utfall", i, "kalla"), u.kalla) for i, u in enumerate(ind.utfall)]
    kallor = [k.id for k in ind.kallor]
    out += SOURCE.check(f, [(p, r) for p, r in refs if r is not None], kallor)
    out += _sources_before(f, ind)
    if known.omrade_ids:
        places = [
            (("utfall", i, "omrade"), u.omrade)
            for i, u in enumerate(ind.utfall)
            if u.omrade is not None
        ]
        out += OMRADE.check(f, places, known.omrade_ids, known.omrade_set, known.omrade_names)
    target_years: set[int] = set()
    for i, m in enumerate(ind.malvarden):
        if known.planperiod and not known.planperiod[0] <= m.ar <= known.planperiod[1]:
            fran, till = known.planperiod
            out.append(
                varning(
                    f,
                    ("malvarden", i, "ar"),
                    "malvarde-utanfor-planen",
                    f"Målvärdet för {m.ar} ligger utanför planens giltighetstid {fran}–{till}, "
                    "så rapporten bedömer inte indikatorn mot det. Gäller det en tidigare plan "
                    f"kan det stå kvar som historik; ange ett målvärde för ett år {fran}–{till} "
                    "om planen har ett, eller rätta året om det är fel skrivet.",
                )
            )
        if m.ar in target_years:
            out.append(
                fel(
                    f,
                    ("malvarden", i, "ar"),
                    "dubblett-malar",
                    f"Det finns redan ett målvärde för {m.ar}. Ett år får bara ha ett målvärde; "
                    "ta bort det ena.",
                )
            )
        target_years.add(m.ar)
    seen: set[tuple[int, str | None, str | None]] = set()
    for i, u in enumerate(ind.utfall):
        key = (u.ar, u.omrade, u.kon or "T")  # no kön means totalt, the same as T
        if key in seen:
            out.append(
                fel(
                    f,
                    ("utfall", i, "ar"),
                    "dubblett-utfall",
                    f"Det finns redan ett utfall för {u.ar}"
                    + (f" i {shorten(u.omrade)}" if u.omrade else "")
                    + (f" (kön {u.kon})" if u.kon else "")
                    + ". Varje år får bara ha ett värde per område och kön; ta bort det ena.",
                )
            )
        seen.add(key)
    if ind.enhet == "procent":
        out += _percentages(f, ind)
    elif ind.enhet in NOT_NEGATIVE:
        out += _negatives(f, ind)
    if ind.matintervall is not None:
        out += _interval(f, ind)
    if not ind.utfall and ind.berakning is None and ind.saknas is None:
        out.append(
            varning(
                f,
                ("utfall",),
                "utfall-saknas",
                "Indikatorn har inga utfall och ingen beräkning. Lägg till utfall med källa, "
                "eller ange 'saknas: {orsak: …}' med skälet.",
            )
        )
    b = ind.berakning
    if b is not None and b.jamfor_med is not None and have_omraden:
        words = [str(e) for e in known.editions]
        out += EDITION.check(
            f, [(("berakning", "jamfor_med"), b.jamfor_med)], words, set(known.editions)
        )
    if b is not None and b.jamfor_med is not None and ind.baslinje is not None:
        out += _jamfor_med(f, ind.baslinje.ar, b.jamfor_med)
    return out


def _jamfor_med(f: str, baslinje_ar: int, jamfor_med: int) -> list[Finding]:
    """A written baslinje of another year than the edition that new areas are counted
    against: compute.indicators measures the progress from the written baslinje, so the values
    (new since ``jamfor_med``) and their starting point have different reference years; the
    report says "jämförs med" beside it (docs/decisions/0631-jamfor-med-inte-baslinjen.md)."""
    if baslinje_ar == jamfor_med:
        return []
    return [
        varning(
            f,
            ("baslinje", "ar"),
            "jamfor-med-inte-baslinjen",
            f"Baslinjen gäller {baslinje_ar}, men värdena räknar nya områden jämfört med "
            f"upplagan {jamfor_med} (berakning.jamfor_med). Framsteget mäts då från ett år som "
            "värdena inte jämförs med. Ta bort 'baslinje' (baslinjen blir upplagan "
            f"{jamfor_med} med 0 nya områden), eller skriv jamfor_med: {baslinje_ar}.",
        )
    ]


#: The units whose values cannot be below zero (besides procent, 0–100), as a message names
#: what they count: a count, a rate and a merit value are 0 or more (decision 0678). 'index'
#: and a unit in plain words (kronor …) may be negative: not checked.
NOT_NEGATIVE = {
    "antal": "ett antal",
    "per-100000-invanare": "ett antal per 100 000 invånare",
    "meritvarde": "ett meritvärde",
}


def _values(ind: Any) -> list[tuple[Path_, float]]:
    """Every value of the indicator as written: utfall, baslinje and målvärden (not a
    relative målvärde, a change that may well be negative)."""
    values: list[tuple[Path_, float]] = [
        (("utfall", i, "varde"), u.varde) for i, u in enumerate(ind.utfall)
    ]
    if ind.baslinje is not None:
        values.append((("baslinje", "varde"), ind.baslinje.varde))
    values += [
        (("malvarden", i, "varde"), m.varde)
        for i, m in enumerate(ind.malvarden)
        if m.varde is not None
    ]
    return values


def _percentages(f: str, ind: Any) -> list[Finding]:
    return [
        fel(
            f,
            path,
            "procent-utanfor-intervall",
            f"Värdet {tal(v, 6, trim=True, hard=False)} är en procentsats utanför 0–100. "
            "Kontrollera värdet (skriv t.ex. 15.7 för 15,7 %, inte 0.157).",
        )
        for path, v in _values(ind)
        if not 0 <= v <= 100
    ]


def _negatives(f: str, ind: Any) -> list[Finding]:
    """A value below zero of a unit that counts (:data:`NOT_NEGATIVE`): the report would
    print it (“−5 per 100 000 inv.”) as a figure the city signs."""
    what = NOT_NEGATIVE[ind.enhet]
    return [
        fel(
            f,
            path,
            "negativt-varde",
            f"Värdet {tal(v, 6, trim=True, hard=False)} är mindre än noll, men enheten är "
            f"'{ind.enhet}', och {what} är aldrig negativt. Kontrollera värdet i källan och "
            "skriv det som källan anger (utan minustecken om det kom med av misstag).",
        )
        for path, v in _values(ind)
        if v < 0
    ]


def _sources_before(f: str, ind: Any) -> list[Finding]:
    """A measured value (an utfall, the baslinje) that cites a source dated in a year before
    the value's: no source measures a year that has not begun, so the date, the year or the
    citation is wrong (decision 0678). Not a målvärde: a plan from 2021 sets a target for
    2025. A date after the data is not checked: what is in the future depends on the day the
    check runs, and the output would not be the same for the same data."""
    cited: list[tuple[Path_, str, int, str]] = [
        (("utfall", i, "kalla"), f"Utfallet för {u.ar}", u.ar, u.kalla)
        for i, u in enumerate(ind.utfall)
    ]
    b = ind.baslinje
    if b is not None and b.kalla is not None:
        cited.insert(0, (("baslinje", "kalla"), f"Baslinjen för {b.ar}", b.ar, b.kalla))
    dated = {k.id: k.datum for k in ind.kallor if k.datum is not None}
    return [
        varning(
            f,
            path,
            "kalla-fore-aret",
            f"{what} hänvisar till källan '{shorten(kalla)}', som har datumet {dated[kalla]}, "
            f"före {ar}: en källa kan inte ha mätt ett år som inte hade börjat. Kontrollera "
            "källans datum under 'kallor', värdets år och vilken källa värdet hänvisar till.",
        )
        for path, what, ar, kalla in cited
        if kalla in dated and int(dated[kalla][:4]) < ar
    ]


def _interval(f: str, ind: Any) -> list[Finding]:
    """A ``matintervall`` that the chart cannot use: on an indicator counted from the police
    lists (their editions are its measurements), or a value or baseline off the years the chart
    takes as measured (:func:`matrutnat`), which the chart then joins to nothing
    (docs/decisions/0395, 0415)."""
    n = ind.matintervall.antal_ar
    if ind.berakning is not None:
        return [
            varning(
                f,
                ("matintervall",),
                "matintervall-stammer-inte",
                "'matintervall' gäller inte en indikator med 'berakning': dess mätningar är "
                "polisens upplagor i omraden.yaml. Ta bort 'matintervall'.",
            )
        ]
    grid = matrutnat(ind)
    out: list[Finding] = []
    if grid is None:  # no values
        return []
    # only område or kön values: no chart line, and the grid is anchored on them
    where = "värdenas första mätår" if grid.utan_diagram else "diagrammets första mätår"
    anchor = grid.ankare
    if ind.baslinje is not None and not grid.matar(ind.baslinje.ar):
        out.append(
            varning(
                f,
                ("baslinje", "ar"),
                "matintervall-stammer-inte",
                f"Baslinjens år ({ind.baslinje.ar}) ligger inte ett helt antal mätintervall "
                f"({n} år) från {where} ({anchor}), så diagrammet förbinder baslinjen inte med "
                "något annat värde. Rätta året, eller 'matintervall' om källan anger ett annat "
                "intervall.",
            )
        )
    for i, u in enumerate(ind.utfall):
        if grid.matar(u.ar):
            continue
        if u.omrade is None and u.kon in (None, "T"):
            text = (
                f"Utfallet för {u.ar} ligger inte ett helt antal mätintervall ({n} år) från "
                f"{where} ({anchor}), så diagrammet förbinder det inte med något annat värde."
            )
        else:
            # No chart joins an område or kön series; their values are checked against the
            # indicator's measurement years all the same (docs/decisions/0415).
            serie = ", ".join(
                x
                for x in (
                    f"område {identifier(u.omrade)}" if u.omrade is not None else "",
                    f"kön {identifier(u.kon)}" if u.kon is not None else "",
                )
                if x
            )
            text = (
                f"Utfallet för {u.ar} ({serie}) är inte från ett mätår: det ligger inte ett helt "
                f"antal mätintervall ({n} år) från {where} ({anchor}). Diagrammet "
                "visar inte värden per område eller kön."
            )
        out.append(
            varning(
                f,
                ("utfall", i, "ar"),
                "matintervall-stammer-inte",
                text + " Rätta året, eller 'matintervall' om källan anger ett annat intervall.",
            )
        )
    return out


def _goal(mal: str) -> str:
    return "planens mål" if mal == PLANENS_MAL else f"delmålet '{shorten(mal)}'"


def goals(indikatorer: Sequence[SourceFile[Any]]) -> list[Finding]:
    """A mål or delmål decided by more than one indicator: every file after the first (in file
    order) that names it gets a finding, naming the first."""
    first: dict[str, tuple[str, str]] = {}  # goal → (indicator id, file)
    out: list[Finding] = []
    for src in indikatorer:
        ind = src.model
        if ind is None or ind.mal is None:
            continue
        if ind.mal not in first:
            first[ind.mal] = (ind.id, src.display)
            continue
        earlier, where = first[ind.mal]
        out.append(
            fel(
                src.display,
                ("mal",),
                "dubblett-mal",
                f"Indikatorn '{shorten(earlier)}' ({identifier(where)}) avgör redan "
                f"{_goal(ind.mal)}. Ett mål eller delmål avgörs av en indikator: ta bort 'mal' "
                "i en av filerna.",
            )
        )
    return out
