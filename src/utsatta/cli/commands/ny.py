"""`utsatta ny rapport ÅR ORGANISATION`: a new report file with every insats due that year."""

from __future__ import annotations

from typing import Annotated

import typer

from utsatta.cli.options import DataOption, check_year, data_dir, own_data_dir, stop_on_errors
from utsatta.cli.output import out, write_file
from utsatta.errors import WriteRefused

ny = typer.Typer(help="Skapa nya datafiler.", no_args_is_help=True)


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
    from utsatta.check import CORE, validate
    from utsatta.load.schema import menade_du
    from utsatta.scaffold import report_scaffold

    own_data_dir(
        data,
        "Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte ändras). "
        "Ange din datamapp med --data.",
    )
    result = validate(data_dir(data))
    stop_on_errors(result, CORE)
    ds = result.dataset
    assert ds.plan and ds.plan.model
    names = ds.organisation_names()
    if organisation not in names:
        raise typer.BadParameter(
            f"'{organisation}' finns inte i organisationer.yaml.{menade_du(organisation, names)} "
            f"Giltiga id: {', '.join(names)}.",
            param_hint="ORGANISATION",
        )
    check_year(ds.plan.model.plan.giltighet, ar)
    target = ds.root / "rapporter" / str(ar) / f"{organisation}.yaml"
    if target.exists() or target.is_symlink():
        raise WriteRefused(
            f"{target} finns redan och skrivs inte över. Redigera den befintliga filen "
            "(eller ta bort den först om du vill börja om)."
        )
    write_file(
        target, report_scaffold(ds, ar, organisation), overwrite=False, inside=ds.root, folders=True
    )
    out(f"Skapade {target}. Fyll i fälten och kontrollera med: utsatta validate {target}\n")


@ny.command("uppfoljning")
def ny_uppfoljning(
    ar: Annotated[int, typer.Argument(help="Uppföljningsåret.", show_default=False, metavar="ÅR")],
    data: DataOption = None,
) -> None:
    """Skapa uppfoljning/ÅR.yaml: stadsledningskontorets samlade uppföljning av året.

    Exempel: utsatta ny uppfoljning 2025
    """
    from utsatta.check import CORE, validate
    from utsatta.scaffold import uppfoljning_scaffold

    own_data_dir(
        data,
        "Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte ändras). "
        "Ange din datamapp med --data.",
    )
    result = validate(data_dir(data))
    stop_on_errors(result, CORE)
    ds = result.dataset
    assert ds.plan and ds.plan.model
    check_year(ds.plan.model.plan.giltighet, ar)
    target = ds.root / "uppfoljning" / f"{ar}.yaml"
    if target.exists() or target.is_symlink():
        raise WriteRefused(
            f"{target} finns redan och skrivs inte över. Redigera den befintliga filen "
            "(eller ta bort den först om du vill börja om)."
        )
    write_file(target, uppfoljning_scaffold(ds, ar), overwrite=False, inside=ds.root, folders=True)
    out(f"Skapade {target}. Fyll i fälten och kontrollera med: utsatta validate {target}\n")
