"""`utsatta ny rapport ÅR ORGANISATION` and `utsatta ny uppfoljning ÅR`: a new data file,
prefilled with what is due that year."""

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utsatta.cli.options import DataOption, check_year, data_dir, own_data_dir, stop_on_errors
from utsatta.cli.output import out, write_file
from utsatta.errors import WriteRefused

if TYPE_CHECKING:
    from utsatta.check import ValidationResult
    from utsatta.load.dataset import DataSet

ny = typer.Typer(help="Skapa nya datafiler.", no_args_is_help=True)


@ny.command("rapport")
def ny_rapport(
    # a text, read by _year: a value that is no year is echoed, and a swap suggested
    ar_text: Annotated[str, typer.Argument(help="Rapportåret.", show_default=False, metavar="ÅR")],
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
    """Skapa rapporter/ÅR/ORGANISATION.yaml med varje insats som ska rapporteras för ÅR.

    Exempel: utsatta ny rapport 2024 grundskolenamnden
    """
    from utsatta.escape import shorten, terminal
    from utsatta.load.spelling import menade_du
    from utsatta.scaffold import existing, not_reporting, report_elsewhere, report_scaffold
    from utsatta.wording import LISTADE_ID, begransad

    ar = _year(ar_text, organisation, data)  # before the data: a usage error (exit 2)
    result = _own_valid_data(data)
    ds = result.dataset
    assert ds.plan and ds.plan.model
    check_year(ds.plan.model.plan.giltighet, ar)
    names = ds.organisation_names()
    if organisation not in names:
        named = _named(ds, ar, organisation, data)
        if named is not None:
            raise typer.BadParameter(terminal(named), param_hint="ORGANISATION")
        # Only the organisations that can report for the year are offered.
        ids = existing(ds, ar)
        raise typer.BadParameter(
            terminal(
                f"'{shorten(organisation)}' finns inte i organisationer.yaml."
                f"{menade_du(organisation, ids)} Giltiga id för {ar}: "
                f"{begransad(ids, LISTADE_ID, och_last=False)}."
            ),
            param_hint="ORGANISATION",
        )
    why = not_reporting(ds, ar, organisation)
    if why is not None:
        raise typer.BadParameter(terminal(why), param_hint="ORGANISATION")
    target = ds.root / "rapporter" / str(ar) / f"{organisation}.yaml"
    import os

    # a file there is refused by _create; else one that is meant to be it (a wrong name or
    # place) is pointed at, as a second copy of the report would be
    elsewhere = (
        None if os.path.lexists(target) else report_elsewhere(ds, result.findings, ar, organisation)
    )
    if elsewhere is not None:
        raise WriteRefused(elsewhere)
    _create(target, report_scaffold(ds, ar, organisation), ds.root)


@ny.command("uppfoljning")
def ny_uppfoljning(
    # a text, read by _year as for 'ny rapport': a value that is no year is echoed
    ar_text: Annotated[
        str, typer.Argument(help="Uppföljningsåret.", show_default=False, metavar="ÅR")
    ],
    data: DataOption = None,
) -> None:
    """Skapa uppfoljning/ÅR.yaml: den samlade uppföljningen av året.

    Exempel: utsatta ny uppfoljning 2025
    """
    from utsatta.scaffold import uppfoljning_scaffold

    ar = _year(ar_text, None, data)  # before the data: a usage error (exit 2)
    ds = _own_valid_data(data).dataset
    assert ds.plan and ds.plan.model
    check_year(ds.plan.model.plan.giltighet, ar)
    target = ds.root / "uppfoljning" / f"{ar}.yaml"
    _create(target, uppfoljning_scaffold(ds, ar), ds.root)


#: a year as the command line reads an integer (Typer's int: digits, a sign, spaces around)
_YEAR = r"\s*[+-]?[0-9]+\s*"


def _named(ds: "DataSet", ar: int, organisation: str, data: Path | None) -> str | None:
    """'Socialnämnden Nordost', a name in organisationer.yaml: its id and the command with it
    (decision 0658); None when ``organisation`` is no organisation's name."""
    from utsatta.escape import command_sentence, shorten

    known = ds.known_ids("organisation")
    found = getattr(known, "named", lambda _text: None)(organisation)
    if found is None:
        return None
    ident, full = found
    whole = organisation.strip().casefold() == full.casefold()
    what = "namnet" if whole else "en del av namnet"
    return (
        f"'{shorten(organisation)}' är inget id utan {what} på {shorten(full)} i "
        f"organisationer.yaml, vars id är {ident}. "
        + command_sentence(
            "Skapa rapporten med:",
            "ny rapport",
            str(ar),
            ident,
            data=None if data is None else str(data),
        )
    )


def _year(text: str, organisation: str | None, data: Path | None) -> int:
    """ÅR as an integer; else a usage error that echoes the value given and, when the
    organisation given is a year, suggests the command with the two swapped
    (`ny rapport stadsfastighetsnamnden 2025`)."""
    if re.fullmatch(_YEAR, text) and len(text) <= 12:
        return int(text)
    from utsatta.escape import command_sentence, identifier, shorten
    from utsatta.model.common import AR_MAX, AR_MIN

    message = f"'{identifier(shorten(text))}' är inget år. Ange året med siffror, t.ex. 2025."
    # a swap only for a year: after 'higab 25', '25 higab' would be refused as well
    other = organisation or ""
    if re.fullmatch(_YEAR, other) and len(other) <= 12 and AR_MIN <= int(other) <= AR_MAX:
        message += " " + command_sentence(
            "Året står först och organisationen sist:",
            "ny rapport",
            other.strip(),
            text,
            data=None if data is None else str(data),
        )
    raise typer.BadParameter(message, param_hint="ÅR")


def _own_valid_data(data: Path | None) -> "ValidationResult":
    """The check of the user's own data folder (never the bundled example data), with valid
    shared files."""
    from utsatta.check import CORE, validate

    own_data_dir(
        data,
        "Ingen datamapp hittades (bara utsattas inbyggda exempeldata, som inte ändras). "
        "Ange din datamapp med --data.",
        writes=True,
    )
    root = data_dir(data)
    # the folder as named: the commands in the new file and in the advice name it (0365)
    result = validate(root, data_option=None if data is None else str(root))
    stop_on_errors(result, CORE)
    return result


def _create(target: Path, text: str, root: Path) -> None:
    """Write a new data file inside ``root``; whatever stands at ``target`` is never replaced
    (exit 4), and the message says what it is: a data file to edit, or a link, folder, FIFO …
    that is no data file."""
    import os

    from utsatta.fileio import kind_of_mode, shown

    try:
        mode = os.lstat(target).st_mode
    except OSError:
        mode = None  # missing, or a folder on the way is unreadable: the write says what
    if mode is not None:
        raise WriteRefused(_occupied(target, mode, shown(target), kind_of_mode(mode)))
    write_file(target, text, overwrite=False, inside=root, folders=True)
    from utsatta.escape import utsatta_command

    check = shown(utsatta_command("validate", str(target), data=str(root)))
    out(f"Skapade {shown(target)}. Fyll i fälten och kontrollera med: {check}\n")


def _occupied(target: Path, mode: int, where: str, kind: str) -> str:
    """What stands where the new data file would go, and what to do about it."""
    import stat

    from utsatta.fileio import kind_of_mode

    if stat.S_ISREG(mode):
        return (
            f"{where} finns redan och skrivs inte över. Redigera den befintliga filen "
            "(eller ta bort den först om du vill börja om)."
        )
    if stat.S_ISLNK(mode):
        try:
            kind = kind_of_mode(target.stat().st_mode)
        except OSError:
            kind = ""
        head = (
            f"{where} är en symbolisk länk "
            f"{f'till {kind}' if kind else 'som inte leder till något som finns'} och skrivs "
            "inte över (utsatta följer inga länkar när den skriver)."
        )
        if kind == "en vanlig fil":
            return f"{head} Redigera filen som länken leder till i stället."
        return f"{head} Ta bort länken och kör kommandot igen."
    return (
        f"{where} är {kind}, inte en datafil, och skrivs inte över. Ta bort eller flytta den "
        "och kör kommandot igen."
    )
