"""Where a file's layout first differs from fmt's, and what that line would become, for
``fmt --check`` (flow23): whoever edits in GitHub's web editor cannot run ``utsatta fmt``, so
the check names a line of the file as it is and what to write there.

The text is Swedish and bounded (``escape.shorten``) but not escaped: each output channel
escapes it (the terminal, the CI log's workflow commands)."""

from __future__ import annotations

import re

from utsatta.escape import shorten
from utsatta.lineends import to_lf

__all__ = ["BECOMES_LIMIT", "first_difference"]

#: The most characters of the line shown as what it becomes (then "…" and its length).
BECOMES_LIMIT = 80

#: A line with its LF; the last one also without (a file that ends without a line break).
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def _lines(text: str) -> list[str]:
    # split at LF only (lineends: a form feed or NEL is no line break here)
    return _LINE.findall(text)


def first_difference(text: str, formatted: str) -> tuple[int, str] | None:
    """The first line (from 1, of ``text`` as it is: a BOM and CRLF do not move it) where
    ``formatted`` differs, and what happens to it, as Swedish after "rad N": ": blanksteg i
    slutet av raden tas bort", ": den tomma raden tas bort", " blir: `…`"; None when the two
    differ in no line's text (only a BOM or the line ends: ``lineends.invisible_difference``
    says that)."""
    old = _lines(to_lf(text.removeprefix("\ufeff")))
    new = _lines(to_lf(formatted))
    for i in range(max(len(old), len(new))):
        a = old[i] if i < len(old) else None
        b = new[i] if i < len(new) else None
        if a == b:
            continue
        if a is None:  # fmt adds a line after the file's last
            assert b is not None
            return i + 1, _becomes(b)
        bare = a.removesuffix("\n")
        trimmed = bare.rstrip(" \t")
        if b is not None and trimmed != bare and trimmed == b.removesuffix("\n"):
            return i + 1, ": blanksteg i slutet av raden tas bort"
        if not bare.strip(" \t") and (b is None or old[i + 1 : i + 2] == [b]):
            return i + 1, ": den tomma raden tas bort"
        if b is not None and not b.strip() and new[i + 1 : i + 2] == [a]:
            return i + 1, ": en tom rad läggs in före raden"
        if b is not None and bare == b.removesuffix("\n"):
            return None  # only the last line's break: said by invisible_difference
        return i + 1, _becomes(b)
    return None


def _becomes(line: str | None) -> str:
    shown = (line or "").removesuffix("\n")
    return f" blir: `{shorten(shown, BECOMES_LIMIT)}`" if shown.strip() else " blir tom"
