"""Version 1.0.0 in one place, named by every output, and `report --check` telling a file that
differs only in the version from one whose content differs (docs/decisions/0630)."""

from __future__ import annotations

import importlib.metadata
import json
import tomllib
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import utsatta
from tests.support import pdf_libraries
from utsatta.cli.app import app
from utsatta.load.dataset import load
from utsatta.render.pdf import html_to_pdf
from utsatta.render.report.assemble import assemble
from utsatta.render.report.defaults import report_defaults
from utsatta.render.report_output import render_output
from utsatta.render.written_version import with_version, written_versions
from utsatta.version import VERKTYG, __version__

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
ROOT = HERE.parent
OM = (
    "Rapporten är skriven av utsatta version {v} ur datamappens filer: planen, "
    "organisationerna, områdena med polisens listor, indikatorerna och de rapporter och samlade "
    "uppföljningar för 2022–2023 som finns där."
)


def test_the_version_is_1_0_0_in_one_place() -> None:
    assert (utsatta.__version__, VERKTYG) == ("1.0.0", "utsatta version 1.0.0")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # pyproject names no version of its own: hatchling reads version.py
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"] == {"path": "src/utsatta/version.py"}
    # an installation older than version.py is stale: reinstall (pip install -e .)
    assert importlib.metadata.version("utsatta") == __version__


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["report", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


def test_markdown_html_and_json_name_the_version() -> None:
    _, md, _ = _invoke("2023", "--data", str(FIXTURE))
    assert md.endswith(
        "\n## Om rapporten\n\n"
        + OM.format(v=__version__)
        + "\n\nSamma datafiler, samma mallar och samma version av utsatta ger samma rapport. "
        "Med versionen kan rapporten alltså skrivas igen ur samma data och jämföras med den "
        "här.\n"
    )
    _, html, _ = _invoke("2023", "--format", "html", "--data", str(FIXTURE))
    assert html.count(f'<meta name="generator" content="utsatta version {__version__}">') == 1
    assert f"<p>{OM.format(v=__version__)}</p>" in html
    _, text, _ = _invoke("2023", "--format", "json", "--data", str(FIXTURE))
    data = json.loads(text)
    assert data["version"] == __version__
    assert data["om_rapporten"][0] == OM.format(v=__version__)


def test_check_tells_a_version_only_difference(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    _, md, _ = _invoke("2023", "--data", str(FIXTURE))
    target.write_text(md.replace(VERKTYG, "utsatta version 0.9.0"), encoding="utf-8")
    code, out, err = _invoke("2023", "-o", str(target), "--check", "--data", str(FIXTURE))
    assert (code, out, err) == (
        1,
        "",
        f"{target} har samma innehåll som en ny rendering av rapporten 2023; enda skillnaden "
        f"är versionen: filen är skriven av utsatta version 0.9.0, den här är {VERKTYG}. "
        f"Uppdatera filen med: utsatta report 2023 --data {FIXTURE} --output {target} --force",
    )


def test_check_tells_a_content_difference_apart_from_the_version(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    _, html, _ = _invoke("2023", "--format", "html", "--data", str(FIXTURE))
    lines = html.replace(VERKTYG, "utsatta version 0.9.0").splitlines(keepends=True)
    lines[9] = "ändrad rad\n"
    target.write_text("".join(lines), encoding="utf-8")
    code, _, err = _invoke(
        "2023", "--format", "html", "-o", str(target), "--check", "--data", str(FIXTURE)
    )
    # the line is the content's first difference, not the generator's (line 6)
    assert (code, err) == (
        1,
        f"{target} skiljer sig från en ny rendering av rapporten 2023, första skillnaden på rad "
        f"10 (också bortsett från versionen: filen är skriven av utsatta version 0.9.0, den här "
        f"är {VERKTYG}). Uppdatera filen med: utsatta report 2023 --format "
        f"html --data {FIXTURE} --output {target} --force",
    )


def test_a_report_without_a_version_is_a_plain_difference(tmp_path: Path) -> None:
    # a report written before 1.0.0 names no version: its difference is said as before
    target = tmp_path / "r.md"
    _, md, _ = _invoke("2023", "--data", str(FIXTURE))
    target.write_text(md.replace(VERKTYG, "utsatta"), encoding="utf-8")
    code, _, err = _invoke("2023", "-o", str(target), "--check", "--data", str(FIXTURE))
    line = md.splitlines().index(OM.format(v=__version__)) + 1
    assert (code, err) == (
        1,
        f"{target} skiljer sig från en ny rendering av rapporten 2023, första skillnaden på rad "
        f"{line}. Uppdatera filen med: utsatta report 2023 --data {FIXTURE} --output {target} "
        "--force",
    )


def test_written_versions_reads_each_once_and_at_most_three() -> None:
    raw = b"utsatta version 1.0.0 utsatta version 1.0.0. utsatta version 0.9.0-rc1 utsatta 2025"
    assert written_versions(raw, pdf=False) == ("1.0.0", "0.9.0-rc1")
    many = b" ".join(b"utsatta version 1.0.%d" % i for i in range(10))
    assert written_versions(many, pdf=False) == ("1.0.0", "1.0.1", "1.0.2")
    # a damaged stream is skipped, never an error
    assert written_versions(b"stream\nnot flate\nendstream", pdf=True) == ()
    assert written_versions(b"stream\nx\x9cbroken", pdf=True) == ()


def test_written_versions_reads_a_pdfs_flate_streams_within_bounds() -> None:
    packed = zlib.compress(b"<< /Creator (utsatta version 2.0.0) >>")
    assert written_versions(b"%PDF\nstream\n" + packed + b"\nendstream", pdf=True) == ("2.0.0",)
    assert written_versions(b"stream\n" + packed, pdf=False) == ()  # only a PDF is unpacked
    # a stream that unpacks to far more than a report's is read only to its bound: what lies
    # beyond it is not searched
    bomb = zlib.compress(b"\0" * (5 * 1024 * 1024) + b"utsatta version 9.9.9", 9)
    assert written_versions(b"stream\n" + bomb, pdf=True) == ()


@pytest.mark.pdf
def test_the_pdf_names_the_version_as_creator() -> None:
    _, pikepdf = pdf_libraries()
    html = f'<html><head><meta name="generator" content="{VERKTYG}"></head><body>x</body></html>'
    pdf = html_to_pdf(html, footer="f")
    import io

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert str(doc.docinfo["/Creator"]) == VERKTYG
    # WeasyPrint keeps it in a compressed stream: read there
    assert VERKTYG.encode() not in pdf
    assert written_versions(pdf, pdf=True) == (__version__,)


@pytest.mark.pdf
def test_check_tells_a_pdf_that_differs_only_in_the_version(tmp_path: Path) -> None:
    pdf_libraries()
    # the 0.9.0 PDF laid out once, from the view and defaults the command uses (not the 1.0.0
    # PDF too: that the two differ is the check's exit 1, where equal bytes would be 0)
    ds = load(FIXTURE)
    view = with_version(assemble(ds, 2023), "0.9.0")
    old = render_output(view, report_defaults(ds, 2023, "pdf"), ds)
    assert isinstance(old, bytes) and old.startswith(b"%PDF-")
    target = tmp_path / "r.pdf"
    target.write_bytes(old)
    code, _, err = _invoke(
        "2023", "--format", "pdf", "-o", str(target), "--check", "--data", str(FIXTURE)
    )
    assert (code, err) == (
        1,
        f"{target} har samma innehåll som en ny rendering av rapporten 2023; enda skillnaden "
        f"är versionen: filen är skriven av utsatta version 0.9.0, den här är {VERKTYG}. "
        f"Uppdatera filen med: utsatta report 2023 --format pdf --data {FIXTURE} --output "
        f"{target} --force",
    )


def test_the_export_names_the_version(tmp_path: Path) -> None:
    import zipfile

    from utsatta.export import export

    export(load(FIXTURE), 2023, "xlsx", tmp_path / "u.xlsx")
    core = zipfile.ZipFile(tmp_path / "u.xlsx").read("docProps/core.xml").decode()
    assert f"<dc:description>Skriven av {VERKTYG}.</dc:description>" in core
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(tmp_path / "u.xlsx")["om_filen"]
    rows = {r[0]: r[1] for r in sheet.iter_rows(values_only=True)}
    assert rows["Version"] == (
        f"Skriven av {VERKTYG}. Samma datafiler och samma version av utsatta ger samma tabeller."
    )
