"""The command line: the only place that prints or exits. A thin shell over the library.

``main`` is the console entry point (``utsatta``, ``python -m utsatta``); the Typer app and its
commands are in ``utsatta.cli.app`` (``from utsatta.cli.app import app``). Ctrl-C ends the run
quietly (exit 130, "Avbrutet." on stderr) from the first line of ``main`` to the last: this
module imports nothing at the top that Python's start-up has not loaded, so that all the work of
starting (Typer, the commands) is done inside the guard. What runs before ``main`` (Python's own
start-up, the console script's ``import re``, the few lines of ``utsatta/__init__``) is outside
it; see docs/decisions/0260-ctrl-c-fran-forsta-raden.md. A Ctrl-C that Python cannot raise
(it came in a weakref callback or a ``__del__``) is raised again at the next call
(docs/decisions/0568-ctrl-c-som-python-inte-kan-kasta.md).
"""

# No `from __future__ import annotations` either: it imports the module __future__.
import sys  # built in, loaded before any line of ours

TYPE_CHECKING = False  # not from typing: nothing is imported before the guard in main
if TYPE_CHECKING:
    from types import FrameType
    from typing import Any, NoReturn

__all__ = ["main"]


class _Unraisable:
    """What the run's ``sys.unraisablehook`` keeps (:func:`_on_unraisable`)."""

    #: a KeyboardInterrupt (Ctrl-C, or SIGTERM/SIGHUP raised as one) came where Python could
    #: only report it: the run ends as interrupted even if the one raised again is lost
    interrupted = False
    #: main has caught the run's end: what comes after changes nothing
    over = False
    #: the hook before ours, for everything but an interrupt
    previous: "Any" = None


def _on_unraisable(unraisable: "Any") -> None:
    """``sys.unraisablehook`` during a run. Python reports an exception it cannot raise (one in
    a weakref callback, such as the import lock's, or in a ``__del__``) and goes on; for a
    KeyboardInterrupt that would be "Exception ignored in: …" on stderr and a run that ignored
    Ctrl-C. It is raised again in the code that runs next instead (:func:`_interrupt`). Not
    with ``_thread.interrupt_main``: that raises it at once, inside this hook, where Python
    reports it again. Nothing is imported on the way (decision 0549)."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        _Unraisable.previous(unraisable)
    elif not _Unraisable.over:
        _Unraisable.interrupted = True
        sys.setprofile(_interrupt)


def _interrupt(frame: "FrameType", event: str, _arg: object) -> None:
    """A profile function set once: raises KeyboardInterrupt at the next call, return or end
    of a built-in call outside the hook, where Python itself would raise a signal's (never just
    before a built-in call: a ``finally`` that releases a lock must get to do it). Python
    removes a profile function that raises, so it runs once; where the interrupt cannot be
    raised either, the hook sets it again."""
    if _Unraisable.over:  # main has decided the run's end: the interrupt counted there
        sys.setprofile(None)
    elif event != "c_call" and frame.f_code is not _on_unraisable.__code__:
        raise KeyboardInterrupt


def main() -> "NoReturn":
    try:
        if sys.unraisablehook is not _on_unraisable:  # main may run twice in one process
            _Unraisable.previous = sys.unraisablehook
            sys.unraisablehook = _on_unraisable
        _Unraisable.interrupted = _Unraisable.over = False
        from utsatta.cli.app import main as run

        run()  # ends with SystemExit; Ctrl-C during a command is turned into 130 in there
    except BaseException as exc:  # Ctrl-C during the imports, or the last flush of the output
        # before any call: an interrupt raised again (_interrupt) would come out here
        _Unraisable.over = True
        from utsatta.cli.output import by_interrupt, interrupted

        if _Unraisable.interrupted or (not isinstance(exc, SystemExit) and by_interrupt(exc)):
            raise SystemExit(interrupted()) from None
        raise
