"""CODEOWNERS gives everything an owner (granska17 F-f): a fallback line first, owned by the
plan's owner (the organisation of typ kommunstyrelse), so that templates/, .github/, a report
named after no organisation and an organisation without reviewers are not left unowned; the
templates and .github/ last, so that no line above takes them (GitHub: the last line that
matches wins)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE
from utsatta.cli.app import app

HEAD = [
    "# Skapad av `utsatta codeowners` från organisationer.yaml (granskare). Ändra inte för",
    "# hand: lägg till granskare i organisationer.yaml och skapa filen igen.",
]


def _repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str, ks: str) -> None:
    """A git work tree at ``tmp_path`` with the base data in ``folder``; kommunstyrelsen's
    reviewers ``ks`` (a YAML flow list) and grundskolenämnden's ['@gsn']."""
    (tmp_path / ".git").mkdir()
    data = tmp_path / folder
    shutil.copytree(BASE, data, dirs_exist_ok=True)  # "." : the data folder is the work tree
    orgs = data / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    text = text.replace(
        "    typ: kommunstyrelse\n", f"    typ: kommunstyrelse\n    granskare: {ks}\n", 1
    )
    text = text.replace("    typ: namnd\n", "    typ: namnd\n    granskare: ['@gsn']\n", 1)
    orgs.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("UTSATTA_DATA", "GITHUB_ACTIONS", "CI"):
        monkeypatch.delenv(name, raising=False)


def _codeowners(*args: str) -> list[str]:
    result = CliRunner().invoke(app, ["codeowners", *args])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def test_fallback_first_and_templates_and_github_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # two handles that are one (GitHub's handles ignore case): named once
    _repo(tmp_path, monkeypatch, "data", "['@goteborg/slk', '@Goteborg/SLK']")
    assert _codeowners("--data", "data") == [
        *HEAD,
        "# Reserv: det som ingen rad nedan ger en ägare ägs av Kommunstyrelsen: rapporter som "
        "inte heter",
        "# efter någon organisation, organisationer utan egna granskare och allt utanför "
        "datamappen.",
        "* @goteborg/slk",
        "# Planen, organisationerna, områdena, indikatorerna och den samlade uppföljningen:",
        "# Kommunstyrelsen.",
        "/data/plan.yaml @goteborg/slk",
        "/data/organisationer.yaml @goteborg/slk",
        "/data/omraden.yaml @goteborg/slk",
        "/data/indikatorer/ @goteborg/slk",
        "/data/uppfoljning/ @goteborg/slk",
        "/data/rapporter/*/kommunstyrelsen.yaml @goteborg/slk",
        "/data/rapporter/*/grundskolenamnden.yaml @gsn",
        "# /data/rapporter/*/socialnamnd-nordost.yaml: inga egna granskare angivna, reservraden"
        " (*) gäller",
        "# Mallarna bredvid datamappen (ändrar varje rapport) och .github/ (den här filen och",
        "# arbetsflödena): Kommunstyrelsen, sist så att ingen rad ovanför gäller för dem.",
        "/templates/ @goteborg/slk",
        "/.github/ @goteborg/slk",
    ]


def test_a_coordinators_line_is_not_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # grundskolenämnden coordinates an insats socialnämnden reports on: its line owns the file
    _repo(tmp_path, monkeypatch, "data", "['@slk']")
    lines = _codeowners("--data", "data", "--med-samordnare")
    assert lines[-8:-4] == [
        "/data/rapporter/*/kommunstyrelsen.yaml @slk",
        "/data/rapporter/*/grundskolenamnden.yaml @gsn @slk",
        # no "reservraden gäller": the coordinators' line below owns the file
        "# /data/rapporter/*/socialnamnd-nordost.yaml: inga egna granskare angivna",
        "/data/rapporter/*/socialnamnd-nordost.yaml @gsn @slk",
    ]
    assert lines[-2:] == ["/templates/ @slk", "/.github/ @slk"]


@pytest.mark.parametrize(
    ("folder", "templates"),
    [
        ("uppfoljning/min data", ["/uppfoljning/templates/ @slk"]),
        ("a b/data", ["/a\\ b/templates/ @slk"]),
        # the data folder is the repository: its templates/ beside it are outside it
        (".", []),
    ],
)
def test_templates_beside_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str, templates: list[str]
) -> None:
    _repo(tmp_path, monkeypatch, folder, "['@slk']")
    lines = _codeowners("--data", folder)
    assert lines[len(HEAD) + 2] == "* @slk"
    assert lines[-1 - len(templates) :] == [*templates, "/.github/ @slk"]
    # the comment names the templates only where their line is written (granska17b F4)
    comment = " ".join(line.removeprefix("# ") for line in lines if line.startswith("# "))
    assert ("Mallarna bredvid datamappen" in comment) == bool(templates)


def test_no_fallback_without_kommunstyrelsens_reviewers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _repo(tmp_path, monkeypatch, "data", "[]")
    assert _codeowners("--data", "data") == [
        *HEAD,
        "# Ingen reservägare: Kommunstyrelsen har inga granskare i organisationer.yaml, så "
        "planen, de",
        "# gemensamma datafilerna, mallarna, .github/ och rapporter utan egna granskare har "
        "ingen ägare.",
        "# Ange 'granskare' för Kommunstyrelsen och skapa filen igen.",
        "# /data/rapporter/*/kommunstyrelsen.yaml: inga egna granskare angivna",
        "/data/rapporter/*/grundskolenamnden.yaml @gsn",
        "# /data/rapporter/*/socialnamnd-nordost.yaml: inga egna granskare angivna",
    ]
