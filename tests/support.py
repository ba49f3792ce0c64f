"""Helpers shared by the tests (not a test module): the case folders and how to build one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from utsatta.export import Table
    from utsatta.render.report import ReportView

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))
ROOT = Path(__file__).parent.parent
#: the shipped data and the report fixture: the two read-only folders whose reports the tests
#: share (conftest's ``shared_report``)
SHIPPED = ROOT / "data"
REPORT_FIXTURE = Path(__file__).parent / "fixtures" / "report-data"

T = TypeVar("T")


def stopped(line: int) -> str:
    """What validate adds to the error that stops the reading of a file (load/raw.py)."""
    return (
        f" Felet på rad {line} stoppar kontrollen av hela filen: rätta det och kör igen för att "
        "se om något mer i filen behöver rättas."
    )


def shipped_report(ar: int, org: str) -> str:
    """The text of a shipped report (data/rapporter/ÅR/ORG.yaml): a real file to break."""
    return (ROOT / "data" / "rapporter" / str(ar) / f"{org}.yaml").read_text(encoding="utf-8")


def build_case(case: Path, into: Path) -> Path:
    """The data folder of a case: ``_base`` with the case's files laid over it."""
    data = into / "data"
    shutil.copytree(BASE, data)
    remove = case / "remove.txt"
    if remove.exists():
        for line in remove.read_text(encoding="utf-8").splitlines():
            if line.strip():
                (data / line.strip()).unlink()
    files = case / "files"
    if files.exists():
        shutil.copytree(files, data, dirs_exist_ok=True)
    return data


def schema_errors(kind: str, data: object) -> list[str]:
    """The editor schema's (JSON Schema) messages for ``data`` as a file of ``kind``."""
    from jsonschema import Draft202012Validator

    from utsatta.schema_export import file_names, schemas

    name = file_names()[kind]
    return [e.message for e in Draft202012Validator(schemas()[name]).iter_errors(data)]


def pydantic_ok(kind: str, data: object) -> bool:
    """Whether the model of ``kind`` accepts ``data``."""
    from pydantic import ValidationError

    from utsatta.load.dataset import KIND_MODELS

    try:
        KIND_MODELS[kind].model_validate(data)
    except ValidationError:
        return False
    return True


def real_shipped_data(tmp_path: Path) -> Path:
    """The shipped data with every report, uppföljning and indicator marked real (the
    ``illustrativ: true`` line removed; the default is false)."""
    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root)
    files = [*root.glob("rapporter/*/*.yaml"), *root.glob("uppfoljning/*.yaml")]
    for p in [*files, *root.glob("indikatorer/*.yaml")]:
        p.write_text(
            p.read_text(encoding="utf-8").replace("\nillustrativ: true\n", "\n", 1), "utf-8"
        )
    return root


def verdict_without_malvarde(tmp_path: Path) -> Path:
    """The shipped data with a verdict (delvis uppnått) on fokusområde 2 for 2025, whose
    indicators have no målvärde (warning bedomning-utan-malvarde)."""
    return shipped_with_verdict(tmp_path, "2")


def shipped_with_verdict(tmp_path: Path, fokus: str) -> Path:
    """The shipped data with the verdict delvis uppnått on ``fokus`` for 2025 (where the data
    says kan-inte-bedomas)."""
    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root)
    upp = root / "uppfoljning" / "2025.yaml"
    text = upp.read_text(encoding="utf-8")
    old = f'  - fokusomrade: "{fokus}"\n    bedomning: kan-inte-bedomas\n'
    assert old in text
    new = f'  - fokusomrade: "{fokus}"\n    bedomning: delvis-uppnatt\n'
    upp.write_text(text.replace(old, new))
    return root


def illustrativ_notice(root: Path, ar: int) -> tuple[str, str]:
    """The report's first lines in Markdown (before the first section) and the HTML banner
    ("" when the report has none)."""
    from utsatta.load.dataset import load
    from utsatta.render.report import build, render

    view = build(load(root), ar)
    md, html = render(view, "md"), render(view, "html")
    top = md.split("\n## ")[0]
    banner = (
        html.split('<div class="banner"', 1)[1].split("</div>", 1)[0] if view.illustrativ else ""
    )
    return top, banner


def need_pdf(what: str) -> None:
    """A PDF library or tool is missing: a skip, or a failure when ``UTSATTA_REQUIRE_PDF=1``
    (as in CI, where a PDF test must never pass by not running)."""
    import os

    import pytest

    if os.environ.get("UTSATTA_REQUIRE_PDF") == "1":
        pytest.fail(f"{what} (UTSATTA_REQUIRE_PDF=1)")
    pytest.skip(what)


def need_weasyprint() -> None:
    """WeasyPrint and its system libraries usable, else :func:`need_pdf` with what to install."""
    from utsatta.render.pdf import PdfUnavailableError, require_weasyprint

    try:
        require_weasyprint()
    except PdfUnavailableError as exc:
        need_pdf(str(exc))


def need_poppler(tool: str) -> str:
    """The path of poppler's ``tool`` (pdftotext, pdftoppm), else :func:`need_pdf`."""
    path = shutil.which(tool)
    if path is None:
        need_pdf(f"{tool} saknas; installera med 'apt-get install -y poppler-utils'")
    assert path is not None
    return path


def pdf_libraries() -> tuple[Any, Any]:
    """WeasyPrint usable (else :func:`need_pdf`), then the modules pdfplumber and pikepdf. Only
    a missing library is a skip: any other error is the test's failure."""
    need_weasyprint()
    try:
        import pdfplumber
        import pikepdf
    except ImportError:
        need_pdf(
            "pdfplumber och pikepdf saknas; installera med 'python -m pip install \".[test]\"'"
        )
    return pdfplumber, pikepdf


def shortened_while(lay_out: Callable[[], T]) -> tuple[T, list[int]]:
    """``lay_out()``'s result, and how many text boxes the long-word rule changed on each page
    WeasyPrint laid out meanwhile (``pdf_words.shorten_boxes``): a test of the rule reads the
    count of a PDF another test lays out anyway, not a second layout of its own."""
    import pytest

    from utsatta.render import pdf_words

    counted: list[int] = []
    real = pdf_words.shorten_boxes

    def counting(root: Any, limit: int = pdf_words.CELL_WORD) -> int:
        counted.append(real(root, limit))
        return counted[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_words, "shorten_boxes", counting)
        return lay_out(), counted


class SharedReport:
    """The report of a read-only data folder for a year, built once for the whole run
    (conftest's ``shared_report``): the view, and its Markdown and HTML rendered on first use.
    Never change it: a test that needs other data builds its own report from a copy."""

    def __init__(self, root: Path, ar: int) -> None:
        self.root, self.ar = root, ar

    @cached_property
    def view(self) -> ReportView:
        from utsatta.load.dataset import load
        from utsatta.render.report import build

        return build(load(self.root), self.ar)

    @cached_property
    def md(self) -> str:
        from utsatta.render.report import render

        return render(self.view, "md")

    @cached_property
    def html(self) -> str:
        from utsatta.render.report import render

        return render(self.view, "html")


@dataclass(frozen=True)
class ChartPoint:
    """A value as the chart and its table read it (``ar``, ``varde``, a method change, how
    sure): the tests of the charts build series from it."""

    ar: int
    varde: float
    metodbyte: bool = False
    sakerhet: str | None = None


def edited_findings(
    tmp_path: Path, file: str, old: str, new: str
) -> list[tuple[int, int, str, str]]:
    """(line, column, code, message) of the findings in ``file`` of a copy of the shipped data
    where ``old`` (once in the file) is replaced by ``new``, the file checked on its own."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return findings_in(data, path)


def findings_in(data: Path, path: Path) -> list[tuple[int, int, str, str]]:
    """(line, column, code, message) of the findings in ``path``, checked on its own against
    the data folder ``data``."""
    import utsatta

    return [
        (f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data, paths=[path]).findings
        if Path(f.file) == path
    ]


def with_malutfall(data: list[Table]) -> list[Table]:
    """``data`` with the shipped data's table malutfall of 2025 in place of an empty one: a
    fixture year before the plan's last has no goal outcomes, so a test over every column of
    every table takes the rows of the slutuppföljning."""
    from utsatta.export import tables
    from utsatta.load.dataset import load

    shipped = {t.namn: t for t in tables(load(SHIPPED), 2025)}
    return [shipped["malutfall"] if t.namn == "malutfall" and not t.rows else t for t in data]


def between(text: str, start: str, end: str) -> str:
    """The part of ``text`` from ``start`` up to the first ``end`` after it."""
    return text[text.index(start) : text.index(end, text.index(start))]


#: the word sak16 F4 put into every name and free text: longer than a phone's screen is wide
LONG_WORD = "W" * 90
#: the same as emoji, two columns each, with ZWJ sequences (granska16 #6, decision 0528)
EMOJI_WORD = "😀" * 60 + "👨\u200d👩\u200d👧" * 10
#: the keys whose value is a name: the word goes into each, with or without a space in it
_NAME_KEYS = frozenset({"namn", "titel", "utgivare", "kortnamn", "andra_namn", "benamning"})


def long_word_data(into: Path, word: str = LONG_WORD) -> Path:
    """A copy of the shipped data with " " + ``word`` after every name and every text
    with a space (every free text; not a url or a date), as the review's inject90.py made it:
    still valid data (warnings only). The copy keeps quotes and comments (ruamel round-trip)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10**6

    def walk(node: Any, key: object = None) -> Any:
        if isinstance(node, dict):
            for k in list(node):
                node[k] = walk(node[k], k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                node[i] = walk(v, key)
        elif (
            isinstance(node, str)
            and key not in ("url", "datum", "hamtad")
            and (" " in node or key in _NAME_KEYS)
        ):
            # at the end of the text's last line; the string keeps its YAML style
            end = "\n" if node.endswith("\n") else ""
            return type(node)(f"{node.rstrip()} {word}{end}")
        return node

    root = into / "data"
    for path in sorted(SHIPPED.rglob("*.yaml")):
        target = root / path.relative_to(SHIPPED)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as out:
            yaml.dump(walk(yaml.load(path.read_text(encoding="utf-8"))), out)
    return root


#: Every key whose value is free text in some model (tests/test_hostile_output.py keeps the
#: data valid by changing only these; its guard derives the list from the models).
FREE_TEXT = frozenset(
    [
        "andra_namn",
        "ansvar_lydelse",
        "ansvarig",
        "behov",
        "benamning",
        "beslutad_av",
        "definition",
        "diarienummer",
        "dokumentansvarig",
        "dokumenttyp",
        "enhet",
        "forslag",
        "fortsatt_arbete",
        "forvantat_resultat",
        "galler_for",
        "grund",
        "kommentar",
        "kontakt",
        "lardomar",
        "motivering",
        "namn",
        "nationellt",
        "nulage",
        "omfattning",
        "organ",
        "paragraf",
        "orsak",
        "redovisning",
        "samordning",
        "samordningsansvar_lydelse",
        "text",
        "tidsplan",
        "titel",
        "uppfoljning",
        "upprattad_av",
        "utgivare",
    ]
)
