"""An id twice in one list of ids (a report's 'omraden', an insats's 'ansvar', a verdict's
'kallor' …) is an error at the second one: the report would count it twice (granska17 F-d,
decision 0536). The lists of records with an 'id' (insatser, områden, källor) have dubblett-id.
Which lists there are, and what their ids name, is the table in model/id_fields (decisions
0550, 0573)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from utsatta.escape import shorten
from utsatta.findings import Finding, Path_, fel
from utsatta.load.dataset import SourceFile
from utsatta.model.id_fields import ID_FIELDS
from utsatta.numbers import heltal


def check(src: SourceFile[Any]) -> list[Finding]:
    """Each id that stands earlier in the same list, at the later one."""
    if src.model is None:
        return []
    out: list[Finding] = []
    for fld in ID_FIELDS.get(src.kind, ()):
        for path, ids in fld.lists(src.model):
            if len(ids) > 1 and len(set(ids)) < len(ids):  # else without a loop in Python
                out += _twice(src.display, path, ids, fld.holds.noun)
    return out


def _twice(file: str, path: Path_, ids: Sequence[str], noun: str) -> list[Finding]:
    """One finding per id that stands more than once in ``ids``, at its second place."""
    key = path[-1]
    assert isinstance(key, str)
    counts = Counter(ids)
    seen: set[str] = set()
    out = []
    for j, ident in enumerate(ids):
        if ident in seen and counts[ident] > 1:
            n = counts.pop(ident)
            times, fix = (
                ("två", "Ta bort den ena")
                if n == 2
                else (heltal(n), "Ta bort alla utom den första")
            )
            out.append(
                fel(
                    file,
                    (*path, j),
                    "dubblett-i-lista",
                    f"{noun} '{shorten(ident)}' står {times} gånger i '{key}'. {fix}.",
                )
            )
        seen.add(ident)
    return out
