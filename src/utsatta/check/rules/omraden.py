"""Rules for omraden.yaml: known editions and sources, one classification per edition, no
level without a source, and no count per level (``Upplaga.antal``) that the areas' levels
contradict."""

from __future__ import annotations

from typing import Any

from utsatta.check.rules.base import Ref, duplicates, unknown_source
from utsatta.compute.police import level_bounds
from utsatta.escape import shorten
from utsatta.findings import Finding, fel, varning
from utsatta.load.dataset import SourceFile
from utsatta.model import id_fields
from utsatta.model.id_fields import lists_of
from utsatta.model.omraden import OmradenFil

EDITION = Ref("okand-upplaga", "Upplagan", "upplagor")
SOURCE = Ref("okand-kalla", "Källan", "filens kallor")


def check(src: SourceFile[Any]) -> list[Finding]:
    omr, f = src.model, src.display
    if omr is None:
        return []
    out = duplicates(f, omr.kallor, ("kallor",), "Källan")
    out += duplicates(f, omr.omraden, ("omraden",), "Området")
    editions = [u.ar for u in omr.upplagor]
    edition_words = [str(e) for e in editions]
    kallor = [k.id for k in omr.kallor]
    kall_set = set(kallor)
    for path, ids in lists_of("omraden", omr, id_fields.KALLA):
        if path[2] == "kategorier":
            # the category names' sources came with the successors' checks (decision 0022)
            # and keep their words
            out += [
                unknown_source(f, (*path, j), c, kallor)
                for j, c in enumerate(ids)
                if c not in kall_set
            ]
        else:
            out += SOURCE.check(f, [((*path, j), c) for j, c in enumerate(ids)], kallor, kall_set)
    for ui in range(len(omr.upplagor)):
        out += _stated_counts(f, omr, ui)
    confirmed = {
        c for u in omr.upplagor for a in u.antal if a.sakerhet == "bekraftad" for c in a.kallor
    }
    for oi, o in enumerate(omr.omraden):
        seen: set[int] = set()
        for ki, k in enumerate(o.klassning):
            at = ("omraden", oi, "klassning", ki)
            out += EDITION.check(f, [((*at, "upplaga"), k.upplaga)], edition_words, set(editions))
            if k.upplaga in seen:
                out.append(
                    fel(
                        f,
                        (*at, "upplaga"),
                        "dubblett-klassning",
                        f"{shorten(o.namn)} har redan en klassning för upplagan {k.upplaga}. "
                        "Ta bort den ena, eller rätta 'upplaga' om den gäller en annan upplaga.",
                    )
                )
            seen.add(k.upplaga)
            if k.sakerhet == "bekraftad":
                confirmed.update(k.kallor)
            if k.sakerhet == "saknas" and k.niva != "okand":
                out.append(
                    fel(
                        f,
                        (*at, "niva"),
                        "niva-utan-kalla",
                        f"Nivån för {shorten(o.namn)} {k.upplaga} är '{k.niva}' men säkerheten är "
                        "'saknas'. En nivå utan källa får inte anges: sätt niva: okand, eller "
                        "ange källan och dess säkerhet.",
                    )
                )
            elif k.sakerhet != "saknas" and k.niva != "okand" and not k.kallor:
                out.append(
                    fel(
                        f,
                        at,
                        "kalla-saknas",
                        f"Klassningen av {shorten(o.namn)} {k.upplaga} saknar källa. Ange 'kallor' "
                        "eller sätt niva: okand och sakerhet: saknas.",
                    )
                )
        out += [
            varning(
                f,
                ("omraden", oi, "klassning"),
                "klassning-saknas",
                f"{shorten(o.namn)} saknar klassning för upplagan {e}. Till dess räknas nivån "
                "som okänd: rapporten visar då de antal som beror på området som okända, inte "
                "som att området inte är på listan. Lägg till klassningen (niva: ej-pa-listan "
                "om området inte var på listan, niva: okand om det inte är känt).",
            )
            for e in editions
            if e not in seen
        ]
    return out + _unlabelled(f, omr, confirmed)


def _unlabelled(f: str, omr: OmradenFil, confirmed: set[str]) -> list[Finding]:
    """Sources without ``slag`` that a bekräftad level or count cites: the report marks such a
    level ‡ (bekräftad i en annan källa än polisen, compute.police.klass), which the data does
    not say when it does not say whose the source is (granska16 #4)."""
    return [
        varning(
            f,
            ("kallor", i, "id"),
            "kalla-utan-slag",
            f"Källan '{shorten(k.id)}' saknar 'slag', men en bekräftad nivå eller ett bekräftat "
            "antal anger den. Rapporten kan inte säga om nivån är bekräftad av polisen och "
            "markerar den som bekräftad i en annan källa än polisen (‡). Skriv slag: polisen, "
            "kommunen, press, parti eller tredjepart.",
        )
        for i, k in enumerate(omr.kallor)
        if k.slag is None and k.id in confirmed
    ]


#: the levels as the messages name them (one area, many)
_NIVAORD = {
    "utsatt": ("utsatt område", "utsatta områden"),
    "riskomrade": ("riskområde", "riskområden"),
    "sarskilt-utsatt": ("särskilt utsatt område", "särskilt utsatta områden"),
}


def _n(n: int, niva: str) -> str:
    one, many = _NIVAORD[niva]
    return f"{n} {one if n == 1 else many}"


def _stated_counts(f: str, omr: OmradenFil, ui: int) -> list[Finding]:
    """An edition's counts per level: one per level, and no count the areas' levels contradict
    (more areas known at the level, or fewer that can be)."""
    u = omr.upplagor[ui]
    out: list[Finding] = []
    seen: set[str] = set()
    for ai, a in enumerate(u.antal):
        at = ("upplagor", ui, "antal", ai)
        if a.niva in seen:
            out.append(
                fel(
                    f,
                    (*at, "niva"),
                    "dubblett-antal",
                    f"Upplagan {u.ar} har redan ett antal för nivån '{a.niva}'. Ta bort det ena, "
                    "eller rätta 'niva' om det gäller en annan nivå.",
                )
            )
            continue
        seen.add(a.niva)
        minst, hogst = level_bounds(omr, u.ar, a.niva)
        if a.antal < minst:
            why = f"men områdenas klassningar för {u.ar} har redan {_n(minst, a.niva)}"
        elif a.antal > hogst:
            why = f"men områdenas klassningar för {u.ar} tillåter högst {_n(hogst, a.niva)}"
        else:
            continue
        out.append(
            fel(
                f,
                (*at, "antal"),
                "antal-motsager-nivaer",
                f"Upplagan {u.ar} anger {_n(a.antal, a.niva)} i Göteborg, {why}. Rätta antalet "
                "efter källan, eller rätta områdenas klassningar (niva) för upplagan; saknas "
                "ett område i filen, lägg till det under 'omraden'.",
            )
        )
    return out
