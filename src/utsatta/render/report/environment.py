"""Rendering a report view as text: the sandboxed Jinja environment over the bundled templates
(and a data repository's own ``templates/``), :func:`render` and :func:`report_text`.

jinja2 and markdown-it are imported here only when a report is rendered, so commands that do
not render (``validate``) never pay for them.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from utsatta import escape
from utsatta.errors import UtsattaError
from utsatta.fileio import reason
from utsatta.load.datadir import bundled_templates_dir
from utsatta.load.dataset import DataSet
from utsatta.load.files import resolved
from utsatta.numbers import heltal
from utsatta.render.markdown import MdSafe
from utsatta.render.report import bounds, mdankare, template_errors
from utsatta.render.report.assemble import assemble
from utsatta.render.report.defaults import (
    TemplatesDir,
    report_defaults,
    templates_folder,
    unknown_format,
)
from utsatta.render.report.view import ReportView

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment
    from jinja2.compiler import CodeGenerator

Format = Literal["md", "html"]
Format.__doc__ = (  # help(utsatta.Format): the one name of the API that is a type alias
    'The formats a report is rendered in: "md" (Markdown) or "html" (one standalone page); '
    "a PDF is made from the HTML by `utsatta report ÅR --format pdf`."
)

#: Three or more newlines (a literal start is searched fast; ``\n{3,}`` tried every newline).
_BLANK_LINES = re.compile(r"\n\n\n+")


#: The most characters a report may have (the real reports are well under 1 MB).
MAX_OUTPUT = 20_000_000
#: The most items all ``range()`` calls of one rendering may produce together.
MAX_RANGE_TOTAL = 1_000_000
#: The longest string or list a ``*`` or ``**`` in a template may produce.
MAX_PRODUCT = 1_000_000
#: The largest template file read.
MAX_TEMPLATE_BYTES = 2_000_000


class TemplateFailed(UtsattaError):
    """A report template could not be rendered: a syntax error, an undefined name, a limit
    reached, or a template that is not inside its folder. The message names the template
    file and line (docs/decisions/0065-templates.md)."""

    exit_code = 1
    #: the template file and line, when known where the error is raised
    filename: str | None = None
    lineno: int | None = None


def _contained_loader(folder: Path) -> BaseLoader:
    """A loader for one folder that opens only regular files whose real path is inside it
    (no link out, no ``..``), and at most MAX_TEMPLATE_BYTES of each."""
    from jinja2 import BaseLoader, TemplateNotFound

    from utsatta.fileio import read_regular

    root = resolved(folder)

    class ContainedLoader(BaseLoader):
        def get_source(
            self, environment: Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            parts = template.replace("\\", "/").split("/")
            if any(p in ("", ".", "..") for p in parts) or Path(template).is_absolute():
                raise TemplateNotFound(template)
            path = root.joinpath(*parts)
            if not os.path.lexists(path):
                raise TemplateNotFound(template)
            real = resolved(path)  # never raises, not even for a loop of links
            if not real.is_relative_to(root):
                raise TemplateFailed(
                    f"Mallen {escape.identifier(str(path))} är en länk ut ur mallmappen {root} "
                    "och används inte. Lägg mallen i mappen i stället för en länk."
                )
            try:
                data = read_regular(real, limit=MAX_TEMPLATE_BYTES)
            except OSError as exc:
                raise TemplateFailed(
                    f"Mallen {escape.identifier(str(path))} kan inte läsas ({reason(exc)})."
                ) from None
            try:
                source = data.decode("utf-8")
            except UnicodeDecodeError:
                raise TemplateFailed(
                    f"Mallen {escape.identifier(str(path))} är inte UTF-8. Spara den som UTF-8."
                ) from None
            return source, str(path), lambda: True

    return ContainedLoader()


def _compiler() -> type[CodeGenerator]:
    from jinja2.compiler import CodeGenerator

    class WithoutFilterBlocks(CodeGenerator):
        """Jinja's compiler, refusing ``{% filter %}`` blocks and a filter on a ``{% set %}``
        block: Jinja writes a filter block's result without ``finalize`` or autoescaping, so
        ``{% filter replace("X", text) %}`` would put a text from the data into the report
        unescaped (docs/decisions/0652); a set block's filter gets the block's finished text,
        which it can make unsafe again (``striptags`` turns ``&lt;`` back into ``<``), and the
        HTML environment marks its result Markup (docs/decisions/0660)."""

        def refuse(self, node: Any, message: str) -> NoReturn:
            exc = TemplateFailed(message)
            exc.filename, exc.lineno = self.filename or self.name, node.lineno
            raise exc

        def visit_FilterBlock(self, node: Any, frame: Any) -> None:
            self.refuse(
                node,
                "mallen använder ett {% filter %}-block, som inte är tillåtet: dess resultat "
                "skulle skrivas utan att texten från datan görs säker. Skriv filtret på "
                "värdet i stället, t.ex. {{ värde | upper }}.",
            )

        def visit_ScopedEvalContextModifier(self, node: Any, frame: Any) -> None:
            self.keeps_escaping(node)
            super().visit_ScopedEvalContextModifier(node, frame)

        def visit_EvalContextModifier(self, node: Any, frame: Any) -> None:
            self.keeps_escaping(node)
            super().visit_EvalContextModifier(node, frame)

        def keeps_escaping(self, node: Any) -> None:
            """``{% autoescape false %}`` (or a value only known when the template runs) would
            print the data's text into the HTML page unescaped: refused, as filter blocks."""
            from jinja2 import nodes

            for keyword in node.options:
                value = keyword.value
                if keyword.key == "autoescape" and not (
                    isinstance(value, nodes.Const) and value.value is True
                ):
                    self.refuse(
                        node,
                        "mallen stänger av escapingen med {% autoescape false %}, som inte är "
                        "tillåtet: texten från datan skulle skrivas utan att göras säker. Ta "
                        "bort blocket; skriv en text som mallen själv bygger med |safe.",
                    )

        def visit_AssignBlock(self, node: Any, frame: Any) -> None:
            """Jinja's own (jinja2 3.1), with the filter refused and a plain (not autoescaped)
            block's text passed through ``environment.set_block_text``."""
            if node.filter is not None:
                self.refuse(
                    node,
                    "mallen använder ett {% set %}-block med filter, som inte är tillåtet: "
                    "filtret får blockets färdiga text och kan göra texten från datan osäker "
                    "igen. Skriv filtret på värdet inne i blocket i stället, t.ex. "
                    "{% set x %}{{ värde | upper }}{% endset %}.",
                )
            self.push_assign_tracking()
            block_frame = frame.inner()
            block_frame.require_output_check = False  # a set block always captures
            block_frame.symbols.analyze_node(node)
            self.enter_frame(block_frame)
            self.buffer(block_frame)
            self.blockvisit(node.body, block_frame)
            self.newline(node)
            self.visit(node.target, frame)
            self.write(
                " = (Markup if context.eval_ctx.autoescape else environment.set_block_text)("
            )
            self.write(f"concat({block_frame.buffer}))")
            self.pop_assign_tracking(frame)
            self.leave_frame(block_frame)

    return WithoutFilterBlocks


def _sandbox() -> type[Environment]:
    from jinja2.runtime import BlockReference, Macro
    from jinja2.sandbox import SandboxedEnvironment

    renders = (Macro, BlockReference)  # a call that renders part of a template

    class BoundedSandbox(SandboxedEnvironment):
        """The sandbox, plus: ``*`` and ``**`` cannot build huge values, and all ``range()``
        calls of one rendering together give at most MAX_RANGE_TOTAL items."""

        intercepted_binops = frozenset({"*", "**", "%"})
        code_generator_class = _compiler()
        #: whether a macro's or a block's output is marked MdSafe (the Markdown report)
        marks_markdown = False

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "%":
                if isinstance(left, str):  # '%999999999d' % 1: a gigabyte (bounds.py)
                    bounds.check_percent(left)
                return bounds.html_format(left, right)
            if operator == "**":
                if isinstance(right, int) and abs(right) > 64:
                    raise TemplateFailed("en potens i mallen är för stor (högst 64).")
                return left**right
            if isinstance(left, int) and isinstance(right, str | list | tuple):
                left, right = right, left
            sized = isinstance(left, str | list | tuple) and isinstance(right, int)
            if sized and len(left) * max(right, 0) > MAX_PRODUCT:
                raise TemplateFailed(
                    f"mallen bygger en text eller lista längre än {heltal(MAX_PRODUCT)} med '*'."
                )
            return left * right

        def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
            bounds.check_method_call(obj, args)  # 'x'.ljust(999999999)
            # What a macro, caller() or block renders is template output whose every value
            # has passed finalize already: marked, so that printing it escapes nothing twice.
            out = super().call(context, obj, *args, **kwargs)
            if self.marks_markdown and type(out) is str and isinstance(obj, renders):
                return MdSafe(out)
            return out

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            marked = value.__self__
            bounds.check_format(marked)  # '{:>999999999}'.format(1)
            if isinstance(marked, MdSafe):
                # Jinja gives back the format string's own type: a marked text filled with the
                # data's would skip the last step. Plain, as every MdSafe method returns.
                def plain(*args: Any, **kwargs: Any) -> str:
                    return str(wrapped(*args, **kwargs))

                return plain
            from markupsafe import Markup

            if isinstance(marked, Markup):
                # Markup's formatter escapes the values, but the last step's cleaning (no
                # control or bidi character) would be skipped: given them here
                def cleaned(*args: Any, **kwargs: Any) -> Any:
                    if value.__name__ == "format_map" and len(args) == 1:
                        return wrapped(bounds.html_values(args[0]))
                    return wrapped(*bounds.html_values(args), **bounds.html_values(kwargs))

                return cleaned
            return wrapped

        def set_block_text(self, text: str) -> str:
            # A {% set %} block's text, like a macro's output, is template text and values
            # that have passed finalize: marked in the Markdown report (docs/decisions/0660).
            return MdSafe(text) if self.marks_markdown else text

        def getattr(self, obj: Any, attribute: str) -> Any:
            # A field of a data class holding data (the report view) is read directly: the
            # sandbox's checks would return the same value (they refuse names with "_" and
            # act on callables), at a cost paid for every cell of every row.
            if attribute in getattr(type(obj), "__dataclass_fields__", ()) and not (
                attribute.startswith("_")
            ):
                value = getattr(obj, attribute)
                if not callable(value):
                    return value
            return super().getattr(obj, attribute)

    return BoundedSandbox


def _bounded_range(budget: list[int]) -> Callable[..., range]:
    def bounded(*args: int) -> range:
        r = range(*args)
        budget[0] -= len(r)
        if budget[0] < 0:
            raise TemplateFailed(
                f"mallens range() ger sammanlagt fler än {heltal(MAX_RANGE_TOTAL)} varv."
            )
        return r

    return bounded


def _finalize(value: Any) -> Any:
    """Every value printed by the HTML template: text from the data passes escape.html_text
    (no control, bidi override or stray zero-width character); Markup is already safe."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return escape.html_text(value)
    return value


def md_finalize() -> Callable[[Any], Any]:
    """Every value printed by the Markdown template: text marked MdSafe (a filter's or a
    macro's output) as it is, a number as it is; any other value is shown as written
    (markdown.text, docs/decisions/0652). markdown.text and not textcell: finalize cannot know
    whether the value is in a table cell, and text escapes ``|`` and joins the lines as well;
    textcell only adds breaks in long words and writes an empty text as a space."""
    from utsatta.render import markdown

    shown = _once_per_text(markdown.text)

    def finalize(value: Any) -> Any:
        if isinstance(value, MdSafe) or type(value) in (int, float):
            return value
        text = value if isinstance(value, str) else str(value)
        return shown(text) if text else text

    return finalize


def _marked(escape_text: Callable[[Any], str]) -> Callable[[Any], MdSafe]:
    """``escape_text`` whose output is marked safe Markdown (MdSafe) for the finalize."""

    def marked(value: Any) -> MdSafe:
        return MdSafe(escape_text(value))

    return marked


def _once_per_text(escape_text: Callable[[str], str]) -> Callable[[str], str]:
    """``escape_text`` that works out each text once per rendering: the same name, role or
    status is written in many rows of a report (a text passed a second time is looked up)."""
    done: dict[str, str] = {}

    def once(text: str) -> str:
        if type(text) is not str:  # what the filter does with anything else, unchanged
            return escape_text(text)
        out = done.get(text)
        if out is None:
            out = done[text] = escape_text(text)
        return out

    return once


def _environment(fmt: Format, templates_dir: Path | None) -> Environment:
    from jinja2 import ChoiceLoader, StrictUndefined

    from utsatta.render import labels, markdown

    folders = [bundled_templates_dir()]
    if templates_dir is not None:
        folders.insert(0, templates_dir)
    # Sandboxed: a data repository's templates are trusted like code but kept inside their
    # folder and bounded (docs/decisions/0065-templates.md).
    env = _sandbox()(
        loader=ChoiceLoader([_contained_loader(f) for f in folders]),
        autoescape=fmt == "html",
        # the last step: no value from the data reaches the page unescaped, whichever filter
        # a template (ours or a data repository's) forgot (docs/decisions/0652)
        finalize=_finalize if fmt == "html" else md_finalize(),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    # widths and counts bounded, nothing random, |format on a marked HTML text filled with
    # cleaned values (bounds.py); lipsum() is random text
    env.filters = bounds.bounded_filters(env.filters)
    del env.globals["lipsum"]
    env.filters.update(
        text=_once_per_text(markdown.text),
        textcell=_once_per_text(markdown.textcell),
        md=_once_per_text(markdown.inline),
        mdcell=_once_per_text(markdown.cell),
        mdblock=markdown.block,
        mdurl=markdown.url,
        weburl=markdown.weburl,
        richtext=markdown.richtext,
        richcell=markdown.richcell,
        ident=escape.identifier,
    )
    # the Markdown report's links to headings: marked and resolved after rendering (mdankare)
    env.globals.update(mdmark=mdankare.mark, mdref=mdankare.ref)
    if fmt == "md":
        env.marks_markdown = True  # type: ignore[attr-defined]
        # what the Markdown filters write is safe Markdown; "safe" is the template's own word
        # that a text it built is Markdown (it marks, it does not give Markup)
        for name in ("text", "textcell", "md", "mdcell", "mdblock", "mdurl", "safe"):
            env.filters[name] = _marked(env.filters[name])
    # what each certainty marker (†, ‡, *, ?) means: the HTML says it in words beside the symbol
    env.globals["markeringar"] = labels.MARKERING_BETYDELSE
    return env


def _bounded(parts: Iterator[str], limit: int) -> str:
    out: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > limit:
            raise TemplateFailed(
                f"rapporten blev längre än {heltal(limit)} tecken; mallen har troligen en slinga "
                "som inte tar slut."
            )
        out.append(part)
    return "".join(out)


def _template_place(exc: BaseException, name: str = "mallen") -> str:
    """``file:line`` of the template where ``exc`` happened (Jinja rewrites its traceback so
    that the template's frames carry the template file and line)."""
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None)
    lineno = getattr(exc, "lineno", None)
    if filename and lineno:
        return f"{escape.identifier(str(filename))}:{lineno}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{escape.identifier(frame.filename)}:{frame.lineno}"
    return escape.identifier(name)


def _template_recursion(exc: RecursionError) -> bool:
    """Whether the recursion is the template's own (a macro calling itself): a template frame
    among the innermost ones. A filter that recursed on a nämnd's text (granska19 F1) has only
    its own frames there; blaming the template for it named a file the user never wrote."""
    innermost = traceback.extract_tb(exc.__traceback__)[-_INNERMOST:]
    return any(frame.filename.endswith(".j2") for frame in innermost)


#: frames looked at for :func:`_template_recursion`; a macro's call is a few frames deep
_INNERMOST = 60


#: Python errors a template can cause while it runs ({{ 1/0 }}, {{ "a" + 1 }}, {{ r.ar() }})
_RUNTIME_ERRORS = (ArithmeticError, TypeError, ValueError, LookupError, AttributeError)


def _render_bounded(fmt: Format, templates_dir: Path | None, view: ReportView) -> str:
    from jinja2 import TemplateError, TemplateNotFound

    name = f"report.{fmt}.j2"
    try:
        env = _environment(fmt, templates_dir)
        env.globals["range"] = _bounded_range([MAX_RANGE_TOTAL])
        template = env.get_template(name)
        name = template.filename or name
        return _bounded(template.generate(r=view), MAX_OUTPUT)
    except TemplateNotFound as exc:
        raise TemplateFailed(
            f"Mallen {escape.identifier(str(exc.name))} finns inte (eller ligger utanför "
            "mallmappen)."
        ) from None
    except (TemplateFailed, bounds.Refused) as exc:
        raise TemplateFailed(f"{_template_place(exc, name)}: {exc}") from None
    except TemplateError as exc:
        raise TemplateFailed(
            f"{_template_place(exc, name)}: mallen kan inte användas: {_swedish(exc)}"
        ) from None
    except RecursionError as exc:
        if not _template_recursion(exc):
            raise  # our code's (a filter's) recursion is a bug, never the template's fault
        raise TemplateFailed(
            f"{_template_place(exc)}: mallen anropar sig själv utan slut (rekursion)."
        ) from None
    except (MemoryError, OverflowError) as exc:
        raise TemplateFailed(f"{_template_place(exc)}: mallen kräver för mycket minne.") from None
    except _RUNTIME_ERRORS as exc:
        raise TemplateFailed(
            f"{_template_place(exc, name)}: mallen kan inte användas: "
            f"{template_errors.runtime_error(exc)}"
        ) from None


def _swedish(exc: BaseException) -> str:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    message = str(exc.args[0]) if exc.args else str(exc)
    if isinstance(exc, TemplateSyntaxError):
        return template_errors.syntax_error(exc.message or message)
    if isinstance(exc, UndefinedError):
        return template_errors.undefined_error(message)
    text = escape.shorten(message, 200)
    if isinstance(exc, SecurityError):
        return (
            "mallen försöker något som inte är tillåtet (mallmotorn Jinja skriver på "
            f'engelska: "{text}").'
        )
    return f'mallmotorn Jinja skriver på engelska: "{text}".'


def _without_trailing_spaces(text: str) -> str:
    """Spaces and tabs before each newline removed, line by line (the pattern ``[ \\t]+\\n``
    was tried at every space of the report, most of its length)."""
    if " \n" not in text and "\t\n" not in text:
        return text  # the usual case: nothing to remove, no line looked at
    lines = text.split("\n")
    return "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])


def render(view: ReportView, fmt: Format, templates_dir: TemplatesDir = None) -> str:
    """The report as text. ``templates_dir`` (optional) is searched before the bundled templates.

    Markdown is tidied after rendering (no trailing spaces, at most one blank line in a row), so
    the templates can be written for readability. ``templates_dir`` None or False: only the
    bundled templates (a view does not know its data folder; ``report_text`` uses a data
    repository's own ``templates/`` by default).

    Raises ``ArgumentError`` for a format other than "md" and "html" and for a
    ``templates_dir`` that is no folder (:func:`templates_folder`), and ``TemplateFailed``
    (Swedish message naming the template file and line) when a template cannot be used.
    """
    if fmt not in ("md", "html"):
        raise unknown_format(fmt, ("md", "html"))
    text = _render_bounded(fmt, templates_folder(templates_dir), view)
    if fmt == "md":
        text = _BLANK_LINES.sub("\n\n", _without_trailing_spaces(mdankare.resolve(text)))
    else:
        text = escape.html_no_commands(text)
    return text.rstrip("\n") + "\n"


def own_template(fmt: Format, templates_dir: TemplatesDir = None) -> str | None:
    """The file of ``templates_dir`` that renders ``fmt``, named as a template message names it
    (the folder's real path), or None when the bundled template does."""
    folder = templates_folder(templates_dir)
    if folder is None:
        return None
    path = resolved(folder) / f"report.{fmt}.j2"
    return str(path) if os.path.lexists(path) else None


def report_text(ds: DataSet, ar: int, fmt: Format, templates_dir: TemplatesDir = None) -> str:
    """build + render in one call, with the defaults of ``utsatta report``
    (:func:`~utsatta.render.report.defaults.report_defaults`): ``templates_dir`` None: the data
    repository's own ``templates/`` next to the data folder when there is one
    (``override_templates_dir``); else only the bundled templates. False: only the bundled
    templates. A folder that is not there raises ``ArgumentError`` (:func:`templates_folder`)."""
    defaults = report_defaults(ds, ar, fmt, templates_dir=templates_dir, formats=("md", "html"))
    return render(assemble(ds, ar), fmt, defaults.templates_dir)
