"""A '- ' too many before a key of a list post: valid YAML, a new post that holds only keys
the post above lacks and none of the keys a post must have. The schema would list each of
those as missing, and none of those messages would name the '- '; one finding does, with the
two fixes (the same wording as the YAML error of ``load.indent``)."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from utsatta.findings import Finding, Path_, at_line


@dataclass(frozen=True, slots=True)
class Source:
    """Where a key stands in the file (1-based line, column; None when not known), and the
    text of a line."""

    key_at: typing.Callable[[Path_], tuple[int, int] | None]
    line: typing.Callable[[int], str]


def _quoted(keys: list[str]) -> str:
    names = [f"'{k}'" for k in keys]
    if len(names) == 1:
        return f"nyckeln {names[0]}"
    return "nycklarna " + ", ".join(names[:-1]) + " och " + names[-1]


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
    if set(keys) & set(above) or not set(keys) <= fields or not set(required) & set(above):
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
    parent = next((str(p) for p in reversed(path[:-1]) if isinstance(p, str)), "")
    message = (
        f"'- ' före '{keys[0]}' börjar en ny post (post {index + 1} under '{parent}') som "
        f"har bara {_quoted(keys)}, som posten ovanför saknar, och ingen av de nycklar en post "
        f"måste ha ({', '.join(required)}). "
        + dash_too_many(keys[0], sibling, sib_line, None if dash == spaces else spaces)
        + " Är det i stället en ny post: lägg till "
        + ", ".join(f"'{k}: …'" for k in required)
        + " i den."
    )
    return at_line(file, line, dash + 1, "saknat-falt", message)
