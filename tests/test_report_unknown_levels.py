"""Police levels the sources do not give are unknown in the report, never 0: the summary's counts
by level, the comparison with the list the plan started from, the series in bilaga C; and the
legend of the level markers says what each mark means in terms of ``sakerhet`` and the sources.

On the shipped data's 2025 report (four areas ``pa-listan-niva-okand``, fakta.md §2.2) and on the
fixture's 2025 edition (one area ``okand``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from utsatta.export.tables import tables
from utsatta.load.dataset import load
from utsatta.render.report import ReportView, build, render
from utsatta.render.report.assemble import assemble  # for data the checks refuse

HERE = Path(__file__).parent
SHIPPED = HERE.parent / "data"
FIXTURE = HERE / "fixtures" / "report-data"

OPEN_2025 = "Biskopsgården, Gårdsten, Tynnered/Grevegården/Opaltorget och Hisings Backa"


@pytest.fixture(scope="module")
def v2025() -> ReportView:
    return build(load(SHIPPED), 2025)


@pytest.fixture(scope="module")
def md2025(v2025: ReportView) -> str:
    return render(v2025, "md")


def test_riskomraden_and_utsatta_2025_are_unknown_not_zero(md2025: str) -> None:
    assert (
        "| Riskområden | okänt (nivån okänd för 4 områden) | vilka framgår inte av källorna |"
        in md2025
    )
    assert (
        "| Utsatta områden | okänt (nivån okänd för 4 områden) | vilka framgår inte av källorna |"
        in md2025
    )
    assert "| Riskområden | 0 |" not in md2025
    assert "| Utsatta områden | 0 |" not in md2025
    # what is known still counts
    # each with the class of its levels, from the press (docs/decisions/0500)
    assert "| Särskilt utsatta områden | 4† |" in md2025
    assert "| **Totalt** | **8†** |   |" in md2025


def test_unknown_counts_in_html_and_json(v2025: ReportView) -> None:
    html = render(v2025, "html")
    assert (
        '<td role="cell" data-label="Antal" class="num">okänt (nivån okänd för 4 områden)</td>'
        '<td role="cell" data-label="Områden">vilka framgår inte av källorna</td>'
    ) in html
    rows = {r.nyckel: r.antal for r in v2025.sammanfattning.lista}
    assert rows["riskomrade"] is None and rows["utsatt"] is None


def test_no_level_2025_is_confirmed_by_the_police(md2025: str) -> None:
    assert (
        "Ingen av nivåerna i listan 2025 är bekräftad av polisen själv: alla 8 är uppgifter i "
        "andra hand; se markeringarna i tabellen."
    ) in md2025


def test_the_change_since_2021_is_undecided_where_the_2025_level_is_unknown(md2025: str) -> None:
    """Biskopsgården was särskilt utsatt 2021 and is on the 2025 list at a level the sources do
    not give, which is not särskilt utsatt (the same rule as the count of 4 särskilt utsatta): a
    lower level, known, but drawn from what the level cannot be, so slutledd (decision 0676);
    the other three were riskområde or utsatt 2021, so theirs is open."""
    assert (
        "Jämfört med listan 2021 (utgångsläget, en tolkning; se bilaga E): "
        "0 nya områden, 0 områden har "
        "lämnat listan, 1 område med lägre nivå (Biskopsgården: från särskilt utsatt område till "
        "på listan men inte som särskilt utsatt område (nivån anges inte), en slutledd "
        "förändring), 0 områden med högre "
        "nivå bland de 5 områden "
        "vars förändring går att avgöra. För 3 områden går förändringen inte att avgöra, "
        "eftersom källorna inte anger nivån: Gårdsten, Tynnered/Grevegården/Opaltorget och "
        "Hisings Backa. Jämförelsen bygger delvis på nivåer "
        "som inte är bekräftade av polisen själv: 9 uppgifter i andra hand och 7 bekräftade i "
        "andra källor än polisen; se markeringarna i avsnitt 5."
    ) in md2025


def test_the_level_table_shows_biskopsgardens_change_as_lower(md2025: str) -> None:
    # the change is drawn from what the 2025 level (second-hand, not given) cannot be: it is
    # slutledd, weaker than either level (0676)
    assert (
        "| Biskopsgården | särskilt utsatt\\* | särskilt utsatt‡ | särskilt utsatt‡ | särskilt "
        "utsatt‡ | riskområde | på listan, nivå okänd† | lägre nivå\\* |"
    ) in md2025


#: the class of a count whose levels no source of the police's own confirms (0500)
EJ = "annan källa än polisen"
#: a 2023 count as Göteborgs Stad states it, as sure as that source; the areas give the same
#: number, so no words say whose it is (0675)
STAD = EJ


def test_bilaga_c_series_show_the_gap_and_its_reason(md2025: str) -> None:
    early = "2015: okänt, nivån okänd för Hisings Backa och Rannebergen"
    assert (
        f"| Antal riskområden i Göteborg | {early}; 2017: 0 (slutledd); 2019: 1 (slutledd); "
        f"2021: 1 (uppgift i andra hand); 2023: 2 ({STAD}); 2025: okänt, nivån okänd för "
        f"{OPEN_2025} |"
    ) in md2025
    assert (
        f"| Antal områden i Göteborg i kategorin utsatt område | {early}; 2017: 2 (slutledd); "
        f"2019: 2 (slutledd); 2021: 2 (uppgift i andra hand); 2023: 2 ({STAD}); 2025: okänt, "
        f"nivån okänd för {OPEN_2025} |"
    ) in md2025
    assert (
        # the counts a source states (omraden.yaml, upplagor: antal): 2015, where the areas
        # leave it open, says whose it is; 2017, 2021 and 2023, where the areas give the same
        # number, have their source's class (0675)
        f"| Antal särskilt utsatta områden i Göteborg | 2015: 6 ({EJ}, antal enligt "
        f"Göteborgs-Posten); 2017: 7 ({EJ}); 2019: 6 (slutledd); 2021: 5 ({EJ}); 2023: 4 "
        f"({STAD}); 2025: 4 (uppgift i andra hand) |"
    ) in md2025


def test_legend_says_what_each_mark_means(md2025: str) -> None:
    section = md2025.split("## 5. Områdena", 1)[1].split("## 6.", 1)[0]
    legend = [line for line in section.splitlines() if line[:2] in ("\\*", "† ", "‡ ", "Ut")]
    # each a sentence in Markdown (granska17 L6)
    assert legend == [
        "\\* Slutledd: nivån står inte i någon källa utan är härledd ur andra uppgifter.",
        "† Uppgift i andra hand: en källa som återger nivån utan att vara belägg för den själv "
        "(t.ex. pressen eller en tredjepartssida om polisens lista).",
        "‡ Bekräftad i en annan källa än polisen: nivån står i källan själv (t.ex. kommunen, "
        "pressen eller ett parti), men ingen av källorna är polisens egen publicering.",
        "Utan markering: bekräftad i polisens egen publicering.",
    ]


def test_marks_in_the_table_follow_the_legend(v2025: ReportView) -> None:
    """Recomputed from the data: * slutledd, † sekundar, ‡ bekraftad without a police source,
    none for bekraftad by the police; unknown levels ("okänd") carry no mark."""
    omr = load(SHIPPED).omraden
    assert omr is not None and omr.model is not None
    slag = {k.id: k.slag for k in omr.model.kallor}
    expected: dict[str, list[str]] = {}
    for o in omr.model.omraden:
        marks = []
        for u in v2025.omraden.upplagor:
            k = next((k for k in o.klassning if k.upplaga == u), None)
            if k is None or k.niva == "okand":
                marks.append("")
            elif k.sakerhet == "slutledd":
                marks.append("*")
            elif k.sakerhet == "sekundar":
                marks.append("†")
            elif not any(slag[c] == "polisen" for c in k.kallor):
                marks.append("‡")
            else:
                marks.append("")
        expected[o.namn] = marks
    got = {r.namn: [c.markering for c in r.celler] for r in v2025.omraden.rader}
    assert got == expected
    # 2023: the police's news names Biskopsgården's level; of Hjällbo it says only "a positive
    # trend, no change of category", so Hjällbo's level rests on the city's page alone
    assert got["Biskopsgården"][4] == ""
    assert got["Hjällbo"][4] == "‡"


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    return data


def test_a_secondary_level_from_the_police_is_dagger_and_a_sourceless_one_is_marked(
    tmp_path: Path,
) -> None:
    """† follows sakerhet, not the kind of source; a level with sakerhet saknas is "?", never
    ‡ (which says bekräftad)."""
    data = _copy(tmp_path)
    omr = data / "omraden.yaml"
    text = omr.read_text(encoding="utf-8")
    text = text.replace(
        "niva: utsatt, sakerhet: sekundar, kallor: [tidning-2021]",
        "niva: utsatt, sakerhet: sekundar, kallor: [polisen-2021]",
    )
    text = text.replace(
        "{upplaga: 2021, niva: sarskilt-utsatt, sakerhet: bekraftad, kallor: [polisen-2021]}",
        "{upplaga: 2021, niva: sarskilt-utsatt, sakerhet: saknas}",
    )
    omr.write_text(text, encoding="utf-8")
    v = assemble(load(data), 2023)
    rader = {r.namn: [c.markering for c in r.celler] for r in v.omraden.rader}
    assert rader["Västmark"][0] == "†"
    assert rader["Norrby"] == ["?", ""]
    assert "? källa saknas: ingen källa belägger nivån" in v.omraden.rader_forklaring


def test_a_level_that_may_be_off_the_list_leaves_the_total_unknown() -> None:
    """The fixture's 2025 edition: Söderdal ``okand`` (any level, or off the list)."""
    v = build(load(FIXTURE), 2025)
    s = v.sammanfattning
    assert s.antal_pa_listan is None
    assert s.lista_text.startswith(
        "Den senaste listan till och med 2025 är Polisen: Lägesbild 2025 (december 2025), känd "
        "genom Testtidningen (i andra hand). Hur många områden som står på listan är okänt "
        "(nivån okänd för 1 område)."
    )
    md = render(v, "md")
    assert "| Riskområden | okänt (nivån okänd för 1 område) | Norrby† |" in md
    assert "| **Totalt** | **okänt (nivån okänd för 1 område)** |   |" in md
    assert (
        "Ingen av nivåerna i listan 2025 är bekräftad av polisen själv: den är en uppgift i "
        "andra hand;"
    ) in md
    assert "För 1 område går förändringen inte att avgöra, eftersom källorna inte anger " in md


def test_behov_sentence_speaks_of_the_years_in_its_table(v2025: ReportView, md2025: str) -> None:
    """By hand: the reports raise 22 behov in 2022, 16 in 2023, 11 in 2024 and 10 in 2025; the
    uppföljningar for 2023–2025 give the outcome of 7 of them (3 from 2022, 4 from 2023). The
    slutuppföljning's sentence and table speak of the same behov, over the whole period
    (docs/decisions/0160)."""
    b = v2025.behov
    assert b is not None
    assert sorted(t.ar for t in b.tidigare) == [2022, 2022, 2022, 2023, 2023, 2023, 2023]
    assert [(p.ar, p.lyfta, p.redovisade) for p in b.period] == [
        (2022, 22, 3),
        (2023, 16, 4),
        (2024, 11, 0),
        (2025, 10, 0),
    ]
    assert b.period_text.startswith(
        "Under planperioden 2022–2025 lyfte organisationernas rapporter 59 behov av ytterligare "
        "insatser. Uppföljningarna för 2023–2025 redovisar utfallet för 7 av dem;"
    )
    assert "Rapporterna för 2024 lyfte 11 behov" not in md2025


def test_no_behov_claims_a_link_to_an_earlier_year_the_data_does_not_make(
    v2025: ReportView,
) -> None:
    """Behov in the reports are plain text (no link across years); only the uppföljning's
    ``tidigare_behov`` links one to its outcome. So a behov text that says it was raised "sedan
    2023" claims what the data does not show (it was Socialnämnd Sydväst's 2:5)."""
    b = v2025.behov
    assert b is not None
    texts = [p.text for f in b.fokus for i in f.insatser for p in i.poster]
    assert texts and not [t for t in texts if "lyft sedan" in t]


def test_export_counts_an_area_on_the_list_at_an_unknown_level_as_on_the_list() -> None:
    """The 2025 export's omradesnivaer: the four areas at a level the sources do not give are on
    the list (it said "nej"); an ``okand`` level leaves it open (empty), e.g. 2015."""
    [t] = [t for t in tables(load(SHIPPED), 2025) if t.namn == "omradesnivaer"]
    col = {c.namn: i for i, c in enumerate(t.columns)}
    rows = {(r[col["omrade"]], r[col["upplaga"]]): r for r in t.rows}
    gardsten = rows[("gardsten", 2025)]
    assert (gardsten[col["niva_text"]], gardsten[col["pa_listan"]]) == (
        "på listan, nivå okänd",
        "ja",
    )
    assert rows[("hisings-backa", 2015)][col["pa_listan"]] is None
    assert rows[("rannebergen", 2025)][col["pa_listan"]] == "nej"
    on_list = [r for (o, u), r in rows.items() if u == 2025 and r[col["pa_listan"]] == "ja"]
    assert len(on_list) == 8


def test_an_area_whose_2021_level_is_unknown_leaves_the_count_of_new_areas_open(
    tmp_path: Path,
) -> None:
    """Hisings Backa's 2021 level unknown: whether it is new on the 2025 list is open, so the
    count of new areas is unknown in section 2 as in delmål 3 (the indicator's value is
    missing), never 0."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    omr = root / "omraden.yaml"
    text = omr.read_text(encoding="utf-8")
    old = (
        "      - upplaga: 2021\n        niva: utsatt\n        sakerhet: sekundar\n"
        "        kallor: [aktarr-2021]\n"
    )
    assert text.count(old) == 1
    omr.write_text(
        text.replace(old, "      - upplaga: 2021\n        niva: okand\n        sakerhet: saknas\n"),
        encoding="utf-8",
    )
    md = render(assemble(load(root), 2025), "md")
    assert (
        "Jämfört med listan 2021 (utgångsläget, en tolkning; se bilaga E): "
        "okänt antal nya områden (det "
        "går inte att avgöra för Hisings Backa), 0 områden har lämnat listan, 1 område med "
        "lägre nivå (Biskopsgården: från särskilt utsatt område till på listan men inte som "
        "särskilt utsatt område (nivån anges inte), en slutledd förändring), 0 områden med "
        "högre nivå bland de 5 "
        "områden vars förändring går att avgöra."
    ) in md
    assert "| **Delmål 3** (”inga nya områden ska ha tillkommit”) | **Kan inte bedömas" in md


def test_zero_new_areas_rests_on_what_shows_each_area_is_not_new(tmp_path: Path) -> None:
    """Gårdsten's 2025 klassning deleted (an unknown level without a source): it is still not
    new, since it was on the 2021 list, so delmål 3 is nått as sure as before (slutledd), not
    resting on the missing entry ("källa saknas")."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    omr = root / "omraden.yaml"
    text = omr.read_text(encoding="utf-8")
    old = (
        "      - upplaga: 2025\n        niva: pa-listan-niva-okand\n        sakerhet: sekundar\n"
        "        kallor: [fastighetsvarlden-2025-12-02, fastighetstidningen-2025-12-02]\n"
        "        kommentar: >-\n"
        "          På listan enligt Fastighetsvärlden 2025-12-02, som inte skiljer riskområden och "
        "utsatta\n          områden åt; nivån anges inte.\n"
    )
    start = text.index("  - id: gardsten\n")
    at = text.index(old, start)
    omr.write_text(text[:at] + text[at + len(old) :], encoding="utf-8")
    md = render(assemble(load(root), 2025), "md")
    assert (
        "| **Delmål 3** (”inga nya områden ska ha tillkommit”) | **Nått** (slutledd) | Antal nya "
        "områden i Göteborg på polisens lista sedan 2021, 2025: 0 (slutledd). Att räkna från "
        "listan 2021 är en tolkning; se bilaga E. |"
    ) in md
    assert "källa saknas" not in md.split("### Målen 2022–2025", 1)[1].split("\n### ", 1)[0]
