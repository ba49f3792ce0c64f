"""Load a data folder: find every data file, read it, and validate it into its model.

Problems become findings on the data set; nothing here raises for bad data. The files' texts are
not kept (a file with findings is read again for their positions, see ``SourceFile.positions``);
the models hold every value, free texts included.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from utsatta.findings import Finding, fel
from utsatta.load.files import discover, display_path
from utsatta.load.raw import RawFile, Stamp, read_raw, reread
from utsatta.load.schema import schema_findings
from utsatta.load.yamlread import Positions
from utsatta.mdtext import may_show_as_text
from utsatta.model.indikator import IndikatorFil
from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil

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
#: The free texts of a report's insatser (and ``behov``, a list of them). A data set loaded with
#: ``texts=False`` does not keep them (see ``load``).
FREE_TEXTS = ("nulage", "fortsatt_arbete", "motivering", "samordning")
#: What a free text that was not kept reads as.
NOT_KEPT = "(texten sparades inte)"
#: Track positions on the first read of every file (the slow path). Off by default: positions
#: are recovered only for files with findings. Tests switch it on to prove both paths agree.
ALWAYS_TRACK = False


@dataclass(eq=False)
class SourceFile(Generic[M]):
    """One data file: where it is, its kind and (if valid) its model."""

    path: Path
    display: str
    kind: str
    model: M | None = None
    #: the version of the file that was read (size, modification time)
    stamp: Stamp | None = None
    #: whether the file changed between reading it and finding positions in it
    changed: bool = False
    positions_: Positions | None = None

    @functools.cached_property
    def folder_year(self) -> int:
        """For a report file: the year of its folder, rapporter/<år>/ (the year it counts for;
        a different ``ar`` inside the file is reported as an error)."""
        return int(self.path.parent.name)

    def positions(self) -> Positions:
        """Positions of keys and values, from reading the file again on first use."""
        if self.positions_ is None:
            self.positions_, same = reread(self.path, self.stamp)
            self.changed = not same
        return self.positions_


@dataclass
class DataSet:
    root: Path
    plan: SourceFile[PlanFil] | None = None
    organisationer: SourceFile[OrganisationerFil] | None = None
    omraden: SourceFile[OmradenFil] | None = None
    indikatorer: list[SourceFile[IndikatorFil]] = field(default_factory=list)
    rapporter: list[SourceFile[RapportFil]] = field(default_factory=list)
    #: problems found while loading: files, YAML, schema
    findings: list[Finding] = field(default_factory=list)
    #: stadsledningskontoret's yearly follow-up files, uppfoljning/<år>.yaml
    uppfoljningar: list[SourceFile[UppfoljningFil]] = field(default_factory=list)
    #: report years that have a folder, even an empty one
    report_years: set[int] = field(default_factory=set)
    #: whether the reports' free texts were kept (the default); see ``load``
    texts: bool = True

    def files(self) -> Iterator[SourceFile[Any]]:
        for single in (self.plan, self.organisationer, self.omraden):
            if single is not None:
                yield single
        yield from self.indikatorer
        yield from self.rapporter
        yield from self.uppfoljningar

    def file_by_display(self) -> dict[str, SourceFile[Any]]:
        return {f.display: f for f in self.files()}

    def organisation_names(self) -> dict[str, str]:
        """Organisation id → name, from a valid organisationer.yaml (else empty)."""
        orgs = self.organisationer.model if self.organisationer else None
        return {o.id: o.namn for o in orgs.organisationer} if orgs else {}


def to_model(
    path: Path,
    kind: str,
    display: str,
    raw: RawFile,
    findings: list[Finding],
    *,
    texts: bool = True,
) -> SourceFile[Any]:
    """The schema step: a file that was read, validated into the model of its kind."""
    source: SourceFile[Any] = SourceFile(
        path=path, display=display, kind=kind, stamp=raw.stamp, positions_=raw.positions
    )
    findings.extend(raw.findings)
    if raw.data is None or raw.skip_schema:
        return source
    model, found = schema_findings(
        display, KIND_MODELS[kind], raw.data, lambda p: source.positions().raw.get(p)
    )
    findings.extend(found)
    if not raw.yaml_errors:
        source.model = model
        if not texts and kind == "rapport" and model is not None:
            _drop_texts(model)
    return source


def _drop_texts(model: Any) -> None:
    # After the schema step has judged the real texts: only whether a text is there (None or
    # not) is left, which is all the checks read, but for a text that may hold a link (the
    # check of links shown as text reads it). The model is frozen, so its __dict__ is set.
    for item in model.insatser:
        values = item.__dict__
        for name in FREE_TEXTS:
            if values[name] is not None and not may_show_as_text(values[name]):
                values[name] = NOT_KEPT
        values["behov"] = [b if may_show_as_text(b) else NOT_KEPT for b in values["behov"]]


def load(
    root: str | os.PathLike[str], only: Iterable[Path] | None = None, *, texts: bool = True
) -> DataSet:
    """Load the data folder. With ``only``, report files outside those are skipped.

    With ``texts=False`` the reports' free texts are checked but not kept (each reads as
    ``NOT_KEPT`` unless it may hold a link, ``mdtext.may_show_as_text``; ``DataSet.texts``
    says so): for a check of thousands of reports that only
    needs the findings, in a fraction of the memory. Such a data set cannot be rendered.
    """
    root = Path(root)
    ds = DataSet(root=root, texts=texts)
    found, ds.report_years = discover(root, ds.findings)
    wanted = None if only is None else {p.resolve() for p in only}
    cwd = os.getcwd()  # noqa: PTH109 - once, not once per file
    for path, kind in found:
        if wanted is not None and kind == "rapport" and path.resolve() not in wanted:
            continue
        display = display_path(path, cwd=cwd)
        raw = read_raw(path, display, track=ALWAYS_TRACK)
        source = to_model(path, kind, display, raw, ds.findings, texts=texts)
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
            ds.findings.append(
                fel(
                    display_path(root / name),
                    (),
                    "fil-saknas",
                    f"{name} saknas i datamappen. Den behövs för att kontrollera rapporterna.",
                )
            )
    return ds
