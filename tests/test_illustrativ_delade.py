"""The shared files (plan.yaml, organisationer.yaml, omraden.yaml) can be marked illustrative
too, like reports, uppföljning and indicators: a made-up police list is then named in the
report's first lines (Markdown, HTML and so the PDF made from it), and every row of the export
that comes from it is marked. See docs/decisions/0121-illustrativa-delade-filer.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import illustrativ_notice, real_shipped_data
from utsatta.check import validate
from utsatta.export import tables
from utsatta.load.dataset import load

OMRADEN = "polisens listor över utsatta områden (omraden.yaml)"
ORGANISATIONER = "uppgifterna om nämnder, styrelser och bolag (organisationer.yaml)"
PLAN = "planens innehåll (plan.yaml)"


def _mark(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "\nschemaversion: 1\n" in text and "\nillustrativ:" not in text
    path.write_text(
        text.replace("\nschemaversion: 1\n", "\nschemaversion: 1\nillustrativ: true\n", 1),
        "utf-8",
    )


def test_the_real_data_has_no_notice(tmp_path: Path) -> None:
    md, _ = illustrativ_notice(real_shipped_data(tmp_path), 2025)
    assert "llustrativ" not in md


def test_a_made_up_police_list_is_named_on_the_first_lines(tmp_path: Path) -> None:
    root = real_shipped_data(tmp_path)
    _mark(root / "omraden.yaml")
    assert not validate(root).blocking()
    md, html = illustrativ_notice(root, 2025)
    expected = f"Det gäller {OMRADEN}."
    assert expected in md
    assert expected in html
    assert "Rapporten innehåller illustrativa uppgifter" in md


def test_every_shared_file_comes_first_in_the_notice(tmp_path: Path) -> None:
    root = real_shipped_data(tmp_path)
    for name in ("plan.yaml", "organisationer.yaml", "omraden.yaml"):
        _mark(root / name)
    _mark(root / "uppfoljning" / "2024.yaml")
    md, html = illustrativ_notice(root, 2024)
    expected = (
        # ORGANISATIONER has a comma of its own: the parts are kept apart by semicolons
        f"Det gäller {PLAN}; {ORGANISATIONER}; {OMRADEN} och den samlade uppföljningen för 2024."
    )
    assert expected in md
    assert expected in html


@pytest.mark.parametrize("marked", [False, True])
def test_the_export_marks_every_row_from_a_made_up_police_list(
    tmp_path: Path, marked: bool
) -> None:
    root = real_shipped_data(tmp_path)
    if marked:
        _mark(root / "omraden.yaml")
    by_name = {t.namn: t for t in tables(load(root), 2025)}
    nivaer = by_name["omradesnivaer"]
    col = [c.namn for c in nivaer.columns].index("illustrativ")
    assert nivaer.rows and {r[col] for r in nivaer.rows} == {"ja" if marked else "nej"}
    varden = by_name["indikatorvarden"]
    names = [c.namn for c in varden.columns]
    col, ind = names.index("illustrativ"), names.index("kalla")
    typ, kommentar = names.index("typ"), names.index("kommentar")
    # baslinje and utfall of the indicators computed from the lists (their kalla says so), and
    # the count an edition of the list states (kalla: its own source; kommentar says so)
    computed = [
        r
        for r in varden.rows
        if r[typ] != "malvarde"
        and (
            "polisens" in str(r[ind])
            # a count that a source states for an edition (decision 0675), or that the levels
            # leave open: both come from omraden.yaml
            or (
                "anger för" in str(r[kommentar])
                and "års upplaga av polisens lista" in str(r[kommentar])
            )
        )
    ]
    assert computed and {r[col] for r in computed} == {"ja" if marked else "nej"}
    measured = [r for r in varden.rows if r[typ] != "malvarde" and r not in computed]
    assert measured and {r[col] for r in measured} == {"nej"}
