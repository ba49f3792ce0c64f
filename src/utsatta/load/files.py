"""Find the data files of a data folder and tell what kind each is, by its place; and how a
file is named in findings (``display_path``)."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from utsatta.escape import identifier
from utsatta.fileio import kind_of_mode, read_regular, reason, shown
from utsatta.findings import Finding, Severity, at_line
from utsatta.load.letter_case import wrong_case

_YEAR_DIR = re.compile(r"[0-9]{4}\Z")
_YEAR_FILE = re.compile(r"[0-9]{4}\.yaml\Z")
#: a year of the plan's era in a name (2022, not 12022 or part of an id number)
_YEAR = re.compile(r"(?<![0-9])20[0-9]{2}(?![0-9])")
#: How a data file's name may end (any case): .yaml, and what a save turns it into without
#: being asked: .yml, and ".txt" appended by an editor or a system that hides extensions
#: (Windows' Notepad: higab.yaml.txt). Such a file is a misnamed data file, not an unknown one.
_DATA_ENDINGS = (".yaml", ".yml", ".yaml.txt", ".yml.txt")
_MISNAMED = re.compile(r"(?i)\.ya?ml(\.txt)?\Z")


def _renamed(name: str) -> str:
    """The name a file named like a data file (``_DATA_ENDINGS``) but not ending in .yaml
    should have: its name before the ending, then .yaml."""
    return _MISNAMED.sub("", name) + ".yaml"


#: Files a repository keeps at its top level (README.md, LICENSE …): not data, and no finding.
_REPOSITORY_FILES = frozenset(
    {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CONTRIBUTING", "CODEOWNERS"}
    | {"NOTICE", "AUTHORS", "SECURITY"}
)


def display_path(path: Path) -> str:
    """A data file as findings name it: its path as the data folder was named (the folder as
    given, then the file's place in it), with "/" between the parts. It never depends on the
    process's working folder, so a service gets the same names for the same folder whatever
    its working folder (docs/decisions/0124-bibliotekets-api.md); the command line names the
    data folder relative to the working folder itself (``in_working_folder``)."""
    return path.as_posix()


def in_working_folder(path: Path) -> Path:
    """``path`` relative to the working folder when it lies inside it, else as given: how the
    command line names its data folder, so that findings name files as a user in that folder
    can open them (a relative path is kept as it is)."""
    if not path.is_absolute():
        return path
    cwd = os.getcwd()  # noqa: PTH109 - a str is what is compared
    if os.sep == "/":  # a string prefix test, as the user sees the paths (links not followed)
        text = str(path)
        if text == cwd:
            return Path()
        prefix = cwd if cwd.endswith("/") else cwd + "/"
        return Path(text[len(prefix) :]) if text.startswith(prefix) else path
    try:  # pragma: no cover - Windows
        return path.relative_to(cwd)
    except ValueError:  # pragma: no cover - Windows
        return path


def workspace_path(display: str, workspace: str | None) -> str:
    """``display`` (a path as shown: relative to the working folder, or absolute) relative to
    ``workspace`` (GITHUB_WORKSPACE, the repository's checkout) when inside it, else as it is:
    GitHub places an annotation on a pull request's lines only by the path from the
    repository root, whatever folder the step runs in (``working-directory: data``)."""
    if not workspace:
        return display
    # The working folder is a real path already; the workspace may be named through a link.
    full = os.path.join(os.getcwd(), display)  # noqa: PTH109, PTH118
    try:
        rel = os.path.relpath(os.path.normpath(full), os.path.realpath(workspace))
    except ValueError:  # pragma: no cover - Windows: another drive
        return display
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return display
    return Path(rel).as_posix()


def classify(root: Path, path: Path) -> str | None:
    """The kind of a data file by its place in the data folder, or None."""
    return kind_of(path.relative_to(root).parts)


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


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed, as far as they lead; never raises.

    ``Path.resolve`` raises RuntimeError for a link loop (before Python 3.13) and may raise
    OSError; this answers with the path where following stopped (``os.path.realpath``), and
    whoever reads the file then meets the loop and reports it as a finding."""
    return Path(os.path.realpath(path))


def _file_issue(path: Path, code: str, severity: Severity, message: str) -> Finding:
    return at_line(display_path(path), 1, 1, code, message, severity)


def discover(
    root: Path, findings: list[Finding], unread: dict[str, str] | None = None
) -> tuple[list[tuple[Path, str]], set[int]]:
    """Every data file below ``root`` with its kind, sorted; anything else in the data folder
    becomes a finding (never silently skipped), and nothing is opened here but a misplaced
    file's first lines (for the year and organisation the advice names).

    ``unread`` (if given) gets, for each file left unread whose finding names the data file it
    should be (a report with the wrong ending or in the wrong place), that data file's
    ``display_path`` → the unread file's: a missing report can then point at it.

    Skipped by rule, without a finding: hidden folders and files (names starting with ".":
    .git/, .github/, .gitkeep, editor files) and, at the top level, the usual repository files
    (README, LICENSE …). See docs/decisions/0062-what-is-not-data.md.
    """
    found: list[tuple[Path, str]] = []
    years: set[int] = set()
    root_resolved = resolved(root)

    def unreadable(exc: OSError) -> None:
        # os.walk skips a folder it cannot list; the skip must be seen.
        where = Path(exc.filename) if exc.filename else root
        findings.append(
            _file_issue(
                where,
                "mapp-kan-inte-lasas",
                Severity.FEL,
                f"Mappen går inte att läsa ({reason(exc)}), så filerna i den kontrolleras "
                "inte. Ge läsbehörighet till mappen (chmod u+rx) eller ta bort den.",
            )
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        here = Path(dirpath)
        rel = here.relative_to(root).parts
        kept = []
        # The folder's listing tells links and regular files apart without a system call each
        # (and without one that can fail on a name too long for the system).
        regular, links = _listing(dirpath)
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            if d in links:
                # Never followed: a link could lead out of the data folder, or in circles.
                outside = not _inside(resolved(here / d), root_resolved)
                findings.append(
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
            if d.lower().endswith((".yaml", ".yml")):
                # A folder named like a data file (an unzipped upload, a mistake): not read.
                is_data = kind_of((*rel, d)) is not None
                findings.append(
                    _file_issue(
                        here / d,
                        "mapp-i-stallet-for-fil",
                        Severity.FEL if is_data else Severity.VARNING,
                        "Det här är en mapp, inte en fil, och läses inte. En datafil ska vara en "
                        "vanlig fil: ta bort mappen och lägg in filen i dess ställe.",
                    )
                )
                continue
            kept.append(d)
        dirnames[:] = kept
        if len(rel) == 2 and rel[0] == "rapporter" and _YEAR_DIR.match(rel[1]):
            years.add(int(rel[1]))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            # A regular data file is known from the folder's listing (no system call each).
            if name not in regular and _not_read(
                path, rel, root_resolved, findings, link=name in links
            ):
                continue
            kind = kind_of((*rel, name)) if name.endswith(".yaml") else None
            if kind is not None:
                found.append((path, kind))
                continue
            placed = wrong_case(root, rel, name, kind_of, display_path) or _placement(
                root, rel, name
            )
            if placed is not None:
                finding, target = placed
                findings.append(finding)
                if unread is not None and target is not None:
                    unread[display_path(target)] = finding.file
    return found, years


def misplaced(root: Path, path: Path) -> Finding | None:
    """The finding for ``path`` (a file in the data folder ``root``, both named alike: both
    absolute or both relative) when it is no data file by its name and place, with the advice
    of ``utsatta validate``: rename it, move it, or (when a file is already where it should
    be) compare and merge; None for a data file's place."""
    rel = path.relative_to(root).parts
    placed = wrong_case(root, rel[:-1], rel[-1], kind_of, display_path) or _placement(
        root, rel[:-1], rel[-1]
    )
    return None if placed is None else placed[0]


def _placement(root: Path, rel: tuple[str, ...], name: str) -> tuple[Finding, Path | None] | None:
    """The finding for the file ``name`` in the folder ``rel`` (parts inside ``root``) when it
    is not at a data file's place, and the data file it should be (None: not known); None
    for a data file's place."""
    path = root.joinpath(*rel, name)
    in_reports = bool(rel) and rel[0] == "rapporter"
    in_uppfoljning = bool(rel) and rel[0] == "uppfoljning"
    wrong_ending = "Filen slutar inte på .yaml och läses inte. "
    if not name.endswith(".yaml"):
        target = path.with_name(_renamed(name))
        if kind_of((*rel, target.name)) is None and (in_reports or in_uppfoljning):
            # renaming alone would not do: the advice is the whole move, to its .yaml name
            advice = _misplaced(root, rel, target.name, path, in_reports, wrong_ending)
            return _file_issue(path, "fel-filandelse", Severity.FEL, advice[0]), advice[1]
        there = already_there(path, target, target.name)
        return (
            _file_issue(
                path,
                "fel-filandelse",
                Severity.FEL,
                wrong_ending
                + (
                    f"Den ska heta {identifier(target.name)}, men {there}"
                    if there
                    else f"Byt namn till {identifier(target.name)}."
                ),
            ),
            target if there is None and kind_of((*rel, target.name)) is not None else None,
        )
    if kind_of((*rel, name)) is not None:
        return None
    if not (in_reports or in_uppfoljning):
        return (
            _file_issue(
                path,
                "okand-fil",
                Severity.VARNING,
                "Filen ligger inte på en plats som utsatta känner till och läses inte. "
                "Datafiler är plan.yaml, organisationer.yaml, omraden.yaml, "
                "indikatorer/<id>.yaml, rapporter/<år>/<organisation>.yaml och "
                "uppfoljning/<år>.yaml.",
            ),
            None,
        )
    advice = _misplaced(root, rel, name, path, in_reports, "")
    return _file_issue(path, "fel-plats", Severity.FEL, advice[0]), advice[1]


def _misplaced(
    root: Path, rel: tuple[str, ...], name: str, source: Path, report: bool, before: str
) -> tuple[str, Path | None]:
    said = _declared(source)
    if report:
        return _misplaced_report(root, rel, name, said, source, before)
    return _misplaced_uppfoljning(root, rel, name, said, source, before)


def unread_file(root: Path, unread: str, target: str) -> str:
    """The advice of a "missing" finding for ``target`` (a display path) when the unread file
    ``unread`` is meant to be it (``discover``'s ``unread``): the same step as that file's own
    finding, never "create the file", which would leave two copies. Both are named inside the
    data folder ``root``, as the other advice names files."""
    return (
        f"filen {shown(_inside_root(root, unread))} ser ut att vara den, men den läses inte "
        f"förrän den heter {shown(_inside_root(root, target))}. Byt namn på den eller flytta "
        "den dit (se felet för den filen)."
    )


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
    if _same_bytes(source, target):
        return f"{label} finns redan med samma innehåll: den här filen är en kopia, ta bort den."
    return (
        f"{label} finns redan: jämför filerna, för över det som ska vara kvar till {label} "
        "och ta sedan bort den här filen."
    )


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size or a.stat().st_size > _HEAD:
            return False
        return read_regular(a, limit=_HEAD) == read_regular(b, limit=_HEAD)
    except OSError:
        return False


#: How much of a misplaced file is read for its ``ar`` and ``organisation`` (they come first).
_HEAD = 1 << 16
_DECLARED = re.compile(
    r"^(ar|organisation)[ \t]*:[ \t]*([\"']?)([0-9a-z][0-9a-z-]*)\2[ \t]*(?:#.*)?$",
    re.MULTILINE,
)


def _declared(path: Path) -> dict[str, str]:
    """The top-level ``ar`` (a plan-era year) and ``organisation`` (an id) written in the first
    lines of a misplaced file, as far as they can be read; nothing else of it is parsed."""
    try:
        head = read_regular(path, limit=_HEAD)[:_HEAD].decode("utf-8", "replace")
    except OSError:
        return {}
    said: dict[str, str] = {}
    for m in _DECLARED.finditer(head):
        key, value = m.group(1), m.group(3)
        if key in said:
            continue
        if key == "ar" and _YEAR.fullmatch(value) is None:
            continue
        said[key] = value
    return said


def _year_in(parts: Iterable[str]) -> str | None:
    """A plan-era year written in a misplaced file's path, for the advice on where it goes."""
    for part in parts:
        m = _YEAR.search(part)
        if m is not None:
            return m.group()
    return None


def _misplaced_report(
    root: Path, rel: tuple[str, ...], name: str, said: dict[str, str], source: Path, before: str
) -> tuple[str, Path | None]:
    # The year and organisation the file itself gives (else its folder's year and its own
    # name), so the advice is the move to make; a target that exists is said to exist.
    year = said.get("ar") or _year_in(rel[1:])
    whose = said.get("organisation")
    target_name = f"{whose}.yaml" if whose else name
    lead = (
        before
        + "En rapport ska ligga i rapporter/<år>/<organisation>.yaml"
        + (". " if before else "; den här filen läses inte. ")
    )
    if year is None:
        return (
            lead
            + f"Flytta den till rapporter/<år>/{identifier(target_name)}, med året som rapporten "
            "gäller i stället för <år>.",
            None,
        )
    label = f"rapporter/{year}/{target_name}"
    why = (
        " (enligt 'ar' och 'organisation' i filen)"
        if "ar" in said and whose
        else " (enligt 'ar' i filen)"
        if "ar" in said
        else ""
    )
    target = root / "rapporter" / year / target_name
    there = already_there(source, target, label)
    if there is not None:
        return lead + f"Den hör till {identifier(label)}{why}, men {there}", None
    return lead + f"Flytta den till {identifier(label)}{why}.", target


def _misplaced_uppfoljning(
    root: Path, rel: tuple[str, ...], name: str, said: dict[str, str], source: Path, before: str
) -> tuple[str, Path | None]:
    year = said.get("ar") or _year_in((*rel[1:], name))
    lead = (
        before
        + "En samlad uppföljning ska heta uppfoljning/<år>.yaml"
        + (". " if before else "; den här filen läses inte. ")
    )
    if year is None:
        return (
            lead + "Byt namn på den, t.ex. till uppfoljning/2025.yaml för uppföljningen av 2025.",
            None,
        )
    label = f"uppfoljning/{year}.yaml"
    target = root / "uppfoljning" / f"{year}.yaml"
    there = already_there(source, target, label)
    if there is not None:
        return lead + f"Den hör till {label}, men {there}", None
    return lead + f"Byt namn till {label} (och flytta den dit).", target


def _not_read(
    path: Path, rel: tuple[str, ...], root: Path, findings: list[Finding], *, link: bool
) -> bool:
    """Whether ``path`` (no regular data file by its folder's listing) is left unread: not a
    data file, a link out of the data folder, a link that leads nowhere, or not a regular
    file. ``link``: the listing says it is a symbolic link."""
    name = path.name
    data_name = name.lower().endswith(_DATA_ENDINGS)
    if not data_name and not rel and name.split(".", 1)[0].upper() in _REPOSITORY_FILES:
        return True
    if link and data_name and not _inside(resolved(path), root):
        findings.append(
            _file_issue(
                path,
                "lank-utanfor-data",
                Severity.FEL,
                "Filen är en symbolisk länk som pekar utanför datamappen. Av "
                "säkerhetsskäl läses den inte; lägg in filen i datamappen i stället.",
            )
        )
        return True
    try:
        # Only a data file's name, or a link, is worth a system call: what it is.
        mode = path.stat().st_mode if data_name or link else stat.S_IFREG
    except OSError as exc:
        problem = _link_problem(exc) if link else None
        if problem is None and data_name:
            return False  # reading it reports why it cannot be read
        if problem is not None:
            # A link named like a data file was meant to be one: an error; any other a warning.
            code, message = problem
            severity = Severity.FEL if data_name else Severity.VARNING
            findings.append(_file_issue(path, code, severity, message))
            return True
        mode = stat.S_IFREG
    if not data_name:
        findings.append(
            _file_issue(
                path,
                "okand-fil",
                Severity.VARNING,
                "Filen är ingen datafil (de slutar på .yaml) och läses inte. Flytta den "
                "ur datamappen, eller spara den som YAML om det är en rapport.",
            )
        )
        return True
    if not stat.S_ISREG(mode):
        # A FIFO or device would block the reader (or never end): never opened.
        findings.append(
            _file_issue(
                path,
                "inte-en-vanlig-fil",
                Severity.FEL,
                f"Det här är {kind_of_mode(mode)}, inte en vanlig fil, och läses inte. "
                "Ta bort den och lägg in datafilen som en vanlig fil.",
            )
        )
        return True
    return False


def _link_problem(exc: OSError) -> tuple[str, str] | None:
    """The finding for a symbolic link that cannot be followed, or None (another reason)."""
    if exc.errno == errno.ELOOP:
        return (
            "lank-slinga",
            "Det här är en symbolisk länk som leder i en slinga (till sig själv, eller via "
            "andra länkar tillbaka), så den går inte att läsa. Ta bort länken och lägg in "
            "filen som en vanlig fil i datamappen.",
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return (
            "lank-bruten",
            "Det här är en symbolisk länk till något som inte finns, så den går inte att "
            "läsa. Ta bort länken och lägg in filen som en vanlig fil i datamappen.",
        )
    return None


def _listing(folder: str) -> tuple[set[str], set[str]]:
    """The names of the folder's regular files (not links) that end like data files, and of
    its symbolic links, from the listing's file types (no system call per entry where the file
    system gives the type). If the folder cannot be listed again: no regular files (each is
    then checked) and the links found one by one."""
    regular: set[str] = set()
    links: set[str] = set()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if entry.is_symlink():
                        links.add(entry.name)
                    elif entry.name.lower().endswith(_DATA_ENDINGS) and entry.is_file(
                        follow_symlinks=False
                    ):
                        regular.add(entry.name)
                except OSError:
                    continue  # not known to be regular: checked one by one
    except OSError:
        return set(), _links(Path(folder))
    return regular, links


def _links(folder: Path) -> set[str]:
    """The names of the folder's symbolic links, one system call each; none if the folder
    cannot be listed (then neither can its files be found)."""
    try:
        return {p.name for p in folder.iterdir() if _is_link(p)}
    except OSError:
        return set()


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(path.lstat().st_mode)
    except OSError:
        return False


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True
