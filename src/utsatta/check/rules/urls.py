"""Warn where an address the report prints as a link has a character no web address may have
(RFC 3986): nearly always what a paste left behind (a quotation mark, the rest of a Markdown
link). The address is still written safely in every output; the warning is for the reader who
follows it (granska17 L5). The addresses are the models' two 'url' fields: a source's
(``kallor``, in every file kind that has sources) and a police list's edition's (omraden.yaml
``upplagor``, granska18b A1)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from utsatta.escape import shorten
from utsatta.findings import Finding, Path_, varning
from utsatta.load.dataset import SourceFile
from utsatta.model.common import Kalla
from utsatta.model.omraden import Upplaga

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


def _addresses(model: Any, kind: str) -> Iterator[tuple[Path_, str, Kalla | Upplaga]]:
    """Each address of a file's model with its place and whose it is: the sources (the plan's
    under 'plan', every other file's at the top) and omraden.yaml's editions."""
    if kind == "plan":
        where: Path_ = ("plan", "kallor")
        kallor = model.plan.kallor
    elif kind in ("indikator", "omraden", "organisationer", "uppfoljning"):
        where, kallor = ("kallor",), model.kallor
    else:
        return
    for i, k in enumerate(kallor):
        if k.url is not None:
            yield (*where, i, "url"), k.url, k
    if kind == "omraden":
        for i, u in enumerate(model.upplagor):
            if u.url is not None:
                yield ("upplagor", i, "url"), u.url, u


def _owner(record: Kalla | Upplaga) -> str:
    if isinstance(record, Upplaga):
        return f"upplagan {record.ar}"
    return f"källan '{shorten(record.id)}'"


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
    if src.model is None:
        return []
    out: list[Finding] = []
    for path, url, record in _addresses(src.model, src.kind):
        n = first_bad(url)
        if n is None:
            continue
        out.append(
            varning(
                src.display,
                path,
                "url-otillatet-tecken",
                f"Webbadressen för {_owner(record)} innehåller {_named(url, n)}, som inte får "
                f"stå i en webbadress (tecken {n + 1} i adressen). Det är oftast en rest av en "
                "inklistring: ett citattecken, en Markdown-länk. Kopiera adressen på nytt från "
                "webbläsarens adressfält, eller ta bort det som inte hör till adressen.",
            )
        )
    return out
