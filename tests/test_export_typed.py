"""Ids that Excel would turn into a time, a date or a number arrive as text (granska17 F-i,
decision 0543): in CSV with the leading apostrophe, in xlsx as text cells."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest

from utsatta.export import export, tables
from utsatta.export.csvfile import BOM, csv_text, excel_text, typed_by_excel
from utsatta.export.table import Column, Table
from utsatta.export.xlsxfile import xlsx_bytes
from utsatta.load.dataset import DataSet, load

openpyxl = pytest.importorskip("openpyxl")

SHIPPED = Path(__file__).parent.parent / "data"

#: what Excel (Swedish settings) makes of a cell opened with a double click, written here
#: independently of the code: a time (H:M, H:M:S), a date (Y-M-D, D/M, M/Y, D.M.Y …), a number
#: with a leading zero, a fraction
EXCEL_TYPED = (
    re.compile(r"\d{1,2}\s*:\s*\d{1,2}(\s*:\s*\d{1,2})?"),
    re.compile(r"\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?"),
    re.compile(r"0\d+"),
    re.compile(r"\d+ \d+/\d+"),
)


@pytest.fixture(scope="module")
def shipped() -> DataSet:
    return load(SHIPPED)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), delimiter=";"))


@pytest.mark.parametrize("year", [2023, 2025])
def test_no_unguarded_time_or_date_in_any_csv_text_cell(shipped: DataSet, year: int) -> None:
    """Every text cell of every table of the shipped data's export: none that Excel would make
    a time or a date is written without the apostrophe; every insats id has it."""
    insats = 0
    for table in tables(shipped, year):
        rows = _rows(csv_text(table))
        assert rows[0] == [c.namn for c in table.columns]
        for got, row in zip(rows[1:], table.rows, strict=True):
            for cell, value, column in zip(got, row, table.columns, strict=True):
                if not isinstance(value, str):
                    continue
                typed = any(p.fullmatch(cell.strip()) for p in EXCEL_TYPED)
                assert not typed, (table.namn, column.namn, cell)
                if column.namn == "insats":
                    assert re.fullmatch(r"'\d:\d{1,2}", cell), (table.namn, cell)
                    assert cell == "'" + value
                    insats += 1
                elif column.namn == "overtagen" and value:
                    assert cell == "'" + value
    # ansvar, insatsrapporter and insatsrapporter_omraden all have the column
    assert insats > (2000 if year == 2025 else 500)


def test_xlsx_ids_are_text_cells_without_apostrophe(shipped: DataSet, tmp_path: Path) -> None:
    path = tmp_path / "e.xlsx"
    export(shipped, 2025, "xlsx", path)
    book = openpyxl.load_workbook(path)
    seen = 0
    for name in ("insatsrapporter", "insatsrapporter_omraden", "ansvar"):
        ws = book[name]
        col = [c.value for c in ws[1]].index("insats")
        for cell in next(ws.iter_cols(min_col=col + 1, max_col=col + 1, min_row=2)):
            assert cell.data_type == "s", (name, cell.coordinate)
            assert re.fullmatch(r"\d:\d{1,2}", str(cell.value)), (name, cell.value)
            seen += 1
    assert seen > 2000


@pytest.mark.parametrize(
    "text",
    ["2:1", "1:10", " 3:3 ", "12:30:05", "2024-03-01", "2024-03", "1/2", "3.4.2024", "007",
     "1e5", "1E+05", "3 maj", "maj-3", "1-jan", "Sant", "FALSKT", "true", "3 pm", "50 %", "1,5",
     "(5)", "1 000", "12345678901234567", "2021-11-01, 2023-01-01",
     "1\u00a0000", "1\u202f000", "123456789012",
     # error values (granska19 F4, decision 0579), English and Swedish Excel's, any case
     "#N/A", "#n/a", " #DIV/0! ", "#NAME?", "#VALUE!", "#REF!", "#NUM!", "#NULL!", "#SPILL!",
     "#SAKNAS!", "#saknas!", "#DIVISION/0!", "#VÄRDEFEL!", "#REFERENS!", "#NAMN?",
     "#OGILTIGT!", "#SKÄRNING!",
     # amounts
     "5 kr", "100 kr", "1 000 kr", "$5", "5 €", "£3"],
)  # fmt: skip
def test_typed_by_excel(text: str) -> None:
    assert typed_by_excel(text)
    assert excel_text(text) == "'" + text


@pytest.mark.parametrize(
    "text",
    ["", "12", "0", "2025", "12345678901", "bergsjon", "omrade-3", "rapporter/2023/higab.yaml",
     "Pågående", "2022–2025", "79,2 % (2014)", "0 (2025)", "dec", "a", "socialnamnd-nordost",
     "2:1 och 2:2", "'2:1", "2:1)",
     # a '#' that is no error value, a currency word without a number
     "#1", "#N/A och mer", "#", "kr", "€", "5 SEK"],
)  # fmt: skip
def test_not_typed_by_excel(text: str) -> None:
    """Kept as it is: a plain integer (Excel reads the same number), a word, a text Excel keeps."""
    assert not typed_by_excel(text)
    assert excel_text(text) == text


def test_a_formula_gets_one_apostrophe() -> None:
    """The two rules share the apostrophe: never two."""
    assert excel_text("-2:1") == "'-2:1"
    assert excel_text("+1") == "'+1"
    table = Table("t", "T.", (Column("insats", "text", "Id.", slag="id"),), (("1:3",), ("=1",)))
    assert _rows(csv_text(table))[1:] == [["'1:3"], ["'=1"]]


# every character NFKC makes a formula sign, found by NFKC itself over all of Unicode (written
# here as the review found them, not taken from the code's rule)
NFKC_FORMS = ["\ufe66", "\ufe62", "\ufe63", "\ufe6b", "\u207c", "\u207a", "\u208c", "\u208a",
              "\ufb29", "\u2a75", "\u2a76", "\uff1d", "\uff0b", "\uff0d", "\uff20"]  # fmt: skip


@pytest.mark.parametrize("sign", NFKC_FORMS)
def test_every_nfkc_form_of_a_formula_sign_gets_the_apostrophe(sign: str) -> None:
    """granska19 F5: the hand list of full-width forms missed the small forms and the super-
    and subscripts, which the same normalisation makes '=', '+', '-' or '@'."""
    assert excel_text(sign + "1+1") == "'" + sign + "1+1"
    assert excel_text(" \u00ad" + sign + "SUM(A1)") == "' \u00ad" + sign + "SUM(A1)"


def test_the_nfkc_forms_are_all_there_are() -> None:
    """The list above is every code point whose NFKC form starts with a formula sign, so the
    test above covers the whole class (it fails if Unicode adds one: then add it there)."""
    import sys
    import unicodedata

    found = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF
        and chr(c) not in "=+-@"
        and unicodedata.normalize("NFKC", chr(c))[:1] in ("=", "+", "-", "@")
    ]
    assert sorted(found) == sorted(NFKC_FORMS)


def _ignored(sheet_xml: str) -> list[tuple[str, int, int]]:
    """The ranges of the sheet's <ignoredError numberStoredAsText="1">, as (column, first row,
    last row), read from the XML: openpyxl does not read them."""
    got = []
    for attrs in re.findall(r"<ignoredError ([^>]*)/>", sheet_xml):
        if 'numberStoredAsText="1"' not in attrs:
            continue
        sqref = re.search(r'sqref="([^"]*)"', attrs)
        assert sqref
        for part in sqref.group(1).split():
            m = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", part)
            assert m, part
            assert m.group(1) == m.group(3), part  # one column per range
            got.append((m.group(1), int(m.group(2)), int(m.group(4))))
    return got


def test_xlsx_digits_as_text_are_not_marked_by_excel(shipped: DataSet, tmp_path: Path) -> None:
    """granska18 G10: a text cell of digits ("1" in fokusomrade) gets Excel's green mark
    "Talet är lagrat som text" unless the sheet ignores that error over it. Every such cell of
    the shipped export lies in a range the sheet's XML ignores; number cells are not text."""
    path = tmp_path / "e.xlsx"
    export(shipped, 2025, "xlsx", path)
    book = openpyxl.load_workbook(path)
    number = re.compile(r"\s*[-+]?\d+([.,]\d+)?\s*")
    covered = 0
    with zipfile.ZipFile(path) as z:
        for n, name in enumerate(book.sheetnames, start=1):
            ranges = _ignored(z.read(f"xl/worksheets/sheet{n}.xml").decode("utf-8"))
            for row in book[name].iter_rows(min_row=2):
                for cell in row:
                    if cell.data_type != "s" or not number.fullmatch(str(cell.value)):
                        continue
                    assert any(
                        cell.column_letter == col and first <= cell.row <= last
                        for col, first, last in ranges
                    ), (name, cell.coordinate, cell.value)
                    covered += 1
    # fokusomrade in insatsrapporter 360, indikatorvarden 40, indikatorstatus 52, del_id 12
    assert covered >= 464


def test_xlsx_ignores_the_mark_only_over_text_columns(tmp_path: Path) -> None:
    """The exact ranges for a small table: the two text columns' data rows, not the number
    column, not the header."""

    table = Table(
        "t",
        "T.",
        (
            Column("fokusomrade", "text", "Id.", slag="id"),
            Column("ar", "heltal", "År."),
            Column("namn", "text", "Namn."),
        ),
        (("1", 2023, "12"), ("2", 2024, "a")),
    )
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([table]))) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<ignoredErrors><ignoredError sqref="A2:A3 C2:C3" numberStoredAsText="1"/>' in sheet
