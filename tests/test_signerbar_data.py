"""What a signer would not sign in the slutuppföljning 2022–2025 (sign27): the shipped data says
only what its sources say (fakta.md §1.1, §2, §7), and the report shows it so. Each test is one
finding, checked in the data and where the report or the export shows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.support import SHIPPED, SharedReport
from utsatta.load.dataset import load
from utsatta.model.omraden import OmradenFil


def _omraden() -> OmradenFil:
    omr = load(SHIPPED).omraden
    assert omr is not None and omr.model is not None
    return omr.model


def test_the_2021_list_is_dated_as_its_sources_show() -> None:
    """Item 1: Framtiden wrote of the 2021 list on 2021-10-14, so it was out in October; no
    source shows December (fakta.md §2.1's "Dec" has none)."""
    omr = _omraden()
    u2021 = next(u for u in omr.upplagor if u.ar == 2021)
    assert u2021.manad == 10
    datum = {k.id: k.datum for k in omr.kallor}
    assert datum["framtiden-2021-10-14"] == "2021-10-14"
    # the report copy's own date is not known: the indicators give its year only
    for ind in load(SHIPPED).indikatorer:
        assert ind.model is not None
        for k in ind.model.kallor:
            if k.id == "polisen-lagesbild-2021":
                assert k.datum == "2021", ind.model.id


def test_the_2025_list_is_known_through_the_press_not_a_property_site(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """Item 8: the 2025 list's sources are Fastighetsvärlden and Fastighetstidningen (fakta.md
    §2.2); kopa-hus.se carries no level and is no source in the data."""
    omr = _omraden()
    assert "kopa-hus-2025" not in {k.id for k in omr.kallor}
    used = {c for o in omr.omraden for k in o.klassning if k.upplaga == 2025 for c in k.kallor}
    assert used == {"fastighetsvarlden-2025-12-02", "fastighetstidningen-2025-12-02"}
    report = shared_report(SHIPPED, 2025)
    assert "kopa-hus" not in report.md and "kopa-hus" not in report.html


def test_delmal_3_is_judged_against_the_2021_list(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """Item 6: "inga nya områden ska ha tillkommit" counts from the list the plan started from
    (2021, as the indicator nya-omraden), not from the 2023 list; the text cites 2021's sources."""
    ds = load(SHIPPED)
    upp = next(u.model for u in ds.uppfoljningar if u.model is not None and u.model.ar == 2025)
    d3 = next(d for d in upp.delmal if d.delmal == "inga-nya-omraden")
    assert " ".join(d3.text.split()) == (
        "Delmålet är nått. Listan från 2 december 2025 har samma åtta namn i Göteborg som "
        "listan 2021 (utgångsläget, en tolkning); inget nytt område har tillkommit och inget "
        "verkar ha delats. Uppgifterna om 2025 och om Hisings Backa 2021 kommer från pressen "
        "(i andra hand), och jämförelsen är en slutsats."
    )
    assert d3.kallor == [
        "fastighetsvarlden-2025-12-02",
        "framtiden-2021-10-14",
        "vart-goteborg-2021",
        "aktarr-2021",
    ]
    assert (d3.bedomning, d3.sakerhet) == ("uppnatt", "slutledd")
    md = shared_report(SHIPPED, 2025).md
    assert (
        "*Källor: Fastighetsvärlden, 2025-12-02; Framtiden, 2021-10-14; Vårt Göteborg (Göteborgs "
        "Stad); aktarr.se; säkerhet: slutledd (dragen ur källorna, inte utsagd i dem).*"
    ) in md


def test_the_41_000_comment_claims_only_what_its_source_says() -> None:
    """Item 7: the press release (fakta.md §1.1) says 41 000 live in a särskilt utsatt område
    after Tynnered and Biskopsgården moved down; it does not say when. Tynnered moved in the 2021
    list, Biskopsgården in 2023: the comment says so, not that both moved in 2023."""
    ind = next(
        i.model
        for i in load(SHIPPED).indikatorer
        if i.model is not None and i.model.id == "invanare-i-sarskilt-utsatta-omraden"
    )
    u2023 = next(u for u in ind.utfall if u.ar == 2023)
    assert u2023.kommentar is not None
    assert " ".join(u2023.kommentar.split()) == (
        '"41 000 göteborgare numera bor i ett särskilt utsatt område" (pressmeddelande december '
        "2023), efter att Tynnered och Biskopsgården flyttats ned från särskilt utsatt område. "
        "När säger källan inte; enligt polisens listor (avsnittet om områdena) flyttades "
        "Tynnered ned 2021 och Biskopsgården 2023."
    )


def test_the_list_is_counted_over_its_levels_without_saying_three(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """Item 9: the sources name three levels for 2019–2023 only (fakta.md §2.2): 2015 and 2017
    only utsatt and särskilt utsatt, 2025 only "extra utsatt". The report says "alla nivåer"."""
    report = shared_report(SHIPPED, 2025)
    # "tre" only where a source or the plan says three: the lists 2019–2023, and the plan's own
    # "utsatt, risk- eller särskilt utsatt område" behind the målvärde 0
    tre = [line for line in report.md.splitlines() if "tre nivå" in line]
    assert [line.split(":")[0] for line in tre] == [
        "- Definition",
        "  - Målvärde 2025 (0)",
        "  - Målvärde 2025 (0)",
    ]
    assert all(
        line.endswith('i planen avser "utsatta områden" alla tre nivåerna.') for line in tre[1:]
    )
    assert (
        "- Definition: Antalet områden i Göteborg som finns på polisens lista över utsatta "
        "områden, oavsett nivå, per upplaga av lägesbilden. Listorna 2019, 2021 och 2023 har "
        "enligt källorna tre nivåer: utsatt område, riskområde och särskilt utsatt område. För "
        "2015 och 2017 nämner källorna bara utsatt och särskilt utsatt område, och för 2025 "
        'skiljer de bara ut de särskilt utsatta ("extra utsatt"). (lägre är bättre)'
    ) in report.md.splitlines()
    assert "#### Antal områden i Göteborg på polisens lista (alla nivåer)" in report.md
