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
    """The key a misspelt key was meant to be (``Nuläge`` → ``nulage``, ``nulаge`` with a
    Cyrillic а → ``nulage``), if one is close; or the key a word means (``comment`` →
    ``motivering``, ``synonyms.KEY_SYNONYMS``), if it is one of ``candidates``."""
    from utsatta.load.lookalike import plain
    from utsatta.synonyms import suggest_key  # read only for an unknown key

    options = list(candidates)
    # a word's meaning before its spelling: 'results' is 'insatser', whatever it looks like
    return (
        suggest_key(plain(key), options)
        or suggest(id_form(plain(key)), options)
        or suggest(key, options)
    )


def menade_du(word: str, candidates: typing.Iterable[str]) -> str:
    """ " Menade du …?" for a value that is none of ``candidates``: the closest one. A value
    with letters of another script that look Latin (a Cyrillic а) has them named first, and
    is compared as the letters they look like (docs/decisions/0574)."""
    from utsatta.load.lookalike import note, plain

    options = list(candidates)
    looks = plain(word)
    if looks != word and looks in options:
        return note(word, looks)
    best = suggest(looks, options)
    return note(word) + (f" Menade du '{shorten(best)}'?" if best else "")


def name_index(named: typing.Iterable[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The id form of each name, of each part of it between '/' and of each word of it (five
    letters or more) → (id, name): 'grevegarden' → ('tynnered', 'Tynnered/Grevegården/
    Opaltorget'). A form that two names share, or that is another id, is left out."""
    found: dict[str, set[tuple[str, str]]] = {}
    ids = set()
    for ident, name in named:
        ids.add(ident)
        forms = {id_form(name)} | {id_form(p) for p in name.split("/")}
        forms |= {w for w in (id_form(w) for w in re.split(r"[\s/-]+", name)) if len(w) >= 5}
        for form in forms - {""}:
            found.setdefault(form, set()).add((ident, name))
    return {
        form: next(iter(pairs))
        for form, pairs in found.items()
        if len(pairs) == 1 and (form not in ids or next(iter(pairs))[0] == form)
    }


class NameIndex:
    """:func:`name_index` of some (id, name) pairs, built when first asked: only a finding for
    an unknown id asks, so a check of valid data never builds it."""

    def __init__(self, named: typing.Iterable[tuple[str, str]]) -> None:
        self._named = tuple(named)
        self._index: dict[str, tuple[str, str]] | None = None

    def get(self, form: str) -> tuple[str, str] | None:
        if self._index is None:
            self._index = name_index(self._named)
        return self._index.get(form)


class NamedIds(list[str]):
    """The ids a reference field can take, with the name of each (``DataSet.known_ids``): a
    name written where the id belongs ('Socialnämnden Nordost') is told the id to write."""

    def __init__(self, named: typing.Iterable[tuple[str, str]]) -> None:
        #: (id, name) of each
        self.pairs = tuple(named)
        super().__init__(ident for ident, _ in self.pairs)
        self.names = NameIndex(self.pairs)

    def named(self, written: str) -> tuple[str, str] | None:
        """(id, name) of the one name that ``written`` is (or a part of it, as
        :func:`name_index` says), or None."""
        from utsatta.load.lookalike import plain

        return self.names.get(id_form(plain(written)))


def menade_du_namn(word: str, candidates: typing.Iterable[str], index: NameIndex) -> str:
    """ " Menade du …?" for an unknown id: the id whose name is what was written ('Grevegården'
    is part of Tynnered/Grevegården/Opaltorget), else the closest id (``menade_du``)."""
    from utsatta.load.lookalike import note, plain

    hit = index.get(id_form(plain(word)))
    if hit is not None and hit[0] != word:
        if hit[0] == plain(word):
            return note(word, hit[0])
        return f"{note(word)} Menade du '{shorten(hit[0])}' ({shorten(hit[1])})?"
    return menade_du(word, candidates)
