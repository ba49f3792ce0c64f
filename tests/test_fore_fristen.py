"""A återrapportering under the plan period is required; only its year is not fixed, and the
deadline as the period's last year is the tool's reading. Given before that year it is "före
fristen", not voluntary; one not yet given is "inte förfallen" (granska18 G5,
docs/decisions/0557-fore-fristen.md): in the report (Markdown, HTML), bilaga E, the export and
``utsatta status``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support import SHIPPED
from utsatta.compute.coverage import RAKNING_DEFINITION
from utsatta.export import tables
from utsatta.export.saknade import RAPPORTERING_TEXT
from utsatta.load.dataset import load
from utsatta.render.report import build, render
from utsatta.render.report_json import SCHEMAVERSION, report_json

REPORT_DATA = Path(__file__).parent / "fixtures" / "report-data"


@pytest.fixture(scope="module")
def reports() -> dict[int, tuple[str, str]]:
    ds = load(SHIPPED)
    out = {}
    for year in (2023, 2024, 2025):
        view = build(ds, year)
        out[year] = (render(view, "md"), render(view, "html"))
    return out


def test_no_report_of_the_period_calls_a_required_report_voluntary(
    reports: dict[int, tuple[str, str]],
) -> None:
    for md, html in reports.values():
        assert "frivillig" not in md.lower()
        assert "frivillig" not in html.lower()


def test_2023_counts_them_as_given_before_the_deadline(
    reports: dict[int, tuple[str, str]],
) -> None:
    md, html = reports[2023]
    # by hand from data/rapporter/2023: 1:4 Grundskolenämnden, 3:3 four organisations
    sentence = (
        "Av 90 förväntade rapporteringar (organisation och insats) har 88 kommit in och 2 "
        "saknas, från 19 av 20 organisationer. Dessutom har 5 återrapporteringar före fristen "
        "kommit in, och 0 återrapporteringar lämnades ett tidigare år."
    )
    assert sentence in md and sentence in html
    assert "mer attraktiva (återrapporteringen förfaller inte 2023) |" in md
    assert '<span class="muted">(återrapporteringen förfaller inte 2023)</span>' in html
    assert md.count("| Ingen rapport (inte förfallen för rapportåret) |") == 4
    forklaring = (
        "Återrapporteringen förfaller inte 2023: planen anger att den ska lämnas under "
        "planperioden men inte vilket år, och utsatta räknar planperiodens sista år som "
        "fristen (slutledd)."
    )
    assert md.count(forklaring) == 2  # 1:4 and 3:3 in bilaga A
    assert f'<p class="muted">{forklaring}</p>' in html
    # bilaga B's row note
    assert "| 3:3 (återrapporteringen förfaller inte 2023) |" in md


def test_a_given_one_is_not_said_to_be_not_yet_due(reports: dict[int, tuple[str, str]]) -> None:
    """1:4 was given in 2023: in 2024 it needs no report because it was given, not because it
    is not due; 3:3 still has organisations that have not given it."""
    md, _ = reports[2024]
    assert "mer attraktiva (behöver inte rapporteras 2024) |" in md
    assert "föreningslivet i utsatta områden (återrapporteringen förfaller inte 2024) |" in md
    assert (
        "Dessutom har 1 återrapportering före fristen kommit in, och 5 återrapporteringar "
        "lämnades ett tidigare år." in md
    )
    md_2025, _ = reports[2025]
    assert "förfaller inte" not in md_2025
    assert "Dessutom har inga rapporteringar utöver de förväntade kommit in" in md_2025


@pytest.mark.parametrize(
    ("year", "counts"),
    [
        # by hand from data/rapporter: no report on 1:4 or 3:3 (the two återrapporteringar
        # under the plan period) in 2022; in 2023 Grundskolenämnden on 1:4 and Framtiden,
        # Idrotts- och föreningsnämnden, Kulturnämnden and Socialnämnd Nordost on 3:3, none
        # given before; in 2024 Socialnämnd Hisingen on 3:3; in 2025 the three on 3:3 are
        # owed (the deadline) and the six of 2023 and 2024 are "tidigare". Every other item
        # received is owed (section 2: "inga rapporteringar utöver de förväntade" in 2022 and
        # 2025, only "före fristen" in 2023 and 2024)
        (2022, (0, 0, 0, 0)),
        (2023, (5, 5, 0, 0)),
        (2024, (1, 1, 0, 5)),
        (2025, (0, 0, 0, 6)),
    ],
)
def test_the_json_splits_them_as_section_2_does(
    year: int, counts: tuple[int, int, int, int]
) -> None:
    """granska18c F6: 'frivilliga' keeps its name and meaning (every report received that was
    not owed), so schemaversion stays 1; 'fore_fristen' and 'inte_kravda' split it as section 2
    and the export do (decision 0571)."""
    data = json.loads(report_json(load(SHIPPED), year))
    assert data["schemaversion"] == SCHEMAVERSION == 1
    s = data["sammanfattning"]
    assert (s["frivilliga"], s["fore_fristen"], s["inte_kravda"], s["tidigare"]) == counts
    keys = list(s)
    assert keys[keys.index("frivilliga") :][:4] == [
        "frivilliga",
        "fore_fristen",
        "inte_kravda",
        "tidigare",
    ]


def test_bilaga_e_marks_the_deadline_as_an_inference() -> None:
    assert (
        "För en återrapportering under planperioden anger planen inget år; att fristen är "
        "planperiodens sista år är utsattas tolkning (slutledd)."
    ) in RAKNING_DEFINITION
    assert "inkomna + före fristen + inte krävda + saknade" in RAKNING_DEFINITION
    assert "frivillig" not in RAKNING_DEFINITION.lower()


def test_the_export_codes_them_fore_fristen() -> None:
    t = {x.namn: x for x in tables(load(SHIPPED), 2025)}["insatsrapporter"]
    cols = [c.namn for c in t.columns]
    ar, rapp, text = (cols.index(c) for c in ("ar", "rapportering", "rapportering_text"))
    counts: dict[tuple[int, str], int] = {}
    for row in t.rows:
        key = (int(str(row[ar])), str(row[rapp]))
        counts[key] = counts.get(key, 0) + 1
        assert "frivillig" not in str(row[text]).lower()
    assert {k: n for k, n in counts.items() if k[1] != "forvantad"} == {
        (2023, "fore-fristen"): 5,
        (2024, "fore-fristen"): 1,
    }
    assert set(RAPPORTERING_TEXT) == {"forvantad", "fore-fristen", "ej-kravd", "utan-ansvar"}
    beskrivning = next(c.beskrivning for c in t.columns if c.namn == "rapportering")
    assert "fore-fristen (en återrapportering under planperioden" in beskrivning
    assert "slutledd" in beskrivning and "frivillig" not in beskrivning


def test_one_not_required_is_counted_apart(tmp_path: Path) -> None:
    """An engångsrapportering given in another year than the plan's (1:2, due 2023, given
    2024) was not required: it is "ej-kravd", and section 2 counts it apart from the
    återrapportering given before its deadline (3:1, Socialnämnd Nordost)."""
    data = tmp_path / "data"
    shutil.copytree(REPORT_DATA, data)
    (data / "rapporter" / "2024").mkdir()
    items = "".join(
        f'  - insats: "{i}"\n    status: {s}\n    nulage: Text.\n    omraden: []\n'
        f"    bedomning: osakert\n    fortsatt_arbete: Text.\n"
        for i, s in (("1:2", "genomford"), ("2:1", "pagaende"), ("3:1", "pagaende"))
    )
    (data / "rapporter" / "2024" / "socialnamnd-nordost.yaml").write_text(
        "schemaversion: 1\nar: 2024\norganisation: socialnamnd-nordost\n"
        f"kontakt: Socialförvaltningen\ninsatser:\n{items}",
        encoding="utf-8",
    )
    ds = load(data)
    md = render(build(ds, 2024), "md")
    assert (
        "Dessutom har 1 återrapportering före fristen och 1 rapportering som inte krävdes för "
        "året kommit in, och 1 återrapportering lämnades ett tidigare år." in md
    )
    t = {x.namn: x for x in tables(ds, 2024)}["insatsrapporter"]
    cols = [c.namn for c in t.columns]
    ar, org, ins, rapp = (cols.index(c) for c in ("ar", "organisation", "insats", "rapportering"))
    got = {
        (str(r[ins]), str(r[rapp]))
        for r in t.rows
        if r[ar] == 2024 and r[org] == "socialnamnd-nordost"
    }
    assert got == {("1:2", "ej-kravd"), ("2:1", "forvantad"), ("3:1", "fore-fristen")}
    # the JSON splits them as section 2 does; 'frivilliga' stays their sum (granska18c F6)
    summary = json.loads(report_json(ds, 2024))["sammanfattning"]
    assert (summary["frivilliga"], summary["fore_fristen"], summary["inte_kravda"]) == (2, 1, 1)


def test_the_scaffold_says_not_yet_due_and_whose_deadline(tmp_path: Path) -> None:
    from utsatta.scaffold.rapport import report_scaffold

    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    (data / "rapporter" / "2023" / "kulturnamnden.yaml").unlink()
    text = report_scaffold(load(data), 2023, "kulturnamnden")
    assert (
        "# Återrapportering under planperioden (inte förfallen 2023; planen anger inget år, "
        "utsatta\n# räknar 2025 som fristen): insats 3:3. Lägg till en post om ni rapporterar "
        "den för 2023.\n"
    ) in text
