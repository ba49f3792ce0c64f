"""Letters that look Latin but are not: a Cyrillic 'е' in 'bеrgsjon', a fullwidth 'Ａ', a Greek
'Ο'. Asked only for a value that already failed where the exact value matters (a key, an id, a
reference), so that the message can name the character and the suggestion find the intended
value (docs/decisions/0574-forvaxlingsbara-tecken.md). A free text may mix scripts: it is never
asked about."""

from __future__ import annotations

import functools
import unicodedata

from utsatta.escape import shorten

#: Past this many characters a value is not looked through (the messages shorten it anyway).
LONGEST = 200
#: At most this many characters are named in one message; the rest are counted.
NAMED = 4

#: The script of a character by the start of its name (unicodedata has no script property),
#: as a Swedish adjective that goes with 'ett' (ett kyrilliskt е).
_SCRIPTS = (
    ("CYRILLIC ", "kyrilliskt"),
    ("GREEK ", "grekiskt"),
    ("FULLWIDTH ", "brett"),
    ("MATHEMATICAL ", "matematiskt"),
    ("ARMENIAN ", "armeniskt"),
    ("CHEROKEE ", "cherokesiskt"),
    ("COPTIC ", "koptiskt"),
    ("LATIN ", "latinskt"),
)

PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789åäöÅÄÖ")


@functools.cache
def _table() -> dict[str, str]:
    from utsatta.load.lookalike_table import PAIRS

    pairs = "".join(PAIRS)
    return dict(zip(pairs[::2], pairs[1::2], strict=True))


def latin_of(char: str) -> str | None:
    """The letter a–z, A–Z, å, ä, ö or the digit that ``char`` looks like, when it is another
    character: UTS #39's prototype, else the NFKC form (fullwidth 'Ａ' → 'A'); None for a
    plain letter and for a character that looks like none."""
    if char in PLAIN or char.isascii():
        return None
    hit = _table().get(char) or _folded(char)
    if hit is not None:
        return hit
    # UTS #39 compares decomposed text: Cyrillic 'ӧ' is 'о' and a diaeresis, so it looks like 'ö'
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or (look := _table().get(base) or _folded(base)) is None:
        return None
    composed = unicodedata.normalize("NFC", look + marks)
    return composed if composed in PLAIN else None


def _folded(char: str) -> str | None:
    folded = unicodedata.normalize("NFKC", char)
    return folded if folded in PLAIN and folded != char else None


def found(value: str) -> list[tuple[int, str, str]]:
    """The look-alikes of ``value``: (position from 1, character, the letter it looks like);
    none in a value of only ASCII, or one over :data:`LONGEST` characters."""
    if value.isascii() or len(value) > LONGEST:
        return []
    return [(i, c, latin) for i, c in enumerate(value, 1) if (latin := latin_of(c)) is not None]


def plain(value: str) -> str:
    """``value`` with each look-alike written as the letter it looks like ('bеrgsjon' with a
    Cyrillic е → 'bergsjon'); ``value`` itself when it has none."""
    hits = found(value)
    if not hits:
        return value
    chars = list(value)
    for i, _, latin in hits:
        chars[i - 1] = latin
    return "".join(chars)


def describe(char: str) -> str:
    """'ett kyrilliskt е (U+0435)'; a right-to-left letter by its number alone, since it would
    turn the text around it in the terminal."""
    code = f"U+{ord(char):04X}"
    if unicodedata.bidirectional(char) in ("R", "AL"):
        return f"ett tecken ur en annan skrift ({code})"
    name = unicodedata.name(char, "")
    adjective = next((a for prefix, a in _SCRIPTS if name.startswith(prefix)), None)
    if adjective is None:
        return f"ett tecken ur en annan skrift, {char} ({code})"
    return f"ett {adjective} {char} ({code})"


def note(value: str, write: str | None = None, where: str = "Här") -> str:
    """ " Här finns ett tecken ur en annan skrift som ser ut som en vanlig bokstav: tecken
    nummer 2 är ett kyrilliskt е (U+0435), som ser ut som e. Skriv om ordet med vanliga
    bokstäver." for a value with look-alikes, else "". ``write``: the value to write instead,
    when the caller knows it is the right one; ``where``: what the positions count in ("I
    filens namn")."""
    hits = found(value)
    if not hits:
        return ""
    parts = [
        f"tecken nummer {i} är {describe(c)}, som ser ut som {latin}"
        for i, c, latin in hits[:NAMED]
    ]
    if len(hits) > NAMED:
        parts.append(f"ytterligare {len(hits) - NAMED} tecken är sådana")
    listed = parts[0] if len(parts) == 1 else f"{'; '.join(parts[:-1])}; och {parts[-1]}"
    digits = sum(latin.isdigit() for _, _, latin in hits)
    one, many = (
        ("en vanlig siffra", "vanliga siffror")
        if digits == len(hits)
        else ("en vanlig bokstav", "vanliga bokstäver")
        if digits == 0
        else ("en vanlig bokstav eller siffra", "vanliga bokstäver och siffror")
    )
    lead = (
        f"ett tecken ur en annan skrift som ser ut som {one}"
        if len(hits) == 1
        else f"tecken ur en annan skrift som ser ut som {many}"
    )
    what = "ordet" if digits == 0 else "det"
    tail = f", så att det står '{shorten(write)}'" if write is not None else ""
    return f" {where} finns {lead}: {listed}. Skriv om {what} med {many}{tail}."
