"""No organisation is named in code: the follow-up's author comes from its file (upprattad_av),
the new uppföljning's author from the latest one the data holds (else an empty value that
`validate` explains), and CODEOWNERS' owner of the shared files from organisationer.yaml.
See docs/decisions/0165-planperiod-i-data.md ("Authors")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from tests.support import BASE
from utsatta.check import validate
from utsatta.cli.app import app
from utsatta.fmt import format_text
from utsatta.load.dataset import load
from utsatta.render.report.assemble import assemble
from utsatta.scaffold import uppfoljning_scaffold

SHIPPED = Path(__file__).parent.parent / "data"
runner = CliRunner()


def _copy(tmp_path: Path, source: Path = SHIPPED) -> Path:
    root = tmp_path / "data"
    shutil.copytree(source, root)
    return root


def _author(root: Path, ar: int, vem: str) -> None:
    p = root / "uppfoljning" / f"{ar}.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "upprattad_av: Stadsledningskontoret",
            f"upprattad_av: {json.dumps(vem, ensure_ascii=False)}",
        ),
        encoding="utf-8",
    )


# -- the slutuppföljning's behov over the period ------------------------------------------------


def test_the_period_behov_note_names_the_author_from_the_data(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    for ar in (2023, 2024, 2025):
        _author(root, ar, "Kommunstyrelsens förvaltning")
    behov = assemble(load(root), 2025).behov
    assert behov is not None
    assert behov.period_text.endswith(
        " Utfallen och vad som gjorts är illustrativa (påhittade), inte upprättarens "
        "(Kommunstyrelsens förvaltning): det gäller uppföljningarna för 2023, 2024 och 2025."
    )
    assert "tadsledningskontor" not in behov.period_text


def test_the_period_behov_note_names_each_author_with_its_years(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _author(root, 2023, "Avdelning A")
    _author(root, 2024, "Avdelning B")
    _author(root, 2025, "Avdelning A")
    behov = assemble(load(root), 2025).behov
    assert behov is not None
    assert behov.period_text.endswith(
        " Utfallen och vad som gjorts är illustrativa (påhittade), inte upprättarnas "
        "(Avdelning A för 2023 och 2025 och Avdelning B för 2024)."
    )


# -- `ny uppfoljning` ---------------------------------------------------------------------------


def test_a_new_uppfoljning_takes_its_author_from_the_latest_file(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _author(root, 2023, "Avdelning: Analys #1")  # YAML needs quotes for this one
    _author(root, 2024, "Stadsledningskontoret, avdelning Social hållbarhet")
    (root / "uppfoljning" / "2025.yaml").unlink()
    (root / "uppfoljning" / "2022.yaml").unlink()
    text = uppfoljning_scaffold(load(root), 2025)
    assert (
        "# Vem som skrivit uppföljningen; här som i den senaste, 2024.yaml. Ändra om någon annan "
        "skriver\n# den.\n"
        "upprattad_av: Stadsledningskontoret, avdelning Social hållbarhet\n"
    ) in text
    (root / "uppfoljning" / "2024.yaml").unlink()
    text = uppfoljning_scaffold(load(root), 2025)
    assert '\nupprattad_av: "Avdelning: Analys #1"\n' in text
    assert format_text(text, "uppfoljning") == text
    (root / "uppfoljning" / "2025.yaml").write_text(text, encoding="utf-8")
    # the file has blanks left for the analyst, but nothing about its author
    assert not [
        f
        for f in validate(root).findings
        if f.file.endswith("2025.yaml") and "upprattad_av" in f.message
    ]


def test_without_an_earlier_uppfoljning_the_author_is_left_for_validate_to_ask(
    tmp_path: Path,
) -> None:
    root = _copy(tmp_path)
    for p in (root / "uppfoljning").iterdir():
        p.unlink()
    result = runner.invoke(app, ["ny", "uppfoljning", "2024", "--data", str(root)])
    assert result.exit_code == 0, result.output
    target = root / "uppfoljning" / "2024.yaml"
    text = target.read_text(encoding="utf-8")
    assert "tadsledningskontor" not in text
    assert (
        "# FYLL I: vem som skrivit uppföljningen (t.ex. förvaltningens namn), efter kolonet.\n"
        "# Ingen tidigare uppföljning finns att ta namnet från; validate påminner tills det står.\n"
        "upprattad_av:\n"
    ) in text
    line = text.splitlines().index("upprattad_av:") + 1
    found = [
        (f.line, f.column, f.code, f.severity, f.message)
        for f in validate(root).findings
        if f.file.endswith("uppfoljning/2024.yaml") and "upprattad_av" in f.message
    ]
    assert found == [
        (
            line,
            14,
            "fel-typ",
            "fel",
            "'upprattad_av' saknar värde. Skriv text efter kolonet. Där ska stå: vem som "
            "skrivit uppföljningen (t.ex. förvaltningens namn).",
        )
    ]


# -- CODEOWNERS ---------------------------------------------------------------------------------


def test_codeowners_names_the_owner_of_the_shared_files_from_the_data(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    root = _copy(tmp_path, BASE)
    orgs = root / "organisationer.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace(
            "    namn: Kommunstyrelsen\n    typ: kommunstyrelse\n",
            "    namn: Regionstyrelsen\n    typ: kommunstyrelse\n    granskare: ['@org/rs']\n",
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["codeowners", "--data", "data"])
    assert result.exit_code == 0, result.output
    # the fallback owner first (tests/test_codeowners_fallback.py), named from the data too
    assert result.stdout.splitlines()[2:7] == [
        "# Reserv: det som ingen rad nedan ger en ägare ägs av Regionstyrelsen: rapporter som "
        "inte heter",
        "# efter någon organisation, organisationer utan egna granskare och allt utanför "
        "datamappen.",
        "* @org/rs",
        "# Planen, organisationerna, områdena, indikatorerna och den samlade uppföljningen:",
        "# Regionstyrelsen.",
    ]
    assert "/data/plan.yaml @org/rs" in result.stdout.splitlines()
    assert "uppföljningen: kommunstyrelsen" not in result.stdout
