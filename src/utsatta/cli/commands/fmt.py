"""`utsatta fmt [FILER…] [--check]`: give the data files their canonical layout.

The work is done by :mod:`utsatta.fmt`; this module finds the files and prints. Why a file is
not formatted is a finding (file, line, column, registered code), printed as ``validate``
prints its findings, in the same formats (text, github); the command returns the library's
:class:`~utsatta.fmt.FmtRun` and :mod:`utsatta.cli.app` turns it into the exit code.

Exit codes: 0 all files formatted (or, with --check, already formatted; with --bara-visa also
when some would change); 1 a file could not be formatted, or --check found files that would
change; 2 usage error; 3 the data folder cannot be read; 120 a formatted file could not be
written (fmt-kan-inte-skriva), 4 its write was refused (fmt-skrivning-vagrad; 0060).
"""

import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utsatta.cli.options import FilesDataOption, data_dir_groups, not_the_examples
from utsatta.cli.output import out, out_workflow_commands, shown

if TYPE_CHECKING:
    from utsatta.findings import Finding
    from utsatta.fmt import FmtResult, FmtRun

__all__ = ["FmtFormat", "fmt", "run"]


class FmtFormat(StrEnum):
    """validate's formats for findings, but json: fmt's output is a list of files, no document."""

    text = "text"
    github = "github"


def _echo(text: str) -> None:
    out(text if text.endswith("\n") else text + "\n")


def _files(n: int) -> str:
    return f"{n} fil" if n == 1 else f"{n} filer"


def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Filer eller mappar att formatera. Utan: alla datafiler i datamappen.",
            show_default=False,
            metavar="FILER",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Ändra inget; lista filerna som skulle formateras om och avsluta med 1 om det "
            "finns några.",
        ),
    ] = False,
    format: Annotated[
        FmtFormat | None,
        typer.Option(
            "--format",
            help="Hur filer som inte kan formateras visas: text eller github, som för validate "
            "(standard: github när GITHUB_ACTIONS=true, annars text).",
            show_default=False,
        ),
    ] = None,
    show_only: Annotated[
        bool,
        typer.Option(
            "--bara-visa",
            help="Med --check: filer som skulle formateras om visas (i formatet github som "
            "varningar på raden) men avslutningskoden blir 0; en fil som inte kan formateras "
            "ger fortfarande 1. För pull requests, där layouten inte ska stoppa en rätt fil.",
        ),
    ] = False,
    data: FilesDataOption = None,
) -> object:  # a FmtRun (cli.app takes the exit code from it); Typer reads the annotations
    """Ge datafilerna en enhetlig form: nycklarna i schemats ordning, samma indrag och id inom
    citattecken. Innehåll och kommentarer ändras aldrig.

    Exempel: utsatta fmt --check
    """
    if format is None:
        gha = os.environ.get("GITHUB_ACTIONS") == "true"
        format = FmtFormat.github if gha else FmtFormat.text
    if show_only and not check:
        raise typer.BadParameter("--bara-visa gäller bara med --check.", param_hint="--bara-visa")
    return run(
        list(paths or []),
        check=check,
        data=data,
        format=format,
        echo=_echo,
        show_only=show_only,
    )


def _targets(
    paths: list[Path], root: Path
) -> tuple[list[tuple[Path, str | None]], list["FmtResult"]]:
    """The files of one data folder ``root`` to format, each with its kind (None: not a data
    file utsatta knows), and what in the named folders is not read (with why)."""
    from utsatta.findings import Finding
    from utsatta.fmt import in_folder
    from utsatta.load.files import classify, discover

    if not paths:
        ignored: list[Finding] = []
        found, _ = discover(root, ignored)
        return [(p, kind) for p, kind in found], []
    # Absolute but not resolved: a symbolic link is not followed (format_file refuses links).
    root_abs = Path(os.path.abspath(root))  # noqa: PTH100
    targets: list[tuple[Path, str | None]] = []
    skipped: list[FmtResult] = []
    seen: set[Path] = set()
    for p in paths:
        p_abs = Path(os.path.abspath(p))  # noqa: PTH100
        try:
            p_abs.relative_to(root_abs)
        except ValueError:
            raise typer.BadParameter(
                f"{shown(p)} ligger inte i datamappen {shown(root)}.", param_hint="FILER"
            ) from None
        if p.is_dir():
            # The data folder's own walk: a linked folder in it (or the folder itself, if it
            # is a link) is named, not skipped in silence, and never followed.
            files, unread = in_folder(root, p)
            for f, kind in files:
                f_abs = Path(os.path.abspath(f))  # noqa: PTH100
                if f_abs not in seen:
                    seen.add(f_abs)
                    targets.append((f, kind))
            for r in unread:
                r_abs = Path(os.path.abspath(r.path))  # noqa: PTH100
                if r_abs not in seen:
                    seen.add(r_abs)
                    skipped.append(r)
        elif p_abs not in seen:
            seen.add(p_abs)
            targets.append((p, classify(root_abs, p_abs)))
    return targets, skipped


def _refuse_bundled(paths: list[Path], data: Path | None) -> None:
    """fmt writes: never into utsatta's own example data, the fallback when no data folder is
    found (like ``ny`` and ``codeowners``)."""
    from utsatta.cli.options import own_data_dir
    from utsatta.load.datadir import data_dir_above

    named = data is None and paths and not os.environ.get("UTSATTA_DATA")
    if named and data_dir_above(paths[0]) is not None:
        return  # the files' own data folder (see data_dir_groups)
    own_data_dir(
        data,
        "Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte formateras). "
        "Stå i datarepot eller ange din datamapp med --data.",
    )


def _reporter(format: FmtFormat, echo: Callable[[str], None]) -> Callable[[list["Finding"]], None]:
    """Prints findings as validate does, without its closing line (fmt has its own)."""
    from utsatta.render import findings as reporters

    def say(findings: list["Finding"]) -> None:
        if not findings:
            return
        if format is FmtFormat.github:
            out_workflow_commands(reporters.github(findings, 0, closing=False))
        else:
            echo(reporters.text(findings, 0, closing=False))

    return say


def _would_change(name: str, result: "FmtResult", *, show_only: bool) -> "Finding":
    """A file whose layout would change, as an annotation on its first line that differs
    (line 1 when only what an editor does not show differs): an error, or with
    ``show_only`` a warning (the run does not fail on it)."""
    from utsatta.findings import Severity, at_line

    if result.line:
        said = f": rad {result.line}{result.difference}"
    else:
        said = f"; enda skillnaden är att {result.only}" if result.only else ""
    return at_line(
        name,
        result.line or 1,
        1,
        WOULD_CHANGE,
        f"Filen skulle formateras om av utsatta fmt{said}.",
        Severity.VARNING if show_only else Severity.FEL,
    )


#: The annotation of a file whose layout would change (``fmt --check --format github``).
WOULD_CHANGE = "fmt-formateras-om"


def _again(data: Path | None, files: list[str]) -> str:
    """The command that formats what ``--check`` found: in the same data folder, and the
    named files when files were named (``escape.utsatta_command``, the one builder)."""
    from utsatta.escape import utsatta_command

    return utsatta_command("fmt", *files, data=None if data is None else str(data))


def _has_bad(
    failed: list["FmtResult"], targets: list[tuple[Path, str | None]], skipped: list["FmtResult"]
) -> bool:
    """Whether a data folder's files include one that failed for its content."""
    mine = {p for p, _ in targets} | {r.path for r in skipped}
    return any(r.path in mine and not r.not_written for r in failed)


def run(
    paths: list[Path],
    *,
    check: bool,
    data: Path | None,
    format: FmtFormat = FmtFormat.text,
    echo: Callable[[str], None] = _echo,
    show_only: bool = False,
) -> "FmtRun":
    """Format (or with ``check`` only inspect) the files, saying each outcome; the run's
    results (the exit code is :mod:`utsatta.cli.app`'s)."""
    from utsatta.fmt import FmtRun, format_file, not_checked
    from utsatta.load.files import display_path

    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise typer.BadParameter(f"Filen {shown(p)} finns inte.", param_hint="FILER")
    # Each file in its own data folder, as validate (a commit may touch an archived plan's
    # folder and the new one); every folder is refused or resolved before anything is written.
    groups = data_dir_groups(data, paths, "fmt")
    if not check:
        for root, files in groups:
            _refuse_bundled(files, data)
            not_the_examples(root)  # however the folder was named (decision 0461)
    planned = [(root, *_targets(files, root)) for root, files in groups]
    say = _reporter(format, echo)
    results: list[FmtResult] = []
    for root, targets, skipped in planned:
        if not paths:
            skipped = not_checked(root)  # links out of the folder …: never silent
        results.extend(skipped)
        for skip in skipped:
            say(list(skip.findings))
        for path, kind in targets:
            name = display_path(path)
            result = format_file(path, kind, write=not check, inside=root, name=name)
            results.append(result)
            say(list(result.findings))
            if result.ok and result.changed:
                if check and format is FmtFormat.github:
                    say([_would_change(name, result, show_only=show_only)])
                    continue
                only = f" (enda skillnaden är att {result.only})" if result.only else ""
                where = f" (rad {result.line}{result.difference})" if result.line else only
                echo(
                    f"skulle formateras om: {shown(name)}{where}"
                    if check
                    else f"formaterade: {shown(name)}{only}"
                )
    done = FmtRun(results, check=check, show_only=show_only)
    total = len(results)
    changed = len(done.changed)
    failed = [r for r in results if not r.ok]
    if check:
        if changed:
            again = _again(data, [display_path(r.path) for r in done.changed] if paths else [])
            # in GitHub (the web editor) the annotation's line can be changed by hand
            by_hand = (
                "Ändra raden som anteckningen visar (det går i GitHubs webbredigerare), eller "
                if format is FmtFormat.github
                else ""
            )
            them = "den" if changed == 1 else "dem"
            echo(
                f"{_files(changed)} av {total} skulle formateras om. "
                + (f"{by_hand}formatera {them}" if by_hand else f"Formatera {them}")
                + f" med: {again}"
            )
        elif not failed:
            echo(
                "Filen är redan formaterad."
                if total == 1
                else f"Alla {total} filer är redan formaterade."
            )
    else:
        unchanged = total - changed - len(failed)
        echo(
            f"{_files(changed)} formaterades om, {unchanged} var redan "
            + ("formaterad" if unchanged == 1 else "formaterade")
            + (f", {len(failed)} kunde inte formateras." if failed else ".")
        )
    # The advice follows the cause: a file that could not be written (permission, a full
    # disk, a read-only file system) is not helped by validate; one with bad content is.
    not_written = sum(1 for r in failed if r.not_written)
    bad_content = len(failed) - not_written
    if bad_content:
        from utsatta.escape import utsatta_command

        # the folders of the files that failed (all of them when the run found the files)
        roots = [root for root, targets, skipped in planned if _has_bad(failed, targets, skipped)]
        roots = roots or [root for root, *_ in planned]
        checks = " och ".join(utsatta_command("validate", data=str(root)) for root in roots)
        # validate shows nothing for what only the formatter cannot write (a tab in a text)
        shows = any(not r.fmt_only for r in failed if not r.not_written)
        echo(
            f"{_files(bad_content)} kunde inte formateras; rätta felen ovan och försök igen."
            + (f" Se felen med: {shown(checks)}" if shows else "")
        )
    if not_written:
        echo(
            f"{_files(not_written)} kunde inte skrivas; rätta orsaken som står ovan "
            "(behörighet, full disk, skrivskyddat filsystem …) och försök igen."
        )
    return done
