"""Rules for organisationer.yaml: unique ids, reviewers that are handles, known group members."""

from __future__ import annotations

from typing import Any

from utsatta.check.rules.base import Known, Ref, duplicates, is_handle
from utsatta.escape import shorten
from utsatta.findings import Finding, fel
from utsatta.load.dataset import SourceFile

MEMBER = Ref("okand-organisation", "Organisationen", "organisationer.yaml")


def check(src: SourceFile[Any], known: Known) -> list[Finding]:
    orgs, f = src.model, src.display
    if orgs is None:
        return []
    out = duplicates(f, orgs.organisationer, ("organisationer",), "Organisationen")
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
        members = [(("grupper", gi, "medlemmar", mi), m) for mi, m in enumerate(g.medlemmar or [])]
        out += MEMBER.check(f, members, known.org_ids, known.org_set)
    return out
