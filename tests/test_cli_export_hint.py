"""`report` asked for Excel or CSV says how `utsatta export` writes them, with the year asked and
--data as given (granska9 F8); `export` without --output and `report --format pdf` without it
give an example with the year asked (F12). Each message exact; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app

FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["report", "2025", "--format", "xlsx"],
            "fel: Ogiltigt värde för --format: 'xlsx' är inte ett av 'md', 'html', 'pdf', "
            "'json'. Excel skrivs med 'utsatta export 2025 --output uppfoljning-2025.xlsx'.",
        ),
        (
            ["report", "2024", "--format", "xlsx", "--output", "DIR/x.xlsx"],
            "fel: Ogiltigt värde för --format: 'xlsx' är inte ett av 'md', 'html', 'pdf', "
            "'json'. Excel skrivs med 'utsatta export 2024 --output DIR/x.xlsx'.",
        ),
        (
            ["report", "2025", "--format", "csv", "--data", "FIXTURE"],
            "fel: Ogiltigt värde för --format: 'csv' är inte ett av 'md', 'html', 'pdf', "
            "'json'. CSV skrivs med 'utsatta export 2025 --format csv --output uppfoljning-2025 "
            "--data FIXTURE'.",
        ),
        (
            ["report", "2025", "--output", "DIR/x.xlsx", "--data", "FIXTURE"],
            "fel: DIR/x.xlsx har filändelsen .xlsx, men kommandot skriver inte xlsx (--format "
            "md, --format html, --format pdf, --format json). Byt filändelse på --output. Excel "
            "skrivs med 'utsatta export 2025 --output DIR/x.xlsx --data FIXTURE'.",
        ),
        (
            ["report", "2023", "--output", "DIR/x.csv"],
            "fel: DIR/x.csv har filändelsen .csv, men kommandot skriver inte csv (--format md, "
            "--format html, --format pdf, --format json). Byt filändelse på --output. CSV skrivs "
            "med 'utsatta export 2023 --format csv --output DIR/x'.",
        ),
        # a name no command can hold: why, not inside quotes as a command (granska10 F4)
        (
            ["report", "2025", "--format", "xlsx", "--output", "a\x1b[31m.xlsx"],
            "fel: Ogiltigt värde för --format: 'xlsx' är inte ett av 'md', 'html', 'pdf', "
            "'json'. Excel skrivs med utsatta export, men inget kommando kan ges: sökvägen har "
            "tecknet U+001B, ett styrtecken, som inte kan skrivas i ett kommando; byt namn på "
            "mappen eller filen först.",
        ),
        # a name no command can hold: why, after the command's name, not in quotes (granska10 F4)
        (
            ["report", "2025", "--output", "DIR/a\x1b[31m.xlsx"],
            "Byt filändelse på --output. Excel skrivs med utsatta export, men inget kommando kan "
            "ges: sökvägen har tecknet U+001B, ett styrtecken, som inte kan skrivas i ett "
            "kommando; byt namn på mappen eller filen först.",
        ),
        # any other value: refused as before, with no hint
        (
            ["report", "2025", "--format", "xml"],
            "fel: Ogiltigt värde för --format: 'xml' är inte ett av 'md', 'html', 'pdf', 'json'.",
        ),
        (
            ["report", "2025", "--format", "pdf"],
            "fel: PDF skrivs till en fil: ange --output FIL (t.ex. uppfoljning-2025.pdf).",
        ),
        (
            ["export", "2025"],
            "fel: Flaggan --output / -o saknas: ange xlsx-filen som ska skrivas, t.ex. --output "
            "uppfoljning-2025.xlsx.",
        ),
        (
            ["export", "2024", "--format", "csv"],
            "fel: Flaggan --output / -o saknas: ange mappen som CSV-filerna ska skrivas i, t.ex. "
            "--output uppfoljning-2024.",
        ),
    ],
)
def test_the_message_says_what_to_run(args: list[str], message: str, tmp_path: Path) -> None:
    given = [a.replace("DIR", str(tmp_path)).replace("FIXTURE", str(FIXTURE)) for a in args]
    code, err = _run(*given)
    assert code == 2
    assert err.endswith(message.replace("DIR", str(tmp_path)).replace("FIXTURE", str(FIXTURE)))
    assert list(tmp_path.iterdir()) == []


def test_the_suggested_export_writes_the_workbook(tmp_path: Path) -> None:
    """The command the message gives works as it stands."""
    code, err = _run("report", "2023", "--data", str(FIXTURE), "-o", str(tmp_path / "x.xlsx"))
    assert code == 2
    command = err.rsplit("Excel skrivs med '", 1)[1].removesuffix("'.")
    assert command == f"utsatta export 2023 --output {tmp_path / 'x.xlsx'} --data {FIXTURE}"
    code, _ = _run(*command.split()[1:])
    assert code == 0 and (tmp_path / "x.xlsx").read_bytes()[:2] == b"PK"
