"""A data folder whose name holds a control or bidi character ("data\\x1b[31m", "da\\u202eta"):
the name never reaches stdout or stderr raw (text and github formats), and no command a message
suggests names it as the channel shows it (``data\\x1b[31m`` pasted is another folder): the one
builder (escape.shell_command) gives why instead (docs/decisions/0385)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.cli.app import app

#: (folder name, as every message shows it, the character's code and what it is)
ODD = [
    ("data\x1b[31m", "data\\x1b[31m", "U+001B", "ett styrtecken"),
    ("da\u202eta", "da<U+202E>ta", "U+202E", "ett riktningstecken"),
]
NO_COMMAND = (
    "(inget kommando kan ges: sökvägen har tecknet {code}, {kind}, som inte kan skrivas i ett "
    "kommando; byt namn på mappen eller filen först)"
)
#: what must never be written raw: controls (but the line feed), C1, bidi and direction marks
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: a suggested command, to the end of its line (a command ends its line, decision 0370); one
#: in quotes ('utsatta validate --help' för hjälp) is followed by the rest of its sentence
COMMAND = re.compile(r"(')?\b((?:utsatta (?:validate|fmt|ny|report|export)|git mv)\b.*)")
#: a character made visible by the channel's escaping: no shell reads it back as that character
SHOWN = re.compile(r"\\x[0-9a-f]{2}|<U\+[0-9A-F]{4,6}>")


@pytest.fixture(params=ODD, ids=["control", "bidi"])
def odd(request: pytest.FixtureRequest, base_cwd: Path) -> tuple[str, str, str]:
    """The base data under the odd name (in the working folder), and how messages show it
    and the refusal for it."""
    name, shown, code, kind = request.param
    (base_cwd / "data").rename(base_cwd / name)
    return name, shown, NO_COMMAND.format(code=code, kind=kind)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    for stream in (result.stdout, result.stderr):
        assert not RAW.findall(stream), (args, stream)
        for quote, command in COMMAND.findall(stream):
            assert not SHOWN.search(command), (args, command)
            if not quote:
                shlex.split(command)  # quoted as a shell reads it
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_validate_suggests_no_command_with_the_shown_name(
    odd: tuple[str, str, str], fmt: str
) -> None:
    name, shown, refused = odd
    code, out, err = _run("validate", "--format", fmt, "--data", name, "--year", "2024")
    assert (code, err) == (0, "")
    said = [line for line in out.splitlines() if "saknas" in line]
    assert len(said) == 4
    for line in said:
        assert f"{shown}/" in line
        # the command's name, then why no command can be given, in plain words that end the
        # sentence (escape.command_sentence), never inside quotes as a command would be
        reason = refused[1:-1]
        assert (
            line.endswith(f"Skapa filen med utsatta ny rapport, men {reason}.")
            if "rapport-saknas" in line
            else line.endswith(
                f"saknas: skapa filen och fyll i den. Filen skapas med utsatta ny uppfoljning, "
                f"men {reason}."
            )
        ), line


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_validate_of_named_files_points_at_the_rest_without_a_command(
    odd: tuple[str, str, str], fmt: str
) -> None:
    name, shown, refused = odd
    path = Path(name) / "indikatorer" / "valdeltagande.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("riktning: hogre-ar-battre", "riktning: bogus"), "utf-8")
    code, out, err = _run(
        "validate", "--format", fmt, "--data", name, f"{name}/rapporter/2023/kommunstyrelsen.yaml"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].endswith(
        f"1 fynd i andra filer visas inte ({shown}/indikatorer/valdeltagande.yaml); kör "
        f"{refused} för att se dem."
    )


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_fmt_check_gives_why_instead_of_the_command(odd: tuple[str, str, str], fmt: str) -> None:
    name, shown, refused = odd
    path = Path(name) / "rapporter/2023/kommunstyrelsen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ar: 2023", "ar:   2023"), "utf-8")
    code, out, err = _run("fmt", "--check", "--format", fmt, "--data", name)
    assert (code, err) == (1, "")
    file = f"{shown}/rapporter/2023/kommunstyrelsen.yaml"
    # in GitHub the line is an annotation, and changing it by hand the first advice (flow23)
    by_hand, formatera = (
        ("Ändra raden som anteckningen visar (det går i GitHubs webbredigerare), eller ", "f")
        if fmt == "github"
        else ("", "F")
    )
    assert out.splitlines() == [
        f"::error file={file},line=2,col=1,title=fmt-formateras-om::Filen skulle formateras om "
        "av utsatta fmt: rad 2 blir: `ar: 2023`."
        if fmt == "github"
        else f"skulle formateras om: {file} (rad 2 blir: `ar: 2023`)",
        f"1 fil av 12 skulle formateras om. {by_hand}{formatera}ormatera den med: {refused}",
    ]
    code, out, err = _run("fmt", "--check", "--format", fmt, "--data", name, str(path))
    assert (code, out.splitlines()[-1]) == (
        1,
        f"1 fil av 1 skulle formateras om. {by_hand}{formatera}ormatera den med: {refused}",
    )


def test_ny_writes_and_says_why_instead_of_the_command(odd: tuple[str, str, str]) -> None:
    name, shown, refused = odd
    code, out, err = _run("ny", "rapport", "2024", "grundskolenamnden", "--data", name)
    assert (code, err) == (0, "")
    assert out == (
        f"Skapade {shown}/rapporter/2024/grundskolenamnden.yaml. Fyll i fälten och kontrollera "
        f"med: {refused}\n"
    )
    text = (Path(name) / "rapporter/2024/grundskolenamnden.yaml").read_text(encoding="utf-8")
    assert f"\n# Kontrollera filen med: {refused}\n" in text
    assert not RAW.findall(text)


def test_a_refused_report_says_why_instead_of_the_check(odd: tuple[str, str, str]) -> None:
    name, shown, refused = odd
    path = Path(name) / "rapporter/2023/kommunstyrelsen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ar: 2023", "ar: x"), "utf-8")
    code, out, err = _run("report", "2023", "--data", name)
    assert (code, out) == (1, "")
    assert f"{shown}/rapporter/2023/kommunstyrelsen.yaml:" in err
    assert err.endswith(
        f"Rätta felen ovan och försök igen. Kontrollera datan igen med: {refused}\n"
    )


def test_a_file_outside_it_is_refused_without_a_command(
    odd: tuple[str, str, str], base_cwd: Path
) -> None:
    name, shown, refused = odd
    shutil.copytree(BASE, base_cwd / "annan")
    code, out, err = _run("validate", "--data", "annan", f"{name}/plan.yaml")
    assert (code, out) == (2, "")
    said = " ".join(err.split())
    assert said.endswith(
        f"{shown}/plan.yaml ligger inte i datamappen annan (från --data). Kör utan --data och "
        "UTSATTA_DATA, så kontrolleras varje fil mot den närmaste mappen ovanför den som har "
        f"en plan.yaml, eller kontrollera den mot sin egen datamapp med: {refused}"
    ), said
