"""`utsatta ny rapport` and `utsatta codeowners`."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from tests.support import BASE
from utsatta import validate
from utsatta.cli.app import app
from utsatta.load.yamlread import parse

runner = CliRunner()


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    return data


def test_new_report_lists_what_the_organisation_owes(tmp_path: Path) -> None:
    data = _data(tmp_path)
    result = runner.invoke(app, ["ny", "rapport", "2024", "grundskolenamnden", "--data", str(data)])
    assert result.exit_code == 0, result.output
    text = (data / "rapporter/2024/grundskolenamnden.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schema/rapport.schema.json\n")
    doc = parse(text).data
    assert doc["ar"] == 2024
    assert doc["organisation"] == "grundskolenamnden"
    # 1:1 and 2:1 are yearly; 1:4 (under planperioden) is voluntary before 2025; 1:7 only 2023.
    assert [i["insats"] for i in doc["insatser"]] == ["1:1", "2:1"]
    assert "samordning" in doc["insatser"][0]  # samordningsansvar for 1:1
    assert "samordning" not in doc["insatser"][1]
    assert "insats 1:4" in text  # the voluntary one is mentioned in a comment
    # Every field is explained by a Swedish comment.
    assert "# Läget i slutet av året. Ett av: ej-paborjad, pagaende" in text


def test_new_report_is_flagged_until_filled_in(tmp_path: Path) -> None:
    data = _data(tmp_path)
    runner.invoke(app, ["ny", "rapport", "2024", "socialnamnd-nordost", "--data", str(data)])
    report = data / "rapporter/2024/socialnamnd-nordost.yaml"
    result = runner.invoke(app, ["validate", "--data", str(data), str(report)])
    assert result.exit_code == 1
    assert "'status' saknar värde. Skriv ett av: ej-paborjad" in result.stdout


def test_new_report_never_overwrites(tmp_path: Path) -> None:
    data = _data(tmp_path)
    target = data / "rapporter/2023/grundskolenamnden.yaml"
    before = target.read_bytes()
    result = runner.invoke(app, ["ny", "rapport", "2023", "grundskolenamnden", "--data", str(data)])
    assert result.exit_code == 4  # WriteRefused: refused to write (docs/decisions/0060)
    assert "finns redan och skrivs inte över" in result.stderr
    assert target.read_bytes() == before


def test_new_report_points_at_the_report_under_another_name_or_place(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A report of the year under a wrong name, in a wrong year's folder, with a wrong ending,
    in a folder of the wrong case: never a second copy (exit 4, as for a file in the way), and
    the message names it with validate's advice for it."""
    monkeypatch.chdir(tmp_path)
    ks = "data/rapporter/2023/kommunstyrelsen.yaml"
    head = "fel: Rapporten för 2023 från kommunstyrelsen finns redan, men som data/{0}, och den "
    tail = (
        " inte förrän den heter " + ks + ". Ingen ny fil skapas (det skulle bli två rapporter). "
        "utsatta validate säger om data/{0}: "
    )
    cases = {
        "rapporter/2023/KS.yaml": "räknas",
        "rapporter/2022/kommunstyrelsen.yaml": "räknas",
        "kommunstyrelsen.yml": "läses",
        "Rapporter/2023/kommunstyrelsen.yaml": "läses",
    }
    for place, verb in cases.items():
        shutil.rmtree(tmp_path / "data", ignore_errors=True)
        data = _data(tmp_path)
        (data / place).parent.mkdir(parents=True, exist_ok=True)
        (data / "rapporter/2023/kommunstyrelsen.yaml").rename(data / place)
        advice = [f.message for f in validate(Path("data")).findings if f.file == f"data/{place}"]
        assert len(advice) == 1, advice
        result = runner.invoke(app, ["ny", "rapport", "2023", "kommunstyrelsen", "--data", "data"])
        assert result.exit_code == 4, result.output
        assert result.stderr == (
            head.format(place) + verb + tail.format(place) + advice[0] + "\n"
        ), place
        assert not (tmp_path / ks).exists()


def test_new_report_unknown_organisation_lists_valid_ids(tmp_path: Path) -> None:
    data = _data(tmp_path)
    result = runner.invoke(app, ["ny", "rapport", "2024", "grundskolan", "--data", str(data)])
    assert result.exit_code == 2
    assert "Menade du 'grundskolenamnden'?" in result.stderr
    assert "kommunstyrelsen, grundskolenamnden, socialnamnd-nordost" in result.stderr
    result = runner.invoke(app, ["ny", "rapport", "2030", "grundskolenamnden", "--data", str(data)])
    assert result.exit_code == 2


def test_new_report_by_an_organisations_name_is_told_its_id(tmp_path: Path) -> None:
    """'Socialnämnd Nordost' is a name in organisationer.yaml: its id, and the command with
    it, not "finns inte i organisationer.yaml" (decision 0658)."""
    data = _data(tmp_path)
    args = ["ny", "rapport", "2024", "Socialnämnd Nordost", "--data", str(data)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    command = f"'utsatta ny rapport 2024 socialnamnd-nordost --data {data}'"
    assert " ".join(result.stderr.split()).endswith(
        "'Socialnämnd Nordost' är inget id utan namnet på Socialnämnd Nordost i "
        f"organisationer.yaml, vars id är socialnamnd-nordost. Skapa rapporten med: {command}."
    )
    assert not (data / "rapporter/2024").exists()


def test_an_empty_report_is_told_the_command_that_writes_one(tmp_path: Path) -> None:
    """An empty rapporter/ÅR/ORGANISATION.yaml: the advice names 'utsatta ny rapport', with
    the data folder as the run named it; following it (after removing the file) works (0658)."""
    data = _data(tmp_path)
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    path.write_text("# inget ännu\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(data)])
    found = [line for line in result.stdout.splitlines() if "[tom-fil]" in line]
    assert [" ".join(line.split("[tom-fil] ")[1].split()) for line in found] == [
        "Filen är tom eller innehåller bara kommentarer. Fyll i innehållet, eller ta bort filen "
        "och skapa en rapport att fylla i med: 'utsatta ny rapport 2023 grundskolenamnden "
        f"--data {data}'."
    ]
    path.unlink()
    args = ["ny", "rapport", "2023", "grundskolenamnden", "--data", str(data)]
    assert runner.invoke(app, args).exit_code == 0


def test_codeowners_from_reviewers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = _data(tmp_path)
    orgs = (data / "organisationer.yaml").read_text(encoding="utf-8")
    orgs = orgs.replace(
        "    typ: namnd\n    verksamhet_i_utsatta_omraden: true\n",
        "    typ: namnd\n    verksamhet_i_utsatta_omraden: true\n"
        "    granskare: ['@goteborg/gsn']\n",
        1,
    )
    (data / "organisationer.yaml").write_text(orgs, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["codeowners", "--data", "data"])
    assert result.exit_code == 0, result.output
    # after the header and the three lines that say there is no fallback owner
    # (kommunstyrelsen has no reviewers: tests/test_codeowners_fallback.py)
    assert result.stdout.splitlines()[5:] == [
        "# /data/rapporter/*/kommunstyrelsen.yaml: inga egna granskare angivna",
        "/data/rapporter/*/grundskolenamnden.yaml @goteborg/gsn",
        "# /data/rapporter/*/socialnamnd-nordost.yaml: inga egna granskare angivna",
    ]
    out = tmp_path / ".github" / "CODEOWNERS"
    assert runner.invoke(app, ["codeowners", "--data", "data", "--output", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout
    again = runner.invoke(app, ["codeowners", "--data", "data", "--output", str(out)])
    assert again.exit_code == 0 and "oförändrad" in again.stdout
    # With coordinators: grundskolenämnden has samordningsansvar for an insats that the
    # social welfare committees report on, so its reviewers own their files too.
    result = runner.invoke(app, ["codeowners", "--data", "data", "--med-samordnare"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[7:] == [
        "# /data/rapporter/*/kommunstyrelsen.yaml: inga egna granskare angivna",
        "/data/rapporter/*/grundskolenamnden.yaml @goteborg/gsn",
        "# /data/rapporter/*/socialnamnd-nordost.yaml: inga egna granskare angivna",
        "/data/rapporter/*/socialnamnd-nordost.yaml @goteborg/gsn",
    ]


def test_codeowners_lists_each_handle_once_whatever_its_case() -> None:
    from utsatta.scaffold import unique_handles

    assert unique_handles(["@goteborg/GSN", "@Goteborg/gsn", "@goteborg/ks"]) == [
        "@goteborg/GSN",
        "@goteborg/ks",
    ]


def test_every_new_report_already_has_the_canonical_layout() -> None:
    """`ny rapport` writes what `fmt --check` accepts, for every organisation and year."""
    from utsatta.fmt import format_text
    from utsatta.load.dataset import load
    from utsatta.scaffold import report_scaffold

    ds = load(Path(__file__).parent.parent / "data")
    assert ds.organisationer and ds.organisationer.model
    for ar in (2024, 2025):
        for org in ds.organisationer.model.organisationer:
            text = report_scaffold(ds, ar, org.id)
            assert format_text(text, "rapport") == text, (ar, org.id)
