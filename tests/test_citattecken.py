"""The report quotes with ”…” (Swedish typography), in every template: no straight double
quote, no “…”, „…“ or «…» in the text a reader sees (Markdown text, HTML text between tags,
and the string literals of Jinja expressions that end up in it). HTML attributes, CSS, scripts
and template comments are not reader text and are left out."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).parent.parent / "templates"
FEL = re.compile(r"[\"“„«»]")


def _blank(m: re.Match[str]) -> str:
    """The match replaced by its line breaks only, so line numbers stay."""
    return "\n" * m.group(0).count("\n")


def _reader_quotes(path: Path) -> list[str]:
    text = re.sub(r"\{#.*?#\}", _blank, path.read_text(encoding="utf-8"), flags=re.S)
    found = []
    for m in re.finditer(r"\{[{%].*?[}%]\}", text, flags=re.S):
        for a, b in re.findall(r"'([^'\n]*)'|\"([^\"\n]*)\"", m.group(0)):
            if FEL.search(a or b):
                found.append(f"{path.name}:{text[: m.start()].count(chr(10)) + 1}: {a or b}")
    text = re.sub(r"\{[{%].*?[}%]\}", _blank, text, flags=re.S)
    if path.name.endswith(".html.j2"):
        for pattern in (r"<style.*?</style>", r"<script.*?</script>", r"<[^>]*>"):
            text = re.sub(pattern, _blank, text, flags=re.S)
    found += [
        f"{path.name}:{n}: {line.strip()}"
        for n, line in enumerate(text.split("\n"), 1)
        if FEL.search(line)
    ]
    return found


def test_no_straight_or_foreign_quotes_in_reader_text() -> None:
    paths = sorted(TEMPLATES.rglob("*.j2"))
    assert len(paths) > 10
    assert [f for p in paths for f in _reader_quotes(p)] == []


def test_the_check_sees_a_straight_quote(tmp_path: Path) -> None:
    p = tmp_path / "x.md.j2"
    p.write_text('{# "ok" #}Text "saknas".\n{{ "a “b”" if x }}\n', encoding="utf-8")
    assert _reader_quotes(p) == ["x.md.j2:2: a “b”", 'x.md.j2:1: Text "saknas".']
    h = tmp_path / "x.html.j2"
    h.write_text('<p class="a">Text ”saknas”.</p>\n', encoding="utf-8")
    assert _reader_quotes(h) == []
