"""Contradictions between a nämnd's own assessment and the computed status of linked indicators."""

from __future__ import annotations

from utsatta.compute.assessment import (
    MOTSAGER,
    EgenBedomning,
    IndikatorStatus,
    Motsagelse,
    contradictions,
)
from utsatta.compute.progress import Status
from utsatta.compute.status import MOT_MALVARDE


def test_exact_contradictions() -> None:
    own = [
        EgenBedomning("1:3", "grundskolenamnden", "bedoms-uppnas"),
        EgenBedomning("1:5", "forskolenamnden", "inte-uppnatt"),
        EgenBedomning("1:5", "socialnamnd-nordost", "osakert"),
        EgenBedomning("1:10", "kulturnamnden", "uppnatt"),
        EgenBedomning("1:1", "grundskolenamnden", "uppnatt"),
    ]
    ind = [
        IndikatorStatus("gymnasiebehorighet", ("1:3",), Status.FEL_RIKTNING),
        IndikatorStatus("forskola-andel", ("1:5",), Status.MAL_UPPNATT),
        IndikatorStatus("barn-ej-i-forskola", ("1:5",), Status.I_FAS),
        # a development never contradicts, however it goes
        IndikatorStatus("trygghet", ("1:5", "1:3"), Status.FORSAMRING),
        IndikatorStatus("x", ("1:10", "1:1"), Status.OTILLRACKLIG),
    ]
    assert contradictions(own, ind) == [
        Motsagelse(
            "1:1",
            "grundskolenamnden",
            "x",
            "uppnatt",
            Status.OTILLRACKLIG,
            "grundskolenamnden bedömer insats 1:1 som ”uppnått”, men indikatorn x, som hör till "
            "insatsen, har den beräknade statusen ”otillräcklig takt”. Se över bedömningen, eller "
            "förklara skillnaden i 'motivering'.",
        ),
        Motsagelse(
            "1:3",
            "grundskolenamnden",
            "gymnasiebehorighet",
            "bedoms-uppnas",
            Status.FEL_RIKTNING,
            "grundskolenamnden bedömer insats 1:3 som ”bedöms uppnås”, men indikatorn "
            "gymnasiebehorighet, som hör till insatsen, har den beräknade statusen ”fel riktning”. "
            "Se över bedömningen, eller förklara skillnaden i 'motivering'.",
        ),
        Motsagelse(
            "1:5",
            "forskolenamnden",
            "forskola-andel",
            "inte-uppnatt",
            Status.MAL_UPPNATT,
            "forskolenamnden bedömer insats 1:5 som ”inte uppnått”, men indikatorn "
            "forskola-andel, som hör till insatsen, har den beräknade statusen ”målet uppnått”. "
            "Se över bedömningen, eller förklara skillnaden i 'motivering'.",
        ),
        # "1:10" sorts after "1:5" (numbers, not text)
        Motsagelse(
            "1:10",
            "kulturnamnden",
            "x",
            "uppnatt",
            Status.OTILLRACKLIG,
            "kulturnamnden bedömer insats 1:10 som ”uppnått”, men indikatorn x, som hör till "
            "insatsen, har den beräknade statusen ”otillräcklig takt”. Se över bedömningen, eller "
            "förklara skillnaden i 'motivering'.",
        ),
    ]


def test_what_does_not_contradict() -> None:
    ind = [
        IndikatorStatus("a", ("2:1",), Status.EJ_BEDOMBAR),
        IndikatorStatus("b", ("2:1",), Status.BEHOVER_OKA_TAKTEN),
        IndikatorStatus("c", ("2:1",), Status.I_FAS),
    ]
    own = [
        EgenBedomning("2:1", "o", b)
        for b in ("uppnatt", "bedoms-uppnas", "osakert", "bedoms-inte-uppnas", "inte-uppnatt")
    ]
    assert contradictions(own, ind) == []
    # an indicator linked to another insats, or to none, never contradicts
    assert contradictions(own, [IndikatorStatus("d", ("2:2",), Status.FEL_RIKTNING)]) == []
    assert contradictions(own, [IndikatorStatus("e", (), Status.FEL_RIKTNING)]) == []


def test_bedoms_inte_uppnas_against_target_met() -> None:
    found = contradictions(
        [EgenBedomning("3:1", "namnden-for-konsument-och-medborgarservice", "bedoms-inte-uppnas")],
        [IndikatorStatus("tackning", ("3:1", "3:1"), Status.MALVARDE_NATT)],  # duplicate link
    )
    assert [(m.indikator, m.bedomning, m.status) for m in found] == [
        ("tackning", "bedoms-inte-uppnas", Status.MALVARDE_NATT)
    ]
    assert found[0].meddelande.endswith(
        "har den beräknade statusen ”målvärdet nått före målåret”. Se över bedömningen, eller "
        "förklara skillnaden i 'motivering'."
    )


def test_only_goal_statuses_contradict() -> None:
    development = {Status.FORBATTRING, Status.INGEN_TYDLIG_FORANDRING, Status.FORSAMRING}
    for statuses in MOTSAGER.values():
        assert not statuses & (development | {Status.EJ_BEDOMBAR})
        assert statuses <= MOT_MALVARDE
    own = [
        EgenBedomning("4:1", "o", b)
        for b in ("uppnatt", "bedoms-uppnas", "osakert", "bedoms-inte-uppnas", "inte-uppnatt")
    ]
    for status in (*development, Status.EJ_BEDOMBAR):
        assert contradictions(own, [IndikatorStatus("x", ("4:1",), status)]) == []
    # the målår has come without the målvärde: "uppnått" contradicts it
    found = contradictions(own, [IndikatorStatus("x", ("4:1",), Status.MAL_EJ_UPPNATT)])
    assert [m.bedomning for m in found] == ["uppnatt", "bedoms-uppnas"]
