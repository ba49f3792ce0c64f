"""`utsatta fmt FOLDER`: a folder named on the command line is read as the data folder's walk
reads it. Nothing in it is skipped in silence and no link is followed: a linked folder (inside
the data folder or out of it), a link to a file outside, a broken link, a file in the wrong
place, each is named with why it was not checked, and the folder itself when it is a link: a
finding with validate's code, printed as validate prints it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app as cli

ROOT = Path(__file__).parent.parent
DATA = ROOT / "data"
MESSY = "ar: 2023\r\nschemaversion: 1\r\ninsatser:\r\n- insats: 1:1  # kommentar\r\n"
#: fmt says it first: validate's message may end in a command, which must end the line
NOT_CHECKED = "fmt har varken kontrollerat eller formaterat filen. "
LINKED_OUT = (
    "data/rapporter/2022:1:1: fel [lank-utanfor-data] " + NOT_CHECKED + "Mappen är en "
    "symbolisk länk som pekar utanför datamappen och läses inte. Lägg in filerna i datamappen "
    "i stället."
)
LINKED_IN = (
    "data/rapporter/2024:1:1: fel [lankad-mapp] " + NOT_CHECKED + "Mappen är en symbolisk "
    "länk och läses inte. Lägg in filerna i datamappen i stället."
)
FILE_OUT = (
    "data/rapporter/2023/goteborgslokaler.yaml:1:1: fel [lank-utanfor-data] "
    + NOT_CHECKED
    + "Filen är en symbolisk länk som pekar utanför datamappen. Av säkerhetsskäl läses den "
    "inte; lägg in filen i datamappen i stället."
)
BROKEN = (
    "data/rapporter/2023/bostadsbolaget.yaml:1:1: fel [lank-bruten] " + NOT_CHECKED + "Det här "
    "är en symbolisk länk till något som inte finns, så den går inte att läsa. Ta bort länken "
    "och lägg in filen som en vanlig fil i datamappen."
)
MISPLACED = (
    "data/rapporter/2023/extra/higab.yaml:1:1: fel [fel-plats] " + NOT_CHECKED + "En rapport "
    "ska ligga i rapporter/<år>/<organisation>.yaml; den här filen läses inte. Den hör till "
    "rapporter/2023/higab.yaml, men rapporter/2023/higab.yaml finns redan: jämför filerna, för "
    "över det som ska vara kvar till rapporter/2023/higab.yaml och ta sedan bort den här filen."
)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with a messy report, and in rapporter/ every kind of link."""
    root = tmp_path / "data"
    reports = root / "rapporter" / "2023"
    reports.mkdir(parents=True)
    for name in ("plan.yaml", "organisationer.yaml", "omraden.yaml"):
        (root / name).write_bytes((DATA / name).read_bytes())
    (reports / "higab.yaml").write_bytes((DATA / "rapporter/2023/higab.yaml").read_bytes())
    (reports / "framtiden.yaml").write_bytes(MESSY.encode())
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (outside / "framtiden.yaml").write_bytes(MESSY.encode())
    (root / "rapporter" / "2022").symlink_to(outside)  # a folder linked out of the data folder
    (root / "rapporter" / "2024").symlink_to("2023")  # a folder linked within it
    (reports / "goteborgslokaler.yaml").symlink_to(outside / "framtiden.yaml")
    (reports / "bostadsbolaget.yaml").symlink_to("finns-inte.yaml")
    (reports / "extra").mkdir()
    (reports / "extra" / "higab.yaml").write_bytes(MESSY.encode())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    return root


def _fmt(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["fmt", *args], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines()


def test_a_folder_names_every_link_and_misplaced_file_in_it(data: Path, tmp_path: Path) -> None:
    code, lines = _fmt("--check", "data/rapporter")
    assert code == 1
    assert lines == [
        LINKED_OUT,
        LINKED_IN,
        BROKEN,
        FILE_OUT,
        MISPLACED,
        "skulle formateras om: data/rapporter/2023/framtiden.yaml (rad 1 blir: `schemaversion: 1`)",
        "1 fil av 7 skulle formateras om. Formatera den med: utsatta fmt "
        "data/rapporter/2023/framtiden.yaml",
        "5 filer kunde inte formateras; rätta felen ovan och försök igen. Se felen med: "
        "utsatta validate --data data",
    ]
    assert (tmp_path / "utanfor" / "framtiden.yaml").read_bytes() == MESSY.encode()


def test_the_same_folder_as_the_whole_data_folder_says(data: Path) -> None:
    """What a folder argument says about its files is what `utsatta fmt` says for them."""
    _, whole = _fmt("--check")
    _, folder = _fmt("--check", "data/rapporter")
    assert [line for line in whole if ": fel [" in line] == [
        line for line in folder if ": fel [" in line
    ]


@pytest.mark.parametrize("named", ["data/rapporter/2024", "data/rapporter/2024/"])
def test_a_linked_folder_named_is_not_followed(data: Path, named: str) -> None:
    code, lines = _fmt(named)
    assert code == 1
    assert lines == [
        LINKED_IN,
        "0 filer formaterades om, 0 var redan formaterade, 1 kunde inte formateras.",
        "1 fil kunde inte formateras; rätta felen ovan och försök igen. Se felen med: "
        "utsatta validate --data data",
    ]
    assert (data / "rapporter/2023/framtiden.yaml").read_bytes() == MESSY.encode()


def test_a_folder_linked_out_of_the_data_folder_is_never_written(
    data: Path, tmp_path: Path
) -> None:
    code, lines = _fmt("data/rapporter/2022")
    assert code == 1
    assert lines[0] == LINKED_OUT
    assert (tmp_path / "utanfor" / "framtiden.yaml").read_bytes() == MESSY.encode()


def test_a_folder_without_links_is_formatted(data: Path) -> None:
    for link in ("rapporter/2022", "rapporter/2024", "rapporter/2023/goteborgslokaler.yaml"):
        (data / link).unlink()
    (data / "rapporter/2023/bostadsbolaget.yaml").unlink()
    (data / "rapporter/2023/extra/higab.yaml").unlink()
    code, lines = _fmt("data/rapporter/2023")
    assert (code, lines) == (
        0,
        [
            "formaterade: data/rapporter/2023/framtiden.yaml",
            "1 fil formaterades om, 1 var redan formaterad.",
        ],
    )
