"""A check of some files only (a pre-commit hook): the other report files that findings in the
named files depend on, so that the check finds in them exactly what a check of the whole folder
finds (docs/decisions/0097-delkontroll.md)."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from utsatta.load.files import classify, display_path, resolved
from utsatta.load.raw import read_raw


def depends_on(root: Path, named: Collection[Path]) -> set[Path]:
    """The files to load for a check of ``named`` (resolved paths): those and every existing
    report file whose content findings in them read.

    - A report's completeness (``insats-saknas``) reads the earlier years' reports of its
      organisation and of each predecessor: an återrapportering made there counts.
    - An uppföljning's ``tidigare_behov`` reads the reports of the years it names, all of each
      such year (a missing report is answered with those that are there).

    Worked out before loading, from the paths and the plain data of organisationer.yaml and
    the named uppföljning files, so the folder is loaded once. Their data may be invalid: what
    is read here is read tolerantly, and too much is harmless (only the named files' findings
    are kept; ``load`` reads only the data files it finds itself).
    """
    wanted = set(named)
    top = resolved(root)
    kinds = {p: classify(top, p) for p in named if p.is_relative_to(top)}
    reports = top / "rapporter"
    if "rapport" in kinds.values():
        predecessors: dict[str, set[str]] = {}
        for org in _items(_plain(top, top / "organisationer.yaml"), "organisationer"):
            for e in _items(org, "efterfoljare"):
                predecessors.setdefault(str(e.get("organisation")), set()).add(str(org.get("id")))
        years = _years(reports)
        for path, kind in kinds.items():
            if kind != "rapport":
                continue
            lineage, todo = {path.stem}, [path.stem]
            while todo:
                for p in predecessors.get(todo.pop(), ()):
                    if p not in lineage:
                        lineage.add(p)
                        todo.append(p)
            for year in years:
                if year < int(path.parent.name):
                    for org_id in lineage:
                        report = reports / str(year) / f"{org_id}.yaml"
                        if report.exists():
                            wanted.add(resolved(report))
    for path, kind in kinds.items():
        if kind != "uppfoljning":
            continue
        for b in _items(_plain(top, path), "tidigare_behov"):
            try:
                folder = reports / str(int(str(b.get("ar"))))
                with os.scandir(folder) as entries:
                    wanted.update(resolved(Path(e.path)) for e in entries)
            except (OSError, ValueError):
                continue  # no such year or folder: the finding says so
    return wanted


def _plain(top: Path, path: Path) -> Any:
    """The plain data of a file inside the data folder, or None."""
    if not resolved(path).is_relative_to(top) or not path.is_file():
        return None  # a link out of the folder is never read (discover reports it)
    return read_raw(path, display_path(path)).data


def _items(data: Any, key: str) -> Iterator[dict[str, Any]]:
    """The mappings in the list under ``key`` of ``data``, if it is one."""
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, list):
        yield from (v for v in value if isinstance(v, dict))


def _years(reports: Path) -> list[int]:
    try:
        with os.scandir(reports) as entries:
            return sorted(int(e.name) for e in entries if e.name.isdigit() and len(e.name) == 4)
    except OSError:
        return []
