"""Text pasted under ``nulage: |`` without indentation (docs/decisions/0066-honest-mistakes.md).

A civil servant writes ``nulage: |`` and pastes the text from a document on the lines below,
starting at the left margin. YAML then reads an empty text and takes the pasted lines for keys:
"Ett kolon saknas efter nyckeln" on the next line, or an unknown key made of a sentence. What
happened is simpler: the lines must be indented under the key. :func:`unindented_text` finds
that before the parser does, so the finding can say so and name the lines.

One pass over the lines, only when the file has a block-text header (``: |`` or ``: >``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Pasted", "unindented_text"]

#: ``key: |`` / ``- key: >-`` … , optionally with a comment: a block text begins below.
_HEADER = re.compile(r"^( *)(?:- +)*([A-Za-z_][\w-]*) *: *[|>][-+0-9]* *(?:#.*)?$")
_ANY_HEADER = re.compile(r": *[|>][-+0-9]* *(?:#.*)?$", re.MULTILINE)
#: A line that YAML and the schema can read as structure: a key of the data files (lower-case
#: ASCII), a list item, a comment or a document marker.
_STRUCTURE = re.compile(r"^ *(?:#|- |-$|---|\.\.\.|(?:- +)*[a-z_][a-z0-9_]* *:(?: |$))")


@dataclass(frozen=True, slots=True)
class Pasted:
    """Lines ``first``–``last`` (1-based) belong to the text of ``key`` (line ``key_line``) but
    are not indented under it; ``indent`` is how many spaces the text needs at least."""

    key: str
    key_line: int
    first: int
    last: int
    indent: int

    def message(self) -> str:
        lines = f"rad {self.first}" if self.first == self.last else f"rad {self.first}–{self.last}"
        return (
            f"Texten under '{self.key}: |' (rad {self.key_line}) är inte indragen, så YAML läser "
            f"den inte som texten. Dra in {lines} med minst {self.indent} mellanslag, lika "
            f"mycket på varje rad (mer än nyckeln '{self.key}')."
        )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


#: A key of three words or more: a sentence that YAML took for a key.
#: A word is never a lone "-": that is a list marker ("- - key:" is no sentence).
_WORD = r"(?:[^\s:#-][^\s:#]*|-[^\s:#]+)"
_SENTENCE_KEY = re.compile(rf"^ *(?:- +)*{_WORD}(?: +{_WORD}){{2,}} *:(?: |$)")


def unindented_text(text: str, *, parsed: bool = False, before: int = 0) -> Pasted | None:
    """The first block text whose lines were pasted without indentation, or None.

    ``parsed``: the file parsed without a syntax error; then the pasted text must have become
    a key made of a sentence (three words or more before the colon), so valid YAML with an
    empty block text followed by an odd key is never taken for pasted text. ``before``: the
    line of a syntax error; pasted text found only after it is not the cause (0: any)."""
    if _ANY_HEADER.search(text) is None:
        return None
    lines = text.split("\n")
    n = len(lines)
    i = 0
    while i < n:
        header = _HEADER.match(lines[i].rstrip("\r"))
        if header is None:
            i += 1
            continue
        key_indent = _indent(lines[i]) + (
            len(lines[i].lstrip(" ")) - len(lines[i].lstrip(" ").lstrip("- "))
        )
        # The block: blank lines and lines indented deeper than the key (the first one sets it).
        j = i + 1
        content = -1
        while j < n:
            line = lines[j].rstrip("\r")
            if line.strip():
                if content < 0 and _indent(line) > key_indent:
                    content = _indent(line)
                if content < 0 or _indent(line) < content:
                    break
            j += 1
        end = lines[j].rstrip("\r") if j < n else ""
        pasted = _SENTENCE_KEY.match(end) is not None if parsed else not _STRUCTURE.match(end)
        if j < n and pasted and (before == 0 or j + 1 <= before):
            first = j
            last = j
            k = j + 1
            while k < n and not _STRUCTURE.match(lines[k].rstrip("\r")):
                if lines[k].strip():
                    last = k
                k += 1
            return Pasted(
                key=header.group(2),
                key_line=i + 1,
                first=first + 1,
                last=last + 1,
                indent=(content if content > 0 else key_indent + 2),
            )
        i = max(j, i + 1)
    return None
