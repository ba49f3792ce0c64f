"""Every reference to a decision record (docs/decisions/NNNN-title.md) leads to one: in the
source, the templates, the README, the records themselves and the tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT

DECISIONS = ROOT / "docs" / "decisions"
# docs/decisions/0040, docs/decisions/0040-statuses- (wrapped), 0040-statuses-and-directions.md
_PATH = re.compile(r"docs/decisions/(?P<nr>\d{4})(?P<slug>-[A-Za-z0-9-]*)?(?P<md>\.md)?")
_BARE = re.compile(r"(?<![\w/.-])(?P<name>\d{4}-[a-z0-9-]+\.md)\b")


def _texts() -> list[Path]:
    files = [ROOT / "README.md", *DECISIONS.glob("*.md")]
    for folder, pattern in (("src", "*.py"), ("templates", "*"), ("tests", "*.py")):
        files += (ROOT / folder).rglob(pattern)
    return sorted(p for p in files if p.is_file() and p != Path(__file__))


def broken_references(text: str, names: set[str]) -> list[str]:
    """The references in ``text`` that lead to no record of ``names`` (file names)."""
    numbers = {n[:4] for n in names}
    bad = []
    for m in _PATH.finditer(text):
        nr, slug, md = m["nr"], m["slug"] or "", m["md"]
        if md:
            ok = f"{nr}{slug}.md" in names
        else:  # a bare number, or a title cut by a line break
            ok = nr in numbers and any(n.startswith(nr + slug) for n in names)
        if not ok:
            bad.append(m[0])
    bad += [m["name"] for m in _BARE.finditer(text) if m["name"] not in names]
    return bad


def test_every_decision_reference_leads_to_a_record() -> None:
    names = {p.name for p in DECISIONS.glob("*.md")}
    found = [
        f"{p.relative_to(ROOT)}:{text.count(chr(10), 0, text.index(ref)) + 1}: {ref}"
        for p in _texts()
        for text in [p.read_text(encoding="utf-8")]
        for ref in broken_references(text, names)
    ]
    assert found == []


def test_a_broken_reference_is_found() -> None:
    names = {"0090-rapport-som-json.md", "0040-statuses-and-directions.md"}
    assert broken_references("(docs/decisions/0090-report-json.md)", names) == [
        "docs/decisions/0090-report-json.md"
    ]
    assert broken_references("see 0090-report-json.md and docs/decisions/0041", names) == [
        "docs/decisions/0041",
        "0090-report-json.md",
    ]
    assert broken_references("docs/decisions/0040-statuses-\nand", names) == []
    assert broken_references("docs/decisions/0040-status-", names) == [
        "docs/decisions/0040-status-"
    ]
    assert broken_references("docs/decisions/0090-rapport-som-json.md, 0040", names) == []


def _index_script(*args: str) -> subprocess.CompletedProcess[str]:
    script = ROOT / "scripts" / "decisions_index.py"
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )


def test_the_index_lists_every_record_with_its_title() -> None:
    result = _index_script("--check")
    assert result.returncode == 0, result.stdout + " (kör python scripts/decisions_index.py)"
    index = (DECISIONS / "README.md").read_text(encoding="utf-8")
    records = sorted(DECISIONS.glob("[0-9][0-9][0-9][0-9]-*.md"))
    assert f"\n{len(records)} poster.\n" in index
    assert "- [0001](0001-one-process.md) En process\n" in index
    assert "- [0002](0002-layers.md) Lager: datan flyter åt ett håll\n" in index
    listed = re.findall(r"^- \[(\d{4})\]\((\S+)\) ", index, flags=re.M)
    assert [name for _, name in listed] == [p.name for p in records]
    assert all(name.startswith(nr) for nr, name in listed)
