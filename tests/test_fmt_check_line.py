"""`utsatta fmt --check` names, per file, the first line that differs (of the file as it is) and
what it would become: whoever edits in GitHub's web editor cannot run `utsatta fmt` (flow23,
docs/decisions/0657). In the github format it is an annotation on that line; with --bara-visa
(a pull request) a warning, and the run does not fail on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import SHIPPED
from utsatta.cli.app import app
from utsatta.fmt.difference import first_difference

REPORT = "rapporter/2022/arbetsmarknad-och-vuxenutbildning.yaml"
NAME = f"data/{REPORT}"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    (root / "rapporter/2022").mkdir(parents=True)
    for name in ("plan.yaml", "organisationer.yaml", "omraden.yaml", REPORT):
        (root / name).write_bytes((SHIPPED / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    for name in ("UTSATTA_DATA", "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    return root


def _edit(root: Path, old: str, new: str) -> None:
    path = root / REPORT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fmt(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["fmt", "--check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines()


def test_trailing_spaces_are_named_with_their_line(data: Path) -> None:
    _edit(data, "ar: 2022\n", "ar: 2022   \n")
    assert _fmt() == (
        1,
        [
            f"skulle formateras om: {NAME} (rad 3: blanksteg i slutet av raden tas bort)",
            "1 fil av 4 skulle formateras om. Formatera den med: utsatta fmt",
        ],
    )


def test_a_line_that_changes_is_shown_as_it_would_be(data: Path) -> None:
    _edit(data, "    bedomning: bedoms-uppnas\n", "    bedomning:    bedoms-uppnas\n")
    code, lines = _fmt()
    assert code == 1
    assert lines[0] == f"skulle formateras om: {NAME} (rad 15 blir: `    bedomning: bedoms-uppnas`)"


def test_github_gives_an_annotation_on_the_line(data: Path) -> None:
    (data / REPORT).write_text((data / REPORT).read_text(encoding="utf-8") + "\n\n")
    lines = (data / REPORT).read_text(encoding="utf-8").split("\n")
    blank = len(lines) - 2  # the first of the two blank lines at the end, from 1
    assert _fmt("--format", "github") == (
        1,
        [
            f"::error file={NAME},line={blank},col=1,title=fmt-formateras-om::Filen skulle "
            f"formateras om av utsatta fmt: rad {blank}: den tomma raden tas bort.",
            "1 fil av 4 skulle formateras om. Ändra raden som anteckningen visar (det går i "
            "GitHubs webbredigerare), eller formatera den med: utsatta fmt",
        ],
    )


def test_show_only_makes_the_difference_a_warning_not_a_failure(data: Path) -> None:
    _edit(data, "ar: 2022\n", "ar: 2022 \n")
    code, lines = _fmt("--format", "github", "--bara-visa")
    assert code == 0
    assert lines[0] == (
        f"::warning file={NAME},line=3,col=1,title=fmt-formateras-om::Filen skulle formateras "
        "om av utsatta fmt: rad 3: blanksteg i slutet av raden tas bort."
    )
    assert _fmt("--bara-visa")[0] == 0
    # a file fmt cannot format still fails
    _edit(data, "ar: 2022 \n", "ar: 2022\nar: 2023\n")
    assert _fmt("--format", "github", "--bara-visa")[0] == 1


def test_show_only_is_only_for_check(data: Path) -> None:
    result = CliRunner().invoke(app, ["fmt", "--bara-visa"])
    assert result.exit_code == 2
    assert "--bara-visa gäller bara med --check." in result.stderr


def test_what_a_line_becomes_is_bounded_and_escaped_by_the_channel(data: Path) -> None:
    # validate accepts the text; the echo of what the line becomes is shortened, and no part
    # of it can become a workflow command in the CI log
    value = "%0A::error::x " + "lång text " * 10
    _edit(data, "    bedomning: bedoms-uppnas\n", f'    bedomning:   bedoms-uppnas  # "{value}"\n')
    code, lines = _fmt("--format", "github")
    assert code == 1
    assert lines[0].startswith(f"::error file={NAME},line=15,col=1,title=fmt-formateras-om::")
    assert "%250A::error::x" in lines[0]
    assert lines[0].endswith("… (150 tecken)`.")
    assert len(lines) == 2


def test_first_difference() -> None:
    assert first_difference("a: 1\n", "a: 1\n") is None
    assert first_difference("a: 1  \nb: 2\n", "a: 1\nb: 2\n") == (
        1,
        ": blanksteg i slutet av raden tas bort",
    )
    assert first_difference("a: 1\n\n", "a: 1\n") == (2, ": den tomma raden tas bort")
    assert first_difference("a: 1\n\nb: 2\n", "a: 1\nb: 2\n") == (2, ": den tomma raden tas bort")
    assert first_difference("a: 1\nb: 2\n", "a: 1\n\nb: 2\n") == (
        2,
        ": en tom rad läggs in före raden",
    )
    assert first_difference("a:\n- x\n", "a:\n  - x\n") == (2, " blir: `  - x`")
    # a BOM and CRLF do not move the line; the last line's break alone is no line's text
    assert first_difference("\ufeffa: 1\r\nb:  2\r\n", "a: 1\nb: 2\n") == (2, " blir: `b: 2`")
    assert first_difference("a: 1", "a: 1\n") is None
    long = "x" * 200
    assert first_difference(f"a:  {long}\n", f"a: {long}\n") == (
        1,
        f" blir: `a: {'x' * 77}… (203 tecken)`",
    )
