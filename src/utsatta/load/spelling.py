"""A word as the data files write it: a Swedish word's id form, and the closest of the words
that belong where one was misspelt ("Menade du …?"). Kept apart from the schema's messages
(``load.schema``), which only a file with schema errors needs."""

from __future__ import annotations

import difflib
import re
import typing

from utsatta.escape import shorten


def id_form(text: str) -> str:
    """The id form of a Swedish word: 'Bergsjön' → 'bergsjon', 'Nuläge' → 'nulage'."""
    import unicodedata

    # Dashes from Word (en dash, em dash, minus, non-breaking hyphen) are the id's hyphen.
    plain = re.sub("[\u2010-\u2015\u2212]", "-", text.lower())
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = re.sub(r"[\s_/]+", "-", plain)
    return re.sub(r"[^a-z0-9-]", "", plain).strip("-")


def suggest(word: str, candidates: typing.Iterable[str]) -> str | None:
    """The closest candidate to a misspelt word, if one is close enough."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def intended(key: str, candidates: typing.Iterable[str]) -> str | None:
    """The key a misspelt key was meant to be (``Nuläge`` → ``nulage``), if one is close."""
    options = list(candidates)
    return suggest(id_form(key), options) or suggest(key, options)


def menade_du(word: str, candidates: typing.Iterable[str]) -> str:
    best = suggest(word, candidates)
    return f" Menade du '{shorten(best)}'?" if best else ""
