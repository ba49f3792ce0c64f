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


#: how many names a note on stderr lists before "och N till": it stays one short line
NAMNGIVNA = 5


def begransad(names: Sequence[str], limit: int = NAMNGIVNA) -> str:
    """ "a, b och c", or past ``limit`` names "a, b, c, d, e och 3 till"."""
    if len(names) <= limit:
        return och(names)
    return f"{', '.join(names[:limit])} och {len(names) - limit} till"


def luckor(
    vad: str,
    ar: int,
    utan_rapport: Sequence[str],
    utan_insats: Sequence[str],
    utan_bedomning: bool,
    *,
    tidigare: Sequence[str] = (),
) -> str | None:
    """The gaps of a written report or export, in one sentence ("Rapporten har luckor: 1
    rapport saknas för 2025 (Higab); den samlade bedömningen för 2025 saknas."), or None
    without any. ``utan_rapport``: who sent no report for ``ar``; ``utan_insats``: whose
    report lacks an insats it owed; ``vad``: "Rapporten" or "Exporten"; ``tidigare``: who owed a
    report in an earlier plan year and which year ("Business Region Göteborg 2023")."""
    from utsatta.escape import shorten

    # a name as findings show it (escape.shorten): a 3,000-character name is no line on stderr
    utan_rapport = [shorten(n) for n in utan_rapport]
    utan_insats = [shorten(n) for n in utan_insats]
    tidigare = [
        f"{shorten(n)} {y}" if n else y for n, _, y in (t.rpartition(" ") for t in tidigare)
    ]
    parts: list[str] = []
    if utan_rapport:
        n = len(utan_rapport)
        antal = "1 rapport saknas" if n == 1 else f"{n} rapporter saknas"
        parts.append(f"{antal} för {ar} ({begransad(utan_rapport)})")
    if utan_insats:
        n = len(utan_insats)
        antal = "1 rapport" if n == 1 else f"{n} rapporter"
        parts.append(f"{antal} för {ar} saknar insatser ({begransad(utan_insats)})")
    if utan_bedomning:
        parts.append(f"den samlade bedömningen för {ar} saknas")
    if tidigare:
        n = len(tidigare)
        antal = "1 rapport" if n == 1 else f"{n} rapporter"
        parts.append(f"{antal} från tidigare år i planperioden saknas ({begransad(tidigare)})")
    if not parts:
        return None
    return f"{vad} har luckor: {'; '.join(parts)}."
