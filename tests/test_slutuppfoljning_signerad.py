"""The 2025 slutuppföljning read as the document the city signs (review granska14): every written
verdict on a fokusområde has the numbers of the reports under it, the goal table says what the
tool computes and what it does not, the baseline is called an interpretation where it is used,
and the counts of the period and of the year are tied together.

Data: the shipped data (data/), whose plan runs 2022–2025.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.support import between
from utsatta.load.dataset import load
from utsatta.render.labels import organ_i_text
from utsatta.render.report import build, render
from utsatta.render.report.sections.uppfoljning import mottagare
from utsatta.render.report.view import ReportView

SHIPPED = Path(__file__).parent.parent / "data"


# -- finding 1: a written verdict on a fokusområde never stands alone against the numbers -------


def test_each_fokus_verdict_has_the_computed_line_under_it(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    block = between(md, "**Fokusområde 3: ", "### Plan för det fortsatta arbetet")
    assert block.endswith(
        "Det saknas också mått per område som visar om tilliten har ökat.\n\n"
        "Enligt planen och uppgifterna om organisationerna (med efterträdarna) finns planens "
        "sista år, 2025, ansvar för fokusområdets 3 insatser i 23 fall (organisation och "
        "insats). Beräknat ur rapporterna, den senaste under 2022–2025 för vart och ett av "
        "fallen, är 15 av dem genomförda, 0 avbrutna och 8 utan slutrapport "
        "(2 för 3:1, 1 för 3:2, 5 för 3:3). Samordnande bedömning 2025: för 3:1 Inte uppnått 2; "
        "för 3:2 Uppnått 1; för 3:3 senast 2023: Bedöms uppnås 1 (prognos, ingen "
        "slutbedömning). *(bygger på illustrativa rapporter)*\n\n"
    )
    block = between(md, "**Fokusområde 2: ", "**Fokusområde 3: ")
    assert (
        "Beräknat ur rapporterna, den senaste under 2022–2025 för vart och ett av fallen, är 45 "
        "av dem genomförda, 1 avbruten och 4 utan slutrapport (2 för 2:2, 1 för 2:4, 1 för 2:5). "
        "Samordnande bedömning 2025: för 2:1 Uppnått 1; för 2:2 Inte uppnått 1; för 2:3 Uppnått "
        "1; för 2:4 Uppnått 3; för 2:5 Uppnått 2, Inte uppnått 1." in block
    )
    # the duties under the plan's and the organisations' name, the outcome under the reports'
    # (granska18c F9): never "beräknat ur rapporterna" before who holds what; section 1's count
    # for the whole period under the same name, in the same words (0583)
    assert md.count("Enligt planen och uppgifterna om organisationerna (med efterträdarna)") == 4
    senaste = "den senaste under 2022–2025 för vart och ett av fallen, är"
    assert md.count(". Beräknat ur rapporterna, " + senaste) == 3
    assert "Beräknat ur rapporterna: planens sista år" not in md
    html_block = between(html, "<h4>Fokusområde 1: ", '<h3 id="fortsatt-arbete">')
    assert (
        '<p class="berakning">Enligt planen och uppgifterna om organisationerna (med '
        "efterträdarna) finns planens sista år, 2025, ansvar för fokusområdets 7 insatser i 26 "
        "fall (organisation och insats). Beräknat ur rapporterna, den senaste under 2022–2025 "
        "för vart och ett av fallen, är 25 av dem genomförda, 0 avbrutna och 1 utan slutrapport "
        "(1 för 1:7). "
        "Samordnande bedömning 2025: för 1:1 Uppnått 1 (indikatorn kan inte bedömas); för 1:2 "
        "Uppnått 1 (indikatorn kan inte bedömas); för 1:3 Inte uppnått 1; för 1:4 senast 2023: "
        "Bedöms uppnås 1 (prognos, ingen slutbedömning); för 1:5 Uppnått 1 (indikatorerna kan "
        "inte bedömas); för 1:6 Uppnått 4; "
        "för 1:7 senast 2023: Uppnått 3, Bedöms uppnås 1 (prognos, ingen slutbedömning). "
        '<span class="tag">bygger på illustrativa rapporter</span></p>' in html_block
    )


def test_the_fokus_lines_add_up_to_section_1(view_2025: ReportView) -> None:
    """The three lines split the period's count of section 1 (99 = 85 + 1 + 13) by fokusområde."""
    slut = view_2025.slut
    assert slut is not None
    assert (
        sum(i.genomforda for i in slut.insatser),
        sum(i.avbrutna for i in slut.insatser),
        sum(i.utan_slutrapport + i.utan_rapport for i in slut.insatser),
    ) == (85, 1, 13)
    assert "99 fall" in slut.insatser_text and "85 av dem genomförda" in slut.insatser_text
    assert [(b.fokus, bool(b.berakning)) for b in view_2025.uppfoljning.fokusomraden] == [
        ("1", True),
        ("2", True),
        ("3", True),
    ]


def test_a_pair_held_only_by_the_coordinator_is_named(view_2025: ReportView) -> None:
    """granska18 G7: Kommunstyrelsen holds only the samordningsansvar for 2:1 (no ansvar), and its
    pair is among the 99, so the sentence says "ansvar eller samordningsansvar"; fokusområde 2's
    line (50 = 49 + 1) says it too and names it; the others keep "ansvar"."""
    slut = view_2025.slut
    assert slut is not None
    assert slut.insatser_text.startswith(
        "Enligt planen och uppgifterna om organisationerna (med efterträdarna) finns planens "
        "sista år, 2025, ansvar eller samordningsansvar för insatserna i 99 fall (organisation "
        "och insats). Enligt den senaste rapporten under 2022–2025 är 85 av dem genomförda,"
    )
    assert [(i.insats, i.bara_samordning) for i in slut.insatser if i.bara_samordning] == [
        ("2:1", ("Kommunstyrelsen",))
    ]
    berakning = {b.fokus: b.berakning for b in view_2025.uppfoljning.fokusomraden}
    assert berakning["2"].startswith(
        "Enligt planen och uppgifterna om organisationerna (med efterträdarna) finns planens "
        "sista år, 2025, ansvar eller samordningsansvar för fokusområdets 5 insatser i 50 fall "
        "(organisation och insats; bara samordningsansvar: Kommunstyrelsen för 2:1). Beräknat "
        "ur rapporterna, den senaste under 2022–2025 för vart och ett av fallen, är 45 av dem "
        "genomförda, "
    )
    for fokus in ("1", "3"):
        assert "samordningsansvar" not in berakning[fokus]
        assert "finns planens sista år, 2025, ansvar för fokusområdets" in berakning[fokus]


def test_the_shipped_fokus_texts_agree_with_the_tables(report_2025: tuple[str, str]) -> None:
    """The illustrative texts say nothing the tables contradict (review granska14, finding 1:
    "har genomförts" beside five open 3:3 reports, "de flesta skolor" beside "samtliga")."""
    md, _ = report_2025
    section = between(md, "### Fokusområdena", "### Plan för det fortsatta arbetet")
    assert "har genomförts" not in section
    assert "de flesta skolor" not in section
    assert "inte genomförda i sin helhet" in section


def test_no_computed_line_before_the_last_year() -> None:
    view = build(load(SHIPPED), 2023)
    assert view.slut is None
    assert all(b.berakning == "" for b in view.uppfoljning.fokusomraden)
    md = render(view, "md")
    assert "Beräknat ur rapporterna" not in md
    assert "Enligt planen och uppgifterna om organisationerna" not in md


# -- finding 3: delmål 2 is not computed from the list, and the cell says so -------------------


def test_delmal_2_says_it_is_not_computed_and_what_is_known(view_2025: ReportView) -> None:
    slut = view_2025.slut
    assert slut is not None
    d = slut.domar[2]
    assert (d.rubrik, d.utfall, d.utfall_nyckel, d.utfall_markering) == (
        "Delmål 2",
        "Beräknas inte",
        "okant",
        "",
    )
    assert d.underlag == (
        "Räknas inte ur listan: delmålet gäller utvecklingen i varje område, och polisens nivå "
        "visar inte om den har vänt. Känt från listan 2021 (utgångsläget, en tolkning; se "
        "bilaga E) till listan 2025: 4 områden med "
        "oförändrad nivå (Bergsjön, Hammarkullen, Hjällbo och Lövgärdet; uppgift i andra hand), "
        "1 område med lägre nivå (Biskopsgården; slutledd) och 3 områden där "
        "förändringen inte går att avgöra, eftersom "
        "källorna inte anger nivån (Gårdsten, Tynnered/Grevegården/Opaltorget och Hisings "
        "Backa). Antalen per nivå (”Antal riskområden i Göteborg” och ”Antal områden i Göteborg "
        "i kategorin utsatt område”) visar inte heller om utvecklingen i ett område har vänt. "
        "Bedömningen område för område står i bilaga B."
    )
    assert "går inte att räkna" not in d.underlag
    assert slut.slutsats.startswith(
        "Mot polisens lista 2025: Delmål 3 är nått (slutledd); målet och delmål 1 är inte nådda "
        "(uppgift i andra hand); delmål 2 beräknas inte ur listan (det gäller varje område för "
        "sig)."
    )


# -- finding 4: the baseline list is an interpretation, and the alternative is computed --------

UTGANGSLAGE_2025 = (
    "**Utgångsläget är en tolkning.** Delmål 2 är att ”utvecklingen ska ha vänt i samtliga "
    "områden som idag finns på polisens lista”. Planen säger inte vilken av polisens listor som "
    "är ”idag”, och planens beslutsdatum finns inte i underlaget. Rapporten räknar från listan "
    "2021, den senaste före planperioden 2022–2025: förändringen (avsnitt 2 och 5), underlaget "
    "för delmålen (avsnitt 1) och baslinjen för antalen ur polisens listor (bilaga D, där den "
    "är märkt ”tolkning”). Räknat från listan före den, 2019, blir siffrorna andra (ur samma "
    "uppgifter): nya områden på listan 2025: 0 (slutledd) jämfört med listan 2019 och 0 "
    "(slutledd) jämfört med listan 2021; ”Antal områden i Göteborg på polisens lista (alla "
    "nivåer)”: 9 (slutledd) år 2019 och 8 (uppgift i andra hand) år 2025, 11\u00a0%\u00a0av"
    "\u00a0vägen mot målvärdet 0 (från listan 2021: 0\u00a0%\u00a0av\u00a0vägen); ”Antal "
    "särskilt utsatta områden i Göteborg”: 6 (slutledd) år 2019 och 4 (uppgift i "
    "andra hand) år 2025, "
    "33\u00a0%\u00a0av\u00a0vägen mot målvärdet 0 (från listan 2021: 20\u00a0%\u00a0av"
    "\u00a0vägen); delmål 2 gäller 9 områden i stället för 8: också Rannebergen, som stod på "
    "listan 2019 men inte 2021.\n"
)


def test_bilaga_e_states_the_interpretation_and_the_alternative(
    report_2025: tuple[str, str],
) -> None:
    md, html = report_2025
    bilaga_e = between(md, "## Bilaga E.", "## Källor")
    assert UTGANGSLAGE_2025 in bilaga_e
    assert md.count("**Utgångsläget är en tolkning.**") == 1
    assert "<strong>Utgångsläget är en tolkning.</strong> Delmål 2 är att" in html


def test_the_baseline_is_marked_where_it_is_used(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    # section 1, goal table: delmål 2 and the delmål counted since the list
    assert "Känt från listan 2021 (utgångsläget, en tolkning; se bilaga E) till listan" in md
    assert (
        "sedan 2021, 2025: 0 (slutledd). Att räkna från listan 2021 är en tolkning; se bilaga E. |"
        in md
    )
    # section 2 and section 5
    assert "Jämfört med listan 2021 (utgångsläget, en tolkning; se bilaga E): 0 nya områden" in md
    legend = (
        "Förändring: från listan 2021 (utgångsläget, en tolkning: bilaga E) till 2025; ”–”: "
        "området stod inte på någon av dem."
    )
    assert legend in md and legend in html
    # Bilaga D: the baselines counted from the lists, not one typed in
    assert (
        "| Antal särskilt utsatta områden i Göteborg | 5 (2021, annan källa än polisen, "
        "tolkning) "
        "| 4 (2025, uppgift i andra hand) |" in md
    )
    assert "| 8 (2021, uppgift i andra hand, tolkning) |" in md
    assert "| 0 (2021, tolkning) |" in md
    assert "(2019, tolkning)" not in md and "(2020, tolkning)" not in md


def test_the_alternative_follows_the_data(tmp_path: Path) -> None:
    """The figures of the alternative are computed: a different 2019 level changes them."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    path = root / "omraden.yaml"
    text = path.read_text(encoding="utf-8")
    old = (
        "      - upplaga: 2019\n        niva: sarskilt-utsatt\n        sakerhet: bekraftad\n"
        "        kallor: [gp-2019-03-01, gp-2019-06]\n"
    )
    assert text.count(old) >= 1
    i = text.index("namn: Hjällbo")
    j = text.index(old, i)
    path.write_text(
        text[:j] + old.replace("sarskilt-utsatt", "riskomrade") + text[j + len(old) :],
        encoding="utf-8",
    )
    alt = next(t for h, t in build(load(root), 2025).sammanfattning.metod if h.startswith("Utg"))
    assert (
        "”Antal särskilt utsatta områden i Göteborg”: 5 (slutledd) år 2019 och 4 "
        "(uppgift i andra hand) år 2025, 20\u00a0%\u00a0av\u00a0vägen mot målvärdet 0" in alt
    )


# -- finding 5: the counts over the period and the year's counts are tied together -------------


def test_the_year_table_has_its_year_and_section_1_bridges_the_counts(
    report_2025: tuple[str, str],
) -> None:
    md, html = report_2025
    assert "### Insatser per status 2025 *(bygger på illustrativa rapporter)*" in md
    assert (
        "Rapporterad status i rapporterna för 2025, en rad per organisation och insats: varje "
        "inkommen rapportering, förväntad eller inte, och varje saknad." in md
    )
    assert '<div class="rubrik-rad"><h3>Insatser per status 2025</h3>' in html
    assert "<caption>Rapporterad status 2025 per organisation och insats</caption>" in html
    bro = (
        "Av de 99 fall som har en rapport under perioden har 89 sin senaste rapport i rapporterna "
        "för 2025 och 10 i ett tidigare års. Avsnitt 2 räknar de 89, med årets "
        "saknade och inte förväntade rapporteringar, i tabellen ”Insatser per status 2025”. Av "
        "de 10 är 6 återrapporteringar som avsnitt 2 räknar som lämnade ett tidigare år (1 för "
        "1:4 och 5 för 3:3) och 4 som inte ska rapporteras 2025 (4 för 1:7). Av de 85 "
        "genomförda står 81 i rapporterna för 2025 och 4 i rapporterna för 2023."
    )
    section_1 = between(md, "### Insatserna 2022–2025: utfall över perioden", "### Lärdomar")
    assert bro in section_1
    assert bro in html
    # the numbers it ties: section 2's table for the year
    assert "| Genomförd | 81 |" in md and "| **Totalt** | **89** |" in md
    # and section 2's count of the earlier ones (review granska15, finding 5)
    assert "och 6 återrapporteringar lämnades ett tidigare år." in md


# -- finding 10: the plan's data labelled as the plan's, the recipient said once ---------------


def test_the_plans_line_is_labelled_and_the_recipient_said_once(
    report_2025: tuple[str, str],
) -> None:
    md, html = report_2025
    planen = (
        "Planen: dnr 1669/20, beslutad av kommunfullmäktige (beslutsdatum finns inte i "
        "underlaget), giltighet 2022–2025, "
        "dokumentansvarig: Stadsledningskontoret, avdelningen för samhällsutveckling, "
        "avdelningschef."
    )
    omfattning = (
        "Slutuppföljningen gäller hela planperioden 2022–2025 och år 2025, planens sista år. Den "
        "rapporteras till kommunfullmäktige."
    )
    assert f"\n\n{planen}\n\n{omfattning}\n\n" in md
    assert f'<p class="meta">{planen} {omfattning}</p>' in html
    assert "Beslutad av Kommunfullmäktige" not in md
    assert md.count("rapporteras till kommunfullmäktige.") == 2  # said once, and the plan quoted
    assert (
        "Enligt planen: ”Uppföljning ska göras en gång per år och rapporteras till "
        "kommunfullmäktige.”" in md
    )
    assert "Kommunfullmäktige" not in md  # lower case in running text
    # the illustrative proposal no longer sends the follow-up elsewhere
    assert "en gång per år till kommunstyrelsen" not in md


def test_recipient_only_from_the_plans_words() -> None:
    assert mottagare("Uppföljning ska göras årligen och rapporteras till kommunstyrelsen.") == (
        "kommunstyrelsen"
    )
    assert mottagare("Uppföljning görs årligen.") is None
    assert mottagare(None) is None
    assert organ_i_text("Kommunfullmäktige") == "kommunfullmäktige"
    assert organ_i_text("Socialnämnden Nordost") == "Socialnämnden Nordost"
    assert organ_i_text("SKR") == "SKR"


# -- finding 13: a forecast from an earlier year is not shown as the outcome --------------------


def test_an_earlier_forecast_is_shown_as_a_forecast(
    view_2025: ReportView, report_2025: tuple[str, str]
) -> None:
    md, html = report_2025
    slut = view_2025.slut
    assert slut is not None
    by_id = {i.insats: i.bedomning for i in slut.insatser}
    assert by_id["3:3"] == "Uppnått 3, Bedöms uppnås 5 (prognos 2023 och 2024, ingen slutbedömning)"
    assert by_id["1:4"] == "Bedöms uppnås 1 (prognos 2023, ingen slutbedömning)"
    # the year's own verdicts stand as they are (with the mark of an indicator that cannot be
    # assessed, tests/test_insats_indikatorer.py)
    assert by_id["1:1"] == "Uppnått 9 (indikatorn kan inte bedömas)"
    assert (
        "| Kulturnämnden | Ansvarig | Rapporterad ett tidigare år · senast 2023: Pågående | "
        "2023: Bedöms uppnås (prognos, ingen slutbedömning) | "
        "2023: Bergsjön, Biskopsgården, Hammarkullen |" in md
    )
    assert (
        "Egen bedömning 2024: <strong>Bedöms uppnås (prognos, ingen slutbedömning)</strong>" in html
    )
    # no forecast of an earlier year stands without the mark in the slutuppföljning
    bare = re.findall(
        r"20(?:22|23|24): \**Bedöms (?:inte )?uppnås\**(?! \(prognos| \d+ \(prognos)", md
    )
    assert bare == []


def test_the_year_before_the_last_keeps_its_forecasts() -> None:
    md = render(build(load(SHIPPED), 2024), "md")
    assert "prognos, ingen slutbedömning" not in md


# -- finding 15: the report's language --------------------------------------------------------


def test_no_colloquial_or_loose_wording_in_the_final_report(report_2025: tuple[str, str]) -> None:
    md, html = report_2025
    for text in (md, html):
        for loose in (
            "ur datan",
            "i datan",
            "Datan ",
            "t.o.m.",
            "okänt vilka",
            "den den ",
            "Planen kräver",
            "efterföljare",
            "Kan inte avgöras",
            "Det räknar varje",
        ):
            assert loose not in text, loose
    # the plan's own word, quoted
    assert (
        "Om uppföljningens struktur säger planen: ”Strukturen bör förutom nuläge innehålla en "
        "plan för det fortsatta arbetet för att målet ska nås.”" in md
    )


def test_the_tools_sentences_do_not_start_with_a_digit(report_2025: tuple[str, str]) -> None:
    md, _ = report_2025
    main = md.split("\n## Bilaga A. ", 1)[0]
    for sentence in (
        "Målvärden härledda ur planens text har 9 indikatorer (4 av dem slutledda); 10 saknar "
        "målvärde och kan inte följas upp mot ett mål.",
        "Av de rapporteringar som skulle ha lämnats under perioden kom 2 aldrig in",
        "Den senaste listan till och med 2025 är Polisen: Lägesbild (december 2025), känd genom "
        "Fastighetsvärlden och Fastighetstidningen, alla i andra hand. På listan "
        "står 8 områden",
        "Av 89 förväntade rapporteringar (organisation och insats) har 89 kommit in och 0 saknas, "
        "från 20 av 20 organisationer. Dessutom har inga rapporteringar utöver de förväntade "
        "kommit in,",
        "Uppföljningen följer 19 indikatorer, valda för den: 3 med status mot ett målvärde",
        "För 2025 kan 16 indikatorer inte bedömas.",
        "Räkningen tar med varje organisation som har insatsen planens sista år en gång",
        "| Riskområden | okänt (nivån okänd för 4 områden) | vilka framgår inte av källorna |",
    ):
        assert sentence in main, sentence
    # no sentence of the tool's own in sections 1 and 2 starts with a digit (tables, lists and
    # the texts quoted from the files aside)
    own = [
        line
        for line in main.split("\n## 3. ", 1)[0].splitlines()
        if line and not line.startswith(("|", "-", "#", ">", "*")) and line.endswith(".")
    ]
    starts = [s for line in own for s in re.split(r"(?<=[.!?]) ", line) if s[:1].isdigit()]
    assert starts == []


def test_one_phrase_for_cannot_be_decided_and_a_key_under_the_goal_table(
    report_2025: tuple[str, str],
) -> None:
    md, html = report_2025
    key = (
        "Orden i tabellen: ”Nått” och ”Inte nått” räknar verktyget ur värdet för 2025, ”Uppnått” "
        "och ”Inte uppnått” är den skrivna bedömningen; ”Kan inte bedömas”: värdet eller "
        "målvärdet saknas, eller den som skrev bedömningen kan inte bedöma målet; ”Beräknas "
        "inte”: verktyget räknar inte delmålet ur listan; ”slutledd”: dragen ur källorna, inte "
        "utsagd i dem; ”uppgift i andra hand”: en källa som återger uppgiften; ett värde har "
        "markeringen för den osäkraste uppgift som det bygger på (nivåerna var för sig, med "
        "sina markeringar: avsnitt 5). Mer i [bilaga "
        "E](#bilaga-e-metod-och-definitioner), också om markeringarna för hur säkra värdena är."
    )
    table_end = md.index("| **Delmål 3** ")
    assert md.index(key) > table_end
    assert md[md.index("\n", table_end) : md.index(key)] == "\n\n"
    html_key = key.replace(
        "[bilaga E](#bilaga-e-metod-och-definitioner)", '<a href="#metod">bilaga E</a>'
    )
    assert f'<p class="muted">{html_key}</p>' in html


def test_kallor_lists_the_reports_of_every_year_used(report_2025: tuple[str, str]) -> None:
    md, _ = report_2025
    kallor = md.split("\n## Källor\n", 1)[1]
    for year in (2025, 2022, 2023, 2024):
        assert f"\n### Nämndernas och styrelsernas rapporter för {year}\n" in kallor
    assert "- Grundskolenämnden: rapport om arbetet 2023 (illustrativ)" in kallor


@pytest.mark.parametrize(
    ("marks", "said"),
    [
        # every marker is explained, and that a value shows only the weakest of what it rests on
        (
            ("annan källa än polisen", "källa saknas"),
            "; ”annan källa än polisen”: bekräftad, men inte i polisens egen publicering; "
            "”källa saknas”: ingen källa belägger uppgiften; ett värde har markeringen för den "
            "osäkraste uppgift som det bygger på (nivåerna var för sig, med sina markeringar: "
            "avsnitt 5).",
        ),
        # no marked value: nothing about markers
        (("", ""), " är den skrivna bedömningen."),
    ],
)
def test_the_key_says_what_a_values_one_marker_is(marks: tuple[str, str], said: str) -> None:
    """Delmål 3 is "Nått (slutledd)" although the 2025 list it rests on is a secondary source:
    a value carries the weakest class (docs/decisions/0500), and the key under the table says
    so, so that the one marker is not read as the only caveat."""
    from utsatta.render.report.followup_view import MalDom
    from utsatta.render.report.sections.slutrader import malnyckel

    domar = [MalDom(f"Delmål {i}", "", "", "Nått", "natt", None, m) for i, m in enumerate(marks)]
    assert malnyckel(domar, 2025).endswith(said)


def test_the_plans_line_gives_its_decision_date_when_the_data_has_one(tmp_path: Path) -> None:
    """The plan's line names the date of the decision, or says that the source lacks it
    (signer review, session 25): never "beslutad av kommunfullmäktige" as if it were dated."""
    data = shutil.copytree(SHIPPED, tmp_path / "data")
    plan = data / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "  beslutsdatum: null\n" in text
    plan.write_text(text.replace("  beslutsdatum: null\n", "  beslutsdatum: 2021-06-10\n"), "utf-8")
    md = render(build(load(data), 2025), "md")
    assert (
        "Planen: dnr 1669/20, beslutad av kommunfullmäktige 2021-06-10, giltighet 2022–2025, " in md
    )
