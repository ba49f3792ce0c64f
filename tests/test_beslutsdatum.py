"""A decision on a year's uppföljning dated before the year ended or more than two years after
it (beslut-fore-aret, beslut-langt-efter-aret; decision 0538), on the shipped data: the
reviewer's reproduction (granska17 F-h), the bounds, and the advice followed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import edited_findings
from utsatta.check.beslutsdatum import example_date

UPP = "uppfoljning/2025.yaml"
BESLUT = "  - organ: Kommunstyrelsen\n    datum: 2026-04-01\n"


def _dated(tmp_path: Path, datum: str) -> list[tuple[int, int, str, str]]:
    return edited_findings(tmp_path, UPP, BESLUT, BESLUT.replace("2026-04-01", datum))


@pytest.mark.parametrize(
    ("datum", "code"),
    [
        ("1900-01-01", "beslut-fore-aret"),
        ("2024-01-01", "beslut-fore-aret"),
        ("2025-12-31", "beslut-fore-aret"),
        ("2026-01-01", None),
        ("2027-12-31", None),
        ("2028-01-01", "beslut-langt-efter-aret"),
        ("2099-01-01", "beslut-langt-efter-aret"),
    ],
)
def test_the_bounds(tmp_path: Path, datum: str, code: str | None) -> None:
    found = _dated(tmp_path, datum)
    assert [(line, col, c) for line, col, c, _ in found] == ([(219, 12, code)] if code else [])


def test_the_message_and_its_advice_followed(tmp_path: Path) -> None:
    (found,) = _dated(tmp_path / "a", "2024-01-01")
    assert found[3] == (
        "Beslutet om uppföljningen av 2025 är daterat 2024-01-01, före årets slut. "
        "Uppföljningen beskriver läget i slutet av 2025, så beslutet fattas tidigast 2026. "
        "Rätta året i 'datum' (t.ex. 2026-01-01); det senaste beslutets datum blir "
        "rapportens datum, i PDF:ens sidfot."
    )
    for n, datum in enumerate(("2024-01-01", "1904-02-29", "2099-11-30")):
        (found,) = _dated(tmp_path / f"m{n}", datum)
        (example,) = re.findall(r"t\.ex\. (\d{4}-\d{2}-\d{2})", found[3])
        assert _dated(tmp_path / f"f{n}", example) == [], example


def test_the_example_is_a_calendar_day() -> None:
    """A 29 February becomes the 28th in a year without one (2026), stays in one (2024)."""
    assert example_date(2025, "2020-02-29") == "2026-02-28"
    assert example_date(2023, "2020-02-29") == "2024-02-29"
