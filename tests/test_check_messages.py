"""The whole message of every code the checks give (check/: references, completeness, the rules
per file kind), pinned once, exactly: the case folders pin file, line, column, severity and
code, and this table pins what the user reads (docs/decisions/0250-meddelanden-en-gang.md).

The table, tests/cases/check-messages.txt, holds for each code the case folder and the place
where it is given, then the message, as::

    [code] case file:line:column
    message

with the data folder written as ``data``. Set UTSATTA_UPDATE_CASES=1 to (re)write it from the
current output (a new code is taken from the first case folder that gives it); read the diff.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import utsatta
from tests.support import CASE_DIRS, CASES, build_case
from utsatta.codes import CODES

TABLE = CASES / "check-messages.txt"
#: the stages of the codes that check/ gives (the others are given while a file is read)
CHECK_STAGES = ("referens", "fullständighet")
CHECK_CODES = sorted(c for c, x in CODES.items() if x.stage in CHECK_STAGES)
UPDATE = os.environ.get("UTSATTA_UPDATE_CASES") == "1"
HEAD = re.compile(r"\[(?P<code>[a-z0-9-]+)\] (?P<case>\S+) (?P<place>\S+:\d+:\d+)")


@dataclass(frozen=True)
class Entry:
    code: str
    case: str
    place: str
    message: str


def read_table() -> dict[str, Entry]:
    if not TABLE.exists():
        return {}
    entries: dict[str, Entry] = {}
    for block in TABLE.read_text(encoding="utf-8").strip().split("\n\n"):
        head, message = block.split("\n", 1)
        m = HEAD.fullmatch(head)
        assert m, f"{TABLE.name}: {head!r} is no '[code] case file:line:column'"
        assert m["code"] not in entries, f"{TABLE.name}: {m['code']} twice"
        entries[m["code"]] = Entry(m["code"], m["case"], m["place"], message)
    return entries


def messages_of(case: Path, into: Path) -> list[tuple[str, str, str]]:
    """(code, place, message) of every finding of a case, its data folder written ``data``."""
    data = build_case(case, into)
    return [
        (
            f.code,
            f"{Path(f.file).relative_to(data).as_posix()}:{f.line}:{f.column}",
            f.message.replace(str(data), "data"),
        )
        for f in utsatta.validate(data).findings
    ]


def _update(tmp_path: Path) -> None:
    """The table from the case folders: a code keeps its case and place while that still gives
    it, else it takes the first case folder that gives it."""
    old = read_table()
    seen: dict[str, dict[tuple[str, str], str]] = {}
    for case in CASE_DIRS:
        if (case / "args.txt").exists():  # the table runs validate without arguments
            continue
        for code, place, message in messages_of(case, tmp_path / case.name):
            seen.setdefault(code, {}).setdefault((case.name, place), message)
    new = []
    for code in CHECK_CODES:
        places = seen.get(code, {})
        keep = old.get(code)
        where = (keep.case, keep.place) if keep and (keep.case, keep.place) in places else None
        where = where or next(iter(places), None)
        if where is not None:
            new.append(Entry(code, *where, places[where]))
    new.sort(key=lambda e: (e.case, e.code))
    text = "\n\n".join(f"[{e.code}] {e.case} {e.place}\n{e.message}" for e in new)
    TABLE.write_text(text + "\n", encoding="utf-8")


def test_every_check_code_has_its_message_pinned(tmp_path: Path) -> None:
    if UPDATE:
        _update(tmp_path)
    assert sorted(read_table()) == CHECK_CODES, (
        f"{TABLE.name} har inte ett meddelande per kod som check/ ger. Ge den nya koden en "
        "fallmapp i tests/cases/ och kör UTSATTA_UPDATE_CASES=1 python -m pytest "
        "tests/test_cases.py tests/test_check_messages.py (granska diffen)."
    )


@pytest.mark.parametrize("entry", list(read_table().values()), ids=lambda e: e.code)
def test_the_message(entry: Entry, tmp_path: Path) -> None:
    if UPDATE:  # the table was rewritten by the test above
        entry = read_table()[entry.code]
    found = messages_of(CASES / entry.case, tmp_path)
    at_place = [m for code, place, m in found if (code, place) == (entry.code, entry.place)]
    assert at_place, f"{entry.case} gives no {entry.code} at {entry.place}"
    assert at_place[0] == entry.message
