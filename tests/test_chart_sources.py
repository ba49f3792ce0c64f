"""A chart's "Källa:" caption and its description name the sources of every value it draws, also
those of the levels a count from the police lists rests on (review varld 7); the name
(aria-label) is the short label alone, so a screen reader reads the description once."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from utsatta.load.dataset import load
from utsatta.render.report import build, render

SHIPPED = Path(__file__).resolve().parents[1] / "data"
SVG = "{http://www.w3.org/2000/svg}"


def test_the_caption_names_the_sources_of_the_plotted_values() -> None:
    html = render(build(load(SHIPPED), 2025), "html")
    m = re.search(r'<svg[^>]*id="diagram-omraden-pa-polisens-lista".*?</svg>', html, re.S)
    assert m is not None
    svg = ElementTree.fromstring(m.group(0))
    caption = " ".join(
        "".join(t.itertext()) for t in svg.iter(f"{SVG}text") if t.get("class") == "kalla"
    )
    aria = svg.get("aria-label") or ""
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert aria == title.text and "Källa" not in aria and (desc.text or "") not in aria
    # 2017: 9 rests on S Göteborg (and a third party), 2019: 9 on Göteborgs-Posten
    for source in (
        "Socialdemokraterna i Göteborg (2017)",
        "Göteborgs-Posten (2019-03-01)",
        "Göteborgs-Posten (2019-06)",
        "Okänd tredjepart (kommentar i programkoden till en webbapp) (odaterad, sekundär källa)",
        "Fastighetsvärlden (2025-12-02, sekundär källa)",
    ):
        assert source in " ".join(caption.split()), source
        assert source in (desc.text or ""), source
    assert caption.startswith("Källa: Göteborgs Stad: Göteborgs Stads handlingsplan")


def test_the_sources_are_said_once_under_the_chart_and_linked_from_its_values() -> None:
    """Each chart's values table links to the chart, whose caption names the sources, instead of
    printing the same list again (granska14 F14: half a page more per indicator in the PDF)."""
    html = render(build(load(SHIPPED), 2025), "html")
    tables = re.findall(
        r'<details class="diagramdata" id="varden-([^"]+)">(.*?)</details>', html, re.S
    )
    assert len(tables) >= 10
    for ident, table in tables:
        assert f'id="diagram-{ident}"' in html, ident
        assert re.findall(r"Källa:.*", table) == [
            f'Källa: samma som för <a href="#diagram-{ident}">diagrammet</a> ovan.</p>'
        ], ident
