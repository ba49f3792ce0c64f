"""`utsatta validate [FILER…]`: check the data files and print the findings."""

import os
from pathlib import Path
from typing import Annotated

import typer

from utsatta.cli.options import DataOption, FindingFormat, data_dir_for_paths
from utsatta.cli.output import (
    EXIT_FINDINGS,
    EXIT_OK,
    append_file,
    err,
    out,
    out_document,
    out_workflow_commands,
    shown,
)


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
    from utsatta.check.partial import existing_paths
    from utsatta.render import findings as reporters

    # Which files are checked, and which paths or years are refused, is the library's decision
    # (ArgumentError, shown as a usage error by cli.app); a missing file is refused before the
    # data folder is looked for (it may be where the folder is looked for).
    given = existing_paths(paths) or []
    root = data_dir_for_paths(data, given)
    # The texts are checked but not kept: validate only prints findings.
    result = run_validate(root, year=year, paths=given, texts=False)
    ds = result.dataset
    failed = result.failed(strict=strict)
    if format is None:
        gha = os.environ.get("GITHUB_ACTIONS") == "true"
        format = FindingFormat.github if gha else FindingFormat.text
    if format is FindingFormat.json:
        out_document(
            reporters.as_json(
                result.findings,
                result.files_checked,
                ok=not failed,
                not_shown=result.not_shown,
            ),
            json=True,
        )
    elif format is FindingFormat.github:
        out_workflow_commands(
            reporters.github(result.findings, result.files_checked, result.not_shown)
        )
    else:
        out(reporters.text(result.findings, result.files_checked, result.not_shown))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if format is FindingFormat.github and summary_file:
        summary = reporters.step_summary(
            result.findings,
            result.files_checked,
            ds.organisation_names(),
            not_shown=result.not_shown,
        )
        try:
            append_file(Path(summary_file), summary)
        except OSError as exc:
            from utsatta.fileio import reason

            err(
                f"Varning: jobbsammanfattningen kunde inte skrivas till GITHUB_STEP_SUMMARY "
                f"({shown(summary_file)}): {reason(exc)}."
            )
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)
