"""What YAML reads otherwise than the writer sees: a space pasted from Word or a web page
(U+00A0 …) where YAML needs a plain space, and a backslash inside double quotes, which YAML
reads as the start of an escape ('G:\\nya' becomes 'G:', a line break and 'ya'). Both are
invisible in the file; the findings name them at their place and show the corrected line."""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.error import MarkedYAMLError

from utsatta.findings import Finding, Severity
from utsatta.lineends import line_column
from utsatta.load.characters import KODER, more_of, refused_pattern
from utsatta.load.syntax_finding import block_start


def _syntax(line: int, column: int, message: str) -> Finding:
    return Finding("", line, column, "yaml-syntax", Severity.FEL, f"YAML-syntaxfel: {message}")


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1].rstrip("\r") if 0 < number <= len(lines) else ""


#: Spaces that Word, web pages and other scripts paste, and that YAML does not take as a space
#: (only ' ' and tab separate a key from its value, a '-' from its item, or indent a line).
ODD_SPACES = "\u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff"
_SPACE_NAMES = {
    "\u00a0": "ett hårt mellanslag (U+00A0)",
    "\u202f": "ett smalt hårt mellanslag (U+202F)",
    "\u2007": "ett siffermellanslag (U+2007)",
    "\u3000": "ett brett mellanslag (U+3000)",
    "\u200b": "ett nollbrett mellanslag (U+200B)",
    "\u2060": "ett osynligt ordbindningstecken (U+2060)",
    "\ufeff": "ett osynligt tecken (U+FEFF)",
}
_ODD_INDENT = re.compile(rf"^[ \t]*[{ODD_SPACES}]", re.MULTILINE)
#: "bedomning:<U+00A0>bedoms-uppnas": the key of a line, an odd space after its colon.
_ODD_AFTER_KEY = re.compile(
    rf"^( *(?:- +)*)([A-Za-z_][A-Za-z0-9_]*):([ \t]*[{ODD_SPACES}][ \t{ODD_SPACES}]*)(.*)$"
)
#: "-<U+00A0>hjallbo": an odd space after a list item's '-'.
_ODD_AFTER_DASH = re.compile(rf"^( *(?:- +)*)-([{ODD_SPACES}][ \t{ODD_SPACES}]*)(.*)$")


def space_name(char: str) -> str:
    """A Swedish name for an odd space, with its code point."""
    return _SPACE_NAMES.get(char, f"ett specialmellanslag (U+{ord(char):04X})")


def _first_odd(text: str) -> str:
    return next(c for c in text if c not in " \t")


def space_problem(exc: MarkedYAMLError, text: str) -> Finding | None:
    """An odd space (``ODD_SPACES``) where YAML needs a space: in the indentation, after a
    key's colon or after a list item's '-'. It is invisible, and the parser fails a line or
    two later with a message about something else: point at it instead."""
    marks = [m.line + 1 for m in (exc.problem_mark, exc.context_mark) if m is not None] or [1]
    last = max(marks)
    odd = _ODD_INDENT.search(text)
    if odd is not None:
        at = odd.end() - 1
        odd_line, odd_column = line_column(text, at)
        if odd_line <= last:
            return _syntax(
                odd_line,
                odd_column,
                f"Indraget innehåller {space_name(text[at])}, som inte syns "
                "men inte räknas som indrag. Ta bort blanktecknen i början av raden och skriv "
                "vanliga mellanslag.",
            )
    lines = text.split("\n")
    # The nearest such line at or above the parser's marks (a text may hold one on purpose).
    for number in range(last, max(0, min(marks) - 3), -1):
        written = _line(lines, number)
        m = _ODD_AFTER_KEY.match(written)
        if m is not None:
            start, key, gap, value = m.groups()
            column = len(start) + len(key) + 2 + gap.index(_first_odd(gap))
            fixed = f"{start.strip()} {key}:".lstrip() + (f" {_cut(value)}" if value else "")
            fix = (
                f"Ersätt det med ett vanligt mellanslag, så att raden blir: '{fixed}'."
                if value
                else f"Ta bort det, så att raden slutar med '{key}:'."
            )
            return _syntax(
                number,
                column,
                f"Efter '{key}:' står {space_name(_first_odd(gap))}, ofta inklistrat från Word "
                "eller en webbsida. Det syns inte, men YAML godtar det inte som mellanslag, så "
                f"raden läses inte som en nyckel med ett värde. {fix}",
            )
        m = _ODD_AFTER_DASH.match(written)
        if m is not None:
            start, gap, value = m.groups()
            column = len(start) + 2 + gap.index(_first_odd(gap))
            return _syntax(
                number,
                column,
                f"Efter '-' står {space_name(_first_odd(gap))}, ofta inklistrat från Word eller "
                "en webbsida. Det syns inte, men YAML godtar det inte som mellanslag, så raden "
                "läses inte som en ny post i listan. Ersätt det med ett vanligt mellanslag, så "
                f"att raden blir: '{(start.strip() + ' - ').lstrip()}{_cut(value)}'.",
            )
    return None


def _cut(value: str, limit: int = 50) -> str:
    """The start of ``value`` for a corrected line in a message: whole words, then '…'."""
    if len(value) <= limit:
        return value
    return value[:limit].rsplit(" ", 1)[0] + " …"


#: An escape in a double-quoted text: '\\' and one character, or a character by its code.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\s\S])")
#: The one-letter escapes that turn the text into another: nobody means them in a name or a
#: sentence, and a Windows path is full of them ('G:\nya\tabell.xlsx'). Not '\\', '\"', '\/',
#: '\ ' or a '\' at the end of a line: they keep the text as it reads.
_LETTERS = {
    "n": ("\n", "en radbrytning"),
    "t": ("\t", "ett tabbtecken"),
    "\t": ("\t", "ett tabbtecken"),
    "_": ("\u00a0", "ett hårt mellanslag (U+00A0)"),
    "r": ("\r", "kontrolltecknet U+000D (vagnretur)"),
    "0": ("\0", "kontrolltecknet U+0000"),
    "a": ("\a", "kontrolltecknet U+0007 (ljudsignal)"),
    "b": ("\b", "kontrolltecknet U+0008 (backsteg)"),
    "e": ("\x1b", "kontrolltecknet U+001B (escape)"),
    "f": ("\f", "kontrolltecknet U+000C (sidbrytning)"),
    "v": ("\v", "kontrolltecknet U+000B (vertikal tabb)"),
    "N": ("\x85", "kontrolltecknet U+0085 (radbrytning)"),
    "L": ("\u2028", "tecknet U+2028 (radavgränsare)"),
    "P": ("\u2029", "tecknet U+2029 (styckeavgränsare)"),
}


def escape_problem(text: str, ev: Any, refused: re.Pattern[str]) -> Finding | None:
    """The finding for a double-quoted scalar (event ``ev`` of ``text``) with an escape that
    turns the text into another than the one that reads in the file, or None: a one-letter
    escape (``_LETTERS``) or a code for a character that no value may hold (``refused``, code
    ``otillatet-tecken``). Run only for a double-quoted value of a file with a '\\' in it."""
    start = ev.start_mark
    raw = text[start.index : ev.end_mark.index]
    found = []
    for m in _ESCAPE.finditer(raw):
        what = m.group(1)
        if what in _LETTERS:
            char, name = _LETTERS[what]
            found.append((m.group(0), name, refused.match(char) is not None))
        elif len(what) > 1 and refused.fullmatch(chr(int(what[1:], 16))):
            found.append((m.group(0), f"tecknet U+{int(what[1:], 16):04X}", True))
    if not found:
        return None
    written, name, is_refused = found[0]
    more = len(found) - 1
    also = more_of(more, "Texten", KODER) + ("." if more else "")
    before = text[text.rfind("\n", 0, start.index) + 1 : start.index]
    fix = _corrected(before, raw[1:-1])
    key = _KEY_BEFORE.fullmatch(before)
    header = f"'{key.group(2)}: |'" if key else block_start(before)[0]
    newline = (
        f" Ska texten ha en radbrytning, skriv den på egna rader under {header}."
        if written == "\\n"
        else ""
    )
    return Finding(
        "",
        start.line + 1,
        start.column + 1,
        "otillatet-tecken" if is_refused else "bakstreck-i-citat",
        Severity.FEL,
        f"Inom dubbla citattecken läses '{written}' som {name}, så texten blir inte den som står "
        f"i filen.{also} Är '\\' en del av texten (t.ex. i en sökväg som G:\\Nämnder), skriv "
        f"texten inom enkla citattecken i stället: {fix}. Annars ta bort "
        f"{'koden' if not more else 'koderna'}.{newline}",
    )


#: What stands before a value on its line: "  - motivering: " (the key) or "  - ".
_KEY_BEFORE = re.compile(r"\s*((?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*):\s*")
_WHERE = "ett ' direkt före texten och ett ' direkt efter den, i stället för \""


#: The longest text (within "…", as written) whose corrected line the help writes out; a longer
#: one gets the advice where the quotes go, so that the message stays readable.
CORRECTED_MAX = 70


def _corrected(before: str, inner: str) -> str:
    intended = _intended(inner) if "\n" not in inner and len(inner) <= CORRECTED_MAX else None
    if intended is None:
        return _WHERE
    key = _KEY_BEFORE.fullmatch(before)
    prefix = f"{key.group(1)}{key.group(2)}: " if key else ""
    quoted = intended.replace("'", "''")  # within '…' an apostrophe is written ''
    return f"{prefix}'{quoted}'"


#: Escapes that keep the text as it reads, and the hex digits of a character by its code.
#: Not '\ ': YAML reads it as a space (an escape for a space at the edge of a line of a text
#: over several lines), which nobody writing a name or a sentence means. Where the help is
#: shown the '\' is part of the text (a path), so the one before a space is too: the text is
#: the same as with the other advice, "write '\\' for every '\'" (docs/decisions/0345).
_SAME = {"\\": "\\", '"': '"', "/": "/"}
_CODE_SIZE = {"x": 2, "u": 4, "U": 8}
_HEX = frozenset("0123456789abcdefABCDEF")


def _intended(inner: str) -> str | None:
    """The text ``inner`` (within "…") was meant to be, or None when it cannot be written
    within '…' on one line: every escape YAML reads as the same text ('\\\\', '\\"', '\\/',
    a character by its code) as the character YAML makes of it; the ones that are the problem
    (``_LETTERS``, a code for a refused character, an escape YAML does not know) and '\\ '
    as written, since there the '\\' is part of the text (a path)."""
    out = []
    i = 0
    while i < len(inner):
        char = inner[i]
        what = inner[i + 1 : i + 2]
        if char != "\\" or not what:
            out.append(char)
            i += 1
            continue
        size = _CODE_SIZE.get(what, 0)
        code = inner[i + 2 : i + 2 + size]
        if what in _SAME:
            out.append(_SAME[what])
        elif size and len(code) == size and set(code) <= _HEX and int(code, 16) <= 0x10FFFF:
            meant = chr(int(code, 16))
            if refused_pattern().fullmatch(meant) is None:
                out.append(meant)
                i += 2 + size
                continue
            out.append(f"\\{what}")  # the problem: the code stays as written
        else:
            out.append(f"\\{what}")  # a one-letter escape or none YAML knows: as written
        i += 2
    text = "".join(out)
    # A character that does not show as itself (a control, an odd space) cannot be copied.
    return text if text.isprintable() else None


def _quoted_on_line(text: str, start: int) -> str | None:
    """The inside of the "…" that opens at ``text[start]`` and closes on its line with at most
    a comment after it, or None. One pass over at most 72 characters: a longer text gets
    ``_WHERE``, never a corrected line (no work that grows with the line)."""
    if text[start : start + 1] != '"':
        return None
    i = start + 1
    while i < min(len(text), start + 72):
        if text[i] == "\\":
            i += 2
        elif text[i] == '"':
            after = text[i + 1 :].lstrip()
            return text[start + 1 : i] if not after or after.startswith("#") else None
        else:
            i += 1
    return None


def escape_syntax_problem(
    problem: str, lines: list[str], line: int, column: int, start: int | None = None
) -> Finding | None:
    """A '\\' in "…" that starts no escape YAML knows ('C:\\Users', 'G:\\AVN'): the parser
    stops there. The same advice as ``escape_problem``: most often it is a path. ``start``:
    where the "…" opens on ``line`` (0-based, the parser's context mark), if there."""
    if "escape" not in problem and "hexdecimal" not in problem:
        return None
    text = _line(lines, line)
    code = _code_escape(problem, text, column)
    if code is not None:
        column, what = code
    else:
        at = text.rfind("\\", 0, column)  # libyaml points at the '\' of an unknown escape
        if at != -1:
            column = at + 1
        written = text[column - 1 : column + 1]
        what = f"'{written}' är ingen sådan kod"
    inner = _quoted_on_line(text, start) if start is not None and start < column else None
    fix = _WHERE if inner is None else _corrected(text[:start], inner)
    return _syntax(
        line,
        column,
        "Inom dubbla citattecken läses '\\' som början på en kod för ett specialtecken, och "
        f"{what}. Är '\\' en del av texten (t.ex. i en sökväg som "
        f"G:\\Nämnder), skriv texten inom enkla citattecken i stället: {fix}. Annars skriv "
        "'\\\\' för varje '\\'.",
    )


_DIGITS = {"x": "två", "u": "fyra", "U": "åtta"}


def _code_escape(problem: str, text: str, column: int) -> tuple[int, str] | None:
    """A character by its code ('\\x', '\\u', '\\U') without its hexadecimal digits, or with
    digits for no character: the column of its '\\' and what is wrong. Both parsers point at
    the first digit, just after the letter (never at a later '\\' on the line)."""
    at = column - 3  # 0-based index of the '\\'
    letter = text[at + 1 : at + 2]
    if at < 0 or text[at] != "\\" or letter not in _CODE_SIZE:
        return None
    size = _CODE_SIZE[letter]
    digits = text[at + 2 : at + 2 + size]
    if "hexdecimal" in problem:
        given = digits[: next((i for i, c in enumerate(digits) if c not in _HEX), len(digits))]
        written = f"'\\{letter}{given}'" if given else f"'\\{letter}' utan någon siffra"
        return at + 1, (
            f"'\\{letter}' ska följas av {_DIGITS[letter]} hexadecimala siffror (0–9, A–F): "
            f"här står {written}"
        )
    if "invalid Unicode" in problem:
        return at + 1, f"'\\{letter}{digits}' är koden för inget tecken"
    return None
