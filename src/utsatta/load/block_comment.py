"""Comments and texts after '|' or '>': a line that looks like a comment inside the text (it
is text, and is published), and a comment indented less than the text (it ends the text, and
the lines after it no longer belong to it). Read only for a file that has one: the walk
imports this module for a block text with a '#' in it, the syntax messages for an error after a
comment (docs/decisions/0539-kommentar-i-text.md)."""

from __future__ import annotations

import re
from typing import Any

from utsatta.findings import Finding, Severity
from utsatta.load.syntax_finding import file_line, piece, syntax_finding

__all__ = ["comment_ended_text", "comment_look_problems", "looks_like_comment"]


def looks_like_comment(line: str) -> bool:
    """Whether a line of a block text is one this rule warns at: after its spaces, '# text' or
    a lone '#', as VS Code's Ctrl+/ writes a comment; '#1 prioritet' is text. The link rule
    leaves a Markdown heading on such a line to this one (visas-som-text; 0551, 0583)."""
    stripped = line.lstrip(" ")
    return stripped[:1] == "#" and stripped[1:2] in ("", " ", "\t")


def _header(key: str | None, style: str) -> str:
    return f"'{piece(key, 40)}: {style}'" if key else f"'- {style}'"


def comment_look_problems(text: str, ev: Any, key: str | None) -> list[Finding]:
    """A warning for each run of lines inside the block text ``ev`` (the parser's scalar event,
    style '|' or '>') that begin, after the text's indentation, with '# ' or are a lone '#'.
    ``key``: the key the text stands under (None: a list item). Reads the block's lines once."""
    at = text.find("\n", ev.start_mark.index, ev.end_mark.index)
    stop = ev.end_mark.index
    number = ev.start_mark.line + 2  # the 1-based number of the line that starts at at + 1
    indent: int | None = None
    # [first line, column, its text, last line, whether every line begins with '# ']
    runs: list[list[Any]] = []
    while at != -1 and at < stop:
        begin = at + 1
        at = text.find("\n", begin, stop)
        written = text[begin : at if at != -1 else stop]
        stripped = written.lstrip(" ")
        if stripped:
            spaces = len(written) - len(stripped)
            indent = spaces if indent is None else indent
            if spaces >= indent and looks_like_comment(stripped):
                spaced = stripped[1:2] == " "
                if runs and runs[-1][3] == number - 1:
                    runs[-1][3] = number
                    runs[-1][4] = runs[-1][4] and spaced
                else:
                    runs.append([number, spaces + 1, stripped, number, spaced])
        number += 1
    if not runs:
        return []
    header, style = _written_header(text, ev, key)
    return [_comment_look(f, c, shown, last, sp, header, style) for f, c, shown, last, sp in runs]


#: a tag or an anchor before a block text's indicator ('!!str |'): the text's start mark is
#: at the first of them
_PROPERTIES = re.compile(r"(?:[!&]\S*\s+)*")
#: a block text's indicator with its chomping and indentation marks
_INDICATOR = re.compile(r"[|>][-+1-9]{0,2}")
#: what stands before a key on its line: the indentation and the '- ' of list items
_BEFORE_KEY = re.compile(r"[ \t]*(?:-[ \t]+)*")
_INDENTATION = re.compile(r"[ \t]*")
#: the characters of the header line before the indicator that are quoted
_HEADER_LIMIT = 60


def _written_header(text: str, ev: Any, key: str | None) -> tuple[str, str]:
    """The header of the block text ``ev`` quoted as the file has it, from the key's first
    character (or a list item's '-') to the end of the indicator, and the indicator ('|-',
    '>+', '|2'): "'fortsatt_arbete':   |-", not a rebuilt 'fortsatt_arbete: |-' that a search
    in the editor does not find (granska18b L1). A key on another line than the indicator (a
    rare way to write it) is named as before, by its name."""
    mark = ev.start_mark
    at = _PROPERTIES.match(text, mark.index, ev.end_mark.index)
    indicator = _INDICATOR.match(text, at.end() if at else mark.index, ev.end_mark.index)
    if indicator is None:  # a comment between the tag and the indicator
        return _header(key, ev.style), ev.style
    style = indicator.group()
    start = mark.index - mark.column  # the parser's own line
    lead = (_BEFORE_KEY if key is not None else _INDENTATION).match(text, start, mark.index)
    written = text[lead.end() if lead else start : indicator.end()]
    before = written[: -len(style)]
    if "\n" in written or (key is not None and ":" not in before[1:]):
        return _header(key, style), style
    return _quoted(before, style), style


def _quoted(before: str, style: str) -> str:
    """A header line from the key to the indicator ``style``, quoted; a long key shortened. A
    key in single quotes is quoted in double ones, so the message's marks are not the key's."""
    if len(before) > _HEADER_LIMIT:
        before = piece(before.rstrip(), _HEADER_LIMIT) + " "
    mark = '"' if "'" in before and '"' not in before else "'"
    return f"{mark}{before}{style}{mark}"


def _comment_look(
    first: int, column: int, shown: str, last: int, spaced: bool, header: str, style: str
) -> Finding:
    mark = "'# '" if spaced else "'#'"
    if first == last:
        what = f"Raden '{piece(shown)}' står inne i texten under {header}"
        fix = (
            f"Ska raden vara en kommentar, flytta den ovanför raden {header}; ska den vara "
            f"text, ta bort {mark} först på raden."
        )
        looks = "fast den ser ut som en kommentar"
    else:
        what = (
            f"Raderna {first}–{last} (den första: '{piece(shown)}') står inne i texten under "
            f"{header}"
        )
        fix = (
            f"Ska raderna vara kommentarer, flytta dem ovanför raden {header}; ska de vara "
            f"text, ta bort {mark} först på varje rad."
        )
        looks = "fast de ser ut som kommentarer"
    return Finding(
        "",
        first,
        column,
        "kommentar-i-text",
        Severity.VARNING,
        f"{what} och kommer med i rapporterna som text, {looks}: efter '{style}' är '#' "
        f"inget kommentarstecken. {fix}",
    )


#: A line that begins a block text: '  nulage: |', '  - motivering: >-', '- |' (and a comment).
_BLOCK_HEADER = re.compile(r"^( *)(?:- +)*(?:([A-Za-z_][\w-]*) *: +)?([|>])([-+]?)(?: +#.*)?$")


def comment_ended_text(lines: list[str], line: int) -> Finding | None:
    """A comment indented less than a block text ends the text: the next line, indented as the
    text, is then a syntax error the parser reports on it (the line is right, the comment is
    not). The finding at the comment, or None when the lines above ``line`` are not so."""
    indent = _indent(file_line(lines, line))
    if indent is None:
        return None
    number = line - 1
    comment = 0  # the first (topmost) comment indented less than the text
    while number >= 1:
        written = file_line(lines, number)
        spaces = _indent(written)
        if spaces is not None and written[spaces] != "#":
            break
        if spaces is not None and spaces < indent:
            comment = number
        number -= 1
    text_above = _indent(file_line(lines, number)) if number >= 1 else None
    if not comment or text_above is None or text_above < indent:
        return None
    # The line above the comments is text indented at least as much: find its block's header.
    first = number
    while number >= 1:
        written = file_line(lines, number)
        spaces = _indent(written)
        if spaces is not None and spaces < indent:
            break
        if spaces is not None:
            first = number
        number -= 1
    header = _BLOCK_HEADER.match(file_line(lines, number)) if number >= 1 else None
    if (
        header is None
        or len(header.group(1)) >= indent
        or _indent(file_line(lines, first)) != indent
    ):
        return None
    written = file_line(lines, comment)
    # the header quoted as the file has it, from the key (or the '-') to the indicator's end
    above_text = file_line(lines, number)
    key = header.group(2)
    begin = header.start(2) if key else header.end(1)
    head = _quoted(above_text[begin : header.start(3)], above_text[header.start(3) : header.end(4)])
    colon = above_text.find(":", header.end(2)) + 1 if key else 0
    above = f"'{piece(above_text[begin:colon], _HEADER_LIMIT)}'" if key else head
    return syntax_finding(
        comment,
        (_indent(written) or 0) + 1,
        f"Kommentaren på rad {comment} står mindre indragen än texten under {head} och "
        f"avslutar därför texten: rad {line}, som är indragen som texten, hör inte längre "
        f"till den, och YAML kan inte läsa den. Flytta kommentaren ovanför raden {above}, "
        "eller ta bort den.",
    )


def _indent(written: str) -> int | None:
    """The spaces before the first character of a line, or None for a blank line."""
    stripped = written.lstrip(" ")
    return len(written) - len(stripped) if stripped.strip() else None
