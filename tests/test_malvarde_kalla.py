"""A målvärde needs a source, as an utfall does: without 'kalla' it is the error saknat-falt at
the målvärde, with what 'kalla' is and what to do when there is none
(docs/decisions/0400-malvarde-kraver-kalla.md). Data: the case folder malvarde-utan-kalla."""

from __future__ import annotations

from pathlib import Path

from tests.support import build_case
from utsatta.check.pipeline import validate

CASE = Path(__file__).parent / "cases" / "malvarde-utan-kalla"

_HINT = (
    "Lägg till 'kalla: …'. 'kalla' är id:t för en av källorna under 'kallor' i filen. Ange "
    "källan som målvärdet kommer ur (t.ex. planen, med 'sakerhet: slutledd' om värdet eller "
    "året är en slutsats av dess text). Finns ingen källa: ta bort målvärdet."
)


def test_a_malvarde_without_kalla_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    root = build_case(CASE, tmp_path)
    found = validate(root).findings
    assert [
        (Path(f.file).relative_to(root).as_posix(), f.line, f.column, f.severity, f.code)
        for f in found
    ] == [
        ("indikatorer/valdeltagande.yaml", 17, 5, "fel", "saknat-falt"),
        ("indikatorer/valdeltagande.yaml", 20, 5, "fel", "saknat-falt"),
    ]
    assert [f.message for f in found] == [
        "Den obligatoriska nyckeln 'kalla' saknas i post 1 under 'malvarden'. " + _HINT,
        "Den obligatoriska nyckeln 'kalla' saknas i post 2 under 'malvarden'. " + _HINT,
    ]


def test_an_utfall_without_kalla_says_what_kalla_is(tmp_path: Path) -> None:
    root = build_case(CASE, tmp_path)
    path = root / "indikatorer" / "valdeltagande.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    kalla: vg-2018\n", "", 1)  # the utfall's (the last line)
    text = text.replace(
        "  - ar: 2023\n    varde: 83\n", "  - ar: 2023\n    varde: 83\n    kalla: vg-2018\n"
    )
    text = text.replace("{ar: 2025, varde: 85}", "{ar: 2025, varde: 85, kalla: vg-2018}")
    path.write_text(text, encoding="utf-8")
    found = validate(root).findings
    assert [(f.line, f.code, f.message) for f in found] == [
        (
            23,
            "saknat-falt",
            "Den obligatoriska nyckeln 'kalla' saknas i post 1 under 'utfall'. Lägg till "
            "'kalla: …'. 'kalla' är id:t för en av källorna under 'kallor' i filen.",
        )
    ]
