"""A status is shown as sure as the values it rests on, in section 2's status table and in the
indicator's workings (bilaga D), as section 1 shows the verdicts ("Nått (slutledd)"): on the
shipped data's 2025 report, whose police counts for 2025 are second-hand or inferred."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.compute.indicators import evaluate
from utsatta.load.dataset import load
from utsatta.render.report import build, render

SHIPPED = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def md2025() -> str:
    return render(build(load(SHIPPED), 2025), "md")


def test_the_status_table_marks_each_indicator(md2025: str) -> None:
    nya = "Antal nya områden i Göteborg på polisens lista sedan 2021"
    alla = "Antal områden i Göteborg på polisens lista (alla nivåer)"
    su = "Antal särskilt utsatta områden i Göteborg"
    assert (
        f"| Målet uppnått | 1 | [{nya}](#antal-nya-områden-i-göteborg-på-polisens-lista-sedan-"
        "2021) (slutledd) |"
    ) in md2025
    assert (
        f"| Målet ej uppnått | 2 | [{alla}](#antal-områden-i-göteborg-på-polisens-lista-alla-"
        f"nivåer) (uppgift i andra hand), [{su}](#antal-särskilt-utsatta-områden-i-göteborg) "
        "(uppgift i andra hand) |"
    ) in md2025


def test_bilaga_d_marks_the_status(md2025: str) -> None:
    heading = "#### Antal nya områden i Göteborg på polisens lista sedan 2021\n\n"
    assert heading + "- Status: Målet uppnått (slutledd)\n" in md2025
    heading = "#### Antal särskilt utsatta områden i Göteborg\n\n"
    assert heading + "- Status: Målet ej uppnått (uppgift i andra hand)\n" in md2025


def test_a_final_status_rests_on_the_latest_value_alone() -> None:
    """From the målår on only the latest value is compared with the målvärde: the baseline
    (2021, bekräftad for the särskilt utsatta) does not make it surer or weaker."""
    results = {r.indikator.id: r for r in evaluate(load(SHIPPED), 2025)}
    su = results["sarskilt-utsatta-omraden"]
    assert su.progress.senaste is not None and su.progress.senaste.sakerhet == "sekundar"
    assert su.status_sakerhet == "sekundar"
    assert results["nya-omraden"].status_sakerhet == "slutledd"


def test_a_missing_report_owed_only_through_an_inferred_group_says_so(md2025: str) -> None:
    """Business Region Göteborg owes 2:1 and 2:4 only as one of "samtliga nämnder och
    styrelser med verksamhet i utsatta områden", a group computed from a flag that is an
    inference (organisationer.yaml): sections 1, 3 and 6 say so, as bilaga A does."""
    assert (
        "Av de rapporteringar som skulle ha lämnats under perioden kom 2 aldrig in (för båda är "
        "skyldigheten slutledd: planen räknar inte upp vilka som ingår i gruppen som ska "
        "rapportera)."
    ) in md2025
    assert "| Rapport saknas: Business Region Göteborg (2023; skyldigheten är slutledd) |" in md2025
    assert (
        "- Business Region Göteborg: 2023, insats 2:1, 2:4 (skyldigheten är slutledd)\n" in md2025
    )
