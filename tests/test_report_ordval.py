"""F9: the wording the reviewer found awkward, as the plan and Swedish write it: "och" where a
semicolon stood, "fokusområde 1 år 2025", "Insats 1:1 Skolan …" (no colon after an id that has
one), no double colon after the police list, a count before a label's parenthesis, and one line in
Bilaga E on why "nått", "uppnått" and "målet uppnått" all appear.

Data: the shipped data/ (2025)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import SharedReport
from utsatta.render.report.sections.banner import uppraknat
from utsatta.render.report.sections.insatser import antal_text

SHIPPED = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def shipped_2025(shared_report: Callable[[Path, int], SharedReport]) -> tuple[str, str]:
    report = shared_report(SHIPPED, 2025)
    return report.md, report.html


def test_an_enumeration_ends_with_och() -> None:
    assert uppraknat([]) == ""
    assert uppraknat(["a"]) == "a"
    assert uppraknat(["a", "b"]) == "a och b"
    assert uppraknat(["a", "b", "c"]) == "a, b och c"
    # a part with a comma of its own (an indicator's name): the parts stay apart
    assert uppraknat(["a", "indikatorn X, antal", "c"]) == "a; indikatorn X, antal och c"


def test_a_count_stands_before_a_labels_parenthesis() -> None:
    order = ["Genomförd", "Ingen rapport (krävs inte för rapportåret)"]
    values = ["Genomförd", *["Ingen rapport (krävs inte för rapportåret)"] * 4]
    assert antal_text(values, order) == "Genomförd 1, Ingen rapport 4 (krävs inte för rapportåret)"
    assert antal_text([], order) == "–"


def test_the_2025_report_reads_as_swedish(shipped_2025: tuple[str, str]) -> None:
    md, html = shipped_2025
    assert (
        "Det gäller de samlade uppföljningarna för 2023–2025 och samtliga rapporter från nämnder "
        "och styrelser för 2022–2025."
    ) in md
    assert "2023–2025; samtliga" not in md and "2023–2025; samtliga" not in html
    assert (
        "Den senaste listan till och med 2025 är Polisen: Lägesbild (december 2025), känd genom "
        "Fastighetsvärlden och Fastighetstidningen, alla i andra hand. På listan "
        "står 8 områden" in md
    )
    assert "Senaste lista till och med 2025:" not in md
    assert "Insatserna inom fokusområde 1 år 2025 *(bygger på illustrativa rapporter)*:" in md
    assert "<caption>Insatserna inom fokusområde 1 år 2025 <span" in html
    assert "#### Insats 1:1 Skolan som arena eller motsvarande koncept" in md
    assert ">Insats 1:1 Skolan som arena eller motsvarande koncept" in html
    assert "Insats 1:1: " not in md and "Insats 1:1: Skolan" not in html
    assert (
        "| Ingen rapport 3 (krävs inte för rapportåret; senast genomförd), Ingen rapport 1 (krävs "
        "inte för rapportåret; senast pågående) |"
    ) in md
    assert "(krävs inte för rapportåret) 4" not in md


def test_bilaga_e_says_why_natt_and_uppnatt_differ(shipped_2025: tuple[str, str]) -> None:
    md, html = shipped_2025
    bilaga_e = md[md.index("## Bilaga E.") :]
    assert (
        "**Nått, uppnått och målet uppnått.** Orden för ett måls utfall skiljer sig med avsikt. "
        "”Nått” och ”Inte nått” (kolumnen Beräknat utfall) räknar verktyget"
    ) in bilaga_e
    assert "”Målet uppnått” och ”Målet ej uppnått” är en indikators status" in bilaga_e
    assert "<p><strong>Nått, uppnått och målet uppnått.</strong> Orden för" in html
