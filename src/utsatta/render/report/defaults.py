"""The defaults of a report written from a data set, decided in one place for every format
(md, html, pdf, json) and before the report is built: which templates (the data repository's
own ``templates/`` beside the data folder when there is one, else the bundled ones), which date
(a PDF's footer: the year's decision date from the data) and what is refused, in one order:
the year and the data, the templates folder, the format, then a library the format needs.
``report_text``, ``report_json``, ``report_pdf`` and ``utsatta report`` all start here, so
they cannot choose differently (docs/decisions/0465-rapportens-standardval-en-gang.md).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from utsatta import escape
from utsatta.compute.report_date import ReportDate, report_date
from utsatta.errors import ArgumentError
from utsatta.fileio import as_path, shown
from utsatta.load.dataset import DataSet
from utsatta.load.files import resolved
from utsatta.render.pdf_library import require_weasyprint
from utsatta.render.report.assemble import require_report_data

__all__ = [
    "REPORT_FORMATS",
    "ReportDefaults",
    "ReportFormat",
    "TemplatesDir",
    "override_templates_dir",
    "report_defaults",
    "templates_folder",
    "unknown_format",
]

#: The formats a report is written in (`utsatta report --format`).
ReportFormat = Literal["md", "html", "pdf", "json"]
REPORT_FORMATS: Final[tuple[ReportFormat, ...]] = ("md", "html", "pdf", "json")


def override_templates_dir(data_dir: Path) -> Path | None:
    """A data repository's own ``templates/`` next to its data folder, if there is one."""
    folder = resolved(data_dir).parent / "templates"
    return folder if folder.is_dir() else None


#: What a caller may give as ``templates_dir``: a folder (``str`` or ``Path``); None for the
#: default; False for the bundled templates only (docs/decisions/0451-mallmapp-som-saknas.md).
TemplatesDir = str | os.PathLike[str] | Literal[False] | None


def templates_folder(templates_dir: object, data_dir: Path | None = None) -> Path | None:
    """The folder searched before the bundled templates, or None for those alone.

    ``templates_dir`` None: the data repository's own ``templates/`` next to ``data_dir`` when
    there is one (``override_templates_dir``); False: only the bundled templates, also when
    the repository has its own; else a folder that must exist. A folder that is not there
    raises ``ArgumentError``: falling back to the bundled templates without a word would give
    another report than the one asked for."""
    if templates_dir is False:
        return None
    if templates_dir is None:
        return None if data_dir is None else override_templates_dir(data_dir)
    folder = as_path(templates_dir)
    advice = (
        "Ange en mapp med rapportmallar, None för datarepots egna templates/ bredvid "
        "datamappen (om den finns) eller False för bara de inbyggda mallarna."
    )
    if templates_dir == "":  # a str, so not "ska vara … str … inte str"
        raise ArgumentError(
            f"templates_dir är en tom text, ingen mapp. {advice}", argument="templates_dir"
        )
    if folder is None:
        raise ArgumentError(
            f"templates_dir ska vara en mapp som text (str) eller Path, inte "
            f"{type(templates_dir).__name__}: {shown(repr(templates_dir))}. {advice}",
            argument="templates_dir",
        )
    if not folder.is_dir():
        what = "är ingen mapp" if folder.exists() else "finns inte"
        raise ArgumentError(
            f"Mallmappen {shown(folder)} (templates_dir) {what}. {advice}",
            argument="templates_dir",
        )
    return folder


def unknown_format(fmt: object, formats: Sequence[str]) -> ArgumentError:
    """The refusal of a format not among ``formats``: 'Okänt format 'pdf': ange "md" eller
    "html".'"""
    named = [f'"{f}"' for f in formats]
    choices = " eller ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
    return ArgumentError(
        f"Okänt format {escape.identifier(repr(fmt))}: ange {choices}.", argument="fmt"
    )


@dataclass(frozen=True)
class ReportDefaults:
    """What the defaults gave for one report: its format, the templates (a folder searched
    before the bundled ones, or False for those alone) and, for a PDF, the footer's date (a
    :class:`ReportDate`, or a date as text that ``render_pdf`` judges against the view)."""

    fmt: ReportFormat
    templates_dir: Path | Literal[False]
    datum: str | ReportDate | None = None


def report_defaults(
    ds: DataSet,
    ar: int,
    fmt: str,
    *,
    templates_dir: TemplatesDir = None,
    datum: str | ReportDate | None = None,
    formats: Sequence[str] = REPORT_FORMATS,
) -> ReportDefaults:
    """The defaults of the report of year ``ar`` in ``fmt``, every refusal made before the
    report is built.

    ``templates_dir`` as :func:`templates_folder` (None: the data repository's own); ``datum``
    None: for a PDF the year's decision date from the data, marked made up when the
    uppföljning is illustrative (:func:`utsatta.compute.report_date.report_date`); ``formats``:
    those the caller writes (``report_text``: "md" and "html").

    Raises, every message Swedish, in this order: ``ArgumentError`` and ``DataErrors`` as
    ``build_report`` (a year outside the plan, data with errors that would make the report
    wrong); ``ArgumentError`` for a ``templates_dir`` that is no folder, then for a format not
    in ``formats``; :class:`~utsatta.render.pdf_library.PdfUnavailableError` (a
    ``MissingLibrary``, exit code 5) for a PDF when WeasyPrint or its system libraries are
    missing.
    """
    require_report_data(ds, ar)
    folder = templates_folder(templates_dir, ds.root)
    if fmt not in formats or fmt not in REPORT_FORMATS:
        raise unknown_format(fmt, formats)
    if fmt == "pdf":
        require_weasyprint()  # what to install, before the work
        datum = report_date(ds, ar) if datum is None else datum
    else:
        datum = None  # only a PDF has a date of its own (the footer)
    return ReportDefaults(fmt, False if folder is None else folder, datum)
