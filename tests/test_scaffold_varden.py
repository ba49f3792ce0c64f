"""`ny uppfoljning` carries the author (upprattad_av) from the latest uppföljning: whatever the
value, the file it writes reads back as the same value and `validate` finds nothing on those
lines (was: a multi-line author written as "…\\n…", which validate refuses as
bakstreck-i-citat). A text with a line break is written as a block text ('|')."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from utsatta import load, validate
from utsatta.fmt import format_text
from utsatta.scaffold import uppfoljning_scaffold

SHIPPED = Path(__file__).parent.parent / "data"

HOSTILE = [
    "Stadsledningskontoret\navdelning Social hållbarhet",
    "Stadsledningskontoret\navdelning Social hållbarhet\n",  # '|' keeps one line break
    "Stadsledningskontoret\n\navdelning\n\n\n",  # '|+'
    "rad ett\n  indragen rad två",
    "  indragen första rad\nrad två",  # '|2': the indentation is said
    'Avdelning "A"\n\\ och \\n, C:\\Users',
    "Avdelning: Analys #1\n- inte en lista\n# ingen kommentar",
    "- Avdelning A",
    '"Avdelning A"',
    "Åsa Öberg, Ängelholm 😀\nrad två: ja",
    "Avdelning A ",
    "   \nAvdelning A",  # a first line of spaces only
    "Avdelning A\n\tflik",
    "Social\u00a0hållbarhet\nrad två",
    "\n\nAvdelning A\nrad två",
]

#: What validate says on the author's lines, by value: nothing, but for a line that looks like a
#: comment inside the block text ('# ingen kommentar'): it is text, as in the source file, and
#: kommentar-i-text says so there too (docs/decisions/0539-kommentar-i-text.md). By the line's
#: number after 'upprattad_av: |-' (the header as the scaffold writes it).
SAID = {
    "Avdelning: Analys #1\n- inte en lista\n# ingen kommentar": [
        (
            3,
            "kommentar-i-text",
            "Raden '# ingen kommentar' står inne i texten under 'upprattad_av: |-' och kommer "
            "med i rapporterna som text, fast den ser ut som en kommentar: efter '|-' är '#' "
            "inget kommentarstecken. Ska raden vara en kommentar, flytta den ovanför raden "
            "'upprattad_av: |-'; ska den vara text, ta bort '# ' först på raden.",
        )
    ]
}


def _written_by_ruamel(vem: str) -> str:
    """The source file's line(s): a text with a line break as ruamel writes a block text."""
    if "\n" not in vem:
        return f"upprattad_av: {json.dumps(vem, ensure_ascii=False)}\n"
    out = io.StringIO()
    YAML().dump({"upprattad_av": LiteralScalarString(vem)}, out)
    return out.getvalue().removesuffix("...\n")  # ruamel ends a '|+' text with '...'


@pytest.mark.parametrize("vem", HOSTILE)
def test_the_author_is_written_back_as_it_was(tmp_path: Path, vem: str) -> None:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    source = root / "uppfoljning" / "2024.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "upprattad_av: Stadsledningskontoret\n", _written_by_ruamel(vem)
        ),
        encoding="utf-8",
    )
    (root / "uppfoljning" / "2025.yaml").unlink()
    ds = load(root)
    assert [f.model.upprattad_av for f in ds.uppfoljningar if f.model and f.model.ar == 2024] == [
        vem
    ]
    text = uppfoljning_scaffold(ds, 2025)
    target = root / "uppfoljning" / "2025.yaml"
    target.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    first = next(n for n, li in enumerate(lines, 1) if li.startswith("upprattad_av:"))
    after = next(n for n, li in enumerate(lines, 1) if li.startswith("# Den samlade")) - 1
    # The scaffold leaves blanks for the analyst, so no model: the value as YAML reads it.
    assert YAML(typ="safe", pure=True).load(text)["upprattad_av"] == vem
    assert [
        (f.line - first, f.code, f.message)
        for f in validate(root).findings
        if f.file.endswith("2025.yaml") and first <= f.line <= after
    ] == SAID.get(vem, [])
    assert format_text(text, "uppfoljning") == text


def test_a_multi_line_author_is_a_block_text(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    source = root / "uppfoljning" / "2024.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "upprattad_av: Stadsledningskontoret",
            "upprattad_av: |\n  Stadsledningskontoret\n  avdelning Social hållbarhet",
        ),
        encoding="utf-8",
    )
    (root / "uppfoljning" / "2025.yaml").unlink()
    text = uppfoljning_scaffold(load(root), 2025)
    assert (
        "\nupprattad_av: |\n  Stadsledningskontoret\n  avdelning Social hållbarhet\n"
        "# Den samlade bilden"
    ) in text
