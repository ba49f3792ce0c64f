"""The author of an uppföljning (``upprattad_av``) in the Markdown report's labels (red22): the
verdict column's heading in the slutuppföljning's table, a real verdict's label in bilaga B
and its marking in an illustrative file were written without the Markdown filter, so a pipe
split the table and raw HTML and a link reached the page. They go through ``text``/``textcell``
like every other text from the data (docs/decisions/0641-upprattaren-i-markdown.md)."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from ruamel.yaml import YAML
from typer.testing import CliRunner

from tests.support import BASE, FREE_TEXT
from utsatta.cli.app import app

SHIPPED = Path(__file__).parent.parent / "data"
AUTHOR = "SLK | x | <img src=x onerror=alert(1)> [a](javascript:alert(1)) **fet**"
#: the author as the Markdown report writes a text in a line or a cell
SHOWN = r"SLK \| x \| \<img src=x onerror=alert(1)> \[a\](javascript:alert(1)) \*\*fet\*\*"


def _report(tmp_path: Path, *, illustrativ: bool) -> str:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "uppfoljning/2025.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("illustrativ: true\n", f"illustrativ: {str(illustrativ).lower()}\n", 1)
    text = text.replace("upprattad_av: Stadsledningskontoret\n", f"upprattad_av: '{AUTHOR}'\n", 1)
    # one real verdict in the file: its marking names the author
    real = "  - delmal: inga-sarskilt-utsatta\n    illustrativ: false\n"
    text = text.replace("  - delmal: inga-sarskilt-utsatta\n", real, 1)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "2025", "--data", str(data)])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("illustrativ", [False, True], ids=["verklig", "illustrativ"])
def test_the_author_never_becomes_markdown_in_the_report(tmp_path: Path, illustrativ: bool) -> None:
    md = _report(tmp_path, illustrativ=illustrativ)
    assert AUTHOR not in md
    html = MarkdownIt("commonmark").enable("table").render(md)
    for tag in ("<img", 'href="javascript', "<strong>fet</strong>"):
        assert tag not in html
    # every row of every table has as many cells as its heading
    for table in html.split("<table>")[1:]:
        head, body = table.split("</thead>", 1)
        columns = len(re.findall("<th[ >]", head))
        for row in body.split("</tbody>", 1)[0].split("<tr>")[1:]:
            assert row.count("<td") == columns, row[:200]
    if illustrativ:
        assert f"*(verklig: bedömning av {SHOWN})*" in md
    else:
        assert f"| Mål | Beräknat utfall | Underlag | Bedömning av {SHOWN} |" in md
        assert f"**Bedömning av {SHOWN}: " in md


#: Markdown and HTML that would change the page: a tag, a link, a table cell
MARKUP = " <b>fet</b> [l](javascript:alert(1)) a|b"


def _with_markup(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _with_markup(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_markup(v, key) for v in value]
    return value + MARKUP if isinstance(value, str) and key in FREE_TEXT else value


def _assert_plain_markdown(md: str) -> None:
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    # emphasis is the nämnd's own Markdown and stays (escape.md_inline); a tag or link never
    for tag in ("<b>", 'href="javascript'):
        assert tag not in html
    for table in html.split("<table>")[1:]:
        head, body = table.split("</thead>", 1)
        columns = len(re.findall("<th[ >]", head))
        for row in body.split("</tbody>", 1)[0].split("<tr>")[1:]:
            assert row.count("<td") == columns, row[:200]


@pytest.mark.parametrize("illustrativ", [False, True], ids=["verklig", "illustrativ"])
def test_no_free_text_becomes_markdown_in_the_report(tmp_path: Path, illustrativ: bool) -> None:
    """Every free text of the base data with a tag, a link, emphasis and a pipe: the Markdown
    report shows them as text, whether the uppföljning is real or illustrative (the labels
    differ: "Bedömning av …" only for a real one)."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.width = 4096
    for path in sorted(data.rglob("*.yaml")):
        doc = _with_markup(yaml.load(path.read_text(encoding="utf-8")))
        if path.parent.name == "uppfoljning":
            doc["illustrativ"] = illustrativ
        out = io.StringIO()
        yaml.dump(doc, out)
        path.write_text(out.getvalue(), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "2023", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "Bedömning av Stadsledningskontoret" in result.stdout or illustrativ
    _assert_plain_markdown(result.stdout)
