"""0582: a data repository's own HTML template whose page nests elements deeper than WeasyPrint
follows (it goes through them recursively) stopped `report --format pdf` with a traceback. It is
the template's error (exit 1, the template file named, what to do); with the bundled template a
recursion or a lack of memory in the PDF step is our bug and stays Python's own error (0578)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support import need_pdf
from utsatta.render.report.environment import TemplateFailed
from utsatta.render.report.view import ReportView

DEEP = (
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Egen</title></head>'
    "<body><h1>Uppföljning {{{{ r.ar }}}}</h1>"
    "{{% for i in range({n}) %}}<{tag}>{{% endfor %}}djupt"
    "{{% for i in range({n}) %}}</{tag}>{{% endfor %}}</body></html>\n"
)
TOO_DEEP = (
    ": sidan som mallen skriver har element i för många nivåer inuti varandra för PDF:en "
    "(WeasyPrint går igenom dem rekursivt och klarar ungefär hundra nivåer). Nästla elementen "
    "i färre nivåer i mallen."
)


@pytest.fixture
def weasyprint() -> Any:
    from utsatta.render.pdf import PdfUnavailableError, require_weasyprint

    try:
        return require_weasyprint()
    except PdfUnavailableError as exc:
        need_pdf(str(exc))


def _template(folder: Path, tag: str, n: int) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "report.html.j2"
    path.write_text(DEEP.format(tag=tag, n=n), encoding="utf-8")
    return path


@pytest.mark.parametrize("tag", ["div", "b"])
def test_a_custom_template_nested_too_deep_is_a_template_error(
    weasyprint: Any, base_cwd: Path, tag: str
) -> None:
    template = _template(base_cwd / "templates", tag, 1000)
    done = subprocess.run(
        [sys.executable, "-m", "utsatta", "report", "2023", "--format", "pdf", "-o", "r.pdf"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "GITHUB_ACTIONS": ""},
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"fel: {template.resolve()}{TOO_DEEP}\n"
    assert not (base_cwd / "r.pdf").exists()


def test_a_custom_template_nested_less_deep_is_laid_out(
    weasyprint: Any, view_2025: ReportView, tmp_path: Path
) -> None:
    from utsatta.render.pdf import render_pdf

    _template(tmp_path, "div", 50)
    assert render_pdf(view_2025, templates_dir=tmp_path).startswith(b"%PDF")


def _failing(weasyprint: Any, monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def render(*args: Any, **kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(weasyprint.HTML, "render", render)


def test_a_custom_template_that_takes_too_much_memory_is_a_template_error(
    weasyprint: Any, view_2025: ReportView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = _template(tmp_path, "div", 3)
    _failing(weasyprint, monkeypatch, MemoryError())
    from utsatta.render.pdf import render_pdf

    with pytest.raises(TemplateFailed) as failed:
        render_pdf(view_2025, templates_dir=tmp_path)
    assert str(failed.value) == (
        f"{template.resolve()}: sidan som mallen skriver kräver för mycket minne för att läggas "
        "ut som PDF. Gör sidan mindre i mallen."
    )


@pytest.mark.parametrize("error", [RecursionError, MemoryError])
def test_the_bundled_templates_page_failing_is_our_bug(
    weasyprint: Any,
    view_2025: ReportView,
    monkeypatch: pytest.MonkeyPatch,
    error: type[BaseException],
) -> None:
    """Never told as a template's fault: the bundled template is ours (0578's rule)."""
    _failing(weasyprint, monkeypatch, error("inifrån WeasyPrint"))
    from utsatta.render.pdf import render_pdf

    with pytest.raises(error, match="inifrån WeasyPrint"):
        render_pdf(view_2025, templates_dir=False)
