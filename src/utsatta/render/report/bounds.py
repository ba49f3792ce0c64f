"""What a report template may ask of Python's text functions: a width or count bounded, so
that ``'%999999999d' % 1`` or ``center(999999999)`` is a Swedish error, not a gigabyte;
nothing random (docs/decisions/0664); and a marked HTML text filled only with cleaned values."""

from __future__ import annotations

import re
from collections.abc import Callable
from string import Formatter
from typing import Any

from utsatta import escape
from utsatta.errors import UtsattaError
from utsatta.numbers import heltal

__all__ = [
    "MAX_WIDTH",
    "Refused",
    "bounded_filters",
    "check_format",
    "check_method_call",
    "check_percent",
    "html_format",
    "html_values",
]

#: The widest a template may pad, indent or center a value (a real report uses tens).
MAX_WIDTH = 10_000
#: The longest text a replace() in a template may build (as the report itself, MAX_OUTPUT).
MAX_REPLACED = 20_000_000

#: A printf conversion's width and precision ('%-30s', '%.2f', '%*d')
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")
#: str methods whose first argument is a width
_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})


class Refused(UtsattaError):
    """What a template may not do: a width, count or built text over its bound, a value a marked
    HTML text may not be filled with (a TemplateFailed once the environment adds the place)."""


def _width(value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value > MAX_WIDTH:
        raise Refused(f"en bredd i mallen är för stor (högst {heltal(MAX_WIDTH)}).")
    if isinstance(value, str) and len(value) > MAX_WIDTH:
        raise Refused(f"en indragning i mallen är för lång (högst {heltal(MAX_WIDTH)} tecken).")


def _spec_number(text: str) -> None:
    # a digit run of more than 5 digits is over the bound (and int() of 5 000 digits fails)
    if len(text) > 5 or int(text) > MAX_WIDTH:
        raise Refused(f"en bredd i mallen är för stor (högst {heltal(MAX_WIDTH)}).")


def check_percent(fmt: str) -> None:
    """Refuse a '%' format whose width or precision is over MAX_WIDTH or given by '*'."""
    for match in _PERCENT.finditer(fmt):
        for part in match.groups():
            if part == "*":
                raise Refused("en bredd i mallen ska vara ett tal, inte '*'.")
            if part is not None:
                _spec_number(part)


def check_format(fmt: str) -> None:
    """Refuse a str.format pattern whose width or precision is over MAX_WIDTH or given by a
    field ('{:{w}}')."""
    for _, _, spec, _ in Formatter().parse(fmt):
        if not spec:
            continue
        if "{" in spec:
            raise Refused("en bredd i mallen ska vara ett tal, inte ett fält.")
        for digits in _DIGITS.findall(spec):
            _spec_number(digits)


def _replaced_size(text: str, old: str, new: str, count: int = -1) -> None:
    times = len(text) + 1 if old == "" else text.count(old)
    if count >= 0:
        times = min(times, count)
    if len(text) + times * (len(new) - len(old)) > MAX_REPLACED:
        raise Refused(f"mallen bygger en text längre än {heltal(MAX_REPLACED)} tecken med replace.")


def check_method_call(obj: Any, args: tuple[Any, ...]) -> None:
    """A str method called in a template: its width or the text it builds bounded."""
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, str):
        return
    name = getattr(obj, "__name__", "")
    if name in _WIDTH_METHODS and args:
        _width(args[0])
    elif name == "replace" and len(args) >= 2:
        _replace(owner, *args)


def _center(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> None:
    _width(width)


def _indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> None:
    _width(width)


def _tojson(value: Any, indent: Any = None, *args: Any, **kwargs: Any) -> None:
    _width(indent)


def _slice(value: Any, slices: Any = 0, *args: Any, **kwargs: Any) -> None:
    if isinstance(slices, int) and slices > MAX_WIDTH:
        raise Refused(f"slice() i mallen ger för många delar (högst {heltal(MAX_WIDTH)}).")


def _replace(s: Any, old: Any = "", new: Any = "", count: Any = None, *a: Any, **k: Any) -> None:
    if isinstance(old, str) and isinstance(new, str):
        _replaced_size(str(s), old, new, count if isinstance(count, int) else -1)


#: filter name: the check of its arguments (the filter's own parameter names, so that
#: keyword arguments are checked too)
_CHECKS: dict[str, Callable[..., None]] = {
    "center": _center,
    "indent": _indent,
    "tojson": _tojson,
    "slice": _slice,
    "replace": _replace,
}


def _guarded(filt: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    pass_arg = getattr(filt, "jinja_pass_arg", None)
    if pass_arg is None:

        def guarded(value: Any, *args: Any, **kwargs: Any) -> Any:
            check(value, *args, **kwargs)
            return filt(value, *args, **kwargs)

        return guarded

    def guarded_in(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        # Jinja passes its context first to this filter, as to the one it wraps
        check(value, *args, **kwargs)
        return filt(context, value, *args, **kwargs)

    guarded_in.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return guarded_in


def bounded_filters(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Jinja's filters with their widths and counts bounded, ``format`` as
    :func:`_format_filter` gives it, and without ``random`` (the same data gives the same
    report)."""
    bounded = {k: v for k, v in filters.items() if k != "random"}
    for name, check in _CHECKS.items():
        bounded[name] = _guarded(filters[name], check)
    bounded["format"] = _format_filter(filters["format"])
    return bounded


def _format_filter(do_format: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's ``|format`` (``do_format``, the '%' operator's filter), wrapped once with all its
    checks: on a marked HTML text (Markup) its values cleaned as the '%' operator's
    (:func:`html_values`), then the pattern's widths bounded (:func:`check_percent`)."""

    def format_filter(value: Any, *args: Any, **kwargs: Any) -> Any:
        from markupsafe import Markup

        if isinstance(value, Markup):
            args, kwargs = html_values(args), html_values(kwargs)
        check_percent(str(value))
        return do_format(value, *args, **kwargs)

    return format_filter


def html_values(values: Any) -> Any:
    """The values a marked HTML text (Markup) is formatted with, cleaned as the last step
    cleans a printed value (escape.html_text; Markup escapes them): a text, a tuple, a list or a
    mapping of them; a number or a marked text as it is. Anything else is refused: its fields
    ('{0.titel}') would reach the page uncleaned."""
    from markupsafe import Markup

    if isinstance(values, Markup) or type(values) in (int, float, bool) or values is None:
        return values
    if isinstance(values, str):
        return escape.html_text(values)
    if isinstance(values, tuple | list):
        return type(values)(html_values(v) for v in values)
    if isinstance(values, dict):
        return {k: html_values(v) for k, v in values.items()}
    raise Refused(
        "en färdig HTML-text i mallen fylls bara med text och tal, inte med "
        f"{escape.identifier(type(values).__name__)}: skriv fältet som {{{{ värde.fält }}}}."
    )


def html_format(left: Any, right: Any) -> Any:
    """``left % right`` in a template; a marked HTML text's values cleaned (html_values)."""
    from markupsafe import Markup

    return left % (html_values(right) if isinstance(left, Markup) else right)
