"""The pure-Python fallback parser (used where no C parser wheel exists) reads exactly what
libyaml reads and refuses exactly what it refuses, with the same finding (code, line, column,
message): a file is valid or invalid the same on every machine. The inputs are the corners
where ruamel.yaml's own pure-Python parser (YAML 1.2) and libyaml (YAML 1.1) part: ':' in
'[ ]' and '{ }', '?' keys, tabs, anchors, aliases and tags, directives, document markers,
escapes, block texts, and a last line without a line break."""

from __future__ import annotations

import pytest

from utsatta.load import yamlread
from utsatta.load.yamlread import parse

FLOWS = [
    "[2:1]",
    "{2:1}",
    "[a:1]",
    "{a:1}",
    "[:a]",
    "{:a}",
    "[a :b]",
    "[a, :b]",
    "[a:]",
    "{a:}",
    "[::]",
    "[:]",
    "[: b]",
    "[ : ]",
    "{ : }",
    "[a: ]",
    "[a: b]",
    "[a: b, c]",
    "{a: b: c}",
    "[? a : b]",
    "[? a]",
    "{? a}",
    "[? ]",
    "[?]",
    "[? : b]",
    "[? , a]",
    "[? , , ]",
    "[? : : b]",
    "[a ? b]",
    "[a?b]",
    "[a, ?b]",
    "{a?b: c}",
    '["a":b]',
    '{"a":b}',
    "['a':b]",
    '["a" :b]',
    "[a#b]",
    "[a #b]",
    "{a: [b: c]}",
    "[[a]: b]",
    "[{a: b}: c]",
    "[{a: b}]",
    "[a\t:b]",
    "[a:\tb]",
    "{a:\tb}",
    "[a,\tb]",
    "{a: b,\tc: d}",
    "[a, b,]",
    "[,]",
    "[a,,b]",
    "{,}",
    "{ a }",
    "{a, b}",
    "[&x a, *x]",
    "[!t a]",
    "[!!str a]",
    "[*x : a]",
    "[a:b:c]",
    "[http://x.se]",
    "{u: http://x.se}",
    "[a:,b]",
    "[-a]",
    "[- a]",
    "{- a}",
]

OTHERS = [
    # '?' and ':' keys in block context
    "? a\n: b\n",
    "? [a]\n: b\n",
    "?a: b\n",
    "? a: b\n",
    "k: ? a\n",
    ": a\n",
    ":\n",
    "- : a\n",
    "k: {: a}\n",
    "'a'\n: b\n",
    "a\n: b\n",
    # tabs
    "k:\ta\n",
    "k:\t a\n",
    "\tk: a\n",
    "k: a\t\n",
    "k: a\t#c\n",
    "a\t: b\n",
    "k:\n\t- a\n",
    "- \ta\n",
    "-\ta\n",
    "k: a\n\tb\n",
    "k: a\n  \tb\n",
    "k: a\n\t\n",
    "k: a\n \t\n  b\n",
    "- a\n\t- b\n",
    "- a\n  \tb\n",
    "k: a  \t  b\n",
    "[a,\n\tb]\n",
    "{\n\ta: b}\n",
    "k: |\n\ta\n",
    "k: |\n  a\n\tb\n",
    "k: |\n  \tx\n",
    "a: !t |\n\tx\n",
    "a: >\n  \t  x\n",
    "k: |2\n \tx\n",
    "k: '\ta'\n",
    "k: 'a\n\tb'\n",
    'k: "a\n\tb"\n',
    # anchors, aliases, tags
    "k: &x a\nj: *x\n",
    "k: !t a\n",
    "k: !!map {}\n",
    "k: !t &x a\n",
    "k: &x !t a\n",
    "k: *x[a]\n",
    "k: *x b\n",
    "- *x]\n",
    "k: *xa\\\n",
    "k: *\n",
    "k: &\n",
    "k: ! a\n",
    "k: !a!b c\n",
    "k: !<!> a\n",
    "!t\n",
    "<<: {a: b}\n",
    # directives and document markers
    "%YAML 1.1\n---\nk: a\n",
    "%YAML 1.2\n---\nk: a\n",
    "%YAML 1.3\n---\nk: a\n",
    "%YAML 2.0\n---\nk: a\n",
    "%FOO bar\n---\nk: a\n",
    "%\n",
    "%...\n- k: v\n",
    "%A.B x\n",
    "%a-b x\n",
    "%TAG !e! tag:e,2000:\n---\nk: !e!x a\n",
    "%TAG ! tag:x,1:\n%TAG ! tag:x,1:\nk: v\n",
    "%YAML 1.1\nk: a\n",
    "---\nk: a\n...\n",
    "k: a\n...\nj: b\n",
    "k: a\n---\nj: b\n",
    "--- k: a\n",
    "...\n",
    "k: a\n... # c\n",
    "---\n%YAML 1.2\n---\nk: v\n",
    # escapes
    'k: "\\q"\n',
    'k: "\\x4"\n',
    'k: "\\u00"\n',
    'k: "\\ud800"\n',
    'k: "\\U00110000"\n',
    'k: "a\\ud800b"\n',
    # block texts at the top and their headers
    "|\nabc\n",
    ">\n? x\n",
    "|\n  a\n",
    "k: |0\n a\n",
    "k: >-+\n a\n",
    "k: | x\n a\n",
    "a: |\n   \n  x\n",
    "a: |\n  \n    \n  x\n",
    # a last line without a line break
    "[",
    "{",
    "a: \n{  ",
    "a: b\n[  ",
    "k: [a",
    "k: 'a",
    "k: a",
]


def _found(text: str) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.code, p.message) for p in parse(text).problems]


def _read(text: str, *, pure: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    monkeypatch.setattr(yamlread, "FORCE_PURE", pure)
    result = parse(text)
    return (result.data if not result.problems else None), _found(text)


@pytest.mark.parametrize(
    "text",
    [f"{flow}\n" for flow in FLOWS]
    + [f"k: {flow}\n" for flow in FLOWS]
    + [f"k:\n  - {flow}\n" for flow in FLOWS]
    + OTHERS,
)
def test_the_fallback_reads_as_libyaml_does(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert yamlread.c_parser_available()
    with_c = _read(text, pure=False, monkeypatch=monkeypatch)
    pure = _read(text, pure=True, monkeypatch=monkeypatch)
    assert pure == with_c


@pytest.mark.parametrize(
    ("text", "data", "found"),
    [
        # What ruamel.yaml's own pure-Python parser read, or refused, unlike libyaml.
        ("k: [2:1]\n", None, [(1, 5, "yaml-syntax")]),
        ("k: {u: http://x.se}\n", None, [(1, 8, "yaml-syntax")]),
        ("k: { : }\n", None, [(1, 6, "yaml-syntax")]),
        (": a\n", None, [(1, 1, "yaml-syntax")]),
        ("k: [? ]\n", None, [(2, 1, "yaml-syntax")]),
        ('k: "\\ud800"\n', None, [(1, 5, "yaml-syntax")]),
        ("%FOO bar\n---\nk: a\n", None, [(1, 1, "yaml-syntax")]),
        ("k: |\n  \tx\n", None, [(2, 3, "yaml-syntax")]),
        ("k: ['a':b]\n", {"k": [{"a": "b"}]}, []),
        ("k:\ta\n", {"k": "a"}, []),
        ("k: a\t\n", {"k": "a"}, []),
        ("k: a\n  \tb\n", {"k": "a b"}, []),
    ],
)
def test_where_the_parsers_parted_the_fallback_gives_libyaml_s_finding(
    text: str, data: object, found: list[tuple[int, int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlread, "FORCE_PURE", True)
    result = parse(text)
    assert [(p.line, p.column, p.code) for p in result.problems] == found
    if not found:
        assert result.data == data


@pytest.mark.parametrize(
    ("text", "where"),
    [('k: "\\U00110000"\n', (1, 5)), ("%YAML 1.3\n---\nk: a\n", (1, 1))],
)
def test_the_fallback_never_raises(
    text: str, where: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ruamel.yaml's pure-Python parser raised ValueError and AssertionError here."""
    monkeypatch.setattr(yamlread, "FORCE_PURE", True)
    assert [(p.line, p.column, p.code) for p in parse(text).problems] == [(*where, "yaml-syntax")]
