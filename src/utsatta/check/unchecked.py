"""What a check says when the file it must look in is there but could not be used.

A check across files (an earlier year's återrapportering, an uppföljning's earlier behov) reads
another file's content. When that file exists but failed (YAML, schema, or a report whose name
does not match its organisation), its own findings say what is wrong; the dependent check must
not add a second problem that only follows from the first ("no such report", "insats missing").
It gives at most one warning, ``kan-inte-kontrolleras``, naming the file and line of the error
to fix first (docs/decisions/0150-foljdfel.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from utsatta.escape import identifier
from utsatta.findings import Finding, Path_, Severity, varning
from utsatta.load.dataset import DataSet, SourceFile
from utsatta.load.placement import declared, is_year_folder
from utsatta.wording import LISTADE_FILER, begransad

CODE = "kan-inte-kontrolleras"


class Blocked:
    """Where the error is that keeps each unusable file from being read, found once per file."""

    def __init__(self, ds: DataSet) -> None:
        self._ds = ds
        self._errors: dict[str, list[Finding]] | None = None
        self._places: dict[str, str] = {}

    def place(self, src: SourceFile[Any]) -> str:
        """``FILE:LINE:COLUMN`` of the first error in ``src`` (as the findings show it): one of
        its own (reading, schema) or, for a valid report that does not count (its name does
        not match its organisation), its 'organisation'."""
        found = self._places.get(src.display)
        if found is not None:
            return found
        if self._errors is None:
            self._errors = {}
            for f in self._ds.findings:
                if f.severity is Severity.FEL:
                    self._errors.setdefault(f.file, []).append(f)
        errors = self._errors.get(src.display, []) if src.model is None else []
        if errors:
            line, column = min(
                (f.line, f.column)
                if f.resolved
                else src.positions().locate(f.path, at_key=f.at_key)
                for f in errors
            )
        elif src.model is not None:
            line, column = src.positions().locate(("organisation",))
        else:
            line, column = 1, 1
        found = self._places[src.display] = f"{identifier(src.display)}:{line}:{column}"
        return found

    def places(self, files: Iterable[SourceFile[Any]]) -> str:
        """The places of ``files``, in order: "a.yaml:3:5 och b.yaml:8:13"."""
        return begransad(list(dict.fromkeys(self.place(s) for s in files)), LISTADE_FILER)


def misnamed_reports(ds: DataSet) -> dict[tuple[int, str], SourceFile[Any]]:
    """(year, organisation) → the file that is that report under a wrong name, so that it does
    not count: a file left unread whose own finding names the report's path (kulturnamnden.yml,
    higab.yaml.txt: ``DataSet.unread``), or a report read at a name that is no organisation's
    id (kulturnämnden.yaml), by the 'organisation' it says. A report at another organisation's
    path is that organisation's broken report, never taken for a third's. Only a (year,
    organisation) whose own file does not count is given (docs/decisions/0681)."""
    orgs = ds.organisation_names()
    counted = {
        (r.folder_year, r.stem)
        for r in ds.rapporter
        if r.model is not None and r.model.organisation == r.stem
    }
    out: dict[tuple[int, str], SourceFile[Any]] = {}
    for target, unread in sorted(ds.unread.items()):
        try:
            parts = Path(target).relative_to(ds.root).parts
        except ValueError:  # pragma: no cover - every target lies in the data folder
            continue
        if len(parts) == 3 and parts[0] == "rapporter" and is_year_folder(parts[1]):
            key = (int(parts[1]), parts[2].removesuffix(".yaml"))
            if key not in counted:
                # never read: its own finding (fel-filandelse, fel-plats …) is at its line 1
                out.setdefault(key, SourceFile(Path(unread), unread, "unread"))
    for r in ds.rapporter:
        if not orgs or r.stem in orgs:
            continue
        org = r.model.organisation if r.model is not None else declared(r.path).get("organisation")
        if org is not None and org != r.stem and (r.folder_year, org) not in counted:
            out.setdefault((r.folder_year, org), r)
    return out


def unchecked(file: str, path: Path_, what: str, because: str, *, at_key: bool = False) -> Finding:
    """The one warning of a check that could not be made: ``what`` (what cannot be told),
    ``because`` (which file's error; both without a full stop)."""
    return varning(
        file,
        path,
        CODE,
        f"{what}: {because}. Rätta felet där och kör kontrollen igen.",
        at_key=at_key,
    )
