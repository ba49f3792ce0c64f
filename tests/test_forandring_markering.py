"""Section 5's change since the plan began carries the weakest mark of the two levels it rests
on, in every format, and the key under the table says so (granska18, G4; docs/decisions/0500,
0555). So does "–", an area on neither list, which rests on the same two levels (granska18c
F10, decision 0572). A change known only from what a level the sources do not give cannot be is
slutledd: "lägre nivå*" for Biskopsgården, särskilt utsatt 2021 and on the 2025 list at a level
the press does not give (sign27 item 4, decision 0676)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.support import REPORT_FIXTURE, SHIPPED, SharedReport, between
from utsatta import load
from utsatta.compute.police import change_inferred
from utsatta.render.labels import FORANDRINGENS_MARKERING, SLUTLEDD_FORANDRING
from utsatta.render.report.assemble import build
from utsatta.render.report.environment import render

KEY = (
    "Förändring: från listan 2021 (utgångsläget, en tolkning: bilaga E) till {ar}; ”–”: "
    "området stod inte på någon av dem."
)
SLUTLEDD = (
    '<abbr title="slutledd: nivån står inte i någon källa utan är härledd ur andra uppgifter" '
    'aria-hidden="true">*</abbr>'
    '<span class="sr-only"> (slutledd)</span>'
)
ANDRA_HAND = (
    '<abbr title="uppgift i andra hand: en källa som återger nivån utan att vara belägg för '
    'den själv (t.ex. pressen eller en tredjepartssida om polisens lista)" '
    'aria-hidden="true">†</abbr><span class="sr-only"> (uppgift i andra hand)</span>'
)


def _changes(md: str) -> list[str]:
    """The last cell of each row of section 5's level table (the header row left out)."""
    rows = between(md, "| Område |", "\n\n").splitlines()[2:]
    return [row.rsplit(" | ", 1)[1].removesuffix(" |") for row in rows]


def test_each_change_has_the_weaker_mark_of_its_two_levels(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """The fixture's three kinds: both levels the police's own (no mark), one slutledd (*), one
    second-hand (†)."""
    report = shared_report(REPORT_FIXTURE, 2023)
    assert [(r.namn, r.forandring, r.forandring_markering) for r in report.view.omraden.rader] == [
        ("Norrby", "oförändrad", ""),
        ("Söderdal", "högre nivå", "*"),
        ("Västmark", "har lämnat listan", "†"),
    ]
    assert report.view.omraden.forandring_markering_text == FORANDRINGENS_MARKERING
    assert _changes(report.md) == ["oförändrad", "högre nivå\\*", "har lämnat listan†"]
    assert f"\n{KEY.format(ar=2023)} {FORANDRINGENS_MARKERING}\n" in report.md
    assert f"<td>har lämnat listan{ANDRA_HAND}</td>" in report.html
    assert f"{KEY.format(ar=2023)} {FORANDRINGENS_MARKERING}</p>" in report.html


def test_the_slutuppfoljning_marks_the_changes_that_rest_on_2025s_second_hand_levels(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    report = shared_report(SHIPPED, 2025)
    assert _changes(report.md) == [
        "oförändrad†",  # Bergsjön
        # Biskopsgården: 2021 ‡, 2025 †, but "lower" only because the 2025 level the press
        # does not give is not särskilt utsatt: slutledd (0676)
        "lägre nivå\\*",
        "på listan, nivå okänd†",  # Gårdsten
        "oförändrad†",  # Hammarkullen
        "oförändrad†",  # Hjällbo
        "oförändrad†",  # Lövgärdet
        "på listan, nivå okänd†",  # Tynnered/Grevegården/Opaltorget
        "på listan, nivå okänd†",  # Hisings Backa
        "–†",  # Rannebergen: on neither list, 2021 ‡ and 2025 † (granska18c F10)
    ]
    key = f"{KEY.format(ar=2025)} {FORANDRINGENS_MARKERING} {SLUTLEDD_FORANDRING}"
    assert "\n" + key.replace("(*)", "(\\*)") + "\n" in report.md
    assert f"{key}</p>" in report.html
    assert f"<td>lägre nivå{SLUTLEDD}</td>" in report.html


def test_a_change_is_inferred_only_through_a_level_the_sources_do_not_give() -> None:
    # särskilt utsatt to or from "on the list, level not given": lower or higher only because
    # that level is not särskilt utsatt (0676); onto or off the list says itself
    assert change_inferred("sarskilt-utsatt", "pa-listan-niva-okand")
    assert change_inferred("pa-listan-niva-okand", "sarskilt-utsatt")
    assert not change_inferred("ej-pa-listan", "pa-listan-niva-okand")
    assert not change_inferred("pa-listan-niva-okand", "ej-pa-listan")
    # not known at all: no change to mark
    assert not change_inferred("riskomrade", "pa-listan-niva-okand")
    assert not change_inferred("sarskilt-utsatt", "okand")
    # both levels given: as sure as they are
    assert not change_inferred("sarskilt-utsatt", "riskomrade")
    assert not change_inferred("utsatt", "utsatt")


def test_no_mark_and_no_key_where_the_police_confirm_both_levels(tmp_path: Path) -> None:
    """Every level of 2021 and 2023 the police's own, except Norrby's 2023, which no source
    gives: its change is "okänd", a claim of nothing, so it has no mark either."""
    root = tmp_path / "data"
    shutil.copytree(REPORT_FIXTURE, root)
    path = root / "omraden.yaml"
    text = path.read_text("utf-8")
    for old, new in (
        (
            "{upplaga: 2023, niva: sarskilt-utsatt, sakerhet: bekraftad, kallor: [polisen-2023]}",
            "{upplaga: 2023, niva: okand, sakerhet: saknas}",
        ),
        ("        sakerhet: slutledd\n", "        sakerhet: bekraftad\n"),
        (
            "{upplaga: 2021, niva: utsatt, sakerhet: sekundar, kallor: [tidning-2021]}",
            "{upplaga: 2021, niva: utsatt, sakerhet: bekraftad, kallor: [polisen-2021]}",
        ),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    view = build(load(root), 2023)
    assert [(r.namn, r.forandring, r.forandring_markering) for r in view.omraden.rader] == [
        ("Norrby", "okänd", ""),
        ("Söderdal", "högre nivå", ""),
        ("Västmark", "har lämnat listan", ""),
    ]
    assert view.omraden.forandring_markering_text == ""
    md = render(view, "md")
    assert _changes(md) == ["okänd", "högre nivå", "har lämnat listan"]
    assert f"\n{KEY.format(ar=2023)}\n" in md
    assert FORANDRINGENS_MARKERING not in md


def _row(md: str, namn: str) -> str:
    return next(r for r in between(md, "| Område |", "\n\n").splitlines() if r[2:].startswith(namn))


def test_rannebergens_dash_has_the_weaker_mark_of_its_two_levels(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """granska18c F10: Rannebergen is on neither the 2021 list nor the later one, which is itself
    a claim about the two levels: by hand from data/omraden.yaml, 2021 "ej på listan" confirmed
    by a source that is not the police's own (‡), 2023 slutledd (*), 2025 second-hand (†); the
    weaker of the two is * in 2023 and † in 2025, as for a change (decision 0555's rule)."""
    for year, mark, html_mark, cells in (
        (2023, "*", SLUTLEDD, "ej på listan‡ | ej på listan\\* | –\\* |"),
        (2025, "†", ANDRA_HAND, "ej på listan‡ | ej på listan\\* | ej på listan† | –† |"),
    ):
        report = shared_report(SHIPPED, year)
        rad = next(r for r in report.view.omraden.rader if r.namn == "Rannebergen")
        assert (rad.forandring, rad.forandring_markering) == ("", mark)
        assert _row(report.md, "Rannebergen").endswith(cells)
        assert f"<td>–{html_mark}</td>" in report.html
        # the key says that "–" is marked as a change is, in both formats; 2025 adds why
        # Biskopsgården's change is slutledd (0676)
        key = f"{KEY.format(ar=year)} {FORANDRINGENS_MARKERING}"
        if year == 2025:
            key += f" {SLUTLEDD_FORANDRING}"
        assert "\n" + key.replace("(*)", "(\\*)") + "\n" in report.md
        assert f"{key}</p>" in report.html
        assert "En förändring och ”–” har markeringen" in FORANDRINGENS_MARKERING


def test_a_dash_the_police_confirm_has_no_mark(tmp_path: Path) -> None:
    """An area off both lists by the police's own publications has an unmarked "–"; one whose
    2021 level is second-hand has "–†"."""
    root = tmp_path / "data"
    shutil.copytree(REPORT_FIXTURE, root)
    path = root / "omraden.yaml"
    text = path.read_text("utf-8")
    assert text.endswith("kallor: [tidning-2025]}\n")
    text += (
        "  - id: osterby\n    namn: Österby\n    klassning:\n"
        "      - {upplaga: 2021, niva: ej-pa-listan, sakerhet: bekraftad, kallor: [polisen-2021]}\n"
        "      - {upplaga: 2023, niva: ej-pa-listan, sakerhet: bekraftad, kallor: [polisen-2023]}\n"
        "  - id: kvarnby\n    namn: Kvarnby\n    klassning:\n"
        "      - {upplaga: 2021, niva: ej-pa-listan, sakerhet: sekundar, kallor: [tidning-2021]}\n"
        "      - {upplaga: 2023, niva: ej-pa-listan, sakerhet: bekraftad, kallor: [polisen-2023]}\n"
    )
    path.write_text(text, "utf-8")
    view = build(load(root), 2023)
    assert [(r.namn, r.forandring, r.forandring_markering) for r in view.omraden.rader] == [
        ("Norrby", "oförändrad", ""),
        ("Söderdal", "högre nivå", "*"),
        ("Västmark", "har lämnat listan", "†"),
        ("Österby", "", ""),
        ("Kvarnby", "", "†"),
    ]
    md = render(view, "md")
    assert _changes(md) == ["oförändrad", "högre nivå\\*", "har lämnat listan†", "–", "–†"]
    # nothing compared: section 2's count of changes is as before
    assert view.omraden.forandringar[-1].namn == "Västmark"
