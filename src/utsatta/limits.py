"""The limits on what is read, in one place: the loader enforces them and every text that names
them (the finding codes' titles, messages) is written from them."""

from __future__ import annotations

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
    """``n`` bytes as a person reads it: "1 MiB", "512 kB" (kB = 1024 bytes), "900 byte"."""
    for unit, size in (("MiB", 1024 * 1024), ("kB", 1024)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} byte"
