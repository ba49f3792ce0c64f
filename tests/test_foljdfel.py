"""A file that is there but failed must not make the checks that read it report a second
problem (docs/decisions/0150-foljdfel.md): the case tests/cases/foljdfel-ogiltig-rapport, the
same data with the error fixed, and other ways the earlier report can fail."""

from __future__ import annotations

from pathlib import Path

import pytest

import utsatta
from tests.support import build_case

CASE = Path(__file__).parent / "cases" / "foljdfel-ogiltig-rapport"
REPORT_2023 = Path("rapporter/2023/grundskolenamnden.yaml")


def _findings(data: Path, year: int | None = None) -> list[tuple[str, int, int, str, str]]:
    result = utsatta.validate(data, year=year)
    return [
        (Path(f.file).relative_to(data).as_posix(), f.line, f.column, f.code, f.message)
        for f in result.findings
        if f.code not in ("rapport-saknas", "uppfoljning-saknas")
    ]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return build_case(CASE, tmp_path)


def test_follow_on_checks_name_the_error(data: Path) -> None:
    place = f"{data / REPORT_2023}:7:13"
    assert _findings(data) == [
        (
            REPORT_2023.as_posix(),
            7,
            13,
            "ogiltigt-varde",
            "'bogus' är inte ett tillåtet värde för status. Tillåtna värden: ej-paborjad, "
            "pagaende, genomford, forsenad, avbruten.",
        ),
        (
            "rapporter/2025/grundskolenamnden.yaml",
            4,
            1,
            "kan-inte-kontrolleras",
            "Det går inte att avgöra om Grundskolenämnden ska återrapportera insats 1:4 för "
            "2025: en återrapportering görs en gång under planperioden, och den kan ha lämnats "
            f"i {place}, som har fel och inte kan användas. Rätta felet där och kör kontrollen "
            "igen.",
        ),
        (
            "uppfoljning/2024.yaml",
            31,
            19,
            "kan-inte-kontrolleras",
            "Behov nummer 1 i insats 1:1 från grundskolenamnden 2023 kan inte kontrolleras: "
            f"rapporten det hämtas från har fel och kan inte användas ({place}). Rätta felet "
            "där och kör kontrollen igen.",
        ),
    ]


def test_a_check_of_one_year_shows_what_that_years_output_rests_on(data: Path) -> None:
    """--year 2024 shows the error in 2023 (the output of 2024 shows 2023 too) and the
    uppföljning of 2024 it holds back, never the report of 2025; --year 2022 none of them."""
    assert [f[:4] for f in _findings(data, 2024)] == [
        ("rapporter/2023/grundskolenamnden.yaml", 7, 13, "ogiltigt-varde"),
        ("uppfoljning/2024.yaml", 31, 19, "kan-inte-kontrolleras"),
    ]
    assert _findings(data, 2022) == []
    # the last year's output rests on every file: the same findings as a check of all years
    assert _findings(data, 2025) == _findings(data)


def test_fixed_report_gives_no_warning(data: Path) -> None:
    path = data / REPORT_2023
    path.write_text(path.read_text().replace("bogus", "pagaende"), encoding="utf-8")
    assert _findings(data) == []


def test_valid_report_without_the_insats_is_still_an_error(data: Path) -> None:
    """The rule only holds back what the broken file could have answered."""
    path = data / REPORT_2023
    text = path.read_text().replace("bogus", "pagaende")
    start, end = text.index('  - insats: "1:4"'), text.index('  - insats: "2:1"')
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    found = [f[:4] for f in _findings(data)]
    assert ("rapporter/2025/grundskolenamnden.yaml", 4, 1, "insats-saknas") in found
    assert all(f[3] != "kan-inte-kontrolleras" for f in found)


@pytest.mark.parametrize(
    ("change", "place", "code"),
    [
        # YAML that does not parse: the reader's own finding
        (('  - insats: "2:1"', '  - insats: ["2:1"'), None, None),
        # a report filed under the wrong name: valid, but it counts for no organisation
        (
            ("organisation: grundskolenamnden", "organisation: socialnamnd-nordost"),
            (3, 15),
            "filnamn-matchar-inte",
        ),
    ],
)
def test_other_failures_of_the_earlier_report(
    data: Path, change: tuple[str, str], place: tuple[int, int] | None, code: str | None
) -> None:
    path = data / REPORT_2023
    path.write_text(
        path.read_text().replace("bogus", "pagaende").replace(*change), encoding="utf-8"
    )
    found = _findings(data)
    own = [f for f in found if f[0] == REPORT_2023.as_posix()]
    assert own, found
    first = min(own, key=lambda f: (f[1], f[2]))
    if code is not None:
        assert (first[3], first[1:3]) == (code, place)
    where = f"{data / REPORT_2023}:{first[1]}:{first[2]}"
    notes = [f for f in found if f[3] == "kan-inte-kontrolleras"]
    assert [f[0] for f in notes] == ["rapporter/2025/grundskolenamnden.yaml"] + (
        ["uppfoljning/2024.yaml"] if code is None else []
    )
    assert all(where in f[4] for f in notes)
    assert all(f[3] not in ("insats-saknas", "okant-behov") for f in found)


@pytest.mark.parametrize(
    "named", ["rapporter/2025/grundskolenamnden.yaml", "uppfoljning/2024.yaml"]
)
def test_a_check_of_the_file_alone_says_the_same(data: Path, named: str) -> None:
    full = [f for f in utsatta.validate(data).findings if Path(f.file) == data / named]
    assert full
    assert utsatta.validate(data, paths=[data / named]).findings == full
