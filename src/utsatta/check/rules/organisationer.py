"""Rules for organisationer.yaml: unique ids, ids that can be file names on every system,
reviewers that are handles, known group members, and an andra_namn that is no other one's name
(docs/decisions/0450-andra-namn.md)."""

from __future__ import annotations

from typing import Any

from utsatta.check.rules.base import Known, Ref, duplicates, is_handle, reserved_name
from utsatta.check.rules.lydelse import RegisterNames, name_form
from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, fel, varning
from utsatta.load.dataset import SourceFile
from utsatta.model import id_fields
from utsatta.model.id_fields import lists_of

MEMBER = Ref("okand-organisation", "Organisationen", "organisationer.yaml")


def check(src: SourceFile[Any], known: Known) -> list[Finding]:
    orgs, f = src.model, src.display
    if orgs is None:
        return []
    out = duplicates(f, orgs.organisationer, ("organisationer",), "Organisationen")
    for oi, org in enumerate(orgs.organisationer):
        reserved = reserved_name(f, ("organisationer", oi, "id"), org.id, "rapporter/ÅR", "namnd")
        if reserved is not None:
            out.append(reserved)
    out += [
        fel(
            f,
            ("organisationer", oi, "granskare", gi),
            "ogiltig-granskare",
            f"'{shorten(handle)}' är inte en GitHub-användare eller ett team. Skriv "
            "'@användarnamn', '@organisation/team' eller en e-postadress.",
        )
        for oi, org in enumerate(orgs.organisationer)
        for gi, handle in enumerate(org.granskare)
        if not is_handle(handle)
    ]
    out += duplicates(f, orgs.grupper, ("grupper",), "Gruppen")
    for gi, g in enumerate(orgs.grupper):
        if g.id in known.org_set:
            out.append(
                fel(
                    f,
                    ("grupper", gi, "id"),
                    "dubblett-id",
                    f"Gruppen '{shorten(g.id)}' har samma id som en organisation. Välj ett "
                    "annat id.",
                )
            )
    members = [
        ((*path, j), m)
        for path, ids in lists_of("organisationer", orgs, id_fields.ORGANISATION)
        for j, m in enumerate(ids)
    ]
    out += MEMBER.check(f, members, known.org_ids, known.org_set)
    return out + _andra_namn(f, orgs)


def _andra_namn(f: str, orgs: Any) -> list[Finding]:
    """A form in andra_namn that the lydelse rule reads as another one's name (its namn, a
    form the rule makes of that, "Socialnämnd Centrum" of "Socialnämnden Centrum", or an
    andra_namn before it in the file): it would not name this one. The rule's own table
    decides, so the two cannot disagree."""
    entries = [("organisationer", i, o) for i, o in enumerate(orgs.organisationer)]
    entries += [("grupper", i, g) for i, g in enumerate(orgs.grupper)]
    if not any(e.andra_namn for _, _, e in entries):
        return []  # nothing to compare: the table is not built (a register of thousands)
    forms = RegisterNames(orgs).forms
    out = []
    for key, i, e in entries:
        for ai, other in enumerate(e.andra_namn):
            first = forms.get(name_form(other), e.id)
            if first != e.id:
                out.append(
                    varning(
                        f,
                        (key, i, "andra_namn", ai),
                        "andra-namn-dubblett",
                        f"'{shorten(other)}' i 'andra_namn' för '{identifier(e.id)}' är redan "
                        f"ett namn för '{identifier(first)}' i organisationer.yaml: kontrollen "
                        f"av planens lydelse läser formen som '{identifier(first)}', inte som "
                        f"'{identifier(e.id)}'. Ta bort formen här, eller skriv den som planen "
                        "skriver just den här organisationen.",
                    )
                )
    return out
