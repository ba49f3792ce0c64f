"""The slutuppföljning looks back over the whole plan period (the plan: "Strukturen bör förutom
nuläge innehålla en plan för det fortsatta arbetet", for every insats): each organisation's
latest report within the period stands in bilaga A with its year, every owed report that never
came in is named with its year, avbruten is its own outcome, the counts over the period say so,
and the title, the opening, section 3 and section 4 speak of the period.

Data: the shipped data (data/), whose plan runs 2022–2025; a copy whose plan ends in 2024 shows
that the final year comes from the plan, never from a fixed year.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import between
from utsatta.load.dataset import load
from utsatta.render.pdf import footer_text
from utsatta.render.report import render
from utsatta.render.report.assemble import assemble  # for a plan whose period the data outlasts
from utsatta.render.report.view import ReportView

SHIPPED = Path(__file__).parent.parent / "data"


# -- 1. nuläge and plan for every insats --------------------------------------------------------


def test_every_organisation_has_its_latest_report_in_bilaga_a(view_2025: ReportView) -> None:
    """No organisation without a report for 2025 is left with only "Rapporterad ett tidigare
    år" or "inte aktuell i år": its latest report in the period stands there, with its year."""
    earlier: dict[str, list[tuple[str, int | None]]] = {}
    for f in view_2025.fokusomraden:
        for ins in f.insatser:
            for o in ins.organisationer:
                assert o.inkommen or o.rapport_ar is not None, (ins.id, o.organisation)
                if not o.inkommen:
                    earlier.setdefault(ins.id, []).append((o.organisation, o.rapport_ar))
    assert earlier["1:4"] == [("Grundskolenämnden", 2023)]
    assert earlier["1:7"] == [
        ("Socialnämnden Centrum", 2023),
        ("Socialnämnden Hisingen", 2023),
        ("Socialnämnden Nordost", 2023),
        ("Socialnämnden Sydväst", 2023),
    ]
    assert earlier["3:3"] == [
        ("Idrotts- och föreningsnämnden", 2023),
        ("Kulturnämnden", 2023),
        ("Socialnämnden Hisingen", 2024),
        ("Socialnämnden Nordost", 2023),
        ("Förvaltnings AB Framtiden", 2023),
    ]


def test_an_earlier_report_is_marked_with_its_year(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    block = between(md, "##### 1:4 · Grundskolenämnden", "#### Insats 1:5")
    assert block.startswith(
        "##### 1:4 · Grundskolenämnden · rapporten för 2023\n\n"
        "*Ingen rapport för 2025: återrapporteringen lämnades ett tidigare år. Det som står här "
        "är organisationens senaste rapport under planperioden, den för 2023, en illustrativ "
        "rapport.*\n\n"
        "Status 2023: **Genomförd** · Egen bedömning 2023: **Bedöms uppnås (prognos, ingen "
        "slutbedömning)**\n"
    )
    assert "\nNuläge 2023:\n\nNämnden har antagit en plan" in block
    assert "\nPlan för fortsatt arbete, enligt rapporten för 2023:\n\nGenomförandet" in block
    # the table says what the year is and what the earlier report said, never as 2025's
    assert (
        "| Grundskolenämnden | Samordnande och ansvarig | Rapporterad ett tidigare år · "
        "senast 2023: Genomförd | 2023: Bedöms uppnås (prognos, ingen slutbedömning) | "
        "2023: Bergsjön, Biskopsgården, Gårdsten, Hammarkullen, Hjällbo, Lövgärdet, "
        "Tynnered/Grevegården/Opaltorget, Hisings Backa |"
    ) in md
    # the coordinating organisation's samlad bedömning, from the year it was written
    assert (
        "**Samordnande bedömning, Idrotts- och föreningsnämnden, ur rapporten för 2023** "
        "(bedömning 2023: Bedöms uppnås (prognos, ingen slutbedömning); ingen rapport för 2025: "
        "återrapporteringen lämnades "
        "ett tidigare år; *illustrativ rapport*):"
    ) in md
    assert "*Ingen rapport för 2025: insatsen ska inte rapporteras det året." in md
    assert "<h5>3:3 · Socialnämnden Hisingen · rapporten för 2024</h5>" in html
    assert "<dt>Nuläge 2024</dt>" in html


def test_a_pagaende_report_is_no_closing_report(report_2025: tuple[str, str]) -> None:
    """An återrapportering left pågående an earlier year is not owed again, but it is not a
    final report: section 6 names it, and bilaga E says the rule."""
    md, html = report_2025
    section = between(md, "## 6. Saknade rapporter", "## Bilaga A")
    assert "Alla förväntade rapporter för 2025 har kommit in." in section
    assert "- 1:7: Socialnämnden Sydväst (pågående, 2023)\n" in section
    assert (
        "- 3:3: Socialnämnden Hisingen (pågående, 2024), Socialnämnden Nordost (pågående, 2023), "
        "Kulturnämnden (pågående, 2023), Idrotts- och föreningsnämnden (pågående, 2023), "
        "Förvaltnings AB Framtiden (pågående, 2023)\n"
    ) in section
    # avbruten closes an insats: it is not listed as without a closing report
    assert "Socialnämnden Centrum" not in section
    assert "<h3>Insatser utan slutrapport</h3>" in html
    metod = md[md.index("## Bilaga E") :]
    assert "En återrapportering som lämnades ett tidigare år med status pågående" in metod
    assert "men den är ingen slutrapport" in metod


# -- 2. missing reports and cancelled insatser over the period ---------------------------------


def test_every_owed_year_without_a_report_is_named(view_2025: ReportView) -> None:
    """Business Region Göteborg sent no report for 2023 (insats 2:1 and 2:4), though it reported
    both in 2025: the outcome still names the year it owed and never sent."""
    assert view_2025.slut is not None
    rows = {i.insats: i for i in view_2025.slut.insatser}
    # it owes them only as one of a group computed from a flag: the duty is an inference
    assert rows["2:1"].oppet == (
        "Rapport saknas: Business Region Göteborg (2023; skyldigheten är slutledd)"
    )
    assert rows["2:4"].oppet == (
        "Pågående: Business Region Göteborg (2025); Avbruten: Socialnämnden Centrum (2025); "
        "Rapport saknas: Business Region Göteborg (2023; skyldigheten är slutledd)"
    )
    assert view_2025.slut.saknade_perioden == (
        "Business Region Göteborg: 2023, insats 2:1, 2:4 (skyldigheten är slutledd)",
    )


def test_the_counts_over_the_period_say_so(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    over = (
        "Över hela planperioden 2022–2025 har 352 av 354 förväntade rapporteringar "
        "(organisation, insats och år) kommit in och 2 saknas."
    )
    assert over in between(md, "### Inkomna rapporter", "### Insatser per status 2025")
    assert over in html
    assert (
        "Enligt den senaste rapporten under 2022–2025 är 85 av dem genomförda, 1 avbruten och "
        "13 utan slutrapport (senast pågående, försenade eller ej påbörjade). Av de "
        "rapporteringar som skulle ha "
        "lämnats under perioden kom 2 aldrig in (för båda är skyldigheten slutledd: "
        "planen räknar inte upp vilka som ingår i gruppen som ska rapportera)."
    ) in md
    assert "- Business Region Göteborg: 2023, insats 2:1, 2:4 (skyldigheten är slutledd)\n" in md


# -- 3. the final report reads as one ------------------------------------------------------------


def test_the_final_report_speaks_of_the_period(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    assert md.startswith("# Slutuppföljning 2022–2025: Göteborgs Stads handlingsplan")
    assert (
        "\nSlutuppföljningen gäller hela planperioden 2022–2025 och år 2025, planens sista år. Den "
        "rapporteras till kommunfullmäktige.\n" in md
    )
    assert "<title>Slutuppföljning 2022–2025: " in html
    section = between(md, "## 3. Fokusområdena", "## 4. ")
    order = [
        section.index(s)
        for s in (
            "### Fokusområde 1:",
            "Insatserna inom fokusområde 1 över planperioden 2022–2025 *(bygger på illustrativa "
            "rapporter)*:",
            "| 1:7 Sociala insatser",
            "### Fokusområde 2:",
            "Insatserna inom fokusområde 2 över planperioden 2022–2025 *(bygger på illustrativa "
            "rapporter)*:",
            "| 2:4 Socialnämnderna",
            "### Fokusområde 3:",
            "Insatserna inom fokusområde 3 över planperioden 2022–2025 *(bygger på illustrativa "
            "rapporter)*:",
            "| 3:3 Idrotts",
        )
    ]
    assert order == sorted(order)


def test_section_4_summarises_the_behov_of_the_period(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    section = between(md, "## 4. Behov", "## 5. ")
    assert (
        "Under planperioden 2022–2025 lyfte organisationernas rapporter 59 behov av ytterligare "
        "insatser. Uppföljningarna för 2023–2025 redovisar utfallet för 7 av dem;"
    ) in section
    for row in (
        "| 2022 | 22 | 3 | Tillgodosett 1, Delvis tillgodosett 1, Förs vidare 1 | 19 |",
        "| 2023 | 16 | 4 | Tillgodosett 2, Inte tillgodosett 1, Förs vidare 1 | 12 |",
        "| 2024 | 11 | 0 | – | 11 |",
        "| 2025 | 10 | 0 | – | 10 |",
    ):
        assert row + "\n" in section
    # what the 2023 follow-up said about a 2022 behov, with the year it said it
    assert (
        "| 2022 | Kulturnämnden | 1:1 | Fler kulturskolepedagoger som kan arbeta eftermiddagar "
        "på skolorna. | Förs vidare | Behovet tas med i planeringen för 2024. | 2023 |"
    ) in section
    assert "<caption>Behov per år under planperioden</caption>" in html


def test_the_final_year_comes_from_the_plan(tmp_path: Path) -> None:
    """A plan that ends in 2024 makes 2024 the slutuppföljning; a year before the end stays a
    yearly report."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    plan = root / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "giltighet: {fran: 2022, till: 2025}", "giltighet: {fran: 2022, till: 2024}"
        ),
        encoding="utf-8",
    )
    ds = load(root)
    view = assemble(ds, 2024)
    assert view.titel == "Slutuppföljning 2022–2024"
    assert view.omfattning == (
        "Slutuppföljningen gäller hela planperioden 2022–2024 och år 2024, planens sista år. Den "
        "rapporteras till kommunfullmäktige."
    )
    assert view.slut is not None and view.slut.period == "2022–2024"
    yearly = assemble(ds, 2023)
    assert (yearly.titel, yearly.omfattning) == (
        "Samlad uppföljning 2023",
        "Uppföljningen gäller år 2023.",
    )
    assert yearly.slut is None and yearly.behov is not None and not yearly.behov.period
    md = render(yearly, "md")
    assert "över planperioden" not in md and "Insatser utan slutrapport" not in md
    assert all(
        o.rapport_ar is None
        for f in yearly.fokusomraden
        for ins in f.insatser
        for o in ins.organisationer
    )


def test_the_pdf_footer_names_the_slutuppfoljning() -> None:
    assert footer_text("1669/20", 2025, "2026-04-01", titel="Slutuppföljning 2022–2025") == (
        "Dnr 1669/20 · Slutuppföljning 2022–2025 · 2026-04-01"
    )
    assert footer_text("1669/20", 2024, "2025-04-01") == (
        "Dnr 1669/20 · Uppföljning 2024 · 2025-04-01"
    )


def test_a_predecessors_missing_report_is_named_under_its_own_name(tmp_path: Path) -> None:
    """Stadsfastighetsnämnden holds 1:1 from Lokalnämnden (2023-01-01). Without Lokalnämnden's
    report for 2022 the outcome names Lokalnämnden and 2022, not its heir; a pair owed in no
    later year (its report never sent) is named in section 6 as well."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    (root / "rapporter" / "2022" / "lokalnamnden.yaml").unlink()
    view = assemble(load(root), 2025)
    assert view.slut is not None
    row = next(i for i in view.slut.insatser if i.insats == "1:1")
    assert row.oppet == "Rapport saknas: Lokalnämnden (2022)"
    # of these, 2:1 and 2:4 it owed only as one of a group computed from a flag
    assert (
        "Lokalnämnden: 2022, insats 1:1, 2:1, 2:2, 2:4, 2:5, 3:1 (för 2:1 och 2:4 är "
        "skyldigheten slutledd)"
    ) in view.slut.saknade_perioden
