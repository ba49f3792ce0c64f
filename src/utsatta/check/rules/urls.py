"""Warn where a source's 'url' has a character no web address may have (RFC 3986): nearly always
what a paste left behind (a quotation mark, the rest of a Markdown link). The address is still
written safely in every output; the warning is for the reader who follows it (granska17 L5)."""

from __future__ import annotations

import re
from typing import Any, Final

from utsatta.escape import shorten
from utsatta.findings import Finding, Path_, varning
from utsatta.load.dataset import SourceFile

#: characters RFC 3986 allows nowhere in an address, named as the message names them: those a
#: paste leaves (quotation marks, also the typographic ones Word and Outlook write, HTML,
#: Markdown, a Windows path's '\\'). Brackets, braces, '^' and '|' are left out although RFC
#: 3986 has them too: a browser's address bar shows them as they are (WHATWG URL), so an address
#: copied from there, as the advice says, must not warn.
OTILLATNA: Final = {
    '"': 'citattecknet (")',
    "\u201d": "citattecknet (\u201d)",
    "\u201c": "citattecknet (\u201c)",
    "\u201e": "citattecknet (\u201e)",
    "\u00bb": "citattecknet (\u00bb)",
    "\u00ab": "citattecknet (\u00ab)",
    "\u2019": "apostrofen (\u2019)",
    "\u2018": "apostrofen (\u2018)",
    "<": "tecknet '<'",
    ">": "tecknet '>'",
    "`": "tecknet '`'",
    "\\": "bakstrecket ('\\')",
}
#: the rest of a Markdown link pasted with the address: "https://a.se/x)](https://a.se/x"
MARKDOWNLANK: Final = "]("

#: any of them, searched in C: most addresses have none
_OTILLATET: Final = re.compile("[" + re.escape("".join(OTILLATNA)) + "]|" + re.escape(MARKDOWNLANK))


def _where(src: SourceFile[Any]) -> Path_ | None:
    """Where the file's sources are: the plan's under 'plan', every other file's at the top."""
    if src.kind == "plan":
        return ("plan", "kallor")
    if src.kind in ("indikator", "omraden", "organisationer", "uppfoljning"):
        return ("kallor",)
    return None


def _sources(model: Any, kind: str) -> list[Any]:
    return list(model.plan.kallor if kind == "plan" else model.kallor)


def first_bad(url: str) -> int | None:
    """The index of the first character of ``url`` that no address may have, or of the '](' of
    a pasted Markdown link; None for an address without them."""
    m = _OTILLATET.search(url)
    return None if m is None else m.start()


def _named(url: str, n: int) -> str:
    if url.startswith(MARKDOWNLANK, n):
        return "resten av en Markdown-länk ('](')"
    return OTILLATNA[url[n]]


def check(src: SourceFile[Any]) -> list[Finding]:
    where = _where(src)
    if src.model is None or where is None:
        return []
    out: list[Finding] = []
    for i, kalla in enumerate(_sources(src.model, src.kind)):
        url = kalla.url
        n = None if url is None else first_bad(url)
        if url is None or n is None:
            continue
        out.append(
            varning(
                src.display,
                (*where, i, "url"),
                "url-otillatet-tecken",
                f"Webbadressen för källan '{shorten(kalla.id)}' innehåller "
                f"{_named(url, n)}, som inte får stå i en webbadress (tecken {n + 1} i "
                "adressen). Det är oftast en rest av en inklistring: ett citattecken, en "
                "Markdown-länk. Kopiera adressen på nytt från webbläsarens adressfält, eller ta "
                "bort det som inte hör till adressen.",
            )
        )
    return out
