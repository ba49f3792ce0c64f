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
    """The closest candidate to a misspelt word, if one is close enough to be a slip of the
    keyboard (:func:`near`): 'angered' is not 'tynnered', though they share 'nered' (review
    skriv24, decision 0662); a far suggestion sends the writer to another thing altogether."""
    matches = difflib.get_close_matches(word, list(candidates), n=5, cutoff=0.6)
    close = sorted((rank, m) for m in matches if (rank := _closeness(word, m)) is not None)
    if len(close) > 1 and close[0][0] == close[1][0]:
        return None  # two as near ('socialnamnd': Nordost or Hisingen?): no guess between them
    return close[0][1] if close else None


def near(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` written with a slip: the same letters but for case and
    marks over them, one letter added, left out, changed or two swapped (two in a word of ten
    letters or more), one of them the other's whole first or last part ('fortsatt' and
    'fortsatt_arbete', 'backa' and 'hisings-backa'), or a committee by its field's name."""
    return _closeness(word, other) is not None


#: the rank of a pair that is one word's part or a committee's field: not a count of letters
_PART = 10


def _closeness(word: str, other: str) -> int | None:
    """How near ``word`` is ``other`` (:func:`near`): 0 the same but for case and marks, 1–2
    the letters to edit, :data:`_PART` a part; None when not near."""
    a, b = _folded(word), _folded(other)
    if a == b:
        return 0
    short, long_ = sorted((a, b), key=len)
    edits = _edits(a, b, 2)
    if edits <= (2 if len(short) >= 10 else 1):
        return edits
    if len(short) >= 4 and (
        (long_.startswith(short) and long_[len(short)] in "-_:")
        or (long_.endswith(short) and long_[-len(short) - 1] in "-_:")
    ):
        return _PART
    return _PART if _committee(a, b) or _committee(b, a) else None


def _committee(word: str, other: str) -> bool:
    """Whether ``other`` is a committee ('kulturnamnden', 'grundskolenamnden') that ``word``
    names by its field or administration ('kulturforvaltningen', 'grundskolan'): the word
    begins with the committee's field (its last letter may differ: 'grundskol-an')."""
    field = other.removesuffix("namnden")
    return field != other and len(field) >= 5 and word.startswith(field[:-1])


def _folded(text: str) -> str:
    """``text`` in small letters without marks over them ('Gårdsten' → 'gardsten'), spaces and
    '_' as '-'; every other character kept ('2:3' is not '23')."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[\s_]+", "-", "".join(c for c in plain if not unicodedata.combining(c)))


def _edits(a: str, b: str, most: int) -> int:
    """The number of one-letter edits (add, remove, change, swap two next to each other) from
    ``a`` to ``b`` (optimal string alignment), or ``most + 1`` when it is more than ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if (
                before is not None
                and i > 1
                and j > 1
                and a[i - 1] == b[j - 2]
                and a[i - 2] == b[j - 1]
            ):
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
        if min(row) > most:
            return most + 1
    return min(row[-1], most + 1)


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
