"""Texts about a report year name that year ("för 2023", "under 2023"), never "i år": a report
for 2023 is often written in 2024, and "i år" would then mean the wrong year."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from tests.support import BASE
from utsatta import load
from utsatta.cli.app import app
from utsatta.compute.coverage import RAKNING_DEFINITION
from utsatta.scaffold import report_scaffold

I_AR = re.compile(r"\bi år\b")


def test_the_report_template_names_the_year() -> None:
    text = report_scaffold(load(BASE), 2023, "grundskolenamnden")
    # the ids of the data's omraden.yaml, never a made-up example (nyanv11)
    assert (
        "    # Områden som arbetet nått under 2023: id ur omraden.yaml inom [ ], med komma "
        "emellan, t.ex.\n    # [bergsjon, gardsten]. Id i omraden.yaml: bergsjon och gardsten.\n"
        "    omraden: []\n"
    ) in text
    assert I_AR.search(text) is None


def test_help_legend_and_definition_never_say_i_ar(tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(app, ["ny", "rapport", "--help"], terminal_width=200).stdout
    assert "Skapa rapporter/ÅR/ORGANISATION.yaml med varje insats som ska rapporteras för ÅR." in (
        help_text
    )
    status = runner.invoke(app, ["status", "2023", "--data", str(BASE)], terminal_width=200)
    assert "○ inte förfallen 2023 (återrapportering under" in status.stdout
    for text in (help_text, status.stdout, RAKNING_DEFINITION):
        assert I_AR.search(text) is None, text


def test_the_omraden_comment_is_bounded(tmp_path: Path) -> None:
    """25 områden: 20 ids listed in omraden.yaml order, then "och 5 till" (the ids pass the
    schema's id pattern, and the comment is made safe line by line as every scaffold comment)."""
    import shutil

    from utsatta.scaffold.rapport import OMRADEN_LISTADE

    assert OMRADEN_LISTADE == 20
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / "omraden.yaml"
    text = path.read_text(encoding="utf-8")
    klassning = (
        "    klassning:\n      - upplaga: 2023\n        niva: utsatt\n"
        "        sakerhet: bekraftad\n        kallor: [polisen-2023]\n"
    )
    extra = "".join(f"  - id: o{n:02}\n    namn: O{n}\n{klassning}" for n in range(23))
    path.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    ds = load(data)
    assert ds.omraden is not None and ds.omraden.model is not None
    assert len(ds.omraden.model.omraden) == 25
    got = report_scaffold(ds, 2023, "grundskolenamnden")
    block = got.split("    # Områden som arbetet", 1)[1].split("    omraden: []", 1)[0]
    flat = " ".join(line.removeprefix("    # ") for line in block.splitlines()).strip()
    assert flat.endswith(
        "Id i omraden.yaml: bergsjon, gardsten, "
        + ", ".join(f"o{n:02}" for n in range(18))
        + " och 5 till."
    ), flat


def test_the_samordning_comment_agrees_with_the_finding_on_an_empty_key(tmp_path: Path) -> None:
    """The coordinating nämnd is told that 'samordning' is voluntary and may be removed, as
    validate says of the key left empty (tom-text): not asked for a value it then gets a
    finding for."""
    import shutil

    from tests.support import SHIPPED

    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    (data / "rapporter" / "2025" / "kommunstyrelsen.yaml").unlink()
    text = report_scaffold(load(data), 2025, "kommunstyrelsen")
    comment = (
        "    # Ni har samordningsansvar och kan ge en samlad bedömning av insatsen för alla\n"
        "    # ansvariga (frivilligt). Skriv den indragen på raderna under, eller ta bort nyckeln\n"
        "    # om ni inte skriver någon.\n"
        "    samordning: |\n"
    )
    assert comment in text
    path = data / "rapporter" / "2025" / "kommunstyrelsen.yaml"
    path.write_text(text, encoding="utf-8")
    code = CliRunner().invoke(app, ["validate", str(path), "--data", str(data)])
    line = text[: text.index(comment) + len(comment)].count("\n")
    assert (
        f"kommunstyrelsen.yaml:{line}:17: fel [tom-text] 'samordning' är tom. Skriv en text, "
        "eller ta bort nyckeln: den är frivillig."
    ) in code.stdout
