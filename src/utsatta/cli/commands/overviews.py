"""`utsatta plan`, `utsatta status ÅR` and `utsatta indikatorer`: overviews of valid data."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utsatta.cli.options import (
    DataOption,
    SimpleFormat,
    check_indicator_year,
    check_year,
    data_dir,
    stop_on_errors,
)
from utsatta.cli.output import out, out_document, screen

if TYPE_CHECKING:
    from utsatta.load.dataset import DataSet


def _load(data: Path | None, kinds: tuple[str, ...]) -> "DataSet":
    from utsatta.check import validate

    result = validate(data_dir(data))
    stop_on_errors(result, kinds)
    return result.dataset


def plan(
    format: Annotated[
        SimpleFormat, typer.Option("--format", help="text eller json.")
    ] = SimpleFormat.text,
    data: DataOption = None,
) -> None:
    """Visa planen: insatserna i planens ordning med samordningsansvar och ansvar.

    Exempel: utsatta plan --format json
    """
    from utsatta.check import CORE
    from utsatta.render import overview

    ds = _load(data, CORE)
    if format is SimpleFormat.json:
        out_document(overview.plan_json(ds), json=True)
    else:
        shows = screen()
        out(overview.plan_text(ds, shows.width, styles=shows.styles, ascii_only=shows.ascii_only))


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
    from utsatta.check import CORE
    from utsatta.render import overview

    ds = _load(data, CORE)
    assert ds.plan is not None and ds.plan.model is not None  # stop_on_errors made sure
    check_year(ds.plan.model.plan.giltighet, ar)
    if format is SimpleFormat.json:
        out_document(overview.status_json(ds, ar), json=True)
    else:
        shows = screen()
        out(
            overview.status_text(
                ds, ar, shows.width, styles=shows.styles, ascii_only=shows.ascii_only
            )
        )


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
    from utsatta.render import overview_indicators

    ds = _load(data, ("plan", "organisationer", "omraden", "indikator"))
    check_indicator_year(ds, ar)
    if format is SimpleFormat.json:
        out_document(overview_indicators.indicators_json(ds, ar), json=True)
    else:
        shows = screen()
        out(
            overview_indicators.indicators_text(
                ds, ar, shows.width, styles=shows.styles, ascii_only=shows.ascii_only
            )
        )
