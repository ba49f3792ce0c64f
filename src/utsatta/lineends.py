"""What ends a line, decided once for every reader and writer of text.

A line ends at LF, CRLF (Windows) or a lone CR (old Mac): what YAML 1.2, editors and the
C parser agree on. NEL (U+0085), the line separator (U+2028) and the paragraph separator
(U+2029) do **not** end a line here: editors do not break there, so a file with one is
refused with its own finding before it is parsed (docs/decisions/0100-ovanliga-radbrytningar.md,
0119-en-regel-for-radslut.md), and an output channel shows or replaces them by its own rule
(``escape``). Nothing here imports anything of utsatta.
"""

from __future__ import annotations

__all__ = ["invisible_difference", "line_column", "lines", "to_lf"]


def to_lf(text: str) -> str:
    """``text`` with each CRLF and each lone CR made one LF; everything else as it is (the same
    object when there is no CR, the usual case)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def lines(text: str) -> list[str]:
    """The lines of ``text`` without their ends: ``to_lf(text).split("\\n")`` (a text ending
    with a line end has an empty last line; unlike ``str.splitlines``, which also breaks at
    VT, FF, FS–RS, NEL, U+2028 and U+2029)."""
    return to_lf(text).split("\n")


def line_column(text: str, at: int) -> tuple[int, int]:
    """The line and column (both from 1, columns in characters) of the offset ``at`` in
    ``text``, whose lines end in LF (as the parser reads them): where a finding about the
    character there stands."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


_BOM = b"\xef\xbb\xbf"


def invisible_difference(old: bytes, new: bytes) -> str | None:
    """When the file ``old`` (UTF-8) differs from ``new`` only in what an editor does not show
    (a byte-order mark at the start, the line ends, the last line's break), what differs, as
    Swedish clauses after "enda skillnaden är att"; None when they are the same or differ in
    text. A BOM at the start of ``new`` too is no difference."""
    if old == new:
        return None
    said = []
    if old.startswith(_BOM) and not new.startswith(_BOM):
        said.append(
            "filen börjar med en BOM, tecknet U+FEFF som t.ex. Anteckningar och Excel skriver "
            "först i filen"
        )
        old = old[len(_BOM) :]
    if old != new:
        a, b = old.decode("utf-8", "replace"), new.decode("utf-8", "replace")
        if to_lf(a) + "\n" == to_lf(b):
            said.append("sista raden slutar utan radbrytning")
            a += "\r\n" if "\r\n" in b else "\n"
        elif to_lf(a) != to_lf(b):
            return None
        if a != b:
            said.append(f"raderna slutar med {_ends(a)} i stället för {_ends(b)}")
    return " och ".join(said) or None


def _ends(text: str) -> str:
    """The line ends of ``text`` in words: "LF", "CRLF", "ensamma CR, som i gamla
    Mac-program," or the mix (a clause inside a sentence)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("CRLF", crlf), ("LF", lf), ("ensamma CR", cr)) if n]
    if len(kinds) > 1:
        return "blandade radslut, " + ", ".join(kinds[:-1]) + " och " + kinds[-1] + ","
    if kinds == ["ensamma CR"]:
        return "ensamma CR, som i gamla Mac-program,"
    return kinds[0] if kinds else "LF"
