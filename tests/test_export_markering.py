"""The workbook marks every verdict and value as the report does: a verdict on a fokusområde
with no målvärde behind it (the report's "bedömning utan målvärde") has ja in bedomningar's
column utan_malvarde, and each indicator value and police level carries the report's certainty
marker in the column markering ("uppgift i andra hand", "slutledd"; Bilaga C's *, †, ‡).

Data: the shipped data/, the 2025 verdict on fokusområde 2 (no målvärde) set to
delvis-uppnatt as in tests/test_bedomning_utan_malvarde.py."""

from __future__ import annotations

from pathlib import Path

from tests.support import verdict_without_malvarde
from utsatta.export import tables
from utsatta.export.table import Table
from utsatta.load.dataset import load

SHIPPED = Path(__file__).parent.parent / "data"


def _rows(t: Table, *cols: str) -> list[tuple[object, ...]]:
    names = [c.namn for c in t.columns]
    return [tuple(r[names.index(c)] for c in cols) for r in t.rows]


def _tables(root: Path, ar: int = 2025) -> dict[str, Table]:
    return {t.namn: t for t in tables(load(root), ar)}


def test_a_verdict_without_malvarde_is_marked_in_the_workbook(tmp_path: Path) -> None:
    root = verdict_without_malvarde(tmp_path)
    rows = _rows(_tables(root)["bedomningar"], "ar", "del", "del_id", "bedomning", "utan_malvarde")
    fokus_2025 = [r[2:] for r in rows if r[0] == 2025 and r[1] == "fokusomrade"]
    # fokusområde 1 and 3 have målvärden; 2 has none (test_bedomning_utan_malvarde)
    assert ("2", "delvis-uppnatt", "ja") in fokus_2025
    assert all(m == "nej" for i, _, m in fokus_2025 if i != "2")
    # the mål and delmål state their target in the plan's words: never marked
    assert {r[4] for r in rows if r[1] in ("mal", "delmal", "omrade") and r[3] != "saknas"} == {
        "nej"
    }
    # a verdict not written has no mark
    assert {r[4] for r in rows if r[3] == "saknas"} == {None}


def test_certainty_markers_reach_the_workbook() -> None:
    data = _tables(SHIPPED)
    ind = _rows(data["indikatorvarden"], "indikator", "typ", "ar", "varde", "sakerhet", "markering")
    # the report: "Antal områden i Göteborg på polisens lista (alla nivåer), 2025: 8
    # (uppgift i andra hand)"; "Antal nya områden … sedan 2021, 2025: 0 (slutledd)"
    assert (
        "omraden-pa-polisens-lista",
        "utfall",
        2025,
        8,
        "sekundar",
        "uppgift i andra hand",
    ) in ind
    assert ("nya-omraden", "utfall", 2025, 0, "slutledd", "slutledd") in ind
    # a confirmed value has no marker; a count whose levels no source of the police's own
    # confirms has the class ‡ in words (docs/decisions/0500), and a count a source states says
    # whose it is after it, as the report's series does: "2015: 6 (annan källa än polisen,
    # antal enligt Göteborgs-Posten)"
    assert [r for r in ind if r[4] in (None, "bekraftad", "saknas") and r[5] is not None] == []
    ej = [r for r in ind if r[4] == "bekraftad-ej-polisen"]
    assert ej and {r[0] for r in ej} <= {
        "omraden-pa-polisens-lista",
        "sarskilt-utsatta-omraden",
        "riskomraden",
        "utsatta-omraden",
        "nya-omraden",
    }
    # only where the areas leave the count open does the value say whose count it is (0350);
    # the counts stated where the areas give the same number (2017, 2021, 2023) carry their
    # source's class alone (0675)
    assert [r[5] for r in ej if r[5] != "annan källa än polisen"] == [
        "annan källa än polisen, antal enligt Göteborgs-Posten"
    ]
    assert (
        "sarskilt-utsatta-omraden",
        "utfall",
        2015,
        6,
        "bekraftad-ej-polisen",
        "annan källa än polisen, antal enligt Göteborgs-Posten",
    ) in ind
    niva = _rows(data["omradesnivaer"], "omrade", "upplaga", "sakerhet", "markering")
    # Bilaga C: Bergsjön 2015 särskilt utsatt*, 2017 särskilt utsatt‡, 2025 särskilt utsatt†;
    # Rannebergen 2019 utsatt†
    assert ("bergsjon", 2015, "slutledd", "* slutledd") in niva
    assert ("bergsjon", 2017, "bekraftad", "‡ bekräftad i en annan källa än polisen") in niva
    assert ("bergsjon", 2025, "sekundar", "† uppgift i andra hand") in niva
    assert ("rannebergen", 2019, "sekundar", "† uppgift i andra hand") in niva


def test_a_relative_malvarde_without_a_baseline_keeps_its_marker() -> None:
    """sann25 item 7: gymnasiebehörighet's målvärde is half a baseline that is missing, so it
    has no value, but it is slutledd and the report says "halva baslinjen (2025, slutledd)";
    the workbook's markering said nothing. Every målvärde with a sakerhet short of bekräftad
    now has its marker, value or not; an unknown utfall still has none (kommentar says why)."""
    ind = _rows(
        _tables(SHIPPED)["indikatorvarden"],
        "indikator",
        "typ",
        "ar",
        "varde",
        "faktor",
        "sakerhet",
        "markering",
    )
    assert (
        "gymnasiebehorighet-utsatta-omraden",
        "malvarde",
        2025,
        None,
        0.5,
        "slutledd",
        "slutledd",
    ) in ind
    assert [r for r in ind if r[1] == "malvarde" and r[5] == "slutledd" and r[6] is None] == []
    unknown = [r for r in ind if r[1] == "utfall" and r[3] is None]
    assert unknown and {r[6] for r in unknown} == {None}
