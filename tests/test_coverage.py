"""Coverage of one year (:mod:`utsatta.compute.coverage`): reports received, counts by status,
the areas each insats reached and the duties owed only through an inferred group, checked by
hand against the fixture ``tests/fixtures/report-data`` for 2023."""

from __future__ import annotations

import shutil
from pathlib import Path

from utsatta.compute.completeness import Cell
from utsatta.compute.coverage import SAKNAS, Coverage, coverage, owed_through_urval, reports_of_year
from utsatta.compute.duties import year_matrix
from utsatta.load.dataset import DataSet, load

FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
YEAR = 2023


def _coverage(ds: DataSet) -> Coverage:
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    matrix = year_matrix(ds, YEAR)
    assert matrix is not None
    return coverage(ds.plan.model, ds.organisationer.model, matrix, reports_of_year(ds, YEAR))


def test_reports_counts_and_reach_of_the_year() -> None:
    """1:1 (arlig): two reports naming Norrby; 1:2 (en gång 2023): missing; 2:1 (arlig, ansvar
    through the urval group): three reports, one naming Norrby and Söderdal, one missing; 3:1
    (under planperioden, not owed before 2025): one voluntary report, counted by its status."""
    cov = _coverage(load(FIXTURE))
    assert sorted(cov.reports) == ["grundskolenamnden", "kommunstyrelsen", "kulturnamnden"]
    rows = {
        ic.insats.id: (ic.due, dict(ic.cells), sorted(ic.items), dict(ic.reached))
        for ic in cov.insatser
    }
    assert list(rows) == ["1:1", "1:2", "2:1", "3:1"]
    assert rows["1:1"] == (
        True,
        {"grundskolenamnden": Cell.INKOMMEN, "kulturnamnden": Cell.INKOMMEN},
        ["grundskolenamnden", "kulturnamnden"],
        {"norrby": 2},
    )
    assert rows["1:2"] == (True, {"socialnamnd-nordost": Cell.SAKNAS}, [], {})
    assert rows["2:1"] == (
        True,
        {
            "kommunstyrelsen": Cell.INKOMMEN,
            "grundskolenamnden": Cell.INKOMMEN,
            "socialnamnd-nordost": Cell.SAKNAS,
            "kulturnamnden": Cell.INKOMMEN,
        },
        ["grundskolenamnden", "kommunstyrelsen", "kulturnamnden"],
        {"norrby": 1, "soderdal": 1},
    )
    assert rows["3:1"] == (
        False,
        {"kulturnamnden": Cell.INKOMMEN, "socialnamnd-nordost": Cell.FRIVILLIG},
        ["kulturnamnden"],
        {"norrby": 1, "soderdal": 1},
    )
    assert dict(cov.status_counts) == {"pagaende": 4, "forsenad": 1, "genomford": 1, SAKNAS: 2}
    assert cov.expected_orgs == (
        "kommunstyrelsen",
        "grundskolenamnden",
        "socialnamnd-nordost",
        "kulturnamnden",
    )
    assert cov.reporting_orgs == 3


def test_an_area_named_twice_in_one_report_counts_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    assert text.count("omraden: [norrby]\n") == 1
    report.write_text(text.replace("omraden: [norrby]\n", "omraden: [norrby, norrby]\n"), "utf-8")
    reached = {ic.insats.id: dict(ic.reached) for ic in _coverage(load(data)).insatser}
    assert reached["1:1"] == {"norrby": 2}


def test_duties_owed_only_through_a_group_with_urval() -> None:
    """2:1's ansvar is the urval group: its three members owe it through the group, while
    kommunstyrelsen (samordningsansvar, named in the plan) owes it directly."""
    ds = load(FIXTURE)
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    group = "samtliga-med-verksamhet-i-utsatta-omraden"
    assert owed_through_urval(ds.plan.model.insatser, ds.organisationer.model) == {
        "2:1": {
            "grundskolenamnden": [group],
            "socialnamnd-nordost": [group],
            "kulturnamnden": [group],
        }
    }


def test_rakning_is_the_one_definition_of_the_counts() -> None:
    """By hand (2023 fixture): owed 1:1 ×2, 1:2, 2:1 ×4 = 7; in 5; missing 2; 3:1 from
    kulturnämnden is not owed: a återrapportering given before its deadline (granska18 G5);
    nothing done earlier. The status rows add up to 5 + 1 + 2."""
    cov = _coverage(load(FIXTURE))
    rk = cov.rakning
    assert rk.as_dict() == {
        "ar": 2023,
        "forvantade": 7,
        "inkomna": 5,
        "saknade": 2,
        "frivilliga": 1,
        "tidigare": 0,
        "fore_fristen": 1,
    }
    assert rk.rader == sum(cov.status_counts.values()) == 8


SHIPPED = Path(__file__).parent.parent / "data"


def test_shipped_counts_add_up_and_ceased_organisations_owe_nothing() -> None:
    """Every year of the shipped data: the rows of "insatser per status" are the owed received,
    the voluntary and the missing (2024 counted 87 rows against "86 av 86" before); no
    organisation that ceased at the turn of 2022/2023 holds an insats in 2023 or is missing."""
    from utsatta.compute.coverage import rakning
    from utsatta.model.organisationer import OrganisationerFil

    ds = load(SHIPPED)
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    orgs: OrganisationerFil = ds.organisationer.model
    ceased_2022 = {o.id for o in orgs.organisationer if (o.giltig_till or "9999") < "2023"}
    assert "byggnadsnamnden" in ceased_2022
    for year in (2022, 2023, 2024, 2025):
        matrix = year_matrix(ds, year)
        assert matrix is not None
        cov = coverage(ds.plan.model, orgs, matrix, reports_of_year(ds, year))
        rk = rakning(matrix)
        assert rk == cov.rakning
        assert sum(cov.status_counts.values()) == rk.inkomna + rk.frivilliga + rk.saknade
        assert rk.inkomna + rk.saknade == rk.forvantade
        if year >= 2023:
            holders = {org for ic in cov.insatser for org in ic.cells}
            assert not holders & ceased_2022, year
            assert not set(matrix.saknas_per_organisation()) & ceased_2022
