"""An id twice in one list of ids (a report's 'omraden', an insats's 'ansvar', a verdict's
'kallor' …) is an error at the second one: the report would count it twice (granska17 F-d,
decision 0536). The lists of records with an 'id' (insatser, områden, källor) have dubblett-id."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from utsatta.escape import shorten
from utsatta.findings import Finding, Path_, fel
from utsatta.load.dataset import SourceFile
from utsatta.numbers import heltal

#: what the ids of a list name, by the list's key
NOUN = {
    "omraden": "Området",
    "ansvar": "Organisationen eller gruppen",
    "samordningsansvar": "Organisationen eller gruppen",
    "medlemmar": "Organisationen",
    "insatser": "Insatsen",
    "underlag_for": "Målet eller delmålet",
    "kallor": "Källan",
    "nationellt_kallor": "Källan",
}

Lists = Iterator[tuple[Path_, Sequence[str]]]


def _rapport(m: Any) -> Lists:
    for i, item in enumerate(m.insatser):
        yield ("insatser", i, "omraden"), item.omraden


def _plan(m: Any) -> Lists:
    for i, insats in enumerate(m.insatser):
        yield ("insatser", i, "samordningsansvar"), insats.samordningsansvar
        yield ("insatser", i, "ansvar"), insats.ansvar


def _indikator(m: Any) -> Lists:
    yield ("insatser",), m.insatser
    yield ("underlag_for",), m.underlag_for


def _organisationer(m: Any) -> Lists:
    for i, org in enumerate(m.organisationer):
        yield ("organisationer", i, "kallor"), org.kallor
        for j, e in enumerate(org.efterfoljare):
            yield ("organisationer", i, "efterfoljare", j, "insatser"), e.insatser or ()
            yield ("organisationer", i, "efterfoljare", j, "kallor"), e.kallor
    for i, grupp in enumerate(m.grupper):
        yield ("grupper", i, "medlemmar"), grupp.medlemmar or ()


def _omraden(m: Any) -> Lists:
    for i, u in enumerate(m.upplagor):
        yield ("upplagor", i, "nationellt_kallor"), u.nationellt_kallor
        for j, k in enumerate(u.kategorier):
            yield ("upplagor", i, "kategorier", j, "kallor"), k.kallor
        for j, a in enumerate(u.antal):
            yield ("upplagor", i, "antal", j, "kallor"), a.kallor
    for i, o in enumerate(m.omraden):
        for j, k in enumerate(o.klassning):
            yield ("omraden", i, "klassning", j, "kallor"), k.kallor


def _uppfoljning(m: Any) -> Lists:
    if m.mal is not None:
        yield ("mal", "kallor"), m.mal.kallor
    for i, d in enumerate(m.delmal):
        yield ("delmal", i, "kallor"), d.kallor
        for j, o in enumerate(d.omraden):
            yield ("delmal", i, "omraden", j, "kallor"), o.kallor
    for i, f in enumerate(m.fokusomraden):
        yield ("fokusomraden", i, "kallor"), f.kallor
    if m.slutuppfoljning is not None:
        yield ("slutuppfoljning", "kallor"), m.slutuppfoljning.kallor


LISTS = {
    "rapport": _rapport,
    "plan": _plan,
    "indikator": _indikator,
    "organisationer": _organisationer,
    "omraden": _omraden,
    "uppfoljning": _uppfoljning,
}


def check(src: SourceFile[Any]) -> list[Finding]:
    """Each id that stands earlier in the same list, at the later one."""
    lists = LISTS.get(src.kind)
    if src.model is None or lists is None:
        return []
    out: list[Finding] = []
    for path, ids in lists(src.model):
        if len(ids) < 2 or len(set(ids)) == len(ids):
            continue  # the common case, without a loop in Python
        key = path[-1]
        assert isinstance(key, str)
        counts = Counter(ids)
        seen: set[str] = set()
        for j, ident in enumerate(ids):
            if ident in seen and counts[ident] > 1:
                n = counts.pop(ident)  # one finding per id, at its second place
                times, fix = (
                    ("två", "Ta bort den ena")
                    if n == 2
                    else (heltal(n), "Ta bort alla utom den första")
                )
                out.append(
                    fel(
                        src.display,
                        (*path, j),
                        "dubblett-i-lista",
                        f"{NOUN[key]} '{shorten(ident)}' står {times} gånger i '{key}'. {fix}.",
                    )
                )
            seen.add(ident)
    return out
