"""fmt writes every value it can read in a form its own reader reads back as the same value.

The bug this guards: a folded block text with a blank line and a tab ('>-' over "0", "", "\\t")
was written by ruamel.yaml with one blank line too many; fmt's fallback then wrote it in double
quotes as "0\\n\\n\\t", which the reader refuses (bakstreck-i-citat), and fmt called it an
internal error. A tab or a line break is now written in a block text ('|'), never as '\\t' or
'\\n' (docs/decisions/0600-fmt-skriver-det-den-laser.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from utsatta.cli.app import app as cli
from utsatta.fmt import FormatRefused, comment_texts, format_text, same
from utsatta.load.yamlread import parse

ROOT = Path(__file__).parent.parent

_REPORT = "schemaversion: 1\nar: 2023\norganisation: x\n"


def _reads_back(original: str, formatted: str, kind: str) -> None:
    """The same data (and types) and comments, no error, and fmt leaves the result as it is."""
    before, after = parse(original), parse(formatted)
    assert [p for p in after.problems if p.severity == "fel"] == []
    assert same(after.data, before.data), (after.data, before.data)
    assert comment_texts(formatted) == comment_texts(original)
    assert format_text(formatted, kind) == formatted


@pytest.mark.parametrize(
    ("kind", "text", "formatted"),
    [
        # the reported file: '>-' over "0", a blank line and a line holding a tab
        (
            "plan",
            "schemaversion:\n  schemaversion: >-\n    0\n\n    \t\n",
            "schemaversion:\n  schemaversion: |-\n    0\n\n    \t\n",
        ),
        # a one-line text with a tab, in "…" (an id) and in '…': a block text, whose first
        # line starting with a tab needs the indentation indicator ('|2-')
        (
            "rapport",
            _REPORT + 'insatser:\n  - insats: "\t2:1"\n',
            _REPORT + "insatser:\n  - insats: |2-\n      \t2:1\n",
        ),
        ("rapport", _REPORT + "kontakt: 'Anna\tBerg'\n", _REPORT + "kontakt: |-\n  Anna\tBerg\n"),
        # a tab or a line break by its code in a flow list: the list is written as a block
        (
            "rapport",
            _REPORT + 'insatser: [{insats: "a\\u0009b"}, "x\\u000ay"]\n',
            _REPORT + "insatser:\n  - insats: |-\n      a\tb\n  - |-\n    x\n    y\n",
        ),
        # a line break followed by a space: a blank first line, the space as content
        ("rapport", _REPORT + 'kontakt: "\\u000a "\n', _REPORT + "kontakt: |2-\n\n   \n"),
        # backslashes and quotes need no block: '\\\\' and '\\"' are escapes the reader takes
        (
            "rapport",
            _REPORT + "insatser:\n  - insats: 'G:\\Nya \"x\"'\n",
            _REPORT + 'insatser:\n  - insats: "G:\\\\Nya \\"x\\""\n',
        ),
    ],
)
def test_a_value_is_written_in_a_form_the_reader_reads_back(
    kind: str, text: str, formatted: str
) -> None:
    assert format_text(text, kind) == formatted
    _reads_back(text, formatted, kind)


@pytest.mark.parametrize("name", ["plan.yaml", "rapporter/2023/higab.yaml"])
def test_fmt_formats_the_reported_file_and_check_then_passes(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command as reported: exit 0 and the file written, where it was exit 1 with
    fmt-internt-fel (for the plan as for a report: the same exit code for the same content);
    then 'fmt --check' has nothing to do."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    target = data / name
    target.write_text("schemaversion:\n  schemaversion: >-\n    0\n\n    \t\n", encoding="utf-8")
    monkeypatch.chdir(data)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = CliRunner()
    result = runner.invoke(cli, ["fmt", "--data", ".", name])
    assert (result.exit_code, result.output) == (
        0,
        f"formaterade: {name}\n1 fil formaterades om, 0 var redan formaterade.\n",
    )
    assert target.read_text(encoding="utf-8") == (
        "schemaversion:\n  schemaversion: |-\n    0\n\n    \t\n"
    )
    again = runner.invoke(cli, ["fmt", "--check", "--data", ".", name])
    assert again.exit_code == 0


# --- the property: generated block texts and quoted texts ------------------------------------

#: Characters that make a text hard to write back: tabs, trailing and leading spaces,
#: backslashes, quotes, a '#' (a comment in a plain text), a hard space and the line and
#: paragraph separators (which the reader refuses: then fmt must refuse, never misreport).
_CHARS = st.sampled_from([*"a ä\t\\\"'#:-", "\u00a0", "\u2028", "\u0085"])
_LINE = st.text(_CHARS, max_size=5)

#: Where the value stands, and the column its block's parent indentation starts at.
_PLACES = [
    ("kontakt: {}\n", 0),
    ("insatser:\n  - {}\n", 2),
    ("insatser:\n  - insats: {}\n    status: pagaende\n", 4),
]


@st.composite
def _block_text(draw: st.DrawFn) -> str:
    """A file with a '|' or '>' block text of generated lines (blank ones and ones of only
    spaces or tabs among them), with or without indicators."""
    template, parent = draw(st.sampled_from(_PLACES))
    lines = draw(st.lists(_LINE, min_size=1, max_size=5))
    style = draw(st.sampled_from("|>"))
    chomp = draw(st.sampled_from(["", "-", "+"]))
    # A first line that starts with a blank needs the indicator, or the reader refuses it.
    first = next((line for line in lines if line), "")
    indicator = "2" if first[:1] in (" ", "\t") or draw(st.booleans()) else ""
    indent = " " * (parent + 2)
    body = "".join(f"\n{indent}{line}" if line else "\n" for line in lines)
    return _REPORT + template.format(f"{style}{indicator}{chomp}{body}")


def _escaped(char: str, by_code: bool) -> str:
    if char in '\\"':
        return "\\" + char
    if char in "\t\n" and by_code:
        return f"\\u{ord(char):04x}"
    return char


@st.composite
def _quoted_text(draw: st.DrawFn) -> str:
    """A file with a generated text in "…" (tabs and line breaks by their codes or as they
    are), in a block or a flow list."""
    value = draw(st.text(st.one_of(_CHARS, st.just("\n")), max_size=12))
    by_code = draw(st.booleans())
    quoted = '"' + "".join(_escaped(c, by_code or c == "\n") for c in value) + '"'
    if draw(st.booleans()):
        return _REPORT + f"insatser: [{quoted}, 1]\n"
    template, _ = draw(st.sampled_from(_PLACES))
    return _REPORT + template.format(quoted)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_block_text(), _quoted_text()))
@example(_REPORT + "kontakt: >-\n  0\n\n  \t\n")
@example(_REPORT + 'insatser: ["\\u0009", 1]\n')
@example(_REPORT + "kontakt: >\n  - \n  :\n")  # found after fmt began refusing lista-i-text
def test_fmt_writes_every_value_it_reads_so_that_it_reads_back(text: str) -> None:
    """Formatted, the file reads back to the same data; refused, only because the reader
    reports an error in it, a list read as one line (lista-i-text, which fmt refuses) or
    ruamel.yaml cannot read the input, never as fmt's own error."""
    try:
        formatted = format_text(text, "rapport")
    except FormatRefused as refused:
        assert not refused.internal, refused.message
        problems = parse(text).problems
        assert (
            [p for p in problems if p.severity == "fel"]
            or [p for p in problems if p.code == "lista-i-text"]
            or "formateraren (ruamel.yaml) kan inte läsa" in refused.message
        ), refused.message
        return
    _reads_back(text, formatted, "rapport")


@pytest.mark.parametrize(
    ("lines", "line"),
    [
        # the first line that starts like a list item (after the text's own first line)
        ("    nulage: Arbetet pågår med\n      - fältarbete\n      - läxhjälp\n", 4),
        ("    nulage:\n      1) Lägesbilden.\n      2) Den följs upp.\n", 5),
    ],
)
def test_a_list_read_as_one_line_is_not_formatted(lines: str, line: int) -> None:
    """A plain text whose lines look like a list (lista-i-text) is read as one line: fmt would
    write that line and the list, and the warning about it, would be lost. It refuses the file,
    at the warning's place, with the warning's advice."""
    text = _REPORT + "insatser:\n  - insats: '1:1'\n" + lines
    with pytest.raises(FormatRefused) as info:
        format_text(text, "rapport")
    warning = next(p for p in parse(text).problems if p.code == "lista-i-text")
    assert (info.value.line, info.value.column) == (warning.line, warning.column)
    assert warning.line == _REPORT.count("\n") + line
    assert str(info.value) == (
        "Filen formateras inte, eftersom en text ser ut som en lista som läses som en enda rad "
        f"(formaterad skulle den skrivas så): {warning.message} Rätta felet först (utsatta "
        "validate på filens datamapp visar det)."
    )
    # written as a block text, as the advice says, the file is formatted and keeps the lines
    block = lines.replace("nulage: Arbetet pågår med\n", "nulage: |\n      Arbetet pågår med\n")
    block = block.replace("nulage:\n", "nulage: |\n")
    fixed = format_text(_REPORT + "insatser:\n  - insats: '1:1'\n" + block, "rapport")
    assert not [p for p in parse(fixed).problems if p.code == "lista-i-text"]
