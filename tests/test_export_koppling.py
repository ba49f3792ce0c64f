"""The export's column ``koppling`` says what each indicator follows up, in ``indikatorvarden``
and ``indikatorstatus`` (granska18c F5: ``fokusomrade`` was empty both for the goal's indicators
and for "Övriga indikatorer", so a reader in Excel could not tell them apart;
docs/decisions/0570-exportens-koppling.md)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.support import SHIPPED
from utsatta.export import export, tables
from utsatta.export.columns import KOPPLING_INDIKATOR, koppling
from utsatta.load.dataset import DataSet, load
from utsatta.render.report.assemble import build

INVANARE = "invanare-i-sarskilt-utsatta-omraden"

#: (fokusomrade, koppling) of each kind of link in data/indikatorer, by hand from the files
EXPECTED = {
    "omraden-pa-polisens-lista": ("", "mal"),  # mal: mal
    "sarskilt-utsatta-omraden": ("", "delmal"),  # mal: inga-sarskilt-utsatta
    "nya-omraden": ("", "delmal"),  # mal: inga-nya-omraden
    "riskomraden": ("", "underlag"),  # underlag_for: [utvecklingen-vand]
    "utsatta-omraden": ("", "underlag"),
    "skolan-som-arena-tackning": ("1", "fokusomrade"),
    "valdeltagande-kommunval-goteborg": ("3", "fokusomrade"),
    INVANARE: ("", "ovrig"),  # none of the three (decision 0556)
}


@pytest.fixture(scope="module")
def csv_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("koppling") / "export"
    export(load(SHIPPED), 2025, "csv", out)
    return out


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


@pytest.mark.parametrize("table", ["indikatorvarden", "indikatorstatus"])
def test_the_csv_rows_say_what_each_indicator_follows_up(csv_out: Path, table: str) -> None:
    rows = _csv(csv_out / f"{table}.csv")
    header = list(rows[0])
    assert header.index("koppling") == header.index("fokusomrade") + 1
    for ind, expected in EXPECTED.items():
        mine = {(r["fokusomrade"], r["koppling"]) for r in rows if r["indikator"] == ind}
        assert mine == {expected}, (table, ind)
    # the population indicator and the goal's: the same empty fokusomrade, told apart
    pop = next(r for r in rows if r["indikator"] == INVANARE)
    goal = next(r for r in rows if r["indikator"] == "sarskilt-utsatta-omraden")
    assert pop["fokusomrade"] == goal["fokusomrade"] == ""
    assert (pop["koppling"], goal["koppling"]) == ("ovrig", "delmal")
    # every row has a code of the five
    assert {r["koppling"] for r in rows} == {"mal", "delmal", "underlag", "fokusomrade", "ovrig"}


def test_the_xlsx_sheets_have_the_same_cells(tmp_path: Path) -> None:
    path = tmp_path / "e.xlsx"
    export(load(SHIPPED), 2025, "xlsx", path)
    book = openpyxl.load_workbook(path)
    for name in ("indikatorvarden", "indikatorstatus"):
        ws = book[name]
        header = [c.value for c in ws[1]]
        at = {n: header.index(n) for n in ("indikator", "fokusomrade", "koppling")}
        got = {
            (r[at["indikator"]], r[at["fokusomrade"]], r[at["koppling"]])
            for r in ws.iter_rows(min_row=2, values_only=True)
        }
        for ind, (fokus, kod) in EXPECTED.items():
            assert {(f, k) for i, f, k in got if i == ind} == {(fokus or None, kod)}, (name, ind)


def test_kolumner_describes_the_column_and_every_code(csv_out: Path) -> None:
    rows = _csv(csv_out / "kolumner.csv")
    described = {(r["tabell"], r["kolumn"]): r["beskrivning"] for r in rows}
    for table in ("indikatorvarden", "indikatorstatus"):
        text = described[(table, "koppling")]
        assert text == KOPPLING_INDIKATOR
        for code in ("mal (", "delmal (", "underlag (", "fokusomrade (", "ovrig ("):
            assert code in text
        assert "”Övriga indikatorer”" in text
        # and the empty fokusomrade points to it
        assert described[(table, "fokusomrade")].endswith("Vilket av dem: se kolumnen koppling.")


def test_the_code_follows_the_reports_headings() -> None:
    """The code says what the report's place of the indicator says: ovrig under "Övriga
    indikatorer", mal/delmal/underlag without a fokusområde under the goal's indicators,
    fokusomrade under its fokusområde (the one link of decision 0556)."""
    ds = load(SHIPPED)
    view = build(ds, 2025)
    by_id = {s.model.id: s.model for s in ds.indikatorer if s.model is not None}
    ovriga = {v.id for v in view.sammanfattning.ovriga_indikatorer}
    malets = {v.id for v in view.sammanfattning.mal_indikatorer}
    fokus = {v.id for f in view.fokusomraden for v in f.indikatorer}
    assert {i for i, m in by_id.items() if koppling(m) == "ovrig"} == ovriga == {INVANARE}
    assert {i for i, m in by_id.items() if koppling(m) in ("mal", "delmal", "underlag")} == malets
    assert {i for i, m in by_id.items() if koppling(m) == "fokusomrade"} == fokus


def test_a_goal_decided_by_an_indicator_of_a_fokusomrade(tmp_path: Path) -> None:
    """'mal' (or 'underlag_for') decides the code before the fokusområde, which its own column
    still shows: the link to the goal is never hidden by the fokusområde."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    f = data / "indikatorer" / "riskomraden.yaml"
    text = f.read_text(encoding="utf-8")
    assert text.count("\nunderlag_for: [utvecklingen-vand]\n") == 1
    f.write_text(
        text.replace(
            "\nunderlag_for: [utvecklingen-vand]\n",
            '\nunderlag_for: [utvecklingen-vand]\nfokusomrade: "2"\n',
        ),
        encoding="utf-8",
    )
    ds: DataSet = load(data)
    t = {x.namn: x for x in tables(ds, 2025)}["indikatorstatus"]
    names = [c.namn for c in t.columns]
    rows = [dict(zip(names, r, strict=True)) for r in t.rows]
    assert {(r["fokusomrade"], r["koppling"]) for r in rows if r["indikator"] == "riskomraden"} == {
        ("2", "underlag")
    }
    model = next(
        s.model for s in ds.indikatorer if s.model and s.model.id == "sarskilt-utsatta-omraden"
    )
    assert koppling(model.model_copy(update={"fokusomrade": "2"})) == "delmal"
    assert koppling(model.model_copy(update={"mal": "mal", "underlag_for": ["x"]})) == "mal"
