"""Swedish enumerations shared by messages, new data files and reports."""

from __future__ import annotations

from collections.abc import Sequence


def och(items: Sequence[str], sep: str = ", ") -> str:
    """``["a", "b", "c"]`` → "a, b och c"; one item as it is; none as "". ``sep`` between the
    items before the last: "; " when an item has a comma of its own."""
    if len(items) <= 1:
        return "".join(items)
    return f"{sep.join(items[:-1])} och {items[-1]}"


def insatser(ids: Sequence[str]) -> str:
    """ "insats 1:1", or "insatserna 1:1 och 2:3"."""
    return f"insats {ids[0]}" if len(ids) == 1 else f"insatserna {och(ids)}"
