"""An insats the plan means for every area (plan.yaml: ``omfattar_alla_omraden``) says, beside
its assessments in section 3 and in bilaga A, which areas on the police list no report reached
that year, or that all were (granska18 G2, docs/decisions/0558-alla-omraden-vid-bedomningen.md).
The assessments themselves are not changed. By hand from data/rapporter/2025: no report on 3:1
names gardsten; every area on the list is named by some report on 1:1, 1:2 and 1:3."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.support import SHIPPED, SharedReport, between
from utsatta.render.report.sections.areas import nadda_text

GARDSTEN = "ingen rapport nämner Gårdsten 2025"
ALLA = "alla områden nämns 2025"
MENING_31 = (
    "Insatsen gäller enligt planen alla utsatta områden, och ingen rapport 2025 nämner Gårdsten."
)


def test_the_words() -> None:
    # short in the tables (the 2023 report's main part keeps to ten pages), whole in bilaga A
    assert nadda_text(["Gårdsten"], 2025) == (GARDSTEN, MENING_31)
    assert nadda_text(["Gårdsten", "Hjällbo"], 2023) == (
        "ingen rapport nämner Gårdsten och Hjällbo 2023",
        "Insatsen gäller enligt planen alla utsatta områden, och ingen rapport 2023 nämner "
        "Gårdsten och Hjällbo.",
    )
    assert nadda_text([], 2025) == (
        ALLA,
        "Insatsen gäller enligt planen alla utsatta områden, och rapporterna 2025 nämner alla "
        "områden på polisens lista.",
    )


def test_section_3_says_it_beside_the_assessments(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    md = shared_report(SHIPPED, 2025).md
    section = between(md, "## 3. Fokusområdena", "## 4. ")
    # the period's table and the year's table, the assessments as before
    assert (
        section.count(f"| Uppnått 5 (indikatorn kan inte bedömas), Inte uppnått 3 · {GARDSTEN} |")
        == 2
    )
    assert section.count(f"| Uppnått 9 (indikatorn kan inte bedömas) · {ALLA} |") == 2
    assert section.count(f"· {ALLA} |") == 6  # 1:1, 1:2, 1:3 in both tables
    assert section.count("ingen rapport nämner ") == 2
    # an insats not meant for every area says nothing of it
    row_2_1 = next(line for line in section.splitlines() if line.startswith("| 2:1 "))
    assert "nämner" not in row_2_1 and "nämns" not in row_2_1


def test_bilaga_a_says_it_under_the_insats(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    report = shared_report(SHIPPED, 2025)
    insats = between(report.md, "#### Insats 3:1 ", "#### Insats 3:2 ")
    assert f"- Områden 2025: {MENING_31}\n" in insats
    assert "- Områden 2025:" not in between(report.md, "#### Insats 3:2 ", "#### Insats 3:3 ")
    html = between(report.html, 'id="rubrik-insats-3-1"', 'id="rubrik-insats-3-2"')
    assert f"<dt>Områden 2025</dt><dd>{MENING_31}</dd>" in html


def test_html_cells_carry_it(shared_report: Callable[[Path, int], SharedReport]) -> None:
    html = shared_report(SHIPPED, 2025).html
    assert (
        '<td role="cell" data-label="Egen bedömning" class="etikett">Uppnått 5 (indikatorn kan '
        f'inte bedömas), Inte uppnått 3 <span class="nadda">· {GARDSTEN}</span></td>'
    ) in html
    assert (
        '<td role="cell" data-label="Bedömning i den: antal organisationer">Uppnått 5 '
        "(indikatorn kan inte bedömas), Inte uppnått 3 "
        f'<span class="nadda">· {GARDSTEN}</span></td>'
    ) in html
