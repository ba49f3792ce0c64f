"""An övrigt uppdrag still unfinished when its tidsplan in the plan has passed (decision 0668):
how the tidsplan is read, when validate warns (the case folder uppdrag-efter-tidsplan pins
file, line and code; check-messages.txt the message with the "enligt tidsplanen" claim), and
what the report shows beside the status."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import utsatta
from tests.support import CASES, ROOT, build_case
from utsatta.check.uppdrag_tidsplan import says_how_it_stands
from utsatta.compute.tidsplan import passerad, tidsplan_slut
from utsatta.load.dataset import load
from utsatta.render.report import build, render


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("KS 2021-11-24", date(2021, 11, 24)),
        ("Beslut KS 2021-03-31 § 263", date(2021, 3, 31)),
        ("2022 Q1", date(2022, 3, 31)),
        ("Q3 2023", date(2023, 9, 30)),
        ("2022 q4", date(2022, 12, 31)),
        ("2023", date(2023, 12, 31)),
        ("Under 2024", date(2024, 12, 31)),
        ("KS 2021-12-15, därefter 2022 Q2", date(2022, 6, 30)),
        ("Löpande under planperioden", None),
        ("KS 2021-13-45", None),  # no such day
        ("2022 och 2023", date(2023, 12, 31)),  # the latest day the words can mean
        ("Delrapport KS 2023-06-14, slutrapport 2024", date(2024, 12, 31)),
        ("2023 Q2, slutredovisning 2024", date(2024, 12, 31)),
        ("2022 Q4–2023", date(2023, 12, 31)),
        ("2022–2023", date(2023, 12, 31)),
        ("2022/23", date(2023, 12, 31)),
        ("2022-Q4", date(2022, 12, 31)),
        ("2024-06", date(2024, 6, 30)),
        ("2024-02", date(2024, 2, 29)),
        ("senast 30 juni 2024", date(2024, 12, 31)),  # a day in words: its year's end
        ("v. 45 2023", date(2023, 12, 31)),
        ("KS 2023–11–24", date(2023, 11, 24)),
        ("Dnr 1669", None),  # no year of the plan's time: a number, not read
        ("2021-02-30 eller 2024", None),  # an impossible date: the text is not read
        ("§ 263", None),
        ("", None),
        # a short range is 20NN/MM or 20NN–MM with MM after NN; 20NN/MM otherwise is the year
        ("2022-23", date(2023, 12, 31)),
        ("2019/21", date(2021, 12, 31)),
        ("2026/01", date(2026, 12, 31)),  # not 2001
        ("2022/2023", date(2023, 12, 31)),
        # a diarienummer, a paragraph or a designation names a case or a text, not a time: the
        # year in it is not read, whatever stands before it
        ("dnr 1673/20", None),  # not 1620
        ("1673/20", None),
        ("dnr 0123/21", None),
        ("Dnr 2019/21", None),
        ("Diarienummer: 0355/20", None),
        ("KS 2021/1234", None),
        ("Dnr KS 2021/1234, slutrapport 2024 Q2", date(2024, 6, 30)),
        ("§ 12/2023", None),
        ("KS 2023-11-24 § 12/2023", date(2023, 11, 24)),
        ("2021/22:45", None),  # the riksdag's prop. 2021/22:45
        ("bet. 2021/22:JuU5", None),
        ("SFS 2021:1234", None),
    ],
)
def test_the_end_of_a_tidsplan(text: str, end: date | None) -> None:
    assert tidsplan_slut(text) == end


def test_passed_means_unfinished_at_the_end_of_a_year_the_tidsplan_ended_in_or_before() -> None:
    assert passerad("2022 Q4", 2022, "pagaende")  # the year's status: at its end
    assert passerad("KS 2021-12-15", 2022, "ej-paborjad")
    assert not passerad("2023 Q1", 2022, "pagaende")
    assert not passerad("KS 2021-12-15", 2022, "genomford")
    assert not passerad("KS 2021-12-15", 2022, "avslutad")
    assert not passerad("Löpande", 2025, "pagaende")
    assert not passerad("dnr 1673/20", 2025, "pagaende")  # no year: never said to have passed


@pytest.mark.parametrize(
    ("redovisning", "says"),
    [
        ("Arbetet pågår och redovisas enligt tidsplanen.", False),
        ("Arbetet pågår enligt tidplan.", False),
        ("Utredningen pågår.", False),
        ("Arbetet pågår; ny tidsplan är 2024 Q2.", True),
        (
            "Arbetet pågår; tidsplanen (2022 Q1) har passerats och ny tidsplan är inte redovisad.",
            True,
        ),
        ("Uppdraget är försenat.", True),
        ("Enligt tidsplanen, men Tidsplanen ändrades 2023.", True),
        ("Arbetet sker inte enligt tidsplanen, det är sent.", True),
        ("Arbetet går ej enligt tidplan.", True),
        ("Arbetet går inte längre enligt tidsplanen.", True),
        # naming the tidsplan, or denying a delay, says it held: a claim, not how it stands
        ("Arbetet följer tidsplanen.", False),
        ("Tidsplanen hålls.", False),
        ("Arbetet är inte försenat.", False),
        ("Uppdraget har ej förskjutits.", False),
        ("Tidsplanen har inte ändrats.", False),
        ("Se tidsplanen i bilagan.", False),
        # a delay, a new or revised tidsplan, one that did not hold
        ("Tidsplanen har inte hållits.", True),
        ("Tidsplanen sprack när utredaren slutade.", True),
        ("Reviderad tidsplan: 2026 Q2.", True),
        ("Slutredovisningen är senarelagd till 2026.", True),
        ("Arbetet har skjutits fram ett år.", True),
        ("Uppdraget är inte klart, men det är försenat.", True),
        ("Nya tidsplanen beslutades av KS 2024-05-15.", True),
        # a denial: inte, ej, icke, aldrig, utan, ingen, inga or inget up to 3 words before
        ("Inga förseningar.", False),
        ("Det finns inga förseningar i arbetet.", False),
        ("Ingen ny tidsplan behövs.", False),
        ("Ingen reviderad tidsplan finns.", False),
        ("Arbetet pågår utan förlängning.", False),
        ("Arbetet pågår utan förlängning av uppdraget.", False),
        ("Inget har försenats.", False),
        ("Arbetet har inte alls blivit försenat.", False),
        ("Uppdraget har aldrig blivit försenat.", False),
        # ... or "inte" right after the verb ("inte minst", "inte bara" deny nothing)
        ("Arbetet försenades inte.", False),
        ("Tidsplanen ändrades inte.", False),
        ("Uppdraget förlängdes inte.", False),
        ("Arbetet är försenat, inte minst av personalbrist.", True),
        ("Arbetet försenades inte minst av personalbrist.", True),
        ("Arbetet försenades inte bara av personalbrist.", True),
        # the denial reaches 3 words back, and not past "och" or "men" or a comma
        ("Ingen vet ännu hur mycket arbetet försenas.", True),
        ("Arbetet är inte klart och försenat.", True),
        ("Inget beslut, men försenat.", True),
        ("Tidsplanen har passerats; ingen ny tidsplan är beslutad.", True),
        ("Tidsplanen har passerats utan ny tidsplan.", True),
        ("Samordningen fortsätter; ny tidsplan är inte redovisad.", True),
        # förläng-: only of the tidsplan, the uppdrag or its deadline
        ("Förlängd öppettid på fritidsgården.", False),
        ("Förlängd öppettid för uppdragets lokaler.", False),
        ("Tidsplanen har förlängts till 2026.", True),
        ("Uppdraget har förlängts till 2026.", True),
        ("Kommunstyrelsen har förlängt uppdraget till 2026.", True),
        ("Förlängd tidsplan: 2026 Q2.", True),
        ("Förlängning av uppdraget beslutades 2024.", True),
        ("KS beslutade om förlängd tid för uppdraget.", True),
        ("Deadline förlängd till 2026.", True),
    ],
)
def test_a_redovisning_that_says_how_the_tidsplan_stands(redovisning: str, says: bool) -> None:
    assert says_how_it_stands(redovisning) is says


def test_an_unstarted_uppdrag_past_its_tidsplan_without_the_claim(tmp_path: Path) -> None:
    data = build_case(CASES / "uppdrag-efter-tidsplan", tmp_path)
    found = [
        (Path(f.file).relative_to(data).as_posix(), f.line, f.message)
        for f in utsatta.validate(data).findings
        if f.code == "uppdrag-efter-tidsplan"
    ]
    assert found[1] == (
        "uppfoljning/2023.yaml",
        29,
        f"Uppdraget 'sluta-skjut' har tidsplanen 'KS 2023-05-10' i {data}/plan.yaml. Tidsplanen "
        "har passerats, men status är 'ej-paborjad' i uppföljningen för 2023, som beskriver "
        "läget i slutet av året. Skriv i 'redovisning' vilken ny tidsplan eller vilket beslut "
        "som gäller, eller att tidsplanen har passerats utan ny tidsplan; eller ändra 'status' "
        "till 'genomford' eller 'avslutad' om uppdraget är klart eller har upphört.",
    )
    assert len(found) == 2


def test_the_report_says_beside_the_tidsplan_that_it_has_passed() -> None:
    view = build(load(ROOT / "data"), 2025)
    assert view.uppfoljning is not None
    late = [(u.diarienummer, u.status, u.passerad) for u in view.uppfoljning.uppdrag if u.passerad]
    assert late == [("1673/20", "Pågående", "passerad")]
    md = render(view, "md")
    assert (
        "| 1673/20 | Samordna arbetet mot svartkontrakt och sprida arbetet över staden "
        "| KS 2021-12-15 (passerad) | Pågående | Samordningen "
        "fortsätter efter planperioden; ny tidsplan är inte redovisad. |\n"
    ) in md
    html = render(view, "html")
    assert (
        '<td role="cell" data-label="Tidsplan">KS 2021-12-15 (passerad)</td><td role="cell" '
        'data-label="Status 2025 (illustrativ)"><span class="badge s-pagaende">Pågående</span></td>'
    ) in html


def test_not_yet_passed_shows_the_status_alone(tmp_path: Path) -> None:
    view = build(load(build_case(CASES / "uppdrag-efter-tidsplan", tmp_path)), 2022)
    assert view.uppfoljning is not None
    md = render(view, "md")
    rows = [line for line in md.splitlines() if line.startswith(("| 0355/20 ", "| 0353/21 "))]
    assert rows == [
        "| 0355/20 | Nytt trygghetsskapande och brottsförebyggande program | 2022 Q4 (passerad) "
        "| Pågående | Arbetet pågår och redovisas enligt tidsplanen. |",
        # KS 2023-05-10 had not passed by the end of 2022
        "| 0353/21 | Utreda möjligheterna att starta arbete enligt modellen Sluta Skjut. "
        "| KS 2023-05-10 | Pågående | Utredningen pågår. |",
    ]
    html = render(view, "html")
    assert html.count(" (passerad)</td>") == 1
