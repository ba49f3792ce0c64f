"""An insats 'ej-paborjad' after an earlier year's report had begun it (status-bakat, decision
0537), on the shipped data: the reviewer's reproduction (granska17 F-m), a predecessor's report,
a check of either file alone, each advice followed, and what is no step back."""

from __future__ import annotations

import shutil
from pathlib import Path

import utsatta
from tests.support import SHIPPED, edited_findings, findings_in

HIGAB = "rapporter/2025/higab.yaml"
DONE = (
    '  - insats: "2:3"\n    status: genomford\n    nulage: |\n'
    "      Skötseln kring bolagets fastigheter har följt den gemensamma basnivån hela året.\n"
    "    omraden: [bergsjon, hammarkullen]\n    bedomning: uppnatt\n"
)
NOT_STARTED = (
    DONE.replace("status: genomford", "status: ej-paborjad")
    .replace("[bergsjon, hammarkullen]", "[]")
    .replace("bedomning: uppnatt", "bedomning: osakert")
)


def test_genomford_2024_then_ej_paborjad_2025(tmp_path: Path) -> None:
    found = edited_findings(tmp_path, HIGAB, DONE, NOT_STARTED)
    data = tmp_path / "data"
    assert found == [
        (
            19,
            13,
            "status-bakat",
            f"Insats 2:3 var genomförd i rapporten för 2024 ({data / 'rapporter/2024/higab.yaml'}) "
            "men är 'ej-paborjad' här. Rätta 'status' till det som gäller i år ('genomford', "
            "'pagaende' eller 'forsenad', eller 'avbruten' om arbetet har brutits); var "
            "insatsen i själva verket inte påbörjad, skriv i stället status: ej-paborjad i "
            "rapporterna för 2022, 2023 och 2024 ("
            + ", ".join(str(data / f"rapporter/{y}/higab.yaml") for y in (2022, 2023, 2024))
            + "), och där även omraden: [] och, i rapporterna för 2023 och 2024, bedomning: "
            "inte-uppnatt eller bedoms-inte-uppnas i stället för 'uppnatt'.",
        )
    ]


def test_each_advice_followed_gives_no_finding(tmp_path: Path) -> None:
    for n, status in enumerate(("genomford", "pagaende", "forsenad", "avbruten")):
        fixed = NOT_STARTED.replace("status: ej-paborjad", f"status: {status}")
        assert edited_findings(tmp_path / str(n), HIGAB, DONE, fixed) == [], status
    # or the earlier reports were the wrong ones: not begun then either, and then (as the
    # advice says) reaching no område and, where it said 'uppnatt', not reached (granska17b F7)
    data = tmp_path / "earlier" / "data"
    shutil.copytree(SHIPPED, data)
    later = data / HIGAB
    later.write_text(later.read_text("utf-8").replace(DONE, NOT_STARTED), "utf-8")
    for y, status, bedomning in (
        (2022, "pagaende", "bedoms-uppnas"),
        (2023, "genomford", "uppnatt"),
        (2024, "genomford", "uppnatt"),
    ):
        earlier = data / f"rapporter/{y}/higab.yaml"
        old = earlier.read_text("utf-8")
        begun = f'  - insats: "2:3"\n    status: {status}\n'
        post = old[old.index(begun) :]
        post = post[: post.index("    motivering:")]
        assert old.count(begun) == 1
        assert post.endswith(f"    omraden: [bergsjon, hammarkullen]\n    bedomning: {bedomning}\n")
        fixed = (
            post.replace(f"status: {status}", "status: ej-paborjad")
            .replace("[bergsjon, hammarkullen]", "[]")
            .replace("bedomning: uppnatt", "bedomning: bedoms-inte-uppnas")
        )
        earlier.write_text(old.replace(post, fixed), "utf-8")
    # nothing but what the shipped data has anyway (one missing report of another organisation)
    assert (
        _where_found(data)
        == _where_found(SHIPPED)
        == [("rapporter/2023/business-region-goteborg.yaml", 1, "rapport-saknas")]
    )


def test_avbruten_advice_when_this_year_says_it_is_expected(tmp_path: Path) -> None:
    """'avbruten' contradicts 'bedoms-uppnas' (motsagande-bedomning): the advice says so, and
    followed with another bedömning it leaves no finding."""
    expected = NOT_STARTED.replace("bedomning: osakert", "bedomning: bedoms-uppnas")
    found = edited_findings(tmp_path / "a", HIGAB, DONE, expected)
    assert [(row, code) for row, _, code, _ in found] == [(19, "status-bakat")]
    assert (
        "('genomford', 'pagaende' eller 'forsenad', eller 'avbruten' med en annan bedömning än "
        "'bedoms-uppnas' om arbetet har brutits); var insatsen" in found[0][3]
    )
    stopped = expected.replace("status: ej-paborjad", "status: avbruten")
    assert [c for _, _, c, _ in edited_findings(tmp_path / "b", HIGAB, DONE, stopped)] == [
        "motsagande-bedomning"
    ]
    fixed = stopped.replace("bedomning: bedoms-uppnas", "bedomning: osakert")
    assert edited_findings(tmp_path / "c", HIGAB, DONE, fixed) == []


def test_a_check_of_either_file_alone_finds_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    later = data / HIGAB
    later.write_text(later.read_text("utf-8").replace(DONE, NOT_STARTED), "utf-8")
    for named in (later, data / "rapporter/2024/higab.yaml"):
        found = [
            (Path(f.file), f.line, f.code) for f in utsatta.validate(data, paths=[named]).findings
        ]
        assert found == [(later, 19, "status-bakat")], named


def test_a_predecessors_report_counts(tmp_path: Path) -> None:
    """Stadsfastighetsnämnden took 3:1 over from Lokalnämnden, whose 2022 report had it
    'forsenad'."""
    line = '  - insats: "3:1"\n    status: pagaende\n'
    found = edited_findings(
        tmp_path,
        "rapporter/2023/stadsfastighetsnamnden.yaml",
        line,
        line.replace("pagaende", "ej-paborjad"),
    )
    assert [(row, code) for row, _, code, _ in found] == [(67, "status-bakat")]
    assert found[0][3].startswith(
        "Insats 3:1 var försenad i rapporten för 2022 "
        f"({tmp_path / 'data/rapporter/2022/lokalnamnden.yaml'}) men är 'ej-paborjad' här."
    )


def test_after_avbruten_is_no_step_back(tmp_path: Path) -> None:
    """An insats broken off and not yet begun again has not gone backwards."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    later, earlier = data / HIGAB, data / "rapporter/2024/higab.yaml"
    later.write_text(later.read_text("utf-8").replace(DONE, NOT_STARTED), "utf-8")
    begun = '  - insats: "2:3"\n    status: genomford\n'
    earlier.write_text(
        earlier.read_text("utf-8").replace(begun, begun.replace("genomford", "avbruten")),
        "utf-8",
    )
    assert [f[2] for f in findings_in(data, later) if f[2] == "status-bakat"] == []


def _where_found(data: Path) -> list[tuple[str, int, str]]:
    return [
        (Path(f.file).relative_to(data).as_posix(), f.line, f.code)
        for f in utsatta.validate(data).findings
    ]
