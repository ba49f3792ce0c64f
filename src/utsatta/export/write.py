"""Writing the export: every file atomically, nothing replaced without ``force``, and with
``force`` only regular files (never a folder, a symbolic link or a device).

A CSV export goes to a folder, written all or nothing
(:func:`utsatta.filewrite.write_files_atomic`): a new folder is filled under a temporary name
and renamed into place; in an existing folder every target is checked and every file staged
before any takes its place, so a refusal, a full disk or an interruption leaves the folder as
it was. The rules and messages are
:mod:`utsatta.fileio`'s and :mod:`utsatta.filewrite`'s, the same for every command that
writes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from utsatta.fileio import check_output, exists_refusal, shown
from utsatta.filewrite import make_folders, write_atomic, write_files_atomic

__all__ = ["check_target", "write_file", "write_folder"]


def check_target(path: Path, *, force: bool) -> None:
    """Raise WriteRefused (exit 4) unless ``path`` may be written: it does not exist, or
    ``force`` is set and it is a regular file."""
    check_output(path)
    if not force and os.path.lexists(path):
        # the library's write_export has force too: the refusal names it
        raise exists_refusal(shown(path), library_force=True)


def write_file(
    path: Path, data: str | bytes, *, force: bool, data_folder: Path | None = None
) -> None:
    """Write one file atomically (a missing parent folder is created); never over a data file
    in ``data_folder``, not even with ``force``."""
    if data_folder is not None:
        check_output(path, data_folder=data_folder)  # before any folder is made
    check_target(path, force=force)
    make_folders(path.parent)
    write_atomic(path, data, overwrite=force, data_folder=data_folder, library_force=True)


def write_folder(folder: Path, files: Mapping[str, str | bytes], *, force: bool) -> list[Path]:
    """Write ``files`` (name → content) into ``folder``, all or nothing; returns the paths
    written, in order."""
    return write_files_atomic(folder, files, overwrite=force, library_force=True)
