"""Duplicate keys in a mapping, as the YAML reader (``yamlread``) finds them: the finding, a
list item's keys (where a forgotten '- ' makes keys come again), and the count of those past
what can be listed."""

from __future__ import annotations

from typing import Any

from utsatta.escape import shorten
from utsatta.findings import LISTED_PER_CODE, Finding, Severity


def duplicate(key: Any, mark: Any, count: int = 1) -> Finding:
    """A key that comes again in its mapping (the reader names the file later)."""
    return Finding(
        "",
        mark.line + 1,
        mark.column + 1,
        "dubblett-nyckel",
        Severity.FEL,
        f"Nyckeln '{shorten(str(key), 60)}' står två gånger på samma nivå (under samma nyckel "
        "eller överst i filen). Ta bort "
        "den ena eller slå ihop dem; annars är det oklart vilket värde som gäller.",
        count=count,
    )


class Duplicates:
    """The duplicate keys of a file outside list items, in the order of the file. Only the
    first ``LISTED_PER_CODE`` are ever listed (``check.pipeline.bounded`` counts the rest into
    one ``fler-fynd`` finding at the first one left out, with the lines of the first and the
    last): past that one, the rest are counted, not built, and handed on as two findings, the
    first of them standing for all but the last (``Finding.count``). A file of 100,000 copies
    of one key then costs what reading it costs."""

    __slots__ = ("built", "last", "rest", "tail")

    def __init__(self) -> None:
        self.built = 0
        self.rest = 0
        self.tail: tuple[Any, Any] | None = None
        self.last: tuple[Any, Any] | None = None

    def add(self, key: Any, mark: Any, problems: list[Finding]) -> None:
        if self.built <= LISTED_PER_CODE:  # the listed ones and the first one left out
            self.built += 1
            problems.append(duplicate(key, mark))
            return
        self.rest += 1
        if self.tail is None:
            self.tail = (key, mark)
        else:
            self.last = (key, mark)

    def flush(self, problems: list[Finding]) -> None:
        if self.tail is not None:
            problems.append(duplicate(*self.tail, count=self.rest - (self.last is not None)))
        if self.last is not None:
            problems.append(duplicate(*self.last))


class ItemKeys:
    """The keys of a list item's mapping that has a duplicate key. A forgotten '- ' makes the
    next item's keys part of this one: its keys come again, its first key among them. Then
    one finding says so, at the first key that came again, instead of one per key.

    ``segment``: the keys of the item as it stands (since the last missing '- '). A key that
    comes again within it opens a ``trial``: if the mapping's first key comes in the trial, a
    new item begins where the trial began; if the mapping ends first, the keys that came again
    are duplicates after all."""

    __slots__ = ("first", "segment", "trial")

    def __init__(self, mapping: dict[Any, Any]) -> None:
        self.first = next(iter(mapping))
        self.segment: set[Any] = set(mapping)
        #: where the trial began (its finding, its index in the problems), its keys, and the
        #: duplicates found in it (each with whether it came again within the trial)
        self.trial: tuple[Finding, int, set[Any], list[tuple[Finding, bool]], Any] | None = None

    def add(self, key: Any) -> None:
        (self.trial[2] if self.trial is not None else self.segment).add(key)

    def duplicate(self, key: Any, mark: Any, problems: list[Finding]) -> None:
        if self.trial is None:
            if key not in self.segment:  # the rest of the previous item, again: expected
                self.segment.add(key)
                return
            found = duplicate(key, mark)
            self.trial = (found, len(problems), {key}, [(found, False)], key)
        elif key != self.first:
            keys, pending = self.trial[2], self.trial[3]
            pending.append((duplicate(key, mark), key in keys))
            keys.add(key)
        if key == self.first:
            start, at, keys, pending, start_key = self.trial
            problems[at:at] = [missing_dash(start, start_key, self.first)]
            problems[at + 1 : at + 1] = [f for f, within in pending if within]
            self.segment = keys | {key}
            self.trial = None

    def end(self, problems: list[Finding]) -> None:
        if self.trial is not None:
            at, pending = self.trial[1], self.trial[3]
            problems[at:at] = [f for f, _ in pending]


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
