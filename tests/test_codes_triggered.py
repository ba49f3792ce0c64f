"""The registered codes no other test made: each made here, with its file, place and text."""

from __future__ import annotations

from pathlib import Path

import pytest

import utsatta
import utsatta.fmt
from tests.support import BASE, build_case
from utsatta.fmt import format_file


def _found(data: Path) -> list[tuple[str, int, int, str, str, str]]:
    return [
        (
            Path(f.file).relative_to(data).as_posix(),
            f.line,
            f.column,
            f.code,
            str(f.severity),
            f.message,
        )
        for f in utsatta.validate(data).findings
    ]


def test_a_linked_folder_inside_the_data_folder_is_not_read(tmp_path: Path) -> None:
    data = build_case(BASE, tmp_path)
    (data / "indikatorer-lank").symlink_to("indikatorer", target_is_directory=True)
    assert _found(data) == [
        (
            "indikatorer-lank",
            1,
            1,
            "lankad-mapp",
            "varning",
            "Mappen är en symbolisk länk och läses inte. Lägg in filerna i datamappen i stället.",
        )
    ]


def test_a_fokusomrade_id_that_is_no_number(tmp_path: Path) -> None:
    data = build_case(BASE, tmp_path)
    plan = data / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace('  - id: "1"\n', '  - id: "A"\n', 1), "utf-8"
    )
    assert _found(data) == [
        (
            "plan.yaml",
            17,
            9,
            "ogiltigt-fokusomrade-id",
            "fel",
            "'id': 'A' är inte ett fokusområdes-id. Skriv numret inom citattecken, t.ex. \"2\".",
        )
    ]


def test_a_layout_that_would_change_the_content_is_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fmt checks its own result: a layout that changed a value leaves the file untouched."""
    data = build_case(BASE, tmp_path)
    plan = data / "plan.yaml"
    before = plan.read_bytes()
    real = utsatta.fmt.assemble
    monkeypatch.setattr(
        utsatta.fmt,
        "assemble",
        lambda *a, **k: real(*a, **k).replace("Barns och ungas", "Vuxnas"),
    )
    result = format_file(plan, "plan", inside=data, name="data/plan.yaml")
    (finding,) = result.findings
    assert (finding.file, finding.line, finding.column, finding.code, str(finding.severity)) == (
        "data/plan.yaml",
        1,
        1,
        "fmt-internt-fel",
        "fel",
    )
    assert finding.message == (
        "Internt fel i utsatta fmt: filen lämnas orörd (resultatet har inte samma innehåll som "
        "originalet). Filen är troligen korrekt; rapportera gärna felet till utsattas utvecklare."
    )
    assert plan.read_bytes() == before
