"""Section 5's change since the plan began carries the weakest mark of the two levels it rests
on, in every format, and the key under the table says so (granska18, G4; docs/decisions/0500,
0555): "lägre nivå†" for Biskopsgården, whose 2025 level is second-hand."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.support import REPORT_FIXTURE, SHIPPED, SharedReport, between
from utsatta import load
from utsatta.render.labels import FORANDRINGENS_MARKERING
from utsatta.render.report.assemble import build
from utsatta.render.report.environment import render

KEY = (
    "Förändring: från listan 2021 (utgångsläget, en tolkning: bilaga E) till {ar}; ”–”: "
    "området stod inte på någon av dem."
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
        "lägre nivå†",  # Biskopsgården: 2021 ‡, 2025 †
        "på listan, nivå okänd†",  # Gårdsten
        "oförändrad†",  # Hammarkullen
        "oförändrad†",  # Hjällbo
        "oförändrad†",  # Lövgärdet
        "på listan, nivå okänd†",  # Tynnered/Grevegården/Opaltorget
        "på listan, nivå okänd†",  # Hisings Backa
        "–",  # Rannebergen: on neither list, nothing compared
    ]
    assert f"\n{KEY.format(ar=2025)} {FORANDRINGENS_MARKERING}\n" in report.md
    assert f"<td>lägre nivå{ANDRA_HAND}</td>" in report.html


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
