"""Many schema errors of one code in one file (decision 0515): the code of an error known
before its finding is built, only the findings ``check.pipeline.bounded`` can list built and
the rest counted, and the keys of a mapping gone through once for all its unknown keys."""

from __future__ import annotations

import typing
from typing import Any

from utsatta.findings import LISTED_PER_CODE, Finding, Path_
from utsatta.load.type_advice import KIND_WORDS


def finding_code(kind: str, name: str) -> str:
    """The code of the finding ``load.schema`` makes of an error of ``kind`` at the key ``name``,
    known before the finding is built: the one place it is decided (the finding is built with
    it, ``load.schema``'s ``build``)."""
    if kind == "missing":
        return "saknat-falt"
    if kind == "extra_forbidden":
        return "okant-falt"
    if kind == "literal_error":
        return "okand-schemaversion" if name == "schemaversion" else "ogiltigt-varde"
    if kind in KIND_WORDS:
        return "fel-typ"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return "utanfor-intervall"
    if kind == "too_short":
        return "tom-lista"
    if kind == "finite_number":
        return "ogiltigt-tal"
    if "-" in kind:
        return kind
    return "ogiltigt-varde"


def bounded_build(
    code: str,
    same: list[tuple[Any, Path_, str | None]],
    locate: typing.Callable[[Path_, bool], tuple[int, int]],
    build: typing.Callable[[str, Any], Finding],
) -> list[Finding]:
    """The findings of many errors of the code ``code`` (error, path, missing key), each built
    with that code (``build(code, error)``): only those that
    ``check.pipeline.bounded`` can list are built (each at a place up to that of the
    ``LISTED_PER_CODE``-th, ties included), and of the rest the first and the last, the
    first standing for all but the last (``Finding.count``), so that ``fler-fynd`` counts and
    places them as if each were built (decision 0515). 60,000 unknown keys then cost some 50
    messages and spelling suggestions, not 60,000."""
    placed = sorted(
        (locate(path, err["type"] == "extra_forbidden"), i) for i, (err, path, _) in enumerate(same)
    )
    edge = placed[LISTED_PER_CODE - 1][0]
    listed = sorted(i for where, i in placed if where <= edge)
    rest = [(where, i) for where, i in placed if where > edge]
    found = [build(code, same[i][0]) for i in listed]
    if not rest:
        return found
    # errors that make the same finding are one (the set in check.pipeline.resolve): the same
    # place, path, missing key and kind
    distinct = {(where, same[i][1], same[i][2], same[i][0]["type"]) for where, i in rest}
    first = build(code, same[rest[0][1]][0])
    if len(distinct) == 1:
        return [*found, first]
    return [
        *found,
        Finding(
            first.file,
            first.line,
            first.column,
            first.code,
            first.severity,
            first.message,
            first.path,
            first.at_key,
            len(distinct) - 1,
        ),
        build(code, same[rest[-1][1]][0]),
    ]


class Mappings:
    """The keys of each mapping of the data that has unknown keys, and the key before each,
    found once per mapping: ``load.schema`` asks for every unknown key (a mapping with 60,000 of
    them would otherwise be gone through 60,000 times)."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.seen: dict[Path_, tuple[dict[Any, Any], frozenset[Any], dict[Any, Any]]] = {}

    def at(self, path: Path_) -> tuple[Any, frozenset[Any], dict[Any, Any]]:
        """The value at ``path``, its keys, and for each key the one before it."""
        if path not in self.seen:
            here = self.data
            for part in path:
                here = here[part]  # the path is the data's own (_data_path)
            keys = list(here) if isinstance(here, dict) else []
            self.seen[path] = (here, frozenset(keys), dict(zip(keys[1:], keys, strict=False)))
        return self.seen[path]
