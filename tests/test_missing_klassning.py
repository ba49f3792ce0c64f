"""An area without a klassning for an edition counts as an unknown level (exactly as
``niva: okand, sakerhet: saknas``), never as "inte på listan": the counts, "% av vägen", the
series, the level table and the coverage columns of the report (docs/decisions/0126)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from utsatta.check.pipeline import validate
from utsatta.compute.police import count_in, klassning_i
from utsatta.load.dataset import load
from utsatta.model.omraden import NIVAER_PA_LISTAN
from utsatta.render.report import build, render

SHIPPED = Path(__file__).resolve().parents[1] / "data"
BLOCK = re.compile(r"      - upplaga: 2025\n(?:        .*\n)+", re.MULTILINE)


def _hisings_backa_2025(tmp: Path, replacement: str) -> Path:
    """A copy of the shipped data with Hisings Backa's 2025 klassning replaced."""
    data = tmp / "data"
    shutil.copytree(SHIPPED, data)
    p = data / "omraden.yaml"
    text = p.read_text(encoding="utf-8")
    start = text.index("  - id: hisings-backa")
    end = text.index("  - id: rannebergen")
    area = BLOCK.sub(replacement, text[start:end], count=1)
    assert area != text[start:end]
    p.write_text(text[:start] + area + text[end:], encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def missing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _hisings_backa_2025(tmp_path_factory.mktemp("missing"), "")


@pytest.fixture(scope="module")
def okand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _hisings_backa_2025(
        tmp_path_factory.mktemp("okand"),
        "      - upplaga: 2025\n        niva: okand\n        sakerhet: saknas\n",
    )


def test_a_missing_klassning_is_an_unknown_level(missing: Path) -> None:
    omr = load(missing).omraden
    assert omr is not None and omr.model is not None
    area = next(o for o in omr.model.omraden if o.id == "hisings-backa")
    k = klassning_i(area, 2025)
    assert (k.niva, k.sakerhet, k.kallor) == ("okand", "saknas", [])
    gap = count_in(omr.model, 2025, NIVAER_PA_LISTAN)
    assert not hasattr(gap, "varde")
    assert gap.namn == ("Hisings Backa",)  # type: ignore[union-attr]


def test_the_report_is_the_same_as_with_an_explicit_okand(missing: Path, okand: Path) -> None:
    md = render(build(load(missing), 2025), "md")
    assert md == render(build(load(okand), 2025), "md")
    # neither 7 on the list nor 12 % of the way: unknown
    assert "7 områden står på listan" not in md
    assert "12 % av vägen" not in md
    assert "2025: 7" not in md
    assert "Hur många områden som står på listan är okänt (nivån okänd för 1 område)" in md
    assert "| **Totalt** | **okänt (nivån okänd för 1 område)** |   |" in md
    # the level table and the area's section say unknown, not "–"
    assert (
        "| Hisings Backa | okänd | utsatt† | utsatt\\* | utsatt† | utsatt‡ | okänd | okänd |" in md
    )
    assert "2025: okänd (källa saknas)." in md
    # the coverage table does not call an unknown level "ej på listan"
    assert "Hisings Backa (nivå okänd)" in md
    assert "Hisings Backa (ej på listan)" not in md


def test_validate_warns_and_says_what_the_report_will_do(missing: Path) -> None:
    res = validate(missing)
    found = [f for f in res.findings if f.code == "klassning-saknas"]
    assert len(found) == 1
    f = found[0]
    assert (f.file.endswith("omraden.yaml"), f.severity) == (True, "varning")
    assert f.message == (
        "Hisings Backa saknar klassning för upplagan 2025. Till dess räknas nivån som okänd: "
        "rapporten visar då de antal som beror på området som okända, inte som att området inte "
        "är på listan. Lägg till klassningen (niva: ej-pa-listan om området inte var på listan, "
        "niva: okand om det inte är känt)."
    )
