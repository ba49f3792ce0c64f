"""A '- ' too many before a key of a list post: valid YAML, a new post that holds only keys
the post above lacks and none of the keys a post must have. The schema would list each of
those as missing, and none of those messages would name the '- '; one finding does, with the
two fixes (the same wording as the YAML error of ``load.indent``)."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from utsatta.findings import Finding, Path_, at_line
from utsatta.wording import LISTADE_VARDEN, begransad


@dataclass(frozen=True, slots=True)
class Source:
    """Where a key stands in the file (1-based line, column; None when not known), and the
    file's lines (read when first asked for)."""

    key_at: typing.Callable[[Path_], tuple[int, int] | None]
    lines: typing.Callable[[], list[str]]
    #: where a finding at a path (at its key or not) is placed (``Positions.locate``); None:
    #: not known, and every schema finding is built (decision 0515)
    locate: typing.Callable[[Path_, bool], tuple[int, int]] | None = None
    #: the year a report's folder says: the example for its 'ar' (not the schema's, 0658)
    year: int | None = None

    def line(self, number: int) -> str:
        """Line ``number`` (1-based); "" past the end."""
        found = self.lines()
        return found[number - 1] if 0 < number <= len(found) else ""


def _below(src: Source, line: int, dash: int) -> tuple[int, int] | None:
    """The lines under ``line`` that belong to the post its '-' (0-based column ``dash``)
    begins: a block text, a value or key continued on more lines. (first, last) of them, the
    blank lines at the end not counted; None when there are none."""
    lines = src.lines()
    last = line
    for number in range(line + 1, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        if len(text) - len(text.lstrip(" ")) <= dash:
            break
        last = number
    return (line + 1, last) if last > line else None


def _quoted(keys: list[str]) -> str:
    names = [f"'{k}'" for k in keys]
    if len(names) == 1:
        return f"nyckeln {names[0]}"
    return "nycklarna " + begransad(names, LISTADE_VARDEN)


def stray_post(
    file: str, items: list[Any], path: Path_, required: list[str], fields: set[str], src: Source
) -> Finding | None:
    """The finding for post ``path`` of the list ``items`` when it is such a post, which
    lacks all of ``required``; None when it is not (a post above it that has one of its keys,
    a '- ' that does not stand alone before the first key, positions unknown …)."""
    # read only for such a post: valid data needs no module that words a rare finding (0380)
    from utsatta.load.indent import dash_too_many

    index = path[-1]
    if not isinstance(index, int) or index == 0:
        return None
    item, above = items[index], items[index - 1]
    if not isinstance(item, dict) or not isinstance(above, dict) or not item:
        return None
    keys = [str(k) for k in item]
    # an unknown key counts as one the post above lacks (its own okant-falt is given too):
    # 'samordnign' under a '- ' too many is as much the post above's (decision 0511)
    if set(keys) & set(above) or not set(required) & set(above):
        return None  # the post above must be a post: two in a row keep the schema's messages
    at = src.key_at((*path, keys[0]))
    placed = [
        (where, str(k))
        for k in above
        if k in fields and (where := src.key_at((*path[:-1], index - 1, k))) is not None
    ]
    if at is None or not placed:
        return None
    (sib_line, sib_column), sibling = max(placed)
    if src.line(sib_line)[: sib_column - 1].strip() not in ("", "-"):
        return None  # the post above is not in block style ('- {…}'): no indent can join it
    line, column = at
    before = src.line(line)[: column - 1]
    dash = before.rfind("-")
    if dash < 0 or before[:dash].strip() or before[dash + 1 :].strip():
        return None
    if len(keys) > 1 and column != sib_column:
        return None  # the keys below the first would not stand under the post's keys
    spaces = sib_column - 1
    # the lines of a block text (or of a value continued) under the key move with it, by as
    # much as the key does, or the text is no longer indented under it (review granska13, 2)
    below = _below(src, line, dash) if dash != spaces else None
    shift = (spaces - (column - 1), *below) if below is not None else None
    parent = next((str(p) for p in reversed(path[:-1]) if isinstance(p, str)), "")
    message = (
        f"'- ' före '{keys[0]}' börjar en ny post (post {index + 1} under '{parent}') som "
        f"har bara {_quoted(keys)}, som posten ovanför saknar, och ingen av de nycklar en post "
        f"måste ha ({', '.join(required)}). "
        + dash_too_many(keys[0], sibling, sib_line, None if dash == spaces else spaces, shift=shift)
        + " Är det i stället en ny post: lägg till "
        + ", ".join(f"'{k}: …'" for k in required)
        + " i den."
    )
    return at_line(file, line, dash + 1, "saknat-falt", message)
