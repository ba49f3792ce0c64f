"""Where a file belongs and what it should be called: the one place that decides it, so that a
file never gets two pieces of advice that contradict each other.

``place_of`` decides for a file that is left unread (a wrong ending, a wrong folder, a report
lying outside rapporter/), ``report_place`` for a report that is read but whose ``ar`` or
``organisation`` disagrees with its folder or name. Both answer with a ``Place``: the data file
it should be, by what the file itself says (its ``ar``, ``organisation`` or ``id``) before its
path, and whether a file is there already (then the advice is to delete a copy, or to compare
and merge, never to move it there). A missing file's finding points at the file that is meant
to be it (``unread_file``), never "create the file", which would leave two copies.
See docs/decisions/0340-en-plats-ett-rad.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from utsatta.escape import identifier
from utsatta.fileio import read_regular, shown
from utsatta.findings import Finding, Severity, at_line
from utsatta.load.spelling import id_form
from utsatta.model.common import ID_PATTERN

_YEAR_DIR = re.compile(r"[0-9]{4}\Z")
_YEAR_FILE = re.compile(r"[0-9]{4}\.yaml\Z")
# The patterns below as texts: only a misplaced file needs them, compiled (re's cache) then
# and not at every start (docs/decisions/0656).
#: a year of the plan's era in a name (2022, not 12022 or part of an id number)
_YEAR = r"(?<![0-9])20[0-9]{2}(?![0-9])"
_MISNAMED = r"(?i)\.ya?ml(\.txt)?\Z"

#: Where the data files lie, for a file that is at none of these places.
DATA_PLACES = (
    "Datafiler är plan.yaml, organisationer.yaml, omraden.yaml, indikatorer/<id>.yaml, "
    "rapporter/<år>/<organisation>.yaml och uppfoljning/<år>.yaml."
)

#: The findings that tell a file where it belongs: these here and the rules' for a read file
#: whose content disagrees with its place (fel-ar-i-mapp, filnamn-matchar-inte).
PLACE_CODES = frozenset(
    {
        "fel-plats",
        "fel-filandelse",
        "okand-fil",
        "fel-skiftlage",
        "fel-ar-i-mapp",
        "filnamn-matchar-inte",
    }
)


def display_path(path: Path) -> str:
    """A data file as findings name it: its path as the data folder was named (the folder as
    given, then the file's place in it), with "/" between the parts. It never depends on the
    process's working folder, so a service gets the same names for the same folder whatever
    its working folder (docs/decisions/0124-bibliotekets-api.md); the command line names the
    data folder relative to the working folder itself (``files.in_working_folder``)."""
    return path.as_posix()


def kind_of(rel: tuple[str, ...]) -> str | None:
    """The kind of a data file by its path parts inside the data folder, or None."""
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
    if len(rel) == 2 and rel[0] == "uppfoljning" and _YEAR_FILE.match(rel[1]):
        return "uppfoljning"
    return None


def is_year_folder(name: str) -> bool:
    """Whether ``name`` is a report year's folder name (rapporter/<år>)."""
    return _YEAR_DIR.match(name) is not None


def is_id(value: str) -> bool:
    """Whether ``value`` passes the id rule (small a–z, digits, single hyphens inside)."""
    return re.fullmatch(ID_PATTERN, value) is not None


def id_name(said: str | None, stem: str) -> str:
    """The id a file named ``stem`` (its name before .yaml) should be named by, so that one
    rename makes name and id agree: the id the file says (``said``) when valid, else its id
    form (the id that the file's ogiltigt-id asks for: 'Nya-Omraden' → 'nya-omraden'), else
    the name when it is a valid id, else the name's id form; so a name never sends the user to
    an id that the id rule refuses. The name itself when nothing has an id form."""
    for candidate in (said, said and _id_form(said), stem, _id_form(stem)):
        if candidate and is_id(candidate):
            return candidate
    return stem


def _id_form(text: str) -> str:
    return re.sub("-{2,}", "-", id_form(text))


def _renamed(name: str) -> str:
    """The name a file named like a data file but not ending in .yaml should have: its name
    before the ending (.yml, .yaml.txt …), then .yaml."""
    return name if name.endswith(".yaml") else re.sub(_MISNAMED, "", name) + ".yaml"


@dataclass(eq=False)
class Place:
    """Where a file belongs: the data file it should be (``target``; None when its year is not
    known), shown as ``label`` inside the data folder (with <år> when not known), why (the keys
    of the file that decided it, as " (enligt 'ar' i filen)", or ""), and ``there``: None, or
    the rest of a sentence saying that a file is at the target already and what to do."""

    kind: str
    target: Path | None
    label: str
    why: str
    there: str | None

    @property
    def free(self) -> Path | None:
        """The target when nothing is there yet: where a missing file's finding may point."""
        return self.target if self.there is None else None


def _why(keys: list[str]) -> str:
    if not keys:
        return ""
    return " (enligt " + " och ".join(f"'{k}'" for k in keys) + " i filen)"


def report_place(
    root: Path, source: Path, year: str | None, org: str, why: list[str] | None = None
) -> Place:
    """Where the report ``source`` belongs: rapporter/<year>/<org>.yaml in ``root``. ``why``:
    the keys of the file that decided it (named in the advice)."""
    name = f"{org}.yaml"
    if year is None:
        return Place("rapport", None, f"rapporter/<år>/{name}", _why(why or []), None)
    label = f"rapporter/{year}/{name}"
    target = root / "rapporter" / year / name
    return Place("rapport", target, label, _why(why or []), already_there(source, target, label))


#: The top-level keys that only one kind of data file has (see model/): what a file says it
#: is, before where it lies. Keys that two kinds share (ar, id, mal, kallor …) decide nothing.
KIND_KEYS: Mapping[str, frozenset[str]] = {
    "rapport": frozenset({"organisation", "kontakt"}),
    "indikator": frozenset(
        {
            "enhet",
            "riktning",
            "definition",
            "malvarden",
            "utfall",
            "baslinje",
            "berakning",
            "ur_planen",
            "underlag_for",
            "metod",
        }
    ),
    "uppfoljning": frozenset(
        {
            "upprattad_av",
            "nulage",
            "delmal",
            "tidigare_behov",
            "slutuppfoljning",
            "beslut",
            "fortsatt_arbete",
        }
    ),
    "plan": frozenset({"plan"}),
    "organisationer": frozenset({"organisationer", "grupper"}),
    "omraden": frozenset({"upplagor", "omraden"}),
}


#: The key that names the file besides: without it no YAML file is taken for one of these
#: (a tool's settings with a 'definition' is no indicator).
_NAMED_BY = {"indikator": "id", "uppfoljning": "ar"}


def kind_by_keys(keys: Iterable[str]) -> str | None:
    """The kind of data file whose own top-level keys ``keys`` has (with the key that names
    it, ``id`` or ``ar``), when exactly one kind's are there; else None (nothing decisive:
    the place decides)."""
    have = set(keys)
    kinds = [
        kind
        for kind, own in KIND_KEYS.items()
        if own & have and _NAMED_BY.get(kind, kind) in (have | {kind})
    ]
    return kinds[0] if len(kinds) == 1 else None


def place_of(root: Path, rel: tuple[str, ...], name: str, source: Path) -> Place | None:
    """Where the file ``name`` in the folder ``rel`` (parts inside ``root``; ``source`` is the
    file) belongs: by what its first lines say (the kind by its keys, then ``ar``,
    ``organisation``, ``id``) and else by its path; None when it is no data file that utsatta
    knows of."""
    said, keys = _head(source)
    return _place(root, rel, name, source, said, kind_by_keys(keys))


def _place(
    root: Path,
    rel: tuple[str, ...],
    name: str,
    source: Path,
    said: Mapping[str, str],
    kind: str | None,
) -> Place | None:
    fixed = _renamed(name)
    stem = fixed.removesuffix(".yaml")
    folder = rel[0] if rel else ""
    if kind is None:  # nothing in the file decides: its path does
        if folder == "rapporter" or (
            folder not in ("uppfoljning", "indikatorer") and {"ar", "organisation"} <= said.keys()
        ):
            kind = "rapport"
        elif folder == "uppfoljning":
            kind = "uppfoljning"
        elif rel == ("indikatorer",):
            kind = "indikator"
        else:
            kind = kind_of((fixed,)) if not rel else None
    if kind == "rapport":
        path_year = _year_in(rel[1:]) if folder == "rapporter" else None
        year = said.get("ar") or path_year
        org = id_name(said.get("organisation"), stem)
        keys = [k for k, v in (("ar", path_year), ("organisation", stem)) if said.get(k, v) != v]
        if org != said.get("organisation"):  # the name in id form, not what the file says
            keys = [k for k in keys if k != "organisation"]
        return report_place(root, source, year, org, keys)
    if kind == "uppfoljning":
        path_year = _year_in((*rel, name))
        year = said.get("ar") or path_year
        if year is None:
            return Place("uppfoljning", None, "uppfoljning/<år>.yaml", "", None)
        label = f"uppfoljning/{year}.yaml"
        target = root / "uppfoljning" / f"{year}.yaml"
        why = _why(["ar"] if year != path_year else [])
        return Place("uppfoljning", target, label, why, already_there(source, target, label))
    if kind == "indikator":
        ident = id_name(said.get("id"), stem)
        label = f"indikatorer/{ident}.yaml"
        target = root / "indikatorer" / f"{ident}.yaml"
        why = _why(["id"] if ident not in (stem, None) and ident == said.get("id") else [])
        return Place("indikator", target, label, why, already_there(source, target, label))
    if kind is None:
        return None
    label = f"{kind}.yaml"
    return Place(kind, root / label, label, "", already_there(source, root / label, label))


def misfiled(
    root: Path, path: Path, kind: str, data: Mapping[str, object]
) -> tuple[Finding, Path | None] | None:
    """For a file read at a data file's place (``kind`` by its path), whose top-level keys
    (``data``, as read) say that it is another kind of data file (an indicator in
    rapporter/2024/): the one finding that says where it belongs, and the data file it should
    be when nothing is there yet; None when its keys do not say so. Checked against the
    model of its place it would only get that model's errors ("Lägg till 'ar'" …), none of
    them the step that helps. Decided from what is read already: no file is opened here."""
    own = KIND_KEYS.get(kind, frozenset())
    if not own.isdisjoint(data):
        return None  # a key of its place's own kind (most files): one look, no kind by keys
    keys = [k for k in data if isinstance(k, str)]
    said_kind = kind_by_keys(keys)
    if said_kind is None or said_kind == kind:
        return None
    said = {
        key: value
        for key in ("ar", "organisation", "id")
        if (value := _said_value(key, data.get(key))) is not None
    }
    rel = path.relative_to(root).parts
    place = _place(root, rel[:-1], rel[-1], path, said, said_kind)
    if place is None:  # pragma: no cover - every kind has a place
        return None
    return _issue(
        path, "fel-plats", Severity.FEL, _advice(place, path, "", "fel-plats")
    ), place.free


def _said_value(key: str, value: object) -> str | None:
    """A top-level ``ar``, ``organisation`` or ``id`` read from a file, as ``declared`` reads
    it from a file's first lines."""
    if key == "ar":
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else None
        return text if text is not None and re.fullmatch(_YEAR, text) else None
    if not isinstance(value, str):
        return None
    form = value if is_id(value) else _id_form(value)
    return form if is_id(form) else None


def placement(root: Path, rel: tuple[str, ...], name: str) -> tuple[Finding, Path | None] | None:
    """The finding for the file ``name`` in the folder ``rel`` (parts inside ``root``) when it
    is not at a data file's place, with the one step that makes it one (``place_of``), and the
    data file it should be when nothing is there yet (None: not known, or taken); None for a
    data file's place."""
    from utsatta.load.letter_case import wrong_case  # only for a file at no data file's place

    cased = wrong_case(root, rel, name, kind_of, display_path)
    if cased is not None:  # one place in Windows and macOS, another in Linux CI
        return cased
    if name.endswith(".yaml") and kind_of((*rel, name)) is not None:
        return None
    path = root.joinpath(*rel, name)
    wrong_ending = not name.endswith(".yaml")
    place = place_of(root, rel, name, path)
    pre = "Filen slutar inte på .yaml och läses inte. " if wrong_ending else ""
    if place is None:
        if wrong_ending:
            text = (
                pre + "Den ligger inte heller på en plats som utsatta känner till. "
                f"{DATA_PLACES} Flytta den dit under sitt namn med .yaml, eller ur datamappen "
                "om den inte är en datafil."
            )
            return _issue(path, "fel-filandelse", Severity.FEL, text), None
        text = (
            "Filen ligger inte på en plats som utsatta känner till och läses inte. " + DATA_PLACES
        )
        return _issue(path, "okand-fil", Severity.VARNING, text), None
    folder = rel[0] if rel else ""
    if wrong_ending:
        code, severity = "fel-filandelse", Severity.FEL
    elif folder in ("rapporter", "uppfoljning") or place.kind == "indikator":
        # an indicator left unread drops out of the report with nothing else saying so (a
        # missing report or uppföljning has its own finding that points here): an error
        code, severity = "fel-plats", Severity.FEL
    else:
        code, severity = "okand-fil", Severity.VARNING
    return _issue(path, code, severity, _advice(place, path, pre, code)), place.free


def _advice(place: Place, path: Path, pre: str, code: str) -> str:
    """The one step for an unread file: rename it (when only its name is wrong), else move it;
    or, when its place is taken, delete the copy or merge it."""
    target = place.target
    if pre and target is not None and target.parent == path.parent:
        name = identifier(target.name)
        if place.there is not None:
            there = already_there(path, target, target.name)  # named as the sentence names it
            return pre + f"Den ska heta {name}{place.why}, men {there or place.there}"
        return pre + f"Byt namn till {name}{place.why}."
    seems = f"ser ut att vara {_NOUNS[place.kind]}"
    if code == "okand-fil":
        # one sentence says what the file seems to be, never two (plan2.yaml beside plan.yaml)
        rest = _WHERE.get(place.kind) or f". {_RULES[place.kind]}"
        lead = (
            f"Filen ligger inte på en plats som utsatta känner till och läses inte, men den "
            f"{seems}{rest}. "
        )
    else:
        rule = _RULES.get(place.kind) or f"Filen {seems}{_WHERE[place.kind]}"
        lead = pre + rule + (". " if pre else "; den här filen läses inte. ")
    wide = _wide_year(path) if place.kind in ("rapport", "uppfoljning") else ""
    lead += wide
    label = identifier(place.label)
    if target is None:
        if place.kind == "rapport":
            return (
                lead + f"Flytta den till {label}, med året som rapporten gäller i stället för <år>."
            )
        return lead + "Byt namn på den, t.ex. till uppfoljning/2025.yaml för uppföljningen av 2025."
    if place.there is not None:
        return lead + f"Den hör till {label}{place.why}, men {place.there}"
    if wide and target.parent == path.parent:  # uppfoljning/２０２４.yaml: only its name
        return lead + f"Byt namn på den till {identifier(target.name)}."
    if place.kind == "rapport" or target.name == path.name or place.why:
        return lead + f"Flytta den till {label}{place.why}."
    return lead + f"Byt namn till {label}{place.why} (och flytta den dit)."


#: Where each kind of data file lies, as the advice for one at a wrong place says it: a rule of
#: its own for a report and an uppföljning, else what the file seems to be (``_NOUNS``) and this.
_RULES = {
    "rapport": "En rapport ska ligga i rapporter/<år>/<organisation>.yaml",
    "uppfoljning": "En samlad uppföljning ska heta uppfoljning/<år>.yaml",
}
_WHERE = {
    "indikator": ", och en indikator ska ligga i indikatorer/<id>.yaml",
    "plan": ", som ska heta plan.yaml och ligga överst i datamappen",
    "organisationer": ", som ska heta organisationer.yaml och ligga överst i datamappen",
    "omraden": ", som ska heta omraden.yaml och ligga överst i datamappen",
}
_NOUNS = {
    "rapport": "en rapport",
    "uppfoljning": "en samlad uppföljning",
    "indikator": "en indikator",
    "plan": "handlingsplanen",
    "organisationer": "förteckningen över organisationer",
    "omraden": "förteckningen över områden",
}


def _issue(path: Path, code: str, severity: Severity, message: str) -> Finding:
    return at_line(display_path(path), 1, 1, code, message, severity)


def misplaced(root: Path, path: Path) -> Finding | None:
    """The finding for ``path`` (a file in the data folder ``root``, both named alike: both
    absolute or both relative) when it is no data file by its name and place, with the advice
    of ``utsatta validate``: rename it, move it, or (when a file is already where it should
    be) compare and merge; None for a data file's place."""
    rel = path.relative_to(root).parts
    placed = placement(root, rel[:-1], rel[-1])
    return None if placed is None else placed[0]


def unread_file(root: Path, unread: str, target: str, *, read: bool = False) -> str:
    """The advice of a "missing" finding for ``target`` (a display path) when the file
    ``unread`` is meant to be it: the same step as that file's own finding, never "create the
    file", which would leave two copies. ``read``: the file is read, but counts only at its
    place. Both are named inside the data folder ``root``, as the other advice names files."""
    verb = "räknas" if read else "läses"
    return (
        f"filen {shown(_inside_root(root, unread))} ser ut att vara den, men den {verb} inte "
        f"förrän den heter {shown(_inside_root(root, target))}. Byt namn på den eller flytta "
        f"den dit (se {_named_as(root, unread, read=read)} för den filen)."
    )


def _named_as(root: Path, unread: str, *, read: bool) -> str:
    """The other file's finding as its severity names it: "felet", or "varningen" for a file
    that is only warned about (okand-fil: a report lying at the top of the data folder). A
    read file at a wrong place has an error (fel-ar-i-mapp, filnamn-matchar-inte)."""
    if read:
        return "felet"
    try:
        own = misplaced(root, Path(unread))
    except ValueError:  # not inside the data folder as named: never so for an unread file
        own = None
    return "varningen" if own is not None and own.severity is Severity.VARNING else "felet"


def _inside_root(root: Path, display: str) -> str:
    try:
        return Path(display).relative_to(root).as_posix()
    except ValueError:
        return display


def already_there(source: Path, target: Path, label: str) -> str | None:
    """None when nothing is at ``target`` (or it is ``source`` itself); else the rest of a
    sentence of advice that would rename or move ``source`` there, saying that ``target``
    (named ``label``, shown as an identifier) exists already and what to do instead: no advice
    may send a user to overwrite a file (a browser's "kulturnamnden (1).yaml" beside
    kulturnamnden.yaml). Only asked when a finding is made, so the file system is asked then."""
    if not os.path.lexists(target):
        return None
    try:
        if target.samefile(source):
            return None  # the same file by another name (a folder that ignores case)
    except OSError:
        pass
    label = identifier(label)  # a file name: never a line break or an escape in a message
    if same_bytes(source, target):
        return f"{label} finns redan med samma innehåll: den här filen är en kopia, ta bort den."
    return (
        f"{label} finns redan: jämför filerna, för över det som ska vara kvar till {label} "
        "och ta sedan bort den här filen."
    )


def same_bytes(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` hold the same bytes (both small enough to read; else False)."""
    try:
        if a.stat().st_size != b.stat().st_size or a.stat().st_size > _HEAD:
            return False
        return read_regular(a, limit=_HEAD) == read_regular(b, limit=_HEAD)
    except OSError:
        return False


#: How much of a misplaced file is read for its ``ar``, ``organisation`` and ``id`` (they come
#: first).
_HEAD = 1 << 16
_DECLARED = r"(?m)^(ar|organisation|id)[ \t]*:[ \t]*([\"']?)([0-9a-z][0-9a-z-]*)\2[ \t]*(?:#.*)?$"

#: A top-level key (a block's lines are indented, so a key at the start of a line is one).
_TOP_KEY = r"(?m)^([a-z_]+)[ \t]*:(?=[ \t\r\n]|$)"

#: A top-level ``id`` or ``organisation`` as written, also when it is no valid id
#: ("Nya-Omraden", "Nya områden").
_WRITTEN_ID = (
    r"(?m)^(id|organisation)[ \t]*:[ \t]*([\"']?)([^\s\"'#][^\"'#\n]{0,200}?)\2[ \t]*(?:#.*)?$"
)


def declared(path: Path) -> dict[str, str]:
    """The top-level ``ar`` (a plan-era year), ``organisation`` and ``id`` (ids: a value
    written in another form as its id form) in the first lines of a file, as far as they can
    be read; nothing else of it is parsed."""
    return _head(path)[0]


def _head(path: Path) -> tuple[dict[str, str], set[str]]:
    """What ``declared`` reads, and the names of the top-level keys in the same lines."""
    try:
        head = read_regular(path, limit=_HEAD)[:_HEAD].decode("utf-8", "replace")
    except OSError:
        return {}, set()
    return _said(head), set(re.findall(_TOP_KEY, head))


def _said(head: str) -> dict[str, str]:
    said: dict[str, str] = {}
    for m in re.finditer(_DECLARED, head):
        key, value = m.group(1), m.group(3)
        if key in said:
            continue
        if key == "ar" and re.fullmatch(_YEAR, value) is None:
            continue
        said[key] = value
    # an id in another form ('Nya-Omraden', 'Kommunstyrelsen'): its id form, the one its
    # ogiltigt-id asks for, names the file
    for m in re.finditer(_WRITTEN_ID, head):
        key, form = m.group(1), _id_form(m.group(3))
        if key not in said and is_id(form):
            said[key] = form
    return said


def declared_report(path: Path) -> Mapping[str, str] | None:
    """What a file outside any data folder says of itself when it looks like a report (a top-
    level ``ar`` and ``organisation``): those two; else None."""
    said = declared(path)
    return said if {"ar", "organisation"} <= said.keys() else None


def _year_in(parts: Iterable[str]) -> str | None:
    """A plan-era year written in a misplaced file's path, for the advice on where it goes;
    one in wide digits ('２０２３') read as its plain digits."""
    for part in parts:
        m = re.search(_YEAR, part.translate(_WIDE_DIGITS))
        if m is not None:
            return m.group()
    return None


#: the fullwidth digits U+FF10–U+FF19 (a Japanese or Chinese keyboard's) → 0–9
_WIDE_DIGITS = {0xFF10 + n: str(n) for n in range(10)}
_WIDE_YEAR = "(?<![0-9\uff10-\uff19])[2\uff12][0\uff10][0-9\uff10-\uff19]{2}"


def _wide_year(path: Path) -> str:
    """The sentence that says that the year in the name of ``path``'s folder or of the file is
    written in wide digits, and what to write instead; "" when neither has one. Without it the
    name looks right: '２０２３' and '2023' differ only in width (granska20)."""
    for what, part in (("mappens", path.parent.name), ("filens", path.name)):
        for m in re.finditer(_WIDE_YEAR, part):
            written = m.group()
            plain = written.translate(_WIDE_DIGITS)
            if written != plain and re.fullmatch(_YEAR, plain):
                return (
                    f"Årtalet i {what} namn, '{identifier(written)}', är skrivet med breda "
                    "siffror (som i japansk eller kinesisk text) och läses inte som ett år: "
                    f"skriv {plain} med vanliga siffror. "
                )
    return ""
