"""The succession rules (check.rules.succession, docs/decisions/0610, 0615, 0654): the cases
the case folders do not show, each with its exact finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from utsatta.check.rules import succession
from utsatta.compute.responsibility import Duties
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil

BASE = Path(__file__).parent / "cases" / "_base"


def _plan() -> PlanFil:
    data = YAML(typ="safe").load((BASE / "plan.yaml").read_text(encoding="utf-8"))
    return PlanFil.model_validate(data)


def _org(ident: str, **extra: Any) -> dict[str, Any]:
    namn = ident.capitalize()
    base = {"id": ident, "namn": namn, "typ": "namnd", "verksamhet_i_utsatta_omraden": False}
    return base | extra


def _check(
    *orgs: dict[str, Any], grupper: list[dict[str, Any]] | None = None
) -> list[tuple[str, tuple[str | int, ...], str]]:
    plan = _plan()
    model = OrganisationerFil.model_validate(
        {
            "schemaversion": 1,
            "organisationer": [_org("kommunstyrelsen"), *orgs],
            "grupper": grupper or [],
        }
    )
    found = succession.check("organisationer.yaml", plan, model, Duties(list(plan.insatser), model))
    return [(f.code, tuple(f.path or ()), f.message) for f in found]


def test_an_inherited_duty_is_lost_too() -> None:
    """A → B → (none): B holds 1:1 and 1:4 only by inheritance, and loses them from 2025."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2022-12-31",
        efterfoljare=[{"organisation": "b", "tolkning": "bekraftad"}],
    )
    b = _org("b", giltig_fran="2023-01-01", giltig_till="2024-12-31")
    assert _check(a, b) == [
        (
            "upphor-utan-efterfoljare",
            ("organisationer", 2, "giltig_till"),
            "B upphörde 2024-12-31, inom planperioden, men har inga efterföljare: från "
            "2025-01-01 tar ingen organisation över det ansvar för insatserna 1:1 och 1:4 som B "
            "hade enligt planen. Ange under 'efterfoljare' vem som tog över ('organisation', "
            "'tolkning' och 'kallor' med id för källan som säger det). Tog ingen över, skriv "
            "'efterfoljare: []' och en 'kommentar' som säger varför.",
        )
    ]


def test_an_empty_list_without_a_comment_explains_nothing() -> None:
    """'efterfoljare: []' alone is no answer, nor a 'kommentar' alone; both together are."""
    bare = _org("grundskolenamnden", giltig_till="2023-06-30", efterfoljare=[])
    assert [code for code, _, _ in _check(bare)] == ["upphor-utan-efterfoljare"]
    said = _org("grundskolenamnden", giltig_till="2023-06-30", kommentar="Nedlagd.")
    assert [code for code, _, _ in _check(said)] == ["upphor-utan-efterfoljare"]
    explained = _org(
        "grundskolenamnden", giltig_till="2023-06-30", efterfoljare=[], kommentar="Nedlagd."
    )
    assert _check(explained) == []


def test_only_an_end_inside_the_period_without_duties_elsewhere() -> None:
    """The last day of the period (the duties of every year are done), a day before it, and
    an organisation without duties in the plan."""
    done = _org("grundskolenamnden", giltig_till="2025-12-31")
    assert _check(done) == []
    early = _org("grundskolenamnden", giltig_till="2021-12-31")
    assert _check(early) == []
    no_duty = _org("fritidsnamnden", giltig_till="2023-12-31")
    assert _check(no_duty) == []


def test_a_successor_of_a_duty_inherited_is_no_typo() -> None:
    """B passes on 1:4, which it holds only from A: a duty, so no warning; 2:1 it never had."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2022-12-31",
        efterfoljare=[{"organisation": "b", "tolkning": "bekraftad"}],
    )
    b = _org(
        "b",
        giltig_fran="2023-01-01",
        giltig_till="2023-12-31",
        efterfoljare=[
            {"organisation": "c", "insatser": ["1:1", "1:4", "2:1"], "tolkning": "slutledd"}
        ],
    )
    c = _org("c", giltig_fran="2024-01-01")
    assert _check(a, b, c) == [
        (
            "efterfoljare-insats-utan-ansvar",
            ("organisationer", 2, "efterfoljare", 0, "insatser", 2),
            "Efterföljaren 'c' anges ta över insats 2:1, men B hade inget ansvar för den "
            "insatsen enligt planen (varken namngiven, i en grupp eller genom en föregångare), "
            "så det finns inget att ta över. B har ansvar för insatserna 1:1 och 1:4. Rätta "
            "insatsens id, eller ta bort det ur 'insatser'.",
        )
    ]


def _partial(*successors: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """Grundskolenämnden (1:1 and 1:4 by name) ends 2023-06-30."""
    return (
        _org("grundskolenamnden", giltig_till="2023-06-30", efterfoljare=list(successors)) | extra
    )


def _to(ident: str, *insatser: str) -> dict[str, Any]:
    return {"organisation": ident, "insatser": list(insatser), "tolkning": "slutledd"}


def test_successors_for_part_of_the_duties_leave_the_rest_to_no_one() -> None:
    """Two successors, both for 1:4 only: 1:1 goes to no one; each successor named once (a
    repeated entry too)."""
    found = _check(_partial(_to("b", "1:4"), _to("c", "1:4"), _to("b", "1:4")))
    assert found == [
        (
            "efterfoljare-tacker-inte-allt",
            ("organisationer", 1, "efterfoljare"),
            "Grundskolenamnden upphörde 2023-06-30, inom planperioden, men efterföljarna ('b' "
            "och 'c') tar bara över en del av dess ansvar enligt planen: från 2023-07-01 tar "
            "ingen organisation över det ansvar för insats 1:1 som Grundskolenamnden hade. Lägg "
            "till insatsen under 'insatser' hos den efterföljare som tog över den (med 'kallor' "
            "för källan som säger det). Tog ingen över, skriv en 'kommentar' för organisationen "
            "(bredvid 'efterfoljare') som säger varför.",
        )
    ]


def test_a_successor_for_no_insats_leaves_everything() -> None:
    """'insatser: []' takes nothing over: every duty is left, in the plan's order."""
    assert _check(_partial(_to("b"))) == [
        (
            "efterfoljare-tacker-inte-allt",
            ("organisationer", 1, "efterfoljare"),
            "Grundskolenamnden upphörde 2023-06-30, inom planperioden, men efterföljaren ('b') "
            "tar bara över en del av dess ansvar enligt planen: från 2023-07-01 tar ingen "
            "organisation över det ansvar för insatserna 1:1 och 1:4 som Grundskolenamnden "
            "hade. Lägg till varje sådan insats under 'insatser' hos den efterföljare som tog "
            "över den (med 'kallor' för källan som säger det). Tog ingen över, skriv en "
            "'kommentar' för organisationen (bredvid 'efterfoljare') som säger varför.",
        )
    ]


def test_covered_duties_a_successor_of_all_or_a_comment_give_no_warning() -> None:
    """Together the successors take everything; one of them without 'insatser' takes all; a
    'kommentar' is the answer for the rest; an end on the period's last day leaves no year,
    one before the period no duty."""
    assert _check(_partial(_to("b", "1:1"), _to("c", "1:4"))) == []
    every = {"organisation": "c", "tolkning": "slutledd"}
    assert _check(_partial(_to("b", "1:4"), every)) == []
    assert _check(_partial(_to("b", "1:4"), kommentar="Ingen tog över 1:1.")) == []
    assert _check(_partial(_to("b", "1:4"), giltig_till="2025-12-31")) == []
    assert _check(_partial(_to("b", "1:4"), giltig_till="2021-12-31")) == []


def test_an_inherited_duty_left_by_the_next_successor() -> None:
    """A → B (everything) → C (1:1 only): B leaves 1:4, which it held only from A."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2022-12-31",
        efterfoljare=[{"organisation": "b", "tolkning": "bekraftad"}],
    )
    b = _org(
        "b", giltig_fran="2023-01-01", giltig_till="2023-12-31", efterfoljare=[_to("c", "1:1")]
    )
    c = _org("c", giltig_fran="2024-01-01")
    found = _check(a, b, c)
    assert [(code, path) for code, path, _ in found] == [
        ("efterfoljare-tacker-inte-allt", ("organisationer", 2, "efterfoljare"))
    ]
    assert (
        "från 2024-01-01 tar ingen organisation över det ansvar för insats 1:4 som B hade."
        in (found[0][2])
    )


def test_a_successor_formed_later_leaves_the_days_between_to_no_one() -> None:
    """A gap inside one year (the heir exists on 31 December: no year is lost), on the
    successor's entry, with one day's wording (docs/decisions/0654)."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2023-03-31",
        efterfoljare=[{"organisation": "b", "tolkning": "bekraftad"}],
    )
    b = _org("b", giltig_fran="2023-04-02")
    assert _check(a, b) == [
        (
            "efterfoljare-borjar-senare",
            ("organisationer", 1, "efterfoljare", 0),
            "Grundskolenamnden upphörde 2023-03-31, men efterföljaren B ('b') bildades först "
            "2023-04-02: under dagen emellan (2023-04-01) hade ingen organisation det ansvar för "
            "insatserna 1:1 och 1:4 som Grundskolenamnden hade enligt planen. Rätta 'giltig_till' "
            "för Grundskolenamnden eller 'giltig_fran' för B om något av datumen är fel. Annars "
            "lägg till den organisation som hade insatserna emellan, med 'giltig_fran' och "
            "'giltig_till' för tiden emellan och 'b' som sin efterföljare; hade ingen dem, skriv "
            "en 'kommentar' under efterföljaren som säger varför.",
        )
    ]


def test_a_gap_names_only_what_the_successor_takes_over_and_the_years_lost() -> None:
    """Two successors, one for 1:4 formed in time, one for 1:1 formed two years later: the
    warning is the late one's, for 1:1, and 2023 and 2024 have no one who reports it."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2022-12-31",
        efterfoljare=[
            {"organisation": "b", "insatser": ["1:4"], "tolkning": "bekraftad"},
            {"organisation": "c", "insatser": ["1:1"], "tolkning": "slutledd"},
        ],
    )
    b = _org("b", giltig_fran="2023-01-01")
    c = _org("c", giltig_fran="2025-01-01")
    found = _check(a, b, c)
    assert [(code, path) for code, path, _ in found] == [
        ("efterfoljare-borjar-senare", ("organisationer", 1, "efterfoljare", 1))
    ]
    assert found[0][2].startswith(
        "Grundskolenamnden upphörde 2022-12-31, men efterföljaren C ('c') bildades först "
        "2025-01-01: under de 731 dagarna emellan (2023-01-01 till och med 2024-12-31) hade "
        "ingen organisation det ansvar för insats 1:1 som Grundskolenamnden hade enligt "
        "planen. Ingen rapporterar dem för 2023 och 2024: året rapporteras av den som finns "
        "den 31 december. Rätta"
    )


def test_a_successor_formed_before_the_end_is_no_gap() -> None:
    """An overlap (the new nämnd formed before the old one closed) and the next day exactly
    give nothing; the heir takes over the day after the predecessor's last day."""
    for start in ("2022-09-01", "2023-01-01"):
        a = _org(
            "grundskolenamnden",
            giltig_till="2022-12-31",
            efterfoljare=[{"organisation": "b", "tolkning": "bekraftad"}],
        )
        assert _check(a, _org("b", giltig_fran=start)) == []
        model = OrganisationerFil.model_validate(
            {"schemaversion": 1, "organisationer": [a, _org("b", giltig_fran=start)]}
        )
        (step,) = Duties(list(_plan().insatser), model).successors("grundskolenamnden", "1:1")
        assert (step.datum, step.datum_sakerhet) == ("2023-01-01", None)


def test_after_a_gap_the_heir_takes_over_on_its_first_day() -> None:
    """The inheritance never claims the heir from a day it did not exist: the day is its
    'giltig_fran', as sure as that day (decision 0654)."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2022-06-30",
        efterfoljare=[{"organisation": "b", "tolkning": "bekraftad"}],
    )
    b = _org("b", giltig_fran="2023-03-01", giltig_fran_sakerhet="slutledd")
    model = OrganisationerFil.model_validate({"schemaversion": 1, "organisationer": [a, b]})
    duties = Duties(list(_plan().insatser), model)
    (step,) = duties.successors("grundskolenamnden", "1:1")
    assert (step.datum, step.datum_sakerhet) == ("2023-03-01", "slutledd")
    # 2022: the predecessor had ceased and the heir did not exist yet: no one holds 1:1's part
    assert duties.heirs("grundskolenamnden", "1:1", 2022) == []
    assert [c[-1].datum for c in duties.heirs("grundskolenamnden", "1:1", 2023)] == ["2023-03-01"]


def test_a_successor_gone_by_the_predecessors_last_day_never_took_over() -> None:
    """An overlap whose successor ended the same day as its predecessor (or before): it did
    not exist on the day it would take over (decision 0654)."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2023-12-31",
        efterfoljare=[{"organisation": "b", "insatser": ["1:4"], "tolkning": "bekraftad"}],
        kommentar="Ingen tog över 1:1.",
    )
    b = _org("b", giltig_fran="2023-01-01", giltig_till="2023-12-31", efterfoljare=[])
    b["kommentar"] = "Lades ned."
    assert _check(a, b) == [
        (
            "efterfoljare-upphor-forst",
            ("organisationer", 1, "efterfoljare", 0),
            "Efterföljaren B ('b') upphörde 2023-12-31, samma dag som Grundskolenamnden upphörde "
            "2023-12-31, och fanns inte 2024-01-01 när den skulle ta över ansvaret för insats "
            "1:4. Rätta 'giltig_till' för B eller för Grundskolenamnden, eller ange den "
            "organisation som tog över.",
        )
    ]


def test_a_successor_gone_first_loses_only_what_it_held_itself() -> None:
    """B ended before A, its predecessor: A's 1:1 and 1:4 only pass through B (the walk's
    chain), B never held them, so its end without a successor loses only what the plan gave
    it (1:1 and 1:7, through Socialnämnderna), not 1:4. Was: upphor-utan-efterfoljare for
    1:1, 1:4 and 1:7 besides efterfoljare-upphor-forst, with other advice (org23b)."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2023-12-31",
        efterfoljare=[{"organisation": "b", "tolkning": "bekraftad"}],
    )
    b = _org("b", giltig_fran="2022-01-01", giltig_till="2023-06-30")
    found = _check(a, b, grupper=[{"id": "socialnamnderna", "namn": "S", "medlemmar": ["b"]}])
    assert [(code, path) for code, path, _ in found] == [
        ("efterfoljare-upphor-forst", ("organisationer", 1, "efterfoljare", 0)),
        ("upphor-utan-efterfoljare", ("organisationer", 2, "giltig_till")),
    ]
    assert found[1][2] == (
        "B upphörde 2023-06-30, inom planperioden, men har inga efterföljare: från 2023-07-01 "
        "tar ingen organisation över det ansvar för insatserna 1:1 och 1:7 som B hade enligt "
        "planen. Ange under 'efterfoljare' vem som tog över ('organisation', 'tolkning' och "
        "'kallor' med id för källan som säger det). Tog ingen över, skriv 'efterfoljare: []' "
        "och en 'kommentar' som säger varför."
    )
    # nothing of its own: only efterfoljare-upphor-forst
    assert [code for code, _, _ in _check(a, b)] == ["efterfoljare-upphor-forst"]


def test_a_successor_that_outlived_its_predecessor_loses_what_it_took_over() -> None:
    """The same chain with B ending after A: B held 1:1 and 1:4 from 2024, and loses them."""
    a = _org(
        "grundskolenamnden",
        giltig_till="2023-12-31",
        efterfoljare=[{"organisation": "b", "insatser": ["1:4"], "tolkning": "bekraftad"}],
        kommentar="Ingen tog över 1:1.",
    )
    b = _org("b", giltig_fran="2022-01-01", giltig_till="2024-06-30")
    assert [(code, path[-1]) for code, path, _ in _check(a, b)] == [
        ("upphor-utan-efterfoljare", "giltig_till")
    ]
    assert "för insats 1:4 som B hade" in _check(a, b)[0][2]
