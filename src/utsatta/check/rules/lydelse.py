"""plan.yaml: the plan's own column text (``samordningsansvar_lydelse``, ``ansvar_lydelse``)
against the id lists beside it (docs/decisions/0437-lydelse-och-id.md, 0441, 0443, 0450).

Only what the organisation register says is compared: an organisation's or group's ``namn``
in organisationer.yaml, and two forms of a name "Socialnämnden Centrum" (a first word in the
definite form, ending in -en): "socialnämnd Centrum", and an enumeration after the plural
"socialnämnderna Centrum, Hisingen och Sydväst" (or after the singular, "socialnämnd Nordost
och Sydväst", 0443). Case, runs of white space and invisible format characters (a soft hyphen
pasted from a PDF) do not matter.
Also read: the forms in ``andra_namn`` (another form the plan writes, "AB Framtiden"), and the
genitive -s after any form ("Kommunstyrelsens"; docs/decisions/0450-andra-namn.md).
Nothing else is guessed: a wording the register does not give is not read as a name.

- An id whose name is not in the text is a warning at the id, unless the column is marked
  ``*_tolkning: slutledd`` (the ids are then an interpretation of the plan's words). A group
  counts as named when each of its members is; an organisation when a group named in the text
  has it as a member.
- A name in the text whose id is missing from the list is a warning at the text, also under
  ``slutledd`` (a name in the plan's own words is not an interpretation). The name is present
  when its id is in the list, or a group in the list has it as a member, or (for a group) each
  of its members is in the list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from utsatta.compute.responsibility import Period, planperiod, resolve
from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, varning
from utsatta.load.dataset import SourceFile
from utsatta.model.organisationer import OrganisationerFil
from utsatta.wording import LISTADE_CITAT, begransad

__all__ = ["TOKEN", "Lexicon", "RegisterNames", "check", "name_form"]

_CODE = "lydelse-stammer-inte"
#: the plan's columns: the id list, its text and its interpretation mark
_COLUMNS = (
    ("samordningsansvar", "samordningsansvar_lydelse", "samordningsansvar_tolkning"),
    ("ansvar", "ansvar_lydelse", "ansvar_tolkning"),
)
#: what stands between two items of an enumeration ("A, B och C", "A samt B")
_SEPARATOR = r"(?:\s*,\s*|\s+(?:och|samt)\s+)"
#: a name stands alone: no letter or digit just before or after it (a name may end in ")")
_START, _END = r"(?<!\w)", r"(?!\w)"
# _PIECE, _TRIM and _DESCRIBES as texts: only the message of a warning needs them (compiled
# through re's cache then, not at every start: docs/decisions/0656).
#: a part of a text between two names, up to a comma (a name may have "och" in it)
_PIECE = r"[^,;]+"
#: a part without the punctuation and the "och"/"samt" at its ends
_EDGE = r"""[\s.:!?"'”“]"""
_TRIM = rf"(?:{_EDGE}|(?:och|samt)(?!\w))*(?P<part>.*?)(?:{_EDGE}|(?<!\w)(?:och|samt))*"
#: a relative clause: a part of a text with it describes the ones meant, it names none
_DESCRIBES = r"(?i)(?<!\w)som(?!\w)"
#: the rest of a name after its plural word ("centrum") → the id
_Rests = dict[str, str]


def _norm(text: str) -> str:
    # without the format characters a text pasted from a PDF brings (a soft hyphen in
    # "Grundskole\u00adnämnden", a zero-width space): allowed in a text (load.characters),
    # they change nothing a reader sees, so they must not make a name another
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def name_form(text: str) -> str:
    """A name as the rule compares it (case, white space and format characters aside)."""
    return _norm(text)


def _norm_map(text: str) -> tuple[str, str, list[int]]:
    """(shown, norm, where): ``norm`` is :func:`_norm` of the text, ``shown`` the text as a
    message quotes it (without format characters) and ``where[k]`` the place in ``shown`` of
    norm's k-th character. Character by character, so only for a text with a warning."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    shown = unicodedata.normalize("NFC", text)
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, c in enumerate(shown):
        if c.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            where.append(i - 1)
            space = False
        folded = c.casefold()  # one character may fold to two ("ß")
        out.append(folded)
        where += [i] * len(folded)
    return shown, "".join(out), where


#: where a name may start: a run of letters and digits, or one other character ("(" of "(KS)")
_WORD = re.compile(r"(?<!\w)(?:\w+|\S)")
#: a name's or a text's pieces, from where a name starts: the same runs, without the
#: look-behind (the ")" of "(KS)" follows a letter)
TOKEN = re.compile(r"\w+|\S")
_WORD_CHAR = re.compile(r"\w")


class Lexicon:
    """Fixed strings found where they stand alone, the longest at a place first, as one regex
    alternation of them would find them, but walked piece by piece in a tree of the strings
    (a piece is a run of letters and digits or one other character, with the spaces before
    it): the work at a place grows with the pieces that match there, not with the strings that
    share a first word (thousands of names "Nämnden för …" cost thousands of comparisons at each
    "nämnden" of a text; docs/decisions/0441, 0455)."""

    def __init__(self, words: Iterable[str]) -> None:
        #: (node, piece) → the node after it; node 0 is the root
        self._next: dict[tuple[int, str], int] = {}
        #: node → the string that ends there
        self._ends: dict[int, str] = {}
        for w in words:
            if _WORD.match(w) is None:
                continue  # an empty string: nothing to find
            node, before = 0, 0
            for m in TOKEN.finditer(w):
                node = self._next.setdefault((node, w[before : m.end()]), len(self._next) + 1)
                before = m.end()
            self._ends.setdefault(node, w)

    def finditer(self, text: str) -> Iterator[tuple[int, str]]:
        """(place, string) of each one in ``text``, left to right, none overlapping."""
        after = 0
        for m in _WORD.finditer(text):
            at = m.start()
            if at < after:
                continue
            node, before, found = 0, at, None
            for piece in TOKEN.finditer(text, at):
                step = self._next.get((node, text[before : piece.end()]))
                if step is None:
                    break
                node, before = step, piece.end()
                if node in self._ends and not _WORD_CHAR.match(text, before):
                    found = self._ends[node]
            if found is not None:
                yield at, found
                after = at + len(found)


class RegisterNames:
    """The register's names, built once per organisationer.yaml. The work is bounded by the
    register's and the text's sizes, not their product: names and plural words are walked
    piece by piece in a tree (:class:`Lexicon`), and an enumeration's pattern is made only for a
    plural word that stands in some text."""

    def __init__(self, orgs: OrganisationerFil, period: Period | None = None) -> None:
        self.orgs = orgs
        #: a group stands for its members in the plan period (i_planperioden)
        self.period = period
        self.namn = {o.id: o.namn for o in orgs.organisationer}
        self.namn.update((g.id, g.namn) for g in orgs.grupper)
        self.groups = {g.id for g in orgs.grupper}
        #: the other forms the register gives a name (andra_namn, docs/decisions/0450)
        self.andra = {o.id: list(o.andra_namn) for o in orgs.organisationer}
        self.andra.update((g.id, list(g.andra_namn)) for g in orgs.grupper)
        self._members: dict[str, frozenset[str]] = {}
        forms: dict[str, str] = {}  # form → id
        #: the word an enumeration follows → the rests it takes: "socialnämnderna", and the
        #: singular "socialnämnd"/"socialnämnden" ("socialnämnd Nordost och Sydväst", the
        #: plan's own form for one nämnd; docs/decisions/0443) → {"centrum": id, …}
        plural: dict[str, dict[str, str]] = {}
        for ident, namn in self.namn.items():
            norm = _norm(namn)
            if not norm:
                continue
            forms.setdefault(norm, ident)
            first, _, rest = norm.partition(" ")
            if ident not in self.groups and rest and len(first) > 4 and first.endswith("en"):
                stem = first[:-2]
                forms.setdefault(f"{stem} {rest}", ident)
                rests = plural.setdefault(f"{stem}erna", {})
                rests.setdefault(rest, ident)
                for head in (stem, first):  # the same family's rests
                    plural.setdefault(head, rests)
        # a name's own form wins over another's andra_namn, and any form over a genitive
        for ident, andra in self.andra.items():
            for other in andra:
                if norm := _norm(other):
                    forms.setdefault(norm, ident)
        for form, ident in list(forms.items()):
            # the genitive "Kommunstyrelsens": an -s after the whole form (none after s, x, z);
            # as the name must stand alone, it is read only where the word ends there
            if form[-1].isalpha() and form[-1] not in "sxz":
                forms.setdefault(f"{form}s", ident)
        self.forms = forms
        self.plural = plural
        #: the plural words' order: the enumerations are blanked in it
        self._plural_order = {word: n for n, word in enumerate(plural)}
        self._enumerations: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
        self.lexicon = Lexicon(forms)
        self.plural_lexicon = Lexicon(plural)

    def found(self, text: str) -> list[str]:
        """The ids whose names stand in ``text``, in the order they stand there."""
        hits, _ = self._read(_norm(text))
        return list(dict.fromkeys(ident for _, ident in sorted(hits)))

    def unread(self, text: str) -> list[str]:
        """The parts of ``text`` read as no name, as the text writes them (without format
        characters): what stands between the names, split at a comma, without an "och" or
        "samt" at its ends ("kulturnämnd" of "Kommunstyrelsen, kulturnämnd och Higab")."""
        shown, norm, where = _norm_map(text)
        _, covered = self._read(norm)
        parts, at = [], 0
        for start, end in [*sorted(covered), (len(norm), len(norm))]:
            for piece in re.compile(_PIECE).finditer(norm, at, max(at, start)):
                part = re.fullmatch(_TRIM, piece[0])
                if part is not None and any(c.isalpha() for c in part["part"]):
                    a, b = piece.start() + part.start("part"), piece.start() + part.end("part")
                    parts.append(shown[where[a] : where[b - 1] + 1])
            at = max(at, end)
        return list(dict.fromkeys(parts))

    def _read(self, norm: str) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
        """(place, id) of each name in the normalised text, and the spans read as names."""
        hits: list[tuple[int, str]] = []
        covered: list[tuple[int, int]] = []
        words = {w for _, w in self.plural_lexicon.finditer(norm)}
        for word in sorted(words, key=self._plural_order.__getitem__):
            pattern, item = self._enumeration(word)
            rests = self.plural[word]

            def blank(m: re.Match[str], item: re.Pattern[str] = item, rests: _Rests = rests) -> str:
                # the items after the plural word, each one a name of the register, at their
                # own places; the enumeration is blanked (one pass, same length) so that the
                # plural word is not read as a group's name
                at = m.start("items")
                hits.extend((at + i.start(), rests[i[0]]) for i in item.finditer(m["items"]))
                covered.append((m.start(), m.end()))
                return " " * (m.end() - m.start())

            norm = pattern.sub(blank, norm)
        for at, w in self.lexicon.finditer(norm):
            hits.append((at, self.forms[w]))
            covered.append((at, at + len(w)))
        return hits, covered

    def members(self, ident: str) -> frozenset[str]:
        """The organisations of a group (its members in the plan period), or the organisation."""
        if ident not in self._members:
            self._members[ident] = frozenset(resolve([ident], self.orgs, period=self.period))
        return self._members[ident]

    def _enumeration(self, word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The pattern of "socialnämnderna centrum, hisingen och sydväst" for the plural
        ``word`` and that of one of its items, made when the word is first seen in a text."""
        if word not in self._enumerations:
            longest = sorted(self.plural[word], key=len, reverse=True)
            item = rf"{_START}(?:" + "|".join(re.escape(r) for r in longest) + rf"){_END}"
            # "socialnämnderna i Centrum och (i) Hisingen": the two, not the group of four (0443)
            head, i = rf"{_START}{re.escape(word)}\s+(?:i\s+)?", r"(?:i\s+)?"
            whole = rf"{head}(?P<items>{item}(?:{_SEPARATOR}{i}{item})*)"
            self._enumerations[word] = (re.compile(whole), re.compile(item))
        return self._enumerations[word]


def check(src: SourceFile[Any], orgs: OrganisationerFil) -> list[Finding]:
    """The warnings of plan.yaml's insatser where a column's text and its ids disagree."""
    plan, f = src.model, src.display
    if plan is None:
        return []
    names = RegisterNames(orgs, planperiod(plan))
    out: list[Finding] = []
    for ii, ins in enumerate(plan.insatser):
        for key, lydelse_key, tolkning_key in _COLUMNS:
            lydelse = getattr(ins, lydelse_key)
            if lydelse is None:
                continue
            ids = list(getattr(ins, key))
            found = names.found(lydelse)
            if getattr(ins, tolkning_key) != "slutledd":
                columns = (key, lydelse_key, tolkning_key)
                out += _unnamed(f, ii, columns, lydelse, ids, found, names)
            out += _missing(f, ii, key, lydelse_key, ids, found, names)
    return out


def _unnamed(
    f: str,
    ii: int,
    columns: tuple[str, str, str],
    lydelse: str,
    ids: list[str],
    found: list[str],
    names: RegisterNames,
) -> list[Finding]:
    """An id of the list whose name is not in the text."""
    named = set(found).union(*(names.members(i) for i in found if i in names.groups))
    unnamed = []
    for ai, ident in enumerate(ids):
        if ident not in names.namn or ident in named:
            continue  # an unknown id is okand-organisation's
        if ident in names.groups and names.members(ident) and names.members(ident) <= named:
            continue  # a group without members is named only by its name
        unnamed.append((ai, ident))
    parts = names.unread(lydelse) if unnamed else []
    key = columns[0]
    return [
        varning(
            f,
            ("insatser", ii, key, ai),
            _CODE,
            _unnamed_message(ident, columns, parts, len(unnamed) == 1, names),
        )
        for ai, ident in unnamed
    ]


def _unnamed_message(
    ident: str, columns: tuple[str, str, str], parts: list[str], alone: bool, names: RegisterNames
) -> str:
    """What is wrong, and the fix: the id or the text; a form of the name the register lacks
    (its andra_namn, with the line to add); slutledd only for a text that names none of the
    ids it stands for (docs/decisions/0437, 0450)."""
    key, lydelse_key, tolkning_key = columns
    andra = names.andra.get(ident, [])
    namn = _quoted(names.namn[ident])
    if andra:
        namn += f" (eller något av dess {len(andra)} andra namn)"
    head = (
        f"'{identifier(ident)}' i '{key}' står inte i '{lydelse_key}', planens egen text för "
        f"kolumnen: namnet {namn} ur organisationer.yaml finns inte där"
    )
    fix = "rätta id:t eller texten (tecken för tecken ur planen)"
    if not parts:
        return f"{head}, och texten nämner inget annat än namn ur registret. {fix.capitalize()}."
    shown = begransad([_quoted(p) for p in parts], LISTADE_CITAT, och_last=False)
    one = len(parts) == 1
    slutledd = f"'{tolkning_key}: slutledd'"
    place = f"under '- id: {identifier(ident)}' i organisationer.yaml"
    if all(re.search(_DESCRIBES, p.casefold()) for p in parts):
        # "… som har verksamhet i området": a relative clause describes, it is no name; but
        # for one organisation (a group is what a description names) "Grundskolenämnd som
        # ansvarar …" may be its name in another form before the clause
        before = re.split(_DESCRIBES, parts[0], maxsplit=1)[0].strip(" ,")
        named = ""
        if (
            one
            and alone
            and ident not in names.groups
            and any(c.isalpha() for c in before)
            and shorten(before, 120) == before
        ):
            add = _add(before, andra)
            named = f" Är däremot {_quoted(before)} namnet i en annan form, {add} {place}."
        return (
            f"{head}. Texten har {shown}, som {'kan beskriva' if named else 'beskriver'} vilka "
            "som avses utan att nämna dem. Är "
            f"id:na en tolkning av den beskrivningen, ange {slutledd}; annars {fix}.{named}"
        )
    what = f"Texten har {shown}, som inte {'är ett namn' if one else 'är namn'} i registret."
    if one and alone and shorten(parts[0], 120) == parts[0]:
        other = f"Är det namnet i en annan form, {_add(parts[0], andra)} {place}."
    else:
        other = (
            "Står namnet där i en annan form, lägg till formen, tecken för tecken som i texten, "
            f"i 'andra_namn' {place} (andra_namn: [\"…\"])."
        )
    return (
        f"{head}. {what} {other} Annars {fix}. En annan form av namnet är inte en tolkning; "
        "bara om texten beskriver vilka som avses utan att nämna dem är id:na en tolkning, "
        f"och då anges {slutledd}."
    )


def _add(form: str, andra: list[str]) -> str:
    """The line that makes ``form`` another form of the name, or its place in the list there."""
    import json  # here: only a warning's advice needs it, validate's usual run does not

    written = json.dumps(form, ensure_ascii=False)
    if andra:
        return f"lägg till {written} i dess 'andra_namn'"
    return f"lägg till raden 'andra_namn: [{written}]'"


def _missing(
    f: str,
    ii: int,
    key: str,
    lydelse_key: str,
    ids: list[str],
    found: list[str],
    names: RegisterNames,
) -> list[Finding]:
    """A name in the text whose id is not in the list."""
    given = set(ids)
    listed = set(resolve(ids, names.orgs, period=names.period))
    by_group = set().union(*(names.members(i) for i in given if i in names.groups))
    missing = [
        ident
        for ident in found
        if ident not in given
        and ident not in by_group
        and not (ident in names.groups and names.members(ident) and names.members(ident) <= listed)
    ]
    return [
        varning(
            f,
            ("insatser", ii, lydelse_key),
            _CODE,
            f"'{lydelse_key}' nämner {_quoted(names.namn[ident])}, men dess id "
            f"'{identifier(ident)}' saknas i '{key}'. Lägg till id:t i '{key}', eller rätta "
            "texten om den inte är planens (tecken för tecken ur planen).",
        )
        for ident in missing
    ]


def _quoted(text: str) -> str:
    return f"”{shorten(text, 120)}”"  # a name whole, unless a file makes it absurdly long
