"""Find, read and schema-check every data file of a data folder.

Load problems and schema problems become ``Issue`` values; nothing here raises for bad data.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from utsatta.findings import Issue, fel
from utsatta.load.files import display_path
from utsatta.load.raw import RawFile, read_raw, stand_in_prose
from utsatta.load.readers import CHUNK, Job, Readers, Texts, claim, find_jobs
from utsatta.model.indikator import IndikatorFil
from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil

if TYPE_CHECKING:
    from utsatta.load.yamlread import Positions

M = TypeVar("M", bound=BaseModel)

#: The kinds of data file, by where they live in the data folder.
KIND_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanFil,
    "organisationer": OrganisationerFil,
    "omraden": OmradenFil,
    "indikator": IndikatorFil,
    "rapport": RapportFil,
    "uppfoljning": UppfoljningFil,
}
#: Track positions on the first parse of every file (the slow path). Off by default: positions
#: are recovered only for files with findings. Tests switch it on to prove both paths agree.
ALWAYS_TRACK = False


@dataclass(eq=False)
class SourceFile(Generic[M]):
    """One data file: its text and (if valid) its model."""

    path: Path
    display: str
    kind: str
    #: the text that was parsed (files read in this process)
    text: str | None = None
    model: M | None = None
    _positions: Positions | None = None
    #: where a worker kept the bytes it parsed (files read by a worker)
    _bytes_at: tuple[Texts, int, int] | None = None

    @functools.cached_property
    def folder_year(self) -> int:
        """For a report file: the year of its folder, rapporter/<år>/ (the year it counts for;
        a different ``ar`` inside the file is reported as an error)."""
        return int(self.path.parent.name)

    def positions(self) -> Positions:
        """Positions of keys and values; parsed again with tracking on first use, from the
        very text that was checked (for a file read by a worker: the bytes it parsed)."""
        if self._positions is None:
            # Imported here: the YAML parser is not needed in this process when workers
            # parsed every file and none has findings.
            from utsatta.load.yamlread import Positions, decode, parse

            text = self.text
            if text is None and self._bytes_at is not None:
                texts, offset, length = self._bytes_at
                try:
                    text, _ = decode(texts.read(offset, length))
                except OSError:
                    text = None
            self._positions = (
                parse(text, track=True).positions if text is not None else None
            ) or Positions()
        return self._positions


@dataclass
class DataSet:
    root: Path
    plan: SourceFile[PlanFil] | None = None
    organisationer: SourceFile[OrganisationerFil] | None = None
    omraden: SourceFile[OmradenFil] | None = None
    indikatorer: list[SourceFile[IndikatorFil]] = field(default_factory=list)
    rapporter: list[SourceFile[RapportFil]] = field(default_factory=list)
    #: stadsledningskontoret's yearly follow-up files, uppfoljning/<år>.yaml
    uppfoljningar: list[SourceFile[UppfoljningFil]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    #: report years that have a folder, even an empty one
    report_years: set[int] = field(default_factory=set)

    def files(self) -> Iterable[SourceFile[Any]]:
        for single in (self.plan, self.organisationer, self.omraden):
            if single is not None:
                yield single
        yield from self.indikatorer
        yield from self.rapporter
        yield from self.uppfoljningar

    def file_by_display(self) -> dict[str, SourceFile[Any]]:
        return {f.display: f for f in self.files()}


def check_raw(
    path: Path,
    kind: str,
    display: str,
    raw: RawFile,
    issues: list[Issue],
    bytes_at: tuple[Texts, int, int] | None = None,
) -> SourceFile[Any]:
    """Stage two: the schema check of a file that stage one read (here, or in a worker that
    kept the bytes it parsed at ``bytes_at``)."""
    from utsatta.check.schema import schema_issues

    source: SourceFile[Any] = SourceFile(path=path, display=display, kind=kind, text=raw.text)
    source._positions = raw.positions
    source._bytes_at = bytes_at
    issues.extend(raw.issues)
    if raw.data is None or raw.skip_schema:
        return source
    model, found = schema_issues(
        display, KIND_MODELS[kind], raw.data, lambda path: source.positions().raw.get(path)
    )
    issues.extend(found)
    if not raw.yaml_errors:
        source.model = model
    return source


#: From this many files on, ``load`` starts worker processes if none were started early.
PARALLEL_FROM = 200


def _read_all(
    root: Path, jobs: list[Job], wanted: list[bool], issues: list[Issue], texts: bool
) -> list[SourceFile[Any]]:
    """Read the wanted jobs, in worker processes where they help. Sources and issues come in
    job order, whoever read each file."""
    done: list[tuple[SourceFile[Any], list[Issue]] | None] = [None] * len(jobs)

    def finish(i: int, raw: RawFile, at: tuple[Texts, int, int] | None = None) -> None:
        path, kind, display = jobs[i]
        if not texts and kind == "rapport":
            raw.data = stand_in_prose(raw.data)  # as the workers do
        found: list[Issue] = []
        done[i] = (check_raw(path, kind, display, raw, found, at), found)

    readers = None
    try:
        readers = claim(root, texts=texts)
        if ALWAYS_TRACK and readers is not None:  # workers never track positions
            readers.stop()
            readers = None
        elif readers is None and not ALWAYS_TRACK and sum(wanted) >= PARALLEL_FROM:
            readers = Readers.start(root, jobs, texts=texts)
        if readers is not None:
            # Help with the queue, then take what the workers read.
            while (token := readers.take()) is not None:
                for i in range(token * CHUNK, min((token + 1) * CHUNK, len(jobs))):
                    if wanted[i]:
                        finish(i, read_raw(jobs[i][0], jobs[i][2]))
            index = {str(path): i for i, (path, _, _) in enumerate(jobs)}
            for name, raw, at in readers.collect():
                i = index.get(name, -1)
                if i >= 0 and wanted[i] and done[i] is None and isinstance(raw, RawFile):
                    finish(i, raw, at)
    except BaseException:
        if readers is not None:
            readers.stop()  # Ctrl-C or a bug: no worker outlives this
        raise
    sources = []
    for i, (path, _, display) in enumerate(jobs):
        if not wanted[i]:
            continue
        if done[i] is None:
            finish(i, read_raw(path, display, track=ALWAYS_TRACK))
        entry = done[i]
        assert entry is not None
        sources.append(entry[0])
        issues.extend(entry[1])
    return sources


def load(root: Path, only: set[Path] | None = None, *, texts: bool = True) -> DataSet:
    """Load the data folder. With ``only``, report files outside that set are skipped. With
    ``texts=False`` each free text of a report that is not blank is a stand-in in its model
    (``raw.stand_in_prose``): enough for the checks, and far less to send and keep."""
    ds = DataSet(root=root)
    jobs, ds.report_years = find_jobs(root, ds.issues)
    wanted = [only is None or kind != "rapport" or path.resolve() in only for path, kind, _ in jobs]
    for source in _read_all(root, jobs, wanted, ds.issues, texts):
        kind = source.kind
        if kind == "plan":
            ds.plan = source
        elif kind == "organisationer":
            ds.organisationer = source
        elif kind == "omraden":
            ds.omraden = source
        elif kind == "indikator":
            ds.indikatorer.append(source)
        elif kind == "uppfoljning":
            ds.uppfoljningar.append(source)
        else:
            ds.rapporter.append(source)
    for name, attr in (("organisationer.yaml", "organisationer"), ("omraden.yaml", "omraden")):
        if getattr(ds, attr) is None:
            ds.issues.append(
                fel(
                    display_path(root / name),
                    (),
                    "fil-saknas",
                    f"{name} saknas i datamappen. Den behövs för att kontrollera rapporterna.",
                )
            )
    return ds
