"""Emphasis nested as deep as a text has asterisks: a short text ("**" * 300, 1 201 characters)
that validate accepts must never stop the report, and a recursion in our own code is never
blamed on a template (granska19 F1, docs/decisions/0578)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from utsatta import mdtext
from utsatta.render import markdown
from utsatta.render.report.environment import TemplateFailed, render
from utsatta.render.report.view import ReportView

DEPTHS = [300, 2000]


@pytest.mark.parametrize("n", DEPTHS)
def test_nested_strong_is_written_again_as_it_stands(n: int) -> None:
    text = "**" * n + "a" + "**" * n
    assert mdtext.inline(text) == text
    assert mdtext.cell(text) == text
    assert mdtext.block(text) == text
    assert mdtext.block(f"- {text}\n- b") == f"- {text}\n- b"


@pytest.mark.parametrize("n", DEPTHS)
def test_nested_underscores_become_asterisks_at_any_depth(n: int) -> None:
    # as at depth one ('_a_' is written '*a*'): the same writer at every depth
    assert mdtext.inline("_" * n + "a" + "_" * n) == "*" * n + "a" + "*" * n


def test_a_link_inside_deep_emphasis_keeps_its_address() -> None:
    text = "**" * 400 + "[Rapport](https://goteborg.se/r)" + "**" * 400
    assert mdtext.inline(text) == "**" * 400 + "Rapport (`https://goteborg.se/r`)" + "**" * 400


@pytest.mark.parametrize("n", DEPTHS)
def test_html_nests_the_same_emphasis(n: int) -> None:
    html = str(markdown.richtext("**" * n + "a" + "**" * n))
    assert html.count("<strong>") == n and html.count("</strong>") == n


def test_the_report_is_written_with_deep_emphasis_in_a_text(base_copy: Path) -> None:
    report = base_copy / "rapporter" / "2023" / "grundskolenamnden.yaml"
    deep = "**" * 300 + "a" + "**" * 300
    text = report.read_text(encoding="utf-8")
    assert "    nulage: Arbetet pågår.\n" in text
    report.write_text(
        text.replace("    nulage: Arbetet pågår.\n", f"    nulage: '{deep}'\n", 1), encoding="utf-8"
    )
    env = {**os.environ, "GITHUB_ACTIONS": ""}
    run = [sys.executable, "-m", "utsatta"]
    checked = subprocess.run(
        [*run, "validate", "--data", str(base_copy)],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr.decode()
    for fmt in ("md", "html"):
        out = base_copy.parent / f"rapport.{fmt}"
        done = subprocess.run(
            [*run, "report", "2023", "--data", str(base_copy), "--format", fmt, "-o", str(out)],
            capture_output=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
        written = out.read_text(encoding="utf-8")
        assert (deep if fmt == "md" else "<strong>" * 300 + "a") in written


def test_a_recursion_in_a_filter_is_not_blamed_on_the_template(
    view_2025: ReportView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter that recursed on a text was told as 'mallen anropar sig själv' with the bundled
    template's file and line; it is our bug, and stays Python's own error (exit_code: a bug)."""

    def endless(text: str) -> str:
        return endless(text)

    monkeypatch.setattr(markdown, "block", endless)
    with pytest.raises(RecursionError):
        render(view_2025, "md")


def test_a_template_that_calls_itself_is_still_the_templates(
    view_2025: ReportView, tmp_path: Path
) -> None:
    (tmp_path / "report.md.j2").write_text(
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", encoding="utf-8"
    )
    with pytest.raises(TemplateFailed, match=r"report\.md\.j2:1: mallen anropar sig själv"):
        render(view_2025, "md", tmp_path)
