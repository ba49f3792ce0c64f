"""The library: the README's example runs, `import utsatta` is cheap, and the README's table of
finding codes is the registry's."""

from __future__ import annotations

import json
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


def test_validate_reads_no_module_of_a_rare_finding() -> None:
    """Data without syntax or schema errors needs none of the modules that word those findings,
    nor the development of a series (statistics), nor the Markdown writer of the reports
    (mdtext; what can become a link is mdlinks), nor the atomic writes (filewrite), nor the
    advice on a copied post's id (check.copied): they are read when needed
    (docs/decisions/0380-kortare-start-for-validate.md)."""
    rare = (
        "statistics",
        "utsatta.check.copied",
        "utsatta.compute.direction",
        "utsatta.filewrite",
        "utsatta.load.indent",
        "utsatta.load.invisible",
        "utsatta.load.schema",
        "utsatta.load.schema_types",
        "utsatta.load.schema_words",
        "utsatta.load.syntax",
        "utsatta.load.type_advice",
        "utsatta.load.walk_findings",
        "utsatta.mdtext",
        "utsatta.synonyms",
    )
    code = (
        "import sys; from utsatta.cli.app import main; sys.argv = ['utsatta', 'validate', "
        f"'--data', {str(BASE)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {rare!r} if m in sys.modules), file=sys.stderr)"
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
    assert markdown_table() in text, 'Kör python scripts/readme_codes.py (README, "Ny fyndkod").'


def test_the_script_rewrites_a_stale_table_in_place(tmp_path: Path) -> None:
    """scripts/readme_codes.py puts the registry's table where the old one was, and nothing
    else changes; --check says so without writing."""
    current = README.read_text(encoding="utf-8")
    stale = current.replace(
        markdown_table(), markdown_table().replace("| `fil-saknas` |", "| `x` |")
    )
    assert stale != current
    copy = tmp_path / "README.md"
    copy.write_text(stale, encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts" / "readme_codes.py"), "--readme", str(copy)]
    checked = subprocess.run([*script, "--check"], capture_output=True, text=True, check=False)
    assert checked.returncode == 1
    assert (
        checked.stdout
        == f"{copy}: tabellen är inte registrets. Kör python scripts/readme_codes.py.\n"
    )
    assert copy.read_text(encoding="utf-8") == stale
    written = subprocess.run(script, capture_output=True, text=True, check=True)
    assert written.stdout == f"{copy}: tabellen över fyndkoder är omskriven.\n"
    assert copy.read_text(encoding="utf-8") == current


def test_every_row_of_the_readme_code_table_has_four_cells() -> None:
    """A '|' in a title or hint must not split the row (GitHub's table: '\\|' stays a '|')."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown_table())
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
    assert len(rows) == len(CODES) + 1
    assert all(len(row) == 4 for row in rows)
    titles = {row[0].strip("`"): row[2] for row in rows[1:]}
    assert "'nyckel: |'" in CODES["text-ej-indragen"].title
    assert titles["text-ej-indragen"].replace("\\|", "|") == CODES["text-ej-indragen"].title


# --- the public names (issue 12 review) ---------------------------------------------------------


def _run(code: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_load_stays_the_function_whatever_was_imported_first() -> None:
    """Importing utsatta.load.dataset (validate does) used to turn ``utsatta.load`` into the
    subpackage: 'module' object is not callable."""
    out = _run(
        "import utsatta\n"
        f"utsatta.validate({str(BASE)!r})\n"
        f"ds = utsatta.load({str(BASE)!r})\n"
        "from utsatta import load\n"
        "import utsatta.load.dataset\n"
        "print(load is utsatta.load, callable(load), load.__module__, type(ds).__name__)\n"
    )
    assert out == "True True utsatta DataSet\n"


def test_no_public_name_is_a_module_after_every_module_is_imported() -> None:
    """The whole kind: no name of ``__all__`` is shadowed by a subpackage or module of the
    same name, whichever modules were imported before."""
    out = _run(
        "import importlib, pkgutil, types, utsatta\n"
        "for m in pkgutil.walk_packages(utsatta.__path__, 'utsatta.'):\n"
        "    if m.name != 'utsatta.__main__':  # runs the command line\n"
        "        importlib.import_module(m.name)\n"
        "print([n for n in utsatta.__all__ if isinstance(getattr(utsatta, n), types.ModuleType)])"
    )
    assert out == "[]\n"


def test_every_public_name_has_its_own_docstring() -> None:
    for name in utsatta.__all__:
        obj = getattr(utsatta, name)
        own = type(obj).__doc__ if name == "CODES" else obj.__doc__
        assert own and own.strip(), name
        if isinstance(obj, type):
            assert "__doc__" in vars(obj) and obj.__doc__ is not None, name  # not Enum's
        assert not own.startswith(("Create a collection", "dict() -> new empty")), name


def test_a_type_checker_knows_the_api_and_refuses_unknown_names(tmp_path: Path) -> None:
    """py.typed is shipped, and ``__getattr__`` gives no Any for a misspelt name."""
    pytest.importorskip("mypy")
    assert (ROOT / "src" / "utsatta" / "py.typed").is_file()
    script = tmp_path / "anvandare.py"
    script.write_text(
        "import utsatta\n"
        "\n"
        'result = utsatta.validate("data")\n'
        "n: int = result.files_checked\n"
        "x = utsatta.finns_inte\n"
        'ds: utsatta.DataSet = utsatta.load("data", "data/plan.yaml")\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors == ['anvandare.py:5: error: Module has no attribute "finns_inte"  [attr-defined]']


# --- validate: paths and year as on the command line -------------------------------------------


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A data folder with two errors in one report (the case ogiltigt-varde)."""
    return build_case(CASES / "ogiltigt-varde", tmp_path)


def _where(findings: list[utsatta.Finding]) -> list[tuple[str, int, int, str]]:
    return [(f.file, f.line, f.column, f.code) for f in findings]


def test_validate_of_a_folder_or_shared_file_checks_the_whole_folder(broken: Path) -> None:
    full = utsatta.validate(broken).findings
    report = (broken / "rapporter" / "2023" / "grundskolenamnden.yaml").as_posix()
    assert _where(full) == [(report, 6, 13, "ogiltigt-varde"), (report, 9, 16, "ogiltigt-varde")]
    for named in (broken, broken / "rapporter" / "2023", broken / "plan.yaml", str(broken)):
        assert utsatta.validate(broken, paths=[named]).findings == full, named


def test_validate_takes_one_path_as_one_path(broken: Path) -> None:
    report = broken / "rapporter" / "2023" / "grundskolenamnden.yaml"
    full = utsatta.validate(broken).findings
    assert utsatta.validate(broken, paths=str(report)).findings == full
    assert utsatta.validate(broken, paths=report).findings == full
    other = broken / "rapporter" / "2023" / "kommunstyrelsen.yaml"
    assert utsatta.validate(broken, paths=str(other)).findings == []


def test_validate_refuses_a_path_it_cannot_check(broken: Path, tmp_path: Path) -> None:
    missing = broken / "rapporter" / "2023" / "finns-inte.yaml"
    with pytest.raises(utsatta.ArgumentError) as exc:
        utsatta.validate(broken, paths=[missing])
    assert str(exc.value) == f"Filen {missing} finns inte."
    assert exc.value.argument == "paths" and exc.value.exit_code == 2
    outside = tmp_path / "utanfor.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(utsatta.ArgumentError) as exc:
        utsatta.validate(broken, paths=[outside])
    assert str(exc.value) == (
        f"{outside} ligger inte i datamappen {broken}. Kontrollera den mot den datamapp som den "
        "hör till (den som har planen den gäller), eller flytta den till sin plats i den här "
        "datamappen."
    )
    with pytest.raises(utsatta.ArgumentError, match="ingen sökväg"):
        utsatta.validate(broken, paths=[1])  # type: ignore[list-item]


def test_validate_refuses_a_year_outside_the_plan(broken: Path) -> None:
    with pytest.raises(utsatta.ArgumentError) as exc:
        utsatta.validate(broken, year=1999)
    assert str(exc.value) == (
        "1999 ligger utanför planens giltighetstid 2022–2025. Ange ett år från 2022 till 2025."
    )
    assert exc.value.argument == "year"


def test_the_command_line_shows_the_librarys_refusal_as_a_usage_error(
    broken: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from utsatta.cli.app import app

    outside = tmp_path / "utanfor.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--data", str(broken), str(outside)])
    assert result.exit_code == 2
    assert f"fel: Ogiltigt värde för FILER: {outside} ligger inte i datamappen" in result.stderr
    result = CliRunner().invoke(app, ["validate", "--data", str(broken), "--year", "1999"])
    assert result.exit_code == 2
    assert "fel: Ogiltigt värde för --year: 1999 ligger utanför planens giltighetstid" in (
        result.stderr
    )


# --- the data folder ----------------------------------------------------------------------------


def test_a_missing_folder_or_a_file_is_no_data_folder(tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte"
    for call in (utsatta.validate, utsatta.load):
        with pytest.raises(utsatta.DataDirError) as exc:
            call(missing)
        assert str(exc.value) == (
            f"Datamappen {missing} finns inte. Ange sökvägen till datamappen (mappen som har "
            "plan.yaml)."
        )
        assert exc.value.exit_code == 3
    afile = tmp_path / "ex.py"
    afile.write_text("", encoding="utf-8")
    with pytest.raises(utsatta.DataDirError) as exc:
        utsatta.validate(afile)
    assert str(exc.value) == (
        f"Datamappen {afile} är en vanlig fil, inte en mapp. Ange sökvägen till datamappen "
        "(mappen som har plan.yaml)."
    )


def test_output_error_is_not_in_the_api() -> None:
    """OutputError is the command line's base for what it cannot write: the API's one writer,
    ``write_export``, raises the concrete ``utsatta.errors.WriteRefused`` (and ``WriteFailed``),
    both ``UtsattaError``."""
    assert "OutputError" not in utsatta.__all__


# --- load ---------------------------------------------------------------------------------------


def test_load_gives_findings_their_positions(broken: Path) -> None:
    report = (broken / "rapporter" / "2023" / "grundskolenamnden.yaml").as_posix()
    assert _where(utsatta.load(broken).findings) == [
        (report, 6, 13, "ogiltigt-varde"),
        (report, 9, 16, "ogiltigt-varde"),
    ]


def test_load_takes_one_path_as_one_path(broken: Path) -> None:
    report = broken / "rapporter" / "2023" / "kommunstyrelsen.yaml"
    for only in (str(report), report, [str(report)]):
        ds = utsatta.load(broken, only)
        assert [r.path for r in ds.rapporter] == [report], only
        assert ds.partial


def test_names_of_files_do_not_depend_on_the_working_folder(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service gets the same names for the same folder, whatever its working folder; the
    command line still names files from its working folder."""
    seen = []
    for cwd in (tmp_path, broken, ROOT):
        monkeypatch.chdir(cwd)
        seen.append([f.file for f in utsatta.validate(broken).findings])
    report = (broken / "rapporter" / "2023" / "grundskolenamnden.yaml").as_posix()
    assert seen == [[report, report]] * 3
    from typer.testing import CliRunner

    from utsatta.cli.app import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "--data", str(broken), "--format", "text"])
    assert result.stdout.startswith("data/rapporter/2023/grundskolenamnden.yaml:6:13: fel ")


# --- the report ---------------------------------------------------------------------------------


def test_build_report_refuses_data_with_errors(broken: Path, tmp_path: Path) -> None:
    for ds in (utsatta.validate(broken).dataset, utsatta.load(broken)):
        with pytest.raises(utsatta.DataErrors) as exc:
            utsatta.build_report(ds, 2023)
        assert _where(exc.value.findings) == _where(utsatta.validate(broken).findings)
        assert str(exc.value).startswith(
            "Rapporten för 2023 kan inte skrivas: datan har 2 fel som skulle göra den felaktig. "
            f"{broken.as_posix()}/rapporter/2023/grundskolenamnden.yaml:6:13: [ogiltigt-varde] "
        )
        with pytest.raises(utsatta.DataErrors):
            utsatta.report_text(ds, 2023, "md")


def test_build_report_refuses_a_missing_organisationer_file(tmp_path: Path) -> None:
    data = build_case(BASE, tmp_path)
    (data / "organisationer.yaml").unlink()
    with pytest.raises(utsatta.DataErrors) as exc:
        utsatta.build_report(utsatta.validate(data).dataset, 2023)
    assert [(f.code, Path(f.file).name) for f in exc.value.findings] == [
        ("fil-saknas", "organisationer.yaml")
    ]


def test_build_report_refuses_what_the_checks_refuse_before_computing(tmp_path: Path) -> None:
    """Two editions of the police's list for one year: an error, not a ValueError."""
    data = build_case(CASES / "omraden-klassning", tmp_path)
    with pytest.raises(utsatta.DataErrors) as exc:
        utsatta.build_report(utsatta.load(data), 2023)
    assert "dubblett-klassning" in {f.code for f in exc.value.findings}


def test_build_report_refuses_a_year_outside_the_plan_and_data_without_texts() -> None:
    with pytest.raises(utsatta.ArgumentError) as exc:
        utsatta.build_report(utsatta.validate(BASE).dataset, 1999)
    assert str(exc.value).startswith("1999 ligger utanför planens giltighetstid 2022–2025.")
    with pytest.raises(utsatta.ArgumentError, match=r"texts=False"):
        utsatta.build_report(utsatta.validate(BASE, texts=False).dataset, 2023)
    report = BASE / "rapporter" / "2023" / "kommunstyrelsen.yaml"
    with pytest.raises(utsatta.ArgumentError, match="bara några av rapporterna"):
        utsatta.build_report(utsatta.load(BASE, report), 2023)
    with pytest.raises(utsatta.ArgumentError, match="bara några av rapporterna"):
        utsatta.build_report(utsatta.validate(BASE, paths=report).dataset, 2023)


def test_build_report_of_clean_data() -> None:
    view = utsatta.build_report(utsatta.validate(BASE).dataset, 2023)
    assert isinstance(view, utsatta.ReportView) and view.titel == "Samlad uppföljning 2023"
    assert utsatta.render_report(view, "md").startswith("# ")
    with pytest.raises(utsatta.ArgumentError) as exc:
        utsatta.render_report(view, "pdf")  # type: ignore[arg-type]
    assert str(exc.value) == 'Okänt format \'pdf\': ange "md" eller "html".'
    data = json.loads(utsatta.report_json(utsatta.load(BASE), 2023))
    assert data["format"] == "utsatta-rapport" and data["ar"] == 2023


def test_the_data_repositorys_own_templates_are_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """report_text uses templates/ beside the data folder, as `utsatta report` does."""
    from typer.testing import CliRunner

    from utsatta.cli.app import app

    data = build_case(BASE, tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "report.md.j2").write_text("Egen mall {{ r.ar }}\n", "utf-8")
    ds = utsatta.validate(data).dataset
    assert utsatta.report_text(ds, 2023, "md") == "Egen mall 2023\n"
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["report", "2023"]).stdout == "Egen mall 2023\n"
    view = utsatta.build_report(ds, 2023)
    assert utsatta.render_report(view, "md").startswith("# Samlad uppföljning 2023")
    own = utsatta.override_templates_dir(data)
    assert utsatta.render_report(view, "md", own) == "Egen mall 2023\n"


def test_format_text_names_the_kinds() -> None:
    with pytest.raises(utsatta.ArgumentError) as exc:
        utsatta.format_text("a: 1\n", "rapporter")
    assert str(exc.value) == (
        "Okänd filtyp 'rapporter'. Filtyperna är plan, organisationer, omraden, indikator, "
        "rapport, uppfoljning."
    )
