"""An indicator's ``matintervall`` in the machine-readable outputs: the JSON report carries the
interval and the years its chart takes as measured, the export's indikatorvarden the interval
and per value whether its year is a measurement year. The years come from
``compute.indicators.matrutnat``/``egna_matar``, the grid the chart and the check
matintervall-stammer-inte use (docs/decisions/0395, 0415), so a value the check warns about is
the one the export marks nej."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

import utsatta
from tests.support import CASES, ROOT, build_case
from utsatta.export import tables
from utsatta.export.columns import INDIKATORVARDEN

SHIPPED = ROOT / "data"
VALDELTAGANDE = "valdeltagande-kommunval-goteborg"


def _indicators(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for f in report["fokusomraden"] for i in f["indikatorer"]}


def _rows(ds: utsatta.DataSet, ar: int, indikator: str) -> list[tuple[object, ...]]:
    t = next(t for t in tables(ds, ar) if t.namn == "indikatorvarden")
    names = [c.namn for c in t.columns]
    picked = ("typ", "ar", "omrade", "matintervall", "matar")
    return [
        tuple(d[k] for k in picked)
        for d in (dict(zip(names, r, strict=True)) for r in t.rows)
        if d["indikator"] == indikator
    ]


@pytest.fixture(scope="module")
def shipped() -> utsatta.DataSet:
    return utsatta.validate(SHIPPED, year=2023).dataset


def test_the_json_report_carries_the_interval_and_the_measurement_years(
    shipped: utsatta.DataSet,
) -> None:
    report = json.loads(utsatta.report_json(shipped, 2023))
    indicators = _indicators(report)
    val = indicators[VALDELTAGANDE]
    assert (val["matintervall_ar"], val["matar"]) == (4, [2014, 2018])
    assert val["matintervall"].startswith("Vart fjärde år. Grund: Ordinarie val till ")
    # without a matintervall: no interval, each value stands alone
    valds = indicators["anmalda-valdsbrott"]
    assert (valds["matintervall"], valds["matintervall_ar"], valds["matar"]) == (None, None, None)
    assert [i for i, v in indicators.items() if v["matintervall_ar"] is not None] == [VALDELTAGANDE]
    # a count from the police lists: measured in each edition of omraden.yaml, no matintervall
    mal = {i["id"]: i for i in report["sammanfattning"]["mal_indikatorer"]}
    police = mal["sarskilt-utsatta-omraden"]
    assert (police["matintervall_ar"], police["matar"]) == (None, [2015, 2017, 2019, 2021, 2023])
    assert (mal["nya-omraden"]["matintervall_ar"], mal["nya-omraden"]["matar"]) == (
        None,
        [2021, 2023],
    )


def test_the_indicators_json_carries_them_too(shipped: utsatta.DataSet) -> None:
    """`utsatta indikatorer --format json`, the one with every value: the same fields."""
    from utsatta.render.overview_indicators import indicators_data

    by_id = {i["id"]: i for i in indicators_data(shipped, 2023)["indikatorer"]}
    got = {i: (v["matintervall_ar"], v["matar"]) for i, v in by_id.items() if v["matar"]}
    editions = [2015, 2017, 2019, 2021, 2023]
    assert got == {
        "nya-omraden": (None, [2021, 2023]),
        "omraden-pa-polisens-lista": (None, editions),
        "riskomraden": (None, editions),
        "sarskilt-utsatta-omraden": (None, editions),
        "utsatta-omraden": (None, editions),
        VALDELTAGANDE: (4, [2014, 2018]),
    }


def test_the_export_marks_each_value_of_the_shipped_election_indicator(
    shipped: utsatta.DataSet,
) -> None:
    """Every value of valdeltagande is from an election year: 2010, 2014 and 2018, four years
    apart; the city-wide values, the baseline and those of the valdistrikt alike."""
    assert _rows(shipped, 2023, VALDELTAGANDE) == [
        ("baslinje", 2014, None, 4, "ja"),
        ("utfall", 2014, None, 4, "ja"),
        ("utfall", 2018, None, 4, "ja"),
        ("utfall", 2010, "bergsjon", 4, "ja"),
        ("utfall", 2014, "bergsjon", 4, "ja"),
        ("utfall", 2018, "bergsjon", 4, "ja"),
        ("utfall", 2018, "biskopsgarden", 4, "ja"),
        ("utfall", 2014, "gardsten", 4, "ja"),
        ("utfall", 2018, "gardsten", 4, "ja"),
        ("utfall", 2014, "hjallbo", 4, "ja"),
    ]
    # no other indicator has a matintervall: both cells empty, also for målvärden
    t = next(t for t in tables(shipped, 2023) if t.namn == "indikatorvarden")
    names = [c.namn for c in t.columns]
    others = {
        (r[names.index("matintervall")], r[names.index("matar")])
        for r in t.rows
        if r[names.index("indikator")] != VALDELTAGANDE
    }
    assert others == {(None, None)}


def test_a_value_off_the_grid_is_nej_where_the_check_warns(tmp_path: Path) -> None:
    """The case of a valdistrikt value in 2012 (the elections were 2010 and 2014): the check
    warns at that value's line, and the export marks that value, and only it, nej."""
    data = build_case(CASES / "matintervall-omrade-ur-takt", tmp_path / "d")
    result = utsatta.validate(data, year=2023)
    code = "matintervall-stammer-inte"
    warned = [(Path(f.file).name, f.line) for f in result.findings if f.code == code]
    assert warned == [("valdeltagande.yaml", 18)]
    assert _rows(result.dataset, 2023, "valdeltagande") == [
        ("baslinje", 2014, None, 4, "ja"),
        ("utfall", 2018, None, 4, "ja"),
        ("utfall", 2012, "bergsjon", 4, "nej"),
        ("utfall", 2014, "bergsjon", 4, "ja"),
        ("utfall", 2018, "bergsjon", 4, "ja"),
    ]
    val = _indicators(json.loads(utsatta.report_json(result.dataset, 2023)))["valdeltagande"]
    assert (val["matintervall_ar"], val["matar"]) == (4, [2014, 2018])


def test_the_csv_and_the_kolumner_table_describe_the_new_columns(
    shipped: utsatta.DataSet, tmp_path: Path
) -> None:
    utsatta.write_export(shipped, 2023, "csv", tmp_path / "e")
    with (tmp_path / "e" / "indikatorvarden.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    election = [r for r in rows if r["indikator"] == VALDELTAGANDE and r["omrade"] == ""]
    assert [(r["typ"], r["ar"], r["matintervall"], r["matar"]) for r in election] == [
        ("baslinje", "2014", "4", "ja"),
        ("utfall", "2014", "4", "ja"),
        ("utfall", "2018", "4", "ja"),
    ]
    with (tmp_path / "e" / "kolumner.csv").open(encoding="utf-8-sig", newline="") as fh:
        kolumner = list(csv.reader(fh, delimiter=";"))
    described = {(r[0], r[1]): r for r in kolumner[1:]}
    for namn in ("matintervall", "matar"):
        column = next(c for c in INDIKATORVARDEN if c.namn == namn)
        assert described[("indikatorvarden", namn)][2:4] == [column.typ, column.beskrivning]


def test_a_value_after_the_year_is_not_in_that_years_measurement_years(tmp_path: Path) -> None:
    """The report of 2023 ends its ``matar`` at its own last value (2018), as the police
    counts' editions stop at the year: a value of 2026 in the data does not make 2022 and 2026
    measurement years of the 2023 report. The grid's phase is still all values' (the check's),
    and without a year (``evaluate(ds)``) it runs to the last value."""
    from utsatta.compute.indicators import evaluate
    from utsatta.render.overview_indicators import indicators_data

    data = build_case(CASES / "matintervall-omrade-ur-takt", tmp_path / "d")
    path = data / "indikatorer" / "valdeltagande.yaml"
    text = path.read_text(encoding="utf-8")
    later = "  - ar: 2026\n    varde: 80\n    kalla: vg-2018\n"
    path.write_text(text.replace("utfall:\n", "utfall:\n" + later), encoding="utf-8")
    result = utsatta.validate(data, year=2023)
    val = _indicators(json.loads(utsatta.report_json(result.dataset, 2023)))["valdeltagande"]
    assert (val["matintervall_ar"], val["matar"]) == (4, [2014, 2018])
    listed = {i["id"]: i for i in indicators_data(result.dataset, 2023)["indikatorer"]}
    assert listed["valdeltagande"]["matar"] == [2014, 2018]
    every = {r.indikator.id: r.matar for r in evaluate(result.dataset)}
    assert every["valdeltagande"] == (2014, 2018, 2022, 2026)


def test_a_police_count_with_a_matintervall_states_no_interval(tmp_path: Path) -> None:
    """A count from the police lists is measured in each edition whatever its file says (the
    check warns, matintervall-stammer-inte): neither the report's "Mäts:" line, its JSON nor
    the export says "every fourth year" beside a series of every edition."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    police = data / "indikatorer" / "sarskilt-utsatta-omraden.yaml"
    with police.open("a", encoding="utf-8") as fh:
        fh.write("matintervall:\n  antal_ar: 4\n  grund: Vart fjärde år enligt ingen.\n")
    result = utsatta.validate(data, year=2023)
    warned = [(Path(f.file).name, f.code) for f in result.findings if f.code.startswith("mat")]
    assert warned == [("sarskilt-utsatta-omraden.yaml", "matintervall-stammer-inte")]
    report = json.loads(utsatta.report_json(result.dataset, 2023))
    mal = {i["id"]: i for i in report["sammanfattning"]["mal_indikatorer"]}
    count = mal["sarskilt-utsatta-omraden"]
    editions = [2015, 2017, 2019, 2021, 2023]
    assert (count["matintervall"], count["matintervall_ar"], count["matar"]) == (
        None,
        None,
        editions,
    )
    assert "enligt ingen" not in utsatta.report_text(result.dataset, 2023, "md")
    assert {r[3:] for r in _rows(result.dataset, 2023, "sarskilt-utsatta-omraden")} == {
        (None, None)
    }


def test_only_values_per_omrade_are_anchored_on_the_phase_most_share(tmp_path: Path) -> None:
    """Without a headline series or baseline the grid is anchored as the chart's would be, on
    the phase most values share (docs/decisions/0415): of 2011, 2014 and 2018 the odd 2011 is
    the one warned and marked nej, not the two election years after it."""
    data = build_case(CASES / "matintervall-ankare-bara-omrade", tmp_path / "d")
    path = data / "indikatorer" / "valdeltagande.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("baslinje: {ar: 2014, varde: 79.2, kalla: vg-2018}\n", ""),
        ("  - ar: 2018\n    varde: 81.05\n    kalla: vg-2018\n", ""),
        ("  - ar: 2010\n    varde: 39\n", "  - ar: 2014\n    varde: 39\n"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    result = utsatta.validate(data, year=2023)
    warned = [
        (Path(f.file).name, f.line, f.message)
        for f in result.findings
        if f.code == "matintervall-stammer-inte"
    ]
    line = text[: text.index("  - ar: 2011")].count("\n") + 1
    assert warned == [
        (
            "valdeltagande.yaml",
            line,
            "Utfallet för 2011 (område bergsjon) är inte från ett mätår: det ligger inte ett helt "
            "antal mätintervall (4 år) från värdenas första mätår (2014). Diagrammet visar inte "
            "värden per område eller kön. Rätta året, eller 'matintervall' om källan anger ett "
            "annat intervall.",
        )
    ]
    assert _rows(result.dataset, 2023, "valdeltagande") == [
        ("utfall", 2011, "bergsjon", 4, "nej"),
        ("utfall", 2018, "bergsjon", 4, "ja"),
        ("utfall", 2014, "gardsten", 4, "ja"),
    ]
    val = _indicators(json.loads(utsatta.report_json(result.dataset, 2023)))["valdeltagande"]
    assert (val["matintervall_ar"], val["matar"]) == (4, None)  # no chart, no chart years
