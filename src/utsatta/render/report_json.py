"""`utsatta report ÅR --format json`: the whole report view the templates use, as JSON.

The shape (docs/decisions/0090-rapport-som-json.md) is ``{"schemaversion": 1, "format":
"utsatta-rapport", …}`` followed by every field of :class:`ReportView`, turned into JSON
generically (a dataclass becomes an object with its field names as keys, a tuple a list), so a
field added to the view appears here without a change to this module. Free texts stay the
Markdown the nämnd wrote (the templates turn them into HTML; here nothing is rendered). The inline
SVG charts are left out: they are drawings of the values that the JSON holds anyway
(``uppdelningar``, ``baslinje`` …); a field whose value is HTML markup is never part of the JSON.

``schemaversion`` goes up when a field is renamed or removed or changes its meaning; new fields
do not change it.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any, Final

from markupsafe import Markup

from utsatta import escape
from utsatta.render.report.assemble import assemble
from utsatta.render.report.defaults import report_defaults

if TYPE_CHECKING:
    from utsatta.load.dataset import DataSet
    from utsatta.render.report.view import ReportView

__all__ = ["SCHEMAVERSION", "report_json", "view_data"]

SCHEMAVERSION: Final = 1


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not isinstance(getattr(value, f.name), Markup)
        }
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def view_data(view: ReportView) -> dict[str, Any]:
    """The view as plain JSON data, with the schema version first."""
    data = _plain(view)
    assert isinstance(data, dict)
    return {"schemaversion": SCHEMAVERSION, "format": "utsatta-rapport", **data}


def report_json(ds: DataSet, ar: int) -> str:
    """The report for year ``ar`` as JSON text (UTF-8, keys in the view's order, one trailing
    newline): the same data gives the same bytes. Refuses what ``build_report`` refuses (the
    defaults of every format, :func:`utsatta.render.report.defaults.report_defaults`)."""
    report_defaults(ds, ar, "json")
    return view_json(assemble(ds, ar))


def view_json(view: ReportView) -> str:
    """The view as ``report_json`` writes it: for a caller that also reads the view. Escaped
    for every channel here, once (:func:`utsatta.escape.json_document`: control, format and
    invisible characters as ``\\uXXXX``, ``##[`` as ``##\\u005b``; lossless), so the library,
    standard output and ``--output FIL`` give the same bytes (docs/decisions/0520)."""
    return escape.json_document(json.dumps(view_data(view), ensure_ascii=False, indent=2) + "\n")
