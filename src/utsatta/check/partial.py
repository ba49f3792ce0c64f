"""A check of some files only (a pre-commit hook): the other report files that findings in the
named files depend on, so that the check finds in them exactly what a check of the whole folder
finds (docs/decisions/0097-partial-check.md)."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from utsatta.load.dataset import DataSet


def depends_on(ds: DataSet, named: Collection[Path]) -> set[Path]:
    """The report files, named or not, whose content findings in the ``named`` files read.

    ``ds`` is loaded with ``only=named`` (every shared and uppföljning file, of the reports only
    the named ones); ``named`` are resolved paths.

    - A report's completeness (``insats-saknas``) reads the earlier years' reports of its
      organisation and of each predecessor: an återrapportering made there counts.
    - An uppföljning's ``tidigare_behov`` reads the reports of the earlier years it names, all
      of each such year (a missing report is answered with those that are there).

    Only paths that exist are returned; one that is not a data file is harmless: ``load``
    reads only the data files it finds itself.
    """
    wanted = set(named)
    reports = ds.root / "rapporter"
    predecessors: dict[str, list[str]] = {}
    orgs = ds.organisationer.model if ds.organisationer else None
    for o in orgs.organisationer if orgs else ():
        for e in o.efterfoljare:
            predecessors.setdefault(e.organisation, []).append(o.id)
    for rep in ds.rapporter:
        if rep.model is None or rep.model.organisation != rep.path.stem:
            continue  # only a report named after its organisation counts (check.completeness)
        lineage = {rep.path.stem}
        todo = [rep.path.stem]
        while todo:
            for p in predecessors.get(todo.pop(), ()):
                if p not in lineage:
                    lineage.add(p)
                    todo.append(p)
        for year in ds.report_years:
            if year < rep.folder_year:
                for org in lineage:
                    path = reports / str(year) / f"{org}.yaml"
                    if path.exists():
                        wanted.add(path.resolve())
    for up in ds.uppfoljningar:
        if up.model is None or up.path.resolve() not in named:
            continue
        for year in {b.ar for b in up.model.tidigare_behov if b.ar < up.model.ar}:
            try:
                with os.scandir(reports / str(year)) as entries:
                    wanted.update(Path(e.path).resolve() for e in entries)
            except OSError:
                continue  # no such folder: the finding says the report is missing
    return wanted
