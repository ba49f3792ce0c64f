"""Writing output files atomically: a reader never sees a half-written report.

The text goes to a temporary file in the same folder (so the final rename stays on one file
system), is flushed to disk with fsync, and then takes the place of the target in one step.
Without ``overwrite`` an existing file is never replaced, not even if it appears between the
check and the rename (the temporary file is hard-linked into place, which fails if the name is
taken). On any error the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from utsatta.errors import OutputError

__all__ = ["write_atomic"]


def _refuse(path: Path) -> OutputError:
    return OutputError(
        f"{path} finns redan och skrivs inte över. Använd --force för att ersätta filen."
    )


def _mode_for(path: Path) -> int:
    """The permission bits the file gets: those of the file it replaces, else 0666 - umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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


def write_atomic(path: Path, text: str | bytes, *, overwrite: bool) -> None:
    """Write ``text`` (UTF-8, newlines as given; bytes as they are) to ``path`` in one step.

    Raises OutputError (Swedish message) if ``path`` exists and ``overwrite`` is false, or if the
    file cannot be written.
    """
    if path.is_dir():
        raise OutputError(f"{path} är en mapp. Ange en fil att skriva till.")
    if not overwrite and (path.exists() or path.is_symlink()):
        raise _refuse(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"Mappen {folder} finns inte. Skapa den först eller välj en annan fil.")
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = _mode_for(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"Kan inte skriva i {folder} ({exc.strerror}).") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        if overwrite:
            tmp.replace(path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise _refuse(path) from None
            except OSError:
                # No hard links on this file system: fall back to a plain rename after the
                # existence check above.
                if path.exists():
                    raise _refuse(path) from None
                tmp.replace(path)
            else:
                tmp.unlink()
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"Kan inte skriva {path} ({exc.strerror}).") from exc
    except BaseException:  # OutputError, KeyboardInterrupt …: clean up and pass it on
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
