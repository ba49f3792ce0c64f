"""A data file is known by what it says (its own top-level keys) before where it lies: an
indicator or an uppföljning at a wrong place is pointed at its place like a report, and a file
at another kind's place (an indicator in rapporter/2024/) gets that one finding, not the errors
of the model of the place (docs/decisions/0375-sorten-efter-innehallet.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import build_case
from utsatta import validate
from utsatta.load.placement import kind_by_keys

CASES = Path(__file__).parent / "cases"
INDICATOR = "indikatorer/valdeltagande.yaml"
UPPFOLJNING = "uppfoljning/2023.yaml"
IND_LEAD = (
    "Filen ser ut att vara en indikator, och en indikator ska ligga i indikatorer/<id>.yaml; "
    "den här filen läses inte. "
)


def _new(data: Path, before: list[tuple[str, int, int, str, str]]) -> list[tuple[str, ...]]:
    return [f for f in _all(data) if f not in before]


def _all(data: Path) -> list[tuple[str, int, int, str, str]]:
    return [
        (f.file.split("/data/")[-1], f.line, f.column, f.code, f.message)
        for f in validate(data).findings
    ]


def _moved(tmp_path: Path, src: str, dst: str) -> tuple[Path, list[tuple[str, int, int, str, str]]]:
    data = build_case(CASES / "_base", tmp_path)
    before = _all(data)
    (data / dst).parent.mkdir(parents=True, exist_ok=True)
    (data / src).rename(data / dst)
    return data, before


@pytest.mark.parametrize(
    "dst",
    ["valdeltagande.yaml", "indikatorer/gamla/valdeltagande.yaml", "inkorg/valdeltagande.yaml"],
)
def test_an_indicator_outside_its_folder_is_an_error_with_its_place(
    tmp_path: Path, dst: str
) -> None:
    # nothing else would say that it is gone: the report would drop it with exit 0
    data, before = _moved(tmp_path, INDICATOR, dst)
    assert _new(data, before) == [
        (dst, 1, 1, "fel-plats", IND_LEAD + "Flytta den till indikatorer/valdeltagande.yaml.")
    ]
    assert validate(data).blocking()


def test_an_indicator_under_another_name_goes_to_the_name_of_its_id(tmp_path: Path) -> None:
    data, before = _moved(tmp_path, INDICATOR, "inkorg/val.yaml")
    assert _new(data, before) == [
        (
            "inkorg/val.yaml",
            1,
            1,
            "fel-plats",
            IND_LEAD + "Flytta den till indikatorer/valdeltagande.yaml (enligt 'id' i filen).",
        )
    ]


def test_an_indicator_in_a_report_folder_gets_one_finding_and_no_report_errors(
    tmp_path: Path,
) -> None:
    data, before = _moved(tmp_path, INDICATOR, "rapporter/2023/valdeltagande.yaml")
    assert _new(data, before) == [
        (
            "rapporter/2023/valdeltagande.yaml",
            1,
            1,
            "fel-plats",
            IND_LEAD + "Flytta den till indikatorer/valdeltagande.yaml.",
        )
    ]


def test_an_uppfoljning_at_the_top_is_pointed_at_and_never_created_anew(tmp_path: Path) -> None:
    data, before = _moved(tmp_path, UPPFOLJNING, "uppfoljning-2023.yaml")
    assert _new(data, before) == [
        (
            "uppfoljning-2023.yaml",
            1,
            1,
            "okand-fil",
            "Filen ligger inte på en plats som utsatta känner till och läses inte, men den ser "
            "ut att vara en samlad uppföljning. En samlad uppföljning ska heta "
            "uppfoljning/<år>.yaml. Byt namn till uppfoljning/2023.yaml (och flytta den dit).",
        ),
        (
            "uppfoljning/2023.yaml",
            1,
            1,
            "uppfoljning-saknas",
            "Den samlade uppföljningen för 2023 saknas: filen uppfoljning-2023.yaml ser ut att "
            "vara den, men den läses inte förrän den heter uppfoljning/2023.yaml. Byt namn på "
            "den eller flytta den dit (se varningen för den filen).",
        ),
    ]


def test_an_uppfoljning_in_the_indicator_folder_is_sent_to_its_year(tmp_path: Path) -> None:
    data, before = _moved(tmp_path, UPPFOLJNING, "indikatorer/sammanstallning.yaml")
    assert _new(data, before) == [
        (
            "indikatorer/sammanstallning.yaml",
            1,
            1,
            "fel-plats",
            "En samlad uppföljning ska heta uppfoljning/<år>.yaml; den här filen läses inte. "
            "Flytta den till uppfoljning/2023.yaml (enligt 'ar' i filen).",
        ),
        (
            "uppfoljning/2023.yaml",
            1,
            1,
            "uppfoljning-saknas",
            "Den samlade uppföljningen för 2023 saknas: filen indikatorer/sammanstallning.yaml "
            "ser ut att vara den, men den läses inte förrän den heter uppfoljning/2023.yaml. Byt "
            "namn på den eller flytta den dit (se felet för den filen).",
        ),
    ]


def test_the_plan_in_a_report_folder_is_sent_to_the_top(tmp_path: Path) -> None:
    data, _ = _moved(tmp_path, "plan.yaml", "rapporter/2023/plan.yaml")
    found = [f for f in _all(data) if f[0] in ("plan.yaml", "rapporter/2023/plan.yaml")]
    assert found == [
        (
            "plan.yaml",
            1,
            1,
            "fil-saknas",
            "plan.yaml saknas: filen rapporter/2023/plan.yaml ser ut att vara den, men den läses "
            "inte förrän den heter plan.yaml. Byt namn på den eller flytta den dit (se felet för "
            "den filen).",
        ),
        (
            "rapporter/2023/plan.yaml",
            1,
            1,
            "fel-plats",
            "Filen ser ut att vara handlingsplanen, som ska heta plan.yaml och ligga överst i "
            "datamappen; den här filen läses inte. Flytta den till plan.yaml.",
        ),
    ]


def test_a_report_that_only_lacks_keys_stays_a_report() -> None:
    # a report is only moved by keys that no report has; a report with a stray key of
    # another kind, or with none that decides, is checked as the report its place says
    assert kind_by_keys({"schemaversion", "ar", "illustrativ", "insatser"}) is None
    assert kind_by_keys({"organisation", "id", "enhet"}) is None
    assert kind_by_keys({"id", "namn", "riktning"}) == "indikator"
    assert kind_by_keys({"ar", "nulage"}) == "uppfoljning"
    # without the key that names it, a YAML file with a 'definition' is no indicator
    assert kind_by_keys({"namn", "definition", "metod"}) is None
    assert kind_by_keys({"nulage", "beslut"}) is None


def test_a_report_with_a_stray_indicator_key_gets_the_report_errors(tmp_path: Path) -> None:
    data = build_case(CASES / "_base", tmp_path)
    path = data / "rapporter/2023/kommunstyrelsen.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "enhet: procent\n", encoding="utf-8")
    codes = {(f[0], f[3]) for f in _all(data)}
    assert ("rapporter/2023/kommunstyrelsen.yaml", "fel-plats") not in codes
    assert ("rapporter/2023/kommunstyrelsen.yaml", "okant-falt") in codes


def test_fmt_gives_an_indicator_in_a_report_folder_validates_finding(tmp_path: Path) -> None:
    # formatted as a report, its keys would be put in a report's order: fmt leaves it, with
    # the step that helps (the same finding as validate)
    from utsatta.fmt import format_file

    data, _ = _moved(tmp_path, INDICATOR, "rapporter/2023/valdeltagande.yaml")
    path = data / "rapporter/2023/valdeltagande.yaml"
    before = path.read_bytes()
    result = format_file(path, "rapport", inside=data, name="x.yaml")
    assert [(f.code, f.message) for f in result.findings] == [
        (
            "fel-plats",
            "fmt har varken kontrollerat eller formaterat filen. "
            + IND_LEAD
            + "Flytta den till indikatorer/valdeltagande.yaml.",
        )
    ]
    assert path.read_bytes() == before
    # a report at its place is formatted as before (no finding)
    report = next((data / "rapporter/2023").glob("[!v]*.yaml"))
    assert format_file(report, "rapport", inside=data).findings == ()


@pytest.mark.parametrize(
    ("src", "copy", "what"),
    [
        ("plan.yaml", "plan2.yaml", "handlingsplanen, som ska heta plan.yaml"),
        (
            "organisationer.yaml",
            "gammalt/org.yaml",
            "förteckningen över organisationer, som ska heta organisationer.yaml",
        ),
    ],
)
def test_an_unknown_copy_is_told_once_what_it_seems_to_be(
    tmp_path: Path, src: str, copy: str, what: str
) -> None:
    # the warning said "men den ser ut att vara handlingsplanen. Filen ser ut att vara
    # handlingsplanen, som ska heta …": one sentence says it
    data = build_case(CASES / "_base", tmp_path)
    before = _all(data)
    (data / copy).parent.mkdir(parents=True, exist_ok=True)
    (data / copy).write_bytes((data / src).read_bytes())
    assert _new(data, before) == [
        (
            copy,
            1,
            1,
            "okand-fil",
            "Filen ligger inte på en plats som utsatta känner till och läses inte, men den ser ut "
            f"att vara {what} och ligga överst i datamappen. Den hör till {src}, men {src} finns "
            "redan med samma innehåll: den här filen är en kopia, ta bort den.",
        )
    ]
