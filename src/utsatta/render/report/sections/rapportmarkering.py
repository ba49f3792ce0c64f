"""The one rule for marking what the report derives from illustrative reports.

The notice on the report's first lines says which files are illustrative; a table, count or
section computed from the nämnders' reports also says so where it stands, so a reader who opens
the report in the middle (or copies one table) sees it. The words follow Bilaga A's own marker
("illustrativ rapport"): "bygger på illustrativa rapporter" when every report it rests on is
illustrative, "bygger delvis på illustrativa rapporter" when some are, "" when none is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from utsatta.model.rapport import RapportFil

ALLA: Final = "bygger på illustrativa rapporter"
NAGRA: Final = "bygger delvis på illustrativa rapporter"


def rapportmarkering(reports: Iterable[RapportFil]) -> str:
    """The marker for a part computed from ``reports``, or "" when none is illustrative."""
    flags = [bool(r.illustrativ) for r in reports]
    if not any(flags):
        return ""
    return ALLA if all(flags) else NAGRA
