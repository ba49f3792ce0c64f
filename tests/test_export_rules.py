"""The export's rules the library and the command line share, and what its cells say: the
format and the output's extension (one rule, :mod:`utsatta.outputformat`), the notice sheet's
pointers, a cut cell's source, voluntary reports, formula injection over every table."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.errors import ArgumentError, UtsattaError
from utsatta.export import FormatMismatch, export, tables, write_csv, write_xlsx
from utsatta.load.dataset import DataSet, load

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
            'okänt exportformat fmt="pdf": exporten skriver csv eller xlsx.',
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
