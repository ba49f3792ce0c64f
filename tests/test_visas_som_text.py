"""validate warns when a nämnd's link, image or raw HTML will be shown as text in the report
(check/rules/lankar.py, decision 0098), and pays for markdown-it only when a text could hold one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import CASES, ROOT, build_case
from utsatta.check import validate
from utsatta.check.rules.lankar import shown_as_text
from utsatta.mdtext import may_show_as_text

FILE = "data/rapporter/2023/grundskolenamnden.yaml"


@pytest.mark.parametrize("texts", [True, False])
def test_one_warning_per_field_with_what_becomes_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, texts: bool
) -> None:
    data = build_case(CASES / "visas-som-text", tmp_path)
    monkeypatch.chdir(tmp_path)
    result = validate("data", texts=texts)  # texts=False is what the CLI's validate uses
    got = [(f.file, f.line, f.column, f.code, str(f.severity), f.message) for f in result.findings]
    link = (
        "visas som text följd av adressen i Markdown-rapporten (i HTML- och PDF-rapporten är den "
        "en länk)."
    )
    assert got == [
        (
            FILE,
            8,
            13,
            "visas-som-text",
            "varning",
            f"Länken 'rapporten' {link} Bilden 'karta.png' visas inte i rapporten, bara dess "
            f"alternativtext 'Karta över skolorna'. Länken 'den andra' {link} Är det så du vill "
            "ha det, behöver du inte ändra något. Beskriv i texten vad bilden visar, eller "
            "hänvisa till var den finns.",
        ),
        (
            FILE,
            15,
            17,
            "visas-som-text",
            "varning",
            "Länken 'mejla oss' visas bara som sin text i rapporten, och adressen "
            "'mailto:skola@goteborg.se' syns inte: rapporten behåller bara länkar som börjar "
            "med http:// eller https://. Ska läsaren kunna se adressen, skriv den i texten.",
        ),
        (
            FILE,
            18,
            9,
            "visas-som-text",
            "varning",
            "HTML-kommentaren '<!-- intern anteckning -->' visas i rapporten: den döljs inte. "
            "Skriv Markdown i stället (t.ex. **fetstil**, en tom rad för nytt stycke) eller ta "
            "bort koden.",
        ),
        (
            FILE,
            24,
            17,
            "visas-som-text",
            "varning",
            "HTML-koden '<a href=\"https://goteborg.se\">' visas som text i rapporten, som den är "
            "skriven. HTML-koden '</a>' visas som text i rapporten, som den är skriven. Skriv "
            "Markdown i stället (t.ex. **fetstil**, en tom rad för nytt stycke) eller ta bort "
            "koden.",
        ),
    ]
    assert not result.failed()  # a warning never blocks
    assert data.is_dir()


@pytest.mark.parametrize(
    "text",
    [
        "Vanlig text utan markering.",
        "0,59 < 0,6 och 3 > 2",
        "Fotnot [1] och [a] [b]",
        "Autolänk <https://goteborg.se> och <skola@goteborg.se>",
        "[https://goteborg.se](https://goteborg.se) och [](javascript:x)",
        "Kod `[x](https://a.se)` och \\[inte\\](en länk)",
        "Bara adressen https://goteborg.se/[x]",
    ],
)
def test_what_shows_as_written_gives_no_warning(text: str) -> None:
    assert shown_as_text(text) == []


def test_more_than_three_are_counted_not_listed() -> None:
    said = shown_as_text("<b>a</b> [x](javascript:1) ![](b.png) <br>")
    assert [kind for kind, _ in said] == ["html", "html", "lank", "bild", "html"]


@pytest.mark.parametrize(
    "text",
    ["[a](b)", "![a](b)", "<https://a.se>", "<b>", "<!-- x -->", "[a]\n\n[a]: https://a.se"],
)
def test_every_construct_needs_the_pretest(text: str) -> None:
    # The pre-test may let through texts without a link, never hold back one with a link.
    assert may_show_as_text(text)
    assert not may_show_as_text(text.replace("[", "(").replace("<", "("))


def _imported_after_validate(data: Path) -> str:
    code = (
        "import sys; from utsatta.cli.app import main; sys.argv = ['utsatta', 'validate', "
        f"'--data', {str(data)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('markdown_it' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stderr.strip().splitlines()[-1]


def test_validate_of_the_shipped_data_imports_no_markdown_it() -> None:
    """No shipped text has a '[' or '<': the check costs no parser there."""
    assert _imported_after_validate(ROOT / "data") == "False"


def test_validate_imports_markdown_it_for_a_text_with_a_link(tmp_path: Path) -> None:
    """The other side of the test above: the check does parse a text that could hold a link."""
    data = build_case(CASES / "visas-som-text", tmp_path)
    assert _imported_after_validate(data) == "True"
