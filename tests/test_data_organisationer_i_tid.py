"""The shipped data's texts name no nämnd as acting at a time after it ceased (fakta.md §6): a
report for a year, the uppföljning of a year, or an indicator's texts (which speak of the plan
period) may name a ceased organisation only beside its successor, as a handover ("tog över …
från lokalnämnden"), or in the successor's own file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

DATA = Path(__file__).parent.parent / "data"


def _load(path: Path) -> object:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield re.sub(r"\s+", " ", node).lower()
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@cache
def _ceased() -> list[tuple[str, str, int, list[str]]]:
    """(id, name in lower case, last year it existed, its successors' names)."""
    orgs = _load(DATA / "organisationer.yaml")
    assert isinstance(orgs, dict)
    namn = {o["id"]: o["namn"].lower() for o in orgs["organisationer"]}
    return [
        (
            o["id"],
            namn[o["id"]],
            int(str(o["giltig_till"])[:4]),
            [namn[e["organisation"]] for e in o.get("efterfoljare", [])],
        )
        for o in orgs["organisationer"]
        if o.get("giltig_till")
    ]


def _files() -> Iterator[tuple[Path, int, str | None]]:
    """Each file with the year its texts speak of and the organisation whose file it is."""
    for path in sorted(DATA.glob("rapporter/*/*.yaml")):
        data = _load(path)
        assert isinstance(data, dict)
        yield path, int(path.parent.name), data.get("organisation")
    for path in sorted(DATA.glob("uppfoljning/*.yaml")):
        yield path, int(path.stem), None
    plan = _load(DATA / "plan.yaml")
    assert isinstance(plan, dict)
    start = int(str(plan["plan"]["giltighet"]["fran"]))
    for path in sorted(DATA.glob("indikatorer/*.yaml")):
        yield path, start, None


def _id(x: object) -> str:
    return str(x.relative_to(DATA)) if isinstance(x, Path) else str(x)


@pytest.mark.parametrize(("path", "ar", "org"), list(_files()), ids=_id)
def test_no_ceased_nämnd_acts_after_it_ceased(path: Path, ar: int, org: str | None) -> None:
    texts = list(_strings(_load(path)))
    for ident, namn, last, heirs in _ceased():
        if ar <= last or org in {ident} | set(_heir_ids(ident)):
            continue
        stem = namn.removeprefix("nämnden ")  # "för konsument- och medborgarservice"
        for text in texts:
            if stem[:-1] in text:  # "lokalnämnde" matches "lokalnämnden" and "lokalnämndens"
                assert any(h.removeprefix("nämnden ")[:-1] in text for h in heirs), (
                    f"{path.relative_to(DATA)}: {namn} (upphörde {last}) i en text om {ar}: {text}"
                )


@cache
def _heir_ids(ident: str) -> list[str]:
    orgs = _load(DATA / "organisationer.yaml")
    assert isinstance(orgs, dict)
    for o in orgs["organisationer"]:
        if o["id"] == ident:
            return [e["organisation"] for e in o.get("efterfoljare", [])]
    return []


# -- comments that describe the data agree with it -----------------------------------------------


def test_a_comment_giving_a_certainty_agrees_with_the_entry_below_it() -> None:
    """ "… därför slutledd." above a classification: its sakerhet is slutledd (not two comments
    giving two certainties for one entry)."""
    lines = (DATA / "omraden.yaml").read_text(encoding="utf-8").splitlines()
    found = 0
    for n, line in enumerate(lines):
        said = re.findall(r"därför (bekraftad|sekundar|slutledd)", line)
        if not line.lstrip().startswith("#") or not said:
            continue
        found += 1
        below = next(x for x in lines[n + 1 :] if x.strip().startswith("sakerhet:"))
        assert below.split(":", 1)[1].strip() == said[0], f"omraden.yaml rad {n + 1}: {line}"
    assert found


def test_the_plan_is_cited_for_a_malvarde_only_where_there_is_one() -> None:
    for path in sorted(DATA.glob("indikatorer/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "källa för målvärdet" in text:
            assert "\nmalvarden:" in text, path.name
