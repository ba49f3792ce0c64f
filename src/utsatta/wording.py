"""Swedish enumerations shared by messages, new data files and reports."""

from __future__ import annotations

from collections.abc import Sequence

from utsatta.numbers import heltal


def och(items: Sequence[str], sep: str = ", ") -> str:
    """``["a", "b", "c"]`` → "a, b och c"; one item as it is; none as "". ``sep`` between the
    items before the last: "; " when an item has a comma of its own."""
    if len(items) <= 1:
        return "".join(items)
    return f"{sep.join(items[:-1])} och {items[-1]}"


def arsspann(fran: int, till: int) -> str:
    """The years ``fran`` to ``till`` as a text says them: "2022–2024", one year as itself
    ("2022", never "2022–2022": an export or report of the plan's first year)."""
    return str(till) if till == fran else f"{fran}–{till}"


#: How many items of one kind a message lists before "och N till" (begransad): a list that
#: comes from the data (ids, names, files, years) grows with it, a message must not
#: (docs/decisions/0581-begransade-listor-i-meddelanden.md). A note on stderr stays one short
#: line:
NAMNGIVNA = 5
#: insats ids in a finding: a real report lacks a few, a plan of hundreds would make one
#: finding a page long (docs/decisions/0576-granser-for-ansvar.md)
LISTADE_INSATSER = 20
#: ids offered as the valid ones ("Giltiga: …"): short, and the closest match is named first
LISTADE_ID = 20
#: organisations, successors, areas named with their names (each item may be long)
LISTADE_NAMN = 10
#: files or places (file:line:column) in a finding
LISTADE_FILER = 10
#: years, values or keys quoted from the data in a finding
LISTADE_VARDEN = 10
#: parts of a text quoted in a finding (each may be a sentence long)
LISTADE_CITAT = 3
#: line numbers in a finding ("rad 3, 5, 7, 9, 11 och 4 till")
LISTADE_RADER = 5


def begransad(
    names: Sequence[str], limit: int = NAMNGIVNA, sep: str = ", ", *, och_last: bool = True
) -> str:
    """ "a, b och c", or past ``limit`` names "a, b, c, d, e och 3 till" (the count as
    :func:`utsatta.numbers.heltal`: "och 1 480 till"). ``sep`` as :func:`och`'s;
    ``och_last=False`` for a list whose items are all joined by ``sep`` ("2023, 2024")."""
    if len(names) <= limit:
        return och(names, sep) if och_last else sep.join(names)
    return f"{sep.join(names[:limit])} och {heltal(len(names) - limit)} till"


def via_namn(kedjor: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """Each predecessor's name with the organisations that a duty passed through from it:
    "Grundskolenämnden via Skolnämnden" when it is the only one; among several the via in
    parentheses, "Grundskolenämnden (via Skolnämnden)", so that each stays with its own name
    in a list (docs/decisions/0616-via-i-kedjan.md)."""
    if len(kedjor) == 1:
        namn, via = kedjor[0]
        return [f"{namn} via {och(list(via))}" if via else namn]
    return [f"{namn} (via {och(list(via))})" if via else namn for namn, via in kedjor]


def insatser(ids: Sequence[str]) -> str:
    """ "insats 1:1", or "insatserna 1:1 och 2:3"; past :data:`LISTADE_INSATSER` the first of
    them and "och 480 till"."""
    if len(ids) == 1:
        return f"insats {ids[0]}"
    return f"insatserna {begransad(ids, LISTADE_INSATSER)}"


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
