"""What the output of a year rests on: the shared files and the reports and uppföljningar of
that year and every earlier one (the slutuppföljning and the export show the earlier years).
An error in any of them stops ``report ÅR`` and ``export ÅR`` (library: ``DataErrors``) and is
shown by ``validate --year ÅR``; a later year's files do neither. A file the user names is
always shown, whatever ``--year`` says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import utsatta
from utsatta.cli.app import app
from utsatta.errors import DataErrors
from utsatta.export import export

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
OKAND = (
    "fel [okant-falt] Okänd nyckel 'okand' på filens översta nivå. Tillåtna nycklar här: "
    "schemaversion, ar, organisation, illustrativ, kontakt, insatser."
)
UPP_OKAND = "fel [okant-falt] Okänd nyckel 'okand' på filens översta nivå."


def _broken(tmp_path: Path, file: str) -> Path:
    """The shipped data with an unknown key after ``ar`` in ``file``."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / file
    text = path.read_text("utf-8")
    head, sep, rest = text.partition("\nar: ")
    line, nl, tail = rest.partition("\n")
    path.write_text(f"{head}{sep}{line}\nokand: 1{nl}{tail}", "utf-8")
    return data


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


REFUSED = (
    "data/rapporter/2022/byggnadsnamnden.yaml:4:1: " + OKAND + "\n"
    "1 fel och 0 varningar i 1 fil (106 kontrollerade).\n"
    "Rätta felen ovan och försök igen. Kontrollera datan igen med: utsatta validate --data data\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ("report", "2025", "-o", "r.md"),
        ("report", "2023", "-o", "r.md"),
        ("export", "2025", "-o", "e.csv"),
        ("export", "2022", "-o", "e.xlsx"),
    ],
)
def test_an_error_in_an_earlier_years_report_stops_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    _broken(tmp_path, "rapporter/2022/byggnadsnamnden.yaml")
    assert _cli(tmp_path, monkeypatch, *args, "--data", "data") == (1, "", REFUSED)
    assert not (tmp_path / args[-1]).exists()


def test_validate_for_the_year_finds_what_stops_its_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(tmp_path, "rapporter/2022/byggnadsnamnden.yaml")
    code, out, _ = _cli(tmp_path, monkeypatch, "validate", "--data", "data", "--year", "2025")
    # the report of 2025 also shows that a report of 2023 is missing: a warning of an earlier year
    assert (code, out) == (
        1,
        f"data/rapporter/2022/byggnadsnamnden.yaml:4:1: {OKAND}\n"
        "data/rapporter/2023/business-region-goteborg.yaml:1:1: varning [rapport-saknas] "
        "Business Region Göteborg har inte lämnat någon rapport för 2023. Den ska omfatta "
        "insatserna 2:1 och 2:4. Skapa filen med 'utsatta ny rapport 2023 "
        "business-region-goteborg --data data'.\n"  # as validate was run: --data data
        "Per organisation: business-region-goteborg 1 varning (2023); byggnadsnamnden 1 fel "
        "(2022).\n"
        "1 fel och 1 varning i 2 filer (106 kontrollerade).\n",
    )


def test_an_error_in_an_earlier_uppfoljning_stops_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(tmp_path, "uppfoljning/2022.yaml")
    for args in (("report", "2025", "-o", "r.md"), ("export", "2023", "-o", "e.csv")):
        code, _, err = _cli(tmp_path, monkeypatch, *args, "--data", "data")
        assert code == 1
        assert err.startswith(f"data/uppfoljning/2022.yaml:5:1: {UPP_OKAND}")
    _, _, err = _cli(tmp_path, monkeypatch, "report", "2022", "-o", "r.md", "--data", "data")
    assert err.startswith(f"data/uppfoljning/2022.yaml:5:1: {UPP_OKAND}")


def test_library_refuses_the_same(tmp_path: Path) -> None:
    data = _broken(tmp_path, "rapporter/2022/byggnadsnamnden.yaml")
    report = (data / "rapporter" / "2022" / "byggnadsnamnden.yaml").as_posix()
    for ds in (utsatta.validate(data, year=2025).dataset, utsatta.load(data)):
        with pytest.raises(DataErrors) as info:
            utsatta.build_report(ds, 2025)
        assert [(f.file, f.line, f.column, f.code) for f in info.value.findings] == [
            (report, 4, 1, "okant-falt")
        ]
        with pytest.raises(DataErrors) as info:
            export(ds, 2025, "csv", tmp_path / "e")
        assert [(f.file, f.line, f.column, f.code) for f in info.value.findings] == [
            (report, 4, 1, "okant-falt")
        ]
        assert str(info.value).startswith(
            "Exporten för 2025 kan inte skrivas: datan har 1 fel som skulle göra den felaktig. "
            f"{report}:4:1: [okant-falt] Okänd nyckel 'okand'"
        )
    assert not (tmp_path / "e").exists()


def test_a_later_years_error_does_not_stop_an_earlier_years_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report and export of 2023 show nothing of 2024: they are written, and
    ``validate --year 2023`` does not show the 2024 error (a check of every year does)."""
    data = _broken(tmp_path, "rapporter/2024/higab.yaml")
    assert _cli(tmp_path, monkeypatch, "report", "2023", "-o", "r.md", "--data", "data")[0] == 0
    assert _cli(tmp_path, monkeypatch, "export", "2023", "-o", "e.csv", "--data", "data")[0] == 0
    utsatta.build_report(utsatta.load(data), 2023)
    assert [
        f.code for f in utsatta.validate(data, year=2023).findings if f.file.endswith("higab.yaml")
    ] == []
    assert _cli(tmp_path, monkeypatch, "report", "2024", "-o", "r4.md", "--data", "data")[0] == 1


@pytest.mark.parametrize(
    ("named", "year"),
    [
        ("rapporter/2022/higab.yaml", "2023"),  # an earlier year: it rests on it
        ("rapporter/2024/higab.yaml", "2023"),  # a later year: named, so shown
        ("rapporter/2024", "2023"),  # a later year's folder
    ],
)
def test_a_named_file_of_another_year_is_always_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str, year: str
) -> None:
    file = named if named.endswith(".yaml") else f"{named}/higab.yaml"
    _broken(tmp_path, file)
    line = f"data/{file}:4:1: {OKAND}\n"
    code, out, _ = _cli(
        tmp_path, monkeypatch, "validate", "--data", "data", "--year", year, f"data/{named}"
    )
    if named.endswith(".yaml"):
        assert (code, out) == (
            1,
            line + "1 fel och 0 varningar i 1 fil (delkontroll av 1 namngiven fil).\n",
        )
        code, out, _ = _cli(
            tmp_path,
            monkeypatch,
            "validate",
            "--data",
            "data",
            "--year",
            year,
            f"data/{named}",
            "--format",
            "json",
        )
        doc = json.loads(out)
        assert (code, doc["ok"], doc["not_shown"]) == (1, False, {})
        assert [(f["file"], f["line"], f["code"]) for f in doc["findings"]] == [
            (f"data/{file}", 4, "okant-falt")
        ]
    else:
        assert code == 1
        assert line in out


def test_a_named_uppfoljning_of_a_later_year_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(tmp_path, "uppfoljning/2024.yaml")
    code, out, _ = _cli(
        tmp_path,
        monkeypatch,
        "validate",
        "--data",
        "data",
        "--year",
        "2023",
        "data/uppfoljning/2024.yaml",
    )
    assert code == 1
    assert out.startswith(f"data/uppfoljning/2024.yaml:5:1: {UPP_OKAND}")


def test_a_check_with_a_named_later_folder_does_not_stop_the_years_report(
    tmp_path: Path,
) -> None:
    """The 2024 error a named folder shows is no error of the output of 2023."""
    data = _broken(tmp_path, "rapporter/2024/higab.yaml")
    result = utsatta.validate(data, year=2023, paths=[data / "rapporter" / "2024"])
    assert [f.code for f in result.findings if f.file.endswith("2024/higab.yaml")] == ["okant-falt"]
    utsatta.build_report(result.dataset, 2023)
