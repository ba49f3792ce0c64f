"""The Markdown report's last step (docs/decisions/0652): every value a Markdown template prints
is shown as written unless a filter or the template itself marked it safe Markdown; and the
bundled templates never leave that step anything to change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from tests.support import SharedReport
from utsatta.render.markdown import MdSafe
from utsatta.render.report import ReportView, environment, render

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
SHIPPED = HERE.parent / "data"


@pytest.fixture(scope="module")
def view(shared_report: Callable[[Path, int], SharedReport]) -> ReportView:
    return shared_report(FIXTURE, 2023).view


def _own(tmp_path: Path, source: str, **files: str) -> Path:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.md.j2").write_text(source, "utf-8")
    for name, text in files.items():
        (own / name).write_text(text, "utf-8")
    return own


RAW = "{{ r.titel }}\n\n| Namn | Värde |\n|---|---|\n| {{ r.titel }} | 1 |\n"


@pytest.mark.parametrize(
    ("titel", "shown"),
    [
        ("[klicka](javascript:alert(1))", r"\[klicka\](javascript:alert(1))"),
        ("![bild](https://e.se/x.png)", r"!\[bild\](`https://e.se/x.png`)"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)>"),
        ("x<script>alert(1)</script>", r"x\<script>alert(1)\</script>"),
        ("a | b", r"a \| b"),
        ("# Rubrik", r"\# Rubrik"),
        ("rad ett\n# rubrik\n\n- lista", "rad ett # rubrik / - lista"),
        ("a\u202eb\x07c\x1b[31m\u200bd", r"abc\[31md"),
        ("**fet** `kod`", r"\*\*fet\*\* \`kod\`"),
    ],
)
def test_a_raw_value_in_an_own_template_is_shown_as_written(
    tmp_path: Path, view: ReportView, titel: str, shown: str
) -> None:
    """A data repository's template that prints a value without a filter, in a paragraph and
    in a table cell: the value is escaped as ``text`` escapes it (the escaping safe in both)."""
    out = render(replace(view, titel=titel), "md", _own(tmp_path, RAW))
    assert out == f"{shown}\n\n| Namn | Värde |\n|---|---|\n| {shown} | 1 |\n"
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(out)
    inline = [c for t in tokens for c in t.children or []]
    assert not {"link_open", "image", "html_inline"} & {c.type for c in inline}
    assert not {"heading_open", "html_block", "bullet_list_open"} & {t.type for t in tokens}
    assert sum(t.type == "td_open" for t in tokens) == 2  # the row keeps its two cells
    assert not any((ord(c) < 32 and c != "\n") or 0x202A <= ord(c) <= 0x202E for c in out)


def test_any_other_value_is_escaped_as_text(tmp_path: Path, view: ReportView) -> None:
    """Not only a str: a list, None or Jinja's HTML escaping (Markup is no Markdown) is shown as
    written too; a number as it is."""
    own = _own(
        tmp_path, "{{ [r.titel] }} · {{ none }} · {{ r.titel|e }} · {{ r.ar }} · {{ 0.5 }}\n"
    )
    out = render(replace(view, titel="[a](b)"), "md", own)
    assert out == r"\['\[a\](b)'\] · None · \[a\](b) · 2023 · 0.5" + "\n"


def test_what_is_marked_is_printed_once(tmp_path: Path, view: ReportView) -> None:
    """A filter's output, a macro's, caller()'s, a block's, super()'s and ``safe`` are not
    escaped again; a text built from a marked one (``~``) is no longer marked."""
    own = _own(
        tmp_path,
        '{% extends "bas.md.j2" %}\n'
        "{% block b %}{{ super() }} *egen* {{ r.titel|text }}{% endblock %}\n",
        **{
            "bas.md.j2": (
                "{% macro m(x) %}**{{ x|text }}**{% endmacro %}"
                "{% macro k() %}_{{ caller() }}_{% endmacro %}"
                "{% block b %}[bas]({{ mdref('x') }}){% endblock %}\n\n"
                "{{ self.b() }}\n{{ m(r.titel) }}\n{% call k() %}*{{ r.titel }}*{% endcall %}\n\n"
                '{{ ("*" ~ r.titel|text ~ "*")|safe }}\n{{ "*" ~ r.titel|text ~ "*" }}\n'
            )
        },
    )
    out = render(replace(view, titel="a*b"), "md", own)
    assert out.splitlines() == [
        r"[bas](x) *egen* a\*b",  # the block as extended, where the base puts it
        r"[bas](x) *egen* a\*b",  # self.b()
        r"**a\*b**",
        r"_*a\*b*_",
        r"*a\*b*",
        r"\*a\\\*b\*",  # built with ~ and not marked: the whole is shown as written
    ]


def test_the_bundled_templates_need_no_last_step(
    monkeypatch: pytest.MonkeyPatch, shared_report: Callable[[Path, int], SharedReport]
) -> None:
    """The bundled Markdown templates say what each value is (a filter, or ``safe`` for what
    they build themselves): for the fixture and the shipped data the last step changes no
    value they print, so the reports are the same with and without it (the goldens)."""
    changed: list[str] = []
    real = environment.md_finalize

    def strict() -> Callable[[Any], Any]:
        finalize = real()

        def check(value: Any) -> Any:
            out = finalize(value)
            if not isinstance(value, MdSafe) and str(out) != str(value):
                changed.append(repr(value))
            return out

        return check

    monkeypatch.setattr(environment, "md_finalize", strict)
    for folder, ar in [(FIXTURE, 2023), (SHIPPED, 2025), (SHIPPED, 2023)]:
        render(shared_report(folder, ar).view, "md")
    assert changed == []


def test_an_anchor_to_no_heading_is_a_slug(tmp_path: Path, view: ReportView) -> None:
    """mdref's output is printed as it is; a key no heading carries (here from the data) is
    its slug, never Markdown of its own."""
    own = _own(
        tmp_path, "# Rubrik{{ mdmark('r') }}\n\n[a](#{{ mdref('r') }}) [b](#{{ mdref(r.titel) }})\n"
    )
    out = render(replace(view, titel="x) [c](javascript:alert(1)"), "md", own)
    assert out == "# Rubrik\n\n[a](#rubrik) [b](#x-cjavascriptalert1)\n"


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(
    "block",
    [
        '{% filter replace("X", r.titel) %}X{% endfilter %}',
        "{% filter format(r.titel) %}%s{% endfilter %}",
        "{% filter default(r.titel, true) %}{% endfilter %}",
        "{% filter upper %}a{% endfilter %}",
    ],
)
def test_a_filter_block_is_refused(tmp_path: Path, view: ReportView, fmt: str, block: str) -> None:
    """Jinja writes a {% filter %} block's result without finalize or autoescaping, so a filter
    given a text from the data would print it raw: the block is refused in both formats, with
    the template's file and line (review23)."""
    own = tmp_path / "templates"
    own.mkdir()
    (own / f"report.{fmt}.j2").write_text(f"Rubrik\n{block}\n", "utf-8")
    with pytest.raises(environment.TemplateFailed) as caught:
        render(replace(view, titel="<img src=x onerror=alert(1)> [a](javascript:b)"), fmt, own)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"{own / f'report.{fmt}.j2'}:2: mallen använder ett {{% filter %}}-block, som inte är "
        "tillåtet: dess resultat skulle skrivas utan att texten från datan görs säker. Skriv "
        "filtret på värdet i stället, t.ex. {{ värde | upper }}."
    )


HOSTILE = "<img src=x onerror=alert(1)> [a](javascript:b) a*b"


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("md", r"*\<img src=x onerror=alert(1)> \[a\](javascript:b) a\*b* / [\[a\]]"),
        ("html", "*&lt;img src=x onerror=alert(1)&gt; [a](javascript:b) a*b* / [[a]]"),
    ],
)
def test_a_set_block_is_printed_once(
    tmp_path: Path, view: ReportView, fmt: str, shown: str
) -> None:
    """A {% set %} block's text is template text and values that have passed the last step,
    like a macro's output: printed as it is, the text from the data escaped once, in both
    formats and inside a macro (docs/decisions/0660; it was escaped twice in Markdown)."""
    own = tmp_path / "templates"
    own.mkdir()
    (own / f"report.{fmt}.j2").write_text(
        "{% set x %}*{{ r.titel }}*{% endset %}"
        "{% macro m(t) %}{% set y %}[{{ t }}]{% endset %}{{ y }}{% endmacro %}"
        '{{ x }} / {{ m("[a]") }}\n',
        "utf-8",
    )
    assert render(replace(view, titel=HOSTILE), fmt, own) == shown + "\n"  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(
    "block",
    [
        "{% set x | striptags %}{{ r.titel }}{% endset %}{{ x }}",
        '{% set x | replace("X", r.titel) %}X{% endset %}{{ x }}',
        "{% set x | upper %}a{% endset %}{{ x }}",
    ],
)
def test_a_filter_on_a_set_block_is_refused(
    tmp_path: Path, view: ReportView, fmt: str, block: str
) -> None:
    """A set block's filter gets the block's finished text: ``striptags`` turned the escaped
    ``&lt;img`` back into ``<img`` and the HTML environment marked it Markup (an element from
    the data in the page), and a filter naming a value outside the block broke Jinja's own
    compiler (AssertionError). Refused in both formats, with the file and line (0660)."""
    own = tmp_path / "templates"
    own.mkdir()
    (own / f"report.{fmt}.j2").write_text(f"Rubrik\n{block}\n", "utf-8")
    with pytest.raises(environment.TemplateFailed) as caught:
        render(replace(view, titel=HOSTILE), fmt, own)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"{own / f'report.{fmt}.j2'}:2: mallen använder ett {{% set %}}-block med filter, som "
        "inte är tillåtet: filtret får blockets färdiga text och kan göra texten från datan "
        "osäker igen. Skriv filtret på värdet inne i blocket i stället, t.ex. "
        "{% set x %}{{ värde | upper }}{% endset %}."
    )


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("https://polisen.se/a b", "<https://polisen.se/a%20b>"),
        ("HTTP://e.se", "<HTTP://e.se>"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("<javascript:alert(1)>", r"\<javascript:alert(1)>"),
        ("mailto:a@b.se", "`mailto:a@b.se`"),
    ],
)
def test_mdurl_links_only_a_web_address(
    tmp_path: Path, view: ReportView, address: str, shown: str
) -> None:
    """mdurl's output is printed as it is: an autolink only for an http(s) address (the
    schema's rule for a source); any other value an own template passes is shown as text."""
    out = render(replace(view, titel=address), "md", _own(tmp_path, "{{ r.titel|mdurl }}\n"))
    assert out == shown + "\n"
    (token,) = MarkdownIt("commonmark").parseInline(out.strip())
    links = [c.attrs.get("href") for c in token.children or [] if c.type == "link_open"]
    web = address.lower().startswith("http")
    assert len(links) == (1 if web else 0)


def test_an_anchor_key_with_a_marker_character_stays_an_anchor(
    tmp_path: Path, view: ReportView
) -> None:
    """A key with the characters that end a marker (from the data, through an own template)
    stays inside its marker: the output is one anchor, no link of its own."""
    own = _own(tmp_path, "[b](#{{ mdref(r.titel) }})\n")
    out = render(replace(view, titel="a\x03[x](javascript:alert(1))"), "md", own)
    assert out == "[b](#axjavascriptalert1)\n"
