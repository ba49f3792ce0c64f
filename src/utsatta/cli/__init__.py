"""The command line: the only place that prints or exits.

Exit codes (a contract, documented in the README):
0 no errors (warnings allowed unless --strict), 1 findings or a failed check, 2 usage error,
3 the data folder cannot be read.

Heavy modules are imported inside the commands so that start-up stays fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from utsatta.cli import _svenska, common
from utsatta.cli.common import EXIT_FINDINGS, EXIT_OK, DataOption, check_year, err, out
from utsatta.errors import UtsattaError

_svenska.install()

app = typer.Typer(
    name="utsatta",
    help=(
        "Uppföljning av Göteborgs Stads handlingsplan för att inga områden ska vara utsatta "
        "2025: kontrollerar datafilerna och skriver den samlade uppföljningen."
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class FindingFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class SimpleFormat(StrEnum):
    text = "text"
    json = "json"


def _data_dir(option: Path | None) -> Path:
    from utsatta.load.datadir import BUNDLED, bundled_notice, locate_data_dir

    root, how = locate_data_dir(option)
    if how == BUNDLED:
        err(bundled_notice(root))
    return root


def _data_dir_for_paths(option: Path | None, paths: list[Path]) -> Path:
    """With files named and no --data: the nearest folder above them that has a plan.yaml."""
    if option is not None or not paths or os.environ.get("UTSATTA_DATA"):
        return _data_dir(option)
    start = paths[0].resolve()
    for folder in [start, *start.parents]:
        if folder.is_dir() and (folder / "plan.yaml").is_file():
            return _data_dir(Path(os.path.relpath(folder)))
    return _data_dir(option)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Filer att kontrollera (t.ex. de som ändrats). Utan: hela datamappen.",
            metavar="FILER",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "--ar", help="Kontrollera bara rapporterna för detta år.", metavar="ÅR"
        ),
    ] = None,
    format: Annotated[
        FindingFormat | None,
        typer.Option(
            "--format",
            help="text, json eller github (standard: github när GITHUB_ACTIONS=true, annars text).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Varningar ger också exitkod 1.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Kontrollera datafilerna: syntax, schema, referenser och fullständighet.

    Exempel: utsatta validate --year 2023
    """
    from utsatta.check import validate as run_validate
    from utsatta.findings import has_errors
    from utsatta.render import findings as reporters

    given = list(paths or [])
    for p in given:
        if not p.exists():
            raise typer.BadParameter(f"Filen {p} finns inte.", param_hint="FILER")
    root = _data_dir_for_paths(data, given)
    root_resolved = root.resolve()
    for p in given:
        try:
            p.resolve().relative_to(root_resolved)
        except ValueError:
            raise typer.BadParameter(
                f"{p} ligger inte i datamappen {root}.", param_hint="FILER"
            ) from None
    result = run_validate(root, year=year, paths=_files_to_check(root, given))
    if year is not None and result.dataset.plan and result.dataset.plan.model:
        _check_year(result.dataset, year)
    failed = has_errors(result.findings, strict=strict)
    if format is None:
        gha = os.environ.get("GITHUB_ACTIONS") == "true"
        format = FindingFormat.github if gha else FindingFormat.text
    if format is FindingFormat.json:
        out(reporters.as_json(result.findings, result.files_checked, ok=not failed))
    else:
        out(reporters.REPORTER_BY_NAME[format.value](result.findings, result.files_checked))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if format is FindingFormat.github and summary_file:
        orgs = result.dataset.organisationer
        names = {o.id: o.namn for o in orgs.model.organisationer} if orgs and orgs.model else {}
        try:
            with Path(summary_file).open("a", encoding="utf-8") as fh:
                fh.write(reporters.step_summary(result.findings, result.files_checked, names))
        except OSError as exc:
            err(
                f"Varning: jobbsammanfattningen kunde inte skrivas till GITHUB_STEP_SUMMARY "
                f"({summary_file}): {exc.strerror or exc}."
            )
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _files_to_check(root: Path, given: list[Path]) -> list[Path] | None:
    """The report files to limit a check to, or None for the whole data folder.

    Naming a folder, or any shared file (plan, organisations, områden, indicators), checks
    everything: a change there can break every report.
    """
    from utsatta.load.files import classify

    files: list[Path] = []
    for p in given:
        if p.is_dir():
            return None  # a folder: check it all, missing reports included
        for f in [p]:
            kind = classify(root.resolve(), f.resolve())
            if kind not in (None, "rapport"):
                return None
            files.append(f)
    return files or None


@app.command()
def plan(
    format: Annotated[
        SimpleFormat, typer.Option("--format", help="text eller json.")
    ] = SimpleFormat.text,
    data: DataOption = None,
) -> None:
    """Visa planen: insatserna i planens ordning med samordningsansvar och ansvar.

    Exempel: utsatta plan --format json
    """
    from utsatta.render import overview

    ds = _load_valid(data)
    if format is SimpleFormat.json:
        out(overview.plan_json(ds))
    else:
        out(overview.plan_text(ds))


@app.command()
def status(
    ar: Annotated[
        int, typer.Argument(help="Året som ska visas.", show_default=False, metavar="ÅR")
    ],
    format: Annotated[
        SimpleFormat, typer.Option("--format", help="text eller json.")
    ] = SimpleFormat.text,
    data: DataOption = None,
) -> None:
    """Visa vilka rapporter som kommit in ett år: insats × organisation.

    Exempel: utsatta status 2023
    """
    from utsatta.render import overview

    ds = _load_valid(data)
    _check_year(ds, ar)
    if format is SimpleFormat.json:
        out(overview.status_json(ds, ar))
    else:
        out(overview.status_text(ds, ar))


@app.command()
def indikatorer(
    ar: Annotated[
        int | None,
        typer.Option(
            "--ar", "--year", help="Räkna med värden till och med detta år.", metavar="ÅR"
        ),
    ] = None,
    format: Annotated[
        SimpleFormat, typer.Option("--format", help="text eller json.")
    ] = SimpleFormat.text,
    data: DataOption = None,
) -> None:
    """Visa indikatorerna: baslinje, senaste värde, målvärde, framsteg och status.

    Exempel: utsatta indikatorer --ar 2023
    """
    from utsatta.render import overview

    ds = _load_valid(data, ("plan", "organisationer", "omraden", "indikator"))
    if format is SimpleFormat.json:
        out(overview.indicators_json(ds, ar))
    else:
        out(overview.indicators_text(ds, ar))


ny = typer.Typer(help="Skapa nya datafiler.", no_args_is_help=True)
app.add_typer(ny, name="ny")


@ny.command("rapport")
def ny_rapport(
    ar: Annotated[int, typer.Argument(help="Rapportåret.", show_default=False, metavar="ÅR")],
    organisation: Annotated[
        str,
        typer.Argument(
            help="Organisationens id, t.ex. grundskolenamnden.",
            show_default=False,
            metavar="ORGANISATION",
        ),
    ],
    data: DataOption = None,
) -> None:
    """Skapa rapporter/ÅR/ORGANISATION.yaml med varje insats som ska rapporteras i år.

    Exempel: utsatta ny rapport 2024 grundskolenamnden
    """
    from utsatta.check.schema import menade_du
    from utsatta.fileio import write_atomic
    from utsatta.load.datadir import BUNDLED, locate_data_dir
    from utsatta.scaffold import report_scaffold

    if locate_data_dir(data)[1] == BUNDLED:
        raise typer.BadParameter(
            "Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte ändras). "
            "Ange din datamapp med --data.",
            param_hint="--data",
        )
    ds = _load_valid(data)
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    ids = [o.id for o in ds.organisationer.model.organisationer]
    if organisation not in ids:
        raise typer.BadParameter(
            f"'{organisation}' finns inte i organisationer.yaml.{menade_du(organisation, ids)} "
            f"Giltiga id: {', '.join(ids)}.",
            param_hint="ORGANISATION",
        )
    _check_year(ds, ar)
    target = ds.root / "rapporter" / str(ar) / f"{organisation}.yaml"
    if target.exists():
        err(
            f"fel: {target} finns redan och skrivs inte över. Redigera den befintliga filen "
            "(eller ta bort den först om du vill börja om)."
        )
        raise typer.Exit(EXIT_FINDINGS)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, report_scaffold(ds, ar, organisation), overwrite=False)
    out(f"Skapade {target}. Fyll i fälten och kontrollera med: utsatta validate {target}\n")


@ny.command("uppfoljning")
def ny_uppfoljning(
    ar: Annotated[int, typer.Argument(help="Uppföljningsåret.", show_default=False, metavar="ÅR")],
    data: DataOption = None,
) -> None:
    """Skapa uppfoljning/ÅR.yaml: stadsledningskontorets samlade uppföljning av året.

    Exempel: utsatta ny uppfoljning 2025
    """
    from utsatta.fileio import write_atomic
    from utsatta.load.datadir import BUNDLED, locate_data_dir
    from utsatta.scaffold import uppfoljning_scaffold

    if locate_data_dir(data)[1] == BUNDLED:
        raise typer.BadParameter(
            "Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte ändras). "
            "Ange din datamapp med --data.",
            param_hint="--data",
        )
    ds = _load_valid(data)
    _check_year(ds, ar)
    target = ds.root / "uppfoljning" / f"{ar}.yaml"
    if target.exists():
        err(
            f"fel: {target} finns redan och skrivs inte över. Redigera den befintliga filen "
            "(eller ta bort den först om du vill börja om)."
        )
        raise typer.Exit(EXIT_FINDINGS)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, uppfoljning_scaffold(ds, ar), overwrite=False)
    out(f"Skapade {target}. Fyll i fälten och kontrollera med: utsatta validate {target}\n")


@app.command()
def codeowners(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", help="Skriv till filen (t.ex. .github/CODEOWNERS).", metavar="FIL"
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig fil.")] = False,
    med_samordnare: Annotated[
        bool,
        typer.Option(
            "--med-samordnare",
            help="Låt också granskarna hos den som har samordningsansvar för en insats äga "
            "rapporterna om den.",
        ),
    ] = False,
    data: DataOption = None,
) -> None:
    """Skapa en CODEOWNERS-fil: varje organisations granskare äger dess rapporter.

    Exempel: utsatta codeowners --output .github/CODEOWNERS
    """
    from utsatta.fileio import write_atomic
    from utsatta.load.datadir import BUNDLED, locate_data_dir
    from utsatta.scaffold import codeowners as make_codeowners

    if locate_data_dir(data)[1] == BUNDLED:
        raise typer.BadParameter(
            "Ingen datamapp hittades (bara utsattas inbyggda exempeldata). Kör kommandot i "
            "datarepot eller ange --data.",
            param_hint="--data",
        )
    ds = _load_valid(data)
    # CODEOWNERS paths are relative to the repository root: the git work tree that holds the
    # data, else the working folder.
    data_root = ds.root.resolve()
    repo = next((p for p in [data_root, *data_root.parents] if (p / ".git").exists()), None)
    base = repo if repo is not None else Path.cwd().resolve()
    try:
        prefix = data_root.relative_to(base).as_posix()
    except ValueError:
        raise typer.BadParameter(
            f"Datamappen {ds.root} ligger inte i arbetsmappen; kör kommandot från datarepots rot.",
            param_hint="--data",
        ) from None
    text = make_codeowners(ds, "" if prefix == "." else prefix, coordinators=med_samordnare)
    if output is None:
        out(text)
        return
    if output.is_dir():
        raise typer.BadParameter(f"{output} är en mapp; ange en fil.", param_hint="--output")
    try:
        unchanged = output.is_file() and output.read_bytes() == text.encode("utf-8")
    except OSError:
        unchanged = False
    if unchanged:
        out(f"{output} är oförändrad.\n")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, text, overwrite=force)
    out(f"Skrev {output}.\n")


def _register_commands() -> None:
    # Commands that live in their own modules (imported lazily only for their options).
    from utsatta.cli import fmt_cmd, report_cmd, schema_cmd

    app.command("report")(report_cmd.report)
    app.command("schema")(schema_cmd.schema)
    app.command("fmt")(fmt_cmd.fmt)


_register_commands()


_CORE = ("plan", "organisationer")


def _load_valid(data: Path | None, kinds: tuple[str, ...] = _CORE):  # type: ignore[no-untyped-def]
    """Load and check the data folder; stop with exit 1 if files of ``kinds`` have errors.

    The output of plan, status and indikatorer would be wrong, not just incomplete, with errors
    in the files they read, so they refuse (validate reports everything else).
    """
    from utsatta.check import validate as run_validate
    from utsatta.findings import Severity
    from utsatta.render import findings as reporters

    root = _data_dir(data)
    result = run_validate(root, texts=True)
    ds = result.dataset
    kind_of = {f.display: f.kind for f in ds.files()}
    # A shared file that does not exist has no kind; its fil-saknas error counts too.
    shared = {"plan", "organisationer", "omraden"}
    errors = [
        f
        for f in result.findings
        if f.severity is Severity.FEL
        and (kind_of.get(f.file, "") in kinds or (f.code == "fil-saknas" and shared & set(kinds)))
    ]
    missing = [
        k for k in shared & set(kinds) if getattr(ds, k) is None or getattr(ds, k).model is None
    ]
    if errors or missing:
        err(reporters.text(errors, result.files_checked))
        err("Rätta felen ovan (kör 'utsatta validate') och försök igen.")
        raise typer.Exit(EXIT_FINDINGS)
    return ds


def _check_year(ds, ar: int) -> None:  # type: ignore[no-untyped-def]
    check_year(ds.plan.model.plan.giltighet, ar)


def main() -> None:
    """Run the command line in this process (tests); the console entry point is ``run``."""
    try:
        app()
    except UtsattaError as exc:
        err(f"fel: {exc}")
        sys.exit(exc.exit_code)


#: Python's own exit status when output could not be written at the end.
EXIT_OUTPUT_LOST = 120
EXIT_INTERRUPTED = 130  # the shell's convention: 128 + SIGINT


def run() -> NoReturn:
    """Run the command line and end the process with its exit code.

    The process ends without Python's teardown: freeing every object of a large data set
    takes longer than checking it, and nothing is left to clean up (files are written
    atomically and closed, worker processes are waited for). Under a profiler or coverage,
    whose results are written at exit, it ends the ordinary way.
    """
    from utsatta.load.readers import stop_early

    try:
        main()
        code = EXIT_OK
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or EXIT_OK
        else:
            err(str(exc.code))
            code = EXIT_FINDINGS
        if code == EXIT_INTERRUPTED:  # Typer ends a command on Ctrl-C with 130, silently
            code = _interrupted()
    except KeyboardInterrupt:
        code = _interrupted()
    except BaseException:
        stop_early()
        raise  # a bug: Python's own traceback and exit status
    code = _ignore_interrupts(code)  # the command is done: only the end is left
    stop_early()
    if common.flush():
        code = code or EXIT_OUTPUT_LOST  # as Python itself does: not a silent success
    if _observed():
        sys.exit(code)
    os._exit(code)


def _ignore_interrupts(code: int) -> int:
    """Ignore Ctrl-C from here on; one that came just before still counts."""
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        return _interrupted()
    return code


def _interrupted() -> int:
    err("Avbrutet.")
    return EXIT_INTERRUPTED


def _observed() -> bool:
    """Whether a debugger, profiler or coverage tool watches this process (they write their
    results at exit): by the trace and profile hooks, sys.monitoring (Python 3.12 and later)
    or their modules."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    if {"coverage", "cProfile", "profile", "pdb"} & sys.modules.keys():
        return True
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(
        monitoring.get_tool(tool) is not None for tool in range(6)
    )
