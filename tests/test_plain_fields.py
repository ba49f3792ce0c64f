"""One rule for the texts of the data in the two report formats (docs/decisions/0321): a
nämnd's free text (``lankar.MARKDOWN_FIELDS``) is Markdown in both; every other text (a name,
a title) is shown as written in both, so the .md report escapes every Markdown character of it
and ``validate`` says so instead of "visas bara som sin text"."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from tests.support import ROOT
from utsatta.check.pipeline import validate
from utsatta.check.rules.lankar import MARKDOWN_FIELDS
from utsatta.load.dataset import load
from utsatta.model.common import Text
from utsatta.render.report.environment import report_text

#: the mark that makes a ``str`` a ``Text`` (model.common)
TEXT_CHECK = get_args(Text)[1]
HOSTILE = "a [x](javascript:alert(1)) **c**"


def _is_text(info: Any) -> bool:
    metadata = list(info.metadata) + [
        m for a in get_args(info.annotation) for m in getattr(a, "__metadata__", ())
    ]
    inner = get_args(info.annotation)
    metadata += [m for a in inner for b in get_args(a) for m in getattr(b, "__metadata__", ())]
    return any(m is TEXT_CHECK for m in metadata)


def _mark(node: BaseModel, tags: dict[str, tuple[type[BaseModel], str]]) -> None:
    """Every text of ``node`` (at any depth) gets " **QQnQQ**" after it, n naming its field."""
    for name, info in type(node).model_fields.items():
        value = node.__dict__[name]
        if isinstance(value, BaseModel):
            _mark(value, tags)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for item in value:
                _mark(item, tags)
        elif _is_text(info) and (isinstance(value, str) or (isinstance(value, list) and value)):
            tag = f"QQ{len(tags)}QQ"
            tags[tag] = (type(node), name)
            if isinstance(value, str):
                node.__dict__[name] = f"{value} **{tag}**"
            else:
                node.__dict__[name] = [f"{v} **{tag}**" for v in value]


@pytest.mark.parametrize("ar", [2023, 2025])
def test_every_text_is_markdown_in_both_formats_or_in_neither(ar: int) -> None:
    ds = load(ROOT / "data")
    tags: dict[str, tuple[type[BaseModel], str]] = {}
    for src in ds.files():
        if src.model is not None:
            _mark(src.model, tags)
    html, md = report_text(ds, ar, "html"), report_text(ds, ar, "md")
    seen = 0
    for tag, (cls, name) in tags.items():
        as_md = (f"<strong>{tag}</strong>" in html, f"**{tag}**" in md)
        as_text = (f"**{tag}**" in html, f"\\*\\*{tag}\\*\\*" in md)
        if not any(as_md + as_text):
            continue  # not in this year's report
        seen += 1
        markdown = name in MARKDOWN_FIELDS.get(cls, frozenset())
        where = f"{cls.__name__}.{name}"
        assert as_md == (markdown, markdown), where
        assert as_text == (not markdown, not markdown), where
    assert seen > 40  # the walk reached the data


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data with a Markdown link and emphasis in the uppföljning's upprattad_av and
    in Kommunstyrelsen's namn, and without the plan's wording of 2:1's samordningsansvar, so
    that Bilaga A shows that name."""
    import shutil

    root = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", root)
    upp = root / "uppfoljning" / "2025.yaml"
    upp.write_text(
        upp.read_text(encoding="utf-8").replace(
            "\nupprattad_av: Stadsledningskontoret\n", f'\nupprattad_av: "{HOSTILE}"\n', 1
        ),
        encoding="utf-8",
    )
    orgs = root / "organisationer.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace(
            "namn: Kommunstyrelsen\n", 'namn: "Nämnd [y](javascript:alert(2)) **z**"\n', 1
        ),
        encoding="utf-8",
    )
    plan = root / "plan.yaml"
    line = '    samordningsansvar_lydelse: "Kommunstyrelsen"\n'
    assert plan.read_text(encoding="utf-8").count(line) == 1
    plan.write_text(plan.read_text(encoding="utf-8").replace(line, ""), encoding="utf-8")
    return root


def test_a_name_reads_the_same_in_md_and_html(hostile: Path) -> None:
    ds = load(hostile)
    md = report_text(ds, 2025, "md").splitlines()
    html = report_text(ds, 2025, "html").splitlines()
    meta_md = next(line for line in md if line.startswith("Upprättad av "))
    assert meta_md.startswith(
        r"Upprättad av a \[x\](javascript:alert(1)) \*\*c\*\* (illustrativ uppgift). Beslutad: "
    )
    meta_html = next(line for line in html if line.startswith('<p class="meta">Upprättad av '))
    assert meta_html.startswith(
        '<p class="meta">Upprättad av a [x](javascript:alert(1)) **c** (illustrativ uppgift). '
        "Beslutad: "
    )
    banner = next(line for line in md if line.startswith("> *Illustrativ uppföljning: "))
    assert banner.startswith(
        r"> *Illustrativ uppföljning: upprättaren som filen anger (a \[x\](javascript:alert(1)) "
        r"\*\*c\*\*) har inte skrivit den."
    )
    # the organisation's name in the table of earlier behov, and as samordnare
    assert any(
        line.startswith(r"| 2022 | Nämnd \[y\](javascript:alert(2)) \*\*z\*\* | 2:1 | ")
        for line in md
    )
    assert any(
        line.startswith(
            '<tr role="row"><th scope="row" role="rowheader">2022</th><td role="cell" '
            'data-label="Organisation">Nämnd [y](javascript:alert(2)) **z**</td>'
        )
        for line in html
    )
    assert (
        r"- Samordningsansvar i planen: Nämnd \[y\](javascript:alert(2)) \*\*z\*\* (namn "
        "enligt uppgifterna om organisationerna, inte planens lydelse)"
    ) in md
    # no link and no emphasis from the name in either
    assert not any(
        "javascript" in line and "](javascript" in line.replace("\\]", "") for line in md
    )
    assert not re.search(r"<a [^>]*javascript|<strong>[cz]</strong>", "\n".join(html))


def test_visas_som_text_tells_the_truth_for_a_plain_field(hostile: Path) -> None:
    found = {
        (Path(x.file).relative_to(hostile.parent).as_posix(), x.line, x.column): x.message
        for x in validate(hostile).findings
        if x.code == "visas-som-text"
    }
    assert found == {
        ("data/uppfoljning/2025.yaml", 10, 15): (
            "Texten är vanlig text, inte Markdown: båda rapportformaten visar "
            "'a [x](javascript:alert(1)) **c**' precis som den är skriven, så det som ser ut "
            "som länk visas som sina tecken och blir ingen länk och ingen formatering. Skriv "
            "texten utan Markdown och HTML; en webbadress kan stå som den är (https://…)."
        ),
        ("data/organisationer.yaml", 62, 11): (
            "Texten är vanlig text, inte Markdown: båda rapportformaten visar "
            "'Nämnd [y](javascript:alert(2)) **z**' precis som den är skriven, så det som ser "
            "ut som länk visas som sina tecken och blir ingen länk och ingen formatering. Skriv "
            "texten utan Markdown och HTML; en webbadress kan stå som den är (https://…)."
        ),
    }
