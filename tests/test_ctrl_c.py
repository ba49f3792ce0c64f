"""Ctrl-C at any moment of a run ends it quietly: "Avbrutet." on stderr, exit 130, never a
traceback (README: "Aldrig en traceback"). The console entry ``utsatta.cli:main`` imports
Typer and the commands inside its guard; before it only ``utsatta/__init__`` and
``utsatta/cli/__init__`` run, which import nothing Python has not loaded already
(docs/decisions/0260-ctrl-c-fran-forsta-raden.md)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from tests.support import ROOT
from utsatta.cli.output import by_interrupt

SRC = ROOT / "src"

# The console script pip writes (``import re, sys; from utsatta.cli import main; …``), with a
# line on stdout once Python's own start-up is over, so that the signal lands in our code. What
# happened when is read from a pipe, not guessed from the outcome: the test writes "S" just
# before it sends SIGINT, the child's C signal handler writes the signal's number the moment
# SIGINT arrives (set_wakeup_fd), and the script writes "E" once main is over; the order of the
# bytes is the order of the events.
CHILD = """
import re, sys
import os, _signal  # loaded by Python's start-up already
_signal.signal(_signal.SIGINT, _signal.default_int_handler)  # as in a terminal, not "cmd &"
events = int(sys.argv.pop(1))
os.set_blocking(events, False)
_signal.set_wakeup_fd(events)
sys.stdout.write("klar\\n")
sys.stdout.flush()
sys.argv = ["utsatta", *sys.argv[1:]]
from utsatta.cli import main
try:
    sys.exit(main())
finally:
    os.write(events, b"E")
"""

# The lines of the script that import utsatta and call main, and the modules whose top level
# runs before the guard in main.
_IMPORT_LINE = CHILD.splitlines().index("from utsatta.cli import main") + 1
_MAIN_LINE = CHILD.splitlines().index("    sys.exit(main())") + 1
_OURS = str(SRC / "utsatta") + os.sep
_BEFORE_MAIN = {str(SRC / "utsatta" / p / "__init__.py") for p in ("", "load", "cli")}
_FRAME = re.compile(r'File "([^"]+)", line (\d+), in (\S+)')
_TRACEBACK = "Traceback (most recent call last):\n"
_DURING = "\n\nDuring handling of the above exception, another exception occurred:\n\n"


def _before_main(stderr: str) -> bool:
    """Whether stderr is Python's traceback of an interrupt before ``main`` began, and nothing
    else: a traceback ending in a bare KeyboardInterrupt (after those of the exceptions being
    handled when it came, if any), starting in the script
    (``<string>``) at a line before main's frame: alone (the script's own line), or at the line
    that imports utsatta, with our frames all the top level of a module that runs before main
    (the rest is the import machinery: importlib, a finder that a .pth file put on the path).
    Not "Exception ignored in: …" (a Ctrl-C that Python swallowed), nor a traceback with a
    frame of main or of anything it calls, which all lie below main's frame."""
    tracebacks = stderr.split(_DURING)
    if not (
        all(t.startswith(_TRACEBACK) and t.count(_TRACEBACK) == 1 for t in tracebacks)
        and stderr.endswith("\nKeyboardInterrupt\n")
    ):
        return False
    # the last one is where the interrupt was raised, from the script down; any before it is
    # an exception that code on that same stack was handling (importlib's KeyError, seen)
    frames = [(f, int(line), where) for f, line, where in _FRAME.findall(tracebacks[-1])]
    if not frames:
        return False
    script, line, where = frames[0]
    if (script, where) != ("<string>", "<module>") or line > _MAIN_LINE:
        return False
    return len(frames) == 1 or (
        line == _IMPORT_LINE
        and all(
            where == "<module>" and f in _BEFORE_MAIN
            for f, _, where in frames[1:]
            if f.startswith(_OURS) or f == "<string>"
        )
    )


def _judge(code: int, out: str, err: str, events: bytes) -> str | None:
    """Check a run that SIGINT was sent to (``events``: what the pipe got, in order): why it
    may be skipped, or None when it ended as it must, with "Avbrutet." and 130."""
    sent, came, over = (events.find(b) for b in (b"S", bytes([signal.SIGINT]), b"E"))
    assert sent != -1, events
    if over != -1 and (over < sent or over < came):
        # main was over before the signal was sent or came: its run was whole, whatever
        # Python's shutdown made of the signal afterwards (see the decision)
        assert out.endswith("kontrollerade).\n"), (out, err)
        return "the check was over before the signal came"
    assert came != -1, ("sent while main ran, the signal never reached Python", code, err)
    if _before_main(err):
        f, line, where = _FRAME.findall(err)[-1]
        return f"the signal came before main began (allowed, see the decision), {f}:{line} {where}"
    assert (code, err) == (130, "Avbrutet.\n"), out
    return None


def _interrupted_run(delay: float) -> tuple[int, str, str, bytes]:
    """Run ``utsatta validate`` on the shipped data as the console script does, send SIGINT
    ``delay`` seconds after Python's start-up: exit code, stdout, stderr and the events."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a start-up as users have it, not recompiling
    read, write = os.pipe()
    with os.fdopen(read, "rb") as pipe:
        try:
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(write), "validate", "--data", str(ROOT / "data")],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                text=True,
                pass_fds=(write,),
            )
            assert child.stdout is not None
            assert child.stdout.readline() == "klar\n"
            time.sleep(delay)
            os.write(write, b"S")
            child.send_signal(signal.SIGINT)
        finally:
            os.close(write)  # the child's copy is then the only one: the pipe ends with it
        out, err = child.communicate(timeout=120)
        return child.returncode, out, err, pipe.read()


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03, 0.06, 0.1])
def test_ctrl_c_while_starting_or_running_ends_quietly_with_130(delay: float) -> None:
    skipped = _judge(*_interrupted_run(delay))
    if skipped:
        pytest.skip(skipped)


# Ctrl-C while CPython starts the C module _decimal (pydantic imports decimal while Typer reads
# the options, ~40 ms in): the start calls collections.namedtuple("DecimalTuple", …), Python code
# where the signal's KeyboardInterrupt is raised, after libmpdec's one-time set-up. Importing
# decimal again starts _decimal again, and libmpdec writes "mpd_setminalloc: ignoring request to
# set MPD_MINALLOC a second time" on stderr (decision 0549; seen in CI at delay 0.1 under load).
_IN_DECIMAL = """
import collections, sys
assert "_decimal" not in sys.modules, "decimal was imported before the test's hook"
namedtuple = collections.namedtuple

def interrupted_once(name, *args, **kwargs):
    if name == "DecimalTuple":
        collections.namedtuple = namedtuple  # a second start of _decimal gets the real one
        sys.__stdout__.write("avbrutet i _decimal\\n")
        raise KeyboardInterrupt
    return namedtuple(name, *args, **kwargs)

collections.namedtuple = interrupted_once
sys.argv = ["utsatta", "validate", "--data", sys.argv[1]]
from utsatta.cli import main
main()
"""


def test_ctrl_c_while_decimal_starts_ends_quietly_with_130() -> None:
    child = subprocess.run(
        [sys.executable, "-c", _IN_DECIMAL, str(ROOT / "data")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (child.returncode, child.stdout, child.stderr) == (
        130,
        "avbrutet i _decimal\n",
        "Avbrutet.\n",
    )


# Ctrl-C while a module is first imported (decimal: by pydantic while Typer reads the options;
# utsatta.escape: by the check): from the interrupt to the exit nothing is imported, since an
# import the signal cut short would run again (for decimal: the warning above).
_IN_IMPORT = """
import sys

data, module = sys.argv[1:]

class InterruptOnce:
    fired = False

    def find_spec(self, name, path=None, target=None):
        if InterruptOnce.fired:
            sys.__stderr__.write(f"importerad efter avbrottet: {name}\\n")
        elif name == module:
            InterruptOnce.fired = True
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, InterruptOnce())
sys.argv = ["utsatta", "validate", "--data", data]
from utsatta.cli import main
main()
"""


@pytest.mark.parametrize("module", ["decimal", "utsatta.escape", "utsatta.load.dataset"])
def test_nothing_is_imported_between_ctrl_c_and_the_exit(module: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", _IN_IMPORT, str(ROOT / "data"), module],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (child.returncode, child.stderr) == (130, "Avbrutet.\n")


def test_nothing_is_imported_before_the_guard() -> None:
    """What the console script imports before ``main`` runs: our two package modules and
    ``utsatta.load`` (empty), nothing of the standard library that start-up had not loaded."""
    code = (
        "import re, sys\n"
        "before = set(sys.modules)\n"
        "from utsatta.cli import main\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.stdout == "['utsatta', 'utsatta.cli', 'utsatta.load']\n", done.stderr


def _traceback(*frames: tuple[str, int, str]) -> str:
    lines = "".join(f'  File "{f}", line {n}, in {where}\n    x = 1\n' for f, n, where in frames)
    return f"{_TRACEBACK}{lines}KeyboardInterrupt\n"


_SCRIPT = ("<string>", _IMPORT_LINE, "<module>")
_IMPORTING = ("<frozen importlib._bootstrap>", 1176, "_find_and_load")
_CALLING_MAIN = ("<string>", _MAIN_LINE, "<module>")
_MAIN = (str(SRC / "utsatta" / "cli" / "__init__.py"), 60, "main")
_EARLY = _traceback(_SCRIPT, _IMPORTING, (str(SRC / "utsatta" / "__init__.py"), 104, "<module>"))
# Python's report of a Ctrl-C it swallowed (seen in the import lock's weakref callback), and
# the run went on to its end: exit 0 and the whole output
_SWALLOWED = (
    "Exception ignored in: <function _get_module_lock.<locals>.cb at 0x7f0>\n"
    'Traceback (most recent call last):\n  File "<frozen importlib._bootstrap>", line 204, in cb\n'
    "KeyboardInterrupt: \n"
)
_WHOLE = "0 fel och 1 varning i 1 fil (106 kontrollerade).\n"


def test_the_before_main_rule_tells_tracebacks_apart() -> None:
    finder = ("/v/site-packages/_distutils_hack/__init__.py", 95, "find_spec")  # a .pth's
    before = [
        _EARLY,
        _traceback(_SCRIPT, _IMPORTING, finder),
        _traceback(_SCRIPT),
        _traceback(("<string>", 2, "<module>")),
        _traceback(_CALLING_MAIN),  # before main's frame
        # importlib was handling a KeyError when the interrupt came (seen)
        _traceback(
            ("<frozen importlib._bootstrap_external>", 1437, "_path_importer_cache")
        ).replace("KeyboardInterrupt\n", "KeyError: '/s/utsatta'" + _DURING)
        + _EARLY,
    ]
    app = (str(SRC / "utsatta" / "cli" / "app.py"), 9, "<module>")
    typer = ("/v/site-packages/typer/main.py", 9, "__call__")
    not_before = [
        _traceback(_CALLING_MAIN, _MAIN),
        _traceback(_CALLING_MAIN, _MAIN, _IMPORTING, app),
        _traceback(_CALLING_MAIN, typer),  # a frame that can only be below main's
        _traceback(_SCRIPT, _IMPORTING, app),  # not a module that runs before main
        _traceback(("<string>", _MAIN_LINE + 2, "<module>")),  # after main
        _traceback(("/x/bin/utsatta", _IMPORT_LINE, "<module>")),
        _EARLY.replace("KeyboardInterrupt\n", "KeyError: 'x'" + _DURING)
        + _traceback(_CALLING_MAIN, _MAIN),  # the last one counts
        _EARLY + _EARLY,
        _SWALLOWED,
        _SWALLOWED + _EARLY,
        _EARLY.replace("KeyboardInterrupt", "ValueError"),
    ]
    assert [t for t in before if not _before_main(t)] == []
    assert [t for t in not_before if _before_main(t)] == []


def test_a_swallowed_ctrl_c_fails_and_is_never_skipped() -> None:
    with pytest.raises(AssertionError):  # the signal came while main ran (before "E")
        _judge(0, _WHOLE, _SWALLOWED, b"S\x02E")
    with pytest.raises(AssertionError):
        _judge(1, _WHOLE, _SWALLOWED, b"S\x02E")
    with pytest.raises(AssertionError):  # even if its stderr held nothing
        _judge(0, _WHOLE, "", b"S\x02E")


def test_the_judge_skips_only_what_the_events_show() -> None:
    over = "the check was over before the signal came"
    assert _judge(130, "", "Avbrutet.\n", b"S\x02E") is None
    assert _judge(0, _WHOLE, "", b"ES\x02") == over
    assert _judge(0, _WHOLE, "", b"SE\x02") == over  # sent while main ended, came after it
    assert _judge(-signal.SIGINT, _WHOLE, "", b"ES") == over
    assert _judge(-signal.SIGINT, "", _EARLY, b"S\x02").startswith("the signal came before main")
    with pytest.raises(AssertionError):  # over before the signal, but the output was cut short
        _judge(0, "", "", b"ES\x02")
    with pytest.raises(AssertionError):  # a traceback from main's frames
        _judge(1, "", _traceback(_CALLING_MAIN, _MAIN), b"S\x02E")
    with pytest.raises(AssertionError):  # sent while main ran, never came (SIGINT ignored)
        _judge(0, _WHOLE, "", b"SE")


# Python 3.11 wraps a KeyboardInterrupt raised in a class's __set_name__ (a lazy import while
# Ctrl-C comes) in "RuntimeError: Error calling __set_name__"; the run is still interrupted.
_WRAPPED = """
import sys, types

def wrapped(*args, **kwargs):
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as exc:
        raise RuntimeError("Error calling __set_name__") from exc

def bug(*args, **kwargs):
    raise RuntimeError("a bug")

where, kind = sys.argv[1:3]
raise_ = wrapped if kind == "interrupt" else bug
if where == "command":
    import utsatta.cli.app as app
    app.app = raise_
else:  # while the command line is imported
    class Module(types.ModuleType):
        def __getattr__(self, name):
            raise_()
    sys.modules["utsatta.cli.app"] = Module("utsatta.cli.app")
from utsatta.cli import main
sys.argv = ["utsatta", "validate"]
main()
"""


def _wrapped(where: str, kind: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WRAPPED, where, kind],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize("where", ["command", "import"])
def test_ctrl_c_wrapped_in_another_exception_ends_quietly_with_130(where: str) -> None:
    child = _wrapped(where, "interrupt")
    assert (child.returncode, child.stderr) == (130, "Avbrutet.\n")


@pytest.mark.parametrize("where", ["command", "import"])
def test_a_bug_without_ctrl_c_keeps_its_traceback(where: str) -> None:
    child = _wrapped(where, "bug")
    assert child.returncode == 1
    assert child.stderr.endswith("RuntimeError: a bug\n")
    assert "Avbrutet" not in child.stderr


def _raised(make: Callable[[], None]) -> BaseException:
    try:
        make()
    except BaseException as exc:
        return exc
    raise AssertionError("nothing was raised")


def _wrapped_interrupt() -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as exc:
        raise RuntimeError("Error calling __set_name__") from exc


def _bug_while_interrupted() -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        raise LookupError("a bug in the cleanup") from None


def _interrupt_in_cleanup_shown() -> None:
    try:
        raise KeyboardInterrupt
    finally:
        raise OSError("the cleanup failed too")  # the case under test


def _interrupt_in_a_group() -> None:
    raise BaseExceptionGroup("tasks", [ValueError("a"), KeyboardInterrupt()])


def _bug_after_a_handled_error() -> None:
    try:
        raise ValueError("handled")
    except ValueError:
        raise RuntimeError("a bug") from None


@pytest.mark.parametrize(
    ("make", "interrupted"),
    [
        (_wrapped_interrupt, True),  # Python 3.11's __set_name__ wrapping: the cause
        (_interrupt_in_cleanup_shown, True),  # the traceback would show the interrupt
        (_interrupt_in_a_group, True),
        (_bug_while_interrupted, False),  # 'from None': the author hid the interrupt
        (_bug_after_a_handled_error, False),
    ],
)
def test_the_chain_is_read_as_pythons_traceback_shows_it(
    make: Callable[[], None], interrupted: bool
) -> None:
    assert by_interrupt(_raised(make)) is interrupted
