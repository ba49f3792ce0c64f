"""Rendering a report view as text: the sandboxed Jinja environment over the bundled templates
(and a data repository's own ``templates/``), :func:`render` and :func:`report_text`.

jinja2 and markdown-it are imported here only when a report is rendered, so commands that do
not render (``validate``) never pay for them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from utsatta.load.datadir import bundled_templates_dir
from utsatta.load.dataset import DataSet
from utsatta.render.report.assemble import build
from utsatta.render.report.view import ReportView

if TYPE_CHECKING:
    from jinja2 import Environment

Format = Literal["md", "html"]

_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def override_templates_dir(data_dir: Path) -> Path | None:
    """A data repository's own ``templates/`` next to its data folder, if there is one."""
    folder = data_dir.resolve().parent / "templates"
    return folder if folder.is_dir() else None


def _environment(fmt: Format, templates_dir: Path | None) -> Environment:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from utsatta.render import markdown

    folders = [bundled_templates_dir()]
    if templates_dir is not None:
        folders.insert(0, templates_dir)
    # Sandboxed: a data repository's templates are text from its contributors, not code.
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
        autoescape=fmt == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        md=markdown.inline,
        mdcell=markdown.cell,
        mdblock=markdown.block,
        mdurl=markdown.url,
        richtext=markdown.richtext,
    )
    return env


def render(view: ReportView, fmt: Format, templates_dir: Path | None = None) -> str:
    """The report as text. ``templates_dir`` (optional) is searched before the bundled templates.

    Markdown is tidied after rendering (no trailing spaces, at most one blank line in a row), so
    the templates can be written for readability.
    """
    if fmt not in ("md", "html"):
        raise ValueError(f"okänt format {fmt!r}")
    template = _environment(fmt, templates_dir).get_template(f"report.{fmt}.j2")
    text = template.render(r=view)
    if fmt == "md":
        text = _BLANK_LINES.sub("\n\n", _TRAILING.sub("\n", text))
    return text.rstrip("\n") + "\n"


def report_text(ds: DataSet, ar: int, fmt: Format, templates_dir: Path | None = None) -> str:
    """build + render in one call."""
    return render(build(ds, ar), fmt, templates_dir)
