"""Data never becomes a link in Markdown that GitHub renders: the job summary and the .md report
follow one rule (``mdlinks.link_pieces``): addresses and every reference GitHub links (a commit
SHA, ``namn@SHA``, ``org/repo@SHA``, a mention, ``#12``, ``GH-12``, ``org/repo#12``) are
inline code (docs/decisions/0117-github-referenser.md)."""

from __future__ import annotations

import re

import pytest

from utsatta import escape, mdlinks, mdtext
from utsatta.findings import at_line
from utsatta.render.findings import step_summary

SHA = "a5c3785ed8d6a35868bc169f07e40e889087fd2e"


def test_the_job_summary_defuses_commits_and_references() -> None:
    """Before, a SHA, ``namn@SHA`` and a SHA in an organisation's name were plain text in the
    summary, which GitHub links to the commit."""
    message = (
        f"Se {SHA}, a5c3785 och jlord@a5c3785 (jlord/sheetsee.js@{SHA[:12]}); "
        "GH-12, org/repo#12 och @here. Tal: 20230101, 123456."
    )
    finding = at_line("data/rapporter/2023/deadbeef1.yaml", 3, 1, "okant-falt", message)
    written = step_summary([finding], 5, {"deadbeef1": "Nämnd 0123abc def4567"})
    assert written == (
        "## utsatta validate\n"
        "\n"
        "1 fel och 0 varningar i 1 fil (5 kontrollerade).\n"
        "\n"
        "### Nämnd `0123abc` `def4567` (1 fel, 0 varningar)\n"
        "\n"
        "| Plats | Allvarlighet | Kod | Meddelande |\n"
        "|---|---|---|---|\n"
        "| `data/rapporter/2023/deadbeef1.yaml:3:1` | fel | okant-falt | "
        f"Se `{SHA}`, `a5c3785` och `jlord@a5c3785` (`jlord/sheetsee.js@{SHA[:12]}`); "
        "`GH-12`, `org/repo#12` och `@here`. Tal: `20230101`, 123456. |\n"
        "\n"
    )


def test_the_report_markdown_defuses_them_the_same_way() -> None:
    """Before, the .md report made only addresses code: ``@namn``, ``#12`` and SHAs were text
    (GitHub links them when the report is pasted into an issue, a pull request or a summary)."""
    text = f"Klart i {SHA} (se #12, GH-7 och org/repo#9); fråga @team eller anna@a5c3785."
    assert mdtext.inline(text) == (
        f"Klart i `{SHA}` (se `#12`, `GH-7` och `org/repo#9`); fråga `@team` eller `anna@a5c3785`."
    )
    assert mdtext.block(f"- {SHA}\n- 1234567 kr\n\nabc1234, abcdefg och 12345678901") == (
        f"- `{SHA}`\n- `1234567` kr\n\n`abc1234`, abcdefg och `12345678901`"
    )


@pytest.mark.parametrize(
    "text",
    [
        f"Se {SHA}, a5c3785 och jlord@a5c3785 (jlord/sheetsee.js@{SHA[:12]});",
        "GH-12, gh-3, org/repo#12, #1,#2;@x. och @here",
        "a5c3785www.x.se, x.a5c3785, fix-abc1234 och abc1234-fix",
        'mejla a@b.se, se https://a.se/#12, "@x" och (se #12).',
        "C# och 3 # inte, 123456 och 2022–2025 inte heller",
    ],
)
def test_one_rule_for_the_summary_and_the_report(text: str) -> None:
    """The same pieces are code in both (only the text around is escaped differently)."""

    def spans(written: str) -> list[str]:
        return re.findall(r"`([^`]+)`", written)

    assert spans(escape.summary_cell(text)) == spans(mdtext.inline(text))
    assert spans(mdtext.inline(text)) == [p for p, link in _pieces(text) if link]


def _pieces(text: str) -> list[tuple[str, bool]]:
    return [piece for word in text.split(" ") for piece in mdlinks.link_pieces(word)]
