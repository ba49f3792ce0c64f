"""The command line: registers the commands, and is the one place that turns what went wrong
into an exit code (a contract, documented in the README), from an exception or from a result
a command returns (fmt's run: :func:`outcome_code`): 0 no errors, 1 findings, a failed
check or a report template that cannot be used, 2 usage error, 3 the data folder cannot be read,
4 refused to write (WriteRefused: exists without --force, not a regular file, outside the data
folder), 5 a library an output format needs is missing (WeasyPrint/Pango for PDF), 120 could not
write (WriteFailed, or output lost), 130 Ctrl-C (143 SIGTERM, 129 SIGHUP: the same clean
unwinding, cli.output.install). Library errors carry their code
(``UtsattaError.exit_code``), so the map is one ``isinstance``.

Each command lives in its own module under ``utsatta.cli.commands`` and imports what it needs
when it runs, so that ``--help`` and ``validate`` stay fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Protocol, TypeVar

import typer

from utsatta.cli import svenska
from utsatta.cli.commands import codeowners, export, fmt, overviews, report, schema, validate
from utsatta.cli.commands.ny import ny
from utsatta.cli.output import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT_LOST,
    by_interrupt,
    err,
    err_message,
    flush,
    install,
    interrupted,
    out,
)
from utsatta.errors import ArgumentError, DataErrors, UtsattaError, WriteFailed, WriteRefused

if TYPE_CHECKING:
    from utsatta.findings import Finding

svenska.install()

F = TypeVar("F", bound=Callable[..., Any])

#: The command-line names of the library's arguments (``ArgumentError.argument``).
_ARGUMENTS = {"year": "ÅR", "paths": "FILER"}


def exit_code(exc: BaseException) -> int:
    """The exit code for an exception that ends a command (and says what happened on stderr)."""
    if isinstance(exc, DataErrors) and exc.findings and exc.files_checked is not None:
        from utsatta.cli.options import data_errors_text

        # the library refused data with errors (export): listed as validate lists them
        err(data_errors_text(exc.findings, exc.files_checked, exc.data))
        return exc.exit_code
    if isinstance(exc, UtsattaError):
        err_message(f"fel: {exc}")
        return exc.exit_code
    if by_interrupt(exc):
        return interrupted()
    if isinstance(exc, SystemExit):
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or EXIT_OK
            if code == EXIT_INTERRUPTED:  # Typer ends a command on Ctrl-C with 130, silently
                return interrupted()
            return code
        err_message(str(exc.code))
        return EXIT_FINDINGS
    raise exc  # a bug: Python's own traceback and exit status


class Outcome(Protocol):
    """What a command may return instead of ending with an exit code: a library's result for a
    run over files (fmt's ``FmtRun``), its findings and whether it failed."""

    @property
    def findings(self) -> Sequence[Finding]: ...

    def failed(self) -> bool: ...


def outcome_code(outcome: Outcome) -> int:
    """The exit code for a command's result: a file that could not be written (the finding of
    a write error: 120, or 4 refused; the higher when both) outranks a failure (1)."""
    from utsatta.fmt.result import NOT_WRITTEN, WRITE_REFUSED

    written = {NOT_WRITTEN: WriteFailed.exit_code, WRITE_REFUSED: WriteRefused.exit_code}
    codes = [written[f.code] for f in outcome.findings if f.code in written]
    if codes:
        return max(codes)
    return EXIT_FINDINGS if outcome.failed() else EXIT_OK


def guarded(command: F) -> F:
    """A command whose library errors end it with their exit code and a message, never a
    traceback (also when Typer's test runner calls it); a command that returns its result
    (:class:`Outcome`) ends with that result's exit code (:func:`outcome_code`)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            result = command(*args, **kwargs)
        except ArgumentError as exc:
            # an argument the library refuses (a year, a file): a usage error, as Click's own
            from utsatta.outputformat import CLI_NAMES, FormatMismatch

            if isinstance(exc, FormatMismatch):  # named as the options are: --format csv
                raise typer.BadParameter(
                    exc.text(CLI_NAMES), param_hint=f"--{exc.argument}"
                ) from None
            raise typer.BadParameter(str(exc), param_hint=_ARGUMENTS.get(exc.argument)) from None
        except UtsattaError as exc:
            raise typer.Exit(exit_code(exc)) from None
        if result is not None:
            raise typer.Exit(outcome_code(result))
        return None

    return run  # type: ignore[return-value]


app = typer.Typer(
    name="utsatta",
    help=(
        "Uppföljning av en handlingsplan för att inga områden ska vara utsatta (planen i "
        "datamappens plan.yaml): kontrollerar datafilerna och skriver den samlade uppföljningen."
    ),
    no_args_is_help=True,
    # No shell completion: it would add --install-completion, which edits a shell's rc file.
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def version_text() -> str:
    """What ``utsatta --version`` says: the version every output names
    (:data:`utsatta.version.VERKTYG`), from the source that runs, also from a source tree that
    was never installed or an editable install made before the version changed."""
    from utsatta.version import VERKTYG

    return f"{VERKTYG}\n"


def _show_version(value: bool) -> None:
    if value:
        out(version_text())
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Visa vilken version av utsatta som är installerad och avsluta.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    # only --version: the commands are the work (a callback without a docstring keeps the
    # help text of the Typer above)
    return None


for _name, _command in (
    ("validate", validate.validate),
    ("plan", overviews.plan),
    ("status", overviews.status),
    ("indikatorer", overviews.indikatorer),
    ("report", report.report),
    ("export", export.export),
    ("codeowners", codeowners.codeowners),
    ("schema", schema.schema),
    ("fmt", fmt.fmt),
):
    app.command(_name)(guarded(_command))
for _sub in ny.registered_commands:
    _sub.callback = guarded(_sub.callback) if _sub.callback else None
app.add_typer(ny, name="ny")


def main() -> NoReturn:
    """The console entry point (``utsatta``, ``python -m utsatta``): run the command line and
    end the process with its exit code."""
    try:
        install()
        app(prog_name="utsatta")
        code = EXIT_OK
    except BaseException as exc:
        code = exit_code(exc)
    # Lost output (a closed pipe, a full disk; flush says so on stderr) outranks success and
    # findings, whose output it was; an earlier failure (usage, data folder, refused, Ctrl-C)
    # keeps its own code. Messages lost on stderr change no code (decision 0116).
    if flush() and code in (EXIT_OK, EXIT_FINDINGS):
        code = EXIT_OUTPUT_LOST
    sys.exit(code)
