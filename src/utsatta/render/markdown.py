"""Text from the data, made safe for the two report formats: the Jinja filters ``text``
(:func:`text`) and ``textcell`` (:func:`textcell`) for a plain field (shown as written, in both
formats), ``md`` (:func:`inline`), ``mdcell`` (:func:`cell`) and ``mdblock`` (:func:`block`)
for a nämnd's Markdown, ``mdurl`` (:func:`url`) for Markdown and ``weburl`` (:func:`weburl`)
for HTML, and ``richtext``
(:func:`richtext`) and ``richcell`` (:func:`richcell`) for HTML. What each one neutralises and
why: docs/decisions/0019-untrusted-text-in-reports.md, 0096-lankar-som-text.md and
0321-namn-som-text.md; the rules live in :mod:`utsatta.escape` and :mod:`utsatta.mdtext`
(docs/decisions/0061-escaping-per-channel.md), these names are the templates' filters.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from utsatta import escape, mdlinks, mdtext

__all__ = [
    "LONG_WORD",
    "MdSafe",
    "block",
    "cell",
    "inline",
    "richcell",
    "richtext",
    "text",
    "textcell",
    "url",
    "weburl",
]

#: the longest run of characters without a break point in a Markdown table cell
LONG_WORD = mdtext.LONG_WORD


class MdSafe(str):
    """Markdown that is already safe to print: what a filter of this module made of the data,
    or what the template wrote itself (a macro's output). The Markdown report's ``finalize``
    escapes every other text it prints (docs/decisions/0652). A str subclass whose methods and
    ``+`` return a plain str: anything built from a marked text has to be marked again."""

    __slots__ = ()


def inline(text: str) -> str:
    """One line of Markdown text: HTML, block markers, backticks, `|` and images neutralised;
    controls, bidi overrides and stray zero-width characters removed (escape.md_inline)."""
    return escape.md_inline(text)


def cell(text: str) -> str:
    """A GitHub-flavoured Markdown table cell (without the surrounding pipes)."""
    return escape.md_cell(text)


def block(text: str) -> str:
    """Paragraphs of Markdown text: lines kept, each made safe; no trailing newline. A list
    pasted from Word is a list (``mdtext.word_bullets``), as in :func:`richtext`."""
    return escape.md_block(mdtext.word_bullets(text))


def text(value: str) -> str:
    """A plain field (a name, a title, a sentence the report writes) on one line: shown as
    written, as the HTML report shows it; no Markdown in it is read (escape.md_text)."""
    return escape.md_text(value)


def textcell(value: str) -> str:
    """:func:`text` in a GitHub-flavoured Markdown table cell (escape.md_text_cell)."""
    return escape.md_text_cell(value)


def url(address: str) -> str:
    """A web address as a Markdown autolink ``<…>``: :func:`weburl` (the characters that
    would end it, or that no reader sees, percent-encoded). The data's sources hold only
    http(s) addresses (checked by the schema); any other value (``javascript:…``, a template
    passing another text) is no link but shown as written (:func:`text`)."""
    if _WEB.match(address) is None:
        return text(address)
    return f"<{escape.web_address(address)}>"


#: what :func:`url` makes a link of: an http(s) address (the schema's rule for a source)
_WEB = re.compile(r"https?://[^\s]", re.IGNORECASE)


def weburl(address: str) -> str:
    """A web address as the HTML report links and shows it, the same address as the Markdown
    report's (escape.web_address, docs/decisions/0519)."""
    return escape.web_address(address)


def richtext(text: str) -> Markup:
    """A nämnd's text, with its Markdown rendered to HTML and raw HTML shown as text; links to
    web addresses stay links, other links and images become their text (utsatta.mdtext). Read
    as the .md report reads it (``mdlinks.block_tokens``: no code block, quote or rule, a list
    pasted from Word a list, lists nested too deep read flat), so both show the same text."""
    md = mdlinks.html_parser()
    env: dict[str, Any] = {}
    tokens = mdlinks.block_tokens(escape.prose(mdtext.word_bullets(text)).strip(), env)
    return Markup(_addresses_shown(md.renderer.render(tokens, md.options, env)))


def richcell(text: str) -> Markup:
    """A nämnd's text in an HTML table cell: one line, as ``mdcell`` gives it in the .md report
    (the same text visible), with :func:`richtext`'s rule for links, images and raw HTML."""
    return Markup(_addresses_shown(mdtext.html_inline(escape.prose(text).strip())))


#: a link whose text is a web address: an autolink's (``<https://…>``), or a link written with
#: its address as its text
_ADDRESS_LINK = re.compile(r'(<a href="[^"]*">)(https?://[^<]*)(</a>)', re.IGNORECASE)


def _addresses_shown(html: str) -> str:
    """``html`` with the text of each link that is an address written as the address is
    (escape.web_address). prose has already percent-encoded what no reader sees in an address
    (``%E2%80%8B``), but markdown-it shows an autolink's address decoded: its text would hold
    an invisible U+200B, which the ``href`` has encoded (docs/decisions/0534)."""
    if "<a " not in html:
        return html
    return _ADDRESS_LINK.sub(lambda m: m[1] + escape.web_address(m[2]) + m[3], html)
