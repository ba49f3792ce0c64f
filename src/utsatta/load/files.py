"""Find the data files of a data folder and tell what kind each is, by its place (where a file
that is no data file belongs is decided in ``load.placement``)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from utsatta.escape import identifier
from utsatta.fileio import DATA_ENDINGS, kind_of_mode, not_data_by_rule, reason
from utsatta.findings import Finding, Severity, at_line

# Re-exported: the names the rest of utsatta has always imported from here.
from utsatta.load.placement import display_path as display_path
from utsatta.load.placement import is_year_folder, place_of, placement
from utsatta.load.placement import kind_of as kind_of
from utsatta.load.placement import misplaced as misplaced


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


def _file_issue(path: Path, code: str, severity: Severity, message: str) -> Finding:
    return at_line(display_path(path), 1, 1, code, message, severity)


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed, as far as they lead; never raises.

    ``Path.resolve`` raises RuntimeError for a link loop (before Python 3.13) and may raise
    OSError; this answers with the path where following stopped (``os.path.realpath``), and
    whoever reads the file then meets the loop and reports it as a finding."""
    return Path(os.path.realpath(path))


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
    (README, LICENSE …). See docs/decisions/0062-what-is-not-data.md. A hidden YAML file below
    the top is skipped with a warning (``_hidden``, 0663).
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
        if len(rel) == 2 and rel[0] == "rapporter" and is_year_folder(rel[1]):
            years.add(int(rel[1]))
        for name in sorted(filenames):
            if name.startswith("."):
                if rel and _hidden_yaml(name):
                    findings.append(_hidden(root, rel, here / name, readable=name in regular))
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
            placed = placement(root, rel, name)
            if placed is not None:
                finding, target = placed
                findings.append(finding)
                if unread is not None and target is not None:
                    unread[display_path(target)] = finding.file
    return found, years


def _hidden_yaml(name: str) -> bool:
    """Whether a hidden file's ``name`` ('.hidden.yaml') is a YAML file a person may have meant
    as data: not an editor's lock file ('.#x.yaml', Emacs) or a copy of a file's metadata
    ('._x.yaml', macOS on a shared drive)."""
    return name.lower().endswith((".yaml", ".yml")) and not name.startswith((".#", "._"))


def _hidden(root: Path, rel: tuple[str, ...], path: Path, *, readable: bool) -> Finding:
    """A hidden YAML file below the data folder's top (where a repository keeps its own
    '.gitlab-ci.yml', '.yamllint.yml' …): skipped like every hidden file, but not silently
    (docs/decisions/0663, amends 0062). The step is the one a file of that name without the
    '.' would get (``placement.place_of``, by what it says: 'ar', 'organisation', 'id'), so a
    copy of the 2022 report in rapporter/2023/ is called a copy, never renamed into 2023
    (0683). ``readable``: a regular file by the folder's listing (a link is never opened)."""
    shown = path.name.lstrip(".")
    shown = shown[:-4] + ".yaml" if shown.lower().endswith(".yml") else shown
    place = place_of(root, rel, shown, path) if readable else None
    target = place.target if place is not None else None
    if place is None or target is None:
        step = f"Är den en datafil, byt namn till '{identifier(shown)}'"
    elif place.there is not None:
        step = f"Den hör till {identifier(place.label)}{place.why}, men {place.there}"
    elif target.parent == path.parent:
        step = f"Är den en datafil, byt namn till '{identifier(target.name)}'{place.why}"
    else:
        step = (
            f"Är den en datafil, flytta den till {identifier(place.label)}{place.why}, utan "
            "'.' först i namnet"
        )
    return _file_issue(
        path,
        "okand-fil",
        Severity.VARNING,
        "Filen är dold (namnet börjar med '.') och läses inte, så det som står i den kommer "
        "inte med i kontrollen eller rapporten. "
        + (
            step
            if place is not None and place.there is not None
            else step + "; annars flytta den ur datamappen."
        ),
    )


def _not_read(
    path: Path, rel: tuple[str, ...], root: Path, findings: list[Finding], *, link: bool
) -> bool:
    """Whether ``path`` (no regular data file by its folder's listing) is left unread: not a
    data file, a link out of the data folder, a link that leads nowhere, or not a regular
    file. ``link``: the listing says it is a symbolic link."""
    name = path.name
    data_name = name.lower().endswith(DATA_ENDINGS)
    if not_data_by_rule((*rel, name)):
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
                    elif entry.name.lower().endswith(DATA_ENDINGS) and entry.is_file(
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
