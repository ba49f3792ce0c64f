"""validate warns when a nämnd's link, image or raw HTML will be shown as text in the report
(check/rules/lankar.py, decision 0098), and pays for markdown-it only when a text could hold one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import CASES, ROOT, build_case
from utsatta.check import validate
from utsatta.check.rules.lankar import message, shown_as_text
from utsatta.mdlinks import html_parser, may_show_as_text
from utsatta.mdtext import block

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
        "visas bara som sin text i rapporten, och adressen 'mailto:skola@goteborg.se' syns inte: "
        "rapporten behåller bara länkar som börjar med http:// eller https://."
    )
    html = (
        "Skriv Markdown i stället (t.ex. **fetstil**, en tom rad för nytt stycke) eller ta bort "
        "koden."
    )
    assert got == [
        (  # nulage: | : the line of the image (its web links keep their address: no warning)
            FILE,
            11,
            7,
            "visas-som-text",
            "varning",
            "Bilden 'karta.png' visas inte i rapporten, bara dess alternativtext 'Karta över "
            "skolorna'. Beskriv i texten vad bilden visar, eller hänvisa till var den finns.",
        ),
        (
            FILE,
            15,
            17,
            "visas-som-text",
            "varning",
            f"Länken 'mejla oss' {link} Ska läsaren kunna se adressen, skriv den i texten.",
        ),
        (
            FILE,
            18,
            9,
            "visas-som-text",
            "varning",
            "HTML-kommentaren '<!-- intern anteckning -->' visas som text i rapporten: den döljs "
            f"inte. {html}",
        ),
        (  # motivering: >- (folded): the value's place, its lines are not the file's
            FILE,
            24,
            17,
            "visas-som-text",
            "varning",
            "HTML-koden '<a href=\"https://goteborg.se\">' visas som text i rapporten, inte som "
            "HTML. HTML-koden '</a>' visas som text i rapporten, inte som HTML. " + html,
        ),
        (  # fortsatt_arbete: | : the reference definition's own line
            FILE,
            30,
            7,
            "visas-som-text",
            "varning",
            "Referensen '[bilaga]: https://goteborg.se/hemlig' visas inte i rapporten: adressen "
            "'https://goteborg.se/hemlig' syns inte där. Ska läsaren kunna se adressen, skriv den "
            "i texten eller i länken: [text](https://…).",
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
        "[https://goteborg.se](https://goteborg.se) och [](https://goteborg.se/b)",
        "Kod `[x](https://a.se)` och \\[inte\\](en länk)",
        "Bara adressen https://goteborg.se/[x]",
        # a web link keeps its address (the .md shows it, HTML and PDF keep the link)
        "Se [rapporten](https://goteborg.se/rapport.pdf) och [den\nandra][b].\n\n",
    ],
)
def test_what_shows_as_written_gives_no_warning(text: str) -> None:
    assert shown_as_text(text) == []


def test_more_than_three_are_counted_not_listed() -> None:
    said = shown_as_text("<b>a</b> [x](javascript:1) ![](b.png) <br>")
    # in a line: links and images first, then tags
    assert [kind for kind, _, _ in said] == ["lank", "bild", "html", "html", "html"]


def test_each_kinds_advice_follows_its_own_sentences() -> None:
    said = shown_as_text("<b>a</b> [x](javascript:1) ![](b.png) <br>")
    assert message([(k, w) for k, w, _ in said]) == (
        "Länken 'x' visas bara som sin text i rapporten, och adressen 'javascript:1' syns inte: "
        "rapporten behåller bara länkar som börjar med http:// eller https://. Ska läsaren kunna "
        "se adressen, skriv den i texten. Bilden 'b.png' visas inte i rapporten, och den har "
        "ingen alternativtext som står i dess ställe. Beskriv i texten vad bilden visar, eller "
        "hänvisa till var den finns. HTML-koden '<b>' visas som text i rapporten, inte som HTML. "
        "Skriv Markdown i stället (t.ex. **fetstil**, en tom rad för nytt stycke) eller ta bort "
        "koden. Texten har ytterligare 2 sådana ställen."
    )


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(kind, what) for kind, what, _ in shown_as_text(text)]


def test_a_link_in_a_tag_is_read_as_the_reports_read_it() -> None:
    # The reports parse without raw HTML: the link in the attribute is a link there, and its
    # javascript: address is lost; the tag is text, but not as written.
    text = 'Se <span title="[hemlig](javascript:x)">här</span>.'
    assert "hemlig" in block(text) and "javascript" not in block(text)
    said = _kinds(text)
    assert [kind for kind, _ in said] == ["lank", "html", "html"]
    assert "'javascript:x' syns inte" in said[0][1]
    assert all("som den är skriven" not in what for _, what in said)


def test_a_tag_that_hides_a_link_from_the_reports_is_no_link() -> None:
    # With raw HTML on, this is a link around a tag; the reports show it all as text.
    text = '[a <b title="]">](https://x.se)'
    assert "<a" not in html_parser().render(text)
    assert _kinds(text) == [
        ("html", "HTML-koden '<b title=\"]\">' visas som text i rapporten, inte som HTML.")
    ]


@pytest.mark.parametrize(
    ("text", "address", "line"),
    [
        ("Se bilaga.\n\n[bilaga]: https://a.se/hemlig", "https://a.se/hemlig", 2),
        ("[x]: javascript:alert(1)", "javascript:alert(1)", 0),
        ("Se [x].\n\n[X]:\n  mailto:a@b.se", "mailto:a@b.se", 2),
    ],
)
def test_a_reference_definition_vanishes_with_a_warning(text: str, address: str, line: int) -> None:
    assert address not in block(text)
    said = [item for item in shown_as_text(text) if item[0] == "referens"]
    assert len(said) == 1
    assert f"adressen '{address}' syns inte" in said[0][1]
    assert said[0][2] == line


def test_a_used_web_reference_keeps_its_address_in_the_link() -> None:
    text = "Se [bilagan][b].\n\n[b]: https://a.se/bilaga"
    assert "https://a.se/bilaga" in block(text)
    assert _kinds(text) == [
        (
            "referens",
            "Referensen '[b]: https://a.se/bilaga' visas inte i rapporten: adressen "
            "'https://a.se/bilaga' syns bara i länken som använder den.",
        )
    ]


def test_an_address_is_quoted_as_written_and_a_label_keeps_its_line_breaks() -> None:
    assert "adressen 'mål.html' syns inte" in _kinds("[x](mål.html)")[0][1]
    assert "Bilden 'bild på å.png'" in _kinds("![a](<bild på å.png>)")[0][1]
    assert _kinds("[a\nb](javascript:x)")[0][1].startswith("Länken 'a b' visas")


def test_a_literal_blocks_warning_is_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build_case(CASES / "visas-som-text", tmp_path)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    # a quoted text over two lines: the value's place (its lines are not the file's)
    text = text.replace(
        '    samordning: "Frågor: [mejla oss](mailto:skola@goteborg.se)."',
        '    samordning: "Frågor:\n\n      [mejla oss](mailto:skola@goteborg.se)."',
    )
    # a literal block with a blank line first and a nested list: the line of the link and
    # the column where that line's text starts
    text = text.replace(
        "    fortsatt_arbete: |\n      Vi fortsätter, se bilaga.\n\n      [bilaga]: https://goteborg.se/hemlig\n",
        "    fortsatt_arbete: |-\n\n      Vi fortsätter.\n      - punkt\n        - [a](ftp://x)\n",
    )
    report.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    got = [(f.line, f.column) for f in validate("data").findings]
    assert got == [(11, 7), (15, 17), (20, 9), (26, 17), (33, 9)]


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
