"""Find, read and schema-check every data file of a data folder.

Load problems and schema problems become ``Issue`` values; nothing here raises for bad data.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from utsatta.findings import Issue, Severity, fel
from utsatta.load.yamlread import MAX_FILE_BYTES, Positions, decode, parse
from utsatta.model.indikator import IndikatorFil
from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil

M = TypeVar("M", bound=BaseModel)

#: The kinds of data file, by where they live in the data folder.
KIND_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanFil,
    "organisationer": OrganisationerFil,
    "omraden": OmradenFil,
    "indikator": IndikatorFil,
    "rapport": RapportFil,
}
_YEAR_DIR = re.compile(r"[0-9]{4}\Z")
#: Track positions on the first parse of every file (the slow path). Off by default: positions
#: are recovered only for files with findings. Tests switch it on to prove both paths agree.
ALWAYS_TRACK = False


@dataclass(eq=False)
class SourceFile(Generic[M]):
    """One data file: its text, its data and (if valid) its model."""

    path: Path
    display: str
    kind: str
    text: str | None = None
    data: Any = None
    model: M | None = None
    _positions: Positions | None = None

    @property
    def folder_year(self) -> int:
        """For a report file: the year of its folder, rapporter/<år>/ (the year it counts for;
        a different ``ar`` inside the file is reported as an error)."""
        return int(self.path.parent.name)

    def positions(self) -> Positions:
        """Positions of keys and values; parsed again with tracking on first use.

        The text is read again from disk if it was not kept (files read by a worker process).
        """
        if self._positions is None:
            text = self.text
            if text is None:
                try:
                    text, _ = decode(self.path.read_bytes())
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
    issues: list[Issue] = field(default_factory=list)
    #: report years that have a folder, even an empty one
    report_years: set[int] = field(default_factory=set)

    def files(self) -> Iterable[SourceFile[Any]]:
        for single in (self.plan, self.organisationer, self.omraden):
            if single is not None:
                yield single
        yield from self.indikatorer
        yield from self.rapporter

    def file_by_display(self) -> dict[str, SourceFile[Any]]:
        return {f.display: f for f in self.files()}


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working folder when inside it."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def classify(root: Path, path: Path) -> str | None:
    """The kind of a data file by its place in the data folder, or None."""
    rel = path.relative_to(root).parts
    if rel == ("plan.yaml",):
        return "plan"
    if rel == ("organisationer.yaml",):
        return "organisationer"
    if rel == ("omraden.yaml",):
        return "omraden"
    if len(rel) == 2 and rel[0] == "indikatorer" and rel[1].endswith(".yaml"):
        return "indikator"
    if (
        len(rel) == 3
        and rel[0] == "rapporter"
        and _YEAR_DIR.match(rel[1])
        and rel[2].endswith(".yaml")
    ):
        return "rapport"
    return None


def _file_issue(path: Path, code: str, severity: Severity, message: str) -> Issue:
    return Issue(display_path(path), (), code, severity, message, line=1, column=1)


def discover(root: Path, issues: list[Issue]) -> tuple[list[Path], set[int]]:
    """Every data file below ``root``, sorted; files that cannot be read as data become
    findings (never silently skipped)."""
    found: list[Path] = []
    years: set[int] = set()
    root_resolved = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        kept = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            if (here / d).is_symlink():
                # Never followed: a link could lead out of the data folder, or in circles.
                outside = not _inside((here / d).resolve(), root_resolved)
                issues.append(
                    _file_issue(
                        here / d,
                        "lank-utanfor-data" if outside else "lankad-mapp",
                        Severity.FEL if outside else Severity.VARNING,
                        "Mappen är en symbolisk länk"
                        + (" som pekar utanför datamappen" if outside else "")
                        + " och läses inte. Lägg in filerna i datamappen i stället.",
                    )
                )
                continue
            kept.append(d)
        dirnames[:] = kept
        rel = here.relative_to(root).parts
        if len(rel) == 2 and rel[0] == "rapporter" and _YEAR_DIR.match(rel[1]):
            years.add(int(rel[1]))
        for name in sorted(filenames):
            lower = name.lower()
            if name.startswith(".") or not lower.endswith((".yaml", ".yml")):
                continue
            path = here / name
            if path.is_symlink() and not _inside(path.resolve(), root_resolved):
                issues.append(
                    _file_issue(
                        path,
                        "lank-utanfor-data",
                        Severity.FEL,
                        "Filen är en symbolisk länk som pekar utanför datamappen. Av "
                        "säkerhetsskäl läses den inte; lägg in filen i datamappen i stället.",
                    )
                )
                continue
            if not name.endswith(".yaml"):
                stem = name.rsplit(".", 1)[0]
                issues.append(
                    _file_issue(
                        path,
                        "fel-filandelse",
                        Severity.FEL,
                        f"Filen slutar inte på .yaml och läses inte. Byt namn till {stem}.yaml.",
                    )
                )
                continue
            if classify(root, path) is None:
                in_reports = bool(rel) and rel[0] == "rapporter"
                issues.append(
                    _file_issue(
                        path,
                        "fel-plats" if in_reports else "okand-fil",
                        Severity.FEL if in_reports else Severity.VARNING,
                        "En rapport ska ligga i rapporter/<år>/<organisation>.yaml, t.ex. "
                        "rapporter/2023/grundskolenamnden.yaml; den här filen läses inte. Flytta "
                        "den dit."
                        if in_reports
                        else "Filen ligger inte på en plats som utsatta känner till och läses "
                        "inte. Datafiler är plan.yaml, organisationer.yaml, omraden.yaml, "
                        "indikatorer/<id>.yaml och rapporter/<år>/<organisation>.yaml.",
                    )
                )
                continue
            found.append(path)
    return found, years


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def read_file(path: Path, kind: str, display: str, issues: list[Issue]) -> SourceFile[Any]:
    """Read, parse and schema-check one file (fast path: positions only if needed)."""
    from utsatta.check.schema import schema_issues

    source: SourceFile[Any] = SourceFile(path=path, display=display, kind=kind)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            issues.append(
                Issue(
                    display,
                    (),
                    "for-stor-fil",
                    Severity.FEL,
                    f"Filen är {size // 1024} kB; gränsen är {MAX_FILE_BYTES // 1024} kB. Dela "
                    "upp innehållet eller korta texterna.",
                    line=1,
                    column=1,
                )
            )
            return source
        raw = path.read_bytes()
    except OSError as exc:
        issues.append(
            Issue(
                display,
                (),
                "kan-inte-lasa",
                Severity.FEL,
                f"Filen går inte att läsa ({exc.strerror}). Kontrollera behörigheten.",
                line=1,
                column=1,
            )
        )
        return source
    text, problem = decode(raw)
    if problem is not None or text is None:
        assert problem is not None
        issues.append(
            Issue(
                display,
                (),
                problem.code,
                Severity.FEL,
                problem.message,
                line=problem.line,
                column=problem.column,
            )
        )
        return source
    source.text = text
    result = parse(text, track=ALWAYS_TRACK)
    source._positions = result.positions
    for p in result.problems:
        issues.append(
            Issue(
                display, (), p.code, Severity(p.severity), p.message, line=p.line, column=p.column
            )
        )
    errors = [p for p in result.problems if p.severity == "fel"]
    if result.data is None:
        return source
    source.data = result.data
    if any(p.code == "alias-ej-tillatet" for p in result.problems):
        # Aliases were replaced by nothing; schema errors about them would only mislead.
        return source
    model, found = schema_issues(
        display, KIND_MODELS[kind], result.data, lambda path: source.positions().raw.get(path)
    )
    issues.extend(found)
    # A file with YAML errors (aliases, duplicate keys …) is not trusted for cross-checks.
    if not errors:
        source.model = model
    return source


#: From this many files on, files are read by one worker process per core.
PARALLEL_FROM = 400


def _without_prose(rep: RapportFil) -> RapportFil:
    """The report with its free texts emptied: the checks read ids, statuses and bedömningar,
    never the prose, and leaving it out halves what worker processes send back."""
    items = [
        item.model_copy(
            update={
                "nulage": "",
                "fortsatt_arbete": "",
                "motivering": None if item.motivering is None else "",
                "samordning": None if item.samordning is None else "",
                "behov": [],
            }
        )
        for item in rep.insatser
    ]
    return rep.model_copy(update={"insatser": items})


def _read_one(path: Path, kind: str, display: str, issues: list[Issue], texts: bool) -> Any:
    source = read_file(path, kind, display, issues)
    if not texts and source.model is not None and kind == "rapport":
        source.model = _without_prose(source.model)
    return source


def _read_chunk(
    jobs: list[tuple[Path, str, str]], texts: bool = True
) -> list[tuple[SourceFile[Any], list[Issue]]]:
    """Read files for the parallel path; keep models and issues, not file texts (they are read
    again if a finding needs a position), so little crosses the process boundary or stays in
    memory."""
    out = []
    for path, kind, display in jobs:
        issues: list[Issue] = []
        source = _read_one(path, kind, display, issues, texts)
        source.text = None
        source.data = None
        source._positions = None
        out.append((source, issues))
    return out


def _read_all(
    jobs: list[tuple[Path, str, str]], issues: list[Issue], texts: bool
) -> list[SourceFile[Any]]:
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2 or ALWAYS_TRACK:
        return [_read_one(path, kind, display, issues, texts) for path, kind, display in jobs]
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: read in this process
        return [_read_one(path, kind, display, issues, texts) for path, kind, display in jobs]
    # Interleaved chunks balance the work; this process reads the first chunk itself while the
    # workers read the others, so only their results cross a process boundary.
    chunks = [jobs[i::workers] for i in range(workers)]
    with context.Pool(workers - 1) as pool:
        pending = pool.map_async(functools.partial(_read_chunk, texts=texts), chunks[1:])
        results = [_read_chunk(chunks[0], texts), *pending.get()]
    ordered: list[tuple[SourceFile[Any], list[Issue]] | None] = [None] * len(jobs)
    for i, chunk_result in enumerate(results):
        for j, item in enumerate(chunk_result):
            ordered[i + j * workers] = item
    sources = []
    for entry in ordered:
        assert entry is not None
        sources.append(entry[0])
        issues.extend(entry[1])
    return sources


def load(root: Path, only: set[Path] | None = None, *, texts: bool = True) -> DataSet:
    """Load the data folder. With ``only``, report files outside that set are skipped. With
    ``texts=False`` the reports' free texts are left out of their models (for checks)."""
    ds = DataSet(root=root)
    paths, ds.report_years = discover(root, ds.issues)
    jobs: list[tuple[Path, str, str]] = []
    for path in paths:
        kind = classify(root, path)
        assert kind is not None
        if only is not None and kind == "rapport" and path.resolve() not in only:
            continue
        jobs.append((path, kind, display_path(path)))
    for source in _read_all(jobs, ds.issues, texts):
        kind = source.kind
        if kind == "plan":
            ds.plan = source
        elif kind == "organisationer":
            ds.organisationer = source
        elif kind == "omraden":
            ds.omraden = source
        elif kind == "indikator":
            ds.indikatorer.append(source)
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
