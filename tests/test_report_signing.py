"""What the analyst who signs the slutuppföljning reads: every part computed from illustrative
reports is marked where it stands, a status never says a value moves when it stands still, a
certainty applies to what it describes (a chosen day, an inferred verdict, a forecast), the plan's
own words on where the follow-up goes, and no working notes or YAML keys in reader text.

Data: the shipped data/ (2023 and 2025) and tests/fixtures/report-data (2023, some reports
illustrative).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import SharedReport
from utsatta.compute.goal import forvantad_bana
from utsatta.compute.status import Point, Status
from utsatta.render.report.sections.metod import metodtext_malvarde
from utsatta.render.report.sections.rapportmarkering import ALLA, NAGRA

HERE = Path(__file__).parent
SHIPPED = HERE.parent / "data"
FIXTURE = HERE / "fixtures" / "report-data"


@pytest.fixture(scope="module")
def shipped_2025(shared_report: Callable[[Path, int], SharedReport]) -> tuple[str, str]:
    report = shared_report(SHIPPED, 2025)
    return report.md, report.html


@pytest.fixture(scope="module")
def shipped_2023_md(shared_report: Callable[[Path, int], SharedReport]) -> str:
    return shared_report(SHIPPED, 2023).md


def test_every_part_computed_from_illustrative_reports_is_marked(
    shipped_2025: tuple[str, str],
) -> None:
    md, html = shipped_2025
    mark = " *(bygger på illustrativa rapporter)*"
    for line in (
        "### Insatserna 2022–2025: utfall över perioden" + mark,
        "### Inkomna rapporter" + mark,
        "### Insatser per status 2025" + mark,
        "Insatserna inom fokusområde 1 år 2025" + mark + ":",
        "## 4. Behov av ytterligare insatser\n\n*Bygger på illustrativa rapporter.*",
        "### Områden som insatserna nådde 2025" + mark,
        "Insatser som nådde området 2025" + mark + " (insats: organisationer som rapporterat det):",
        "*Bygger på illustrativa rapporter.* Status och egen bedömning i varje års rapport, "
        "för varje organisation som hade insatsen något av åren eller rapporterade om den.",
    ):
        assert "\n" + line in md, line
    tag = ' <span class="tag">bygger på illustrativa rapporter</span>'
    # beside a heading, never inside it (its name and the PDF's bookmark stay the heading's own)
    beside = ' <p><span class="tag">bygger på illustrativa rapporter</span></p></div>'
    for part in (
        '<div class="rubrik-rad"><h3>Insatserna 2022–2025: utfall över perioden</h3>' + beside,
        '<div class="rubrik-rad"><h3>Inkomna rapporter</h3>' + beside,
        '<div class="rubrik-rad"><h3>Insatser per status 2025</h3>' + beside,
        "<caption>Insatserna inom fokusområde 1 år 2025" + tag + "</caption>",
        "<caption>Insatserna inom fokusområde 1 över planperioden 2022–2025" + tag + "</caption>",
        '<h2 id="rubrik-behov">4. Behov av ytterligare insatser</h2>\n<p><span class="tag">'
        "bygger på illustrativa rapporter</span></p>",
        '<div class="rubrik-rad"><h3 id="tackning">Områden som insatserna nådde 2025</h3>' + beside,
        '<p><span class="tag">bygger på illustrativa rapporter</span> Status och egen '
        "bedömning i varje års rapport, för varje organisation som hade insatsen något av "
        "åren eller rapporterade om den.",
    ):
        assert part in html, part


def test_some_illustrative_reports_are_marked_as_a_part(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    report = shared_report(FIXTURE, 2023)
    assert report.view.rapporter_markering == NAGRA == "bygger delvis på illustrativa rapporter"
    assert "### Inkomna rapporter *(bygger delvis på illustrativa rapporter)*" in report.md
    assert ALLA == "bygger på illustrativa rapporter"


def test_a_value_that_stands_still_is_not_said_to_move() -> None:
    out = forvantad_bana(-1, Point(2021, 8), Point(2023, 8), 0, 2025)
    assert out.status is Status.OTILLRACKLIG
    assert out.text.startswith("Förväntad bana: 0\u00a0% av avståndet till målvärdet (8 → 0)")
    assert "går åt rätt håll" not in metodtext_malvarde(2022, 2025)
    assert (
        "från 0 till under 0,6 ”Otillräcklig takt”, värdet har stått still (kvoten 0) eller gått "
        "mot målvärdet så långsamt att det inte nås i tid om takten består; under 0 ”Fel "
        "riktning”, värdet har gått bort från målvärdet."
    ) in metodtext_malvarde(2022, 2025)


def test_the_method_text_names_no_yaml_keys() -> None:
    for key in ("cagr-mal", "trend eller cagr", "forvantad-bana", "indikatorns fil metoden"):
        assert key not in metodtext_malvarde(2022, 2025)
    assert (
        "För en indikator som följs med årlig procentuell förändring mot målvärdet jämförs i "
        "stället den årliga förändringen hittills med den som behövs för att nå målvärdet i "
        "målåret, med samma trösklar;"
    ) in metodtext_malvarde(2022, 2025)


def test_a_verdict_from_an_inferred_value_is_marked(shipped_2025: tuple[str, str]) -> None:
    md, html = shipped_2025
    assert (
        "Mot polisens lista 2025: Delmål 3 är nått (slutledd); målet och delmål 1 är inte nådda "
        "(uppgift i andra hand); delmål 2 beräknas inte ur listan (det gäller varje område för "
        "sig)."
    ) in md
    assert (
        "| **Delmål 3** (”inga nya områden ska ha tillkommit”) | **Nått** (slutledd) | Antal nya "
        "områden i Göteborg på polisens lista sedan 2021, 2025: 0 (slutledd). Att räkna från "
        "listan 2021 är en tolkning; se bilaga E. |"
    ) in md
    assert '<span class="badge s-natt">Nått</span> <span class="muted">(slutledd)</span>' in html


def test_a_chosen_day_has_its_own_certainty(shipped_2025: tuple[str, str]) -> None:
    md, _ = shipped_2025
    assert (
        "som efterträdare till Nämnden för konsument- och medborgarservice (bekräftad) från "
        "2021-11-01 (datum: slutledd)"
    ) in md
    assert "från 2021-11-01 (bekräftad)" not in md
    # a day the source gives carries no day marker
    assert "som efterträdare till Byggnadsnämnden (slutledd) från 2023-01-01," in md


def test_the_plan_says_where_the_follow_up_goes(shipped_2025: tuple[str, str]) -> None:
    md, html = shipped_2025
    assert (
        "Beslutad: Kommunstyrelsen 2026-04-01 (påhittat datum) § 000 (påhittad). Enligt planen: "
        "”Uppföljning ska göras en gång per år och rapporteras till kommunfullmäktige.”\n"
    ) in md
    assert "Enligt planen: ”Uppföljning ska göras en gång per år och rapporteras till" in html
    assert (
        "| En gång, år 2023 (”Uppföljning ska göras i samband med slutrapportering till "
        "Socialstyrelsen 2023”) |"
    ) in md


def test_no_working_notes_or_repetition_in_reader_text(shipped_2025: tuple[str, str]) -> None:
    md, _ = shipped_2025
    for note in (
        "Kontrollera nyckeltalets titel",
        "Datumet står i webbadressen",
        "inte aktuell i år",
        "senast kända: Ej bedömbar",
    ):
        assert note not in md, note
    assert "Nyckeltalets id och titel är inte bekräftade av Kolada." in md
    assert "Ingen rapport (krävs inte för rapportåret)" in md
    assert (
        "| Antal riskområden i Göteborg | 2 (2023, annan källa än polisen) | 0 (2025) | [Ej "
        "bedömbar (polisens nivå okänd)](#antal-riskområden-i-göteborg) |"
    ) in md


def test_the_two_sections_on_what_comes_next_are_named_apart(
    shipped_2025: tuple[str, str],
) -> None:
    md, html = shipped_2025
    assert "### Förslag för arbetet efter planperioden *(illustrativ text)*" in md
    assert "Förslag till det fortsatta arbetet" not in md
    assert (
        "### Plan för det fortsatta arbetet *(illustrativ text)*\n\nOm uppföljningens struktur "
        "säger planen: ”Strukturen bör förutom nuläge innehålla en plan för det fortsatta "
        "arbetet för att målet ska nås.” Förslagen om arbetet efter planperioden står under "
        "”Förslag för arbetet "
        "efter planperioden” ovan.\n"
    ) in md
    assert '<a href="#forslag-efter-planperioden">' in html
    assert '<h3 id="forslag-efter-planperioden">' in html


def test_a_forecast_is_not_confirmed(shipped_2023_md: str) -> None:
    assert (
        "Det är inte troligt att alla lämnar den nivån till 2025.\n\n*Källor: Göteborgs Stad, "
        "statistik och analys; säkerhet: slutledd (dragen ur källorna, inte utsagd i dem).*"
    ) in shipped_2023_md
