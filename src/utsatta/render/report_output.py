"""`utsatta report ÅR` in any format as one call: the defaults of every format
(:func:`~utsatta.render.report.defaults.report_defaults`: the templates, the date, every
refusal before the work), the view built once, and what is written from it. The view comes
back with the content, so that what the command says about the report (its gaps, decision
0445) is read from the view that was written, not from a second one
(docs/decisions/0465-rapportens-standardval-en-gang.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from utsatta.load.dataset import DataSet
from utsatta.render.pdf import render_pdf
from utsatta.render.report.assemble import assemble
from utsatta.render.report.defaults import ReportDefaults, report_defaults
from utsatta.render.report.environment import render
from utsatta.render.report.view import ReportView
from utsatta.render.report_json import view_json

__all__ = ["ReportOutput", "render_output", "report_output"]


@dataclass(frozen=True)
class ReportOutput:
    """A written report: the view it was made from, and its text (bytes for a PDF)."""

    view: ReportView
    content: str | bytes
    #: the defaults it was written with: what renders the view again (with_version, 0630)
    defaults: ReportDefaults


def render_output(
    view: ReportView, defaults: ReportDefaults, ds: DataSet | None = None
) -> str | bytes:
    """``view`` in the format of ``defaults``, with its templates and date: the text of
    ``report_text`` and ``report_json``, the bytes of ``report_pdf`` (``ds``, the data the
    view was built from: the files a PDF too large to lay out names)."""
    if defaults.fmt == "pdf":
        return render_pdf(view, datum=defaults.datum, templates_dir=defaults.templates_dir, ds=ds)
    if defaults.fmt == "json":
        return view_json(view)
    return render(view, defaults.fmt, defaults.templates_dir)


def report_output(ds: DataSet, ar: int, fmt: str) -> ReportOutput:
    """The report of year ``ar`` in ``fmt`` ("md", "html", "pdf" or "json") as the command
    writes it, and the one view it was made from. Raises as
    :func:`~utsatta.render.report.defaults.report_defaults`, before the view is built."""
    defaults = report_defaults(ds, ar, fmt)
    view = assemble(ds, ar)
    return ReportOutput(view, render_output(view, defaults, ds), defaults)
