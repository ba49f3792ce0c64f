"""A report template's widths and counts are bounded and nothing in it is random
(docs/decisions/0664): '%999999999d' % 1, center(999999999) and the like took a gigabyte and
half a minute; lipsum() and |random gave another report for the same data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import REPORT_FIXTURE, SharedReport
from utsatta.render.report import ReportView, environment, render

WIDE = "en bredd i mallen är för stor (högst 10 000)."


@pytest.fixture(scope="module")
def view(shared_report: Callable[[Path, int], SharedReport]) -> ReportView:
    return shared_report(REPORT_FIXTURE, 2023).view


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("{{ '%999999999d' % 1 }}", WIDE),
        ("{{ '%.99999999f' % 1 }}", WIDE),
        ("{{ '%' ~ '9' * 5000 ~ 'd' }}", None),  # only built, never used as a format: fine
        ("{{ ('%' ~ '9' * 5000 ~ 'd') % 1 }}", WIDE),  # 5 000 digits: no int() of them
        ("{{ '%*d' % (5, 1) }}", "en bredd i mallen ska vara ett tal, inte '*'."),
        ("{{ 'x'|center(999999999) }}", WIDE),
        ("{{ 'x'|center(width=999999999) }}", WIDE),
        ("{{ '{:>999999999}'.format(1) }}", WIDE),
        ("{{ '{:{w}}'.format(1, w=5) }}", "en bredd i mallen ska vara ett tal, inte ett fält."),
        ("{{ 'a\\nb'|indent(999999999) }}", WIDE),
        ("{{ 'x'.ljust(999999999) }}", WIDE),
        ("{{ 'x\ty'.expandtabs(999999999) }}", WIDE),
        ("{{ {'a': 1}|tojson(indent=999999999) }}", WIDE),
        ("{{ '%99999999s'|format(1) }}", WIDE),
        (
            "{{ [1, 2]|slice(999999999)|list|length }}",
            "slice() i mallen ger för många delar (högst 10 000).",
        ),
        (
            "{{ ('a' * 1000000)|replace('', 'b' * 30) }}",
            "mallen bygger en text längre än 20 000 000 tecken med replace.",
        ),
        (
            "{{ ('a' * 1000000).replace('a', 'b' * 30) }}",
            "mallen bygger en text längre än 20 000 000 tecken med replace.",
        ),
    ],
)
def test_a_width_or_count_over_the_bound_is_refused(
    tmp_path: Path, view: ReportView, fmt: str, source: str, said: str | None
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / f"report.{fmt}.j2").write_text(f"Rubrik\n{source}\n", "utf-8")
    if said is None:
        assert "9" * 5000 + "d" in render(view, fmt, own)  # type: ignore[arg-type]
        return
    with pytest.raises(environment.TemplateFailed) as caught:
        render(view, fmt, own)  # type: ignore[arg-type]
    assert str(caught.value) == f"{own / f'report.{fmt}.j2'}:2: {said}"


def test_widths_a_report_uses_still_work(tmp_path: Path, view: ReportView) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    source = (
        "{{ '%-6s|' % 'a' }}{{ '%5.2f' % 3.14159 }}|{{ '{:>4}'.format(7) }}|{{ 'x'|center(5) }}|"
        "{{ 'y'.zfill(3) }}|{{ 'abc'|replace('b', 'x') }}|{{ '%s'|format(r.ar) }}|"
        "{{ [1, 2, 3]|slice(2)|list|length }}|{{ 7 % 3 }}\n"
    )
    (own / "report.html.j2").write_text(source, "utf-8")
    assert render(view, "html", own) == "a     | 3.14|   7|  x  |00y|axc|2023|2|1\n"


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "{{ lipsum(3) }}",
            "mallen kan inte användas: okänt namn 'lipsum': mallen har inget värde med det namnet.",
        ),
        (
            "{{ [1, 2]|random }}",
            "mallen kan inte användas: syntaxfel: det finns inget filter som heter 'random'. "
            "Rätta raden.",
        ),
    ],
)
def test_nothing_random(tmp_path: Path, view: ReportView, source: str, said: str) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.md.j2").write_text(source + "\n", "utf-8")
    with pytest.raises(environment.TemplateFailed) as caught:
        render(view, "md", own)
    assert str(caught.value).startswith(f"{own / 'report.md.j2'}:1: {said}")
