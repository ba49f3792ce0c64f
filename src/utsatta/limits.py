"""The limits on what is read, in one place: the loader enforces them and every text that names
them (the finding codes' titles, messages) is written from them."""

from __future__ import annotations

from utsatta.numbers import heltal, tal

__all__ = ["MAX_DUTIES", "MAX_FILE_BYTES", "size_text"]

#: The largest file accepted, in bytes. Reports are a few kB, the plan about 30 kB.
MAX_FILE_BYTES = 1024 * 1024

#: The most (organisation, insats) duties one year may have, counted from the plan as group
#: sizes × insatser (``compute.duty_bound.duty_count``). The file limit does not bound their
#: product, and every check and output of who reports what builds a table of that size per year. The
#: shipped data has about 110, the benchmark's 20 000 files about 10 000
#: (docs/decisions/0576-granser-for-ansvar.md).
MAX_DUTIES = 100_000


def size_text(n: int) -> str:
    """``n`` bytes as every message says a size, Swedish style: "900 byte", "412 kB",
    "1 MB", "3,5 MB" (kB = 1024 byte, MB = 1024 kB; decimal comma, a space between
    thousands). Rounded up, to whole kB and to tenths of a MB: a size is never shown smaller
    than it is, so a file one byte over the limit reads "1,1 MB" beside the limit's "1 MB"."""
    if n < 1024:
        return f"{heltal(n)} byte"
    kb = -(-n // 1024)
    if kb < 1024:
        return f"{heltal(kb)} kB"
    tenths = -(-n * 10 // (1024 * 1024))
    return tal(tenths / 10, 1, " MB", trim=True, hard=False)
