"""An empty report file (``tom-fil`` at rapporter/ÅR/ORGANISATION.yaml): the advice names the
command that writes a report to fill in, with the data folder as the run named it; load, which
finds the empty file, knows neither the command line nor which organisations exist (0658)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import PurePath

from utsatta.check.suggested import command_sentence
from utsatta.load.dataset import DataSet

__all__ = ["advise_empty_reports"]

_YEAR = re.compile(r"[0-9]{4}")


def advise_empty_reports(ds: DataSet) -> None:
    """Each ``tom-fil`` finding of a report named for a known organisation, worded again with
    ``utsatta ny rapport ÅR ORGANISATION`` (the file must go first: 'ny' writes no file over
    another)."""
    names = None
    for at, f in enumerate(ds.findings):
        if f.code != "tom-fil":
            continue
        path = PurePath(f.file)
        if path.parent.parent.name != "rapporter" or not _YEAR.fullmatch(path.parent.name):
            continue
        names = ds.organisation_names() if names is None else names
        if path.stem not in names or path.suffix != ".yaml":
            continue
        advice = command_sentence(
            ds,
            "Fyll i innehållet, eller ta bort filen och skapa en rapport att fylla i med:",
            "ny rapport",
            path.parent.name,
            path.stem,
        )
        message = f"Filen är tom eller innehåller bara kommentarer. {advice}"
        ds.findings[at] = dataclasses.replace(f, message=message)
