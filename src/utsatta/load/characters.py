"""Problems with single characters, found before or instead of parsing: a control character
the reader refuses, and line breaks that the parser counts but editors do not show (U+0085,
U+2028, U+2029). Each at its true line and column, by our own count of lines."""

from __future__ import annotations

import re

from ruamel.yaml.reader import ReaderError

from utsatta.findings import Finding, Severity


def reader_problem(exc: ReaderError, text: str, *, byte_offset: bool = False) -> Finding:
    """A character the reader refuses. ``byte_offset``: the position is a byte offset in the
    UTF-8 text (the C parser), not a character offset (the pure-Python parser)."""
    position = max(0, int(getattr(exc, "position", 0) or 0))
    character = getattr(exc, "character", "")
    code = ord(character) if isinstance(character, str) and character else int(character or 0)
    if byte_offset:
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    if not (position < len(text) and ord(text[position]) == code):
        found = text.find(chr(code))  # the reader stops at the first one
        position = found if found != -1 else min(position, len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Finding(
        "",
        line,
        column,
        "otillatet-tecken",
        Severity.FEL,
        f"Filen innehåller ett otillåtet kontrolltecken (U+{code:04X}). Ta bort det; sådana "
        "tecken syns ofta inte i editorn men kommer med vid kopiering från Word eller PDF.",
    )


#: Line breaks for the parser (YAML 1.1, libyaml) that are no line breaks for editors, YAML 1.2
#: or us: every line after one would be counted wrong.
ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_ODD_NAMES = {"\x85": "NEL", "\u2028": "radavgränsare", "\u2029": "styckeavgränsare"}
#: Enough to show the kind of problem; a file full of them is one problem, not a million.
MAX_ODD_BREAKS = 20


def odd_break_problems(text: str) -> list[Finding]:
    """Each U+0085, U+2028 and U+2029 in ``text`` (up to ``MAX_ODD_BREAKS``), at its place by
    our count of lines ('\\n' only)."""
    found: list[Finding] = []
    total = 0
    for m in ODD_BREAKS.finditer(text):
        total += 1
        if len(found) < MAX_ODD_BREAKS:
            found.append(_odd(text, m.start()))
    if total > len(found):
        found[-1] = _odd(text, _offset(text, found[-1]), more=total - len(found) + 1)
    return found


def _offset(text: str, finding: Finding) -> int:
    """The offset in ``text`` of a finding's line and column."""
    start = 0
    for _ in range(finding.line - 1):
        start = text.index("\n", start) + 1
    return start + finding.column - 1


def _odd(text: str, at: int, *, more: int = 0) -> Finding:
    """The finding for the character at ``at``; ``more``: how many it stands for, itself
    included, when the rest are not listed (its ``count``, so the totals stay true)."""
    char = text[at]
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    tail = f" Filen har {more - 1} sådana tecken till; de visas inte här." if more > 1 else ""
    return Finding(
        "",
        line,
        column,
        "ovanlig-radbrytning",
        Severity.FEL,
        f"Filen innehåller tecknet U+{ord(char):04X} ({_ODD_NAMES[char]}), som YAML-läsaren "
        "räknar som en radbrytning men editorer oftast inte visar; då läses resten av filen "
        "fel. Ersätt det med en vanlig radbrytning eller ett mellanslag. Filen kontrolleras "
        f"inte vidare förrän tecknet är borta.{tail}",
        count=more or 1,
    )
