"""Swedish numbers, one formatter for reports and for how a status was computed."""

from __future__ import annotations

import pytest

from utsatta.numbers import heltal, tal


@pytest.mark.parametrize(
    ("value", "decimals", "trim", "expected"),
    [
        (15.66, 1, False, "15,7"),
        (-1234.5, 0, False, "−1\u00a0234"),  # half to even, as Python rounds the exact value
        (83000, 0, False, "83\u00a0000"),
        (9.10, 2, False, "9,10"),
        (9.10, 2, True, "9,1"),
        (12.0, 2, True, "12"),
        (0.8, 2, False, "0,80"),
        (-0.0, 2, False, "0,00"),  # never "−0"
        (-0.001, 2, False, "−0,001"),  # never zero for a value that is not (decision 0679)
        (-0.001, 2, True, "−0,001"),
        (0.000001, 2, True, "0,000001"),
        (-0.5, 2, True, "−0,5"),
        (1234567.891, 2, True, "1\u00a0234\u00a0567,89"),
    ],
)
def test_tal(value: float, decimals: int, trim: bool, expected: str) -> None:
    assert tal(value, decimals, trim=trim) == expected


def test_a_tick_rounds_to_zero_and_never_to_minus_zero() -> None:
    """A chart's axis (``nonzero=False``) keeps the decimals it chose."""
    assert tal(-0.001, 2, nonzero=False) == "0,00"
    assert tal(-0.001, 2, trim=True, nonzero=False) == "0"


def test_suffix() -> None:
    assert tal(15.66, 1, " %") == "15,7\u00a0%"


def test_heltal_groups_exactly() -> None:
    """The one way a count is written (escape.shorten, the xlsx notes, template limits)."""
    assert heltal(0) == "0"
    assert heltal(999) == "999"
    assert heltal(32767) == "32 767"
    assert heltal(1_000_000) == "1 000 000"
    assert heltal(10**25 + 1) == "10 000 000 000 000 000 000 000 001"  # no float on the way
    assert heltal(-1234) == "−1 234"


def test_a_value_and_its_unit_never_break_apart() -> None:
    """F5: "100 / 000 inv." and "0 / % av vägen" in the PDF. A value's thousands and its unit
    are joined by U+00A0; a line may break after "per" only (decision 0405)."""
    from utsatta.render.labels import framsteg_text, varde

    assert varde(2591.0, "per-100000-invanare") == "2\u00a0591\u00a0per 100\u00a0000\u00a0inv."
    assert varde(15.7, "procent") == "15,7\u00a0%"
    assert varde(83000.0, "antal") == "83\u00a0000"
    assert varde(3.0, "elever per klass") == "3\u00a0elever per klass"  # a unit as written
    assert framsteg_text(0.0) == "0\u00a0%\u00a0av\u00a0vägen"
    assert framsteg_text(0.2) == "20\u00a0%\u00a0av\u00a0vägen"
    assert tal(-5, 0, " ") == "−5\u00a0"  # only a leading space of the suffix is made hard
    assert tal(1, 0, " per år") == "1\u00a0per år"


def test_a_count_in_a_message_keeps_a_plain_space() -> None:
    """heltal writes counts in messages (terminal, CI log, a spreadsheet note): a hard space
    there would only stop a search or show up as an odd space pasted into YAML."""
    assert "\u00a0" not in heltal(1_234_567)
