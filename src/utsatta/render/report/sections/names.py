"""Names and file order of organisations and områden by id, as the sections show them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil


@dataclass(frozen=True)
class Names:
    """An id not in the files is shown as written and sorted after the known ones."""

    #: organisation id -> namn, organisationer.yaml order
    organisationer: Mapping[str, str]
    #: område id -> namn, omraden.yaml order (empty without a valid omraden.yaml)
    omraden: Mapping[str, str]
    org_order: Mapping[str, int]
    omrade_order: Mapping[str, int]

    @classmethod
    def of(cls, orgs: OrganisationerFil, omr: OmradenFil | None) -> Names:
        omraden = omr.omraden if omr else []
        return cls(
            organisationer={o.id: o.namn for o in orgs.organisationer},
            omraden={o.id: o.namn for o in omraden},
            org_order={o.id: n for n, o in enumerate(orgs.organisationer)},
            omrade_order={o.id: n for n, o in enumerate(omraden)},
        )

    def org(self, ident: str) -> str:
        return self.organisationer.get(ident, ident)

    def orgs_in_order(self, ids: Iterable[str]) -> list[str]:
        """``ids`` in organisationer.yaml order."""
        return sorted(ids, key=lambda o: self.org_order.get(o, len(self.org_order)))

    def omraden_text(self, ids: Iterable[str]) -> tuple[str, ...]:
        """The names of the områden ``ids`` (each once), in omraden.yaml order."""
        order = self.omrade_order
        unique = sorted(set(ids), key=lambda i: (order.get(i, len(order)), i))
        return tuple(self.omraden.get(i, i) for i in unique)
