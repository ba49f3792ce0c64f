"""Invisible characters and web addresses on every channel (sak16 F2, F3, F5, F6).

* Every invisible character (Unicode's Default_Ignorable_Code_Point, derived here from
  unicodedata, and the characters drawn blank) is handled as the zero-width space always was:
  shown in the terminal, the CI log, the job summary and ids, ``\\uXXXX`` in JSON, removed from
  the Markdown and HTML reports and from CSV/xlsx texts (docs/decisions/0518). "Higab" and
  "Higab" + one of them never look alike where they are told apart, and are the same text
  where the report prints names.
* A web address links and shows the same address in Markdown and HTML, with what no reader
  sees percent-encoded, and no ``##[`` (docs/decisions/0519).
* The report's JSON is the same bytes from the library, on stdout and in ``--output FIL``
  (docs/decisions/0520).
* The job summary's heading shows an unknown file's name as every channel shows a file name.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata
import urllib.parse
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import utsatta
from tests.support import BASE
from utsatta import escape
from utsatta.cli.app import app
from utsatta.export.table import Column
from utsatta.findings import Finding, Severity
from utsatta.load.characters import REFUSED_RANGES
from utsatta.render.findings import step_summary

# --- the table of characters ---------------------------------------------------------------

#: Other_Default_Ignorable_Code_Point (PropList.txt, stable since Unicode 6.0): the invisible
#: characters that are not Cf (fillers, inherent vowels, CGJ, unassigned ranges kept for them).
_OTHER_DI = [
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0000),
    (0xE0002, 0xE001F),
    (0xE0080, 0xE00FF),
    (0xE01F0, 0xE0FFF),
]
#: Cf characters that DerivedCoreProperties leaves out of Default_Ignorable_Code_Point: the
#: Prepended_Concatenation_Marks (drawn: the Arabic number signs) and the format characters
#: that show a glyph or a layout (interlinear annotation, Egyptian hieroglyph controls).
_DRAWN_CF = [
    (0x0600, 0x0605),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1345F),
]
#: Drawn blank though not ignorable: the braille blank and the musical null notehead.
BLANK = ["\u2800", "\U0001d159"]


def _in(ranges: list[tuple[int, int]] | tuple[tuple[int, int], ...], code: int) -> bool:
    return any(first <= code <= last for first, last in ranges)


def _default_ignorable() -> list[str]:
    """Default_Ignorable_Code_Point as Unicode derives it: Other_Default_Ignorable_Code_Point
    + Cf + Variation_Selector − White_Space − the drawn format characters."""
    out = []
    for code in range(0x110000):
        char = chr(code)
        selector = (
            0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or 0x180B <= code <= 0x180F
        )
        cf = unicodedata.category(char) == "Cf" and not _in(_DRAWN_CF, code)
        if (cf or selector or _in(_OTHER_DI, code)) and not char.isspace():
            out.append(char)
    return out


#: every invisible character that validate lets through (it refuses the bidi controls and
#: the direction marks, tests/test_refused_characters.py)
INVISIBLE = [c for c in _default_ignorable() + BLANK if not _in(REFUSED_RANGES, ord(c))]
#: one of each kind, for the runs of the whole program (each run takes seconds)
SAMPLE = "".join(
    c
    for c in INVISIBLE
    if ord(c) < 0x10000 or c in "\U0001bca0\U0001d173\U0001d159\U000e0001\U000e0041\U000e0100"
)
_SAMPLE_RE = re.compile(f"[{re.escape(SAMPLE)}]")
#: what the data of the whole program's runs holds: SAMPLE but the tag characters, which
#: validate refuses since they can hide text (dold-text, docs/decisions/0663); every channel
#: still drops or shows them (test_every_invisible_character_on_every_channel)
PASTED = "".join(c for c in SAMPLE if not "\U000e0001" <= c <= "\U000e007f")


def test_the_table_holds_what_the_review_named() -> None:
    named = "\u3164\u115f\u1160\uffa0\u2800\u17b4\u17b5\u00ad\u200b\u2060\ufeff\U000e0041\u034f"
    assert set(named) <= set(INVISIBLE)
    assert set(named) <= set(SAMPLE)
    assert len(INVISIBLE) > 4000  # the unassigned ranges of the tag block included


@pytest.mark.parametrize("where", ["end", "start", "middle"])
def test_every_invisible_character_on_every_channel(where: str) -> None:
    """Each character of the table, alone after, before or inside a name: the terminal, CI
    log, job summary and ids show it; JSON escapes it (and reads back the same); the reports
    and the export's texts drop it, so the name is the name."""
    from utsatta.export.cells import clean_text

    prose_column = Column("namn", "text", "Namnet.")
    for char in INVISIBLE:
        name = {"end": "Higab" + char, "start": char + "Higab", "middle": "Hig" + char + "ab"}[
            where
        ]
        shown = f"U+{ord(char):04X}"
        assert shown in escape.terminal(name), shown
        assert escape.terminal(name).isascii(), shown
        assert shown in escape.ci_text(name) and escape.ci_message(name).isascii(), shown
        assert shown in escape.identifier(name) and escape.identifier(name).isascii(), shown
        assert shown in escape.summary_cell(name), shown
        assert escape.summary_cell(name) != escape.summary_cell("Higab"), shown
        document = escape.json_document(json.dumps({"namn": name}, ensure_ascii=False))
        assert document.isascii() and json.loads(document) == {"namn": name}, shown
        assert escape.web_address("https://x.example/" + name).isascii(), shown
        if where == "middle" and char == "\u00ad":
            # a soft hyphen between two letters is a hyphenation point, drawn where the line
            # breaks (decision 0518)
            assert escape.prose(name) == name
            continue
        for function in (
            escape.prose,
            escape.html_text,
            escape.html_attr,
            escape.md_text,
            escape.md_text_cell,
            escape.md_inline,
            escape.md_cell,
            escape.md_block,
        ):
            assert function(name) == "Higab", (shown, function.__name__)
        assert clean_text(name, prose_column) == "Higab", shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Higab\u3164", "Higab"),
        ("\u3164", ""),
        ("a\u00adb", "a\u00adb"),  # hyphenation point between letters
        ("samhälls\u00adutveckling", "samhälls\u00adutveckling"),
        ("Higab\u00ad", "Higab"),
        ("\u00ad=1", "=1"),
        ("\u00ada=1", "a=1"),
        ("a \u00ad b", "a  b"),
        ("❤\ufe0f", "❤\ufe0f"),  # emoji presentation of a symbol
        ("1\ufe0f\u20e3", "1\ufe0f\u20e3"),  # keycap
        ("1\ufe0f", "1"),
        ("Higab\ufe0f", "Higab"),
        ("葛\U000e0100", "葛\U000e0100"),  # ideographic variation sequence
        ("x\U000e0100", "x"),
        ("\u2800\ufe0f", ""),
        ("می\u200cخواهم", "می\u200cخواهم"),  # ZWNJ in Persian
        ("Hig\u200cab", "Higab"),  # ... but not between two ASCII letters: it hides only
        ("Hig\u200dab", "Higab"),
        ("Hög\u200cab", "Högab"),  # Latin letters do not join
        ("Мо\u200cсква", "Москва"),
        ("हि\u200dन्दी", "हि\u200dन्दी"),  # Devanagari: ZWJ shapes the conjunct
        ("👨\u200d👩", "👨\u200d👩"),
    ],
)
def test_prose_keeps_an_invisible_character_only_where_it_acts(text: str, expected: str) -> None:
    assert escape.prose(text) == expected


def test_the_terminal_shows_a_selector_that_selects_nothing() -> None:
    assert escape.terminal("❤\ufe0f") == "❤\ufe0f"
    assert escape.terminal("Higab\ufe0f") == "Higab<U+FE0F>"
    assert escape.terminal("\u2800\ufe0f") == "<U+2800><U+FE0F>"


# --- web addresses -------------------------------------------------------------------------

_URL_UNSAFE = re.compile(f'[\\x00-\\x20\\x7f-\\x9f<>"`{re.escape("".join(INVISIBLE))}]')


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(blacklist_characters="%"),
            st.sampled_from(["#", "[", "]", "\u200b", "\u00ad", "\U000e0041", "\u3164", " "]),
        )
    )
)
def test_a_web_address_is_shown_and_followed_the_same(tail: str) -> None:
    address = "https://x.example/" + tail
    written = escape.web_address(address)
    assert _URL_UNSAFE.search(written) is None
    assert "##[" not in written
    # lossless: the address followed is the data's (percent-decoding gives it back)
    assert urllib.parse.unquote(written, errors="surrogatepass") == address
    assert escape.web_address(written) == written  # nothing encoded twice
    assert escape.prose(written) == written  # the HTML's finalize leaves it alone


def test_a_web_address_keeps_its_visible_letters() -> None:
    assert escape.web_address("https://sv.example/Utsatt_område/التصنيف") == (
        "https://sv.example/Utsatt_område/التصنيف"
    )
    assert escape.web_address("http://[::1]/a") == "http://[::1]/a"  # not after ##
    assert escape.web_address("https://x.example/##[group]a\u200bb\u00ad\U000e0041") == (
        "https://x.example/##%5Bgroup]a%E2%80%8Bb%C2%AD%F3%A0%81%81"
    )


@pytest.mark.parametrize(
    "text",
    [
        "https://x.example/##[group]a",
        "Se [här](https://x.example/##[g]) och <https://y.example/a##[b]>.",
        "www.x.example/##[error] och ##[group] i text",
        "a@x.example##[g]",
    ],
)
def test_no_address_in_the_markdown_report_holds_an_old_ci_command(text: str) -> None:
    """sak16 F3 in general: an address in a nämnd's text or a name is inline code in the
    Markdown report, where a backslash would show: ``##[`` is written ``##%5B``."""
    for function in (
        escape.md_inline,
        escape.md_cell,
        escape.md_block,
        escape.md_text,
        escape.md_text_cell,
    ):
        assert "##[" not in function(text), function.__name__


# --- the whole program ---------------------------------------------------------------------

URL = "https://x.example/##[group]a\u200bb\u00ad\U0001d173\u3164c"
URL_WRITTEN = "https://x.example/##%5Bgroup]a%E2%80%8Bb%C2%AD%F0%9D%85%B3%E3%85%A4c"
ORG = "Grundskolenämnden"
#: a nämnd's text with links whose addresses hold the runner's old command syntax
NAMND_LINKS = (
    "Se [rapporten](https://x.example/##[group]r), https://y.example/##[endgroup] "
    "och www.z.example/##[error]z."
)

runner = CliRunner()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """_base with a source's address holding ``##[`` and invisible characters, and every
    invisible character of PASTED after an organisation's name and a free text."""
    root = tmp_path_factory.mktemp("osynliga") / "data"
    shutil.copytree(BASE, root)
    omraden = root / "omraden.yaml"
    text = omraden.read_text(encoding="utf-8")
    old = re.search(r"url: (https://polisen\.se/\S+)", text)
    assert old is not None
    omraden.write_text(text.replace(old.group(0), f"url: '{URL}'"), encoding="utf-8")
    indikator = root / "indikatorer/valdeltagande.yaml"
    text = indikator.read_text(encoding="utf-8")
    old = re.search(r"url: (https://vartgoteborg\.se/\S+)", text)
    assert old is not None
    indikator.write_text(text.replace(old.group(0), f"url: '{URL}'"), encoding="utf-8")
    report = root / "rapporter/2023/grundskolenamnden.yaml"
    text = report.read_text(encoding="utf-8")
    assert "    nulage: Arbetet pågår.\n" in text
    report.write_text(
        text.replace("    nulage: Arbetet pågår.\n", f"    nulage: '{NAMND_LINKS}'\n"),
        encoding="utf-8",
    )
    orgs = root / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    assert f"namn: {ORG}\n" in text
    orgs.write_text(text.replace(f"namn: {ORG}\n", f"namn: '{ORG}{PASTED}'\n"), encoding="utf-8")
    return root


def _run(args: list[str], env: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    result = runner.invoke(app, args, env={"GITHUB_ACTIONS": "", **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def test_the_data_is_valid(data: Path) -> None:
    code, out, err = _run(["validate", "--data", str(data)])
    assert code == 0, (out, err)


def test_the_tag_characters_are_refused(data: Path, tmp_path: Path) -> None:
    """SAMPLE's tag characters, where PASTED has none: validate says the name hides text."""
    root = tmp_path / "data"
    shutil.copytree(data, root)
    orgs = root / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    orgs.write_text(text.replace(f"{ORG}{PASTED}", f"{ORG}{SAMPLE}"), encoding="utf-8")
    result = utsatta.validate(root)
    assert [(f.code, f.line) for f in result.findings] == [("dold-text", 8)]
    assert "(<U+E0001> <U+E0041>)" in result.findings[0].message


def _no_invisible(text: str, where: str, *, zwsp: bool = False, ci: bool = True) -> None:
    """No character of SAMPLE in ``text`` (ZWSP only where ``zwsp``), and with ``ci`` no
    ``##[`` (the reports promise it; CSV and xlsx texts are the data's, README)."""
    for m in _SAMPLE_RE.finditer(text):
        assert zwsp and m.group(0) == "\u200b", f"{where}: U+{ord(m.group(0)):04X}"
    assert not ci or "##[" not in text, where


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_report_is_the_same_on_stdout_in_a_file_and_from_the_library(
    data: Path, tmp_path: Path, fmt: str
) -> None:

    code, stdout, err = _run(["report", "2023", "--data", str(data), "--format", fmt])
    assert code == 0, err
    out = tmp_path / f"r.{fmt}"
    code, _, err = _run(
        ["report", "2023", "--data", str(data), "--format", fmt, "--output", str(out)]
    )
    assert code == 0, err
    assert out.read_bytes() == stdout
    ds = utsatta.validate(data).dataset
    library = utsatta.report_json(ds, 2023) if fmt == "json" else utsatta.report_text(ds, 2023, fmt)
    assert library.encode("utf-8") == stdout
    text = stdout.decode("utf-8")
    _no_invisible(text, fmt, zwsp=fmt == "md")
    if fmt == "md":
        assert "`https://x.example/##%5Bgroup]r`" in text
    if fmt == "json":
        view = json.loads(text)
        assert URL in json.dumps(view, ensure_ascii=False)  # lossless
        assert "\\u200b" in text and "##\\u005b" in text
        assert any(s == ORG + PASTED for s in _strings(view))
    else:
        assert ORG in text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_markdown_and_html_link_the_address_they_show(data: Path) -> None:
    _, md, _ = _run(["report", "2023", "--data", str(data), "--format", "md"])
    _, html, _ = _run(["report", "2023", "--data", str(data), "--format", "html"])
    assert f"<{URL_WRITTEN}>" in md.decode("utf-8")
    # the page escapes ##[ for a CI log (&#91;), which a browser reads back as [
    page = html.decode("utf-8").replace("&#91;", "[")
    assert f'<a href="{URL_WRITTEN}">{URL_WRITTEN}</a>' in page


def test_names_with_invisible_characters_print_as_the_name(data: Path, tmp_path: Path) -> None:
    """The reports and the export print the name without them (where the terminal shows
    them): the name reads as it is, "Grundskolenämnden"."""
    _, md, _ = _run(["report", "2023", "--data", str(data), "--format", "md"])
    assert ORG in md.decode("utf-8")
    code, out, err = _run(["status", "2023", "--data", str(data)])
    assert code == 0, err
    assert f"{ORG}<U+00AD><U+034F>" in out.decode("utf-8")  # the terminal shows them
    csv_dir = tmp_path / "csv"
    code, _, err = _run(
        ["export", "2023", "--data", str(data), "--format", "csv", "--output", str(csv_dir)]
    )
    assert code == 0, err
    cells = 0
    for path in sorted(csv_dir.glob("*.csv")):
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
        _no_invisible(text, path.name, ci=False)
        cells += sum(
            ORG in cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row
        )
    assert cells > 0
    # the source's address as the reports link it (decision 0519), not one with the
    # invisible characters dropped
    text = (csv_dir / "indikatorvarden.csv").read_text(encoding="utf-8")
    assert URL_WRITTEN in text
    xlsx = tmp_path / "e.xlsx"
    code, _, err = _run(
        ["export", "2023", "--data", str(data), "--format", "xlsx", "--output", str(xlsx)]
    )
    assert code == 0, err
    with zipfile.ZipFile(xlsx) as z:
        for name in z.namelist():
            _no_invisible(z.read(name).decode("utf-8", errors="replace"), name, ci=False)


def test_the_job_summary_shows_the_invisible_characters_of_a_name(
    data: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "s.md"
    report = data / "rapporter/2023/grundskolenamnden.yaml"
    broken = tmp_path / "data"
    shutil.copytree(data, broken)
    (broken / "rapporter/2023/grundskolenamnden.yaml").write_text(
        report.read_text(encoding="utf-8") + "okand_nyckel: 1\n", encoding="utf-8"
    )
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    code, _, _ = _run(["validate", "--data", str(broken)], env)
    assert code == 1
    headings = [
        line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("###")
    ]
    assert len(headings) == 1 and "&lt;U+3164&gt;" in headings[0], headings
    _no_invisible(headings[0], "heading")


# --- the job summary's headings ------------------------------------------------------------


def _heading(stem: str, names: dict[str, str] | None = None) -> str:
    finding = Finding(f"rapporter/2023/{stem}.yaml", 1, 1, "okant-falt", Severity.FEL, "x")
    text = step_summary([finding], 1, names or {})
    return next(line for line in text.splitlines() if line.startswith("### "))


def test_an_unknown_files_heading_shows_its_spaces() -> None:
    """sak16 F5: 'a<U+00A0>b.yaml' and 'a b.yaml' got the same heading."""
    assert _heading("a\u00a0b") != _heading("a b")
    assert "&lt;U+00A0&gt;" in _heading("\u00a0::error::FN5")
    assert _heading("higab", {"higab": "Higab"}).startswith("### Higab (")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=8), st.text(min_size=1, max_size=8))
def test_two_file_names_never_give_the_same_heading(one: str, other: str) -> None:
    if "/" in one + other or one == other:
        return
    assert _heading(one) != _heading(other)
