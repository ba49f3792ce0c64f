"""The plan's own wording of who is responsible, beside who holds it in the year (Bilaga A), the
ceased organisations of the plan in the main part (section 6) and the successor rule in Bilaga E
(granska9 F1, docs/decisions/0390). The expected texts are read by hand off data/plan.yaml and
data/organisationer.yaml, and off tests/fixtures/report-data.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import REPORT_FIXTURE, SHIPPED, SharedReport
from utsatta.compute.responsibility import Duties, tolkning
from utsatta.load.dataset import load
from utsatta.render.report import build, render
from utsatta.render.report.view import InsatsVy, ReportView, UpphordRad

Shared = Callable[[Path, int], SharedReport]

GRUPPEN = "Samtliga nämnder och styrelser i Göteborgs Stad med verksamhet i utsatta områden"
#: the fixture's plan has no lydelse: the names are labelled as not the plan's words
NAMN = " (namn enligt uppgifterna om organisationerna, inte planens lydelse)"


def _insats(view: ReportView, ident: str) -> InsatsVy:
    return next(i for f in view.fokusomraden for i in f.insatser if i.id == ident)


def _header(md: str, ident: str) -> list[str]:
    """The lines of Bilaga A's list under "#### Insats ``ident``", up to "Uppföljning"."""
    start = md.index(f"#### Insats {ident} ")
    block = md[start : md.index("- Uppföljning:", start)]
    return [line for line in block.splitlines() if line.startswith(("- ", "  - "))][1:]


# --- Bilaga A, the shipped data -----------------------------------------------------------------


def test_2_2_shows_the_plans_lokalnamnden_and_its_successor(shared_report: Shared) -> None:
    r = shared_report(SHIPPED, 2025)
    assert _header(r.md, "2:2") == [
        "- Samordningsansvar enligt planen: ”Lokalnämnden”",
        "- Ansvar enligt planen: ”Lokalnämnden, förskolenämnden och grundskolenämnden.”",
        "- Efterträdare 2025: Stadsfastighetsnämnden i stället för Lokalnämnden (slutledd) från "
        "2023-01-01",
    ]
    # the year's holders stay in the view (and in the JSON)
    ins = _insats(r.view, "2:2")
    assert ins.samordningsansvar == "Stadsfastighetsnämnden"
    assert ins.ansvar == "Stadsfastighetsnämnden, Förskolenämnden, Grundskolenämnden"


def test_2_2_in_2022_has_no_successor_yet(shared_report: Shared) -> None:
    assert _header(shared_report(SHIPPED, 2022).md, "2:2") == [
        "- Samordningsansvar enligt planen: ”Lokalnämnden”",
        "- Ansvar enligt planen: ”Lokalnämnden, förskolenämnden och grundskolenämnden.”",
    ]


def test_two_predecessors_with_one_heir_share_a_line(shared_report: Shared) -> None:
    assert _header(shared_report(SHIPPED, 2024).md, "2:3") == [
        "- Samordningsansvar enligt planen: ”Förvaltnings AB Framtiden”",
        "- Ansvar enligt planen: ”Förvaltnings AB Framtiden, Higab, park- och naturnämnden samt "
        "trafiknämnden”",
        "- Efterträdare 2024: Stadsmiljönämnden i stället för Park- och naturnämnden och "
        "Trafiknämnden (slutledd) från 2023-01-01",
    ]


def test_a_confirmed_succession_with_a_chosen_day_says_both(shared_report: Shared) -> None:
    assert _header(shared_report(SHIPPED, 2025).md, "3:1") == [
        "- Samordningsansvar enligt planen: ”Nämnden för konsument- och medborgarservice samt "
        "kulturnämnden”",
        "- Ansvar enligt planen: ”Nämnden för konsument- och medborgarservice, kulturnämnden, "
        "idrotts- och föreningsnämnden, lokalnämnden samt socialnämnderna Centrum, Hisingen, "
        "Nordost och Sydväst”",
        "- Efterträdare 2025:",
        "  - Nämnden för demokrati och medborgarservice i stället för Nämnden för konsument- och "
        "medborgarservice (bekräftad) från 2021-11-01 (datum: slutledd)",
        "  - Stadsfastighetsnämnden i stället för Lokalnämnden (slutledd) från 2023-01-01",
    ]


MEMBERS_2025 = (
    "Socialnämnden Centrum, Socialnämnden Hisingen, Socialnämnden Nordost, "
    "Socialnämnden Sydväst, "
    "Nämnden för demokrati och medborgarservice, Kulturnämnden, Idrotts- och "
    "föreningsnämnden, Förskolenämnden, Grundskolenämnden, Utbildningsnämnden, Nämnden för "
    "arbetsmarknad och vuxenutbildning, Stadsbyggnadsnämnden, Exploateringsnämnden, "
    "Stadsmiljönämnden, Stadsfastighetsnämnden, Förvaltnings AB Framtiden, "
    "Göteborgslokaler, Higab och Business Region Göteborg (19 organisationer; planen räknar "
    "inte upp dem, och sammansättningen är slutledd)"
)
EFTERTRADARE_GRUPPEN_2025 = [
    # not konsument- och medborgarservice: gone before the plan period, no member of the group
    # in it (decision 0611); its successor is a member itself
    "- Efterträdare 2025:",
    "  - Exploateringsnämnden och Stadsfastighetsnämnden i stället för Fastighetsnämnden "
    "(slutledd) från 2023-01-01",
    "  - Stadsbyggnadsnämnden i stället för Byggnadsnämnden (slutledd) från 2023-01-01",
    "  - Stadsfastighetsnämnden i stället för Lokalnämnden (slutledd) från 2023-01-01",
    "  - Stadsmiljönämnden i stället för Park- och naturnämnden och Trafiknämnden (slutledd) "
    "från 2023-01-01",
]


def test_the_group_is_the_plans_words_and_its_members_an_inference(
    shared_report: Shared,
) -> None:
    r = shared_report(SHIPPED, 2025)
    assert _header(r.md, "2:1") == [
        "- Samordningsansvar enligt planen: ”Kommunstyrelsen”",
        f"- Ansvar enligt planen: ”{GRUPPEN}”",
        f"- Gruppen ”{GRUPPEN}” 2025: {MEMBERS_2025}",
        *EFTERTRADARE_GRUPPEN_2025,
    ]
    # HTML: one term per line, each line its own description, from the same view
    html = r.html
    start = html.index('<h4 id="rubrik-insats-2-1">')
    dl = html[start : html.index("</dl>", start)]
    assert f"<dt>Ansvar enligt planen</dt><dd>”{GRUPPEN}”</dd>" in dl
    assert f"<dt>Gruppen ”{GRUPPEN}” 2025</dt><dd>{MEMBERS_2025}</dd>" in dl
    assert dl.count("<dt>Efterträdare 2025</dt><dd><ul><li>") == 1
    assert (
        "<li>Stadsfastighetsnämnden i stället för Lokalnämnden (slutledd) från 2023-01-01</li>"
        in dl
    )
    # a single line stands in the description itself
    start = html.index('<h4 id="rubrik-insats-2-2">')
    assert (
        "<dt>Efterträdare 2025</dt><dd>Stadsfastighetsnämnden i stället för Lokalnämnden "
        "(slutledd) från 2023-01-01</dd>"
    ) in html[start : html.index("</dl>", start)]


def test_2_4_quotes_the_plan_and_marks_the_group_as_an_interpretation(
    shared_report: Shared,
) -> None:
    """The plan says "… som har verksamhet i området", not the group's name; plan.yaml marks
    the mapping ansvar_tolkning: slutledd (granska10 F1)."""
    r = shared_report(SHIPPED, 2025)
    assert _header(r.md, "2:4") == [
        "- Samordningsansvar enligt planen: ”Socialnämnderna Hisingen, Nordost och Sydväst”",
        "- Ansvar enligt planen: ”Samtliga nämnder och styrelser i Göteborgs Stad som har "
        f"verksamhet i området” (tolkas här som gruppen ”{GRUPPEN}”; tolkningen är slutledd)",
        f"- Gruppen ”{GRUPPEN}” 2025: {MEMBERS_2025}",
        *EFTERTRADARE_GRUPPEN_2025,
    ]
    start = r.html.index('<h4 id="rubrik-insats-2-4">')
    assert (
        "<dt>Ansvar enligt planen</dt><dd>”Samtliga nämnder och styrelser i Göteborgs Stad som "
        f"har verksamhet i området” (tolkas här som gruppen ”{GRUPPEN}”; tolkningen är "
        "slutledd)</dd>"
    ) in r.html[start : r.html.index("</dl>", start)]


def test_3_2_quotes_the_plans_socialnamnd_centrum(shared_report: Shared) -> None:
    """The plan's "Socialnämnd Centrum", not the official name "Socialnämnden Centrum" that the
    organisation carries in the data (and in the successor and status lines)."""
    assert _header(shared_report(SHIPPED, 2025).md, "3:2") == [
        "- Samordningsansvar enligt planen: ”Socialnämnd Centrum”",
        "- Ansvar enligt planen: ”Socialnämnderna Centrum, Hisingen, Nordost och Sydväst, "
        "förskolenämnden, grundskolenämnden, nämnden för arbetsmarknad och vuxenutbildning”",
    ]


def test_a_group_with_members_is_one_line_with_och(shared_report: Shared) -> None:
    assert _header(shared_report(SHIPPED, 2025).md, "1:1")[2] == (
        "- Gruppen ”Socialnämnderna” 2025: Socialnämnden Centrum, Socialnämnden Hisingen, "
        "Socialnämnden Nordost och Socialnämnden Sydväst"
    )


# --- section 6, the shipped data ----------------------------------------------------------------

UPPHORDA_2025 = (
    UpphordRad(
        "Nämnden för konsument- och medborgarservice",
        "2021-10-31",
        "Nämnden för demokrati och medborgarservice",
        "2021-11-01",
        "bekräftad",
        "3:1, 3:3",  # not 2:1, 2:4: in no group in the plan period (0611)
        " (datum: slutledd)",
    ),
    UpphordRad(
        "Fastighetsnämnden",
        "2022-12-31",
        "Exploateringsnämnden och Stadsfastighetsnämnden",
        "2023-01-01",
        "slutledd",
        "2:1*, 2:4*",
    ),
    UpphordRad(
        "Byggnadsnämnden",
        "2022-12-31",
        "Stadsbyggnadsnämnden",
        "2023-01-01",
        "slutledd",
        "2:1*, 2:4*",
    ),
    UpphordRad(
        "Lokalnämnden",
        "2022-12-31",
        "Stadsfastighetsnämnden",
        "2023-01-01",
        "slutledd",
        "1:1, 2:1*, 2:2, 2:4*, 2:5, 3:1",
    ),
    UpphordRad(
        "Park- och naturnämnden",
        "2022-12-31",
        "Stadsmiljönämnden",
        "2023-01-01",
        "slutledd",
        "2:1*, 2:3, 2:4*",
    ),
    UpphordRad(
        "Trafiknämnden",
        "2022-12-31",
        "Stadsmiljönämnden",
        "2023-01-01",
        "slutledd",
        "2:1*, 2:3, 2:4*",
    ),
)


@pytest.mark.parametrize("ar", [2022, 2025])
def test_section_6_lists_the_ceased_organisations(shared_report: Shared, ar: int) -> None:
    """2022 too: the five nämnder ceased on its last day, their successors took over after."""
    view = shared_report(SHIPPED, ar).view
    assert view.upphorda is not None
    assert view.upphorda.rader == UPPHORDA_2025
    assert view.upphorda.not_ == (
        f"*: genom ”{GRUPPEN}”, som planen inte räknar upp; gruppens sammansättning är slutledd."
    )


def test_section_6_in_markdown_and_html(shared_report: Shared) -> None:
    """At the end of the main part, after the missing reports (who owes what), before Bilaga A;
    the successor and its day in one cell."""
    r = shared_report(SHIPPED, 2025)
    md = r.md
    start = md.index("### Organisationer i planen som har upphört")
    assert md.index("### Insatser utan slutrapport") < start < md.index("## Bilaga A.")
    block = md[start : md.index("## Bilaga A.", start)]
    star = r"\*"
    assert [line for line in block.splitlines() if line.startswith("|")] == [
        "| Organisation i planen | Sista dag | Efterträdare | Säkerhet | Insatser |",
        "|---|---|---|---|---|",
        "| Nämnden för konsument- och medborgarservice | 2021-10-31 (datum: slutledd) | "
        "Nämnden för demokrati och medborgarservice | "
        "bekräftad | 3:1, 3:3 |",
        "| Fastighetsnämnden | 2022-12-31 | Exploateringsnämnden och Stadsfastighetsnämnden "
        f"| slutledd | 2:1{star}, 2:4{star} |",
        "| Byggnadsnämnden | 2022-12-31 | Stadsbyggnadsnämnden | slutledd | "
        f"2:1{star}, 2:4{star} |",
        "| Lokalnämnden | 2022-12-31 | Stadsfastighetsnämnden | slutledd | "
        f"1:1, 2:1{star}, 2:2, 2:4{star}, 2:5, 3:1 |",
        "| Park- och naturnämnden | 2022-12-31 | Stadsmiljönämnden | slutledd "
        f"| 2:1{star}, 2:3, 2:4{star} |",
        "| Trafiknämnden | 2022-12-31 | Stadsmiljönämnden | slutledd | "
        f"2:1{star}, 2:3, 2:4{star} |",
    ]
    assert block.endswith(
        f"\n\n{star}: genom ”{GRUPPEN}”, som planen inte räknar upp; gruppens sammansättning "
        "är slutledd.\n\n"
    )
    assert "(bekräftad: en källa säger det; slutledd: en slutsats av källornas beskrivning" in block
    html = r.html
    assert 'class="table-wrap kort kortrader upphorda"' in html
    assert (
        '<tr role="row"><th scope="row" role="rowheader">Lokalnämnden</th><td role="cell" '
        'data-label="Sista dag"><span class="dag">2022-12-31</span></td><td role="cell" '
        'data-label="Efterträdare">Stadsfastighetsnämnden</td><td role="cell" '
        'data-label="Säkerhet">slutledd</td><td role="cell" '
        'data-label="Insatser">1:1, 2:1*, 2:2, 2:4*, 2:5, 3:1</td></tr>'
    ) in html
    # the successor takes over the day after the last day (the intro says so): no second date
    assert (
        '<span class="dag">2021-10-31</span> (datum: slutledd)</td><td role="cell" '
        'data-label="Efterträdare">Nämnden för demokrati och medborgarservice</td>' in html
    )
    # in the HTML too, after section 6's own lists and before Bilaga A
    assert html.index("<h3>Insatser utan slutrapport</h3>") < html.index('<div id="upphorda">')
    assert html.index('<div id="upphorda">') < html.index('id="bilaga-rapporter"')


def test_bilaga_e_states_the_successor_rule(shared_report: Shared) -> None:
    md = shared_report(SHIPPED, 2023).md
    bilaga_e = md[md.index("## Bilaga E.") : md.index("## Källor")]
    assert (
        "**Organisationer som upphört och deras efterträdare.** En organisation har sin del av "
        "planens insatser för ett år om den finns årets sista dag. En organisation som planen "
        "namnger och som har upphört lämnar sin del till sina efterträdare från dagen efter sin "
        "sista dag: alla sina insatser, eller de insatser som uppgifterna om organisationerna "
        "anger för efterträdaren."
    ) in bilaga_e
    assert (
        "Ett övertagande märks ”bekräftad” när en källa själv säger att efterträdaren tog över, "
        "och ”slutledd” när det är en slutsats av källornas beskrivning"
    ) in bilaga_e
    # it claims only what Bilaga A shows: quotes, or names marked as not the plan's words
    assert (
        "Bilaga A citerar planens kolumner Samordningsansvar och Ansvar inom citattecken, med "
        "efterträdarna under; en insats utan planens text i uppgifterna får i stället "
        "organisationernas namn, märkta som inte planens lydelse. Där kopplingen mellan planens "
        "ord och en organisation eller grupp är en tolkning står det, märkt ”slutledd”."
    ) in bilaga_e
    assert "oförändrad" not in bilaga_e
    assert "<strong>Organisationer som upphört och deras efterträdare.</strong>" in (
        shared_report(SHIPPED, 2023).html
    )


# --- the report fixture -------------------------------------------------------------------------


def test_fixture_without_a_ceased_organisation(shared_report: Shared) -> None:
    r = shared_report(REPORT_FIXTURE, 2023)
    assert r.view.upphorda is not None and r.view.upphorda.rader == ()
    assert "### Organisationer i planen som har upphört" not in r.md
    assert 'id="upphorda"' not in r.html
    assert _header(r.md, "1:1") == [
        f"- Samordningsansvar i planen: Grundskolenämnden{NAMN}",
        f"- Ansvar i planen: Grundskolenämnden och Kulturnämnden{NAMN}",
    ]
    assert _header(r.md, "2:1") == [
        f"- Samordningsansvar i planen: Kommunstyrelsen{NAMN}",
        f"- Ansvar i planen: Samtliga nämnder och styrelser med verksamhet i utsatta områden{NAMN}",
        "- Gruppen ”Samtliga nämnder och styrelser med verksamhet i utsatta områden” 2023: "
        "Grundskolenämnden, Socialnämnd Nordost och Kulturnämnden (3 organisationer; planen "
        "räknar inte upp dem, och sammansättningen är slutledd)",
    ]
    assert "**Organisationer som upphört och deras efterträdare.** " in r.md


def _kulturnamnden_ceases(tmp_path: Path, its_end: str, new_organisations: str) -> Path:
    """A copy of the report fixture where Kulturnämnden gets ``its_end`` (its last day and
    successors, as YAML lines) and ``new_organisations`` stand before its groups."""
    data = tmp_path / "data"
    shutil.copytree(REPORT_FIXTURE, data)
    path = data / "organisationer.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  - id: kulturnamnden\n    namn: Kulturnämnden\n    typ: namnd\n"
    assert old in text and "grupper:\n" in text
    text = text.replace(old, old + its_end).replace("grupper:\n", new_organisations + "grupper:\n")
    path.write_text(text, encoding="utf-8")
    return data


@pytest.fixture
def ceased(tmp_path: Path) -> ReportView:
    """The fixture with Kulturnämnden ceasing 2023-12-31 (a chosen day) and Fritidsnämnden
    taking over 1:1 and 3:1 (confirmed), not 2:1: its 2024 report."""
    data = _kulturnamnden_ceases(
        tmp_path,
        '    giltig_till: "2023-12-31"\n'
        "    giltig_till_sakerhet: slutledd\n"
        "    efterfoljare:\n"
        "      - organisation: fritidsnamnden\n"
        '        insatser: ["1:1", "3:1"]\n'
        "        tolkning: bekraftad\n",
        "  - id: fritidsnamnden\n"
        "    namn: Fritidsnämnden\n"
        "    typ: namnd\n"
        "    verksamhet_i_utsatta_omraden: true\n"
        '    giltig_fran: "2024-01-01"\n',
    )
    return build(load(data), 2024)


def test_fixture_with_a_ceased_organisation(ceased: ReportView) -> None:
    assert ceased.upphorda is not None
    assert ceased.upphorda.rader == (
        UpphordRad(
            "Kulturnämnden",
            "2023-12-31",
            "Fritidsnämnden",
            "2024-01-01",
            "bekräftad",
            "1:1, 3:1",
            " (datum: slutledd)",
        ),
        # 2:1 passed to nobody: a row of its own, as Bilaga A says (granska10 F5)
        UpphordRad("Kulturnämnden", "2023-12-31", "ingen", "–", "–", "2:1*", " (datum: slutledd)"),
    )
    assert ceased.upphorda.not_ == (
        "*: genom ”Samtliga nämnder och styrelser med verksamhet i utsatta områden”, som planen "
        "inte räknar upp; gruppens sammansättning är slutledd."
    )
    md = render(ceased, "md")
    assert (
        "| Kulturnämnden | 2023-12-31 (datum: slutledd) | Fritidsnämnden | bekräftad | 1:1, 3:1 "
        "|\n| Kulturnämnden | 2023-12-31 (datum: slutledd) | ingen | – | 2:1\\* |\n\n"
        "\\*: genom ”Samtliga nämnder och styrelser med verksamhet i utsatta områden”, som "
        "planen inte räknar upp; gruppens sammansättning är slutledd.\n\n## Bilaga A."
    ) in md
    assert (
        '<td role="cell" data-label="Efterträdare">ingen</td><td role="cell" '
        'data-label="Säkerhet">–</td><td role="cell" data-label="Insatser">2:1*</td></tr>'
    ) in render(ceased, "html")
    assert _header(md, "1:1") == [
        f"- Samordningsansvar i planen: Grundskolenämnden{NAMN}",
        f"- Ansvar i planen: Grundskolenämnden och Kulturnämnden{NAMN}",
        "- Efterträdare 2024: Fritidsnämnden i stället för Kulturnämnden (bekräftad) från "
        "2024-01-01 (datum: slutledd)",
    ]
    # 2:1 did not pass to Fritidsnämnden: said so, not left out
    assert _header(md, "2:1") == [
        f"- Samordningsansvar i planen: Kommunstyrelsen{NAMN}",
        f"- Ansvar i planen: Samtliga nämnder och styrelser med verksamhet i utsatta områden{NAMN}",
        "- Gruppen ”Samtliga nämnder och styrelser med verksamhet i utsatta områden” 2024: "
        "Grundskolenämnden, Socialnämnd Nordost och Fritidsnämnden (3 organisationer; planen "
        "räknar inte upp dem, och sammansättningen är slutledd)",
        "- Efterträdare 2024: Kulturnämnden upphörde 2023-12-31 (datum: slutledd); ingen "
        "efterträdare har insatsen",
    ]
    assert _header(md, "3:1")[0] == f"- Samordningsansvar i planen: Kulturnämnden{NAMN}"


def test_section_3_says_who_coordinates_as_a_successor(shared_report: Shared) -> None:
    """The plan names Lokalnämnden as samordnare of 2:2: the main part says why it reads
    Stadsfastighetsnämnden, and that the succession is an inference."""
    r = shared_report(SHIPPED, 2025)
    section_3 = r.md[r.md.index("## 3. Fokusområdena") : r.md.index("## 4. ")]
    assert (
        "| Genomförd 1, Pågående 2 | Uppnått 1, Inte uppnått 2 | Stadsfastighetsnämnden "
        "(efterträdare till Lokalnämnden, slutledd): Inte uppnått |"
    ) in section_3
    assert (
        "| Nämnden för demokrati och medborgarservice (efterträdare till Nämnden för konsument- "
        "och medborgarservice, bekräftad): Inte uppnått; Kulturnämnden: Inte uppnått |"
    ) in section_3
    assert (
        '<td role="cell" data-label="Samordnande bedömning">Stadsfastighetsnämnden '
        "(efterträdare till Lokalnämnden, slutledd): Inte uppnått</td>"
    ) in r.html
    # 2022: Lokalnämnden coordinates itself
    md_2022 = shared_report(SHIPPED, 2022).md
    assert "| Lokalnämnden: " in md_2022[md_2022.index("## 3. ") : md_2022.index("## 4. ")]


# --- one rule for a succession's certainty (granska10 F7) ---------------------------------------


@pytest.fixture
def chain(tmp_path: Path) -> Path:
    """The fixture with Kulturnämnden → Fritidsnämnden (bekräftad, 2024) → Nyanämnden
    (slutledd, 2025), both for 1:1 only: a chain whose steps differ in certainty."""
    return _kulturnamnden_ceases(
        tmp_path,
        '    giltig_till: "2023-12-31"\n'
        "    efterfoljare:\n"
        "      - organisation: fritidsnamnden\n"
        '        insatser: ["1:1"]\n'
        "        tolkning: bekraftad\n",
        "  - id: fritidsnamnden\n"
        "    namn: Fritidsnämnden\n"
        "    typ: namnd\n"
        "    verksamhet_i_utsatta_omraden: false\n"
        '    giltig_fran: "2024-01-01"\n'
        '    giltig_till: "2024-12-31"\n'
        "    efterfoljare:\n"
        "      - organisation: nyanamnden\n"
        "        tolkning: slutledd\n"
        "  - id: nyanamnden\n"
        "    namn: Nyanämnden\n"
        "    typ: namnd\n"
        "    verksamhet_i_utsatta_omraden: false\n"
        '    giltig_fran: "2025-01-01"\n',
    )


def test_a_chain_is_as_sure_as_its_least_sure_step(chain: Path) -> None:
    ds = load(chain)
    duties = Duties(list(ds.plan.model.insatser), ds.organisationer.model)
    (steps,) = duties.heirs("kulturnamnden", "1:1", 2025)
    assert [(s.fran, s.till, s.tolkning) for s in steps] == [
        ("kulturnamnden", "fritidsnamnden", "bekraftad"),
        ("fritidsnamnden", "nyanamnden", "slutledd"),
    ]
    assert tolkning(steps) == "slutledd" and tolkning(steps[:1]) == "bekraftad"
    assert duties.why("nyanamnden", "1:1", 2025).slutledd
    view = build(ds, 2025)
    md = render(view, "md")
    # Bilaga A: the chain, slutledd, with the organisation between (decision 0616)
    assert _header(md, "1:1")[2] == (
        "- Efterträdare 2025: Nyanämnden i stället för Kulturnämnden via Fritidsnämnden "
        "(slutledd) från 2025-01-01"
    )
    # Bilaga A's table and section 3: the same certainty for the same chain
    assert (
        "| Nyanämnden | Ansvarig som efterträdare till Kulturnämnden via Fritidsnämnden "
        "(slutledd) från 2025-01-01 |"
    ) in md
    # section 6: one row per step, each step with its own certainty
    assert view.upphorda is not None
    assert [
        (r.organisation, r.eftertradare, r.sakerhet, r.insatser) for r in view.upphorda.rader
    ] == [
        ("Kulturnämnden", "Fritidsnämnden", "bekräftad", "1:1"),
        ("Kulturnämnden", "ingen", "–", "2:1*, 3:1"),
    ]


# --- a successor formed later than the day after (docs/decisions/0654) --------------------------


def test_a_successor_formed_later_takes_over_on_its_first_day(tmp_path: Path) -> None:
    """Kulturnämnden ends 2023-06-30, Fritidsnämnden is formed 2024-03-01: the inheritance
    dates Fritidsnämnden from its own first day, and section 6's rule sentence says so (a
    report without such a gap keeps the sentence as it was, the goldens)."""
    data = _kulturnamnden_ceases(
        tmp_path,
        '    giltig_till: "2023-06-30"\n'
        "    efterfoljare:\n"
        "      - organisation: fritidsnamnden\n"
        "        tolkning: bekraftad\n",
        "  - id: fritidsnamnden\n"
        "    namn: Fritidsnämnden\n"
        "    typ: namnd\n"
        "    verksamhet_i_utsatta_omraden: false\n"
        '    giltig_fran: "2024-03-01"\n'
        "    giltig_fran_sakerhet: slutledd\n",
    )
    view = build(load(data), 2024)
    assert view.upphorda is not None and view.upphorda.senare_bildad
    assert [(r.sista_dag, r.eftertradare, r.fran) for r in view.upphorda.rader] == [
        ("2023-06-30", "Fritidsnämnden", "2024-03-01")
    ]
    md = render(view, "md")
    assert (
        "Från dagen efter sista dagen (eller från efterträdarens första dag, om den bildades "
        "senare) bär efterträdaren organisationens uppgifter i planen"
    ) in md
    assert _header(md, "1:1")[2] == (
        "- Efterträdare 2024: Fritidsnämnden i stället för Kulturnämnden (bekräftad) från "
        "2024-03-01 (datum: slutledd)"
    )
