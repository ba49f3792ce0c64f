"""What went wrong in a report template, in Swedish: the kind of error (syntaxfel, okänt namn,
fel vid körning …) and the template engine's detail translated. A detail we have no translation
for is kept, but marked as the template engine's own English words, so a reader never takes it
for utsatta's message (docs/decisions/0109-template-errors.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from utsatta import escape

__all__ = ["runtime_error", "syntax_error", "undefined_error"]

#: Jinja's names for its tokens, as a template writer sees them
_TOKENS: Final = {
    "end of print statement": "slutet på {{ … }} (}})",
    "begin of print statement": "{{",
    "end of statement block": "slutet på {% … %} (%})",
    "begin of statement block": "{%",
    "end of template": "mallens slut",
    "name": "ett namn",
    "integer": "ett heltal",
    "float": "ett tal",
    "string": "en text inom citattecken",
    "operator": "en operator",
}


def _token(text: str) -> str:
    return _TOKENS.get(text, f"'{text}'")


def _tags(text: str) -> str:
    """ "'endfor' or 'else'" → "'endfor' eller 'else'"."""
    return text.replace(" or ", " eller ")


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_SYNTAX: Final[tuple[_Rule, ...]] = (
    (
        re.compile(r"unexpected '(.+)', expected '(.+)'"),
        lambda m: f"oväntat {_token(m[1])}, väntade {_token(m[2])}",
    ),
    (
        re.compile(r"unexpected end of template, expected '(.+)'\.?"),
        lambda m: f"mallen tar slut, väntade {_token(m[1])}",
    ),
    (re.compile(r"unexpected '(.+)'"), lambda m: f"oväntat {_token(m[1])}"),
    (
        re.compile(r"expected token '(.+)', got '(.+)'"),
        lambda m: f"väntade {_token(m[1])} men fick {_token(m[2])}",
    ),
    (
        re.compile(r"Expected an expression, got '(.+)'"),
        lambda m: f"väntade ett uttryck men fick {_token(m[1])}",
    ),
    (re.compile(r"unexpected char '(.+)' at \d+"), lambda m: f"oväntat tecken '{m[1]}'"),
    (
        re.compile(r"Missing end of comment tag"),
        lambda m: "kommentaren som börjar med {# slutar aldrig med #}",
    ),
    (
        re.compile(r"Missing end of raw directive"),
        lambda m: "{% raw %} slutar aldrig med {% endraw %}",
    ),
    (
        re.compile(
            r"Unexpected end of template\. Jinja was looking for the following tags: (.+)\. "
            r"The innermost block that needs to be closed is '(.+)'\."
        ),
        lambda m: f"mallen tar slut innan blocket '{m[2]}' är stängt (väntade {_tags(m[1])})",
    ),
    (
        re.compile(
            r"Encountered unknown tag '(.+)'\. Jinja was looking for the following tags: (.+)\. "
            r"The innermost block that needs to be closed is '(.+)'\."
        ),
        lambda m: f"okänd tagg '{m[1]}' (blocket '{m[3]}' ska stängas med {_tags(m[2])})",
    ),
    (re.compile(r"Encountered unknown tag '(.+?)'\..*"), lambda m: f"okänd tagg '{m[1]}'"),
    (
        re.compile(r"No filter named '(.+?)'.*"),
        lambda m: f"det finns inget filter som heter '{m[1]}'",
    ),
    (re.compile(r"No test named '(.+?)'.*"), lambda m: f"det finns inget test som heter '{m[1]}'"),
    (re.compile(r"[Bb]lock '(.+)' defined twice"), lambda m: f"blocket '{m[1]}' finns två gånger"),
    (re.compile(r"tag name expected"), lambda m: "ett taggnamn saknas efter {%"),
)


#: Python's names for plain values, as a template writer would say them
_PLAIN: Final = {
    "int": "ett heltal",
    "float": "ett tal",
    "str": "en text",
    "list": "en lista",
    "tuple": "en lista",
    "dict": "en uppslagstabell",
    "bool": "ett sant/falskt-värde",
    "None": "ett tomt värde (None)",
}


def _object(text: str) -> str:
    """The object's kind: "utsatta.render.report.view.ReportView object" → "ReportView",
    "int object" → "ett heltal"."""
    name = text.removesuffix(" object").rsplit(".", 1)[-1]
    return _PLAIN.get(name, name)


_UNDEFINED: Final[tuple[_Rule, ...]] = (
    (
        re.compile(r"'(.+)' is undefined"),
        lambda m: (
            f"okänt namn '{m[1]}': mallen har inget värde med det namnet. Rapportens data "
            "heter r i mallen (t.ex. {{ r.ar }}); kontrollera stavningen mot mallarna i utsatta"
        ),
    ),
    (
        re.compile(r"'(.+)' has no attribute '(.+)'"),
        lambda m: (
            f"okänt fält '{m[2]}': {_object(m[1])} har inget fält med det namnet; "
            "kontrollera stavningen mot mallarna i utsatta"
        ),
    ),
    (
        re.compile(r"'(.+)' has no element (.+)"),
        lambda m: f"okänt element {m[2]}: {_object(m[1])} har inget sådant element",
    ),
)


def _translate(rules: tuple[_Rule, ...], text: str) -> str | None:
    for pattern, swedish in rules:
        m = pattern.fullmatch(text.strip())
        if m is not None:
            return escape.shorten(swedish(m), 400)
    return None


def _engine_words(text: str) -> str:
    return f'mallmotorn Jinja skriver på engelska: "{escape.shorten(text.strip(), 200)}"'


def syntax_error(message: str) -> str:
    """A Jinja TemplateSyntaxError's message as "syntaxfel: …. Rätta raden."."""
    detail = _translate(_SYNTAX, message) or _engine_words(message)
    return f"syntaxfel: {detail}. Rätta raden."


def undefined_error(message: str) -> str:
    """A Jinja UndefinedError's message (a name or field that does not exist)."""
    detail = _translate(_UNDEFINED, message)
    if detail is None:
        return f"ett namn eller fält finns inte ({_engine_words(message)})."
    return f"{detail}."


#: Python's errors while the template runs: what kind of mistake in the template it means
_RUNTIME: Final = (
    (ZeroDivisionError, "division med noll"),
    (
        TypeError,
        "ett värde av fel slag (t.ex. ett tal där det ska vara en text, eller ett "
        "anrop av något som inte är en funktion)",
    ),
    (LookupError, "ett index eller en nyckel som inte finns"),
    (AttributeError, "ett fält som inte finns"),
    (ValueError, "ett värde som inte går att använda"),
    (ArithmeticError, "en beräkning som inte går"),
)


def runtime_error(exc: BaseException) -> str:
    """An error Python raised while the template ran, in Swedish, with Python's own words
    marked as such."""
    kind = next((text for cls, text in _RUNTIME if isinstance(exc, cls)), "ett fel")
    detail = str(exc.args[0]) if exc.args else type(exc).__name__
    return (
        f"fel när mallen körs: {kind} (Python skriver på engelska: "
        f'"{escape.shorten(detail.strip(), 200)}"). Rätta raden.'
    )
