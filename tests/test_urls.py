"""An address with a character no web address may have (url-otillatet-tecken), on the shipped
data: each such character, what is allowed, and the advice followed (granska17 L5); a source's
address and a police list's edition's (omraden.yaml 'upplagor', granska18b A1), the two 'url'
fields of the models, both printed as links in the report."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import utsatta.model
from tests.support import edited_findings
from utsatta.model.common import Url

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
            36,
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


#: the 2015 edition's address, after the line before it (the same address is a source's too)
EDITION = (
    "    utgivare: Polisen, Nationella operativa avdelningen (NOA)\n"
    "    url: https://www.slideshare.net/Johanwesterholm/"
    "utsatta-omraden-sociala-risker-kollektiv-formaga-och-oonskade-handelser-2\n"
)


def _edition(url: str) -> str:
    return EDITION.split("url: ")[0] + f"url: {url}\n"


def test_an_editions_address_is_checked_as_a_sources(tmp_path: Path) -> None:
    """The reviewer's paste (granska18b A1) in the 2015 edition's address: the report printed it
    as a link, and validate said nothing."""
    pasted = _edition("https://www.slideshare.net/x)](https://evil.example/\u201d")
    assert edited_findings(tmp_path, "omraden.yaml", EDITION, pasted) == [
        (
            224,
            10,
            "url-otillatet-tecken",
            "Webbadressen för upplagan 2015 innehåller resten av en Markdown-länk ('](')"
            ", som inte får stå i en webbadress (tecken 30 i adressen). Det är oftast en rest "
            "av en inklistring: ett citattecken, en Markdown-länk. Kopiera adressen på nytt "
            "från webbläsarens adressfält, eller ta bort det som inte hör till adressen.",
        )
    ]
    # the advice followed: what does not belong to the address taken away
    fixed = _edition("https://www.slideshare.net/x")
    assert edited_findings(tmp_path / "fixed", "omraden.yaml", EDITION, fixed) == []


def _has_url(annotation: object) -> bool:
    return annotation == Url or any(_has_url(a) for a in typing.get_args(annotation))


def test_the_check_covers_every_url_field_of_the_models() -> None:
    """The check knows the two fields: a new 'url' field must be added to it (and here)."""
    found = set()
    for info in pkgutil.iter_modules(utsatta.model.__path__):
        module = importlib.import_module(f"utsatta.model.{info.name}")
        for name, cls in vars(module).items():
            if not (inspect.isclass(cls) and issubclass(cls, BaseModel)):
                continue
            if cls.__module__ != module.__name__:
                continue
            found |= {
                f"{name}.{field}"
                for field, spec in cls.model_fields.items()
                if _has_url(spec.annotation) or "url" in field.lower()
            }
    assert found == {"Kalla.url", "Upplaga.url"}
