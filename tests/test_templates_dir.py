"""``templates_dir`` of ``report_text``, ``render_report`` and ``report_pdf``: a folder that is
not there is an ``ArgumentError`` (exit 2), not a silent fall-back to the bundled templates;
False asks for the bundled templates also when the data repository has its own ``templates/``
(docs/decisions/0451-mallmapp-som-saknas.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import utsatta
from tests.support import pdf_libraries

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
YEAR = 2023
ADVICE = (
    "Ange en mapp med rapportmallar, None för datarepots egna templates/ bredvid datamappen "
    "(om den finns) eller False för bara de inbyggda mallarna."
)


def test_a_folder_that_is_not_there_is_an_argument_error(tmp_path: Path) -> None:
    ds = utsatta.load(FIXTURE)
    view = utsatta.build_report(ds, YEAR)
    missing = tmp_path / "finns-inte"
    calls = [
        lambda d: utsatta.report_text(ds, YEAR, "md", d),
        lambda d: utsatta.report_text(ds, YEAR, "html", templates_dir=d),
        lambda d: utsatta.render_report(view, "md", d),
        lambda d: utsatta.report_pdf(ds, YEAR, templates_dir=d),
    ]
    for call in calls:
        for given in (missing, str(missing)):
            with pytest.raises(utsatta.ArgumentError) as exc:
                call(given)
            assert (exc.value.argument, exc.value.exit_code) == ("templates_dir", 2)
            assert str(exc.value) == f"Mallmappen {missing} (templates_dir) finns inte. {ADVICE}"


def test_a_file_a_wrong_type_and_a_hostile_name_are_said_as_they_are(tmp_path: Path) -> None:
    ds = utsatta.load(FIXTURE)
    a_file = tmp_path / "report.md.j2"
    a_file.write_text("x\n", "utf-8")
    cases = [
        (a_file, f"Mallmappen {a_file} (templates_dir) är ingen mapp. {ADVICE}"),
        (
            tmp_path / "a\nb\x1b[31m",
            f"Mallmappen {tmp_path}/a\\nb\\x1b[31m (templates_dir) finns inte. {ADVICE}",
        ),
        (3, f"templates_dir ska vara en mapp som text (str) eller Path, inte int: 3. {ADVICE}"),
        (
            True,
            f"templates_dir ska vara en mapp som text (str) eller Path, inte bool: True. {ADVICE}",
        ),
        # Was "ska vara en mapp som text (str) … inte str: ''" (review granska12, finding 6)
        ("", f"templates_dir är en tom text, ingen mapp. {ADVICE}"),
    ]
    for given, message in cases:
        with pytest.raises(utsatta.ArgumentError) as exc:
            utsatta.report_text(ds, YEAR, "md", given)  # type: ignore[arg-type]
        assert str(exc.value) == message


def test_false_asks_for_the_bundled_templates(own: Path) -> None:
    """None: the repository's own templates/; False: the bundled ones, as without templates/."""
    ds = utsatta.load(own)
    assert utsatta.report_text(ds, YEAR, "md") == "Egen mall 2023\n"
    bundled = utsatta.report_text(ds, YEAR, "md", False)
    assert bundled.startswith("# Samlad uppföljning 2023")
    assert bundled == utsatta.report_text(utsatta.load(FIXTURE), YEAR, "md")
    view = utsatta.build_report(ds, YEAR)
    assert utsatta.render_report(view, "html", False) == utsatta.render_report(view, "html")


def test_report_pdf_refuses_the_folder_before_what_to_install(
    own: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(utsatta.ArgumentError) as exc:
        utsatta.report_pdf(utsatta.load(own), YEAR, templates_dir=own / "mallar")
    assert exc.value.argument == "templates_dir"
    with pytest.raises(utsatta.MissingLibrary):
        utsatta.report_pdf(utsatta.load(own), YEAR, templates_dir=False)


@pytest.mark.pdf
def test_report_pdf_with_false_is_the_pdf_of_the_bundled_templates(
    own: Path, fixture_report_pdf: bytes
) -> None:
    pdf_libraries()  # a missing library: a skip, or a failure in CI
    ds = utsatta.load(own)
    # laid out once (a PDF is deterministic, test_pdf): about 4 s of CPU each time
    bundled = utsatta.report_pdf(ds, YEAR, templates_dir=False)
    assert bundled == fixture_report_pdf  # conftest: report_pdf(load(FIXTURE), YEAR)
    assert utsatta.report_pdf(ds, YEAR) != bundled
