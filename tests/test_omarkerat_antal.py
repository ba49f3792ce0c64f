"""granska14 finding 8: what "utan markering" means, said so that it is true everywhere."""

from __future__ import annotations

from utsatta.export.columns import INDIKATORVARDEN
from utsatta.render.labels import UTAN_MARKERING


def test_an_unmarked_count_is_no_claim_that_the_police_confirmed_it() -> None:
    """granska14 finding 8 (docs/decisions/0486): the legend's "utan markering" is the levels'
    rule; a count carries only *, † and ?, and the export says so for its markering column."""
    assert UTAN_MARKERING == (
        "utan markering: bekräftad i polisens egen publicering (ett antal utan markering är "
        "bekräftat, inte nödvändigtvis av polisen)"
    )
    markering = next(c for c in INDIKATORVARDEN if c.namn == "markering")
    assert "som inte behöver vara polisens egen publicering" in markering.beskrivning
    assert "omradesnivaer, kolumnen kallslag" in markering.beskrivning
