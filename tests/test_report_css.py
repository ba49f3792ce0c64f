"""The HTML report's stylesheet against what the code can produce: a colour for every status and
level key, a status table that is a card per row on a phone (each cell with its column's name),
number cells that wrap, print sizes relative to the print text, code labels kept whole in print,
links visible on paper, certainty markers in words for a screen reader, headings without
badges. The rules are read from the template's <style> with tinycss2 (WeasyPrint's parser)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import get_args

import pytest
import tinycss2

from tests.support import SharedReport
from utsatta.compute.status import Status
from utsatta.model import omraden, rapport, uppfoljning
from utsatta.render.labels import RAPPORTSTATUS, status_nyckel

ROOT = Path(__file__).parent.parent
TEMPLATE = ROOT / "templates" / "report.html.j2"
FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
SHIPPED = ROOT / "data"

#: the keys the report sections give outside the models' literals: a cell without a report, an
#: organisation that did not exist, a missing report, the coverage matrix, the computed outcome
#: of a goal (sections/insatser.py, over_tid.py, areas.py, slutuppfoljning.py)
FASTA_NYCKLAR = ("ingen", "saknas", "inkommen", "fanns-inte", "nadd", "lucka", "ej-nadd")
UTFALL_NYCKLAR = ("natt", "inte-natt", "okant")


def _rules(nodes: list[object], media: str = "screen") -> list[tuple[str, str, dict[str, str]]]:
    """(media, selector, declarations) for every rule, @media and @supports unwrapped."""
    out: list[tuple[str, str, dict[str, str]]] = []
    for node in nodes:
        if node.type == "qualified-rule":  # type: ignore[attr-defined]
            decls = {
                d.lower_name: tinycss2.serialize(d.value).strip()
                for d in tinycss2.parse_declaration_list(
                    node.content,  # type: ignore[attr-defined]
                    skip_comments=True,
                    skip_whitespace=True,
                )
                if d.type == "declaration"
            }
            sel = tinycss2.serialize(node.prelude).strip()  # type: ignore[attr-defined]
            out.append((media, " ".join(sel.split()), decls))
        elif node.type == "at-rule" and node.content is not None:  # type: ignore[attr-defined]
            prelude = tinycss2.serialize(node.prelude)  # type: ignore[attr-defined]
            inner = media
            if node.lower_at_keyword == "media":  # type: ignore[attr-defined]
                inner = "print" if "print" in prelude else media
            if node.lower_at_keyword in ("media", "supports"):  # type: ignore[attr-defined]
                out += _rules(
                    tinycss2.parse_rule_list(
                        node.content,  # type: ignore[attr-defined]
                        skip_comments=True,
                        skip_whitespace=True,
                    ),
                    inner,
                )
    return out


@cache
def css() -> tuple[tuple[str, str, dict[str, str]], ...]:
    text = TEMPLATE.read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", text, re.S)
    assert style is not None
    nodes = tinycss2.parse_stylesheet(style.group(1), skip_comments=True, skip_whitespace=True)
    return tuple(_rules(nodes))


def styled_classes() -> set[str]:
    """Every class a rule with a background names (a status or level colour)."""
    return {
        cls
        for _, sel, decls in css()
        if "background" in decls
        for cls in re.findall(r"\.([sn]-[a-z0-9-]+)", sel)
    }


def producible() -> set[str]:
    """Every s-*/n-* class the code can give a badge or a cell."""
    s_keys = {status_nyckel(s.name) for s in Status}
    for literal in (
        rapport.Status,
        rapport.Bedomning,
        uppfoljning.Maluppfyllelse,
        uppfoljning.UppdragsStatus,
        uppfoljning.BehovUtfall,
    ):
        s_keys |= set(get_args(literal))
    s_keys |= set(RAPPORTSTATUS) | set(FASTA_NYCKLAR) | set(UTFALL_NYCKLAR)
    n_keys = set(get_args(omraden.Niva)) | {"saknas"}
    return {f"s-{k}" for k in s_keys} | {f"n-{k}" for k in n_keys}


def test_every_status_and_level_key_the_code_can_produce_has_a_colour() -> None:
    """'Målet uppnått' (s-mal-uppnatt) had no colour: the CSS named it s-malet-uppnatt."""
    missing = sorted(producible() - styled_classes())
    assert missing == []
    for key in ("s-mal-uppnatt", "s-mal-ej-uppnatt", "n-pa-listan-niva-okand"):
        assert key in styled_classes()


@pytest.mark.parametrize(("data", "ar"), [(FIXTURE, 2023), (SHIPPED, 2023), (SHIPPED, 2025)])
def test_every_status_class_in_the_rendered_report_has_a_colour(
    data: Path, ar: int, shared_report: Callable[[Path, int], SharedReport]
) -> None:
    html = shared_report(data, ar).html
    used = {
        c
        for classes in re.findall(r'class="([^"]*)"', html)
        for c in classes.split()
        if re.fullmatch(r"[sn]-[a-z0-9-]+", c)
    }
    assert used and sorted(used - styled_classes()) == []
    assert used <= producible()  # the list above holds every key the sections give


def test_number_cells_wrap_on_screen() -> None:
    """A later `td.num, th.num {white-space: nowrap}` overrode `td.num {white-space: normal}`,
    so a status table's numbers pushed its key column off a 390 px screen (decision 0094)."""
    for media, sel, decls in css():
        if media == "screen" and re.search(r"\btd\.num\b", sel):
            assert decls.get("white-space", "normal") != "nowrap", sel
    last = [d["white-space"] for m, sel, d in css() if m == "screen" and sel == "td.num"]
    assert last[-1] == "normal"


@pytest.mark.parametrize(("data", "ar"), [(FIXTURE, 2023), (SHIPPED, 2025)])
def test_every_status_table_is_a_card_per_row_with_labelled_cells(
    data: Path, ar: int, shared_report: Callable[[Path, int], SharedReport]
) -> None:
    """A table with a badge in it is a status table: on a phone a card per row (kortrader),
    each cell naming its column (data-label = the header), in a table for a screen reader."""
    html = shared_report(data, ar).html
    wraps = re.findall(r'<div class="table-wrap([^"]*)"[^>]*>(.*?)</table>', html, re.S)
    status = [(cls, body) for cls, body in wraps if 'class="badge' in body]
    assert len(status) >= 5
    for cls, body in status:
        caption = re.search(r"<caption>(.*?)</caption>", body, re.S)
        assert "kortrader" in cls.split(), caption
        assert '<table role="table">' in body, caption
        headers = re.findall(r'<th scope="col" role="columnheader"[^>]*>(.*?)</th>', body)
        for row in re.findall(r"<tbody[^>]*>(.*?)</tbody>", body, re.S)[0].split("</tr>"):
            cells = re.findall(r'<td role="cell"(?: data-label="([^"]*)")?[^>]*>(.*?)</td>', row)
            for n, (label, content) in enumerate(cells, start=1):
                if content:
                    assert label == headers[n], (caption, row)


def _print(sel: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for media, s, decls in css():
        if media == "print" and s == sel:
            found |= decls
    return found


def test_print_rem_is_the_print_text_size() -> None:
    """rem is relative to the root: on paper the root is the body's 10 pt, so a cell, the chart
    data or a legend in rem is never larger than its 9 pt table (was 10.6 pt)."""
    assert _print("html").get("font-size") == _print("body")["font-size"] == "10pt"


def test_print_keeps_code_labels_whole(shared_report: Callable[[Path, int], SharedReport]) -> None:
    """Text from the data may hyphenate (a long organisation name); a status, level or verdict
    never ("Be-döms", "Pågå-ende", "Genom-förd"): a badge, a coloured cell or a cell marked
    .etikett breaks only between its words."""
    whole = _print(
        'td.etikett, td[class^="s-"], td[class^="n-"], td[class*=" s-"], .badge, '
        "div.over-tid td, div.utfall td"
    )
    assert whole == {"hyphens": "manual", "overflow-wrap": "normal"}
    html = shared_report(SHIPPED, 2025).html
    labels = re.findall(
        r'<td role="cell" data-label="(?:Status|Egen bedömning)"([^>]*)>(.*?)</td>', html
    )
    assert len(labels) > 50
    for attrs, content in labels:
        assert 'class="etikett"' in attrs or 'class="badge' in content, content


def test_print_links_are_underlined_and_the_values_summary_is_not_link_coloured() -> None:
    assert _print("a")["text-decoration"].startswith("underline")
    assert _print(".diagramdata summary")["color"] == "inherit"


def test_markers_are_words_for_a_screen_reader_and_headings_hold_no_badge(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    html = shared_report(SHIPPED, 2025).html
    markers = re.findall(r"<abbr[^>]*>([†‡*?])</abbr>(<span class=\"sr-only\">[^<]*</span>)?", html)
    assert markers and all(sr for _, sr in markers)
    assert '<abbr title="uppgift i andra hand: ' in html
    assert '>†</abbr><span class="sr-only"> (uppgift i andra hand)</span>' in html
    # the summary's list of areas on the list too (it wrote "Bergsjön†" as bare text)
    assert 'Bergsjön<abbr title="uppgift i andra hand: ' in html
    for _level, inner in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S):
        assert "badge" not in inner and 'class="tag' not in inner, inner


def test_print_keeps_a_caveat_in_a_row_header_whole_and_gives_the_status_room() -> None:
    """A caveat the code writes after an insats's title ("(behöver inte rapporteras 2025)", a
    span.muted in the row's header) breaks only between its words on paper, as one in a cell
    (granska14 F14: "(beh | över"); bilaga D's status column is wider than each figure's."""
    whole = _print("thead th, td.num, td .muted, td .tag, th .muted")
    assert whole == {"hyphens": "manual", "overflow-wrap": "normal"}
    status = _print(".detalj td:last-child")["width"]
    figure = _print(":not(.indikator) > .table-wrap.detalj td.num")
    assert figure["min-width"] == "0"
    assert float(status.rstrip("%")) > 2 * float(figure["width"].rstrip("%"))


def test_print_keeps_the_year_and_insats_of_a_behov_whole_not_the_organisation(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """On paper a behov's year and insats never break, by the column each behov table has
    them in; an organisation's name may, so that the behov itself keeps its room (the rule by
    position once held the organisation whole in the tables that have it third or second)."""
    whole = (
        ".tidigare-behov tbody th, .tidigare-behov td:nth-child(3), .utan-utfall td:nth-child(2)"
    )
    assert _print(whole) == {"white-space": "nowrap"}
    assert not any("behov-tabell td:nth-child" in s for _, s, _ in css())
    html = shared_report(SHIPPED, 2025).html
    for table, column in (("tidigare-behov", 3), ("utan-utfall", 2)):
        part = html[html.index(f' {table}" role="region"') :]
        row = re.search(r"<tr role=\"row\"><th scope=\"row\"[^>]*>.*?</tr>", part, re.S)
        assert row is not None, table
        cells = re.findall(r'<td role="cell" data-label="([^"]+)"', row.group(0))
        assert cells[column - 2] == "Insats", (table, cells)  # the th is the first child


def test_print_gives_section_5s_levels_one_line_only_where_they_fit(
    shared_report: Callable[[Path, int], SharedReport],
) -> None:
    """A level column of section 5 is as wide as "särskilt utsatt‡" on paper only with at most
    five upplagor (the annual reports: a row one line, note14); the slutuppföljning's six would
    not fit the page, so its table keeps wrapping the levels (seen: text past the margin)."""
    assert _print('#omraden .fa-upplagor td[class^="n-"]') == {"min-width": "7.2em"}
    # no rule for every table of section 5 widens or holds its levels whole
    assert not [
        d
        for media, s, d in css()
        if media == "print"
        and s.startswith("#omraden td")
        and ("min-width" in d or d.get("white-space") == "nowrap")
    ]
    for year, upplagor, marked in ((2023, 5, True), (2025, 6, False)):
        report = shared_report(SHIPPED, year)
        assert len(report.view.omraden.upplagor) == upplagor
        region = re.search(
            r'<div class="([^"]*)" role="region" aria-label="Nivå i varje', report.html
        )
        assert region is not None
        assert ("fa-upplagor" in region.group(1).split()) is marked, year
