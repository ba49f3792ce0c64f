"""Every record class of the data files' models (``Strict`` and its subclasses), for the
readers that ask which keys exist. Imported when first needed: reading a file that parses
needs no model."""

from __future__ import annotations

from functools import cache


@cache
def record_classes() -> tuple[type, ...]:
    """``Strict`` and every subclass, depth first from the last subclass (one order for all
    callers, so that what they build from it is the same on every run)."""
    import utsatta.model.indikator  # the import registers the classes
    import utsatta.model.omraden
    import utsatta.model.organisationer
    import utsatta.model.plan
    import utsatta.model.rapport
    import utsatta.model.uppfoljning  # noqa: F401
    from utsatta.model.common import Strict

    out: list[type] = []
    todo: list[type] = [Strict]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        out.append(cls)
    return tuple(out)
