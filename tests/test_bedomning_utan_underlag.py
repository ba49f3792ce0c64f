"""A verdict on how far a fokusområde is reached when none of its indicators can be assessed for
the year: ``validate`` warns (bedomning-utan-underlag) and the report marks it "ingen av
indikatorerna kan bedömas" (docs/decisions/0401-bedomning-utan-underlag.md).

Data: the case folder bedomning-utan-underlag (fokusområde 1's only indicator has a målvärde
but no value from the plan period; fokusområde 2's has values for 2022 and 2023), and the
shipped data with its 2025 verdict on fokusområde 1 (six indicators, none with a value from the
plan period) set back to delvis-uppnatt, as it was before granska9 F7.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import ROOT, build_case, shipped_with_verdict, verdict_without_malvarde
from utsatta.check.pipeline import validate
from utsatta.cli.app import app
from utsatta.compute.indicators import evaluate
from utsatta.compute.malgrund import fokus_med_underlag, fokus_utan_underlag, utan_underlag
from utsatta.load.dataset import load
from utsatta.render.report import build, render

CASE = Path(__file__).parent / "cases" / "bedomning-utan-underlag"
#: two values for 2023 in fokusområde 1's only indicator (granska10 F8)
DUBBLETT = "  - {ar: 2023, varde: 82, kalla: test}\n  - {ar: 2023, varde: 83, kalla: test}\n"


def test_the_warning_names_the_fokusomrade_the_year_and_the_fix(tmp_path: Path) -> None:
    root = build_case(CASE, tmp_path)
    found = validate(root).findings
    where = [(Path(f.file).relative_to(root).as_posix(), f.line, f.column, f.code) for f in found]
    assert where == [("uppfoljning/2023.yaml", 18, 16, "bedomning-utan-underlag")]
    assert found[0].severity == "varning"
    assert found[0].message == (
        "Fokusområde 1 bedöms som 'bedoms-uppnas', men ingen av dess indikatorer kan bedömas "
        "för 2023: bedömningen har inget i indikatorerna att mätas mot. Skriv 'bedomning: "
        "kan-inte-bedomas' (eller 'osakert'), eller lägg till de utfall som saknas i "
        'fokusområdets indikatorer (fokusomrade: "1" i indikatorer/<id>.yaml). Skälen per '
        "indikator visas av 'utsatta indikatorer --ar 2023'."
    )


def _validate_json(folder: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(
        app, ["validate", "--data", folder, "--format", "json"], catch_exceptions=False
    )
    return list(json.loads(result.stdout)["findings"])


@pytest.mark.parametrize(
    ("folder", "tail"),
    [
        # the command last in its sentence, nothing after it (decision 0370)
        ("f1", "Skälen per indikator visas av 'utsatta indikatorer --ar 2023 --data f1'."),
        # granska10 F4: a name no command can hold; why, in plain words, not inside quotes
        (
            "f\u200bx",
            "Skälen per indikator visas av utsatta indikatorer, men inget kommando kan ges: "
            "sökvägen har tecknet U+200B, ett osynligt eller okänt tecken, som inte kan skrivas i "
            "ett kommando; byt namn på mappen eller filen först.",
        ),
    ],
)
def test_the_suggested_command_ends_the_message(
    folder: str, tail: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case(CASE, tmp_path).rename(tmp_path / folder)
    found = _validate_json(folder, tmp_path, monkeypatch)
    assert [f["code"] for f in found] == ["bedomning-utan-underlag"]
    message = found[0]["message"]
    assert message.endswith('(fokusomrade: "1" i indikatorer/<id>.yaml). ' + tail), message
    assert "'(" not in message


def test_no_warning_while_an_indicator_of_the_fokusomrade_has_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """granska10 F8: two 2023 values leave the indicator out of the evaluation; validate says
    dubblett-utfall, and does not advise adding values to an indicator it could not read."""
    root = build_case(CASE, tmp_path)
    ind = root / "indikatorer" / "behorighet.yaml"
    text = ind.read_text(encoding="utf-8")
    ind.write_text(text + DUBBLETT, encoding="utf-8")
    found = _validate_json("data", tmp_path, monkeypatch)
    assert [(f["file"], f["code"]) for f in found] == [
        ("data/indikatorer/behorighet.yaml", "dubblett-utfall")
    ]
    ds = load(root)
    assert fokus_utan_underlag(ds, 2023, [("1", "bedoms-uppnas")], frozenset({"1"})) == frozenset()
    # the same data without the duplicate: the warning, from the one function
    ind.write_text(text, encoding="utf-8")
    ds = load(root)
    assert fokus_utan_underlag(ds, 2023, [("1", "bedoms-uppnas")], frozenset({"1"})) == {"1"}


def test_only_verdicts_on_how_far_a_goal_is_reached_and_not_twice() -> None:
    med, underlag = frozenset({"1", "2"}), frozenset({"2"})
    assert utan_underlag("delvis-uppnatt", "1", med, underlag)
    assert utan_underlag("bedoms-uppnas", "1", med, underlag)
    assert not utan_underlag("bedoms-uppnas", "2", med, underlag)
    # osakert and kan-inte-bedomas say the answer cannot be told (as in 0240)
    assert not utan_underlag("osakert", "1", med, underlag)
    assert not utan_underlag("kan-inte-bedomas", "1", med, underlag)
    # no målvärde at all: bedomning-utan-malvarde says it, this one does not repeat it
    assert not utan_underlag("delvis-uppnatt", "3", med, underlag)


def test_the_shipped_data_has_no_such_verdict_and_none_assessable_in_fokusomrade_1() -> None:
    ds = load(ROOT / "data")
    for ar in (2022, 2023, 2024, 2025):
        assert fokus_med_underlag(evaluate(ds, ar)) == frozenset(), ar
    assert not [f for f in validate(ROOT / "data").findings if f.code.startswith("bedomning-")]


def test_the_report_marks_the_verdict_and_validate_warns(tmp_path: Path) -> None:
    root = shipped_with_verdict(tmp_path, "1")
    found = [f for f in validate(root).findings if f.code == "bedomning-utan-underlag"]
    assert [(Path(f.file).relative_to(root).as_posix(), f.line) for f in found] == [
        ("uppfoljning/2025.yaml", 110)
    ]
    view = build(load(root), 2025)
    md, html = render(view, "md"), render(view, "html")
    assert (
        "**Fokusområde 1: Barns och ungas uppväxtvillkor: Delvis uppnått** *(illustrativ; "
        "ingen av indikatorerna kan bedömas)*"
    ) in md
    assert '<span class="tag">illustrativ; ingen av indikatorerna kan bedömas</span>' in html
    # fokusområde 3 (kan inte bedömas) is not marked
    assert (
        "**Fokusområde 3: Inflytande, delaktighet och tillit: Kan inte bedömas** *(illustrativ)*"
        in md
    )


def test_one_mark_where_no_malvarde_is_behind_the_verdict(tmp_path: Path) -> None:
    """Fokusområde 2 has no målvärde: marked "bedömning utan målvärde" only."""
    view = build(load(verdict_without_malvarde(tmp_path)), 2025)
    md = render(view, "md")
    assert (
        "**Fokusområde 2: Grundläggande säkerhet och trygghet: Delvis uppnått** *(illustrativ; "
        "bedömning utan målvärde)*"
    ) in md
    assert md.count("ingen av indikatorerna kan bedömas") == 0


def test_the_export_marks_it_in_its_own_column(tmp_path: Path) -> None:
    """bedomningar's utan_underlag is ja where the report marks the verdict, per year."""
    from utsatta.export import tables

    root = shipped_with_verdict(tmp_path, "1")
    t = next(t for t in tables(load(root), 2025) if t.namn == "bedomningar")
    names = [c.namn for c in t.columns]
    rows = [dict(zip(names, r, strict=True)) for r in t.rows]
    fokus = [
        (r["ar"], r["del_id"], r["bedomning"], r["utan_malvarde"], r["utan_underlag"])
        for r in rows
        if r["del"] == "fokusomrade"
    ]
    assert [f for f in fokus if f[0] == 2025] == [
        (2025, "1", "delvis-uppnatt", "nej", "ja"),
        (2025, "2", "kan-inte-bedomas", "nej", "nej"),
        (2025, "3", "kan-inte-bedomas", "nej", "nej"),
    ]
    assert {f[4] for f in fokus if f[0] < 2025} == {"nej"}
    assert {r["utan_underlag"] for r in rows if r["bedomning"] == "saknas"} == {None}
