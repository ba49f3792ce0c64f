"""The yearly report (`utsatta report`): golden files, safe Markdown and HTML, determinism.

The golden files ``tests/golden/report-2023.md`` and ``.html`` are the report of the fixture data
folder ``tests/fixtures/report-data``, and ``slutuppfoljning-2025.md`` and ``.html`` the
slutuppföljning of the shipped data (the plan's last year, the report the city signs), compared
byte for byte. After an intended change to the
report, regenerate them and review the diff before committing:

    UTSATTA_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py -k golden
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.support import SharedReport
from utsatta.load.dataset import load
from utsatta.render import markdown, overview_indicators
from utsatta.render.chart import indicator_svg
from utsatta.render.labels import faktor_text, varde
from utsatta.render.report import (
    ReportView,
    build,
    override_templates_dir,
    render,
    tal,
)
from utsatta.render.report.assemble import assemble  # for data the checks refuse

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
GOLDEN = HERE / "golden"
YEAR = 2023

LONG_WORD = "Långtord" * 37 + "slut"
INJECTIONS_AS_TEXT = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "# Detta är ingen rubrik",
    "`backticks`",
    "Biblioteket | kulturskolan",
    LONG_WORD,
]


@pytest.fixture(scope="module")
def view(shared_report: Callable[[Path, int], SharedReport]) -> ReportView:
    return shared_report(FIXTURE, YEAR).view


@pytest.fixture(scope="module")
def md_text(shared_report: Callable[[Path, int], SharedReport]) -> str:
    return shared_report(FIXTURE, YEAR).md


@pytest.fixture(scope="module")
def html_text(shared_report: Callable[[Path, int], SharedReport]) -> str:
    return shared_report(FIXTURE, YEAR).html


# --- golden files --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden(fmt: str, md_text: str, html_text: str) -> None:
    """The rendered report equals the reviewed golden file byte for byte."""
    _golden(GOLDEN / f"report-{YEAR}.{fmt}", md_text if fmt == "md" else html_text)


def _golden(path: Path, text: str) -> None:
    if os.environ.get("UTSATTA_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.is_file(), f"{path} saknas; skapa den med UTSATTA_UPDATE_GOLDEN=1"
    assert path.read_bytes() == text.encode("utf-8"), (
        f"{path.name} skiljer sig; granska ändringen och uppdatera med UTSATTA_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden_slutuppfoljning(
    fmt: str, shared_report: Callable[[Path, int], SharedReport]
) -> None:
    """The slutuppföljning 2022–2025 of the shipped data equals its reviewed golden file."""
    report = shared_report(HERE.parent / "data", 2025)
    _golden(GOLDEN / f"slutuppfoljning-2025.{fmt}", report.md if fmt == "md" else report.html)


def test_no_paths_of_this_machine_in_the_output(md_text: str, html_text: str) -> None:
    """The output names data files relative to the data folder, never by absolute path."""
    for text in (md_text, html_text):
        assert str(HERE) not in text
        assert "/tmp/" not in text


# --- content and order ---------------------------------------------------------------------------


def test_sections_come_in_the_plans_order(md_text: str) -> None:
    """The assessment first, then the goals, then the detail; the appendices after the main
    part (issue 14)."""
    headings = [line for line in md_text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Samlad bedömning 2023",
        "## 2. Sammanfattning",
        "## 3. Fokusområdena",
        "## 4. Behov av ytterligare insatser",
        "## 5. Områdena",
        "## 6. Saknade rapporter",
        "## Bilaga A. Nämndernas och styrelsernas rapporter 2023",
        "## Bilaga B. Områdena ett och ett",
        "## Bilaga C. Över tid",
        "## Bilaga D. Indikatorerna i detalj",
        "## Bilaga E. Metod och definitioner",
        "## Källor",
        "## Om rapporten",
    ]
    insatser = re.findall(r"^#### Insats ([0-9]+:[0-9]+)", md_text, flags=re.MULTILINE)
    assert insatser == ["1:1", "1:2", "2:1", "3:1"]


def test_main_part_is_short_and_the_detail_is_in_the_appendices(
    view: ReportView, md_text: str, html_text: str
) -> None:
    """Issue 14 (length, docs/decisions/0095): the main part, before Bilaga A, has a short status
    table per fokusområde, one sentence on the ej bedömbara and the level table with the change
    since the plan began; the table of ej bedömbara, the full indicator tables, the method texts
    and the matrix insats × område are in the appendices. Each status in the main part links to
    how it was computed (issue 13)."""
    from utsatta.compute.direction import METODTEXT_UTVECKLING
    from utsatta.render.report.mdankare import github_slug

    md_main, md_rest = md_text.split("\n## Bilaga A. ", 1)
    html_main, html_rest = html_text.split('<section id="bilaga-rapporter"', 1)
    for main, rest in ((md_main, md_rest), (html_main, html_rest)):
        assert "För 2023 kan 2 indikatorer inte bedömas. Varför, indikator för indikator:" in main
        for detail in (
            "Indikatorer som inte kan bedömas",
            METODTEXT_UTVECKLING[:60],
            "Områden som insatserna nådde 2023",
        ):
            assert detail not in main and detail in rest, detail
    assert "| Indikator | Senaste | Målvärde | Status |" in md_main
    assert "| Indikator | Baslinje |" not in md_main and "| Indikator | Baslinje |" in md_rest
    baslinje = '<th scope="col" role="columnheader">Baslinje</th>'
    assert baslinje not in html_main
    assert html_rest.count(baslinje) == 2  # fokusområde 1 and 2
    assert "Insats × område 2023" not in html_main and "Insats × område 2023" in html_rest
    assert 'href="#ej-bedombara"' in html_main and 'id="ej-bedombara"' in html_rest
    assert 'href="#metod"' in html_main and '<section id="metod" class="bilaga"' in html_rest
    for f in view.fokusomraden:
        for i in f.indikatorer:
            assert f'href="#{i.berakning_ankare}"' in html_main
            assert f"(#{github_slug(i.namn)})" in md_main  # names unique here
    # the change since the plan began is the level table's last column, not a table of its own
    assert [(r.namn, r.forandring) for r in view.omraden.rader] == [
        ("Norrby", "oförändrad"),
        ("Söderdal", "högre nivå"),
        ("Västmark", "har lämnat listan"),
    ]
    assert "| Västmark | utsatt† | ej på listan | har lämnat listan† |" in md_main
    assert "Förändring sedan planen började (lista" not in md_text + html_text


def test_banner_for_illustrative_data_and_missing_bilaga_1(md_text: str, html_text: str) -> None:
    """The first lines say that the report holds illustrative data and that Bilaga 1 is missing."""
    top = md_text.split("## 1.")[0]
    assert "Rapporten innehåller illustrativa uppgifter" in top
    assert "rapporten från Grundskolenämnden" in top
    assert "bilaga 1" in top
    assert html_text.index('class="banner"') < html_text.index("<h1>")


def test_no_banner_without_illustrative_data(tmp_path: Path) -> None:
    """Without illustrative reports or indicators, no illustrative banner is shown."""
    data = _copy_fixture(tmp_path)
    files = ("rapporter/*/*.yaml", "indikatorer/*.yaml", "uppfoljning/*.yaml")
    for path in [p for pattern in files for p in data.glob(pattern)]:
        path.write_text(
            path.read_text(encoding="utf-8").replace("illustrativ: true", "illustrativ: false"),
            encoding="utf-8",
        )
    text = render(build(load(data), YEAR), "md")
    assert "illustrativa uppgifter" not in text


def test_summary_counts(view: ReportView) -> None:
    """The police list ≤ the year, indicators and insatser by status, reports received."""
    s = view.sammanfattning
    assert s.upplaga is not None and "(december 2023)" in s.upplaga  # not the 2025 edition
    assert view.omraden.upplagor == (2021, 2023)
    assert [(r.nyckel, r.antal, r.detalj) for r in s.lista] == [
        ("sarskilt-utsatt", 1, "Norrby"),
        ("riskomrade", 1, "Söderdal"),
        ("utsatt", 0, ""),
    ]
    # goal statuses, developments and ej bedömbara apart, never one table
    assert {r.nyckel: r.antal for r in s.indikatorer} == {"otillracklig": 1}
    assert s.utvecklingar == ()
    assert [(e.lank.text, e.orsak) for e in s.ej_bedombara] == [
        ("Andel elever i årskurs 9 i utsatta områden utan gymnasiebehörighet", "saknar data"),
        (
            "Andel invånare i utsatta områden som känner sig trygga ute en sen kväll",
            "för få mätpunkter",
        ),
    ]
    assert (s.antal_mot_malvarde, s.antal_utveckling, len(s.ej_bedombara)) == (1, 0, 2)
    assert {r.nyckel: r.antal for r in s.insatser} == {
        "genomford": 1,
        "pagaende": 4,
        "forsenad": 1,
        "ej-paborjad": 0,
        "avbruten": 0,
        "saknas": 2,
    }
    assert (s.inkomna, s.forvantade) == (5, 7)
    # by hand: 7 owed (1:1 ×2, 1:2, 2:1 ×4), 5 of them in, 2 missing; 3:1 from kulturnämnden
    # is voluntary (not owed before 2025). The status rows: 5 + 1 + 2 = 8.
    assert (s.saknade, s.frivilliga, s.tidigare, s.insatser_totalt) == (2, 1, 0, 8)
    assert s.insatser_totalt == sum(r.antal for r in s.insatser)
    assert (s.organisationer_inkomna, s.organisationer_forvantade) == (3, 4)


def test_every_responsible_organisation_is_shown_with_missing_reports(view: ReportView) -> None:
    """Each insats lists every responsible organisation; a missing report says so."""
    ins = view.fokusomraden[1].insatser[0]
    assert ins.id == "2:1"
    assert [(o.organisation, o.status) for o in ins.organisationer] == [
        ("Kommunstyrelsen", "Pågående"),
        ("Grundskolenämnden", "Genomförd"),
        ("Socialnämnd Nordost", "Rapport saknas"),
        ("Kulturnämnden", "Pågående"),
    ]
    assert ins.samordning[0].text is not None
    assert [(m.organisation, m.insatser) for m in view.saknade] == [
        ("Socialnämnd Nordost", ("1:2", "2:1"))
    ]


def test_coverage_shows_gaps_for_insatser_marked_for_every_area(view: ReportView) -> None:
    """An insats marked omfattar_alla_omraden shows the listed areas no report reached; the
    words in a title do not count: 2:1 "Samtliga nämnder …" is not about every area."""
    om = view.omraden
    assert om.tackning_omraden == ("Norrby", "Söderdal")
    rows = {
        t.insats: (t.omfattar_alla, t.anmarkning, [c.text for c in t.celler]) for t in om.tackning
    }
    assert rows["1:1"] == (True, "(alla områden)", ["2", "saknas"])
    assert rows["1:2"] == (False, "", ["–", "–"])
    assert rows["2:1"] == (False, "", ["1", "1"])
    # 3:1 is återrapportering under the plan period: not owed in 2023, so no gap is claimed.
    # 3:1 is a återrapportering not due before 2025: required, only not yet (granska18 G5)
    assert rows["3:1"] == (
        True,
        "(alla områden; återrapporteringen förfaller inte 2023)",
        ["1", "1"],
    )


def test_coverage_follows_the_flag_not_the_words_of_the_title(tmp_path: Path) -> None:
    """A title with "alla" but no flag shows no gap; a flag on a title without it does."""
    data = _copy_fixture(tmp_path)
    plan = data / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "titel: Sociala insatser som finansieras med statsbidrag ska utvärderas",
        "titel: Sociala insatser ska utvärderas alla dagar i veckan",
    ).replace(
        "      ar: 2023\n      text: Uppföljning ska göras i samband med slutrapportering 2023\n",
        "      ar: 2023\n      text: Uppföljning ska göras i samband med slutrapportering 2023\n"
        "    omfattar_alla_omraden: true\n",
    )
    text = text.replace("    omfattar_alla_omraden: true\n", "", 1)  # 1:1 loses its flag
    plan.write_text(text, encoding="utf-8")
    rows = {t.insats: t for t in build(load(data), YEAR).omraden.tackning}
    assert not rows["1:1"].omfattar_alla and rows["1:1"].luckor == 0
    assert rows["1:2"].omfattar_alla
    assert [c.text for c in rows["1:2"].celler] == ["saknas", "saknas"]


def test_indicator_row(view: ReportView) -> None:
    """Baseline, latest (≤ the year), målvärde, progress and status, in Swedish numbers."""
    ind = view.fokusomraden[0].indikatorer[0]
    assert (ind.baslinje, ind.senaste, ind.malvarde, ind.framsteg) == (
        "62,4\u00a0% (2020)",
        "66,85\u00a0% (2023)",
        "75\u00a0% (2025)",
        "35\u00a0%\u00a0av\u00a0vägen",
    )
    assert ind.status == "Otillräcklig takt"
    assert ind.forklaring.startswith("Förväntad bana:")
    other = view.fokusomraden[1].indikatorer[0]
    assert (other.baslinje, other.malvarde) == ("48,0\u00a0% (2021)", "saknas")  # as written
    assert other.status == "Ej bedömbar (för få mätpunkter)"


@pytest.mark.parametrize(
    ("value", "enhet", "expected"),
    [
        (74.0, "index", "74"),
        (100.0, "procent", "100\u00a0%"),
        (15.7, "procent", "15,7\u00a0%"),
        (81.05, "procent", "81,05\u00a0%"),
        (66.856, "procent", "66,86\u00a0%"),
        (83000.0, "antal", "83\u00a0000"),
        (-71.0, "antal", "−71"),
        (12.5, "per-100000-invanare", "12,5\u00a0per 100\u00a0000\u00a0inv."),
    ],
)
def test_values_keep_the_decimals_they_were_written_with(
    value: float, enhet: str, expected: str
) -> None:
    """Each value gets the decimals it needs (at most two); none are added."""
    assert varde(value, enhet) == expected


def test_relative_malvarde_without_baseline_is_shown_as_the_rule(view: ReportView) -> None:
    """ "halvera" without a baseline cannot be resolved: the rule is shown, not "saknas"."""
    ind = view.fokusomraden[0].indikatorer[1]
    assert ind.id == "utan-behorighet"
    assert (ind.baslinje, ind.malvarde, ind.framsteg) == ("saknas", "halva baslinjen (2025)", "–")
    assert faktor_text(0.5) == "halva baslinjen"
    assert faktor_text(0.8) == "0,8 × baslinjen"
    assert faktor_text(2.0) == "2 × baslinjen"


def test_bilaga_1_counts_only_indicators_without_any_malvarde(view: ReportView) -> None:
    """An indicator with a relative målvärde has one, even while it cannot be resolved."""
    assert view.bilaga1 is not None
    assert "; 1 saknar målvärde och kan inte följas upp mot ett mål." in view.bilaga1[1]


def test_an_old_latest_value_is_flagged(view: ReportView, md_text: str, html_text: str) -> None:
    """A latest value more than two years older than the report year says so by the status."""
    old = view.fokusomraden[0].indikatorer[1]
    assert old.inaktuell == "senaste värde från 2019"
    assert view.fokusomraden[0].indikatorer[0].inaktuell is None  # 2023
    assert "| [Ej bedömbar (saknar data)](#" in md_text
    assert ") · senaste värde från 2019 |" in md_text
    assert '<span class="tag inaktuell">senaste värde från 2019</span>' in html_text


def test_comments_on_indicators_and_values_are_shown_escaped(
    view: ReportView, md_text: str, html_text: str
) -> None:
    """The indicator's kommentar and those of baslinje, målvärden and utfall (up to the year)."""
    ind = view.fokusomraden[1].indikatorer[0]
    assert ind.kommentar == "Ingen indikator ur planens bilaga 1; `trygghet` följs som trend."
    assert [a.etikett for a in ind.anmarkningar] == [
        "Baslinje 2021 (48,0\u00a0%)",
        "Utfall 2023 (51,5\u00a0%)",
    ]
    labels = [a.etikett for a in view.fokusomraden[0].indikatorer[1].anmarkningar]
    assert labels == [
        "Målvärde 2025 (halva baslinjen)",
        "Utfall 2019 (37,25\u00a0%)",
        "Utfall 2019, Norrby (41\u00a0%)",
    ]
    assert "- Kommentar: Ingen indikator ur planens bilaga 1; \\`trygghet\\` följs" in md_text
    assert "  - Baslinje 2021 (48,0\u00a0%): Första året med \\<b>nya\\</b> frågor \\| jämförs" in (
        md_text
    )
    assert "<li>Utfall 2023 (51,5\u00a0%): &lt;script&gt;alert(3)&lt;/script&gt; svarsfrekvens" in (
        html_text
    )
    assert "<dt>Kommentar</dt><dd>Ingen indikator ur planens bilaga 1;" in html_text
    for text in (md_text, html_text):
        assert "Efter rapportåret" not in text  # the comment on the 2024 value
        # a tag only ever escaped (in .md with a backslash: \<script> is text on GitHub)
        assert not re.search(r"(?<!\\)<(script>alert\(3\)|b>nya)", text)
    assert "  - Utfall 2023 (51,5\u00a0%): \\<script>alert(3)\\</script> svarsfrekvens" in md_text


def test_values_per_omrade_and_kon_are_tables_up_to_the_year(
    view: ReportView, md_text: str, html_text: str
) -> None:
    """Issue 3: utfall per område and per kön are shown in their own tables (områden in
    omraden.yaml order, the years with values, "–" for none), only up to the year, and the
    headline series is unchanged by them."""
    ind = view.fokusomraden[0].indikatorer[0]
    assert ind.id == "behorighet-gymnasiet"
    assert ind.senaste == "66,85\u00a0% (2023)" and ind.framsteg == "35\u00a0%\u00a0av\u00a0vägen"
    omr, kon = ind.uppdelningar
    assert (omr.rubrik, omr.kolumn, omr.ar) == ("Per område", "Område", (2022, 2023))
    assert [(r.namn, r.celler) for r in omr.rader] == [
        ("Norrby", ("–", "71,45\u00a0%")),
        ("Söderdal", ("58,2\u00a0%", "60\u00a0%")),
    ]
    assert omr.not_ is not None and "en del av området" in omr.not_
    assert (kon.rubrik, kon.ar, [(r.namn, r.celler) for r in kon.rader]) == (
        "Per kön",
        (2023,),
        [("Kvinnor", ("69,1\u00a0%",))],
    )
    assert kon.not_ is None  # no comment on the value per kön
    # The comment saying the value covers part of the area is among the Anmärkningar.
    assert "Utfall 2023, Söderdal (60\u00a0%)" in [a.etikett for a in ind.anmarkningar]
    block = (
        "Per område:\n\n"
        "| Område | 2022 | 2023 |\n"
        "|---|---:|---:|\n"
        "| Norrby | – | 71,45\u00a0% |\n"
        "| Söderdal | 58,2\u00a0% | 60\u00a0% |\n\n"
        "Vad ett värde avser, till exempel att det bara gäller en del av området, står under "
        "Anmärkningar.\n\n"
        "Per kön:\n\n"
        "| Kön | 2023 |\n"
        "|---|---:|\n"
        "| Kvinnor | 69,1\u00a0% |\n"
    )
    assert block in md_text
    assert (
        '<tr><th scope="row">Norrby</th><td class="num">–</td>'
        '<td class="num">71,45\u00a0%</td></tr>\n'
        '<tr><th scope="row">Söderdal</th><td class="num">58,2\u00a0%</td>'
        '<td class="num">60\u00a0%</td></tr>'
    ) in html_text
    assert '<tr><th scope="row">Kvinnor</th><td class="num">69,1\u00a0%</td></tr>' in html_text
    assert "<caption>Per område</caption>" in html_text
    assert "<caption>Per kön</caption>" in html_text
    for text in (md_text, html_text):
        assert "73\u00a0%" not in text and "64\u00a0%" not in text  # the values of 2024
        assert "Män" not in text
    # No table for an indicator without such values.
    assert view.fokusomraden[1].indikatorer[0].uppdelningar == ()


def test_values_per_omrade_are_escaped_and_ordered(tmp_path: Path) -> None:
    """Område names are escaped in both formats; a value for an område and a kön is a row of its
    own after the område's; an unknown område id comes last, as written; the first of two values
    for the same område, kön and year is shown."""
    data = _copy_fixture(tmp_path)
    omr = data / "omraden.yaml"
    omr.write_text(
        omr.read_text(encoding="utf-8").replace("namn: Norrby", "namn: Norr<by> & | co"),
        encoding="utf-8",
    )
    ind = data / "indikatorer" / "behorighet-gymnasiet.yaml"
    extra = (
        "  - {ar: 2023, varde: 70, kalla: skolverket, omrade: norrby, kon: K}\n"
        "  - {ar: 2022, varde: 1, kalla: skolverket, omrade: okant}\n"
        "  - {ar: 2022, varde: 2, kalla: skolverket, omrade: soderdal, kon: T}\n"
    )
    text = ind.read_text(encoding="utf-8")
    assert text.count("\nillustrativ: true") == 1
    ind.write_text(text.replace("\nillustrativ: true", "\n" + extra + "illustrativ: true"), "utf-8")
    v = assemble(load(data), YEAR)
    omr_tabell = v.fokusomraden[0].indikatorer[0].uppdelningar[0]
    assert [(r.namn, r.celler) for r in omr_tabell.rader] == [
        ("Norr<by> & | co", ("–", "71,45\u00a0%")),
        ("Norr<by> & | co, kvinnor", ("–", "70\u00a0%")),
        ("Söderdal", ("58,2\u00a0%", "60\u00a0%")),
        ("okant", ("1\u00a0%", "–")),
    ]
    md = render(v, "md")
    assert "| Norr\\<by> & \\| co, kvinnor | – | 70\u00a0% |\n" in md
    html = render(v, "html")
    assert (
        '<tr><th scope="row">Norr&lt;by&gt; &amp; | co</th><td class="num">–</td>'
        '<td class="num">71,45\u00a0%</td></tr>'
    ) in html
    assert "Norr<by>" not in html and "Norr<by>" not in md
    data_json = json.loads(overview_indicators.indicators_json(load(data), YEAR))
    gym = next(i for i in data_json["indikatorer"] if i["id"] == "behorighet-gymnasiet")
    assert gym["per_omrade"][:3] == [
        {"omrade": "norrby", "ar": 2023, "varde": 71.45},
        {"omrade": "norrby", "ar": 2023, "varde": 70.0, "kon": "K"},
        {"omrade": "soderdal", "ar": 2022, "varde": 58.2},
    ]
    assert gym["per_omrade"][-1] == {"omrade": "okant", "ar": 2022, "varde": 1.0}


def test_indikatorer_json_has_the_values_per_omrade_and_kon() -> None:
    """`utsatta indikatorer --format json`: per_omrade and per_kon with raw numbers, up to the
    year, sorted by område (omraden.yaml order) or kön, then year; empty lists without values."""
    ds = load(FIXTURE)
    by_id = {
        i["id"]: i for i in json.loads(overview_indicators.indicators_json(ds, YEAR))["indikatorer"]
    }
    gym = by_id["behorighet-gymnasiet"]
    assert gym["per_omrade"] == [
        {"omrade": "norrby", "ar": 2023, "varde": 71.45},
        {"omrade": "soderdal", "ar": 2022, "varde": 58.2},
        {"omrade": "soderdal", "ar": 2023, "varde": 60.0},
    ]
    assert gym["per_kon"] == [{"kon": "K", "ar": 2023, "varde": 69.1}]
    assert by_id["utan-behorighet"]["per_omrade"] == [
        {"omrade": "norrby", "ar": 2019, "varde": 41.0}
    ]
    assert by_id["trygghet-kvall"]["per_omrade"] == by_id["trygghet-kvall"]["per_kon"] == []
    # Without a year: every value, also those after 2023.
    alla = {i["id"]: i for i in overview_indicators.indicators_data(ds, None)["indikatorer"]}
    assert alla["behorighet-gymnasiet"]["per_omrade"][1] == {
        "omrade": "norrby",
        "ar": 2024,
        "varde": 73.0,
    }
    assert alla["behorighet-gymnasiet"]["per_kon"] == [
        {"kon": "K", "ar": 2023, "varde": 69.1},
        {"kon": "M", "ar": 2024, "varde": 64.0},
    ]


def test_indikatorer_text_counts_the_values_per_omrade_and_kon(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text table keeps the headline; a line under it counts the values per område/kön."""
    out = overview_indicators.indicators_text(load(FIXTURE), YEAR, 250)
    assert (
        "  Andel elever i årskurs 9 i utsatta områden som är behöriga till gymnasiet: 3 värden "
        "per område, 1 per kön\n"
    ) in out
    assert (
        "  Andel elever i årskurs 9 i utsatta områden utan gymnasiebehörighet: 1 värde per " in out
    )
    assert "trygga ute en sen kväll:" not in out


def test_levels_not_confirmed_by_the_police_are_marked(
    view: ReportView, md_text: str, html_text: str
) -> None:
    """Slutledda levels and levels from secondary sources are marked, with a legend, and the
    summary says how many of the latest list's levels they are."""
    s = view.sammanfattning
    assert s.lista_sakerhet == (
        "Av de 2 nivåerna i listan 2023 är 1 inte bekräftad av polisen själv: 1 slutledd; se "
        "markeringarna i tabellen."
    )
    assert [r.poster for r in s.lista] == [(("Norrby", ""),), (("Söderdal", "*"),), ()]
    assert s.forandring is not None
    assert "1 slutledd och 1 uppgift i andra hand" in s.forandring
    rader = {r.namn: [(c.text, c.markering) for c in r.celler] for r in view.omraden.rader}
    assert rader["Söderdal"] == [("utsatt", ""), ("riskområde", "*")]
    assert rader["Västmark"] == [("utsatt", "†"), ("ej på listan", "")]
    assert view.omraden.rader_forklaring == (
        "* slutledd: nivån står inte i någon källa utan är härledd ur andra uppgifter",
        "† uppgift i andra hand: en källa som återger nivån utan att vara belägg för den själv "
        "(t.ex. pressen eller en tredjepartssida om polisens lista)",
        "utan markering: bekräftad i polisens egen publicering",
    )
    # a count carries the class of the levels it rests on (0500), every area's level of the
    # edition (0666): 1 riskområde, Söderdal*; 1 särskilt utsatt and 0 utsatta rest on
    # Söderdal's level too; the legend says so
    assert "| Riskområden | 1\\* | Söderdal\\* |" in md_text
    assert "| Särskilt utsatta områden | 1\\* | Norrby |" in md_text
    assert "| Utsatta områden | 0\\* | – |" in md_text
    assert "| **Totalt** | **2\\*** |   |" in md_text
    assert s.lista_forklaring[-1] == (
        "varje antal har markeringen för den osäkraste nivån i upplagan, också hos områden som "
        "inte räknas"
    )
    assert "| Söderdal | utsatt | riskområde\\* |" in md_text
    # in Markdown each legend line is a sentence (granska17 L6); in HTML a list item
    assert "\n\\* Slutledd: nivån står inte" in md_text
    assert (
        "\n\nVarje antal har markeringen för den osäkraste nivån i upplagan, också hos områden "
        "som inte räknas.\n\n"
    ) in md_text
    assert "\nUtan markering: bekräftad i polisens egen publicering.\n" in md_text
    assert 'riskområde<abbr title="slutledd: nivån står inte' in html_text


def test_no_certainty_note_when_every_level_is_confirmed(tmp_path: Path) -> None:
    """With confirmed levels only, nothing is marked and no note is added."""
    data = _copy_fixture(tmp_path)
    omr = data / "omraden.yaml"
    text = omr.read_text(encoding="utf-8").replace("sakerhet: slutledd", "sakerhet: bekraftad")
    omr.write_text(
        text.replace(
            "niva: utsatt, sakerhet: sekundar, kallor: [tidning-2021]",
            "niva: utsatt, sakerhet: bekraftad, kallor: [polisen-2021]",
        ),
        encoding="utf-8",
    )
    v = build(load(data), YEAR)
    assert v.sammanfattning.lista_sakerhet is None
    assert v.sammanfattning.forandring is not None
    assert "inte är bekräftade" not in v.sammanfattning.forandring
    assert v.omraden.rader_forklaring == v.omraden.forandringar_forklaring == ()


def test_missing_report_owed_only_through_an_inferred_group_has_a_note(
    view: ReportView, md_text: str, html_text: str
) -> None:
    """2:1 is owed by Socialnämnd Nordost only as a member of the group computed from the flag
    verksamhet_i_utsatta_omraden: marked, with a note that the group is an inference."""
    (m,) = view.saknade
    assert (m.insatser, m.via_urval) == (("1:2", "2:1"), ("2:1",))
    assert m.text.endswith("insats 1:2, 2:1*.")
    assert view.saknade_not is not None
    assert "”Samtliga nämnder och styrelser med verksamhet i utsatta områden” (insats 2:1)" in (
        view.saknade_not
    )
    # in plain Swedish: no flag key, no file name (review finding 9)
    assert view.saknade_not.endswith(
        "Planen räknar inte upp vilka som ingår. Gruppen räknas fram ur uppgiften om vilka "
        "organisationer som har verksamhet i utsatta områden, och den uppgiften är en slutledning "
        "i uppföljningens underlag, inte planens egen uppräkning."
    )
    assert "\n\\* Organisationen ska rapportera insatsen bara" in md_text
    assert '<p class="muted">* Organisationen ska rapportera' in html_text


def test_no_group_note_when_the_organisation_is_named_in_the_plan(tmp_path: Path) -> None:
    """Named directly in the plan's ansvar, the organisation owes 2:1 whatever the flag says."""
    data = _copy_fixture(tmp_path)
    plan = data / "plan.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "ansvar: [samtliga-med-verksamhet-i-utsatta-omraden]",
        "ansvar: [samtliga-med-verksamhet-i-utsatta-omraden, socialnamnd-nordost]",
    )
    plan.write_text(text, encoding="utf-8")
    v = build(load(data), YEAR)
    assert [(m.insatser, m.via_urval) for m in v.saknade] == [(("1:2", "2:1"), ())]
    assert v.saknade_not is None
    assert "slutledning ur planen" not in render(v, "md")


@pytest.mark.parametrize(
    ("value", "decimals", "suffix", "expected"),
    [
        (15.66, 1, " %", "15,7\u00a0%"),
        (75, 2, " %", "75,00\u00a0%"),
        (-1234.5, 0, "", "−1\u00a0234"),
        (1234567.891, 2, "", "1\u00a0234\u00a0567,89"),
        (-0.0, 1, "", "0,0"),
        # a value that is not zero never prints as zero, not even as "0,0" (decision 0679)
        (-0.04, 1, "", "\u22120,04"),
        (0.004, 0, " %", "0,004\u00a0%"),
    ],
)
def test_swedish_numbers(value: float, decimals: int, suffix: str, expected: str) -> None:
    """Decimal comma, space between thousands, a real minus sign, no "−0"."""
    assert tal(value, decimals, suffix) == expected


# --- Markdown: GitHub-flavoured and safe ---------------------------------------------------------


def _gfm() -> MarkdownIt:
    # CommonMark with GitHub's table and strikethrough extensions. Raw HTML is *on*, as on
    # GitHub, so that any HTML that got through would show up as html_* tokens.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _split_row(line: str) -> list[str]:
    """Cells of a GFM table row: split on pipes not preceded by a backslash (GFM's rule)."""
    row = line.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return re.split(r"(?<!\\)\|", row)


def _inline_texts(tokens: list[Token]) -> list[str]:
    out = []
    for tok in tokens:
        if tok.type == "inline" and tok.children is not None:
            out.append("".join(c.content for c in tok.children if c.type == "text"))
    return out


def test_markdown_tables_keep_their_shape(md_text: str) -> None:
    """Every row of every table has as many cells as its header, as GitHub would split it."""
    tokens = _gfm().parse(md_text)
    lines = md_text.splitlines()
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) >= 10
    for table in tables:
        assert table.map is not None
        start, end = table.map
        header = len(_split_row(lines[start]))
        for n in range(start, end):
            assert len(_split_row(lines[n])) == header, f"rad {n + 1}: {lines[n]!r}"


def test_markdown_has_no_html_and_shows_injections_as_text(md_text: str) -> None:
    """No raw HTML from the data reaches the Markdown; the injected texts read as text."""
    tokens = _gfm().parse(md_text)
    flat = [*tokens, *(c for t in tokens for c in (t.children or []))]
    kinds = {t.type for t in flat}
    assert not kinds & {"html_inline", "html_block", "image", "code_block", "fence"}
    # Inline code holds only the web addresses of the nämnders' links (docs/decisions/0096).
    assert [t.content for t in flat if t.type == "code_inline"] == [
        "https://example.org/rapport-2023",
        "https://example.org/skolan",
    ]
    # The report's own links: page anchors and the sources' addresses, never a nämnd's link.
    hrefs = {str(t.attrGet("href")) for t in flat if t.type == "link_open"}
    from_namnd = ("rapport-2023", "skolan", "bild.png", "javascript")
    assert not {h for h in hrefs if any(part in h for part in from_namnd)}
    texts = "\n".join(_inline_texts(tokens)).replace("\u200b", "")
    for injected in INJECTIONS_AS_TEXT:
        assert injected in texts, injected
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("Detta är ingen rubrik" in h for h in headings)


def test_markdown_table_cells_hold_the_injections(md_text: str) -> None:
    """The texts with | and <b> and the very long word come out whole in their table cells."""
    tokens = _gfm().parse(md_text)
    cells: list[str] = []
    for i, t in enumerate(tokens):
        if t.type == "td_open":
            cells.append(_inline_texts([tokens[i + 1]])[0].replace("\u200b", ""))
    assert "Mer personal | fler lokaler <b>nu</b>" in cells
    assert LONG_WORD in cells


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("<b>x</b> & y", "\\<b>x\\</b> & y"),
        ("# rubrik", "\\# rubrik"),
        ("- punkt", "\\- punkt"),
        ("1. första", "1\\. första"),
        ("[x]: https://example.org", "\\[x\\]: `https://example.org`"),
        ("kod `x`", "kod \\`x\\`"),
        ("bild ![a](https://example.org/a.png)", "bild a"),
        ("rad ett\nrad två\n\nnytt stycke", "rad ett rad två / nytt stycke"),
        ("C:\\mapp\\", "C:\\\\mapp\\\\"),
    ],
)
def test_markdown_inline(text: str, expected: str) -> None:
    """One-line text: HTML, pipes, backticks, images and leading block markers are neutralised."""
    assert markdown.inline(text) == expected


def test_markdown_block_keeps_paragraphs() -> None:
    """Block text keeps its paragraphs; each line is escaped and leading spaces are dropped."""
    text = "Första raden\n    indragen kod?\n> citat\n\n\n\nAndra stycket"
    assert markdown.block(text) == "Första raden\nindragen kod?\n\\> citat\n\nAndra stycket"


def test_markdown_cell_breaks_long_words_but_not_links() -> None:
    """A very long word gets zero-width spaces; a web address is left whole (as inline code,
    so that it is no link)."""
    word = "x" * 100
    assert markdown.cell(word) == "\u200b".join(["x" * 40, "x" * 40, "x" * 20])
    link = "https://example.org/" + "y" * 80
    assert markdown.cell(link) == f"`{link}`"
    assert markdown.cell("") == " "


def test_markdown_url_is_an_autolink() -> None:
    """Characters that would end an autolink are percent-encoded."""
    assert markdown.url("https://example.org/a<b>") == "<https://example.org/a%3Cb%3E>"


@given(st.text(max_size=200))
def test_any_text_stays_one_cell(text: str) -> None:
    """Whatever a nämnd writes, it stays inside its one table cell and adds no HTML."""
    source = f"| a | b |\n|---|---|\n| x | {markdown.cell(text)} |\n"
    assert "\n" not in markdown.cell(text)
    assert len(_split_row(source.splitlines()[2])) == 2
    tokens = _gfm().parse(source)
    assert sum(1 for t in tokens if t.type == "td_open") == 2
    flat = [*tokens, *(c for t in tokens for c in (t.children or []))]
    assert not {t.type for t in flat} & {"html_inline", "html_block"}


@given(st.text(max_size=300))
def test_any_block_text_adds_no_html_or_headings(text: str) -> None:
    """Block text from a nämnd never becomes HTML, a heading, a table or a code block."""
    tokens = _gfm().parse("Rubrik\n\n" + markdown.block(text) + "\n")
    flat = [*tokens, *(c for t in tokens for c in (t.children or []))]
    assert not {t.type for t in flat} & {
        "html_inline",
        "html_block",
        "heading_open",
        "table_open",
        "code_block",
        "fence",
        "image",
    }


def test_richtext_renders_markdown_without_raw_html() -> None:
    """Nämnd Markdown becomes HTML; raw HTML is escaped; no headings or images."""
    html = markdown.richtext(
        "**fet** <script>alert(1)</script>\n\n# ingen rubrik\n\n![bild](https://example.org/a.png)"
    )
    assert "<strong>fet</strong>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<h1" not in html
    assert "<img" not in html
    assert "<script" not in html


# --- HTML ----------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collector:
    c = _Collector()
    c.feed(html)
    c.close()
    return c


def test_html_is_standalone_and_safe(html_text: str) -> None:
    """No script, no event handler, nothing loaded from another host; only links to sources."""
    assert "<script" not in html_text.lower()
    assert '<html lang="sv">' in html_text
    assert '<meta charset="utf-8">' in html_text
    assert "url(" not in html_text and "@import" not in html_text
    doc = _parse(html_text)
    loading = {"src", "srcset", "href", "action", "data", "poster", "xlink:href", "background"}
    for tag, attrs in doc.tags:
        assert tag not in {"script", "img", "iframe", "object", "embed", "link", "video"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in loading and value and re.match(r"\s*(https?:)?//", value, re.IGNORECASE):
                assert (tag, name) == ("a", "href"), (tag, name, value)
    xmlns = [a["xmlns"] for t, a in doc.tags if t == "svg"]
    assert xmlns and set(xmlns) == {"http://www.w3.org/2000/svg"}


def test_html_shows_injections_as_text(html_text: str) -> None:
    """The injected texts are escaped in the source and read as plain text."""
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "&lt;img src=x onerror=alert(2)&gt;" in html_text
    assert "Mer personal | fler lokaler &lt;b&gt;nu&lt;/b&gt;" in html_text
    text = "".join(_parse(html_text).text)
    assert "<script>alert(1)</script>" in text
    assert LONG_WORD in text


def test_html_tables_are_accessible(html_text: str) -> None:
    """Every table has a caption; every header cell has a scope."""
    tables = html_text.count("<table>") + html_text.count('<table role="table">')
    assert tables == html_text.count("<caption>") > 5
    for tag, attrs in _parse(html_text).tags:
        if tag == "th":
            assert attrs.get("scope") in {"col", "row"}


def test_html_has_a_print_stylesheet_and_text_labels(html_text: str) -> None:
    """A print stylesheet exists, and each coloured status badge carries a text label."""
    assert "@media print" in html_text
    badges = re.findall(r'<span class="badge [^"]+">([^<]*)</span>', html_text)
    assert badges and all(label.strip() for label in badges)


def test_html_has_a_chart_per_indicator_with_values(html_text: str, view: ReportView) -> None:
    """One accessible SVG per indicator with data; the målvärde line only where there is one."""
    assert html_text.count('role="img"') == 3
    assert html_text.count('class="malvarde"') == 1
    assert "Målvärde 2025: 75\u00a0%" in html_text
    assert 'aria-label="Diagram: Andel elever' in html_text


# --- charts --------------------------------------------------------------------------------------


class _P:
    def __init__(self, ar: int, varde: float, metodbyte: bool = False) -> None:
        self.ar, self.varde, self.metodbyte = ar, varde, metodbyte


def _svg(**kw: object) -> str:
    args: dict[str, object] = {
        "ident": "x",
        "titel": "Test <&>",
        "baslinje": _P(2020, 10.0),
        "utfall": [_P(2021, 11.0), _P(2022, 12.5)],
        "malvarde": 20.0,
        "malar": 2025,
        "fmt": lambda v: tal(v, 1, " %"),
        "fmt_tick": lambda v, d: tal(v, d),
        "enhet": "Procent",
    }
    args.update(kw)
    return indicator_svg(**args)  # type: ignore[arg-type]


def test_chart_is_accessible_and_escapes_its_title() -> None:
    """role=img, a title and an aria-label that says the values; the name is escaped."""
    svg = _svg()
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert 'role="img"' in svg
    assert "<title>Diagram: Test &lt;&amp;&gt;. Baslinje 2020: 10,0\u00a0%." in svg
    assert 'aria-label="Diagram: Test &lt;&amp;&gt;.' in svg
    assert "Utfall 2021: 11,0\u00a0%; 2022: 12,5\u00a0%. Målvärde 2025: 20,0\u00a0%." in svg
    assert 'stroke-dasharray="6 4"' in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_chart_is_deterministic_and_breaks_the_line_at_a_method_change() -> None:
    """Same input, same bytes; a metodbyte starts a new line segment."""
    assert _svg() == _svg()
    assert _svg().count("<polyline") == 1
    broken = _svg(utfall=[_P(2021, 11.0), _P(2022, 12.5, True), _P(2023, 13.0)])
    assert broken.count("<polyline") == 2


def test_chart_without_target_or_data() -> None:
    """No målvärde: no dashed line; no values at all: no chart."""
    assert 'class="malvarde"' not in _svg(malvarde=None, malar=None)
    assert _svg(baslinje=None, utfall=[]) == ""
    one = _svg(baslinje=None, utfall=[_P(2023, 5.0)], malvarde=None, malar=None)
    assert "<circle" in one


def test_report_with_tiny_values_renders_a_chart(tmp_path: Path) -> None:
    """Values of 1e-12 and 3e-12 are valid data: the HTML report has a chart, no traceback."""
    data = _copy_fixture(tmp_path)
    ind = data / "indikatorer" / "trygghet-kvall.yaml"
    text = ind.read_text(encoding="utf-8")
    text = text.replace("  varde: 48.0\n", "  varde: 1.0e-12\n")
    text = text.replace("{ar: 2021, varde: 48.0,", "{ar: 2021, varde: 1.0e-12,")
    text = text.replace("    varde: 51.5\n", "    varde: 3.0e-12\n")
    ind.write_text(text, encoding="utf-8")
    html = render(build(load(data), YEAR), "html")
    svg = html[
        html.index('<svg xmlns="http://www.w3.org/2000/svg" class="diagram" id="diagram-trygghet') :
    ]
    svg = svg[: svg.index("</svg>") + len("</svg>")]
    _check_svg(svg)
    assert ">0,000000000003<" in svg  # the top tick (the axis starts at 0), with its decimals


def _check_svg(svg: str) -> None:
    """Well-formed XML, an <svg> root, and every coordinate a finite number inside the canvas."""
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for el in root.iter():
        for name in ("x", "y", "x1", "y1", "x2", "y2", "cx", "cy"):
            if name in el.attrib:
                value = float(el.attrib[name])
                assert math.isfinite(value) and -10 <= value <= 600, (el.tag, name, value)
        if "points" in el.attrib:
            for pair in el.attrib["points"].split():
                assert all(math.isfinite(float(v)) for v in pair.split(","))


@pytest.mark.parametrize(
    "values",
    [
        [5.0, 5.0, 5.0],  # zero range
        [0.0, 0.0],
        [1e-12, 3e-12],  # tiny
        [5e-324, 1e-323],  # subnormal
        [1.7976931348623157e308, -1.7976931348623157e308],  # huge, both signs
        [-71.0, -3.5, -40.25],  # negative
        [42.0],  # a single point
    ],
)
def test_chart_handles_any_range(values: list[float]) -> None:
    """Zero range, tiny, huge, negative values and a single point all give a chart."""
    utfall = [_P(2020 + n, v) for n, v in enumerate(values)]
    for integer in (False, True):
        svg = _svg(baslinje=None, utfall=utfall, malvarde=None, malar=None, integer=integer)
        _check_svg(svg)
        assert svg.count("<circle") == len(values) + 1  # one per value, one in the legend


_FINITE = st.floats(allow_nan=False, allow_infinity=False)


@given(
    values=st.lists(_FINITE, min_size=1, max_size=8),
    baslinje=st.none() | _FINITE,
    malvarde=st.none() | _FINITE,
    integer=st.booleans(),
    first=st.integers(1990, 2030),
)
def test_chart_never_raises_and_is_well_formed(
    values: list[float], baslinje: float | None, malvarde: float | None, integer: bool, first: int
) -> None:
    """Any finite series (with or without baseline and målvärde) gives well-formed SVG."""
    svg = _svg(
        baslinje=None if baslinje is None else _P(first - 1, baslinje),
        utfall=[_P(first + n, v, n == 2) for n, v in enumerate(values)],
        malvarde=malvarde,
        malar=None if malvarde is None else first + 10,
        integer=integer,
        fmt=lambda v: varde(v, "procent"),
    )
    _check_svg(svg)


# --- determinism and templates -------------------------------------------------------------------

_SCRIPT = """
import sys
from pathlib import Path
from utsatta.load.dataset import load
from utsatta.render.report import build, render
view = build(load(Path(sys.argv[1])), int(sys.argv[2]))
sys.stdout.buffer.write(render(view, sys.argv[3]).encode("utf-8"))
"""


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_output_is_identical_across_hash_seeds(
    fmt: str, tmp_path: Path, md_text: str, html_text: str
) -> None:
    """Rendering in fresh processes with different PYTHONHASHSEED (and working folder) gives
    the same bytes as in this process."""
    outputs = []
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT, str(FIXTURE.resolve()), str(YEAR), fmt],
            capture_output=True,
            env=env,
            cwd=tmp_path,
            check=True,
            timeout=120,
        )
        outputs.append(done.stdout)
    expected = (md_text if fmt == "md" else html_text).encode("utf-8")
    assert outputs == [expected] * 3


_LAZY = """
import sys
from pathlib import Path
from utsatta.check import validate
from utsatta.render import overview, overview_indicators
from utsatta.render.report import build, render
ds = validate(Path(sys.argv[1]), year=int(sys.argv[2])).dataset
LIBS = ("jinja2", "markdown_it", "rich")
checked = {m for m in LIBS if m in sys.modules}  # the check of links may read Markdown
view = build(ds, int(sys.argv[2]))
before = sorted(m for m in LIBS if m in sys.modules and m not in checked)
render(view, "html")
after = sorted(m for m in LIBS if m in sys.modules)
print(before, after)
"""


def test_building_a_report_imports_no_template_or_terminal_library() -> None:
    """jinja2, markdown-it and rich are imported only when a report is rendered (rich only by
    the terminal tables), so importing the report and overview code and building the view
    does not pay for them."""
    done = subprocess.run(
        [sys.executable, "-c", _LAZY, str(FIXTURE.resolve()), str(YEAR)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout == "[] ['jinja2', 'markdown_it']\n"


def _copy_fixture(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for src in FIXTURE.rglob("*"):
        dest = data / src.relative_to(FIXTURE)
        if src.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(src.read_bytes())
    return data


def test_a_data_repository_can_override_a_template(tmp_path: Path, view: ReportView) -> None:
    """templates/report.md.j2 next to the data folder wins; other templates stay bundled."""
    data = _copy_fixture(tmp_path)
    assert override_templates_dir(data) is None
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.md.j2").write_text("Egen mall {{ r.ar }}: {{ r.plan_namn|md }}\n", "utf-8")
    folder = override_templates_dir(data)
    assert folder == own.resolve()
    assert render(view, "md", folder) == f"Egen mall {YEAR}: {view.plan_namn}\n"
    assert render(view, "html", folder) == render(view, "html")


def test_templates_are_strict_and_sandboxed(tmp_path: Path, view: ReportView) -> None:
    """An unknown name is an error, not an empty string; templates cannot reach Python. Both
    end as TemplateFailed naming the template file and line (docs/decisions/0065)."""
    from utsatta.render.report.environment import TemplateFailed

    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.md.j2").write_text("{{ r.finns_inte }}\n", "utf-8")
    with pytest.raises(TemplateFailed, match=r"report\.md\.j2:1: .*okänt fält 'finns_inte'"):
        render(view, "md", own)
    (own / "report.md.j2").write_text("{{ r.__class__.__subclasses__() }}\n", "utf-8")
    with pytest.raises(TemplateFailed, match=r"report\.md\.j2:1: "):
        render(view, "md", own)


@pytest.fixture(scope="module")
def title_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    own = tmp_path_factory.mktemp("title-only")
    # "safe": the template prints the title as it is, so only the tidying is tested
    (own / "report.md.j2").write_text("{{ r.titel|safe }}", "utf-8")
    return own


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "\n", "a", " \n", "\n\n\n"]), max_size=30).map("".join))
def test_markdown_is_tidied_as_the_patterns_say(
    title_only: Path, view: ReportView, text: str
) -> None:
    """Trailing spaces and tabs go (line by line, not by a pattern tried at every space), three
    or more newlines become two, and the report ends in one newline."""
    expected = re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).rstrip("\n") + "\n"
    assert render(replace(view, titel=text), "md", title_only) == expected


def test_html_override_is_autoescaped(tmp_path: Path, view: ReportView) -> None:
    """An HTML template of a data repository is autoescaped like the bundled one."""
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.html.j2").write_text("{{ '<b>' }}\n", "utf-8")
    assert render(view, "html", own) == "&lt;b&gt;\n"


def test_sources_of_one_publisher_are_told_apart() -> None:
    """Two sources from the same publisher without titles differ by their comments."""
    from utsatta.model.common import Kalla
    from utsatta.render.report.sections.sources import kalla_vy

    a = Kalla(id="a", utgivare="Göteborgs universitet", sakerhet="bekraftad", kommentar="SOM 2021.")
    b = Kalla(id="b", utgivare="Göteborgs universitet", sakerhet="bekraftad", kommentar="SOM 2022.")
    assert kalla_vy(a).text == "Göteborgs universitet: SOM 2021 (odaterad)"
    assert kalla_vy(a).text != kalla_vy(b).text


def test_the_plans_source_is_listed_with_its_caveat(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """Decision 0671: the plan's source says in Källor that the text is a copy whose adopted
    wording and decision date are not confirmed; another source keeps its short line."""
    from utsatta.model.common import Kalla
    from utsatta.render.report.sections.sources import kalla_vy

    k = Kalla(
        id="p",
        utgivare="Göteborgs Stad",
        titel="Handlingsplanen.",
        sakerhet="bekraftad",
        kommentar="En kopia, inte bekräftad",
    )
    assert kalla_vy(k, kommentar=True).text == (
        "Göteborgs Stad: Handlingsplanen (odaterad). En kopia, inte bekräftad."
    )
    assert kalla_vy(k).text == "Göteborgs Stad: Handlingsplanen (odaterad)"
    shipped = shared_report(HERE.parent / "data", 2025).md
    assert (
        "- Göteborgs Stad: Göteborgs Stads handlingsplan för att inga områden ska vara utsatta "
        "2025 (odaterad). Planens text (26 sidor), en kopia på 5dok.org, inte på stadens egen "
        "webbplats."
    ) in shipped


# --- the outline: no skipped heading level (PDF/UA-1, Matterhorn 14-003) -------------------------


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[tuple[int, str]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append((int(tag[1]), ""))
            self._open = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._open is not None:
            self.levels[-1] = (self.levels[-1][0], "".join(self._open).strip())
            self._open = None


def _heading_levels(text: str, fmt: str) -> list[tuple[int, str]]:
    if fmt == "html":
        parser = _Headings()
        parser.feed(text)
        return parser.levels
    tokens = _gfm().parse(text)
    return [
        (int(t.tag[1]), tokens[n + 1].content)
        for n, t in enumerate(tokens)
        if t.type == "heading_open"
    ]


def _skipped_levels(levels: list[tuple[int, str]]) -> list[str]:
    out, previous = [], 0
    for level, title in levels:
        if level > previous + 1:
            out.append(f"h{previous} → h{level}: {title}")
        previous = level
    return out


@pytest.fixture(scope="module")
def shipped_texts(shared_report: Callable[[Path, int], SharedReport]) -> dict[tuple[int, str], str]:
    out = {}
    for year in (2023, 2025):
        report = shared_report(HERE.parent / "data", year)
        out[year, "md"], out[year, "html"] = report.md, report.html
    return out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_heading_level_is_skipped(
    fmt: str, md_text: str, html_text: str, shipped_texts: dict[tuple[int, str], str]
) -> None:
    """Walking the headings in order, none is more than one level below the one before it, in the
    golden report and in both shipped reports (2023 and the slutuppföljning 2025)."""
    golden = md_text if fmt == "md" else html_text
    shipped = [(str(y), shipped_texts[y, fmt]) for y in (2023, 2025)]
    for name, text in [("golden", golden), *shipped]:
        levels = _heading_levels(text, fmt)
        assert len(levels) > 20, name
        assert levels[0][0] == 1, name
        assert _skipped_levels(levels) == [], name


def test_a_behov_is_rich_text_by_the_same_rule_in_both_reports(tmp_path: Path) -> None:
    """A behov in the combined table goes through the rule of every other nämnd text: a link
    to anything but a web address is its text, emphasis stays, HTML is text; the same text is
    visible in the .md and the HTML report."""
    data = _copy_fixture(tmp_path)
    path = data / "rapporter" / "2023" / "kulturnamnden.yaml"
    text = path.read_text(encoding="utf-8")
    old = '      - "Mer personal | fler lokaler <b>nu</b>"\n'
    assert old in text
    path.write_text(
        text.replace(
            old,
            '      - "[l](javascript:alert(5))"\n'
            '      - "*Fler* lokaler <b>nu</b>, [rapporten](https://goteborg.se/r)"\n',
        ),
        encoding="utf-8",
    )
    view = build(load(data), YEAR)
    md, html = render(view, "md"), render(view, "html")
    assert "javascript" not in md and "javascript" not in html
    assert "| 1:1 | l | Kulturnämnden |" in md
    assert "<td>l</td><td>Kulturnämnden</td>" in html
    assert (
        "| *Fler* lokaler \\<b>nu\\</b>, rapporten (`https://goteborg.se/r`) | Kulturnämnden |"
    ) in md
    assert (
        '<td><em>Fler</em> lokaler &lt;b&gt;nu&lt;/b&gt;, <a href="https://goteborg.se/r">'
        "rapporten</a></td><td>Kulturnämnden</td>"
    ) in html


def test_the_markdown_holds_no_entity_a_reader_would_see(
    md_text: str, shipped_texts: dict[tuple[int, str], str]
) -> None:
    """The .md is read unrendered too: comparisons in our own texts are written as characters,
    and no "&gt;", "&lt;" or "&amp;" is left for the reader to decode."""
    for text in (md_text, shipped_texts[2023, "md"], shipped_texts[2025, "md"]):
        assert re.findall(r"&(?:gt|lt|amp|quot|#\d+);", text) == []
    assert "0 ≤ kvot 0,59 < 0,6 → otillräcklig takt." in md_text
    assert "värdet 8 (2025) > 0 (lägre är bättre) → målet ej uppnått." in shipped_texts[2025, "md"]
