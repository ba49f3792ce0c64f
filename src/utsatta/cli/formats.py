"""``--format`` and the extension of ``--output`` (``report`` and ``export``): the library's one
rule (:mod:`utsatta.outputformat`, docs/decisions/0145-format-och-filandelse.md), its refusal
shown as a usage error on the option it is about (exit 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

__all__ = ["resolve_format"]


def resolve_format(
    given: str | None,
    output: Path | None,
    choices: Sequence[str],
    default: str,
    *,
    own_extension: Sequence[str] = (),
) -> str:
    """The format to write; raises ``typer.BadParameter`` (exit 2) naming ``--format`` or
    ``--output``."""
    from utsatta.outputformat import CLI_NAMES, FormatMismatch
    from utsatta.outputformat import resolve_format as rule

    try:
        return rule(given, output, choices, default, names=CLI_NAMES, own_extension=own_extension)
    except FormatMismatch as exc:
        raise typer.BadParameter(str(exc), param_hint=f"--{exc.argument}") from None
