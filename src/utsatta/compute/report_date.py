"""The one date a report year's outputs show or store, and whether it is made up.

The date is the latest decision date of the year's uppföljning file, never the clock (the
outputs stay deterministic). It is **made up** when that file is illustrative: its decisions are
invented, their dates too (a decision has no ``illustrativ`` of its own). Every output decides
with this module (docs/decisions/0111-pahittat-datum-i-pdf.md, 0118-ett-beslutsdatum.md): the
PDF footer marks a made-up date, the report marks it beside each decision, and no made-up date
is stored as a fact, the PDF's or the workbook's creation date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from utsatta.load.dataset import DataSet
    from utsatta.model.uppfoljning import UppfoljningFil

__all__ = ["ReportDate", "calendar_date", "is_made_up", "report_date", "uppfoljning_of"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ReportDate:
    """A date from the data for an output: ``datum`` (ISO) or None, and whether it is made up."""

    datum: str | None = None
    pahittat: bool = False

    @property
    def stored(self) -> str | None:
        """The date an output may store as a fact (a creation date in the metadata, where no
        note fits): None when it is made up or missing."""
        return None if self.pahittat else self.datum


def calendar_date(datum: str | None) -> date | None:
    """``datum`` as a date when it is a day of the calendar written YYYY-MM-DD, else None:
    what an output may store as a creation date (never "2024-02-30", never "2024")."""
    if datum is None or _ISO_DATE.fullmatch(datum) is None:
        return None
    try:
        return date.fromisoformat(datum)
    except ValueError:
        return None


def is_made_up(datum: str | None, *, illustrativ: bool, beslutsdatum: Iterable[str]) -> bool:
    """Whether ``datum`` is one of the decision dates (``beslutsdatum``) of an uppföljning file
    that is ``illustrativ``: the one rule for a made-up date."""
    return datum is not None and illustrativ and datum in set(beslutsdatum)


def uppfoljning_of(ds: DataSet, ar: int) -> UppfoljningFil | None:
    """The year's uppföljning file, if it is in the data and valid."""
    for f in ds.uppfoljningar:
        if f.model is not None and f.model.ar == ar:
            return f.model
    return None


def report_date(ds: DataSet, ar: int) -> ReportDate:
    """The date of year ``ar``'s outputs: the latest decision date of the year's uppföljning
    file (none without the file or before any decision), marked made up when the file is
    illustrative."""
    upp = uppfoljning_of(ds, ar)
    if upp is None:
        return ReportDate()
    datum = upp.beslutsdatum
    pahittat = is_made_up(
        datum, illustrativ=upp.illustrativ, beslutsdatum=(b.datum for b in upp.beslut)
    )
    return ReportDate(datum, pahittat)
