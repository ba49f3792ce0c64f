"""Section 6 ("Alla förväntade rapporter för 2025 har kommit in", the reports missing over the
period, the insatser without a final report) and section 4's behov over the period are computed
from the nämnders' reports: like every such part they say where they stand when those reports
are illustrative (decision 0170), the year's reports deciding the year's part and the reports of
every year the period's part."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import between
from utsatta.load.dataset import load
from utsatta.render.report import build, render

SHIPPED = Path(__file__).parent.parent / "data"


def test_section_6_and_the_period_behov_rest_on_illustrative_reports() -> None:
    view = build(load(SHIPPED), 2025)
    md = render(view, "md")
    section = between(md, "## 6. Saknade rapporter", "## Bilaga A")
    assert section.startswith(
        "## 6. Saknade rapporter\n\n*Bygger på illustrativa rapporter.*\n\n"
        "Alla förväntade rapporter för 2025 har kommit in.\n"
    )
    assert (
        "### Saknade rapporter under planperioden 2022–2025 *(bygger på illustrativa rapporter)*\n"
    ) in section
    assert "### Insatser utan slutrapport *(bygger på illustrativa rapporter)*\n" in section
    assert "### Behov under planperioden *(bygger på illustrativa rapporter)*\n" in md
    html = render(view, "html")
    assert (
        '<h2 id="rubrik-saknade">6. Saknade rapporter</h2>\n'
        '<p><span class="tag">bygger på illustrativa rapporter</span></p>\n'
    ) in html
    assert (
        '<div class="rubrik-rad"><h3>Insatser utan slutrapport</h3> <p><span class="tag">'
        "bygger på illustrativa rapporter</span></p></div>"
    ) in html


def test_real_reports_of_the_year_leave_the_period_marked_in_part(tmp_path: Path) -> None:
    """The 2025 reports real, the earlier ones illustrative: the year's sentence stands bare,
    the period's parts rest in part on illustrative reports."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    for p in (root / "rapporter" / "2025").glob("*.yaml"):
        p.write_text(
            p.read_text(encoding="utf-8").replace("\nillustrativ: true\n", "\n", 1), "utf-8"
        )
    md = render(build(load(root), 2025), "md")
    section = between(md, "## 6. Saknade rapporter", "## Bilaga A")
    assert section.startswith(
        "## 6. Saknade rapporter\n\nAlla förväntade rapporter för 2025 har kommit in.\n"
    )
    assert (
        "### Saknade rapporter under planperioden 2022–2025 *(bygger delvis på illustrativa "
        "rapporter)*\n"
    ) in section
    behov = between(md, "## 4. Behov", "## 5. ")
    assert behov.startswith("## 4. Behov av ytterligare insatser\n\nOrganisationernas rapporter")
    assert "### Behov under planperioden *(bygger delvis på illustrativa rapporter)*\n" in behov
