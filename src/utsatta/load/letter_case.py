"""A data file whose folder (or, at the top, whose own name) differs from a data file's place
only in letter case: ``Rapporter/2024/higab.yaml``, ``Indikatorer/trygghet.yaml``,
``Plan.yaml``. On Windows and macOS that is the same place, so it works there, and in Linux CI
it is another folder whose files are never read. One error that says so and gives the
``git mv`` that fixes it in every system (docs/decisions/0360-skiftlage-i-mappnamn.md)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from utsatta.escape import identifier, shell_command
from utsatta.findings import Finding, Severity, at_line

__all__ = ["CODE", "case_variant", "wrong_case"]

#: The finding's code.
CODE = "fel-skiftlage"


def _as_read(rel: tuple[str, ...], name: str) -> tuple[tuple[str, ...], str]:
    """The place utsatta reads: the folders in small letters, and at the top the file's name
    too (plan.yaml …; a report's or an indicator's own name is its id, whose case is checked
    by its own rules)."""
    return tuple(part.lower() for part in rel), name.lower() if not rel else name


def wrong_case(
    root: Path,
    rel: tuple[str, ...],
    name: str,
    kind_of: Callable[[tuple[str, ...]], str | None],
    shown: Callable[[Path], str],
) -> tuple[Finding, Path] | None:
    """The finding for the file ``name`` in the folder ``rel`` (parts inside ``root``) when
    its place differs from a data file's only in letter case, with that data file's path;
    None otherwise. ``kind_of``: the kind of data file at a place (parts inside ``root``), or
    None; ``shown``: how findings name a path (``load.files.display_path``)."""
    folders, file_name = _as_read(rel, name)
    if (folders, file_name) == (rel, name) or kind_of((*folders, file_name)) is None:
        return None
    source = root.joinpath(*rel, name)
    target = root.joinpath(*folders, file_name)
    # the first part in the wrong case: a folder, or (at the top) the file's own name
    at = next((i for i, (p, q) in enumerate(zip(rel, folders, strict=True)) if p != q), len(rel))
    wrong = (*rel, name)[at]
    what, thing = ("Mappen", "mapp") if at < len(rel) else ("Filen", "fil")
    if os.path.lexists(target) and not _same_file(source, target):
        then = (
            f"Det finns redan en fil {identifier(shown(target))}: jämför filerna, för över det "
            "som ska vara kvar dit och ta sedan bort den här."
        )
    elif identifier(name) != name:
        # A command with a shown control character (\x1b) names no real file, so none is
        # given: by hand, and how. (The data folder's own name: shell_command says why.)
        odd = next(c for c in name if identifier(c) != c)
        change = (
            f"mappen '{identifier(wrong)}' heter '{folders[at]}' och filnamnet saknar tecknet"
            if at < len(rel)
            else f"filen heter '{identifier(file_name)}' utan tecknet"
        )
        then = (
            f"Filnamnet har ett osynligt tecken eller styrtecken (visat här som "
            f"{identifier(odd)}), så inget kommando kan skrivas för det: byt namn för hand, så "
            f"att {change}."
        )
    else:
        fix = _fix(root, rel, folders, name, at, shown)
        then = f"Byt namn med rätt skiftläge: {identifier(fix)}"
    return (
        at_line(
            shown(source),
            1,
            1,
            CODE,
            f"{what} heter '{identifier(wrong)}' men ska heta '{identifier(wrong.lower())}' "
            f"med små bokstäver, så filen läses inte. På Windows och macOS är det samma {thing} "
            "och allt ser rätt ut, men i Linux (t.ex. i CI) är det två olika, och där saknas "
            f"filen. {then}",
            Severity.FEL,
        ),
        target,
    )


def _fix(
    root: Path,
    rel: tuple[str, ...],
    folders: tuple[str, ...],
    name: str,
    at: int,
    shown: Callable[[Path], str],
) -> str:
    """The commands that give the place its right case, the same in every system: a whole
    folder when no folder of the right name is there (by way of another name, as a folder
    that ignores case cannot be renamed to itself in one step), else the one file (git mv
    renames a file to another case also there), into its folder made first when missing."""
    source = root.joinpath(*rel, name)
    target = root.joinpath(*folders, _as_read(rel, name)[1])
    if at < len(rel):
        wrong_dir, right_dir = root.joinpath(*rel[: at + 1]), root.joinpath(*folders[: at + 1])
        if not os.path.lexists(right_dir):
            step = right_dir.with_name(right_dir.name + "-tmp")
            return (
                shell_command("git", "mv", shown(wrong_dir), shown(step))
                + " && "
                + shell_command("git", "mv", shown(step), shown(right_dir))
            )
    move = shell_command("git", "mv", shown(source), shown(target))
    if not os.path.isdir(target.parent):  # noqa: PTH112 - never raises
        return shell_command("mkdir", "-p", shown(target.parent)) + " && " + move
    return move


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)  # a folder that ignores case: the same file by another name
    except OSError:
        return False


def case_variant(folder: Path, name: str) -> str | None:
    """The name of an entry in ``folder`` that is ``name`` in another letter case (Plan.yaml
    for plan.yaml), or None: for the message when ``name`` is missing."""
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError:
        return None
    lower = name.lower()
    return next((n for n in sorted(names) if n != name and n.lower() == lower), None)
