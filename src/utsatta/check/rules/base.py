"""What the rules of every file kind share: the ids a data set knows, and compact ways to say
"unknown id" and "duplicate id"."""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utsatta.compute.duties import too_many_duties
from utsatta.compute.responsibility import Duties
from utsatta.escape import shorten
from utsatta.findings import Finding, Path_, fel
from utsatta.load.dataset import DataSet
from utsatta.load.spelling import NameIndex, menade_du, menade_du_namn
from utsatta.model.indikator import PLANENS_MAL
from utsatta.wording import LISTADE_ID, begransad

#: A character of an e-mail address: no @, space, control, bidi or invisible format character
#: (the handle is written into CODEOWNERS as it stands).
_MAIL = "[^@\\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"


@functools.cache
def _handle() -> re.Pattern[str]:
    # Compiled when first used: most data sets name no granskare, and compiling these
    # character classes costs more than checking every organisation.
    return re.compile(
        # The domain is checked for an inner '.' by a look-ahead, then read once: written as
        # '{_MAIL}+\.{_MAIL}+' it was tried at every '.', a pass each (decision 0310).
        rf"(@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:/[A-Za-z0-9_.-]+)?"
        rf"|{_MAIL}++@(?={_MAIL}{_MAIL}*\.{_MAIL}){_MAIL}++)\Z"
    )


def is_handle(text: str) -> bool:
    """Whether ``text`` is a CODEOWNERS owner: @user, @org/team or an e-mail address."""
    return _handle().match(text) is not None


def annan_plan(ar: int, fran: int) -> str:
    """What to do with a file of year ``ar`` that belongs to another plan than the one starting
    ``fran`` (ar-utanfor-planen): keep it, in that plan's own data folder, never delete it."""
    if ar < fran:
        return (
            "Gäller filen en tidigare plan: ta inte bort historiken utan låt filen ligga kvar i "
            "den planens datamapp (flytta den förra periodens datamapp till ett arkiv, eller "
            "behåll den i git-historiken) och ha en egen datamapp per plan (--data MAPP); se "
            "README, ”Ny planperiod”."
        )
    return (
        "Gäller filen en senare plan: lägg den i den planens egen datamapp (en datamapp per "
        "plan, --data MAPP); se README, ”Ny planperiod”."
    )


@dataclass(eq=False)
class Known:
    """The ids of the shared files, in file order (for messages) and as sets (for lookups),
    and the duties of the plan; computed once for all files (there may be thousands)."""

    org_ids: list[str] = field(default_factory=list)
    group_ids: list[str] = field(default_factory=list)
    omrade_ids: list[str] = field(default_factory=list)
    insats_ids: list[str] = field(default_factory=list)
    fokus_ids: list[str] = field(default_factory=list)
    editions: list[int] = field(default_factory=list)
    #: what an indicator's 'mal' may name: "mal" (the plan's mål) and the delmål ids
    mal_ids: list[str] = field(default_factory=list)
    #: the plan's years (fran, till), None without a valid plan
    planperiod: tuple[int, int] | None = None
    #: insats id → the organisations that report it / that coordinate it, as sets
    duties: dict[str, frozenset[str]] = field(default_factory=dict)
    coordinators: dict[str, list[str]] = field(default_factory=dict)
    #: insats id → the organisations that report it, in plan order (for messages)
    duty_order: dict[str, list[str]] = field(default_factory=dict)
    #: the duties of any year (who holds what when the report's year is known)
    rule: Duties | None = None
    names: dict[str, str] = field(default_factory=dict)
    org_set: frozenset[str] = frozenset()
    insats_set: frozenset[str] = frozenset()
    omrade_set: frozenset[str] = frozenset()
    #: an area's name and the parts of it → (id, name), for "Menade du" (spelling.name_index)
    omrade_names: NameIndex = field(default_factory=lambda: NameIndex(()))
    #: a report's path → whose report it is (check.rules.owner.reading), worked out once per
    #: file for the two rules that read it (rapport and validity)
    readings: dict[Path, Any] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def of(ds: DataSet, duties: Duties | None = None) -> Known:
        """What the checks look up; ``duties``: the plan's duties when the caller has built
        them (``compute.duties.duties_of``), so a check run builds them once."""
        plan = ds.plan.model if ds.plan else None
        orgs = ds.organisationer.model if ds.organisationer else None
        omr = ds.omraden.model if ds.omraden else None
        org_ids = [o.id for o in orgs.organisationer] if orgs else []
        insats_ids = [i.id for i in plan.insatser] if plan else []
        omrade_ids = [o.id for o in omr.omraden] if omr else []
        duty_order: dict[str, list[str]] = {}
        coordinators: dict[str, list[str]] = {}
        d: Duties | None = None
        # more duties than the limit: none are checked (for-manga-ansvar says why)
        if plan and orgs and not too_many_duties(ds):
            d = duties if duties is not None else Duties.of(plan, orgs)
            duty_order = {i.id: d.responsible(i.id) for i in plan.insatser}
            coordinators = {i.id: d.samordnande(i.id) for i in plan.insatser}
        return Known(
            org_ids=org_ids,
            group_ids=[g.id for g in orgs.grupper] if orgs else [],
            omrade_ids=omrade_ids,
            insats_ids=insats_ids,
            fokus_ids=[f.id for f in plan.fokusomraden] if plan else [],
            editions=[u.ar for u in omr.upplagor] if omr else [],
            mal_ids=[PLANENS_MAL, *(d.id for d in plan.mal.delmal)] if plan else [],
            planperiod=(
                (plan.plan.giltighet.fran, plan.plan.giltighet.till)
                if plan and plan.plan.giltighet.fran <= plan.plan.giltighet.till
                else None
            ),
            duties={k: frozenset(v) for k, v in duty_order.items()},
            coordinators=coordinators,
            duty_order=duty_order,
            rule=d,
            names={k: shorten(v) for k, v in ds.organisation_names().items()},
            org_set=frozenset(org_ids),
            insats_set=frozenset(insats_ids),
            omrade_set=frozenset(omrade_ids),
            omrade_names=NameIndex((o.id, o.namn) for o in omr.omraden) if omr else NameIndex(()),
        )


def unknown(
    file: str,
    path: Path_,
    code: str,
    what: str,
    value: str,
    known: Iterable[str],
    where: str,
    names: NameIndex | None = None,
) -> Finding:
    """``what 'value'`` is not among ``known`` (listed in ``where``), with the closest match:
    by ``names`` (``spelling.name_index``) first, when the ids have names."""
    options = list(dict.fromkeys(known))  # a duplicated id is listed once
    meant = menade_du_namn(value, options, names) if names else menade_du(value, options)
    return fel(
        file,
        path,
        code,
        f"{what} '{shorten(value)}' finns inte i {where}.{meant} Giltiga: "
        f"{begransad(options, LISTADE_ID, och_last=False)}.",
    )


@dataclass(eq=False)
class Ref:
    """A kind of reference: which code, the words for it, and where the valid ids are listed."""

    code: str
    what: str
    where: str

    def check(
        self,
        file: str,
        refs: Iterable[tuple[Path_, Any]],
        known: list[str],
        valid: Container[Any] | None = None,
        names: NameIndex | None = None,
    ) -> list[Finding]:
        """Every reference in ``refs`` (place, value) that is not a known id. ``valid`` is a
        set to test against (default: ``known``); ``names``: the ids' names (``unknown``)."""
        pool = set(known) if valid is None else valid
        return [self.finding(file, path, str(v), known, names) for path, v in refs if v not in pool]

    def finding(
        self,
        file: str,
        path: Path_,
        value: str,
        known: list[str],
        names: NameIndex | None = None,
    ) -> Finding:
        """``value`` at ``path`` is not one of ``known``."""
        return unknown(file, path, self.code, self.what, value, known, self.where, names)


#: the names Windows keeps for devices, with any extension (an id is lower case: its pattern)
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}
)


def reserved_name(file: str, path: Path_, id_: str, folder: str, suffix: str) -> Finding | None:
    """An id that names a file (an organisation's reports, an indicator's file) and that
    Windows reserves: git for Windows cannot check the file out (docs/decisions/0580)."""
    if id_ not in WINDOWS_RESERVED:
        return None
    return fel(
        file,
        path,
        "reserverat-filnamn",
        f"Id:t '{id_}' blir filnamnet {folder}/{id_}.yaml, och {id_.upper()} är ett namn som "
        "Windows reserverar (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, också med en ändelse): "
        f"git för Windows kan då inte hämta datarepot. Välj ett annat id, t.ex. '{id_}-{suffix}'.",
    )


def duplicates(file: str, items: Iterable[Any], base: Path_, what: str) -> list[Finding]:
    """Items whose ``id`` appeared earlier in the same list."""
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items):
        if item.id in seen:
            out.append(
                fel(
                    file,
                    (*base, i, "id"),
                    "dubblett-id",
                    f"{what} '{shorten(item.id)}' finns redan tidigare i filen. Varje id får bara "
                    "förekomma en gång.",
                )
            )
        seen.add(item.id)
    return out


def unknown_source(file: str, path: Path_, value: str, kallor: list[str]) -> Finding:
    """okand-kalla in the words of organisationer.yaml and omraden.yaml's kategorier (the
    other lists of sources say it with :class:`Ref`)."""
    return fel(
        file,
        path,
        "okand-kalla",
        f"Källan '{value}' finns inte under 'kallor' i filen.{menade_du(value, kallor)} "
        "Lägg till källan där eller rätta id:t.",
    )
