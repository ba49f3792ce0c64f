"""Where each file kind has lists of ids, and what the ids name: one table (decision 0550).

The rule for an id twice in a list (check/rules/id_lists, ``dubblett-i-lista``) and the rules
for an id that does not exist (``okand-*``, in the rule module of each file kind) walk the lists
this table names, so a list added here is checked by both, and tests/test_id_fields.py fails for
a list of ids in a model that is not here. The fields of one id are in ID_REFS. The schema's
hint for a number written as an id (load/type_advice) names where the ids are from both tables
(``IdKind.home``). They are in model/, below load/ and check/, because they describe the
models' fields (decision 0573).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from utsatta.findings import Path_


class IdKind:
    """What the ids of a list (or a field of one id) name, what a message calls one of them,
    and ``home``: where the ids are listed, with an example, as the schema's hint names it (""
    for an id with a form of its own, an insats '1:3', whose hint is that form, and for a kind
    that has no such hint). Compared by identity: the kinds are the constants below."""

    # Plain classes, not Enum or dataclass: creating those costs more at every start of
    # validate than walking the lists (decision 0550).
    __slots__ = ("home", "key", "noun")

    def __init__(self, key: str, noun: str, home: str = "") -> None:
        self.key = key
        self.noun = noun
        self.home = home

    def __repr__(self) -> str:
        return f"IdKind({self.key!r})"


OMRADE = IdKind("omrade", "Området", "omraden.yaml (t.ex. bergsjon)")
ORGANISATION = IdKind(
    "organisation", "Organisationen", "organisationer.yaml (t.ex. grundskolenamnden)"
)
ORGANISATION_ELLER_GRUPP = IdKind("organisation-eller-grupp", "Organisationen eller gruppen")
INSATS = IdKind("insats", "Insatsen")
MAL = IdKind("mal", "Målet eller delmålet")
#: a source under the same file's 'kallor'
KALLA = IdKind("kalla", "Källan", "listan 'kallor'")
#: the kinds of a field of one id only (ID_REFS), no list's
DELMAL = IdKind("delmal", "Delmålet", "plan.yaml (t.ex. inga-sarskilt-utsatta)")
UPPDRAG = IdKind("uppdrag", "Uppdraget", "plan.yaml, under ovriga_uppdrag")
FOKUSOMRADE = IdKind("fokusomrade", "Fokusområdet")

#: a key that stands for each record of a list
EACH = "*"


class IdField:
    """A list of ids in a file: ``path`` the keys from the file's top (``EACH`` for each record
    of a list), ``holds`` what its ids name. A finding on an id is at the list's place
    (``path`` with each ``EACH`` the record's index) and the id's index in the list."""

    __slots__ = ("get", "holds", "path", "steps")

    def __init__(self, path: tuple[str, ...], holds: IdKind) -> None:
        self.path = path
        self.holds = holds
        # the keys between the lists of records: (("insatser",), ("omraden",)) for
        # ("insatser", EACH, "omraden")
        steps: list[tuple[str, ...]] = [()]
        for key in path:
            if key == EACH:
                steps.append(())
            else:
                steps[-1] += (key,)
        # at most two lists of records on the way, with one key after each (the walk below)
        if len(steps) > 3 or any(len(s) != 1 for s in steps[1:]):
            raise ValueError(f"{path}: no walk for this path")
        self.steps = tuple(steps)
        self.get = tuple(attrgetter(s[0]) if len(s) == 1 else _Chain(s) for s in steps)

    def __repr__(self) -> str:
        return f"IdField({self.path!r}, {self.holds!r})"

    def lists(self, model: Any) -> list[tuple[Path_, Sequence[str]]]:
        """Each non-empty list of this field in ``model`` (a file's model), with its place."""
        # Written out per depth, with the getters made once: every file of a data set is
        # walked, by two rules, at every run of validate (decision 0550 measured it).
        get = self.get
        if len(get) == 1:
            ids = get[0](model)
            return [(self.path, ids)] if ids else []
        if len(get) == 2:
            (k0,), (k1,) = self.steps
            g0, g1 = get
            return [((k0, i, k1), ids) for i, a in enumerate(g0(model) or ()) if (ids := g1(a))]
        (k0,), (k1,), (k2,) = self.steps
        g0, g1, g2 = get
        return [
            ((k0, i, k1, j, k2), ids)
            for i, a in enumerate(g0(model) or ())
            for j, b in enumerate(g1(a) or ())
            if (ids := g2(b))
        ]


class _Chain:
    """The value at some keys, one under the other; None where one on the way is not given."""

    __slots__ = ("keys",)

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys

    def __call__(self, node: Any) -> Any:
        for key in self.keys:
            if node is None:
                return None
            node = getattr(node, key)
        return node


#: file kind → its lists of ids, in the order of the model's fields
ID_FIELDS: dict[str, tuple[IdField, ...]] = {
    "plan": (
        IdField(("insatser", EACH, "samordningsansvar"), ORGANISATION_ELLER_GRUPP),
        IdField(("insatser", EACH, "ansvar"), ORGANISATION_ELLER_GRUPP),
    ),
    "organisationer": (
        IdField(("organisationer", EACH, "efterfoljare", EACH, "insatser"), INSATS),
        IdField(("organisationer", EACH, "efterfoljare", EACH, "kallor"), KALLA),
        IdField(("organisationer", EACH, "kallor"), KALLA),
        IdField(("grupper", EACH, "medlemmar"), ORGANISATION),
    ),
    "omraden": (
        IdField(("upplagor", EACH, "kategorier", EACH, "kallor"), KALLA),
        IdField(("upplagor", EACH, "nationellt_kallor"), KALLA),
        IdField(("upplagor", EACH, "antal", EACH, "kallor"), KALLA),
        IdField(("omraden", EACH, "klassning", EACH, "kallor"), KALLA),
    ),
    "indikator": (
        IdField(("insatser",), INSATS),
        IdField(("underlag_for",), MAL),
    ),
    "rapport": (IdField(("insatser", EACH, "omraden"), OMRADE),),
    "uppfoljning": (
        IdField(("mal", "kallor"), KALLA),
        IdField(("delmal", EACH, "kallor"), KALLA),
        IdField(("delmal", EACH, "omraden", EACH, "kallor"), KALLA),
        IdField(("fokusomraden", EACH, "kallor"), KALLA),
        IdField(("slutuppfoljning", "kallor"), KALLA),
    ),
}


#: file kind → its fields of one id of another record (a record's own 'id' is none), with what
#: the id names, in the order of the model's fields. The rules check these fields each in its
#: own way; the schema's hint for a number written as an id reads the table (load/type_advice),
#: and tests/test_id_fields.py holds it to the models as it does ID_FIELDS (decision 0573).
ID_REFS: dict[str, tuple[tuple[tuple[str, ...], IdKind], ...]] = {
    "plan": (
        (("plan", "indikatorbilaga", "kalla"), KALLA),
        (("insatser", EACH, "fokusomrade"), FOKUSOMRADE),
    ),
    "organisationer": (
        (("organisationer", EACH, "efterfoljare", EACH, "organisation"), ORGANISATION),
    ),
    "indikator": (
        (("fokusomrade",), FOKUSOMRADE),
        (("mal",), MAL),
        (("baslinje", "kalla"), KALLA),
        (("malvarden", EACH, "kalla"), KALLA),
        (("utfall", EACH, "kalla"), KALLA),
        (("utfall", EACH, "omrade"), OMRADE),
    ),
    "rapport": (
        (("organisation",), ORGANISATION),
        (("insatser", EACH, "insats"), INSATS),
    ),
    "uppfoljning": (
        (("delmal", EACH, "delmal"), DELMAL),
        (("delmal", EACH, "omraden", EACH, "omrade"), OMRADE),
        (("fokusomraden", EACH, "fokusomrade"), FOKUSOMRADE),
        (("ovriga_uppdrag", EACH, "uppdrag"), UPPDRAG),
        (("tidigare_behov", EACH, "organisation"), ORGANISATION),
        (("tidigare_behov", EACH, "insats"), INSATS),
    ),
}


def id_lists(kind: str, model: Any) -> list[tuple[Path_, Sequence[str], IdKind]]:
    """Each non-empty list of ids in ``model``, a file of ``kind``: its place, its ids and what
    they name."""
    return [(at, ids, f.holds) for f in ID_FIELDS.get(kind, ()) for at, ids in f.lists(model)]


#: (file kind, what the ids name) → those lists of the file kind
_BY_KIND = {
    (kind, holds): tuple(f for f in fields if f.holds is holds)
    for kind, fields in ID_FIELDS.items()
    for holds in dict.fromkeys(f.holds for f in fields)
}


def lists_of(kind: str, model: Any, holds: IdKind) -> list[tuple[Path_, Sequence[str]]]:
    """Each non-empty list of ids of ``holds`` in ``model``, a file of ``kind``, and its place."""
    fields = _BY_KIND.get((kind, holds), ())
    if len(fields) == 1:
        return fields[0].lists(model)  # most often: one list of the kind
    return [x for f in fields for x in f.lists(model)]
