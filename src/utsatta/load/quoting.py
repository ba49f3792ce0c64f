"""Text after a value that is already closed on its line ('"1:2" (skolan)', '[a] b', a quote
closed by accident lines further down), and how a message writes the whole text in quotes the
user can copy."""

from __future__ import annotations

import re

from utsatta.findings import Finding
from utsatta.load.syntax_finding import block_start, both_quotes, file_line, piece, syntax_finding

__all__ = [
    "comment_note",
    "copyable",
    "in_quotes",
    "quoted_other",
    "text_after_value",
    "unescaped",
]

_COMMENT = re.compile(r"\s#")


def comment_note(value: str) -> str:
    """For a text to put in quotes that has ' #' in it: where the closing quote goes if that
    begins a comment. The quotes keep all of the text by default: '#' may be text ('ärende
    #12'), and a text cut there would be lost without a word."""
    if _COMMENT.search(value) is None:
        return ""
    return (
        "; är det som står efter ' #' en kommentar, sätt i stället det avslutande citattecknet "
        "före ' #'"
    )


def in_quotes(value: str) -> str | None:
    """``value`` in quotes a user can copy; None when it has both kinds (the advice is then
    ``syntax_finding.both_quotes``)."""
    if '"' not in value and "\\" not in value:
        return copyable(value, '"')
    if "'" not in value:
        return copyable(value, "'")
    return None


def own_line_quoted(written: str, column: int) -> str | None:
    """The line ``written`` with its text from ``column`` (1-based) to the end in quotes, as
    the user would write it ('motivering: "*Viktigt* …"'), and where the closing quote goes
    when a ' #' may begin a comment; only the quoted text when it is too long to show whole;
    None when the text has both kinds of quote (``syntax_finding.both_quotes``), or stands
    within '[ ]' or '{ }' (the rest of the line is no one text)."""
    if any(c in written[: column - 1] for c in "[{"):
        return None
    value = written[column - 1 :].rstrip()
    quoted = in_quotes(value)
    if quoted is None:
        return None
    before = written[: column - 1].strip()
    shown = f"{before} {quoted}" if before and quoted[:1] in "\"'" else quoted
    return shown + comment_note(value)


def copyable(value: str, quote: str) -> str:
    """``value`` within ``quote``, whole, for the user to copy; when it is too long to show
    whole, where the quotes go instead: a cut text is never shown as the thing to write."""
    if len(value) + 2 <= 80:
        return f"{quote}{value}{quote}"
    start, end = value[:31], value[-21:]  # whole words: cut at a space when there is one
    start = start.rsplit(" ", 1)[0] if " " in start[:-1] else start[:30]
    end = end.split(" ", 1)[1] if " " in end[1:] else end[1:]
    return (
        f"ett {quote} direkt före texten och ett {quote} direkt efter den (texten börjar med "
        f"{start} … och slutar med {end})"
    )


def unescaped(text: str, quote: str) -> list[int]:
    """Where ``quote`` stands in ``text`` (a double quote after '\\' does not count)."""
    return [
        i
        for i, c in enumerate(text)
        if c == quote and not (quote == '"' and i > 0 and text[i - 1] == "\\")
    ]


def text_after_value(lines: list[str], line: int, column: int) -> Finding | None:
    """More text on the line after a value that is closed: '"1:2" (skolan)', '[a] b', or a
    quote that did not close on its own line and closes by accident further down."""
    text = file_line(lines, line)
    before = text[: column - 1].rstrip()
    if not before.strip():
        return None  # the problem is at the start of the line: the indentation
    closer = before[-1]
    after = piece(text[column - 1 :].strip(), 40)
    if closer in "\"'":
        quote = closer
        other = "enkla citattecken" if quote == '"' else "dubbla citattecken"
        seen = unescaped(before, quote)  # with the one that closes here
        if len(seen) % 2 == 1:
            # The quote that closes here opened on an earlier line.
            for number in range(line - 1, 0, -1):
                opened = unescaped(file_line(lines, number), quote)
                if opened:
                    return syntax_finding(
                        number,
                        opened[-1] + 1,
                        f"Citattecknet ({quote}) här avslutas aldrig på sin rad: YAML läser "
                        f"texten ända fram till nästa citattecken, på rad {line}, och förstår "
                        "inte texten efter det. Lägg till det avslutande citattecknet i slutet "
                        f"av texten på rad {number}; står det citattecken inne i texten, sätt "
                        f"hela texten inom {other}, eller skriv "
                        f"{block_start(file_line(lines, number))[0]} och texten på raden under, "
                        "indragen mer än nyckeln.",
                    )
            return None
        value = before[seen[0] :] + text[len(before) :].rstrip()
        if set(text[column - 1 :].strip()) <= {quote}:
            fix = f"Ta bort citattecknet för mycket ({after})."
        else:
            other_quoted = quoted_other(value, quote)
            if other_quoted is None:
                block, than = block_start(text)
                keep = (
                    f"skriv {block} och texten på raden under, indragen två mellanslag mer än "
                    f"{than} (texten har båda sorters citattecken)"
                )
            else:
                keep = f"sätt hela texten inom {other}: {other_quoted}{comment_note(value)}"
            fix = f"Hör citattecknen till texten, {keep}; annars ta bort texten efter citattecknet."
        return syntax_finding(
            line,
            column,
            f"Efter det avslutande citattecknet ({quote}) står mer text ('{after}'), som YAML "
            f"inte kan läsa: texten inom citattecknen är hela värdet. {fix}",
        )
    if closer in "]}":
        opener = "[" if closer == "]" else "{"
        kind = "en lista" if closer == "]" else "nycklar med värden"
        start = before.find(opener)
        value = text[start:].rstrip() if start != -1 else text.strip()
        quoted = in_quotes(value)
        fix = (
            f"Är det en text, sätt hela texten inom citattecken: {quoted}{comment_note(value)}"
            if quoted is not None
            else both_quotes(text)
        )
        return syntax_finding(
            line,
            column,
            f"Värdet börjar med '{opener}' och läses därför som {kind}, som slutar vid "
            f"'{closer}'; texten efter ('{after}') kan YAML inte läsa. {fix}.",
        )
    return syntax_finding(
        line,
        column,
        f"Här står mer text ('{after}') efter ett värde som redan är avslutat på raden. Sätt "
        "hela texten inom citattecken, eller flytta det som står efter värdet till en egen rad "
        "med rätt indrag.",
    )


def quoted_other(value: str, quote: str) -> str | None:
    """``value`` (which starts with ``quote``) within the other kind of quote, if it can be."""
    if quote == '"' and "'" not in value:
        return copyable(value, "'")
    if quote == "'" and '"' not in value and "\\" not in value:
        return copyable(value, '"')
    return None
