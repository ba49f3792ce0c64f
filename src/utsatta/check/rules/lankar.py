"""A warning for a link, an image or raw HTML in a nämnd's free text, which the reports show as
text (``utsatta.mdtext``): the nämnd learns it when it commits, not when it reads the report.

Which constructs, and why: docs/decisions/0098-varning-lank-som-text.md. A text without ``[``
or ``<`` cannot hold one (``mdtext.may_show_as_text``), so markdown-it is imported only for a
text that could; most data never needs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from utsatta import escape, mdtext
from utsatta.findings import Finding, Path_, varning
from utsatta.load.dataset import FREE_TEXTS, NOT_KEPT, SourceFile

if TYPE_CHECKING:
    from markdown_it.token import Token

CODE = "visas-som-text"
#: how many constructs one warning names (one warning per field, however many it has)
_NAMED = 3
#: the longest link text, address or tag quoted in a message
_QUOTE = 60


def check(src: SourceFile[Any]) -> list[Finding]:
    """One warning per free text of a report that holds a link, an image or raw HTML."""
    rep = src.model
    if rep is None:
        return []
    may = mdtext.may_show_as_text
    out: list[Finding] = []
    # Runs on every text of every report in pre-commit: a text validate did not keep failed the
    # pre-test already (load.dataset), and the place of a text is built only for one that
    # passes it (the model's __dict__ spares pydantic's attribute lookup).
    for ii, item in enumerate(rep.insatser):
        values = item.__dict__
        for name in FREE_TEXTS:
            text = values[name]
            if text is not None and text is not NOT_KEPT and may(text):
                out += _warning(src.display, ("insatser", ii, name), text)
        for bi, text in enumerate(values["behov"]):
            if text is not NOT_KEPT and may(text):
                out += _warning(src.display, ("insatser", ii, "behov", bi), text)
    return out


def _warning(file: str, path: Path_, text: str) -> list[Finding]:
    said = shown_as_text(text)
    return [varning(file, path, CODE, message(said))] if said else []


def shown_as_text(text: str) -> list[tuple[str, str]]:
    """What in ``text`` the reports show as text, in order: (kind, what becomes of it).
    Kinds: ``webblank``, ``lank``, ``bild``, ``html``. A link whose text is empty or its
    address, and an autolink ``<https://…>``, show their address as written: not listed."""
    md = mdtext.source_parser()
    found: list[tuple[str, str]] = []
    for block in md.parse(escape.prose(text)):
        if block.type == "inline" and block.children:
            found += _inline(block.children, md.normalizeLinkText)
    return list(dict.fromkeys(found))


def _inline(tokens: Sequence[Token], shown: Callable[[str], str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for at, tok in enumerate(tokens):
        if tok.type == "link_open" and tok.markup != "autolink":
            href = str(tok.attrGet("href") or "")
            label = _label(tokens, at + 1)
            if label.strip() and label != shown(href):
                found.append(_link(label, href))
        elif tok.type == "image":
            src = _quoted(str(tok.attrGet("src") or ""))
            alt = tok.content.strip()
            found.append(
                (
                    "bild",
                    f"Bilden {src} visas inte i rapporten, bara dess alternativtext {_quoted(alt)}."
                    if alt
                    else f"Bilden {src} visas inte i rapporten, och den har ingen "
                    "alternativtext som står i dess ställe.",
                )
            )
        elif tok.type == "html_inline":
            tag = tok.content
            said = (
                f"HTML-kommentaren {_quoted(tag)} visas i rapporten: den döljs inte."
                if tag.startswith("<!--")
                else f"HTML-koden {_quoted(tag)} visas som text i rapporten, som den är skriven."
            )
            found.append(("html", said))
    return found


def _label(tokens: Sequence[Token], start: int) -> str:
    """A link's text, up to its link_close (an image in it counts with its alt text)."""
    parts: list[str] = []
    for tok in tokens[start:]:
        if tok.type == "link_close":
            break
        parts.append(tok.content)
    return "".join(parts)


def _link(label: str, href: str) -> tuple[str, str]:
    if mdtext.is_web_address(href):
        return (
            "webblank",
            f"Länken {_quoted(label)} visas som text följd av adressen i Markdown-rapporten "
            "(i HTML- och PDF-rapporten är den en länk).",
        )
    return (
        "lank",
        f"Länken {_quoted(label)} visas bara som sin text i rapporten, och adressen "
        f"{_quoted(href)} syns inte: rapporten behåller bara länkar som börjar med http:// "
        "eller https://.",
    )


def _quoted(text: str) -> str:
    return f"'{escape.shorten(' '.join(text.split()), _QUOTE)}'"


#: What to do, per kind present.
_ADVICE = {
    "webblank": "Är det så du vill ha det, behöver du inte ändra något",
    "lank": "Ska läsaren kunna se adressen, skriv den i texten",
    "bild": "Beskriv i texten vad bilden visar, eller hänvisa till var den finns",
    "html": "Skriv Markdown i stället (t.ex. **fetstil**, en tom rad för nytt stycke) eller "
    "ta bort koden",
}


def message(said: list[tuple[str, str]]) -> str:
    """The message for one field: what becomes of (at most three of) the constructs, a
    sentence each, and what to do about each kind."""
    named = [what for _, what in said[:_NAMED]]
    more = len(said) - len(named)
    if more:
        named.append(f"Texten har ytterligare {more} sådana ställen.")
    kinds = dict.fromkeys(kind for kind, _ in said)
    return " ".join([*named, *(_ADVICE[k] + "." for k in kinds)])
