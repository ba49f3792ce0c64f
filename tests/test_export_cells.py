"""Every exported cell is safe and every value either fits or is said: controls and bidi
characters never reach a CSV file or a workbook, a text too long for an Excel cell is cut with
a visible marker and a note, and a value no format can hold is a Swedish error, never a
traceback (docs/decisions/0108-export-cells.md)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support import with_malutfall
from utsatta.escape import identifier, prose
from utsatta.export import CellError, Column, Table, export, tables
from utsatta.export.csvfile import BOM, DANGEROUS_PREFIXES, csv_text
from utsatta.export.xlsxfile import MAX_CELL, xlsx_book, xlsx_bytes
from utsatta.load.dataset import load

openpyxl = pytest.importorskip("openpyxl")

FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
YEAR = 2023
#: what must never be written: C0 controls but tab and LF (CR only in CSV's own CRLF), DEL, C1,
#: bidi embeddings, overrides and isolates, line and paragraph separators
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
#: a terminal hyperlink, a screen clear, NUL, BEL, DEL, C1 CSI, NEL, RLO, LRI, LS, ZWSP, BOM
HOSTILE = (
    "\x1b]8;;https://evil.example/\x07klicka\x1b]8;;\x07\x1b[2J\x00\x7f\x9b31m\x85"
    "\u202e\u2066\u2028\u200b\ufeff"
)

#: controls in front of a formula: removing them must not uncover it
LEAD = "\x00\u202e\x1b=1+1"


def plain(value: str) -> str:
    """A prose cell as written: :func:`prose`, hard spaces plain (decision 0405)."""
    return prose(value).replace("\u00a0", " ").replace("\u202f", " ")


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), delimiter=";"))


def _hostile(table: Table) -> Table:
    """The table with HOSTILE before every text cell, in every column (and a formula after)."""
    rows = tuple(
        tuple(LEAD + HOSTILE + v if isinstance(v, str) else v for v in row) for row in table.rows
    )
    return replace(table, rows=rows)


@pytest.fixture(scope="module")
def hostile_tables() -> list[Table]:
    data = [_hostile(t) for t in with_malutfall(tables(load(FIXTURE), YEAR))]
    # every table has rows, so every column of every table is tried
    assert all(t.rows for t in data)
    return data


def test_every_csv_cell_of_every_table_is_clean(hostile_tables: list[Table]) -> None:
    for table in hostile_tables:
        text = csv_text(table)
        body = text.removeprefix(BOM).replace("\r\n", "\n")
        assert not UNSAFE.findall(body), table.namn
        rows = _csv_rows(text)
        for row, original in zip(rows[1:], table.rows, strict=True):
            for cell, value, column in zip(row, original, table.columns, strict=True):
                if not isinstance(value, str):
                    continue
                if column.slag == "id":
                    # made visible, so a file name stays findable: starts with a backslash
                    assert cell == identifier(value)
                    assert cell.startswith("\\x00<U+202E>\\x1b=1+1\\x1b]8;;https://evil")
                    assert "<U+202E>" in cell
                else:
                    # removed as in the reports; the formula behind the controls is defused
                    assert cell == "'" + plain(value), (table.namn, column.namn)
                    assert cell.startswith("'=1+1]8;;https://evil.example/klicka]8;;[2J31m")
                assert not cell.startswith(DANGEROUS_PREFIXES)


#: every way a prose cell can begin with a formula sign (decision 0425): ASCII, full width
#: (NFKC makes it ASCII), behind white space, a soft hyphen or a direction mark (which prose keeps)
FORMULA_LEADS = (
    "=1+1 ",
    "+1+1 ",
    "-1+1 ",
    "@SUM(A1) ",
    "\uff1d1+1 ",
    "\uff0b1+1 ",
    "\uff0d1+1 ",
    "\uff20SUM(A1) ",
    "\u00ad=1+1 ",
    " \u00ad \u3000\uff1dcmd|' /C calc'!A0 ",
    "\u00a0\u00ad\u00ad@x ",
    # the direction marks, which prose keeps and no cell shows (decision 0640)
    "\u200e=1+1 ",
    "\u200f+1+1 ",
    "\u061c@SUM(A1) ",
    " \u200e\u00ad \u200f-1+1 ",
)


@pytest.mark.parametrize("lead", FORMULA_LEADS)
def test_every_formula_lead_in_every_prose_cell_gets_the_apostrophe(lead: str) -> None:
    for table in tables(load(FIXTURE), YEAR):
        prose_at = [i for i, c in enumerate(table.columns) if c.slag != "id"]
        rows = tuple(
            tuple(lead + v if isinstance(v, str) and i in prose_at else v for i, v in enumerate(r))
            for r in table.rows
        )
        written = _csv_rows(csv_text(replace(table, rows=rows)))
        for row, original in zip(written[1:], rows, strict=True):
            for i in prose_at:
                if isinstance(original[i], str):
                    assert row[i] == "'" + plain(original[i]), (table.namn, i, row[i][:30])


@pytest.mark.parametrize("text", ["a\uff1d1", "a\u00adb=1", "1\uff0b1", "Göteborg＠x"])
def test_a_formula_sign_inside_a_text_is_left_alone(text: str) -> None:
    table = Table("t", "En rad per text.", (Column("namn", "text", "Texten."),), ((text,),))
    assert _csv_rows(csv_text(table))[1] == [text]


def test_every_xlsx_cell_of_every_table_is_clean(hostile_tables: list[Table]) -> None:
    content = xlsx_bytes(hostile_tables)
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        for name in z.namelist():
            xml = z.read(name).decode("utf-8")
            # XlsxWriter would write a control as _x001B_; none reaches the file
            assert not re.search(r"_x00[0-9A-F]{2}_", xml), name
            assert not UNSAFE.findall(xml.replace("\r", "").replace("\t", "")), name
    wb = openpyxl.load_workbook(io.BytesIO(content))
    for table in hostile_tables:
        ws = wb[table.namn]
        for row, original in zip(ws.iter_rows(min_row=2), table.rows, strict=True):
            for cell, value, column in zip(row, original, table.columns, strict=True):
                if isinstance(value, str):
                    expected = identifier(value) if column.slag == "id" else plain(value)
                    assert (cell.value, cell.data_type) == (expected, "s")


@pytest.mark.usefixtures("values_not_refused")
def test_report_text_from_yaml_escapes_reaches_no_file(tmp_path: Path) -> None:
    """The review's case: YAML double-quoted escapes (validate refuses them now, but a library
    user may load them); the CSV cell holds what a report shows, and no NUL, ESC or BEL is in
    any exported file."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    report = root / "rapporter" / "2023" / "kulturnamnden.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace(
        'motivering: "Personalbrist | vakanser under hösten."',
        r'motivering: "OK\e]8;;https://evil.example/\aklicka\e]8;;\a\e[2J\0 \u202Eslut"',
    )
    report.write_text(text, encoding="utf-8")
    ds = load(root)
    assert not [f for f in ds.findings if f.severity == "fel"]
    export(ds, YEAR, "csv", tmp_path / "csv")
    export(ds, YEAR, "xlsx", tmp_path / "x.xlsx")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        members = {name: z.read(name) for name in z.namelist()}
    csv_files = {p.name: p.read_bytes() for p in (tmp_path / "csv").iterdir()}
    for path, raw in {**csv_files, **members}.items():
        assert b"\x00" not in raw and b"\x1b" not in raw and b"\x07" not in raw, path
        assert "\u202e".encode() not in raw and b"_x001B_" not in raw, path
    with (tmp_path / "csv" / "insatsrapporter.csv").open(encoding="utf-8-sig", newline="") as fh:
        motiveringar = [r["motivering"] for r in csv.DictReader(fh, delimiter=";")]
    assert "OK]8;;https://evil.example/klicka]8;;[2J slut" in motiveringar
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["insatsrapporter"]
    assert "OK]8;;https://evil.example/klicka]8;;[2J slut" in [c.value for c in ws["R"]]


# --- a text longer than an Excel cell -----------------------------------------------------------


def _long_report(tmp_path: Path, motivering: str, behov: list[str]) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    report = root / "rapporter" / "2023" / "kulturnamnden.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace(
        'motivering: "Personalbrist | vakanser under hösten."', f'motivering: "{motivering}"'
    )
    lines = "".join(f'      - "{b}"\n' for b in behov)
    text = re.sub(r'(?m)^      - "(Mer personal|LångtordLångtord).*\n', "", text)
    text = text.replace("    behov:\n", "    behov:\n" + lines, 1)
    report.write_text(text, encoding="utf-8")
    return root


def test_long_text_is_cut_with_a_marker_and_a_note(tmp_path: Path) -> None:
    """3 300 × "lång text " (33 000 characters) in motivering, and behov whose lines joined are
    too long: each cell is cut to exactly 32 767 characters ending with the marker, each cut is
    a note naming table, row, insats, column and file; the CSV keeps the whole text."""
    motivering = "lång text " * 3300
    behov = ["b" * 20000, "c" * 20000]
    root = _long_report(tmp_path, motivering, behov)
    ds = load(root)
    assert not [f for f in ds.findings if f.severity == "fel"]
    written = export(ds, YEAR, "xlsx", tmp_path / "x.xlsx")
    assert written == [tmp_path / "x.xlsx"]
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["insatsrapporter"]
    header = [c.value for c in ws[1]]
    row = next(
        r
        for r in ws.iter_rows(min_row=2, values_only=True)
        if r[header.index("insats")] == "1:1"
        and r[header.index("organisation")] == "kulturnamnden"
        and r[header.index("ar")] == YEAR
    )
    cell = row[header.index("motivering")]
    marker = (
        " […] [KORTAD AV UTSATTA: 457 tecken utelämnade, eftersom en cell i Excel rymmer högst "
        "32 767 tecken. Hela texten finns i datafilen rapporter/2023/kulturnamnden.yaml, rad 18, "
        "och i "
        "CSV-exporten (utsatta export --format csv).]"
    )
    # the cell names the file and the text's line (18), as the note does
    assert len(cell) == MAX_CELL  # filled exactly: 33 000 - 457 + len(marker) = 32 767
    assert cell == motivering[: 33000 - 457] + marker
    assert len(cell) <= MAX_CELL
    assert row[header.index("behov")].endswith(
        "[KORTAD AV UTSATTA: 7 460 tecken utelämnade, eftersom en cell i Excel rymmer högst "
        "32 767 tecken. Hela texten finns i datafilen rapporter/2023/kulturnamnden.yaml, rad 21, "
        "och i "
        "CSV-exporten (utsatta export --format csv).]"
    )
    rad = ws.max_row and next(
        n
        for n, r in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2)
        if r[header.index("motivering")] == cell
    )
    assert written.notes == (
        # sheet, cell, row and column; the data file and the line of the text in it (18)
        f"Texten i bladet insatsrapporter, cell R{rad} (rad {rad}, kolumnen motivering; år 2023, "
        "organisation kulturnamnden, insats 1:1), från rapporter/2023/kulturnamnden.yaml, rad 18, "
        "har 33 000 tecken, men en cell i Excel rymmer högst 32 767. I xlsx-filen är den kortad "
        "och slutar "
        "med en markering om de 457 tecken som utelämnades; hela texten finns i datafilen och i "
        "CSV-exporten (--format csv).",
        # the list behov starts on line 21 (its key on line 20)
        f"Texten i bladet insatsrapporter, cell T{rad} (rad {rad}, kolumnen behov; år 2023, "
        "organisation kulturnamnden, insats 1:1), från rapporter/2023/kulturnamnden.yaml, rad 21, "
        "har 40 001 tecken, men en cell i Excel rymmer högst 32 767. I xlsx-filen är den kortad "
        "och slutar med en "
        "markering om de 7 460 tecken som utelämnades; hela texten finns i datafilen och i "
        "CSV-exporten (--format csv).",
    )
    csv_written = export(ds, YEAR, "csv", tmp_path / "csv")
    assert csv_written.notes == ()
    with (tmp_path / "csv" / "insatsrapporter.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert motivering.strip() in [r["motivering"].strip() for r in rows]


def test_cut_counts_characters_as_excel_does() -> None:
    """Excel counts UTF-16 units: an emoji is two, so fewer of them fit."""
    table = Table("prov", "Prov.", (Column("text", "text", "En text."),), (("😀" * 20000,),))
    book = xlsx_book([table])
    value = openpyxl.load_workbook(io.BytesIO(book.content))["prov"]["A2"].value
    assert len(value.encode("utf-16-le")) // 2 <= MAX_CELL
    kept = value.index(" […]")
    left_out = f"{20000 - kept:,}".replace(",", " ")
    assert value[kept:].startswith(f" […] [KORTAD AV UTSATTA: {left_out} tecken utelämnade")
    assert len(book.notes) == 1 and "rad 2" in book.notes[0]
    # the note says why 20 000 characters do not fit in 32 767: Excel counts 40 000
    assert (
        "har 20 000 tecken, 40 000 som Excel räknar dem (tecken som emoji räknas som två), "
        "men en cell i Excel rymmer högst 32 767." in book.notes[0]
    )


def test_text_that_fits_exactly_is_not_cut() -> None:
    table = Table("prov", "Prov.", (Column("text", "text", "En text."),), (("x" * MAX_CELL,),))
    book = xlsx_book([table])
    assert book.notes == ()
    assert openpyxl.load_workbook(io.BytesIO(book.content))["prov"]["A2"].value == "x" * MAX_CELL


# --- numbers no format can hold -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (float("inf"), "inf"),
        (float("nan"), "nan"),
        (10**5000, "(ett heltal med omkring 5001 siffror)"),
    ],
    ids=["inf", "nan", "long-int"],
)
def test_unwritable_number_is_a_swedish_error_naming_the_cell(value: float, shown: str) -> None:
    table = Table(
        "indikatorvarden",
        "Prov.",
        (
            Column("indikator", "text", "Id.", slag="id"),
            Column("ar", "heltal", "År."),
            Column("varde", "tal", "Värdet."),
            Column("kallfil", "text", "Filen.", slag="id"),
        ),
        (
            ("brott", 2023, 1.5, "indikatorer/brott.yaml"),
            ("brott", 2024, value, "indikatorer/brott.yaml"),
        ),
    )
    expected = (
        f"Talet {shown} i tabellen indikatorvarden, rad 3 (år 2024, indikator brott), kolumnen "
        "varde, från indikatorer/brott.yaml kan inte skrivas i ett kalkylark (det är oändligt, "
        "inte ett tal, eller för stort). Rätta värdet i datafilen och exportera igen."
    )
    for write in (csv_text, lambda t: xlsx_bytes([t])):
        with pytest.raises(CellError) as info:
            write(table)
        assert str(info.value) == expected
        assert info.value.exit_code == 1


def test_xlsxwriter_refusing_a_value_is_a_swedish_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever XlsxWriter does with a value (a status, an exception), never a traceback."""
    from xlsxwriter.worksheet import Worksheet

    table = Table(
        "prov",
        "Prov.",
        (Column("text", "text", "En text."), Column("kallfil", "text", "Fil.", slag="id")),
        (("hej", "rapporter/2023/x.yaml"),),
    )
    monkeypatch.setattr(Worksheet, "write_string", lambda *a, **k: -2)
    with pytest.raises(CellError) as info:
        xlsx_bytes([table])
    assert str(info.value) == (
        "Värdet i bladet prov, cell A2 (rad 2, kolumnen text), från rapporter/2023/x.yaml kan inte "
        "skrivas i xlsx-filen (XlsxWriter svarade -2). Exportera som CSV (--format csv) och "
        "rapportera gärna felet till utsattas utvecklare."
    )

    def boom(*args: object, **kwargs: object) -> int:
        raise OverflowError("too big")

    monkeypatch.setattr(Worksheet, "write_string", boom)
    with pytest.raises(CellError) as info:
        xlsx_bytes([table])
    assert str(info.value) == (
        "xlsx-filen kan inte skrivas: XlsxWriter avvisade ett värde (XlsxWriter skriver på "
        'engelska: "OverflowError: too big"). Exportera som CSV (--format csv) och rapportera '
        "gärna felet till utsattas utvecklare."
    )


def test_a_hard_space_in_a_text_cell_becomes_a_plain_space() -> None:
    """The report's values have hard spaces ("100 000", "15,7 %": decision 0405); in a
    spreadsheet's text cell a hard space only stops a search or a filter typed with a space, so
    a prose cell gets a plain one, in CSV and xlsx alike. A number cell stays a number, and an
    id cell keeps showing an odd space as a code (so two ids never look the same)."""
    columns = (
        Column("kommentar", "text", "Text."),
        Column("id", "text", "Ett id.", slag="id"),
        Column("varde", "tal", "Ett tal."),
    )
    table = Table(
        "prov", "En rad.", columns, (("2\u00a0591\u00a0per 100\u202f000 inv.", "a\u00a0b", 2591.0),)
    )
    rows = _csv_rows(csv_text(table))
    assert rows[1] == ["2 591 per 100 000 inv.", "a<U+00A0>b", "2591"]
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([table])))["prov"]
    assert [(c.value, c.data_type) for c in next(ws.iter_rows(min_row=2))] == [
        ("2 591 per 100 000 inv.", "s"),
        ("a<U+00A0>b", "s"),
        (2591, "n"),
    ]
