"""The library's contract where the command line refuses: a folder without plan.yaml fails, an
argument that is no path or no year is an ``ArgumentError`` (never a TypeError), and text
output does not depend on the terminal the library runs in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import utsatta
from tests.support import BASE, ROOT, build_case

_PLAN_MISSING = (
    "plan.yaml saknas i datamappen, så den är ingen utsatta-datamapp: utan handlingsplanen går "
    "ingenting att kontrollera. Lägg plan.yaml i mappen eller ange rätt datamapp."
)


def _where(findings: list[utsatta.Finding]) -> list[tuple[str, int, int, str, str]]:
    return [(Path(f.file).name, f.line, f.column, f.code, f.severity.value) for f in findings]


def test_a_folder_without_plan_yaml_fails_in_the_library_as_on_the_command_line(
    tmp_path: Path,
) -> None:
    data = build_case(BASE, tmp_path)
    (data / "plan.yaml").unlink()
    result = utsatta.validate(data)
    assert _where(result.findings) == [("plan.yaml", 1, 1, "fil-saknas", "fel")]
    assert result.findings[0].file == (data / "plan.yaml").as_posix()
    assert result.findings[0].message == _PLAN_MISSING
    assert result.failed()
    assert _where(utsatta.load(data).findings) == [("plan.yaml", 1, 1, "fil-saknas", "fel")]
    with pytest.raises(utsatta.DataErrors) as exc:
        utsatta.build_report(utsatta.load(data), 2023)
    assert _where(exc.value.findings) == [("plan.yaml", 1, 1, "fil-saknas", "fel")]
    from utsatta.cli.app import app

    cli = CliRunner().invoke(app, ["validate", "--data", str(data)])
    assert cli.exit_code == 3  # the command line refuses it as no data folder at all


def test_an_empty_folder_misses_every_shared_file(tmp_path: Path) -> None:
    empty = tmp_path / "tom"
    empty.mkdir()
    assert _where(utsatta.validate(empty).findings) == [
        ("omraden.yaml", 1, 1, "fil-saknas", "fel"),
        ("organisationer.yaml", 1, 1, "fil-saknas", "fel"),
        ("plan.yaml", 1, 1, "fil-saknas", "fel"),
    ]


@pytest.mark.parametrize(
    ("call", "argument", "message"),
    [
        (
            lambda: utsatta.load(BASE, 5),
            "paths",
            "5 är ingen sökväg: ange en fil som text (str) eller Path, eller en lista av sådana.",
        ),
        (
            lambda: utsatta.validate(BASE, paths=5),
            "paths",
            "5 är ingen sökväg: ange en fil som text (str) eller Path, eller en lista av sådana.",
        ),
        (
            lambda: utsatta.load(5),
            "root",
            "Datamappen ska anges som text (str) eller Path, inte int: 5. Ange sökvägen till "
            "datamappen (mappen som har plan.yaml).",
        ),
        (
            lambda: utsatta.validate(None),
            "root",
            "Datamappen ska anges som text (str) eller Path, inte NoneType: None. Ange sökvägen "
            "till datamappen (mappen som har plan.yaml).",
        ),
        (
            lambda: utsatta.validate(b"data"),
            "root",
            "Datamappen ska anges som text (str) eller Path, inte bytes: b'data'. Ange sökvägen "
            "till datamappen (mappen som har plan.yaml).",
        ),
        (
            lambda: utsatta.validate(BASE, year="2023"),
            "year",
            "Året ska vara ett heltal, till exempel 2023, inte str: '2023'.",
        ),
        (
            lambda: utsatta.build_report(utsatta.load(BASE), "2023"),
            "year",
            "Året ska vara ett heltal, till exempel 2023, inte str: '2023'.",
        ),
        (
            lambda: utsatta.build_report(utsatta.load(BASE), 2023.0),
            "year",
            "Året ska vara ett heltal, till exempel 2023, inte float: 2023.0.",
        ),
        (
            lambda: utsatta.validate(BASE, year=True),
            "year",
            "Året ska vara ett heltal, till exempel 2023, inte bool: True.",
        ),
        (
            lambda: utsatta.report_text(str(BASE), 2023, "md"),
            "ds",
            "Rapporten skrivs av en datamängd (DataSet från utsatta.validate(...).dataset eller "
            f"utsatta.load(...)), inte av str: {str(BASE)!r}.",
        ),
    ],
)
def test_an_argument_of_the_wrong_kind_is_an_argument_error(
    call: object, argument: str, message: str
) -> None:
    assert callable(call)
    with pytest.raises(utsatta.ArgumentError) as exc:
        call()
    assert (str(exc.value), exc.value.argument) == (message, argument)


_OVERVIEWS = (
    "import sys, utsatta\n"
    "from utsatta.render import overview, overview_indicators\n"
    "ds = utsatta.load(sys.argv[1])\n"
    "sys.stdout.write(overview.plan_text(ds) + overview.status_text(ds, 2023)\n"
    "                 + overview_indicators.indicators_text(ds, 2023))\n"
)


def test_the_librarys_text_overviews_do_not_depend_on_the_terminal(tmp_path: Path) -> None:
    """COLUMNS, FORCE_COLOR and a terminal's width change nothing: the width is the caller's."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "report-data", data)
    texts = set()
    for env in ({"COLUMNS": "60"}, {"COLUMNS": "200", "FORCE_COLOR": "1", "TERM": "xterm"}):
        done = subprocess.run(
            [sys.executable, "-c", _OVERVIEWS, str(data)],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            timeout=300,
            check=True,
        )
        texts.add(done.stdout)
    (text,) = texts
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) == 120  # the indicators' own minimum
    from utsatta.render import overview

    ds = utsatta.load(data)
    assert max(len(line) for line in overview.plan_text(ds).splitlines()) <= 80
    assert max(len(line) for line in overview.plan_text(ds, 200).splitlines()) > 80
    assert "\x1b[1m" in overview.plan_text(ds, styles=True)
