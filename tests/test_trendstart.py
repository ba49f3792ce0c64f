"""granska14 finding 9 (docs/decisions/0485): a development without a målvärde is measured from
the last value before the plan period, so where that is not the baseline (the earliest value in
the file) bilaga D says so beside the baseline, in the HTML, the Markdown and the JSON, and
bilaga E and the export's column description say which value the trend starts from."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.support import SHIPPED, SharedReport
from utsatta.compute.indicators import evaluate
from utsatta.export.columns import INDIKATORVARDEN
from utsatta.load.dataset import load
from utsatta.render.report_json import view_json

VAL = "valdeltagande-kommunval-goteborg"
FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
#: a value and its unit never part (utsatta.numbers.HART)
NBSP = "\u00a0"


def test_the_trend_starts_at_the_last_value_before_the_plan_period() -> None:
    res = {r.indikator.id: r for r in evaluate(load(SHIPPED), 2025)}
    start = res[VAL].trendstart
    assert start is not None and (start.ar, start.varde) == (2018, 81.05)
    assert res[VAL].baslinje is not None and res[VAL].baslinje.ar == 2014
    t = res["trygghet-goteborg-trygg-och-saker-stad"].trendstart
    assert t is not None and (t.ar, t.varde) == (2021, 49)
    # the baseline is itself the last value before 2022: nothing to add
    assert res["invanare-i-sarskilt-utsatta-omraden"].trendstart is None
    # with a målvärde the path runs from the baseline
    assert res["riskomraden"].trendstart is None
    # also with one that cannot be given (half a missing baseline): no development is measured
    fixture = {r.indikator.id: r for r in evaluate(load(FIXTURE), 2023)}
    assert fixture["utan-behorighet"].malar == 2025 and fixture["utan-behorighet"].malvarde is None
    assert fixture["utan-behorighet"].trendstart is None
    assert res[VAL].as_dict()["trendstart"] == {"ar": 2018, "varde": 81.05, "sakerhet": "bekraftad"}


def test_bilaga_d_says_where_the_trend_starts(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    report = shared_report(SHIPPED, 2025)
    said = f"trenden mäts från 81,05{NBSP}% (2018), det sista värdet före planperioden"
    cell = f'class="num">79,2{NBSP}% (2014)<br><span class="muted">{said}</span></td>'
    assert report.html.count(cell) == 1
    caption = f"Trenden mäts från 81,05{NBSP}% (2018), det sista värdet före planperioden."
    assert f"{caption}</figcaption>" in report.html
    assert f"| 79,2{NBSP}% (2014); {said} | 81,05{NBSP}% (2018) |" in report.md
    # the goal indicators' baseline stands alone
    # (the baseline list an interpretation of the plan's "idag", decision 0475)
    goal_row = "| 8 (2021, uppgift i andra hand, tolkning) | 8 (2025, uppgift i andra hand) |"
    assert goal_row in report.md
    assert "Är det värdet inte baslinjen står det i bilaga D vid baslinjen" in report.md
    data = json.loads(view_json(report.view))
    by_id = {i["id"]: i for f in data["fokusomraden"] for i in f["indikatorer"]}
    assert by_id[VAL]["trendstart"] == f"81,05{NBSP}% (2018)"
    assert by_id[VAL]["baslinje"] == f"79,2{NBSP}% (2014)"


def test_the_export_says_the_baseline_is_not_where_a_trend_starts() -> None:
    typ = next(c for c in INDIKATORVARDEN if c.namn == "typ")
    assert "mäts ändå från det sista värdet före planperioden" in typ.beskrivning
