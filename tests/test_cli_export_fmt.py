"""The CLI side of export and fmt: fmt names the files it skipped; export prints its notes and
never stores a made-up date as a fact."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app

DATA = Path(__file__).parent.parent / "data"
runner = CliRunner()


def test_fmt_check_names_a_report_linked_out_of_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    report = root / "rapporter" / "2023" / "higab.yaml"
    outside = tmp_path / "higab.yaml"
    report.rename(outside)
    report.symlink_to(outside)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fmt", "--check", "--data", "data"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "data/rapporter/2023/higab.yaml:1:1: fel [lank-utanfor-data] fmt har varken "
        "kontrollerat eller formaterat filen. Filen är en symbolisk länk som pekar utanför "
        "datamappen. Av säkerhetsskäl läses den inte; lägg in filen i datamappen i stället."
    )
    assert "redan formaterade" not in result.stdout


def test_export_xlsx_warns_about_a_cut_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    report = root / "rapporter" / "2023" / "higab.yaml"
    text = report.read_text(encoding="utf-8")
    old = "    motivering: Bolagets ytor sköts nu enligt den gemensamma basnivån.\n"
    assert old in text
    report.write_text(
        text.replace(old, '    motivering: "' + "lång text " * 3300 + '"\n'), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "2023", "--data", "data", "--output", "x.xlsx"])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    # sheet, cell, row, column; the data file and the line of the text in it
    line = text[: text.index(old)].count("\n") + 1
    found = re.search(
        r"varning: Texten i bladet insatsrapporter, cell R(\d+) \(rad \1, kolumnen motivering; "
        r"år 2023, organisation higab, insats 2:3\), från rapporter/2023/higab\.yaml, "
        rf"rad {line}, har 33 000 tecken",
        result.stderr,
    )
    assert found is not None, result.stderr


def test_xlsx_creation_date_is_not_a_made_up_decision_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "2025", "--data", str(DATA), "--output", "x.xlsx"])
    assert result.exit_code == 0, result.stderr
    core = zipfile.ZipFile(tmp_path / "x.xlsx").read("docProps/core.xml").decode()
    # uppfoljning/2025.yaml is illustrative: its decision date (2026-04-01) is made up.
    assert "2026-04-01" not in core
    assert "1980-01-01T00:00:00Z" in core
