"""Symbolic links that cannot be followed (a loop, a link to nothing) and paths the system
cannot look at (too long): each is a finding with the file's place, never a traceback, in
every command and in a check of named files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE, build_case
from utsatta.cli.app import app

LOOP = (
    "Det här är en symbolisk länk som leder i en slinga (till sig själv, eller via andra länkar "
    "tillbaka), så den går inte att läsa. Ta bort länken och lägg in filen som en vanlig fil i "
    "datamappen."
)
BROKEN = (
    "Det här är en symbolisk länk till något som inte finns, så den går inte att läsa. Ta bort "
    "länken och lägg in filen som en vanlig fil i datamappen."
)


def _data(tmp_path: Path) -> Path:
    return build_case(BASE / "no-such-case", tmp_path)


def _validate(data: Path, *args: str) -> tuple[int, list[tuple[str, int, int, str, str, str]]]:
    result = CliRunner().invoke(
        app,
        ["validate", "--data", str(data), "--format", "json", *args],
        catch_exceptions=False,
    )
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, [
        (f["file"], f["line"], f["column"], f["code"], f["severity"], f["message"])
        for f in findings
    ]


@pytest.mark.parametrize(
    ("links", "named"),
    [
        ({"rapporter/2023/self.yml": "self.yml"}, "rapporter/2023/self.yml"),
        (
            {"rapporter/2023/trafiknamnden.yaml": "trafiknamnden.yaml"},
            "rapporter/2023/trafiknamnden.yaml",
        ),
        ({"indikatorer/a.yaml": "b.yaml", "indikatorer/b.yaml": "a.yaml"}, "indikatorer/a.yaml"),
        ({"anteckningar.yaml": "anteckningar.yaml"}, "anteckningar.yaml"),
    ],
)
def test_link_loop_is_a_finding(tmp_path: Path, links: dict[str, str], named: str) -> None:
    data = _data(tmp_path)
    for name, target in links.items():
        (data / name).symlink_to(target)
    code, findings = _validate(data)
    assert code == 1
    assert findings == [
        (str(data / name), 1, 1, "lank-slinga", "fel", LOOP) for name in sorted(links)
    ]


def test_link_loop_not_named_as_data_is_a_warning(tmp_path: Path) -> None:
    """A linked folder that loops is listed as a file: said as a link loop, not as a file
    that is no data file."""
    data = _data(tmp_path)
    (data / "rapporter" / "2024").symlink_to("2024")
    assert _validate(data) == (
        0,
        [(str(data / "rapporter" / "2024"), 1, 1, "lank-slinga", "varning", LOOP)],
    )


def test_link_to_nothing_is_a_finding(tmp_path: Path) -> None:
    data = _data(tmp_path)
    (data / "rapporter" / "2023" / "trafiknamnden.yaml").symlink_to("saknas.yaml")
    assert _validate(data) == (
        1,
        [
            (
                str(data / "rapporter" / "2023" / "trafiknamnden.yaml"),
                1,
                1,
                "lank-bruten",
                "fel",
                BROKEN,
            )
        ],
    )


def test_named_files_with_a_loop_beside_them(tmp_path: Path) -> None:
    """A check of named files reads the folder: a loop elsewhere is no traceback, and a
    loop named is checked (it is there, though it leads nowhere)."""
    data = _data(tmp_path)
    loop = data / "rapporter" / "2023" / "self.yml"
    loop.symlink_to("self.yml")
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    assert _validate(data, str(report)) == (0, [])
    assert _validate(data, str(loop)) == (1, [(str(loop), 1, 1, "lank-slinga", "fel", LOOP)])


TIDIGARE_BEHOV = """tidigare_behov:
  - ar: 2022
    organisation: grundskolenamnden
    insats: "1:1"
    nummer: 1
    utfall: tillgodosett
    text: Lokalerna finns nu.
"""


@pytest.mark.parametrize("report_there", [True, False])
def test_uppfoljning_named_with_a_loop_in_the_year_it_reads(
    tmp_path: Path, report_there: bool
) -> None:
    """The reports of the year an uppföljning's tidigare_behov names are read beside a loop
    there: the behov is found in its report (or named missing), and the loop, not named, is
    no finding of this check."""
    data = _data(tmp_path)
    year = data / "rapporter" / "2022"
    shutil.rmtree(year)  # the year holds the loop and at most the report written here
    year.mkdir()
    (year / "self.yml").symlink_to("self.yml")
    if report_there:
        report = (data / "rapporter" / "2023" / "grundskolenamnden.yaml").read_text("utf-8")
        report = report.replace("ar: 2023", "ar: 2022").replace(
            "    samordning:", "    behov:\n      - Lokaler efter skoltid.\n    samordning:"
        )
        (year / "grundskolenamnden.yaml").write_text(report, encoding="utf-8")
    follow_up = data / "uppfoljning" / "2023.yaml"
    text = follow_up.read_text(encoding="utf-8")
    follow_up.write_text(text.replace("tidigare_behov: []\n", TIDIGARE_BEHOV), encoding="utf-8")
    expected = [
        (
            str(follow_up),
            31,
            19,
            "okant-behov",
            "fel",
            "Det finns ingen giltig rapport rapporter/2022/grundskolenamnden.yaml att hämta "
            "behovet från. Kontrollera år och organisation.",
        )
    ]
    assert _validate(data, str(follow_up)) == ((0, []) if report_there else (1, expected))


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "UTSATTA_DATA")}
    return subprocess.run(
        [sys.executable, "-m", "utsatta", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["validate", "--data", "DATA"], 1),
        (["validate", "DATA/rapporter/2023/grundskolenamnden.yaml"], 0),
        (["report", "2023", "--data", "DATA", "-o", "r.md"], 1),
        (["export", "2023", "--data", "DATA", "-o", "x.csv"], 1),
        (["status", "2023", "--data", "DATA"], 0),
        # fmt names the link it could not check (as validate does), so it cannot say all is well
        (["fmt", "--check", "--data", "DATA"], 1),
    ],
)
def test_every_command_with_a_link_loop(tmp_path: Path, args: list[str], code: int) -> None:
    data = _data(tmp_path)
    (data / "rapporter" / "2023" / "self.yml").symlink_to("self.yml")
    proc = _run([a.replace("DATA", str(data)) for a in args], tmp_path)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    assert proc.returncode == code, output
    if args[0] == "fmt":
        said = (
            "rapporter/2023/self.yml:1:1: fel [lank-slinga] fmt har varken kontrollerat eller "
            "formaterat filen. Det här är en symbolisk länk som"
        )
        assert said + " leder i en slinga" in output, output
    elif code == 1:
        assert "rapporter/2023/self.yml:1:1: fel [lank-slinga]" in output, output


def _deep(top: Path, length: int) -> Path:
    """Folders inside ``top`` until the path is longer than ``length`` characters, made one
    step at a time relative to the last (the system refuses paths that long)."""
    name = "a" * 200
    fd = os.open(top, os.O_RDONLY)
    path = top
    try:
        while len(str(path)) <= length:
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            path = path / name
    finally:
        os.close(fd)
    return path


def test_path_too_long_for_the_system_is_a_finding(tmp_path: Path) -> None:
    """A folder whose path the system refuses (ENAMETOOLONG): a finding for it, none for
    the folders above it, which are read."""
    data = _data(tmp_path)
    (data / "arkiv").mkdir()
    deep = _deep(data / "arkiv", os.pathconf(data, "PC_PATH_MAX"))
    try:
        code, findings = _validate(data)
    finally:
        shutil.rmtree(data / "arkiv")
    assert code == 1
    assert [f[1:5] for f in findings] == [(1, 1, "mapp-kan-inte-lasas", "fel")]
    assert findings[0][0] == str(deep)
    assert "(namnet är för långt)" in findings[0][5]
