"""A police count resting on a klassning whose source is missing (``sakerhet: saknas``) is drawn
in the HTML report as what it is: a hollow grey dot with "Källa saknas" in the legend, the marker
in its tooltip and in the chart's table. Valid data never has one (``niva-utan-kalla`` refuses a
level without a source), so the report is assembled from data the checks refuse, as a library
user or a future rule change could."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.support import ROOT
from utsatta.load.dataset import load
from utsatta.render.report import render
from utsatta.render.report.assemble import assemble

BEKRAFTAD_2023 = """      - upplaga: 2023
        niva: sarskilt-utsatt
        sakerhet: bekraftad
        kallor: [goteborg-statistik-utsatta-omraden]"""


def _html_with_one_unsourced_level(tmp_path: Path) -> str:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    omraden = data / "omraden.yaml"
    text = omraden.read_text("utf-8")
    assert BEKRAFTAD_2023 in text  # Bergsjön, the first area
    unsourced = "      - upplaga: 2023\n        niva: sarskilt-utsatt\n        sakerhet: saknas"
    text = text.replace(BEKRAFTAD_2023, unsourced, 1)
    # without the counts Göteborgs Stad states for 2023, which would be the value with their
    # own source (decision 0675): the count rests on the areas' levels again
    stated = re.search(
        r"(?m)^    antal:\n(?:      .*\n|        .*\n)+(?=  # Publicerad 2025)", text
    )
    assert stated and "goteborg-statistik-utsatta-omraden" in stated[0]
    text = text[: stated.start()] + text[stated.end() :]
    omraden.write_text(text, "utf-8")
    ds = load(data)
    assert [f.code for f in ds.findings] == []
    return render(assemble(ds, 2023), "html")


def test_an_unsourced_count_is_hollow_in_the_report_chart_and_table(tmp_path: Path) -> None:
    html = _html_with_one_unsourced_level(tmp_path)
    start = html.index('id="diagram-sarskilt-utsatta-omraden"')
    chart = html[start : html.index("</details>", start)]
    assert (
        '<circle class="saknas" cx="312.0" cy="115.0" r="4" fill="#ffffff" stroke="#6b6b6b" '
        'stroke-width="2" stroke-dasharray="1 1.5"><title>2023: 4 (källa saknas)</title></circle>'
    ) in chart
    # 2019 rests on every level of the edition, Hisings Backa's inferred one too: hollow, dashed
    # (docs/decisions/0500, 0666)
    assert (
        '<circle class="slutledd" cx="184.0" cy="77.5" r="4" fill="#ffffff" stroke="#1d4f91" '
        'stroke-width="2" stroke-dasharray="2 2"><title>2019: 6 (slutledd)</title>'
    ) in chart
    assert (
        # one legend row higher than before 0675: 2021's five is no longer second-hand
        '<circle class="saknas" cx="20.0" cy="245.0" r="4" fill="#ffffff" stroke="#6b6b6b" '
        'stroke-width="2" stroke-dasharray="1 1.5"/>\n<text x="38.0" y="250.0">Källa saknas</text>'
    ) in chart
    # 2015: the count GP states (omraden.yaml, upplagor: antal), said so
    assert (
        "Utfall 2015: 6 (annan källa än polisen, antal enligt Göteborgs-Posten); 2017: 7 "
        "(annan källa än polisen); 2019: 6 (slutledd); 2023: 4 (källa saknas)."
    ) in chart
    assert (
        '<tr><th scope="row">2023</th><td class="num">4</td><td>Utfall (källa saknas)</td></tr>'
    ) in chart
    assert 'fill="#1d4f91"><title>2023' not in chart  # never also drawn as confirmed
