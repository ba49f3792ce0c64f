"""Emphasis nested as deep as a text has asterisks: a short text ("**" * 300, 1 201 characters)
that validate accepts must never stop the report in any format, and a recursion in our own
code is never blamed on a template (granska19 F1, granska19b F1, docs/decisions/0578). The
reports keep emphasis MAX_EMPHASIS deep; deeper pairs are dropped and their text kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from utsatta import mdtext
from utsatta.mdlinks import MAX_EMPHASIS
from utsatta.render import markdown
from utsatta.render.report.environment import TemplateFailed, render
from utsatta.render.report.view import ReportView

DEPTHS = [300, 2000]


KEPT = "**" * MAX_EMPHASIS


def test_emphasis_to_the_limit_is_written_again_as_it_stands() -> None:
    text = KEPT + "a" + KEPT
    assert MAX_EMPHASIS == 20
    assert mdtext.inline(text) == text
    assert mdtext.block(f"- {text}\n- b") == f"- {text}\n- b"
    assert str(markdown.richtext(text)).count("<strong>") == MAX_EMPHASIS


@pytest.mark.parametrize("n", DEPTHS)
def test_deeper_emphasis_keeps_the_limit_and_the_text(n: int) -> None:
    text = "**" * n + "a" + "**" * n
    assert mdtext.inline(text) == KEPT + "a" + KEPT
    assert mdtext.cell(text) == KEPT + "a" + KEPT
    assert mdtext.block(text) == KEPT + "a" + KEPT
    assert mdtext.block(f"- {text}\n- b") == f"- {KEPT}a{KEPT}\n- b"
    html = str(markdown.richtext(text))
    assert html.count("<strong>") == MAX_EMPHASIS and html.count("</strong>") == MAX_EMPHASIS
    assert ">a<" in html


@pytest.mark.parametrize("n", DEPTHS)
def test_nested_underscores_become_asterisks_at_any_depth(n: int) -> None:
    # as at depth one ('_a_' is written '*a*'), to the limit
    assert mdtext.inline("_" * n + "a" + "_" * n) == KEPT + "a" + KEPT


def test_a_link_inside_deep_emphasis_keeps_its_address() -> None:
    text = "**" * 400 + "[Rapport](https://goteborg.se/r)" + "**" * 400
    assert mdtext.inline(text) == KEPT + "Rapport (`https://goteborg.se/r`)" + KEPT


def test_emphasis_after_a_deep_run_is_kept() -> None:
    """The limit counts the emphasis open at a point, not all that came before."""
    text = "**" * 30 + "a" + "**" * 30 + " och *b*"
    assert mdtext.inline(text) == KEPT + "a" + KEPT + " och *b*"


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
    formats = ["md", "html"]
    if os.environ.get("UTSATTA_REQUIRE_PDF") or _has_pdf():
        formats.append("pdf")  # WeasyPrint recursed per element: "**" * 250 broke it
    for fmt in formats:
        out = base_copy.parent / f"rapport.{fmt}"
        done = subprocess.run(
            [*run, "report", "2023", "--data", str(base_copy), "--format", fmt, "-o", str(out)],
            capture_output=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
        if fmt == "pdf":
            assert out.read_bytes().startswith(b"%PDF")
            continue
        written = out.read_text(encoding="utf-8")
        assert (KEPT + "a" + KEPT if fmt == "md" else "<strong>" * MAX_EMPHASIS + "a") in written


def _has_pdf() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


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
