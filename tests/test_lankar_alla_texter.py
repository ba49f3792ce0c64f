"""`visas-som-text` covers every free text an author writes, in every file kind: the analysts'
uppföljning (at any depth), the plan, the organisations, the police's lists, the indicators,
as well as the nämnders' reports. The texts are found from the models' ``Text`` annotations,
so a field added later is covered without a list to keep up to date."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import BASE
from utsatta.check import validate
from utsatta.findings import Severity

LINK = (
    "Länken 'planen' visas bara som sin text i rapporten, och adressen 'plan.html' syns inte: "
    "rapporten behåller bara länkar som börjar med http:// eller https://. Ska läsaren kunna se "
    "adressen, skriv den i texten."
)
IMAGE = (
    "Bilden 'karta.png' visas inte i rapporten, bara dess alternativtext 'karta'. Beskriv i "
    "texten vad bilden visar, eller hänvisa till var den finns."
)
TAG = (
    "HTML-koden '<b>' visas som text i rapporten, inte som HTML. HTML-koden '</b>' visas som "
    "text i rapporten, inte som HTML. Skriv Markdown i stället "
    "(t.ex. **fetstil**, en tom rad för nytt stycke) eller ta bort koden."
)
COMMENT = (
    "HTML-kommentaren '<!-- intern -->' visas som text i rapporten: den döljs inte. Skriv "
    "Markdown i stället (t.ex. **fetstil**, en tom rad för nytt stycke) eller ta bort koden."
)


def plain(text: str, kinds: str) -> str:
    """The message for a plain field (a name, a title): shown as written in both formats."""
    return (
        f"Texten är vanlig text, inte Markdown: båda rapportformaten visar '{text}' precis som "
        f"den är skriven, så det som ser ut som {kinds} visas som sina tecken och blir ingen "
        "länk och ingen formatering. Skriv texten utan Markdown och HTML; en webbadress kan stå "
        "som den är (https://…)."
    )


def _edit(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _where(data: Path, file: str, written: str) -> tuple[int, int]:
    lines = (data / file).read_text(encoding="utf-8").split("\n")
    (line,) = [i for i, t in enumerate(lines, 1) if written in t]
    return line, lines[line - 1].index(written) + 1


@pytest.mark.parametrize(
    ("file", "old", "new", "starts", "message"),
    [
        (  # the analysts' text of one område of a delmål, three levels down
            "uppfoljning/2023.yaml",
            "text: Samma nivå som tidigare.",
            "text: Se [planen](plan.html).",
            "Se [planen]",
            LINK,
        ),
        (  # a literal block: the line of the construct, where that line's text starts
            "uppfoljning/2023.yaml",
            "nulage: Läget i slutet av året.",
            "nulage: |\n  Läget i slutet av året.\n\n  <!-- intern -->",
            "<!-- intern -->",
            COMMENT,
        ),
        (
            "uppfoljning/2023.yaml",
            "redovisning: Uppdraget är redovisat.",
            "redovisning: Se [planen](plan.html).",
            "Se [planen]",
            plain("Se [planen](plan.html).", "länk"),
        ),
        (
            "plan.yaml",
            "text: Inga utsatta områden år 2025.",
            'text: "Se ![karta](karta.png)"',
            '"Se !',
            plain("Se ![karta](karta.png)", "bild"),
        ),
        (
            "indikatorer/valdeltagande.yaml",
            "definition: Andel röstberättigade som röstade.",
            "definition: Andel <b>röstande</b>.",
            "Andel <b>",
            plain("Andel <b>röstande</b>.", "HTML-kod"),
        ),
        (
            "omraden.yaml",
            "titel: Lägesbild\n",
            "titel: Se [planen](plan.html)\n",
            "Se [",
            plain("Se [planen](plan.html)", "länk"),
        ),
        (
            "organisationer.yaml",
            "namn: Socialnämnd Nordost",
            "namn: Socialnämnd <b>Nordost</b>",
            "Socialnämnd <b>",
            plain("Socialnämnd <b>Nordost</b>", "HTML-kod"),
        ),
    ],
)
def test_every_file_kind_s_texts_are_checked(
    tmp_path: Path, file: str, old: str, new: str, starts: str, message: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    _edit(data, file, old, new)
    found = [f for f in validate(data).findings if f.code == "visas-som-text"]
    line, column = _where(data, file, starts)
    assert [(f.file, f.line, f.column, f.severity, f.message) for f in found] == [
        (f"{data}/{file}", line, column, Severity.VARNING, message)
    ]


def test_brackets_that_are_no_link_are_not_parsed(tmp_path: Path) -> None:
    """'[Eventuell underrubrik]', '[…]': the shipped plan and police lists have such texts; they
    hold no link and need no parser (``mdlinks.may_show_as_text``)."""
    from utsatta.mdlinks import may_show_as_text

    assert not may_show_as_text('Mallens text "[Eventuell underrubrik]" står kvar.')
    assert not may_show_as_text("Göteborg har nu fem [...] områden.")
    assert may_show_as_text("[a] b\n\n[a]: https://a.se")
