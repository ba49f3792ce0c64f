"""Text pasted under ``nulage: |`` without indentation (docs/decisions/0066-honest-mistakes.md).

A civil servant writes ``nulage: |`` and pastes the text from a document on the lines below,
starting at the left margin. YAML then reads an empty text and takes the pasted lines for keys:
"Ett kolon saknas efter nyckeln" on the next line, or an unknown key made of a sentence. What
happened is simpler: the lines must be indented under the key. :func:`unindented_text` finds
that before the parser does, so the finding can say so and name the lines.

One pass over the lines, only when the file has a block-text header (``: |`` or ``: >``).
Lines end where YAML's lines end (the parser's line numbers are the ones a finding names):
at LF, CRLF (Windows) and a lone CR (old Mac), as everywhere (:mod:`utsatta.lineends`; a
file with U+0085, U+2028 or U+2029 is refused before it is parsed, docs/decisions/0100).
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from utsatta.findings import Finding, Severity
from utsatta.lineends import to_lf

__all__ = [
    "KeyInText",
    "Pasted",
    "field_names",
    "keys_in_text",
    "record_keys",
    "unindented_text",
]

#: ``key: |`` / ``- key: >-`` … , optionally with a comment: a block text begins below.
_HEADER = re.compile(r"^( *)(?:- +)*([A-Za-z_][\w-]*) *: *[|>][-+0-9]* *(?:#.*)?$")
_ANY_HEADER = re.compile(r": *[|>][-+0-9]* *(?:#.*)?$", re.MULTILINE)
#: A line that YAML and the schema can read as structure: a key of the data files (lower-case
#: ASCII), a list item, a comment or a document marker.
_STRUCTURE = r"^ *(?:#|- |-$|---|\.\.\.|(?:- +)*[a-z_][a-z0-9_]* *:(?: |$))"


# a NamedTuple, not a frozen dataclass: made at every start, and this is ~4x cheaper (0665)
class Pasted(NamedTuple):
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
    line of a syntax error; pasted text found only after it is not the cause (0: any).

    The same answer whatever the line ends (CRLF from Windows, a lone CR): each is made one
    LF first, so that the line numbers stay those of the YAML reader."""
    text = to_lf(text)
    if parsed and not _sentence_key_line(text):
        return None  # the usual case, found by looking only at the lines with a colon
    if _ANY_HEADER.search(text) is None:
        return None
    # Runs on every file: regular expressions find the next header by its ':' and the end of
    # a block by its next line indented less, instead of a Python step per line. The lines are
    # those of ``text.split("\n")``.
    size = len(text)
    pos = 0  # where the next header may start: the lines of a block are not looked at
    while (hit := _HEADER_AT.search(text, pos)) is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        stop = pos = hit.end()
        header = _HEADER.match(text[start:stop])
        if header is None:
            continue
        line = text[start:stop]
        key_indent = _indent(line) + (len(line.lstrip(" ")) - len(line.lstrip(" ").lstrip("- ")))
        if stop == size:
            return None  # the header is the last line
        # The block: blank lines and lines indented deeper than the key (the first one sets it).
        blank = _BLANK_LINES.match(text, stop + 1)  # always matches, perhaps nothing
        at = blank.end() if blank is not None else stop + 1
        first = _line(text, at)
        if not first.strip():
            return None  # only blank lines follow
        content = _indent(first) if _indent(first) > key_indent else -1
        if content > 0:
            less = _indented_less(content)
            while True:
                found = less.search(text, at)
                if found is None:
                    return None  # the block runs to the end of the file
                at = found.end()
                if _line(text, at).strip():
                    break
        end = _line(text, at)
        pasted = _SENTENCE_KEY.match(end) is not None if parsed else not re.match(_STRUCTURE, end)
        if pasted and not parsed and _key_without_colon(end, key_indent):
            pasted = False  # 'behov []' beside the header's key: a colon is missing, not indent
        if pasted and not parsed and _tabbed_key(end):
            pasted = False  # '\t- insats: …' after a text: a tab for indent, told by its line
        if pasted:
            j = text.count("\n", 0, at)
            if before == 0 or j + 1 <= before:
                i = text.count("\n", 0, start)
                indent = content if content > 0 else key_indent + 2
                return _pasted(text.split("\n"), header.group(2), i, j, indent)
        pos = at
    return None


#: ``_SENTENCE_KEY`` at a line start in the whole text. The possessive quantifiers change
#: nothing but time: a word is always followed by a space or ':'.
_WORD_AT = r"(?:[^\s:#-][^\s:#]*+|-[^\s:#]++)"
_SENTENCE_KEY_AT = re.compile(
    rf"^ *+(?:- +)*+{_WORD_AT}(?: ++{_WORD_AT}){{2,}} *+:(?: |$)", re.MULTILINE
)


_FIRST_WORD = r"( *)([a-z_][a-z0-9_]*) +(.*)$"


_TABBED_KEY = re.compile(r" *+\t[ \t]*+(?:- ++)*+([a-z_][a-z0-9_]*+) *+:(?: |$)")


def _tabbed_key(line: str) -> bool:
    """Whether ``line`` is a key of the data files indented with a tab: structure, not text."""
    m = _TABBED_KEY.match(line)
    return m is not None and m.group(1) in field_names()


def _key_without_colon(line: str, key_indent: int) -> bool:
    """Whether ``line`` is a key of the data files without its colon ('behov []'), at the
    indentation of the block's own key: a sibling of that key, not a line of its text."""
    m = re.match(_FIRST_WORD, line)
    if m is None or len(m.group(1)) != key_indent or re.match(r"[^\s]*:(?:\s|$)", m.group(3)):
        return False
    return m.group(2) in field_names()


def _sentence_key_line(text: str) -> bool:
    """Whether some line reads as a key made of a sentence. Such a line has a colon, so only
    lines with one are matched; ``str.find`` skips the rest of the text at C speed."""
    at = text.find(":")
    checked = -1
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        if start != checked:
            if _SENTENCE_KEY_AT.match(text, start):
                return True
            checked = start
        at = text.find(":", at + 1)
    return False


#: Where a header line may end: found by its ':' (a fast scan), then the line is matched
#: with ``_HEADER``. Every line that ``_HEADER`` matches has exactly one such hit.
_HEADER_AT = re.compile(r": *[|>][-+0-9]* *(?:#[^\n]*)?$", re.MULTILINE)
_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")


@functools.lru_cache(maxsize=32)
def _indented_less(indent: int) -> re.Pattern[str]:
    """The start of the next line indented less than ``indent`` spaces (or blank)."""
    return re.compile(rf"\n(?! {{{indent}}})")


def _line(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[at:] if end == -1 else text[at:end]


def _pasted(lines: list[str], key: str, i: int, j: int, indent: int) -> Pasted:
    """Lines from ``j`` (0-based) to the last non-blank one before a line that reads as
    structure, pasted under the header ``key`` on line ``i``; ``indent`` is what they need."""
    last = j
    k = j + 1
    n = len(lines)
    while k < n and not re.match(_STRUCTURE, lines[k]):
        if lines[k].strip():
            last = k
        k += 1
    return Pasted(key=key, key_line=i + 1, first=j + 1, last=last + 1, indent=indent)


# a NamedTuple, not a dataclass: see Pasted (0665)
class KeyInText(NamedTuple):
    """Line ``line`` (1-based), indented like the text under ``key: |`` (line ``key_line``),
    reads as the key ``name`` of the same record (at column ``column``) but is a line of the
    text: YAML takes every line indented like the text as text. ``key_indent``: the
    indentation of the record's keys."""

    key: str
    key_line: int
    name: str
    line: int
    column: int
    key_indent: int
    written: str
    #: for a list item (``- insats: "1:2"``): the indentation of the '-' of the record's
    #: own post, where the '-' of a new post of the same list stands; None for a key line
    item_indent: int | None = None
    #: the field's Swedish title (``Områden``), how the line is written as text: never the
    #: key spelled in ASCII, which would put 'Omraden' in the report's prose
    title: str | None = None

    def problem(self) -> Finding:
        from utsatta.escape import shorten

        dash = "" if self.item_indent is None else "- "
        as_text = (
            f"skriv '{dash}{self.title}:' med stor bokstav"
            if self.title
            else "skriv början av raden som vanlig text"
        )
        lead = (
            f"Raden '{shorten(self.written, 60)}' är indragen som texten under '{self.key}' "
            f"(rad {self.key_line}), så YAML läser den som en del av texten, "
        )
        if self.item_indent is None:
            message = (
                f"{lead}inte som nyckeln '{self.name}'. Ska den vara nyckeln: flytta ut den "
                f"till samma indrag som '{self.key}' ({self.key_indent} mellanslag). Ska den "
                f"vara text: {as_text}, så syns det att den är text."
            )
        else:
            message = (
                f"{lead}inte som en ny post med nyckeln '{self.name}'. Ska den börja en ny "
                f"post: flytta ut den så att '-' står på samma indrag som '-' i posten ovan "
                f"({self.item_indent} mellanslag), och postens andra nycklar på samma indrag "
                f"som '{self.key}' ({self.key_indent} mellanslag). Ska den vara text: "
                f"{as_text}, så syns det att den är text."
            )
        return Finding("", self.line, self.column, "nyckel-i-text", Severity.VARNING, message)


#: A line of the form ``key:`` or ``- key:`` (a key of the data files: lower-case ASCII),
#: indented; group 2 is the list item's '- ', if any.
_KEY_LINE = re.compile(r"( +)(- +)?([a-z_][a-z0-9_]*) *:(?: |$)", re.MULTILINE)


def _item_indent(text: str, start: int, key_indent: int) -> int | None:
    """The indentation of the '-' of the post whose keys stand at ``key_indent``, the record
    of the header line at ``start``: the header's own '-' (``  - motivering: |``) or the
    nearest line above with a '-' whose key starts at ``key_indent``. None when the record
    is no post of a list (a line with a key at less indentation comes first)."""
    end = text.find("\n", start)
    at = len(text) if end == -1 else end
    while at > 0:
        line_start = text.rfind("\n", 0, at - 1) + 1 if at > 0 else 0
        line = text[line_start:at].rstrip("\n")
        at = line_start
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        dash = re.match(r"(?:- +)+", stripped)
        if dash is not None and indent + dash.end() == key_indent:
            last = stripped.rstrip().rfind("- ", 0, dash.end())
            return indent + (last if last > 0 else 0)
        if indent < key_indent and line_start != start:
            return None
        if at == 0:
            break
    return None


def keys_in_text(text: str) -> list[Finding]:
    """A warning for each line inside a block text (``key: |`` or ``key: >``) that has the
    form of a key of the same record (``status: pagar`` under ``motivering: |``, indented
    like the text), or of a new post of the list that holds the record (``- insats: "1:2"``,
    when the record is a post): YAML reads it as text, silently, and the report would print
    it inside the text. Only the blocks are looked at, and only when the parser saw a block or
    quoted text with a colon in it (yamlread's ``suspect``). ``text`` has LF line ends."""
    found: list[Finding] = []
    size = len(text)
    pos = 0
    while (hit := _HEADER_AT.search(text, pos)) is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        stop = pos = hit.end()
        line = text[start:stop]
        header = _HEADER.match(line)
        if header is None or stop == size:
            continue
        key = header.group(2)
        stripped = line.lstrip(" ")
        key_indent = _indent(line) + (len(stripped) - len(stripped.lstrip("- ")))
        blank = _BLANK_LINES.match(text, stop + 1)
        at = blank.end() if blank is not None else stop + 1
        content = _indent(_line(text, at))
        if content <= key_indent or not _line(text, at).strip():
            continue
        end = size
        less = _indented_less(content)
        search_at = at
        while (next_line := less.search(text, search_at)) is not None:
            search_at = next_line.end()
            if _line(text, search_at).strip():
                end = next_line.start()
                break
        siblings = record_keys().get(key, frozenset())
        # A key's line has a colon: only the lines with one are matched (str.find skips the
        # rest at C speed; a text has few).
        colon = text.find(":", at, end)
        while colon != -1:
            line_start = text.rfind("\n", 0, colon) + 1
            m = _KEY_LINE.match(text, line_start, end)
            # A list item with a key (``- insats: "1:2"``) is a new post of the list that
            # holds this record: only when the record is a post of a list.
            item = None
            if m is not None and m.group(2) and m.group(3) in siblings:
                item = _item_indent(text, start, key_indent)
            if (
                m is not None
                and m.group(3) in siblings
                and (not m.group(2) or item is not None)
                and _could_be(key, m.group(3), _line(text, m.end()))
            ):
                found.append(
                    KeyInText(
                        key=key,
                        key_line=text.count("\n", 0, start) + 1,
                        name=m.group(3),
                        line=text.count("\n", 0, line_start) + 1,
                        column=len(m.group(1)) + 1,
                        key_indent=key_indent,
                        written=_line(text, line_start).strip(),
                        item_indent=item,
                        title=_title(key, m.group(3)),
                    ).problem()
                )
            line_end = text.find("\n", colon, end)
            colon = -1 if line_end == -1 else text.find(":", line_end, end)
        pos = max(pos, end)
    return found


@functools.cache
def field_names() -> frozenset[str]:
    """Every key the data files can have: the field names (and aliases) of the models.

    A line whose first word is one of them and lacks a colon is a key missing its colon; any
    other word is not a key (a wrapped text's next line, a URL …). Imported here, not at the top:
    the models are not needed to read a file that parses."""
    from utsatta.model.classes import record_classes

    names: set[str] = set()
    for cls in record_classes():
        for name, field in getattr(cls, "model_fields", {}).items():
            names.add(name)
            if isinstance(field.alias, str):
                names.add(field.alias)
    return frozenset(names)


@functools.cache
def record_keys() -> dict[str, frozenset[str]]:
    """Each key of the data files → the keys of the records it is a key of (its own record
    kinds' field names and aliases)."""
    from utsatta.model.classes import record_classes

    out: dict[str, set[str]] = {}
    for cls in record_classes():
        fields = getattr(cls, "model_fields", {})
        names = set(fields) | {f.alias for f in fields.values() if isinstance(f.alias, str)}
        for name in names:
            out.setdefault(name, set()).update(names)
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def _record_fields() -> dict[str, dict[str, tuple[Any, ...]]]:
    """Each key of the data files → the fields (pydantic FieldInfo) of the records it is a
    key of, by name (and alias): what a line of that record's key may hold."""
    from utsatta.model.classes import record_classes

    out: dict[str, dict[str, list[Any]]] = {}
    for cls in record_classes():
        fields = getattr(cls, "model_fields", {})
        named = dict(fields)
        named.update({f.alias: f for f in fields.values() if isinstance(f.alias, str)})
        for name in named:
            mine = out.setdefault(name, {})
            for other, field in named.items():
                mine.setdefault(other, []).append(field)
    return {k: {n: tuple(v) for n, v in d.items()} for k, d in out.items()}


def _title(key: str, name: str) -> str | None:
    titles = {f.title for f in _record_fields().get(key, {}).get(name, ()) if f.title}
    return titles.pop() if len(titles) == 1 else None


@functools.cache
def _adapter(field: Any) -> Any:
    from typing import Annotated

    from pydantic import TypeAdapter

    tp: Any = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    return TypeAdapter(tp)


def _could_be(key: str, name: str, written: str) -> bool:
    """Whether ``written`` (the rest of the line after ``name:``) could be a valid value of
    the key ``name`` in the record of ``key``, by the schema: an insats id for insats, an
    id or a list of them for omraden, a status for status, any text for a text. A sentence
    after 'status:' or 'omraden:' is prose, and no warning (granska8 #8). An empty value
    (a list or a record may follow on the lines below) could be."""
    value_text = re.sub(r"(?:^| )#.*", "", written).strip()
    if not value_text:
        return True
    from pydantic import ValidationError
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        value = YAML(typ="safe", pure=True).load(value_text)
    except (YAMLError, ValueError):
        return False
    for field in _record_fields().get(key, {}).get(name, ()):
        adapter = _adapter(field)
        for candidate in (value, [value]):
            try:
                adapter.validate_python(candidate)
            except (ValidationError, ValueError, TypeError):
                continue
            return True
    return False
