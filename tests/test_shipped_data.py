"""The shipped data: the plan's 15 insatser with their ansvar exactly as the plan text says."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.check import validate
from utsatta.compute.responsibility import resolve
from utsatta.findings import Severity
from utsatta.load.dataset import load

DATA = Path(__file__).parent.parent / "data"

SN4 = ["socialnamnd-centrum", "socialnamnd-hisingen", "socialnamnd-nordost", "socialnamnd-sydvast"]
SN3 = SN4[1:]
ALLA = [  # "Vem omfattas av planen": every nämnd and styrelse the plan applies to
    *SN4,
    "konsument-och-medborgarservice",
    "kulturnamnden",
    "idrotts-och-foreningsnamnden",
    "forskolenamnden",
    "grundskolenamnden",
    "utbildningsnamnden",
    "arbetsmarknad-och-vuxenutbildning",
    "fastighetsnamnden",
    "byggnadsnamnden",
    "lokalnamnden",
    "park-och-naturnamnden",
    "trafiknamnden",
    "framtiden",
    "goteborgslokaler",
    "higab",
    "business-region-goteborg",
]
# The group "samtliga … med verksamhet i utsatta områden" is a selection by flag, which the
# organisations that took over from the plan's ones during the period carry too (fakta.md §6).
EFTERTRADARE = [
    "demokrati-och-medborgarservice",
    "stadsbyggnadsnamnden",
    "exploateringsnamnden",
    "stadsmiljonamnden",
    "stadsfastighetsnamnden",
]

# Read off the summary table under each insats in handlingsplan-2022-2025.txt:
# (samordningsansvar, ansvar, uppföljning) with groups resolved.
EXPECTED = {
    "1:1": (
        ["grundskolenamnden"],
        [
            "grundskolenamnden",
            "idrotts-och-foreningsnamnden",
            "kulturnamnden",
            "lokalnamnden",
            *SN4,
            "framtiden",
        ],
        "arlig",
    ),
    "1:2": (["grundskolenamnden"], ["grundskolenamnden"], "arlig"),
    "1:3": (["grundskolenamnden"], ["grundskolenamnden"], "arlig"),
    "1:4": (["grundskolenamnden"], ["grundskolenamnden"], "under-planperioden"),
    "1:5": (["forskolenamnden"], ["forskolenamnden", *SN3], "arlig"),
    "1:6": (SN4, [*SN4, "forskolenamnden", "grundskolenamnden"], "arlig"),
    "1:7": (SN4, SN4, "en-gang"),
    "2:1": (["kommunstyrelsen"], [*ALLA, *EFTERTRADARE], "arlig"),
    "2:2": (["lokalnamnden"], ["lokalnamnden", "forskolenamnden", "grundskolenamnden"], "arlig"),
    "2:3": (
        ["framtiden"],
        ["framtiden", "higab", "park-och-naturnamnden", "trafiknamnden"],
        "arlig",
    ),
    "2:4": (SN3, [*ALLA, *EFTERTRADARE], "arlig"),
    "2:5": (SN3, [*SN3, "idrotts-och-foreningsnamnden", "lokalnamnden"], "arlig"),
    "3:1": (
        ["konsument-och-medborgarservice", "kulturnamnden"],
        [
            "konsument-och-medborgarservice",
            "kulturnamnden",
            "idrotts-och-foreningsnamnden",
            "lokalnamnden",
            *SN4,
        ],
        "arlig",
    ),
    "3:2": (
        ["socialnamnd-centrum"],
        [*SN4, "forskolenamnden", "grundskolenamnden", "arbetsmarknad-och-vuxenutbildning"],
        "arlig",
    ),
    "3:3": (
        ["idrotts-och-foreningsnamnden"],
        [
            "idrotts-och-foreningsnamnden",
            "kulturnamnden",
            "konsument-och-medborgarservice",
            *SN4,
            "framtiden",
        ],
        "under-planperioden",
    ),
}


def test_plan_has_the_15_insatser_with_ansvar_as_written() -> None:
    """Every insats's samordningsansvar, ansvar and uppföljning match the plan's tables."""
    ds = load(DATA)
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model
    got = {
        i.id: (resolve(i.samordningsansvar, orgs), resolve(i.ansvar, orgs), i.uppfoljning.typ)
        for i in ds.plan.model.insatser
    }
    assert list(got) == list(EXPECTED)
    for insats_id, (samordning, ansvar, typ) in EXPECTED.items():
        assert got[insats_id][0] == samordning, insats_id
        assert sorted(got[insats_id][1]) == sorted(ansvar), insats_id
        assert got[insats_id][2] == typ, insats_id
    one_time = next(i for i in ds.plan.model.insatser if i.id == "1:7")
    assert one_time.uppfoljning.ar == 2023


def test_plan_metadata() -> None:
    """The plan's metadata and goal as in its text."""
    ds = load(DATA)
    assert ds.plan and ds.plan.model
    plan = ds.plan.model
    assert plan.plan.diarienummer == "1669/20"
    assert (plan.plan.giltighet.fran, plan.plan.giltighet.till) == (2022, 2025)
    assert plan.plan.beslutsdatum is None  # "[Text]" in the plan: not known
    assert [f.namn for f in plan.fokusomraden] == [
        "Barns och ungas uppväxtvillkor",
        "Grundläggande säkerhet och trygghet",
        "Inflytande, delaktighet och tillit",
    ]
    assert len(plan.mal.delmal) == 3
    insats_1_4 = next(i for i in plan.insatser if i.id == "1:4")
    # The table wins over the heading ("plan hur").
    assert "ta fram en plan för hur" in insats_1_4.titel


def test_police_lists_as_sourced() -> None:
    """The police levels per edition follow fakta.md §2, with a source on every known level."""
    ds = load(DATA)
    assert ds.omraden and ds.omraden.model
    levels = {o.id: {k.upplaga: k.niva for k in o.klassning} for o in ds.omraden.model.omraden}
    assert levels["bergsjon"] == dict.fromkeys(
        (2015, 2017, 2019, 2021, 2023, 2025), "sarskilt-utsatt"
    )
    assert levels["gardsten"][2019] == "riskomrade"
    assert levels["gardsten"][2021] == "utsatt"
    assert levels["biskopsgarden"][2023] == "riskomrade"
    assert levels["tynnered"][2021] == "riskomrade"
    assert levels["rannebergen"][2021] == "ej-pa-listan"
    assert levels["hisings-backa"][2015] == "okand"
    su_2023 = sorted(a for a, lv in levels.items() if lv[2023] == "sarskilt-utsatt")
    assert su_2023 == ["bergsjon", "hammarkullen", "hjallbo", "lovgardet"]


def test_shipped_data_has_no_errors() -> None:
    """`utsatta validate` on the shipped data finds no errors (missing reports are warnings)."""
    result = validate(DATA)
    errors = [f for f in result.findings if f.severity is Severity.FEL]
    assert errors == []
    assert {f.code for f in result.findings} <= {"rapport-saknas"}


@pytest.mark.parametrize("kind", ["plan", "organisationer", "omraden"])
def test_every_file_declares_its_schema_version(kind: str) -> None:
    text = (DATA / f"{kind}.yaml").read_text(encoding="utf-8")
    assert "\nschemaversion: 1\n" in f"\n{text}"


def test_police_levels_2025_as_the_sources_give_them() -> None:
    """fakta.md §2.2 (revised): the four non-SU areas are on the 2025 list, level unknown."""
    from utsatta.model.omraden import NIVAER_PA_LISTAN

    ds = load(DATA)
    assert ds.omraden and ds.omraden.model
    levels = {o.id: {k.upplaga: k.niva for k in o.klassning} for o in ds.omraden.model.omraden}
    unknown = sorted(a for a, lv in levels.items() if lv[2025] == "pa-listan-niva-okand")
    assert unknown == ["biskopsgarden", "gardsten", "hisings-backa", "tynnered"]
    assert sum(lv[2025] in NIVAER_PA_LISTAN for lv in levels.values()) == 8
    assert sum(lv[2025] == "sarskilt-utsatt" for lv in levels.values()) == 4
    names = {
        o.id: k.benamning
        for o in ds.omraden.model.omraden
        for k in o.klassning
        if k.upplaga == 2025
    }
    assert {a for a, b in names.items() if b == "extra utsatt"} == {
        "bergsjon",
        "hammarkullen",
        "hjallbo",
        "lovgardet",
    }


def test_every_source_of_areas_and_organisations_has_a_kind() -> None:
    """The report's legend can say, for every edition and cell, what kind of source it rests on."""
    ds = load(DATA)
    assert ds.omraden and ds.omraden.model and ds.organisationer and ds.organisationer.model
    for k in [*ds.omraden.model.kallor, *ds.organisationer.model.kallor]:
        assert k.slag is not None, k.id
    # the one police publication a level rests on (the report copies of 2015 and 2017 source
    # only the national figures)
    cited = {c for o in ds.omraden.model.omraden for k in o.klassning for c in k.kallor}
    polisen = {k.id for k in ds.omraden.model.kallor if k.slag == "polisen" and k.id in cited}
    assert polisen == {"polisen-vast-2023-12"}


def test_no_report_from_an_organisation_outside_its_validity() -> None:
    """Reports exist only for years in which their organisation existed (fakta.md §6)."""
    ds = load(DATA)
    assert ds.organisationer and ds.organisationer.model
    by_id = {o.id: o for o in ds.organisationer.model.organisationer}
    present = {(r.folder_year, r.path.stem) for r in ds.rapporter}
    assert (2022, "konsument-och-medborgarservice") not in present
    assert (2022, "demokrati-och-medborgarservice") in present
    for ar, org in present:
        o = by_id[org]
        assert o.giltig_till is None or int(o.giltig_till[:4]) >= ar, (ar, org)
        assert o.giltig_fran is None or int(o.giltig_fran[:4]) <= ar, (ar, org)


def test_illustrative_reports_name_no_real_area() -> None:
    """Illustrative texts claim nothing about real places (docs/decisions/0023): no area of
    omraden.yaml is named in them (the 'omraden' id lists only show the format)."""
    ds = load(DATA)
    assert ds.omraden and ds.omraden.model
    names = {part for o in ds.omraden.model.omraden for part in o.namn.split("/")}
    assert "Grevegården" in names and "Hisings Backa" in names
    checked = 0
    for rep in ds.rapporter:
        assert rep.model is not None and rep.model.illustrativ, rep.display
        text = " ".join(rep.path.read_text(encoding="utf-8").split())  # joins wrapped lines
        for name in names:
            assert name not in text, (rep.display, name)
        checked += 1
    assert checked >= 35


def test_illustrative_samordning_agrees_with_its_bedomning() -> None:
    """Socialnämnd Hisingen's 2025 report on 2:5 says Uppnått: its samordning text must not say
    the insats was not reached."""
    ds = load(DATA)
    for rep in ds.rapporter:
        if rep.model is None or rep.folder_year != 2025:
            continue
        for item in rep.model.insatser:
            if item.bedomning == "uppnatt":
                said = f"{item.motivering} {item.samordning or ''}"
                assert "inte nåtts" not in said and "inte nått" not in said, (rep.path, item.insats)
