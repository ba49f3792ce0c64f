"""How sure a value is follows the value wherever it is shown (review varld 6, 8): one rule
(``compute.indicators.markering``) for the report's sections, ``utsatta indikatorer``, the chart
and the export; a målvärde inferred from the plan is slutledd, never bekräftad."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from utsatta.compute.indicators import evaluate, markering, med_ar, med_markering
from utsatta.export.tables import tables
from utsatta.load.dataset import DataSet, load
from utsatta.render import overview_indicators
from utsatta.render.report import build, render

SHIPPED = Path(__file__).resolve().parents[1] / "data"
INFERRED = (
    "gymnasiebehorighet-utsatta-omraden",
    "skolan-som-arena-tackning",
    "utokad-timplan-tackning",
    "medborgarkontor-bibliotek-tackning",
)


@pytest.fixture(scope="module")
def ds() -> DataSet:
    return load(SHIPPED)


@pytest.fixture(scope="module")
def md(ds: DataSet) -> str:
    return render(build(ds, 2025), "md")


def test_the_rule() -> None:
    assert markering("sekundar") == "uppgift i andra hand"
    assert markering("slutledd") == "slutledd"
    assert markering("saknas") == "källa saknas"
    assert markering("bekraftad") == "" and markering(None) == ""
    assert med_ar("8", 2025, "sekundar") == "8 (2025, uppgift i andra hand)"
    assert med_ar("0", 2021, None) == "0 (2021)"
    assert med_markering("9", "slutledd") == "9 (slutledd)"


def test_section_2_and_bilaga_d_mark_second_hand_values(md: str) -> None:
    # section 2 (Senaste | Målvärde | Status)
    assert (
        "| Antal områden i Göteborg på polisens lista (alla nivåer) | 8 (2025, uppgift i "
        "andra hand) | 0 (2025) | [Målet ej uppnått (uppgift i andra hand)]"
    ) in md
    assert "| Antal särskilt utsatta områden i Göteborg | 4 (2025, uppgift i andra hand) |" in md
    # bilaga D (Baslinje | Senaste | Målvärde | Framsteg | Status)
    assert (
        "| Antal särskilt utsatta områden i Göteborg | 5 (2021, annan källa än polisen, "
        "tolkning) | 4 (2025, uppgift i andra hand) | 0 (2025) | "
        "20\u00a0%\u00a0av\u00a0vägen |"
    ) in md
    assert (
        "| Antal nya områden i Göteborg på polisens lista sedan 2021 | 0 (2021, tolkning) | 0 "
        "(2025, "
        "slutledd) | 0 (2025) |"
    ) in md
    assert "| 8 (2025) |" not in md and "| 4 (2025) |" not in md
    # bilaga C, the series
    assert ("2023: 4 (annan källa än polisen); 2025: 4 (uppgift i andra hand) |") in md


def test_utsatta_indikatorer_marks_them(ds: DataSet) -> None:
    text = " ".join(overview_indicators.indicators_text(ds, 2025).split())
    assert "4 (2025, uppgift i" in text and "andra hand)" in text
    assert "100 % (2025, slutledd)" in text


def _rows(ds: DataSet, ind: str) -> list[dict[str, object]]:
    t = next(t for t in tables(ds, 2025) if t.namn == "indikatorvarden")
    names = [c.namn for c in t.columns]
    rows = [dict(zip(names, r, strict=True)) for r in t.rows]
    return [r for r in rows if r["indikator"] == ind]


def test_export_carries_the_certainty_and_the_unknown_years(ds: DataSet) -> None:
    rows = {(r["typ"], r["ar"]): r for r in _rows(ds, "sarskilt-utsatta-omraden")}
    assert rows[("utfall", 2025)]["sakerhet"] == "sekundar"
    # as sure as every level of the edition (docs/decisions/0666) where the areas are counted:
    # Hisings Backa's utsatt 2019 is inferred
    assert rows[("utfall", 2019)]["sakerhet"] == "slutledd"
    assert rows[("utfall", 2019)]["markering"] == "slutledd"
    # as sure as its source where a source states the count (0675): Göteborgs Stad 2023,
    # Framtiden 2021, neither the police's own publication
    assert rows[("utfall", 2023)]["sakerhet"] == "bekraftad-ej-polisen"
    assert rows[("utfall", 2023)]["markering"] == "annan källa än polisen"
    assert rows[("utfall", 2023)]["kalla_id"] == "goteborg-statistik-utsatta-omraden"
    assert rows[("baslinje", 2021)]["sakerhet"] == "bekraftad-ej-polisen"
    assert rows[("baslinje", 2021)]["markering"] == "annan källa än polisen"
    risk = {(r["typ"], r["ar"]): r for r in _rows(ds, "riskomraden")}
    unknown = risk[("utfall", 2025)]
    assert (unknown["varde"], unknown["sakerhet"]) == (None, "saknas")
    assert unknown["kommentar"] == (
        "Värdet är okänt: polisens nivå är okänd för Biskopsgården, Gårdsten, "
        "Tynnered/Grevegården/Opaltorget och Hisings Backa."
    )
    assert risk[("utfall", 2023)]["varde"] == 2


@pytest.mark.parametrize("ind", INFERRED)
def test_inferred_malvarden_are_slutledd_everywhere(ds: DataSet, ind: str) -> None:
    res = next(r for r in evaluate(ds, 2025) if r.indikator.id == ind)
    assert res.malvarde_sakerhet == "slutledd"
    assert res.as_dict()["malvarde_sakerhet"] == "slutledd"
    (row,) = [r for r in _rows(ds, ind) if r["typ"] == "malvarde"]
    assert row["sakerhet"] == "slutledd"


def test_the_report_says_the_malvarde_is_inferred(md: str) -> None:
    assert "| halva baslinjen (2025, slutledd) |" in md
    assert "- Målvärde 2025 (halva baslinjen, slutledd): Härlett ur uppdraget" in md
    assert md.count("| 100\u00a0% (2025, slutledd) |") >= 3 * 2  # section 3 and bilaga D


def test_a_status_against_an_inferred_malvarde_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    p = data / "indikatorer" / "skolan-som-arena-tackning.yaml"
    text = p.read_text(encoding="utf-8").replace(
        "saknas:\n  orsak:",
        "baslinje: {ar: 2021, varde: 40, kalla: handlingsplan-5dok}\n"
        "utfall:\n  - {ar: 2025, varde: 100, kalla: handlingsplan-5dok}\n"
        "kommentar: |-\n  Syntetiskt test.\nx_saknas:\n  orsak:",
    )
    # drop the saknas block (values are given now)
    text = text[: text.index("x_saknas:")]
    p.write_text(text, encoding="utf-8")
    md = render(build(load(data), 2025), "md")
    assert "Målet uppnått (målvärdet: slutledd)" in md
