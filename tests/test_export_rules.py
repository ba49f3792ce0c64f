"""The export's rules the library and the command line share, and what its cells say: the
format and the output's extension (one rule, :mod:`utsatta.outputformat`), the notice sheet's
pointers, a cut cell's source, voluntary reports, formula injection over every table."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support import illustrativ_notice, real_shipped_data, with_malutfall
from utsatta.compute.completeness import Cell as RCell
from utsatta.compute.completeness import Matrix
from utsatta.compute.coverage import rakning
from utsatta.compute.duties import year_matrix
from utsatta.errors import ArgumentError, UtsattaError
from utsatta.export import FormatMismatch, export, tables, write_csv, write_xlsx
from utsatta.export.cells import clean_text
from utsatta.export.csvfile import BOM, DANGEROUS_PREFIXES, csv_text
from utsatta.export.saknade import rapportering
from utsatta.export.table import Cell, Table
from utsatta.export.xlsxfile import xlsx_bytes
from utsatta.load.dataset import DataSet, load

openpyxl = pytest.importorskip("openpyxl")

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
YEAR = 2023


@pytest.fixture(scope="module")
def fixture_ds() -> DataSet:
    return load(FIXTURE)


# --- 1. the format and the extension: the library follows the command line's rule -------------


@pytest.mark.parametrize(
    ("fmt", "name", "message", "argument"),
    [
        (
            "csv",
            "x.xlsx",
            'fmt="csv" passar inte ihop med {out}: filändelsen .xlsx betyder xlsx, och filen '
            'skulle bli csv under ett namn som lovar något annat. Ange fmt="xlsx", eller byt '
            "filändelse på output.",
            "format",
        ),
        (
            "xlsx",
            "x.CSV",
            'fmt="xlsx" passar inte ihop med {out}: filändelsen .csv betyder csv, och filen '
            'skulle bli xlsx under ett namn som lovar något annat. Ange fmt="csv", eller byt '
            "filändelse på output.",
            "format",
        ),
        (
            "xlsx",
            "x.ods",
            'fmt="xlsx" passar inte ihop med {out}: filändelsen .ods betyder ods, och filen '
            "skulle bli xlsx under ett namn som lovar något annat. Byt filändelse på output.",
            "format",
        ),
        (
            "csv",
            "rapport.html",
            'fmt="csv" passar inte ihop med {out}: filändelsen .html betyder html, och filen '
            "skulle bli csv under ett namn som lovar något annat. Byt filändelse på output.",
            "format",
        ),
        (
            "pdf",
            "x.pdf",
            'Exporten skriver inte formatet fmt="pdf". Ange fmt="csv" eller fmt="xlsx".',
            "format",
        ),
        (
            "docx",
            "x.docx",
            'Exporten skriver inte formatet fmt="docx". Ange fmt="csv" eller fmt="xlsx".',
            "format",
        ),
    ],
)
def test_library_export_refuses_a_format_the_extension_contradicts(
    fixture_ds: DataSet, tmp_path: Path, fmt: str, name: str, message: str, argument: str
) -> None:
    out = tmp_path / name
    with pytest.raises(FormatMismatch) as info:
        export(fixture_ds, YEAR, fmt, out)  # type: ignore[arg-type]
    assert str(info.value) == message.format(out=out)
    assert isinstance(info.value, ArgumentError) and isinstance(info.value, UtsattaError)
    assert info.value.exit_code == 2 and info.value.argument == argument
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_library_writers_refuse_a_name_of_another_format(
    fixture_ds: DataSet, tmp_path: Path
) -> None:
    data = tables(fixture_ds, YEAR)
    with pytest.raises(FormatMismatch, match=r'^fmt="xlsx" passar inte ihop med .*x\.csv: '):
        write_xlsx(data, tmp_path / "x.csv")
    with pytest.raises(FormatMismatch, match=r'^fmt="csv" passar inte ihop med .*x\.xlsx: '):
        write_csv(data, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("csv", "export-2023"),
        ("csv", "export.csv"),
        ("xlsx", "u.xlsx"),
        ("xlsx", "u.XLSX"),
        ("xlsx", "uppfoljning"),
        ("csv", "mapp.2023"),
    ],
)
def test_library_export_writes_when_the_name_agrees(
    fixture_ds: DataSet, tmp_path: Path, fmt: str, name: str
) -> None:
    written = export(fixture_ds, YEAR, fmt, tmp_path / name)  # type: ignore[arg-type]
    assert written and all(p.exists() for p in written)


# --- 2. the notice says where THIS file marks what is illustrative ----------------------------


def _mark_illustrative(paths: list[Path]) -> None:
    for p in paths:
        text = p.read_text(encoding="utf-8")
        assert "\nillustrativ: true\n" not in text
        p.write_text(
            text.replace("\nschemaversion: 1\n", "\nschemaversion: 1\nillustrativ: true\n", 1),
            "utf-8",
        )


def test_notice_points_into_the_file_not_into_the_report(tmp_path: Path) -> None:
    """Many illustrative reports of the year and many indicators: the report points to its own
    sections ("markerade under Källor", "markerade med ”illustrativa värden”"); the export has
    neither and names the tables and the column where its rows are marked. Checked by hand:
    the first four reports of 2025 and the first four indicators (by file name) are marked;
    bedomningar and omradesnivaer come from real files."""
    root = real_shipped_data(tmp_path)
    _mark_illustrative(
        [*sorted(root.glob("rapporter/2025/*.yaml"))[:4], *sorted(root.glob("indikatorer/*"))[:4]]
    )
    ds = load(root)
    data = {t.namn: t for t in tables(ds, 2025)}
    said = dict(data["om_filen"].rows)["Illustrativa uppgifter"]
    assert said == (
        # the report for 2025 shows that year's bedömningar; the export those of every year
        "Exporten bygger på samma data som rapporten för 2025 och dessutom på bedömningarna i "
        "uppföljningarna för 2022–2024 (tabellen bedomningar). Exporten innehåller "
        "illustrativa uppgifter: påhittat innehåll som visar formatet, inte verkliga uppgifter. "
        "Det gäller 4 av 20 rapporter för 2025 och 4 indikatorer. I den här filen har raderna med "
        "sådana uppgifter ja i kolumnen illustrativ, i tabellerna insatsrapporter, "
        "insatsrapporter_omraden, indikatorvarden och indikatorstatus."
    )
    # what it says of the tables holds: those have a row with ja, the others none
    for namn, table in data.items():
        cols = [c.namn for c in table.columns]
        marked = "illustrativ" in cols and any(
            r[cols.index("illustrativ")] == "ja" for r in table.rows
        )
        assert marked == (
            namn
            in {"insatsrapporter", "insatsrapporter_omraden", "indikatorvarden", "indikatorstatus"}
        )
    # the report keeps its own pointers (its sections are there to point to)
    top, _ = illustrativ_notice(root, 2025)
    assert "4 av 20 rapporter för 2025 (markerade under Källor)" in top
    assert "4 indikatorer (markerade med ”illustrativa värden”)" in top


# --- 4. reports not owed: exported, said why, never counted as owed ---------------------------

RAPPORTERING_2023 = [
    # (år, organisation, insats, status, rapportering, rapportering_text): the fixture's 2023,
    # by hand from plan.yaml: 3:1 is under-planperioden (owed in 2025), so Kulturnämndens
    # report on it in 2023 is given before its deadline, required and not yet due (granska18
    # G5); the report's counts are 5 inkomna, 2 saknade, 1 före fristen
    # (tests/golden/report-2023.md)
    (2023, "grundskolenamnden", "1:1", "pagaende", "forvantad", "Förväntad för året"),
    (2023, "kulturnamnden", "1:1", "forsenad", "forvantad", "Förväntad för året"),
    (2023, "socialnamnd-nordost", "1:2", "rapport-saknas", "forvantad", "Förväntad för året"),
    (2023, "kommunstyrelsen", "2:1", "pagaende", "forvantad", "Förväntad för året"),
    (2023, "grundskolenamnden", "2:1", "genomford", "forvantad", "Förväntad för året"),
    (2023, "socialnamnd-nordost", "2:1", "rapport-saknas", "forvantad", "Förväntad för året"),
    (2023, "kulturnamnden", "2:1", "pagaende", "forvantad", "Förväntad för året"),
    (
        2023,
        "kulturnamnden",
        "3:1",
        "pagaende",
        "fore-fristen",
        "Före fristen: återrapportering under planperioden, lämnad innan den förfaller "
        "(fristen planperiodens sista år, slutledd)",
    ),
]
RAPPORTERING_COLS = ["ar", "organisation", "insats", "status", "rapportering", "rapportering_text"]


def test_a_report_before_its_deadline_is_a_row_marked_fore_fristen_in_csv_and_xlsx(
    fixture_ds: DataSet, tmp_path: Path
) -> None:
    export(fixture_ds, YEAR, "csv", tmp_path / "csv")
    export(fixture_ds, YEAR, "xlsx", tmp_path / "x.xlsx")
    with (tmp_path / "csv" / "insatsrapporter.csv").open(encoding="utf-8-sig", newline="") as fh:
        csv_rows = [
            tuple(int(r[c]) if c == "ar" else r[c] for c in RAPPORTERING_COLS)
            for r in csv.DictReader(fh, delimiter=";")
            if r["ar"] == str(YEAR)
        ]
    # in CSV every insats id has the apostrophe that keeps Excel from making it a time (decision
    # 0543); in xlsx it is a text cell without one
    assert csv_rows == [(a, o, "'" + i, *rest) for a, o, i, *rest in RAPPORTERING_2023]
    sheet = list(openpyxl.load_workbook(tmp_path / "x.xlsx")["insatsrapporter"].values)
    head = list(sheet[0])
    xlsx_rows = [
        tuple(r[head.index(c)] for c in RAPPORTERING_COLS)
        for r in sheet[1:]
        if r[head.index("ar")] == YEAR
    ]
    assert xlsx_rows == RAPPORTERING_2023
    # the rows of 2022 (no report came in) are all owed and missing
    rows_2022 = [tuple(r[head.index(c)] for c in RAPPORTERING_COLS) for r in sheet[1:]]
    assert {(r[3], r[4]) for r in rows_2022 if r[0] == 2022} == {("rapport-saknas", "forvantad")}


@pytest.mark.parametrize("root", [FIXTURE, HERE.parent / "data"], ids=["fixture", "data"])
def test_export_counts_are_the_reports_counts_every_year(root: Path) -> None:
    """Every year's rows, by rapportering and status, sum to the report's own counts
    (:func:`utsatta.compute.coverage.rakning`): förväntade = forvantad rows, saknade = the
    *-saknas rows, frivilliga = fore-fristen and ej-kravd rows (none of them ever missing),
    fore_fristen = fore-fristen rows."""
    ds = load(root)
    table = {t.namn: t for t in tables(ds, 2025)}["insatsrapporter"]
    cols = [c.namn for c in table.columns]
    ar_, status, rapp = (cols.index(c) for c in ("ar", "status", "rapportering"))
    years = sorted({r[ar_] for r in table.rows})
    assert years
    for year in years:
        rows = [r for r in table.rows if r[ar_] == year]
        m = year_matrix(ds, year)
        assert m is not None
        rk = rakning(m)
        saknas = [r for r in rows if str(r[status]).endswith("-saknas")]
        assert sum(1 for r in rows if r[rapp] == "forvantad") == rk.forvantade
        assert len(saknas) == rk.saknade
        assert all(r[rapp] == "forvantad" for r in saknas)
        assert sum(1 for r in rows if r[rapp] in ("fore-fristen", "ej-kravd")) == rk.frivilliga
        assert sum(1 for r in rows if r[rapp] == "fore-fristen") == rk.fore_fristen
        assert len(rows) == rk.rader


def test_rapportering_of_a_pair_the_plan_gives_no_part() -> None:
    m = Matrix(
        2023,
        ["1:1", "1:7", "3:1"],
        ["a"],
        {("a", "1:1"): RCell.INKOMMEN, ("a", "1:7"): RCell.INKOMMEN, ("a", "3:1"): RCell.INKOMMEN},
        frozenset({("a", "1:1")}),
        fore_fristen=frozenset({("a", "3:1")}),
    )
    assert rapportering(m, "a", "1:1") == "forvantad"
    assert rapportering(m, "a", "3:1") == "fore-fristen"
    # received, not owed, and not a återrapportering before its deadline (one given already,
    # or an engångsrapportering in another year)
    assert rapportering(m, "a", "1:7") == "ej-kravd"
    assert rapportering(m, "b", "1:1") == "utan-ansvar"
    assert rapportering(None, "a", "1:1") is None


# --- 6. formula injection: every text cell of every table, in CSV and xlsx ---------------------

#: white space an import may trim before it looks for a formula, then the formula's first
#: character: "=", "+", "-", "@", TAB, CR (each also after the others)
LEADS = [
    f"{space}{prefix}"
    for space in ("", " ", "\u00a0", "\u3000", "\u2003", "\n", "\r\n", "\t", " \n \t")
    for prefix in ("=", "+", "-", "@", "\t=", "\r=")
]


def _formulas(table: Table, offset: int) -> Table:
    """``table`` with a formula-like start on every text cell (a different one per cell)."""
    rows = []
    n = offset
    for row in table.rows:
        cells: list[Cell] = []
        for value in row:
            if isinstance(value, str):
                value = LEADS[n % len(LEADS)] + 'HYPERLINK("http://x.invalid";"klicka")' + value
                n += 1
            cells.append(value)
        rows.append(tuple(cells))
    return replace(table, rows=tuple(rows))


def test_no_text_cell_of_any_table_is_a_formula(fixture_ds: DataSet) -> None:
    """om_filen, insatsrapporter with its rapport-saknas rows, insatsrapporter_omraden, ansvar,
    bedomningar, indikatorvarden, indikatorstatus, malutfall (the shipped data's: the fixture
    has no plan's last year), omradesnivaer, kolumner: every text cell begins with a
    formula after white space. In CSV each comes back with an apostrophe first (after the
    cleaning: a TAB is a space, CR a line break); in xlsx each is a text cell holding the text
    and the workbook has no formula at all."""
    original = with_malutfall(tables(fixture_ds, YEAR))
    ix = [c.namn for c in original[1].columns].index
    saknas = [r for r in original[1].rows if r[ix("status")] == "rapport-saknas"]
    # their text cells too
    assert saknas and all(isinstance(r[ix("organisation")], str) for r in saknas)
    data = [_formulas(t, n) for n, t in enumerate(original)]
    assert [t.namn for t in data] == [
        "om_filen",
        "insatsrapporter",
        "insatsrapporter_omraden",
        "ansvar",
        "bedomningar",
        "indikatorvarden",
        "indikatorstatus",
        "malutfall",
        "omradesnivaer",
        "kolumner",
    ]
    assert all(t.rows for t in data)
    texts = 0
    for table in data:
        rows = list(csv.reader(io.StringIO(csv_text(table).removeprefix(BOM)), delimiter=";"))
        for got, row in zip(rows[1:], table.rows, strict=True):
            for cell, value, column in zip(got, row, table.columns, strict=True):
                if not isinstance(value, str):
                    continue
                texts += 1
                # nothing a spreadsheet would compute: an apostrophe first, or (a code or file
                # column, where a TAB or line break is shown as \t, \n) no formula start at all
                assert cell.startswith("'") or not cell.lstrip().startswith(DANGEROUS_PREFIXES)
                if column.slag == "prosa":
                    assert cell.startswith("'"), (table.namn, column.namn, cell[:20])
                    assert cell[1:].lstrip().startswith(DANGEROUS_PREFIXES), cell[:20]
    assert texts > 500
    content = xlsx_bytes(data)
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == len(data)
        for name in sheets:
            assert "<f>" not in z.read(name).decode("utf-8"), name
    book = openpyxl.load_workbook(io.BytesIO(content))
    for table in data:
        ws = book[table.namn]
        for got, row in zip(ws.iter_rows(min_row=2), table.rows, strict=True):
            for cell, value, column in zip(got, row, table.columns, strict=True):
                if isinstance(value, str):
                    assert cell.data_type == "s", (table.namn, column.namn)
                    assert cell.value == clean_text(value, column)
