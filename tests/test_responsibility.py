"""Duties over time: who owes which insats in a year, with validity periods and successors.

The expected values are read by hand off data/organisationer.yaml and data/plan.yaml (fakta.md §6).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utsatta.compute.completeness import Cell, matrix
from utsatta.compute.responsibility import (
    Ansvarsgrund,
    Arv,
    Duties,
    exists_at_year_end,
    resolve,
    responsible,
    samordnande,
)
from utsatta.load.dataset import load
from utsatta.model.organisationer import Efterfoljare, Organisation, OrganisationerFil
from utsatta.model.plan import PlanFil

DATA = Path(__file__).parent.parent / "data"
_DS = load(DATA)
assert _DS.plan and _DS.plan.model and _DS.organisationer and _DS.organisationer.model
PLAN: PlanFil = _DS.plan.model
ORGS: OrganisationerFil = _DS.organisationer.model
DUTIES = Duties(list(PLAN.insatser), ORGS)
CEASED_2022 = [
    "byggnadsnamnden",
    "fastighetsnamnden",
    "lokalnamnden",
    "park-och-naturnamnden",
    "trafiknamnden",
]
NEW_2023 = [
    "stadsbyggnadsnamnden",
    "exploateringsnamnden",
    "stadsmiljonamnden",
    "stadsfastighetsnamnden",
]


def _insats(insats_id: str):  # type: ignore[no-untyped-def]
    return next(i for i in PLAN.insatser if i.id == insats_id)


def _with(orgs: OrganisationerFil, **changes: dict[str, object]) -> OrganisationerFil:
    """A copy of ``orgs`` with some organisations' fields replaced."""
    return orgs.model_copy(
        update={
            "organisationer": [
                o.model_copy(update=changes[o.id]) if o.id in changes else o
                for o in orgs.organisationer
            ]
        }
    )


def test_validity_is_judged_on_the_last_day_of_the_year() -> None:
    by_id = {o.id: o for o in ORGS.organisationer}
    assert exists_at_year_end(by_id["lokalnamnden"], 2022)
    assert not exists_at_year_end(by_id["lokalnamnden"], 2023)
    assert not exists_at_year_end(by_id["stadsmiljonamnden"], 2022)
    assert exists_at_year_end(by_id["stadsmiljonamnden"], 2023)
    assert not exists_at_year_end(by_id["konsument-och-medborgarservice"], 2021)
    assert exists_at_year_end(by_id["demokrati-och-medborgarservice"], 2021)


def test_a_ceased_organisation_owes_nothing_in_2023() -> None:
    m = matrix(PLAN, ORGS, 2023, {})
    for org in [*CEASED_2022, "konsument-och-medborgarservice"]:
        assert org not in m.organisationer
        assert not [pair for pair in m.cells if pair[0] == org]
    why = DUTIES.why("lokalnamnden", "2:2", 2023)
    assert (why.ansvarig, why.grund) == (False, "upphord")
    # … and did owe it in 2022, because the plan names it.
    assert DUTIES.why("lokalnamnden", "2:2", 2022) == Ansvarsgrund(
        "lokalnamnden", "2:2", 2022, True, "planen"
    )


def test_konsument_och_medborgarservice_owes_nothing_in_2022() -> None:
    """It ceased in October 2021: 2022 is already its successor's year."""
    m = matrix(PLAN, ORGS, 2022, {})
    assert "konsument-och-medborgarservice" not in m.organisationer
    assert DUTIES.why("konsument-och-medborgarservice", "3:1", 2022).grund == "upphord"
    why = DUTIES.why("demokrati-och-medborgarservice", "3:1", 2022)
    step = Arv(
        "konsument-och-medborgarservice",
        "demokrati-och-medborgarservice",
        "bekraftad",
        ("goteborg-namnden-demokrati-och-medborgarservice",),
        "2021-11-01",
        "slutledd",  # the day is a choice (organisationer.yaml: giltig_till_sakerhet)
    )
    assert why == Ansvarsgrund(
        "demokrati-och-medborgarservice", "3:1", 2022, True, "arv", ((step,),), False
    )
    # Samordningsansvar is inherited too: 3:1 is coordinated with kulturnämnden.
    assert DUTIES.samordnande("3:1", 2022) == ["demokrati-och-medborgarservice", "kulturnamnden"]
    assert samordnande(_insats("3:1"), ORGS, 2022) == DUTIES.samordnande("3:1", 2022)


def test_stadsmiljonamnden_owes_2_3_in_2023_from_two_predecessors() -> None:
    why = DUTIES.why("stadsmiljonamnden", "2:3", 2023)
    assert why.ansvarig and why.grund == "arv" and why.slutledd
    assert why.fran() == ["park-och-naturnamnden", "trafiknamnden"]
    assert all(c[0].tolkning == "slutledd" for c in why.arv)
    assert responsible(_insats("2:3"), ORGS, 2023) == ["framtiden", "higab", "stadsmiljonamnden"]
    assert responsible(_insats("2:3"), ORGS, 2022) == [
        "framtiden",
        "higab",
        "park-och-naturnamnden",
        "trafiknamnden",
    ]
    # Not yet formed in 2022.
    assert DUTIES.why("stadsmiljonamnden", "2:3", 2022).grund == "ej-bildad"
    # Without a year: the plan's organisations, then every heir.
    assert responsible(_insats("2:3"), ORGS) == [
        "framtiden",
        "higab",
        "park-och-naturnamnden",
        "trafiknamnden",
        "stadsmiljonamnden",
    ]


def test_fastighetsnamnden_is_split_per_insats_and_lokalnamnden_passes_on_coordination() -> None:
    why = DUTIES.why("stadsfastighetsnamnden", "2:1", 2023)
    # Named through the group by flag, and an heir of both lokalnämnden and fastighetsnämnden.
    assert why.grund == "planen"
    assert why.fran() == ["fastighetsnamnden", "lokalnamnden"]  # organisationer.yaml order
    assert why.slutledd and all(c[-1].tolkning == "slutledd" for c in why.arv)
    plain = DUTIES.why("kulturnamnden", "3:1", 2023)
    assert (plain.grund, plain.arv, plain.slutledd) == ("planen", (), False)
    assert DUTIES.why("exploateringsnamnden", "2:4", 2023).fran() == ["fastighetsnamnden"]
    assert DUTIES.why("exploateringsnamnden", "2:2", 2023).grund == "ej-namnd"
    assert DUTIES.samordnande("2:2", 2023) == ["stadsfastighetsnamnden"]
    assert DUTIES.responsible("2:2", 2023) == [
        "stadsfastighetsnamnden",
        "forskolenamnden",
        "grundskolenamnden",
    ]


def test_the_shipped_reports_of_2023_match_the_duties() -> None:
    """Every owed report of the new nämnder is in, and nobody owes what no longer exists."""
    from utsatta.compute.duties import reported

    done = reported(_DS)
    m = matrix(PLAN, ORGS, 2023, done)
    for org in [*NEW_2023, "demokrati-och-medborgarservice"]:
        owed = sorted(i for o, i in m.owed if o == org)
        assert owed == sorted(done[2023][org]), org
    assert {o for o, _ in m.saknas()} == {"business-region-goteborg"}


def test_a_predecessors_aterrapportering_counts_for_the_successor() -> None:
    """3:3 is owed in 2025 of whoever has not reported it; a predecessor's report counts.

    In the shipped data konsument- och medborgarservice ceased before the plan period, so the
    case is built by moving its end to 2022-12-31 (and the successor's start to 2023-01-01).
    """
    orgs = _with(
        ORGS,
        **{
            "konsument-och-medborgarservice": {"giltig_till": "2022-12-31"},
            "demokrati-och-medborgarservice": {"giltig_fran": "2023-01-01"},
        },
    )
    pair = ("demokrati-och-medborgarservice", "3:3")
    before = {2022: {"konsument-och-medborgarservice": ["3:3"]}}
    m = matrix(PLAN, orgs, 2025, before)
    assert m.cells[pair] is Cell.TIDIGARE and pair not in m.owed
    m = matrix(PLAN, orgs, 2025, {})
    assert m.cells[pair] is Cell.SAKNAS and pair in m.owed
    # In the shipped data the successor's own earlier report counts the same way.
    m = matrix(PLAN, ORGS, 2025, {2023: {"demokrati-och-medborgarservice": ["3:3"]}})
    assert m.cells[pair] is Cell.TIDIGARE
    m = matrix(PLAN, ORGS, 2024, {})
    assert m.cells[pair] is Cell.FRIVILLIG


def test_a_chain_of_successors_and_an_insats_split() -> None:
    """trafiknämnden → stadsmiljönämnden → a later nämnd that takes over only 2:3."""
    later = Organisation(
        id="ny-namnd",
        namn="Ny nämnd",
        typ="namnd",
        verksamhet_i_utsatta_omraden=False,
        giltig_fran="2025-01-01",
    )
    orgs = _with(
        ORGS,
        stadsmiljonamnden={
            "giltig_till": "2024-12-31",
            "efterfoljare": [
                Efterfoljare(organisation="ny-namnd", insatser=["2:3"], tolkning="bekraftad")
            ],
        },
    )
    orgs = orgs.model_copy(update={"organisationer": [*orgs.organisationer, later]})
    d = Duties(list(PLAN.insatser), orgs)
    why = d.why("ny-namnd", "2:3", 2025)
    assert why.grund == "arv" and [len(c) for c in why.arv] == [2, 2]
    assert why.fran() == ["park-och-naturnamnden", "trafiknamnden"]
    assert why.slutledd  # the first step of each chain is an inference
    assert d.responsible("2:3", 2024) == ["framtiden", "higab", "stadsmiljonamnden"]
    assert d.responsible("2:3", 2025) == ["framtiden", "higab", "ny-namnd"]
    # 2:1 was not passed on: nobody holds stadsmiljönämndens share of it in 2025.
    assert "ny-namnd" not in d.responsible("2:1", 2025)
    assert "stadsmiljonamnden" not in d.responsible("2:1", 2025)


def test_a_cycle_of_successors_ends() -> None:
    orgs = _with(
        ORGS,
        stadsmiljonamnden={
            "giltig_till": "2023-12-31",
            "efterfoljare": [Efterfoljare(organisation="trafiknamnden", tolkning="slutledd")],
        },
    )
    assert Duties(list(PLAN.insatser), orgs).responsible("2:3", 2024) == ["framtiden", "higab"]


@pytest.mark.parametrize("ar", [2022, 2023, 2024, 2025])
def test_every_holder_exists_at_the_end_of_the_year(ar: int) -> None:
    by_id = {o.id: o for o in ORGS.organisationer}
    m = matrix(PLAN, ORGS, ar, {})
    assert m.organisationer
    for org in m.organisationer:
        assert exists_at_year_end(by_id[org], ar), (org, ar)
    assert set(m.grunder) == set(m.cells)


_IDS = [o.id for o in ORGS.organisationer] + [g.id for g in ORGS.grupper] + ["okand-x"]


@settings(max_examples=60, deadline=None)
@given(
    ids=st.lists(st.sampled_from(_IDS), max_size=12),
    ar=st.one_of(st.none(), st.integers(2020, 2027)),
    data=st.data(),
)
def test_resolve_is_order_independent_and_idempotent(
    ids: list[str], ar: int | None, data: st.DataObject
) -> None:
    got = resolve(ids, ORGS, ar)
    shuffled = data.draw(st.permutations(ids))
    assert set(resolve(shuffled, ORGS, ar)) == set(got)
    assert len(got) == len(set(got))
    assert resolve(got, ORGS, ar) == got
    if ar is not None:
        assert set(got) <= set(resolve(ids, ORGS))


def test_the_scaffold_of_an_heir_lists_its_inherited_duties_and_coordination() -> None:
    """`utsatta ny rapport 2024 stadsfastighetsnamnden`: lokalnämndens insatser, and 'samordning'
    for 2:2, whose samordningsansvar it inherited."""
    from utsatta.scaffold import report_scaffold

    text = report_scaffold(_DS, 2024, "stadsfastighetsnamnden")
    listed = re.findall(r'- insats: "([0-9:]+)"', text)
    assert listed == ["1:1", "2:1", "2:2", "2:4", "2:5", "3:1"]
    block_2_2 = text.split('- insats: "2:2"')[1].split("- insats:")[0]
    assert "samordning: |" in block_2_2
    assert text.count("samordning: |") == 1
