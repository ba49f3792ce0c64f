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
from typing import Any

from utsatta.escape import identifier
from utsatta.findings import Finding, Path_, Severity, varning
from utsatta.load.dataset import DataSet, SourceFile
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
