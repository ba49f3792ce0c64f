"""`utsatta fmt`: one canonical layout, and never a change of content.

The properties: for every shipped file and for generated and corrupted files, format_text either
refuses (a file our reader does not accept) or returns a text with the same data, the same
comments, that formats to itself. Refusals for files the reader accepts (internal errors) never
happen.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from typer.testing import CliRunner

from utsatta import fmt as fmt_module
from utsatta.cli.app import app as cli
from utsatta.fmt import FormatRefused, comment_texts, format_file, format_text
from utsatta.load.files import classify
from utsatta.load.yamlread import parse

ROOT = Path(__file__).parent.parent
DATA = ROOT / "data"
SHIPPED = sorted(p for p in DATA.rglob("*.yaml") if classify(DATA, p) is not None)
CASES = sorted((ROOT / "tests" / "cases").rglob("*.yaml"))


def _kind(path: Path) -> str:
    kind = classify(DATA, path)
    assert kind is not None
    return kind


def _comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def _assert_keeps_content(original: str, formatted: str, kind: str) -> None:
    before, after = parse(original.removeprefix("\ufeff")), parse(formatted)
    # No errors; warnings (text cut off by '#') stay exactly as they were, but for
    # kommentar-i-text, which may go (never come): fmt writes a one-line block text in quotes,
    # where a '#' is plainly text (found by hypothesis: "- |-\n  #" becomes '- "#"').
    assert not [p for p in after.problems if p.severity == "fel"], after.problems
    was, now = [p.code for p in before.problems], [p.code for p in after.problems]
    assert [c for c in now if c != "kommentar-i-text"] == [
        c for c in was if c != "kommentar-i-text"
    ]
    assert now.count("kommentar-i-text") <= was.count("kommentar-i-text")
    assert after.data == before.data
    assert fmt_module.same(after.data, before.data)  # same types too (1 is not 1.0 or True)
    assert comment_texts(formatted) == comment_texts(_normalised(original))
    assert format_text(formatted, kind) == formatted  # idempotent
    assert formatted.endswith("\n") and not formatted.endswith("\n\n")
    assert "\r" not in formatted and not formatted.startswith("\ufeff")


def _normalised(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --- every shipped file --------------------------------------------------------------------------


def test_every_shipped_data_file_is_covered() -> None:
    kinds = Counter(_kind(p) for p in SHIPPED)
    assert kinds["plan"] == kinds["organisationer"] == kinds["omraden"] == 1
    assert kinds["indikator"] > 0 and kinds["rapport"] > 0


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(DATA).as_posix())
def test_shipped_file_round_trips(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    formatted = format_text(original, _kind(path))
    _assert_keeps_content(original, formatted, _kind(path))
    # Every comment line of the original is still a line of the result (same text).
    assert Counter(_comment_lines(original)) <= Counter(_comment_lines(formatted))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.relative_to(ROOT / "tests").as_posix())
def test_hostile_test_cases_are_formatted_or_refused(path: Path) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    rel = path.relative_to(path.parents[1])
    kind = classify(path.parents[1], path) or ("rapport" if "rapporter" in rel.parts else "plan")
    _formats_or_refuses(text, kind)


# --- exact output for small inputs --------------------------------------------------------------


def test_a_misspelt_key_stays_where_its_field_goes() -> None:
    """Correcting the spelling afterwards leaves the file formatted."""
    text = (
        "schemaversion: 1\n"
        "organisation: higab\n"
        "insatser:\n"
        '  - insats: "1:3"\n'
        "    fortsatt_arbete: Mer.\n"
        "    nulag: Text.\n"
        "    status: pagaende\n"
        "    okand: sist\n"
        "    bedomnig: osakert\n"
        "    MOTIVERING: Skäl.\n"
        "ar: 2023\n"
    )
    assert format_text(text, "rapport") == (
        "schemaversion: 1\n"
        "ar: 2023\n"
        "organisation: higab\n"
        "insatser:\n"
        '  - insats: "1:3"\n'
        "    status: pagaende\n"
        "    nulag: Text.\n"
        "    bedomnig: osakert\n"
        "    MOTIVERING: Skäl.\n"
        "    fortsatt_arbete: Mer.\n"
        "    okand: sist\n"
    )
    corrected = (
        format_text(text, "rapport").replace("nulag:", "nulage:").replace("bedomnig:", "bedomning:")
    )
    assert format_text(corrected, "rapport") == corrected


def test_keys_in_model_order_at_every_level_unknown_keys_last() -> None:
    text = (
        "insatser:\n"
        "- status: pagaende\n"
        "  extra: behålls\n"
        "  insats: 1:3\n"
        "  nulage: Text.\n"
        "organisation: higab\n"
        "okand: sist\n"
        "ar: 2023\n"
        "schemaversion: 1\n"
    )
    assert format_text(text, "rapport") == (
        "schemaversion: 1\n"
        "ar: 2023\n"
        "organisation: higab\n"
        "insatser:\n"
        '  - insats: "1:3"\n'
        "    status: pagaende\n"
        "    nulage: Text.\n"
        "    extra: behålls\n"
        "okand: sist\n"
    )


def test_ids_are_double_quoted_only_when_they_are_text() -> None:
    text = (
        "schemaversion: 1\n"
        "id: trygghet\n"
        "fokusomrade: '2'\n"
        "insatser:\n- 1:3\n- '2:1'\n- \"3:4\"\n"
        "kallor:\n"
        "  - id: polisen\n"
    )
    assert format_text(text, "indikator") == (
        "schemaversion: 1\n"
        "id: trygghet\n"
        'fokusomrade: "2"\n'
        'insatser:\n  - "1:3"\n  - "2:1"\n  - "3:4"\n'
        "kallor:\n"
        "  - id: polisen\n"
    )
    # A number where an id belongs stays a number: quoting it would change the data
    # (validate reports it).
    assert format_text("schemaversion: 1\nfokusomrade: 2\n", "indikator") == (
        "schemaversion: 1\nfokusomrade: 2\n"
    )
    plan = "fokusomraden:\n- namn: Skola\n  id: 1:1\n- {namn: Trygghet, id: '2'}\n"
    assert format_text(plan, "plan") == (
        'fokusomraden:\n  - id: "1:1"\n    namn: Skola\n  - {id: "2", namn: Trygghet}\n'
    )


def test_scalar_styles_are_kept() -> None:
    text = (
        "schemaversion: 1\n"
        "ar: 2023\n"
        "illustrativ: yes\n"
        "kontakt: 'enkla ''citat'''\n"
        "insatser:\n"
        "  - nulage: |\n"
        "      Rad ett.\n"
        "        Indragen rad.\n"
        "\n"
        "      Nytt stycke.\n"
        "    motivering: >-\n"
        "      Vikt\n"
        "      text.\n"
        '    fortsatt_arbete: "dubbla \\"citat\\" och bakstreck \\\\"\n'
        "    behov: [~, null, '', 0x1F, 1_000, 2023-01-01, .nan]\n"
    )
    assert format_text(text, "rapport") == text


def test_indentation_is_normalised() -> None:
    text = (
        "schemaversion: 1\n"
        "insatser:\n"
        "-   insats: '1:1'\n"
        "    omraden:\n"
        "    - a\n"
        "    -     b\n"
        "    behov:\n"
        "            - c\n"
    )
    assert format_text(text, "rapport") == (
        "schemaversion: 1\n"
        "insatser:\n"
        '  - insats: "1:1"\n'
        "    omraden:\n"
        "      - a\n"
        "      - b\n"
        "    behov:\n"
        "      - c\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffschemaversion: 1\r\nar: 2023\r\n",
        "schemaversion: 1\r\nar: 2023",
        "schemaversion: 1\rar: 2023\r",
        "\n\nschemaversion: 1\nar: 2023\n\n\n",
        "---\nschemaversion: 1   \nar: 2023\n...\n",
        "schemaversion: 1\nar: 2023",
    ],
    ids=["bom-crlf", "crlf-no-final-newline", "cr", "blank-lines", "markers-trailing-space", "eof"],
)
def test_bom_line_ends_and_final_newline_are_normalised(text: str) -> None:
    assert format_text(text, "rapport") == "schemaversion: 1\nar: 2023\n"


def test_comments_in_odd_places_are_kept() -> None:
    text = (
        "# Huvud: står kvar överst.\n"
        "\n"
        "insatser:   # efter nyckeln\n"
        "# före första posten\n"
        "-   # efter ett ensamt streck\n"
        "    status: pagaende # efter status\n"
        "\n"
        "\n"
        "    # före insats (följer med nyckeln)\n"
        "    insats: 1:1\n"
        "    omraden: [a,   # inne i en lista\n"
        "       b]\n"
        "    nulage: |   # efter blockmarkören\n"
        "      # detta är text, ingen kommentar\n"
        "    # slutet av posten\n"
        "  # slutet av listan\n"
        "# före ar\n"
        "ar: 2023\n"
        "schemaversion: 1\n"
        "# sist i filen\n"
    )
    assert format_text(text, "rapport") == (
        "# Huvud: står kvar överst.\n"
        "\n"
        "schemaversion: 1\n"
        "# före ar\n"
        "ar: 2023\n"
        "insatser:   # efter nyckeln\n"
        "  # före första posten\n"
        "  # efter ett ensamt streck\n"
        "\n"
        "  # före insats (följer med nyckeln)\n"
        '  - insats: "1:1"\n'
        "    status: pagaende # efter status\n"
        "    nulage: |   # efter blockmarkören\n"
        "      # detta är text, ingen kommentar\n"
        "    omraden: [a, b]   # inne i en lista\n"
        "    # slutet av posten\n"
        "  # slutet av listan\n"
        "# sist i filen\n"
    )


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("schemaversion: 1\nar: [2023\n", "YAML-syntaxfel"),
        ("a: &x 1\nb: *x\n", "Ankaret"),
        ("a: !!python/object:os.system {}\n", "Taggen"),
        ("a: !!str 1\n", "tagg"),
        ("a: ! 1\n", "tagg"),
        ("a: 1\na: 2\n", "två gånger"),
        ("<<: {a: 1}\n", "Sammanslagningsnyckeln"),
        ("", "tom"),
        ("# bara en kommentar\n", "tom"),
        ("a: 1\n---\nb: 2\n", "mer än ett YAML-dokument"),
        ("a:\n\tb: 1\n", "Tabbtecken"),
        ("- en lista\n- på översta nivån\n", "nyckel: värde"),
        ("{schemaversion: 1}\n", "nyckel: värde"),
    ],
)
def test_refuses_what_it_cannot_format_safely(text: str, words: str) -> None:
    with pytest.raises(FormatRefused) as info:
        format_text(text, "rapport")
    assert words in info.value.message
    assert not info.value.internal


def test_the_invariant_stops_a_broken_formatter(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "schemaversion: 1\n# kommentar\nar: 2023\n"
    real = fmt_module.assemble

    def changes_data(dumped: str, att: Any, *, blank_lines: bool) -> str:
        return real(dumped, att, blank_lines=blank_lines).replace("2023", "2024")

    def drops_comments(dumped: str, att: Any, *, blank_lines: bool) -> str:
        return dumped

    for broken in (changes_data, drops_comments):
        monkeypatch.setattr(fmt_module, "assemble", broken)
        with pytest.raises(FormatRefused) as info:
            format_text(text, "rapport")
        assert info.value.internal
        assert "Internt fel" in info.value.message


# --- files ---------------------------------------------------------------------------------------

MESSY = "ar: 2023\r\nschemaversion: 1\r\ninsatser:\r\n- insats: 1:1  # kommentar\r\n"
TIDY = 'schemaversion: 1\nar: 2023\ninsatser:\n  - insats: "1:1"  # kommentar\n'


def test_format_file_writes_only_changed_files(tmp_path: Path) -> None:
    messy, tidy = tmp_path / "messy.yaml", tmp_path / "tidy.yaml"
    messy.write_bytes(MESSY.encode())
    tidy.write_bytes(TIDY.encode())
    messy.chmod(0o640)
    tidy_stat = tidy.stat()

    checked = format_file(messy, "rapport", write=False)
    assert checked.ok and checked.changed and not checked.written
    assert messy.read_bytes() == MESSY.encode()

    result = format_file(messy, "rapport")
    assert result.ok and result.changed and result.written
    assert messy.read_bytes() == TIDY.replace("\n", "\r\n").encode()  # its CRLF kept
    assert messy.stat().st_mode & 0o777 == 0o640  # permissions kept
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files

    again = format_file(tidy, "rapport")
    assert again.ok and not again.changed and not again.written
    assert (
        tidy.stat().st_ino == tidy_stat.st_ino and tidy.stat().st_mtime_ns == tidy_stat.st_mtime_ns
    )


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        # at the '[' that never closes, not where the parser stopped (2:1)
        (b"a: [1\n", (1, 4, "kan-inte-formateras")),
        (b"a: \xff\n", (1, 4, "ogiltig-teckenkodning")),
        (b"a: &x 1\nb: *x\n", (1, 4, "kan-inte-formateras")),
        (b"a: !!str x\n", (1, 4, "kan-inte-formateras")),
    ],
    ids=["syntax", "not-utf8", "alias", "tag"],
)
def test_format_file_leaves_bad_files_untouched(
    tmp_path: Path, raw: bytes, where: tuple[int, int, str]
) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    result = format_file(path, "rapport", name="x.yaml")
    assert [(f.file, f.line, f.column, f.code, f.severity) for f in result.findings] == [
        ("x.yaml", *where, "fel")
    ]
    assert not result.ok and not result.changed
    assert path.read_bytes() == raw


def test_format_file_refuses_symlinks(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_bytes(MESSY.encode())
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    result = format_file(link, "rapport", name="link.yaml")
    assert [(f.file, f.line, f.column, f.code, f.message) for f in result.findings] == [
        (
            "link.yaml",
            1,
            1,
            "fmt-lank",
            "Filen är en symbolisk länk och formateras inte. Formatera filen den pekar på.",
        )
    ]
    assert link.is_symlink() and target.read_bytes() == MESSY.encode()


def test_format_file_writes_nothing_when_the_invariant_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(MESSY.encode())
    monkeypatch.setattr(fmt_module, "assemble", lambda dumped, att, *, blank_lines: dumped)
    result = format_file(path, "rapport")
    assert [f.code for f in result.findings] == ["fmt-internt-fel"] and not result.written
    assert path.read_bytes() == MESSY.encode()


# --- the command ---------------------------------------------------------------------------------

runner = CliRunner()


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["fmt", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small data folder: plan, organisationer, omraden and two reports, one of them messy."""
    root = tmp_path / "data"
    (root / "rapporter" / "2023").mkdir(parents=True)
    for name in ("plan.yaml", "organisationer.yaml", "omraden.yaml"):
        (root / name).write_bytes((DATA / name).read_bytes())
    (root / "rapporter/2023/higab.yaml").write_bytes(
        (DATA / "rapporter/2023/higab.yaml").read_bytes()
    )
    (root / "rapporter/2023/framtiden.yaml").write_bytes(MESSY.encode())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    return root


def test_not_checked_names_every_data_file_the_walk_skips(data: Path, tmp_path: Path) -> None:
    """A report linked out of the data folder, a folder linked in, a report with the wrong
    ending or in the wrong place: each is a refusal in fmt's result, with validate's code, so
    fmt never says "all files are formatted" over a file it skipped."""
    outside = tmp_path / "utanfor.yaml"
    outside.write_bytes((DATA / "rapporter/2023/higab.yaml").read_bytes())
    (data / "rapporter/2023/goteborgslokaler.yaml").symlink_to(outside)
    (data / "rapporter/2023/framtiden.yml").write_bytes(MESSY.encode())
    (data / "rapporter/framtiden.yaml").write_bytes(MESSY.encode())
    (data / "ovrigt.txt").write_text("inte data", encoding="utf-8")
    # named as the folder is named (relative to the working folder here, as the CLI names it)
    found = {f for r in fmt_module.not_checked(Path("data")) for f in r.findings}
    link = (
        "fmt har varken kontrollerat eller formaterat filen. Filen är en symbolisk länk som "
        "pekar utanför datamappen. Av säkerhetsskäl läses den inte; lägg in filen i datamappen "
        "i stället."
    )
    assert {(f.file, f.line, f.column, f.code, f.severity) for f in found if f} == {
        ("data/rapporter/2023/goteborgslokaler.yaml", 1, 1, "lank-utanfor-data", "fel"),
        ("data/rapporter/2023/framtiden.yml", 1, 1, "fel-filandelse", "fel"),
        ("data/rapporter/framtiden.yaml", 1, 1, "fel-plats", "fel"),
    }
    assert link in {f.message for f in found if f}


def test_format_file_names_a_link_out_of_the_data_folder(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "utanfor.yaml"
    outside.write_bytes(MESSY.encode())
    link = data / "rapporter/2023/goteborgslokaler.yaml"
    link.symlink_to(outside)
    result = format_file(link, "rapport", inside=data)
    (finding,) = result.findings
    assert (finding.file, finding.line, finding.code) == (link.as_posix(), 1, "lank-utanfor-data")
    assert finding.message == (
        "Filen är en symbolisk länk som pekar utanför datamappen och varken kontrolleras eller "
        "formateras (av säkerhetsskäl läses den inte). Lägg in filen i datamappen i stället."
    )
    assert outside.read_bytes() == MESSY.encode()


def test_check_lists_files_that_would_change_and_changes_nothing(data: Path) -> None:
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    code, out = _invoke("--check", "--data", "data")
    assert code == 1
    assert out.splitlines() == [
        "skulle formateras om: data/rapporter/2023/framtiden.yaml (rad 1 blir: `schemaversion: 1`)",
        "1 fil av 5 skulle formateras om. Formatera den med: utsatta fmt --data data",
    ]
    assert {p: p.read_bytes() for p in data.rglob("*.yaml")} == before


def test_fmt_formats_then_check_passes(data: Path) -> None:
    code, out = _invoke()  # ./data is found without --data
    assert code == 0, out
    assert out.splitlines() == [
        "formaterade: data/rapporter/2023/framtiden.yaml",
        "1 fil formaterades om, 4 var redan formaterade.",
    ]
    assert (data / "rapporter/2023/framtiden.yaml").read_text() == TIDY
    assert _invoke("--check") == (0, "Alla 5 filer är redan formaterade.\n")


def test_fmt_named_files_and_folders(data: Path) -> None:
    code, out = _invoke("--check", "data/rapporter/2023/higab.yaml")
    assert (code, out) == (0, "Filen är redan formaterad.\n")
    code, out = _invoke("--check", "data/rapporter")
    assert (
        code == 1
        and "skulle formateras om: data/rapporter/2023/framtiden.yaml "
        "(rad 1 blir: `schemaversion: 1`)"
        in out
    )


def test_fmt_reports_files_it_cannot_format_and_goes_on(data: Path) -> None:
    bad = data / "rapporter/2023/higab.yaml"
    bad.write_bytes(b"schemaversion: 1\nar: [2023\n")
    code, out = _invoke()
    assert code == 1
    lines = out.splitlines()
    # at the '[' that never closes (line 2), not where the parser stopped (3:1)
    assert "data/rapporter/2023/higab.yaml:2:5: fel [kan-inte-formateras] Filen formateras " in (
        "\n".join(lines)
    )
    assert "formaterade: data/rapporter/2023/framtiden.yaml" in lines
    assert lines[-2] == "1 fil formaterades om, 3 var redan formaterade, 1 kunde inte formateras."
    assert bad.read_bytes() == b"schemaversion: 1\nar: [2023\n"


def test_fmt_usage_and_data_errors(data: Path, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["fmt", "saknas.yaml"]).exit_code == 2
    outside = tmp_path / "utanfor.yaml"
    outside.write_text("a: 1\n")
    assert runner.invoke(cli, ["fmt", "--data", "data", str(outside)]).exit_code == 2
    assert runner.invoke(cli, ["fmt", "--data", "finns-inte"]).exit_code == 3
    stray = data / "rapporter" / "lost.yaml"
    stray.write_text("a: 1\n")
    code, out = _invoke("data/rapporter/lost.yaml")
    # validate's advice for a misplaced report, as fmt's refusal
    assert (
        code == 1
        and "data/rapporter/lost.yaml:1:1: fel [fel-plats] fmt har varken kontrollerat eller "
        "formaterat filen. En rapport ska ligga"
        in out
    )
    assert "fmt har varken kontrollerat eller formaterat filen." in out


# --- properties ----------------------------------------------------------------------------------

_KEYS = [
    "schemaversion", "ar", "organisation", "illustrativ", "kontakt", "insatser", "insats",
    "status", "nulage", "omraden", "bedomning", "motivering", "fortsatt_arbete", "behov",
    "samordning", "id", "x", "okänd nyckel", "1", "1:3", "null", "plan", "mal", "namn", "text",
    "fokusomraden", "fokusomrade", "uppfoljning", "typ", "kallor", "utfall", "varde", "kalla",
]  # fmt: skip
_TEXT = st.text(
    alphabet=st.sampled_from([*"abcåäö XYZ019:-#'\"\\,[]{}!&*?|>%@`\n\t~.", "\u2028", "😀"]),
    max_size=25,
)
_SCALARS = st.one_of(
    _TEXT,
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["1:3", "2", "2023-01-01", "yes", "0x1F", "1_000", "", " ", "- a", "#"]),
)
_DOCS = st.dictionaries(
    st.sampled_from(_KEYS),
    st.recursive(
        _SCALARS,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5)
        ),
        max_leaves=15,
    ),
    min_size=1,
    max_size=8,
)


def _styled(value: Any, styles: list[int]) -> Any:
    """Strings in random styles (plain, quoted, | and > blocks), chosen by ``styles``."""
    if isinstance(value, dict):
        return {k: _styled(v, styles) for k, v in value.items()}
    if isinstance(value, list):
        return [_styled(v, styles) for v in value]
    if isinstance(value, str) and styles:
        kinds = [str, SingleQuotedScalarString, DoubleQuotedScalarString, LiteralScalarString]
        kinds.append(FoldedScalarString)
        return kinds[styles.pop() % len(kinds)](value)
    return value


def _dump(doc: dict[str, Any], indents: tuple[int, int, int], flow: bool, styles: list[int]) -> str:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=indents[0], sequence=indents[1], offset=indents[2])
    yaml.default_flow_style = None if flow else False
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(_styled(doc, styles), stream)
    return stream.getvalue()


@st.composite
def _documents_with_comments(draw: st.DrawFn) -> str:
    """A report-like document in a random layout, with marked comments in random places."""
    doc = draw(_DOCS)
    mapping = draw(st.sampled_from([2, 4]))
    offset = draw(st.sampled_from([0, 2]))
    styles = draw(st.lists(st.integers(0, 4), max_size=20))
    text = _dump(doc, (mapping, offset + 2, offset), draw(st.booleans()), styles)
    lines = text.split("\n")
    for n in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(lines)))
        if draw(st.booleans()) and at < len(lines) and lines[at].strip():
            lines[at] += f"  # e{n}q"
        else:
            lines.insert(at, " " * draw(st.integers(0, 8)) + f"# c{n}q")
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "")
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


def _markers(text: str) -> Counter[str]:
    import re

    return Counter(re.findall(r"[ec][0-9]q", text))


def _formats_or_refuses(text: str, kind: str) -> str | None:
    try:
        formatted = format_text(text, kind)
    except FormatRefused as exc:
        # Only text our reader reports problems for (or with a tag, or a key that is a
        # sentence, not a field name) is refused; never an internal error.
        assert not exc.internal, exc.message
        assert parse(_normalised(text)).problems or any(
            words in exc.message
            for words in ("tagg", "nyckel: värde", "formateraren", "radbrytning", "fältnamn")
        )
        return None
    _assert_keeps_content(text, formatted, kind)
    return formatted


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents_with_comments(), st.sampled_from(["rapport", "plan", "indikator"]))
@example("insatser:\n- |-\n  #\n", "indikator")
def test_random_documents_keep_data_and_comments(text: str, kind: str) -> None:
    formatted = _formats_or_refuses(text, kind)
    if formatted is not None:
        # Each marker is a comment or part of a value: either way it must survive, once.
        assert _markers(formatted) == _markers(text)


_SHIPPED_TEXTS = [(p.read_text(encoding="utf-8"), _kind(p)) for p in SHIPPED]
_SMALL = sorted(_SHIPPED_TEXTS, key=lambda tk: len(tk[0]))[:25]
_NOISE = st.text(alphabet=st.sampled_from(list(":-#'\" \n\t&*!|>[]{},?%@ax1ä\r\ufeff")), max_size=4)


@st.composite
def _corrupted(draw: st.DrawFn) -> tuple[str, str]:
    text, kind = draw(st.sampled_from(_SMALL))
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        how = draw(st.sampled_from(["truncate", "insert", "delete", "swap", "dup", "indent"]))
        if how == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif how == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(_NOISE) + text[at:]
        elif how == "delete":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if how == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            elif how == "dup":
                lines.insert(j, lines[i])
            else:
                lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip(" ")
            text = "\n".join(lines)
    return text, kind


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corrupted())
def test_corrupted_shipped_files_never_crash_fmt(case: tuple[str, str]) -> None:
    text, kind = case
    _formats_or_refuses(text, kind)


def test_a_file_with_only_warnings_is_formatted() -> None:
    """Text cut off by '#' is a warning for validate, so fmt must not refuse the file."""
    from utsatta.fmt import format_text

    text = (
        "schemaversion: 1\nar: 2023\norganisation: x\ninsatser: []\nkontakt: Kalle #1 på listan\n"
    )
    out = format_text(text, "rapport")
    assert "kontakt: Kalle #1 på listan\n" in out


def test_a_refusal_is_the_one_problem_record(tmp_path: Path) -> None:
    """Why fmt leaves a file as it is reaches the user as a Finding with a registered code."""
    from utsatta.codes import CODES

    path = tmp_path / "rapport.yaml"
    path.write_text("schemaversion: 1\nar: 2023\nar: 2024\n", encoding="utf-8")
    result = format_file(path, "rapport", write=False, name="rapport.yaml")
    (problem,) = result.findings
    assert (problem.file, problem.line, problem.code) == ("rapport.yaml", 3, "kan-inte-formateras")
    assert problem.code in CODES
    assert format_file(tmp_path / "rapport.yaml", "rapport", write=False).ok is False


def test_a_sentence_taken_for_a_key_is_refused_not_an_internal_error() -> None:
    """A lone CR in a comment makes the rest of its line a key (YAML reads CR as a line break).
    Moved among the unknown keys it landed under a block text and the result read as pasted
    text, which fmt called an internal error (found by hypothesis). It is refused, at its
    line, with what to do."""
    from utsatta.fmt import FormatRefused, format_text

    text = (
        "# Källa: årsredovisningen\rkällan. 2018 saknas: det tidigaste värdet\n"
        "schemaversion: 1\nid: x\nkommentar: >-\n  En text.\n"
    )
    with pytest.raises(FormatRefused) as refused:
        format_text(text, "indikator")
    assert not refused.value.internal
    assert (refused.value.line, refused.value.column) == (2, 1)
    assert str(refused.value) == (
        "Filen formateras inte: nyckeln 'källan. 2018 saknas' är inget fältnamn (fältnamn har "
        "inga mellanslag); troligen är det text som har hamnat på en egen rad. Rätta felet först "
        "(utsatta validate på filens datamapp visar det)."
    )


def test_fmt_that_cannot_write_gives_advice_for_the_cause(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only file system is not a data error: no "kör 'utsatta validate'" (exit 120)."""
    import errno as errno_module
    import os as os_module

    def read_only(fd: int) -> None:
        raise OSError(errno_module.EROFS, "Read-only file system")

    monkeypatch.setattr(os_module, "fsync", read_only)
    code, out = _invoke()
    assert code == 120
    assert out.splitlines() == [
        "data/rapporter/2023/framtiden.yaml:1:1: fel [fmt-kan-inte-skriva] Kan inte skriva "
        "data/rapporter/2023/framtiden.yaml (filsystemet är skrivskyddat).",
        "0 filer formaterades om, 4 var redan formaterade, 1 kunde inte formateras.",
        "1 fil kunde inte skrivas; rätta orsaken som står ovan (behörighet, full disk, "
        "skrivskyddat filsystem …) och försök igen.",
    ]
    assert (data / "rapporter/2023/framtiden.yaml").read_bytes() == MESSY.encode()
    assert not [p for p in data.rglob("*") if p.name.endswith(".tmp")]


def test_a_plain_text_over_paragraphs_becomes_a_block_text_validate_accepts() -> None:
    """A plain value with a blank line holds a line break; ruamel.yaml wrote it as "…\\n…",
    which validate refuses (bakstreck-i-citat), so fmt gave up with an internal error."""
    text = (
        "schemaversion: 1\n"
        "ar: 2023\n"
        "organisation: higab\n"
        "insatser:\n"
        '  - insats: "2:1"\n'
        "    status: pagaende\n"
        "    nulage: Första stycket\n"
        "      fortsätter här.\n"
        "\n"
        "      Andra stycket.\n"
    )
    formatted = format_text(text, "rapport")
    assert formatted == (
        "schemaversion: 1\n"
        "ar: 2023\n"
        "organisation: higab\n"
        "insatser:\n"
        '  - insats: "2:1"\n'
        "    status: pagaende\n"
        "    nulage: |-\n"
        "      Första stycket fortsätter här.\n"
        "      Andra stycket.\n"
    )
    assert parse(formatted).data == parse(text).data
    assert format_text(formatted, "rapport") == formatted


def test_a_double_quoted_text_over_paragraphs_becomes_a_block_text() -> None:
    """The same for "…" over a blank line (review: fmt-internt-fel, bakstreck-i-citat)."""
    head = 'schemaversion: 1\nar: 2023\norganisation: higab\ninsatser:\n  - insats: "2:1"\n'
    text = head + '    nulage: "Första stycket.\n\n      Andra stycket."\n'
    formatted = format_text(text, "rapport")
    assert formatted == head + "    nulage: |-\n      Första stycket.\n      Andra stycket.\n"
    assert parse(formatted).data == parse(text).data


def test_a_lone_question_mark_is_the_files_error_not_an_internal_one() -> None:
    """A lone '?' (YAML's explicit key, here a key with no name) was refused as fmt's own
    internal error, "the file is probably right" (found by hypothesis on a corrupted shipped
    report); it is the file's error, said by validate as by fmt."""
    text = "?\nschemaversion: 1\nar: 2023\n"
    with pytest.raises(FormatRefused) as refused:
        format_text(text, "rapport")
    assert not refused.value.internal
    assert refused.value.message == (
        "Filen formateras inte eftersom den har fel: Här står en nyckel utan namn: ett ensamt "
        "'?' läses i YAML som början på en nyckel. Ta bort '?', eller skriv nyckelns namn före "
        "kolonet."
    )


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        # found by test_random_documents_keep_data_and_comments: an "id" over two lines was
        # put in double quotes, where its line break needs '\n' (bakstreck-i-citat)
        (
            "insatser:\n- ''\n- ''\n- 0\n- |-\n\n  0\n",
            'insatser:\n  - ""\n  - ""\n  - 0\n  - |2-\n\n    0\n',
        ),
        ('insatser:\n- "a\n\n  b"\n', "insatser:\n  - |-\n    a\n    b\n"),
    ],
)
def test_an_id_over_lines_is_written_as_a_block_text(text: str, formatted: str) -> None:
    assert format_text(text, "indikator") == formatted
    assert parse(formatted).data == parse(text).data
