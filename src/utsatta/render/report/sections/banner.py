"""The report's first lines: what in it is illustrative, and what is missing from Bilaga 1."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from utsatta.compute.indicators import IndicatorResult
from utsatta.model.rapport import RapportFil
from utsatta.render.report.sections.names import Names

ILLUSTRATIV_TEXT: Final = (
    "Rapporten innehåller illustrativa uppgifter: påhittat innehåll som visar formatet, inte "
    "verkliga uppgifter."
)
#: up to this many illustrative reports or indicators are named in the banner, else counted
BANNER_NAMN: Final = 3


def illustrativt(
    reports: Mapping[str, RapportFil],
    results: Sequence[IndicatorResult],
    ar: int,
    names: Names,
) -> list[str]:
    """What the banner says is illustrative: named when few, counted when many."""
    rapporter = [names.org(o) for o in names.orgs_in_order(reports) if reports[o].illustrativ]
    alla_rapporter = len(reports)
    indikatorer = [r.indikator.namn for r in results if r.indikator.illustrativ]
    out: list[str] = []
    if rapporter and len(rapporter) == alla_rapporter and alla_rapporter > BANNER_NAMN:
        out.append(f"samtliga {alla_rapporter} rapporter från nämnder och styrelser för {ar}")
    elif len(rapporter) > BANNER_NAMN:
        out.append(f"{len(rapporter)} av {alla_rapporter} rapporter (markerade under Källor)")
    else:
        out += [f"rapporten från {namn}" for namn in rapporter]
    if len(indikatorer) > BANNER_NAMN:
        out.append(f"{len(indikatorer)} indikatorer (markerade med ”illustrativa värden”)")
    else:
        out += [f"indikatorn {namn}" for namn in indikatorer]
    return out


def bilaga1(results: Sequence[IndicatorResult]) -> str | None:
    """What the missing Bilaga 1 means for the indicators, or None when every one has a
    målvärde."""
    utan_mal = sum(1 for r in results if not r.indikator.malvarden)
    if not results:
        return (
            "Planens bilaga 1 (Indikatorer) är inte offentlig. Datan har därför inga indikatorer "
            "med målvärden att följa upp."
        )
    if utan_mal:  # Bilaga 1 explains only the indicators without any målvärde in the data
        return (
            "Planens bilaga 1 (Indikatorer), med indikatorernas målvärden, är inte offentlig. "
            f"{utan_mal} av {len(results)} indikatorer saknar därför målvärde och kan inte följas "
            "upp mot ett mål."
        )
    return None
