"""Characters in a value that the report does not show, though the data holds them: Unicode tag
characters, which can hide a whole sentence ("ASCII smuggling", ``dold-text``), and characters
for private use, a symbol font's glyphs from Word (``privat-tecken``). docs/decisions/0663.

Both are rare, and every text is read: a file is searched once, and only when it is not all
ASCII (:func:`may_hold_hidden`); only then are its values looked at, each once."""

from __future__ import annotations

import re

from utsatta.findings import Finding, Severity
from utsatta.lineends import line_column
from utsatta.load.characters import RAW_REFUSED, more_in_value
from utsatta.numbers import heltal

#: Tag characters: U+E0001 LANGUAGE TAG and U+E0020–U+E007F (a tag for each printable ASCII
#: character, and CANCEL TAG). Nothing shows them.
_TAGS = "\U000e0001\U000e0020-\U000e007f"
#: Private use: the BMP's area and planes 15 and 16 (their last two are noncharacters, refused).
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
#: An emoji tag sequence that draws a subdivision flag (🏴 + 'gbsct' in tag letters + CANCEL
#: TAG): the only use of tag characters in a text. A subdivision's code is its region's two
#: letters (or three digits) and one to four letters or digits, so no sentence fits in one.
_FLAG = "\U0001f3f4[\U000e0030-\U000e0039\U000e0061-\U000e007a]{3,7}\U000e007f"
#: One search over a value: a flag (passed over), or a tag or private character on its own.
#: Compiled when first needed (``re``'s cache): most runs never need it.
_HIDDEN = f"{_FLAG}|[{_TAGS}]|[{_PRIVATE}]"
#: Where each character a value is looked at for is in UTF-8: a lead byte no Swedish text
#: needs (EE, EF: U+E000–U+FFFF, private use, noncharacters, also full-width forms and
#: U+FFFD; F0–F4: every character above U+FFFF, tag characters, noncharacters and private use
#: among them, also emoji). One memchr each; a file with one of them is only looked at closer.
_WIDE_LEADS = (b"\xee", b"\xef", b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")
#: The most tag characters a message names; the rest are counted.
MAX_NAMED = 8


def may_hold_hidden(text: str, utf8: bytes | None = None) -> bool:
    """Whether a file's ``text`` (``utf8``: its bytes in UTF-8, if at hand) may hold a value
    that :func:`hidden_in_value` or ``refused_in_value`` finds as it is. No search at all in an
    ASCII file; else substring tests, never a character class (a class walks every character
    in Python's ``re``, a substring test is a memchr, or nothing at all for a character wider
    than any in the text): the bidi controls and the lead bytes of ``_WIDE_LEADS``."""
    if text.isascii():
        return False
    if any(c in text for c in RAW_REFUSED):
        return True
    data = text.encode() if utf8 is None else utf8
    return any(lead in data for lead in _WIDE_LEADS)


def hidden_in_value(
    value: str, line: int, column: int, source: str = "", span: tuple[int, int] = (0, 0)
) -> list[Finding]:
    """The findings for a value (at ``line``, ``column``) with tag characters outside a flag,
    or with characters for private use: at the first one where the file holds it as it is
    (``source``, ``span``: the file and the value's place in it), else at the value."""
    if value.isascii():
        return []
    tags: list[str] = []
    private: list[str] = []
    for m in re.finditer(_HIDDEN, value):
        found = m.group()
        if len(found) == 1:  # not a flag
            (tags if found <= "\U000e007f" and found >= "\U000e0001" else private).append(found)
    out: list[Finding] = []
    if tags:
        out.append(_tag_finding(tags, *_at(tags[0], line, column, source, span)))
    if private:
        out.append(_private_finding(private, *_at(private[0], line, column, source, span)))
    return out


def _at(char: str, line: int, column: int, source: str, span: tuple[int, int]) -> tuple[int, int]:
    """Where ``char`` stands as it is in the value's part of ``source``; else the value's own
    place (an escape in "…", a value without its file)."""
    at = source.find(char, *span) if source else -1
    return line_column(source, at) if at != -1 else (line, column)


def _tag_finding(tags: list[str], line: int, column: int) -> Finding:
    named = " ".join(f"<U+{ord(c):04X}>" for c in tags[:MAX_NAMED])
    rest = len(tags) - MAX_NAMED
    if rest > 0:
        named += f" … ({heltal(rest)} till)"
    count = (
        "ett osynligt taggtecken" if len(tags) == 1 else f"{heltal(len(tags))} osynliga taggtecken"
    )
    return Finding(
        "",
        line,
        column,
        "dold-text",
        Severity.FEL,
        f"Värdet innehåller {count} ({named}). Taggtecken döljer text: den syns inte i "
        "editorn eller i rapporten, men följer med i datat och kan läsas av program. Svensk "
        "text behöver dem aldrig. Ta bort dem: skriv texten på nytt, eller klistra in den som "
        "oformaterad text.",
    )


def _private_finding(private: list[str], line: int, column: int) -> Finding:
    also, them = more_in_value(len(private) - 1)
    return Finding(
        "",
        line,
        column,
        "privat-tecken",
        Severity.VARNING,
        f"Värdet innehåller tecknet U+{ord(private[0]):04X} ur Unicodes område för privat "
        "bruk, oftast en symbol ur ett typsnitt i Word (Symbol, Wingdings). Det har ingen "
        f"bestämd bild: i rapporten visas det som ingenting eller som en ruta.{also} Ersätt "
        f"{them} med det tecken som ska stå där (t.ex. • eller –), eller ta bort {them}.",
    )
