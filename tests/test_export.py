"""`utsatta export`: tidy tables, written as CSV and xlsx, read back.

Row counts are checked against the loaded data set, values against the fixture files by hand,
formula injection with hypothesis over the dangerous first characters, and the file rules
(atomic, nothing replaced without force, force only for regular files).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from utsatta.errors import WriteFailed, WriteRefused
from utsatta.escape import prose
from utsatta.export import Column, Table, csv_files, export, tables, write_csv, write_xlsx
from utsatta.export.columns import DAG_NOTE, INSATS_NOTE
from utsatta.export.csvfile import (
    BOM,
    DANGEROUS_PREFIXES,
    csv_text,
    excel_text,
    number_text,
    safe_text,
)
from utsatta.export.xlsxfile import xlsx_bytes
from utsatta.load.dataset import DataSet, load

openpyxl = pytest.importorskip("openpyxl")

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
SHIPPED = HERE.parent / "data"
YEAR = 2023
NAMES = [
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


@pytest.fixture(scope="module")
def fixture_ds() -> DataSet:
    return load(FIXTURE)


@pytest.fixture(scope="module")
def shipped_ds() -> DataSet:
    return load(SHIPPED)


def _by_name(data: list[Table]) -> dict[str, Table]:
    return {t.namn: t for t in data}


def _read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def _expected_rapport_rows(ds: DataSet, ar: int) -> int:
    """Reported insatser up to ``ar``, and the owed ones missing (validate's rapport-saknas and
    insats-saknas, counted the way the report counts them)."""
    from utsatta.compute.duties import year_matrix

    reported = sum(
        len(s.model.insatser) for s in ds.rapporter if s.model is not None and s.folder_year <= ar
    )
    assert ds.plan is not None and ds.plan.model is not None
    g = ds.plan.model.plan.giltighet
    missing = 0
    for y in range(g.fran, ar + 1):
        m = year_matrix(ds, y)
        assert m is not None
        missing += len(m.saknas())
    return reported + missing


# --- the tables --------------------------------------------------------------------------------


def test_table_names_and_order(fixture_ds: DataSet) -> None:
    assert [t.namn for t in tables(fixture_ds, YEAR)] == NAMES


@pytest.mark.parametrize("which", ["fixture", "shipped"])
def test_row_counts_match_the_data(which: str, fixture_ds: DataSet, shipped_ds: DataSet) -> None:
    """One row per organisation × insats × year; one per reached area; one per area × edition."""
    ds = fixture_ds if which == "fixture" else shipped_ds
    t = _by_name(tables(ds, YEAR))
    assert len(t["insatsrapporter"].rows) == _expected_rapport_rows(ds, YEAR) > 0
    areas = sum(
        len(ir.omraden)
        for s in ds.rapporter
        if s.model is not None and s.folder_year <= YEAR
        for ir in s.model.insatser
    )
    assert len(t["insatsrapporter_omraden"].rows) == areas
    assert ds.omraden is not None and ds.omraden.model is not None
    editions = sum(1 for o in ds.omraden.model.omraden for k in o.klassning if k.upplaga <= YEAR)
    assert len(t["omradesnivaer"].rows) == editions
    # every (year, organisation, insats) once
    ix = [c.namn for c in t["insatsrapporter"].columns].index
    keys = [
        (r[ix("ar")], r[ix("organisation")], r[ix("insats")]) for r in t["insatsrapporter"].rows
    ]
    assert len(keys) == len(set(keys))


def test_fixture_rapporter_by_hand(fixture_ds: DataSet) -> None:
    rows = _by_name(tables(fixture_ds, YEAR))["insatsrapporter"].rows
    cols = [c.namn for c in _by_name(tables(fixture_ds, YEAR))["insatsrapporter"].columns]
    ar = cols.index("ar")
    first = dict(zip(cols, next(r for r in rows if r[ar] == YEAR), strict=True))
    # plan order: insats 1:1 first; organisationer.yaml order within it
    assert first["ar"] == 2023
    assert first["insats"] == "1:1"
    assert first["kallfil"].startswith("rapporter/2023/")
    assert first["kallfil"].endswith(".yaml")
    assert first["status"] in {"pagaende", "genomford", "forsenad", "ej-paborjad", "avbruten"}
    assert first["illustrativ"] in {"ja", "nej"}
    assert [r[ar] for r in rows] == sorted(r[ar] for r in rows)


def test_indikatorvarden_by_hand(fixture_ds: DataSet) -> None:
    """behorighet-gymnasiet up to 2023: baslinje, målvärde, three whole-city utfall, kvinnor,
    then Norrby and Söderdal; nothing from 2024."""
    t = _by_name(tables(fixture_ds, YEAR))["indikatorvarden"]
    cols = [c.namn for c in t.columns]
    rows = [dict(zip(cols, r, strict=True)) for r in t.rows]
    mine = [
        (r["typ"], r["ar"], r["varde"], r["omrade"], r["kon"])
        for r in rows
        if r["indikator"] == "behorighet-gymnasiet"
    ]
    assert mine == [
        ("baslinje", 2020, 62.4, None, None),
        ("malvarde", 2025, 75, None, None),
        ("utfall", 2021, 63.0, None, None),
        ("utfall", 2022, 65.1, None, None),
        ("utfall", 2023, 66.85, None, None),
        ("utfall", 2023, 69.1, None, "K"),
        ("utfall", 2023, 71.45, "norrby", None),
        ("utfall", 2022, 58.2, "soderdal", None),
        ("utfall", 2023, 60, "soderdal", None),
    ]
    base = next(r for r in rows if r["indikator"] == "behorighet-gymnasiet")
    assert base["enhet"] == "procent"
    assert base["kalla"] == "Skolverket: Betyg och behörighet årskurs 9"
    assert base["kalla_url"] == "https://example.org/skolverket"
    assert base["sakerhet"] == "bekraftad"
    assert base["kallfil"] == "indikatorer/behorighet-gymnasiet.yaml"


def test_every_column_is_described(fixture_ds: DataSet) -> None:
    data = tables(fixture_ds, YEAR)
    described = {(r[0], r[1]) for r in _by_name(data)["kolumner"].rows}
    for t in data:
        for c in t.columns:
            assert (t.namn, c.namn) in described
    for r in _by_name(data)["kolumner"].rows:
        assert isinstance(r[3], str) and len(r[3]) > 10
    text_cols = [r for r in _by_name(data)["kolumner"].rows if r[1] == "nulage"]
    assert str(text_cols[0][3]) == (
        "Nuläge: vad som har gjorts under året, som nämnden skrev det (Markdown). Hur texten "
        "skrivs i CSV och xlsx: se raden ”Texter i CSV och xlsx” i om_filen."
    )


def test_the_text_note_is_said_once_in_om_filen(fixture_ds: DataSet) -> None:
    """How texts are written in CSV and xlsx (apostrophe, controls, 32 767 characters) is one
    row of om_filen; every text column refers to it instead of repeating it (granska9 F12)."""
    data = _by_name(tables(fixture_ds, YEAR))
    note = [r for r in data["om_filen"].rows if r[0] == "Texter i CSV och xlsx"]
    assert len(note) == 1 and str(note[0][1]).startswith("I CSV-filerna står en apostrof (') ")
    assert "32 767 tecken" in str(note[0][1])
    cells = [str(c) for t in data.values() for r in t.rows for c in r if isinstance(c, str)]
    assert sum("apostrof" in c for c in cells) == 1
    refs = [r for r in data["kolumner"].rows if "se raden ”Texter i CSV och xlsx”" in str(r[3])]
    prosa = sum(c.typ == "text" and c.slag == "prosa" for t in data.values() for c in t.columns)
    # and the id columns whose ids Excel would make a time or a date (decision 0543)
    ids = [(str(r[0]), str(r[1])) for r in refs if str(r[3]).endswith((INSATS_NOTE, DAG_NOTE))]
    assert ids == [
        ("insatsrapporter", "insats"),
        ("insatsrapporter_omraden", "insats"),
        ("ansvar", "insats"),
        ("ansvar", "overtagen"),
        ("indikatorvarden", "hamtad"),
    ]
    assert len(refs) == prosa + len(ids)


def test_illustrativ_is_the_first_column_and_kolumner_follows(fixture_ds: DataSet) -> None:
    """The marking is the first column of every table that has it, so a range copied from the
    left keeps it; kolumner lists each table's columns in the order they are written
    (granska9 F10)."""
    data = tables(fixture_ds, YEAR)
    with_flag = [t.namn for t in data if any(c.namn == "illustrativ" for c in t.columns)]
    assert with_flag == [
        "insatsrapporter",
        "insatsrapporter_omraden",
        "ansvar",
        "bedomningar",
        "indikatorvarden",
        "indikatorstatus",
        "omradesnivaer",
    ]
    for t in data:
        if t.namn in with_flag:
            assert t.columns[0].namn == "illustrativ"
            # empty only on a row for an uppföljning file that is not there
            assert {r[0] for r in t.rows} <= {"ja", "nej", None}, t.namn
    # malutfall marks its computed outcome and its written assessment apart (granska15 #8),
    # both first
    malutfall = _by_name(data)["malutfall"]
    assert [c.namn for c in malutfall.columns[:2]] == [
        "utfall_illustrativ",
        "bedomning_illustrativ",
    ]
    assert not any(c.namn == "illustrativ" for c in malutfall.columns)
    kolumner = _by_name(data)["kolumner"].rows
    for t in data:
        if t.namn != "kolumner":
            assert [r[1] for r in kolumner if r[0] == t.namn] == [c.namn for c in t.columns]


def test_tables_do_not_depend_on_the_working_folder(
    fixture_ds: DataSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tables(fixture_ds, YEAR)
    monkeypatch.chdir(tmp_path)
    assert tables(load(FIXTURE.resolve()), YEAR) == before


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_read_back(fixture_ds: DataSet, tmp_path: Path) -> None:
    out = tmp_path / "export-2023"
    written = export(fixture_ds, YEAR, "csv", out)
    assert [p.name for p in written] == [f"{n}.csv" for n in NAMES]
    data = _by_name(tables(fixture_ds, YEAR))
    for name, table in data.items():
        rows = _read_csv(out / f"{name}.csv")
        assert len(rows) == len(table.rows)
        # the header, also of a table without rows (malutfall before the plan's last year)
        header = (out / f"{name}.csv").read_bytes().decode("utf-8-sig").split("\r\n", 1)[0]
        assert header.split(";") == [c.namn for c in table.columns]
        assert not rows or list(rows[0]) == [c.namn for c in table.columns]
    ind = [
        r
        for r in _read_csv(out / "indikatorvarden.csv")
        if r["indikator"] == "behorighet-gymnasiet"
    ]
    # numbers: decimal comma, no quotes, no apostrophe, read back as the same numbers
    assert [r["varde"] for r in ind] == [
        "62,4",
        "75",
        "63,0",  # written 63.0 (decision 0669)
        "65,1",
        "66,85",
        "69,1",
        "71,45",
        "58,2",
        "60",
    ]
    assert [float(r["varde"].replace(",", ".")) for r in ind][4] == 66.85
    assert (out / "insatsrapporter.csv").read_bytes().count(b"\r\n") >= len(
        data["insatsrapporter"].rows
    )


def test_csv_is_deterministic(fixture_ds: DataSet) -> None:
    assert csv_files(tables(fixture_ds, YEAR)) == csv_files(tables(load(FIXTURE), YEAR))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (74, "74"),
        (74.0, "74"),
        (15.7, "15,7"),
        (-3.5, "-3,5"),
        (1e-7, "0,0000001"),
        (83000.0, "83000"),
        (2.5e20, "250000000000000000000"),
    ],
)
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text


def _one_text_table(text: str, number: float = -2.5) -> Table:
    return Table(
        "prov",
        "Prov.",
        (Column("text", "text", "En text."), Column("tal", "tal", "Ett tal.")),
        ((text, number),),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(DANGEROUS_PREFIXES),
    rest=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30),
)
def test_csv_formula_injection_gets_an_apostrophe(prefix: str, rest: str) -> None:
    """A text beginning with = + - @ comes back with a leading ' and is otherwise as the
    reports show it (escape.prose: controls removed, TAB a space, CR a line break; a hard space
    a plain one, decision 0405; see tests/test_export_cells.py); the number next to it stays a
    number without apostrophe."""
    text = prefix + rest
    out = csv_text(_one_text_table(text))
    rows = list(csv.reader(io.StringIO(out.removeprefix(BOM), newline=""), delimiter=";"))
    plain = prose(text).replace("\u00a0", " ").replace("\u202f", " ")
    # excel_text: the formula guard, or the same apostrophe for what Excel would make a number
    # (a TAB and "00" is " 00", a number with a leading zero: decision 0543)
    assert rows[1] == [excel_text(plain), "-2,5"]
    assert rows[1][0].startswith("'") or not rows[1][0].startswith(DANGEROUS_PREFIXES)
    assert rows[1][0] in (plain, "'" + plain, safe_text(plain))


@given(text=st.text(max_size=30).filter(lambda s: not s.lstrip().startswith(DANGEROUS_PREFIXES)))
def test_csv_safe_text_is_unchanged(text: str) -> None:
    assert safe_text(text) == text


def test_csv_formula_after_blanks_gets_an_apostrophe() -> None:
    """A TAB becomes a blank when the cell is cleaned; the formula after it is still defused."""
    out = csv_text(_one_text_table('\t=HYPERLINK("http://x.invalid";"a")'))
    rows = list(csv.reader(io.StringIO(out.removeprefix(BOM), newline=""), delimiter=";"))
    assert rows[1][0] == '\' =HYPERLINK("http://x.invalid";"a")'
    assert safe_text("\u00a0 @SUM(A1)") == "'\u00a0 @SUM(A1)"


# --- xlsx --------------------------------------------------------------------------------------


def test_xlsx_read_back(fixture_ds: DataSet, tmp_path: Path) -> None:
    path = tmp_path / "uppfoljning-2023.xlsx"
    assert export(fixture_ds, YEAR, "xlsx", path) == [path]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == NAMES
    data = _by_name(tables(fixture_ds, YEAR))
    for name, table in data.items():
        ws = wb[name]
        assert ws.max_row == len(table.rows) + 1
        assert [c.value for c in ws[1]] == [c.namn for c in table.columns]
        assert ws[1][0].font.b is True
        # the heading in view; om_filen's notice under it too (sign27 item 5)
        assert ws.freeze_panes == ("A3" if name == "om_filen" else "A2")
        if name == "om_filen":  # a page to read, not a list to filter
            assert ws.auto_filter.ref is None
            continue
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
        assert ws.column_dimensions["A"].width >= 6
    ws = wb["indikatorvarden"]
    header = [c.value for c in ws[1]]
    vi, ti = header.index("varde"), header.index("indikator")
    values = [
        r[vi] for r in ws.iter_rows(min_row=2, values_only=True) if r[ti] == "behorighet-gymnasiet"
    ]
    assert values == [62.4, 75, 63, 65.1, 66.85, 69.1, 71.45, 58.2, 60]
    cell = next(r[vi] for r in ws.iter_rows(min_row=2) if r[ti].value == "behorighet-gymnasiet")
    assert cell.data_type == "n"


def test_xlsx_is_deterministic(fixture_ds: DataSet) -> None:
    data = tables(fixture_ds, YEAR)
    assert xlsx_bytes(data) == xlsx_bytes(tables(load(FIXTURE), YEAR))
    assert xlsx_bytes(data, datum="2024-03-12") != xlsx_bytes(data)


@settings(max_examples=25, deadline=None)
@given(
    prefix=st.sampled_from(DANGEROUS_PREFIXES),
    rest=st.text(
        alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=30
    ),
)
def test_xlsx_text_is_never_a_formula(prefix: str, rest: str) -> None:
    """In xlsx a formula-like text is a text cell holding that text as the reports show it
    (escape.prose, a hard space a plain one: decision 0405), without apostrophe."""
    text = prefix + rest
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([_one_text_table(text)])))
    a2, b2 = wb["prov"]["A2"], wb["prov"]["B2"]
    assert a2.data_type == "s"
    assert a2.value == prose(text).replace("\u00a0", " ").replace("\u202f", " ")
    assert b2.data_type == "n" and b2.value == -2.5
    # Excel's quote prefix on a text that begins like a formula (a tab or CR lead is a blank
    # once the cell is cleaned: the prefix then follows what comes after it)
    if prefix not in "\t\r":
        assert a2.quotePrefix


def test_injection_from_a_report_end_to_end(tmp_path: Path) -> None:
    """A nämnd writes =HYPERLINK(…) as nuläge: text in xlsx, apostrophe in CSV."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    report = root / "rapporter" / "2023" / "kulturnamnden.yaml"
    text = report.read_text(encoding="utf-8")
    evil = '=HYPERLINK("https://example.org/x";"klicka")'
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if line.strip().startswith("nulage: Kultur"))
    indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
    lines[i] = f"{indent}nulage: '{evil}'"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = load(root)
    # the fixture's '# Detta är ingen rubrik' inside a text (0539); nothing else
    assert [(Path(f.file).name, f.line, f.code) for f in ds.findings] == [
        ("kulturnamnden.yaml", 11, "kommentar-i-text")
    ]
    export(ds, YEAR, "csv", tmp_path / "csv")
    export(ds, YEAR, "xlsx", tmp_path / "x.xlsx")
    csv_rows = _read_csv(tmp_path / "csv" / "insatsrapporter.csv")
    assert "'" + evil in [r["nulage"] for r in csv_rows]
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["insatsrapporter"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value == evil]
    assert cells and all(c.data_type == "s" for c in cells)
    # and it keeps Excel's quote prefix, so that editing the cell (F2, Enter) keeps it text;
    # no other cell has one (no text of the fixture begins like a formula)
    assert all(c.quotePrefix for c in cells)
    others = [c for row in ws.iter_rows(min_row=2) for c in row if c.value not in (evil, None)]
    assert others and not any(c.quotePrefix for c in others)


# --- writing -----------------------------------------------------------------------------------


def test_existing_file_is_not_replaced_without_force(fixture_ds: DataSet, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(WriteRefused, match="--force"):
        export(fixture_ds, YEAR, "xlsx", path)
    assert path.read_bytes() == b"old"
    export(fixture_ds, YEAR, "xlsx", path, force=True)
    assert path.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.xlsx"]  # no temporary file left


def test_force_replaces_only_regular_files(fixture_ds: DataSet, tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "x.xlsx"
    link.symlink_to(target)
    with pytest.raises(WriteRefused, match="symbolisk länk"):
        export(fixture_ds, YEAR, "xlsx", link, force=True)
    assert target.read_text(encoding="utf-8") == "keep"
    folder = tmp_path / "mapp.xlsx"
    folder.mkdir()
    with pytest.raises(WriteRefused, match="mapp"):
        export(fixture_ds, YEAR, "xlsx", folder, force=True)
    csv_dir = tmp_path / "csv"
    csv_dir.mkdir()
    (csv_dir / "kolumner.csv").mkdir()
    with pytest.raises(WriteRefused, match="mapp"):
        export(fixture_ds, YEAR, "csv", csv_dir, force=True)
    assert sorted(p.name for p in csv_dir.iterdir()) == ["kolumner.csv"]


def test_csv_folder_refusal_leaves_it_unchanged(fixture_ds: DataSet, tmp_path: Path) -> None:
    out = tmp_path / "export"
    out.mkdir()
    (out / "omradesnivaer.csv").write_text("old", encoding="utf-8")
    with pytest.raises(WriteRefused, match=r"omradesnivaer\.csv finns redan"):
        export(fixture_ds, YEAR, "csv", out)
    assert sorted(p.name for p in out.iterdir()) == ["omradesnivaer.csv"]
    assert (out / "omradesnivaer.csv").read_text(encoding="utf-8") == "old"
    export(fixture_ds, YEAR, "csv", out, force=True)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in NAMES)


def test_csv_into_a_file_is_refused(fixture_ds: DataSet, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    out.write_text("x", encoding="utf-8")
    with pytest.raises(WriteRefused, match="är en vanlig fil, inte en mapp"):
        write_csv(tables(fixture_ds, YEAR), out, force=True)


def test_new_csv_folder_appears_whole(fixture_ds: DataSet, tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"
    write_csv(tables(fixture_ds, YEAR), out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in NAMES)
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["b"]  # no temporary folder left


def test_new_csv_folder_follows_the_umask(fixture_ds: DataSet, tmp_path: Path) -> None:
    """Like mkdir, not mkdtemp's 0700: colleagues on a shared drive can open the folder."""
    old = os.umask(0o022)
    try:
        write_csv(tables(fixture_ds, YEAR), tmp_path / "ut")
    finally:
        os.umask(old)
    assert (tmp_path / "ut").stat().st_mode & 0o777 == 0o755
    assert {(p.stat().st_mode & 0o777) for p in (tmp_path / "ut").iterdir()} == {0o644}


@pytest.mark.skipif(os.geteuid() == 0, reason="root kan skriva i skrivskyddade mappar")
def test_unwritable_folder_is_a_swedish_error(fixture_ds: DataSet, tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(WriteFailed, match="Kan inte skriva"):
            write_xlsx(tables(fixture_ds, YEAR), ro / "x.xlsx")
    finally:
        ro.chmod(0o700)


def test_missing_xlsxwriter_names_what_to_install(
    fixture_ds: DataSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from utsatta.export.xlsxfile import XlsxUnavailableError

    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # import fails as if not installed
    with pytest.raises(XlsxUnavailableError, match=r"pip install 'utsatta\[xlsx\]'"):
        xlsx_bytes(tables(fixture_ds, YEAR))


def test_omradesnivaer_names_the_kind_of_source(shipped_ds: DataSet) -> None:
    """A level confirmed only outside the police (the report's ‡) is told apart in the export:
    Bergsjön 2017 rests on a party's page, 2023 on the city's statistics (omraden.yaml)."""
    t = _by_name(tables(shipped_ds, 2025))["omradesnivaer"]
    cols = [c.namn for c in t.columns]
    by = [dict(zip(cols, r, strict=True)) for r in t.rows]
    rows = {(r["omrade"], r["upplaga"]): r for r in by}
    assert [rows[("bergsjon", y)]["kallslag"] for y in (2017, 2023)] == ["parti", "kommunen"]
    assert rows[("bergsjon", 2017)]["sakerhet"] == "bekraftad"
    kolumner = _by_name(tables(shipped_ds, 2025))["kolumner"]
    text = {r[1]: r[3] for r in kolumner.rows if r[0] == "omradesnivaer"}
    assert "läst i polisens lista" not in text["sakerhet"]
    assert "polisen" in text["kallslag"]
