"""The report's last lines, "Om rapporten": which version of utsatta wrote it from which data, and
what that promises (the same files and the same version give the same report). The version is
named as `utsatta --version` names it (:data:`utsatta.version.VERKTYG`), so that
`report --check` can tell a report that differs only in the version from one whose data differ
(docs/decisions/0630-version-1-0-0.md).
"""

from __future__ import annotations

from utsatta.version import VERKTYG
from utsatta.wording import arsspann

__all__ = ["om_rapporten"]


def om_rapporten(fran: int, ar: int) -> tuple[str, ...]:
    """The paragraphs of "Om rapporten" for the report of ``ar`` in a plan from ``fran``."""
    return (
        f"Rapporten är skriven av {VERKTYG} ur datamappens filer: planen, organisationerna, "
        "områdena med polisens listor, indikatorerna och de rapporter och samlade uppföljningar "
        f"för {arsspann(fran, ar)} som finns där.",
        "Samma datafiler, samma mallar och samma version av utsatta ger samma rapport. Med "
        "versionen kan rapporten alltså skrivas igen ur samma data och jämföras med den här.",
    )
