"""The reading's advice, exact and followable (review granska17 F-a, L1–L4): each message names
the key as it is written (never the placeholder 'nyckel'), gives one advice, and following it
exactly leaves no finding."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import utsatta
from tests.support import CASES, ROOT, build_case, stopped
from utsatta.load.encoding import not_utf8

REPORT = Path("rapporter/2023/grundskolenamnden.yaml")
FOLLOWUP = Path("uppfoljning/2023.yaml")


Found = list[tuple[str, int, int, str, str]]


def _validate(case: Path, tmp_path: Path, edits: dict[Path, tuple[int, str]]) -> Found:
    data = build_case(case, tmp_path)
    for path, (number, line) in edits.items():
        lines = (data / path).read_text(encoding="utf-8").split("\n")
        lines[number - 1] = line
        (data / path).write_text("\n".join(lines), encoding="utf-8")
    return [
        (Path(f.file).relative_to(data).as_posix(), f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data).findings
    ]


BOTH = CASES / "syntax-bada-citattecken"
TAG = CASES / "tagg-som-text"
EMPTY = CASES / "_base"  # no files of its own: the base data


def test_a_text_with_both_quotes_gets_the_keys_own_block(tmp_path: Path) -> None:
    """F-a: no 'nyckel: |', and not "sätt inom citattecken: skriv indragen under …"."""
    assert _validate(BOTH, tmp_path / "as-is", {}) == [
        (
            REPORT.as_posix(),
            8,
            29,
            "yaml-syntax",
            "YAML-syntaxfel: Texten efter 'nulage:' innehåller ett kolon följt av mellanslag "
            "('Rektorn sa \"nej\":'), och YAML läser det som början på en ny nyckel. Texten har "
            "båda sorters citattecken (\" och ') och kan därför inte stå inom citattecken: skriv "
            "'nulage: |' och texten på raden under, indragen två mellanslag mer än nyckelns "
            "första bokstav." + stopped(8),
        )
    ]
    # followed: 'nulage: |', and the text below it, indented two more than the n of nulage (5)
    text = "      Rektorn sa \"nej\": det är skolans och 'andras' sak."
    assert _validate(BOTH, tmp_path / "followed", {REPORT: (8, f"    nulage: |\n{text}")}) == []


@pytest.mark.parametrize(
    ("line", "advice"),
    [
        # a quote closed, more text after it, and both kinds in the text
        (
            "    nulage: \"Rektorn\" sa 'nej' i går.",
            "Hör citattecknen till texten, skriv 'nulage: |' och texten på raden under, "
            "indragen två mellanslag mer än nyckelns första bokstav (texten har båda sorters "
            "citattecken); annars ta bort texten efter citattecknet.",
        ),
        # a list within brackets, more text after it
        (
            "    nulage: [se bilaga] \"A\" och 'B'.",
            "Texten har båda sorters citattecken (\" och ') och kan därför inte stå inom "
            "citattecken: skriv 'nulage: |' och texten på raden under, indragen två mellanslag "
            "mer än nyckelns första bokstav.",
        ),
    ],
)
def test_other_texts_with_both_quotes_name_the_key(tmp_path: Path, line: str, advice: str) -> None:
    ((_, number, _, code, message),) = _validate(EMPTY, tmp_path, {REPORT: (8, line)})
    assert (number, code) == (8, "yaml-syntax")
    assert message.endswith(advice + stopped(8))
    value = line.split(": ", 1)[1]
    followed = {REPORT: (8, f"    nulage: |\n      {value}")}
    assert _validate(EMPTY, tmp_path / "followed", followed) == []


def _strings(tree: ast.AST) -> list[str]:
    """The string constants of a module, docstrings left out (they may name a key in general)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_no_message_of_the_reading_says_nyckel_for_a_key() -> None:
    """F-a: a message names the key; 'nyckel: |' is something a user would copy as it is."""
    found = []
    for folder in ("load", "model", "check"):
        for path in sorted((ROOT / "src" / "utsatta" / folder).rglob("*.py")):
            for text in _strings(ast.parse(path.read_text(encoding="utf-8"))):
                if "nyckel: |" in text or "'nyckel'" in text:
                    found.append((path.name, text))
    assert found == []


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a: 1\n".encode("utf-16"), "'UTF-16 LE'"),
        ("a: 1\n".encode("utf-16-be"), "'UTF-16 BE'"),
    ],
)
def test_utf16_is_said_as_vs_code_shows_it(raw: bytes, shown: str) -> None:
    """L1: VS Code's status bar says 'UTF-16 LE' (or BE), never 'UTF 16'."""
    message = not_utf8(raw, 0, 1, 1).message
    assert f"i VS Code står {shown} i statusfältet" in message


def test_a_date_without_leading_zeros_gets_the_date_to_write(tmp_path: Path) -> None:
    """L2: '2024-6-1' has a day; month and day need two digits."""
    assert _validate(EMPTY, tmp_path, {FOLLOWUP: (33, "    datum: 2024-6-1")}) == [
        (
            FOLLOWUP.as_posix(),
            33,
            12,
            "ogiltigt-datum",
            "'datum': '2024-6-1' är inte skrivet som ÅÅÅÅ-MM-DD: månad och dag skrivs med två "
            "siffror. Skriv beslutsdagen som 2024-06-01.",
        )
    ]
    assert _validate(EMPTY, tmp_path / "followed", {FOLLOWUP: (33, "    datum: 2024-06-01")}) == []


def test_a_colon_last_on_the_line_is_said_so(tmp_path: Path) -> None:
    """L3: 'Orsak:' ends the line: the colon is followed by the line break, not a space."""
    ((_, number, column, code, message),) = _validate(
        EMPTY, tmp_path, {REPORT: (8, "    nulage: Orsak:")}
    )
    assert (number, column, code) == (8, 18, "yaml-syntax")
    assert message == (
        "YAML-syntaxfel: Texten efter 'nulage:' innehåller ett kolon sist på raden ('Orsak:'), "
        "och YAML läser det som början på en ny nyckel. Sätt hela texten inom citattecken: "
        'nulage: "Orsak:".' + stopped(8)
    )
    assert _validate(EMPTY, tmp_path / "followed", {REPORT: (8, '    nulage: "Orsak:"')}) == []


def test_a_tag_alone_is_one_finding_whose_advice_keeps_the_text(tmp_path: Path) -> None:
    """L4: 'nulage: !viktigt' is an empty text only because of the tag: no 'tom-text' (its
    advice, remove the key, would lose the text), and the tag's advice keeps '!viktigt'."""
    assert _validate(TAG, tmp_path, {}) == [
        (
            REPORT.as_posix(),
            8,
            13,
            "tagg-ej-tillaten",
            "'!viktigt' läses i YAML som en tagg (ett ord som börjar med '!' först i ett värde), "
            "inte som text, och taggar är inte tillåtna i utsattas datafiler. Är '!viktigt' en "
            'text, sätt hela texten inom citattecken: nulage: "!viktigt"; annars ta bort '
            "'!viktigt' och skriv värdet.",
        )
    ]
    assert _validate(TAG, tmp_path / "followed", {REPORT: (8, '    nulage: "!viktigt"')}) == []


def test_a_tag_before_a_text_keeps_the_whole_text(tmp_path: Path) -> None:
    line = "    nulage: !viktigt arbetet pågår."
    ((_, number, column, code, message),) = _validate(EMPTY, tmp_path, {REPORT: (8, line)})
    assert (number, column, code) == (8, 13, "tagg-ej-tillaten")
    assert message == (
        "'!viktigt' först i värdet läses i YAML som en tagg, inte som text, och taggar är inte "
        "tillåtna i utsattas datafiler. Hör '!viktigt' till texten, sätt hela texten inom "
        "citattecken: nulage: \"!viktigt arbetet pågår.\"; annars ta bort '!viktigt'."
    )
    followed = {REPORT: (8, '    nulage: "!viktigt arbetet pågår."')}
    assert _validate(EMPTY, tmp_path / "followed", followed) == []


def test_a_tag_on_a_value_of_another_type_still_says_remove_it(tmp_path: Path) -> None:
    """A tag of YAML's own ('!!int') is no text: the advice stays to remove it."""
    ((*_, code, message),) = _validate(EMPTY, tmp_path, {REPORT: (7, "    status: !!int 5")})
    assert code == "tagg-ej-tillaten"
    assert message == (
        "Taggen '!!int' är inte tillåten i utsattas datafiler. Ta bort den; skriv värdet inom "
        "citattecken om det ska läsas som text."
    )


def test_a_tag_on_a_key_is_not_read_as_a_text() -> None:
    """A tag before a key: the key is no text to put in quotes; the advice is to remove it."""
    from utsatta.load.yamlread import parse

    ((line, column, code, message),) = [
        (p.line, p.column, p.code, p.message) for p in parse("!x motivering: y\n").problems
    ]
    assert (line, column, code) == (1, 1, "tagg-ej-tillaten")
    assert message.startswith("Taggen '!x' är inte tillåten i utsattas datafiler. Ta bort den;")
