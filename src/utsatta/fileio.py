"""Files safely: what a failed system call means and what a file is (in Swedish), reading only
regular files, how a path is named in a message, and the rules that refuse a write before it
starts (the writes themselves: :mod:`utsatta.filewrite`).

A write is refused (:class:`~utsatta.errors.WriteRefused`, exit 4) to a symbolic link, a FIFO,
device, socket or folder where a file goes (:func:`refusal`; as root, replacing /dev/null would
break the system), and to the data folder (:func:`data_file_refusal`), whatever --force says;
see docs/decisions/0060-exit-codes-for-writing.md. Messages are Swedish and name the path with
:func:`shown` (one line, every invisible character visible); the output layer escapes the whole
message for its channel as well.

Reading: :func:`read_regular` opens only a regular file, and never blocks on a FIFO or device.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from utsatta.errors import WriteRefused

__all__ = [
    "DATA_ENDINGS",
    "REPOSITORY_FILES",
    "NotRegularFile",
    "check_output",
    "data_file_refusal",
    "kind_of_mode",
    "lies_inside",
    "not_data_by_rule",
    "read_regular",
    "reason",
    "refusal",
    "shown",
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


# --- paths, and what is never written -----------------------------------------------------------


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


def lies_inside(folder: Path, root: Path) -> bool:
    """Whether ``folder`` lies in ``root`` (or is it), links resolved."""
    real = os.path.realpath(folder)
    top = os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _link_target(path: Path) -> str:
    """What a symbolic link leads to, in Swedish: " till en mapp", " som inte leder någonstans"."""
    try:
        return f" till {kind_of_mode(path.stat().st_mode)}"
    except OSError:
        return " som inte leder till något som finns"


#: How to replace what exists, said once for every command that writes; a library function
#: with the same parameter (``write_export(..., force=True)``: the only one in
#: ``utsatta.__all__``) is named as well, schema, report and codeowners have none in the library
#: (granska18c F8)
REPLACE_HINT = "Ange --force för att ersätta"
LIBRARY_REPLACE_HINT = "Ange --force (i biblioteket force=True) för att ersätta"


def exists_refusal(
    names: str, *, other_content: bool = False, several: bool = False, library_force: bool = False
) -> WriteRefused:
    """``names`` (shown paths, ``several`` of them) exist and are not replaced without force:
    the one message for every command and the library; ``library_force`` for a write whose
    library function has ``force`` (the export)."""
    state = "finns redan med annat innehåll" if other_content else "finns redan"
    them = "filerna" if several else "filen"
    hint = LIBRARY_REPLACE_HINT if library_force else REPLACE_HINT
    return WriteRefused(f"{names} {state} och skrivs inte över. {hint} {them}.")


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
    if not lies_inside(Path(real), data_folder):
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
