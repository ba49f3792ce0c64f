"""Ctrl-C that Python cannot raise: a signal whose KeyboardInterrupt comes while Python runs a
weakref callback (the import lock's, seen once in 505 runs of the Ctrl-C loop) or a ``__del__``
is reported as "Exception ignored in: …" and the run goes on. The command line ends it as any
Ctrl-C: "Avbrutet." and 130, nothing else on stderr
(docs/decisions/0568-ctrl-c-som-python-inte-kan-kasta.md). Each test sends the real signal to
the real entry point at a chosen place, so that the result does not depend on timing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support import ROOT

SRC = ROOT / "src"
_WHOLE = "0 fel och 1 varning i 1 fil (106 kontrollerade).\n"
_SIGTERM = "Avbrutet av signalen SIGTERM (en begäran att avsluta, t.ex. när ett CI-jobb avbryts).\n"

# importlib's table of module locks, which the weakref callback of a module's lock reads when
# the lock goes (_get_module_lock.<locals>.cb): the signal comes in the middle of that
# callback, when the lock of the module MODULE goes, as a real one did.
_IN_THE_LOCKS_CALLBACK = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, not "cmd &"
import _frozen_importlib as bootstrap

data, module, name = sys.argv[1:]

class Locks(dict):
    fired = False

    def get(self, key, default=None):
        if key == module and not Locks.fired and sys._getframe(1).f_code.co_name == "cb":
            Locks.fired = True
            sys.__stdout__.write("signalen kom i låsets återanrop\\n")
            sys.__stdout__.flush()
            signal.raise_signal(getattr(signal, name))
        return super().get(key, default)

bootstrap._module_locks = Locks(bootstrap._module_locks)
sys.argv = ["utsatta", "validate", "--data", data]
from utsatta.cli import main
main()
"""


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )


@pytest.mark.parametrize(
    ("module", "name", "code", "stderr"),
    [
        ("typer", "SIGINT", 130, "Avbrutet.\n"),  # in main's guard, before install()
        ("utsatta.load.dataset", "SIGINT", 130, "Avbrutet.\n"),  # in the command
        ("utsatta.load.dataset", "SIGTERM", 143, _SIGTERM),  # raised as Ctrl-C by install()
    ],
)
def test_a_signal_in_the_import_locks_callback_ends_the_run(
    module: str, name: str, code: int, stderr: str
) -> None:
    child = _run(_IN_THE_LOCKS_CALLBACK, str(ROOT / "data"), module, name)
    # nothing of the check was written: it was stopped then, not at its end
    assert (child.returncode, child.stdout, child.stderr) == (
        code,
        "signalen kom i låsets återanrop\n",
        stderr,
    )


# A __del__ that the signal comes in, while a module is being found (the command runs), and
# code that swallows every exception where the interrupt is raised again: the run goes on to
# its end, and still ends as interrupted. Or a bug in a __del__: Python's report, as before.
_IN_A_DEL = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, not "cmd &"

data, kind = sys.argv[1:]

class Dies:
    def __del__(self):
        if kind == "interrupt":
            signal.raise_signal(signal.SIGINT)
        else:
            raise ValueError("en bugg")

class Finder:
    fired = False

    def find_spec(self, name, path=None, target=None):
        if name == "utsatta.load.dataset" and not Finder.fired:
            Finder.fired = True
            try:
                Dies()  # gone at once: its __del__ runs here
                len(())  # the next call, where an interrupt is raised again
            except BaseException:
                sys.__stdout__.write("svalt\\n")
        return None

sys.meta_path.insert(0, Finder())
sys.argv = ["utsatta", "validate", "--data", data]
from utsatta.cli import main
main()
"""


def test_an_interrupt_swallowed_again_still_ends_the_run_as_interrupted() -> None:
    child = _run(_IN_A_DEL, str(ROOT / "data"), "interrupt")
    assert (child.returncode, child.stderr) == (130, "Avbrutet.\n")
    assert child.stdout.startswith("svalt\n")
    assert child.stdout.endswith(_WHOLE)


def test_another_exception_python_cannot_raise_is_still_reported() -> None:
    child = _run(_IN_A_DEL, str(ROOT / "data"), "bug")
    assert child.returncode == 0
    assert child.stdout.endswith(_WHOLE)
    assert "svalt" not in child.stdout
    assert child.stderr.startswith("Exception ignored in: <function Dies.__del__ at ")
    assert child.stderr.endswith("\nValueError: en bugg\n")


# Ctrl-C while Python shuts down after main (an atexit function that the signal comes in):
# the run is over and its exit code stands; Python's "Exception ignored in atexit callback"
# is not written either.
_AFTER_MAIN = """
import atexit, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, not "cmd &"

atexit.register(signal.raise_signal, signal.SIGINT)
sys.argv = ["utsatta", "validate", "--data", sys.argv[1]]
from utsatta.cli import main
main()
"""


def test_ctrl_c_after_main_changes_nothing() -> None:
    child = _run(_AFTER_MAIN, str(ROOT / "data"))
    assert (child.returncode, child.stderr) == (0, "")
    assert child.stdout.endswith(_WHOLE)


def test_the_library_leaves_pythons_hook_alone() -> None:
    code = (
        "import sys\n"
        "import utsatta, utsatta.cli, utsatta.cli.app\n"
        "utsatta.validate(sys.argv[1])\n"
        "print(sys.unraisablehook is sys.__unraisablehook__, sys.getprofile())\n"
    )
    assert _run(code, str(ROOT / "data")).stdout == "True None\n"
