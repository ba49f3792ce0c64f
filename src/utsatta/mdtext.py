"""A nämnd's Markdown, written again as safe Markdown for the ``.md`` report: parsed with
markdown-it (CommonMark) and written anew from the tokens, so only paragraphs, lists and
emphasis come through, every meaningful character is escaped, and no link or image comes from
the data (a web link becomes its text and the address as inline code; anything else its text).
What can become a link, and the parsers, are :mod:`utsatta.mdlinks` (the HTML report follows
the same rule for links, ``unwrap_links``). Callers pass text that has been through
``escape.prose``; a list pasted from Word is made a Markdown list before it
(:func:`word_bullets`, for both reports). Why and the exact rules:
docs/decisions/0096-lankar-som-text.md.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from utsatta.mdlinks import (
    block_tokens,
    html_parser,
    link_pieces,
    link_start,
    may_link,
    parser,
    shown_address,
)
from utsatta.wordlist import word_bullets

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode

__all__ = [
    "LONG_WORD",
    "block",
    "block_parsed",
    "cell",
    "html_inline",
    "inline",
    "plain_cell",
    "plain_line",
    "word_bullets",
]

#: the longest run of characters without a break point in a Markdown table cell
LONG_WORD = 40
_ZWSP = "\u200b"

# --- text ---------------------------------------------------------------------------------------

#: Escapes for a text run: the characters that open or close Markdown (links, emphasis, code,
#: strikethrough, tables, raw HTML and autolinks) get a backslash, so the .md reads as written
#: also unrendered. ``>`` alone opens nothing but a quote at a line start (:data:`_LINE_START`);
#: ``<`` and ``&`` are escaped where they could open a tag, an autolink or an entity
#: (:data:`_TAG_OR_ENTITY`).
_TEXT = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "|": "\\|",
        "$": "\\$",  # GitHub's math ($x$, $$x$$): docs/decisions/0428
    }
)
#: ``<`` not followed by a space (which could open a tag or an autolink) and ``&`` before what
#: could make it an entity (``&gt;``, ``&#91;``) get a backslash; "0,59 < 0,6" stays as written.
_TAG_OR_ENTITY = re.compile(r"<(?![ \t\n])|&(?=[#A-Za-z0-9])")
#: A word that may hold what GitHub makes into a link (its autolink extension: ``www.``,
#: ``http://``, ``https://``, ``ftp://``, ``mailto:``, ``xmpp:`` and e-mail addresses; and its
#: references: mentions, issues, commits). Deliberately wider than GitHub's rules
#: (:func:`utsatta.mdlinks.link_start`). Backticks, pipes and angle brackets end a word (they
#: stay escaped text).
_WORD = re.compile(r"[^\s`|<>]+")
_TAIL, _HEAD = re.compile(r"[^\s`|<>]+$"), re.compile(r"[^\s`|<>]+")

_LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")
#: At a line start: what opens a heading, list, quote or setext underline, or a CI command.
_LINE_START = re.compile(r"[#+\-=>]|[0-9]{1,9}[.)]|::")


def _break(match: re.Match[str]) -> str:
    """A break opportunity at most every ``LONG_WORD`` characters, never where GitHub would
    then read a reference that was none (``…beef`` + ``gh-2``, a hex run standing alone): the
    last harmless place in reach, or no more breaks in the word (a look at most twice
    ``LONG_WORD`` long per place tried, so the work stays linear)."""
    word, pieces, at = match.group(0), [], 0
    while len(word) - at > LONG_WORD:
        tried = (
            f"{_ZWSP}{word[at:c]}{_ZWSP}{word[c : c + LONG_WORD]}"
            for c in range(at + LONG_WORD, at, -1)
        )
        cut = next((at + LONG_WORD - n for n, t in enumerate(tried) if link_start(t) is None), at)
        if cut == at:
            break
        pieces.append(word[at:cut])
        at = cut
    return _ZWSP.join([*pieces, word[at:]])


#: The characters of :data:`_TEXT`, looked for one by one before a translate that would change
#: nothing (nine fast substring scans cost less than one search for a character class).
_ESCAPED = tuple(chr(code) for code in _TEXT)


def _plain(text: str, *, long_words: bool) -> str:
    text = _LONG.sub(_break, text) if long_words else text
    if any(char in text for char in _ESCAPED):
        text = text.translate(_TEXT)
    return _TAG_OR_ENTITY.sub(r"\\\g<0>", text) if "&" in text or "<" in text else text


def _code(text: str) -> str:
    """A link as inline code with a fence longer than any run of backticks inside."""
    text = text.replace("##[", "##%5B")  # a CI command in any line; the same address (0519)
    fence = "`" * (1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _address(word: str) -> str:
    """A word with links: each as inline code, the text around them escaped."""
    return "".join(
        _code(text) if link else _plain(text, long_words=False) for text, link in link_pieces(word)
    )


def _text(text: str, *, long_words: bool) -> str:
    """One text token: escaped, and every word that might be a link as inline code."""
    if not may_link(text):
        return _plain(text, long_words=long_words)
    out: list[str] = []
    at = 0
    for match in _WORD.finditer(text):
        if link_start(match.group(0)) is not None:
            out.append(_plain(text[at : match.start()], long_words=long_words))
            out.append(_address(match.group(0)))
            at = match.end()
    out.append(_plain(text[at:], long_words=long_words))
    return "".join(out)


#: A line (after a newline) that :func:`_line_starts` changes: a leading space or marker, or ::.
_CHANGED_LINE = re.compile(r"\n(?: |[#+\-=>]|[0-9]{1,9}[.)]|[^\S\n]*::)")
#: ``::`` behind U+00A0, U+3000 …: the runner trims them before a command, Markdown does not
#: (docs/decisions/0426-kommando-efter-annat-blanksteg.md).
_COMMAND_BEHIND_SPACE = re.compile(r"[^\S\n]+(?=::)")


def _line_starts(text: str) -> str:
    """Leading spaces removed and a leading block marker escaped on every line."""
    if _CHANGED_LINE.search("\n" + text) is None:
        return text  # most texts: no line to change (one search, not a look at every line)
    lines = []
    for raw in text.split("\n"):
        line = raw.lstrip(" ")
        m = _LINE_START.match(line)
        if m:
            mark = m.group(0)
            line = f"{mark[:-1]}\\{mark[-1]}{line[m.end() :]}" if mark != "::" else "\\" + line
        elif c := _COMMAND_BEHIND_SPACE.match(line):
            line = f"{c.group(0)}\\{line[c.end() :]}"
        lines.append(line)
    return "\n".join(lines)


# --- writing Markdown from the tree -------------------------------------------------------------


def _inline(tokens: Sequence[Token], *, cell: bool) -> str:
    """An inline token's children written again. A loop with a stack of open elements, not a
    recursion: emphasis nests as deep as a text has asterisks ("**" * 300 is a short text), and
    a recursion that deep stopped the report (granska19 F1, docs/decisions/0578)."""
    # per open element: its opening token (None: the line itself), the pieces written inside
    # it, and its direct children's contents (a link whose text is its address is written once)
    stack: list[tuple[Token | None, list[str], list[str]]] = [(None, [], [])]
    for tok in tokens:
        if tok.nesting == -1 and len(stack) > 1:
            opened, pieces, contents = stack.pop()
            _close(opened, "".join(pieces), contents, stack[-1][1])
            continue
        _, out, contents = stack[-1]
        contents.append(tok.content)  # a node's content is its opening token's
        kind = tok.type
        if tok.nesting == 1:
            stack.append((tok, [], []))
        elif kind == "text":
            out.append(_text(tok.content, long_words=cell))
        elif kind in ("softbreak", "hardbreak"):
            out.append(" " if cell else "\n")
        elif kind == "code_inline":
            # The nämnd's code shown as its text between escaped backticks, as before: the
            # report never holds inline code written by the data.
            fence = "\\`" * len(tok.markup)
            out.append(f"{fence}{_text(tok.content, long_words=cell)}{fence}")
    while len(stack) > 1:  # pragma: no cover - markdown-it closes every element it opens
        opened, pieces, contents = stack.pop()
        _close(opened, "".join(pieces), contents, stack[-1][1])
    return "".join(stack[0][1])


def _close(opened: Token | None, inner: str, contents: list[str], out: list[str]) -> None:
    """An element written (``inner``: what is inside it, written) into its parent's ``out``."""
    kind = opened.type if opened is not None else ""
    if kind in ("em_open", "strong_open"):
        mark = "*" if kind == "em_open" else "**"
        out.append(f"{mark}{inner}{mark}")
    elif kind == "link_open" and opened is not None:
        # no "@r" or "#1" from the text before and the link's text
        link = _link(opened, inner, contents)
        tail, head = _TAIL.search(out[-1] if out else ""), _HEAD.match(link)
        joined = tail and head and link_start(tail.group(0) + head.group(0)) is not None
        out.append(_ZWSP + link if joined else link)
    else:  # every other element keeps only its text (nothing else is enabled)
        out.append(inner)


def _link(opened: Token, label: str, texts: list[str]) -> str:
    """A link to a web address (the others were unwrapped): its text and the address."""
    shown = shown_address(str(opened.attrs.get("href", "")))
    if opened.markup == "autolink" or not label.strip() or texts == [shown]:
        return _code(shown)  # the address is the link's text: written once
    address = _code(shown)
    return f"{label} ({address})"


def _tree(tokens: Sequence[Token]) -> SyntaxTreeNode:
    """The blocks as a tree (lists nest no deeper than markdown-it's ``maxNesting``, 0547), each
    inline token a leaf whose children :func:`_inline` writes."""
    from markdown_it.tree import SyntaxTreeNode

    return SyntaxTreeNode(
        [t.copy(children=None, meta={_INLINE: t.children}) if t.children else t for t in tokens]
    )


#: where a leaf of :func:`_tree` keeps its inline token's children
_INLINE = "utsatta_inline"


_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
#: a run of white space, but a hard space (a value's "100 000", "15,7 %": numbers.tal) stays,
#: as it does in the HTML report
_WHITESPACE = re.compile("[^\\S\u00a0\u202f]+")


def _joined(text: str) -> str:
    paragraphs = [_WHITESPACE.sub(" ", p).strip() for p in _PARAGRAPHS.split(text.strip())]
    return " / ".join(p for p in paragraphs if p)


#: Characters after which markdown-it could find more than one text token.
_MARKUP = frozenset("\\`*_[]<!")


def _line(text: str, *, cell: bool) -> str:
    text = _joined(text)
    if _MARKUP.isdisjoint(text):
        out = _text(text, long_words=cell)
    else:
        tokens = parser().parseInline(text)
        out = _inline(tokens[0].children or [] if tokens else [], cell=cell)
    return _line_starts(out.replace("\n", " "))


def inline(text: str) -> str:
    """One line of Markdown (a heading, a list item, a sentence): line breaks become spaces and
    a blank line `` / ``; emphasis stays, links become text, everything else is escaped, and a
    leading block marker (``#``, ``-``, ``1.`` …) is escaped."""
    return _line(text, cell=False)


def cell(text: str) -> str:
    """A Markdown table cell (without the surrounding pipes): :func:`inline`, and a word
    longer than ``LONG_WORD`` gets a break opportunity (U+200B) every ``LONG_WORD`` characters
    (an address in inline code stays whole)."""
    return _line(text, cell=True) or " "


def plain_line(text: str) -> str:
    """A plain text (a name, a title, a sentence of the report) as one line of Markdown that
    shows it as written, as the HTML report does: nothing in it is read as Markdown, so every
    character that could open emphasis, a link, code or HTML is escaped and whatever GitHub
    could make into a link is inline code (:func:`inline` without the parser); line breaks
    become spaces and a blank line `` / ``; a leading block marker is escaped.
    docs/decisions/0321-namn-som-text.md."""
    return _line_starts(_text(_joined(text), long_words=False))


def plain_cell(text: str) -> str:
    """:func:`plain_line` as a Markdown table cell (long words broken as by :func:`cell`)."""
    return _line_starts(_text(_joined(text), long_words=True)) or " "


def _blocks(nodes: Sequence[SyntaxTreeNode], *, tight: bool) -> str:
    parts = [_block(node) for node in nodes]
    return ("\n" if tight else "\n\n").join(p for p in parts if p)


def _block(node: SyntaxTreeNode) -> str:
    if node.type == "paragraph":
        inline = node.children[0].token
        children = inline.meta.get(_INLINE, []) if inline is not None else []
        return _line_starts(_inline(children, cell=False))
    if node.type in ("bullet_list", "ordered_list"):
        return _list(node)
    return _blocks(node.children, tight=False)  # pragma: no cover - nothing else is enabled


def _list(node: SyntaxTreeNode) -> str:
    tight = all(p.hidden for item in node.children for p in item.children if p.type == "paragraph")
    items = []
    for item in node.children:
        marker = node.markup if node.type == "bullet_list" else f"{item.info}{item.markup}"
        pad = " " * (len(marker) + 1)
        lines = _blocks(item.children, tight=tight).split("\n")
        if item.children and item.children[0].type != "paragraph":
            lines.insert(0, "")  # a nested list on the next line: "- - -" would be a rule
        first = f"{marker} {lines[0]}" if lines[0] else marker
        items.append("\n".join([first, *(pad + line if line else "" for line in lines[1:])]))
    return ("\n" if tight else "\n\n").join(items)


def html_inline(text: str) -> str:
    """One line of the nämnd's Markdown as HTML, for a table cell of the HTML report: the same
    line as :func:`cell` in the .md report (line breaks become spaces, a blank line `` / ``),
    emphasis and links to web addresses kept, every other link its text, no raw HTML."""
    return str(html_parser().renderInline(_joined(text)))


#: What makes a text more than plain paragraphs for the parser: inline markup, any space but " "
#: and "\n" (what ``[^\S \n]`` matches) or a control (the parser treats them apart) ...
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<!\x00-\x09\x0b-\x1f\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
#: ... and a line that could start a list (the first line is looked at apart: one character
#: class and one pattern with a literal start are searched fast, a branch per character is not).
_LIST_LINE = re.compile(r"\n *[-+0-9]")
_LIST_START = re.compile(r" *[-+0-9]")
#: Two or more newlines (written with a literal start, which is searched fast).
_BLANK_RUN = re.compile(r"\n\n\n*")


def block(text: str) -> str:
    """Paragraphs and lists of Markdown, written again: lines kept, each line's text escaped
    as :func:`inline` (four spaces never make a code block), lists with their markers and
    nesting, links as text; no trailing newline."""
    if not text.strip():
        return ""
    if (
        _NOT_PLAIN.search(text) is None
        and _LIST_LINE.search(text) is None
        and _LIST_START.match(text) is None
    ):
        # Plain paragraphs (most texts): written as the parser would, without it; a property
        # test holds this path to :func:`block_parsed`. Each line stripped of spaces, a run of
        # blank lines one paragraph break; the text escaped in one piece (without "<" and
        # markup, what _text does to a line does not depend on the lines around it).
        lines = "\n".join(line.strip(" ") for line in text.split("\n"))
        return _line_starts(_text(_BLANK_RUN.sub("\n\n", lines).strip("\n"), long_words=False))
    return block_parsed(text)


def block_parsed(text: str) -> str:
    """:func:`block` always through markdown-it (the reference for its plain-text path)."""
    if not text.strip():
        return ""
    return _blocks(_tree(block_tokens(text)).children, tight=False)
