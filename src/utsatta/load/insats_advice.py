"""What a number written where an insats id belongs (``insats: 1.5``, ``insatser: [5]``) may
mean, against the plan's insatser: the ids it may be (1.5 and 15 → 1:5, 5 → 1:5 and 2:5), or,
when the plan has none of them, the plan's ids nearest to it (docs/decisions/0654, 0658, 0661).
Advice never names an insats the plan does not have."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["OrgInsatser", "eller", "insatser_meant", "nearest_insatser", "och", "text_forms"]

_INSATS_ID = re.compile(r"([1-9][0-9]*):([1-9][0-9]*)")


def text_forms(written: str) -> list[str]:
    """What a number YAML read from a plain scalar may have been meant as, as text: itself;
    20250601 → 2025-06-01 and 202506 → 2025-06 (a date without hyphens); 1.3 and 13 → 1:3
    (an insats written without its colon)."""
    forms = [written]
    if re.fullmatch(r"[0-9]+\.[0-9]+", written):
        forms.append(written.replace(".", ":"))
    if re.fullmatch(r"[0-9]{8}", written):
        forms.append(f"{written[:4]}-{written[4:6]}-{written[6:]}")
    if re.fullmatch(r"[0-9]{6}", written):
        forms.append(f"{written[:4]}-{written[4:]}")
    if re.fullmatch(r"[1-9][0-9]{1,4}", written):
        forms += [f"{written[:i]}:{written[i:]}" for i in range(1, len(written))]
    return forms


def _tail(written: str) -> str | None:
    """The insats number a whole number up to 999 may be (the fokusområde left out)."""
    number = re.fullmatch(r"0*([1-9][0-9]{0,2})", written)
    return number.group(1) if number else None


def insatser_meant(written: str, insatser: Sequence[str]) -> list[str]:
    """The plan's insats ids that a number written where one belongs (``written``, as the file
    has it) may mean, in the plan's order: 1.5 and 15 → 1:5 (the colon lost), 5 → 1:5 and 2:5
    (the fokusområde left out); [] when the plan has none of them."""
    forms = set(text_forms(written))
    tail = _tail(written)
    return [i for i in insatser if i in forms or i.split(":")[-1] == tail]


def _numbered(ids: Sequence[str]) -> list[tuple[int, int, str]]:
    """The ids of the form '1:3' as (fokusområde, insats, id), in number order."""
    return sorted(
        (int(m.group(1)), int(m.group(2)), i) for i in ids if (m := _INSATS_ID.fullmatch(i))
    )


def nearest_insatser(written: str, insatser: Sequence[str]) -> tuple[list[str], list[str]]:
    """For a number that is none of the plan's insatser: the ids it may have been meant as
    (1.5 → 1:5; 3 → 1:3 and 2:3, one per fokusområde of the plan) and the plan's ids nearest
    to them, in the plan's order: the one before and the one after each, within its
    fokusområde when the plan has that fokusområde, else in the whole plan. ([], []) when the
    number can be no insats id (0, -1, 1e3) or the plan has no insats."""
    plan = _numbered(insatser)
    fokus = sorted({f for f, _, _ in plan})
    targets = {
        (int(m.group(1)), int(m.group(2)))
        for form in text_forms(written)
        if (m := _INSATS_ID.fullmatch(form))
    }
    tail = _tail(written)
    if tail is not None:
        targets |= {(f, int(tail)) for f in fokus}
    near: set[str] = set()
    for f, n in targets:
        pool = [p for p in plan if p[0] == f] if f in fokus else plan
        below = [i for a, b, i in pool if (a, b) < (f, n)]
        above = [i for a, b, i in pool if (a, b) > (f, n)]
        near.update(below[-1:] + above[:1])
    return [f"{f}:{n}" for f, n in sorted(targets)], [i for i in insatser if i in near]


def eller(ids: Sequence[str]) -> str:
    """ "1:5", "1:5 eller 2:5", past five "någon av 1:5, … och 3 till"."""
    if len(ids) == 1:
        return ids[0]
    if len(ids) <= 5:
        return f"{', '.join(ids[:-1])} eller {ids[-1]}"
    return f"någon av {', '.join(ids[:5])} och {len(ids) - 5} till"


def och(ids: Sequence[str]) -> str:
    """ "1:4", "1:4 och 1:7", "1:1, 1:4 och 2:1"."""
    return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} och {ids[-1]}"


class OrgInsatser(list[str]):
    """The plan's insatser (as ``known_ids`` gives them, titles and all) for a report, with
    those its organisation has in the report's year (``own``: the plan's duties, computed
    above this layer and given to ``load``) and the organisation's name: a number written for
    an insats is matched against its own first."""

    def __init__(self, plan: Sequence[str], own: Sequence[str], namn: str, ar: int) -> None:
        super().__init__(plan)
        self.plan, self.own, self.namn, self.ar = plan, list(own), namn, ar

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("plan", "own", "namn", "ar"):
            raise AttributeError(name)  # not set yet (a copy being made): never a loop
        return getattr(self.plan, name)  # the titles of the plan's ids (``NamedIds``)

    def note(self) -> str:
        """'Kulturnämnden har 1:1, 2:1, 2:4 och 3:1 under 2025.'"""
        if not self.own:
            return f"{self.namn} har inga insatser i planen under {self.ar}."
        return f"{self.namn} har {och(self.own)} under {self.ar}."
