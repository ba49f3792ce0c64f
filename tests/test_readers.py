"""Worker processes that parse files (utsatta.load.readers) and the early start of the entry
point (utsatta.start): faster, never different."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer

from tests.test_cases import BASE, CASE_DIRS, CASES, build_case
from utsatta.check import resolve, validate
from utsatta.check.schema import schema_issues
from utsatta.cli import app
from utsatta.findings import Issue
from utsatta.load import dataset, readers
from utsatta.load.raw import PROSE, PROSE_LISTS, STAND_IN, stand_in_prose
from utsatta.model.common import TEXT_PATTERN
from utsatta.model.rapport import RapportFil
from utsatta.start import EARLY_COMMANDS, early_data_dir

needs_fork = pytest.mark.skipif(not readers.can_fork(), reason="needs Linux and two cores")


def _gone(pid: int) -> bool:
    """True when ``pid`` is no child of this process any more (it was waited for)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


# --- the early start: which arguments it trusts ------------------------------------------


def _options(command: Any) -> tuple[set[str], set[str], int]:
    values: set[str] = set()
    flags: set[str] = set()
    arguments = 0
    for param in command.params:
        if param.param_type_name == "option":  # Typer carries its own copy of Click
            names = {*param.opts, *param.secondary_opts} - {"--help"}
            (flags if param.is_flag else values).update(names)
        else:
            arguments += 1
    return values, flags, arguments


@pytest.mark.parametrize("name", sorted(EARLY_COMMANDS))
def test_early_start_knows_every_option_of_its_commands(name: str) -> None:
    """The entry point reads the arguments before Typer does; a new option on the command
    must be added there too (or the early start would skip, or misread, a call)."""
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    values, flags, arguments = _options(command)
    known_values, known_flags, positionals, _ = EARLY_COMMANDS[name]
    assert values == set(known_values)
    assert flags == set(known_flags)
    # validate takes any number of files (none for an early start); report takes the year.
    assert arguments == 1
    assert positionals == (0 if name == "validate" else 1)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate"], "data"),
        (["validate", "--data", "other"], "other"),
        (["validate", "--data=other"], "other"),
        (["validate", "--strict", "--year", "2023", "--format", "json"], "data"),
        (["validate", "--ar=2023", "--data", "other"], "other"),
        (["report", "2023"], "data"),
        (["report", "2023", "--format", "html", "--output", "r.html", "--force"], "data"),
        (["report", "--check", "--output", "r.md", "2023", "--data", "other"], "other"),
        (["validate", "data/rapporter/2023/a.yaml"], None),  # files: a partial check
        (["validate", "--help"], None),
        (["validate", "--year"], None),  # the value is missing: Typer reports it
        (["validate", "--okand"], None),
        (["validate", "--", "x"], None),
        (["report"], None),
        (["report", "2023", "2024"], None),
        (["plan"], None),
        ([], None),
    ],
)
def test_early_start_reads_only_calls_it_understands(
    args: list[str], expected: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("data", "other"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.yaml").write_text("schemaversion: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    found = early_data_dir(args)
    assert found == (None if expected is None else Path(expected))


def test_early_start_follows_the_data_folder_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "env").mkdir()
    (tmp_path / "env" / "plan.yaml").write_text("schemaversion: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("UTSATTA_DATA", str(tmp_path / "env"))
    assert early_data_dir(["validate"]) == tmp_path / "env"


# --- workers give the same findings --------------------------------------------------------


@needs_fork
@pytest.mark.parametrize("case", CASE_DIRS, ids=[c.name for c in CASE_DIRS])
def test_early_workers_give_the_same_findings(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers started before the command (as `utsatta validate` does) change nothing."""
    build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    alone = validate(Path("data")).findings
    monkeypatch.setattr(readers, "PARENT_HELPS", False)  # every file is read by a worker
    readers.start_early(Path("data"), texts=False)
    assert readers._early is not None
    pids = [w.pid for w in readers._early._workers]
    result = validate(Path("data"))
    assert result.findings == alone
    assert all(f.text is None for f in result.dataset.files())  # none was read here
    assert readers._early is None  # claimed
    assert all(_gone(pid) for pid in pids)  # and waited for


@needs_fork
def test_a_worker_that_dies_costs_nothing_but_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that writes half a record and dies: the main process reads every file."""
    case = next(c for c in CASE_DIRS if c.name.startswith("schema"))
    build_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    alone = validate(Path("data")).findings

    def dying(
        root: Path, jobs: Any, texts: bool, queue: Any, filler: bool, out_fd: int, *_: Any
    ) -> None:
        os.read(queue[0], 4 * 3)  # takes three chunks from the queue, which are then lost …
        os.write(out_fd, struct.pack("<QQ", 1000, 10) + b"\x80\x05")  # … and a torn record
        os._exit(1)

    monkeypatch.setattr(readers, "_work", dying)
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    assert validate(Path("data")).findings == alone


@needs_fork
def test_positions_come_from_the_bytes_the_worker_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file saved again after a worker parsed it: the findings keep the lines of the version
    that was checked, not of the new one."""
    build_case(CASES / "ogiltigt-varde", tmp_path)
    monkeypatch.chdir(tmp_path)
    expected = validate(Path("data")).findings
    assert [f.line for f in expected] == [6, 9]
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    monkeypatch.setattr(readers, "PARENT_HELPS", False)
    ds = dataset.load(Path("data"), texts=False)
    report = Path("data/rapporter/2023/grundskolenamnden.yaml")
    read_by_worker = next(f for f in ds.rapporter if f.path == report)
    assert read_by_worker.text is None and read_by_worker._bytes_at is not None
    report.write_text("# ny rad\n" * 5 + report.read_text(encoding="utf-8"), encoding="utf-8")
    assert resolve(ds, list(ds.issues)) == expected


@needs_fork
def test_workers_started_from_another_working_folder_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same folder as written but another working folder is another folder: its files'
    results (and the paths users see) must not be used."""
    a, b = tmp_path / "a", tmp_path / "b"
    build_case(CASES / "dubblett-nyckel", a)
    build_case(CASES / "tom-text", b)
    monkeypatch.chdir(b)
    expected = validate(Path("data")).findings
    monkeypatch.chdir(a)
    readers.start_early(Path("data"), texts=False)
    assert readers._early is not None
    pids = [w.pid for w in readers._early._workers]
    monkeypatch.chdir(b)
    assert validate(Path("data")).findings == expected
    assert all(_gone(pid) for pid in pids)


@needs_fork
def test_workers_are_stopped_when_loading_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case(CASE_DIRS[0], tmp_path)
    monkeypatch.chdir(tmp_path)
    started: list[readers.Readers] = []
    real_start = readers.Readers.start.__func__  # type: ignore[attr-defined]

    def start(cls: Any, *args: Any, **kwargs: Any) -> Any:
        started.append(real_start(cls, *args, **kwargs))
        return started[-1]

    def broken(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(readers.Readers, "start", classmethod(start))
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    monkeypatch.setattr(dataset, "check_raw", broken)
    with pytest.raises(KeyboardInterrupt):
        validate(Path("data"))
    assert started and started[0] is not None
    assert not started[0]._workers  # all stopped and waited for


@pytest.mark.parametrize(
    ("cgroup", "files", "cores"),
    [
        ("0::/\n", {"cpu.max": "max 100000"}, 4),
        ("0::/a/b\n", {"a/cpu.max": "150000 100000", "a/b/cpu.max": "max 100000"}, 2),
        ("0::/a/b\n", {"a/cpu.max": "300000 100000", "a/b/cpu.max": "50000 100000"}, 1),
        (
            "2:cpuacct:/\n1:cpu:/\n",
            {"cpu/cpu.cfs_quota_us": "-1", "cpu/cpu.cfs_period_us": "100000"},
            4,
        ),
        (
            "1:cpu,cpuacct:/d\n",
            {
                "cpu,cpuacct/d/cpu.cfs_quota_us": "250000",
                "cpu,cpuacct/d/cpu.cfs_period_us": "100000",
            },
            3,
        ),
        ("0::/\n", {}, 4),
    ],
)
def test_a_cgroup_cpu_quota_limits_the_workers(
    cgroup: str,
    files: dict[str, str],
    cores: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A container's or a service's CPU quota (cgroup v2, nested, or v1), rounded up."""
    (tmp_path / "cgroup").write_text(cgroup, encoding="ascii")
    for name, text in files.items():
        (tmp_path / "fs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "fs" / name).write_text(text + "\n", encoding="ascii")
    monkeypatch.setattr(readers, "PROC_CGROUP", tmp_path / "cgroup")
    monkeypatch.setattr(readers, "CGROUP_ROOT", tmp_path / "fs")
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3})
    assert readers.usable_cores() == cores
    assert readers.can_fork() == (cores >= 2)


def _open_fds() -> set[str]:
    return {p.name for p in Path("/proc/self/fd").iterdir()}


def _recorded_forks(
    monkeypatch: pytest.MonkeyPatch, then: Callable[[], object] = lambda: None
) -> list[int]:
    """The pids of the workers forked from now on; ``then`` runs in this process after each."""
    real_fork = os.fork
    pids: list[int] = []

    def fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
            then()
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids


@needs_fork
def test_ctrl_c_while_forking_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C that comes while the workers are forked is held back and raised after; then
    no worker, descriptor or queue may be left behind."""
    import signal

    before = _open_fds()
    # Blocked while forking: raised when let through.
    pids = _recorded_forks(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt):
        readers.Readers.start(BASE, texts=False)
    assert pids and all(_gone(pid) for pid in pids)
    assert _open_fds() == before


@needs_fork
def test_ctrl_c_while_collecting_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case(CASE_DIRS[0], tmp_path)
    monkeypatch.chdir(tmp_path)
    started = _recorded_forks(monkeypatch)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(readers, "_map", interrupted)
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    monkeypatch.setattr(readers, "PARENT_HELPS", False)
    before = _open_fds()
    with pytest.raises(KeyboardInterrupt):
        validate(Path("data"))
    assert started and all(_gone(pid) for pid in started)
    assert _open_fds() == before


def test_no_descriptors_left_means_reading_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Out of file descriptors for the workers' files: the files are read in this process."""
    import errno

    build_case(CASE_DIRS[0], tmp_path)
    monkeypatch.chdir(tmp_path)
    alone = validate(Path("data")).findings

    def exhausted() -> int:
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(readers, "_unnamed_file", exhausted)
    monkeypatch.setattr(readers, "can_fork", lambda: True)
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    assert readers.Readers.start(Path("data"), texts=False) is None
    assert validate(Path("data")).findings == alone


def test_no_workers_when_sigchld_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel would reap them itself, and their pids could name other processes."""
    import signal

    monkeypatch.setattr(readers, "usable_cores", lambda: 4)
    monkeypatch.setattr(sys, "platform", "linux")
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert not readers.can_fork()
    finally:
        signal.signal(signal.SIGCHLD, previous)
    assert readers.can_fork()


@needs_fork
def test_a_copied_data_set_keeps_its_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    import copy
    import gc

    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    monkeypatch.setattr(readers, "PARENT_HELPS", False)
    ds = dataset.load(BASE, texts=False)
    twin = copy.deepcopy(ds)
    del ds
    gc.collect()
    assert twin.plan is not None and twin.plan._bytes_at is not None
    assert twin.plan.positions().locate(("plan",), at_key=True) == (3, 1)


@needs_fork
def test_workers_for_another_folder_are_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case(CASE_DIRS[0], tmp_path)
    monkeypatch.chdir(tmp_path)
    readers.start_early(BASE, texts=False)
    assert readers._early is not None
    pids = [w.pid for w in readers._early._workers]
    assert readers.claim(Path("data"), texts=False) is None
    assert readers._early is None
    assert all(_gone(pid) for pid in pids)


@needs_fork
def test_workers_without_texts_do_not_serve_a_report(tmp_path: Path) -> None:
    readers.start_early(BASE, texts=False)
    assert readers.claim(BASE, texts=True) is None
    readers.start_early(BASE, texts=True)
    claimed = readers.claim(BASE, texts=False)  # full texts serve checks as well
    assert claimed is not None
    claimed.stop()


@needs_fork
def test_unclaimed_workers_are_stopped_and_waited_for() -> None:
    readers.start_early(BASE, texts=False)
    assert readers._early is not None
    pids = [w.pid for w in readers._early._workers]
    readers.stop_early()
    assert readers._early is None
    assert all(_gone(pid) for pid in pids)


def test_without_fork_files_are_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "can_fork", lambda: False)
    assert readers.Readers.start(BASE, texts=False) is None
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    assert validate(BASE).findings == []


# --- the queue -------------------------------------------------------------------------------


def test_the_queue_holds_one_token_per_chunk() -> None:
    r, w = os.pipe()
    readers._fill(w, 8 * 5 + 1)  # 41 files: 6 chunks
    os.close(w)
    tokens = []
    while (t := readers._take(r)) is not None:
        tokens.append(t)
    os.close(r)
    assert tokens == [0, 1, 2, 3, 4, 5]


@pytest.mark.skipif(sys.platform != "linux", reason="F_SETPIPE_SZ is Linux")
def test_a_small_pipe_never_blocks_the_queue() -> None:
    """With a one-page pipe only part of the queue fits; filling it must not block (the rest
    is read by the main process)."""
    r, w = os.pipe()
    fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ
    readers._fill(w, 8 * 100_000)
    os.close(w)
    count = 0
    while readers._take(r) is not None:
        count += 1
    os.close(r)
    assert count == 4096 // 4


@needs_fork
def test_a_short_queue_is_left_to_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before this process has needed the YAML parser, it takes no token from a queue of
    fewer than HELP_FROM (importing the parser would cost more than it saves)."""
    monkeypatch.delitem(sys.modules, "utsatta.load.yamlread", raising=False)
    r, w = os.pipe()
    readers._fill(w, readers.CHUNK * (readers.HELP_FROM - 1))
    os.close(w)
    short = readers.Readers(BASE, False, r, [])
    assert short.take() is None
    monkeypatch.setitem(sys.modules, "utsatta.load.yamlread", object())
    assert short.take() == 0
    short.stop()


# --- stand-ins for prose ---------------------------------------------------------------------


def _text_fields(schema: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The fields whose schema is a free text (``Text``), alone or in a list."""

    def is_text(prop: dict[str, Any]) -> bool:
        options = prop.get("anyOf", [prop])
        return any(o.get("pattern") == TEXT_PATTERN for o in options)

    single = {n for n, p in schema["properties"].items() if is_text(p)}
    lists = {n for n, p in schema["properties"].items() if is_text(p.get("items", {}))}
    return single, lists


def test_the_prose_fields_are_the_text_fields_of_an_insats() -> None:
    """Stand-ins replace exactly the free texts of an insats: a new text field must be
    added to raw.PROSE (or it is sent in full, which is only slower)."""
    schema = RapportFil.model_json_schema()
    assert _text_fields(schema["$defs"]["InsatsRapport"]) == (set(PROSE), set(PROSE_LISTS))


def _issues(data: Any) -> list[Issue]:
    return schema_issues("r.yaml", RapportFil, data)[1]


@pytest.mark.parametrize("value", ["Text.", "  x ", "", "   ", "\n", 5, 1.5, True, ["a"], {"a": 1}])
def test_a_stand_in_is_judged_as_the_text_it_stands_for(value: Any) -> None:
    """The same findings, word for word, whatever the free texts hold."""
    item = {
        "insats": "1:1",
        "status": "pagaende",
        "nulage": value,
        "omraden": [],
        "bedomning": "osakert",
        "fortsatt_arbete": value,
        "behov": [value, "Mer."],
        "motivering": value,
        "samordning": value,
    }
    data = {"schemaversion": 1, "ar": 2023, "organisation": "x", "insatser": [item]}
    assert _issues(stand_in_prose(data)) == _issues(data)


def test_stand_ins_leave_everything_else() -> None:
    data = {
        "organisation": "x",
        "insatser": [
            {"nulage": "Lång text.", "motivering": "  ", "behov": ["a", ""], "okand": "Text"},
            "inte en mappning",
        ],
    }
    assert stand_in_prose(data) == {
        "organisation": "x",
        "insatser": [
            {"nulage": STAND_IN, "motivering": "  ", "behov": [STAND_IN, ""], "okand": "Text"},
            "inte en mappning",
        ],
    }
    assert stand_in_prose(["a"]) == ["a"]
    assert stand_in_prose({"insatser": "x"}) == {"insatser": "x"}


# --- the console entry point ----------------------------------------------------------------


def _utsatta(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "utsatta", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_the_entry_point_keeps_the_exit_codes_and_all_output(tmp_path: Path) -> None:
    """It ends the process without Python's teardown: output must still be complete and the
    exit codes those of the README."""
    case = next(c for c in CASE_DIRS if c.name.startswith("schema"))
    data = build_case(case, tmp_path)
    failed = _utsatta("validate", "--data", str(data), "--format", "json")
    assert failed.returncode == 1
    assert failed.stdout.rstrip().endswith("}")  # the whole JSON document
    assert _utsatta("validate", "--data", str(BASE)).returncode == 0
    assert _utsatta("validate", "--data", str(BASE), "--year", "1999").returncode == 2
    assert _utsatta("validate", "--data", str(tmp_path / "saknas")).returncode == 3
    assert _utsatta("validate", "--format", "okant", "--data", str(BASE)).returncode == 2


@pytest.mark.parametrize("closed", [1, 2])
def test_a_closed_output_stream_does_not_change_the_exit_code(closed: int, tmp_path: Path) -> None:
    """`utsatta validate 2>&-` in a hook: the text is lost, never the verdict."""
    broken = build_case(next(c for c in CASE_DIRS if c.name.startswith("schema")), tmp_path)
    for data, code in ((BASE, 0), (broken, 1)):
        proc = subprocess.run(
            [sys.executable, "-m", "utsatta", "validate", "--data", str(data)],
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=lambda: os.close(closed),
        )
        assert proc.returncode == code, proc.stderr
        assert "Traceback" not in proc.stderr


def test_output_that_cannot_be_written_is_not_a_silent_success() -> None:
    """Output into a pipe nobody reads: exit 120, as Python itself gives, and no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "utsatta", "validate", "--data", str(BASE)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 120
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("raised", ["SystemExit(130)", "KeyboardInterrupt()"])
def test_ctrl_c_says_so_and_exits_130(raised: str) -> None:
    """Typer ends a command on Ctrl-C with a silent exit 130; the user is told."""
    code = (
        f"import utsatta.cli as cli\ndef main():\n    raise {raised}\ncli.main = main\ncli.run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 130
    assert proc.stderr == "Avbrutet.\n"


def test_under_a_profiler_the_process_ends_the_ordinary_way(tmp_path: Path) -> None:
    """cProfile and coverage write their results at exit; a hard exit would lose them."""
    out = tmp_path / "prof.out"
    data = ["--data", str(BASE)]
    proc = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "utsatta", "validate", *data],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 0
