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


HIDDEN = (
    "Filen är dold (namnet börjar med '.') och läses inte, så det som står i den kommer inte "
    "med i kontrollen eller rapporten. "
)


def test_a_hidden_copy_of_another_years_report_is_called_a_copy(tmp_path: Path) -> None:
    """'cp rapporter/2022/x.yaml rapporter/2023/.x.yaml': renaming it to x.yaml would put a
    report with 'ar: 2022' in 2023's folder. The advice is that of the same copy named
    x.yaml.txt (fel-filandelse): the one place that decides (load.placement, 0683)."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    earlier = data / "rapporter" / "2022" / "grundskolenamnden.yaml"
    for name in (".grundskolenamnden.yaml", "grundskolenamnden.yaml.txt"):
        shutil.copyfile(earlier, data / "rapporter" / "2023" / name)
    hidden, named = utsatta.validate(data).findings
    tail = (
        "Den hör till rapporter/2022/grundskolenamnden.yaml (enligt 'ar' i filen), men "
        "rapporter/2022/grundskolenamnden.yaml finns redan med samma innehåll: den här filen är "
        "en kopia, ta bort den."
    )
    assert (hidden.file, hidden.code, hidden.message) == (
        str(data / "rapporter" / "2023" / ".grundskolenamnden.yaml"),
        "okand-fil",
        HIDDEN + tail,
    )
    assert (named.code, named.message.endswith(tail)) == ("fel-filandelse", True)


def test_a_hidden_report_of_another_year_is_moved_there(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    text = (data / "rapporter" / "2022" / "grundskolenamnden.yaml").read_text(encoding="utf-8")
    hidden = data / "rapporter" / "2023" / ".utkast.yml"
    hidden.write_text(text.replace("ar: 2022", "ar: 2024"), encoding="utf-8")
    (finding,) = utsatta.validate(data).findings
    assert (finding.file, finding.message) == (
        str(hidden),
        HIDDEN + "Är den en datafil, flytta den till rapporter/2024/grundskolenamnden.yaml "
        "(enligt 'ar' och 'organisation' i filen), utan '.' först i namnet; annars flytta den "
        "ur datamappen.",
    )


def test_a_hidden_link_is_not_opened(tmp_path: Path) -> None:
    """A link is never read for its keys (it may lead out of the data folder): the advice is
    by its name alone."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    outside = tmp_path / "annan.yaml"
    outside.write_text("ar: 2022\norganisation: grundskolenamnden\n", encoding="utf-8")
    (data / "rapporter" / "2023" / ".lank.yaml").symlink_to(outside)
    (finding,) = utsatta.validate(data).findings
    assert finding.message == (
        HIDDEN + "Är den en datafil, byt namn till 'lank.yaml'; annars flytta den ur datamappen."
    )
