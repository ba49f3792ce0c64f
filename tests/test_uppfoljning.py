"""The övriga uppdrag in the plan and the analysts' layer, uppfoljning/<år>.yaml.

The findings per case (file, line, code) are in tests/cases/uppfoljning-*/; here: the plan's
table as data, the model, the messages, the scaffold and the shipped files.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from tests.support import BASE, CASES, build_case
from utsatta.check import validate
from utsatta.cli.app import app
from utsatta.fmt import format_text
from utsatta.load.dataset import load
from utsatta.model.uppfoljning import UppfoljningFil
from utsatta.scaffold import uppfoljning_scaffold

DATA = Path(__file__).parent.parent / "data"
runner = CliRunner()

#: The plan's table "Övriga uppdrag inom det trygghetsskapande och brottsförebyggande arbetet",
#: column "Diarienumr", in the plan's order.
DNR = [
    "0355/20",
    "1365/20",
    "1668/20",
    "1670/20",
    "0330/20",
    "0887/19",
    "1313/20",
    "0353/21",
    "1679/20",
    "1673/20",
    "1680/20",
    "0792/21",
    "0793/21",
    "0794/21",
    "0795/21",
]


def _plan_json() -> dict[str, Any]:
    result = runner.invoke(app, ["plan", "--format", "json", "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_plan_json_lists_the_15_ovriga_uppdrag_with_their_dnr() -> None:
    ovriga = _plan_json()["ovriga_uppdrag"]
    assert [u["diarienummer"] for u in ovriga["uppdrag"]] == DNR
    assert ovriga["ansvarig"] == "Stadsledningskontoret"
    assert len({u["id"] for u in ovriga["uppdrag"]}) == 15
    first, fifth, last = ovriga["uppdrag"][0], ovriga["uppdrag"][4], ovriga["uppdrag"][-1]
    assert first == {
        "id": "trygghetsprogram",
        "text": "Nytt trygghetsskapande och brottsförebyggande program",
        "tidsplan": "KS 2021-11-24",
        "diarienummer": "0355/20",
    }
    # The plan's own spelling is kept.
    assert fifth["text"].endswith("förebygga radikaliserings")
    assert ovriga["uppdrag"][3]["tidsplan"] == "Beslut KS 2021-03-31 § 263"
    assert last["tidsplan"] == "2022 Q1"
    assert last["text"].endswith("Kopplingen mellan hedersförtryck och klanstrukturer ska utredas.")


#: the plan's table of övriga uppdrag, verbatim, with its source (a public document)
PLAN_EXCERPT = Path(__file__).parent / "fixtures" / "handlingsplan-ovriga-uppdrag.txt"
#: the whole plan text, where it is at hand (not in CI)
PLAN_TEXT = Path("/work/shared/kallor/handlingsplan-2022-2025.txt")


def _excerpt() -> list[str]:
    lines = PLAN_EXCERPT.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("# ")]


def test_ovriga_uppdrag_match_the_plans_text() -> None:
    """Each row of the plan's table, tab-separated, is uppdrag, tidsplan and dnr as in the data."""
    lines = _excerpt()
    assert lines[0] == "Uppdrag\tTidsplan\tDiarienumr"
    rows = [line.split("\t") for line in lines[1:] if line.strip()]
    got = [
        [u["text"], u["tidsplan"], u["diarienummer"]]
        for u in _plan_json()["ovriga_uppdrag"]["uppdrag"]
    ]
    assert len(rows) == 15
    assert got == rows


def test_the_excerpt_is_the_plans_text_where_it_is_at_hand() -> None:
    if not PLAN_TEXT.exists():
        pytest.skip("planens hela text finns inte på den här maskinen")
    lines = PLAN_TEXT.read_text(encoding="utf-8").splitlines()
    start = lines.index("Uppdrag\tTidsplan\tDiarienumr")
    end = lines.index("Fokusområden och insatser", start)
    assert _excerpt() == lines[start : start + len(_excerpt())]
    assert [line for line in lines[start + len(_excerpt()) : end] if line.strip()] == []


def test_plan_text_lists_the_ovriga_uppdrag() -> None:
    result = runner.invoke(app, ["plan", "--data", str(DATA)])
    assert result.exit_code == 0
    assert "Övriga uppdrag" in result.stdout
    assert "dnr 0353/21 (KS 2021-10-13): Utreda möjligheterna" in result.stdout


def test_delmal_have_stable_ids() -> None:
    ds = load(DATA)
    assert ds.plan and ds.plan.model
    assert [d.id for d in ds.plan.model.mal.delmal] == [
        "inga-sarskilt-utsatta",
        "utvecklingen-vand",
        "inga-nya-omraden",
    ]


# --- the model ----------------------------------------------------------------------------------

MINIMAL = {
    "schemaversion": 1,
    "ar": 2023,
    "upprattad_av": "Stadsledningskontoret",
    "nulage": "Läget.",
    "delmal": [],
    "fokusomraden": [],
    "ovriga_uppdrag": [],
    "fortsatt_arbete": "Vidare.",
}


def _errors(**changes: object) -> list[tuple[str, tuple[object, ...]]]:
    try:
        UppfoljningFil.model_validate({**MINIMAL, **changes})
    except ValidationError as exc:
        return [(e["type"], tuple(e["loc"])) for e in exc.errors()]
    return []


def test_model_minimal_file_is_valid_and_defaults_are_empty() -> None:
    m = UppfoljningFil.model_validate(MINIMAL)
    assert (m.illustrativ, m.mal, m.slutuppfoljning, m.beslut, m.tidigare_behov) == (
        False,
        None,
        None,
        [],
        [],
    )


def test_model_is_strict() -> None:
    assert _errors(okand=1) == [("extra_forbidden", ("okand",))]
    assert _errors(ar="2023") == [("int_type", ("ar",))]
    assert _errors(nulage=" ") == [("tom-text", ("nulage",))]
    item = {"uppdrag": "sluta-skjut", "status": "klar", "redovisning": "R."}
    assert _errors(ovriga_uppdrag=[item]) == [("literal_error", ("ovriga_uppdrag", 0, "status"))]
    behov = {
        "ar": 2022,
        "organisation": "x",
        "insats": "1:1",
        "nummer": 0,
        "utfall": "tillgodosett",
    }
    assert _errors(tidigare_behov=[{**behov, "text": "T."}]) == [
        ("greater_than_equal", ("tidigare_behov", 0, "nummer"))
    ]


@pytest.mark.parametrize(
    ("datum", "ok"),
    [
        ("2024-02-29", True),
        ("2026-04-01", True),
        ("2023-02-29", False),
        ("2024-02-30", False),
        ("2024-02", False),
        ("2024", False),
        ("24-02-01", False),
    ],
)
def test_decision_dates_have_a_day(datum: str, ok: bool) -> None:
    beslut = [{"organ": "Kommunstyrelsen", "datum": datum, "paragraf": "§ 12"}]
    assert (_errors(beslut=beslut) == []) is ok
    from utsatta.model.uppfoljning import DAG_PATTERN

    assert bool(re.match(DAG_PATTERN, datum)) is ok  # the editor schema says the same


# --- messages -----------------------------------------------------------------------------------


def _messages(case: str, tmp_path: Path) -> dict[tuple[int, str], str]:
    data = build_case(CASES / case, tmp_path)
    result = validate(data)
    return {(f.line, f.code): f.message for f in result.findings}


def test_unknown_ids_suggest_the_right_one(tmp_path: Path) -> None:
    msgs = _messages("uppfoljning-okanda-id", tmp_path)
    assert msgs[(37, "okant-uppdrag")] == (
        "Det övriga uppdraget 'sluta-skut' finns inte i plan.yaml (ovriga_uppdrag). Menade du "
        "'sluta-skjut'? Giltiga: trygghetsprogram, sluta-skjut."
    )
    assert "Menade du 'inga-sarskilt-utsatta'?" in msgs[(7, "okant-delmal")]
    assert "Menade du 'bergsjon'?" in msgs[(11, "okant-omrade")]
    assert msgs[(27, "okant-fokusomrade")].startswith("Fokusområdet '4' finns inte i plan.yaml.")
    assert msgs[(30, "uppdrag-status-saknas")] == (
        "Uppföljningen saknar status och redovisning för de övriga uppdragen 'sluta-skjut' i "
        "planen. Lägg till en post per id under 'ovriga_uppdrag' (\"- uppdrag: …\")."
    )


def test_incomplete_file_says_what_to_add(tmp_path: Path) -> None:
    msgs = _messages("uppfoljning-ofullstandig", tmp_path)
    assert msgs[(7, "fokusomrade-bedomning-saknas")] == (
        "Uppföljningen saknar en bedömning av fokusområdena '2' i planen. Lägg till en post per "
        "id under 'fokusomraden' (\"- fokusomrade: …\")."
    )
    assert "'inga-sarskilt-utsatta'" in msgs[(6, "delmal-bedomning-saknas")]


def test_missing_file_is_a_warning_that_names_the_command(tmp_path: Path) -> None:
    msgs = _messages("uppfoljning-saknas", tmp_path)
    assert msgs[(1, "uppfoljning-saknas")] == (
        "Den samlade uppföljningen för 2023 saknas: skapa filen och fyll i den. Filen skapas "
        "med 'utsatta ny uppfoljning 2023'."
    )


def test_earlier_behov_messages(tmp_path: Path) -> None:
    msgs = _messages("uppfoljning-behov", tmp_path)
    assert msgs[(32, "okant-behov")] == (
        "Det finns ingen giltig rapport rapporter/2023/grundskolenamden.yaml att hämta behovet "
        "från. Menade du 'grundskolenamnden'? Kontrollera år och organisation."
    )
    assert msgs[(46, "okant-behov")].startswith(
        "Insats 2:1 i rapporten från grundskolenamnden 2023 har inga behov"
    )
    assert msgs[(52, "okant-behov")].startswith(
        "Insats 1:1 i rapporten från grundskolenamnden 2023 har bara 2 behov"
    )


def test_final_verdicts_wait_for_the_plans_last_year(tmp_path: Path) -> None:
    msgs = _messages("uppfoljning-slutar", tmp_path)
    assert msgs[(7, "bedomning-for-tidigt")] == (
        "'inte-uppnatt' är en slutlig bedömning, som bara kan ges planens sista år (2025). För "
        "2024 skriv bedoms-uppnas, osakert, bedoms-inte-uppnas eller kan-inte-bedomas."
    )
    assert "2025 är planens sista år" in msgs[(6, "mal-bedomning-saknas")]


def test_year_option_checks_that_years_file_and_the_earlier_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output of a year shows the earlier years' uppföljningar too, never a later one."""
    data = build_case(CASES / "uppfoljning-slutar", tmp_path)
    monkeypatch.chdir(tmp_path)
    # and the reports of 2024 and 2025, which the folder lacks (their uppföljningar are there)
    assert {Path(f.file).name for f in validate(data).findings} == {
        "2024.yaml",
        "2025.yaml",
        "grundskolenamnden.yaml",
        "kommunstyrelsen.yaml",
        "socialnamnd-nordost.yaml",
    }

    def uppfoljningar(year: int) -> set[str]:
        found = validate(data, year=year).findings
        return {
            Path(f.file).relative_to(tmp_path).as_posix() for f in found if "uppfoljning" in f.file
        }

    assert uppfoljningar(2024) == {"data/uppfoljning/2024.yaml"}
    assert uppfoljningar(2025) == {"data/uppfoljning/2024.yaml", "data/uppfoljning/2025.yaml"}


def test_named_report_files_do_not_ask_for_the_uppfoljning(tmp_path: Path) -> None:
    data = build_case(CASES / "uppfoljning-saknas", tmp_path)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    assert validate(data, paths=[report]).findings == []


# --- the scaffold -------------------------------------------------------------------------------


def _filled(text: str) -> str:
    """The scaffold with every blank filled in as an analyst would."""
    text = re.sub(r"^(\s*)bedomning:$", r"\1bedomning: osakert", text, flags=re.M)
    # genomford: every tidsplan of the shipped plan has passed by 2022, so pagaende with the
    # text "Ifyllt." would be uppdrag-efter-tidsplan (decision 0668)
    text = re.sub(r"^(\s*)status:$", r"\1status: genomford", text, flags=re.M)
    text = re.sub(r"^upprattad_av:$", "upprattad_av: Analysavdelningen", text, flags=re.M)
    return re.sub(r"^(\s*)(\w+): \|\n\n", r"\1\2: |\n\1  Ifyllt.\n", text, flags=re.M)


@pytest.mark.parametrize("ar", [2022, 2023, 2024, 2025])
def test_scaffold_round_trips_through_fmt_and_validate(ar: int, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for old in (data / "uppfoljning").iterdir():
        old.unlink()
    ds = load(data)
    text = uppfoljning_scaffold(ds, ar)
    assert format_text(text, "uppfoljning") == text  # `fmt --check` accepts it as written
    target = data / "uppfoljning" / f"{ar}.yaml"
    target.write_text(text, encoding="utf-8")
    blank = [f for f in validate(data).findings if f.file.endswith(f"uppfoljning/{ar}.yaml")]
    # no earlier uppföljning to take the author from: left empty too (fel-typ)
    assert blank and {f.code for f in blank} == {"ogiltigt-varde", "tom-text", "fel-typ"}
    filled = _filled(text)
    assert format_text(filled, "uppfoljning") == filled
    target.write_text(filled, encoding="utf-8")
    left = [f for f in validate(data).findings if f.file.endswith(f"uppfoljning/{ar}.yaml")]
    assert left == []
    model = load(data).uppfoljningar[0].model
    assert model is not None
    assert [u.uppdrag for u in model.ovriga_uppdrag] == [
        u["id"] for u in _plan_json()["ovriga_uppdrag"]["uppdrag"]
    ]
    assert (model.mal is not None, model.slutuppfoljning is not None) == (ar == 2025,) * 2


def test_ny_uppfoljning_writes_once_and_checks_the_year(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    result = runner.invoke(app, ["ny", "uppfoljning", "2024", "--data", str(data)])
    assert result.exit_code == 0, result.output
    target = data / "uppfoljning" / "2024.yaml"
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/uppfoljning.schema.json\n"
    )
    before = target.read_bytes()
    again = runner.invoke(app, ["ny", "uppfoljning", "2024", "--data", str(data)])
    assert again.exit_code == 4  # WriteRefused (docs/decisions/0060)
    assert "finns redan och skrivs inte över" in again.stderr
    assert target.read_bytes() == before
    assert runner.invoke(app, ["ny", "uppfoljning", "2030", "--data", str(data)]).exit_code == 2


def test_scaffold_comments_cannot_carry_data_out_of_a_comment(tmp_path: Path) -> None:
    """A plan text with a line break stays inside its comment (no injected keys)."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    plan = data / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "    namn: Barns och ungas uppväxtvillkor",
            # a block text: "\\n" in "…" is refused (bakstreck-i-citat)
            "    namn: |-\n      Barns\n      illustrativ: true\n      uppväxtvillkor",
        ),
        encoding="utf-8",
    )
    text = uppfoljning_scaffold(load(data), 2023)
    assert "\nillustrativ: true" not in text
    assert format_text(text, "uppfoljning") == text


# --- the shipped files --------------------------------------------------------------------------


def test_shipped_files_cover_every_plan_year_and_are_marked_illustrative() -> None:
    ds = load(DATA)
    files = {int(f.path.stem): f for f in ds.uppfoljningar}
    assert sorted(files) == [2022, 2023, 2024, 2025]
    for ar, src in files.items():
        assert src.model is not None and src.model.illustrativ, ar
        assert src.path.read_text(encoding="utf-8").startswith("# Illustrativ"), ar
        assert len(src.model.ovriga_uppdrag) == 15
        for beslut in src.model.beslut:
            assert "påhittad" in (beslut.paragraf or ""), ar  # the dates are not real


def test_shipped_2025_verdicts_follow_fakta_and_carry_their_sources() -> None:
    """fakta.md §7: mål not met (8 areas), no SU not met (4 SU), no new areas met. Turned in every
    area: cannot be judged. Only Biskopsgården moved during 2022–2025; Tynnered and Gårdsten moved
    in the 2021 edition, the baseline (fakta §2.2); four areas' 2025 level is unknown. The file is
    illustrative as a whole: these verdicts are drawn from sources, not stadsledningskontoret's."""
    ds = load(DATA)
    final = next(f.model for f in ds.uppfoljningar if f.path.stem == "2025")
    assert final is not None and final.mal is not None and final.slutuppfoljning is not None
    verdicts = {d.delmal: d for d in final.delmal}
    assert final.mal.bedomning == "inte-uppnatt"
    assert verdicts["inga-sarskilt-utsatta"].bedomning == "inte-uppnatt"
    assert verdicts["utvecklingen-vand"].bedomning == "kan-inte-bedomas"
    assert verdicts["inga-nya-omraden"].bedomning == "uppnatt"
    for sourced in (final.mal, *verdicts.values()):
        assert sourced.illustrativ is None and sourced.kallor and sourced.sakerhet
    assert final.illustrativ
    assert verdicts["utvecklingen-vand"].sakerhet == "slutledd"
    assert "inte känd" in verdicts["utvecklingen-vand"].text
    assert "redan i 2021 års lista, som är utgångsläget" in verdicts["utvecklingen-vand"].text
    # The per-area judgements are illustrative: no own illustrativ: false. The same pattern (moved
    # down in the 2021 edition, 2025 level unknown) gets the same verdict.
    per_area = {o.omrade: o for o in verdicts["utvecklingen-vand"].omraden}
    assert all(o.illustrativ is None for o in per_area.values())
    assert per_area["tynnered"].bedomning == per_area["gardsten"].bedomning == "kan-inte-bedomas"
    # moved down in December 2023; on the 2025 list but not särskilt utsatt (second-hand), so the
    # move down has held, though the level alone does not show that the development has turned
    assert per_area["biskopsgarden"].bedomning == "kan-inte-bedomas"
    assert "flytten nedåt har hållit" in per_area["biskopsgarden"].text
    assert "Nivån ensam visar inte om utvecklingen har vänt" in per_area["biskopsgarden"].text
    # no block of the file claims to be real: nothing in it is stadsledningskontoret's
    assert "illustrativ: false" not in (DATA / "uppfoljning" / "2025.yaml").read_text("utf-8")
    assert "Lag (2023:196)" in final.slutuppfoljning.forslag
    assert "slutsats" in final.slutuppfoljning.forslag  # said as inference, not as fact


# --- the editor schema says what the model says ---------------------------------------------------

_BASE_DOC = {
    **MINIMAL,
    "delmal": [
        {
            "delmal": "inga-sarskilt-utsatta",
            "bedomning": "osakert",
            "text": "T.",
            "omraden": [{"omrade": "bergsjon", "bedomning": "osakert", "text": "T."}],
        }
    ],
    "fokusomraden": [{"fokusomrade": "1", "bedomning": "osakert", "text": "T."}],
    "ovriga_uppdrag": [{"uppdrag": "sluta-skjut", "status": "pagaende", "redovisning": "R."}],
    "tidigare_behov": [
        {
            "ar": 2022,
            "organisation": "grundskolenamnden",
            "insats": "1:2",
            "nummer": 1,
            "utfall": "fors-vidare",
            "text": "T.",
        }
    ],
    "beslut": [{"organ": "Kommunstyrelsen", "datum": "2024-06-01", "paragraf": "§ 1"}],
    "slutuppfoljning": {"lardomar": "L.", "forslag": "F.", "kallor": ["k"]},
    "mal": {"bedomning": "inte-uppnatt", "text": "T.", "kallor": ["k"], "sakerhet": "sekundar"},
}


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("beslut", 0, "datum"), "2023-02-29"),
        (("beslut", 0, "datum"), "2024-02-29"),
        (("beslut", 0, "datum"), "2024-06"),
        (("beslut", 0, "paragraf"), ""),
        (("ovriga_uppdrag", 0, "status"), "klar"),
        (("ovriga_uppdrag", 0, "uppdrag"), "Sluta Skjut"),
        (("delmal", 0, "bedomning"), "delvis-uppnatt"),
        (("delmal", 0, "bedomning"), "uppnått"),
        (("delmal", 0, "omraden", 0, "omrade"), "bergsjön"),
        (("fokusomraden", 0, "fokusomrade"), 1),
        (("tidigare_behov", 0, "nummer"), 0),
        (("tidigare_behov", 0, "utfall"), "klart"),
        (("mal", "sakerhet"), "saknas"),
        (("mal", "illustrativ"), "ja"),
        (("slutuppfoljning", "okand"), 1),
        (("illustrativ",), None),
    ],
)
def test_editor_schema_agrees_with_the_model(path: tuple[Any, ...], value: Any) -> None:
    import copy

    from tests.support import pydantic_ok, schema_errors

    assert schema_errors("uppfoljning", _BASE_DOC) == []
    assert pydantic_ok("uppfoljning", _BASE_DOC)
    doc = copy.deepcopy(_BASE_DOC)
    node: Any = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    assert (schema_errors("uppfoljning", doc) == []) is pydantic_ok("uppfoljning", doc)


def test_the_reports_date_is_the_latest_decision() -> None:
    beslut = [
        {"organ": "Kommunstyrelsen", "datum": "2024-06-12", "paragraf": "§ 5"},
        {"organ": "Kommunfullmäktige", "datum": "2024-09-05"},
        {"organ": "Kommunstyrelsen", "datum": "2024-05-30"},
    ]
    assert UppfoljningFil.model_validate({**MINIMAL, "beslut": beslut}).beslutsdatum == "2024-09-05"
    assert UppfoljningFil.model_validate(MINIMAL).beslutsdatum is None


def test_misplaced_files_are_told_their_own_place(tmp_path: Path) -> None:
    """The advice names the move to make for this file: its own name, and the year its path
    has (else where the year goes)."""
    data = build_case(CASES / "uppfoljning-fel-plats", tmp_path / "u")
    msgs = {
        f.file.split("/data/")[-1]: f.message
        for f in validate(data).findings
        if f.code == "fel-plats"
    }
    assert msgs == {
        "uppfoljning/2023-utkast.yaml": "En samlad uppföljning ska heta uppfoljning/<år>.yaml; "
        "den här filen läses inte. Byt namn till uppfoljning/2023.yaml (och flytta den dit).",
        "uppfoljning/2023/kommunstyrelsen.yaml": "En samlad uppföljning ska heta "
        "uppfoljning/<år>.yaml; den här filen läses inte. Byt namn till uppfoljning/2023.yaml "
        "(och flytta den dit).",
    }
    data = build_case(CASES / "fel-plats", tmp_path / "r")
    msgs = {
        f.file.split("/data/")[-1]: f.message
        for f in validate(data).findings
        if f.code == "fel-plats"
    }
    # Both are copies of rapporter/2023/grundskolenamnden.yaml (its 'ar' and 'organisation'):
    # the advice says so rather than send the user to overwrite it. It names the keys of the
    # file that say more than its path (load.placement).
    copy = (
        "En rapport ska ligga i rapporter/<år>/<organisation>.yaml; den här filen läses inte. "
        "Den hör till rapporter/2023/grundskolenamnden.yaml{}, men "
        "rapporter/2023/grundskolenamnden.yaml finns redan med samma innehåll: den här filen är "
        "en kopia, ta bort den."
    )
    assert msgs == {
        "rapporter/2023/utkast/grundskolenamnden.yaml": copy.format(""),
        "rapporter/utkast.yaml": copy.format(" (enligt 'ar' och 'organisation' i filen)"),
    }


@pytest.mark.usefixtures("values_not_refused")
def test_plan_text_keeps_escape_sequences_and_markup_out_of_the_terminal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    plan = data / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "      text: Utreda möjligheterna att starta arbete enligt modellen Sluta Skjut.",
            '      text: "Utreda \\e[31mröd\\u202e [bold]x[/bold]"',
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["plan", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    shown = "dnr 0353/21 (2026 Q1): Utreda \\x1b[31mröd<U+202E> [bold]x[/bold]"
    assert shown in result.stdout
