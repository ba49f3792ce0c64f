"""The indicators linked to an insats in the report, with their status, and the mark beside a
verdict that the insats is reached when none of them can be assessed (review granska14,
finding 2; docs/decisions/0480-insats-utan-bedombar-indikator.md).

Data: the report fixture for 2023 (insats 1:1 has two indicators, one "Otillräcklig takt" and
one ej bedömbar; 2:1 has one, ej bedömbar; 1:2 none) and the shipped data for 2025 (every
linked indicator ej bedömbar; 1:5 has two). Section 3 shows the link and the marks in the
slutuppföljning only (an annual report's main part stays about ten pages); Bilaga A every year."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.support import REPORT_FIXTURE, ROOT
from utsatta.load.dataset import load
from utsatta.render.report import build, render
from utsatta.render.report.view import InsatsVy, ReportView

MARK = "indikatorn kan inte bedömas"


def _insats(view: ReportView, insats: str) -> InsatsVy:
    return next(i for f in view.fokusomraden for i in f.insatser if i.id == insats)


def test_the_fixture_links_each_insats_to_its_indicators_in_report_order() -> None:
    view = build(load(REPORT_FIXTURE), 2023)
    one = _insats(view, "1:1")
    assert [(i.namn, i.status) for i in one.indikatorer] == [
        (
            "Andel elever i årskurs 9 i utsatta områden som är behöriga till gymnasiet",
            "Otillräcklig takt",
        ),
        (
            "Andel elever i årskurs 9 i utsatta områden utan gymnasiebehörighet",
            "Ej bedömbar (saknar data)",
        ),
    ]
    # one of the two can be assessed: no mark
    assert one.indikator_markering == ""
    assert one.bedomning_antal == "Bedöms uppnås 1, Osäkert 1"
    assert [s.markering for s in one.samordning] == [""]
    assert _insats(view, "1:2").indikatorer == ()
    assert _insats(view, "1:2").indikator_markering == ""


def test_every_positive_verdict_on_an_insats_without_an_assessable_indicator_is_marked() -> None:
    view = build(load(REPORT_FIXTURE), 2023)
    two = _insats(view, "2:1")
    assert [(i.namn, i.status) for i in two.indikatorer] == [
        (
            "Andel invånare i utsatta områden som känner sig trygga ute en sen kväll",
            "Ej bedömbar (för få mätpunkter)",
        )
    ]
    assert two.indikator_markering == MARK
    # an annual report's section 3 counts unmarked; its Bilaga A marks
    assert two.bedomning_antal == "Uppnått 1, Bedöms uppnås 2"
    assert [(s.organisation, s.bedomning, s.markering) for s in two.samordning] == [
        ("Kommunstyrelsen", "Bedöms uppnås", MARK)
    ]
    assert [(o.organisation, o.bedomning, o.markering) for o in two.organisationer] == [
        ("Kommunstyrelsen", "Bedöms uppnås", MARK),
        ("Grundskolenämnden", "Uppnått", MARK),
        ("Socialnämnd Nordost", "–", ""),
        ("Kulturnämnden", "Bedöms uppnås", MARK),
    ]


def test_the_shipped_slutuppfoljning_marks_positive_verdicts_only() -> None:
    view = build(load(ROOT / "data"), 2025)
    fem = _insats(view, "1:5")
    assert [i.namn for i in fem.indikatorer] == [
        "Andel barn (1–5 år) ej placerade i förskoleverksamhet i befolkningen (%)",
        "Andel barn i förskolan i utsatta områden",
    ]
    assert fem.indikator_markering == "indikatorerna kan inte bedömas"
    assert fem.bedomning_antal == "Uppnått 4 (indikatorerna kan inte bedömas)"
    tre = _insats(view, "3:1")
    # a negative verdict claims nothing an indicator would have to bear out
    assert tre.bedomning_antal == f"Uppnått 5 ({MARK}), Inte uppnått 3"
    assert [(s.bedomning, s.markering) for s in tre.samordning] == [
        ("Inte uppnått", ""),
        ("Inte uppnått", ""),
    ]
    assert view.slut is not None
    utfall = {u.insats: u.bedomning for u in view.slut.insatser}
    assert utfall["1:1"] == f"Uppnått 9 ({MARK})"
    assert utfall["3:1"] == f"Uppnått 5 ({MARK}), Inte uppnått 3"
    # no indicator linked; the forecast of 2023 said as one (tests/test_slutuppfoljning_signerad.py)
    assert utfall["1:7"] == "Uppnått 3, Bedöms uppnås 1 (prognos 2023, ingen slutbedömning)"


def test_an_annual_report_shows_the_link_and_the_mark_in_bilaga_a_only() -> None:
    view = build(load(REPORT_FIXTURE), 2023)
    md = render(view, "md")
    ind = "Andel invånare i utsatta områden som känner sig trygga ute en sen kväll"
    anchor = "#andel-invånare-i-utsatta-områden-som-känner-sig-trygga-ute-en-sen-kväll"
    assert (
        "| 2:1 Samtliga nämnder med verksamhet i utsatta områden ska ha ett särskilt fokus på "
        "utsatta områden i sin lägesbild | Genomförd 1, Pågående 2, Rapport saknas 1 | Uppnått 1, "
        "Bedöms uppnås 2 | Kommunstyrelsen: Bedöms uppnås |"
    ) in md
    assert (
        f"- Indikator som mäter insatsen: [{ind}]({anchor}), status 2023: Ej bedömbar (för få "
        "mätpunkter)\n\n**Samordnande bedömning, Kommunstyrelsen** (bedömning: Bedöms uppnås; "
        f"{MARK}):"
    ) in md
    assert "| Grundskolenämnden | Ansvarig, räknas till gruppen" in md
    assert f"| Genomförd | Uppnått ({MARK}) | Norrby, Söderdal |" in md
    html = render(view, "html")
    assert 'class="lankade"' not in html
    assert (
        '<dt>Indikator som mäter insatsen</dt><dd><a href="#indikator-trygghet-kvall">'
        f"{ind}</a>, status 2023: Ej bedömbar (för få mätpunkter)</dd>"
    ) in html


def test_the_slutuppfoljning_shows_them_in_both_tables_of_section_3() -> None:
    view = build(load(ROOT / "data"), 2025)
    md = render(view, "md")
    ind = "Andel av de utsatta områdena med medborgarkontor och/eller bibliotek"
    link = f"[{ind}](#andel-av-de-utsatta-områdena-med-medborgarkontor-ocheller-bibliotek)"
    assert (
        f"| 3:1 Medborgarkontor och/eller bibliotek ska finnas i alla utsatta områden · "
        f"Indikator: {link}, status 2025: Ej bedömbar (saknar data) | Årlig rapportering | "
        f"Genomförd 6 (2025), Pågående 2 (2025) | Uppnått 5 ({MARK}), Inte uppnått 3 · "
        "ingen rapport nämner Gårdsten 2025 |"
    ) in md
    assert (
        f"| 3:1 Medborgarkontor och/eller bibliotek ska finnas i alla utsatta områden · "
        f"Indikator: {link}, status 2025: Ej bedömbar (saknar data) | Genomförd 6, Pågående 2 | "
        f"Uppnått 5 ({MARK}), Inte uppnått 3 · ingen rapport nämner Gårdsten 2025 | Nämnden för "
        "demokrati och medborgarservice"
    ) in md
    assert (
        f"| Genomförd 9 | Uppnått 9 ({MARK}) · alla områden nämns 2025 | Grundskolenämnden: "
        f"Uppnått ({MARK}) |"
    ) in md
    html = render(view, "html")
    line = (
        '<span class="lankade">Indikator: <a href="#indikator-medborgarkontor-bibliotek-tackning">'
        f"{ind}</a>, status 2025: Ej bedömbar (saknar data)</span></th>"
    )
    assert html.count(line) == 2  # the period's table and the year's


def test_a_hostile_indicator_name_is_escaped_in_every_place_it_is_linked(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(REPORT_FIXTURE, root)
    f = root / "indikatorer" / "trygghet-kvall.yaml"
    hostile = "<script>x</script> | [klick](https://ond.example) *fet*"
    text = f.read_text(encoding="utf-8")
    f.write_text(
        text.replace(
            "namn: Andel invånare i utsatta områden som känner sig trygga ute en sen kväll",
            f"namn: '{hostile}'",
        ),
        encoding="utf-8",
    )
    view = build(load(root), 2023)
    html = render(view, "html")
    assert "<script>x</script>" not in html
    assert html.count("&lt;script&gt;x&lt;/script&gt; | [klick](https://ond.example) *fet*") >= 3
    md = render(view, "md")
    assert "[klick](https://ond.example)" not in md
    assert re.search(r"(?<!\\)<script>", md) is None
    escaped = r"\<script>x\</script> \| \[klick\](`https://ond.example`) \*fet\*"
    assert f"- Indikator som mäter insatsen: [{escaped}](#scriptxscript" in md


def test_a_hostile_indicator_name_is_escaped_in_section_3(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root)
    f = root / "indikatorer" / "medborgarkontor-bibliotek-tackning.yaml"
    hostile = "<script>x</script> | [klick](https://ond.example) *fet*"
    text = f.read_text(encoding="utf-8")
    old = "namn: Andel av de utsatta områdena med medborgarkontor och/eller bibliotek"
    assert old in text
    f.write_text(text.replace(old, f"namn: '{hostile}'"), encoding="utf-8")
    view = build(load(root), 2025)
    html = render(view, "html")
    assert "<script>x</script>" not in html
    assert (
        '<span class="lankade">Indikator: <a href="#indikator-medborgarkontor-bibliotek-tackning">'
        "&lt;script&gt;x&lt;/script&gt; | [klick](https://ond.example) *fet*</a>"
    ) in html
    md = render(view, "md")
    escaped = r"\<script>x\</script> \| \[klick\](`https://ond.example`) \*fet\*"
    assert f"i alla utsatta områden · Indikator: [{escaped}](#scriptxscript" in md
    assert re.search(r"(?<!\\)<script>", md) is None


def test_section_3_says_what_the_indicator_line_and_the_mark_mean() -> None:
    assert "Vid en insats som indikatorer mäter" not in render(
        build(load(REPORT_FIXTURE), 2023), "md"
    )
    view = build(load(ROOT / "data"), 2025)
    said = (
        "Vid en insats som indikatorer mäter står de med sin status 2025. Kan ingen av dem "
        "bedömas står ”indikatorn kan inte bedömas” (eller ”indikatorerna”) efter varje Uppnått "
        "och Bedöms uppnås: den bedömningen har inget stöd i indikatorerna."
    )
    md = render(view, "md")
    assert md.index("## 3. Fokusområdena") < md.index(said) < md.index("### Fokusområde 1")
    html = render(view, "html")
    assert html.index('id="rubrik-fokusomraden"') < html.index(said) < html.index('id="fokus-1"')


def _marked_lines(view: ReportView) -> list[tuple[str, str, str]]:
    """(insats, organisation, mark) for every organisation that has a line of its own under
    Bilaga A's table and a verdict the mark goes beside."""
    return [
        (i.id, o.organisation, o.markering)
        for f in view.fokusomraden
        for i in f.insatser
        for o in i.organisationer
        if o.markering and (o.inkommen or o.rapport_ar)
    ]


def test_bilaga_a_marks_the_line_of_each_organisation_as_its_table_row() -> None:
    """note14 "Left, known": the line under Bilaga A's table ("Egen bedömning: Uppnått") said
    the verdict without the mark its row in the table carries (decision 0480), in the annual
    report and the slutuppföljning alike; the same macro writes both."""
    for root, year, count in ((REPORT_FIXTURE, 2023, 3), (ROOT / "data", 2025, 19)):
        view = build(load(root), year)
        marked = _marked_lines(view)
        assert len(marked) == count
        md = render(view, "md")
        html = render(view, "html")
        for insats, org, mark in marked:
            o = next(x for x in _insats(view, insats).organisationer if x.organisation == org)
            md_line = f"Status: **{o.status}** · Egen bedömning: **{o.bedomning}** ({mark})"
            html_line = (
                f"Egen bedömning: <strong>{o.bedomning}</strong>"
                f' <span class="muted">({mark})</span>'
            )
            head_md = f"##### {insats} · {org}\n\n"
            assert head_md + md_line in md, (insats, org)
            at = html.index(f"<h5>{insats} · {org}</h5>")
            assert html_line in html[at : html.index("</section>", at)], (insats, org)
        # as often under the tables as in them (each organisation with a report has a line)
        assert md.count(f"** ({MARK})") == sum(1 for *_, m in marked if m == MARK)


def test_an_earlier_years_report_in_the_slutuppfoljning_is_marked_too() -> None:
    """An organisation without a 2025 report shows its latest one; its verdict of that year
    gets the mark under the table as in it (no such case in the shipped data: one is made)."""
    from dataclasses import replace

    view = build(load(ROOT / "data"), 2025)
    fokus = view.fokusomraden[0]
    sju = _insats(view, "1:7")
    orgs = tuple(
        replace(o, markering=MARK) if o.organisation == "Socialnämnden Centrum" else o
        for o in sju.organisationer
    )
    insatser = tuple(
        replace(i, organisationer=orgs) if i.id == "1:7" else i for i in fokus.insatser
    )
    view = replace(view, fokusomraden=(replace(fokus, insatser=insatser), *view.fokusomraden[1:]))
    md = render(view, "md")
    assert f"| 2023: Uppnått ({MARK}) |" in md
    assert f"Egen bedömning 2023: **Uppnått** ({MARK})\n" in md
    html = render(view, "html")
    assert (
        f'Egen bedömning 2023: <strong>Uppnått</strong> <span class="muted">({MARK})</span></p>'
    ) in html
