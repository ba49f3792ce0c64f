"""Swedish numbers, one formatter for reports and for how a status was computed."""

from __future__ import annotations

import pytest

from utsatta.numbers import heltal, tal


@pytest.mark.parametrize(
    ("value", "decimals", "trim", "expected"),
    [
        (15.66, 1, False, "15,7"),
        (-1234.5, 0, False, "−1 234"),  # half to even, as Python rounds the exact value
        (83000, 0, False, "83 000"),
        (9.10, 2, False, "9,10"),
        (9.10, 2, True, "9,1"),
        (12.0, 2, True, "12"),
        (0.8, 2, False, "0,80"),
        (-0.001, 2, False, "0,00"),  # never "−0"
        (-0.001, 2, True, "0"),
        (-0.5, 2, True, "−0,5"),
        (1234567.891, 2, True, "1 234 567,89"),
    ],
)
def test_tal(value: float, decimals: int, trim: bool, expected: str) -> None:
    assert tal(value, decimals, trim=trim) == expected


def test_suffix() -> None:
    assert tal(15.66, 1, " %") == "15,7 %"


def test_heltal_groups_exactly() -> None:
    """The one way a count is written (escape.shorten, the xlsx notes, template limits)."""
    assert heltal(0) == "0"
    assert heltal(999) == "999"
    assert heltal(32767) == "32 767"
    assert heltal(1_000_000) == "1 000 000"
    assert heltal(10**25 + 1) == "10 000 000 000 000 000 000 000 001"  # no float on the way
    assert heltal(-1234) == "−1 234"
