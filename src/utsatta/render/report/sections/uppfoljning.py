"""The report's first section: stadsledningskontoret's own layer for the year
(data/uppfoljning/<år>.yaml), or a plain note that it is missing; and the övriga uppdrag.

Why it comes first and what is shown when it is missing: docs/decisions/0080-report-follow-up-
sections.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Final, Protocol

from utsatta.compute.indicators import IndicatorResult
from utsatta.compute.malgrund import (
    fokus_med_malvarde,
    fokus_med_underlag,
    utan_malvarde,
    utan_underlag,
)
from utsatta.compute.report_date import is_made_up, uppfoljning_of
from utsatta.compute.tidsplan import passerad
from utsatta.load.dataset import DataSet
from utsatta.model.common import Kalla
from utsatta.model.plan import PlanFil
from utsatta.model.uppfoljning import Beslut, UppfoljningFil
from utsatta.render.labels import datum_text, organ_i_text
from utsatta.render.report.followup_view import (
    BedomningVy,
    BeslutVy,
    UppdragVy,
    UppfoljningVy,
)
from utsatta.wording import och

MALUPPFYLLELSE: Final[Mapping[str, str]] = {
    "uppnatt": "Uppnått",
    "delvis-uppnatt": "Delvis uppnått",
    "inte-uppnatt": "Inte uppnått",
    "bedoms-uppnas": "Bedöms uppnås",
    "osakert": "Osäkert",
    "bedoms-inte-uppnas": "Bedöms inte uppnås",
    "kan-inte-bedomas": "Kan inte bedömas",
}
UPPDRAGSSTATUS: Final[Mapping[str, str]] = {
    "ej-paborjad": "Ej påbörjad",
    "pagaende": "Pågående",
    "genomford": "Genomförd",
    # not "Avslutad" alone, which reads as done: the schema's avslutad is "not carried out as
    # written" (granska14 F11; defined in Bilaga E, METODTEXT_UPPDRAG)
    "avslutad": "Avslutad utan att genomföras",
}
#: after the tidsplan of an unfinished uppdrag past it, in the tidsplan's own column: one word
#: that wraps after the date, never inside it, and adds no line to a row whose uppdrag text is
#: longer (in the status column, three lines a row moved the 2023 main part onto a 12th page;
#: docs/decisions/0521, 0668)
TIDSPLANEN_PASSERAD: Final = "passerad"
BEHOVSUTFALL: Final[Mapping[str, str]] = {
    "tillgodosett": "Tillgodosett",
    "delvis-tillgodosett": "Delvis tillgodosett",
    "inte-tillgodosett": "Inte tillgodosett",
    "fors-vidare": "Förs vidare",
}
UNDERLAG: Final[Mapping[str, str]] = {
    "bekraftad": "bekräftad",
    "sekundar": "uppgift i andra hand",
    "slutledd": "slutledd (dragen ur källorna, inte utsagd i dem)",
}


def kalla_text(k: Kalla) -> str:
    parts = [k.utgivare]
    if k.titel:
        parts.append(k.titel)
    if k.datum:
        parts.append(str(k.datum))
    return ", ".join(parts)


def delmal_rubrik(n: int, text: str) -> str:
    """A delmål as a heading. The plan's words are a clause of its sentence ("Delmål är att
    staden inte ska ha …"), so they are quoted after the number, never made into a sentence."""
    return f"Delmål {n} (”{text}”)"


def delmal_rubriker(plan: PlanFil) -> dict[str, str]:
    """Delmål id -> its heading (:func:`delmal_rubrik`), in the plan's order."""
    return {d.id: delmal_rubrik(n, d.text) for n, d in enumerate(plan.mal.delmal, start=1)}


class SkrivenBedomning(Protocol):
    """What every written verdict of the analysts' file holds (mål, delmål, område, fokusområde)."""

    @property
    def bedomning(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def kallor(self) -> Sequence[str]: ...
    @property
    def sakerhet(self) -> str | None: ...
    @property
    def illustrativ(self) -> bool | None: ...


def illustrativ_of(own: bool | None, upp: UppfoljningFil) -> bool:
    """A part of the analysts' file without its own marking is as illustrative as the file."""
    return upp.illustrativ if own is None else own


def bedomning_vy(
    rubrik: str, b: SkrivenBedomning, upp: UppfoljningFil, file_kallor: Mapping[str, Kalla]
) -> BedomningVy:
    """One written verdict. Only a real one is called its author's (upprattad_av); an illustrative
    one drawn from sources says so, and its sources are listed with it. A verdict without its
    own marking is as illustrative as its file."""
    illustrativ = illustrativ_of(b.illustrativ, upp)
    bedomning, text, kallor, sakerhet = b.bedomning, b.text, b.kallor, b.sakerhet
    if illustrativ:
        etikett = "Illustrativ bedömning"
        markering = "illustrativ bedömning, härledd ur källorna nedan" if kallor else "illustrativ"
    else:
        etikett = f"Bedömning av {upp.upprattad_av}"
        markering = f"verklig: bedömning av {upp.upprattad_av}" if upp.illustrativ else ""
    return BedomningVy(
        rubrik=rubrik,
        bedomning=MALUPPFYLLELSE.get(bedomning, bedomning),
        nyckel=bedomning,
        text=text,
        kallor="; ".join(kalla_text(file_kallor[k]) if k in file_kallor else k for k in kallor),
        sakerhet=UNDERLAG.get(sakerhet, sakerhet) if sakerhet else "",
        illustrativ=illustrativ,
        etikett=etikett,
        markering=markering,
    )


def uppdrag_vy(plan: PlanFil, upp: UppfoljningFil | None) -> tuple[str, tuple[UppdragVy, ...]]:
    """The plan's övriga uppdrag with the status at the end of the follow-up's year, in the
    plan's order; an unfinished one past its tidsplan says so (decision 0668)."""
    if plan.ovriga_uppdrag is None:
        return "", ()
    status = {u.uppdrag: u for u in upp.ovriga_uppdrag} if upp else {}
    rows = []
    for u in plan.ovriga_uppdrag.uppdrag:
        s = status.get(u.id)
        rows.append(
            UppdragVy(
                diarienummer=u.diarienummer,
                text=u.text,
                tidsplan=u.tidsplan,
                status=UPPDRAGSSTATUS.get(s.status, s.status) if s else "Ingen uppgift",
                status_nyckel=s.status if s else "saknas",
                redovisning=s.redovisning if s else "",
                passerad=(
                    TIDSPLANEN_PASSERAD
                    if upp and s and passerad(u.tidsplan, upp.ar, s.status)
                    else ""
                ),
            )
        )
    return plan.ovriga_uppdrag.ansvarig, tuple(rows)


def file_kallor(upp: UppfoljningFil | None) -> dict[str, Kalla]:
    return {k.id: k for k in upp.kallor} if upp else {}


def delmal_per_id(plan: PlanFil, upp: UppfoljningFil) -> dict[str, BedomningVy]:
    """The analysts' verdict per delmål id, in the plan's order (only those written)."""
    kallor = file_kallor(upp)
    rubriker = delmal_rubriker(plan)
    by_id = {d.delmal: d for d in upp.delmal}
    out = {}
    for d in plan.mal.delmal:
        b = by_id.get(d.id)
        if b is None:
            continue
        out[d.id] = bedomning_vy(rubriker[d.id], b, upp, kallor)
    return out


def delmal_bedomningar(plan: PlanFil, upp: UppfoljningFil) -> tuple[BedomningVy, ...]:
    """The analysts' verdict per delmål, in the plan's order."""
    return tuple(delmal_per_id(plan, upp).values())


def _saknade(plan: PlanFil, upp: UppfoljningFil, ar: int) -> tuple[str, ...]:
    """A plain sentence for the mål and each delmål without a written verdict."""
    out = []
    if upp.mal is None:
        out.append(f"Ingen bedömning av målet är skriven för {ar}.")
    written = {d.delmal for d in upp.delmal}
    for n, d in enumerate(plan.mal.delmal, start=1):
        if d.id not in written:
            out.append(f"Ingen bedömning av delmål {n} (”{d.text}”) är skriven för {ar}.")
    return tuple(out)


def not_text(upp: UppfoljningFil, ar: int, verkliga: bool, med_kallor: bool) -> str:
    """What in an illustrative file is made up, and who wrote it: never the author it names.
    Empty for a real file."""
    if not upp.illustrativ:
        return ""
    parts = ["läget", "bedömningarna" + (" utom de märkta ”verklig”" if verkliga else "")]
    parts.append("de övriga uppdragens status och redovisning")
    if upp.tidigare_behov:
        parts.append("vad som blev av tidigare behov")
    if upp.slutuppfoljning is not None:
        parts.append("lärdomarna och förslagen")
    parts.append("planen för det fortsatta arbetet")
    if upp.beslut:
        parts.append("beslutet")
    text = (
        f"Illustrativ uppföljning: upprättaren som filen anger ({upp.upprattad_av}) har inte "
        "skrivit den. Allt som rapporten "
        f"hämtar ur uppföljningsfilen för {ar} är påhittat för att visa formatet och märkt "
        f"”illustrativ”: {och(parts)}."
    )
    if med_kallor:
        text += (
            " De illustrativa bedömningar som anger källor är härledda ur källorna av den som "
            f"skrev exemplet, inte av upprättaren ({upp.upprattad_av})."
        )
    if verkliga:
        text += (
            f" Bedömningarna märkta ”verklig” är upprättarens ({upp.upprattad_av}) och anger "
            "sina källor."
        )
    return text


def mal_bedomning(plan: PlanFil, upp: UppfoljningFil | None) -> BedomningVy | None:
    if upp is None or upp.mal is None:
        return None
    return bedomning_vy("Målet", upp.mal, upp, file_kallor(upp))


def _beslut_vy(b: Beslut, upp: UppfoljningFil) -> BeslutVy:
    dagar = (d.datum for d in upp.beslut)
    pahittat = is_made_up(b.datum, illustrativ=upp.illustrativ, beslutsdatum=dagar)
    return BeslutVy(
        b.organ,
        b.datum,
        b.paragraf or "",
        b.diarienummer or "",
        b.text or "",
        pahittat,
        datum_text(b.datum, pahittat),
    )


#: beside a verdict on how far a fokusområde is reached that has no målvärde behind it
UTAN_MALVARDE = "bedömning utan målvärde"
#: beside such a verdict when none of the fokusområde's indicators can be assessed for the year
#: (docs/decisions/0401-bedomning-utan-underlag.md)
UTAN_UNDERLAG = "ingen av indikatorerna kan bedömas"


def fokus_med_malvarde_of(ds: DataSet, plan: PlanFil) -> frozenset[str]:
    """The fokusområden with a målvärde of the plan's period behind them: the one set the
    report's mark "bedömning utan målvärde" and the export's column utan_malvarde use."""
    g = plan.plan.giltighet
    return fokus_med_malvarde((s.model for s in ds.indikatorer if s.model is not None), g)


def _markerad(b: BedomningVy, marks: Iterable[str]) -> BedomningVy:
    """The verdict marked where no målvärde, or no indicator that can be assessed, is behind
    it (compute.malgrund; ``validate`` warns, bedomning-utan-malvarde and
    bedomning-utan-underlag): the reader sees what it does not rest on."""
    marks = tuple(marks)
    if not marks:
        return b
    return replace(b, markering="; ".join(m for m in (b.markering, *marks) if m))


def mottagare(uppfoljning: str | None) -> str | None:
    """Whom the plan's own words send the follow-up to ("… rapporteras till kommunfullmäktige."
    -> "kommunfullmäktige"), or None where they name no one (review granska14, finding 10)."""
    m = re.search(r"\brapporteras till (\w+)", uppfoljning or "")
    return organ_i_text(m.group(1)) if m else None


def uppfoljning_vy(
    ds: DataSet, plan: PlanFil, ar: int, results: Sequence[IndicatorResult]
) -> UppfoljningVy:
    """Section 1 for ``ar``; ``results``: the indicators evaluated for ``ar`` (whether a
    fokusområde has one that can be assessed)."""
    upp = uppfoljning_of(ds, ar)
    ansvarig, uppdrag = uppdrag_vy(plan, upp)
    if upp is None:
        return UppfoljningVy(
            finns=False,
            saknas_text=(
                f"Den samlade bedömningen för {ar} saknas: det finns ingen "
                f"giltig fil uppfoljning/{ar}.yaml i datamappen. Rapporten visar därför bara "
                "nämndernas rapporter och det beräknade underlaget, utan samlad bedömning, "
                "plan för det fortsatta arbetet eller beslut."
            ),
            illustrativ=False,
            upprattad_av="",
            nulage="",
            mal=None,
            delmal=(),
            fokusomraden=(),
            fortsatt_arbete="",
            beslut=(),
            beslut_text="",
            uppdrag_ansvarig=ansvarig,
            uppdrag=uppdrag,
            uppdrag_text=(
                f"Årets status saknas för alla övriga uppdrag (ingen uppföljning för {ar})."
            ),
        )
    kallor = file_kallor(upp)
    fokus_namn = {f.id: f.namn for f in plan.fokusomraden}
    by_fokus = {f.fokusomrade: f for f in upp.fokusomraden}
    med = fokus_med_malvarde_of(ds, plan)
    underlag = fokus_med_underlag(results)
    fokus = tuple(
        _markerad(
            replace(
                bedomning_vy(f"Fokusområde {f.id}: {fokus_namn[f.id]}", b, upp, kallor),
                fokus=f.id,
            ),
            (
                *([UTAN_MALVARDE] if utan_malvarde(b.bedomning, f.id, med) else []),
                *([UTAN_UNDERLAG] if utan_underlag(b.bedomning, f.id, med, underlag) else []),
            ),
        )
        for f in plan.fokusomraden
        if (b := by_fokus.get(f.id)) is not None
    )
    saknas = sum(1 for u in uppdrag if u.status_nyckel == "saknas")
    mal = mal_bedomning(plan, upp)
    delmal = delmal_bedomningar(plan, upp)
    alla = (*([mal] if mal else []), *delmal, *fokus)
    verkliga = upp.illustrativ and any(not b.illustrativ for b in alla)
    med_kallor = any(b.illustrativ and b.kallor for b in alla)
    return UppfoljningVy(
        finns=True,
        saknas_text=None,
        illustrativ=upp.illustrativ,
        upprattad_av=upp.upprattad_av,
        nulage=upp.nulage,
        mal=mal,
        delmal=delmal,
        fokusomraden=fokus,
        fortsatt_arbete=upp.fortsatt_arbete,
        beslut=tuple(_beslut_vy(b, upp) for b in sorted(upp.beslut, key=lambda b: b.datum)),
        beslut_text="" if upp.beslut else "Uppföljningen är inte beslutad.",
        uppdrag_ansvarig=ansvarig,
        uppdrag=uppdrag,
        uppdrag_text=(
            f"Årets status saknas för {saknas} av {len(uppdrag)} övriga uppdrag." if saknas else ""
        ),
        har_verkliga=verkliga,
        not_text=not_text(upp, ar, verkliga, med_kallor),
        markering="illustrativ text" if upp.illustrativ else "",
        saknade=_saknade(plan, upp, ar),
        rapportering_text=(
            f"Enligt planen: ”{plan.plan.uppfoljning.strip()}”" if plan.plan.uppfoljning else ""
        ),
    )
