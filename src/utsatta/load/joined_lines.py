"""A text on several lines without '|' whose lines look like a list ('- hembesök', '1. …',
'2) …'): YAML joins the lines into one, so the list becomes part of a sentence and nobody is
told. The walk (``load.yamlread``) asks only for a plain or '>' text whose source spans more
than one line (docs/decisions/0621-listor-i-text-utan-radbrytningar.md)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Union, get_args, get_origin

from utsatta.escape import shorten
from utsatta.findings import Finding, Severity

#: A line of the text's source that begins like a list item: '- x', '* x', '• x', '1. x', '2) x'.
_ITEM = re.compile(r"\n[ \t]*+((?:[-*•]|[0-9]{1,3}[.)])[ \t]++\S[^\n]*+)")


def joined_list_problem(text: str, ev: Any, key: str | None, in_list: bool) -> Finding | None:
    """The warning for the text of ``ev`` (a plain or '>' scalar on several lines) when
    a line after its first looks like a list item, or None. ``key``: the text's key, when the
    text is a key's value; a key that holds a list ('behov') is left to the schema, whose
    message says how to write the list. ``in_list``: the text is a post of a list."""
    if key is not None and key in _list_fields():
        return None
    start, end = ev.start_mark, ev.end_mark
    begin = start.index
    if ev.style == ">":  # the text begins on the line after '>': its first line is no join
        begin = text.find("\n", begin, end.index) + 1 or end.index
    found = _ITEM.search(text, begin, end.index)
    if found is None:
        return None
    line = start.line + 1 + text.count("\n", start.index, found.start() + 1)
    column = found.start(1) - found.start() - 1 + 1  # after the line break and the indentation
    item = shorten(found.group(1).rstrip(), 40)
    if in_list and found.group(1)[0] in "-*•":
        message = (
            f"Raden '{item}' ser ut som en egen post i listan, men den är indragen mer än "
            "listans '- ', så YAML läser den som en fortsättning på texten i posten ovanför. "
            "Ska den vara en egen post: skriv '- ' lika långt in som listans andra '- '."
        )
    else:
        where = f"'{key}: |'" if key else "'|' efter kolonet på textens nyckelrad"
        block = "" if ev.style != ">" else " ('>' slår också ihop raderna)"
        message = (
            f"Raden '{item}' ser ut som en punkt i en lista, men texten står på flera rader "
            f"utan '|'{block}, så YAML slår ihop raderna till en enda rad och listan blir en "
            f"del av meningen ovanför. Skriv {where} och texten på raderna under, alla indragna "
            "lika mycket (mer än nyckeln): då behålls varje rad, och rader som börjar med '- ' "
            "eller '1.' blir en lista i rapporten."
        )
    return Finding("", line, column, "lista-i-text", Severity.VARNING, message)


@cache
def _list_fields() -> frozenset[str]:
    """The keys that hold a list in some data file ('behov', 'omraden', 'kallor' …)."""
    from utsatta.model.classes import record_classes

    names: set[str] = set()
    for cls in record_classes():
        for name, field in getattr(cls, "model_fields", {}).items():
            tp = field.annotation
            while get_origin(tp) is Union or type(tp).__name__ == "UnionType":
                tp = next((a for a in get_args(tp) if a is not type(None)), None)
            if get_origin(tp) is list:
                names.add(name)
    return frozenset(names)
