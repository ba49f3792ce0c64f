"""A plain text that goes on over the following, more indented lines ('motivering: Resultat:
fler besökare' and '      än 2024 och fler lån.' under it): the advice for it is the block
form, whole, in one step. Quotes around the first line only would leave the other lines outside
them, and the next run would stop there with a vaguer message (decision 0658).

Every line is read at most once per finding, and only the lines of the one text: the cost
follows the text, not the file (decision 0310)."""

from __future__ import annotations

import re

from utsatta.findings import Finding
from utsatta.load.pasted import field_names
from utsatta.load.syntax_finding import file_line, piece, syntax_finding
from utsatta.numbers import heltal

__all__ = ["continued_text", "quoted_then_continued"]

#: A key and its plain value: '    motivering: Resultat: …' (the key's column is group 1's end).
_KEY_VALUE = re.compile(r"^( *+(?:- ++)*+)([a-z_][a-z0-9_]*+):[ \t]++(\S.*)$")
#: A value that is no plain text: quoted, a block, a list or a mapping, an alias, a tag.
_NOT_PLAIN = "\"'|>[{&*!%@`#"
#: A key line whose text begins on the line below: '    nulage:' (a comment may follow).
_KEY_ONLY = re.compile(r"^( *+(?:- ++)*+)([a-z_][a-z0-9_]*+):[ \t]*+(?:#.*)?$")
#: A colon that makes a line a key for YAML: followed by a space or the line's end.
_KEY_COLON = re.compile(r":(?:\s|$)")
#: A line that starts with a key: 'status: pagaende', '- insats: …'.
_FIELD = re.compile(r"(?:- ++)*+([a-z_][a-z0-9_]*+):(?:\s|$)")
#: How far up a continued text's key line is looked for (a longer text is not this mistake).
_MAX_LINES = 200
#: The continuation lines shown in the advice (then "and the rest").
_SHOWN = 2
#: The longest line shown whole: a cut line is never shown as the thing to write.
_WHOLE = 70


def _indent(written: str) -> int:
    return len(written) - len(written.lstrip(" "))


def _continuation(lines: list[str], key_line: int, key_column: int) -> list[int]:
    """The lines after ``key_line`` that YAML reads as the rest of its value: not blank, not
    a comment, indented (with spaces) more than the key."""
    found = []
    for number in range(key_line + 1, min(key_line + _MAX_LINES, len(lines)) + 1):
        written = file_line(lines, number)
        stripped = written.strip()
        if not stripped or stripped.startswith("#") or written[:1] == "\t":
            break
        if _indent(written) <= key_column:
            break
        key = _FIELD.match(stripped)
        if key is not None and key.group(1) in field_names():
            return []  # a key indented too far: the indentation's own message says it
        found.append(number)
    return found


def _key_line(lines: list[str], line: int) -> tuple[int, re.Match[str], list[int]] | None:
    """The key line of the plain text that ``line`` is part of (itself or one above), with the
    lines that continue it."""
    for number in range(line, max(line - _MAX_LINES, 0), -1):
        written = file_line(lines, number)
        if not written.strip() or written.lstrip().startswith("#"):
            return None
        m = _KEY_ONLY.match(written) if number < line else None
        if m is not None:
            # 'nulage:' and the text on the lines below, without '|': YAML reads them as one
            # plain text until a later line has a colon (its first line has none, or the
            # text would be a key and its value)
            rest = _continuation(lines, number, len(m.group(1)))
            first = file_line(lines, rest[0]).strip() if rest else ""
            plain = first[:1] not in _NOT_PLAIN + "-" and not _KEY_COLON.search(first)
            return (number, m, rest) if plain and line in rest[1:] else None
        m = _KEY_VALUE.match(written)
        if m is not None and m.group(3)[0] not in _NOT_PLAIN:
            rest = _continuation(lines, number, len(m.group(1)))
            if rest and (number == line or line in rest):
                return number, m, rest
            if number < line:
                return None
    return None


def _as_block(
    lines: list[str], key_line: int, key: str, first: str, rest: list[int], key_column: int
) -> str:
    """'skriv texten som ett textblock: …' with the first lines as they should be written."""
    spaces = min(_indent(file_line(lines, n)) for n in rest)
    spaces = spaces if spaces > key_column else key_column + 2
    texts = [first] if first else []  # '' when the text begins on the line below the key
    texts += [file_line(lines, n).strip() for n in rest[:_SHOWN]]
    shown = []
    for text in texts:
        if piece(text, _WHOLE) != text:
            break
        shown.append(f"'{text}'")
    if not shown and not first:
        them = "textens rader står kvar under den"
    elif not shown:
        them = (
            f"texten efter '{key}: ' flyttas till en egen rad under den, före textens övriga rader"
        )
    else:
        if len(shown) < len(texts) or len(rest) > _SHOWN:
            shown.append("resten av textens rader")
        listed = ", ".join(shown[:-1]) + " och " + shown[-1] if len(shown) > 1 else shown[0]
        them = f"under den står {listed}"
    return (
        f"skriv texten som ett textblock: rad {key_line} blir '{key}: |', och {them}, alla "
        f"indragna {heltal(spaces)} mellanslag (mer än nyckeln)."
    )


def _rows(numbers: list[int]) -> str:
    return f"rad {numbers[0]}" if len(numbers) == 1 else f"rad {numbers[0]}–{numbers[-1]}"


def continued_text(lines: list[str], line: int, column: int) -> Finding | None:
    """A colon in a plain text that goes on over more indented lines (YAML stops at the colon,
    on the key's line or a later one): the block form, with the text's first lines."""
    written = file_line(lines, line)
    if written[column - 1 : column] != ":":
        return None
    start = _key_line(lines, line)
    if start is None:
        return None
    key_line, m, rest = start
    key = piece(m.group(2), 40)
    colon = "sist på raden" if not written[column:].strip() else "följt av mellanslag"
    if m.re is _KEY_ONLY:  # the text begins on the line below the key
        word = written[:column].strip()
        return syntax_finding(
            key_line,
            len(m.group(1)) + 1,
            f"Texten under '{key}:' står på {_rows(rest)} utan '|' och har på rad {line} ett "
            f"kolon {colon} ('{piece(word, 40)}'), och YAML läser det som början på en ny "
            "nyckel. S"
            + _as_block(lines, key_line, key, "", rest, len(m.group(1)))[1:-1]
            + ": då behålls varje rad, och rader som börjar med '- ' eller '1.' blir en lista "
            "i rapporten.",
        )
    if line == key_line:
        word = m.group(3)[: column - m.start(3)].strip()
    else:
        word = written[:column].strip()
    where = "" if line == key_line else f" på rad {line}"
    return syntax_finding(
        key_line,
        len(m.group(1)) + 1,
        f"Texten efter '{key}:' fortsätter på {_rows(rest)} och innehåller{where} ett kolon "
        f"{colon} ('{piece(word, 40)}'), och YAML läser det som början på en ny nyckel. S"
        + _as_block(lines, key_line, key, m.group(3).rstrip(), rest, len(m.group(1)))[1:],
    )


_QUOTED = re.compile(r"^( *+(?:- ++)*+)([a-z_][a-z0-9_]*+):[ \t]++\"([^\"\\]*+)\"[ \t]*+$")


def quoted_then_continued(lines: list[str], line: int) -> Finding | None:
    """'motivering: "Resultat: fler besökare"' and, under it, '      än 2024 och fler lån.':
    only the first line in quotes. YAML stops at the next line; the advice is the block form."""
    above = line - 1
    m = _QUOTED.match(file_line(lines, above))
    if m is None:
        return None
    key_column = len(m.group(1))
    rest = _continuation(lines, above, key_column)
    if not rest or rest[0] != line:
        return None
    key = piece(m.group(2), 40)
    return syntax_finding(
        line,
        _indent(file_line(lines, line)) + 1,
        f"Texten efter '{key}:' på rad {above} står inom citattecken, men {_rows(rest)} under "
        "den är indragen mer än nyckeln, och YAML kan inte läsa en fortsättning efter "
        "citattecknet. Hör raderna till texten, "
        + _as_block(lines, above, key, m.group(3), rest, key_column),
    )
