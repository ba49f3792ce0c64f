"""Bilaga D's table of the indicators that cannot be assessed shows each one's latest value, as
section 3 does (granska9 F4, docs/decisions/0396-senaste-varde-i-bilaga-d.md): the column was
"Senast kända" and "–" in every row, read as "nothing is known"."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.support import SHIPPED, SharedReport
from utsatta.load.dataset import load
from utsatta.render.report import build, render

#: the rows of the shipped data for 2025: indicator, reason, latest value (a value keeps its
#: parts together with no-break spaces, docs/decisions/0405)
ROWS_2025 = [
    # 2023: the counts Göteborgs Stad states, as sure as that source (decision 0675)
    ("Antal riskområden i Göteborg", "polisens nivå okänd", "2 (2023, annan källa än polisen)"),
    (
        "Antal områden i Göteborg i kategorin utsatt område",
        "polisens nivå okänd",
        "2 (2023, annan källa än polisen)",
    ),
    ("Andel barn (1–5 år) ej placerade i förskoleverksamhet i befolkningen (%)",
     "inga värden från planperioden", "15,7\u00a0% (2019)"),
    ("Elevenkät, årskurs 9: Jag känner mig trygg i skolan, indexvärde",
     "inga värden från planperioden", "76 (2019)"),
    ("Andel barn i förskolan i utsatta områden", "saknar data", "saknas"),
    ("Andel elever i årskurs 9 utan gymnasiebehörighet i skolor i utsatta områden",
     "saknar data", "saknas"),
    ("Andel av de utsatta områdenas kommunala mellan- och högstadieskolor med Skolan som arena",
     "saknar data", "saknas"),
    ("Andel av de utsatta områdenas kommunala mellan- och högstadieskolor med utökad timplan",
     "saknar data", "saknas"),
    ("Anmälda skadegörelsebrott, antal/100 000 invånare", "inga värden från planperioden",
     "2\u00a0591\u00a0per 100\u00a0000\u00a0inv. (2019)"),
    ("Anmälda våldsbrott, antal/100 000 invånare", "inga värden från planperioden",
     "1\u00a0233\u00a0per 100\u00a0000\u00a0inv. (2019)"),
    ("Nöjd Region-Index: Trygghet", "inga värden från planperioden", "52 (2019)"),
    ("Andel som instämmer i att Göteborg är en trygg och säker stad",
     "för få värden under planperioden", "55\u00a0% (2022)"),
    ("Andel som känner sig trygga i sitt bostadsområde", "för få mätpunkter", "80\u00a0% (2022)"),
    ("Andel av de utsatta områdena med medborgarkontor och/eller bibliotek", "saknar data",
     "saknas"),
    ("Valdeltagande i valet till kommunfullmäktige i Göteborg", "inga värden från planperioden",
     "81,05\u00a0% (2018)"),
    # linked to no goal and no fokusområde: last, as in bilaga D (granska18 G3)
    ("Antal göteborgare som bor i ett särskilt utsatt område", "för få mätpunkter",
     "41\u00a0000 (2023, uppgift i andra hand)"),
]  # fmt: skip


def _md_rows(md: str) -> list[tuple[str, str, str]]:
    table = md.split("### Indikatorer som inte kan bedömas", 1)[1].split("\n\n", 2)[1]
    lines = table.splitlines()
    assert lines[:2] == ["| Indikator | Orsak | Senaste värde |", "|---|---|---|"]
    return [
        (m[1], m[2], m[3])
        for line in lines[2:]
        if (m := re.fullmatch(r"\| \[(.*)\]\(#[^)]*\) \| (.*) \| (.*) \|", line))
    ]


def _html_rows(html: str) -> list[tuple[str, str, str]]:
    table = html.split('<h3 id="ej-bedombara">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">Senaste värde</th>' in table and "Senast kända" not in table
    return re.findall(
        r'<tr><th scope="row"><a href="#[^"]*">([^<]*)</a></th><td>([^<]*)</td><td>(.*?)</td></tr>',
        table,
    )


def test_every_row_has_the_latest_value_in_markdown_and_html(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    report = shared_report(SHIPPED, 2025)
    assert _md_rows(report.md) == ROWS_2025
    assert _html_rows(report.html) == ROWS_2025


def test_the_latest_value_is_the_one_section_3_shows(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    view = shared_report(SHIPPED, 2025).view
    s = view.sammanfattning
    vyer = {
        v.namn: v
        for v in [
            *s.mal_indikatorer,
            *(v for f in view.fokusomraden for v in f.indikatorer),
            *s.ovriga_indikatorer,
        ]
    }
    for rad in s.ej_bedombara:
        assert rad.senaste == vyer[rad.lank.text].senaste


def test_a_status_on_the_last_known_values_follows_the_value(tmp_path: Path) -> None:
    """A målvärde for 2025 and no value from 2025: not assessable, and the status on the values
    up to 2022 stands after the latest value, as in section 3."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    path = root / "indikatorer" / "trygghet-goteborg-trygg-och-saker-stad.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "malvarden:\n  - ar: 2025\n    varde: 60\n    kalla: gu-trygghet-som-2022\n"
        "    sakerhet: slutledd\n",
        encoding="utf-8",
    )
    view = build(load(root), 2025)
    name = "Andel som instämmer i att Göteborg är en trygg och säker stad"
    known = "Fel riktning, −67\u00a0%\u00a0av\u00a0vägen (värden till och med 2022)"
    md_rows = {r[0]: r[1:] for r in _md_rows(render(view, "md"))}
    assert md_rows[name] == ("inget värde för målåret", f"55\u00a0% (2022) · senast kända: {known}")
    html_rows = {r[0]: r[1:] for r in _html_rows(render(view, "html"))}
    assert html_rows[name] == (
        "inget värde för målåret",
        f'55\u00a0% (2022) <span class="muted">senast kända: {known}</span>',
    )
