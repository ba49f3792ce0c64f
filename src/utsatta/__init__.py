"""utsatta: uppföljning av Göteborgs Stads handlingsplan för att inga områden ska vara
utsatta 2025, as a library.

    import utsatta

    result = utsatta.validate("data")    # every finding, with file, line, column and code
    where = [(f.file, f.line, f.column, f.code) for f in result.findings]
    text = utsatta.report_text(result.dataset, 2023, "md")    # as `utsatta report 2023`
    pdf = utsatta.report_pdf(result.dataset, 2023)    # bytes, as `… --format pdf` writes them
    utsatta.write_export(result.dataset, 2023, "xlsx", "u.xlsx")    # as `utsatta export`

Every text is Swedish; bad data gives findings, never an exception. What cannot go on raises
an ``UtsattaError`` with a Swedish message: ``DataDirError`` (no data folder there),
``ArgumentError`` (a year outside the plan's period, a file that is not there, an unknown
format or kind), ``DataErrors`` (the data has errors that would make a report wrong; the
findings are on the exception), ``TemplateFailed`` (a report template cannot be used),
``MissingLibrary`` (a format's library is not installed: WeasyPrint for PDF, XlsxWriter for
xlsx; the message says what to install), ``FormatRefused`` (``format_text`` will not format a
file). ``write_export`` writes files: a file it would replace without ``force=True``, or a
data file, is ``utsatta.errors.WriteRefused``, a file or folder it cannot write
``utsatta.errors.WriteFailed`` (both ``utsatta.errors.OutputError``); a format that is not
csv or xlsx, or that the output's name contradicts (``fmt="csv"`` to ``x.xlsx``, a workbook
named ``x.docx``), is ``utsatta.outputformat.FormatMismatch`` (an ``ArgumentError``).

Names are imported when first used (PEP 562), so ``import utsatta`` stays cheap.
"""

# No `from __future__ import annotations` (it imports the module __future__, and the command
# line imports this package before its Ctrl-C guard): annotations that name a type only a type
# checker imports are quoted.
import os

TYPE_CHECKING = False  # not from typing: `import utsatta` imports nothing it does not need

#: The public API that is imported when first used: name → (module, attribute).
_API: dict[str, tuple[str, str]] = {
    # imported when asked, like the rest: the command line imports nothing before its Ctrl-C guard
    "__version__": ("utsatta.version", "__version__"),
    # check a data folder: ValidationResult(dataset, findings, files_checked)
    "validate": ("utsatta.check.pipeline", "validate"),
    "ValidationResult": ("utsatta.check.pipeline", "ValidationResult"),
    "DataSet": ("utsatta.load.dataset", "DataSet"),
    # the report: a view of one year, rendered as Markdown or HTML, or the view as JSON
    "build_report": ("utsatta.render.report", "build"),
    "render_report": ("utsatta.render.report", "render"),
    "report_text": ("utsatta.render.report", "report_text"),
    "report_json": ("utsatta.render.report_json", "report_json"),
    "report_pdf": ("utsatta.render.pdf", "report_pdf"),
    "override_templates_dir": ("utsatta.render.report", "override_templates_dir"),
    "ReportView": ("utsatta.render.report", "ReportView"),
    "Format": ("utsatta.render.report", "Format"),
    # the one problem record, its severities and the registry of codes
    "Finding": ("utsatta.findings", "Finding"),
    "Severity": ("utsatta.findings", "Severity"),
    "CODES": ("utsatta.codes", "CODES"),
    # the few exceptions (never for bad data)
    "UtsattaError": ("utsatta.errors", "UtsattaError"),
    "DataDirError": ("utsatta.errors", "DataDirError"),
    "ArgumentError": ("utsatta.errors", "ArgumentError"),
    "DataErrors": ("utsatta.errors", "DataErrors"),
    "TemplateFailed": ("utsatta.render.report.environment", "TemplateFailed"),
    "MissingLibrary": ("utsatta.errors", "MissingLibrary"),
    "FormatRefused": ("utsatta.fmt", "FormatRefused"),
    # formatting and JSON Schema
    "format_text": ("utsatta.fmt", "format_text"),
    "schema_texts": ("utsatta.schema_export", "schema_texts"),
    # the export (`utsatta export`): tables written as xlsx or CSV. Not `export`: that name is
    # the subpackage utsatta/export/, which would shadow it once imported (decision 0435)
    "write_export": ("utsatta.export", "export"),
}

__all__ = [
    "CODES",
    "ArgumentError",
    "DataDirError",
    "DataErrors",
    "DataSet",
    "Finding",
    "Format",
    "FormatRefused",
    "MissingLibrary",
    "ReportView",
    "Severity",
    "TemplateFailed",
    "UtsattaError",
    "ValidationResult",
    "build_report",
    "format_text",
    "load",
    "override_templates_dir",
    "render_report",
    "report_json",
    "report_pdf",
    "report_text",
    "schema_texts",
    "validate",
    "write_export",
]

if TYPE_CHECKING:
    from collections.abc import Iterable

    from utsatta.check.pipeline import ValidationResult, validate
    from utsatta.codes import CODES
    from utsatta.errors import (
        ArgumentError,
        DataDirError,
        DataErrors,
        MissingLibrary,
        UtsattaError,
    )
    from utsatta.export import export as write_export
    from utsatta.findings import Finding, Severity
    from utsatta.fmt import FormatRefused, format_text
    from utsatta.load.dataset import DataSet
    from utsatta.render.pdf import report_pdf
    from utsatta.render.report import Format, ReportView, override_templates_dir, report_text
    from utsatta.render.report import build as build_report
    from utsatta.render.report import render as render_report
    from utsatta.render.report.environment import TemplateFailed
    from utsatta.render.report_json import report_json
    from utsatta.schema_export import schema_texts
    from utsatta.version import __version__ as __version__

# `utsatta.load` names both a public function and the subpackage utsatta/load/. Python sets a
# package's attribute to a subpackage when the subpackage is first imported, which would turn
# the function into the module the moment anything imports utsatta.load.dataset. The subpackage
# (an empty __init__) is imported here, before the function is defined: that happens only once,
# so the name stays the function. utsatta/load/ modules are imported by their full names
# (`from utsatta.load.dataset import …`); docs/decisions/0124-bibliotekets-api.md.
__import__("utsatta.load")  # not importlib: `utsatta` (the command line) starts on builtins


def load(
    root: "str | os.PathLike[str]",
    only: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None" = None,
    *,
    texts: bool = True,
) -> "DataSet":
    """Load a data folder into its models, without the checks across files (``validate``
    runs those): the data set's ``findings`` are those of reading the files and of the schema,
    each with file, line and column.

    ``only``: one path or several; report files outside them are left out (the data set is
    then ``partial`` and gives no report). ``texts=False``: the reports' free texts are checked
    but not kept (far less memory; such a data set gives no report either).

    Raises ``DataDirError`` when ``root`` is no folder that can be read, ``ArgumentError`` when
    ``root`` or ``only`` is (or holds) something that is no path.
    """
    from utsatta.check.partial import named_paths
    from utsatta.check.pipeline import resolve
    from utsatta.load.dataset import load as load_folder

    ds = load_folder(root, named_paths(only), texts=texts)
    ds.findings = resolve(ds, ds.findings)
    return ds


if not TYPE_CHECKING:  # for a type checker an unknown name is an error, not Any

    def __getattr__(name: str) -> object:
        try:
            module, attr = _API[name]
        except KeyError:
            raise AttributeError(f"module 'utsatta' has no attribute {name!r}") from None
        from importlib import import_module

        value = getattr(import_module(module), attr)
        globals()[name] = value  # the next access is a plain lookup
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
