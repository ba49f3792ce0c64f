"""One period rule (compute.responsibility.i_planperioden, docs/decisions/0611): a group stands
for its members in the plan period only. The shipped data with two more organisations in the
group that 2:1 and 2:4 name: one formed 2026, one gone 2021. Neither owes a duty, counts in the
group's size, is listed as missing a report or stands in `utsatta plan`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import ROOT
from utsatta import load, validate
from utsatta.compute.coverage import owed_through_urval
from utsatta.compute.duties import duties_in_plan, duties_of, year_matrix
from utsatta.compute.duty_bound import duty_count, group_sizes
from utsatta.compute.responsibility import i_planperioden, planperiod
from utsatta.load.dataset import DataSet
from utsatta.render.overview import plan_data

GRUPP = "samtliga-med-verksamhet-i-utsatta-omraden"
NYA = """  - id: nybildad-namnd
    namn: Nybildade nämnden
    typ: namnd
    verksamhet_i_utsatta_omraden: true
    giltig_fran: "2026-01-01"
  - id: nedlagd-namnd
    namn: Nedlagda nämnden
    typ: namnd
    verksamhet_i_utsatta_omraden: true
    giltig_till: "2021-06-30"
    efterfoljare: []
    kommentar: Lades ned före planperioden; ingen tog över.
grupper:
"""


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> DataSet:
    data = tmp_path_factory.mktemp("planperioden") / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "organisationer.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\ngrupper:\n") == 1
    path.write_text(text.replace("\ngrupper:\n", "\n" + NYA), encoding="utf-8")
    return load(data)


def test_who_is_in_the_period(ds: DataSet) -> None:
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    period = planperiod(ds.plan.model)
    assert period == (2022, 2025)
    by_id = {o.id: o for o in ds.organisationer.model.organisationer}
    out = [o for o in by_id if not i_planperioden(by_id[o], period)]
    # konsument- och medborgarservice's last day was 2021-10-31 (shipped)
    assert out == ["konsument-och-medborgarservice", "nybildad-namnd", "nedlagd-namnd"]
    assert all(i_planperioden(by_id[o], None) for o in by_id)


def test_group_size_and_duty_count(ds: DataSet) -> None:
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    orgs, plan = ds.organisationer.model, ds.plan.model
    # 27 organisations with the flag (25 shipped), 3 outside the period
    assert group_sizes(orgs)[GRUPP] == 27
    assert group_sizes(orgs, planperiod(plan))[GRUPP] == 24
    # 2:1 and 2:4 name the group: whatever the period the two new ones add 1 each to the
    # shipped 161; in the period they count nothing, nor does konsument (1 and 1 for its
    # successor, in each): 161 + 4 - 4 - 4
    assert duty_count(plan.insatser, orgs) == 165
    assert duties_in_plan(ds) == duty_count(plan.insatser, orgs, planperiod(plan)) == 157


def test_no_duty_no_missing_report(ds: DataSet) -> None:
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    duties = duties_of(ds)
    assert duties is not None
    new = {"nybildad-namnd", "nedlagd-namnd", "konsument-och-medborgarservice"}
    for ins in ("2:1", "2:4"):
        assert not new & set(duties.responsible(ins))
        for ar in range(2022, 2026):
            assert not new & set(duties.responsible(ins, ar))
    for ar in range(2022, 2026):
        m = year_matrix(ds, ar)
        assert m is not None and not new & {org for org, _ in m.cells}
    urval = owed_through_urval(ds.plan.model.insatser, ds.organisationer.model, (2022, 2025))
    assert len(urval["2:1"]) == 24  # the group in the period: the plan names none of them
    assert not new & set(urval["2:1"]) and not new & set(urval["2:4"])
    # validate: the same findings as the shipped data (no new missing report, no warning)
    assert [(f.code, Path(f.file).name) for f in validate(ds.root).findings] == [
        ("rapport-saknas", "business-region-goteborg.yaml")
    ]


def test_utsatta_plan_lists_the_group_in_the_period(ds: DataSet) -> None:
    ins = {i["id"]: i for i in plan_data(ds)["insatser"]}
    ids = [e["id"] for e in ins["2:1"]["ansvar"]]
    assert len(ids) == 24  # the five that ceased 2022-12-31 too: they held it in 2022
    assert "nybildad-namnd" not in ids and "nedlagd-namnd" not in ids
