"""`utsatta report ÅR`: the samlad uppföljning for one year, as Markdown or HTML.

:func:`build` turns a loaded data set into a :class:`ReportView` (plain, frozen data in the
plan's order, every number already written in Swedish); :func:`render` runs the template of one
format over it. Layout and decisions: docs/decisions/0010-report-layout.md.
"""

from utsatta.numbers import tal
from utsatta.render.breakdown import per_kon, per_omrade
from utsatta.render.report.assemble import build
from utsatta.render.report.defaults import override_templates_dir
from utsatta.render.report.environment import Format, render, report_text
from utsatta.render.report.view import ReportView

__all__ = [
    "Format",
    "ReportView",
    "build",
    "override_templates_dir",
    "per_kon",
    "per_omrade",
    "render",
    "report_text",
    "tal",
]
