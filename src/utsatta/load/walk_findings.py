"""The findings of the YAML walk (``load.yamlread``) for what it refuses or warns of: an anchor,
an alias, a tag, a merge key, nesting deeper than the limit, a second document, an empty file, a
key that is no word, text pasted without indentation and text cut off by a comment. Each is
built only in a file that has it: the walk imports this module where it meets one, so
``validate`` of valid data never reads it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from utsatta.escape import shorten
from utsatta.findings import Finding, Severity

if TYPE_CHECKING:
    from utsatta.load.pasted import Pasted

__all__ = [
    "alias_problem",
    "anchor_problem",
    "cut_off_problem",
    "depth_problem",
    "empty_file_problem",
    "lone_question_mark",
    "merge_key_problem",
    "not_a_word_key_problem",
    "pasted_problem",
    "second_document_problem",
    "tag_problem",
    "unnamed_key_problem",
]


def _problem(
    line: int, column: int, code: str, message: str, severity: Severity = Severity.FEL
) -> Finding:
    """A problem at a known place; the caller names the file (``Finding.in_file``)."""
    return Finding("", line, column, code, severity, message)


def _at(ev: Any, code: str, message: str) -> Finding:
    """A problem where the event ``ev`` starts."""
    mark = ev.start_mark
    return _problem(mark.line + 1, mark.column + 1, code, message)


def _bad_key(ev: Any, message: str) -> Finding:
    """A key that names no field (ogiltig-nyckel); the walk ends after it."""
    return _at(ev, "ogiltig-nyckel", message)


def not_a_word_key_problem(ev: Any) -> Finding:
    """A list or a mapping where a key stands."""
    return _bad_key(
        ev,
        "En nyckel måste vara ett enkelt ord (t.ex. status), inte en lista "
        "('[ … ]') eller nycklar inom '{ … }'. Kontrollera indraget och kolonet "
        "på raden.",
    )


def unnamed_key_problem(ev: Any) -> Finding:
    """A lone '?' (YAML's explicit key): a key without a name (:func:`lone_question_mark`)."""
    return _bad_key(
        ev,
        "Här står en nyckel utan namn: ett ensamt '?' läses i YAML som början "
        "på en nyckel. Ta bort '?', eller skriv nyckelns namn före kolonet.",
    )


def lone_question_mark(text: str, line: int) -> bool:
    """Whether line ``line`` (0-based) of ``text`` is a block's lone '?' (after a list item's
    '- ' and before a comment): a '?' in a flow ('[? ]') is libyaml's syntax error."""
    lines = text.splitlines()
    rest = lines[line].strip() if line < len(lines) else ""
    rest = rest[2:].strip() if rest.startswith("- ") else rest
    return rest.split("#", 1)[0].strip() == "?"


def pasted_problem(pasted: Pasted, text: str) -> Finding:
    from utsatta.load.indent import pasted_message  # read only for pasted text

    p = pasted
    # Lines indented less than the text, or with a tab: said with the counts (load/indent.py).
    message = pasted_message(text, p.key, p.key_line, p.first, p.last, p.indent)
    return _problem(p.first, 1, "text-ej-indragen", message or p.message())


def depth_problem(ev: Any, limit: int) -> Finding:
    """A mapping or list nested deeper than ``limit`` levels (``yamlread.MAX_DEPTH``)."""
    return _at(
        ev,
        "for-djup-nastling",
        f"Datat är nästlat djupare än {limit} nivåer, vilket inget av "
        "utsattas format behöver. Kontrollera indraget.",
    )


def alias_problem(ev: Any, text: str = "") -> Finding:
    """One report per file, as for an anchor. With the file's ``text``, the fix for a text
    that begins with '*' is shown on the user's own line (review skriv24)."""
    from utsatta.load.quoting import own_line_quoted

    mark = ev.start_mark
    lines = text.split("\n", mark.line + 1) if text else []
    written = lines[mark.line].rstrip("\r") if mark.line < len(lines) else ""
    shown = own_line_quoted(written, mark.column + 1) if len(written) <= 1000 else None
    return _at(
        ev,
        "alias-ej-tillatet",
        f"'*{shorten(str(ev.anchor), 40)}' läses i YAML som ett alias, och "
        "alias är inte tillåtna i utsattas datafiler (inte heller senare i "
        "filen). Är det "
        "text som börjar med '*', sätt hela texten inom citattecken"
        + (f": {shown}" if shown else "")
        + "; annars skriv ut värdet här.",
    )


def second_document_problem(ev: Any) -> Finding:
    return _at(
        ev,
        "flera-dokument",
        "Filen innehåller mer än ett YAML-dokument ('---'). Varje fil ska "
        "innehålla ett dokument; flytta resten till en egen fil.",
    )


def merge_key_problem(ev: Any) -> Finding:
    return _at(
        ev,
        "sammanslagning-ej-tillaten",
        "Sammanslagningsnyckeln '<<' är inte tillåten. Skriv ut alla "
        "nycklar och värden här i stället.",
    )


def empty_file_problem() -> Finding:
    return _problem(
        1,
        1,
        "tom-fil",
        "Filen är tom eller innehåller bara kommentarer. Fyll i innehållet eller ta bort filen.",
    )


def anchor_problem(ev: Any) -> Finding:
    # One report per file is enough; an alias bomb would otherwise flood the output.
    return _at(
        ev,
        "ankare-ej-tillatet",
        f"Ankaret '&{shorten(str(ev.anchor), 40)}' är inte tillåtet i utsattas datafiler. Skriv ut "
        "värdet där det behövs i stället för att återanvända det.",
    )


def cut_off_problem(text: str, ev: Any) -> Finding:
    """The warning for a text cut off by '#' (``yamlread``'s ``_comment_after_text`` found
    one): `Konceptet #1 finns` is read as "Konceptet" and a comment."""
    at = ev.end_mark.index + 2
    end = text.find("\n", at)
    rest = shorten(text[at - 1 : end if end != -1 else len(text)].rstrip("\r"))
    return _problem(
        ev.end_mark.line + 1,
        ev.end_mark.column + 2,
        "text-avklippt",
        f"Texten slutar vid '#': resten av raden ('{rest}') läses som en kommentar och "
        f"kommer inte med. Om '#' hör till texten, sätt hela texten inom citattecken.",
        Severity.VARNING,
    )


def tag_problem(mark: Any, tag: str, written: str | None = None, key: str | None = None) -> Finding:
    """A tag: ``written`` is the value as written when it is a plain text that begins with a
    local tag ('!viktigt', '!viktigt det här'), ``key`` the key it stands after (None: a
    list item). Then the advice keeps the text the tag was meant to be part of."""
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    name = shorten(shown, 40)
    message = (
        f"Taggen '{name}' är inte tillåten i utsattas datafiler. Ta bort den; skriv värdet inom "
        "citattecken om det ska läsas som text."
    )
    if written is not None:
        from utsatta.load.quoting import in_quotes
        from utsatta.load.syntax_finding import both_quotes

        quoted = in_quotes(written)
        before = f"{key}: " if key else ""  # a list item: '- ' or within '[ ]', not known here
        if quoted is None:
            keep = both_quotes(f"{key}: " if key else "- ")
            keep = keep[0].lower() + keep[1:]  # within the sentence
        elif quoted[:1] in "\"'":
            keep = f"sätt hela texten inom citattecken: {shorten(before, 44)}{quoted}"
        else:
            keep = f"sätt hela texten inom citattecken: {quoted}"
        if written == shown:
            # the tag is the whole value: without it there is no text at all (granska17 L4)
            message = (
                f"'{name}' läses i YAML som en tagg (ett ord som börjar med '!' först i ett "
                f"värde), inte som text, och taggar är inte tillåtna i utsattas datafiler. Är "
                f"'{name}' en text, {keep}; annars ta bort '{name}' och skriv värdet."
            )
        else:
            message = (
                f"'{name}' först i värdet läses i YAML som en tagg, inte som text, och taggar "
                f"är inte tillåtna i utsattas datafiler. Hör '{name}' till texten, {keep}; "
                f"annars ta bort '{name}'."
            )
    return _problem(mark.line + 1, mark.column + 1, "tagg-ej-tillaten", message)
