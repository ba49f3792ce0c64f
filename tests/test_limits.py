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
        (1024 * 1024, "1 MiB"),
        (3 * 1024 * 1024, "3 MiB"),
        (512 * 1024, "512 kB"),
        (1536 * 1024, "1536 kB"),
        (1000, "1000 byte"),
        (0, "0 byte"),
    ],
)
def test_size_text(n: int, text: str) -> None:
    assert size_text(n) == text


def test_the_code_title_names_the_limit_the_loader_uses() -> None:
    assert MAX_FILE_BYTES == 1024 * 1024
    assert CODES["for-stor-fil"].title == f"Filen är större än {size_text(MAX_FILE_BYTES)}"
    assert CODES["for-stor-fil"].title == "Filen är större än 1 MiB"
    assert "| `for-stor-fil` | fel | Filen är större än 1 MiB |" in README.read_text("utf-8")


def test_the_loader_refuses_one_byte_over_the_limit(tmp_path: Path) -> None:
    at = tmp_path / "at.yaml"
    at.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 4) + b"\n")
    over = tmp_path / "over.yaml"
    over.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 3) + b"\n")
    assert at.stat().st_size == MAX_FILE_BYTES and over.stat().st_size == MAX_FILE_BYTES + 1
    assert [f.code for f in read_raw(at, "at.yaml").findings] == []
    assert [f.code for f in read_raw(over, "over.yaml").findings] == ["for-stor-fil"]
