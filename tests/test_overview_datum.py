"""Every date the overviews show carries its certainty as the report does (decision 0170): a day
that is a choice, not the source's (``giltig_fran_sakerhet`` / ``giltig_till_sakerhet``, and
the takeover day that follows from it), is "(datum: slutledd)" in `plan`'s text and a
``*_sakerhet`` field in the JSON of `plan` and `status`.

Data: the shipped data, where Nämnden för konsument- och medborgarservice's last day
(2021-10-31) and so its successor's first day (2021-11-01) are a choice (fakta.md §6), while
the 2022-12-31/2023-01-01 changes are dated by their source."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from utsatta.load.dataset import load
from utsatta.render.overview import plan_data, plan_text, status_data

SHIPPED = Path(__file__).parent.parent / "data"
_DS = load(SHIPPED)
CHOSEN = {"2021-10-31", "2021-11-01"}
SOURCED = {"2022-12-31", "2023-01-01"}
MARK = " (datum: slutledd)"


def test_every_chosen_day_in_the_plan_text_carries_its_marker() -> None:
    text = plan_text(_DS, width=1000)  # one line per statement
    # the övriga uppdrag quote the plan's own dates (its decisions), which carry no certainty
    insatser = text.split("\nÖvriga uppdrag\n")[0]
    dates = [
        (m.group(0), insatser[m.end() : m.end() + len(MARK)]) for m in _DATE.finditer(insatser)
    ]
    chosen = [after for d, after in dates if d in CHOSEN]
    sourced = [after for d, after in dates if d in SOURCED]
    assert len(chosen) >= 3 and set(chosen) == {MARK}
    assert sourced and MARK not in sourced
    assert {d for d, _ in dates} <= CHOSEN | SOURCED  # no other date left unchecked
    assert (
        "  Nämnden för konsument- och medborgarservice upphörde 2021-10-31 (datum: slutledd); "
        "insatsen togs över av Nämnden för demokrati och medborgarservice (bekräftad) från "
        "2021-11-01 (datum: slutledd)."
    ) in text.splitlines()
    assert "Nämnden för demokrati och medborgarservice (från 2021-11-01 (datum: slutledd))" in text


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _entries(node: Any) -> list[dict[str, Any]]:
    """Every organisation entry anywhere in ``plan --format json`` (with its successors)."""
    out = []
    if isinstance(node, dict):
        if "giltig_fran" in node:
            out.append(node)
        for v in node.values():
            out += _entries(v)
    elif isinstance(node, list):
        for v in node:
            out += _entries(v)
    return out


def test_every_date_in_the_plan_json_has_its_certainty_field() -> None:
    doc = json.loads(json.dumps(plan_data(_DS), ensure_ascii=False))
    entries = _entries(doc)
    assert entries
    for e in entries:
        for key in ("giltig_fran", "giltig_till"):
            assert f"{key}_sakerhet" in e
            expected = "slutledd" if e[key] in CHOSEN else None
            assert e[f"{key}_sakerhet"] == expected, (e["id"], key)
        for step in e["efterfoljare"]:
            assert step["fran_sakerhet"] == ("slutledd" if step["fran"] in CHOSEN else None)
    konsument = next(e for e in entries if e["id"] == "konsument-och-medborgarservice")
    assert (konsument["giltig_till"], konsument["giltig_till_sakerhet"]) == (
        "2021-10-31",
        "slutledd",
    )
    step = konsument["efterfoljare"][0]
    assert (step["fran"], step["fran_sakerhet"], step["tolkning"], step["id"]) == (
        "2021-11-01",
        "slutledd",
        "bekraftad",
        "demokrati-och-medborgarservice",
    )
    assert (step["giltig_fran"], step["giltig_fran_sakerhet"]) == ("2021-11-01", "slutledd")


def test_status_json_gives_each_takeover_day_its_certainty() -> None:
    for ar in (2022, 2023):
        arv = [a for p in status_data(_DS, ar)["poster"] for a in p["arv"]]
        assert arv
        for a in arv:
            assert a["datum_sakerhet"] == ("slutledd" if a["datum"] in CHOSEN else None), a
    dmn = [
        a
        for p in status_data(_DS, 2022)["poster"]
        if p["organisation"] == "demokrati-och-medborgarservice"
        for a in p["arv"]
    ]
    assert dmn and dmn[0] == {
        "organisation": "konsument-och-medborgarservice",
        "datum": "2021-11-01",
        "datum_sakerhet": "slutledd",
    }
