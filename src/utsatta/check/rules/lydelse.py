"""plan.yaml: the plan's own column text (``samordningsansvar_lydelse``, ``ansvar_lydelse``)
against the id lists beside it (docs/decisions/0437-lydelse-och-id.md).

Only what the organisation register says is compared: an organisation's or group's ``namn``
in organisationer.yaml, and two forms of a name "Socialnämnden Centrum" (a first word in the
definite form, ending in -en): "socialnämnd Centrum", and an enumeration after the plural
"socialnämnderna Centrum, Hisingen och Sydväst". Case and runs of white space do not matter.
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
from typing import Any

from utsatta.compute.responsibility import resolve
from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, varning
from utsatta.load.dataset import SourceFile
from utsatta.model.organisationer import OrganisationerFil

__all__ = ["RegisterNames", "check"]

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
#: the rest of a name after its plural word ("centrum") → the id
_Rests = dict[str, str]


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class RegisterNames:
    """The register's names as patterns, built once per organisationer.yaml."""

    def __init__(self, orgs: OrganisationerFil) -> None:
        self.orgs = orgs
        self.namn = {o.id: o.namn for o in orgs.organisationer}
        self.namn.update((g.id, g.namn) for g in orgs.grupper)
        self.groups = {g.id for g in orgs.grupper}
        forms: dict[str, str] = {}  # form → id
        plural: dict[str, dict[str, str]] = {}  # "socialnämnderna" → {"centrum": id}
        for ident, namn in self.namn.items():
            norm = _norm(namn)
            if not norm:
                continue
            forms.setdefault(norm, ident)
            first, _, rest = norm.partition(" ")
            if ident not in self.groups and rest and len(first) > 4 and first.endswith("en"):
                stem = first[:-2]
                forms.setdefault(f"{stem} {rest}", ident)
                plural.setdefault(f"{stem}erna", {}).setdefault(rest, ident)
        self.enumerations = [_enumeration(word, rests) for word, rests in plural.items()]
        # the longest form first: at a place, "socialnämnden centrum" before "socialnämnden"
        alternatives = sorted(forms, key=len, reverse=True)
        self.forms = forms
        self.pattern = (
            re.compile(rf"{_START}(?:" + "|".join(re.escape(a) for a in alternatives) + rf"){_END}")
            if alternatives
            else None
        )

    def found(self, text: str) -> list[str]:
        """The ids whose names stand in ``text``, in the order they stand there."""
        norm = _norm(text)
        hits: list[tuple[int, str]] = []
        for pattern, item, rests in self.enumerations:

            def blank(m: re.Match[str], item: re.Pattern[str] = item, rests: _Rests = rests) -> str:
                # the items after the plural word, each one a name of the register; the
                # enumeration is blanked (one pass, same length) so that the plural word is not
                # read as a group's name
                hits.extend((m.start(), rests[i[0]]) for i in item.finditer(m["items"]))
                return " " * (m.end() - m.start())

            norm = pattern.sub(blank, norm)
        if self.pattern is not None:
            hits += [(m.start(), self.forms[m[0]]) for m in self.pattern.finditer(norm)]
        return list(dict.fromkeys(ident for _, ident in sorted(hits)))

    def members(self, ident: str) -> set[str]:
        return set(resolve([ident], self.orgs))


def _enumeration(
    word: str, rests: dict[str, str]
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The pattern of "socialnämnderna centrum, hisingen och sydväst" for the plural ``word``,
    that of one of its items, and the id of each item."""
    longest = sorted(rests, key=len, reverse=True)
    item = rf"{_START}(?:" + "|".join(re.escape(r) for r in longest) + rf"){_END}"
    whole = rf"{_START}{re.escape(word)}\s+(?P<items>{item}(?:{_SEPARATOR}{item})*)"
    return re.compile(whole), re.compile(item), rests


def check(src: SourceFile[Any], orgs: OrganisationerFil) -> list[Finding]:
    """The warnings of plan.yaml's insatser where a column's text and its ids disagree."""
    plan, f = src.model, src.display
    if plan is None:
        return []
    names = RegisterNames(orgs)
    out: list[Finding] = []
    for ii, ins in enumerate(plan.insatser):
        for key, lydelse_key, tolkning_key in _COLUMNS:
            lydelse = getattr(ins, lydelse_key)
            if lydelse is None:
                continue
            ids = list(getattr(ins, key))
            found = names.found(lydelse)
            if getattr(ins, tolkning_key) != "slutledd":
                out += _unnamed(f, ii, key, lydelse_key, tolkning_key, ids, found, names)
            out += _missing(f, ii, key, lydelse_key, ids, found, names)
    return out


def _unnamed(
    f: str,
    ii: int,
    key: str,
    lydelse_key: str,
    tolkning_key: str,
    ids: list[str],
    found: list[str],
    names: RegisterNames,
) -> list[Finding]:
    """An id of the list whose name is not in the text."""
    in_text = set(found)
    covered = set().union(*(names.members(i) for i in found if i in names.groups))
    out = []
    for ai, ident in enumerate(ids):
        if ident not in names.namn or ident in in_text or ident in covered:
            continue  # an unknown id is okand-organisation's
        if ident in names.groups and names.members(ident) <= in_text | covered:
            continue
        out.append(
            varning(
                f,
                ("insatser", ii, key, ai),
                _CODE,
                f"'{identifier(ident)}' i '{key}' står inte i '{lydelse_key}', planens egen text "
                f"för kolumnen: namnet {_quoted(names.namn[ident])} ur organisationer.yaml finns "
                "inte där. Rätta id:t eller texten (tecken för tecken ur planen); är id:na en "
                f"tolkning av planens ord, ange '{tolkning_key}: slutledd'.",
            )
        )
    return out


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
    listed = set(resolve(ids, names.orgs))
    by_group = set().union(*(names.members(i) for i in ids if i in names.groups))
    missing = [
        ident
        for ident in found
        if ident not in ids
        and ident not in by_group
        and not (ident in names.groups and names.members(ident) <= listed)
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
