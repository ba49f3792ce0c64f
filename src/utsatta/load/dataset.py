"""Load a data folder: find every data file, read it, and validate it into its model.

Problems become findings on the data set; nothing here raises for bad data. The files' texts are
not kept (a file with findings is read again for their positions, see ``SourceFile.positions``);
the models hold every value, free texts included.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from utsatta.findings import Finding, Path_, fel
from utsatta.load.datadir import data_root, require_data_dir
from utsatta.load.files import discover, display_path, resolved
from utsatta.load.placement import misfiled, unread_file
from utsatta.load.raw import RawFile, Stamp, file_lines, read_raw, reread
from utsatta.load.yamlread import Positions
from utsatta.mdlinks import may_show_as_text
from utsatta.model.indikator import IndikatorFil
from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.model.uppfoljning import UppfoljningFil

if TYPE_CHECKING:  # built only for a file with schema errors
    from utsatta.load.stray_post import Source

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
#: ``texts=False`` keeps only those that may hold a link (see ``load``).
FREE_TEXTS = ("nulage", "fortsatt_arbete", "motivering", "samordning")
#: What a free text that was not kept reads as.
NOT_KEPT = "(texten sparades inte)"
#: Track positions on the first read of every file (the slow path). Off by default: positions
#: are recovered only for files with findings. Tests switch it on to prove both paths agree.
ALWAYS_TRACK = False


@dataclass(eq=False, slots=True)
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
    #: the file's name without ".yaml" (a report's organisation, a follow-up's year), taken
    #: from the path once: the checks compare it for every file
    stem: str = field(init=False)
    #: for a report file: the year of its folder, rapporter/<år>/ (the year it counts for; a
    #: different ``ar`` inside the file is reported as an error); 0 for other files
    folder_year: int = field(init=False)

    def __post_init__(self) -> None:
        self.stem = self.path.stem
        self.folder_year = int(self.path.parent.name) if self.kind == "rapport" else 0

    def positions(self) -> Positions:
        """Positions of keys and values, from reading the file again on first use."""
        if self.positions_ is None:
            self.positions_, same = reread(self.path, self.stamp)
            self.changed = not same
        return self.positions_


@dataclass(eq=False)
class DataSet:
    """A loaded data folder: each file with its model (None where the file is invalid), the
    findings of loading it and, after ``utsatta.validate``, of the checks across files
    (``checked``). Made by ``utsatta.load`` and ``utsatta.validate``."""

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
    #: the data file (its display path) that a file left unread should be, → that unread
    #: file's display path (a report named .yml, or in the wrong folder): ``discover``
    unread: dict[str, str] = field(default_factory=dict)
    #: report years that have a folder, even an empty one
    report_years: set[int] = field(default_factory=set)
    #: whether the reports' free texts were kept (the default); see ``load``
    texts: bool = True
    #: whether report files were left out (``load(only=…)``, a check of some files): such a
    #: data set gives no report
    partial: bool = False
    #: the year ``utsatta.validate`` checked (None: every year) and every finding it gave,
    #: or None when the data set was only loaded (the report reads them, see check.usable)
    checked: tuple[int | None, list[Finding]] | None = None
    #: the data folder as a command line named it (``--data D``), for the commands that
    #: findings suggest (``check.suggested``); None: suggested without --data
    data_option: str | None = None
    #: whether this is utsatta's bundled example data, however named (``datadir.is_bundled``):
    #: 'utsatta ny …' refuses it, so no such command is suggested for it
    examples: bool = False

    def files(self) -> Iterator[SourceFile[Any]]:
        for single in (self.plan, self.organisationer, self.omraden):
            if single is not None:
                yield single
        yield from self.indikatorer
        yield from self.rapporter
        yield from self.uppfoljningar

    def file_by_display(self) -> dict[str, SourceFile[Any]]:
        return {f.display: f for f in self.files()}

    def known_ids(self, field_name: str) -> list[str] | None:
        """The ids a reference field named ``field_name`` can take ("omraden", "omrade": the
        områden of a valid omraden.yaml; "organisation": the organisations of a valid
        organisationer.yaml; "insats": the plan's insatser), each with its name
        (``NamedIds``), None when that file is not read (yet) or the field refers to no such
        file: a message on a value that is no id can then say which id was probably meant."""
        from utsatta.load.spelling import NamedIds  # asked only for a file with errors

        if field_name in ("omraden", "omrade") and self.omraden and self.omraden.model:
            return NamedIds((o.id, o.namn) for o in self.omraden.model.omraden)
        if field_name == "organisation" and self.organisationer and self.organisationer.model:
            return NamedIds((o.id, o.namn) for o in self.organisationer.model.organisationer)
        if field_name == "insats" and self.plan and self.plan.model:
            return NamedIds((i.id, i.titel) for i in self.plan.model.insatser)
        return None

    def organisation_names(self) -> dict[str, str]:
        """Organisation id → name, from a valid organisationer.yaml (else empty)."""
        orgs = self.organisationer.model if self.organisationer else None
        return {o.id: o.namn for o in orgs.organisationer} if orgs else {}


class SharedValues:
    """One object for each distinct value that many reports repeat, in a data set loaded with
    ``texts=False`` (only read, by the checks): the lists of områden, the lists that stand for
    ``behov`` and the sets of fields given (pydantic's ``__pydantic_fields_set__``, never changed
    on a frozen model). Thousands of reports then keep about half as many containers, which
    every full garbage collection walks through (docs/decisions/0009-throughput.md)."""

    def __init__(self) -> None:
        self._lists: dict[tuple[str, ...], list[str]] = {}
        self._sets: dict[frozenset[str], set[str]] = {}

    def list_of(self, values: list[str]) -> list[str]:
        return self._lists.setdefault(tuple(values), values)

    def fields_set(self, model: BaseModel) -> None:
        given = model.__pydantic_fields_set__
        object.__setattr__(
            model, "__pydantic_fields_set__", self._sets.setdefault(frozenset(given), given)
        )


def _drop_texts(model: Any, shared: SharedValues) -> None:
    # After the schema step has judged the real texts: only whether a text is there (None or
    # not) is left, which is all the checks read, but for a text that may hold a link (the
    # check of links shown as text reads it). The model is frozen, so its __dict__ is set.
    shared.fields_set(model)
    for item in model.insatser:
        values = item.__dict__
        for name in FREE_TEXTS:
            if values[name] is not None and not may_show_as_text(values[name]):
                values[name] = NOT_KEPT
        values["behov"] = shared.list_of(
            [b if may_show_as_text(b) else NOT_KEPT for b in values["behov"]]
        )
        values["omraden"] = shared.list_of(values["omraden"])
        shared.fields_set(item)


def schema_findings(
    file: str,
    model: type[BaseModel],
    data: Any,
    raw: Callable[[Path_], str | None] | None = None,
    quoted: Callable[[Path_], bool] | None = None,
    ids: Callable[[str], Sequence[str] | None] | None = None,
    source: Source | None = None,
) -> tuple[BaseModel | None, list[Finding]]:
    """Validate ``data`` against ``model``: the model, or the findings (``raw``: the source
    text of a plain scalar read as a number or boolean, for the messages; ``quoted``: whether
    a value was written within quotes; ``ids``: the ids a reference field can take, when read;
    ``source``: where keys stand and the lines, for a post begun by a '- ' too many)."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        # the schema's messages (load.schema and its advice) are read only for a file with errors
        from utsatta.load.schema import schema_errors

        return None, schema_errors(file, model, data, exc, raw, quoted, ids, source)


def _schema_errors(
    display: str,
    cls: type[BaseModel],
    data: Any,
    exc: ValidationError,
    source: SourceFile[Any],
    ids: Callable[[str], Sequence[str] | None] | None,
) -> list[Finding]:
    """:func:`schema_findings`' findings for a file whose model did not validate, placed by
    the file's positions (read again on first use) and lines."""
    from utsatta.load.schema import schema_errors
    from utsatta.load.stray_post import Source

    return schema_errors(
        display,
        cls,
        data,
        exc,
        lambda p: source.positions().raw.get(p),
        lambda p: p in source.positions().quoted,
        ids,
        Source(
            lambda p: source.positions().keys.get(p),
            _line_reader(source.path),
            lambda p, at_key: source.positions().locate(p, at_key=at_key),
            source.folder_year or None,
        ),
    )


def _line_reader(path: Path) -> Callable[[], list[str]]:
    """The lines of the file, read once on first use."""
    read: list[list[str]] = []

    def lines() -> list[str]:
        if not read:
            read.append(file_lines(path))
        return read[0]

    return lines


def to_model(
    path: Path,
    kind: str,
    display: str,
    raw: RawFile,
    findings: list[Finding],
    *,
    drop_texts: SharedValues | None = None,
    ids: Callable[[str], Sequence[str] | None] | None = None,
) -> SourceFile[Any]:
    """The schema step: a file that was read, validated into the model of its kind. With
    ``drop_texts``, a report keeps only what the checks read (see ``load``); ``ids``: the ids
    of the shared files read so far, for the messages on a value that is no id."""
    source: SourceFile[Any] = SourceFile(
        path=path,
        display=display,
        kind=kind,
        stamp=raw.stamp,
        positions_=raw.positions,
    )
    findings.extend(raw.findings)
    if raw.data is None or raw.skip_schema:
        return source
    cls = KIND_MODELS[kind]
    try:
        model, found = cls.model_validate(raw.data), []
    except ValidationError as exc:
        model, found = None, _failed_schema(source, cls, raw, exc, ids)
    findings.extend(found)
    if raw.numbers:  # rare: the file is read again for the numbers' texts
        from utsatta.load.schema import written_number_findings

        told = {f.path for f in found}
        raws = source.positions().raw
        findings += written_number_findings(display, KIND_MODELS[kind], raws, told)
    if not raw.yaml_errors:
        source.model = model
        if drop_texts is not None and kind == "rapport" and model is not None:
            _drop_texts(model, drop_texts)
    return source


def _failed_schema(
    source: SourceFile[Any],
    cls: type[BaseModel],
    raw: RawFile,
    exc: ValidationError,
    ids: Callable[[str], Sequence[str] | None] | None,
) -> list[Finding]:
    """The schema step's findings for a file whose model did not validate (as
    schema_findings; what places a finding is built only for a file with errors)."""
    found = _schema_errors(source.display, cls, raw.data, exc, source, ids)
    if found and any(f.code == "tagg-ej-tillaten" for f in raw.findings):
        # 'motivering: !viktigt' is an empty text only because of its tag: that finding says
        # what is wrong and keeps the text; 'tom-text' would say to remove the key (0540).
        tagged = source.positions().tagged
        found = [f for f in found if f.path not in tagged]
    if found and any(f.code == "sammanslagning-ej-tillaten" for f in raw.findings):
        # '<<: {status: pagaende}' is never merged, so its mapping lacks the keys it holds: the
        # merge's finding says to write them out, no "missing key" beside it (0682).
        merging = {p[:-1] for p in source.positions().keys if p and p[-1] == "<<"}
        found = [f for f in found if f.code != "saknat-falt" or f.path not in merging]
    return found


@dataclass(slots=True)
class _Waiting:
    """A shared file whose schema messages asked for the ids of a file not read yet
    (``asked``; organisationer.yaml is read before plan.yaml, whose ansvar needs the
    organisations): its messages are worded again once that file is read (``_reword``).
    ``start``: where its schema findings begin in the data set's findings."""

    source: SourceFile[Any]
    raw: RawFile
    start: int
    asked: set[str]


def _asking(ds: DataSet, asked: set[str]) -> Callable[[str], Sequence[str] | None]:
    """``ds.known_ids``, noting in ``asked`` each field whose ids are not read yet."""

    def lookup(name: str) -> Sequence[str] | None:
        found = ds.known_ids(name)
        if found is None:
            asked.add(name)
        return found

    return lookup


def _own_insatser(
    ds: DataSet,
    data: dict[str, Any],
    insatser_of: Callable[[DataSet, str, int], Sequence[str] | None],
) -> Callable[[str], Sequence[str] | None]:
    """``ds.known_ids`` for a report, but for 'insats' the insatser its 'organisation' has in
    its 'ar' (``insatser_of``, from the layer that computes duties) when both are known: asked
    only when a message needs it."""

    found: list[Sequence[str] | None] = []  # asked once per report at most

    def lookup(name: str) -> Sequence[str] | None:
        plan = ds.known_ids(name)
        org, ar = data.get("organisation"), data.get("ar")
        if name != "insats" or plan is None or not isinstance(org, str) or type(ar) is not int:
            return plan
        if not found:
            own = insatser_of(ds, org, ar)
            if own is None:
                found.append(plan)
            else:
                from utsatta.load.insats_advice import OrgInsatser

                found.append(OrgInsatser(plan, own, ds.organisation_names().get(org, org), ar))
        return found[0]

    return lookup


def _reword(ds: DataSet, waiting: list[_Waiting]) -> None:
    """The schema findings of each ``waiting`` file, worded again with the ids now read
    (``insatser: [5]`` under an efterföljare: "Menar du 1:5 eller 2:5?", decision 0654): the
    same problems at the same places, one finding each, only the advice improved."""
    for w in reversed(waiting):  # from the last, so each earlier start stays right
        if not any(ds.known_ids(name) is not None for name in w.asked):
            continue
        cls = KIND_MODELS[w.source.kind]
        try:
            cls.model_validate(w.raw.data)
        except ValidationError as exc:
            new = _failed_schema(w.source, cls, w.raw, exc, ds.known_ids)
        else:
            continue
        old = ds.findings[w.start : w.start + len(new)]
        if [(f.path, f.code) for f in old] == [(f.path, f.code) for f in new]:
            ds.findings[w.start : w.start + len(new)] = new


def load(
    root: str | os.PathLike[str],
    only: Iterable[Path] | str | os.PathLike[str] | None = None,
    *,
    texts: bool = True,
    insatser_of: Callable[[DataSet, str, int], Sequence[str] | None] | None = None,
) -> DataSet:
    """Load the data folder. With ``only``, report files outside those are skipped.

    With ``texts=False`` the reports' free texts are checked but not kept (each reads as
    ``NOT_KEPT`` unless it may hold a link, ``mdlinks.may_show_as_text``; ``DataSet.texts`` says
    so): for a check of thousands of reports that only needs the findings, in a fraction of the
    memory. Such a data set cannot be rendered, and it is read-only: reports with equal lists of
    områden or behov, and models given the same fields, share one list or set (``SharedValues``).

    Raises ``DataDirError`` (Swedish message) when ``root`` is no folder that can be read.
    """
    root = data_root(root)
    if isinstance(only, str | os.PathLike):
        only = [Path(only)]  # one path, never its characters
    require_data_dir(root)
    ds = DataSet(root=root, texts=texts, partial=only is not None)
    found, ds.report_years = discover(root, ds.findings, ds.unread)
    wanted = None if only is None else {resolved(p) for p in only}
    shared = None if texts else SharedValues()
    waiting: list[_Waiting] = []
    for path, kind in found:
        if wanted is not None and kind == "rapport" and resolved(path) not in wanted:
            continue
        display = display_path(path)
        raw = read_raw(path, display, track=ALWAYS_TRACK)
        other = misfiled(root, path, kind, raw.data) if isinstance(raw.data, dict) else None
        if other is not None:  # another kind of data file by its keys: one finding, no schema
            finding, target = other
            ds.findings.extend(raw.findings)
            ds.findings.append(finding)
            if target is not None:
                ds.unread.setdefault(display_path(target), finding.file)
            continue
        asked: set[str] = set()
        start = len(ds.findings) + len(raw.findings)  # to_model adds the YAML findings first
        ids = _asking(ds, asked) if kind in _SHARED else ds.known_ids
        if kind == "rapport" and insatser_of is not None and isinstance(raw.data, dict):
            ids = _own_insatser(ds, raw.data, insatser_of)
        source = to_model(path, kind, display, raw, ds.findings, drop_texts=shared, ids=ids)
        if asked:  # a shared file read before another shared file (see _Waiting)
            waiting.append(_Waiting(source, raw, start, asked))
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
    _reword(ds, waiting)
    for attr, why in _NEEDED:
        if getattr(ds, attr) is None:
            name = f"{attr}.yaml"
            where = display_path(root / name)
            unread = ds.unread.get(where)  # there under another name (Plan.yaml): one story
            why = why if unread is None else " saknas: " + unread_file(root, unread, where)
            ds.findings.append(fel(where, (), "fil-saknas", name + why))
    return ds


#: The shared files, read before every other (``discover`` sorts them first): only their
#: messages can ask for the ids of a file read after them.
_SHARED = frozenset({"omraden", "organisationer", "plan"})

# Every shared file, plan.yaml first: a folder without the plan is no data folder (the CLI
# refuses it with exit 3), and a library check of it must fail too, never pass empty.
_NEEDED = (
    (
        "plan",
        " saknas i datamappen, så den är ingen utsatta-datamapp: utan handlingsplanen går "
        "ingenting att kontrollera. Lägg plan.yaml i mappen eller ange rätt datamapp.",
    ),
    ("organisationer", " saknas i datamappen. Den behövs för att kontrollera rapporterna."),
    ("omraden", " saknas i datamappen. Den behövs för att kontrollera rapporterna."),
)
