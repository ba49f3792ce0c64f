"""One rule for what ends a line (utsatta.lineends, docs/decisions/0119): LF, CRLF and a lone
CR, in every reader and writer; NEL, U+2028 and U+2029 end no line (a file with one is refused
before it is parsed, decision 0100). Each reader gives the same answer whatever the line ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CASES, ROOT, build_case
from utsatta import escape
from utsatta.check import validate
from utsatta.fmt import format_text
from utsatta.lineends import lines, to_lf
from utsatta.load.pasted import unindented_text
from utsatta.load.yamlread import decode, parse

ENDS = ["\n", "\r\n", "\r"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\r\nb", "a\n\nb"),  # a lone CR, then CRLF: two line ends
        ("a\n\rb", "a\n\nb"),  # LF, then a lone CR: two
        ("a\x85b\u2028c\u2029d\x0bx\x0cy", "a\x85b\u2028c\u2029d\x0bx\x0cy"),  # no line ends
        ("", ""),
    ],
)
def test_to_lf(text: str, want: str) -> None:
    assert to_lf(text) == want
    assert lines(text) == want.split("\n")


def test_a_text_without_cr_is_returned_as_it_is() -> None:
    text = "a\nb" * 10
    assert to_lf(text) is text


# Each parser finding the same (line, column, code, message) with each line end. The second,
# third and fourth failed with a lone CR before the rule was one: the syntax message quoted an
# empty line ("Raden ''") and gave other advice; the odd break was put on line 1, column 10;
# the '...' line was not found (a general message on line 3).
_FILES = [
    "a: 1\nb: [x\nc: 2\n",
    "x: 1\nvarde: 12,5\nfoo bar\n",
    "a: 1\nb: x\u2028y\n",
    "a: 1\n...\nb: 2\n",
    "schemaversion: 1\nnulage: |\nTre ord här och mer\nstatus: x\n",
]


@pytest.mark.parametrize("text", _FILES, ids=range(len(_FILES)))
def test_parse_finds_the_same_whatever_the_line_ends(text: str) -> None:
    found = [
        [(p.line, p.column, p.code, p.message) for p in parse(text.replace("\n", end)).problems]
        for end in ENDS
    ]
    assert found[0], text
    assert found[1] == found[0]
    assert found[2] == found[0]


def test_the_line_of_a_bad_byte_counts_a_lone_cr() -> None:
    for end in (b"\n", b"\r\n", b"\r"):
        _, problem = decode(b"a: 1" + end + b"b: 2" + end + b"c: \xc3x" + end)
        assert problem is not None
        assert (problem.line, problem.column) == (3, 4), end


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_odd_breaks_end_no_line_of_pasted_text(char: str) -> None:
    """As an editor shows the file: one line, so nothing is pasted under a key (the parser never
    gets here with one: the file is refused first)."""
    text = "a:\n  nulage: |\nTre ord här\n  status: x\n"
    assert unindented_text(text) is not None
    assert unindented_text(text.replace("\n", char)) is None
    assert unindented_text(text.replace("\n", "\r")) == unindented_text(text)


def test_output_channels_end_lines_the_same() -> None:
    for end in ENDS:
        assert escape.terminal(f"a{end}b", multiline=True) == "a\nb"
        assert escape.prose(f"a{end}b") == "a\nb"
    # U+2028 is no line end: the terminal shows it, prose makes it one (its own rule)
    assert escape.terminal("a\u2028b", multiline=True) == "a<U+2028>b"
    assert escape.prose("a\u2028b") == "a\nb"


def test_fmt_reads_every_line_end_as_one() -> None:
    text = (ROOT / "data" / "rapporter" / "2023" / "higab.yaml").read_text(encoding="utf-8")
    want = format_text(text, "rapport")
    for end in ENDS[1:]:
        assert format_text(text.replace("\n", end), "rapport") == want


def test_visas_som_text_is_at_its_line_whatever_the_line_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warning's line in a literal block is looked up in the file's own lines."""
    data = build_case(CASES / "visas-som-text", tmp_path)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    got = []
    for end in ENDS:
        report.write_bytes(text.replace("\n", end).encode("utf-8"))
        got.append([(f.line, f.column, f.code) for f in validate("data").findings])
    assert got[0][:3] == [
        (11, 7, "visas-som-text"),
        (15, 17, "visas-som-text"),
        (18, 9, "visas-som-text"),
    ]
    assert got[1] == got[0]
    assert got[2] == got[0]
