"""WeasyPrint, the optional library a PDF needs (``utsatta[pdf]``): :func:`require_weasyprint`
and what to install without it. Apart from :mod:`utsatta.render.pdf`, which lays out the
report, so that the report's defaults (:mod:`utsatta.render.report.defaults`) can refuse a PDF
before the report is built without importing what builds it
(docs/decisions/0465-rapportens-standardval-en-gang.md)."""

from __future__ import annotations

from typing import Any, Final

from utsatta.errors import MissingLibrary

__all__ = ["INSTALL_PDF", "INSTALL_SYSTEM", "PdfUnavailableError", "require_weasyprint"]

INSTALL_PDF: Final = "python -m pip install 'utsatta[pdf]'"
#: the Debian/Ubuntu packages WeasyPrint needs (Pango for text layout, HarfBuzz for font subsets)
INSTALL_SYSTEM: Final = (
    "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
)


class PdfUnavailableError(MissingLibrary):
    """Raised when WeasyPrint or the system libraries it needs are not installed."""


def require_weasyprint() -> Any:
    """The weasyprint module, or :class:`PdfUnavailableError` naming what to install."""
    try:
        import weasyprint
    except ImportError as exc:
        raise PdfUnavailableError(
            "PDF kräver Python-paketet WeasyPrint, som inte är installerat. "
            f"Installera det med: {INSTALL_PDF}"
        ) from exc
    except OSError as exc:
        # WeasyPrint loads Pango and its friends with cffi when it is imported; a missing
        # library shows as OSError ("cannot load library 'libpango-1.0-0' …").
        raise PdfUnavailableError(
            "PDF kräver systembiblioteken Pango och HarfBuzz, som WeasyPrint inte hittar "
            f"({exc}). Installera dem, på Debian eller Ubuntu med: {INSTALL_SYSTEM}"
        ) from exc
    return weasyprint
