"""A value keeps the decimals its file wrote when they end in zero: the source's 46,0 % is not
shown as "46 %" beside 44,5 and 51,5 (docs/decisions/0669). A computed value, and a value
written without trailing zeros, are shown as before."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from tests.support import SHIPPED
from utsatta import load
from utsatta.export.csvfile import csv_text, number_text
from utsatta.export.table import Column, Table
from utsatta.export.xlsxfile import xlsx_bytes
from utsatta.load.scalars import resolve_plain
from utsatta.numbers import WrittenFloat
from utsatta.render.labels import decimaler, varde

openpyxl = pytest.importorskip("openpyxl")


@pytest.mark.parametrize(
    ("text", "decimals"),
    [
        ("46.0", 1),
        ("81.050", 3),
        ("-0.0", 1),
        ("100.00", 2),
        ("+7.10", 2),
        ("0.123456789012340", 15),
        # bounded: never a thousand zeros in a CSV cell or an xlsx number format
        ("46." + "0" * 1000, 15),
    ],
)
def test_trailing_zeros_are_kept(text: str, decimals: int) -> None:
    value = resolve_plain(text)
    assert type(value) is WrittenFloat
    assert (value, value.decimals) == (float(text), decimals)
    assert len(number_text(value)) <= 18


@pytest.mark.parametrize("text", ["81.05", "46.", "4.60e1", "46", ".5", "1e3"])
def test_other_numbers_are_plain(text: str) -> None:
    assert type(resolve_plain(text)) in (float, int)


def _bergsjon_2014() -> float:
    ds = load(SHIPPED)
    (ind,) = [s.model for s in ds.indikatorer if s.model and s.model.id.startswith("valdeltag")]
    (value,) = [u.varde for u in ind.utfall if u.omrade == "bergsjon" and u.ar == 2014]
    return value


def test_the_model_keeps_what_the_loader_read() -> None:
    value = _bergsjon_2014()  # data/indikatorer/valdeltagande-kommunval-goteborg.yaml: 46.0
    assert type(value) is WrittenFloat
    assert value.decimals == 1
    assert varde(value, "procent") == "46,0\u00a0%"
    # arithmetic on it is a computed number, shown with the decimals it needs
    assert type(value + 0.5) is float
    assert varde(value + 0.0, "procent") == "46\u00a0%"
    assert varde(float("81.05"), "procent") == "81,05\u00a0%"


def test_the_report_cap_still_holds() -> None:
    value = resolve_plain("81.050")
    assert decimaler(value) == 2
    assert varde(value, "procent") == "81,05\u00a0%"


def _table(values: tuple[float, ...]) -> Table:
    return Table(
        "indikatorvarden",
        "Prov.",
        (Column("ar", "heltal", "År."), Column("varde", "tal", "Värdet.")),
        tuple((2010 + i, v) for i, v in enumerate(values)),
    )


def test_csv_and_xlsx_write_the_decimals_the_file_wrote() -> None:
    values = (resolve_plain("46.0"), resolve_plain("81.050"), 46.0, 44.5)
    assert [number_text(v) for v in values] == ["46,0", "81,050", "46", "44,5"]
    # only the zeros the file wrote are added: never a digit of the float's binary noise, and
    # never a "-0,0" (adv26)
    assert number_text(resolve_plain("99.12345678901230")) == "99,12345678901230"
    assert number_text(resolve_plain("-0.0")) == "0,0"
    assert number_text(resolve_plain("0.000010")) == "0,000010"
    assert csv_text(_table(values)).splitlines()[1:] == [
        "2010;46,0",
        "2011;81,050",
        "2012;46",
        "2013;44,5",
    ]
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([_table(values)])))["indikatorvarden"]
    cells = [(ws[f"B{r}"].value, ws[f"B{r}"].number_format) for r in range(2, 6)]
    # the value stays exact; only how Excel shows it follows the file
    assert cells == [(46, "0.0"), (81.05, "0.000"), (46, "General"), (44.5, "General")]


def test_xlsx_writes_a_negative_zero_as_0() -> None:
    """-0.0 (a file's ``-0.0``, a computed one) is the cell value 0, not ``-0``, as the CSV
    writes "0,0" and "0"; the written decimals still choose the cell's format."""
    values = (resolve_plain("-0.0"), -0.0, 0.0, -1.5)
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([_table(values)]))) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    cells = re.findall(r'<c r="(B[2-5])"(?: s="(\d+)")?[^>]*><v>([^<]*)</v></c>', sheet)
    styles = [s for _, s, _ in cells]
    assert [(ref, v) for ref, _, v in cells] == [
        ("B2", "0"),
        ("B3", "0"),
        ("B4", "0"),
        ("B5", "-1.5"),
    ]
    assert styles[0] != styles[1] == styles[2] == styles[3]  # B2 with one decimal (0,0)
    assert [number_text(v) for v in values] == ["0,0", "0", "0", "-1,5"]


def test_the_shipped_export_shows_bergsjon_2014_as_written(tmp_path: Path) -> None:
    from utsatta import write_export

    out = tmp_path / "e.xlsx"
    write_export(load(SHIPPED), 2025, "xlsx", out)
    ws = openpyxl.load_workbook(out)["indikatorvarden"]
    head = [c.value for c in ws[1]]
    rows = [
        r
        for r in ws.iter_rows(min_row=2)
        if r[head.index("omrade")].value == "bergsjon" and r[head.index("ar")].value == 2014
    ]
    (row,) = rows
    cell = row[head.index("varde")]
    assert (cell.value, cell.number_format) == (46, "0.0")
