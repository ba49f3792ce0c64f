"""Links to headings in the Markdown report that point where GitHub puts the anchors.

GitHub gives every heading of a document an anchor from its text (github-slugger) and numbers
repeated ones in document order: the second "Indikatorer" is "indikatorer-1", whatever kind of
heading the first one was. An anchor computed from one heading's text alone is therefore wrong as
soon as any earlier heading (a section, another indicator, an area) slugs the same.

So the templates mark the headings that links go to with :func:`mark` ("this heading is KEY")
and write links as :func:`ref` ("the anchor of KEY"); after rendering, :func:`resolve` reads the
whole document as GitHub does, slugs ALL headings in order with GitHub's numbering and puts each
marked heading's anchor into the links to it. The markers are control characters, which no text
from the data can hold (escape removes them), and none is left in the output.
docs/decisions/0113-md-ankare.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from utsatta.render.markdown import MdSafe

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["github_slug", "heading_texts", "mark", "ref", "resolve", "slugs"]

_START: Final = "\x02"
_END: Final = "\x03"
_MARK: Final = re.compile(f"{_START}id:([^{_END}]*){_END}")
_REF: Final = re.compile(f"{_START}ref:([^{_END}]*){_END}")
_ANY: Final = re.compile(f"{_START}[^{_END}]*{_END}")

#: Unicode categories github-slugger keeps (letters, marks, decimal and letter numbers,
#: connector punctuation such as "_"); besides them only " " (then "-") and "-" stay
_KEEP: Final = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})


def mark(key: str) -> MdSafe:
    """Put at the end of a heading line: the heading is the target of :func:`ref` ``(key)``.
    Marked safe: the template prints it as it is, :func:`resolve` replaces it."""
    return MdSafe(f"{_START}id:{_key(key)}{_END}")


def ref(key: str) -> MdSafe:
    """The anchor (without "#") of the heading marked ``key``, filled in by :func:`resolve`."""
    return MdSafe(f"{_START}ref:{_key(key)}{_END}")


def _key(key: str) -> str:
    """``key`` without the characters that end a marker or that no reader sees: a key from
    the data (a template may pass one) stays inside its marker, which :func:`resolve` turns
    into an anchor and nothing else."""
    key = str(key)
    return key if key.isprintable() else "".join(c for c in key if c.isprintable())


def github_slug(text: str) -> str:
    """github-slugger's slug of a heading's text, before numbering: lower case, every
    character but letters, digits, marks, "_", "-" and spaces removed, spaces as "-"."""
    kept = (c for c in text.lower() if c in " -" or unicodedata.category(c) in _KEEP)
    return "".join(kept).replace(" ", "-")


def slugs(texts: Iterable[str]) -> list[str]:
    """The anchors of headings with these texts in document order, numbered as GitHub numbers
    repeats ("a", "a-1", "a-2"; a later heading "a-1" then gets "a-1-1")."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        slug = original = github_slug(text)
        while slug in seen:
            seen[original] += 1
            slug = f"{original}-{seen[original]}"
        seen[slug] = 0
        out.append(slug)
    return out


#: An ATX heading line ("## Rubrik"), and what can make a line that looks like one no heading,
#: or make a heading of another line: a fence, an HTML block, a setext underline, a line
#: indented past three spaces or by a tab (a list item's or a code block's). The report's own
#: Markdown has none of the latter (the data's texts are escaped so that they cannot start
#: one), so its headings are its ATX lines; a document with one is read whole.
_ATX: Final = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_NOT_ONLY_ATX: Final = re.compile(
    r"^(?: {0,3}(?:```|~~~|<|=+[ \t]*$|-+[ \t]*$)|[ \t]*\t| {4,}#)", re.M
)


def heading_texts(text: str) -> list[tuple[int, str]]:
    """(first line, text content) of every heading, ATX and setext, as GitHub renders them:
    escapes and entities resolved, emphasis and link markup gone, code kept."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # The blocks, and the inline markup of the headings only: parsing every paragraph's inline
    # markup took most of a large report's time (5 s of 13 at 5,000 reports).
    md.core.ruler.disable("inline")
    if _NOT_ONLY_ATX.search(text) is None:
        # Each heading line read alone gives the same text: a block parse of a 17 MB report
        # took most of its time (docs/decisions/0113-md-ankare.md).
        return [
            (n, _only_heading(md, line))
            for n, line in enumerate(text.split("\n"))
            if _ATX.match(line)
        ]
    return _parsed_headings(md, text)


def _parsed_headings(md: MarkdownIt, text: str) -> list[tuple[int, str]]:
    tokens = md.parse(text)
    out = []
    for n, tok in enumerate(tokens):
        if tok.type != "heading_open" or tok.map is None:
            continue
        children: list[Token] = []
        md.inline.parse(tokens[n + 1].content, md, {}, children)
        parts = [
            c.content
            for c in children
            if c.type in ("text", "text_special", "code_inline", "html_inline")
        ]
        out.append((tok.map[0], "".join(parts)))
    return out


def _only_heading(md: MarkdownIt, line: str) -> str:
    (text,) = [t for _, t in _parsed_headings(md, line)]
    return text


def resolve(text: str) -> str:
    """``text`` with every :func:`ref` replaced by its heading's GitHub anchor and every
    marker removed. A key no heading carries has its own slug as its anchor: the marker is
    printed as safe Markdown, so a key from the data never writes more than an anchor."""
    if _START not in text:
        return text
    lines = text.split("\n")
    keys: dict[int, list[str]] = {}
    for n, line in enumerate(lines):
        if _START in line:
            found = _MARK.findall(line)
            if found:
                keys[n] = found
                lines[n] = _MARK.sub("", line).rstrip(" ")
    clean = "\n".join(lines)
    headings = heading_texts(_ANY.sub("x", clean))
    anchor: dict[str, str] = {}
    for (first, _), slug in zip(headings, slugs(t for _, t in headings), strict=True):
        for key in keys.get(first, []):
            anchor.setdefault(key, slug)
    clean = _REF.sub(lambda m: anchor.get(m.group(1)) or github_slug(m.group(1)), clean)
    return _ANY.sub("", clean)
