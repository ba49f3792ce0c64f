"""A computed count of new areas whose written baslinje is of another year than the edition it
is counted against (berakning.jamfor_med): the report says "jämförs med" beside the baseline,
the JSON names the edition, and validate warns (jamfor-med-inte-baslinjen; docs/decisions/0631)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import utsatta

HERE = Path(__file__).parent
BASE = HERE / "cases" / "_base"
CASE = HERE / "cases" / "jamfor-med-inte-baslinjen" / "files"
SAID = "jämförs med 2021: värdena räknar nya områden mot upplagan 2021, inte mot baslinjens år"


def _data(tmp_path: Path, baslinje_ar: int | None) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    shutil.copytree(CASE, root, dirs_exist_ok=True)
    path = root / "indikatorer" / "nya-omraden.yaml"
    text = path.read_text(encoding="utf-8")
    if baslinje_ar is None:
        text = text.replace("baslinje:\n  ar: 2023\n  varde: 0\n", "")
    else:
        text = text.replace("  ar: 2023\n", f"  ar: {baslinje_ar}\n")
    path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(("baslinje_ar", "warned"), [(2023, True), (2021, False), (None, False)])
def test_the_report_says_the_comparison_year_only_when_it_is_not_the_baseline(
    tmp_path: Path, baslinje_ar: int | None, warned: bool
) -> None:
    result = utsatta.validate(_data(tmp_path, baslinje_ar))
    found = [
        (Path(f.file).name, f.line, f.column)
        for f in result.findings
        if f.code == "jamfor-med-inte-baslinjen"
    ]
    assert found == ([("nya-omraden.yaml", 8, 7)] if warned else [])
    md = utsatta.report_text(result.dataset, 2023, "md")
    # Bilaga D's table, the one with the baseline (six columns)
    rows = [
        line
        for line in md.splitlines()
        if line.startswith("| Antal nya områden") and len(line.split(" | ")) == 6
    ]
    assert len(rows) == 1
    # the baseline cell: the written baseline (2023) or the edition's 0 (2021), and the edition
    # said beside it only when the two years differ
    baslinje = rows[0].split(" | ")[1]
    if warned:
        assert baslinje == f"0 (2023); {SAID}"
    else:
        assert SAID not in md
    html = utsatta.report_text(result.dataset, 2023, "html")
    assert (f'<br><span class="muted">{SAID}</span>' in html) is warned
    view = json.loads(utsatta.report_json(result.dataset, 2023))
    vy = next(
        i
        for f in view["fokusomraden"]
        + [{"indikatorer": view["sammanfattning"]["ovriga_indikatorer"]}]
        for i in f["indikatorer"]
        if i["id"] == "nya-omraden"
    )
    assert vy["jamfor_med"] == (2021 if warned else None)
