"""Duplicate keys in a mapping, as the YAML reader (``yamlread``) finds them: the finding, a
list item's keys (where a forgotten '- ' makes keys come again), and the count of those past
what can be listed."""

from __future__ import annotations

from typing import Any

from utsatta.escape import shorten
from utsatta.findings import LISTED_PER_CODE, Finding, Severity


def duplicate(key: Any, mark: Any, count: int = 1, first: int | None = None) -> Finding:
    """A key that comes again in its mapping (the reader names the file later); ``first``: the
    line where the key was first written, when the text shows it."""
    line = mark.line + 1
    if first is not None and first < line:
        # the two lines say where better than "the same level" does, in a message as long
        where = (
            f"på samma nivå: på rad {first} och här på rad {line}. Behåll den som är rätt och ta "
            "bort den andra, eller slå ihop dem"
        )
    else:
        where = (
            "på samma nivå (under samma nyckel eller överst i filen). Ta bort den ena eller slå "
            "ihop dem"
        )
    return Finding(
        "",
        line,
        mark.column + 1,
        "dubblett-nyckel",
        Severity.FEL,
        f"Nyckeln '{shorten(str(key), 60)}' står två gånger {where}; annars är det oklart "
        "vilket värde som gäller.",
        count=count,
    )


class FirstLines:
    """The line where each key of a mapping with a duplicate key was first written. The walk
    keeps no key's place (that would cost every file), so the text is read, only for a mapping
    that has a duplicate: back from the duplicate to the mapping's first line (the first line
    less indented than its keys), then forward, once per mapping however many duplicates it
    has. A best guess from the lines, as the parser saw them (a key in '{ }' is not found: the
    message then names no first line)."""

    __slots__ = ("_lines", "_maps", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None
        #: per mapping (and floor): the mapping, the next line to read, the keys seen
        self._maps: dict[tuple[int, int, int], tuple[Any, int, dict[str, int]]] = {}

    def first(self, parent: Any, key: Any, mark: Any, floor: int = 0) -> int | None:
        """The 1-based line of ``key``'s first place in ``parent`` (its duplicate at ``mark``),
        looking no higher than the 0-based line ``floor``."""
        if self._lines is None:
            self._lines = self._text.split("\n")
        lines, at, column = self._lines, mark.line, mark.column
        slot = (id(parent), column, floor)
        entry = self._maps.get(slot)
        if entry is None or entry[0] is not parent:
            start = at
            while start > floor:
                place = _key_column(lines[start - 1])
                if place is not None and place[0] < column:
                    # the mapping's first line when its key stands at the column ('- insats:')
                    start -= 1 if place[1] == column else 0
                    break
                start -= 1
            entry = (parent, start, {})
        _, start, seen = entry
        for number in range(start, at):
            written = _key_at(lines[number], column)
            if written is not None and written not in seen:
                seen[written] = number + 1
        self._maps[slot] = (parent, max(start, at), seen)
        return seen.get(str(key))


def _key_column(line: str) -> tuple[int, int] | None:
    """(0-based column of the line's first character, and of its first character after any
    '- '), or None for a blank line or a comment."""
    content = line.lstrip(" ")
    if not content or content[0] == "#":
        return None
    first = len(line) - len(content)
    after = first
    while content[:1] == "-" and content[1:2] in (" ", ""):
        rest = content[1:].lstrip(" ")
        after += len(content) - len(rest)
        content = rest
    return first, after


def _key_at(line: str, column: int) -> str | None:
    """The key written at the 0-based ``column`` of ``line`` (quotes taken off), if any."""
    place = _key_column(line)
    if place is None or place[1] != column:
        return None
    text = line[column:]
    if text[:1] in ("'", '"'):
        end = text.find(text[0], 1)
        return text[1:end] if end > 0 and text[end + 1 :].lstrip(" ")[:1] == ":" else None
    colon = text.find(":")
    while colon >= 0 and text[colon + 1 : colon + 2] not in ("", " ", "\t", "\r"):
        colon = text.find(":", colon + 1)
    return text[:colon].rstrip(" ") if colon > 0 else None


class Duplicates:
    """The duplicate keys of a file outside list items, in the order of the file. Only the
    first ``LISTED_PER_CODE`` are ever listed (``check.pipeline.bounded`` counts the rest into
    one ``fler-fynd`` finding at the first one left out, with the lines of the first and the
    last): past that one, the rest are counted, not built, and handed on as two findings, the
    first of them standing for all but the last (``Finding.count``). A file of 100,000 copies
    of one key then costs what reading it costs."""

    __slots__ = ("built", "firsts", "last", "rest", "tail")

    def __init__(self, firsts: FirstLines) -> None:
        self.built = 0
        self.rest = 0
        self.firsts = firsts
        self.tail: tuple[Any, Any, Any] | None = None
        self.last: tuple[Any, Any, Any] | None = None

    def add(self, key: Any, mark: Any, problems: list[Finding], parent: Any) -> None:
        if self.built <= LISTED_PER_CODE:  # the listed ones and the first one left out
            self.built += 1
            problems.append(duplicate(key, mark, first=self.firsts.first(parent, key, mark)))
            return
        self.rest += 1
        if self.tail is None:
            self.tail = (key, mark, parent)
        else:
            self.last = (key, mark, parent)

    def flush(self, problems: list[Finding]) -> None:
        if self.tail is not None:
            key, mark, parent = self.tail
            first = self.firsts.first(parent, key, mark)
            count = self.rest - (self.last is not None)
            problems.append(duplicate(key, mark, count, first))
        if self.last is not None:
            key, mark, parent = self.last
            problems.append(duplicate(key, mark, first=self.firsts.first(parent, key, mark)))


class ItemKeys:
    """The keys of a list item's mapping that has a duplicate key. A forgotten '- ' makes the
    next item's keys part of this one: its keys come again, its first key among them. Then
    one finding says so, at the first key that came again, instead of one per key.

    ``segment``: the keys of the item as it stands (since the last missing '- '). A key that
    comes again within it opens a ``trial``: if the mapping's first key comes in the trial, a
    new item begins where the trial began; if the mapping ends first, the keys that came again
    are duplicates after all."""

    __slots__ = ("first", "firsts", "floor", "mapping", "segment", "trial")

    def __init__(self, mapping: dict[Any, Any], firsts: FirstLines) -> None:
        self.first = next(iter(mapping))
        self.mapping = mapping
        self.firsts = firsts
        #: the 0-based line where the segment begins, for the line a key was first written on
        self.floor = 0
        self.segment: set[Any] = set(mapping)
        #: where the trial began (its place as a finding, its index in the problems), its keys,
        #: and the duplicates found in it (key, place, whether it came again within the trial)
        self.trial: tuple[Finding, int, set[Any], list[tuple[Any, Any, bool]], Any] | None = None

    def add(self, key: Any) -> None:
        (self.trial[2] if self.trial is not None else self.segment).add(key)

    def duplicate(self, key: Any, mark: Any, problems: list[Finding]) -> None:
        if self.trial is None:
            if key not in self.segment:  # the rest of the previous item, again: expected
                self.segment.add(key)
                return
            found = duplicate(key, mark)  # its place; the finding is built when it is decided
            self.trial = (found, len(problems), {key}, [(key, mark, False)], key)
        elif key != self.first:
            keys, pending = self.trial[2], self.trial[3]
            pending.append((key, mark, key in keys))
            keys.add(key)
        if key == self.first:
            start, at, keys, pending, start_key = self.trial
            problems[at:at] = [missing_dash(start, start_key, self.first)]
            # a new item began at the trial's start: a key that came again after it was first
            # written in the new item
            floor = start.line - 1
            problems[at + 1 : at + 1] = [
                self._duplicate(k, m, floor) for k, m, within in pending if within
            ]
            self.segment = keys | {key}
            self.floor = floor
            self.trial = None

    def end(self, problems: list[Finding]) -> None:
        if self.trial is not None:
            at, pending = self.trial[1], self.trial[3]
            problems[at:at] = [self._duplicate(k, m, self.floor) for k, m, _ in pending]

    def _duplicate(self, key: Any, mark: Any, floor: int) -> Finding:
        return duplicate(key, mark, first=self.firsts.first(self.mapping, key, mark, floor))


def missing_dash(found: Finding, written: Any, first: Any) -> Finding:
    key = shorten(str(written), 40)
    keys = (
        f"Nyckeln '{key}' (postens första nyckel)"
        if written == first
        else f"Nyckeln '{key}' och, efter den, postens första nyckel '{shorten(str(first), 40)}'"
    )
    return Finding(
        "",
        found.line,
        found.column,
        "listpost-saknar-streck",
        Severity.FEL,
        f"{keys} finns redan i posten ovanför: troligen "
        f"börjar en ny post i listan här och '- ' saknas. Skriv '- ' före '{key}' på samma "
        "indrag som listans andra '- ', så att den nya postens nycklar står lika långt in som "
        "nycklarna i posten ovanför.",
    )
