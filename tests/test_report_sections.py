"""The report's follow-up sections (issue 14): the analysts' layer, the slutuppföljning, the
combined behov, one section per area, and the matrix over the years; with the missing cases (no
uppföljning file, no behov, an area nobody reached, no verdict written).

Fixture: tests/fixtures/report-data (with uppfoljning/2023.yaml), optionally overlaid with
tests/fixtures/report-data-2022 (two reports for 2022), copied into a temporary folder when a
test changes it. The shipped data (data/) gives the 2025 slutuppföljning.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from utsatta.load.dataset import load
from utsatta.render import markdown
from utsatta.render.report import build, render

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
OVERLAY_2022 = HERE / "fixtures" / "report-data-2022"
SHIPPED = HERE.parent / "data"


TIDIGARE_BEHOV = """tidigare_behov:
  - ar: 2022
    organisation: kulturnamnden
    insats: "1:1"
    nummer: 1
    utfall: delvis-tillgodosett
    text: En kulturpedagog är anställd.
"""


def _copy(tmp_path: Path, *, with_2022: bool = False, tidigare_behov: bool = False) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    if with_2022:
        shutil.copytree(OVERLAY_2022, root, dirs_exist_ok=True)
    if tidigare_behov:
        path = root / "uppfoljning" / "2023.yaml"
        path.write_text(path.read_text(encoding="utf-8") + TIDIGARE_BEHOV, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def shipped_2025() -> tuple[str, str]:
    ds = load(SHIPPED)
    view = build(ds, 2025)
    return render(view, "md"), render(view, "html")


# -- the analysts' layer -------------------------------------------------------------------


def test_the_analysts_layer_comes_first_with_its_decision() -> None:
    md = render(build(load(FIXTURE), 2023), "md")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings[0] == "## 1. Samlad bedömning 2023"
    assert "Beslutad: Kommunstyrelsen 2024-06-01 § 000 (påhittad)." in md
    # the file is illustrative: the banner names it first, the section marks it
    assert "Det gäller stadsledningskontorets samlade uppföljning för 2023; " in md
    assert "*Illustrativ uppföljning:" in md
    assert "**Fokusområde 3: Inflytande, delaktighet och tillit: Kan inte bedömas**" in md
    assert "| 0002/21 | Utreda en påhittad fråga | 2022 Q1 | Pågående | Utredningen pågår. |" in md


def test_a_missing_uppfoljning_file_is_said_plainly(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "uppfoljning" / "2023.yaml").unlink()
    view = build(load(root), 2023)
    assert view.uppfoljning is not None and not view.uppfoljning.finns
    md = render(view, "md")
    assert (
        "> **Samlad bedömning saknas.** Stadsledningskontorets samlade bedömning för 2023 saknas: "
        "det finns ingen giltig fil uppfoljning/2023.yaml i datan." in md
    )
    # the övriga uppdrag are still listed, each without a status
    assert (
        "| 0001/20 | Ta fram ett påhittat testprogram | KS 2021-11-24 | Ingen uppgift | – |" in md
    )
    assert "Årets status saknas för alla övriga uppdrag (ingen uppföljning för 2023)." in md
    assert "stadsledningskontorets samlade uppföljning" not in md.split("\n\n")[1]
    html = render(view, "html")
    assert (
        '<div class="banner saknas" role="note"><p><strong>Samlad bedömning saknas.</strong>'
        in html
    )


def test_an_uppdrag_without_status_is_counted(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "uppfoljning" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  - uppdrag: annat-uppdrag\n    status: pagaende\n    redovisning: Utredningen pågår.\n",
        "",
    )
    path.write_text(text, encoding="utf-8")
    view = build(load(root), 2023)
    assert view.uppfoljning is not None
    assert view.uppfoljning.uppdrag_text == "Årets status saknas för 1 av 2 övriga uppdrag."
    assert [u.status for u in view.uppfoljning.uppdrag] == ["Genomförd", "Ingen uppgift"]


# -- behov -----------------------------------------------------------------------------------


def test_behov_are_combined_by_fokusomrade_and_insats_with_who_raised_them() -> None:
    view = build(load(FIXTURE), 2023)
    assert view.behov is not None
    assert view.behov.antal == 3
    assert view.behov.text == (
        "Organisationernas rapporter för 2023 lyfter 3 behov av ytterligare insatser, från 2 "
        "organisationer."
    )
    [fokus] = view.behov.fokus
    [insats] = fokus.insatser
    assert (fokus.id, insats.insats) == ("1", "1:1")
    assert [(p.organisation, p.text) for p in insats.poster][:2] == [
        ("Grundskolenämnden", "Lokaler efter skoltid i Söderdal."),
        ("Kulturnämnden", "Mer personal | fler lokaler <b>nu</b>"),
    ]
    md = render(view, "md")
    assert "| 1:1 | Mer personal \\| fler lokaler \\<b>nu\\</b> | Kulturnämnden |" in md


def test_earlier_behov_show_the_text_from_their_report(tmp_path: Path) -> None:
    view = build(load(_copy(tmp_path, with_2022=True, tidigare_behov=True)), 2023)
    assert view.behov is not None
    [t] = view.behov.tidigare
    assert (t.ar, t.organisation, t.insats, t.behov, t.utfall) == (
        2022,
        "Kulturnämnden",
        "1:1",
        "Kulturpedagoger till skolorna i Norrby.",
        "Delvis tillgodosett",
    )
    assert view.behov.tidigare_text == (
        "Rapporterna för 2022 lyfte 1 behov; uppföljningen redovisar utfallet för 1 av dem."
    )


def test_an_earlier_behov_not_in_the_data_says_so(tmp_path: Path) -> None:
    """validate reports it (okant-behov); the library still renders, and says so."""
    view = build(load(_copy(tmp_path, tidigare_behov=True)), 2023)
    assert view.behov is not None
    assert view.behov.tidigare[0].behov == "Behov nr 1 (finns inte i rapporten i datan)"


def test_no_earlier_behov_followed_up() -> None:
    md = render(build(load(FIXTURE), 2023), "md")
    assert "Uppföljningen redovisar inte utfallet för något tidigare behov." in md


def test_no_behov_raised(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    for f in (root / "rapporter" / "2023").glob("*.yaml"):
        text = f.read_text(encoding="utf-8")
        text = re.sub(r"    behov:\n(      - .*\n)+", "", text)
        f.write_text(text, encoding="utf-8")
    view = build(load(root), 2023)
    assert view.behov is not None
    assert (view.behov.antal, view.behov.fokus) == (0, ())
    md = render(view, "md")
    assert "Ingen rapport för 2023 lyfter något behov av ytterligare insatser." in md


# -- per area --------------------------------------------------------------------------------


def test_each_area_on_a_list_has_a_section_with_its_evidence() -> None:
    view = build(load(FIXTURE), 2023)
    names = [o.namn for o in view.omraden_detalj]
    assert names == ["Norrby", "Söderdal", "Västmark"]
    norrby = view.omraden_detalj[0]
    assert [(n.upplaga, n.niva, n.sakerhet) for n in norrby.nivaer] == [
        (2021, "särskilt utsatt", "bekräftad, källa: polisen"),
        (2023, "särskilt utsatt", "bekräftad, källa: polisen"),
    ]
    assert [(n.insats, n.organisationer) for n in norrby.nadd] == [
        ("1:1", "Grundskolenämnden, Kulturnämnden"),
        ("2:1", "Grundskolenämnden"),
        ("3:1", "Kulturnämnden"),
    ]
    # values per area: 71.45 % in 2023 (behorighet-gymnasiet.yaml), 41 % in 2019
    assert [(v.indikator.split()[-1], v.varden) for v in norrby.varden] == [
        ("gymnasiet", "2023: 71,45 %"),
        ("gymnasiebehörighet", "2019: 41 %"),
    ]
    # the 2025 edition is after the report year: not shown
    assert all(n.upplaga <= 2023 for o in view.omraden_detalj for n in o.nivaer)


def test_an_area_nobody_reached_and_without_values_or_verdict() -> None:
    view = build(load(FIXTURE), 2023)
    vastmark = view.omraden_detalj[2]
    assert vastmark.nadd == ()
    assert vastmark.nadd_text == "Ingen rapport för 2023 anger att någon insats nådde Västmark."
    assert vastmark.varden_text == "Datan har inga indikatorvärden för just det här området."
    assert vastmark.bedomning is None
    assert vastmark.bedomning_saknas == (
        "Stadsledningskontoret har inte skrivit någon bedömning för 2023 av utvecklingen i "
        "Västmark."
    )
    html = render(view, "html")
    assert '<article class="omrade" id="omrade-vastmark">' in html
    assert (
        '<p class="lucka">Ingen rapport för 2023 anger att någon insats nådde Västmark.</p>' in html
    )


def test_the_written_verdict_per_area_stands_beside_the_evidence() -> None:
    view = build(load(FIXTURE), 2023)
    norrby = view.omraden_detalj[0]
    assert norrby.bedomning is not None and norrby.bedomning_saknas is None
    assert (norrby.bedomning.bedomning, norrby.bedomning.text) == (
        "Osäkert",
        "Nivån är oförändrad sedan 2021.",
    )
    md = render(view, "md")
    assert (
        "**Stadsledningskontorets bedömning: Osäkert** *(illustrativ)* (delmål: Staden inte ska "
        "ha några särskilt utsatta områden)" in md
    )


# -- over the years --------------------------------------------------------------------------


def test_over_the_years_shows_what_moved(tmp_path: Path) -> None:
    view = build(load(_copy(tmp_path, with_2022=True)), 2023)
    t = view.over_tid
    assert t is not None and t.ar == (2022, 2023)
    first = t.insatser[0]
    assert first.insats == "1:1"
    assert [(r.organisation, [c.text for c in r.celler]) for r in first.rader] == [
        ("Grundskolenämnden", ["Pågående · Osäkert", "Pågående · Bedöms uppnås"]),
        ("Kulturnämnden", ["Ej påbörjad · Osäkert", "Försenad · Osäkert"]),
    ]
    # an organisation that did not report on the insats that year: "–"
    third = t.insatser[1]
    assert [c.text for c in third.rader[0].celler] == ["–", "Pågående · Bedöms uppnås"]
    assert t.serier[0].serie == "2021: 63 %; 2022: 65,1 %; 2023: 66,85 %"


# -- the slutuppföljning ---------------------------------------------------------------------


def test_only_the_plans_last_year_has_a_slutuppfoljning() -> None:
    assert build(load(FIXTURE), 2023).slut is None


def test_report_2025_judges_the_goal_and_each_delmal(shipped_2025: tuple[str, str]) -> None:
    md, html = shipped_2025
    assert md.splitlines()[
        next(i for i, x in enumerate(md.splitlines()) if x.startswith("## "))
    ] == ("## 1. Samlad bedömning 2025 och slutuppföljning 2022–2025")
    assert (
        "Mot polisens lista 2025: Delmål 3 är nått; målet och delmål 1 är inte nått; delmål 2 kan "
        "inte avgöras ur de beräknade värdena." in md
    )
    rows = [line for line in md.splitlines() if line.startswith("| **Målet:**")]
    assert rows == [
        "| **Målet:** Målet för denna handlingsplan är att Göteborg inte ska ha några utsatta "
        "områden år 2025. | **inte nått** | Antal områden i Göteborg på polisens lista (alla tre "
        "nivåer), 2025: 8 (uppgift i andra hand). | Inte uppnått |"
    ]
    assert (
        "| **Delmål 1:** staden inte ska ha några särskilt utsatta områden | **inte nått** | "
        "Antal särskilt utsatta områden i Göteborg, 2025: 4 (uppgift i andra hand). | "
        "Inte uppnått |" in md
    )
    assert "| **Delmål 3:** inga nya områden ska ha tillkommit | **nått** |" in md
    # delmål 2: no count for 2025 (the levels of four areas are unknown)
    assert (
        "Antalet riskområden och utsatta områden 2025 går inte att räkna: nivån är okänd för "
        "Biskopsgården, Gårdsten, Tynnered/Grevegården/Opaltorget, Hisings Backa." in md
    )
    # the file is illustrative, its judgements of the goals are real: the note says which
    assert "Bara bedömningarna utan markeringen ”illustrativ” är verkliga" in md
    assert "**Målet: Inte uppnått**\n" in md
    for heading in ("### Lärdomar", "### Förslag till det fortsatta arbetet", "### Övriga uppdrag"):
        assert heading in md
    assert '<h3 id="slutuppfoljning">Målen 2022–2025: vad som nåddes</h3>' in html


def test_report_2025_has_a_section_per_area_and_the_combined_behov(
    shipped_2025: tuple[str, str],
) -> None:
    md, html = shipped_2025
    for area in ("bergsjon", "biskopsgarden", "hammarkullen", "hjallbo", "lovgardet"):
        assert f'id="omrade-{area}"' in html
    assert "### Bergsjön" in md and "### Hisings Backa" in md
    # many organisations are counted, each named in a tooltip
    assert "- 2:1: 18 organisationer\n" in md
    tooltip = '<a href="#insats-2-1">2:1</a>: <abbr title="Kommunstyrelsen, Socialnämnd Centrum'
    assert tooltip in html
    assert "Organisationernas rapporter för 2025 lyfter 10 behov av ytterligare insatser" in md
    assert "| 2023 | Idrotts- och föreningsnämnden | 3:3 |" in md


def test_the_slutuppfoljning_without_the_analysts_file(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    (root / "uppfoljning" / "2025.yaml").unlink()
    view = build(load(root), 2025)
    assert view.slut is not None
    assert view.slut.saknas_text == (
        "Stadsledningskontorets slutliga bedömning, lärdomar och förslag för 2022–2025 saknas: "
        "det finns ingen giltig uppfoljning/2025.yaml."
    )
    # the computed outcome is still there; the verdicts are not
    assert [d.utfall for d in view.slut.domar] == [
        "inte nått",
        "inte nått",
        "kan inte avgöras ur datan",
        "nått",
    ]
    assert all(d.bedomning is None for d in view.slut.domar)
    md = render(view, "md")
    assert "Stadsledningskontoret har inte skrivit några lärdomar." in md


# -- Markdown fields in the .md report -------------------------------------------------------


def test_a_pasted_list_renders_as_a_list_in_markdown_too() -> None:
    text = "Vi har:\n- en *sak*\n- # ingen rubrik\n1. <b>x</b>"
    out = markdown.block(text)
    assert out == "Vi har:\n\n- en *sak*\n- \\# ingen rubrik\n\n1. \\<b>x\\</b>"
    tokens = MarkdownIt("commonmark").parse(out)
    kinds = [t.type for t in tokens]
    assert "bullet_list_open" in kinds and "ordered_list_open" in kinds
    assert "heading_open" not in kinds and "html_block" not in kinds
    html = str(markdown.richtext(text))
    assert "<ul>" in html and "<em>sak</em>" in html


def test_the_analysts_list_stays_a_list_in_the_md_report() -> None:
    md = render(build(load(FIXTURE), 2023), "md")
    assert (
        "Under 2024 ska stadsledningskontoret\n\n1. samla uppföljningen av lägesbilderna i ett "
        "format,\n2. be nämnderna redovisa räckvidden område för område." in md
    )


def test_an_override_template_finds_the_bundled_partials(tmp_path: Path) -> None:
    """A data repository's own report.md.j2 can include the bundled partials by name, and its
    own partial of the same name wins (docs/decisions/0080)."""
    own = tmp_path / "templates"
    (own / "partials").mkdir(parents=True)
    (own / "report.md.j2").write_text(
        '# Egen mall\n\n{% include "partials/behov.md.j2" %}\n'
        '{% include "partials/over_tid.md.j2" %}',
        encoding="utf-8",
    )
    (own / "partials" / "over_tid.md.j2").write_text("Egen delmall.\n", encoding="utf-8")
    text = render(build(load(FIXTURE), 2023), "md", own)
    assert text.startswith("# Egen mall\n\nOrganisationernas rapporter för 2023 lyfter 3 behov")
    assert text.endswith("Egen delmall.\n")
