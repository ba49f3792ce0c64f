"""Källor and section 2 name an edition of the police list with its month from omraden.yaml
and, when it has no address of its own, the sources it is known through, each second-hand one
marked (granska18 G6, docs/decisions/0559-upplagans-kallor.md). Nothing is added that the data
does not give: no day, no address."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.support import SHIPPED, SharedReport
from utsatta.load.dataset import load
from utsatta.model.omraden import Upplaga
from utsatta.render.report.sections.upplaga import kand_genom, upplaga_namn, upplagans_kallor

#: by hand from data/omraden.yaml: the editions' month, url, and the sources cited for their
#: levels, category names, counts and national figures
KALLOR_2025 = [
    "- Polisen, Nationella operativa avdelningen (NOA): Utsatta områden – sociala risker, "
    "kollektiv förmåga och oönskade händelser (december 2015) "
    "<https://www.slideshare.net/Johanwesterholm/utsatta-omraden-sociala-risker-kollektiv-formaga-"
    "och-oonskade-handelser-2>",
    "- Polisen, Nationella operativa avdelningen (NOA): Utsatta områden – Social ordning, "
    "kriminell struktur och utmaningar för polisen (juni 2017) "
    "<https://www.slideshare.net/Johanwesterholm/utsatta-omraden-social-ordning-kriminell-"
    "struktur-och-utmaningar-for-polisen>",
    "- Polisen: Kriminell påverkan i lokalsamhället (juni 2019). Ingen egen webbadress, känd "
    "genom: Okänd tredjepart (kommentar i programkoden till en webbapp; odaterad, i andra "
    "hand); Göteborgs-Posten (2019-03-01); Göteborgs-Posten (2019-06); aktarr.se (odaterad, i "
    "andra hand)",
    "- Polisen, Nationella operativa avdelningen (NOA): Lägesbild över utsatta områden – "
    "Regeringsuppdrag 2021 (oktober 2021) "
    "<https://5dok.org/document/zwvo9w7l-l%C3%A4gesbild-%C3%B6ver-utsatta-omr%C3%A5den.html>",
    "- Polisen: Lägesbild (december 2023). Ingen egen webbadress, känd genom: Polisen, region "
    "Väst (2023-12); Göteborgs Stad, statistik och analys (odaterad); Wikipedia (svenska; "
    "odaterad, i andra hand)",
    "- Polisen: Lägesbild (december 2025). Ingen egen webbadress, känd genom: Fastighetsvärlden "
    "(2025-12-02, i andra hand); Fastighetstidningen (2025-12-02, i andra hand)",
]


def test_kallor_lists_each_edition_with_month_and_what_it_is_known_through(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    md = shared_report(SHIPPED, 2025).md
    group = md.split("### Polisens lägesbilder (upplagor av listan)\n", 1)[1].split("\n### ")[0]
    assert group.strip().splitlines() == KALLOR_2025


def test_section_2_names_the_edition_the_same_way(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    report = shared_report(SHIPPED, 2025)
    sentence = (
        "Den senaste listan till och med 2025 är Polisen: Lägesbild (december 2025), känd genom "
        "Fastighetsvärlden och Fastighetstidningen, alla i andra hand. På listan "
        "står 8 områden"
    )
    assert sentence in report.md and sentence in report.html
    assert (
        "<li>Polisen: Lägesbild (december 2025). Ingen egen webbadress, känd genom: "
        "Fastighetsvärlden (2025-12-02, i andra hand);"
    ) in report.html


def test_only_the_data_is_used() -> None:
    omr = load(SHIPPED).omraden
    assert omr is not None and omr.model is not None
    ids = {k.id for k in omr.model.kallor}
    for u in omr.model.upplagor:
        assert {k.id for k in upplagans_kallor(omr.model, u)} <= ids
        # an edition with its own address needs no other
        assert (kand_genom(omr.model, u) == "") == (u.url is not None)
    bare = Upplaga(ar=2019, titel="Lista", utgivare="Polisen")
    assert upplaga_namn(bare) == "Polisen: Lista (2019)"  # no month in the data: none written
    assert kand_genom(omr.model.model_copy(update={"kallor": [], "omraden": []}), bare) == ""


def test_section_2_keeps_a_publisher_with_a_comma_one_name(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """By hand from data/omraden.yaml, the 2023 edition: three sources, two with a comma in the
    publisher's name, the last second-hand with brackets of its own (granska18c F3: joined with
    commas they read as five sources, and "(svenska) (i andra hand)")."""
    md = shared_report(SHIPPED, 2023).md
    assert (
        "Den senaste listan till och med 2023 är Polisen: Lägesbild (december 2023), känd genom "
        "Polisen, region Väst; Göteborgs Stad, statistik och analys; Wikipedia (svenska; i andra "
        "hand). På listan står 8 områden"
    ) in md
