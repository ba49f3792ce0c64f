"""Which version of utsatta wrote a report file, and the report as that version would have
written it: for `utsatta report --check`, which tells a file that differs from a fresh render
only in the version (a newer utsatta, the same data) from one whose content differs
(docs/decisions/0630-version-1-0-0.md).

Every format names the tool as :data:`utsatta.version.VERKTYG` does ("utsatta version 1.0.0"):
Markdown, HTML and JSON in "Om rapporten", HTML also in its generator, a PDF in its Creator,
which WeasyPrint keeps in a compressed object stream, so a PDF's Flate streams are opened here
(with the standard library; no PDF parser is needed to find one short string).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain
from typing import Final

from utsatta.render.report.view import ReportView
from utsatta.version import VERKTYG

__all__ = ["with_version", "written_versions"]

#: the tool's name before a version: "utsatta version " (VERKTYG without its number)
_NAMN: Final = VERKTYG.rsplit(" ", 1)[0] + " "
_VERSION: Final = re.compile(re.escape(_NAMN.encode()) + rb"(\d+\.\d+\.\d+[0-9A-Za-z.+-]*)")
#: a report names its version a few times; a file with more candidates than this is no report
_HOGST: Final = 3
#: the most a Flate stream of a report's PDF is unpacked to (its object stream is small; a page
#: is larger but holds no version), and the most of all streams together, so that no file
#: makes --check unpack without end
_STROM: Final = 4 * 1024 * 1024
_ALLA: Final = 64 * 1024 * 1024


def _streams(raw: bytes) -> Iterator[bytes]:
    """The unpacked Flate streams of a PDF, one at a time, as far as each unpacks (a stream
    that is not Flate, or is damaged, is skipped), until :data:`_ALLA` bytes have come out."""
    view = memoryview(raw)  # a stream is read where it is, never copied with the rest
    total = 0
    for m in re.finditer(rb"stream\r?\n", raw):
        head = raw[m.end() : m.end() + 2]
        # only a zlib header (deflate, its check bits right) is unpacked: the other matches cost
        # nothing, however many a file has
        if len(head) < 2 or head[0] & 0x0F != 8 or (head[0] * 256 + head[1]) % 31:
            continue
        try:
            part = zlib.decompressobj().decompress(view[m.end() :], _STROM)
        except zlib.error:
            continue
        total += len(part)
        yield part
        if total >= _ALLA:
            return


def written_versions(raw: bytes, *, pdf: bool) -> tuple[str, ...]:
    """The versions of utsatta that the report file ``raw`` names, in the order found, each
    once (at most a few; none for a file written before reports named their version)."""
    found: list[str] = []
    parts = chain([raw], _streams(raw) if pdf else ())
    for part in parts:
        for m in _VERSION.finditer(part):
            v = m.group(1).decode("ascii").rstrip(".")
            if v not in found:
                found.append(v)
            if len(found) >= _HOGST:
                return tuple(found)
    return tuple(found)


def with_version(view: ReportView, version: str) -> ReportView:
    """``view`` as utsatta ``version`` would have built it from the same data: only the
    version and the sentence that names it differ."""
    namn = _NAMN + version
    return replace(
        view,
        version=version,
        om_rapporten=tuple(p.replace(VERKTYG, namn) for p in view.om_rapporten),
    )
