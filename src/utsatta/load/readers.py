"""Parse data files in worker processes, started as early as possible.

Parsing YAML is most of the work of ``validate`` on a large folder, and importing Typer,
pydantic and the models is most of the rest (about 0.15 s, as long as parsing 500 reports).
So the console entry point forks the workers first thing, before those imports (``start``
without a job list, in ``utsatta.start``), and ``dataset.load`` claims them for its folder
(``claim``); on two cores the files are parsed while this process imports. ``dataset.load``
also starts workers itself for a large folder when none were started early.

The work is a queue of chunk numbers in a pipe, as in make's jobserver: a process takes the
next chunk by reading one token, so no chunk is read twice, and this process joins in as soon
as it is ready. Workers only run stage one (``raw.read_raw``: plain data and YAML problems, no
pydantic) and append their results to an unnamed file of their own, and the bytes they parsed
to a second one; this process does the schema check, and finds the line and column of a
finding in exactly the bytes that were parsed (never in a newer version of the file). Results
are keyed by the file's place in the data folder, and any file that no worker delivered (a
worker died, a file appeared in between, the queue was short) is read here: workers can make
loading faster, never different. Nothing here prints.

The results are pickles, read back only from an unnamed temporary file that this process
created and a child of its own wrote: they hold the plain data of the parsed YAML, never
anything built from it.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
from pathlib import Path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing before the fork

# Few imports here: this module runs before the worker processes are forked, and whatever it
# imports delays them.
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import NoReturn

    from utsatta.findings import Issue

#: A job: the file, its kind and the path users see.
Job = tuple[Path, str, str]

#: Files per token: small enough to balance the processes, large enough to keep the queue short.
CHUNK = 8
#: This process joins in only while this many tokens are queued: importing the YAML parser
#: here costs as much as parsing about 15 chunks.
HELP_FROM = 16
_TOKEN = struct.Struct("<I")
_FRAME = struct.Struct("<Q")
#: Writes of at most PIPE_BUF bytes to a pipe are atomic; POSIX guarantees 512.
_TOKENS_PER_WRITE = 512 // _TOKEN.size


def find_jobs(root: Path, issues: list[Issue] | None = None) -> tuple[list[Job], set[int]]:
    """Every data file of ``root`` as a job, and the report years that have a folder."""
    from utsatta.load.files import discover, display_path

    found, years = discover(root, [] if issues is None else issues)
    return [(path, kind, display_path(path)) for path, kind in found], years


def key(root: Path, path: Path) -> str:
    """A file's place in the data folder, the same in every process."""
    return path.relative_to(root).as_posix()


#: Where a container's CPU quota is visible (cgroup v2): "max 100000" or "150000 100000".
CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def usable_cores() -> int:
    """The cores this process may use: its CPU affinity, within a container's CPU quota
    (cgroup v2) where one is visible."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    try:
        quota, period = CPU_MAX.read_text(encoding="ascii").split()
        if quota != "max":
            cores = min(cores, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass
    return cores


def can_fork() -> bool:
    # Linux only: fork is unavailable on Windows and unsafe with macOS system libraries.
    return sys.platform.startswith("linux") and usable_cores() >= 2


class Texts:
    """The bytes a worker parsed, kept in an unnamed file until the data set is dropped (a
    finding's position is found in them). Closes its descriptor when no file needs it."""

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, offset: int, length: int) -> bytes:
        return os.pread(self.fd, length, offset)

    def __del__(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


class _Worker:
    __slots__ = ("out", "pid", "texts")

    def __init__(self, pid: int, out: int, texts: int) -> None:
        self.pid = pid
        self.out = out
        self.texts = texts


class Readers:
    """Worker processes reading the files of one data folder."""

    def __init__(self, root: Path, texts: bool, queue: int, workers: list[_Worker]) -> None:
        self.root = root
        self.texts = texts
        # Keys and the paths users see depend on the folder as written and on the working
        # folder: a command may use the workers only if both are the same (see claim).
        self.where = (os.getcwd(), str(root))  # noqa: PTH109
        self._queue: int | None = queue
        self._workers = workers

    @classmethod
    def start(cls, root: Path, jobs: list[Job] | None = None, *, texts: bool) -> Readers | None:
        """Fork one worker per further core over the files of ``root``: over ``jobs``, or
        over the files the first worker finds (an early start, before this process has
        looked). Without ``texts`` the reports' free texts are sent as stand-ins
        (``raw.stand_in_prose``). None where this cannot be done (one core, no fork)."""
        if not can_fork():
            return None
        import signal

        count = min(usable_cores() - 1, 7)
        fds: list[int] = []
        try:
            files = []
            for _ in range(count):
                out, texts_fd = _unnamed_file(), _unnamed_file()
                fds += [out, texts_fd]
                files.append((out, texts_fd))
            read_end, write_end = os.pipe()
            fds += [read_end, write_end]
        except OSError:
            _close(fds)
            return None
        if jobs is not None:
            _fill(write_end, len(jobs))
            os.close(write_end)  # an empty queue now reads as end of file
            write_end = -1
        workers: list[_Worker] = []
        # Ctrl-C between a fork and the worker's own handling would unwind this process's
        # stack inside the worker: signals wait until each side is ready for them.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            for out, texts_fd in files:
                try:
                    pid = os.fork()
                except Exception:  # no process (limits), or a warning turned into an error
                    _close([out, texts_fd])
                    continue
                if pid == 0:  # pragma: no cover - runs in the worker (coverage does not follow)
                    # The first worker of an early start fills the queue once it has found
                    # the files; the others wait for its tokens (or for the end of the queue).
                    # Whatever happens, the worker ends here: it must never go on as a copy of
                    # this process.
                    try:
                        _work(
                            root, jobs, texts, read_end, write_end, not workers, out, texts_fd, mask
                        )
                    finally:
                        os._exit(1)
                workers.append(_Worker(pid, out, texts_fd))
            if write_end >= 0:
                os.close(write_end)
                write_end = -1
            readers = cls(root, texts, read_end, workers)
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            _end(workers)
            given = {fd for w in workers for fd in (w.out, w.texts)}
            _close([fd for pair in files for fd in pair if fd not in given])
            _close([read_end] if write_end < 0 else [read_end, write_end])
            raise
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if not workers:
            readers.stop()
            return None
        return readers

    def take(self) -> int | None:
        """The next chunk number from the queue, or None when this process should not take
        one: the queue is empty, or (before this process has needed the YAML parser) so
        short that the workers finish it sooner than the parser is imported here."""
        if self._queue is None:
            return None
        if "utsatta.load.yamlread" not in sys.modules and _queued(self._queue) < HELP_FROM:
            return None
        token = _take(self._queue)
        if token is None:
            os.close(self._queue)
            self._queue = None
        return token

    def collect(self) -> Iterator[tuple[str, object, tuple[Texts, int, int] | None]]:
        """Wait for the workers and give what they read: (key, RawFile, where its bytes are)."""
        if self._queue is not None:
            os.close(self._queue)
            self._queue = None
        workers, self._workers = self._workers, []
        try:
            while workers:
                worker = workers[0]
                _reap(worker.pid)
                texts = Texts(worker.texts)  # from here on, closed when no longer needed
                worker.texts = -1
                try:
                    for name, raw, at in _records(worker.out):
                        yield name, raw, None if at is None else (texts, *at)
                finally:
                    os.close(worker.out)
                    workers.pop(0)
        finally:
            _end(workers)  # only if the caller stopped early

    def stop(self) -> None:
        """End the workers without using their work."""
        if self._queue is not None:
            os.close(self._queue)
            self._queue = None
        workers, self._workers = self._workers, []
        _end(workers)


def _end(workers: list[_Worker]) -> None:
    import signal

    for worker in workers:
        with contextlib.suppress(OSError):
            os.kill(worker.pid, signal.SIGKILL)
        _reap(worker.pid)
        _close([fd for fd in (worker.out, worker.texts) if fd >= 0])


def _close(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _unnamed_file() -> int:
    """A file without a name: in memory on Linux (no import of tempfile, which costs more
    than the call), else an ordinary temporary file."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create("utsatta-las", os.MFD_CLOEXEC)
    import tempfile  # pragma: no cover - Linux has memfd_create

    return os.dup(tempfile.TemporaryFile().fileno())  # pragma: no cover


def _fill(fd: int, files: int) -> None:
    """Queue the chunk numbers for ``files`` files. Never blocks: a pipe with a smaller buffer
    than usual (64 kB: 131,072 files) queues fewer, and the main process reads the rest."""
    tokens = -(-files // CHUNK)
    os.set_blocking(fd, False)
    for first in range(0, tokens, _TOKENS_PER_WRITE):
        batch = range(first, min(first + _TOKENS_PER_WRITE, tokens))
        try:
            os.write(fd, b"".join(_TOKEN.pack(t) for t in batch))
        except BlockingIOError:
            return


def _queued(fd: int) -> int:
    """How many tokens wait in the queue now (Linux: bytes readable from the pipe)."""
    import fcntl
    import termios

    buf = bytearray(4)
    try:
        fcntl.ioctl(fd, termios.FIONREAD, buf)
    except OSError:
        return 0
    return int.from_bytes(buf, sys.byteorder) // _TOKEN.size


def _take(fd: int) -> int | None:
    # Every write and every read is a whole number of tokens, so a read never splits one.
    data = os.read(fd, _TOKEN.size)
    if len(data) != _TOKEN.size:
        return None
    token: int = _TOKEN.unpack(data)[0]
    return token


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _records(fd: int) -> Iterator[tuple[str, object, tuple[int, int] | None]]:
    """The complete records a worker wrote; a torn last record (a worker that died) ends it."""
    import pickle

    os.lseek(fd, 0, os.SEEK_SET)  # the worker's writes moved the offset this process shares
    with os.fdopen(os.dup(fd), "rb") as out:
        while True:
            head = out.read(_FRAME.size)
            if len(head) != _FRAME.size:
                return
            (size,) = _FRAME.unpack(head)
            blob = out.read(size)
            if len(blob) != size:
                return
            try:
                record = pickle.loads(blob)  # written by our own worker, see the module's doc
            except Exception:
                return
            yield record


def _work(
    root: Path,
    jobs: list[Job] | None,
    texts: bool,
    queue: int,
    fill: int,
    filler: bool,
    out_fd: int,
    texts_fd: int,
    mask: set[int],
) -> NoReturn:
    """A worker: take chunks until the queue is empty; never returns, never prints."""
    code = 1
    try:
        import signal

        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        # Never print, and never hold the terminal or a pipe of the main process open (a
        # reader of its output would wait for this worker too).
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.close(devnull)
        if fill >= 0 and not filler:
            os.close(fill)  # else this worker would keep the queue from ever ending
        import pickle

        from utsatta.load.raw import read_raw, stand_in_prose

        if jobs is None:
            jobs, _ = find_jobs(root)
        if fill >= 0 and filler:
            _fill(fill, len(jobs))
            os.close(fill)
        offset = 0
        with (
            os.fdopen(out_fd, "wb", closefd=False, buffering=1 << 16) as out,
            os.fdopen(texts_fd, "wb", closefd=False, buffering=1 << 16) as parsed,
        ):
            while (token := _take(queue)) is not None:
                for path, kind, display in jobs[token * CHUNK : (token + 1) * CHUNK]:
                    raw = read_raw(path, display, keep_bytes=True)
                    at = None
                    if raw.content is not None:
                        at = (offset, len(raw.content))
                        parsed.write(raw.content)
                        offset += len(raw.content)
                    raw.content = raw.text = None
                    if not texts and kind == "rapport":
                        raw.data = stand_in_prose(raw.data)
                    blob = pickle.dumps((key(root, path), raw, at), pickle.HIGHEST_PROTOCOL)
                    out.write(_FRAME.pack(len(blob)))
                    out.write(blob)
        code = 0
    except BaseException:  # a worker only ends; what it did not deliver is read by the parent
        pass
    finally:
        os._exit(code)


#: Workers started by the entry point before the command line was imported.
_early: Readers | None = None


def start_early(root: Path, *, texts: bool) -> None:
    """Start workers over ``root`` before this process has imported the command that will
    load it (``texts``: whether that command needs the reports' free texts)."""
    global _early
    _early = Readers.start(root, texts=texts)


def claim(root: Path, *, texts: bool) -> Readers | None:
    """The early workers, if they read ``root`` as this command will (the same folder as
    written, from the same working folder, with texts if it needs them); else they are
    stopped."""
    global _early
    readers, _early = _early, None
    if readers is None:
        return None
    try:
        same = readers.where == (os.getcwd(), str(root))  # noqa: PTH109
    except OSError:
        same = False
    if same and (readers.texts or not texts):
        return readers
    readers.stop()
    return None


def stop_early() -> None:
    """Stop early workers that no command claimed (called before the process ends)."""
    global _early
    readers, _early = _early, None
    if readers is not None:
        readers.stop()
