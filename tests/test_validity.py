"""check_validity: reports outside their organisation's validity, on a copy of the shipped data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from tests.support import build_case
from utsatta.check import validate
from utsatta.check.rules.base import Known
from utsatta.check.rules.validity import check_validity
from utsatta.findings import Finding
from utsatta.load.dataset import DataSet, load
from utsatta.model.common import DAG_PATTERN, Dag

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    return out


def _copy_report(data: Path, org: str, ar_from: int, ar_to: int) -> Path:
    src = data / "rapporter" / str(ar_from) / f"{org}.yaml"
    dst = data / "rapporter" / str(ar_to) / f"{org}.yaml"
    dst.parent.mkdir(exist_ok=True)
    text = src.read_text(encoding="utf-8").replace(f"ar: {ar_from}\n", f"ar: {ar_to}\n")
    dst.write_text(text, encoding="utf-8")
    return dst


def _validity(ds: DataSet) -> list[Finding]:
    """check_validity as validate runs it: with the rules' lookups, so that whose report a
    misplaced file is (decision 0510) is decided as in production."""
    return check_validity(ds, Known.of(ds))


def _line_of(path: Path, prefix: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(prefix))


def test_the_shipped_data_has_no_report_outside_its_organisations_validity() -> None:
    assert _validity(load(DATA)) == []


def test_a_2023_report_from_trafiknamnden_names_its_successor(data: Path) -> None:
    path = _copy_report(data, "trafiknamnden", 2022, 2023)
    result = validate(data)
    found = [f for f in result.findings if f.code == "organisation-upphord"]
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column, f.severity) == (_line_of(path, "organisation:"), 15, "fel")
    assert f.file.endswith("rapporter/2023/trafiknamnden.yaml")
    assert f.message == (
        "Trafiknämnden upphörde 2022-12-31 och rapporterar inte för 2023. Uppgifterna togs över "
        "från 2023-01-01 av Stadsmiljönämnden (stadsmiljonamnden): alla uppgifter (slutledd). "
        "Flytta innehållet till rapporter/2023/stadsmiljonamnden.yaml och ta bort den här "
        "filen. Saknas filen, skapa den med 'utsatta ny rapport 2023 stadsmiljonamnden'."
    )
    # Nothing else about the file: the ceased nämnd owes nothing, so nothing is "missing".
    assert [x.code for x in result.findings if x.file == f.file] == ["organisation-upphord"]


def test_fastighetsnamnden_names_both_successors_with_their_insatser(data: Path) -> None:
    _copy_report(data, "fastighetsnamnden", 2022, 2024)
    (issue,) = _validity(load(data))
    assert issue.file.endswith("rapporter/2024/fastighetsnamnden.yaml")
    assert (issue.path, issue.code, str(issue.severity)) == (
        ("organisation",),
        "organisation-upphord",
        "fel",
    )
    assert (
        "Exploateringsnämnden (exploateringsnamnden): insatserna 2:1 och 2:4 (slutledd); "
        "Stadsfastighetsnämnden (stadsfastighetsnamnden): insatserna 2:1 och 2:4 (slutledd)"
    ) in issue.message
    assert "rapporter/2024/exploateringsnamnden.yaml och rapporter/2024/" in issue.message


def test_konsument_och_medborgarservice_ceased_before_2022(data: Path) -> None:
    """The year it ceased is 2021; a report for 2022 is already an error (bekräftad successor)."""
    src = data / "rapporter" / "2022" / "demokrati-och-medborgarservice.yaml"
    dst = data / "rapporter" / "2022" / "konsument-och-medborgarservice.yaml"
    dst.write_text(
        src.read_text(encoding="utf-8").replace(
            "organisation: demokrati-och-medborgarservice",
            "organisation: konsument-och-medborgarservice",
        ),
        encoding="utf-8",
    )
    (issue,) = _validity(load(data))
    assert issue.code == "organisation-upphord"
    assert "upphörde 2021-10-31 och rapporterar inte för 2022" in issue.message
    assert "Uppgifterna togs över från 2021-11-01 av " in issue.message
    assert "(demokrati-och-medborgarservice): alla uppgifter. Flytta" in issue.message


def test_a_report_before_an_organisation_started(data: Path) -> None:
    _copy_report(data, "stadsmiljonamnden", 2023, 2022)
    (issue,) = _validity(load(data))
    assert issue.file.endswith("rapporter/2022/stadsmiljonamnden.yaml")
    assert issue.code == "organisation-ej-bildad"
    assert issue.message.startswith(
        "Stadsmiljönämnden bildades 2023-01-01 och rapporterar inte för 2022. Rapporten lämnas "
        "av Park- och naturnämnden (park-och-naturnamnden) och Trafiknämnden (trafiknamnden)"
    )


def _date_strings() -> list[str]:
    out = ["", "2023", "2023-01", "2023-1-01", "2023/01/01", "2023-01-01T00:00", "x2023-01-01"]
    for y in ("0000", "0001", "1900", "2000", "2023", "2024", "2100", "9999"):
        for m in range(14):
            for d in range(33):
                out.append(f"{y}-{m:02d}-{d:02d}")
    return out


def test_day_pattern_agrees_with_validator() -> None:
    """`utsatta schema` exports the same rule for giltig_fran/giltig_till as pydantic applies."""
    pattern = re.compile(DAG_PATTERN)
    adapter = TypeAdapter(Dag)
    for value in _date_strings():
        try:
            adapter.validate_python(value)
            ok = True
        except ValidationError:
            ok = False
        assert ok == (pattern.search(value) is not None), value


GAP = Path(__file__).parent / "cases" / "efterfoljare-borjar-senare"


def _gap_findings(tmp_path: Path, *years: int, also: str = "") -> list[tuple[str, str]]:
    """Socialnämnd Nordost (ends 2024-06-30, successor Socialnämnd Öst formed 2025-02-01)
    reporting for ``years``; ``also``: a second successor entry under Nordost's."""
    data = build_case(GAP, tmp_path)
    orgs = data / "organisationer.yaml"
    entry = "      - organisation: socialnamnd-ost\n        tolkning: slutledd\n"
    text = orgs.read_text(encoding="utf-8")
    assert entry in text
    orgs.write_text(text.replace(entry, entry + also, 1), encoding="utf-8")
    for ar in years:
        _copy_report(data, "socialnamnd-nordost", 2023, ar)
    return [(f.code, f.message) for f in _validity(load(data))]


def test_a_report_after_a_gap_names_the_successors_own_first_day(tmp_path: Path) -> None:
    """Not the day after Nordost's last day (2024-07-01), when Öst did not exist (0654)."""
    assert _gap_findings(tmp_path, 2025) == [
        (
            "organisation-upphord",
            "Socialnämnd Nordost upphörde 2024-06-30 och rapporterar inte för 2025. Uppgifterna "
            "togs över från 2025-02-01 av Socialnämnd Öst (socialnamnd-ost): alla uppgifter "
            "(slutledd). Flytta innehållet till rapporter/2025/socialnamnd-ost.yaml och ta bort "
            "den här filen. Saknas filen, skapa den med 'utsatta ny rapport 2025 "
            "socialnamnd-ost'.",
        )
    ]


def test_a_report_for_a_year_in_the_gap_is_moved_to_no_one(tmp_path: Path) -> None:
    """2024 ends in the gap: Öst does not report it (it would be organisation-ej-bildad)."""
    assert _gap_findings(tmp_path, 2024) == [
        (
            "organisation-upphorde-under-aret",
            "Socialnämnd Nordost upphörde 2024-06-30, före årets slut, och rapporten för 2024 "
            "räknas inte: hela året rapporteras av den som finns den 31 december. Uppgifterna "
            "togs över från 2025-02-01 av Socialnämnd Öst (socialnamnd-ost): alla uppgifter "
            "(slutledd), men efterföljaren fanns inte den 31 december 2024, så ingen "
            "rapporterar dem för 2024. Rätta 'giltig_till' eller efterföljarens 'giltig_fran' i "
            "organisationer.yaml om ett datum är fel; annars ta bort den här filen.",
        )
    ]


def test_successors_on_different_days_each_get_their_own(tmp_path: Path) -> None:
    also = '      - organisation: grundskolenamnden\n        insatser: ["1:1"]\n'
    also += "        tolkning: bekraftad\n"
    heirs = (
        "Uppgifterna togs över av Socialnämnd Öst (socialnamnd-ost) från 2025-02-01: alla "
        "uppgifter (slutledd); Grundskolenämnden (grundskolenamnden) från 2024-07-01: insats 1:1."
    )
    assert _gap_findings(tmp_path, 2024, 2025, also=also) == [
        (
            "organisation-upphorde-under-aret",
            "Socialnämnd Nordost upphörde 2024-06-30, före årets slut, och rapporten för 2024 "
            f"räknas inte: hela året rapporteras av den som finns den 31 december. {heirs} "
            "Socialnämnd Öst (socialnamnd-ost) fanns inte den 31 december 2024 och rapporterar "
            "inte för 2024. Flytta innehållet till rapporter/2024/grundskolenamnden.yaml och ta "
            "bort den här filen. Saknas filen, skapa den med 'utsatta ny rapport 2024 "
            "grundskolenamnden'.",
        ),
        (
            "organisation-upphord",
            f"Socialnämnd Nordost upphörde 2024-06-30 och rapporterar inte för 2025. {heirs} "
            "Flytta varje post till var och en av efterträdarna som har insatsen "
            "(rapporter/2025/socialnamnd-ost.yaml och rapporter/2025/grundskolenamnden.yaml) "
            "och ta bort den här filen. Saknas en fil, skapa den med 'utsatta ny rapport 2025 "
            "ORGANISATION'.",
        ),
    ]
