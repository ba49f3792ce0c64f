"""`utsatta indikatorer`: the same numbers and the same "Framsteg" as the report.

The text table formats with the report's functions (:func:`utsatta.render.labels.varde` and
:func:`~utsatta.render.labels.framsteg_text`); the JSON keeps raw numbers and adds
``framsteg_andel``, the share of the way from the baseline to the målvärde.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from utsatta.load.dataset import DataSet, load
from utsatta.render import overview, overview_indicators
from utsatta.render.report import build

FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
YEAR = 2023

# Large numbers and a value that moved away from its target: "83 000", "−50 % av vägen".
_ANTAL = """\
schemaversion: 1
id: invanare-test
namn: Antal invånare i särskilt utsatta områden
fokusomrade: "2"
enhet: antal
riktning: lagre-ar-battre
metod: forvantad-bana
definition: Antal invånare.
kallor:
  - {id: test, utgivare: Teststaden, sakerhet: bekraftad}
baslinje: {ar: 2019, varde: 83000, kalla: test}
malvarden:
  - {ar: 2025, varde: 41000, kalla: test}
utfall:
  - {ar: 2023, varde: 104000, kalla: test}
"""


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> DataSet:
    data = tmp_path_factory.mktemp("ind") / "data"
    shutil.copytree(FIXTURE, data)
    (data / "indikatorer" / "invanare-test.yaml").write_text(_ANTAL, encoding="utf-8")
    return load(data)


def _text(ds: DataSet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    return overview_indicators.indicators_text(ds, YEAR, 250)


def _rows(text: str) -> dict[str, list[str]]:
    """The table rows of the text output: indicator name -> the other cells."""
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("│"):
            cells = [c.strip() for c in line.strip("│").split("│")]
            out[cells[0]] = cells[1:]
    return out


def test_framsteg_is_the_share_of_the_way_as_in_the_report(
    ds: DataSet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Framsteg column says "35 % av vägen" like the report, not the ratio 0,xx."""
    text = _text(ds, capsys, monkeypatch)
    view = build(ds, YEAR)
    report = {i.id: i.framsteg for f in view.fokusomraden for i in f.indikatorer}
    assert report["behorighet-gymnasiet"] == "35\u00a0%\u00a0av\u00a0vägen"
    assert report["invanare-test"] == "−50\u00a0%\u00a0av\u00a0vägen"
    framsteg = {name: cells[3] for name, cells in _rows(text).items()}
    assert framsteg == {
        "Andel elever i årskurs 9 i utsatta områden som är behöriga till gymnasiet": (
            "35\u00a0%\u00a0av\u00a0vägen"
        ),
        "Andel elever i årskurs 9 i utsatta områden utan gymnasiebehörighet": "–",
        "Andel invånare i utsatta områden som känner sig trygga ute en sen kväll": "–",
        "Antal invånare i särskilt utsatta områden": "−50\u00a0%\u00a0av\u00a0vägen",
    }


def test_numbers_use_the_reports_swedish_format(
    ds: DataSet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Space between thousands, decimal comma, a unit, the decimals the value has."""
    text = _text(ds, capsys, monkeypatch)
    assert "83\u00a0000 (2019)" in text and "104\u00a0000 (2023)" in text
    assert "41\u00a0000 (2025)" in text
    assert "62,4\u00a0% (2020)" in text and "66,85\u00a0% (2023)" in text
    assert "75\u00a0% (2025)" in text
    assert "48,0\u00a0% (2021)" in text
    assert "83000" not in text


def test_text_shows_relative_malvarde_and_old_values(
    ds: DataSet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in the report: "halva baslinjen (2025)" and "senaste värde från 2019"."""
    text = _text(ds, capsys, monkeypatch)
    assert "halva baslinjen (2025)" in text
    assert "senaste värde från 2019" in text


def test_json_has_raw_numbers_and_the_share(ds: DataSet) -> None:
    """JSON stays machine-friendly: raw numbers, framsteg_andel as a share (or null)."""
    data = json.loads(overview_indicators.indicators_json(ds, YEAR))
    by_id = {i["id"]: i for i in data["indikatorer"]}
    gym = by_id["behorighet-gymnasiet"]
    assert gym["baslinje"] == {"ar": 2020, "varde": 62.4}
    assert gym["malvarde"] == {"ar": 2025, "varde": 75.0}
    assert gym["framsteg_andel"] == pytest.approx((66.85 - 62.4) / (75 - 62.4))
    assert by_id["invanare-test"]["framsteg_andel"] == -0.5
    assert by_id["invanare-test"]["baslinje"] == {"ar": 2019, "varde": 83000.0}
    assert by_id["trygghet-kvall"]["framsteg_andel"] is None
    assert by_id["utan-behorighet"]["framsteg_andel"] is None
    assert by_id["utan-behorighet"]["malvarde"] is None


def test_no_private_number_formatter_is_left() -> None:
    """One formatter for the report and the overview."""
    assert not hasattr(overview, "_num")
