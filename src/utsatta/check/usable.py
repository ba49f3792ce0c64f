"""Whether a data set can give the output of one year: the report (``build_report``) and the
export (``utsatta.export.export``) refuse the same data, the same way, with the same errors as
the command line (docs/decisions/0270-exporten-bestammer-i-biblioteket.md)."""

from __future__ import annotations

from utsatta.check.period import require_whole_year, require_year
from utsatta.check.pipeline import ValidationResult, check_loaded
from utsatta.errors import ArgumentError, DataErrors
from utsatta.escape import utsatta_command
from utsatta.fileio import shown
from utsatta.findings import Finding
from utsatta.load.dataset import DataSet

__all__ = ["NAMED_ERRORS", "require_usable"]

#: How many of the errors a ``DataErrors`` message names (all are in its ``findings``).
NAMED_ERRORS = 5


def require_usable(ds: DataSet, ar: int, *, what: str) -> None:
    """Raise unless ``ds`` can give ``what`` (``"rapport"``, ``"export"``) of year ``ar``:
    ``ar`` a whole number in the plan's period (``ArgumentError``), every text kept, every
    report loaded (``ArgumentError``), no error that the command line would stop on
    (``ValidationResult.blocking``: ``DataErrors`` with the findings) in the shared files or in
    a report or uppföljning of ``ar`` or an earlier year. Every message Swedish."""
    noun = f"{what}en"  # rapporten, exporten
    if not isinstance(ds, DataSet):
        raise ArgumentError(
            f"{noun.capitalize()} skrivs av en datamängd (DataSet från "
            "utsatta.validate(...).dataset eller utsatta.load(...)), inte av "
            f"{type(ds).__name__}: {shown(repr(ds))}.",
            argument="ds",
        )
    require_whole_year(ar)
    if not ds.texts:
        raise ArgumentError(
            "Datamängden lästes in utan rapporternas texter (texts=False), så "
            f"{noun} kan inte skrivas. Läs in datamappen med texts=True (standard).",
            argument="ds",
        )
    if ds.partial:
        raise ArgumentError(
            "Datamängden har bara några av rapporterna (en kontroll av vissa filer, paths= "
            f"eller only=), så {noun} skulle bli fel. Läs in hela datamappen.",
            argument="ds",
        )
    # What the command line stops on: the findings of a check for that year (those of
    # ``validate(root, year=ar)``, or the same checks run now): the shared files and the
    # reports and uppföljningar of ``ar`` and every earlier year, which the output shows
    # (the slutuppföljning, the export's series); a later year's never (pipeline.later_year_file).
    if ds.checked is not None and ds.checked[0] == ar:
        findings = ds.checked[1]
    else:
        findings = check_loaded(ds, ar)
    files = sum(1 for _ in ds.files())
    blocking = ValidationResult(ds, findings, files).blocking()
    if blocking is not None:
        raise DataErrors(
            _errors_message(ds, blocking, ar, noun),
            blocking,
            files_checked=files,
            data=str(ds.root),
        )
    require_year(ds, ar)


def _errors_message(ds: DataSet, errors: list[Finding], ar: int, noun: str) -> str:
    if not errors:  # a shared file is missing or cannot be read, without an error of its own
        return (
            f"{noun.capitalize()} för {ar} kan inte skrivas: plan.yaml eller "
            f"organisationer.yaml saknas eller går inte att läsa i datamappen {shown(ds.root)}. "
            f"Se vad som är fel med: {_check_command(ds)}"
        )
    named = " ".join(
        f"{shown(f.file)}:{f.line}:{f.column}: [{f.code}] {f.message.rstrip('.')}."
        for f in errors[:NAMED_ERRORS]
    )
    more = len(errors) - NAMED_ERRORS
    return (
        f"{noun.capitalize()} för {ar} kan inte skrivas: datan har {len(errors)} fel som skulle "
        f"göra den felaktig. {named}"
        + (f" Och {more} fel till." if more > 0 else "")
        + " Rätta felen och försök igen; alla står i undantagets findings och visas av: "
        + _check_command(ds)
    )


def _check_command(ds: DataSet) -> str:
    # the check of this very folder, as a user pastes it (a command ends its sentence)
    return shown(utsatta_command("validate", data=str(ds.root)))
