"""Problems with single characters, found before or instead of parsing: a control character
the reader refuses, and line breaks that the parser counts but editors do not show (U+0085,
U+2028, U+2029). Each at its true line and column, by our own count of lines. And the same
characters in a value, where the reader lets them through: written as an escape in a quoted
text (backslash e, x07, 0, u202e) or, for a bidi control, as it is (``refused_in_value``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from ruamel.yaml.reader import ReaderError

from utsatta.findings import Finding, Severity
from utsatta.lineends import line_column
from utsatta.numbers import heltal


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
    line, column = line_column(text, position)
    return Finding(
        "",
        line,
        column,
        "otillatet-tecken",
        Severity.FEL,
        f"Filen innehåller ett otillåtet kontrolltecken (U+{code:04X}). Ta bort det; sådana "
        "tecken syns ofta inte i editorn men kommer med vid kopiering från Word eller PDF.",
    )


#: What no value may hold, whether written as it is or as an escape in "…" (the same code as
#: a control character the reader refuses, ``otillatet-tecken``; docs/decisions/0151):
#: - Cc, the C0 and C1 controls and DEL, but tab and line break (texts hold them): nothing a
#:   person writes, invisible in a web editor; ESC starts terminal sequences.
#: - The bidi controls (embeddings, overrides, isolates and the marks LRM, RLM, ALM; part of
#:   Cf): invisible, they reorder how the text around them is shown (a name reads otherwise
#:   than it is, "Trojan source").
#: - U+2028 and U+2029 (Zl, Zp): line breaks no editor shows; a file that holds one as it is
#:   is refused too (``ovanlig-radbrytning``).
#: - Lone surrogates (Cs) and the noncharacters U+FFFE, U+FFFF: no text at all, and what the
#:   reader refuses in the file. So are the other noncharacters (U+FDD0–U+FDEF, and the last
#:   two code points of every plane, :data:`ASTRAL_NONCHARACTERS`), which the reader lets
#:   through: reserved for a program's own use, never in a text (docs/decisions/0663).
#: Other format characters (Cf: soft hyphen, zero-width space and joiners, word joiner) are
#: allowed: they come with text pasted from documents and are needed in emoji and some
#: scripts, change neither what a text says nor how it is ordered, and every output already
#: shows or drops them.
#: (first, last) code points, both included: the one list of the refused characters, for
#: :func:`refused_pattern` and the JSON Schema's pattern (:mod:`utsatta.schema_export`).
REFUSED_RANGES: Final[tuple[tuple[int, int], ...]] = (
    (0x00, 0x08),  # C0 before tab
    (0x0B, 0x1F),  # C0 after line feed, CR included
    (0x7F, 0x9F),  # DEL and C1
    (0x061C, 0x061C),  # ALM
    (0x200E, 0x200F),  # LRM, RLM
    (0x202A, 0x202E),  # embeddings and overrides
    (0x2066, 0x2069),  # isolates
    (0x2028, 0x2029),  # line and paragraph separators
    (0xD800, 0xDFFF),  # surrogates (only a lone one can stand in a text)
    (0xFDD0, 0xFDEF),  # noncharacters
    (0xFFFE, 0xFFFF),  # noncharacters
)
#: The noncharacters above U+FFFF (U+1FFFE, U+1FFFF … U+10FFFF): refused as the ones above, but
#: not in the JSON Schema's pattern, which can only name characters up to U+FFFF (0663).
ASTRAL_NONCHARACTERS: Final[tuple[tuple[int, int], ...]] = tuple(
    (plane << 16 | 0xFFFE, plane << 16 | 0xFFFF) for plane in range(1, 17)
)


def refused_class() -> str:
    """The inside of a regular-expression character class (without the brackets) that holds
    exactly the refused characters, each written as an escape ``\\uXXXX``: the same text in
    Python's ``re`` and in ECMA-262 (JSON Schema), and no control character in the pattern
    itself."""
    return "".join(
        f"\\u{first:04X}" if first == last else f"\\u{first:04X}-\\u{last:04X}"
        for first, last in REFUSED_RANGES
    )


#: The refused characters up to U+FFFF: enough for a text with no character wider (a file
#: without the cue of :func:`utsatta.load.hidden.may_hold_hidden`). Compiled at once.
REFUSED_BMP = re.compile(f"[{refused_class()}]")


@cache
def refused_pattern() -> re.Pattern[str]:
    """Every refused character, the noncharacters above U+FFFF too. Compiled when first
    needed, for a file that may hold one or a code in "…": compiling it costs as much as
    reading a few files, and a class with ranges above U+FFFF tests each of them for every
    character not in it, so most texts are searched with :data:`REFUSED_BMP` (0663)."""
    astral = "".join(f"\\U{first:08X}-\\U{last:08X}" for first, last in ASTRAL_NONCHARACTERS)
    return re.compile(f"[{refused_class()}{astral}]")


#: The bidi controls: refused characters the reader lets through when written as they are (so
#: are the noncharacters but U+FFFE and U+FFFF). Only a text that holds one of those, or a
#: character of :mod:`utsatta.load.hidden`, needs every value looked at (else only the quoted
#: ones, which may hold an escape): :func:`utsatta.load.hidden.may_hold_hidden`.
RAW_REFUSED = (
    "\u061c",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
)


def _kind(char: str) -> tuple[str, str]:
    """What ``char`` is, in words, and what it does (with a leading space, or "")."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "kontrolltecknet", ""
    if char in "\u2028\u2029":
        return "radbrytningen", " (en radbrytning som editorer inte visar)"
    if 0xD800 <= code <= 0xDFFF:
        return "tecknet", " (som inte är text)"
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "tecknet", " (ett icketecken, som program använder internt och som inte är text)"
    return "styrtecknet för skrivriktning", " (det ändrar i vilken ordning texten visas)"


#: The words for one and for several of a kind, as :func:`more_of` counts them.
TECKEN = ("ett sådant tecken", "sådana tecken")
KODER = ("en sådan kod", "sådana koder")


def more_of(more: int, holder: str, words: tuple[str, str]) -> str:
    """How many more of a kind the finding stands for, as the one sentence every such finding
    ends with (without its full stop): " Värdet har ett sådant tecken till", " Texten har 3
    sådana koder till"; "" for none."""
    if more < 1:
        return ""
    one, many = words
    return f" {holder} har {one} till" if more == 1 else f" {holder} har {heltal(more)} {many} till"


def more_in_value(more: int) -> tuple[str, str]:
    """For a finding that names the first of a value's characters of a kind, with ``more`` of
    them after it: the sentence on those (:func:`more_of`, with its full stop; "" for none)
    and the word for them all in "Ta bort det/dem", "det" for one, "dem" for several."""
    return more_of(more, "Värdet", TECKEN) + ("." if more else ""), "dem" if more else "det"


def refused_in_value(
    value: str,
    line: int,
    column: int,
    source: str = "",
    span: tuple[int, int] = (0, 0),
    refused: re.Pattern[str] | None = None,
) -> Finding | None:
    """The finding for a value (at ``line``, ``column``) that holds a refused character
    (:func:`refused_pattern`), or None. ``source`` and ``span``: the file's text and the
    value's place in it (start, end): where the character stands there as it is (a block
    text, a plain value on several lines), the finding is at its own line and column, not at
    the value's start.
    ``refused``: :data:`REFUSED_BMP` where the value has no character above U+FFFF."""
    refused = refused or refused_pattern()
    found = refused.findall(value)
    if not found:
        return None
    raw = refused.search(source, *span) if source else None
    if raw is not None and raw.group() == found[0]:
        line, column = line_column(source, raw.start())
    name, does = _kind(found[0])
    also, them = more_in_value(len(found) - 1)
    return Finding(
        "",
        line,
        column,
        "otillatet-tecken",
        Severity.FEL,
        f"Värdet innehåller {name} U+{ord(found[0]):04X}{does}, som inte syns i editorn men "
        f"följer med i datat.{also} Ta bort {them}; inom citattecken är "
        "det ofta skrivet som en kod med \\ (t.ex. \\e, \\x07, \\0 eller \\u202e).",
    )


#: Line breaks for the parser (YAML 1.1, libyaml) that are no line breaks for editors, YAML 1.2
#: or us: every line after one would be counted wrong.
ODD_BREAKS = "[\x85\u2028\u2029]"
_ODD_NAMES = {"\x85": "NEL", "\u2028": "radavgränsare", "\u2029": "styckeavgränsare"}
#: Enough to show the kind of problem; a file full of them is one problem, not a million.
MAX_ODD_BREAKS = 20


def odd_break_problems(text: str) -> list[Finding]:
    """Each U+0085, U+2028 and U+2029 in ``text`` (up to ``MAX_ODD_BREAKS``), at its place by
    our count of lines ('\\n' only)."""
    found: list[Finding] = []
    total = 0
    for m in re.finditer(ODD_BREAKS, text):
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
    line, column = line_column(text, at)
    rest = more - 1
    tail = more_of(rest, "Filen", TECKEN) + (
        "" if rest < 1 else "; det visas inte här." if rest == 1 else "; de visas inte här."
    )
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
