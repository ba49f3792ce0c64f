"""`utsatta validate [FILER…]`: check the data files and print the findings."""

import os
from pathlib import Path
from typing import Annotated

import typer

from utsatta.cli.options import FilesDataOption, FindingFormat, data_dir_groups
from utsatta.cli.output import (
    EXIT_FINDINGS,
    EXIT_OK,
    append_step_summary,
    out,
    out_document,
    out_workflow_commands,
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
            "--year",
            "--ar",
            help="Kontrollera det som rapporten och exporten för ÅR bygger på: de gemensamma "
            "filerna (plan, organisationer, områden, indikatorer) och rapporterna och "
            "uppföljningarna för ÅR och varje år före i planperioden, också ett år utan "
            "mapp. Senare års filer visas inte, utom de som anges som FILER.",
            metavar="ÅR",
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
    data: FilesDataOption = None,
) -> None:
    """Kontrollera datafilerna: syntax, schema, referenser och fullständighet.

    Exempel: utsatta validate --year 2023
    """
    from utsatta.check import validate as run_validate
    from utsatta.check.partial import existing_paths
    from utsatta.load.datadir import BUNDLED, locate_data_dir
    from utsatta.render import findings as reporters

    # Which files are checked, and which paths or years are refused, is the library's decision
    # (ArgumentError, shown as a usage error by cli.app); a missing file is refused before the
    # data folder is looked for (it may be where the folder is looked for).
    given = existing_paths(paths) or []
    # Each named file is checked against its own data folder (an archived plan's folder and the
    # new one in one commit); the findings of all of them are reported together.
    groups = data_dir_groups(data, given, "validate")
    # A folder named (--data) or found from the files named is named in the commands that the
    # findings suggest (utsatta ny rapport … --data D), so they act on it when pasted here;
    # the one found without them (UTSATTA_DATA, the working folder) is found by them too.
    results = [
        run_validate(
            root,
            year=year,
            paths=files,
            texts=False,
            data_option=str(root) if data is not None or files else None,
            examples=data is None and not files and locate_data_dir(None)[1] == BUNDLED,
        )
        for root, files in groups
    ]
    # what shows the findings a check of named files leaves out: each folder, without files
    data_dirs = [str(root) for root, _ in groups]
    # each result is sorted already; a stable sort by file keeps that order within a file
    findings = sorted((f for r in results for f in r.findings), key=lambda f: f.file)
    files_checked = sum(r.files_checked for r in results)
    partial = [r.not_shown for r in results if r.not_shown is not None]
    not_shown = None if not partial else dict(sorted(kv for d in partial for kv in d.items()))
    failed = any(r.failed(strict=strict) for r in results)
    if format is None:
        gha = os.environ.get("GITHUB_ACTIONS") == "true"
        format = FindingFormat.github if gha else FindingFormat.text
    if format is FindingFormat.json:
        out_document(
            reporters.as_json(findings, files_checked, ok=not failed, not_shown=not_shown),
            json=True,
        )
    elif format is FindingFormat.github:
        out_workflow_commands(
            reporters.github(findings, files_checked, not_shown, data_dirs=data_dirs)
        )
    else:
        # the known organisations, for the line per organisation (a file not named after one
        # is shown as a file there); read only when there is something to group
        known = {k for r in results for k in r.dataset.organisation_names()} if findings else set()
        out(
            reporters.text(
                findings, files_checked, not_shown, data_dirs=data_dirs, organisations=known
            )
        )
    if format is FindingFormat.github and os.environ.get("GITHUB_STEP_SUMMARY"):
        append_step_summary(
            reporters.step_summary(
                findings,
                files_checked,
                {k: v for r in results for k, v in r.dataset.organisation_names().items()},
                not_shown=not_shown,
                data_dirs=data_dirs,
            )
        )
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)
