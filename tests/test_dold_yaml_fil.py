"""A hidden YAML file in a data folder ('rapporter/2025/.hidden.yaml') is not read, as every
hidden file, but warned about: it looks like a data file (okand-fil, docs/decisions/0663,
amends 0062). Other hidden files, hidden folders and the top level's stay silent; the case
folder dold-yaml-fil holds them all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import utsatta
from tests.support import BASE


@pytest.mark.parametrize(
    ("name", "silent"),
    [
        ("rapporter/2023/.hidden.yaml", False),
        ("rapporter/2023/.HIDDEN.YML", False),
        ("uppfoljning/.2023.yaml", False),
        (".gitlab-ci.yml", True),  # a data repository's own file at the top
        (".github/workflows/validate.yml", True),  # in a hidden folder
        ("rapporter/2023/.gitkeep", True),
        ("rapporter/2023/.#grundskolenamnden.yaml", True),  # Emacs' lock
        ("rapporter/2023/._grundskolenamnden.yaml", True),  # macOS metadata
        ("rapporter/2023/.grundskolenamnden.yaml.swp", True),  # vim's swap
    ],
)
def test_which_hidden_files_warn(tmp_path: Path, name: str, silent: bool) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("a: 1\n", encoding="utf-8")
    found = [(f.file, f.line, f.column, f.code) for f in utsatta.validate(data).findings]
    assert found == ([] if silent else [(str(path), 1, 1, "okand-fil")])


def test_the_message_names_the_file_to_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    (data / "indikatorer" / ".x.yml").write_text("a: 1\n", encoding="utf-8")
    (finding,) = utsatta.validate(data).findings
    assert finding.severity.value == "varning"
    assert finding.message == (
        "Filen är dold (namnet börjar med '.') och läses inte, så det som står i den kommer "
        "inte med i kontrollen eller rapporten. Är den en datafil, byt namn till 'x.yaml'; "
        "annars flytta den ur datamappen."
    )
