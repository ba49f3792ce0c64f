"""The file size limit has one source of truth (``utsatta.limits``): the loader refuses by it
and every text that names it is written from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from utsatta.codes import CODES
from utsatta.limits import MAX_FILE_BYTES, size_text
from utsatta.load.raw import read_raw

README = Path(__file__).parent.parent / "README.md"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1024 * 1024, "1 MB"),
        (3 * 1024 * 1024, "3 MB"),
        (512 * 1024, "512 kB"),
        (1536 * 1024, "1,5 MB"),
        (3 * 1024 * 1024 + 400 * 1024, "3,4 MB"),
        # rounded up, never shown smaller than it is: one byte over the limit is not "1 MB"
        (1024 * 1024 + 1, "1,1 MB"),
        (1024 * 1024 - 1, "1 MB"),
        (1025, "2 kB"),
        (1024, "1 kB"),
        (2000 * 1024 * 1024, "2 000 MB"),
        (1000, "1 000 byte"),
        (0, "0 byte"),
    ],
)
def test_size_text(n: int, text: str) -> None:
    assert size_text(n) == text


def test_the_code_title_names_the_limit_the_loader_uses() -> None:
    assert MAX_FILE_BYTES == 1024 * 1024
    assert CODES["for-stor-fil"].title == f"Filen är större än {size_text(MAX_FILE_BYTES)}"
    assert CODES["for-stor-fil"].title == "Filen är större än 1 MB"
    readme = README.read_text("utf-8")
    assert "| `for-stor-fil` | fel | Filen är större än 1 MB |" in readme
    assert "en fil får vara högst **1 MB**" in readme


def test_the_loader_refuses_one_byte_over_the_limit(tmp_path: Path) -> None:
    at = tmp_path / "at.yaml"
    at.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 4) + b"\n")
    over = tmp_path / "over.yaml"
    over.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 3) + b"\n")
    assert at.stat().st_size == MAX_FILE_BYTES and over.stat().st_size == MAX_FILE_BYTES + 1
    assert [f.code for f in read_raw(at, "at.yaml").findings] == []
    assert [(f.code, f.message) for f in read_raw(over, "over.yaml").findings] == [
        (
            "for-stor-fil",
            "Filen är 1,1 MB; gränsen är 1 MB. Dela upp innehållet eller korta texterna.",
        )
    ]


def test_fmt_names_the_limit_as_the_loader_does(tmp_path: Path) -> None:
    from utsatta.fmt import format_file

    over = tmp_path / "over.yaml"
    over.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 3) + b"\n")
    result = format_file(over, "rapport", write=False)
    assert [(f.code, f.message) for f in result.findings] == [
        ("for-stor-fil", "Filen är större än 1 MB och formateras inte.")
    ]
