"""Writing files atomically: never a half-written file, never an existing one replaced unasked.

The content goes to a temporary file in the same folder (so the final rename stays on one file
system), is flushed to disk with fsync, and then takes the place of the target in one step.
Without ``overwrite`` an existing file is never replaced, not even if it appears between the
check and the rename (the temporary file is hard-linked into place, which fails if the name is
taken). With ``overwrite`` only a regular file is replaced: never a FIFO, device, socket,
symbolic link or folder (:func:`utsatta.fileio.refusal`). With ``inside`` the target's folder,
links resolved, must lie in that folder. With ``data_folder`` a data file there is never
written (:func:`utsatta.fileio.data_file_refusal`). On any error or interruption the temporary
file is removed. :func:`write_files_atomic` writes a folder's files all or nothing.

Errors: :class:`~utsatta.errors.WriteRefused` (exit 4) when utsatta will not write,
:class:`~utsatta.errors.WriteFailed` (exit 120) when it could not; see
docs/decisions/0060-exit-codes-for-writing.md. Messages name the path with
:func:`utsatta.fileio.shown`.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from utsatta.errors import WriteFailed, WriteRefused
from utsatta.fileio import (
    data_file_refusal,
    exists_refusal,
    lies_inside,
    reason,
    refusal,
    shown,
)

__all__ = [
    "make_folders",
    "new_mode",
    "write_atomic",
    "write_bytes_atomic",
    "write_files_atomic",
]


def _refuse_existing(path: Path, library_force: bool) -> WriteRefused:
    return exists_refusal(shown(path), library_force=library_force)


def _check_target(
    path: Path,
    *,
    overwrite: bool,
    inside: Path | None,
    data_folder: Path | None = None,
    library_force: bool = False,
) -> None:
    """Refuse what must never be written; raise for a folder that cannot take the file.

    The kind of what stands there is checked before whether it exists: --force is suggested
    only where it would help (a regular file)."""
    folder = path.parent
    if data_folder is not None:
        problem = data_file_refusal(path, data_folder)
        if problem is not None:
            raise problem
    try:
        folder_mode = folder.stat().st_mode
    except FileNotFoundError:
        raise WriteFailed(
            f"Mappen {shown(folder)} finns inte. Skapa den först eller välj en annan fil."
        ) from None
    except OSError as exc:
        raise WriteFailed(f"Kan inte skriva i {shown(folder)} ({reason(exc)}).") from exc
    if not stat.S_ISDIR(folder_mode):
        raise WriteFailed(
            f"{shown(folder)} är inte en mapp, så {shown(path.name)} kan inte skrivas där."
        )
    if inside is not None and not lies_inside(folder, inside):
        raise WriteRefused(
            f"{shown(path)} ligger utanför {shown(inside)} (mappen är eller går via en symbolisk "
            "länk ut ur den) och skrivs inte. Skriv filen i mappen i stället."
        )
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteFailed(f"Kan inte skriva {shown(path)} ({reason(exc)}).") from exc
    problem = refusal(path, mode)
    if problem is not None:
        raise problem
    if not overwrite:
        raise _refuse_existing(path, library_force)


def new_mode(base: int = 0o666) -> int:
    """The permission bits a new file (0666) or folder (0777) gets from the process's umask, as
    with open() and mkdir(); mkstemp and mkdtemp would give 0600 and 0700."""
    umask = os.umask(0)
    os.umask(umask)
    return base & ~umask


def _mode_for(path: Path) -> int:
    """The permission bits the file gets: those of the file it replaces, else 0666 - umask."""
    try:
        return os.lstat(path).st_mode & 0o7777
    except OSError:
        return new_mode()


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable. Not possible on every platform or file system.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _stage(path: Path, data: bytes, *, dir: Path | None = None) -> Path:
    """A temporary file next to ``path`` (or in ``dir``) holding ``data``, flushed to disk
    with the permission bits ``path`` will have. Errors name ``path``, the user's file, never
    the temporary name; the temporary file is gone when this raises."""
    import tempfile  # read only when a file is written

    folder = path.parent if dir is None else dir
    mode = _mode_for(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteFailed(f"Kan inte skriva i {shown(path.parent)} ({reason(exc)}).") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteFailed(f"Kan inte skriva {shown(path)} ({reason(exc)}).") from exc
    except BaseException:  # KeyboardInterrupt, a signal the CLI turned into one …: clean up
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _commit(
    tmp: Path,
    path: Path,
    *,
    overwrite: bool,
    inside: Path | None,
    data_folder: Path | None,
    library_force: bool = False,
) -> None:
    """Put the staged ``tmp`` in the place of ``path`` in one step; ``tmp`` is gone after."""
    try:
        if overwrite:
            # Checked again just before: what stands there now must still be a regular file.
            _check_target(path, overwrite=True, inside=inside, data_folder=data_folder)
            tmp.replace(path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise _refuse_existing(path, library_force) from None
            except OSError:
                # No hard links on this file system: fall back to a plain rename after the
                # existence check above.
                if os.path.lexists(path):
                    raise _refuse_existing(path, library_force) from None
                tmp.replace(path)
            else:
                tmp.unlink()
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteFailed(f"Kan inte skriva {shown(path)} ({reason(exc)}).") from exc
    except BaseException:  # WriteRefused, KeyboardInterrupt …: clean up and pass it on
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(
    path: Path,
    data: bytes,
    *,
    overwrite: bool,
    inside: Path | None = None,
    data_folder: Path | None = None,
    library_force: bool = False,
) -> None:
    """Write ``data`` to ``path`` in one step (see the module docstring).

    Raises WriteRefused if ``path`` exists and ``overwrite`` is false, if it is not a regular
    file, if its folder (links resolved) is not inside ``inside``, or if it is a data file in
    ``data_folder`` (:func:`data_file_refusal`, also with ``overwrite``); WriteFailed if the
    file cannot be written (no folder, no permission, a full disk). ``library_force``: the
    caller is a library function with a ``force`` parameter, which the refusal then names.
    """
    _check_target(
        path,
        overwrite=overwrite,
        inside=inside,
        data_folder=data_folder,
        library_force=library_force,
    )
    tmp = _stage(path, data)
    _commit(
        tmp,
        path,
        overwrite=overwrite,
        inside=inside,
        data_folder=data_folder,
        library_force=library_force,
    )
    _fsync_dir(path.parent)


def write_atomic(
    path: Path,
    text: str | bytes,
    *,
    overwrite: bool,
    inside: Path | None = None,
    data_folder: Path | None = None,
    library_force: bool = False,
) -> None:
    """Write ``text`` (UTF-8, newlines as given; bytes such as a PDF as they are) to ``path``
    in one step; see :func:`write_bytes_atomic` for the rules and errors."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    write_bytes_atomic(
        path,
        data,
        overwrite=overwrite,
        inside=inside,
        data_folder=data_folder,
        library_force=library_force,
    )


def write_files_atomic(
    folder: Path, files: Mapping[str, str | bytes], *, overwrite: bool, library_force: bool = False
) -> list[Path]:
    """Write ``files`` (name → content) into ``folder``, all or nothing; the paths, in order.

    A new folder (and missing parents) is filled under a temporary name next to it and renamed
    into place at the end. In an existing folder every target is checked first (as for
    :func:`write_bytes_atomic`: a link, FIFO or folder is refused, also with ``overwrite``),
    then every file is staged next to its target, and only when all are on disk do they take
    their places. A refusal, a full disk or an interruption leaves the folder as it was and no
    temporary file behind; messages name the user's paths, never a temporary one.
    ``library_force`` as for :func:`write_bytes_atomic`.
    """
    import shutil
    import tempfile

    targets = [folder / name for name in files]
    contents = [t.encode("utf-8") if isinstance(t, str) else t for t in files.values()]
    try:
        folder_mode: int | None = os.lstat(folder).st_mode
    except (FileNotFoundError, NotADirectoryError):  # make_folders says what is in the way
        folder_mode = None
    except OSError as exc:
        raise WriteFailed(f"Kan inte skriva i {shown(folder)} ({reason(exc)}).") from exc
    if folder_mode is None:
        make_folders(folder.parent)
        try:
            tmp_dir = Path(
                tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent)
            )
        except OSError as exc:
            raise WriteFailed(f"Kan inte skriva i {shown(folder.parent)} ({reason(exc)}).") from exc
        try:
            # mkdtemp's 0700 would shut colleagues on a shared drive out of the renamed folder
            tmp_dir.chmod(new_mode(0o777))
            for target, data in zip(targets, contents, strict=True):
                staged = _stage(target, data, dir=tmp_dir)
                staged.rename(tmp_dir / target.name)
            try:
                tmp_dir.rename(folder)
            except OSError as exc:
                # the folder appeared meanwhile (rename does not replace a non-empty folder)
                raise WriteFailed(f"Kan inte skapa {shown(folder)} ({reason(exc)}).") from exc
        except OSError as exc:
            shutil.rmtree(tmp_dir, ignore_errors=True)
            raise WriteFailed(f"Kan inte skapa {shown(folder)} ({reason(exc)}).") from exc
        except BaseException:
            shutil.rmtree(tmp_dir, ignore_errors=True)
            raise
        _fsync_dir(folder.parent)
        return targets
    problem = refusal(folder, folder_mode, want="en mapp")
    if problem is not None:
        raise problem
    for target in targets:  # every refusal before anything is written
        _check_target(target, overwrite=overwrite, inside=None, library_force=library_force)
    staged_files: list[tuple[Path, Path]] = []
    try:
        for target, data in zip(targets, contents, strict=True):
            staged_files.append((_stage(target, data), target))
        while staged_files:
            tmp, target = staged_files[0]
            _commit(
                tmp,
                target,
                overwrite=overwrite,
                inside=None,
                data_folder=None,
                library_force=library_force,
            )
            staged_files.pop(0)
    finally:
        for tmp, _target in staged_files:
            with contextlib.suppress(OSError):
                tmp.unlink()
    _fsync_dir(folder)
    return targets


def make_folders(folder: Path, *, inside: Path | None = None) -> None:
    """Create ``folder`` and its missing parents for an output file.

    Raises WriteFailed when a file stands where a folder must be or permission is missing,
    WriteRefused when the folder (links resolved) would lie outside ``inside``.
    """
    if inside is not None:
        # The part that exists already decides where the new folders end up.
        existing = folder
        while not os.path.lexists(existing) and existing != existing.parent:
            existing = existing.parent
        if not lies_inside(existing, inside):
            raise WriteRefused(
                f"{shown(folder)} ligger utanför {shown(inside)} (mappen är eller går via en "
                "symbolisk länk ut ur den) och skapas inte."
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteFailed(
            f"Mappen {shown(folder)} kan inte skapas: det finns en fil med det namnet. Välj en "
            "annan mapp eller flytta filen."
        ) from None
    except OSError as exc:
        raise WriteFailed(f"Mappen {shown(folder)} kan inte skapas ({reason(exc)}).") from exc
