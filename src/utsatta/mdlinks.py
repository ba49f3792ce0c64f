"""What in a nämnd's text can become a link, for every Markdown output to write as text: where
GitHub would make a link of a word (its autolinks and references: ``link_start``,
``link_pieces``), which links the reports keep (web addresses only: ``is_web_address``,
``unwrap_links``) and the markdown-it parsers that apply that rule. ``validate`` needs only
this part (its link warnings, the job summary); the Markdown written again is
:mod:`utsatta.mdtext`. Why and the exact rules: docs/decisions/0096-lankar-som-text.md.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from utsatta.wordlist import BULLETS, has_word_bullets, word_bullets

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

__all__ = [
    "NOT_READ",
    "block_tokens",
    "flat_parser",
    "html_parser",
    "is_web_address",
    "link_pieces",
    "link_start",
    "may_link",
    "may_look_otherwise",
    "may_show_as_text",
    "parser",
    "preview_differences",
    "preview_parser",
    "shown_address",
    "source_parser",
    "tag_parser",
    "unwrap_links",
]

# --- what GitHub makes into a link --------------------------------------------------------------

_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")


@cache
def _references() -> re.Pattern[str]:
    """What GitHub links besides addresses where it links references (comments, pull requests,
    the job summary; not files in a repository, but one rule serves every Markdown GitHub
    renders): a mention or team (``@namn``, ``@org/team``, ``namn@SHA``), an issue or pull
    request (``#12``, ``GH-12``, ``org/repo#12``; never ``#0`` or ``#012``: GitHub numbers
    them from 1, so ``&#0;`` is the text it is, not ``&`` and a code span: decision 0679) and
    a commit: a run of seven or more hex
    digits that stands alone (``a5c3785``, a whole SHA, ``org/repo@SHA``; digits only too,
    since a SHA can be all digits). Wider than GitHub, which links a SHA only when the commit
    exists: that is not ours to know. Compiled on first use: the costliest pattern here, and
    ``validate`` needs it only for a job summary."""
    return re.compile(
        r"@[0-9a-z][0-9a-z._/-]*|#[1-9][0-9]*|(?<![0-9a-z])gh-[1-9][0-9]*|"
        r"(?<![0-9a-z])[0-9a-f]{7,}"
        r"(?![0-9a-z])",
        re.IGNORECASE,
    )


#: The quick test for a commit reference in a whole text (seven hex digits in a row) works on
#: bytes: a regular expression looked at every character and took ten times as long. Hex digits
#: become 1, every other byte 0; Latin-1 with "?" for the rest is the fastest encoding, and as
#: hex digits are ASCII every run stays as it was.
_HEX_BYTES = bytes(int(chr(n) in "0123456789abcdefABCDEF") for n in range(256))
_SEVEN_HEX = b"\x01" * 7
#: What a reference's owner or repository before ``#`` or ``@`` is made of.
_OWNER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/+-")


def _address_start(lower: str) -> int | None:
    """Where the first address in a (lower-cased) word starts: its scheme, ``www.``,
    ``mailto:``, ``xmpp:`` or the name before ``@`` of an e-mail address."""
    starts = [lower.find(mark) for mark in ("www.", "mailto:", "xmpp:")]
    scheme = lower.find("://")
    if scheme >= 0:
        while scheme > 0 and lower[scheme - 1] in _SCHEME_CHARS:
            scheme -= 1
        starts.append(scheme)
    at = lower.find("@")
    if at >= 0 and "." in lower[at:]:
        while at > 0 and (lower[at - 1].isalnum() or lower[at - 1] in "._+-"):
            at -= 1
        starts.append(at)
    found = [n for n in starts if n >= 0]
    return min(found) if found else None


def _reference(word: str) -> tuple[int, int] | None:
    """Where the first reference in a word starts (with the owner or repository written
    before it) and ends (but for trailing punctuation), or None."""
    match = _references().search(word)
    if match is None:
        return None
    begin = match.start()
    while begin > 0 and word[begin - 1] in _OWNER_CHARS:
        begin -= 1
    core = _trimmed(word[begin : match.end()])
    return begin, begin + (len(core) if len(core) > match.start() - begin else match.end() - begin)


def link_start(word: str) -> int | None:
    """Where the first piece of a word that GitHub could make into a link starts, or None."""
    found = [n for n in (_address_start(word.lower()), _first(_reference(word))) if n is not None]
    return min(found) if found else None


def _first(span: tuple[int, int] | None) -> int | None:
    return None if span is None else span[0]


#: What ends an address inside a word: a quote, a backslash or a brace. The pieces between them
#: are looked at one by one (``=HYPERLINK("https://a.se/","klicka")`` has the address
#: ``https://a.se/`` and the text ``","klicka")``); GitHub's autolinks do not span them either
#: in a way that matters: the text after an address is its own text, without a link start.
_ADDRESS_STOP = r"([\"'\\{}]+)"
_CLOSING = {")": "(", "]": "["}


def _trimmed(address: str) -> str:
    """An address without trailing punctuation (``.,:;!?*_~``, an unmatched closing bracket)."""
    counts = {c: address.count(c) for c in "()[]"}
    end = len(address)
    while end:
        last = address[end - 1]
        if last in ".,:;!?*_~":
            end -= 1
        elif last in _CLOSING and counts[last] > counts[_CLOSING[last]]:
            counts[last] -= 1
            end -= 1
        else:
            break
    return address[:end]


def link_pieces(word: str) -> list[tuple[str, bool]]:
    """A word (no space in it) cut into what GitHub could make into a link (``True``: each
    written as inline code, by the .md report and the job summary alike) and the text around
    (``False``). An address runs from its start to the end of its piece of the word (pieces
    end at a quote, a backslash or a brace), a reference over its own characters; neither
    takes trailing punctuation."""
    if link_start(word) is None:
        return [(word, False)]
    out: list[tuple[str, bool]] = []
    for n, piece in enumerate(re.split(_ADDRESS_STOP, word)):
        while piece and not n % 2:
            address = _address_start(piece.lower())
            reference = _reference(piece)
            if address is None and reference is None:
                break
            core = _trimmed(piece[address:]) if address is not None else ""
            if address is not None and _address_start(core.lower()) is None:
                core = piece[address:]  # no address without the punctuation: all of it
                if reference is not None and reference[0] == address:
                    core = ""  # "@x." is the mention "@x" and a full stop
            if address is not None and core and (reference is None or address <= reference[0]):
                begin, end = address, address + len(core)
            else:
                assert reference is not None  # for mypy: one of the two was found
                begin, end = reference
            # The text before it is looked at again on its own: the cut ends it, and a hex run
            # that went on into the link ("a5c3785www.x.se") stands alone once the link is code.
            out += [*link_pieces(piece[:begin]), (piece[begin:end], True)]
            piece = piece[end:]
        out.append((piece, False))
    return [(text, link) for text, link in out if text]


def may_link(text: str) -> bool:
    """Whether the text has any of :func:`link_start`'s marks (an address's, a reference's):
    a text without one has no link, and most texts have none (the word-by-word look is then
    skipped: it was most of a report's time). Substring tests and a byte search for seven hex
    digits, not one case-insensitive regular expression: that tried every branch at every
    character."""
    if "@" in text or "://" in text or "#" in text:
        return True
    if _SEVEN_HEX in text.encode("latin-1", "replace").translate(_HEX_BYTES):
        return True
    if ":" not in text and "w" not in text and "W" not in text and "-" not in text:
        return False  # "mailto:" and "xmpp:" need a colon, "www." a w, "gh-" a hyphen
    lower = text.lower()
    return "www." in lower or "mailto:" in lower or "xmpp:" in lower or "gh-" in lower


# --- the reports' links and the parsers ---------------------------------------------------

_WEB = r"(?i)https?://[^/\s]"


def is_web_address(href: str) -> bool:
    """True for an absolute http or https address: the only links a report keeps."""
    return re.match(_WEB, href) is not None


def shown_address(href: str) -> str:
    """A link's address as the reader sees it: decoded as markdown-it shows link text, every
    space, control, format character, backtick, pipe or angle bracket percent-encoded."""
    shown = parser().normalizeLinkText(href)
    return "".join(
        "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass"))
        if not c.isprintable() or c in " `|<>"
        else c
        for c in shown
    )


#: the deepest emphasis the reports keep: deeper '*'/'**' pairs are dropped, their text kept.
#: The HTML that WeasyPrint lays out for the PDF recurses per element, and "**" * 250 (a
#: short text) exhausted Python's stack there (granska19b F1, docs/decisions/0578).
MAX_EMPHASIS = 20
_EMPHASIS = {"em_open": 1, "strong_open": 1, "em_close": -1, "strong_close": -1}


def _unwrapped(tokens: Sequence[Token]) -> list[Token]:
    out: list[Token] = []
    dropped = 0  # nesting of removed link_open tokens (links never nest, but be total)
    kept: list[bool] = []  # per open emphasis: whether it is kept (markdown-it nests them)
    depth = 0  # the kept ones open
    for tok in tokens:
        step = _EMPHASIS.get(tok.type)
        if step == 1:
            kept.append(depth < MAX_EMPHASIS)
            if kept[-1]:
                depth += 1
                out.append(tok)
        elif step == -1 and kept:
            if kept.pop():
                depth -= 1
                out.append(tok)
        elif tok.type == "image":
            out.extend(_unwrapped(tok.children or []))
        elif tok.type == "link_open" and not is_web_address(str(tok.attrGet("href") or "")):
            dropped += 1
        elif tok.type == "link_close" and dropped:
            dropped -= 1
        else:
            out.append(tok)
    for at in range(len(out) - 1, -1, -1):
        if out[at].type != "link_open":
            continue
        end = next((j for j in range(at + 1, len(out)) if out[j].type == "link_close"), None)
        if end is None:  # pragma: no cover - markdown-it always closes a link
            continue
        if all(t.type == "text" and not t.content.strip() for t in out[at + 1 : end]):
            # A link with no text (the .md report shows its address): the address as its text.
            from markdown_it.token import Token

            text = Token("text", "", 0, content=shown_address(str(out[at].attrGet("href"))))
            out[at + 1 : end] = [text]
    return out


def unwrap_links(state: StateCore) -> None:
    """A markdown-it core rule: an image becomes its alt text, a link but to the web its text."""
    for tok in state.tokens:
        if tok.type == "inline" and tok.children:
            tok.children = _unwrapped(tok.children)


def _new_parser(disabled: list[str], *, source: bool = False, html: bool = False) -> MarkdownIt:
    from markdown_it import MarkdownIt

    class _Parser(MarkdownIt):
        def validateLink(self, url: str) -> bool:
            return True  # every link is parsed, then unwrap_links decides in one place

    md = _Parser("commonmark", {"html": html, "linkify": False, "typographer": False})
    # No entities: "&#x202E;" in the data must not become a bidi override in the page.
    md.disable(["heading", "lheading", "entity", *disabled])
    if not source:
        md.core.ruler.after("inline", "utsatta_links", unwrap_links)
        md.add_render_rule("code_inline", _code_as_text)
    return md


def _code_as_text(
    _renderer: object, tokens: Sequence[Token], idx: int, _options: object, _env: object
) -> str:
    """Inline code in HTML as the .md report shows it: its text between its backticks, as
    text (the report holds no code from the data; a ``` line is no monospace line in HTML that
    the .md shows as text, docs/decisions/0546)."""
    from markdown_it.common.utils import escapeHtml

    tok = tokens[idx]
    return escapeHtml(f"{tok.markup}{tok.content}{tok.markup}")


#: The block rules no report reads: an indented code block, a fenced one, a quote and a rule stay
#: text in every format (the .md report always wrote them as text; HTML and PDF read them alike
#: since docs/decisions/0546, so a paragraph indented four spaces is no code block cut off at
#: the PDF's edge).
NOT_READ = ("code", "fence", "blockquote", "hr")


@cache
def parser() -> MarkdownIt:
    """The parser of every report format (the .md report writes its tokens again, the HTML and
    PDF render them): CommonMark without raw HTML, entities, headings, code blocks, quotes and
    rules (they stay text)."""
    return _new_parser(list(NOT_READ))


@cache
def flat_parser() -> MarkdownIt:
    """:func:`parser` without lists: a text nested deeper than markdown-it's ``maxNesting`` is
    read with it (:func:`block_tokens`), so no line of it is left out."""
    return _new_parser([*NOT_READ, "list"])


def _cut(tokens: Sequence[Token], limit: int) -> Token | None:
    """Where markdown-it reached its nesting limit, or None: inside a list or item opened one
    level below it, it reads nothing more of the text (it skips "the tail to the end"). A
    paragraph there loses nothing (its line is read by the inline parser); lists are the only
    blocks that nest (:data:`NOT_READ` has the quote)."""
    return next(
        (
            tok
            for tok in tokens
            if tok.nesting == 1 and tok.level >= limit - 1 and tok.type != "paragraph_open"
        ),
        None,
    )


def block_tokens(text: str, env: dict[str, Any] | None = None) -> list[Token]:
    """A nämnd's text as every report format reads it: :func:`parser`'s tokens, or, when lists
    nest deeper than markdown-it keeps (it would drop the rest of the text without a word),
    :func:`flat_parser`'s: the whole text as paragraphs, every line and word kept
    (docs/decisions/0547)."""
    md = parser()
    env = {} if env is None else env
    tokens = md.parse(text, env)
    if _cut(tokens, md.options["maxNesting"]) is not None:
        env.clear()  # the references of the first reading
        tokens = flat_parser().parse(text, env)
    return list(tokens)


@cache
def html_parser() -> MarkdownIt:
    """The parser for the HTML report (and the PDF): :func:`parser` itself, so that every
    format reads a text alike (docs/decisions/0546)."""
    return parser()


@cache
def source_parser() -> MarkdownIt:
    """What the nämnd wrote, read with :func:`parser`'s options (no raw HTML) but before links
    and images are unwrapped: the links, images and reference definitions the reports see, for
    the check that warns about them (``utsatta.check.rules.lankar``)."""
    return _new_parser(list(NOT_READ), source=True)


@cache
def tag_parser() -> MarkdownIt:
    """:func:`source_parser` with raw HTML on (``html_inline`` and ``html_block``): only to
    find the tags and comments the reports show as text (their links come from
    :func:`source_parser`, which reads the text as the reports do)."""
    return _new_parser(list(NOT_READ), source=True, html=True)


def may_show_as_text(text: str) -> bool:
    """Whether a text could hold a link, an image, an autolink or raw HTML, which the reports
    show as text (a test before the parser, which most texts never need): a tag or an autolink
    needs a ``<``; a link or an image a ``](`` or ``][``, and a shortcut one the reference
    definition it uses, ``]:``, as does a definition alone. Brackets that are none of these
    ("[Eventuell underrubrik]", "[…]") need no parser. markdown-it is imported on first use,
    so ``validate`` loads it only for such a text (the warning ``visas-som-text``)."""
    if "<" in text:
        return True
    if "[" in text and ("](" in text or "][" in text or "]:" in text):
        return True
    # may_look_otherwise's first tests, here: this runs for every text validate reads (a
    # digit first passes too, and may_look_otherwise looks whether an item's '.' follows)
    if "`" in text or "~" in text or "|" in text or text[:1] in _FIRST or text.startswith(_WORD):
        return may_look_otherwise(text)
    if "\n" in text and _LINE_START.search(text):  # a line end: a byte search, cheaper
        return may_look_otherwise(text)
    return False


#: the first characters of a line that may start what :func:`preview_differences` finds: an
#: indentation, a quote, a heading (or a setext underline of '=' or '-'), a rule, or a list
#: item's marker before one of them ('-', '*', '+', a number: :func:`_may_start` looks at it),
#: or a Word bullet (``wordlist.word_bullets`` makes it a '-'; 0565)
_FIRST = frozenset(" \t>#=-*_+0123456789" + BULLETS)
#: such a line after the first (a number only with '.' or ')' after it: an ordered item); one
#: scan of the text (for its line ends) where a substring test per construct would be nine
#: (callgrind, docs/decisions/0546)
_LINE_START = re.compile(r"\n(?:[ \t>#=*_+" + BULLETS + r"-]|[o\u00a7]\t|[0-9]+[.)])")
#: Word's second and third level's bullets (``wordlist.word_bullets``), first on a line (looked
#: for with ``startswith``: a slice per text, a new object, cost more in callgrind)
_WORD = ("o\t", "\u00a7\t")
#: an ordered list item's number (CommonMark's has at most nine digits: more passes, no harm)
_ORDERED = r"[0-9]+[.)]"


def _may_start(text: str) -> bool:
    """Whether the text's first line starts as :data:`_LINE_START` finds a line after it."""
    first = text[:1]
    if first in _FIRST:
        return not "0" <= first <= "9" or _numbered(text)
    return text.startswith(_WORD)


def _numbered(text: str) -> bool:
    """Whether a text that starts with a digit starts as an ordered item ('2.', '3)'): digits,
    then '.' or ')'. No pattern: compiling one cost more than all the texts that need it."""
    return text.lstrip("0123456789")[:1] in (".", ")")


#: A line a preview may read as a code block, a quote, a heading or a rule, after its
#: indentation and its list items' markers (a block may stand in an item: ``- > citat``,
#: ``1. ## Rubrik``): four spaces or a tab (an indented code block, or code in the item: more
#: than is needed passes, no harm), '>', '#', '=' (a setext underline), three of '-', '*' or '_'
#: with spaces or tabs between (a rule), or a line of '-' alone (a setext underline of any
#: length; a list item's dash has text after it). Linear: each part stops at a character the
#: next cannot start with, and no part crosses a line end. Compiled on first use (re's cache),
#: as validate seldom gets here; one pattern, as small as can be (its compiling is most of its
#: cost: callgrind, docs/decisions/0551).
_BLOCK_START = (
    r"(?:^|\n)(?:[ \t]*(?:[-*+]|" + _ORDERED + r")(?=[ \t]))*[ \t]*"
    r"(?: {4}|\t|[>#=]|([-*_])[ \t]*\1[ \t]*\1|-+[ \t]*(?:\n|$))"
)


def may_look_otherwise(text: str) -> bool:
    """Whether a text could hold what :func:`preview_differences` finds: a fence (```` ``` ````
    or ``~~~``), a table (``|``), struck text (``~~`` or ``~``: two tildes at least, an opening
    and a closing run), a line indented four spaces or more
    (a code block, or a list nested deeper than the reports keep), or a line that starts,
    perhaps in a list item, a quote (``>``), a heading (``#``, or a line of ``=`` or ``-``
    under a paragraph), a rule (``---``, ``* * *``, ``_ _ _``) or a code block. Cheap tests
    first: a text under ``key: |`` has its own indentation removed by YAML, so most texts
    have no line that starts with a space or one of these characters."""
    if "```" in text or "|" in text:
        return True  # a fence ('```') or a table ('|')
    tilde = text.find("~")
    if tilde >= 0 and text.find("~", tilde + 1) >= 0:
        return True  # a fence ('~~~') or struck text ('~~', '~', 0564): a second '~' after one
    if not _may_start(text) and _LINE_START.search(text) is None:
        return False
    if has_word_bullets(text):
        # a list pasted from Word is a Markdown list to the reports (0548), and to the check
        # (0565); a line that word_bullets changes starts as _LINE_START and _FIRST look for
        text = word_bullets(text)
    if not _may_start(text) and _LINE_START.search(text) is None:
        return False
    return re.search(_BLOCK_START, text) is not None


@cache
def preview_parser() -> MarkdownIt:
    """GitHub's Markdown (GFM) as an editor's preview reads a text (GitHub's, VS Code's):
    CommonMark with code blocks and fences, and GFM's tables and struck text (``~~`` and
    ``~``, as GitHub: a run of one or two tildes, closed by a run as long; three or more are
    text; docs/decisions/0564); raw HTML off (the other warnings cover it)."""
    from markdown_it import MarkdownIt

    options = {"html": False, "strikethrough_single_tilde": True}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"])


def preview_differences(
    shown: str, written: str | None = None
) -> list[tuple[str, tuple[int, ...]]]:
    """What a Markdown preview shows otherwise than every report format, by lines (0-based):
    ``indrag``, lines indented four spaces (or a tab) or more that a preview shows as a code
    block and the reports as a paragraph (:data:`NOT_READ`), the first line of each paragraph
    of the block (what must change: a line after it continues its paragraph, indented or not,
    but a paragraph after a blank line starts a code block again; granska17b F5); ``staket``,
    a fence (```` ``` ````) that a preview starts a code block with and the reports show as
    text; ``nastling``, a list nested deeper than the reports keep as a list
    (:func:`block_tokens` reads the whole text flat), at its first item too deep. ``shown``:
    the text as the reports read it (after ``escape.prose``); ``written``: as the author wrote
    it, tabs and all (LF line ends), which the preview reads, when it has the same lines (else
    ``shown`` is). ``citat``, the lines of a quote with a '>' (the outermost: a preview's, the
    reports show '>'; its first line first); ``linje``, a rule; ``rubrik``, a heading;
    ``tabell``, a table (GFM), at its first line; ``genomstruken``, a line with struck text
    (GFM's ``~~`` or ``~``); ``understruken``, the line of '=' or '-' that makes the text
    above it a heading (granska17b F6). Each in a list item too (``- > citat``). Whether a
    heading's line also looks like a YAML comment ('# text' first on it) is kommentar-i-text's
    to say (``load.block_comment.looks_like_comment``)."""
    found: list[tuple[str, tuple[int, ...]]] = []
    if written is None or written.count("\n") != shown.count("\n"):
        written = shown
    if may_look_otherwise(written):
        lines = written.split("\n")
        quote_end = 0
        for tok in preview_parser().parse(written):
            if tok.type == "fence" and tok.map:
                found.append(("staket", (tok.map[0],)))
            elif tok.type == "table_open" and tok.map:
                found.append(("tabell", (tok.map[0],)))
            elif tok.type == "inline" and tok.map and "~" in tok.content:
                found += [("genomstruken", (at,)) for at in _struck(tok.children, tok.map[0])]
            elif tok.type == "blockquote_open" and tok.map:
                # only the outermost quote: removing its '>'s ends the quotes inside it; every
                # line with a '>' (a line after one without is a paragraph's lazy continuation)
                if tok.map[0] >= quote_end:
                    first, quote_end = tok.map
                    marked = [
                        at
                        for at in range(first + 1, quote_end)
                        if lines[at].lstrip(" \t")[:1] == ">"
                    ]
                    found.append(("citat", (first, *marked)))
            elif tok.type == "hr" and tok.map:
                found.append(("linje", (tok.map[0],)))
            elif tok.type == "heading_open" and tok.map:
                if tok.markup[:1] in ("=", "-"):
                    # a setext heading: the line of '=' or '-' under its text makes it one
                    found.append(("understruken", (tok.map[1] - 1,)))
                else:
                    found.append(("rubrik", (tok.map[0],)))
            elif tok.type == "code_block" and tok.map:
                first, end = tok.map
                starts = [
                    at
                    for at in range(first, end)
                    if lines[at].strip(" \t") and (at == first or not lines[at - 1].strip(" \t"))
                ]
                found.append(("indrag", tuple(starts) or (first,)))
    if may_look_otherwise(shown):
        md = parser()
        deep = _cut(md.parse(shown), md.options["maxNesting"])
        if deep is not None:
            found.append(("nastling", (deep.map[0] if deep.map else 0,)))
    return sorted(found, key=lambda item: item[1][0])


def _struck(children: list[Token] | None, first: int) -> list[int]:
    """The lines (from ``first``, the inline block's) where struck text starts, each once."""
    lines: list[int] = []
    line = first
    for child in children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "s_open" and line not in lines:
            lines.append(line)
    return lines
