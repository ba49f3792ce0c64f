"""fmt --check and report --check say when the only difference is what an editor does not
show: a BOM (Notepad, Excel), lone CR or mixed line ends, the last line's break
(lineends.invisible_difference)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app
from utsatta.lineends import invisible_difference

BOM = (
    "filen börjar med en BOM, tecknet U+FEFF som t.ex. Anteckningar och Excel skriver först i filen"
)


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (b"\xef\xbb\xbfa\n", b"a\n", BOM),
        (
            b"a\rb\r",
            b"a\nb\n",
            "raderna slutar med ensamma CR, som i gamla Mac-program, i stället för LF",
        ),
        (
            b"a\r\nb\nc\r",
            b"a\nb\nc\n",
            "raderna slutar med blandade radslut, CRLF, LF och ensamma CR, i stället för LF",
        ),
        (
            b"a\r\nb\n",
            b"a\r\nb\r\n",
            "raderna slutar med blandade radslut, CRLF och LF, i stället för CRLF",
        ),
        (b"a\nb", b"a\nb\n", "sista raden slutar utan radbrytning"),
        (b"\xef\xbb\xbfa\r\nb", b"a\r\nb\r\n", BOM + " och sista raden slutar utan radbrytning"),
        (b"a\n", b"a\n", None),
        (b"a\nb\n", b"a\nc\n", None),
        (b"\xef\xbb\xbfa\n", b"b\n", None),
    ],
)
def test_what_differs(old: bytes, new: bytes, said: str | None) -> None:
    assert invisible_difference(old, new) == said


@pytest.fixture
def data(base_cwd: Path) -> Path:
    return Path("data")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_fmt_check_says_a_bom_is_the_only_difference(data: Path) -> None:
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, out, _ = _run("fmt", "--check", "--data", "data")
    assert code == 1
    assert out.splitlines()[0] == (
        f"skulle formateras om: data/rapporter/2023/grundskolenamnden.yaml (enda skillnaden är "
        f"att {BOM})"
    )
    code, out, _ = _run("fmt", "--data", "data")
    assert out.splitlines()[0].startswith("formaterade: data/rapporter/2023/grundskolenamnden.yaml")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_fmt_check_says_lone_cr(data: Path) -> None:
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    code, out, _ = _run("fmt", "--check", str(path))
    assert (code, out.splitlines()[0]) == (
        1,
        "skulle formateras om: data/rapporter/2023/grundskolenamnden.yaml (enda skillnaden är "
        "att raderna slutar med ensamma CR, som i gamla Mac-program, i stället för LF)",
    )


def test_fmt_check_of_a_layout_change_says_nothing_more(data: Path) -> None:
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"ar: 2023", b"ar:   2023"))
    _, out, _ = _run("fmt", "--check", str(path))
    # the line that differs is named (of the file as it is: the BOM does not move it)
    assert out.splitlines()[0] == (
        "skulle formateras om: data/rapporter/2023/grundskolenamnden.yaml (rad 2 blir: `ar: 2023`)"
    )


def test_report_check_says_a_bom_or_lone_cr_is_the_only_difference(data: Path) -> None:
    assert _run("report", "2023", "--data", "data", "--output", "r.md")[0] == 0
    text = Path("r.md").read_bytes()
    Path("r.md").write_bytes(b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n"))
    code, _, err = _run("report", "2023", "--data", "data", "--output", "r.md", "--check")
    assert (code, err) == (
        1,
        f"r.md har samma innehåll som en ny rendering av rapporten 2023; enda skillnaden är att "
        f"{BOM}. Uppdatera filen med: utsatta report 2023 --data data --output r.md --force\n",
    )
    Path("r.md").write_bytes(text.replace(b"\n", b"\r"))
    code, _, err = _run("report", "2023", "--data", "data", "--output", "r.md", "--check")
    assert (code, err) == (
        1,
        "r.md har samma innehåll som en ny rendering av rapporten 2023; enda skillnaden är att "
        "raderna slutar med ensamma CR, som i gamla Mac-program, i stället för LF. Uppdatera "
        "filen med: utsatta report 2023 --data data --output r.md --force\n",
    )
    Path("r.md").write_bytes(text.replace(b"\n", b"\r\n"))  # autocrlf: up to date
    assert _run("report", "2023", "--data", "data", "--output", "r.md", "--check")[0] == 0


def test_fmt_makes_mixed_line_ends_one_style_as_the_readme_says(data: Path) -> None:
    # README: fmt keeps the file's line ends (mostly CRLF gives CRLF, else LF), says mixed ones
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    lf = path.read_bytes()
    path.write_bytes(lf.replace(b"\n", b"\r\n", 5))  # 5 CRLF, the rest LF: mostly LF
    code, out, _ = _run("fmt", "--check", "--data", "data")
    assert (code, out.splitlines()[0]) == (
        1,
        "skulle formateras om: data/rapporter/2023/grundskolenamnden.yaml (enda skillnaden är "
        "att raderna slutar med blandade radslut, CRLF och LF, i stället för LF)",
    )
    assert _run("fmt", "--data", "data")[0] == 0
    assert path.read_bytes() == lf
    crlf = lf.replace(b"\n", b"\r\n")
    path.write_bytes(crlf.replace(b"\r\n", b"\n", 3))  # mostly CRLF
    _, out, _ = _run("fmt", "--data", "data")
    assert out.splitlines()[0] == (
        "formaterade: data/rapporter/2023/grundskolenamnden.yaml (enda skillnaden är att "
        "raderna slutar med blandade radslut, CRLF och LF, i stället för CRLF)"
    )
    assert path.read_bytes() == crlf
    assert _run("fmt", "--check", "--data", "data")[0] == 0  # all CRLF is accepted as it is
