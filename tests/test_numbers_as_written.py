"""A number in a message is echoed as the user wrote it (792.00, 2.018e3), never as Python
prints the float it became (792.0, 2018.0)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import BASE
from utsatta import validate


@pytest.mark.parametrize(
    ("written", "code", "message"),
    [
        ("792.00", "fel-typ", "'ar' ska vara ett heltal, men här står talet 792.00. 792.00 "
         "räknas inte som ett heltal, eftersom det är skrivet med decimaler. Skriv ett heltal, "
         "t.ex. ar: 2023."),
        ("2.018e3", "fel-typ", "'ar' ska vara ett heltal, men här står talet 2.018e3. 2.018e3 "
         "räknas inte som ett heltal, eftersom det är skrivet med exponent (e). Skriv ar: 2018."),
        ("792", "utanfor-intervall", "'ar' är 792, men måste vara minst 1900. Skriv året med "
         "fyra siffror, t.ex. ar: 2023."),
    ],
)  # fmt: skip
def test_a_year_is_echoed_as_written(written: str, code: str, message: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    folder = data / "indikatorer"
    path = next(iter(sorted(folder.glob("*.yaml"))))
    text = path.read_text(encoding="utf-8")
    first = text.index("  - ar: ") + len("  - ar: ")
    end = text.index("\n", first)
    path.write_text(text[:first] + written + text[end:], encoding="utf-8")
    line = text.count("\n", 0, first) + 1
    found = [
        (f.line, f.column, f.code, f.message)
        for f in validate(data).findings
        if f.file.endswith(path.name) and f.code == code
    ]
    assert found == [(line, 9, code, message)]


def test_a_value_for_a_choice_is_echoed_as_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / "rapporter" / "2023" / "kommunstyrelsen.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: pagaende", "status: 1.50"), encoding="utf-8")
    messages = [f.message for f in validate(data).findings if f.code == "ogiltigt-varde"]
    assert len(messages) == 1
    assert messages[0].startswith("'1.50' är inte ett tillåtet värde för status.")
