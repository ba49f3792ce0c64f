"""What the README and --help promise about validate, checked against what it does: a report
saved as NAME.yaml.txt, an empty kontakt however written, --year and another year's files, a
report of another plan's year with schema errors, and the keys of the JSON output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import ROOT
from utsatta.check import validate
from utsatta.cli.app import app

REPORT = "rapporter/2023/grundskolenamnden.yaml"


def _found(root: Path, year: int | None = None) -> set[tuple[str, int, int, str, str]]:
    return {
        (Path(f.file).relative_to(root).as_posix(), f.line, f.column, f.code, str(f.severity))
        for f in validate(root, year=year).findings
    }


def _messages(root: Path, code: str) -> list[str]:
    return [f.message for f in validate(root).findings if f.code == code]


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("grundskolenamnden.yaml.txt", "grundskolenamnden.yaml"),
        ("grundskolenamnden.yml.txt", "grundskolenamnden.yaml"),
        ("grundskolenamnden.YAML.TXT", "grundskolenamnden.yaml"),
        ("grundskolenamnden.yml", "grundskolenamnden.yaml"),
    ],
)
def test_a_report_saved_with_txt_appended_is_a_misnamed_report(
    base_copy: Path, name: str, advice: str
) -> None:
    report = base_copy / REPORT
    report.rename(report.with_name(name))
    found = _found(base_copy)
    assert (f"rapporter/2023/{name}", 1, 1, "fel-filandelse", "fel") in found
    assert not [f for f in found if f[3] == "okand-fil"]
    assert _messages(base_copy, "fel-filandelse") == [
        f"Filen slutar inte på .yaml och läses inte. Byt namn till {advice}."
    ]


def test_other_extensions_stay_unknown_files(base_copy: Path) -> None:
    """Only what a save appends silently (.txt) is taken for a misnamed data file."""
    (base_copy / "rapporter/2023/anteckningar.yaml.bak").write_text("x\n", encoding="utf-8")
    found = _found(base_copy)
    assert ("rapporter/2023/anteckningar.yaml.bak", 1, 1, "okand-fil", "varning") in found


@pytest.mark.parametrize("written", ["kontakt:", 'kontakt: ""', "kontakt: '  '", "kontakt: ' \t'"])
def test_an_empty_kontakt_is_one_warning_however_it_is_written(
    base_copy: Path, written: str
) -> None:
    report = base_copy / REPORT
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("illustrativ: true\n", f"illustrativ: true\n{written}\n"))
    assert _found(base_copy) == {(REPORT, 5, 1, "tom-kontakt", "varning")}


def test_year_shows_that_years_files_and_the_shared_ones_only(base_copy: Path) -> None:
    up_2023 = (base_copy / "uppfoljning/2023.yaml").read_text(encoding="utf-8")
    (base_copy / "uppfoljning/2024.yaml").write_text(
        up_2023.replace("ar: 2023", "ar: 2024") + "foo: 1\n", encoding="utf-8"
    )
    (base_copy / "rapporter/2024").mkdir()
    (base_copy / "rapporter/2024/grundskolenamnden.yaml").write_text(
        (base_copy / REPORT).read_text(encoding="utf-8").replace("ar: 2023", "ar: 2024")
        + "foo: 1\n",
        encoding="utf-8",
    )
    with (base_copy / "omraden.yaml").open("a", encoding="utf-8") as f:
        f.write("foo: 1\n")
    in_2023 = {f[:4] for f in _found(base_copy, 2023)}
    assert {f for f in in_2023 if f[3] == "okant-falt"} == {
        ("omraden.yaml", _last_line(base_copy / "omraden.yaml"), 1, "okant-falt")
    }
    in_2024 = {f[0] for f in _found(base_copy, 2024) if f[3] == "okant-falt"}
    assert in_2024 == {
        "omraden.yaml",
        "uppfoljning/2024.yaml",
        "rapporter/2024/grundskolenamnden.yaml",
    }


def _last_line(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("broken", [False, True])
def test_a_file_of_an_earlier_plan_says_so_even_with_schema_errors(
    base_copy: Path, broken: bool
) -> None:
    (base_copy / "rapporter/2021").mkdir()
    old = base_copy / "rapporter/2021/grundskolenamnden.yaml"
    text = (base_copy / REPORT).read_text(encoding="utf-8").replace("ar: 2023", "ar: 2021")
    old.write_text(text + ("foo: 1\n" if broken else ""), encoding="utf-8")
    up = base_copy / "uppfoljning/2021.yaml"
    text = (base_copy / "uppfoljning/2023.yaml").read_text(encoding="utf-8")
    up.write_text(text.replace("ar: 2023", "ar: 2021") + ("foo: 1\n" if broken else ""))
    found = {f for f in _found(base_copy) if "2021" in f[0]}
    expected = {
        ("rapporter/2021/grundskolenamnden.yaml", 2, 5, "ar-utanfor-planen", "fel"),
        ("uppfoljning/2021.yaml", 3, 5, "ar-utanfor-planen", "fel"),
    }
    if broken:
        expected |= {
            ("rapporter/2021/grundskolenamnden.yaml", _last_line(old), 1, "okant-falt", "fel"),
            ("uppfoljning/2021.yaml", _last_line(up), 1, "okant-falt", "fel"),
        }
    assert found == expected


def test_the_readme_names_every_key_of_validates_json(base_copy: Path) -> None:
    """fler-fynd carries "count"; the README's description of --format json says so."""
    report = base_copy / REPORT
    report.write_text(report.read_text(encoding="utf-8") + "".join(f"x{i}: 1\n" for i in range(60)))
    result = CliRunner().invoke(app, ["validate", "--format", "json", "--data", str(base_copy)])
    keys = {k for f in json.loads(result.stdout)["findings"] for k in f}
    assert "count" in keys
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    part = readme[readme.index("`--format json` skriver bara") :][:700]
    for key in keys:
        assert re.search(rf'"{key}"', part), key
