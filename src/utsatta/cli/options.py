"""What the commands share: the --data option, the output formats, where the data folder is."""

from __future__ import annotations

import functools
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from utsatta.cli.output import EXIT_FINDINGS, err, err_message

#: The order in which the data folder is found without --data (README, "Kom igång").
_FALLBACK = (
    "./data om den finns, arbetsmappen om den har en plan.yaml, eller den inbyggda "
    "exempeldatan (aldrig i CI)."
)
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=f"Datamappen. Annars UTSATTA_DATA, annars {_FALLBACK}",
        show_default=False,
        metavar="MAPP",
    ),
]
#: --data of the commands that take files (validate, fmt): each file can have its own folder.
FilesDataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Datamappen. Annars UTSATTA_DATA; med filer som argument för varje fil den "
        f"närmaste mappen ovanför den som har en plan.yaml; annars {_FALLBACK}",
        show_default=False,
        metavar="MAPP",
    ),
]


def output_option(help: str, *, metavar: str, example: str, without: str | None) -> Any:
    """``--output`` / ``-o`` of every command that writes (report, export, codeowners, schema),
    with the one rule for its value (:func:`output_path`): ``example`` is a value that works,
    ``without`` what the command does without --output (None: --output is required)."""
    return typer.Option(
        "--output",
        "-o",
        help=help,
        metavar=metavar,
        show_default=False,
        parser=functools.partial(output_path, example=example, without=without),
    )


def output_path(value: str, *, example: str, without: str | None = None) -> Path:
    """The value of --output as typed (before pathlib drops a leading './'): a value that is
    empty or starts with '-' is no file name but a forgotten one, ``--output --force`` or
    ``--output -`` (which is not standard out here: without --output is), a usage error (exit
    2) that says how to write it; a file whose name starts with '-' is written ./-x
    (docs/decisions/0541-output-utan-filnamn.md). A value of only blanks (any Unicode white
    space: `--output "$OUT"` with the variable unset and padded) is empty too (granska18b L2)."""
    blank = not value.strip()
    if not blank and not value.startswith("-"):
        return Path(value)
    from utsatta.fileio import shown

    if value == "-":
        what = "'-' betyder inte standard ut här"
    elif blank:
        what = "värdet är tomt" + (" (bara blanktecken)" if value else "")
    else:
        what = f"'{shown(value)}' ser ut som en flagga och tas inte som filnamn"
    rest = f"; {without}" if without else ""
    real = ""
    if not blank:
        from utsatta.escape import shell_command

        # last, as the shell takes it, so that the end of the line can be pasted
        real = " Ska filen heta så, skriv ./ först: " + shell_command("--output", f"./{value}")
    raise typer.BadParameter(
        f"--output / -o saknar ett filnamn: {what}. Skriv filnamnet direkt efter --output, "
        f"t.ex. --output {example}{rest}.{real}",
        param_hint="--output",
    )


def output_argument(path: Path | str) -> str:
    """``path`` as the value of --output in a command a message suggests: with './' before a
    name that starts with '-', which :func:`output_path` refuses as it is."""
    text = str(path)
    return f"./{text}" if text.startswith("-") else text


class FindingFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class SimpleFormat(StrEnum):
    text = "text"
    json = "json"


def check_year(giltighet: Any, ar: int, *, param_hint: str = "ÅR") -> None:
    """A year outside the plan's period is a usage error (exit 2) for report, status, ny and
    export: they answer for the plan period only."""
    if not giltighet.covers(ar):
        from utsatta.check.period import outside_period

        raise typer.BadParameter(
            outside_period(ar, giltighet.fran, giltighet.till), param_hint=param_hint
        )


def _check_between(ar: int, first: int, last: int, what: str, param_hint: str) -> None:
    # The one usage error for a year a command cannot answer for (same words everywhere).
    if not first <= ar <= last:
        raise typer.BadParameter(
            f"{ar} ligger utanför {what} {first}–{last}. Ange ett år från {first} till {last}.",
            param_hint=param_hint,
        )


def indicator_years(ds: Any) -> tuple[int, int]:
    """The years ``indikatorer`` can answer for: from the first year in its data (baselines,
    values, målvärden, the police's editions) to the last of those and the plan period's end."""
    years: list[int] = []
    if ds.plan is not None and ds.plan.model is not None:
        giltighet = ds.plan.model.plan.giltighet
        years += [giltighet.fran, giltighet.till]
    for source in ds.indikatorer:
        model = source.model
        if model is None:
            continue
        if model.baslinje is not None:
            years.append(model.baslinje.ar)
        years += [m.ar for m in model.malvarden] + [v.ar for v in model.utfall]
    if ds.omraden is not None and ds.omraden.model is not None:
        years += [u.ar for u in ds.omraden.model.upplagor]
    return (min(years), max(years)) if years else (0, 0)


def check_indicator_year(ds: Any, ar: int | None) -> None:
    """``indikatorer --ar``: a year outside :func:`indicator_years` is the same usage error
    (exit 2) as a year outside the plan period for the other commands."""
    if ar is None:
        return
    first, last = indicator_years(ds)
    _check_between(ar, first, last, "indikatorernas år", "--ar")


def data_dir(option: Path | None) -> Path:
    """The data folder; says so on stderr when it is the bundled example data."""
    from utsatta.load.datadir import BUNDLED, bundled_notice, locate_data_dir
    from utsatta.load.files import in_working_folder

    root, how = locate_data_dir(option)
    if how == BUNDLED:
        err(bundled_notice(root))
    # named from the working folder, so that findings name files as the user can open them
    return in_working_folder(root)


def data_dir_groups(
    option: Path | None, paths: list[Path], command: str
) -> list[tuple[Path, list[Path]]]:
    """The data folders of the named files, each with its files, in the order first named.

    The one rule (README, --help of --data): with --data or UTSATTA_DATA every file belongs to
    that folder; otherwise each file to the nearest folder at or above it that has a plan.yaml
    (a commit may touch an archived plan's folder and the new one), and a file with none above
    it to the folder found as without files. A file outside the folder given is a usage error
    whose advice (``command``: "validate" …) is a run that works.
    """
    if not paths:
        return [(data_dir(option), [])]
    from utsatta.load.datadir import data_dir_above
    from utsatta.load.files import resolved

    if option is not None or os.environ.get("UTSATTA_DATA"):
        root = data_dir(option)
        _require_inside(root, paths, command, "--data" if option is not None else "UTSATTA_DATA")
        return [(root, list(paths))]
    above: dict[Path | None, list[Path]] = {}
    for p in paths:
        above.setdefault(data_dir_above(p), []).append(p)
    if None in above:
        _require_in_a_data_folder(above[None], command)
    # A file with no plan.yaml above it goes to the folder found as without files (where its
    # check then says that it lies outside it): merged with that folder's own files.
    groups: dict[Path, tuple[Path, list[Path]]] = {}
    for found, files in above.items():
        root = data_dir(found)
        groups.setdefault(resolved(root), (root, []))[1].extend(files)
    return list(groups.values())


def _require_in_a_data_folder(files: list[Path], command: str) -> None:
    """A file with no plan.yaml above it that does not lie in the data folder found without
    files either belongs to no data folder, and only a data folder's files can be checked
    (against its plan; --data does not take a file outside it): a usage error whose advice is
    the step that works, moving the file to its place in the data folder (where, when the
    file says)."""
    from utsatta.fileio import shown
    from utsatta.load.datadir import BUNDLED, locate_data_dir
    from utsatta.load.files import in_working_folder

    root, how = locate_data_dir(None)
    top = Path(os.path.abspath(root))  # noqa: PTH100
    folder = "MAPP" if how == BUNDLED else str(in_working_folder(top))
    for p in files:
        if not os.path.lexists(p) or Path(os.path.abspath(p)).is_relative_to(top):  # noqa: PTH100
            continue  # a path that is not there is said so where it is read
        raise typer.BadParameter(
            f"{shown(p)} ligger inte i någon datamapp: ingen mapp ovanför filen har en "
            "plan.yaml, och bara en datamapps filer kan kontrolleras, mot dess plan. "
            + _move_into(folder, p, command),
            param_hint="FILER",
        )


def _move_into(folder: str, p: Path, command: str) -> str:
    """The advice for the file ``p`` outside every data folder: where in the data folder
    (named ``folder`` as the run named it) it belongs, by its 'ar' and 'organisation' when it
    says them, and the command that checks it there, last on its line."""
    from utsatta.escape import utsatta_command
    from utsatta.fileio import shown
    from utsatta.load.placement import already_there, declared_report

    said = declared_report(p) if p.is_file() else None
    if said is None:
        return (
            "Flytta filen till sin plats i datamappen, för en rapport "
            f"{shown(folder)}/rapporter/<år>/<organisation>.yaml, och kör sedan: "
            + shown(utsatta_command(command, data=folder))
        )
    target = f"{folder}/rapporter/{said['ar']}/{said['organisation']}.yaml"
    # a report already in its place: never advice to move this one over it (decision 0658)
    there = None if folder == "MAPP" else already_there(p, Path(target), target)
    if there is not None:
        return (
            f"Enligt 'ar' och 'organisation' i filen hör den till {shown(target)}, men {there} "
            "Kör sedan: " + shown(utsatta_command(command, target, data=folder))
        )
    return (
        f"Flytta filen till sin plats i datamappen, {shown(target)} (enligt 'ar' och "
        "'organisation' i filen), och kör sedan: "
        + shown(utsatta_command(command, target, data=folder))
    )


def _require_inside(root: Path, files: list[Path], command: str, how: str) -> None:
    from utsatta.escape import utsatta_command
    from utsatta.fileio import shown
    from utsatta.load.datadir import data_dir_above
    from utsatta.load.files import in_working_folder

    # As the user named them, links not followed: what a link is, is said where it is read.
    top = Path(os.path.abspath(root))  # noqa: PTH100
    for p in files:
        if Path(os.path.abspath(p)).is_relative_to(top):  # noqa: PTH100
            continue
        own = data_dir_above(p)
        if own is None:
            # no data folder of its own (0340): the step that works is the move into this one
            raise typer.BadParameter(
                f"{shown(p)} ligger inte i datamappen {shown(root)} (från {how}), och ingen "
                "mapp ovanför filen har en plan.yaml, så den kan inte kontrolleras där den "
                "ligger. " + _move_into(str(root), p, command),
                param_hint="FILER",
            )
        check = utsatta_command(command, str(p), data=str(in_working_folder(own)))
        raise typer.BadParameter(
            f"{shown(p)} ligger inte i datamappen {shown(root)} (från {how}). Kör utan --data "
            "och UTSATTA_DATA, så kontrolleras varje fil mot den närmaste mappen ovanför den "
            f"som har en plan.yaml, eller kontrollera den mot sin egen datamapp med: "
            f"{shown(check)}",
            param_hint="FILER",
        )


def own_data_dir(option: Path | None, why: str, *, writes: bool = False) -> None:
    """Refuse (usage error) when only the bundled example data would be used: ``why``. With
    ``writes`` (the command writes into the data folder), refuse the bundled example data
    however it was named too (``not_the_examples``)."""
    from utsatta.load.datadir import BUNDLED, inside_data_dir, locate_data_dir

    chosen, how = locate_data_dir(option)
    if how == BUNDLED:
        raise typer.BadParameter(why + inside_data_dir(), param_hint="--data")
    if writes:
        not_the_examples(chosen, how)


def not_the_examples(folder: Path, how: str | None = None) -> None:
    """Refuse (usage error) to write into ``folder`` when it is utsatta's bundled example data,
    named with --data, UTSATTA_DATA or found from a file in it: recognised by the folder
    itself (docs/decisions/0461); ``how``: how it was found, when known."""
    from utsatta.load.datadir import bundled_refused, is_bundled

    if is_bundled(folder):
        hint = "UTSATTA_DATA" if how == "UTSATTA_DATA" else "--data"
        raise typer.BadParameter(bundled_refused(folder, how), param_hint=hint)


def data_errors_text(findings: list[Any], files_checked: int, data: str | None) -> str:
    """What a command says when the data has errors that make its output wrong: the errors as
    ``validate`` lists them, and what to do (also for the library's ``DataErrors``, cli.app):
    the check of the same data folder ``data`` (as the run named it), last on its line."""
    from utsatta.escape import terminal, utsatta_command
    from utsatta.render import findings as reporters

    return (
        reporters.text(findings, files_checked)
        + "Rätta felen ovan och försök igen. Kontrollera datan igen med: "
        + terminal(utsatta_command("validate", data=data))
        + "\n"
    )


def stop_on_errors(result: Any, kinds: tuple[str, ...] | None = None) -> None:
    """Stop with exit 1 when the data has errors that make a command's output wrong."""
    blocking = result.blocking(kinds)
    if blocking is not None:
        err(data_errors_text(blocking, result.files_checked, str(result.dataset.root)))
        raise typer.Exit(EXIT_FINDINGS)


def say_warnings(result: Any, ar: int, data: Path | None) -> None:
    """After `report` or `export` has written its output: one line on stderr that counts the
    data's warnings (the ones ``validate --year ÅR`` shows, which stop neither command) and
    names the check that lists them; nothing when there are none. The exit code stays.
    (docs/decisions/0601-varningar-vid-report-och-export.md)"""
    from utsatta.escape import command_sentence
    from utsatta.render.findings import antal, warning_count

    count = warning_count(result.findings)
    if count:
        see = command_sentence(
            "Se den med" if count == 1 else "Se dem med",
            "validate",
            "--year",
            str(ar),
            data=None if data is None else str(data),
        )
        err_message(f"Datan har {antal(count, 'varning', 'varningar')}. {see}")
