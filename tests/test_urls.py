"""A source's address with a character no web address may have (url-otillatet-tecken), on the
shipped data: each such character, what is allowed, and the advice followed
(granska17 L5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import edited_findings

FILE = "indikatorer/nya-omraden.yaml"
URL = "https://polisen.se/aktuellt/nyheter/vast/2023/december/ny-lagesbild-av-kriminell-paverkan-i-vastsverige/"
LINE = f"    url: {URL}\n"


@pytest.mark.parametrize(
    ("tail", "named", "bad"),
    [
        ('"', 'citattecknet (")', '"'),
        ('">Polisen</a>', 'citattecknet (")', '"'),
        ("\u201d", "citattecknet (\u201d)", "\u201d"),  # Word's, pasted in Swedish
        ("\u00bb", "citattecknet (\u00bb)", "\u00bb"),
        ("\u2019s", "apostrofen (\u2019)", "\u2019"),
        ("<", "tecknet '<'", "<"),
        (">", "tecknet '>'", ">"),
        ("`", "tecknet '`'", "`"),
        ("a\\b", "bakstrecket ('\\')", "\\"),
        (")](https://polisen.se/)", "resten av en Markdown-länk ('](')", "]"),
    ],
)
def test_a_character_no_address_may_have(tmp_path: Path, tail: str, named: str, bad: str) -> None:
    found = edited_findings(tmp_path, FILE, LINE, f"    url: '{URL}{tail}'\n")
    position = len(URL) + 1 + tail.index(bad)
    assert found == [
        (
            33,
            10,
            "url-otillatet-tecken",
            f"Webbadressen för källan 'polisen-vast-2023-12' innehåller {named}, som inte får "
            f"stå i en webbadress (tecken {position} i adressen). Det är oftast en rest av en "
            "inklistring: ett citattecken, en Markdown-länk. Kopiera adressen på nytt från "
            "webbläsarens adressfält, eller ta bort det som inte hör till adressen.",
        )
    ]
    # the advice followed: what does not belong to the address taken away
    assert edited_findings(tmp_path / "fixed", FILE, LINE, f"    url: '{URL}'\n") == []


@pytest.mark.parametrize(
    "url",
    [
        "http://[2001:db8::1]/lista",  # a bracket in the host: an IPv6 address
        "https://example.se/sok?filter[ar]=2023&x={y}^2",  # as an address bar shows them
        "https://www.google.com/maps/dir/Angered|Bergsjön",  # '|' too (WHATWG URL keeps it)
        "https://sv.wikipedia.org/wiki/Utsatt_område_(Sverige)",  # parentheses are allowed
        "https://example.se/sök?q=a%20b&x=1#del-2",
    ],
)
def test_valid_addresses_give_no_finding(tmp_path: Path, url: str) -> None:
    assert edited_findings(tmp_path, FILE, LINE, f"    url: '{url}'\n") == []
