"""The export's table ``ansvar``: who held each insats each year, from the same duties as the
report (compute.responsibility.Duties), read back from xlsx and CSV with exact rows from the
shipped data (fakta.md §6: Lokalnämnden → Stadsfastighetsnämnden at the turn of 2022/2023,
slutledd; Nämnden för konsument- och medborgarservice → Nämnden för demokrati och
medborgarservice, bekräftad, its last day chosen)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from utsatta.compute.duties import duties_of
from utsatta.export import export, tables
from utsatta.load.dataset import DataSet, load

openpyxl = pytest.importorskip("openpyxl")

HERE = Path(__file__).parent
SHIPPED = HERE.parent / "data"
FIXTURE = HERE / "fixtures" / "report-data"

HEADER = (
    "illustrativ",
    "ar",
    "insats",
    "insats_titel",
    "organisation",
    "organisation_namn",
    "roll",
    "grund",
    "sakerhet",
    "eftertradare_till",
    "overtagen",
    "overtagen_sakerhet",
    "rapport_forvantad",
    "kallfil",
)
T22 = (
    "Underhåll i grundskolors och förskolors lokaler och utemiljöer i utsatta områden ska "
    "prioriteras"
)
T31 = "Medborgarkontor och/eller bibliotek ska finnas i alla utsatta områden"
FILES = "plan.yaml, organisationer.yaml"
#: (ar, insats, organisation) → the whole row as the workbook holds it
EXPECTED: dict[tuple[int, str, str], tuple[object, ...]] = {
    (2022, "2:2", "lokalnamnden"): (
        "nej", 2022, "2:2", T22, "lokalnamnden", "Lokalnämnden", "samordningsansvar, ansvar",
        "planen", "bekraftad", None, None, None, "ja", FILES,
    ),
    (2023, "2:2", "stadsfastighetsnamnden"): (
        "nej", 2023, "2:2", T22, "stadsfastighetsnamnden", "Stadsfastighetsnämnden",
        "samordningsansvar, ansvar", "efterträdare till Lokalnämnden", "slutledd",
        "lokalnamnden", "2023-01-01", "bekraftad", "ja", FILES,
    ),
    (2023, "3:1", "demokrati-och-medborgarservice"): (
        "nej", 2023, "3:1", T31, "demokrati-och-medborgarservice",
        "Nämnden för demokrati och medborgarservice", "samordningsansvar, ansvar",
        "efterträdare till Nämnden för konsument- och medborgarservice", "bekraftad",
        "konsument-och-medborgarservice", "2021-11-01", "slutledd", "ja", FILES,
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> DataSet:
    return load(SHIPPED)


def _keyed(
    rows: list[tuple[object, ...]],
) -> dict[tuple[object, object, object], tuple[object, ...]]:
    return {(r[1], r[2], r[4]): r for r in rows}


def test_xlsx_exact_rows(shipped: DataSet, tmp_path: Path) -> None:
    path = tmp_path / "e.xlsx"
    export(shipped, 2023, "xlsx", path)
    sheet = openpyxl.load_workbook(path)["ansvar"]
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    got = _keyed(rows[1:])
    for key, row in EXPECTED.items():
        assert got[key] == row
    # a ceased organisation has no row after it ceased, its successor none before it started
    assert (2023, "2:2", "lokalnamnden") not in got
    assert (2022, "2:2", "stadsfastighetsnamnden") not in got
    # every cell of the sheet is a value, never a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_csv_exact_rows(shipped: DataSet, tmp_path: Path) -> None:
    export(shipped, 2023, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "ansvar.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = [tuple(r) for r in csv.reader(fh, delimiter=";")]
    assert rows[0] == HEADER
    got = _keyed(rows[1:])
    # the insats id and the day of overtagen with the apostrophe that keeps Excel from making
    # them a time and a date (decision 0543)
    typed = {HEADER.index("insats"), HEADER.index("overtagen")}
    for (ar, insats, org), row in EXPECTED.items():
        as_text = tuple(
            "" if v is None else ("'" if i in typed else "") + str(v) for i, v in enumerate(row)
        )
        assert got[(str(ar), "'" + insats, org)] == as_text


def test_rows_are_the_reports_duties_in_its_order(shipped: DataSet) -> None:
    """Exactly the organisations that hold each insats each year (Duties.responsible: the
    report's list, samordningsansvar first), by plan order of insatser, then years; and only
    the years up to the export's."""
    t = next(t for t in tables(shipped, 2023) if t.namn == "ansvar")
    duties = duties_of(shipped)
    assert duties is not None and shipped.plan is not None and shipped.plan.model is not None
    want = [
        (ar, ins.id, org)
        for ins in shipped.plan.model.insatser
        for ar in (2022, 2023)
        for org in duties.responsible(ins.id, ar)
    ]
    assert [(r[1], r[2], r[4]) for r in t.rows] == want
    # a återrapportering under planperioden is not owed before the plan's last year
    assert {r[12] for r in t.rows if r[2] == "1:4"} == {"nej"}
    kolumner = next(t for t in tables(shipped, 2023) if t.namn == "kolumner")
    assert [r[1] for r in kolumner.rows if r[0] == "ansvar"] == list(HEADER)


def test_a_formula_name_is_text_in_both_formats(tmp_path: Path) -> None:
    """An organisation's name from the data is a text cell: a formula stays text (an
    apostrophe first in CSV, a text cell in xlsx), by the export's one cell rule."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    orgs = root / "organisationer.yaml"
    orgs.write_text(
        orgs.read_text("utf-8").replace("namn: Kommunstyrelsen", 'namn: "=HYPERLINK(\\"x\\")"', 1),
        "utf-8",
    )
    export(load(root), 2023, "xlsx", tmp_path / "e.xlsx")
    export(load(root), 2023, "csv", tmp_path / "csv")
    sheet = openpyxl.load_workbook(tmp_path / "e.xlsx")["ansvar"]
    cells = [r[5] for r in sheet.iter_rows(min_row=2) if r[4].value == "kommunstyrelsen"]
    assert len(cells) == 2  # 2:1 in 2022 and 2023
    assert all(c.value == '=HYPERLINK("x")' and c.data_type == "s" for c in cells)
    with (tmp_path / "csv" / "ansvar.csv").open(encoding="utf-8-sig", newline="") as fh:
        names = [r[5] for r in csv.reader(fh, delimiter=";") if r[4] == "kommunstyrelsen"]
    assert names == ['\'=HYPERLINK("x")'] * 2
