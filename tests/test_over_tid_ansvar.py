"""Bilaga C (Över tid) builds its rows from responsibility and says why a year has no report
(granska18, G1; docs/decisions/0553): "rapport saknas" where a report was owed and never came
in, "–" where none was owed, "upphörd"/"ej bildad" where the organisation did not exist; an
organisation that held the insats but never reported on it still has its row."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.support import SHIPPED
from utsatta import load
from utsatta.render.report.assemble import build
from utsatta.render.report.environment import render
from utsatta.render.report.followup_view import OverTidVy
from utsatta.render.report.view import ReportView

BRG = "Business Region Göteborg"
#: the shipped data's one gap: Business Region Göteborg's report for 2023, owed for 2:1 and 2:4
#: only through the group the plan does not list
SAKNAS = "rapport saknas (skyldigheten är slutledd)"
LEGEND = (
    "Status och egen bedömning i varje års rapport, för varje organisation som hade insatsen "
    "något av åren eller rapporterade om den. ”rapport saknas”: organisationen hade insatsen "
    "det året och skulle rapportera om den, men ingen rapport om insatsen kom in. "
    "”skyldigheten är slutledd”: organisationen har insatsen bara genom en grupp som planen "
    "inte räknar upp. ”–”: ingen rapport om insatsen det året, och ingen krävdes det året. "
    "”upphörd”, ”ej bildad”: organisationen fanns inte det årets sista dag och hade inte "
    "insatsen det året (se organisationens rad)."
)


def _rows(t: OverTidVy, org: str) -> dict[str, list[tuple[str, str]]]:
    """Per insats, ``org``'s row as (text, key) per year, for the insatser it has a row in."""
    return {
        i.insats: [(c.text, c.nyckel) for c in r.celler]
        for i in t.insatser
        for r in i.rader
        if r.organisation == org
    }


def _bilaga_c(md: str) -> str:
    return md[md.index("## Bilaga C. Över tid") : md.index("## Bilaga D.")]


def test_the_shipped_missing_report_of_2023_is_not_a_dash(view_2025: ReportView) -> None:
    t = view_2025.over_tid
    assert t is not None and t.ar == (2022, 2023, 2024, 2025)
    assert t.saknas and t.slutledd and t.fanns_inte
    assert t.forklaring == LEGEND
    assert _rows(t, BRG) == {
        "2:1": [
            ("Pågående · Osäkert", "osakert"),
            (SAKNAS, "saknas"),
            ("Pågående · Bedöms uppnås", "bedoms-uppnas"),
            ("Genomförd · Uppnått", "uppnatt"),
        ],
        "2:4": [
            ("Ej påbörjad · Osäkert", "osakert"),
            (SAKNAS, "saknas"),
            ("Pågående · Osäkert", "osakert"),
            ("Pågående · Inte uppnått", "inte-uppnatt"),
        ],
    }
    # a return report owed once during the period, given in 2023: no report was due in 2022,
    # 2024 or 2025, so those years stay "–"
    assert _rows(t, "Grundskolenämnden")["1:4"] == [
        ("–", "ingen"),
        ("Genomförd · Bedöms uppnås", "bedoms-uppnas"),
        ("–", "ingen"),
        ("–", "ingen"),
    ]
    # every missing cell of the whole bilaga is one of the two the data lacks
    missing = [
        (i.insats, r.organisation, y)
        for i in t.insatser
        for r in i.rader
        for y, c in zip(t.ar, r.celler, strict=True)
        if c.nyckel == "saknas"
    ]
    assert missing == [("2:1", BRG, 2023), ("2:4", BRG, 2023)]


def test_the_shipped_cells_in_markdown_and_html(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    c = _bilaga_c(md)
    assert f"*Bygger på illustrativa rapporter.* {LEGEND}\n" in c
    assert re.findall(rf"^\| {BRG} \|.*$", c, re.M) == [
        f"| {BRG} | Pågående · Osäkert | {SAKNAS} | Pågående · Bedöms uppnås | "
        "Genomförd · Uppnått |",
        f"| {BRG} | Ej påbörjad · Osäkert | {SAKNAS} | Pågående · Osäkert | "
        "Pågående · Inte uppnått |",
    ]
    part = html[html.index('id="over-tid"') : html.index('id="indikatorer-detalj"')]
    assert (
        f'<tr><th scope="row">{BRG}</th><td class="s-osakert">Pågående · Osäkert</td>'
        f'<td class="s-saknas">{SAKNAS}</td>'
        '<td class="s-bedoms-uppnas">Pågående · Bedöms uppnås</td>'
        '<td class="s-uppnatt">Genomförd · Uppnått</td></tr>'
    ) in part
    assert f"{LEGEND}</p>" in part


@pytest.fixture(scope="module")
def nobrg(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportView, str]:
    """The shipped data without any of Business Region Göteborg's reports (the reviewer's
    ``nobrg``): it holds 2:1 and 2:4 every year and never reported on them."""
    root = tmp_path_factory.mktemp("nobrg") / "data"
    shutil.copytree(SHIPPED, root)
    gone = sorted(root.glob("rapporter/*/business-region-goteborg.yaml"))
    assert [p.parent.name for p in gone] == ["2022", "2024", "2025"]
    for p in gone:
        p.unlink()
    view = build(load(root), 2025)
    return view, render(view, "md")


def test_an_organisation_that_never_reported_has_its_rows(
    nobrg: tuple[ReportView, str],
) -> None:
    view, md = nobrg
    t = view.over_tid
    assert t is not None
    assert _rows(t, BRG) == {"2:1": [(SAKNAS, "saknas")] * 4, "2:4": [(SAKNAS, "saknas")] * 4}
    # where in the table: in organisationer.yaml order, after Higab, last of 2:1's rows
    rad = next(i for i in t.insatser if i.insats == "2:1").rader
    assert [r.organisation for r in rad][-2:] == ["Higab", BRG]
    c = _bilaga_c(md)
    assert re.findall(rf"^\| {BRG} \|.*$", c, re.M) == [f"| {BRG} |{f' {SAKNAS} |' * 4}"] * 2
    # section 6 says the same four years
    assert f"- {BRG}: 2022, insats 2:1, 2:4 (skyldigheten är slutledd)" in md
