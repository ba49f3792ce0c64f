"""An error in a data repository's own report template is one Swedish message: the template
file and line, the kind of error and the detail translated; what we cannot translate is marked
as the template engine's (or Python's) own English words. Never a traceback
(docs/decisions/0109-template-errors.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.load.dataset import load
from utsatta.render.report import render
from utsatta.render.report.assemble import build
from utsatta.render.report.environment import TemplateFailed
from utsatta.render.report.view import ReportView

FIXTURE = Path(__file__).parent / "fixtures" / "report-data"


@pytest.fixture(scope="module")
def view() -> ReportView:
    return build(load(FIXTURE), 2023)


CASES = [
    (
        "{{ foo(1 }",
        "syntaxfel: oväntat '}', väntade ')'. Rätta raden.",
    ),
    (
        "{{ view.titel }}",
        "okänt namn 'view': mallen har inget värde med det namnet. Rapportens data heter r i "
        "mallen (t.ex. {{ r.ar }}); kontrollera stavningen mot mallarna i utsatta.",
    ),
    (
        "{{ r.rubrik_finns_inte }}",
        "okänt fält 'rubrik_finns_inte': ReportView har inget fält med det namnet; kontrollera "
        "stavningen mot mallarna i utsatta.",
    ),
    (
        "{{ r.ar.foo }}",
        "okänt fält 'foo': ett heltal har inget fält med det namnet; kontrollera stavningen mot "
        "mallarna i utsatta.",
    ),
    (
        "{{ a b }}",
        "syntaxfel: väntade slutet på {{ … }} (}}) men fick 'b'. Rätta raden.",
    ),
    (
        "{% for x in r.x %}{% endif %}",
        "syntaxfel: okänd tagg 'endif' (blocket 'for' ska stängas med 'endfor' eller 'else'). "
        "Rätta raden.",
    ),
    (
        "{% for x in y %}",
        "syntaxfel: mallen tar slut innan blocket 'for' är stängt (väntade 'endfor' eller "
        "'else'). Rätta raden.",
    ),
    (
        "{{ r.ar | nofilter }}",
        "syntaxfel: det finns inget filter som heter 'nofilter'. Rätta raden.",
    ),
    ("{# x", "syntaxfel: kommentaren som börjar med {# slutar aldrig med #}. Rätta raden."),
    ("{{ x ! y }}", "syntaxfel: oväntat tecken '!'. Rätta raden."),
    (
        "{{ 1/0 }}",
        'fel när mallen körs: division med noll (Python skriver på engelska: "division by '
        'zero"). Rätta raden.',
    ),
    (
        '{{ "a" + 1 }}',
        "fel när mallen körs: ett värde av fel slag (t.ex. ett tal där det ska vara en text, "
        'eller ett anrop av något som inte är en funktion) (Python skriver på engelska: "can '
        'only concatenate str (not "int") to str"). Rätta raden.',
    ),
    (
        "{{ r.ar() }}",
        "fel när mallen körs: ett värde av fel slag (t.ex. ett tal där det ska vara en text, "
        "eller ett anrop av något som inte är en funktion) (Python skriver på engelska: \"'int' "
        'object is not callable"). Rätta raden.',
    ),
]


@pytest.mark.parametrize(("line", "message"), CASES)
def test_template_error_is_swedish_with_file_line_and_kind(
    tmp_path: Path, view: ReportView, line: str, message: str
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.md.j2").write_text(f"Rubrik\n\n{line}\n", encoding="utf-8")
    with pytest.raises(TemplateFailed) as info:
        render(view, "md", own)
    path = own / "report.md.j2"
    assert str(info.value) == f"{path}:3: mallen kan inte användas: {message}"


def test_untranslated_engine_words_are_marked_as_such() -> None:
    from utsatta.render.report.template_errors import syntax_error, undefined_error

    assert syntax_error("something new in Jinja 4") == (
        'syntaxfel: mallmotorn Jinja skriver på engelska: "something new in Jinja 4". Rätta raden.'
    )
    assert undefined_error("odd") == (
        'ett namn eller fält finns inte (mallmotorn Jinja skriver på engelska: "odd").'
    )


def test_a_loop_of_links_in_the_template_folder_is_a_message(
    tmp_path: Path, view: ReportView
) -> None:
    """``Path.resolve`` raised RuntimeError on a loop (a traceback); now it is one message."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "a").symlink_to("b")
    (folder / "b").symlink_to("a")
    (folder / "report.md.j2").symlink_to("a")
    with pytest.raises(TemplateFailed) as failed:
        render(view, "md", folder)
    assert str(failed.value) == (
        f"report.md.j2: Mallen {folder / 'report.md.j2'} kan inte läsas (för många "
        "symboliska länkar i sökvägen)."
    )
