"""utsatta: uppföljning av Göteborgs Stads handlingsplan för att inga områden ska vara
utsatta 2025, as a library.

    import utsatta

    result = utsatta.validate("data")            # every finding, with file, line and column
    if not result.failed():
        view = utsatta.build_report(result.dataset, 2023)
        text = utsatta.render_report(view, "md")

Names are imported when first used (PEP 562), so ``import utsatta`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # not from typing: `import utsatta` imports nothing it does not need

__version__ = "0.1.0"

#: The public API: name → (module, attribute).
_API: dict[str, tuple[str, str]] = {
    # check a data folder: ValidationResult(dataset, findings, files_checked)
    "validate": ("utsatta.check.pipeline", "validate"),
    "ValidationResult": ("utsatta.check.pipeline", "ValidationResult"),
    # load a data folder into models without the checks across files
    "load": ("utsatta.load.dataset", "load"),
    "DataSet": ("utsatta.load.dataset", "DataSet"),
    # the report: a view of one year, rendered as Markdown or HTML
    "build_report": ("utsatta.render.report", "build"),
    "render_report": ("utsatta.render.report", "render"),
    "report_text": ("utsatta.render.report", "report_text"),
    # the one problem record, its severities and the registry of codes
    "Finding": ("utsatta.findings", "Finding"),
    "Severity": ("utsatta.findings", "Severity"),
    "CODES": ("utsatta.codes", "CODES"),
    # the few exceptions (never for bad data)
    "UtsattaError": ("utsatta.errors", "UtsattaError"),
    "DataDirError": ("utsatta.errors", "DataDirError"),
    "OutputError": ("utsatta.errors", "OutputError"),
    # formatting and JSON Schema
    "format_text": ("utsatta.fmt", "format_text"),
    "schema_texts": ("utsatta.schema_export", "schema_texts"),
}

__all__ = [
    "CODES",
    "DataDirError",
    "DataSet",
    "Finding",
    "OutputError",
    "Severity",
    "UtsattaError",
    "ValidationResult",
    "build_report",
    "format_text",
    "load",
    "render_report",
    "report_text",
    "schema_texts",
    "validate",
]

if TYPE_CHECKING:
    from typing import Any

    from utsatta.check.pipeline import ValidationResult, validate
    from utsatta.codes import CODES
    from utsatta.errors import DataDirError, OutputError, UtsattaError
    from utsatta.findings import Finding, Severity
    from utsatta.fmt import format_text
    from utsatta.load.dataset import DataSet, load
    from utsatta.render.report import build as build_report
    from utsatta.render.report import render as render_report
    from utsatta.render.report import report_text
    from utsatta.schema_export import schema_texts


def __getattr__(name: str) -> Any:
    try:
        module, attr = _API[name]
    except KeyError:
        raise AttributeError(f"module 'utsatta' has no attribute {name!r}") from None
    value = getattr(import_module(module), attr)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]
