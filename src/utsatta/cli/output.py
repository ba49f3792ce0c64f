r"""The one place where text meets a terminal, a CI log or a file: ``out``, ``err``,
``out_document``, ``out_workflow_commands``, ``write_file`` and ``append_step_summary``.
Escaping happens here, not at the call sites; a failed write never becomes a traceback, and
``flush`` says whether output was lost (exit 120). ``install`` (the console entry only) guards
the standard streams and turns SIGTERM/SIGHUP into Ctrl-C's clean unwinding. Why:
docs/decisions/0064-output-layer.md, 0116-stangd-standard-fel.md and 0181-sigterm-sighup.md.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

from utsatta.errors import DataDirError, MissingLibrary, WriteRefused

#: Exit codes, a contract documented in the README. Those of the library's errors are theirs
#: (utsatta.errors), not numbers written again here.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_DATA = DataDirError.exit_code  # 3
#: utsatta would not write there (exists, not a regular file, outside)
EXIT_WRITE_REFUSED = WriteRefused.exit_code  # 4
#: a library that an output format needs is not installed (the message says what to install)
EXIT_MISSING_LIBRARY = MissingLibrary.exit_code  # 5
EXIT_OUTPUT_LOST = 120  # Python's own exit status when output could not be written at the end
EXIT_INTERRUPTED = 130  # the shell's convention: 128 + SIGINT


class _State:
    #: the streams whose output could not be written (a closed pipe, a full disk), each with
    #: the Swedish reason; nothing more is written to them
    lost: list[tuple[Any, str, str]] = []  # noqa: RUF012 - (stream, name, reason)
    #: the loss was told on stderr (once)
    told = False
    #: the signal (SIGTERM, SIGHUP) that ended the run, once one has come
    signal: int | None = None
    #: the interruption was said on stderr (once)
    interrupted = False


#: The only escape sequences ever written: rich's colours and styles on a terminal.
_SGR = r"(\x1b\[[0-9;]*m)"


def for_terminal(stream: Any, text: str, *, commands: bool = False) -> str:
    """``text`` as it may reach ``stream``: escaped (ci_text, lines kept); on a terminal the
    SGR colour codes are kept; with ``commands`` lines may start with ``::``."""
    from utsatta.escape import ci_text, terminal

    def one(part: str) -> str:
        # Also a CI log: no line may become a workflow command, except the reporter's own.
        return terminal(part, multiline=True) if commands else ci_text(part, multiline=True)

    if "\x1b[" in text and channel(stream).styles:
        parts = re.split(_SGR, text)
        return "".join(part if i % 2 else one(part) for i, part in enumerate(parts))
    return one(text)


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (OSError, ValueError, AttributeError):
        return False


class Channel(NamedTuple):
    """What one output stream can show: the one decision every output path asks
    (:func:`channel`)."""

    #: the terminal's width in columns (COLUMNS, else the terminal's, else 80)
    width: int
    #: styles (bold, colours) reach it as real escape sequences: a terminal, or a log that
    #: asks for them (FORCE_COLOR, TTY_COMPATIBLE=1); never with TERM=dumb
    styles: bool
    #: its encoding is no UTF (a Windows ANSI code page, ASCII): table borders and symbols
    #: are written in ASCII
    ascii_only: bool


def channel(stream: Any = None) -> Channel:
    """What ``stream`` (default stdout) can show, decided by rich as for every rich program:
    FORCE_COLOR, TTY_COMPATIBLE, TERM and NO_COLOR (colours off, bold kept) are read the
    same way whether the text is made (:func:`screen`) or written (:func:`for_terminal`), so
    styles are either real escapes or absent, never written out as ``\\x1b[…`` text."""
    from rich.console import Console

    console = Console(file=sys.stdout if stream is None else stream)
    return Channel(
        console.width,
        console.is_terminal and console.color_system is not None,
        not console.encoding.startswith("utf"),
    )


def screen() -> Channel:
    """Stdout's :class:`Channel`: what the command line passes to the library's text
    overviews (width, styles, ASCII only), which never read the terminal themselves."""
    return channel(sys.stdout)


def out(text: str) -> None:
    """Text for the user on stdout, escaped for the terminal (lines kept)."""
    _write(sys.stdout, for_terminal(sys.stdout, text), "stdout")


def out_workflow_commands(text: str) -> None:
    """The GitHub reporter's lines on stdout: its ``::error`` commands are meant, and every
    value in them was escaped with :func:`utsatta.escape.ci_message` / ``ci_property``.
    UTF-8 whatever the locale, as GitHub reads them."""
    _write(sys.stdout, for_terminal(sys.stdout, text, commands=True), "stdout", utf8=True)


def out_document(text: str, *, json: bool = False) -> None:
    """A document on stdout, as its renderer escaped it for its own format: JSON with every
    invisible or control character as ``\\uXXXX``, anything else with no control character
    but tab and line feed. Always UTF-8, whatever the locale (``> rapport.md`` on Windows, or
    PYTHONIOENCODING): a file's encoding must not depend on the terminal it was made in."""
    from utsatta.escape import document, json_document

    _write(sys.stdout, json_document(text) if json else document(text), "stdout", utf8=True)


def stdout_lost() -> bool:
    """Whether output for stdout has been lost so far (a closed stdout or pipe: exit 120
    follows, and ``flush`` says so)."""
    return any(name != "stderr" for _, name, _ in _State.lost)


def err(text: str) -> None:
    """A line for the user on stderr (stdout stays clean for the output itself), escaped for
    the terminal (lines kept)."""
    text = text if text.endswith("\n") else text + "\n"
    _write(sys.stderr, for_terminal(sys.stderr, text), "stderr")


def err_message(text: str) -> None:
    """One message on stderr, kept on one line: a line break in it can only come from a value
    it names (a path, an argument, a library error's text) and is shown as ``\\n``, so that
    no value can make a line of its own in the terminal or the CI log."""
    from utsatta.escape import terminal

    err(terminal(text))


def shown(path: Path | str) -> str:
    """A path or argument as every CLI message names it (:func:`utsatta.fileio.shown`): one
    line, every invisible or control character visible."""
    from utsatta.fileio import shown as fileio_shown

    return fileio_shown(path)


def by_interrupt(exc: BaseException) -> bool:
    """Whether Ctrl-C (or SIGTERM/SIGHUP, raised as one) ended the run through another
    exception: Python 3.11 wraps a KeyboardInterrupt raised in a class's ``__set_name__`` (a lazy
    import while the signal comes) in a RuntimeError, which is still an interruption, not a bug.
    The chain is followed as Python's traceback shows it: ``raise … from None`` hides the
    interrupt, and an exception group counts when one of its members does (decision 0260)."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, KeyboardInterrupt):
            return True
        if isinstance(current, BaseExceptionGroup):
            todo.extend(current.exceptions)
        if current.__cause__ is not None:
            todo.append(current.__cause__)
        elif current.__context__ is not None and not current.__suppress_context__:
            todo.append(current.__context__)
    return False


def interrupted() -> int:
    """Ctrl-C, or SIGTERM/SIGHUP (:func:`install`): say so, and the exit code for it, the
    shell's 128 + the signal's number (130, 143, 129)."""
    if _State.interrupted:  # a second Ctrl-C while the first one unwinds: said once
        return EXIT_INTERRUPTED if _State.signal is None else 128 + _State.signal
    _State.interrupted = True
    # Written as it is, not through err: our own text, nothing of the data in it, and the way
    # from the signal to the exit must import nothing. The signal may have cut short an import
    # (the C module _decimal, whose libmpdec warns on stderr when it starts a second time),
    # and err's lazy import of utsatta.escape would run it again (decision 0549).
    if _State.signal is None:
        _write(sys.stderr, "Avbrutet.\n", "stderr")
        return EXIT_INTERRUPTED
    import signal  # loaded already: install() set the handler that raised this

    name = signal.Signals(_State.signal).name
    means = _SIGNAL_MEANS.get(name, "en begäran att avsluta")
    _write(sys.stderr, f"Avbrutet av signalen {name} ({means}).\n", "stderr")
    return 128 + _State.signal


#: What each signal that ends a run means to the user (README, "Exitkoder").
_SIGNAL_MEANS = {
    "SIGTERM": "en begäran att avsluta, t.ex. när ett CI-jobb avbryts",
    "SIGHUP": "terminalen eller sessionen som körde kommandot stängdes",
}


def _on_signal(signum: int, _frame: Any) -> None:
    """SIGTERM or SIGHUP: unwind as Ctrl-C does, so that every write cleans up after itself
    (a temporary file or folder is removed, nothing half written is left); a second signal
    while that happens is not allowed to cut the clean-up short."""
    if _State.signal is not None:
        return
    _State.signal = signum
    raise KeyboardInterrupt


def _install_signals() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        # a signal ignored from the start (nohup) stays ignored
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _on_signal)


def write_file(
    path: Path,
    text: str | bytes,
    *,
    overwrite: bool,
    inside: Path | None = None,
    folders: bool = False,
    data_folder: Path | None = None,
) -> None:
    """Write a whole file atomically (text as UTF-8, bytes such as a PDF as they are):
    ``WriteRefused`` (exit 4) when it exists and not ``overwrite``, is not a regular file,
    lies outside ``inside``, or is a data file in ``data_folder`` (also with ``overwrite``);
    ``WriteFailed`` (exit 120) when it cannot be written. With ``folders`` the missing
    folders are created first (under the same rules)."""
    from utsatta.fileio import check_output
    from utsatta.filewrite import make_folders, write_atomic

    if data_folder is not None:
        check_output(path, data_folder=data_folder)  # before any folder is made
    if folders:
        make_folders(path.parent, inside=inside)
    write_atomic(path, text, overwrite=overwrite, inside=inside, data_folder=data_folder)


def append_step_summary(text: str) -> None:
    """Append ``text`` to GitHub's job summary ($GITHUB_STEP_SUMMARY), when it is set; a file
    that cannot be written is a warning on stderr, never a failure of the command."""
    import os

    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_file:
        return
    try:
        with Path(summary_file).open("a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        from utsatta.fileio import reason

        err(
            f"Varning: jobbsammanfattningen kunde inte skrivas till GITHUB_STEP_SUMMARY "
            f"({shown(summary_file)}): {reason(exc)}."
        )


def flush() -> bool:
    """Flush stdout and stderr; whether any output on stdout was lost on the way. The first
    time a loss is seen it is said on stderr (when stderr still works): which stream, why, and
    that the output is incomplete, so that exit code 120 never comes without a word.

    Messages lost on stderr (closed with ``2>&-``, or failing: ``2>/dev/full``) are not lost
    output: stderr holds what is said about the run, not its result, so the exit code stays
    the run's own, the same whether stderr was closed or could not be written (decision 0116).
    """
    _write(sys.stdout, "", "stdout")
    _write(sys.stderr, "", "stderr")
    if _State.lost and not _State.told:
        _State.told = True
        for _stream, name, why in list(_State.lost):
            if name != "stderr":
                err(_lost_message(name, why))
    return any(name != "stderr" for _, name, _ in _State.lost)


def install() -> None:
    """Set up the standard streams for a run of the command line (the console entry point,
    not the library or a test runner): a standard descriptor closed at the start (``>&-``,
    ``2>&-``) is pointed at /dev/null, so that no file utsatta opens can get its number (what
    a C library writes to "stderr" would otherwise end up in a report being written); and
    ``sys.stdout``/``sys.stderr`` become :class:`GuardedStream`, so that what Typer and Click
    write themselves (help, usage) goes through the same writer as everything else: never an
    exception or "Exception ignored" noise, a loss on stdout told and ended with 120.
    SIGTERM (a cancelled CI job) and SIGHUP (a closed terminal) end the run as Ctrl-C does:
    temporary files removed, exit 128 + the signal's number, said on stderr."""
    import os

    _install_signals()

    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:  # the lowest free number is taken; another one only if 0–2 were
                os.dup2(null, fd)
                os.close(null)
    if not isinstance(sys.stdout, GuardedStream):
        sys.stdout = GuardedStream(sys.stdout, "stdout")
    if not isinstance(sys.stderr, GuardedStream):
        sys.stderr = GuardedStream(sys.stderr, "stderr")


class GuardedStream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` during a run: every write goes through the output
    layer's writer (all bytes or a recorded loss, never an exception). Text only, so that Click
    takes it for a text stream. Wraps ``None`` too (a stream closed at the start): a write to
    stdout is then lost output, one to stderr is dropped."""

    def __init__(self, real: Any, name: str) -> None:
        super().__init__()
        self.real = real
        self.stream_name = name

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.real, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str:  # type: ignore[override]
        return str(getattr(self.real, "errors", None) or "strict")

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # Click asks whether this is a binary stream so
            raise TypeError("en textström tar bara text")
        _write(self.real, text, self.stream_name)
        return len(text)

    def flush(self) -> None:
        _write(self.real, "", self.stream_name)

    def isatty(self) -> bool:
        return _is_tty(self.real)

    def fileno(self) -> int:
        if self.real is None:
            raise io.UnsupportedOperation("strömmen var stängd från början")
        return int(self.real.fileno())


def _lost_message(name: str, why: str) -> str:
    where = "standard ut" if name == "stdout" else name
    if why == _MISSING:
        return (
            f"fel: {where} var stängd när utsatta startade (t.ex. >&-), så utdatan kunde inte "
            "skrivas. Skriv den till en fil i stället (> fil) eller till /dev/null om den inte "
            "behövs."
        )
    if why == _CLOSED:
        return (
            f"fel: allt kunde inte skrivas till {where}: programmet som läste (t.ex. head) "
            "slutade läsa innan allt var skrivet. Utdatan är ofullständig; låt programmet läsa "
            "allt eller skriv utdatan till en fil."
        )
    return (
        f"fel: allt kunde inte skrivas till {where} ({why}). Utdatan är ofullständig; "
        "rätta felet eller skriv utdatan till en annan plats."
    )


_CLOSED = "mottagaren har stängt"
_MISSING = "stängd från början"


def _name(stream: Any) -> str:
    if stream is sys.stdout or stream is sys.__stdout__:
        return "stdout"
    if stream is sys.stderr or stream is sys.__stderr__:
        return "stderr"
    return str(getattr(stream, "name", "utdata"))


def _write(stream: Any, text: str, name: str | None = None, *, utf8: bool = False) -> None:
    # Never raises: a failed write must not turn into a traceback in the middle of a command.
    # A stream that was closed before the start (``>&-``) is None. Text for a closed stdout is
    # lost output (exit 120, said on stderr by ``flush``), as a failed write is (decision
    # 0106); a closed stderr is the user's choice not to see messages: nothing is written
    # then, as print() does. A stream that failed once gets nothing more.
    if isinstance(stream, GuardedStream):
        name, stream = name or stream.stream_name, stream.real
    if stream is None:
        if text and name == "stdout":
            _stdout_missing()
        return
    if any(stream is lost for lost, _, _ in _State.lost):
        return
    try:
        _write_all(stream, text, utf8=utf8)
    except (OSError, ValueError) as exc:
        from utsatta.fileio import reason

        why = reason(exc) if isinstance(exc, OSError) else "strömmen är stängd"
        _State.lost.append((stream, name or _name(stream), why))
        _quiet(stream)


def _stdout_missing() -> None:
    """Record once that text for a stdout closed before the start was lost."""
    if not any(n == "stdout" for _, n, _ in _State.lost):
        _State.lost.append((None, "stdout", _MISSING))


def _write_all(stream: Any, text: str, *, utf8: bool = False) -> None:
    """Write every byte of ``text`` (in the stream's encoding, or with ``utf8`` in UTF-8) or
    raise.

    ``TextIOWrapper.write`` is not enough: with PYTHONUNBUFFERED (common in CI and
    containers) ``sys.stdout`` writes straight to the file descriptor, and when the kernel
    takes only part of a large write (a pipe whose reader has gone: 64 KiB taken, then
    SIGPIPE) the rest is dropped without an error. So the text is encoded here and written
    to the raw file until all of it is taken; the next write then fails with EPIPE."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a plain text stream (a test's StringIO)
        stream.write(text)
        stream.flush()
        return
    stream.flush()  # what went through the text layer before (Click's help, …) goes first
    encoding = "utf-8" if utf8 else stream.encoding or "utf-8"
    try:
        data = text.encode(encoding, stream.errors or "strict")
    except UnicodeEncodeError:  # a stream that cannot show a character: never lost
        data = text.encode(encoding, _fallback())
    buffer.flush()
    raw = getattr(buffer, "raw", buffer)
    view = memoryview(data)
    while view:
        n = raw.write(view)
        if n is None:  # a non-blocking descriptor that is full: wait until it takes more
            _wait_writable(raw)
            continue
        if n <= 0:
            import errno

            raise OSError(errno.EIO, "write returned 0")
        view = view[n:]
    if raw is not buffer:
        raw.flush()


#: What a symbol becomes on a stream whose encoding lacks it (a Windows ANSI code page,
#: ASCII): readable ASCII, the same width where a table's columns depend on it. Anything
#: else is shown as its escape (``\\xe5`` for å on an ASCII stream), never lost.
_ASCII_SYMBOLS = {
    "→": "->",
    "←": "<-",
    "−": "-",
    "≥": ">=",
    "≤": "<=",
    "✓": "+",
    "✗": "-",
    "○": "o",
    "…": "...",
    "–": "-",
    "—": "-",
    "·": "*",
    "”": '"',
    "“": '"',
    "’": "'",
    "‘": "'",
    "\u00a0": " ",
    "\ufffd": "?",
}
_FALLBACK = "utsatta-ascii"


def _fallback() -> str:
    """The name of the codec error handler that writes :data:`_ASCII_SYMBOLS` in ASCII and
    anything else as its backslash escape (registered once)."""
    import codecs

    try:
        codecs.lookup_error(_FALLBACK)
    except LookupError:
        codecs.register_error(_FALLBACK, _ascii_symbols)
    return _FALLBACK


def _ascii_symbols(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeEncodeError)
    part = exc.object[exc.start : exc.end]
    return (
        "".join(
            _ASCII_SYMBOLS.get(c, c.encode("ascii", "backslashreplace").decode("ascii"))
            for c in part
        ),
        exc.end,
    )


def _wait_writable(raw: Any) -> None:
    import select

    select.select([], [raw.fileno()], [])


def _quiet(stream: Any) -> None:
    """Point a failed standard stream's descriptor at /dev/null: what is still in Python's
    buffer then goes nowhere at exit, instead of a second error ("Exception ignored …
    BrokenPipeError") that Python would print on stderr while shutting down."""
    import os

    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):
        return  # not a real file (a test runner's stream): nothing is flushed at exit
    try:
        os.dup2(null, fd)
    except OSError:
        pass
    finally:
        os.close(null)
