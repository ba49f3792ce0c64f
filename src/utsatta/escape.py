"""One escaping function per output channel and context, so that data never controls an
output: the terminal (``terminal``), the CI log and workflow commands (``ci_text``,
``ci_message``, ``ci_property``), the job summary (``summary_cell``, ``summary_code``), the
Markdown report (``md_inline``, ``md_cell``, ``md_block``), the HTML report (``html_text``,
``html_attr``), ids and file names on every channel (``identifier``), a command to paste into
a shell (``shell_command``) and bounded echoes
(``shorten``, ``shorten_number``). All are pure and total. The rules of each, and how an unsafe
character is shown: docs/decisions/0061-escaping-per-channel.md.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property

from utsatta import mdlinks
from utsatta.invisible import in_context, is_selector
from utsatta.lineends import to_lf
from utsatta.numbers import heltal

__all__ = [
    "ci_message",
    "ci_property",
    "ci_text",
    "document",
    "html_attr",
    "html_no_commands",
    "html_text",
    "identifier",
    "json_document",
    "md_block",
    "md_cell",
    "md_inline",
    "md_text",
    "md_text_cell",
    "prose",
    "shell_command",
    "shorten",
    "shorten_number",
    "summary_cell",
    "summary_code",
    "terminal",
    "utsatta_command",
    "web_address",
]

# --- character classes --------------------------------------------------------------------------

#: C0 controls except tab and line feed, DEL and C1 controls.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
#: Explicit bidi embeddings, overrides and isolates: they reorder the text that follows.
_BIDI = "\u202a-\u202e\u2066-\u2069"
#: Every format character (Unicode category Cf; tests/test_escape.py checks the list against
#: unicodedata), line and paragraph separators, lone surrogates, and the invisible characters of
#: other categories: combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian
#: variation selectors and the braille blank.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_SEPARATORS = "\u2028\u2029"
_SURROGATES = "\ud800-\udfff"
#: Every other Default_Ignorable_Code_Point of Unicode but the variation selectors (unassigned
#: ones included: a newer Unicode may give them a meaning, never a glyph), and the letters and
#: symbols that are drawn blank (braille blank, musical null notehead). docs/decisions/0518.
_INVISIBLE_BMP = (
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2065\u2800\u3164\uffa0\ufff0-\ufff8"
)
_INVISIBLE = f"{_INVISIBLE_BMP}\U0001d159\U000e0000-\U000e00ff\U000e01f0-\U000e0fff"
#: The characters above U+FFFF that prose removes (a selector among them only out of context):
#: tested in Python, as a class of such ranges makes the pattern scan every text 3× slower.
_ASTRAL_REMOVED = ((0x1BCA0, 0x1BCA3), (0x1D159, 0x1D159), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF))
#: Variation selectors: they change the glyph of a symbol (emoji presentation) or an ideograph;
#: after anything else they are invisible (docs/decisions/0518).
_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
#: Spaces other than U+0020: fine in text, invisible differences in an id.
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

_UNSAFE = re.compile(f"[{_CONTROLS}{_FORMAT}{_SEPARATORS}{_SURROGATES}{_INVISIBLE}{_SELECTORS}]")

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


class _Patterns:
    """The patterns that ``validate`` does not need (reports, JSON, ids), each compiled when
    first used: compiling these character classes costs more than validate's whole output.
    After the first use, each is a plain attribute."""

    @cached_property
    def other_breaks(self) -> re.Pattern[str]:
        """What Python's str.splitlines also takes for a line break: one in prose, as the
        writer saw it."""
        return re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

    @cached_property
    def id_special(self) -> re.Pattern[str]:
        return re.compile(
            f"\\\\|<(?=U\\+)|[\t\n{_CONTROLS}{_FORMAT}{_SEPARATORS}{_SURROGATES}{_INVISIBLE}"
            f"{_SELECTORS}{_SPACES}]"
        )

    @cached_property
    def prose_remove(self) -> re.Pattern[str]:
        return re.compile(
            f"[{_CONTROLS}{_BIDI}\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"
            f"{_SURROGATES}{_SEPARATORS}\u180e{_INVISIBLE_BMP}\u00ad\u200c\u200d\ufe00-\ufe0f"
            "\U00010000-\U0010ffff]"  # decided in _kept (_ASTRAL_REMOVED)
        )

    @cached_property
    def prose_address(self) -> re.Pattern[str]:
        """A web address in prose, as far as a Markdown autolink, a link's destination or a
        bare address in text can reach: to a space, a control or a character that ends a
        link; in a destination written ``](<…>)``, which may hold spaces, to its ``>``."""
        ends = "\\x00-\\x1f\\x7f-\\x9f"  # a control is no part of an address written in text
        return re.compile(
            f'(?<=\\]\\(<)https?://[^<>{ends}]+|https?://[^\\s<>"`{ends}]+', re.IGNORECASE
        )

    @cached_property
    def json_unsafe(self) -> re.Pattern[str]:
        return re.compile(
            f"[{_CONTROLS}{_FORMAT}{_SEPARATORS}{_SURROGATES}{_INVISIBLE}{_SELECTORS}]"
        )

    @cached_property
    def url_unsafe(self) -> re.Pattern[str]:
        return re.compile(
            f'[\\x00-\\x20\\x7f-\\x9f<>"`{_FORMAT}{_SEPARATORS}{_SURROGATES}{_INVISIBLE}'
            f"{_SELECTORS}{_SPACES}]|(?<=##)\\["
        )

    @cached_property
    def document_unsafe(self) -> re.Pattern[str]:
        return re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_SURROGATES}]")


_LAZY = _Patterns()


def _shown(char: str) -> str:
    """How one unsafe character is written so that it is seen."""
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    if is_selector(char) and in_context(match, _UNSAFE):
        return char  # an emoji's or an ideograph's variant: drawn, not hidden
    return _shown(char)


# --- terminal and CI log ------------------------------------------------------------------------


def terminal(text: str, *, multiline: bool = False) -> str:
    """Text for a terminal: every control, format, bidi and invisible character is shown.

    A tab becomes a space (it only moves the cursor, but would misalign columns). A line break
    is shown as ``\\n`` unless ``multiline`` is set; then CRLF and CR become LF and the lines
    are kept. A CR is never written.
    """
    # CRLF and a lone CR become LF: a CR would move the cursor back over what was written
    text = to_lf(text) if multiline else text.replace("\n", "\\n")
    return _UNSAFE.sub(_visible, text.replace("\t", " "))


#: A line the GitHub runner reads as a workflow command: ``::`` after leading whitespace.
#: Whitespace within the line only: ``\s*`` would run across blank lines and make the search
#: quadratic in the number of lines.
_COMMAND_LINE = re.compile(r"^([^\S\n]*)::", re.MULTILINE)
#: The old command syntax ``##[command]`` is recognised anywhere in a line.
_OLD_COMMAND = r"(?<=##)\["


def _no_commands(text: str) -> str:
    text = _COMMAND_LINE.sub(r"\1\\::", text)
    return re.sub(_OLD_COMMAND, r"\\[", text) if "##[" in text else text


def ci_text(text: str, *, multiline: bool = False) -> str:
    """Text for a CI log line (not a workflow command): as :func:`terminal`, and no line can
    be read by the GitHub runner as a workflow command (``::`` at a line start gets a backslash
    before it, ``##[`` becomes ``##\\[``)."""
    return _no_commands(terminal(text, multiline=multiline))


def _percent(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def ci_message(text: str, *, multiline: bool = False) -> str:
    """The message of a workflow command (``::error …::message``).

    Controls are made visible as for :func:`terminal`; ``%``, CR and LF are then encoded as
    ``%25``, ``%0D`` and ``%0A`` (the runner decodes them), so the command stays one line.
    With ``multiline`` a line break is kept (as ``%0A``, shown as a new line in the
    annotation); otherwise it is shown as ``\\n``.
    """
    return _percent(_no_commands(terminal(text, multiline=multiline)))


def ci_property(text: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``): controls made visible
    as for :func:`terminal` on one line, then the toolkit's escapeProperty exactly: ``%``,
    CR, LF, ``:`` and ``,`` encoded as ``%25``, ``%0D``, ``%0A``, ``%3A`` and ``%2C``. No
    guard against a command (:func:`ci_message`'s): a property stands inside a command's
    line, never at its start (and holds no ``:`` to start one), and the runner reads such a
    line as that command before it looks for ``##[``; a backslash would only change the value
    (a file ``\\%3A%3Ae/…`` that does not exist; granska18b L4)."""
    return _percent(terminal(text)).replace(":", "%3A").replace(",", "%2C")


# --- identifiers --------------------------------------------------------------------------------


def _identifier_char(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "\\":
        return "\\\\"
    if char == "<":
        return "\\<"  # only before "U+": the text "<U+200B>" must not look like a made-visible ZWSP
    return _shown(char)


_INVISIBLE_CATEGORIES = frozenset({"Cn", "Co", "Cs", "Cc", "Cf", "Zl", "Zp"})


def identifier(text: str) -> str:
    """An id or a file name, on any channel: every character that is not an ordinary visible
    character or U+0020 is shown (tab, line break, bidi, zero-width, other spaces, variation
    selectors, unassigned and private-use code points), a backslash is doubled and ``<U+`` is
    written ``\\<U+``, so the result is never the same for two different inputs. Combining
    marks are shown too when the text is not in NFC form (``a`` + U+030A looks like ``å``)."""
    if text.isascii() and text.isprintable() and "\\" not in text and "<U+" not in text:
        return text  # nothing to show: the pattern (costly to compile) is not needed
    out = _LAZY.id_special.sub(_identifier_char, text)
    if out.isascii():
        return out
    nfc = unicodedata.is_normalized("NFC", text)
    parts = []
    for char in out:
        category = unicodedata.category(char)
        if category in _INVISIBLE_CATEGORIES or (not nfc and category[0] == "M"):
            parts.append(_shown(char))
        else:
            parts.append(char)
    return "".join(parts)


def shell_command(*parts: str) -> str:
    """A command a message suggests, written so that it can be pasted into a shell: each part
    that holds a space, a quote or another character the shell reads (a path such as
    ``m med å/rapporter``) in single quotes (``shlex.join``); a plain part as it is. The
    channel's own function (``terminal``, ``identifier`` …) is applied to the whole after.

    A part with a character that :func:`identifier` shows as a code (a control or bidi
    character, an invisible one: ``data\\x1b[31m``) is no text a shell command can hold as
    the user sees it: then no command, but why (``(inget kommando kan ges: …)``), in plain
    words that every channel writes unchanged (docs/decisions/0385)."""
    import shlex

    for part in parts:
        odd = _untypable(part)
        if odd is not None:
            return _no_command(odd)
    return shlex.join(parts)


def _untypable(text: str) -> str | None:
    """The first character of ``text`` that :func:`identifier` shows as a code, or None (a
    backslash and ``<``, which it only marks, can be typed)."""
    if text.isascii() and text.isprintable():
        return None
    nfc = unicodedata.is_normalized("NFC", text)
    for char in text:
        if char in "\\<":
            continue
        if identifier(char) != char or (not nfc and unicodedata.category(char)[0] == "M"):
            return char
    return None


#: how :func:`shell_command`'s text begins where no command can be given
_NO_COMMAND = "(inget kommando kan ges: "


def _no_command(char: str) -> str:
    """Why no command is given: the character by its code point (``U+001B``, never ``\\x1b``
    or ``<U+…>``, which the channels would escape again) and what it is."""
    category = unicodedata.category(char)
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":  # _BIDI
        kind = "ett riktningstecken"
    elif category == "Cc":
        kind = "ett styrtecken"
    elif category[0] == "M":
        kind = "ett kombinerande tecken"
    elif category == "Zs":
        kind = "ett annat mellanslag än det vanliga"
    else:
        kind = "ett osynligt eller okänt tecken"
    return (
        f"{_NO_COMMAND}sökvägen har tecknet U+{ord(char):04X}, {kind}, som inte "
        "kan skrivas i ett kommando; byt namn på mappen eller filen först)"
    )


def command_sentence(lead: str, command: str, *args: str, data: str | None = None) -> str:
    """A sentence that ends with the command it suggests (:func:`utsatta_command`): "{lead}
    'utsatta COMMAND …'." Where no command can be given, the reason as plain words after the
    command's name, never inside quotes: "{lead} utsatta COMMAND, men inget kommando kan ges:
    …; byt namn på mappen eller filen först." (granska10 F4, docs/decisions/0370)."""
    built = utsatta_command(command, *args, data=data)
    if built.startswith(_NO_COMMAND):
        return no_command_sentence(lead, command, built[len(_NO_COMMAND) : -1])
    return f"{lead} '{built}'."


def no_command_sentence(lead: str, command: str, why: str) -> str:
    """The sentence of :func:`command_sentence` where no command can be given: "{lead}
    utsatta COMMAND, men inget kommando kan ges: {why}." (docs/decisions/0438)."""
    return f"{lead} utsatta {command}, men {_NO_COMMAND[1:]}{why}."


def utsatta_command(command: str, *args: str, data: str | None = None) -> str:
    """The one way a message writes a utsatta command it suggests (``command``: "validate",
    "ny rapport" …): with ``--data`` and the data folder the user's run used, as the user
    gave it, after the command's arguments, so that the command pasted reads the same data
    (without it, a run in another folder checks the bundled example data and says "0 fel");
    quoted by ``shell_command`` (or, for a path no command can hold, why not).
    A message puts it last in its sentence, or before a line break, so that a copied line
    is the command only."""
    folder = ["--data", data] if data else []
    # --data last: the command's own arguments read first (ny rapport 2024 higab --data D)
    return shell_command("utsatta", *command.split(), *args, *folder)


# --- job summary (GitHub-flavoured Markdown) ----------------------------------------------------

#: Every ASCII punctuation character that means something in GFM inline text or a table.
_GFM_PUNCT = r"[\\`*_\[\]|~!#$]"
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def summary_cell(text: str) -> str:
    """A cell of a Markdown table in the job summary (without the surrounding pipes).

    One line (a line break is shown as ``\\n``), controls shown, HTML and entities written as
    text (``&``, ``<``, ``>`` as entities), and every Markdown punctuation character escaped
    with a backslash, so no emphasis, link, image, code span or pipe comes from the data.
    Whatever GitHub could make into a link (an address, a mention, an issue reference, a
    commit SHA) is inline code, cut out of its word by the rule the Markdown report uses
    (:func:`utsatta.mdlinks.link_pieces`): shown and copied as it is, never a link.
    """
    shown = terminal(text)
    if not mdlinks.may_link(shown):
        return _summary_text(shown) or " "
    out: list[str] = []
    at = 0
    for match in re.finditer(_SUMMARY_WORD, shown):
        if mdlinks.link_start(match.group(0)) is None:
            continue
        out.append(_summary_text(shown[at : match.start()]))
        out += [
            _summary_span(piece) if link else _summary_text(piece)
            for piece, link in mdlinks.link_pieces(match.group(0))
        ]
        at = match.end()
    out.append(_summary_text(shown[at:]))
    return "".join(out) or " "


def _summary_text(shown: str) -> str:
    return re.sub(_GFM_PUNCT, r"\\\g<0>", shown).translate(_HTML)


#: A word of a summary cell; a backtick ends one (it stays escaped text).
_SUMMARY_WORD = r"[^\s`]+"


def _summary_span(word: str) -> str:
    """A link (never with a backtick or a space) as inline code in a table cell, ``|``
    escaped as GFM tables require even in code."""
    return f"`{word.replace('|', chr(92) + '|')}`"


def summary_code(text: str) -> str:
    """A file name or place as inline code in a job-summary table cell: shown as
    :func:`identifier` (so a line break or bidi character is visible), in a code span whose
    backtick fence is longer than any run of backticks inside, with ``|`` escaped as GFM
    tables require even inside code."""
    shown = identifier(text).replace("|", "\\|")
    if not shown:
        return "` `"
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown[0] in "` " or shown[-1] in "` " else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


# --- prose: Markdown and HTML reports ------------------------------------------------------------


def prose(text: str) -> str:
    """Text for a report (Markdown or HTML), before that format's own escaping: CRLF and CR
    become LF, the other line breaks (VT, FF, NEL, U+2028 …) LF too, a tab a space, and the
    remaining controls (NUL included), bidi embeddings, overrides and isolates, zero-width
    spaces, word joiners, BOMs, tag characters, lone surrogates and every other invisible
    character (Unicode's Default_Ignorable_Code_Point, Hangul fillers, the braille blank:
    docs/decisions/0518) are removed; ZWNJ, ZWJ, the soft hyphen and variation selectors stay
    only where they act on their neighbours (:func:`utsatta.invisible.in_context`). Line
    breaks and the direction marks LRM, RLM and ALM (which cannot reorder text beyond their
    neighbours, and which validate refuses) stay. In a web address (``http://`` or
    ``https://`` up to a space, a control, ``<``, ``>``, ``"`` or a backtick; in a link's
    ``](<…>)`` to its ``>``) they are percent-encoded
    instead, as :func:`web_address` writes an address (``%E2%80%8B``): a link in a nämnd's
    text then goes, and shows that it goes, where the data says, in every format and in the
    export (docs/decisions/0534)."""
    text = _LAZY.other_breaks.sub("\n", to_lf(text)).replace("\t", " ")
    if "://" in text:  # most texts have no address: no search
        text = _LAZY.prose_address.sub(_address, text)
    return _LAZY.prose_remove.sub(_kept, text)


def _address(match: re.Match[str]) -> str:
    return web_address(match.group(0))


def _kept(match: re.Match[str]) -> str:
    """ "" for a character prose removes; ZWNJ, ZWJ, the soft hyphen and a variation selector
    kept where they act on their neighbours (:func:`utsatta.invisible.in_context`)."""
    char = match.group(0)
    if char in "\u00ad\u200c\u200d" or is_selector(char):
        return char if in_context(match, _UNSAFE) else ""
    if char >= "\U00010000":
        code = ord(char)
        return "" if any(first <= code <= last for first, last in _ASTRAL_REMOVED) else char
    return ""


# The Markdown report: the text is parsed as Markdown and written again (utsatta.mdtext),
# after prose(). mdtext is imported where it is used: validate never writes Markdown
# (docs/decisions/0532).


def md_inline(text: str) -> str:
    """One line of Markdown (a heading, a list item): :func:`prose`, then the nämnd's
    Markdown written again (:func:`utsatta.mdtext.inline`): emphasis stays; raw HTML,
    entities, code, pipes and a leading block marker (``#``, ``-``, ``>``, ``1.`` …) are text;
    a link becomes its text and its web address as inline code, an image its alt text. Line
    breaks become spaces and a blank line `` / ``."""
    from utsatta import mdtext

    return mdtext.inline(prose(text))


def md_cell(text: str) -> str:
    """A Markdown table cell (without the surrounding pipes): :func:`md_inline`, and a word
    longer than ``mdtext.LONG_WORD`` gets a break opportunity (U+200B) every ``LONG_WORD``
    characters."""
    from utsatta import mdtext

    return mdtext.cell(prose(text))


def md_text(text: str) -> str:
    """A plain field (a name, a title; not a nämnd's Markdown) on one line of Markdown, shown
    as written like :func:`html_text` in HTML: :func:`prose`, then
    :func:`utsatta.mdtext.plain_line` (every Markdown character escaped, nothing a link)."""
    from utsatta import mdtext

    return mdtext.plain_line(prose(text))


def md_text_cell(text: str) -> str:
    """:func:`md_text` as a Markdown table cell (:func:`utsatta.mdtext.plain_cell`)."""
    from utsatta import mdtext

    return mdtext.plain_cell(prose(text))


def md_block(text: str) -> str:
    """Paragraphs and lists of Markdown: :func:`prose`, then written again as
    :func:`utsatta.mdtext.block` (lines kept and escaped as :func:`md_inline`, leading spaces
    dropped, a pasted list stays a list); no trailing newline."""
    from utsatta import mdtext

    return mdtext.block(prose(text))


def html_text(text: str) -> str:
    """Text for the HTML report, before Jinja's autoescape (which still escapes ``<&>"'``):
    :func:`prose`, so no control reaches the page and no bidi override reorders it."""
    return prose(text)


def html_no_commands(page: str) -> str:
    """A rendered HTML page with no line the GitHub runner reads as a workflow command when
    the page is printed in a CI log: ``:`` at a line start and ``[`` after ``##`` become the
    character references ``&#58;`` and ``&#91;``, which a browser shows as the same
    characters (the page looks the same; data is only in text and attribute values)."""
    page = _COMMAND_LINE.sub(r"\1&#58;:", page)
    return page.replace("##[", "##&#91;") if "##[" in page else page


def html_attr(text: str) -> str:
    """An attribute value for the HTML report, before autoescape: :func:`prose` on one line
    (tabs and line breaks become spaces)."""
    return prose(text).replace("\t", " ").replace("\n", " ")


def _percent_bytes(match: re.Match[str]) -> str:
    raw = match.group(0).encode("utf-8", "surrogatepass")
    return "".join(f"%{byte:02X}" for byte in raw)


def web_address(address: str) -> str:
    """A web address from the data as every report links it and shows it (the Markdown
    autolink, the HTML ``href`` and the link's text): each character that is not drawn or
    that would end or change the link (controls, spaces, ``<``, ``>``, ``"``, backtick, format
    and other invisible characters, variation selectors, lone surrogates) and the ``[`` of
    ``##[`` percent-encoded as its UTF-8 bytes (``%E2%80%8B``), so the address followed is the
    address shown, the same in both formats, and no line holds a workflow command. Visible
    letters (``å``, Arabic) stay as written. docs/decisions/0519."""
    return _LAZY.url_unsafe.sub(_percent_bytes, address)


# --- bounded echoes -----------------------------------------------------------------------------


def shorten(text: str, limit: int = 60) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ``limit`` characters,
    "…" and the length: ``"Lorem ipsum… (12 000 tecken)"``. Not escaped: pass the result to the
    channel's function. A letter keeps its combining accents; the length counts what is seen."""
    limit = max(limit, 1)
    if len(text) <= limit:
        return text
    cut = limit
    while cut < len(text) and unicodedata.combining(text[cut]):
        cut += 1
    seen = len(text) - sum(1 for c in text if unicodedata.combining(c))
    return f"{text[:cut]}… ({heltal(seen)} tecken)"


def shorten_number(literal: str, keep: int = 20) -> str:
    """A number as written, bounded: at most ``keep`` digits, then "…" and the number of
    digits: ``"12345678901234567890… (4 301 siffror)"``. A sign and other characters before
    the cut are kept."""
    keep = max(keep, 1)
    digits = len(re.findall(r"[0-9]", literal))
    if digits <= keep:
        return literal
    seen = 0
    for at, char in enumerate(literal):
        if "0" <= char <= "9":
            seen += 1
            if seen == keep:
                return f"{literal[: at + 1]}… ({heltal(digits)} siffror)"
    return literal  # pragma: no cover - unreachable: digits > keep


# --- JSON on any channel ------------------------------------------------------------------------


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_document(text: str) -> str:
    """A JSON document (``json.dumps(..., ensure_ascii=False)``) safe for a terminal or log:
    every control, format, bidi and invisible character and every lone surrogate, which JSON
    allows raw inside a string, is written as its ``\\uXXXX`` escape. Lossless: the parsed
    value is the same; outside strings JSON has no such characters. ``##[`` (the runner's old
    command syntax, recognised anywhere in a line) is written ``##\\u005b``."""
    text = _LAZY.json_unsafe.sub(_json_escape, text)
    return text.replace("##[", "##\\u005b") if "##[" in text else text


def document(text: str) -> str:
    """A rendered document (Markdown, HTML, YAML, CODEOWNERS) on standard output: it was
    escaped for its own format when rendered; as a last guard no control character other than
    tab and LF and no lone surrogate is ever written (each becomes U+FFFD)."""
    return _LAZY.document_unsafe.sub("\ufffd", text)
