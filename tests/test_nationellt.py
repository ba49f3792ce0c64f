"""The national figures of a police edition carry their source like every other figure; the
2019 figures, which fakta.md gives without any source, are missing, not shown (review varld 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from utsatta.load.dataset import load
from utsatta.model.omraden import Upplaga

SHIPPED = Path(__file__).resolve().parents[1] / "data"


def test_a_national_figure_needs_a_source() -> None:
    with pytest.raises(ValidationError) as err:
        Upplaga.model_validate(
            {"ar": 2019, "titel": "Lägesbild", "utgivare": "Polisen", "nationellt": "60 områden"}
        )
    (e,) = err.value.errors()
    assert e["type"] == "nationellt-utan-kalla"
    assert e["msg"] == (
        "Siffrorna i 'nationellt' saknar källa. Ange 'nationellt_kallor' (id under 'kallor' i "
        "filen), eller ta bort 'nationellt' om ingen källa anger dem."
    )


def test_the_shipped_national_figures_are_sourced() -> None:
    omr = load(SHIPPED).omraden
    assert omr is not None and omr.model is not None
    ids = {k.id for k in omr.model.kallor}
    by_year = {u.ar: u for u in omr.model.upplagor}
    for u in by_year.values():
        if u.nationellt is not None:
            assert u.nationellt_kallor and set(u.nationellt_kallor) <= ids, u.ar
    assert by_year[2019].nationellt is None
    assert by_year[2019].kommentar is not None and "saknas" in by_year[2019].kommentar
    assert by_year[2021].nationellt_kallor == ["wikirank-2021"]
