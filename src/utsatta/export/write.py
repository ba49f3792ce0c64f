"""Writing the export: every file atomically, nothing replaced without ``force``, and with
``force`` only regular files (never a folder, a symbolic link or a device).

A CSV export goes to a folder. A new folder is filled under a temporary name next to it and
renamed into place at the end, so a reader sees all files or none. In an existing folder each
file is replaced on its own (atomically), after every target has been checked, so a refusal
leaves the folder as it was.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from utsatta.errors import WriteFailed, WriteRefused
from utsatta.fileio import new_mode, write_atomic

__all__ = ["check_target", "write_file", "write_folder"]


def check_target(path: Path, *, force: bool) -> None:
    """Raise WriteRefused (exit 4) unless ``path`` may be written: it does not exist, or
    ``force`` is set and it is a regular file."""
    if path.is_symlink():
        raise WriteRefused(
            f"{path} är en symbolisk länk och skrivs inte över, inte heller med --force. "
            "Ta bort länken eller välj ett annat namn."
        )
    if not path.exists():
        return
    if not path.is_file():
        what = "en mapp" if path.is_dir() else "ingen vanlig fil"
        raise WriteRefused(
            f"{path} är {what} och skrivs inte över, inte heller med --force. Välj ett annat namn."
        )
    if not force:
        raise WriteRefused(
            f"{path} finns redan och skrivs inte över. Använd --force för att ersätta filen."
        )


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(f"Mappen {path.parent} kan inte skapas ({exc.strerror}).") from exc


def write_file(path: Path, data: str | bytes, *, force: bool) -> None:
    """Write one file atomically (a missing parent folder is created)."""
    check_target(path, force=force)
    _make_parent(path)
    write_atomic(path, data, overwrite=force)


def write_folder(folder: Path, files: Mapping[str, str | bytes], *, force: bool) -> list[Path]:
    """Write ``files`` (name → content) into ``folder``; returns the paths written, in order."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise WriteRefused(
            f"{folder} finns redan och är ingen mapp. Ange en mapp för CSV-filerna, t.ex. "
            "export-2023."
        )
    targets = [folder / name for name in files]
    if folder.is_dir():
        for target in targets:
            check_target(target, force=force)
        for target, data in zip(targets, files.values(), strict=True):
            write_atomic(target, data, overwrite=force)
        return targets
    _make_parent(folder)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
        # mkdtemp's 0700 would shut colleagues on a shared drive out of the renamed folder
        tmp.chmod(new_mode(0o777))
    except OSError as exc:
        raise WriteFailed(f"Kan inte skriva i {folder.parent} ({exc.strerror}).") from exc
    try:
        for name, data in files.items():
            write_atomic(tmp / name, data, overwrite=False)
        try:
            tmp.rename(folder)
        except OSError as exc:
            # the folder appeared meanwhile (rename does not replace a non-empty folder)
            raise WriteFailed(f"Kan inte skapa {folder} ({exc.strerror}).") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise
    return targets
