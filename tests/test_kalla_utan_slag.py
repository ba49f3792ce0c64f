"""A source without 'slag' that a bekräftad level or count cites (granska16 #4): the report
would mark the level ‡ "bekräftad i en annan källa än polisen" although the data does not say
whose the source is, so validate warns at the source's id; on the shipped data, where every
source has its slag, nothing changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import utsatta
from tests.support import SHIPPED


def _found(data: Path) -> list[tuple[int, int, str, str]]:
    return [
        (f.line, f.column, f.severity.value, f.message)
        for f in utsatta.validate(data).findings
        if f.code == "kalla-utan-slag"
    ]


def test_shipped_sources_all_have_slag() -> None:
    assert _found(SHIPPED) == []


def test_police_sources_without_slag_are_named(tmp_path: Path) -> None:
    """The reproduction of the review: the shipped data with its 'slag: polisen' lines removed.
    Every police source that a bekräftad level or count cites gets a warning at its id line;
    the two cited only for the national counts (nationellt_kallor) get none:
    one warning, for polisen-vast-2023-12."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "omraden.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line != "    slag: polisen\n"]
    assert len(lines) - len(kept) == 3
    path.write_text("".join(kept), encoding="utf-8")
    ids = {
        i + 1: line.split("id: ", 1)[1].strip()
        for i, line in enumerate(kept)
        if line.startswith("  - id: ")
    }
    found = _found(data)
    assert found, "a police source cited by a bekräftad level must be named"
    for line, column, severity, message in found:
        assert column == 9 and severity == "varning"
        assert line in ids
        assert message.startswith(f"Källan '{ids[line]}' saknar 'slag'")
        assert "Skriv slag: polisen, kommunen, press, parti eller tredjepart." in message
    assert [ids[line] for line, *_ in found] == ["polisen-vast-2023-12"]
