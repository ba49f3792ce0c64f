"""Where the data and the templates are: --data, UTSATTA_DATA, ./data, or the bundled copy."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from utsatta.errors import ArgumentError, DataDirError
from utsatta.fileio import as_path, kind_of_mode, reason, shown

_PACKAGE = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    # In a wheel the folders are copied to utsatta/_bundled/; in a source checkout (editable
    # install, tests) they are the top-level folders of the repository.
    inside = _PACKAGE / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name


def bundled_data_dir() -> Path:
    return _bundled("data")


def bundled_templates_dir() -> Path:
    return _bundled("templates")


BUNDLED = "den inbyggda datamappen"


def is_bundled(folder: Path) -> bool:
    """Whether ``folder`` is utsatta's bundled example data, however it was named (--data,
    UTSATTA_DATA, the working folder, a link, a relative path): by the folder itself, not by
    how it was found (docs/decisions/0461). Only the copy installed with the package counts:
    in a source checkout data/ is the repository's own files, edited and committed as such."""
    bundled = bundled_data_dir()
    if bundled.parent.name != "_bundled":
        return False
    try:
        return Path(folder).samefile(bundled)
    except (OSError, ValueError):
        return False  # no folder there (its own error is said where it is used)


def bundled_refused(folder: Path, how: str | None = None) -> str:
    """Why a command that writes into the data folder refuses ``folder``, the bundled example
    data (``is_bundled``), and how to get a data folder of one's own: a copy, named with
    --data. The command to copy it last (a path ends no sentence with a period, 0430)."""
    from utsatta.escape import shell_command

    given = "" if how is None else f" (från {how})"
    return (
        f"Datamappen {shown(folder)}{given} är utsattas inbyggda exempeldata, som inte "
        "ändras: det som skrivs där följer med paketet och skrivs över när utsatta "
        "uppdateras. Gör en egen datamapp (ett eget datarepo) av en kopia, och ange den med "
        "--data min-data. Kopiera med: "
        # the folder itself: 'cp -r' of a link copies the link, not the data
        + shell_command("cp", "-r", os.path.realpath(folder), "min-data")
    )


def bundled_notice(root: Path) -> str:
    """What the CLI says when it falls back on the example data (a user in the wrong folder
    must not mistake the examples for their own data)."""
    return (
        f"Obs: använder utsattas inbyggda exempeldata ({root}). Ange din datamapp med --data, "
        f"UTSATTA_DATA eller genom att stå i mappen som har data/.{inside_data_dir()}\n"
    )


def inside_data_dir() -> str:
    """ " Arbetsmappen ligger i datamappen …" when a folder above the working folder has a
    plan.yaml (a writer in data/rapporter/2025/ in VS Code's terminal), else "": the folder
    is not used without --data (README, "Kom igång"), but named, with the option to give,
    last (a path ends no sentence with a period: '--data ../..' stays copyable; decision 0430)."""
    from utsatta.escape import shell_command

    above = data_dir_above(Path())
    if above is None or above == Path():
        return ""
    return (
        f" Arbetsmappen ligger i datamappen {shown(above)}, som har plan.yaml. Ange den "
        f"med: {shell_command('--data', str(above))}"
    )


def in_ci() -> bool:
    """Whether this runs in CI: GitHub Actions (GITHUB_ACTIONS=true) or any CI that sets CI."""
    return os.environ.get("GITHUB_ACTIONS") == "true" or os.environ.get("CI", "").lower() in (
        "true",
        "1",
        "yes",
    )


def locate_data_dir(option: Path | None) -> tuple[Path, str]:
    """The data folder to use, checked to be a readable folder with a plan.yaml.

    Order: --data, UTSATTA_DATA, ./data, the working folder itself if it holds a plan.yaml (a
    data repository with its files at the root), then the bundled example data; never in CI
    (``in_ci``), where that is a ``DataDirError``.
    """
    if option is not None:
        chosen, how = option, "--data"
    elif os.environ.get("UTSATTA_DATA"):
        chosen, how = Path(os.environ["UTSATTA_DATA"]), "UTSATTA_DATA"
    elif Path("data").is_dir():
        chosen, how = Path("data"), "./data"
    elif os.path.lexists("plan.yaml"):
        # Whatever plan.yaml is here, this is the data folder meant: a broken one is said so
        # below, not swapped for the example data.
        chosen, how = Path(), "arbetsmappen"
    elif in_ci():
        # In CI the example data would pass green where the real data has errors.
        raise DataDirError(
            f"Ingen datamapp hittades: arbetsmappen ({os.getcwd()}) har varken data/ eller "  # noqa: PTH109
            "plan.yaml, och i CI används aldrig utsattas inbyggda exempeldata. Ange mappen "
            "som har plan.yaml med --data eller miljövariabeln UTSATTA_DATA."
        )
    else:
        chosen, how = bundled_data_dir(), BUNDLED
    where = f"{chosen} (från {how})"
    problem = _not_a_folder(chosen)
    if problem is not None:
        raise DataDirError(f"Datamappen {where} {problem}")
    if not os.access(chosen, os.R_OK | os.X_OK):
        raise DataDirError(f"Datamappen {where} går inte att läsa (behörighet).")
    problem = _plan_problem(chosen / "plan.yaml")
    if problem == "":
        raise DataDirError(
            f"Datamappen {where} saknar plan.yaml och är därför ingen utsatta-datamapp. "
            + _plan_in_other_case(chosen)
        )
    if problem is not None:
        raise DataDirError(f"I datamappen {where} {problem}")
    return chosen, how


def _plan_in_other_case(folder: Path) -> str:
    """The advice when plan.yaml is missing: its name in the folder in another letter case
    (Plan.yaml, saved on Windows), said as the finding fel-skiftlage says it (one rule and
    one text: ``letter_case.wrong_case``), or to name the right folder."""
    from utsatta.escape import identifier
    from utsatta.load.letter_case import case_variant, wrong_case
    from utsatta.load.placement import display_path, kind_of

    variant = case_variant(folder, "plan.yaml")
    found = None if variant is None else wrong_case(folder, (), variant, kind_of, display_path)
    if variant is None or found is None:
        return "Ange rätt mapp med --data."
    return f"I mappen finns {identifier(variant)}. {found[0].message}"


def data_root(root: object) -> Path:
    """``root``, the data folder a library caller named, as a ``Path``; ``ArgumentError``
    (Swedish) when it is no path at all (a number, bytes, None)."""
    path = as_path(root)
    if path is not None:
        return path
    raise ArgumentError(
        f"Datamappen ska anges som text (str) eller Path, inte {type(root).__name__}: "
        f"{shown(repr(root))}. Ange sökvägen till datamappen (mappen som har plan.yaml).",
        argument="root",
    )


def require_data_dir(root: Path) -> None:
    """Raise ``DataDirError`` (Swedish message) when ``root``, the data folder a library
    caller named, is not there, is no folder (a file, a link that leads nowhere) or cannot be
    read: a check of nothing must never read as a clean pass. A folder without plan.yaml is
    loaded (its findings say what is missing)."""
    problem = _not_a_folder(root, library=True)
    if problem is not None:
        raise DataDirError(f"Datamappen {shown(root)} {problem}")
    if not os.access(root, os.R_OK | os.X_OK):
        raise DataDirError(
            f"Datamappen {shown(root)} går inte att läsa (behörighet). Ge läsbehörighet till "
            "mappen (chmod u+rx) eller ange en annan mapp."
        )


_NAME_IT = "Ange sökvägen till datamappen (mappen som har plan.yaml)."

# os.path.islink, not Path.is_symlink: it never raises (Path's does for a name too long).


def _not_a_folder(path: Path, library: bool = False) -> str | None:
    """What ``path`` is, when it is no folder, as the rest of a Swedish sentence with the
    advice of the command line (--data) or, ``library``, of a library caller; or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not os.path.islink(path):  # noqa: PTH114
            return "finns inte. " + (_NAME_IT if library else "Ange en mapp med --data.")
        fix = "Rätta länken eller ange en annan mapp" + ("." if library else " med --data.")
        return _cannot_follow(exc, "", fix)
    if stat.S_ISDIR(mode):
        return None
    return f"är {kind_of_mode(mode)}, inte en mapp. " + (
        _NAME_IT if library else "Ange datamappen med --data."
    )


def _plan_problem(plan: Path) -> str | None:
    """Why ``plan`` (a data folder's plan.yaml) is no file that can be read, as the rest of a
    Swedish sentence that begins "I datamappen …"; "" when there is none; None when it is a
    regular file."""
    try:
        mode = plan.stat().st_mode
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not os.path.islink(plan):  # noqa: PTH114
            return ""
        return _cannot_follow(
            exc, "plan.yaml ", "Ta bort länken och lägg in plan.yaml som en vanlig fil."
        )
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return (
            "är plan.yaml en mapp, inte en fil, så planen går inte att läsa. Byt namn på mappen "
            "eller ta bort den, och lägg in plan.yaml som en vanlig fil."
        )
    return (
        f"är plan.yaml {kind_of_mode(mode)}, inte en vanlig fil, så planen läses inte. Ta "
        "bort den och lägg in plan.yaml som en vanlig fil."
    )


def _cannot_follow(exc: OSError, subject: str, fix: str) -> str:
    """Why a path that is there (a link, at least) cannot be looked at, then ``fix`` for a
    link (``subject``: "plan.yaml " or "" for the folder itself)."""
    if exc.errno == errno.ELOOP:
        return (
            f"är {subject}en symbolisk länk som leder i en slinga (till sig själv, eller via "
            f"andra länkar tillbaka), så den går inte att läsa. {fix}"
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"är {subject}en symbolisk länk till något som inte finns. {fix}"
    return f"går {subject}inte att läsa ({reason(exc)})."


def data_dir_above(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that has a plan.yaml (relative to the working
    folder), for a file named without --data."""
    start = Path(os.path.realpath(path))  # never raises, not even for a link loop
    for folder in [start, *start.parents]:
        # Any plan.yaml marks the data folder; one that is no file is said so when it is used.
        if folder.is_dir() and os.path.lexists(folder / "plan.yaml"):
            return Path(os.path.relpath(folder))
    return None
