"""An edition of the police list as the report names it: with its month when the data gives
one, and, when the edition has no address of its own, the sources it is known through, each
second-hand one marked (granska18 G6, docs/decisions/0559-upplagans-kallor.md). Only what
omraden.yaml says: no day or address is added."""

from __future__ import annotations

from utsatta.model.common import Kalla
from utsatta.model.date_forms import MANADER
from utsatta.model.omraden import OmradenFil, Upplaga
from utsatta.wording import och


def upplaga_namn(u: Upplaga) -> str:
    """ "Polisen: Lägesbild (december 2025)"; the year alone without a month."""
    when = f"{MANADER[u.manad - 1]} {u.ar}" if u.manad else str(u.ar)
    return f"{u.utgivare}: {u.titel} ({when})"


def upplagans_kallor(omr: OmradenFil, u: Upplaga) -> list[Kalla]:
    """The sources the data gives for edition ``u``: of its areas' levels, of the names of its
    categories, of its counts and of its national figures, in the file's order."""
    ids = {c for o in omr.omraden for k in o.klassning if k.upplaga == u.ar for c in k.kallor}
    ids |= {c for kat in u.kategorier for c in kat.kallor}
    ids |= {c for a in u.antal for c in a.kallor}
    ids |= set(u.nationellt_kallor)
    return [k for k in omr.kallor if k.id in ids]


def kand_genom(omr: OmradenFil, u: Upplaga) -> str:
    """For an edition without an address of its own: "känd genom: Fastighetsvärlden
    (2025-12-02, i andra hand); Fastighetstidningen (…)"; "" when it has one or the data names
    no source."""
    if u.url:
        return ""
    kallor = upplagans_kallor(omr, u)
    if not kallor:
        return ""
    # semicolons: a publisher's name may have a comma of its own ("Polisen, region Väst")
    return "känd genom: " + "; ".join(_kalla(k) for k in kallor)


def kand_genom_kort(omr: OmradenFil, u: Upplaga) -> str:
    """The same in few words, for section 2's card: the publishers only, "i andra hand" once
    when it holds for all ("känd genom Fastighetsvärlden, Fastighetstidningen och kopa-hus.se,
    alla i andra hand"); the dates stand in Källor."""
    if u.url:
        return ""
    kallor = upplagans_kallor(omr, u)
    if not kallor:
        return ""
    andra = [k.sakerhet == "sekundar" for k in kallor]
    if len(kallor) == 1:
        name = kallor[0].utgivare
        return "känd genom " + (_i_andra_hand(name) if andra[0] else name)
    if all(andra):
        return "känd genom " + _lista([k.utgivare for k in kallor]) + ", alla i andra hand"
    return "känd genom " + _lista(
        [_i_andra_hand(k.utgivare) if a else k.utgivare for k, a in zip(kallor, andra, strict=True)]
    )


def _i_andra_hand(utgivare: str) -> str:
    return _med(utgivare, "i andra hand")


def _med(utgivare: str, detail: str) -> str:
    """The publisher with ``detail`` in brackets; one pair of brackets when the name has its
    own ("Wikipedia (svenska; i andra hand)", "Okänd tredjepart (kommentar …; odaterad)")."""
    if utgivare.endswith(")"):
        return f"{utgivare[:-1]}; {detail})"
    return f"{utgivare} ({detail})"


def _lista(names: list[str]) -> str:
    """ "A, B och C"; all with semicolons when a name has a comma of its own ("Polisen, region
    Väst; Göteborgs Stad, statistik och analys; Wikipedia"), so each reads as one name."""
    if any("," in n for n in names):
        return "; ".join(names)
    return och(names)


def _kalla(k: Kalla) -> str:
    """ "Fastighetsvärlden (2025-12-02, i andra hand)": publisher, date, second-hand or not."""
    detail = (k.datum or "odaterad") + (", i andra hand" if k.sakerhet == "sekundar" else "")
    return _med(k.utgivare, detail)
