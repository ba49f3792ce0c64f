"""A → B → C: Grundskolenämnden (the plan's) ceases 2022, Skolnämnden takes everything over
and ceases 2024, Utbildningsnämnden takes 1:1 and 1:4 over from it. Skolnämnden is both a
successor and a predecessor. Each year one organisation holds each insats, the chain's day is
its last step's and its certainty its least sure step's, in the report's responsibility tables
and in `utsatta export` (decisions 0020, 0610). Skolnämnden's 2:1 (through the group) goes to
no one, and its 'kommentar' says so (decision 0615)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from tests.support import CASES
from utsatta.cli.app import app
from utsatta.compute.responsibility import Duties
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.omorganisation import eftertradare
from utsatta.wording import via_namn

ORGS = """schemaversion: 1
organisationer:
  - id: kommunstyrelsen
    namn: Kommunstyrelsen
    typ: kommunstyrelse
    verksamhet_i_utsatta_omraden: false
  - id: grundskolenamnden
    namn: Grundskolenämnden
    typ: namnd
    verksamhet_i_utsatta_omraden: true
    giltig_till: "2022-12-31"
    efterfoljare:
      - organisation: skolnamnden
        tolkning: bekraftad
  - id: skolnamnden
    namn: Skolnämnden
    typ: namnd
    verksamhet_i_utsatta_omraden: true
    giltig_fran: "2023-01-01"
    giltig_till: "2024-12-31"
    efterfoljare:
      - organisation: utbildningsnamnden
        insatser: ["1:1", "1:4"]
        tolkning: slutledd
    kommentar: Ingen tog över nämndens del av 2:1; Utbildningsnämnden har 2:1 själv i gruppen.
  - id: utbildningsnamnden
    namn: Utbildningsnämnden
    typ: namnd
    verksamhet_i_utsatta_omraden: true
    giltig_fran: "2025-01-01"
  - id: socialnamnd-nordost
    namn: Socialnämnd Nordost
    typ: namnd
    verksamhet_i_utsatta_omraden: true
grupper:
  - id: socialnamnderna
    namn: Socialnämnderna
    medlemmar: [socialnamnd-nordost]
  - id: samtliga-med-verksamhet
    namn: Samtliga med verksamhet i utsatta områden
    urval: verksamhet_i_utsatta_omraden
"""


def _data(root: Path) -> Path:
    """The base data with ORGS, Grundskolenämnden's 2023 report as Skolnämnden's."""
    data = root / "data"
    shutil.copytree(CASES / "_base", data)
    (data / "organisationer.yaml").write_text(ORGS, encoding="utf-8")
    old = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = old.read_text(encoding="utf-8")
    assert text.count("organisation: grundskolenamnden") == 1
    text = text.replace("organisation: grundskolenamnden", "organisation: skolnamnden")
    (old.parent / "skolnamnden.yaml").write_text(text, encoding="utf-8")
    old.unlink()
    return data


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, str]]]:
    """The 2025 report (Markdown) and the export's table 'ansvar'."""
    root = tmp_path_factory.mktemp("tredje")
    data = _data(root)
    runner = CliRunner()
    check = runner.invoke(app, ["validate", "--data", str(data)], catch_exceptions=False)
    assert (check.exit_code, check.stdout) == (0, "Inga problem i 12 filer.\n")
    md = root / "r.md"
    for args in (
        ["report", "2025", "--output", str(md)],
        ["export", "2025", "--format", "csv", "--output", str(root / "ex")],
    ):
        result = runner.invoke(app, [*args, "--data", str(data)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with (root / "ex" / "ansvar.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    return md.read_text(encoding="utf-8"), rows


def test_the_export_has_one_holder_a_year_with_the_chain(
    outputs: tuple[str, list[dict[str, str]]],
) -> None:
    _, rows = outputs
    keys = ("ar", "organisation", "roll", "grund", "sakerhet", "eftertradare_till", "overtagen")
    got = [tuple(r[k] for k in keys) for r in rows if r["insats"] == "'1:1"]
    both = "samordningsansvar, ansvar"
    assert [g for g in got if g[1] != "socialnamnd-nordost"] == [
        ("2022", "grundskolenamnden", both, "planen", "bekraftad", "", ""),
        ("2023", "skolnamnden", both, "efterträdare till Grundskolenämnden", "bekraftad",
         "grundskolenamnden", "'2023-01-01"),
        ("2024", "skolnamnden", both, "efterträdare till Grundskolenämnden", "bekraftad",
         "grundskolenamnden", "'2023-01-01"),
        # the plan's organisation, the day of the last step, the least sure step's certainty
        ("2025", "utbildningsnamnden", both,
         "efterträdare till Grundskolenämnden via Skolnämnden", "slutledd",
         "grundskolenamnden", "'2025-01-01"),
    ]  # fmt: skip
    # 2:1 (through the group) was not passed on by Skolnämnden: Utbildningsnämnden holds it
    # in 2025 as a member of the group, not as an heir
    rader_21 = {(r["ar"], r["organisation"]): r["grund"] for r in rows if r["insats"] == "'2:1"}
    assert rader_21[("2025", "utbildningsnamnden")] == (
        "gruppen ”Samtliga med verksamhet i utsatta områden”"
    )
    assert ("2025", "skolnamnden") not in rader_21


def test_the_report_names_the_chain_in_its_tables(
    outputs: tuple[str, list[dict[str, str]]],
) -> None:
    md, _ = outputs
    insats_11 = md[md.index("#### Insats 1:1 ") : md.index("#### Insats 1:4 ")]
    assert (
        "- Efterträdare 2025: Utbildningsnämnden i stället för Grundskolenämnden via "
        "Skolnämnden (slutledd) från 2025-01-01"
    ) in insats_11
    assert (
        "| Utbildningsnämnden | Samordnande och ansvarig som efterträdare till "
        "Grundskolenämnden via Skolnämnden (slutledd) från 2025-01-01 |"
    ) in insats_11
    # section 6: each of the two ceased organisations once; Skolnämnden's 2:1, through the
    # group, went to no one
    rows = [line for line in md.splitlines() if line.startswith("| Grundskolenämnden |")]
    rows += [line for line in md.splitlines() if line.startswith("| Skolnämnden |")]
    assert rows == [
        "| Grundskolenämnden | 2022-12-31 | Skolnämnden | bekräftad | 1:1, 1:4, 2:1\\* |",
        "| Skolnämnden | 2024-12-31 | ingen | – | 2:1\\* |",
    ]
    # the table over the period: B both successor and predecessor, in one cell
    assert (
        "| Skolnämnden (bildad 2023-01-01; efterträdare till Grundskolenämnden, bekräftad; "
        "upphörde 2024-12-31; efterträdare: Utbildningsnämnden, slutledd) | ej bildad | "
        "Pågående · Bedöms uppnås | rapport saknas | upphörd |"
    ) in md
    assert (
        "| Utbildningsnämnden (bildad 2025-01-01; efterträdare till Skolnämnden, slutledd) | "
        "ej bildad | ej bildad | ej bildad | rapport saknas |"
    ) in md


# --- the organisations between, in the report's words (decision 0616) --------------------------


def _model(text: str = ORGS) -> tuple[Duties, Names]:
    yaml = YAML(typ="safe")
    plan = PlanFil.model_validate(yaml.load((CASES / "_base" / "plan.yaml").read_text("utf-8")))
    orgs = OrganisationerFil.model_validate(yaml.load(text))
    return Duties.of(plan, orgs), Names.of(orgs, None)


def test_the_chain_names_the_organisation_between() -> None:
    duties, _ = _model()
    assert duties.why("utbildningsnamnden", "1:1", 2025).fran_via() == [
        ("grundskolenamnden", ("skolnamnden",))
    ]
    assert duties.why("skolnamnden", "1:1", 2023).fran_via() == [("grundskolenamnden", ())]
    assert duties.why("socialnamnd-nordost", "1:1", 2025).fran_via() == []


def test_via_stays_with_its_own_name_in_a_list() -> None:
    assert via_namn([("A", ())]) == ["A"]
    assert via_namn([("A", ("B",))]) == ["A via B"]
    assert via_namn([("A", ("B", "C"))]) == ["A via B och C"]
    assert via_namn([("A", ("B",)), ("D", ())]) == ["A (via B)", "D"]


def test_a_chain_and_a_direct_step_to_one_heir_share_a_line() -> None:
    """Socialnämnd Nordost ends 2024 too and passes 1:1 straight to Utbildningsnämnden: one
    line for both predecessors, the via beside the one it belongs to."""
    nordost = "    verksamhet_i_utsatta_omraden: true\ngrupper:"
    assert ORGS.count(nordost) == 1
    text = ORGS.replace(
        nordost,
        '    verksamhet_i_utsatta_omraden: true\n    giltig_till: "2024-12-31"\n'
        "    efterfoljare:\n      - organisation: utbildningsnamnden\n"
        "        tolkning: slutledd\ngrupper:",
    )
    duties, names = _model(text)
    insats = next(i for i in duties.insatser if i.id == "1:1")
    assert eftertradare(insats, 2025, duties, names) == (
        "Utbildningsnämnden i stället för Grundskolenämnden (via Skolnämnden) och Socialnämnd "
        "Nordost (slutledd) från 2025-01-01",
    )


def test_the_scaffold_names_the_organisation_between(tmp_path: Path) -> None:
    """'ny rapport' says the chain in the report's words: "Grundskolenämnden via Skolnämnden"."""
    data = _data(tmp_path)
    result = CliRunner().invoke(
        app, ["ny", "rapport", "2025", "utbildningsnamnden", "--data", str(data)]
    )
    assert result.exit_code == 0, result.output
    text = (data / "rapporter" / "2025" / "utbildningsnamnden.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("  # Insats 1:1: Skolan som arena")
    assert lines[start + 1 : start + 3] == [
        "  # Ni har insatsen som efterträdare till Grundskolenämnden via Skolnämnden från "
        "2025-01-01",
        "  # (planen nämner Grundskolenämnden, inte er). Övertagandet är en slutsats av hur "
        "källorna",
    ]
