"""The escaping functions of every output channel (utsatta.escape): exact examples, and
properties over every string hypothesis can make (lone surrogates included)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from utsatta import escape
from utsatta.render import markdown as render_md

# Every code point, lone surrogates included (hypothesis leaves those out by default).
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=80)
# Text a hostile file would use: the dangerous characters often, mixed with ordinary ones.
HOSTILE = st.text(
    st.sampled_from(
        list("\x00\x07\x08\t\n\r\x1b\x7f\x85\x9b\u00ad\u061c\u200b\u200c\u200d\u200e\u200f")
        + list("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069")
        + ["\ufeff", "\ufe0f", "\U000e0041", "\ud800", "\u00a0", "\u3164"]
        + list(":#[]|`<>&%,\\*_~!-+=. aåäöAÅÄÖé19")
    ),
    max_size=60,
)
# Plain Swedish text: what a nämnd writes, which must come through unchanged.
SWEDISH = st.text(
    st.sampled_from(list("abcdefghijklmnopqrstuvwxyzåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉ0123456789"))
    | st.sampled_from(list(" .,;:!?()'\"-–/%")),
    max_size=80,
)

ONE_LINE = [
    escape.terminal,
    escape.ci_text,
    escape.ci_message,
    escape.ci_property,
    escape.summary_cell,
    escape.summary_code,
    escape.identifier,
    escape.md_inline,
    escape.md_cell,
    escape.html_attr,
]
MULTI_LINE = [
    escape.md_block,
    escape.html_text,
    lambda t: escape.terminal(t, multiline=True),
    lambda t: escape.ci_text(t, multiline=True),
]
#: Channels where every invisible or direction character must be shown, not kept.
VISIBLE = [
    escape.terminal,
    escape.ci_text,
    escape.ci_message,
    escape.ci_property,
    escape.summary_cell,
    escape.summary_code,
    escape.identifier,
]
PROSE = [
    escape.md_inline,
    escape.md_cell,
    escape.md_block,
    escape.html_text,
    escape.html_attr,
]
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _controls(text: str, allowed: str = "") -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in allowed]


@pytest.mark.parametrize("fn", ONE_LINE + MULTI_LINE)
@given(text=ANY_TEXT | HOSTILE)
def test_total_and_no_raw_control(fn, text: str) -> None:  # type: ignore[no-untyped-def]
    """Never raises; no control character but the line break of multi-line channels; no
    bidi control; always encodable as UTF-8 (no lone surrogate reaches a file or a pipe)."""
    out = fn(text)
    assert isinstance(out, str)
    allowed = "\n" if fn in MULTI_LINE else ""
    assert _controls(out, allowed) == []
    assert not BIDI_CONTROLS & set(out)
    out.encode("utf-8")
    assert "\x00" not in out


@pytest.mark.parametrize("fn", VISIBLE)
@given(text=ANY_TEXT | HOSTILE)
def test_visible_channels_keep_nothing_invisible(fn, text: str) -> None:  # type: ignore[no-untyped-def]
    out = fn(text)
    for char in out:
        assert unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp"), repr(char)


@pytest.mark.parametrize(
    "fn",
    [
        escape.ci_text,
        lambda t: escape.ci_text(t, multiline=True),
        escape.ci_message,
        lambda t: escape.ci_message(t, multiline=True),
    ],
)
@given(text=ANY_TEXT | HOSTILE)
def test_ci_never_starts_a_workflow_command(fn, text: str) -> None:  # type: ignore[no-untyped-def]
    out = fn(text)
    # The runner reads lines split at CR and LF, and trims leading whitespace (TrimStart).
    for line in re.split("[\r\n]", out):
        assert not line.lstrip().startswith("::"), line
    assert "##[" not in out


#: every white space the runner trims before a command, but the line breaks (.NET's
#: Char.IsWhiteSpace is a subset of Python's isspace)
RUNNER_SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) not in "\n\r"]
MARKDOWN = [escape.md_block, escape.md_inline, escape.md_cell, escape.md_text, escape.md_text_cell]


@pytest.mark.parametrize("fn", MARKDOWN)
@given(text=ANY_TEXT | HOSTILE)
def test_markdown_never_starts_a_workflow_command(fn, text: str) -> None:  # type: ignore[no-untyped-def]
    # The Markdown report goes to stdout, a CI log when run there (docs/decisions/0426).
    for line in fn(text).split("\n"):
        assert not line.lstrip().startswith("::"), line


@pytest.mark.parametrize("space", RUNNER_SPACES, ids=lambda c: f"U+{ord(c):04X}")
def test_markdown_escapes_a_command_behind_any_white_space(space: str) -> None:
    out = escape.md_block(f"Läget:\n{space}{space}::error file=a::falskt")
    last = out.split("\n")[-1]
    assert last.lstrip().startswith("\\::error file=a::falskt"), repr(last)
    if space in "\u00a0\u3000\u2003":  # kept: text, not a Markdown indent
        assert last == f"{space}{space}\\::error file=a::falskt"


@given(text=ANY_TEXT | HOSTILE)
def test_a_ci_property_cannot_start_a_command(text: str) -> None:
    """A property stands inside a command's line (``::warning file=…``), where the runner
    reads that command before it looks for ``##[``: it needs only to hold no ``:`` and no line
    break (no ``::`` and no line of its own; test below). ``##[`` is kept as written
    (granska18b L4: a guard would change the value)."""
    out = escape.ci_property(text)
    assert ":" not in out and "\r" not in out and "\n" not in out


def test_a_ci_property_is_the_toolkits_escaping() -> None:
    """escapeProperty (actions/toolkit, packages/core/src/command.ts): %, CR, LF, ':' and ','
    encoded, nothing else changed; controls shown as on a terminal before."""
    assert escape.ci_property("::e/a,b%c:d") == "%3A%3Ae/a%2Cb%25c%3Ad"
    assert escape.ci_property("##[x]/  ::y\\z") == "##[x]/  %3A%3Ay\\z"
    assert escape.ci_property("a\r\nb\x1b") == "a\\r\\nb\\x1b"


@given(text=ANY_TEXT | HOSTILE)
def test_ci_message_and_property_stay_on_one_line(text: str) -> None:
    for out in (escape.ci_message(text, multiline=True), escape.ci_property(text)):
        assert "\n" not in out and "\r" not in out
    assert ":" not in escape.ci_property(text) and "," not in escape.ci_property(text)


@pytest.mark.parametrize(
    "fn",
    [
        escape.terminal,
        escape.ci_text,
        escape.identifier,
        escape.html_text,
        escape.html_attr,
        lambda t: escape.terminal(t, multiline=True),
    ],
)
@given(text=SWEDISH)
def test_plain_swedish_text_is_unchanged(fn, text: str) -> None:  # type: ignore[no-untyped-def]
    assume(not text.lstrip().startswith("::"))
    assert fn(text) == text


@given(text=SWEDISH)
def test_plain_swedish_text_in_ci_commands_only_gets_the_percent_encoding(text: str) -> None:
    assume(not text.lstrip().startswith("::"))
    assert escape.ci_message(text) == text.replace("%", "%25")
    assert escape.ci_property(text) == (
        text.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    )


NO_CONTROLS = st.text(
    st.characters(
        exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"),
        exclude_characters="\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164"
        "\uffa0",
    )
    | st.sampled_from(list("\n \n\n#-*>|`<&[]!1.")),
    max_size=80,
)


@given(text=NO_CONTROLS)
def test_markdown_rules_agree_with_render_markdown(text: str) -> None:
    """On text without control characters the Markdown report functions give what
    render.markdown gives today, so the output layer can switch to them without a diff."""
    assert escape.md_inline(text) == render_md.inline(text)
    assert escape.md_cell(text) == render_md.cell(text)
    assert escape.md_block(text) == render_md.block(text)


@given(a=ANY_TEXT | HOSTILE, b=ANY_TEXT | HOSTILE)
def test_identifier_is_unambiguous(a: str, b: str) -> None:
    """Two different ids or file names never look the same."""
    assume(a != b)
    assert escape.identifier(a) != escape.identifier(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("socialnamnd", "social\u200bnamnd"),
        ("socialnamnd", "socialnamnd\u200d"),
        ("a\u200bb", "a<U+200B>b"),
        ("a\\x1bb", "a\x1bb"),
        ("a b", "a\u00a0b"),
        ("å.yaml", "a\u030a.yaml"),
        ("x\ufe0f", "x"),
        ("abc", "\u202ecba"),
    ],
)
def test_lookalike_ids_differ(a: str, b: str) -> None:
    assert escape.identifier(a) != escape.identifier(b)


def _table_cells(cell: str) -> list[str]:
    html = MarkdownIt("commonmark").enable("table").render(f"| h |\n|---|\n| {cell} |\n")
    body = html.split("<tbody>")[1]
    return re.findall(r"<td>(.*?)</td>", body, flags=re.S)


@given(text=ANY_TEXT | HOSTILE)
def test_summary_code_is_one_code_cell(text: str) -> None:
    """A file name with backticks, pipes or line breaks stays one code span in one cell."""
    cells = _table_cells(escape.summary_code(text))
    assert len(cells) == 1
    assert cells[0].startswith("<code>") and cells[0].endswith("</code>")
    assert cells[0].count("<code>") == 1


#: What GitHub could link, in pieces (a commit SHA, a mention, an issue, an address).
LINKY = st.lists(
    st.sampled_from(
        [
            *("a5c3785", "1234567", "deadbeef", "0", "@", "#", "GH-", "x", "/", ".", " ", "("),
            *(")", "https://", "www.", "b.se", "|", "`", '"', ",", "-", "_", "å", "\n"),
        ]
    ),
    max_size=30,
).map("".join)


@given(text=ANY_TEXT | HOSTILE | LINKY)
def test_summary_cell_lets_no_markup_through(text: str) -> None:
    cells = _table_cells(escape.summary_cell(text))
    assert len(cells) == 1
    # No element but inline code (what GitHub could link is written as code): no link, image
    outside = re.sub(r"<code>[^<]*</code>", " ", cells[0])
    assert "<" not in outside.replace("&lt;", "")
    # and outside the code spans nothing GitHub makes into a link: no address, mention, issue
    assert not re.search(
        r"://|www\.|mailto:|xmpp:|@[0-9a-z]|#[0-9]|(?<![0-9a-z])gh-[0-9]"
        r"|(?<![0-9a-z])[0-9a-f]{7,}(?![0-9a-z])",
        outside,
        re.IGNORECASE,
    )


# --- exact examples ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arbetet pågår i Bergsjön.", "Arbetet pågår i Bergsjön."),
        ("rad 1\nrad 2", "rad 1\\nrad 2"),
        ("dold\rfel", "dold\\rfel"),
        ("\x1b]52;c;aGVq\x07", "\\x1b]52;c;aGVq\\x07"),  # OSC 52 clipboard write
        ("fel\x1b[2K\x1b[1Gok", "fel\\x1b[2K\\x1b[1Gok"),  # erase the line
        ("a\x00b\x7fc\x9bd", "a\\x00b\\x7fc\\x9bd"),
        ("tab\there", "tab here"),
        ("abc\u202edcba", "abc<U+202E>dcba"),
        ("x\u2066y\u2069", "x<U+2066>y<U+2069>"),
        (
            "zero\u200bwidth\u200c\u200d\u2060\ufeff\u00ad",
            "zero<U+200B>width<U+200C><U+200D><U+2060><U+FEFF><U+00AD>",
        ),
        ("\ud800", "<U+D800>"),
        ("a\u2028b", "a<U+2028>b"),
    ],
)
def test_terminal_examples(text: str, expected: str) -> None:
    assert escape.terminal(text) == expected


def test_terminal_multiline_keeps_lines_but_no_cr() -> None:
    assert escape.terminal("a\r\nb\rc\n\x1b", multiline=True) == "a\nb\nc\n\\x1b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("::add-mask::hemlig", "\\::add-mask::hemlig"),
        ("  ::stop-commands::x", "  \\::stop-commands::x"),
        ("\u00a0::error::x", "\u00a0\\::error::x"),
        ("text ##[set-env name=A]b", "text ##\\[set-env name=A]b"),
        ("a::b", "a::b"),
    ],
)
def test_ci_text_examples(text: str, expected: str) -> None:
    assert escape.ci_text(text) == expected


def test_ci_text_multiline_neutralises_every_line() -> None:
    assert escape.ci_text("ok\n::add-mask::x\r\n ::warning::y", multiline=True) == (
        "ok\n\\::add-mask::x\n \\::warning::y"
    )


def test_ci_message_and_property_examples() -> None:
    assert escape.ci_message("100 % klart\n::add-mask::x") == "100 %25 klart\\n::add-mask::x"
    assert escape.ci_message("a\nb", multiline=True) == "a%0Ab"
    assert escape.ci_property("data/rapporter/2023/a,b:c%.yaml") == (
        "data/rapporter/2023/a%2Cb%3Ac%25.yaml"
    )
    assert escape.ci_property("x\x1b") == "x\\x1b"


def test_summary_examples() -> None:
    assert escape.summary_cell("a|b <script>x</script> [länk](http://e) `k` &#x202E;") == (
        "a\\|b &lt;script&gt;x&lt;/script&gt; \\[länk\\](`http://e`) \\`k\\` &amp;\\#x202E;"
    )


def test_summary_cell_defuses_everything_github_links() -> None:
    """GitHub links bare addresses (http, https, ftp, www., mailto:, xmpp:, e-mail), mentions
    and issue references in rendered Markdown: each is inline code, shown and copied as is."""
    cell = escape.summary_cell
    assert cell("se https://evil.example/login och www.evil.se") == (
        "se `https://evil.example/login` och `www.evil.se`"
    )
    assert cell("ftp://a.se mailto:x@y.se xmpp:a@b.se HTTP://A.SE") == (
        "`ftp://a.se` `mailto:x@y.se` `xmpp:a@b.se` `HTTP://A.SE`"
    )
    assert cell("mejla a@b.se eller @team, se #123, GH-7 och org/repo#9") == (
        "mejla `a@b.se` eller `@team`, se `#123`, `GH-7` och `org/repo#9`"
    )
    assert cell("a|b https://x.se/?q=1|2 *fet*") == "a\\|b `https://x.se/?q=1\\|2` \\*fet\\*"
    assert cell("C# och 3 # inte") == "C\\# och 3 \\# inte"  # no reference: escaped text
    assert cell("`www.a.se`") == "\\``www.a.se`\\`"
    assert escape.summary_cell("rad\nny") == "rad\\\\nny"
    assert escape.summary_cell("") == " "
    assert escape.summary_code("data/a.yaml:3:1") == "`data/a.yaml:3:1`"
    assert escape.summary_code("a`b.yaml") == "``a`b.yaml``"
    assert escape.summary_code("`a") == "`` `a ``"
    assert escape.summary_code("a|b\nc") == "`a\\|b\\nc`"
    assert escape.summary_code("") == "` `"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
@example("a<U+200B>b")
@example("C:\\data")
@example("a\x7fb")
def test_identifier_shows_ascii_text_as_it_is_but_for_controls_backslash_and_u_plus(
    text: str,
) -> None:
    """Plain ASCII is returned without the pattern; what it would change is still shown."""
    plain = re.search(r"[\x00-\x1f\x7f\\]|<U\+", text) is None
    assert (escape.identifier(text) == text) is plain


def test_identifier_examples() -> None:
    assert escape.identifier("grundskolenamnden") == "grundskolenamnden"
    assert escape.identifier("social\u200bnamnd") == "social<U+200B>namnd"
    assert escape.identifier("a\tb\nc") == "a\\tb\\nc"
    assert escape.identifier("a\u00a0b") == "a<U+00A0>b"
    assert escape.identifier("a\\b") == "a\\\\b"
    assert escape.identifier("a<U+200B>b") == "a\\<U+200B>b"
    assert escape.identifier("x<y") == "x<y"
    assert escape.identifier("a\u030a.yaml") == "a<U+030A>.yaml"
    assert escape.identifier("å.yaml") == "å.yaml"
    assert escape.identifier("\U000f0000") == "<U+F0000>"  # private use


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hej\x00 då", "Hej då"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\x0cb\u2028c", "a\nb\nc"),
        ("abc\u202edcba\u202c", "abcdcba"),
        ("x\u2067y\u2069", "xy"),
        ("noll\u200bbredd\ufeff", "nollbredd"),
        ("\x1b[31mröd", "[31mröd"),
        # ZWNJ between letters stays (Persian: می‌خواهم), elsewhere it goes.
        ("می\u200cخواهم", "می\u200cخواهم"),
        ("id\u200c", "id"),
        ("\u200cid", "id"),
        ("a \u200c b", "a  b"),
        ("👨\u200d👩", "👨\u200d👩"),
        # only a joining script's letters (decision 0527): Devanagari keeps it (a conjunct
        # broken or asked for); Han, Hebrew, Armenian, Georgian and Latin do not join, so
        # there it only makes two equal-looking names differ
        ("क्\u200cष", "क्\u200cष"),
        ("क\u200dष", "क\u200dष"),
        ("葛\u200c葛", "葛葛"),
        ("שלו\u200cם", "שלום"),
        ("Ա\u200cԲ", "ԱԲ"),
        ("ა\u200dბ", "აბ"),
        ("x\u200d葛", "x葛"),
        ("a\u0301\u200cb", "a\u0301b"),
        ("samhälls\u00adutveckling", "samhälls\u00adutveckling"),
        ("\u200fشهر", "\u200fشهر"),
        ("tab\tx", "tab x"),
    ],
)
def test_html_text_examples(text: str, expected: str) -> None:
    assert escape.html_text(text) == expected


def test_html_attr_is_one_line() -> None:
    assert escape.html_attr("a\nb\tc\x00") == "a b c"


def test_markdown_examples() -> None:
    assert escape.md_block("# Rubrik\x00\n\n- punkt\u202e\n1. ett") == (
        "\\# Rubrik\n\n- punkt\n\n1. ett"  # two lists: a blank line between them
    )
    assert escape.md_cell("a|b\x00\nc") == "a\\|b c"
    assert escape.md_inline("<b>fet</b>\x1b") == "\\<b>fet\\</b>"
    # NUL never reaches a committed .md (git would call it binary).
    assert "\x00" not in escape.md_block("\x00" * 5)


def test_format_list_is_complete() -> None:
    """The hard-coded format characters are every Cf character of this Python's Unicode."""
    missing = [
        f"U+{c:04X}"
        for c in range(0x110000)
        if unicodedata.category(chr(c)) == "Cf" and escape.terminal(chr(c)) == chr(c)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("2023", "2023"),
        ("9" * 4301, "9" * 20 + "… (4 301 siffror)"),
        ("-" + "1" * 25, "-" + "1" * 20 + "… (25 siffror)"),
        ("1" * 21, "1" * 20 + "… (21 siffror)"),
        ("1" * 20, "1" * 20),
        ("1.5e" + "9" * 30, "1.5e" + "9" * 18 + "… (32 siffror)"),
    ],
)
def test_shorten_number(literal: str, expected: str) -> None:
    assert escape.shorten_number(literal) == expected


def test_shorten_number_keep() -> None:
    assert escape.shorten_number("123456", keep=3) == "123… (6 siffror)"


def test_shorten() -> None:
    assert escape.shorten("kort") == "kort"
    assert escape.shorten("x" * 12000, 5) == "xxxxx… (12 000 tecken)"
    assert escape.shorten("abc", 0) == "a… (3 tecken)"


@given(text=ANY_TEXT, limit=st.integers(-5, 100))
def test_shorten_is_bounded(text: str, limit: int) -> None:
    out = escape.shorten(text, limit)
    assert len(out) <= max(limit, 1) + len(" … (1 114 112 tecken)")


# --- suggested commands -------------------------------------------------------------------------

_NO_COMMAND = (
    "(inget kommando kan ges: sökvägen har tecknet {code}, {kind}, som inte kan skrivas i ett "
    "kommando; byt namn på mappen eller filen först)"
)


@pytest.mark.parametrize(
    ("part", "code", "kind"),
    [
        ("data\x1b[31m", "U+001B", "ett styrtecken"),
        ("a\tb", "U+0009", "ett styrtecken"),
        ("da\u202eta", "U+202E", "ett riktningstecken"),
        ("x\u2066y", "U+2066", "ett riktningstecken"),
        ("a\u030a", "U+030A", "ett kombinerande tecken"),  # NFD å: the channels show the mark
        ("x\u00a0y", "U+00A0", "ett annat mellanslag än det vanliga"),
        ("x\u200by", "U+200B", "ett osynligt eller okänt tecken"),
    ],
)
def test_a_command_with_a_part_shown_as_a_code_is_refused(part: str, code: str, kind: str) -> None:
    """A path that identifier shows as a code is no path a shell can name as shown: why, in
    words every channel writes as they are (no backslash, no <U+…>)."""
    refused = _NO_COMMAND.format(code=code, kind=kind)
    assert escape.shell_command("git", "mv", part, "b") == refused
    assert escape.utsatta_command("validate", data=part) == refused
    assert escape.utsatta_command("fmt", part, data="data") == refused
    for channel in (escape.identifier, escape.terminal, escape.ci_message, escape.ci_text):
        assert channel(refused) == refused


@pytest.mark.parametrize("part", ["m med å'q", "c:\\x", "<U+00>", "a<b", "å", "\u00e5"])
def test_a_part_that_can_be_typed_is_quoted(part: str) -> None:
    import shlex

    assert shlex.split(escape.utsatta_command("validate", part, data=part))[1:] == [
        "validate",
        part,
        "--data",
        part,
    ]


@given(text=HOSTILE)
def test_a_command_is_quoted_or_refused(text: str) -> None:
    import shlex

    command = escape.utsatta_command("validate", text, data="data")
    if command.startswith("(inget kommando kan ges: "):
        assert escape.identifier(command) == command
    else:
        assert shlex.split(command) == ["utsatta", "validate", text, "--data", "data"]


@pytest.mark.parametrize("fn", [*MARKDOWN, escape.summary_cell])
def test_no_dollar_from_the_data_opens_githubs_math(fn) -> None:  # type: ignore[no-untyped-def]
    # $…$ and $$…$$ are math on GitHub (\Huge, \color: text that reads otherwise than the
    # data); an escaped dollar is a dollar there and in CommonMark (docs/decisions/0428).
    assert fn("$x$ och $$\\Huge{FALSKT}$$ för 5 $") == (
        "\\$x\\$ och \\$\\$\\\\Huge{FALSKT}\\$\\$ för 5 \\$"
    )
    rendered = MarkdownIt("commonmark").renderInline(fn("pris: $5 och $$x$$"))
    assert rendered == "pris: $5 och $$x$$"
