"""The slutuppföljning's table of the year's insatser says what an earlier report said, not only
that it was earlier (sann25 item 4): the count of statuses gives the latest report's status in
the period ("Rapporterad ett tidigare år 5 (senast pågående)"), and a coordinating organisation
without a report this year gives its latest bedömning, as Bilaga A's table of organisations
does ("· senast 2023: …").

Data: the shipped data (insats 3:3 was reported 2023/2024 as Pågående by five organisations;
1:7 was due once, 2023: three genomförda, one pågående).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.load.dataset import load
from utsatta.render.report import build, render

ROOT = Path(__file__).resolve().parents[1]
TITEL_33 = (
    "3:3 Idrotts- och föreningsnämnden, kulturnämnden och socialnämnderna får i uppdrag att "
    "utveckla samverkan med föreningslivet i utsatta områden"
)


@pytest.fixture(scope="module")
def reports() -> tuple[str, str, str]:
    ds = load(ROOT / "data")
    view = build(ds, 2025)
    return render(view, "md"), render(view, "html"), render(build(ds, 2024), "md")


def test_an_earlier_reports_status_is_said(reports: tuple[str, str, str]) -> None:
    md, html, _ = reports
    assert (
        f"| {TITEL_33} | Genomförd 3, Rapporterad ett tidigare år 5 (senast pågående) | "
        "Uppnått 3 | Rapporterad ett tidigare år · senast 2023: Bedöms uppnås (prognos, ingen "
        "slutbedömning) |"
    ) in md
    assert (
        '<td role="cell" data-label="Status" class="etikett">Genomförd 3, Rapporterad ett '
        "tidigare år 5 (senast pågående)</td>"
    ) in html
    # several earlier statuses: one count each, inside the label's own parenthesis
    assert (
        "| Ingen rapport 3 (krävs inte för rapportåret; senast genomförd), Ingen rapport 1 "
        "(krävs inte för rapportåret; senast pågående) | – |"
    ) in md


def test_an_annual_report_keeps_the_plain_status(reports: tuple[str, str, str]) -> None:
    """Only the slutuppföljning shows the earlier reports; a yearly report counts this year's."""
    _, _, md2024 = reports
    assert "(senast " not in md2024 and "· senast 20" not in md2024
