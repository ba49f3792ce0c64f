"""What the commands share: the --data option, the output formats, where the data folder is."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from utsatta.cli.output import EXIT_FINDINGS, err

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Datamappen. Annars UTSATTA_DATA, ./data om den finns, eller den inbyggda datan "
        "(aldrig i CI).",
        show_default=False,
        metavar="MAPP",
    ),
]


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
    _check_between(ar, giltighet.fran, giltighet.till, "planens giltighetstid", param_hint)


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


def data_dir_for_paths(option: Path | None, paths: list[Path]) -> Path:
    """With files named and no --data: the nearest folder above them that has a plan.yaml."""
    if option is not None or not paths or os.environ.get("UTSATTA_DATA"):
        return data_dir(option)
    from utsatta.load.datadir import data_dir_above

    found = data_dir_above(paths[0])
    return data_dir(found if found is not None else option)


def own_data_dir(option: Path | None, why: str) -> None:
    """Refuse (usage error) when only the bundled example data would be used: ``why``."""
    from utsatta.load.datadir import BUNDLED, locate_data_dir

    if locate_data_dir(option)[1] == BUNDLED:
        raise typer.BadParameter(why, param_hint="--data")


def data_errors_text(findings: list[Any], files_checked: int) -> str:
    """What a command says when the data has errors that make its output wrong: the errors as
    ``validate`` lists them, and what to do (also for the library's ``DataErrors``, cli.app)."""
    from utsatta.render import findings as reporters

    return (
        reporters.text(findings, files_checked)
        + "Rätta felen ovan (kör 'utsatta validate') och försök igen.\n"
    )


def stop_on_errors(result: Any, kinds: tuple[str, ...] | None = None) -> None:
    """Stop with exit 1 when the data has errors that make a command's output wrong."""
    blocking = result.blocking(kinds)
    if blocking is not None:
        err(data_errors_text(blocking, result.files_checked))
        raise typer.Exit(EXIT_FINDINGS)
