"""Parse data files in worker processes, started as early as possible.

Parsing YAML is most of the work of ``validate`` on a large folder, and importing Typer,
pydantic and the models is most of the rest (about 0.14 s, as long as parsing 500 reports).
So the console entry point forks the workers first thing, before those imports
(``start_early``, from ``utsatta.start``), and ``dataset.load`` claims them for its folder
(``claim``); on two cores the files are parsed while this process imports. ``dataset.load``
also starts workers itself for a large folder when none were started early.

The work is a queue of chunk numbers in a pipe, as in make's jobserver: a process takes the
next chunk by reading one token, so no chunk is read twice, and this process joins in as soon
as it is ready. Workers only run stage one (``raw.read_raw``: plain data and YAML problems, no
pydantic) and append to an unnamed file of their own one record per file: its result and the
bytes that were parsed. This process does the schema check, and finds the line and column of a
finding in exactly those bytes (never in a newer version of the file). Results are keyed by
the file's path as found from the data folder as written (the same in every process, since
``claim`` requires the same folder and working folder), and any file that no worker delivered
whole (a worker died, a file appeared in between, the queue was short) is read here: workers
can make loading faster, never different. Nothing here prints.

The results are pickles, read back only from an unnamed file that this process created and a
child of its own wrote: they hold the plain data of the parsed YAML, never anything built from
it.
"""

from __future__ import annotations

import contextlib
import math
import os
import struct
import sys
from pathlib import Path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing before the fork

# Few imports here: this module runs before the worker processes are forked, and whatever it
# imports delays them.
if TYPE_CHECKING:
    import mmap
    from collections.abc import Iterator
    from typing import Any, NoReturn

    from utsatta.findings import Issue

#: A job: the file, its kind and the path users see.
Job = tuple[Path, str, str]

#: Files per token: small enough to balance the processes, large enough to keep the queue short.
CHUNK = 8
#: This process joins in only while this many tokens are queued: importing the YAML parser
#: here costs as much as parsing about 15 chunks.
HELP_FROM = 16
#: Whether this process takes chunks from the queue too (tests switch it off, so that every
#: file is read by a worker).
PARENT_HELPS = True
#: At most this many workers, however many cores there are.
MAX_WORKERS = 7
_TOKEN = struct.Struct("<I")
#: A record: the pickle's length and the parsed bytes' length, then the pickle, then the bytes.
_FRAME = struct.Struct("<QQ")
#: Writes of at most PIPE_BUF bytes to a pipe are atomic; POSIX guarantees 512.
_TOKENS_PER_WRITE = 512 // _TOKEN.size
#: This process's cgroups, and the file system where their CPU quotas are (v2 and v1).
PROC_CGROUP = Path("/proc/self/cgroup")
CGROUP_ROOT = Path("/sys/fs/cgroup")


def find_jobs(root: Path, issues: list[Issue] | None = None) -> tuple[list[Job], set[int]]:
    """Every data file of ``root`` as a job, and the report years that have a folder."""
    from utsatta.load.files import discover, display_path

    found, years = discover(root, [] if issues is None else issues)
    return [(path, kind, display_path(path)) for path, kind in found], years


def usable_cores() -> int:
    """The cores this process may use: its CPU affinity, within the CPU quota of its cgroup
    (a container's or a service's limit) where one is set."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    quota = _cgroup_quota()
    return cores if quota is None else max(1, min(cores, quota))


def _cgroup_quota() -> int | None:
    """The CPU quota in whole cores (rounded up) of this process's cgroup and its parents."""
    try:
        lines = PROC_CGROUP.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    limits: list[float] = []
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":  # cgroup v2: cpu.max ("max 100000" or "150000 100000")
            here = CGROUP_ROOT / path.lstrip("/")
            name, period_name = "cpu.max", None
        elif "cpu" in controllers.split(","):  # cgroup v1
            here = CGROUP_ROOT / controllers / path.lstrip("/")
            name, period_name = "cpu.cfs_quota_us", "cpu.cfs_period_us"
        else:
            continue
        for folder in [here, *here.parents]:
            if not folder.is_relative_to(CGROUP_ROOT):
                break
            limit = _limit(folder, name, period_name)
            if limit is not None:
                limits.append(limit)
    return math.ceil(min(limits)) if limits else None


def _limit(folder: Path, name: str, period_name: str | None) -> float | None:
    try:
        text = (folder / name).read_text(encoding="ascii").split()
        if period_name is None:
            quota, period = text
        else:
            quota, period = text[0], (folder / period_name).read_text(encoding="ascii").strip()
        if quota in ("max", "-1"):
            return None
        return int(quota) / int(period)
    except (OSError, ValueError):
        return None


def can_fork() -> bool:
    # Linux only: fork is unavailable on Windows and unsafe with macOS system libraries. Not
    # when SIGCHLD is ignored either (inherited from whoever started us): the kernel would
    # reap the workers itself, and a pid this process still holds could name another process.
    import signal

    return (
        sys.platform.startswith("linux")
        and signal.getsignal(signal.SIGCHLD) is not signal.SIG_IGN
        and usable_cores() >= 2
    )


@contextlib.contextmanager
def _uninterrupted() -> Iterator[set[int]]:
    """Hold Ctrl-C and SIGTERM back while processes and descriptors change hands, so that they
    are never both owned and released, or neither. One that came meanwhile is raised after.
    Gives the signal mask from before (a forked worker sets it back)."""
    import signal

    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield mask
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


class Texts:
    """The bytes a worker parsed: its file, mapped into memory until no finding needs them.

    The mapping keeps one descriptor of its own before Python 3.13 (none from 3.13 on), and
    copies of a data set share it.
    """

    __slots__ = ("_map",)

    def __init__(self, mapped: mmap.mmap) -> None:
        self._map = mapped

    def read(self, offset: int, length: int) -> bytes:
        return self._map[offset : offset + length]

    def __copy__(self) -> Texts:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Texts:
        return self


class _Worker:
    __slots__ = ("out", "pid")

    def __init__(self, pid: int, out: int) -> None:
        self.pid = pid
        self.out = out


class Readers:
    """Worker processes reading the files of one data folder."""

    def __init__(self, root: Path, texts: bool, queue: int, workers: list[_Worker]) -> None:
        self.texts = texts
        # Keys and the paths users see depend on the folder as written and on the working
        # folder: a command may use the workers only if both are the same (see claim).
        try:
            cwd = os.getcwd()  # noqa: PTH109
        except OSError:  # the working folder was removed: claim will not match
            cwd = ""
        self.where = (cwd, str(root))
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
        count = min(usable_cores() - 1, MAX_WORKERS)
        opened: list[int] = []  # every descriptor this call opened and still owns
        workers: list[_Worker] = []
        readers: Readers | None = None

        def undo() -> None:
            if readers is not None:
                readers.stop()  # its workers and its queue
            _end(workers)  # closes the workers' files too
            workers.clear()
            _close(opened)
            opened.clear()

        # Ctrl-C between a fork and the worker's own handling would unwind this process's
        # stack inside the worker: signals wait until each side is ready for them. A signal
        # that came meanwhile is raised when they are let through again; then nothing of
        # this call may be left behind either.
        try:
            with _uninterrupted() as mask:
                try:
                    try:
                        outs, read_end, write_end = _open_files(count, jobs, opened)
                    except OSError:  # out of descriptors or memory: read in this process
                        undo()
                        return None
                    queue = (read_end, write_end, os.getpid())
                    _fork_workers(root, jobs, texts, queue, outs, mask, opened, workers)
                    if write_end >= 0:
                        _close([write_end])
                        opened.remove(write_end)
                    # From here the readers own the workers and the queue (undo stops them once).
                    readers = cls(root, texts, read_end, workers)
                    workers = []
                    opened.remove(read_end)
                    _close(opened)  # the files of forks that failed
                    opened.clear()
                    if not readers._workers:
                        readers.stop()
                        readers = None
                except BaseException:
                    undo()
                    raise
        except BaseException:
            undo()
            raise
        return readers

    def take(self) -> int | None:
        """The next chunk number from the queue, or None when this process should not take
        one: the queue is empty, or (before this process has needed the YAML parser) so
        short that the workers finish it sooner than the parser is imported here."""
        if self._queue is None or not PARENT_HELPS:
            return None
        if "utsatta.load.yamlread" not in sys.modules and _queued(self._queue) < HELP_FROM:
            return None
        token = _take(self._queue)
        if token is None:
            self._close_queue()
        return token

    def collect(self) -> Iterator[tuple[str, object, tuple[Texts, int, int] | None]]:
        """Wait for the workers and give what they read: (key, RawFile, where its bytes are)."""
        self._close_queue()
        try:
            while self._workers:
                with _uninterrupted():  # waited for, mapped and released as one step
                    worker = self._workers[0]
                    _reap(worker.pid)
                    self._workers.pop(0)  # waited for: its pid must never be killed again
                    try:
                        mapped = _map(worker.out)
                    finally:
                        _close([worker.out])
                if mapped is not None:
                    yield from _records(mapped)
        finally:
            self.stop()  # only if the caller stopped early

    def stop(self) -> None:
        """End the workers without using their work."""
        with _uninterrupted():
            self._close_queue()
            workers, self._workers = self._workers, []
            _end(workers)

    def _close_queue(self) -> None:
        with _uninterrupted():
            queue, self._queue = self._queue, None
            if queue is not None:
                _close([queue])


def _open_files(
    count: int, jobs: list[Job] | None, opened: list[int]
) -> tuple[list[int], int, int]:
    """A result file per worker and the queue, each noted in ``opened`` as soon as it exists.
    With ``jobs`` the queue is filled here and its write end closed (-1): an empty queue then
    reads as end of file; else the first worker fills it."""
    outs = []
    for _ in range(count):
        outs.append(_unnamed_file())
        opened.append(outs[-1])
    read_end, write_end = os.pipe()
    opened += [read_end, write_end]
    if jobs is not None:
        _fill(write_end, len(jobs))
        _close([write_end])
        opened.remove(write_end)
        write_end = -1
    return outs, read_end, write_end


def _fork_workers(
    root: Path,
    jobs: list[Job] | None,
    texts: bool,
    queue: tuple[int, int, int],
    outs: list[int],
    mask: set[int],
    opened: list[int],
    workers: list[_Worker],
) -> None:
    """Fork a worker per result file; each started one moves from ``opened`` to ``workers``."""
    for out in outs:
        try:
            pid = os.fork()
        except Exception:  # no process (limits), or a warning turned into an error
            continue
        if pid == 0:  # pragma: no cover - the worker (coverage does not follow)
            # The first worker of an early start fills the queue once it has found the files;
            # the others wait for its tokens (or the end of the queue). Whatever happens, the
            # worker ends here: it must never go on as a copy of this process.
            try:
                _work(root, jobs, texts, queue, not workers, out, mask)
            finally:
                os._exit(1)
        opened.remove(out)
        workers.append(_Worker(pid, out))


def _end(workers: list[_Worker]) -> None:
    """Kill, wait for and release workers (signals held back by the caller)."""
    import signal

    for worker in workers:
        with contextlib.suppress(OSError):
            os.kill(worker.pid, signal.SIGKILL)
        _reap(worker.pid)
        _close([worker.out])


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

    with tempfile.TemporaryFile() as fh:  # pragma: no cover
        return os.dup(fh.fileno())


def _map(fd: int) -> mmap.mmap | None:
    import mmap

    # From Python 3.13 the mapping need not keep a descriptor of its own.
    extra: dict[str, Any] = {"trackfd": False} if sys.version_info >= (3, 13) else {}
    try:
        size = os.fstat(fd).st_size
        return mmap.mmap(fd, size, prot=mmap.PROT_READ, **extra) if size else None
    except (OSError, ValueError):
        return None


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


def _records(mapped: mmap.mmap) -> Iterator[tuple[str, object, tuple[Texts, int, int] | None]]:
    """The whole records a worker wrote; a torn last one (a worker that died) ends them."""
    import pickle

    texts = Texts(mapped)
    view = memoryview(mapped)
    at, end = 0, len(mapped)
    try:
        while at + _FRAME.size <= end:
            size, length = _FRAME.unpack_from(view, at)
            start = at + _FRAME.size
            at = start + size + length
            if at > end:
                return
            try:
                name, raw = pickle.loads(view[start : start + size])  # our worker's, see above
            except Exception:
                return
            yield name, raw, (texts, start + size, length) if length else None
    finally:
        view.release()


def _work(
    root: Path,
    jobs: list[Job] | None,
    texts: bool,
    queue: tuple[int, int, int],
    filler: bool,
    out_fd: int,
    mask: set[int],
) -> NoReturn:
    """A worker: take chunks until the queue is empty; never returns, never prints.

    ``queue`` is the pipe's two ends (the write end, or -1, for the worker that fills it) and
    the main process's pid."""
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
        read_end, fill, parent = queue
        if fill >= 0 and not filler:
            os.close(fill)  # else this worker would keep the queue from ever ending
        import pickle

        from utsatta.load.raw import read_raw, stand_in_prose

        if jobs is None:
            jobs, _ = find_jobs(root)
        if fill >= 0 and filler:
            _fill(fill, len(jobs))
            os.close(fill)
        with os.fdopen(out_fd, "wb", closefd=False, buffering=1 << 16) as out:
            while (token := _take(read_end)) is not None:
                if os.getppid() != parent:
                    break  # the main process is gone: nobody will read this
                for path, kind, display in jobs[token * CHUNK : (token + 1) * CHUNK]:
                    raw = read_raw(path, display, keep_bytes=True)
                    content, raw.content, raw.text = raw.content or b"", None, None
                    if not texts and kind == "rapport":
                        raw.data = stand_in_prose(raw.data)
                    blob = pickle.dumps((str(path), raw), pickle.HIGHEST_PROTOCOL)
                    # One record holds both, so a record that is whole has its bytes too.
                    out.write(_FRAME.pack(len(blob), len(content)))
                    out.write(blob)
                    out.write(content)
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
    with _uninterrupted():  # handed over or stopped, never lost in between
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
    with _uninterrupted():
        readers, _early = _early, None
        if readers is not None:
            readers.stop()
