"""A check of some files only (a pre-commit hook): which files a check of the named paths covers
(``check_scope``: a decision of the library, not of the command line) and the other report
files that findings in them depend on, so that the check finds in them exactly what a check of
the whole folder finds (docs/decisions/0097-delkontroll.md)."""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from utsatta.errors import ArgumentError
from utsatta.fileio import as_path, shown
from utsatta.load.files import classify, display_path, resolved
from utsatta.load.placement import declared
from utsatta.load.raw import read_raw

#: One path or several, as the library's ``paths`` and ``only`` take them.
Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def named_paths(paths: Paths | None) -> list[Path] | None:
    """``paths`` as a list: one path (a str or a ``Path``) is one path, never its characters;
    None stays None. Anything else is refused (``ArgumentError``)."""
    if paths is None:
        return None
    one = as_path(paths)
    if one is not None:
        return [one]
    given: object = paths  # bytes is Iterable too, of numbers
    if isinstance(given, bytes):
        raise ArgumentError(
            "Sökvägarna ska vara text (str) eller Path, inte bytes.", argument="paths"
        )
    if not isinstance(given, Iterable):
        raise ArgumentError(
            f"{shown(repr(given))} är ingen sökväg: ange en fil som text (str) eller Path, "
            "eller en lista av sådana.",
            argument="paths",
        )
    out = []
    for p in given:
        path = as_path(p)
        if path is None:
            raise ArgumentError(
                f"{shown(repr(p))} är ingen sökväg: ange filerna som text (str) eller Path.",
                argument="paths",
            )
        out.append(path)
    return out


def existing_paths(paths: Paths | None) -> list[Path] | None:
    """``named_paths``, each of them there: ``ArgumentError`` names the first that is not (a
    link that leads nowhere is there: its finding says why it cannot be read)."""
    given = named_paths(paths)
    for p in given or ():
        if not os.path.lexists(p):
            raise ArgumentError(f"Filen {shown(p)} finns inte.", argument="paths")
    return given


def check_scope(root: Path, paths: Paths | None) -> set[Path] | None:
    """The files (resolved) a check of ``paths`` in the data folder ``root`` is limited to, or
    None for a check of the whole folder (no paths, a folder, or a shared file named: see
    ``partial_check_files``).

    Raises ``ArgumentError`` (Swedish message) for a path that is not there or lies outside
    the data folder: a check that silently covered nothing would read as a clean pass.
    """
    given = existing_paths(paths)
    if not given:
        return None
    top = resolved(root)
    for p in given:
        if not resolved(p).is_relative_to(top):
            raise ArgumentError(
                f"{shown(p)} ligger inte i datamappen {shown(root)}. Kontrollera den mot den "
                "datamapp som den hör till (den som har planen den gäller), eller flytta den "
                "till sin plats i den här datamappen.",
                argument="paths",
            )
    files = partial_check_files(root, given)
    return None if files is None else {resolved(p) for p in files}


def partial_check_files(root: Path, given: Iterable[Path]) -> list[Path] | None:
    """The files a check of ``given`` is limited to, or None for the whole folder.

    Reports and uppföljning files can be checked alone (what their findings read from other
    reports is read too, see ``depends_on``). Naming a folder, or any shared file (plan,
    organisations, områden, indicators), checks everything: a change there can break every
    report.
    """
    files: list[Path] = []
    root_resolved = resolved(root)
    for p in given:
        if _is_dir(p):
            return None  # a folder: check it all, missing reports included
        if classify(root_resolved, resolved(p)) not in (None, "rapport", "uppfoljning"):
            return None
        files.append(p)
    return files or None


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder (links followed); False when it cannot be looked at."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False


def with_dependents(root: Path, named: Collection[Path]) -> set[Path]:
    """``named`` (resolved paths) and every existing file whose findings can change when a named
    report changes, so that a check of the named files never misses an error the change causes
    in another file (the reverse of ``depends_on``):

    - the later years' reports of the report's organisation and of each of its successors
      (transitively, via ``efterfoljare``): their completeness counts an återrapportering made
      in the named report (for a report under a name that is no organisation's id, also those
      of the organisation it says, whose completeness it holds back: 0681);
    - each uppföljning file whose ``tidigare_behov`` names the report's year: its entries are
      looked up in that year's reports.

    Worked out from the paths, the plain data of organisationer.yaml and of the uppföljning
    files (read tolerantly: too much is harmless), in time linear in the files read.
    """
    out = set(named)
    top = resolved(root)
    named_reports = [p for p in named if _is_report(top, p)]
    if not named_reports:
        return out
    successors: dict[str, set[str]] = {}
    ids: set[str] = set()
    for org in _items(_plain(top, top / "organisationer.yaml"), "organisationer"):
        ids.add(str(org.get("id")))
        for e in _items(org, "efterfoljare"):
            successors.setdefault(str(org.get("id")), set()).add(str(e.get("organisation")))
    first: dict[str, int] = {}  # organisation (file name) -> its earliest named year
    for path in named_reports:
        year = int(path.parent.name)
        orgs = [path.stem]
        if path.stem not in ids:  # a report under a wrong name: also the one it says (0681)
            said = declared(path).get("organisation")
            orgs += [said] if said is not None else []
        for org_id in orgs:
            first[org_id] = min(year, first.get(org_id, year))
    # The earliest named year from which each organisation's later reports may change: one
    # pass over the organisations in order of that year, so each is reached once.
    since: dict[str, int] = {}
    for org_id, year in sorted(first.items(), key=lambda item: item[1]):
        todo = [org_id] if org_id not in since else []
        since.setdefault(org_id, year)
        while todo:
            for heir in successors.get(todo.pop(), ()):
                if heir not in since:
                    since[heir] = year
                    todo.append(heir)
    reports = top / "rapporter"
    for year in _years(reports):
        for org_id, named_year in since.items():
            report = reports / str(year) / f"{org_id}.yaml"
            if year > named_year and report.exists():
                out.add(resolved(report))
    years = {int(p.parent.name) for p in named if _is_report(top, p)}
    try:
        with os.scandir(top / "uppfoljning") as entries:
            files = sorted(Path(e.path) for e in entries if e.name.endswith(".yaml"))
    except OSError:
        files = []
    for path in files:
        if any(_year_of(b) in years for b in _items(_plain(top, path), "tidigare_behov")):
            out.add(resolved(path))
    return out


def _is_report(top: Path, path: Path) -> bool:
    return path.is_relative_to(top) and classify(top, path) == "rapport"


def _year_of(item: dict[str, Any]) -> int | None:
    try:
        return int(str(item.get("ar")))
    except ValueError:
        return None


def depends_on(root: Path, named: Collection[Path]) -> set[Path]:
    """The files to load for a check of ``named`` (resolved paths): those and every existing
    report file whose content findings in them read.

    - A report's completeness (``insats-saknas``) reads the earlier years' reports of its
      organisation and of each predecessor: an återrapportering made there counts. It reads
      too each earlier report under a name that is no organisation's id (grundskolan.yaml):
      one that says it is theirs keeps that from being called missing (0681).
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
        ids: set[str] = set()
        for org in _items(_plain(top, top / "organisationer.yaml"), "organisationer"):
            ids.add(str(org.get("id")))
            for e in _items(org, "efterfoljare"):
                predecessors.setdefault(str(e.get("organisation")), set()).add(str(org.get("id")))
        years = _years(reports)
        latest = max(int(p.parent.name) for p, k in kinds.items() if k == "rapport")
        for year in years:
            if year < latest:
                wanted.update(_misnamed(reports / str(year), ids))
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


def _misnamed(folder: Path, ids: set[str]) -> set[Path]:
    """The report files in ``folder`` (resolved) whose name is no organisation's id in
    ``ids``: each may be an organisation's report under a wrong name."""
    try:
        with os.scandir(folder) as entries:
            return {
                resolved(Path(e.path))
                for e in entries
                if e.name.endswith(".yaml") and e.name.removesuffix(".yaml") not in ids
            }
    except OSError:
        return set()


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
