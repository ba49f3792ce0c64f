"""granska14 finding 9 (docs/decisions/0485): a development without a målvärde is measured from
the last value before the plan period, so where that is not the baseline (the earliest value in
the file) bilaga D says so beside the baseline, in the HTML, the Markdown and the JSON, and
bilaga E and the export's column description say which value the trend starts from."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.support import SHIPPED, SharedReport
from utsatta.compute.indicators import evaluate
from utsatta.export.columns import INDIKATORVARDEN
from utsatta.load.dataset import load
from utsatta.render.report import build, render
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
    # ej bedömbar (review granska15, finding 10): no trend is measured, so none is said to be
    said = (
        f"en utveckling skulle mätas från 81,05{NBSP}% (2018), det sista värdet före planperioden"
    )
    cell = f'class="num">79,2{NBSP}% (2014)<br><span class="muted">{said}</span></td>'
    assert report.html.count(cell) == 1
    caption = (
        f"En utveckling skulle mätas från 81,05{NBSP}% (2018), det sista värdet före planperioden."
    )
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


def test_trenden_mats_only_where_a_development_is_measured(tmp_path: Path) -> None:
    """Review granska15, finding 10: "trenden mäts från" only beside a development status; the
    shipped data has none (every indicator with a trend start is ej bedömbar 2025)."""
    shipped = render(build(load(SHIPPED), 2025), "md")
    assert shipped.count("trenden mäts från") == 1  # bilaga E's description of the rule only
    assert shipped.count("en utveckling skulle mätas från") == 8  # 7 rows and bilaga E
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    f = data / "indikatorer" / "trygghet-goteborg-trygg-och-saker-stad.yaml"
    given = "  - ar: 2022\n    varde: 55\n    kalla: gu-trygghet-som-2022\n"
    text = f.read_text(encoding="utf-8")
    assert given in text
    more = "".join(
        f"  - ar: {ar}\n    varde: {v}\n    kalla: gu-trygghet-som-2022\n"
        for ar, v in ((2023, 58), (2024, 61))
    )
    f.write_text(text.replace(given, given + more), encoding="utf-8")
    view = build(load(data), 2025)
    md, html = render(view, "md"), render(view, "html")
    row = (
        f"| Andel som instämmer i att Göteborg är en trygg och säker stad | 57{NBSP}% (2020); "
        f"trenden mäts från 49{NBSP}% (2021), det sista värdet före planperioden | "
        f"61{NBSP}% (2024) | saknas | – | [Förbättring]("
    )
    assert row in md
    assert f"Trenden mäts från 49{NBSP}% (2021), det sista värdet före planperioden.</fig" in html
    # the other six stay ej bedömbar
    assert md.count("en utveckling skulle mätas från") == 7


def test_the_export_says_the_baseline_is_not_where_a_trend_starts() -> None:
    typ = next(c for c in INDIKATORVARDEN if c.namn == "typ")
    assert "mäts ändå från det sista värdet före planperioden" in typ.beskrivning
