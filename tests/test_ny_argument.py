"""`utsatta ny rapport ÅR ORGANISATION` with a value that is no year: the value is echoed
(escaped), and with the two arguments swapped the command in the right order is suggested."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app

USAGE = (
    "Användning: utsatta ny rapport [FLAGGOR] {ÅR} {ORGANISATION}\n"
    "Se 'utsatta ny rapport --help' för hjälp.\n"
)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["ny", "rapport", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_swapped_arguments_get_the_command_in_order(tmp_path: Path) -> None:
    data = tmp_path / "data"  # not read: a usage error comes before the data
    code, out, err = _run("stadsfastighetsnamnden", "2025", "--data", str(data))
    assert (code, out) == (2, "")
    assert err == USAGE + (
        "fel: Ogiltigt värde för ÅR: 'stadsfastighetsnamnden' är inget år. Ange året med "
        "siffror, t.ex. 2025. Året står först och organisationen sist: 'utsatta ny rapport "
        f"2025 stadsfastighetsnamnden --data {data}'.\n"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [("tjugo", "tjugo"), ("20\x1b[2J25", "20\\x1b[2J25"), ("a\u202eb", "a<U+202E>b")],
)
def test_a_value_that_is_no_year_is_echoed_escaped(value: str, shown: str) -> None:
    code, out, err = _run(value, "higab")
    assert (code, out) == (2, "")
    assert err == USAGE + (
        f"fel: Ogiltigt värde för ÅR: '{shown}' är inget år. Ange året med siffror, t.ex. 2025.\n"
    )


def test_no_swap_is_suggested_for_a_number_that_is_no_year() -> None:
    """'higab 25': '25 higab' would be refused too, so no command is suggested (review
    granska12, finding 7)."""
    code, out, err = _run("higab", "25")
    assert (code, out) == (2, "")
    assert err == USAGE + (
        "fel: Ogiltigt värde för ÅR: 'higab' är inget år. Ange året med siffror, t.ex. 2025.\n"
    )


def test_help_still_names_the_arguments() -> None:
    result = CliRunner().invoke(app, ["ny", "rapport", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "ÅR" in result.stdout and "ORGANISATION" in result.stdout


@pytest.mark.parametrize(
    ("value", "shown"),
    [("tjugo", "tjugo"), ("20\x1b[2J25", "20\\x1b[2J25"), ("a\u202eb", "a<U+202E>b")],
)
def test_ny_uppfoljning_echoes_a_value_that_is_no_year_as_ny_rapport(
    value: str, shown: str
) -> None:
    """Was a generic "ange ett heltal": the two ny commands now say the same."""
    result = CliRunner().invoke(app, ["ny", "uppfoljning", value], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "Användning: utsatta ny uppfoljning [FLAGGOR] {ÅR}\n"
        "Se 'utsatta ny uppfoljning --help' för hjälp.\n"
        f"fel: Ogiltigt värde för ÅR: '{shown}' är inget år. Ange året med siffror, t.ex. 2025.\n"
    )
