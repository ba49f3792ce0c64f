"""``utsatta.export.export`` makes every decision ``utsatta export`` shows: data with errors,
a year outside the plan, a format or name that disagrees, an output over a data file. The
command line only parses, prints and maps the errors to exit codes
(docs/decisions/0270-exporten-bestammer-i-biblioteket.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import utsatta
from tests.support import CASES, build_case
from utsatta.cli.app import app
from utsatta.errors import ArgumentError, DataErrors, WriteRefused
from utsatta.escape import shell_command
from utsatta.export import FormatMismatch, export, prepare, tables, write_xlsx

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
YEAR = 2023

runner = CliRunner()


def _cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """Two errors in one report (the case ogiltigt-varde)."""
    return build_case(CASES / "ogiltigt-varde", tmp_path / "d")


def _where(findings: list[utsatta.Finding]) -> list[tuple[str, int, int, str]]:
    return [(f.file, f.line, f.column, f.code) for f in findings]


@pytest.mark.parametrize(("fmt", "name"), [("xlsx", "x.xlsx"), ("csv", "csv")])
def test_data_with_errors_is_refused_with_its_findings(
    broken: Path, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    report = (broken / "rapporter" / "2023" / "grundskolenamnden.yaml").as_posix()
    for ds in (utsatta.validate(broken, year=YEAR).dataset, utsatta.load(broken)):
        with pytest.raises(DataErrors) as info:
            export(ds, YEAR, fmt, out / name)  # type: ignore[arg-type]
        assert _where(info.value.findings) == [
            (report, 6, 13, "ogiltigt-varde"),
            (report, 9, 16, "ogiltigt-varde"),
        ]
        assert str(info.value).startswith(
            "Exporten för 2023 kan inte skrivas: datan har 2 fel som skulle göra den felaktig. "
            f"{report}:6:13: [ogiltigt-varde] "
        )
        assert info.value.files_checked == sum(1 for _ in ds.files())
        assert list(out.iterdir()) == []  # nothing written


def test_a_broken_plan_gives_no_almost_empty_workbook(tmp_path: Path) -> None:
    data = build_case(CASES / "_base", tmp_path / "d")
    plan = data / "plan.yaml"
    plan.write_text(plan.read_text("utf-8") + "  - [\n", "utf-8")
    with pytest.raises(DataErrors) as info:
        export(utsatta.load(data), YEAR, "xlsx", tmp_path / "x.xlsx")
    assert {f.code for f in info.value.findings} == {"yaml-syntax"}
    assert not (tmp_path / "x.xlsx").exists()


def test_the_command_line_lists_the_librarys_findings_as_validate_does(
    broken: Path, tmp_path: Path
) -> None:
    report = (broken / "rapporter" / "2023" / "grundskolenamnden.yaml").as_posix()
    code, err = _cli("export", "2023", "--data", str(broken), "-o", str(tmp_path / "x.xlsx"))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"{report}:6:13: fel [ogiltigt-varde] ")
    assert lines[1].startswith(f"{report}:9:16: fel [ogiltigt-varde] ")
    assert lines[2:] == [
        f"2 fel och 0 varningar i 1 fil ({sum(1 for _ in utsatta.load(broken).files())} "
        "kontrollerade).",
        "Rätta felen ovan och försök igen. Kontrollera datan igen med: "
        + shell_command("utsatta", "validate", "--data", str(broken)),
    ]
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("year", [1999, 2021, 2026])
def test_a_year_outside_the_plan_is_an_argument_error(tmp_path: Path, year: int) -> None:
    for ds in (utsatta.validate(FIXTURE).dataset, utsatta.load(FIXTURE)):
        with pytest.raises(ArgumentError) as info:
            export(ds, year, "xlsx", tmp_path / "y.xlsx")
        assert info.value.argument == "year"
        assert str(info.value) == (
            f"{year} ligger utanför planens giltighetstid 2022–2025. Ange ett år från 2022 till "
            "2025."
            if year < 2022
            else f"datan har ingen plan för {year}: planen gäller 2022–2025. För uppföljning "
            "efter 2025 behövs den nya planen: flytta den här datamappen till ett arkiv och lägg "
            "in den nya planen (README, ”Ny planperiod”). Gällde kommandot den här planen: ange "
            "ett år från 2022 till 2025."
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_library_writes_what_the_command_line_writes(tmp_path: Path, fmt: str) -> None:
    name = "x.xlsx" if fmt == "xlsx" else "csv"
    code, err = _cli(
        "export",
        "2023",
        "--format",
        fmt,
        "--data",
        str(FIXTURE),
        "-o",
        str(tmp_path / "cli" / name),
    )
    assert code == 0, err
    written = export(utsatta.validate(FIXTURE, year=YEAR).dataset, YEAR, fmt, tmp_path / name)  # type: ignore[arg-type]
    cli = sorted((tmp_path / "cli").rglob("*.*"))
    lib = sorted(p for p in tmp_path.rglob("*.*") if "cli" not in p.parts)
    assert [p.name for p in cli] == [p.name for p in lib] == sorted(p.name for p in written)
    for a, b in zip(cli, lib, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        (
            None,
            "x.docx",
            "DIR/x.docx har filändelsen .docx, men utan fmt skrivs xlsx, och en xlsx-fil under ett "
            "namn som lovar något annat öppnas fel. Skriv DIR/x.xlsx som output, eller ange "
            'fmt="csv".',
        ),
        (
            "xlsx",
            "u.2023",
            'fmt="xlsx" passar inte ihop med DIR/u.2023: filändelsen .2023 är inte .xlsx, och en '
            "xlsx-fil under ett namn som lovar något annat öppnas fel. Skriv DIR/u.2023.xlsx som "
            'output, eller ange fmt="csv".',
        ),
        (
            "xlsx",
            "x.csv",
            'fmt="xlsx" passar inte ihop med DIR/x.csv: filändelsen .csv betyder csv, och filen '
            'skulle bli xlsx under ett namn som lovar något annat. Ange fmt="csv", eller byt '
            "filändelse på output.",
        ),
    ],
)
def test_a_workbook_only_under_its_own_extension(
    tmp_path: Path, fmt: str | None, name: str, message: str
) -> None:
    ds = utsatta.load(FIXTURE)
    with pytest.raises(FormatMismatch) as info:
        export(ds, YEAR, fmt, tmp_path / name)  # type: ignore[arg-type]
    assert str(info.value) == message.replace("DIR", str(tmp_path))
    with pytest.raises(FormatMismatch):
        write_xlsx(tables(ds, YEAR), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_names_its_options_for_a_foreign_extension(tmp_path: Path) -> None:
    """Review: ``utsatta export 2023 -o x.docx`` wrote a workbook named x.docx."""
    target = tmp_path / "x.docx"
    code, err = _cli("export", "2023", "--data", str(FIXTURE), "-o", str(target))
    assert code == 2
    assert " ".join(err.split()).endswith(
        f"fel: {target} har filändelsen .docx, men utan --format "
        "skrivs xlsx, och en xlsx-fil under ett namn som lovar något annat öppnas fel. Skriv "
        f"{tmp_path / 'x.xlsx'} som --output, eller ange --format csv."
    )
    code, err = _cli(
        "export", "2023", "--format", "xlsx", "--data", str(FIXTURE), "-o", str(target)
    )
    assert code == 2 and "fel: --format xlsx passar inte" in err
    assert list(tmp_path.iterdir()) == []


def test_no_extension_or_a_folder_with_a_dot_is_written(tmp_path: Path) -> None:
    """No extension promises nothing (the standard, xlsx); a CSV folder may have a dot."""
    ds = utsatta.load(FIXTURE)
    assert export(ds, YEAR, None, tmp_path / "utan") == [tmp_path / "utan"]
    assert (tmp_path / "utan").read_bytes()[:2] == b"PK"
    written = export(ds, YEAR, "csv", tmp_path / "export.v2")
    assert written[0] == tmp_path / "export.v2" / "om_filen.csv"


def test_an_output_over_a_data_file_is_refused_before_its_extension(tmp_path: Path) -> None:
    """A data file is never replaced (4), said before that .yaml is no workbook's name (2)."""
    data = build_case(CASES / "_base", tmp_path / "d")
    before = (data / "plan.yaml").read_bytes()
    for fmt in ("xlsx", None):
        with pytest.raises(WriteRefused, match="är en datafil i datamappen"):
            export(utsatta.load(data), YEAR, fmt, data / "plan.yaml", force=True)  # type: ignore[arg-type]
        with pytest.raises(WriteRefused, match="är en datafil i datamappen"):
            prepare(fmt, data / "plan.yaml", data_folder=data)
    assert (data / "plan.yaml").read_bytes() == before


def test_output_as_text_or_a_wrong_type(tmp_path: Path) -> None:
    """Review: a path given as text raised AttributeError ('str' has no 'suffix')."""
    ds = utsatta.load(FIXTURE)
    target = str(tmp_path / "x.xlsx")
    assert export(ds, YEAR, None, target) == [Path(target)]
    with pytest.raises(ArgumentError) as info:
        export(ds, YEAR, None, 5)  # type: ignore[arg-type]
    assert str(info.value) == "output ska vara en sökväg som text (str) eller Path, inte int: 5."


def test_a_file_that_exists_is_refused_in_the_librarys_words_too(tmp_path: Path) -> None:
    """The refusal names the library's ``force=True`` beside the command line's --force
    (granska18b B1); with it the file is replaced."""
    ds = utsatta.validate(FIXTURE).dataset
    out = tmp_path / "u"
    first = utsatta.write_export(ds, YEAR, "csv", out)
    with pytest.raises(WriteRefused) as refused:
        utsatta.write_export(ds, YEAR, "csv", out)
    assert str(refused.value) == (
        f"{first[0]} finns redan och skrivs inte över. Ange --force (i biblioteket "
        "force=True) för att ersätta filen."
    )
    assert utsatta.write_export(ds, YEAR, "csv", out, force=True) == first
