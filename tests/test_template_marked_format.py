"""A text the template marked (a {% set %} block, a macro's output, a filter's) filled with the
data's text by .format, format_map, '%' or |format: the data's text is still escaped once and
cleaned (review24: in Markdown it came out raw; in HTML escaped but with its control and bidi
characters), and {% autoescape false %} is refused as filter blocks are (docs/decisions/0664)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support import REPORT_FIXTURE, SharedReport
from utsatta.render.report import ReportView, environment, render

TITEL = "<img src=x onerror=alert(1)> [a](javascript:b)\x1b[31m\u202eX"
MD = r"\<img src=x onerror=alert(1)> \[a\](javascript:b)\[31mX"
HTML = "&lt;img src=x onerror=alert(1)&gt; [a](javascript:b)[31mX"


@pytest.fixture(scope="module")
def view(shared_report: Callable[[Path, int], SharedReport]) -> ReportView:
    return replace(shared_report(REPORT_FIXTURE, 2023).view, titel=TITEL)


def _render(tmp_path: Path, view: ReportView, fmt: str, source: str) -> str:
    own = tmp_path / "templates"
    own.mkdir()
    (own / f"report.{fmt}.j2").write_text(source + "\n", "utf-8")
    return render(view, fmt, own)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fmt", "source", "shown"),
    [
        # Markdown: the filled text is plain, so the last step escapes all of it
        ("md", "{% set t %}**{n}**{% endset %}{{ t.format(n=r.titel) }}", rf"\*\*{MD}\*\*"),
        ("md", "{% macro m() %}*{0}*{% endmacro %}{{ m().format(r.titel) }}", rf"\*{MD}\*"),
        ("md", "{{ ('{0}'|text).format(r.titel) }}", MD),
        ("md", "{% set t %}_%s_{% endset %}{{ t % r.titel }}", rf"\_{MD}\_"),
        ("md", "{% set t %}_%s_{% endset %}{{ t|format(r.titel) }}", rf"\_{MD}\_"),
        # HTML: the template's own markup kept, the data's text escaped and cleaned
        ("html", "{% set x %}<b>{0}</b>{% endset %}{{ x.format(r.titel) }}", f"<b>{HTML}</b>"),
        ("html", "{% set x %}<b>{a}</b>{% endset %}{{ x.format_map({'a': r.titel}) }}",
         f"<b>{HTML}</b>"),
        ("html", "{% set x %}<b>%s</b>{% endset %}{{ x % r.titel }}", f"<b>{HTML}</b>"),
        ("html", "{% set x %}<b>%s</b>{% endset %}{{ x % (r.titel,) }}", f"<b>{HTML}</b>"),
        ("html", "{% set x %}<b>%s</b>{% endset %}{{ x|format(r.titel) }}", f"<b>{HTML}</b>"),
        ("html", "{% set x %}<i>{0}</i>{% endset %}{{ x.format(7) }}", "<i>7</i>"),
    ],
)  # fmt: skip
def test_a_marked_text_filled_with_data_escapes_it_once(
    tmp_path: Path, view: ReportView, fmt: str, source: str, shown: str
) -> None:
    assert _render(tmp_path, view, fmt, source) == shown + "\n"


def test_a_marked_html_text_takes_no_object_whose_fields_would_go_uncleaned(
    tmp_path: Path, view: ReportView
) -> None:
    with pytest.raises(environment.TemplateFailed) as caught:
        _render(tmp_path, view, "html", "{% set x %}<b>{0.titel}</b>{% endset %}{{ x.format(r) }}")
    assert str(caught.value) == (
        f"{tmp_path / 'templates' / 'report.html.j2'}:1: en färdig HTML-text i mallen fylls bara "
        "med text och tal, inte med ReportView: skriv fältet som {{ värde.fält }}."
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("value", ["false", "r.titel", "0"])
def test_autoescape_cannot_be_turned_off(
    tmp_path: Path, view: ReportView, fmt: str, value: str
) -> None:
    source = f"Rubrik\n{{% autoescape {value} %}}{{{{ r.titel }}}}{{% endautoescape %}}"
    with pytest.raises(environment.TemplateFailed) as caught:
        _render(tmp_path, view, fmt, source)
    assert str(caught.value) == (
        f"{tmp_path / 'templates' / f'report.{fmt}.j2'}:2: mallen stänger av escapingen med "
        "{% autoescape false %}, som inte är tillåtet: texten från datan skulle skrivas utan att "
        "göras säker. Ta bort blocket; skriv en text som mallen själv bygger med |safe."
    )


def test_autoescape_true_is_allowed(tmp_path: Path, view: ReportView) -> None:
    source = "{% autoescape true %}{{ r.titel }}{% endautoescape %}"
    assert _render(tmp_path, view, "html", source) == HTML + "\n"
