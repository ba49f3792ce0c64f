"""A file saved in another encoding than UTF-8, and the text such a save has damaged: what
``decode`` says about bytes that are no UTF-8 (Windows-1252 from Excel or Notepad, UTF-16
from PowerShell 5), and the values that hold U+FFFD (a file opened in the wrong encoding and
saved: å became �, for good) or UTF-8 read as Windows-1252 ("pÃ¥hittat" for "påhittat").
Each at its exact line and column."""

from __future__ import annotations

import re
from functools import cache

from utsatta.escape import identifier, shorten
from utsatta.findings import Finding, Severity

__all__ = ["DamagedText", "may_be_damaged", "not_utf8"]

#: How to open a file with the right encoding and then save it as UTF-8 in VS Code, the
#: editor the README shows. Saving first would keep the wrongly read characters as �.
REOPEN = (
    "Öppna den först med rätt teckenkodning, annars blir å, ä och ö '?' eller '\ufffd' när "
    "den sparas: i VS Code klicka på teckenkodningen i statusfältet, välj 'Reopen with "
    "Encoding' → 'Western (Windows 1252)' och kontrollera att å, ä och ö ser rätt ut; klicka "
    "sedan på teckenkodningen igen och välj 'Save with Encoding' → 'UTF-8'."
)


def not_utf8(raw: bytes, start: int, line: int, column: int) -> Finding:
    """The finding for ``raw``, which is no UTF-8 from the byte at ``start`` (at ``line``,
    ``column``): what it is saved as, when that can be told, and how to save it as UTF-8."""
    utf16 = _utf16(raw)
    if utf16 is not None:
        return Finding(
            "",
            1,
            1,
            "ogiltig-teckenkodning",
            Severity.FEL,
            f"Filen är sparad som {utf16}, inte UTF-8 (t.ex. av PowerShell 5 eller av "
            "Anteckningar med kodningen 'Unicode'). Spara om den som UTF-8: i VS Code står "
            f"'{utf16}' i statusfältet; klicka där och välj 'Save with Encoding' → 'UTF-8'. I "
            "PowerShell: skriv filen med '-Encoding utf8'.",
        )
    byte = raw[start]
    meant = bytes([byte]).decode("cp1252", errors="replace")
    as_1252 = (
        f"; i Windows-1252, som Excel och äldre Windows-program sparar i, är den '{meant}'"
        if meant.isalpha()
        else ""
    )
    return Finding(
        "",
        line,
        column,
        "ogiltig-teckenkodning",
        Severity.FEL,
        f"Filen är inte sparad som UTF-8 (byte 0x{byte:02x}{as_1252}). {REOPEN}",
    )


def _utf16(raw: bytes) -> str | None:
    """ "UTF-16 LE" or "UTF-16 BE" when ``raw`` is UTF-16: its byte-order mark, or (without
    one) a zero byte beside each of the first two ASCII characters; else None."""
    if raw.startswith(b"\xff\xfe"):
        return "UTF-16 LE"
    if raw.startswith(b"\xfe\xff"):
        return "UTF-16 BE"
    if len(raw) >= 4 and raw[1] == 0 and raw[3] == 0 and raw[0] and raw[2]:
        return "UTF-16 LE"
    if len(raw) >= 4 and raw[0] == 0 and raw[2] == 0 and raw[1] and raw[3]:
        return "UTF-16 BE"
    return None


#: a word, to show each damaged one whole
_WORD = r"\S+"


@cache
def _mojibake() -> re.Pattern[str]:
    """UTF-8 read as Windows-1252: å ä ö Å Ä Ö é … as "Ã¥ Ã¤ Ã¶ Ã… Ã„ Ã– Ã©", a hard space as
    "Â ", and "–" "’" "…" (E2 80 xx) as "â€“ â€™ â€¦". Built when a file may hold such text
    (:func:`may_be_damaged`), which most never do."""
    # The characters Windows-1252 shows for the bytes 0x80–0xBF, which continue a character
    # in UTF-8: what follows "Ã" when "å" (C3 A5) is read as Windows-1252 ("Ã¥").
    continuation = "".join(
        sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""})
    )
    return re.compile(f"(?:[\u00c2\u00c3]|\u00e2\u20ac)[{re.escape(continuation)}]")


def may_be_damaged(text: str) -> bool:
    """Whether a value in ``text`` may hold damaged text (three substring tests: most files
    have none of these characters, and then no value is looked at)."""
    return "\ufffd" in text or "\u00c3" in text or "\u00c2" in text or "\u00e2\u20ac" in text


class DamagedText:
    """The damaged values of one file's ``text`` (its lines ending in LF, as the parser reads
    them): ``check`` one value by its place in ``text``."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def check(self, value: str, start: int, end: int, line: int) -> Finding | None:
        """The finding for the value ``value`` written from offset ``start`` to ``end`` in the
        text, starting on line ``line`` (1-based), or None."""
        if "\ufffd" in value:
            at = self.text.find("\ufffd", start, end)
            return self._finding(
                at if at != -1 else start,
                start,
                line,
                "skadat-tecken",
                Severity.FEL,
                "Värdet innehåller ersättningstecknet U+FFFD ('\ufffd'): texten skadades när "
                "filen öppnades med fel teckenkodning och sparades, och det som stod där (ofta "
                "å, ä eller ö) går inte att få tillbaka ur filen. Skriv in de rätta tecknen "
                "igen, eller ta fram den tidigare versionen av filen ur versionshistoriken och "
                "öppna den med rätt teckenkodning ('Reopen with Encoding' → 'Western (Windows "
                "1252)' i VS Code) innan den sparas som UTF-8.",
            )
        mojibake = _mojibake()
        if not mojibake.search(value):
            return None
        found = mojibake.search(self.text, start, end)
        words = [w for w in re.findall(_WORD, value) if mojibake.search(w)]
        shown = ", ".join(_pair(w) for w in words[:3])
        more = f" (och {len(words) - 3} ord till)" if len(words) > 3 else ""
        return self._finding(
            found.start() if found else start,
            start,
            line,
            "dubbelkodad-text",
            Severity.VARNING,
            "Värdet ser ut att ha sparats som UTF-8 och sedan lästs som Windows-1252, så å, ä "
            f"och ö har blivit två tecken: {shown}{more}. Skriv in de rättade orden (har hela "
            "filen sådana tecken: sök och ersätt, t.ex. 'Ã¥' med 'å', 'Ã¤' med 'ä' och 'Ã¶' "
            "med 'ö').",
        )

    def _finding(
        self, at: int, start: int, line: int, code: str, severity: Severity, message: str
    ) -> Finding:
        line += self.text.count("\n", start, at)
        column = at - (self.text.rfind("\n", 0, at) + 1) + 1
        return Finding("", line, column, code, severity, message)


def _fix(match: re.Match[str]) -> str:
    return match.group().encode("cp1252").decode("utf-8")


def _pair(word: str) -> str:
    """ "'pÃ¥' ska vara 'på'": a damaged word and the word it was."""
    fixed = _mojibake().sub(_fix, word)
    return f"'{identifier(shorten(word, 40))}' ska vara '{identifier(shorten(fixed, 40))}'"
