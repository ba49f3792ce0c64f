"""Which indicator decides which goal is data: an indicator file's ``mal`` names the plan's mål
(``mal``) or a delmål; validate checks it against the plan and allows one indicator per goal,
and the slutuppföljning judges each goal by the indicator that names it
(docs/decisions/0081-slutuppfoljning.md)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.support import build_case
from utsatta.check.pipeline import validate
from utsatta.load.dataset import load
from utsatta.render.report import build

HERE = Path(__file__).parent
SHIPPED = HERE.parent / "data"
CASE = HERE / "cases" / "indikator-mal"


def test_unknown_and_duplicate_goals_are_findings_with_file_line_and_hint(tmp_path: Path) -> None:
    build_case(CASE, tmp_path)
    found = [
        (f.file, f.line, f.column, f.code, f.message)
        for f in validate(tmp_path / "data").findings
        if f.code in ("okant-mal", "dubblett-mal")
    ]
    assert [(Path(f).name, line, col, code) for f, line, col, code, _ in found] == [
        ("sarskilt-utsatta.yaml", 4, 6, "okant-mal"),
        ("valdeltagande.yaml", 5, 6, "dubblett-mal"),
    ]
    assert found[0][4] == (
        "Målet eller delmålet 'inga-sarskilt-utsata' finns inte i planen ('mal' är planens mål). "
        "Menade du 'inga-sarskilt-utsatta'? Giltiga: mal, inga-sarskilt-utsatta."
    )
    assert re.fullmatch(
        r"Indikatorn 'antal-omraden' \(.*indikatorer/antal-omraden\.yaml\) avgör redan planens "
        r"mål\. Ett mål eller delmål avgörs av en indikator: ta bort 'mal' i en av filerna\.",
        found[1][4],
    )


def test_the_shipped_goal_indicators_name_their_goals() -> None:
    ds = load(SHIPPED)
    named = {i.model.id: i.model.mal for i in ds.indikatorer if i.model and i.model.mal}
    assert named == {
        "omraden-pa-polisens-lista": "mal",
        "sarskilt-utsatta-omraden": "inga-sarskilt-utsatta",
        "nya-omraden": "inga-nya-omraden",
    }
    assert not [f for f in validate(SHIPPED).findings if f.code in ("okant-mal", "dubblett-mal")]


def _shipped(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    return root


def _edit(root: Path, ind: str, old: str, new: str) -> None:
    path = root / "indikatorer" / f"{ind}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _domar(root: Path) -> list[tuple[str, str, str]]:
    view = build(load(root), 2025)
    assert view.slut is not None
    return [(d.rubrik, d.utfall, d.underlag) for d in view.slut.domar]


def test_a_goal_no_indicator_names_says_so(tmp_path: Path) -> None:
    root = _shipped(tmp_path)
    _edit(root, "omraden-pa-polisens-lista", "mal: mal\n", "")
    _edit(root, "nya-omraden", "mal: inga-nya-omraden\n", "")
    domar = _domar(root)
    assert domar[0] == (
        "Målet",
        "Kan inte bedömas",
        "Ingen indikator i underlaget avgör målet (ingen indikatorfil har 'mal: mal').",
    )
    assert domar[3] == (
        "Delmål 3",
        "Kan inte bedömas",
        "Ingen indikator i underlaget avgör delmålet (ingen indikatorfil har 'mal: "
        "inga-nya-omraden').",
    )
    assert domar[1][1] == "Inte nått"  # the others are untouched


def test_the_data_decides_which_indicator_judges_a_goal(tmp_path: Path) -> None:
    """Moving 'mal' to another indicator changes the judgement: no constant in the code."""
    root = _shipped(tmp_path)
    _edit(root, "nya-omraden", "mal: inga-nya-omraden\n", "")
    _edit(
        root,
        "sarskilt-utsatta-omraden",
        "mal: inga-sarskilt-utsatta\n",
        "mal: inga-nya-omraden\n",
    )
    domar = _domar(root)
    assert domar[3] == (
        "Delmål 3",
        "Inte nått",
        "Antal särskilt utsatta områden i Göteborg, 2025: 4 (uppgift i andra hand).",
    )
    assert domar[1][1:] == (
        "Kan inte bedömas",
        "Ingen indikator i underlaget avgör delmålet (ingen indikatorfil har "
        "'mal: inga-sarskilt-utsatta').",
    )


def test_the_delmal_per_area_can_be_given_an_indicator(tmp_path: Path) -> None:
    """The delmål judged area by area keeps its per-area evidence unless an indicator names
    it; then that indicator's value against its målvärde decides, as for the others."""
    root = _shipped(tmp_path)
    assert _domar(root)[2][:2] == ("Delmål 2", "Beräknas inte")
    assert _domar(root)[2][2].endswith("Bedömningen område för område står i bilaga B.")
    _edit(root, "nya-omraden", "mal: inga-nya-omraden\n", "mal: utvecklingen-vand\n")
    assert _domar(root)[2] == (
        "Delmål 2",
        "Nått",
        "Antal nya områden i Göteborg på polisens lista sedan 2021, 2025: 0 (slutledd). Att "
        "räkna från listan 2021 är en tolkning; se bilaga E.",
    )


def test_a_goal_is_judged_against_the_indicators_malvarde_for_the_goal_year(
    tmp_path: Path,
) -> None:
    root = _shipped(tmp_path)
    # A målvärde above the value: reached (lower is better), and the målvärde is said.
    _edit(
        root,
        "sarskilt-utsatta-omraden",
        "malvarden:\n  - ar: 2025\n    varde: 0\n",
        "malvarden:\n  - ar: 2025\n    varde: 5\n",
    )
    assert _domar(root)[1] == (
        "Delmål 1",
        "Nått",
        "Antal särskilt utsatta områden i Göteborg, 2025: 4 (uppgift i andra hand). Målvärde "
        "2025: 5.",
    )
    # No målvärde for the goal year: the value alone decides nothing.
    _edit(
        root,
        "sarskilt-utsatta-omraden",
        "malvarden:\n  - ar: 2025\n    varde: 5\n",
        "malvarden:\n  - ar: 2026\n    varde: 5\n",
    )
    assert _domar(root)[1] == (
        "Delmål 1",
        "Kan inte bedömas",
        "Antal särskilt utsatta områden i Göteborg, 2025: 4 (uppgift i andra hand). Indikatorn "
        "har inget målvärde för 2025.",
    )


def test_indicators_with_other_ids_decide_their_goals() -> None:
    """The statuses fixture names its goal indicators differently from the shipped data
    (omraden-pa-listan, sarskilt-utsatta): their 'mal' is what links them."""
    assert _domar(HERE / "fixtures" / "statuses") == [
        ("Målet", "Inte nått", "Antal områden på polisens lista, 2025: 8 (uppgift i andra hand)."),
        (
            "Delmål 1",
            "Inte nått",
            "Antal särskilt utsatta områden, 2025: 4 (uppgift i andra hand).",
        ),
        (
            "Delmål 2",
            "Nått",
            "Antal nya områden sedan 2021, 2025: 0 (uppgift i andra hand). Att räkna från "
            "listan 2021 är en tolkning; se bilaga E.",
        ),
    ]
