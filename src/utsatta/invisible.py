"""Where an invisible character acts on its neighbours, so that prose keeps it and the
terminal shows it as itself (docs/decisions/0518, 0527): ZWNJ and ZWJ beside a letter of a
script whose letters join or form conjuncts, ZWJ in an emoji sequence, a soft hyphen between
letters, a variation selector after an emoji or an ideograph."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["in_context", "is_selector"]

#: Scripts in which ZWNJ and ZWJ change how letters are drawn (Unicode §23.2): the cursive
#: ones (Arabic and Persian, Syriac, N'Ko, Mongolian, Mandaic, Adlam …) and the Brahmic ones,
#: where they break or ask for a conjunct. Everywhere else (Latin, Greek, Cyrillic, Han,
#: Hebrew, Armenian, Georgian …) they change nothing and only hide a difference
#: (docs/decisions/0527). By the start of the character's name, as unicodedata has no script.
_JOINING = (
    "ARABIC ", "SYRIAC ", "NKO ", "MONGOLIAN ", "MANDAIC ", "ADLAM ", "HANIFI ROHINGYA ",
    "MANICHAEAN ", "PSALTER PAHLAVI ", "SOGDIAN ", "OLD UYGHUR ", "PHAGS-PA ",
    "DEVANAGARI ", "BENGALI ", "GURMUKHI ", "GUJARATI ", "ORIYA ", "TAMIL ", "TELUGU ",
    "KANNADA ", "MALAYALAM ", "SINHALA ", "TIBETAN ", "MYANMAR ", "KHMER ", "BALINESE ",
    "JAVANESE ", "SUNDANESE ", "TAI THAM ", "LEPCHA ", "LIMBU ", "BRAHMI ", "KAITHI ",
    "SHARADA ", "GRANTHA ", "NEWA ", "TIRHUTA ", "MODI ", "TAKRI ", "CHAKMA ", "MEETEI MAYEK ",
)  # fmt: skip


def _joins(letter: str) -> bool:
    """A letter (or a mark) of a script where ZWNJ and ZWJ act."""
    return not letter.isascii() and unicodedata.name(letter, "").startswith(_JOINING)


def is_selector(char: str) -> bool:
    """A variation selector (VS1–VS16 or VS17–VS256)."""
    return "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


def in_context(match: re.Match[str], unsafe: re.Pattern[str]) -> bool:
    """Whether the invisible character at ``match`` acts on its neighbours, so a reader sees
    what it does (docs/decisions/0518, 0527): ZWNJ and ZWJ between two letters (or marks) of
    which one is of a joining script (:data:`_JOINING`: Arabic, Persian, Indic …; not Latin,
    Greek, Cyrillic, Han, Hebrew …, where they only hide a difference) and ZWJ between two
    symbols (emoji sequences); a soft hyphen between two letters (a hyphenation point); a
    variation selector after a symbol (emoji) or a CJK ideograph, or after a digit, # or * that
    a keycap (U+20E3) follows. Anywhere else it only hides a difference. ``unsafe``: the
    characters that are themselves invisible (beside one, nothing is acted on)."""
    text, at, char = match.string, match.start(), match.group(0)
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    # beside an invisible character (U+2800 is a symbol, U+3164 a letter) it acts on nothing
    if not before or unsafe.match(before):
        return False
    kind = unicodedata.category(before)
    if is_selector(char):
        if kind[0] == "S" or (before in "0123456789#*" and after == "\u20e3"):
            return True
        return kind == "Lo" and unicodedata.name(before, "").startswith("CJK ")
    if not after or unsafe.match(after):
        return False
    kinds = kind[0], unicodedata.category(after)[0]
    if char == "\u00ad":
        return kinds == ("L", "L")
    if kinds[0] in "LM" and kinds[1] in "LM":
        return _joins(before) or _joins(after)
    return char == "\u200d" and kinds == ("S", "S")
