"""The library: the README's example runs, `import utsatta` is cheap, and the README's table of
finding codes is the registry's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import utsatta
from tests.support import BASE, CASES, ROOT, build_case
from utsatta.codes import CODES, markdown_table

README = ROOT / "README.md"


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_the_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks()
    assert len(blocks) == 1
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").symlink_to(ROOT / "data")
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)
    text = namespace["text"]
    assert isinstance(text, str)
    assert text.startswith("# ")


def test_validate_gives_full_texts_by_default() -> None:
    """A library caller gets every text of every report, never a stand-in."""
    result = utsatta.validate(BASE)
    texts = [
        item.nulage
        for rep in result.dataset.rapporter
        if rep.model is not None
        for item in rep.model.insatser
    ]
    assert texts
    assert all(len(t) > 3 and t.strip() != "…" for t in texts)


def test_findings_are_the_one_record(tmp_path: Path) -> None:
    data = build_case(CASES / "okand-organisation", tmp_path)
    result = utsatta.validate(data)
    assert result.findings
    assert all(isinstance(f, utsatta.Finding) and f.line >= 1 for f in result.findings)
    assert result.failed()


def test_importing_utsatta_imports_nothing_heavy() -> None:
    code = (
        "import sys, utsatta; "
        "print(sorted(m for m in ('pydantic', 'typer', 'jinja2', 'rich', 'ruamel') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_validate_imports_no_report_machinery() -> None:
    code = (
        "import sys; from utsatta.cli.app import main; sys.argv = ['utsatta', 'validate', "
        f"'--data', {str(BASE)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('jinja2', 'rich', 'markdown_it', 'utsatta.render.report') "
        "if m in sys.modules), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"


def test_the_api_is_documented_and_complete() -> None:
    for name in utsatta.__all__:
        assert getattr(utsatta, name) is not None
    with pytest.raises(AttributeError):
        _ = utsatta.finns_inte


def test_the_readme_lists_every_code() -> None:
    text = README.read_text(encoding="utf-8")
    assert markdown_table() in text, (
        "kör: python -c 'from utsatta.codes import markdown_table; print(markdown_table())'"
    )


def test_every_code_in_the_source_is_registered() -> None:
    """Every code a finding can have (in the source, the models' own errors and the cases)."""
    found: set[str] = set()
    for path in (ROOT / "src" / "utsatta").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(
            re.findall(
                r'(?:fel|varning|at_line|_problem|_file_issue)\([^)]*?"([a-z]+(?:-[a-z]+)+)"',
                text,
                re.DOTALL,
            )
        )
        found |= set(re.findall(r'PydanticCustomError\(\s*"([a-z]+(?:-[a-z]+)+)"', text))
    for expected in CASES.glob("*/expected.txt"):
        found |= set(re.findall(r"\[([a-z-]+)\]", expected.read_text(encoding="utf-8")))
    assert found - CODES.keys() == set()
    assert {"yaml-syntax", "rapport-saknas", "okant-falt"} <= found
