"""Text that controls the reader (issue 16): a data set with ESC/OSC 52/CSI, NUL, CR, C1, a line
break followed by a workflow command, bidi overrides and zero-width characters in every free
text, and one with them in ids, names and coded values, run through every command and format.
No channel gets a raw control character, a bidi or zero-width character, or a line that the
GitHub runner would read as a workflow command (docs/decisions/0064-output-layer.md)."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from tests.support import BASE, FREE_TEXT
from utsatta.cli.app import app
from utsatta.load import yamlread

HOSTILE = (
    "Ok\x1b]52;c;SGVtbGlndA==\x07\x1b[2K\x00\r\n::add-mask::hemlig\n::stop-commands::x\n"
    "##[error]falskt \u202eevil\u2066 z\u200bw\u200d \ufeff`|*<b>&#x202E;\x9b31m\x7fslut"
)
_BIDI_ZW = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060-\u2064\ufeff\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_OWN_COMMAND = re.compile(r"::(error|warning) file=[^:\n]*::")


def assert_clean(
    raw: bytes, *, zwsp: bool = False, commands: bool = False, where: str = ""
) -> None:
    """``raw`` holds no control character but tab and LF, no bidi or zero-width character (ZWSP
    only where ``zwsp``: Markdown table cells get break opportunities), and no line that the
    GitHub runner reads as a workflow command (only utsatta's own with ``commands``)."""
    text = raw.decode("utf-8")  # strict: no lone surrogate either
    bad = _CONTROL.search(text)
    assert bad is None, f"{where}: control {bad.group(0)!r} at {bad.start()}"
    for m in _BIDI_ZW.finditer(text):
        assert zwsp and m.group(0) == "\u200b", f"{where}: {m.group(0)!r} at {m.start()}"
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("::"):
            assert commands and _OWN_COMMAND.match(stripped), f"{where}: command line {line!r}"
        assert "##[" not in line, f"{where}: old command syntax in {line!r}"


def _hostile(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (_hostile_text(v) if k in FREE_TEXT else _hostile(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v) for v in value]
    return value


def _hostile_text(value: Any) -> Any:
    if isinstance(value, str):
        return value + HOSTILE
    if isinstance(value, list):
        return [_hostile_text(v) for v in value]
    return _hostile(value)


def _rewrite(path: Path, change: Any) -> None:
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load(path.read_text(encoding="utf-8"))
    out = io.StringIO()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.dump(change(data), out)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """_base with HOSTILE appended to every free text: still valid data."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(BASE, data)
    for path in sorted(data.rglob("*.yaml")):
        _rewrite(path, _hostile)
    return data


@pytest.fixture(scope="module")
def hostile_ids(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """_base with HOSTILE in ids, coded values and a file name: findings that echo them."""
    data = tmp_path_factory.mktemp("hostile-ids") / "data"
    shutil.copytree(BASE, data)
    report = data / "rapporter/2023/grundskolenamnden.yaml"

    def change(doc: Any) -> Any:
        doc["organisation"] = "grundskolenamnden" + HOSTILE
        doc["insatser"][0]["status"] = "klar" + HOSTILE
        doc["insatser"][0]["insats"] = "1:1" + HOSTILE
        doc["insatser"][0]["omraden"] = ["bergsjon" + HOSTILE]
        doc["insatser"][0][HOSTILE] = "okänd nyckel"
        return doc

    _rewrite(report, change)
    broken = data / "rapporter/2023" / "ny\nrad``|::warning::x.yaml"
    broken.write_bytes(b"schemaversion: 1\n")
    odd = data / "rapporter/2023" / "x`y|z\u202e\u200b.yaml"
    odd.write_bytes(b'schemaversion: 1\nar: 2023\norganisation: "a\\e]52;c;x\\a"\n')
    return data


@pytest.fixture(scope="module", autouse=True)
def _values_not_refused() -> Iterator[None]:
    """validate refuses these values (otillatet-tecken, tests/test_refused_characters.py); here
    they must reach every output, which must still escape them (defence in depth: a library
    user may build the models from other data)."""
    before = yamlread.REFUSE_IN_VALUES
    yamlread.REFUSE_IN_VALUES = False
    yield
    yamlread.REFUSE_IN_VALUES = before


runner = CliRunner()


def _run(args: list[str], env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    result = runner.invoke(app, args, env={"GITHUB_ACTIONS": "", **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


def _commands(data: Path) -> Iterator[tuple[list[str], dict[str, bool]]]:
    d = ["--data", str(data)]
    yield ["validate", *d, "--format", "text"], {}
    yield ["validate", *d, "--format", "json"], {}
    yield ["validate", *d, "--format", "github"], {"commands": True}
    yield ["plan", *d], {}
    yield ["plan", *d, "--format", "json"], {}
    yield ["status", "2023", *d], {}
    yield ["status", "2023", *d, "--format", "json"], {}
    yield ["indikatorer", *d], {}
    yield ["indikatorer", *d, "--format", "json"], {}
    yield ["report", "2023", *d], {"zwsp": True}
    yield ["report", "2023", *d, "--format", "html"], {}


@pytest.mark.parametrize("which", ["hostile_data", "hostile_ids"])
def test_no_channel_gets_a_raw_control_character(
    which: str, request: pytest.FixtureRequest
) -> None:
    data: Path = request.getfixturevalue(which)
    for args, allow in _commands(data):
        code, out, err = _run(args)
        assert code in (0, 1), (args, code, err)
        assert_clean(out, where=f"{args} stdout", **allow)
        assert_clean(err, where=f"{args} stderr")
        assert b"Traceback" not in err


def test_hostile_free_texts_are_still_valid_and_reach_the_report(hostile_data: Path) -> None:
    """The fixture does what it says: the texts arrive (without their controls)."""
    code, out, _ = _run(["validate", "--data", str(hostile_data), "--format", "json"])
    assert code == 0, out
    code, out, _ = _run(["report", "2023", "--data", str(hostile_data)])
    assert code == 0
    assert "add-mask" in out.decode() and "\\::add-mask" in out.decode()


def _text_fields() -> set[str]:
    """The name of every model field that holds free text (``common.Text``, alone, optional or
    in a list): what a nämnd may write anything in."""
    import importlib
    import pkgutil
    import typing

    from pydantic import BaseModel

    import utsatta.model
    from utsatta.model.common import Text

    marks = typing.get_args(Text)[1:]

    def is_text(annotation: Any) -> bool:
        if typing.get_origin(annotation) is typing.Annotated:
            return typing.get_args(annotation)[1:] == marks
        return any(is_text(a) for a in typing.get_args(annotation))

    names = set()
    for info in pkgutil.iter_modules(utsatta.model.__path__):
        module = importlib.import_module(f"utsatta.model.{info.name}")
        for cls in vars(module).values():
            if isinstance(cls, type) and issubclass(cls, BaseModel):
                # pydantic keeps a plain Text's marks beside the field, not in its annotation
                names |= {
                    n
                    for n, f in cls.model_fields.items()
                    if tuple(f.metadata) == marks or is_text(f.annotation)
                }
    return names


def test_free_text_names_every_text_field_of_the_models() -> None:
    """A new free-text field (organisation names, efterföljare, lydelser …) is in FREE_TEXT, so
    the hostile fixture fills it wherever the base data has it (red22)."""
    fields = _text_fields()
    assert {"namn", "kommentar", "andra_namn", "ansvar_lydelse"} <= fields  # the walk works
    # granskare are GitHub names that validate checks (ogiltig-granskare), not prose
    assert fields - FREE_TEXT == {"granskare"}


def test_findings_show_the_hostile_values_visibly(hostile_ids: Path) -> None:
    code, out, _ = _run(["validate", "--data", str(hostile_ids), "--format", "text"])
    text = out.decode()
    assert code == 1
    assert "\\x1b]52" in text and "<U+202E>" in text and "\\n::add-mask" in text
    assert "… (123 tecken)" in text  # a long coded value is echoed shortened
    lines = text.splitlines()
    assert all(line.startswith(str(hostile_ids)) for line in lines[:-2])
    # the line per organisation names the files not named after an organisation as files,
    # quoted and escaped as in the lines above (granska16 #3)
    assert lines[-2] == (
        "Per organisation och fil: grundskolenamnden 5 fel (2023); filen "
        "'ny\\nrad``|::warning::x.yaml' 3 fel (2023); filen 'x`y|z<U+202E><U+200B>.yaml' 2 fel "
        "(2023)."
    )


def test_job_summary_stays_one_table_row_per_finding(hostile_ids: Path, tmp_path: Path) -> None:
    """A file name with a backtick, pipe or line break and messages with Markdown, HTML and
    entities leave the summary's tables intact; nothing becomes a link, tag or entity."""
    from markdown_it import MarkdownIt

    summary = tmp_path / "summary.md"
    code, out, _ = _run(
        ["validate", "--data", str(hostile_ids), "--format", "github"],
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert code == 1
    raw = summary.read_bytes()
    assert_clean(raw, where="summary")
    findings = sum(1 for line in out.decode().splitlines() if _OWN_COMMAND.match(line))
    html = MarkdownIt("commonmark").enable("table").render(raw.decode())
    assert html.count("<tr>") - html.count("<thead>") == findings
    for tag in ("<a ", "<b>", "<img", "<em>", "<strong>", "&#x202E;", "\u202e"):
        assert tag not in html


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_terminal_lines_never_carry_escapes_or_commands(text: str) -> None:
    """Any text through out()/err(), also on a terminal where rich's colour codes are kept."""
    from utsatta.cli.output import for_terminal

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream in (io.StringIO(), Tty()):
        shown = for_terminal(stream, f"\x1b[1m{text}\x1b[0m\n::x\n")
        without_sgr = re.sub(r"\x1b\[[0-9;]*m", "", shown) if isinstance(stream, Tty) else shown
        assert_clean(without_sgr.encode("utf-8", "surrogatepass"), where=repr(text))


def test_only_colour_codes_pass_on_a_terminal() -> None:
    from utsatta.cli.output import for_terminal

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    text = "\x1b[31mröd\x1b[0m \x1b]52;c;eA==\x07 \x1b[2K"
    assert for_terminal(Tty(), text) == "\x1b[31mröd\x1b[0m \\x1b]52;c;eA==\\x07 \\x1b[2K"
    assert for_terminal(io.StringIO(), text).count("\x1b") == 0


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(st.text() | st.integers(), lambda c: st.lists(c) | st.dictionaries(st.text(), c))
)
def test_json_on_stdout_is_lossless_and_clean(value: Any) -> None:
    import json

    from utsatta.escape import json_document

    shown = json_document(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(shown) == value
    assert_clean(shown.encode("utf-8"), where="json")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*":#[ \nab<>&"]), max_size=60))
def test_html_page_reads_the_same_without_command_lines(text: str) -> None:
    import html

    from utsatta.escape import html_no_commands

    page = html.escape(text, quote=False)
    safe = html_no_commands(page)
    assert html.unescape(safe) == html.unescape(page)
    assert_clean(safe.encode("utf-8"), where="html")
