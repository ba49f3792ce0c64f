"""Review granska15's findings on the report (1, 2, 3, 5 and 11; 10 is in test_trendstart.py):
the coordinating verdicts in section 1's computed fokus lines carry the mark section 3 and
Bilaga A put beside them, and a body without a verdict this year stands with its latest
report's, under that year ("ingen" only where no year has one); delmål 2's changes of level name
the class of their least sure level; the bridging sentence names section 2's count of the
earlier reports; Bilaga A explains the mark every year it is used."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import SHIPPED, SharedReport, between
from utsatta.compute.completeness import Cell
from utsatta.load.dataset import load
from utsatta.render.labels import MARKERING_BETYDELSE, tidigare_bedomning
from utsatta.render.report import build, render
from utsatta.render.report.sections.insats_indikatorer import markerad
from utsatta.render.report.sections.insatser import antal_text
from utsatta.render.report.sections.slutrader import bro_text, samordnande_antal, svagaste
from utsatta.render.report.view import NivaCell, ReportView, SamordningVy

MARK = "indikatorn kan inte bedömas"


def _vy(bedomning: str | None = None, ar: int | None = None, tidigare: str = "") -> SamordningVy:
    text = bedomning or tidigare
    return SamordningVy(
        organisation="Grundskolenämnden",
        text=None,
        bedomning=bedomning,
        lage="Rapporterad ett tidigare år" if bedomning is None else "Inkommen",
        rapport_ar=ar,
        rapport_bedomning=tidigare or None,
        markering=markerad(text, MARK),
    )


def test_this_years_verdicts_carry_the_mark_of_section_3() -> None:
    assert samordnande_antal([_vy("Uppnått"), _vy("Inte uppnått")]) == (
        "Uppnått 1 (indikatorn kan inte bedömas), Inte uppnått 1"
    )


def test_an_earlier_verdict_stands_under_its_year() -> None:
    prognos = tidigare_bedomning("bedoms-uppnas")
    assert samordnande_antal([_vy(ar=2023, tidigare=prognos)]) == (
        "senast 2023: Bedöms uppnås 1 (prognos, ingen slutbedömning; indikatorn kan inte bedömas)"
    )
    assert samordnande_antal(
        [_vy("Inte uppnått"), _vy(ar=2024, tidigare="Uppnått"), _vy(ar=2023, tidigare=prognos)]
    ) == (
        "Inte uppnått 1, senast 2023: Bedöms uppnås 1 (prognos, ingen slutbedömning; "
        "indikatorn kan inte bedömas), senast 2024: Uppnått 1 (indikatorn kan inte bedömas)"
    )


def test_ingen_only_where_no_year_has_a_verdict() -> None:
    assert samordnande_antal([_vy()]) == ""
    assert samordnande_antal([_vy("Inte uppnått"), _vy()]) == ("Inte uppnått 1, ingen bedömning 1")


def test_a_forecast_of_an_earlier_year_is_marked_and_a_negative_verdict_is_not() -> None:
    assert markerad("Bedöms uppnås (prognos, ingen slutbedömning)", MARK) == MARK
    assert markerad("Bedöms inte uppnås (prognos, ingen slutbedömning)", MARK) == ""
    assert markerad(None, MARK) == ""
    assert antal_text(["Uppnått", "Osäkert"], ["Uppnått", "Osäkert"], {"Uppnått"}, MARK) == (
        "Uppnått 1 (indikatorn kan inte bedömas), Osäkert 1"
    )


def test_the_shipped_report_marks_and_dates_the_fokus_lines(report_2025: tuple[str, str]) -> None:
    md, _ = report_2025
    fokus_1 = between(md, "**Fokusområde 1: ", "**Fokusområde 2: ")
    assert (
        "Samordnande bedömning 2025: för 1:1 Uppnått 1 (indikatorn kan inte bedömas); för 1:2 "
        "Uppnått 1 (indikatorn kan inte bedömas); för 1:3 Inte uppnått 1; för 1:4 senast 2023: "
        "Bedöms uppnås 1 (prognos, ingen slutbedömning); för 1:5 Uppnått 1 (indikatorerna kan "
        "inte bedömas); för 1:6 Uppnått 4; för 1:7 senast 2023: Uppnått 3, Bedöms uppnås 1 "
        "(prognos, ingen slutbedömning)." in fokus_1
    )
    # section 3 marks the same verdicts
    assert "| Grundskolenämnden: Uppnått (indikatorn kan inte bedömas) |" in md
    assert "| Förskolenämnden: Uppnått (indikatorerna kan inte bedömas) |" in md
    assert "ingen för" not in between(md, "### Fokusområdena", "### Plan för det fortsatta arbetet")


# -- finding 3: delmål 2's changes of level carry the class of their least sure level ----------


def test_the_weakest_class_of_the_levels_a_change_rests_on() -> None:
    polisen = NivaCell("utsatt", "utsatt")
    ej_polisen = NivaCell("utsatt", "utsatt", "‡", MARKERING_BETYDELSE["‡"])
    andra_hand = NivaCell("utsatt", "utsatt", "†", MARKERING_BETYDELSE["†"])
    slutledd = NivaCell("utsatt", "utsatt", "*", MARKERING_BETYDELSE["*"])
    assert svagaste([polisen, polisen]) == ""
    assert svagaste([polisen, ej_polisen]) == "bekräftad i en annan källa än polisen"
    assert svagaste([ej_polisen, andra_hand, polisen]) == "uppgift i andra hand"
    assert svagaste([andra_hand, slutledd]) == "slutledd"
    assert svagaste([NivaCell("–", "saknas")]) == ""


def test_delmal_2_names_the_class_per_change(
    view_2025: ReportView,
) -> None:
    slut = view_2025.slut
    assert slut is not None
    d = slut.domar[2]
    assert (
        "4 områden med oförändrad nivå (Bergsjön, Hammarkullen, Hjällbo och Lövgärdet; uppgift "
        # Biskopsgården's change is drawn from what its 2025 level (not given) cannot be, so
        # slutledd, as section 5 marks it (sign27 item 4, decision 0676)
        "i andra hand), 1 område med lägre nivå (Biskopsgården; slutledd) och 3 "
        "områden där förändringen inte går att avgöra, eftersom källorna inte anger nivån "
        "(Gårdsten, Tynnered/Grevegården/Opaltorget och Hisings Backa)." in d.underlag
    )
    # no outcome is computed, so the outcome's own marker stays empty (the export documents
    # utfall_markering as empty where no outcome can be decided); the export's underlag is this
    # text (tests/test_export_slutsatser.py)
    assert (d.utfall, d.utfall_markering) == ("Beräknas inte", "")


# -- finding 5: the bridging sentence names section 2's count of the earlier ones --------------


def test_the_earlier_pairs_are_split_by_their_cell_in_the_last_year() -> None:
    senast = [
        ("1:1", "genomford", 2025, Cell.INKOMMEN),
        ("1:4", "genomford", 2023, Cell.TIDIGARE),
        ("1:7", "pagaende", 2023, Cell.EJ_AKTUELL),
        ("2:1", "pagaende", 2024, Cell.SAKNAS),
        ("2:1", "pagaende", 2024, Cell.SAKNAS),
    ]
    assert bro_text(senast, 2025) == (
        "Av de 5 fall som har en rapport under perioden har 1 sin senaste rapport i rapporterna "
        "för 2025 och 4 i ett tidigare års. Avsnitt 2 räknar det fallet, med "
        "årets saknade och inte förväntade rapporteringar, i tabellen ”Insatser per status "
        "2025”. Av de 4 är 1 återrapportering som avsnitt 2 räknar som lämnad ett tidigare år "
        "(1 för 1:4), 1 som inte ska rapporteras 2025 (1 för 1:7) och 2 vars rapporter för 2025 "
        "saknas (2 för 2:1). Av de 2 genomförda står 1 i rapporterna för 2025 och 1 i "
        "rapporterna för 2023."
    )


def test_the_bridging_sentences_with_one_pair_or_none_in_a_group() -> None:
    """One earlier pair is "Fallet från ett tidigare år", one of the year "det fallet"; with
    none of the year, nothing is said of section 2's count of them (0583)."""
    assert bro_text(
        [("1:1", "genomford", 2025, Cell.INKOMMEN), ("1:4", "pagaende", 2023, Cell.TIDIGARE)],
        2025,
    ) == (
        "Av de 2 fall som har en rapport under perioden har 1 sin senaste rapport i rapporterna "
        "för 2025 och 1 i ett tidigare års. Avsnitt 2 räknar det fallet, med "
        "årets saknade och inte förväntade rapporteringar, i tabellen ”Insatser per status "
        "2025”. Fallet från ett tidigare år är 1 återrapportering som avsnitt 2 räknar som "
        "lämnad ett tidigare år (1 för 1:4)."
    )
    assert bro_text(
        [("1:1", "pagaende", 2025, Cell.INKOMMEN), ("1:2", "genomford", 2025, Cell.INKOMMEN)],
        2025,
    ) == (
        "Av de 2 fall som har en rapport under perioden har 2 sin senaste rapport i rapporterna "
        "för 2025. Avsnitt 2 räknar de 2, med årets saknade och inte förväntade rapporteringar, "
        "i tabellen ”Insatser per status 2025”."
    )
    assert bro_text([("1:7", "pagaende", 2023, Cell.EJ_AKTUELL)] * 2, 2025) == (
        "Av de 2 fall som har en rapport under perioden har 0 sin senaste rapport i rapporterna "
        "för 2025 och 2 i ett tidigare års. Av de 2 är 2 som inte ska "
        "rapporteras 2025 (2 för 1:7)."
    )


# -- finding 11: the mark is explained in every report that uses it ----------------------------

FORKLARING = (
    "Under en insats som indikatorer mäter står de med sin status {ar}. Kan ingen av dem bedömas "
    "står ”indikatorn kan inte bedömas” (eller ”indikatorerna”) efter varje Uppnått och Bedöms "
    "uppnås: den bedömningen har inget stöd i indikatorerna."
)


@pytest.mark.parametrize("ar", [2023, 2024, 2025])
def test_bilaga_a_explains_the_mark_every_year(
    ar: int, shared_report: Callable[[Path, int], SharedReport]
) -> None:
    report = shared_report(SHIPPED, ar)
    bilaga_a = between(report.md, "## Bilaga A. ", "### Insatserna inom fokusområde 1")
    assert "(indikatorn kan inte bedömas)" in report.md
    assert f"\n\n{FORKLARING.format(ar=ar)}\n\n" in bilaga_a
    html_a = between(report.html, '<h2 id="rubrik-bilaga-rapporter">', "<h3 ")
    assert f"<p>{FORKLARING.format(ar=ar)}</p>" in html_a


def test_no_explanation_where_no_verdict_is_marked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    # no indicator measures an insats any more: no mark anywhere, and nothing to explain
    for f in (data / "indikatorer").glob("*.yaml"):
        text = f.read_text(encoding="utf-8")
        f.write_text(re.sub(r"(?m)^insatser:.*\n(?:  *- .*\n)*", "", text), encoding="utf-8")
    md = render(build(load(data), 2024), "md")
    assert "indikatorn kan inte bedömas" not in md
    assert "Kan ingen av dem bedömas" not in md


# -- finding 7: the rule for a value without a marker, in Bilaga E every year -------------------

SAKERHET = (
    "**Hur säkra värdena är.** Varje nivå på polisens lista och varje värde har en säkerhet, "
    "som står där uppgiften står. En nivå är markerad med en symbol: \\* slutledd; † uppgift i "
    "andra hand; ? källa saknas; ‡ bekräftad i en annan källa än polisen; utan markering: "
    "bekräftad i polisens egen publicering. Ett värde eller ett antal har markeringen med samma "
    "symbol eller i ord: ”uppgift i andra hand”, ”slutledd”, ”källa saknas” eller ”annan källa "
    "än polisen”. Ett värde som bygger på flera uppgifter har markeringen för den osäkraste av "
    "dem (osäkrast först: källa saknas, slutledd, uppgift i andra hand, annan källa än polisen). "
    "Ett antal som räknas ur polisens listor bygger på alla områdens nivåer i upplagan, också "
    "på dem som inte räknas: ”1 riskområde” stämmer bara om inget annat område är riskområde. "
    "Antalet är alltså omarkerat bara när polisens egen publicering bekräftar varje nivå som "
    "det bygger på. Ett antal som en källa själv anger har den källans säkerhet. En "
    "bedömning eller ett utfall som bygger på ett markerat värde är inte säkrare än värdet."
)


@pytest.mark.parametrize("ar", [2023, 2025])
def test_bilaga_e_states_the_certainty_classes(
    ar: int, shared_report: Callable[[Path, int], SharedReport]
) -> None:
    report = shared_report(SHIPPED, ar)
    bilaga_e = report.md.split("\n## Bilaga E. Metod och definitioner", 1)[1]
    assert f"\n\n{SAKERHET}\n\n" in bilaga_e
    html_text = SAKERHET.replace(
        "**Hur säkra värdena är.**", "<strong>Hur säkra värdena är.</strong>"
    )
    assert f"<p>{html_text.replace(chr(92), '')}</p>" in report.html
