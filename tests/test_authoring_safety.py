"""`utsatta ny`: no report for an organisation that does not exist that year, and no data from
organisationer.yaml or plan.yaml that can break out of the comment it is written into."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import CASES, build_case
from utsatta.cli.app import app
from utsatta.load import yamlread
from utsatta.load.yamlread import parse

runner = CliRunner()


def _upphord(tmp_path: Path) -> Path:
    """Socialnämnd Nordost ceased 2022-12-31; Socialnämnd Ny, formed 2023-01-01, took over."""
    data = build_case(CASES / "organisation-upphord", tmp_path)
    (data / "rapporter/2023/socialnamnd-nordost.yaml").unlink()
    # the predecessor's last report is the one the tests write (or are told to)
    (data / "rapporter/2022/socialnamnd-nordost.yaml").unlink()
    return data


def test_no_report_for_an_organisation_that_has_ceased(tmp_path: Path) -> None:
    data = _upphord(tmp_path)
    result = runner.invoke(
        app, ["ny", "rapport", "2024", "socialnamnd-nordost", "--data", str(data)]
    )
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert (
        "Socialnämnd Nordost (socialnamnd-nordost) upphörde 2022-12-31 och rapporterar inte för "
        "2024. Uppgifterna har tagits över av Socialnämnd Ny (socialnamnd-ny) från 2023-01-01: "
        "insatserna 1:1, "
        "1:7 och 2:1. "
        "Skapa deras rapport i stället, t.ex.: utsatta ny rapport 2024 socialnamnd-ny "
        f"--data {shlex.quote(str(data))}"
    ) in message
    assert not (data / "rapporter/2024").exists()


def test_no_report_for_an_organisation_not_yet_formed(tmp_path: Path) -> None:
    data = _upphord(tmp_path)
    result = runner.invoke(app, ["ny", "rapport", "2022", "socialnamnd-ny", "--data", str(data)])
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert (
        "Socialnämnd Ny (socialnamnd-ny) bildades 2023-01-01 och rapporterar inte för 2022. "
        "Rapporten för 2022 lämnas av Socialnämnd Nordost (socialnamnd-nordost), som "
        "organisationen efterträdde. Skapa den med: utsatta ny rapport 2022 socialnamnd-nordost "
        f"--data {shlex.quote(str(data))}"
    ) in message
    assert not (data / "rapporter/2022/socialnamnd-ny.yaml").exists()


def test_the_heir_and_the_predecessor_can_report(tmp_path: Path) -> None:
    data = _upphord(tmp_path)
    for ar, org in (("2024", "socialnamnd-ny"), ("2022", "socialnamnd-nordost")):
        result = runner.invoke(app, ["ny", "rapport", ar, org, "--data", str(data)])
        assert result.exit_code == 0, result.output


def test_a_report_ceased_during_the_year_is_refused(tmp_path: Path) -> None:
    data = _upphord(tmp_path)
    orgs = data / "organisationer.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8")
        .replace('giltig_till: "2022-12-31"', 'giltig_till: "2023-06-30"')
        .replace('giltig_fran: "2023-01-01"', 'giltig_fran: "2023-07-01"'),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["ny", "rapport", "2023", "socialnamnd-nordost", "--data", str(data)]
    )
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert (
        "upphörde 2023-06-30, före årets slut, och rapporterar inte för 2023. Hela året "
        "rapporteras av den som finns den 31 december."
    ) in message
    assert "utsatta ny rapport 2023 socialnamnd-ny" in message


def test_unknown_organisation_offers_only_that_years_organisations(tmp_path: Path) -> None:
    data = _upphord(tmp_path)
    result = runner.invoke(app, ["ny", "rapport", "2024", "socialnamnd", "--data", str(data)])
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "Giltiga id för 2024: kommunstyrelsen, grundskolenamnden, socialnamnd-ny." in message
    result = runner.invoke(app, ["ny", "rapport", "2022", "socialnamnd", "--data", str(data)])
    assert "Giltiga id för 2022: kommunstyrelsen, grundskolenamnden, socialnamnd-nordost." in (
        " ".join(result.stderr.split())
    )


HOSTILE = "Evil\n*/ evil: 1\r\nschemaversion: 2\u2028x: 3\x85y: 4\u202e\x1b[31m\x00"


def _hostile_names(data: Path) -> None:
    orgs = data / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    quoted = HOSTILE.replace("\\", "\\\\").encode("unicode_escape").decode("ascii")
    orgs.write_text(
        text.replace("namn: Grundskolenämnden", f'namn: "{quoted}"', 1), encoding="utf-8"
    )
    plan = data / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    first_namn = next(line for line in text.splitlines() if line.strip().startswith("namn:"))
    indent = first_namn[: len(first_namn) - len(first_namn.lstrip())]
    plan.write_text(text.replace(first_namn, f'{indent}namn: "{quoted}"', 1), encoding="utf-8")


def _assert_safe(text: str) -> None:
    doc = parse(text).data
    assert doc["schemaversion"] == 1
    assert "evil" not in doc and "x" not in doc and "y" not in doc
    for char in "\r\x85\u2028\u2029\u202e\x1b\x00":
        assert char not in text, repr(char)
    header = text.splitlines()[1]
    assert header.startswith("# ") and "<U+202E>\\x1b[31m\\x00" in header


def test_new_files_never_carry_data_out_of_a_comment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # validate refuses these names (otillatet-tecken); the new files must be safe even when a
    # library user's data holds them
    monkeypatch.setattr(yamlread, "REFUSE_IN_VALUES", False)
    data = build_case(CASES / "okand-organisation", tmp_path)
    (data / "rapporter/2023/grundskolenamden.yaml").unlink()
    _hostile_names(data)
    check = runner.invoke(app, ["validate", "--data", str(data)])
    assert check.exit_code == 0, check.output
    result = runner.invoke(app, ["ny", "rapport", "2024", "grundskolenamnden", "--data", str(data)])
    assert result.exit_code == 0, result.output
    report = (data / "rapporter/2024/grundskolenamnden.yaml").read_text(encoding="utf-8")
    _assert_safe(report)
    assert report.splitlines()[1].startswith("# Rapport 2024 från Evil */ evil: 1 schemaversion:")
    result = runner.invoke(app, ["ny", "uppfoljning", "2024", "--data", str(data)])
    assert result.exit_code == 0, result.output
    _assert_safe((data / "uppfoljning/2024.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("refused", [True, False])
def test_a_reviewer_with_hidden_characters_is_no_handle(
    base_copy: Path, refused: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reviewer is written into CODEOWNERS as it stands: no control or bidi character. The
    reader refuses them in any value (otillatet-tecken, at each value); without that, the
    check of handles does too."""
    monkeypatch.setattr(yamlread, "REFUSE_IN_VALUES", refused)
    orgs = base_copy / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    orgs.write_text(
        text.replace(
            "  - id: grundskolenamnden\n",
            '  - id: grundskolenamnden\n    granskare: ["anna@goteborg.se", "a\\u202e@b.se", '
            '"a@b.se\\e[31m"]\n',
            1,
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", "--data", str(base_copy), "--format", "json"])
    codes = [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    code = "otillatet-tecken" if refused else "ogiltig-granskare"
    assert codes == [(code, 8, 37), (code, 8, 53)]


def test_when_the_report_that_is_due_exists_it_is_edited_not_created(tmp_path: Path) -> None:
    """The command offered instead would refuse (exit 4): the file is named to edit instead."""
    data = _upphord(tmp_path)
    for ar, org in (("2024", "socialnamnd-ny"), ("2022", "socialnamnd-nordost")):
        assert runner.invoke(app, ["ny", "rapport", ar, org, "--data", str(data)]).exit_code == 0
    result = runner.invoke(app, ["ny", "rapport", "2022", "socialnamnd-ny", "--data", str(data)])
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert (
        "organisationen efterträdde. Den rapporten finns redan: redigera "
        f"{data / 'rapporter/2022/socialnamnd-nordost.yaml'}."
    ) in message, message
    assert "utsatta ny rapport" not in message.split("ORGANISATION:")[-1]
    result = runner.invoke(
        app, ["ny", "rapport", "2024", "socialnamnd-nordost", "--data", str(data)]
    )
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert (
        "1:7 och 2:1. Den rapporten finns redan: redigera "
        f"{data / 'rapporter/2024/socialnamnd-ny.yaml'}."
    ) in message, message


def _occupy(target: Path, kind: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "nothing":
        target.symlink_to(target.parent / "saknas.yaml")
    elif kind == "folder-link":
        target.symlink_to(target.parent)
    elif kind == "file-link":
        (target.parent / "annan.txt").write_text("x", encoding="utf-8")
        target.symlink_to(target.parent / "annan.txt")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        (
            "nothing",
            "är en symbolisk länk som inte leder till något som finns och skrivs inte över "
            "(utsatta följer inga länkar när den skriver). Ta bort länken och kör kommandot igen.",
        ),
        (
            "folder-link",
            "är en symbolisk länk till en mapp och skrivs inte över (utsatta följer inga länkar "
            "när den skriver). Ta bort länken och kör kommandot igen.",
        ),
        (
            "file-link",
            "är en symbolisk länk till en vanlig fil och skrivs inte över (utsatta följer inga "
            "länkar när den skriver). Redigera filen som länken leder till i stället.",
        ),
        (
            "fifo",
            "är en namngiven pipe (FIFO), inte en datafil, och skrivs inte över. Ta bort eller "
            "flytta den och kör kommandot igen.",
        ),
        (
            "folder",
            "är en mapp, inte en datafil, och skrivs inte över. Ta bort eller flytta den och kör "
            "kommandot igen.",
        ),
    ],
)
def test_what_stands_where_the_new_file_goes_is_named(tmp_path: Path, kind: str, said: str) -> None:
    data = _upphord(tmp_path)
    target = data / "rapporter/2024/socialnamnd-ny.yaml"
    _occupy(target, kind)
    result = runner.invoke(app, ["ny", "rapport", "2024", "socialnamnd-ny", "--data", str(data)])
    assert result.exit_code == 4, result.output
    assert " ".join(result.stderr.split()) == f"fel: {target} {said}"
    assert "befintliga filen" not in result.stderr
