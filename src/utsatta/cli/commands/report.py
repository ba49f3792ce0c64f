"""`utsatta report ÅR`: write the samlad uppföljning as Markdown, HTML, PDF or JSON.

Heavy modules (the loader, Jinja, markdown-it) are imported inside the function so that
start-up stays fast.

Exit codes: 0 written, unchanged or up to date (with --check --bara-visa also not up to date:
shown, not failed); 1 errors in the data, or --check found a difference; 2 usage error; 3 the
data folder cannot be read; 4 refused: a file that would be overwritten without --force, a
target that is not a regular file, or a data file in the data folder (also with --force); 5 a
library the format needs (WeasyPrint, Pango) is missing; 120 the file could not be written
(cli/app.py).
"""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from utsatta.cli.options import (
    DataOption,
    data_dir,
    output_argument,
    output_option,
    say_warnings,
    stop_on_errors,
)
from utsatta.cli.output import (
    EXIT_FINDINGS,
    EXIT_OK,
    append_step_summary,
    err,
    err_message,
    out_document,
    out_workflow_commands,
    shown,
    stdout_lost,
    write_file,
)

if TYPE_CHECKING:  # the renderers are imported when a report is made, not at start-up
    from utsatta.render.report_output import ReportOutput

__all__ = ["ReportFormat", "report"]


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"


def _first_difference(old: str, new: str) -> int:
    """The 1-based number of the first line that differs."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            return n
    return min(len(old_lines), len(new_lines)) + 1


#: the export's formats, with what a message calls them: asked of `report`, the message says
#: how `utsatta export` writes them (granska9 F8)
_EXPORT_FORMATS = {"xlsx": "Excel", "csv": "CSV"}


def _export_hint(ar: int, fmt: str, output: Path | None, data: Path | None) -> str:
    """ " Excel skrivs med 'utsatta export ÅR --output …'." for ``fmt`` xlsx or csv: the given
    output where it is a name for that format, else a name of the year; --data as given."""
    from utsatta.escape import command_sentence

    suffix = output.suffix.lower() if output is not None else None
    if fmt == "xlsx":
        own = output if output is not None and suffix in ("", ".xlsx") else None
        args = ["--output", output_argument(own or f"uppfoljning-{ar}.xlsx")]
    else:  # a folder of CSV files
        own = output.with_suffix("") if output is not None and suffix in ("", ".csv") else None
        args = ["--format", "csv", "--output", output_argument(own or f"uppfoljning-{ar}")]
    # the command last, or why none can be given without quotes (granska10 F4)
    return " " + command_sentence(
        f"{_EXPORT_FORMATS[fmt]} skrivs med",
        "export",
        str(ar),
        *args,
        data=None if data is None else str(data),
    )


def _report_format(
    ar: int, given: str | None, output: Path | None, data: Path | None
) -> ReportFormat:
    """The format to write: --format, else the extension of --output, else md (cli.formats,
    one rule with `export`); a usage error (exit 2) for any other, which for xlsx and csv
    says the export command that writes them."""
    from utsatta.cli.formats import resolve_format

    choices = [f.value for f in ReportFormat]
    if given is not None and given not in choices:
        hint = _export_hint(ar, given, output, data) if given in _EXPORT_FORMATS else ""
        raise typer.BadParameter(
            # says --format itself: shown as it is (cli.svenska), not after "Ogiltigt värde"
            f"Ogiltigt värde för --format: '{given}' är inte ett av "
            f"{', '.join(repr(c) for c in choices)}.{hint}",
            param_hint="--format",
        )
    try:
        # an extension naming another format is refused, and every report format is written
        # only under its own extension or none (no Markdown in r.docx)
        return ReportFormat(resolve_format(given, output, choices, "md", own_extension=choices))
    except typer.BadParameter as exc:
        from utsatta.outputformat import EXTENSIONS

        named = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
        if named not in _EXPORT_FORMATS:
            raise
        assert named is not None
        raise typer.BadParameter(
            exc.message + _export_hint(ar, named, output, data), param_hint=exc.param_hint
        ) from None


def _fix_command(
    ar: int, fmt: ReportFormat, output: Path, data: Path | None, *, force: bool = True
) -> str:
    """The command that writes the report to ``output``: ``force`` to replace a file there
    (a missing file needs no --force)."""
    from utsatta.escape import shell_command

    parts = ["utsatta", "report", str(ar)]
    if fmt is not ReportFormat.md:
        parts += ["--format", fmt.value]
    if data is not None:
        parts += ["--data", str(data)]
    parts += ["--output", output_argument(output)] + (["--force"] if force else [])
    return shell_command(*parts)


def report(
    ar: Annotated[
        int, typer.Argument(help="Året som uppföljningen gäller.", show_default=False, metavar="ÅR")
    ],
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="md (Markdown), html (en fristående fil), pdf (A4, kräver --output) eller json "
            "(rapportens data). Utan --format: det som filändelsen i --output säger, annars md. "
            "En filändelse som säger ett annat format är ett fel. Excel och CSV skrivs med "
            "utsatta export.",
            # a text, not the choice: xlsx and csv reach the command, which says how the
            # export writes them; any other value is refused there as a choice would be
            metavar="<md|html|pdf|json>",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option(
            "Skriv till FIL (atomiskt) i stället för till standard ut.",
            metavar="FIL",
            example="uppfoljning.md",
            without="utan --output skrivs rapporten till standard ut (utom pdf)",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Skriv inget; avsluta med 1 om FIL (--output) skiljer sig från en ny rendering.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över FIL om den redan finns och skiljer sig.")
    ] = False,
    show_only: Annotated[
        bool,
        typer.Option(
            "--bara-visa",
            help="Med --check: en rapport som inte är aktuell visas (i GitHub Actions som en "
            "notering och i jobbets sammanfattning) men avslutningskoden blir 0. För pull "
            "requests: rapporterna skrivs om efter sammanslagningen.",
        ),
    ] = False,
    data: DataOption = None,
) -> None:
    """Skriv den samlade uppföljningen för ett år som Markdown, HTML, PDF eller JSON.

    Exempel: utsatta report 2023 --format pdf --output uppfoljning-2023.pdf
    """
    if output is not None and not check:
        from utsatta.fileio import check_output
        from utsatta.load.datadir import locate_data_dir

        # a FIFO, device, folder, link or data file: refused before the work (exit 4)
        check_output(output, data_folder=locate_data_dir(data)[0])
    fmt = _report_format(ar, format, output, data)
    if check and output is None:
        raise typer.BadParameter(
            "--check behöver --output FIL: filen som ska jämföras.", param_hint="--check"
        )
    if show_only and not check:
        raise typer.BadParameter("--bara-visa gäller bara med --check.", param_hint="--bara-visa")
    if check and force:
        raise typer.BadParameter(
            "--check skriver inget och kan inte kombineras med --force.", param_hint="--check"
        )
    if fmt is ReportFormat.pdf and output is None:
        raise typer.BadParameter(
            f"PDF skrivs till en fil: ange --output FIL (t.ex. uppfoljning-{ar}.pdf).",
            param_hint="--output",
        )
    written, luckor, result = _render(ar, fmt, data)
    text = written.content
    if output is None:
        assert isinstance(text, str)  # PDF always has --output (checked above)
        out_document(text, json=fmt is ReportFormat.json)
        if not stdout_lost():  # else the loss is what the user must learn (exit 120)
            say_warnings(result, ar, data)  # on stderr: the report on stdout stays as it is
        raise typer.Exit(EXIT_OK)
    if check:
        # compares the file only: validate is the check of the data (docs/decisions/0601)
        code, stale = _check(output, written, ar, fmt, data)
        # only a stale report is shown, not failed: one that cannot be read or is not a
        # file is no matter of rewriting after merging (the fix command would be refused)
        if stale and show_only:
            _not_current(output, _fix_command(ar, fmt, output, data, force=output.exists()))
            code = EXIT_OK
        raise typer.Exit(code)
    code = _write(output, text, force=force, data=data)
    _say_luckor(luckor, ar, data)
    say_warnings(result, ar, data)
    raise typer.Exit(code)


def _not_current(output: Path, fix: str) -> None:
    """What --check --bara-visa adds when the report is not up to date: under GitHub Actions a
    notice and a line in the job summary with the command that writes it (a pull request's
    data is right though the committed report is not: the analysts write it after merging,
    docs/decisions/0657)."""
    import os

    if os.environ.get("GITHUB_ACTIONS") != "true":
        err("Avslutningskoden är ändå 0 (--bara-visa).")
        return
    from utsatta.escape import ci_message, ci_property, summary_code

    said = (
        f"{shown(output)} stämmer inte med datan. Det stoppar inte kontrollen; skriv "
        f"rapporten efter sammanslagningen med: {shown(fix)}"
    )
    title = ci_property("Rapporten är inte aktuell")
    out_workflow_commands(f"::notice title={title}::{ci_message(said)}\n")
    append_step_summary(
        f"- Rapporten {summary_code(str(output))} stämmer inte med datan och skrivs efter "
        f"sammanslagningen med {summary_code(fix)} (det stoppar inte kontrollen).\n"
    )


def _render(
    ar: int, fmt: ReportFormat, data: Path | None
) -> tuple["ReportOutput", str | None, Any]:
    """The report in ``fmt`` (with its view, for --check), what it lacks ("Rapporten har
    luckor: …", from the same view) or None, and the check of the data it was built from (for
    its warnings)."""
    from utsatta.check import validate
    from utsatta.check.period import require_year
    from utsatta.render.report.luckor import report_luckor
    from utsatta.render.report_output import report_output

    root = data_dir(data)
    result = validate(root, year=ar, data_option=None if data is None else str(root))
    stop_on_errors(result)  # says which errors; the library would refuse them too
    ds = result.dataset
    require_year(ds, ar)  # before the work of any format
    # the library's defaults, as report_text, report_json and report_pdf take them (the data
    # repository's templates, the date from the data, what to install (exit 5) said before
    # the work), and the one view that was written, for its gaps
    written = report_output(ds, ar, fmt.value)
    return written, report_luckor(written.view), result


def _say_luckor(luckor: str | None, ar: int, data: Path | None) -> None:
    """The report's gaps after "Skrev …": one line on stderr, with the command that lists
    them (whoever signs the report may not read section 4)."""
    if luckor is None:
        return
    from utsatta.escape import command_sentence

    see = command_sentence(
        "Se", "validate", "--year", str(ar), data=None if data is None else str(data)
    )
    err_message(f"{luckor} {see}")


def _write(output: Path, text: str | bytes, *, force: bool, data: Path | None = None) -> int:
    from utsatta.fileio import check_output
    from utsatta.load.datadir import locate_data_dir

    # A report written over a data file would destroy data, even with --force (exit 4).
    root = locate_data_dir(data)[0]
    check_output(output, data_folder=root)
    if output.is_file():
        try:
            same = _same(output.read_bytes(), text)
        except OSError:
            same = False
        if same:
            err(f"{shown(output)} är oförändrad.")
            return EXIT_OK
    # like codeowners and schema: a missing folder is created (WriteFailed 120 if it cannot be)
    write_file(output, text, overwrite=force, folders=True, data_folder=root)
    err(f"Skrev {shown(output)}.")
    return EXIT_OK


def _same(raw: bytes, text: str | bytes) -> bool:
    """Whether the file's bytes ``raw`` are the report ``text``; a text report also when only
    its line endings differ (a checkout with git's autocrlf gives CRLF; the report is LF)."""
    if isinstance(text, bytes):
        return raw == text
    return raw.replace(b"\r\n", b"\n") == text.encode("utf-8").replace(b"\r\n", b"\n")


def _other_version(raw: bytes, written: "ReportOutput") -> tuple[str | None, str | bytes]:
    """The version of utsatta that the file ``raw`` names when it is not this one, and the
    report as that version writes it from the same data (None and ``written``'s own content
    when the file names no other version): so that a difference in the version alone is told
    apart from one in the content (docs/decisions/0630-version-1-0-0.md)."""
    from utsatta.render.report_output import render_output
    from utsatta.render.written_version import with_version, written_versions
    from utsatta.version import __version__

    pdf = isinstance(written.content, bytes)
    for old in written_versions(raw, pdf=pdf):
        if old != __version__:
            return old, render_output(with_version(written.view, old), written.defaults)
    return None, written.content


def _check(
    output: Path, written: "ReportOutput", ar: int, fmt: ReportFormat, data: Path | None
) -> tuple[int, bool]:
    """The exit code of --check, and whether the file is stale: missing or different from a
    new rendering (what writing the report fixes)."""
    import stat

    from utsatta.fileio import NotRegularFile, kind_of_mode, read_regular, reason
    from utsatta.version import VERKTYG

    text = written.content

    fix = shown(_fix_command(ar, fmt, output, data))
    try:
        if output.is_symlink():  # read as it is written: never through a link
            raise NotRegularFile(output, kind_of_mode(stat.S_IFLNK))
        raw = read_regular(output)  # never blocks on a FIFO or device
    except FileNotFoundError:
        create = shown(_fix_command(ar, fmt, output, data, force=False))
        err(f"{shown(output)} finns inte. Skapa den med: {create}")
        return EXIT_FINDINGS, True
    except NotRegularFile as exc:
        err(
            f"{shown(output)} är {exc.kind}, inte en vanlig fil, och jämförs inte. Ange "
            "rapportfilen."
        )
        return EXIT_FINDINGS, False
    except OSError as exc:
        err(f"{shown(output)} går inte att läsa ({reason(exc)}).")
        return EXIT_FINDINGS, False
    if _same(raw, text):
        err(f"{shown(output)} är aktuell.")
        return EXIT_OK, False
    old, text = _other_version(raw, written)
    # the file's version against this one, said with every difference it is part of
    versioner = (
        "" if old is None else f"filen är skriven av utsatta version {old}, den här är {VERKTYG}"
    )
    if old is not None and _same(raw, text):
        err(
            f"{shown(output)} har samma innehåll som en ny rendering av rapporten {ar}; enda "
            f"skillnaden är versionen: {versioner}. Uppdatera filen med: {fix}"
        )
        return EXIT_FINDINGS, True
    bortsett = "" if old is None else f" (också bortsett från versionen: {versioner})"
    if isinstance(text, bytes):
        err(
            f"{shown(output)} skiljer sig från en ny rendering av rapporten {ar}{bortsett}. "
            f"Uppdatera filen med: {fix}"
        )
        return EXIT_FINDINGS, True
    from utsatta.lineends import invisible_difference

    # CRLF is accepted (_same): the only difference may be what an editor does not show
    only = invisible_difference(raw.replace(b"\r\n", b"\n"), text.encode("utf-8"))
    if only:
        err(
            f"{shown(output)} har samma innehåll som en ny rendering av rapporten {ar}; enda "
            f"skillnaden är att {only}. Uppdatera filen med: {fix}"
        )
        return EXIT_FINDINGS, True
    line = _first_difference(raw.replace(b"\r\n", b"\n").decode("utf-8", errors="replace"), text)
    err(
        f"{shown(output)} skiljer sig från en ny rendering av rapporten {ar}, första skillnaden "
        f"på rad {line}{bortsett}. Uppdatera filen med: {fix}"
    )
    return EXIT_FINDINGS, True
