"""Reading and writing files safely: atomic writes, only regular files, never out of a folder.

Writing: the content goes to a temporary file in the same folder (so the final rename stays on
one file system), is flushed to disk with fsync, and then takes the place of the target in one
step. Without ``overwrite`` an existing file is never replaced, not even if it appears between
the check and the rename (the temporary file is hard-linked into place, which fails if the name
is taken). With ``overwrite`` only a regular file is replaced: never a FIFO, device, socket,
symbolic link or folder (as root, replacing /dev/null would break the system). With ``inside``
the target's folder, links resolved, must lie in that folder. With ``data_folder`` a data file
there is never written (:func:`data_file_refusal`). On any error or interruption the temporary
file is removed. :func:`write_files_atomic` writes a folder's files all or nothing.

Errors: :class:`~utsatta.errors.WriteRefused` (exit 4) when utsatta will not write,
:class:`~utsatta.errors.WriteFailed` (exit 120) when it could not; see
docs/decisions/0060-exit-codes-for-writing.md. Messages are Swedish and name the path with
:func:`shown` (one line, every invisible character visible); the output layer escapes the whole
message for its channel as well.

Reading: :func:`read_regular` opens only a regular file, and never blocks on a FIFO or device.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from utsatta.errors import WriteFailed, WriteRefused

__all__ = [
    "DATA_ENDINGS",
    "REPOSITORY_FILES",
    "NotRegularFile",
    "check_output",
    "data_file_refusal",
    "kind_of_mode",
    "make_folders",
    "new_mode",
    "not_data_by_rule",
    "read_regular",
    "reason",
    "refusal",
    "shown",
    "write_atomic",
    "write_bytes_atomic",
    "write_files_atomic",
]

_REASONS = {
    getattr(errno, "EDQUOT", errno.ENOSPC): "diskkvoten är slut",
    errno.ENOSPC: "disken är full",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EIO: "in- eller utmatningsfel",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.EISDIR: "det är en mapp",
    errno.ENOENT: "mappen eller filen finns inte",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EEXIST: "det finns redan något med det namnet",
    errno.ELOOP: "för många symboliska länkar i sökvägen",
    errno.EMFILE: "för många öppna filer",
    errno.ENFILE: "för många öppna filer",
    errno.EPIPE: "mottagaren har stängt",
    errno.ENXIO: "ingen läsare eller enhet",
}


def reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Swedish (the system's own text is English)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, NotRegularFile):  # its own text is Swedish
        return str(exc.strerror)
    # Never the system's English text: the error's short name, which can be looked up.
    name = errno.errorcode.get(exc.errno or 0)
    return f"systemfel {name}" if name else "okänt systemfel"


def kind_of_mode(mode: int) -> str:
    """What a file is, in Swedish, from its ``st_mode``: "en vanlig fil", "en mapp", …"""
    if stat.S_ISREG(mode):
        return "en vanlig fil"
    if stat.S_ISDIR(mode):
        return "en mapp"
    if stat.S_ISLNK(mode):
        return "en symbolisk länk"
    if stat.S_ISFIFO(mode):
        return "en namngiven pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "en socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil"
    return "en okänd sorts fil"


# --- reading ------------------------------------------------------------------------------------


class NotRegularFile(OSError):
    """Raised by :func:`read_regular` for anything but a regular file; ``kind`` says what it
    is (see :func:`kind_of_mode`)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"är {kind}, inte en vanlig fil", str(path))
        self.kind = kind


def read_regular(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file; never opens a FIFO, socket or device for reading.

    The type is checked before opening (``os.stat``: a link to a regular file is read; the
    caller decides about links), the file is opened with O_NONBLOCK so that a FIFO swapped in
    after the check cannot block, and checked again on the open descriptor. With ``limit``,
    at most ``limit + 1`` bytes are read (the caller sees that the file is too large).
    Raises :class:`NotRegularFile`, or OSError for the usual reasons.
    """
    return read_regular_stat(path, limit=limit)[0]


def read_regular_stat(path: Path, *, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """:func:`read_regular`, with the status of the file that was read (size, mtime)."""
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(path, kind_of_mode(mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(path, kind_of_mode(st.st_mode))
        chunks = []
        left = -1 if limit is None else limit + 1
        # os.read allocates what it is asked for, and a megabyte per small file costs more
        # than the reading: ask for the size and a byte more (to see the end), then for
        # modest chunks (the end, or a file that grew).
        want = min(st.st_size + 1, 1 << 20)
        while left != 0:
            chunk = os.read(fd, want if left < 0 else min(left, want))
            if not chunk:
                break
            chunks.append(chunk)
            if left > 0:
                left -= len(chunk)
            want = 1 << 16
        return chunks[0] if len(chunks) == 1 else b"".join(chunks), st
    finally:
        os.close(fd)


# --- writing ------------------------------------------------------------------------------------


def as_path(value: object) -> Path | None:
    """``value`` as a ``Path`` when a library caller gave a path (text or an ``os.PathLike``
    of text), else None (a number, bytes, None): the caller says in Swedish what it wanted."""
    if isinstance(value, str | os.PathLike) and not isinstance(value, bytes):
        path = os.fspath(value)
        if isinstance(path, str):
            return Path(path)
    return None


def shown(path: Path | str) -> str:
    """A path as a message names it: every character that is not an ordinary visible one is
    shown (a line break as ``\\n``), so that a file name cannot start a new line, a terminal
    escape or a CI workflow command in any channel (:func:`utsatta.escape.identifier`)."""
    from utsatta.escape import identifier

    text = str(path)
    out = identifier(text)
    # A path as typed (a Windows path's backslashes single) when nothing else in it is shown:
    # the doubling keeps "\\n" apart from a shown line break, needed only beside one.
    if "\\" in text and out == text.replace("\\", "\\\\"):
        return text
    return out


def _refuse_existing(path: Path) -> WriteRefused:
    return WriteRefused(
        f"{shown(path)} finns redan och skrivs inte över. Använd --force för att ersätta filen."
    )


def _inside(folder: Path, root: Path) -> bool:
    real = os.path.realpath(folder)
    top = os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _link_target(path: Path) -> str:
    """What a symbolic link leads to, in Swedish: " till en mapp", " som inte leder någonstans"."""
    try:
        return f" till {kind_of_mode(path.stat().st_mode)}"
    except OSError:
        return " som inte leder till något som finns"


def refusal(path: Path, mode: int, *, want: str = "en vanlig fil") -> WriteRefused | None:
    """Why ``path``, whose ``lstat`` mode is ``mode``, can never be written as ``want`` ("en
    vanlig fil" or "en mapp"), not even with --force: a symbolic link (never followed for a
    write), or something of another kind (a FIFO, a device, a socket, a folder where a file
    goes). None when it is of the wanted kind; whether it may be replaced is the caller's
    business (--force)."""
    where = shown(path)
    if stat.S_ISLNK(mode):
        return WriteRefused(
            f"{where} är en symbolisk länk{_link_target(path)}. utsatta följer inga länkar när "
            "den skriver och ersätter dem inte, inte heller med --force. Ange målet direkt "
            "eller välj en annan sökväg."
        )
    kind = kind_of_mode(mode)
    if kind == want:
        return None
    if stat.S_ISDIR(mode):
        return WriteRefused(f"{where} är en mapp. Ange en fil att skriva till.")
    if want == "en mapp":
        return WriteRefused(
            f"{where} är {kind}, inte en mapp. Ange en mapp (den skapas om den inte finns)."
        )
    return WriteRefused(
        f"{where} är {kind}, inte en vanlig fil, och utsatta skriver bara vanliga filer (inte "
        "heller med --force). Välj en vanlig fil, eller låt kommandot skriva till standard ut "
        "och led utdatan dit med '>'."
    )


#: What makes a file in the data folder a data file (the loader reads these).
DATA_SUFFIXES = (".yaml", ".yml")
#: How a data file's name may end (any case): .yaml, and what a save turns it into without
#: being asked: .yml, and ".txt" appended by an editor or a system that hides extensions
#: (Windows' Notepad: higab.yaml.txt). Such a file is a misnamed data file, not an unknown one.
DATA_ENDINGS = (".yaml", ".yml", ".yaml.txt", ".yml.txt")
#: Files a repository keeps at its top level (README.md, LICENSE …): not data, and no finding.
REPOSITORY_FILES = frozenset(
    {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CONTRIBUTING", "CODEOWNERS"}
    | {"NOTICE", "AUTHORS", "SECURITY"}
)


def not_data_by_rule(rel: tuple[str, ...]) -> bool:
    """Whether the data folder's walk leaves the path ``rel`` (its parts inside the data
    folder) alone by rule, without a finding: a hidden name (.git/, .github/, editor files)
    or, at the top level, a usual repository file (docs/decisions/0062-what-is-not-data.md)."""
    if any(part.startswith(".") for part in rel):
        return True
    return (
        len(rel) == 1
        and not rel[0].lower().endswith(DATA_ENDINGS)
        and rel[0].split(".", 1)[0].upper() in REPOSITORY_FILES
    )


def data_file_refusal(path: Path, data_folder: Path) -> WriteRefused | None:
    """Why an output must not go to ``path``: it lies in ``data_folder`` (links resolved),
    where the next check reads it as data: a YAML file there is, or would become, a data file,
    and any other would be a finding of its own (okand-fil). The one rule that keeps every
    command's output (a report, CODEOWNERS, an export) out of the data folder, even with
    --force (docs/decisions/0340-en-plats-ett-rad.md); only what the check leaves alone by
    rule (``not_data_by_rule``: .github/CODEOWNERS) may be written there. The commands that
    edit data files (fmt, ny) write there, and they do not pass ``data_folder``."""
    real = os.path.realpath(path)
    if not _inside(Path(real), data_folder):
        return None
    rel = Path(os.path.relpath(real, os.path.realpath(data_folder))).parts
    if rel == (os.curdir,):
        rel = ()
    if path.suffix.lower() in DATA_SUFFIXES:
        return WriteRefused(
            f"{shown(path)} är en datafil i datamappen {shown(data_folder)} (eller skulle bli "
            "en), och utsatta skriver aldrig utdata över datafiler, inte heller med --force. "
            f"Välj en fil utanför datamappen, t.ex. {shown(_beside(data_folder, path))}."
        )
    if not_data_by_rule(rel):
        return None
    return WriteRefused(
        f"{shown(path)} ligger i datamappen {shown(data_folder)}, och där läses varje fil som "
        "data: nästa 'utsatta validate' skulle varna för den (okand-fil). utsatta skriver "
        "aldrig utdata i datamappen, inte heller med --force. Välj en plats utanför "
        f"datamappen, t.ex. {shown(_beside(data_folder, path))}."
    )


def _beside(data_folder: Path, path: Path) -> Path:
    """``path``'s name in the folder that holds the data folder: a place outside it to suggest
    (relative to the working folder, as ../rapport.md when the data folder is that folder)."""
    outside = Path(os.path.realpath(data_folder)).parent / (Path(path).name or "utdata")
    try:
        return Path(os.path.relpath(outside))
    except ValueError:  # pragma: no cover - Windows: another drive
        return outside


def check_output(
    path: Path, *, want: str = "en vanlig fil", data_folder: Path | None = None
) -> None:
    """Refuse (WriteRefused, exit 4) an output path that can never be written as ``want``,
    before any work or any question of --force (see :func:`refusal`), or that is a data file
    in ``data_folder`` (:func:`data_file_refusal`); a path that does not exist yet, or is of
    the wanted kind, passes."""
    if data_folder is not None:
        problem = data_file_refusal(path, data_folder)
        if problem is not None:
            raise problem
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return  # missing (or unreadable): the write itself says what is wrong
    problem = refusal(path, mode, want=want)
    if problem is not None:
        raise problem


def _check_target(
    path: Path, *, overwrite: bool, inside: Path | None, data_folder: Path | None = None
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
    if inside is not None and not _inside(folder, inside):
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
        raise _refuse_existing(path)


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
    import tempfile  # here: the readers import this module early, and need no temporary files

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
    tmp: Path, path: Path, *, overwrite: bool, inside: Path | None, data_folder: Path | None
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
                raise _refuse_existing(path) from None
            except OSError:
                # No hard links on this file system: fall back to a plain rename after the
                # existence check above.
                if os.path.lexists(path):
                    raise _refuse_existing(path) from None
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
) -> None:
    """Write ``data`` to ``path`` in one step (see the module docstring).

    Raises WriteRefused if ``path`` exists and ``overwrite`` is false, if it is not a regular
    file, if its folder (links resolved) is not inside ``inside``, or if it is a data file in
    ``data_folder`` (:func:`data_file_refusal`, also with ``overwrite``); WriteFailed if the
    file cannot be written (no folder, no permission, a full disk).
    """
    _check_target(path, overwrite=overwrite, inside=inside, data_folder=data_folder)
    tmp = _stage(path, data)
    _commit(tmp, path, overwrite=overwrite, inside=inside, data_folder=data_folder)
    _fsync_dir(path.parent)


def write_atomic(
    path: Path,
    text: str | bytes,
    *,
    overwrite: bool,
    inside: Path | None = None,
    data_folder: Path | None = None,
) -> None:
    """Write ``text`` (UTF-8, newlines as given; bytes such as a PDF as they are) to ``path``
    in one step; see :func:`write_bytes_atomic` for the rules and errors."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    write_bytes_atomic(path, data, overwrite=overwrite, inside=inside, data_folder=data_folder)


def write_files_atomic(
    folder: Path, files: Mapping[str, str | bytes], *, overwrite: bool
) -> list[Path]:
    """Write ``files`` (name → content) into ``folder``, all or nothing; the paths, in order.

    A new folder (and missing parents) is filled under a temporary name next to it and renamed
    into place at the end. In an existing folder every target is checked first (as for
    :func:`write_bytes_atomic`: a link, FIFO or folder is refused, also with ``overwrite``),
    then every file is staged next to its target, and only when all are on disk do they take
    their places. A refusal, a full disk or an interruption leaves the folder as it was and no
    temporary file behind; messages name the user's paths, never a temporary one.
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
        _check_target(target, overwrite=overwrite, inside=None)
    staged_files: list[tuple[Path, Path]] = []
    try:
        for target, data in zip(targets, contents, strict=True):
            staged_files.append((_stage(target, data), target))
        while staged_files:
            tmp, target = staged_files[0]
            _commit(tmp, target, overwrite=overwrite, inside=None, data_folder=None)
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
        if not _inside(existing, inside):
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
