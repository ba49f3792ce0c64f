"""Classes of hostile text that the per-channel escapes let through before session 11's red
team, end to end on a copy of the shipped data (values validate accepts, so no switch is
needed): a workflow command behind white space other than a space in a nämnd's text (the
Markdown report on stdout is a CI log; docs/decisions/0426), invisible characters in a
source's name that reached a chart's tooltip (0427), and a formula behind a full-width sign
or a soft hyphen in a CSV cell (0425)."""

from __future__ import annotations

import csv
import io
import shutil
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import ROOT
from utsatta.cli.app import app
from utsatta.export.csvfile import BOM

#: a nämnd's nulage with three lines the runner would read as commands once it trims them
COMMANDS = (
    "\u00a0::error file=data/plan.yaml::falskt fel\n"
    "\u3000\u3000::add-mask::hemlig\n"
    "\u2003::stop-commands::tok\n"
)
#: the source named in the 2015 value's tooltip, with characters that validate allows (they
#: come with pasted text) but no channel shows: zero-width space, word joiner, a format
#: character above U+FFFF (a tag character is refused since decision 0663: dold-text)
NOTE_SOURCE = "Göteborgs-\u200bPosten\u2060\U0001d173"
INVISIBLE = ("\u200b", "\u2060", "\U0001d173")
#: motiveringar that begin with a formula in the two forms the CSV guard missed
FULL_WIDTH = "\uff1d1+1 Lägesbilden har ett särskilt fokus."
SOFT_HYPHEN = '\u00ad=HYPERLINK("https://evil.example") Bolagets ytor.'

runner = CliRunner()


def _runner_start(line: str) -> str:
    """The line as the GitHub runner looks for a command: .NET's TrimStart (every white space,
    Python's isspace being a superset)."""
    return line.lstrip()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("klasser") / "data"
    shutil.copytree(ROOT / "data", root)
    omraden = root / "omraden.yaml"
    text = omraden.read_text(encoding="utf-8")
    assert "utgivare: Göteborgs-Posten\n" in text
    omraden.write_text(
        text.replace("utgivare: Göteborgs-Posten\n", f'utgivare: "{NOTE_SOURCE}"\n'),
        encoding="utf-8",
    )
    higab = root / "rapporter/2025/higab.yaml"
    text = higab.read_text(encoding="utf-8")
    first = "    nulage: |\n"
    assert first in text
    block = "".join(f"      {line}\n" for line in COMMANDS.splitlines())
    text = text.replace(first, first + block, 1)
    for old, new in (
        (
            "motivering: Lägesbilden har ett särskilt fokus på fastigheterna i och nära de "
            "utsatta områdena.",
            f"motivering: {FULL_WIDTH}",
        ),
        (
            "motivering: Bolagets ytor har skötts enligt basnivån sedan 2023.",
            f"motivering: '{SOFT_HYPHEN}'",
        ),
    ):
        assert old in text
        text = text.replace(old, new)
    higab.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(root), "--format", "json"])
    assert result.exit_code == 0, result.stdout[-2000:]
    return root


def test_the_markdown_report_on_stdout_starts_no_workflow_command(data: Path) -> None:
    result = runner.invoke(app, ["report", "2025", "--data", str(data)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n")
    assert [line for line in lines if _runner_start(line).startswith("::")] == []
    # each line as the nämnd wrote it, the command escaped (a leading hard space is a plain
    # one by then, and dropped as any leading space in Markdown)
    for expected in (
        "\\::error file=data/plan.yaml::falskt fel",
        "\u3000\u3000\\::add-mask::hemlig",
        "\u2003\\::stop-commands::tok",
    ):
        assert expected in lines


def test_no_invisible_character_reaches_the_html_page_or_its_charts(data: Path) -> None:
    result = runner.invoke(app, ["report", "2025", "--data", str(data), "--format", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert [c for c in INVISIBLE if c in page] == []
    assert "<title>2015: 6 (annan källa än polisen, antal enligt Göteborgs-Posten)</title>" in page
    assert unicodedata.is_normalized("NFC", page)


def test_a_formula_behind_a_full_width_sign_or_a_soft_hyphen_is_text_in_csv(
    data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "csv"
    result = runner.invoke(
        app, ["export", "2025", "--data", str(data), "--format", "csv", "--output", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    text = (out / "insatsrapporter.csv").read_text(encoding="utf-8").removeprefix(BOM)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    cells = [
        cell
        for row in rows
        for cell in row
        if cell.lstrip("'").startswith(("\uff1d", "\u00ad", "=HYPERLINK"))
    ]
    # the soft hyphen before the formula hyphenates nothing: the cell drops it (decision
    # 0518) and the formula behind it still gets the apostrophe
    assert sorted(cells) == sorted([f"'{FULL_WIDTH}", f"'{SOFT_HYPHEN.removeprefix(chr(0xAD))}"])
