"""A verdict on how far a fokusområde is reached ("delvis uppnått", "bedöms uppnås") with no
målvärde behind it: ``validate`` warns (bedomning-utan-malvarde) and the report marks it
"bedömning utan målvärde" (docs/decisions/0240-bedomning-utan-malvarde.md).

Data: the case folder bedomning-utan-malvarde (fokusområde 1 has an indicator with a 2025
målvärde, fokusområde 2's only målvärde is of the plan before), and the shipped data with its
2025 verdict on fokusområde 2 (whose five indicators have no målvärde) set to delvis-uppnatt.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import build_case, verdict_without_malvarde
from utsatta.check.pipeline import validate
from utsatta.compute.malgrund import fokus_med_malvarde, utan_malvarde
from utsatta.load.dataset import load
from utsatta.model.plan import Giltighet
from utsatta.render.report import build, render

HERE = Path(__file__).parent
CASE = HERE / "cases" / "bedomning-utan-malvarde"
SHIPPED = HERE.parent / "data"


def test_the_warning_names_the_fokusomrade_the_verdict_and_the_fix(tmp_path: Path) -> None:
    root = build_case(CASE, tmp_path)
    found = [f for f in validate(root).findings if f.code == "bedomning-utan-malvarde"]
    where = [(Path(f.file).relative_to(root).as_posix(), f.line, f.column) for f in found]
    assert where == [("uppfoljning/2023.yaml", 20, 16)]
    assert found[0].message == (
        "Fokusområde 2 bedöms som 'bedoms-inte-uppnas', men planen sätter inget mål för "
        "fokusområdet och ingen av dess indikatorer har ett målvärde för planperioden "
        "2022–2025: bedömningen har inget att mätas mot. Skriv 'bedomning: kan-inte-bedomas' "
        "(eller 'osakert'), eller ge en indikator i fokusområdet (fokusomrade: \"2\") ett "
        "målvärde med källa ('malvarden' i indikatorer/<id>.yaml)."
    )


def test_only_verdicts_on_how_far_a_goal_is_reached_need_one() -> None:
    med = frozenset({"1"})
    assert utan_malvarde("delvis-uppnatt", "2", med)
    assert utan_malvarde("bedoms-uppnas", "2", med)
    assert not utan_malvarde("delvis-uppnatt", "1", med)
    assert not utan_malvarde("osakert", "2", med)
    assert not utan_malvarde("kan-inte-bedomas", "2", med)
    ds = load(SHIPPED)
    models = [s.model for s in ds.indikatorer if s.model is not None]
    assert fokus_med_malvarde(models, Giltighet(fran=2022, till=2025)) == {"1", "3"}
    assert fokus_med_malvarde(models, Giltighet(fran=2026, till=2029)) == frozenset()


def test_the_report_marks_the_verdict(tmp_path: Path) -> None:
    root = verdict_without_malvarde(tmp_path)
    view = build(load(root), 2025)
    md, html = render(view, "md"), render(view, "html")
    assert (
        "**Fokusområde 2: Grundläggande säkerhet och trygghet: Delvis uppnått** *(illustrativ; "
        "bedömning utan målvärde)*"
    ) in md
    # fokusområde 1 has målvärden: its verdict is not marked (kan inte bedömas: its indicators
    # have no value from the plan period, docs/decisions/0401-bedomning-utan-underlag.md)
    assert (
        "**Fokusområde 1: Barns och ungas uppväxtvillkor: Kan inte bedömas** *(illustrativ)*"
    ) in md
    assert '<span class="tag">illustrativ; bedömning utan målvärde</span>' in html
