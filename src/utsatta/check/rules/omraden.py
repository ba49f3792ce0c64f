"""Rules for omraden.yaml: known editions and sources, one classification per edition, and no
level without a source."""

from __future__ import annotations

from typing import Any

from utsatta.check.rules.base import Ref, duplicates
from utsatta.escape import shorten
from utsatta.findings import Finding, fel, varning
from utsatta.load.dataset import SourceFile

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
    for ui, u in enumerate(omr.upplagor):
        at_u = ("upplagor", ui, "nationellt_kallor")
        out += SOURCE.check(
            f, [((*at_u, ci), c) for ci, c in enumerate(u.nationellt_kallor)], kallor
        )
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
            out += SOURCE.check(
                f, [((*at, "kallor", ci), c) for ci, c in enumerate(k.kallor)], kallor
            )
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
    return out
