"""Texts about a report year name that year ("för 2023", "under 2023"), never "i år": a report
for 2023 is often written in 2024, and "i år" would then mean the wrong year."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from tests.support import BASE
from utsatta import load
from utsatta.cli.app import app
from utsatta.compute.coverage import RAKNING_DEFINITION
from utsatta.scaffold import report_scaffold

I_AR = re.compile(r"\bi år\b")


def test_the_report_template_names_the_year() -> None:
    text = report_scaffold(load(BASE), 2023, "grundskolenamnden")
    assert "    # Områden som arbetet nått under 2023 (id ur omraden.yaml), t.ex. [bergsjon, " in (
        text
    )
    assert I_AR.search(text) is None


def test_help_legend_and_definition_never_say_i_ar(tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(app, ["ny", "rapport", "--help"], terminal_width=200).stdout
    assert "Skapa rapporter/ÅR/ORGANISATION.yaml med varje insats som ska rapporteras för ÅR." in (
        help_text
    )
    status = runner.invoke(app, ["status", "2023", "--data", str(BASE)], terminal_width=200)
    assert "○ frivillig för 2023 (återrapportering under" in status.stdout
    for text in (help_text, status.stdout, RAKNING_DEFINITION):
        assert I_AR.search(text) is None, text
